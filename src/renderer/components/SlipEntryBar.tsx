import { Alert, Autocomplete, Badge, Button, Group, Kbd, Loader, Modal, Paper, SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { Classification, Meeting, MeetingSheet, OpenReferral, Slip, SlipKind } from '../../shared/contract';
import { LedgerError } from '../../shared/errors';
import { amountExample, minorToInput } from '../../shared/money';
import { ledger } from '../client';
import { KeyChoice } from './KeyChoice';
import { MemberPicker, isOutsideChoice, type PickableMember } from './MemberPicker';
import type { OutsidePartyKind } from '../../shared/domain';
import { setLeaveGuard } from '../leave-guard';
import { emailInPhone, keptKinds, keptSentence, refusalSentence, slipFieldLabels, slipTypeWords, switchSlipType, unsavedSentence, type EntryKind, type KeptDrafts } from '../slip-drafts';
import { looksLikeEmail } from '../../shared/fields';
import { slipModes } from '../slip-modes';

/**
 * What the bar holds, kept by the Meeting screen while the bar is not drawn (the Attendance tab, another
 * meeting opened): nothing typed is dropped by a tab or a meeting switch.
 */
export interface BarMemory {
  meetingId: string;
  meetingOn: string;
  mode: EntryKind;
  draft: Draft;
  kept: KeptDrafts<Draft>;
  held: HeldSlip[];
}
/** A slip set aside with the reason it is not saved, offered back by a button. */
export interface HeldSlip {
  kind: SlipKind;
  draft: Draft;
  before: Slip | null;
  message: string;
}

/** The platform's modifier for undo: Cmd on macOS, Ctrl elsewhere. */
export const modKey = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export { slipModes };

export interface Draft {
  id?: string;
  giverId: string | null;
  receiverId: string | null;
  referralKind: 'inside' | 'outside';
  temperature: '1' | '2' | '3' | '4' | '5';
  prospectName: string;
  prospectPhone: string;
  prospectEmail: string;
  note: string;
  closerId: string | null;
  referrerId: string | null;
  amount: string;
  business: 'new' | 'repeat';
  tyfcbKind: 'inside' | 'outside' | 'tier3';
  referralId: string | null;
  memberAId: string | null;
  memberBId: string | null;
  metOn: string;
  name: string;
  company: string;
  classificationSought: string;
  invitedById: string | null;
  phone: string;
  email: string;
  memberId: string | null;
  credits: number | string;
  /** The picker holding someone outside the chapter ("@other_chapter", "@visitor", "@bni"), if any. */
  partySide: PickKey | null;
  partyName: string;
  partyChapter: string;
}

type PickKey = 'giverId' | 'receiverId' | 'closerId' | 'referrerId' | 'memberAId' | 'memberBId' | 'invitedById' | 'memberId';
/** The two sides of each slip that may have an outsider on one of them. */
const pairOf: Partial<Record<PickKey, PickKey>> = { giverId: 'receiverId', receiverId: 'giverId', closerId: 'referrerId', referrerId: 'closerId', memberAId: 'memberBId', memberBId: 'memberAId' };
const partyKindOf = (id: string | null): OutsidePartyKind | null => (id === '@other_chapter' ? 'other_chapter' : id === '@visitor' ? 'visitor' : id === '@bni' ? 'bni' : null);
const choiceOf: Record<OutsidePartyKind, string> = { other_chapter: '@other_chapter', visitor: '@visitor', bni: '@bni' };

const emptyDraft = (): Draft => ({
  giverId: null,
  receiverId: null,
  referralKind: 'outside',
  temperature: '3',
  prospectName: '',
  prospectPhone: '',
  prospectEmail: '',
  note: '',
  closerId: null,
  referrerId: null,
  amount: '',
  business: 'new',
  tyfcbKind: 'outside',
  referralId: null,
  memberAId: null,
  memberBId: null,
  metOn: '',
  name: '',
  company: '',
  classificationSought: '',
  invitedById: null,
  phone: '',
  email: '',
  memberId: null,
  credits: 1,
  partySide: null,
  partyName: '',
  partyChapter: '',
});

export function draftFromSlip(slip: Slip, currency: string, locale: string): Draft {
  const d = emptyDraft();
  switch (slip.kind) {
    case 'referral':
      return { ...d, id: slip.id, giverId: slip.giverId, receiverId: slip.receiverId, referralKind: slip.referralKind, temperature: String(slip.temperature) as Draft['temperature'], prospectName: slip.prospectName, prospectPhone: slip.prospectPhone, prospectEmail: slip.prospectEmail, note: slip.note };
    case 'tyfcb':
      return { ...d, id: slip.id, closerId: slip.closerId, referrerId: slip.referrerId, amount: minorToInput(slip.amountMinor, currency, locale), business: slip.business, tyfcbKind: slip.tyfcbKind, referralId: slip.referralId, note: slip.note };
    case 'one_to_one':
      return { ...d, id: slip.id, memberAId: slip.memberAId, memberBId: slip.memberBId, metOn: slip.metOn, note: slip.note };
    case 'visitor':
      return { ...d, id: slip.id, name: slip.name, company: slip.company, classificationSought: slip.classificationSought, invitedById: slip.invitedById, phone: slip.phone, email: slip.email };
    case 'ceu':
      return { ...d, id: slip.id, memberId: slip.memberId, credits: slip.credits, note: slip.note };
    case 'outside_party': {
      // Back into the pickers the way it reads: the party on its side, the member on the other.
      const party = { partyName: slip.partyKind === 'bni' ? '' : slip.partyName, partyChapter: slip.partyChapter };
      const choice = choiceOf[slip.partyKind];
      if (slip.slipType === 'referral') {
        const [giverId, receiverId, partySide] = slip.direction === 'received' ? [choice, slip.memberId, 'giverId' as const] : [slip.memberId, choice, 'receiverId' as const];
        return { ...d, ...party, id: slip.id, giverId, receiverId, partySide, referralKind: slip.slipKind === 'inside' ? 'inside' : 'outside', temperature: String(slip.temperature ?? 3) as Draft['temperature'], prospectName: slip.prospectName, prospectPhone: slip.prospectPhone, prospectEmail: slip.prospectEmail, note: slip.note };
      }
      if (slip.slipType === 'tyfcb') {
        const [closerId, referrerId, partySide] = slip.direction === 'given' ? [choice, slip.memberId, 'closerId' as const] : [slip.memberId, choice, 'referrerId' as const];
        return { ...d, ...party, id: slip.id, closerId, referrerId, partySide, amount: minorToInput(slip.amountMinor ?? 0, currency, locale), business: slip.business ?? 'new', tyfcbKind: (slip.slipKind || 'outside') as Draft['tyfcbKind'], note: slip.note };
      }
      return { ...d, ...party, id: slip.id, memberAId: slip.memberId, memberBId: choice, partySide: 'memberBId', metOn: slip.metOn ?? '', note: slip.note };
    }
  }
}

/**
 * Puts the cursor in the field a refusal names ("metOn", "credits", "memberBId"…), found by its
 * data-slip-field mark; for a choice of options, on the chosen one. The amendment reason lives above the
 * bar, in the closed meeting's notice.
 */
export function focusSlipField(form: HTMLElement | null, field: string): boolean {
  if (field === 'reason') {
    const box = document.querySelector<HTMLInputElement>('input[aria-label="Reason for amendments"]');
    box?.focus();
    return !!box;
  }
  const marked = form?.querySelector<HTMLElement>(`[data-slip-field="${field}"]`);
  if (!marked) return false;
  const target = marked instanceof HTMLInputElement || marked instanceof HTMLTextAreaElement ? marked : marked.querySelector<HTMLElement>('input:checked, input');
  target?.focus();
  return !!target;
}

/**
 * Enter in a list whose dropdown is closed saves the slip, as Enter does in any field; with the list
 * open, the list's own Enter takes the highlighted line.
 */
function enterInClosedListSaves(event: React.KeyboardEvent<HTMLElement>) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || !(target instanceof HTMLInputElement)) return;
  if (target.getAttribute('aria-expanded') === 'true' || target.hasAttribute('data-expanded')) return;
  event.preventDefault();
  event.stopPropagation();
  target.form?.requestSubmit();
}

/** The cursor may be taken to the slip bar: it is nowhere, in the bar, or on a button or a tab — never in a dialog or a field elsewhere. */
function cursorIsFree(form: HTMLFormElement | null): boolean {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body || form?.contains(active)) return true;
  if (active.closest('[role="dialog"]')) return false;
  return !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || active.isContentEditable);
}

/** Has the secretary typed anything since the bar was emptied (or since the edit began)? */
function differs(d: Draft, baseline: Draft): boolean {
  return JSON.stringify(d) !== JSON.stringify(baseline);
}

/** What each mode sends: only its own fields, so a slip never carries another type's leftovers. */
export function saveSlipDraft(kind: SlipKind, d: Draft, meetingId: string, extra: { reason: string; confirmDuplicate: boolean }, editing: Slip | null = null): Promise<Slip> {
  const common = { ...(d.id ? { id: d.id } : {}), meetingId, ...extra };
  const side = d.partySide && isOutsideChoice(d[d.partySide] as string | null) ? d.partySide : null;
  // A slip keeps its nature: one with an outsider stays one, a members' slip stays between members.
  if (d.id && editing && (editing.kind === 'outside_party') !== (side !== null)) {
    const message = side ? 'A slip between two members cannot become one with someone outside the chapter: delete it and record the new one.' : 'This slip is with someone outside the chapter: to make it a slip between two members, delete it and record the new one.';
    return Promise.reject(new LedgerError('invalid_input', message, side ?? (kind === 'referral' ? 'receiverId' : kind === 'tyfcb' ? 'referrerId' : 'memberBId')));
  }
  if (side && (kind === 'referral' || kind === 'tyfcb' || kind === 'one_to_one')) {
    const partyKind = partyKindOf(d[side] as string)!;
    const member = (k: PickKey) => (d[k] as string | null) ?? '';
    const memberKey = pairOf[side]!;
    // Which way the slip runs for the member: a referral from the outsider is received, a TYFCB the outsider closed was given.
    const direction = kind === 'one_to_one' ? ('with' as const) : side === 'giverId' || side === 'referrerId' ? ('received' as const) : ('given' as const);
    return ledger.saveOutsidePartySlip({
      ...common,
      slipType: kind,
      memberId: member(memberKey),
      direction,
      party: { kind: partyKind, name: d.partyName, chapterName: d.partyChapter },
      referralKind: d.referralKind,
      temperature: Number(d.temperature),
      prospectName: d.prospectName,
      prospectPhone: d.prospectPhone,
      prospectEmail: d.prospectEmail,
      amount: d.amount,
      business: d.business,
      tyfcbKind: d.tyfcbKind,
      ...(kind === 'one_to_one' && d.metOn ? { metOn: d.metOn } : {}),
      note: d.note,
    });
  }
  switch (kind) {
    case 'referral':
      return ledger.saveReferral({ ...common, giverId: d.giverId ?? '', receiverId: d.receiverId ?? '', referralKind: d.referralKind, temperature: Number(d.temperature), prospectName: d.prospectName, prospectPhone: d.prospectPhone, prospectEmail: d.prospectEmail, note: d.note });
    case 'tyfcb':
      return ledger.saveTyfcb({ ...common, closerId: d.closerId ?? '', referrerId: d.referrerId ?? '', amount: d.amount, business: d.business, tyfcbKind: d.tyfcbKind, referralId: d.referralId, note: d.note });
    case 'one_to_one':
      return ledger.saveOneToOne({ ...common, memberAId: d.memberAId ?? '', memberBId: d.memberBId ?? '', ...(d.metOn ? { metOn: d.metOn } : {}), note: d.note });
    case 'visitor':
      return ledger.saveVisitor({ ...common, name: d.name, company: d.company, classificationSought: d.classificationSought, invitedById: d.invitedById, phone: d.phone, email: d.email });
    case 'ceu':
      return ledger.saveCeu({ ...common, memberId: d.memberId ?? '', credits: Number(d.credits), note: d.note });
    case 'outside_party':
      return Promise.reject(new LedgerError('invalid_input', 'Choose the slip type first.'));
  }
}

type BusyFlag = { get: () => boolean; set: (busy: boolean) => void; subscribe: (listener: () => void) => () => void };
function createBusyFlag(): BusyFlag {
  let busy = false;
  const listeners = new Set<() => void>();
  return {
    get: () => busy,
    set: (next) => {
      if (next === busy) return;
      busy = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The Save button: it alone redraws when a save leaves and when the last one answers. Its spinner shows
 * only for a save still on its way after a moment: a save answered at once draws no animation at all.
 */
const SaveButton = memo(function SaveButton({ busy, label }: { busy: BusyFlag; label: string }) {
  const saving = useSyncExternalStore(busy.subscribe, busy.get);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!saving) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), 300);
    return () => clearTimeout(timer);
  }, [saving]);
  // Never Mantine's `loading`: it disables the button, and a form whose submit button is disabled ignores
  // Enter — the next slip, typed while a slow save was still on its way, was not saved by its Enter.
  return (
    <Button type="submit" aria-busy={saving && slow} leftSection={saving && slow ? <Loader size="xs" color="white" /> : undefined}>
      {label}
    </Button>
  );
});

// The bar's fields, memoized (see `stableFor` in the bar): drawn again only when their own props change.
const BarTextInput = memo(TextInput) as unknown as typeof TextInput;
const BarMemberPicker = memo(MemberPicker);
const BarKeyChoice = memo(KeyChoice) as unknown as typeof KeyChoice;
const BarSegmentedControl = memo(SegmentedControl) as unknown as typeof SegmentedControl;
const insideOutside = [{ value: 'inside', label: 'Inside', key: 'i' }, { value: 'outside', label: 'Outside', key: 'o' }] as Array<{ value: 'inside' | 'outside'; label: string; key: string }>;
const temperatures = (['1', '2', '3', '4', '5'] as const).map((t) => ({ value: t, label: t, key: t }));
const newRepeat = [{ value: 'new', label: 'New', key: 'n' }, { value: 'repeat', label: 'Repeat', key: 'r' }] as Array<{ value: 'new' | 'repeat'; label: string; key: string }>;
const tyfcbKinds = [{ value: 'inside', label: 'Inside', key: 'i' }, { value: 'outside', label: 'Outside', key: 'o' }, { value: 'tier3', label: 'Tier 3', key: 't' }] as Array<{ value: 'inside' | 'outside' | 'tier3'; label: string; key: string }>;
const spanTwo = { gridColumn: 'span 2' };
/** The keys of the bar, said beside the slip type (one element: never drawn again). */
const barKeys = (
  <Text size="xs" c="dimmed">
    <Kbd>Alt</Kbd>+<Kbd>R</Kbd>/<Kbd>T</Kbd>/<Kbd>O</Kbd>/<Kbd>V</Kbd>/<Kbd>C</Kbd> type · <Kbd>Enter</Kbd> save · <Kbd>Esc</Kbd> clear · <Kbd>{modKey}</Kbd>+<Kbd>Z</Kbd> undo
  </Text>
);

/** What the bar uses of the meeting sheet (not the totals or the slips, which change with every save). */
export type SlipBarSheet = Pick<MeetingSheet, 'roster' | 'currency' | 'locale'> & { meeting: Pick<Meeting, 'id' | 'status' | 'meetingOn'> };

/** Memoized: the screen redrawing after a save (new totals, the new row) does not redraw the bar. */
export const SlipEntryBar = memo(function SlipEntryBar({
  sheet,
  classifications,
  editing,
  onEditDone,
  onSaved,
  onDirtyChange,
  reason,
  memory,
}: {
  sheet: SlipBarSheet;
  classifications: Classification[];
  editing: Slip | null;
  onEditDone: () => void;
  /** A slip was recorded (before = null) or amended (before = the slip as it was). */
  onSaved: (slip: Slip, before: Slip | null) => Promise<void>;
  /** Whether the bar holds changes to a slip being edited, not saved (the screen asks before discarding them). */
  onDirtyChange?: (dirty: boolean) => void;
  /** The amendment reason, required by the ledger once the meeting is closed. */
  reason: string;
  /** Where the bar leaves what it holds when it is not drawn (another tab, another meeting). */
  memory?: { current: BarMemory | null };
}) {
  // What the bar held when it was last drawn: the same meeting (back from Attendance) takes it all back;
  // another meeting takes the slips being typed (not an edit of the other meeting's slip) and says so.
  const [start] = useState(() => {
    const m = memory?.current;
    if (!m) return null;
    const same = m.meetingId === sheet.meeting.id;
    const edit = !!m.draft.id;
    const keepEdit = edit && same && editing?.id === m.draft.id;
    const kept = { ...m.kept };
    let draft = m.draft;
    if (edit && !keepEdit) {
      draft = kept[m.mode] ?? emptyDraft();
      delete kept[m.mode];
    }
    const held = same ? m.held : m.held.filter((h) => !h.draft.id);
    const typed = differs(draft, emptyDraft()) || keptKinds(kept).length > 0 || held.length > 0;
    return { mode: m.mode, draft, kept, held, broughtFrom: !same && typed ? m.meetingOn : null };
  });
  const [mode, setMode] = useState<SlipKind>(start?.mode ?? 'referral');
  const [draft, setDraft] = useState<Draft>(start?.draft ?? emptyDraft);
  /** The half-typed slip of each other type, kept while the bar shows this one (slip-drafts.ts). */
  const [kept, setKept] = useState<KeptDrafts<Draft>>(start?.kept ?? {});
  /** The slips typed in another meeting's bar, now in this one: said above the bar until the next save. */
  const [broughtFrom, setBroughtFrom] = useState<string | null>(start?.broughtFrom ?? null);
  /** A type switch refused while a slip is being edited: said beside the switch. */
  const [finishEdit, setFinishEdit] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<{ message: string; kind: SlipKind; draft: Draft; before: Slip | null } | null>(null);
  /** Slips whose save failed while the secretary had already started the next one (or set aside for one
   * brought back): kept, each offered back. */
  const [held, setHeld] = useState<HeldSlip[]>(start?.held ?? []);
  /** A save on its way: only the Save button shows it (the bar itself is not redrawn for it). */
  const saving = useMemo(createBusyFlag, []);
  /**
   * Bumped whenever the bar is emptied or refilled: the member pickers drop what was typed in them (no
   * name left in a picker). The fields are not re-created: that cost most of the time after Enter.
   */
  const [generation, setGeneration] = useState(0);
  const fresh = () => setGeneration((g) => g + 1);
  const [pairReferrals, setPairReferrals] = useState<OpenReferral[]>([]);
  const firstField = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const closed = sheet.meeting.status === 'completed';
  // The newest values, for handlers that run between renders (Enter right after a pick, overlapping saves).
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const editingRef = useRef(editing);
  editingRef.current = editing;
  const keptRef = useRef(kept);
  keptRef.current = kept;
  if (memory) memory.current = { meetingId: sheet.meeting.id, meetingOn: sheet.meeting.meetingOn, mode: mode as EntryKind, draft, kept, held };
  /** Takes the kept slip of a type back out of the keep (it goes into the bar), or null. */
  const takeKept = (kind: SlipKind): Draft | null => {
    const back = keptRef.current[kind as EntryKind];
    if (!back) return null;
    const next = { ...keptRef.current };
    delete next[kind as EntryKind];
    keptRef.current = next;
    setKept(next);
    return back;
  };
  const inFlight = useRef(0);

  const baseline = useMemo(() => (editing ? draftFromSlip(editing, sheet.currency, sheet.locale) : emptyDraft()), [editing, sheet.currency, sheet.locale]);
  const dirty = differs(draft, baseline);
  const editDirty = dirty && !!draft.id;
  useEffect(() => onDirtyChange?.(editDirty), [editDirty]);
  // Leaving the Meeting screen with slips typed and not saved asks first (App's leave guard).
  const unsaved = [unsavedSentence({ kind: mode as EntryKind, typed: draft.id ? dirty : differs(draft, emptyDraft()), editing: !!draft.id }, kept), held.length ? `${held.length} slip${held.length === 1 ? ' was' : 's were'} not saved (in red under the slip bar).` : null].filter(Boolean).join(' ') || null;
  useEffect(() => setLeaveGuard('meeting-slip-bar', unsaved), [unsaved]);

  const members: PickableMember[] = useMemo(
    () => sheet.roster.map((r) => ({ id: r.memberId, name: r.name, company: r.company, classificationName: r.classificationName })),
    [sheet.roster],
  );

  /**
   * The cursor to the bar's first field. Without force it never takes the cursor from elsewhere (a dialog,
   * the attendance grid): only from nowhere or from this bar. With force (a save, Esc, an edit started or
   * finished, a type switch) it goes home. `now` moves it inside the key's own handler, so the next slip's
   * first key is already in the next slip. The later try (after React has drawn another type's fields)
   * acts only if the cursor has not moved since it was asked for: Chromium runs keys already typed before a
   * timer, and a cursor the secretary had moved on (a member taken by Enter, then Credits) was pulled back
   * to the first field, the credits typed into the member picker.
   */
  const focusFirst = (force = false, now = false) => {
    if (now) firstField.current?.focus();
    const asked = document.activeElement;
    setTimeout(() => {
      const active = document.activeElement;
      const nowhere = !active || active === document.body;
      if (!nowhere && active !== asked) return;
      if (force || nowhere || formRef.current?.contains(active)) firstField.current?.focus();
    }, 0);
  };
  /**
   * Another slip type: what is typed in this one is kept for it (slip-drafts.ts) and the other type's
   * own half-typed slip comes back. Reads the refs: the hotkeys hold the first render's function.
   */
  const switchMode = (kind: SlipKind) => {
    const from = modeRef.current as EntryKind;
    const current = draftRef.current;
    if (kind === from) return void focusFirst(true, true);
    // A slip being edited stays what it is: finish the edit (Enter) or cancel it (Esc) first.
    if (current.id) return setFinishEdit(true);
    const { draft: back, kept: next } = switchSlipType(from, current, kind as EntryKind, keptRef.current, (d) => differs(d, emptyDraft()));
    const shown = back ?? emptyDraft();
    keptRef.current = next;
    modeRef.current = kind;
    draftRef.current = shown;
    // Drawn now, inside the key's own handler, and the cursor put in the new type's first field: the first
    // letters of a name typed straight after Alt+O were lost while the cursor was nowhere.
    flushSync(() => {
      setKept(next);
      setMode(kind);
      setDraft(shown);
      fresh();
      setErrors({});
      setFormError(null);
      setFinishEdit(false);
      setOffer(null);
      setMoved(null);
      setNotSaved(null);
    });
    focusFirst(true, true);
  };
  const switchModeRef = useRef(switchMode);
  switchModeRef.current = switchMode;
  const typeChoices = useMemo(() => slipModes.map((m) => ({ value: m.kind, label: kept[m.kind as EntryKind] ? `${m.label} · kept` : m.label })), [kept]);
  useHotkeys(
    slipModes.map((m) => [m.hotkey, () => switchMode(m.kind), { usePhysicalKeys: true }]),
    [],
  );

  // A new meeting on screen (or the bar drawn again): the secretary types straight away — the cursor is put
  // in the first field as the bar is drawn, unless it is in a dialog or in another field being typed in.
  // (React's autoFocus took it from anywhere: the bar drawn late after a meeting was removed took it from the
  // new-meeting dialog Alt+N had just opened.) The type switch, an edit and a save put it there themselves.
  useLayoutEffect(() => {
    if (cursorIsFree(formRef.current)) firstField.current?.focus();
    focusFirst();
  }, [sheet.meeting.id]);

  useEffect(() => {
    if (!editing) return;
    // Already in the bar (back from the Attendance tab with the edit under way): nothing to load.
    if (draftRef.current.id === editing.id) return;
    const current = draftRef.current;
    const from = modeRef.current as EntryKind;
    // A new slip being typed is kept for its type while the other slip is edited, and comes back after.
    if (!current.id && differs(current, emptyDraft())) {
      const next = { ...keptRef.current, [from]: current };
      keptRef.current = next;
      setKept(next);
    }
    setFinishEdit(false);
    setMode(editing.kind === 'outside_party' ? editing.slipType : editing.kind);
    setDraft(draftFromSlip(editing, sheet.currency, sheet.locale));
    fresh();
    setErrors({});
    setFormError(null);
    // Clicking the pencil leaves the cursor on it; the edit happens in the bar, so the cursor goes there.
    focusFirst(true);
  }, [editing]);

  // A TYFCB is offered the open referrals from the thanked member to the closer.
  useEffect(() => {
    if (mode !== 'tyfcb' || !draft.closerId || !draft.referrerId) return setPairReferrals([]);
    const { closerId, referrerId } = draft;
    // An answer for a pair no longer in the bar (the secretary picked again meanwhile) is dropped: it
    // would offer the last pair's referrals for this one.
    let current = true;
    void ledger.listOpenReferrals({ memberId: closerId, status: 'open', olderThanDays: 0 }).then((list) => {
      if (current) setPairReferrals(list.filter((r) => r.giverId === referrerId && r.receiverId === closerId));
    });
    return () => {
      current = false;
    };
  }, [mode, draft.closerId, draft.referrerId]);
  // A saved TYFCB being edited keeps showing the referral it is linked to, though that referral is won
  // now and so no longer among the open ones (the field looked empty while the link was kept).
  const [linkedReferral, setLinkedReferral] = useState<{ value: string; label: string } | null>(null);
  useEffect(() => {
    const id = mode === 'tyfcb' && draft.id ? draft.referralId : null;
    if (!id || linkedReferral?.value === id) return;
    void ledger.referralHistory({ id }).then(
      (h) => setLinkedReferral({ value: id, label: `${h.prospectName} (${h.givenOn}) · ${h.status.replace('_', ' ')}` }),
      () => setLinkedReferral(null),
    );
  }, [mode, draft.id, draft.referralId]);
  const referralChoices = [
    ...pairReferrals.map((r) => ({ value: r.id, label: `${r.prospectName} (${r.meetingOn})` })),
    ...(linkedReferral && linkedReferral.value === draft.referralId && !pairReferrals.some((r) => r.id === linkedReferral.value) ? [linkedReferral] : []),
  ];

  const referralChoicesRef = useRef(referralChoices);
  referralChoicesRef.current = referralChoices;
  const classificationsRef = useRef(classifications);
  classificationsRef.current = classifications;

  const setValue = (key: keyof Draft, value: unknown) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key as string]) setErrors((e) => ({ ...e, [key as string]: '' }));
  };
  const typedIn = (key: keyof Draft, value: string) => {
    setValue(key, value);
    if (offer && offer.phone === key) setOffer(null);
  };
  const picked = (key: PickKey, id: string | null, typed?: string) => {
    setDraft((d) => withPick(d, key, id, typed));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: '' }));
  };
  // Each field's handler keeps its identity from render to render (it runs the newest logic above), so a
  // field whose value, error and label did not change is not drawn again (the fields are memoized): Enter
  // empties the bar redrawing only the fields that held something, and a key typed redraws its field alone.
  const newest = useRef({ setValue, typedIn, picked });
  newest.current = { setValue, typedIn, picked };
  const handlers = useMemo(() => new Map<string, (...args: never[]) => void>(), []);
  const stableFor = <H extends (...args: never[]) => void>(id: string, make: () => H): H => {
    let h = handlers.get(id) as H | undefined;
    if (!h) handlers.set(id, (h = make()));
    return h;
  };
  const set = <K extends keyof Draft>(key: K) => stableFor(`set:${key}`, () => (value: Draft[K]) => newest.current.setValue(key, value));
  const text = (key: keyof Draft) => ({
    'data-slip-field': key,
    value: String(draft[key] ?? ''),
    error: errors[key as string] || undefined,
    onChange: stableFor(`text:${key}`, () => (e: React.ChangeEvent<HTMLInputElement>) => newest.current.typedIn(key, e.currentTarget.value)),
  });

  /** The next field in the bar after the one with the cursor, as Tab would go (one radio per group). */
  // `now`: move at once, inside the key's own handler (a member picked with Enter), so a key typed right
  // after the Enter can never land in the list just left and undo the pick, however busy the machine is.
  const focusNextField = (now = false) => {
    const move = () => {
      const form = formRef.current;
      if (!form) return;
      const fields = Array.from(form.querySelectorAll<HTMLElement>('input, textarea')).filter((el) => {
        if (el.closest('[aria-label="Slip type"]') || (el as HTMLInputElement).disabled || el.getAttribute('type') === 'hidden' || el.tabIndex < 0) return false;
        return !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked);
      });
      const at = fields.indexOf(document.activeElement as HTMLElement);
      const next = fields[at + 1];
      next?.focus();
      // As Tab does: what is in the field is selected, so "2" typed over a CEU's 1 credit gives 2, not 12.
      if (next instanceof HTMLInputElement && next.type !== 'radio') next.select();
    };
    if (now) return move();
    // Later (after the list has closed), and only from where the cursor was: a Tab pressed in between
    // already moved it, and a second move would skip a field.
    const asked = document.activeElement;
    setTimeout(() => {
      if (document.activeElement === asked) move();
    }, 0);
  };

  /**
   * Enter in "From referral". List closed: the slip is saved. List open: the highlighted referral is taken
   * and the cursor moves on — also when the list has not drawn its highlight yet (ArrowDown, Enter typed
   * at once: Mantine's Enter found no highlighted line and did nothing, the referral silently not linked):
   * then the one already chosen, else the first.
   */
  const referralEnter = (event: React.KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !(target instanceof HTMLInputElement) || target.getAttribute('aria-expanded') !== 'true') return enterInClosedListSaves(event);
    event.preventDefault();
    event.stopPropagation();
    const list = document.getElementById(target.getAttribute('aria-controls') ?? '');
    const highlighted = list?.querySelector<HTMLElement>('[data-combobox-option][data-combobox-selected]');
    if (highlighted) return highlighted.click();
    const choices = referralChoicesRef.current;
    const choice = choices.find((c) => c.value === draftRef.current.referralId) ?? choices[0];
    // Nothing to choose (yet): Enter saves, as with the list closed — it used to do nothing, twice, and the
    // TYFCB was overwritten by the next one typed.
    if (!choice) return void target.form?.requestSubmit();
    newest.current.setValue('referralId', choice.value);
    focusNextField(true);
  };

  /**
   * Keys in a visitor's "Classification sought", as in the member fields: with text typed, Enter or Tab
   * takes the classification highlighted (or the first the list shows for it) and Enter moves on to
   * "Invited by" at once — Enter saved the visitor with the half-typed "pho" and no inviter, and Tab left
   * "inter". A classification the chapter does not have ("Beekeeper") is kept as typed and Enter moves on
   * too: the inviter, phone and e-mail come after it. With nothing typed, a line highlighted by the arrows
   * is taken; one the list highlighted by itself is not (a cleared slip's field offered "Accountant (CPA)").
   */
  const arrowedClassification = useRef(false);
  const classificationKeys = (event: React.KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') return void (arrowedClassification.current = true);
    const enter = event.key === 'Enter';
    if (!enter && !(event.key === 'Tab' && !event.shiftKey)) return;
    const open = target.getAttribute('aria-expanded') === 'true' || target.hasAttribute('data-expanded');
    const list = open ? document.getElementById(target.getAttribute('aria-controls') ?? '') : null;
    const highlighted = list?.querySelector<HTMLElement>('[data-combobox-option][data-combobox-selected]')?.getAttribute('value') ?? undefined;
    // Mantine's own filter: the names containing what was typed, whatever the case, in the list's order.
    const typed = target.value.trim().toLocaleLowerCase();
    const choice = typed ? (highlighted ?? classificationsRef.current.find((c) => c.name.toLocaleLowerCase().includes(typed))?.name) : arrowedClassification.current ? highlighted : undefined;
    arrowedClassification.current = false;
    if (!enter) {
      // Tab: the classification shown is taken, the cursor moves on as Tab does.
      if (choice && choice !== target.value) newest.current.setValue('classificationSought', choice);
      return;
    }
    if (!choice && !typed) {
      // Nothing typed, nothing chosen: Enter saves, as in any field — Mantine is not asked (it would take its own highlight).
      event.stopPropagation();
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (choice) newest.current.setValue('classificationSought', choice);
    focusNextField(true);
  };

  /**
   * The one rule for Enter, the same in all five slip types: Enter in an open list (a member, the
   * referral a TYFCB came from, a classification) takes the highlighted line and moves on to the next
   * field, exactly like Tab; it never saves. Enter anywhere else saves the slip. So the fields after a
   * name (a one-to-one's "Met on", a CEU's credits, a visitor's phone) are always reached before the
   * save, and a date or credits typed there land in this slip, never in the next one.
   */
  const pick = (key: PickKey) => ({
    value: draft[key],
    onChange: stableFor(`pick:${key}`, () => (id: string | null, typed?: string) => newest.current.picked(key, id, typed)),
    error: errors[key],
    outside: key in pairOf,
    fieldName: key,
    onEnterPick: stableFor('enterPick', () => (id: string) => {
      // "Visitor…" or "Other chapter…" brings the name field right after the picker: drawn first, so the
      // cursor lands in it, not in the field after it (a name typed there went back into the picker).
      const kind = partyKindOf(id);
      if (kind && kind !== 'bni') flushSync(() => {});
      focusNextField(true);
    }),
    resetKey: generation,
  });
  /** The fields that say who the outsider is, right after the picker that holds them (Enter moves there). */
  const partyFields = (key: PickKey) => {
    if (draft.partySide !== key) return null;
    const kind = partyKindOf(draft[key] as string | null);
    if (!kind || kind === 'bni') return null;
    return (
      <>
        <BarTextInput label={kind === 'visitor' ? "Visitor's name" : "Their name (other chapter)"} {...text('partyName')} error={errors['party.name'] || undefined} />
        {kind === 'other_chapter' && <BarTextInput label="Their chapter" placeholder="e.g. BNI Harbour" {...text('partyChapter')} error={errors['party.chapterName'] || undefined} />}
      </>
    );
  };

  /** A pick in one picker: an outsider takes that side (the other side stays a member), a member clears it. */
  function withPick(d: Draft, key: PickKey, id: string | null, typed?: string): Draft {
    const next: Draft = { ...d, [key]: id };
    if (isOutsideChoice(id)) {
      const other = pairOf[key];
      if (other && isOutsideChoice(next[other] as string | null)) next[other] = null as never;
      next.partySide = key;
      // A name typed that is no member's is most likely the outsider's own name: kept for the name field.
      const name = typed?.trim() ?? '';
      if (name && !/^(other|chapter|visit|bni|outside)/i.test(name) && d.partySide !== key) next.partyName = name;
    } else if (d.partySide === key) {
      next.partySide = null;
      next.partyName = '';
      next.partyChapter = '';
    }
    return next;
  }

  const clear = () => {
    // Esc clears the slip in the bar; after an edit, the slip of that type kept meanwhile comes back.
    setDraft((draftRef.current.id ? takeKept(modeRef.current) : null) ?? emptyDraft());
    setFinishEdit(false);
    setOffer(null);
    setMoved(null);
    setNotSaved(null);
    fresh();
    setErrors({});
    setFormError(null);
    if (editing) onEditDone();
    focusFirst(true, true);
  };

  /** After a refused save the cursor goes to the field the refusal names (not back to the first field). */
  const [errorFocus, setErrorFocus] = useState<{ field: string; n: number } | null>(null);
  useEffect(() => {
    if (!errorFocus) return;
    const timer = setTimeout(() => focusSlipField(formRef.current, errorFocus.field), 0);
    return () => clearTimeout(timer);
  }, [errorFocus]);

  /**
   * A refusal of the slip in the bar: its sentence under the field it names, the cursor there, and a line
   * under the bar saying the slip is not saved (a refusal never looks like nothing happened). A field the
   * bar does not draw under that name (the member beside someone outside the chapter) is the picker that
   * holds it; a refusal naming no field drawn is said in full under the bar.
   */
  const showError = (error: unknown, kind: SlipKind = modeRef.current, d: Draft = draftRef.current) => {
    let field = error instanceof LedgerError && error.field && error.field !== 'id' ? error.field : null;
    if (field === 'memberId' && d.partySide && kind !== 'ceu') field = pairOf[d.partySide] ?? field;
    const type = slipTypeWords[kind as EntryKind] ?? 'slip';
    if (field && slipFieldLabels[field]) {
      setErrors({ [field]: (error as Error).message });
      setErrorFocus((f) => ({ field: field === 'party.name' ? 'partyName' : field === 'party.chapterName' ? 'partyChapter' : field!, n: (f?.n ?? 0) + 1 }));
      setNotSaved(`Not saved yet: the ${type} slip is still in the bar. Change ${slipFieldLabels[field]} (the red line under it says how), then press Enter.`);
    } else {
      setFormError(refusalSentence(kind, (error as Error).message));
      setNotSaved(null);
    }
  };
  /** The line under the bar after a refusal: the slip is still there, not saved. */
  const [notSaved, setNotSaved] = useState<string | null>(null);
  /** An email typed in a phone field: what the bar offers (one key moves it), before anything is sent. */
  const [offer, setOffer] = useState<ReturnType<typeof emailInPhone>>(null);
  /** An address just moved from the phone field: said under the email field until the slip is saved. */
  const [moved, setMoved] = useState<{ field: string; from: string } | null>(null);
  const offerButton = useRef<HTMLButtonElement>(null);
  const moveEmail = () => {
    const o = offer;
    if (!o) return;
    setDraft((x) => ({ ...x, [o.email]: o.value, [o.phone]: '' }));
    setOffer(null);
    setErrors({});
    setNotSaved(null);
    setMoved({ field: o.email, from: slipFieldLabels[o.phone]! });
    setTimeout(() => focusSlipField(formRef.current, o.email), 0);
  };
  /** Under a phone field: the refusal, and the button that moves the address to the email field. */
  const phoneProblem = (field: 'phone' | 'prospectPhone') =>
    offer && offer.phone === field ? (
      <>
        {offer.sentence}
        {offer.canMove && (
          <Button ref={offerButton} size="compact-xs" ml={6} variant="filled" color="red" onClick={moveEmail}>
            Move it to {slipFieldLabels[offer.email]} (Enter)
          </Button>
        )}
      </>
    ) : (errors[field] || undefined);
  const emailNote = (field: 'email' | 'prospectEmail') => (moved?.field === field ? `Moved here from ${moved.from}: check it, then Enter saves the slip.` : undefined);

  const submit = async (d: Draft, kind: SlipKind, confirmDuplicate = false) => {
    // Enter on an empty bar records nothing (so a second Enter on a slip just saved does nothing). The
    // next slip may be typed and saved while this one is still on its way: the ledger takes them in turn.
    if (!d.id && !differs(d, emptyDraft())) return;
    // An email in a phone field is caught here, before the bar empties: said under the field, with the
    // move offered on the cursor (Enter takes it); nothing is changed until it is asked for.
    const misplaced = emailInPhone(kind, d, looksLikeEmail);
    if (misplaced) {
      setOffer(misplaced);
      setErrors({ [misplaced.phone]: misplaced.sentence });
      setNotSaved(`Not saved yet: the ${slipTypeWords[kind as EntryKind]} slip is still in the bar. ${misplaced.canMove ? `Enter moves the address to ${slipFieldLabels[misplaced.email]}; then Enter saves.` : `Change ${slipFieldLabels[misplaced.phone]}, then press Enter.`}`);
      setTimeout(() => (misplaced.canMove ? offerButton.current?.focus() : focusSlipField(formRef.current, misplaced.phone)), 0);
      return;
    }
    // Credits are whole: "0,5" or "1.5" is said under the field, never read as 5 or 15.
    const credits = String(d.credits).trim();
    if (kind === 'ceu' && !/^\d{1,3}$/.test(credits)) {
      showError(new LedgerError('invalid_input', credits === '' ? 'Type the credits: a whole number from 1 to 100 (1 for one session).' : `Credits are whole numbers from 1 to 100 (you typed "${credits}"): a part of a credit cannot be recorded; type 1 for one session.`, 'credits'), kind, d);
      return;
    }
    setOffer(null);
    setMoved(null);
    setNotSaved(null);
    // This slip is on its way: a notice still offering it back (a duplicate saved anyway) goes.
    setHeld((h) => (h.some((x) => x.draft === d) ? h.filter((x) => x.draft !== d) : h));
    inFlight.current += 1;
    saving.set(true);
    const before = d.id ? editingRef.current : null;
    // The bar empties at once: whatever is typed next is the next slip, never part of this one. After an
    // edit, the slip of that type kept while it was edited comes back.
    const next = (d.id ? takeKept(kind) : null) ?? emptyDraft();
    // The ref too, at once: a type switch pressed before the next render kept the slip just sent as "kept".
    draftRef.current = next;
    setDraft(next);
    fresh();
    setErrors({});
    setFormError(null);
    setFinishEdit(false);
    setBroughtFrom(null);
    focusFirst(true, true);
    try {
      const slip = await saveSlipDraft(kind, d, sheet.meeting.id, { reason, confirmDuplicate }, before);
      if (d.id) onEditDone();
      await onSaved(slip, before && before.id === slip.id ? before : null);
    } catch (error) {
      // Nothing typed is lost: the slip comes back with the problem beside its field. If the next
      // slip is already being typed, the failed one waits in a notice until asked for.
      // (A slip of that type kept meanwhile counts as typed: it must not be overwritten either.)
      // Back into the bar only if the secretary has not moved on: the same slip type on screen and nothing typed
      // in it. A refusal arriving after a switch to another type used to switch the bar back and take the
      // cursor mid-word (the next referral's giver typed into the one-to-one's "Met on"): now it waits in red.
      const pristine = !differs(draftRef.current, emptyDraft()) && kind === modeRef.current;
      const backInBar = () => {
        modeRef.current = kind;
        draftRef.current = d;
        setMode(kind);
        setDraft(d);
        fresh();
      };
      if (error instanceof LedgerError && error.code === 'duplicate') {
        // The question only over a bar still waiting for this slip: one popping up over the next slip being
        // typed caught its keys (an Enter meant for that slip answered it). Otherwise it waits in red, and
        // "Bring it back", then Enter, asks it.
        if (pristine) {
          backInBar();
          setDuplicate({ message: error.message, kind, draft: d, before });
        } else setHeld((h) => [...h, { kind, draft: d, before, message: 'Not saved yet: it looks like a slip already entered.' }]);
      } else if (pristine) {
        backInBar();
        showError(error, kind, d);
      } else {
        setHeld((h) => [...h, { kind, draft: d, before, message: refusalSentence(kind, (error as Error).message, error instanceof LedgerError ? error.field : undefined) }]);
      }
    } finally {
      inFlight.current -= 1;
      saving.set(inFlight.current > 0);
    }
  };

  /**
   * A held slip back into the bar. What the bar holds is not lost: a new slip of another type is kept for
   * its type; one of the same type, or an edit, takes the held slip's place in the red notices.
   */
  const bringBack = (index: number) => {
    const h = held[index]!;
    const from = modeRef.current as EntryKind;
    const kind = h.kind as EntryKind;
    const current = draftRef.current;
    let nextHeld = held.filter((_, i) => i !== index);
    const nextKept = { ...keptRef.current };
    const typed = current.id ? differs(current, baseline) : differs(current, emptyDraft());
    const setAside = 'Set aside while the slip before it was brought back: not saved yet.';
    if (typed) {
      if (current.id || from === kind) nextHeld = [...nextHeld, { kind: from, draft: current, before: current.id ? editingRef.current : null, message: setAside }];
      else nextKept[from] = current;
    }
    if (!h.draft.id && nextKept[kind]) {
      nextHeld = [...nextHeld, { kind, draft: nextKept[kind]!, before: null, message: setAside }];
      delete nextKept[kind];
    }
    if (current.id) onEditDone();
    keptRef.current = nextKept;
    modeRef.current = kind;
    draftRef.current = h.draft;
    setKept(nextKept);
    setHeld(nextHeld);
    setMode(kind);
    setDraft(h.draft);
    fresh();
    setErrors({});
    setFormError(null);
    setOffer(null);
    setNotSaved(null);
    focusFirst(true);
  };

  const sought = classifications.find((c) => c.name.toLocaleLowerCase() === draft.classificationSought.trim().toLocaleLowerCase());

  return (
    <Paper withBorder p="md" radius="md">
      <form
        ref={formRef}
        aria-label="Slip entry"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(draftRef.current, modeRef.current);
        }}
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          // Escape in an open list only closes the list; otherwise it clears the slip. A list whose options are
          // drawn only as it opens (the member pickers') says aria-expanded a moment later; data-expanded at once.
          const listOpen = target.getAttribute('aria-expanded') === 'true' || target.hasAttribute('data-expanded');
          if (e.key === 'Escape' && !e.defaultPrevented && !listOpen) clear();
          if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
      >
        <Group justify="space-between" mb="sm">
          <BarSegmentedControl aria-label="Slip type" value={mode} onChange={stableFor('switchMode', () => (v: string) => switchModeRef.current(v as SlipKind))} data={typeChoices} />
          {draft.id ? (
            <Badge color="orange" variant="light" size="lg" aria-label="Editing">
              Editing a {slipModes.find((m) => m.kind === mode)!.label} slip · Enter saves · Esc cancels
            </Badge>
          ) : (
            barKeys
          )}
        </Group>

        {broughtFrom && (
          <Alert color="blue" mb="sm" withCloseButton onClose={() => setBroughtFrom(null)} closeButtonLabel="Hide this note">
            Brought over from the meeting of {broughtFrom}: what was being typed there is still here. Saved now, it goes into this meeting ({sheet.meeting.meetingOn}); Esc clears the slip in the bar.
          </Alert>
        )}
        {(keptSentence(kept) || finishEdit) && (
          <Group gap="xs" mb="xs" aria-live="polite">
            {keptSentence(kept) && (
              <Text size="sm" c="blue.8" fw={500}>
                {keptSentence(kept)}
              </Text>
            )}
            {finishEdit && (
              <Text size="sm" c="orange.8" fw={500} role="alert">
                Finish this edit first: Enter saves the changes, Esc cancels them. Then switch the slip type.
              </Text>
            )}
          </Group>
        )}

        {mode === 'referral' && (
          <SimpleGrid cols={4} spacing="sm">
            <BarMemberPicker ref={firstField} label="From (giver)" members={members} {...pick('giverId')} />
            {partyFields('giverId')}
            <BarMemberPicker label="To (receiver)" members={members} {...pick('receiverId')} />
            {partyFields('receiverId')}
            <BarKeyChoice label="Inside / outside (I/O)" fieldName="referralKind" value={draft.referralKind} onChange={set('referralKind')} error={errors.referralKind} options={insideOutside} />
            <BarKeyChoice label="Temperature (1–5)" fieldName="temperature" value={draft.temperature} onChange={set('temperature')} error={errors.temperature} options={temperatures} />
            <BarTextInput label="Prospect" placeholder="Who needs the business" {...text('prospectName')} />
            <BarTextInput label="Prospect phone" {...text('prospectPhone')} error={phoneProblem('prospectPhone')} />
            <BarTextInput label="Prospect email" {...text('prospectEmail')} description={emailNote('prospectEmail')} />
            <BarTextInput label="Note" {...text('note')} />
          </SimpleGrid>
        )}

        {mode === 'tyfcb' && (
          <SimpleGrid cols={4} spacing="sm">
            <BarMemberPicker ref={firstField} label="From (closed the business)" members={members} {...pick('closerId')} />
            {partyFields('closerId')}
            <BarMemberPicker label="Thanking (referrer)" members={members} {...pick('referrerId')} />
            {partyFields('referrerId')}
            <BarTextInput label={`Amount (${sheet.currency})`} placeholder={amountExample(sheet.currency, sheet.locale)} inputMode="decimal" {...text('amount')} />
            <BarKeyChoice label="New / repeat (N/R)" fieldName="business" value={draft.business} onChange={set('business')} options={newRepeat} />
            <BarKeyChoice label="Inside / outside / tier 3 (I/O/T)" fieldName="tyfcbKind" value={draft.tyfcbKind} onChange={set('tyfcbKind')} options={tyfcbKinds} />
            {/* Enter here follows the bar's one rule: in the open list it takes the referral and moves on;
                with the list closed it saves (Mantine's Select would only open its list). */}
            <div onKeyDownCapture={referralEnter}>
              <Select
                label="From referral"
                placeholder={referralChoices.length ? 'Choose the referral' : draft.closerId && draft.referrerId ? 'No open referral for this pair' : 'Both members first'}
                clearable
                // Never disabled: a field that turns on when the pair's referrals arrive made Tab land in
                // it or skip it depending on how fast the answer came, so keys typed next went elsewhere.
                data={referralChoices}
                value={draft.referralId}
                onChange={set('referralId')}
                onOptionSubmit={() => focusNextField()}
                selectFirstOptionOnDropdownOpen
                error={errors.referralId}
                data-slip-field="referralId"
              />
            </div>
            <BarTextInput label="Note" {...text('note')} style={spanTwo} />
          </SimpleGrid>
        )}

        {mode === 'one_to_one' && (
          <SimpleGrid cols={4} spacing="sm">
            <BarMemberPicker ref={firstField} label="Member" members={members} {...pick('memberAId')} />
            {partyFields('memberAId')}
            <BarMemberPicker label="Met with" members={members} {...pick('memberBId')} />
            {partyFields('memberBId')}
            <BarTextInput label="Met on" placeholder={sheet.meeting.meetingOn} description="Blank = meeting day · Enter saves" autoComplete="off" {...text('metOn')} />
            <BarTextInput label="Note" {...text('note')} />
          </SimpleGrid>
        )}

        {mode === 'visitor' && (
          <SimpleGrid cols={4} spacing="sm">
            <BarTextInput ref={firstField} label="Visitor name" {...text('name')} />
            <BarTextInput label="Company" {...text('company')} />
            <div onKeyDownCapture={classificationKeys} onInputCapture={() => (arrowedClassification.current = false)}>
              <Autocomplete
                // A fresh list with each slip: a highlight left from the last visitor is never the next one's.
                key={generation}
                label="Classification sought"
                data={classifications.map((c) => c.name)}
                value={draft.classificationSought}
                onChange={set('classificationSought')}
                onOptionSubmit={() => focusNextField()}
                // The first classification shown is highlighted as a name is typed: Enter takes it.
                selectFirstOptionOnChange
                error={errors.classificationSought}
                data-slip-field="classificationSought"
                description={sought?.holder ? `Seat held by ${sought.holder.name}` : sought ? 'Open seat' : ' '}
                styles={{ description: { color: sought?.holder ? 'var(--mantine-color-orange-7)' : undefined } }}
              />
            </div>
            <BarMemberPicker label="Invited by" members={members} {...pick('invitedById')} />
            <BarTextInput label="Phone" {...text('phone')} error={phoneProblem('phone')} />
            <BarTextInput label="Email" {...text('email')} description={emailNote('email')} />
          </SimpleGrid>
        )}

        {mode === 'ceu' && (
          <SimpleGrid cols={4} spacing="sm">
            <BarMemberPicker ref={firstField} label="Member" members={members} {...pick('memberId')} />
            {/* Text, not a number field: a number field drops what it does not allow without a word ("0,5" became 5 credits). */}
            <BarTextInput label="Credits" description="Enter saves" inputMode="numeric" w={110} {...text('credits')} />
            <BarTextInput label="Note" placeholder="Podcast, training, workshop…" {...text('note')} style={spanTwo} />
          </SimpleGrid>
        )}

        {closed && errors.reason && (
          <Alert color="orange" mt="sm" role="alert">
            {errors.reason}
          </Alert>
        )}
        {formError && (
          <Alert color="red" mt="sm" role="alert">
            {formError}
          </Alert>
        )}
        {notSaved && (
          <Text size="sm" c="red.8" fw={600} mt="xs" role="status">
            {notSaved}
          </Text>
        )}
        {held.map((h, index) => (
          <Alert key={index} color="red" mt="sm" role="alert" title={`A ${slipTypeWords[h.kind as EntryKind] ?? ''} slip was not saved`} withCloseButton closeButtonLabel="Discard this slip" onClose={() => setHeld((all) => all.filter((x) => x !== h))}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{h.message}</Text>
              <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={() => bringBack(index)}>
                Bring it back (what is in the bar is kept)
              </Button>
            </Group>
          </Alert>
        ))}
        <Group justify="flex-end" mt="sm">
          {(draft.id || editing) && (
            <Button variant="default" onClick={clear}>
              Cancel edit
            </Button>
          )}
          <SaveButton busy={saving} label={draft.id ? 'Save changes' : `Save ${slipModes.find((m) => m.kind === mode)!.label}`} />
        </Group>
      </form>

      <Modal opened={duplicate !== null} onClose={() => setDuplicate(null)} title="Already entered?">
        <Text size="sm">{duplicate?.message}</Text>
        <Group justify="flex-end" mt="md">
          {/* The cursor starts on "No, go back": an Enter pressed twice, or meant for the next slip, never saves a
              duplicate; saving anyway is a deliberate Tab, then Enter (or a click), as in the meeting date question. */}
          <Button variant="default" data-autofocus onClick={() => setDuplicate(null)}>
            No, go back
          </Button>
          <Button
            onClick={() => {
              const dup = duplicate!;
              setDuplicate(null);
              void submit(dup.draft, dup.kind, true);
            }}
          >
            Save anyway
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
});
