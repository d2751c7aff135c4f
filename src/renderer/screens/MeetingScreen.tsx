import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Chapter, Meeting, MeetingSheet, RosterRow, Slip } from '../../shared/contract';
import { defaultMeeting } from '../../shared/default-meeting';
import { isRealIsoDate } from '../../shared/fields';
import { addDays, formatDay, nextWeekday } from '../../shared/dates';
import { LedgerError } from '../../shared/errors';
import { disputedExplanation, disputedNote } from '../../shared/disputed-tyfcb';
import { formatMoney } from '../../shared/money';
import { ledger } from '../client';
import { AttendanceGrid } from '../components/AttendanceGrid';
import { ErrorNotice } from '../components/ErrorNotice';
import { SlipEntryBar, draftFromSlip, saveSlipDraft, slipModes, type BarMemory } from '../components/SlipEntryBar';
import { setLeaveGuard } from '../leave-guard';
import { UndoHistory, type UndoOutcome, type UndoStep } from '../undo-history';
import { downloadBytes, downloadText } from '../download';
import { useRecentMeetings } from '../recent-meetings';
import { MeetingPicker } from '../components/MeetingPicker';
import { useQuery } from '../use-query';
import { earlyKeys, takeEarly } from '../early';
import { sayFirstScreenShown } from '../first-screen';
import { keepUnchanged } from '../keep-unchanged';
import { withSlipDeleted, withSlipSaved } from '../sheet-patch';
import { afterNextPaint } from '../after-paint';
import { useStableCallback, useStableHandlers } from '../use-stable-callback';
import { GuidedStart } from '../components/GuidedStart';
import { SlipHistoryDrawer } from '../components/SlipHistoryDrawer';
import { SlipList } from '../components/SlipList';

const statusColors = { draft: 'orange', completed: 'teal', cancelled: 'gray' } as const;
const statusLabels = { draft: 'Draft', completed: 'Closed', cancelled: 'Cancelled' } as const;

/** A slip in the secretary's words, for toasts and dialogs: "referral Dana Ruiz → Marcus Chen (Alvarez family)". */
export function slipLabel(slip: Slip, money: (minor: number) => string): string {
  switch (slip.kind) {
    case 'referral':
      return `referral ${slip.giverName} → ${slip.receiverName} (${slip.prospectName})`;
    case 'tyfcb':
      return `TYFCB ${slip.closerName} thanks ${slip.referrerName}, ${money(slip.amountMinor)}`;
    case 'one_to_one':
      return `one-to-one ${slip.memberAName} & ${slip.memberBName}`;
    case 'visitor':
      return `visitor ${slip.name}`;
    case 'ceu':
      return `CEU ${slip.memberName}, ${slip.credits} credit${slip.credits > 1 ? 's' : ''}`;
    case 'outside_party':
      if (slip.slipType === 'referral') return `referral ${slip.fromName} → ${slip.toName} (${slip.prospectName})`;
      if (slip.slipType === 'tyfcb') return `TYFCB ${slip.fromName} thanks ${slip.toName}, ${money(slip.amountMinor ?? 0)}`;
      return `one-to-one ${slip.fromName} & ${slip.toName}`;
  }
}

const noClassifications: never[] = [];
const meetingLabel = (m: Meeting) => `${m.meetingOn} · ${statusLabels[m.status]} · ${m.slipCount} slip${m.slipCount === 1 ? '' : 's'}`;
const markWords = { P: 'present', A: 'absent', L: 'late', M: 'medical', S: 'substitute' } as const;

export function MeetingScreen({ chapter }: { chapter: Chapter }) {
  // The last year of meetings and every draft; older ones a year at a time from the list's last entry.
  const meetings = useRecentMeetings();
  const classifications = useQuery(() => takeEarly(earlyKeys.classifications, () => ledger.listClassifications()), []);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<MeetingSheet | null>(null);
  const [tab, setTab] = useState<string | null>('slips');
  const [editing, setEditing] = useState<Slip | null>(null);
  /** Whether the slip bar holds changes to a slip being edited, not saved (a ref: the screen need not redraw for it). */
  const barDirty = useRef(false);
  /** What the slip bar holds while it is not drawn (the Attendance tab, another meeting being opened). */
  const barMemory = useRef<BarMemory | null>(null);
  useEffect(() => () => setLeaveGuard('meeting-slip-bar', null), []);
  const [switchTo, setSwitchTo] = useState<Slip | null>(null);
  /** Another meeting asked for while an edit's changes are not saved: asked first. */
  const [openTo, setOpenTo] = useState<string | null>(null);
  const openMeeting = (id: string | null) => {
    if (id && id !== meetingId && barDirty.current) return setOpenTo(id);
    setMeetingId(id);
  };
  const [deleting, setDeleting] = useState<Slip | null>(null);
  /** The slip whose own history (from the audit log) is shown in the drawer. */
  const [historyOf, setHistoryOf] = useState<Slip | null>(null);
  const showHistory = useCallback((slip: Slip) => setHistoryOf(slip), []);
  const closeHistory = useCallback(() => setHistoryOf(null), []);
  const [reason, setReason] = useState('');
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [redating, setRedating] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [closeProblem, setCloseProblem] = useState<{ message: string; confirm: boolean } | null>(null);
  const [reopening, setReopening] = useState(false);
  const [closedReport, setClosedReport] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const history = useRef(new UndoHistory());
  /** In a closed meeting an undo is an amendment: it asks its reason first, like a delete. */
  const [undoAsk, setUndoAsk] = useState<{ word: 'Undo' | 'Redo'; step: UndoStep } | null>(null);
  /** The toast offering "Undo" for the newest delete: it stays while that delete can still be undone. */
  const undoToast = useRef<{ step: UndoStep; id: string } | null>(null);
  const syncUndoToast = () => {
    const shown = undoToast.current;
    if (shown && !history.current.canUndoStep(shown.step)) {
      notifications.hide(shown.id);
      undoToast.current = null;
    }
  };
  useEffect(() => () => {
    if (undoToast.current) notifications.hide(undoToast.current.id);
  }, []);
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  const money = useCallback((minor: number) => formatMoney(minor, chapter.currency, chapter.locale), [chapter.currency, chapter.locale]);

  // Tonight's meeting by default: today's, else the newest draft up to today; never a future one by accident.
  useEffect(() => {
    if (meetingId || !meetings.data?.length) return;
    setMeetingId(defaultMeeting(meetings.data, chapterToday())?.id ?? null);
  }, [meetings.data, meetingId]);

  // Saves can overlap (fast typing); only the newest answer may update the screen.
  const loadSeq = useRef(0);
  /** The sheet read, null when there is none (or it could not be read), or 'newer-load' when a later read took over. */
  const loadSheet = async (id = meetingId): Promise<MeetingSheet | null | 'newer-load'> => {
    if (!id) return null;
    const seq = ++loadSeq.current;
    try {
      // The sheet the window opens on may have been asked with the meeting list (early.ts).
      const next = await takeEarly(earlyKeys.sheet(id), () => ledger.getMeetingSheet({ meetingId: id }));
      if (seq !== loadSeq.current) return 'newer-load';
      // What did not change keeps its objects, so only the new or changed rows redraw (see keep-unchanged.ts).
      setSheet((prev) => keepUnchanged(prev, next));
      setError(null);
      return next;
    } catch (e) {
      setError(e as Error);
      return null;
    }
  };
  useEffect(() => {
    setSheet(null);
    setEditing(null);
    setReason('');
    history.current.clear();
    syncUndoToast();
    void loadSheet();
  }, [meetingId]);

  // The window's first screen: once its data (tonight's sheet, or the word that there is none) is on
  // screen, the app may begin its start-up checks behind it (first-screen.ts).
  const shownSomething = !!sheet || !!error || !!meetings.error || (meetings.data !== undefined && !defaultMeeting(meetings.data, chapterToday()));
  useEffect(() => {
    if (shownSomething) sayFirstScreenShown(() => ledger.firstScreenShown());
  }, [shownSomething]);

  // Empty ignore-list: these chords work while typing in a field, which is where the secretary is.
  useHotkeys(
    [
      // By physical key: on macOS Option+N types "˜" and would never match the letter.
      ['alt+p', () => setTab('attendance'), { usePhysicalKeys: true }],
      ['alt+n', () => setCreating(true), { usePhysicalKeys: true }],
      ['alt+l', () => sheet?.meeting.status === 'draft' && void close(), { usePhysicalKeys: true }],
      ...slipModes.map((m) => [m.hotkey, () => setTab('slips'), { usePhysicalKeys: true }] as [string, () => void, { usePhysicalKeys: boolean }]),
    ],
    [],
  );

  const refresh = async () => {
    await Promise.all([loadSheet(), meetings.reload()]);
  };
  // A slip saved or deleted changes this meeting only: its sheet is read again and its line in the
  // meeting list takes the sheet's count, without recounting every meeting in the file (on a
  // ten-year chapter that recount was most of the time between Enter and the new row).
  const refreshAfterSlip = async () => {
    const next = await loadSheet();
    // Slips typed fast overlap their refreshes: a read overtaken by a later one leaves the list to that
    // one (reloading every meeting there was the slow path this avoids, taken one save in two on a quick night).
    if (next === 'newer-load') return;
    if (next) meetings.patch((list) => list?.map((m) => (m.id === next.meeting.id ? next.meeting : m)));
    else await meetings.reload();
  };

  const isClosed = () => sheetRef.current?.meeting.status === 'completed';

  const report = (outcome: UndoOutcome, word: 'Undone' | 'Redone') => {
    if (outcome.done === 'nothing') notifications.show({ message: word === 'Undone' ? 'Nothing to undo.' : 'Nothing to redo.' });
    else if (outcome.done === 'failed') notifications.show({ color: 'red', message: `Could not ${word === 'Undone' ? 'undo' : 'redo'} “${outcome.step.label}”: ${outcome.error.message}` });
    else if (outcome.done !== 'busy') notifications.show({ message: `${word}: ${outcome.step.label}.` });
  };
  // In a draft an undo is done at once (no reason needed); in a closed meeting it is an amendment like
  // any other, so it first asks its reason in a dialog, and that reason goes to the audit log.
  const undo = async (which?: UndoStep, why = '') => {
    if (isClosed() && !why) {
      const step = history.current.nextUndo(which);
      if (!step) return report({ done: 'nothing' }, 'Undone');
      return setUndoAsk({ word: 'Undo', step });
    }
    const outcome = await history.current.undo(() => why, which);
    report(outcome, 'Undone');
    syncUndoToast();
    if (outcome.done === 'undone' || outcome.done === 'failed') await refresh();
  };
  const redo = async (why = '') => {
    if (isClosed() && !why) {
      const step = history.current.nextRedo();
      if (!step) return report({ done: 'nothing' }, 'Redone');
      return setUndoAsk({ word: 'Redo', step });
    }
    const outcome = await history.current.redo(() => why);
    report(outcome, 'Redone');
    if (outcome.done === 'redone' || outcome.done === 'failed') await refresh();
  };
  const undoRef = useRef({ undo, redo });
  undoRef.current = { undo, redo };

  // Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS), by physical key so any keyboard layout works. In a field
  // holding text they stay the field's own text undo; a dialog keeps its keys to itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const isUndo = e.code === 'KeyZ' && !e.shiftKey;
      const isRedo = (e.code === 'KeyZ' && e.shiftKey) || (e.code === 'KeyY' && !e.shiftKey);
      if (!isUndo && !isRedo) return;
      const t = e.target as HTMLElement | null;
      if ((t instanceof HTMLInputElement && t.type !== 'radio' && t.value !== '') || (t instanceof HTMLTextAreaElement && t.value !== '')) return;
      if (t?.closest('[role="dialog"]')) return;
      e.preventDefault();
      void (isUndo ? undoRef.current.undo() : undoRef.current.redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const slipStep = (slip: Slip) => ({ kind: slip.kind, id: slip.id });
  const restoreValues = (slip: Slip, reasonText: string) =>
    saveSlipDraft(slip.kind === 'outside_party' ? slip.slipType : slip.kind, draftFromSlip(slip, chapter.currency, chapter.locale), slip.meetingId ?? meetingId!, { reason: reasonText, confirmDuplicate: true }, slip);

  const recorded = async (slip: Slip, before: Slip | null) => {
    if (before) {
      history.current.record({
        label: `edited ${slipLabel(before, money)}`,
        undo: (why) => restoreValues(before, why),
        redo: (why) => restoreValues(slip, why),
      });
    } else {
      history.current.record({
        label: `saved ${slipLabel(slip, money)}`,
        undo: (why) => ledger.deleteSlip({ ...slipStep(slip), reason: why }),
        redo: (why) => ledger.restoreSlip({ ...slipStep(slip), reason: why }),
      });
    }
    // The saved slip's row shows at once (the ledger's answer to the save), then the sheet is read again
    // for the totals and tonight's count, which replace this patch (sheet-patch.ts).
    setSheet((prev) => withSlipSaved(prev, slip));
    // An amendment's reason is for that amendment only: the next change asks again.
    if (sheetRef.current?.meeting.status === 'completed') setReason('');
    // The sheet is asked for once that row is on screen: its request and its answer's drawing do not
    // hold the row back (on a busy machine they competed with it for the same cores).
    await afterNextPaint();
    await refreshAfterSlip();
  };

  const removeSlip = async (slip: Slip, why: string) => {
    await ledger.deleteSlip({ ...slipStep(slip), reason: why });
    setSheet((prev) => withSlipDeleted(prev, slip.id));
    if (editing?.id === slip.id) setEditing(null);
    const drawn = afterNextPaint();
    const step: UndoStep = {
      label: `deleted ${slipLabel(slip, money)}`,
      undo: (r) => ledger.restoreSlip({ ...slipStep(slip), reason: r }),
      redo: (r) => ledger.deleteSlip({ ...slipStep(slip), reason: r }),
    };
    history.current.record(step);
    const toastId = `deleted-${slip.id}-${Date.now()}`;
    // One Undo toast at a time: the newest delete's. It stays while that delete can still be undone
    // (Ctrl+Z still undoes the older ones, newest first).
    if (undoToast.current) notifications.hide(undoToast.current.id);
    undoToast.current = { step, id: toastId };
    notifications.show({
      id: toastId,
      autoClose: false,
      message: (
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text size="sm" style={{ flex: 1 }}>
            Deleted: {slipLabel(slip, money)}.
          </Text>
          <Button
            size="xs"
            style={{ flexShrink: 0 }}
            variant="light"
            onClick={() => {
              void undo(step);
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    });
    await drawn;
    await refreshAfterSlip();
  };

  // A draft's slip is deleted at once (the toast and Ctrl+Z undo it); a closed meeting asks for the reason.
  const requestDelete = useStableCallback((slip: Slip) => {
    if (sheet?.meeting.status === 'completed') return setDeleting(slip);
    removeSlip(slip, '').catch((e) => notifications.show({ color: 'red', message: (e as Error).message }));
  });

  // The pencil never silently drops what is being typed in the bar: it asks first.
  const requestEdit = useStableCallback((slip: Slip) => {
    if (editing?.id === slip.id) return;
    if (barDirty.current) setSwitchTo(slip);
    else setEditing(slip);
  });
  const onBarSaved = useStableCallback(recorded);
  const onEditDone = useCallback(() => setEditing(null), []);
  const onDirtyChange = useCallback((dirty: boolean) => {
    barDirty.current = dirty;
  }, []);
  // The slip bar gets only what it uses from the sheet: a save changes tonight's count and totals, which
  // the bar does not show, so it is not redrawn for them (the roster keeps its identity, keep-unchanged.ts).
  const barSheet = useMemo(
    () => (sheet ? { roster: sheet.roster, currency: sheet.currency, locale: sheet.locale, meeting: { id: sheet.meeting.id, status: sheet.meeting.status, meetingOn: sheet.meeting.meetingOn } } : null),
    [sheet?.roster, sheet?.currency, sheet?.locale, sheet?.meeting.id, sheet?.meeting.status, sheet?.meeting.meetingOn],
  );

  const marked = (row: RosterRow, after: { mark: RosterRow['mark']; substituteName: string }) => {
    const before = { mark: row.mark, substituteName: row.substituteName ?? '' };
    const meetingIdNow = sheetRef.current!.meeting.id;
    const set = (m: typeof before, why: string) =>
      m.mark ? ledger.setAttendance({ meetingId: meetingIdNow, memberId: row.memberId, mark: m.mark, substituteName: m.substituteName, reason: why }) : ledger.clearAttendance({ meetingId: meetingIdNow, memberId: row.memberId, reason: why });
    history.current.record({
      label: `marked ${row.name} ${after.mark ? markWords[after.mark] : 'unmarked'}${before.mark ? ` (was ${markWords[before.mark]})` : ''}`,
      undo: (why) => set(before, why),
      redo: (why) => set(after, why),
    });
    if (sheetRef.current?.meeting.status === 'completed') setReason('');
  };

  /** "Mark everyone else present" is one step: its undo takes exactly those marks away, in one change. */
  const markedAll = (memberIds: string[]) => {
    const meetingIdNow = sheetRef.current!.meeting.id;
    history.current.record({
      label: `marked ${memberIds.length} member${memberIds.length === 1 ? '' : 's'} present (everyone else)`,
      undo: (why) => ledger.clearMarks({ meetingId: meetingIdNow, memberIds, reason: why }),
      redo: () => ledger.markAllPresent({ meetingId: meetingIdNow }),
    });
  };

  const close = async (confirmWarnings = false) => {
    if (!sheet) return;
    try {
      await ledger.closeMeeting({ meetingId: sheet.meeting.id, confirmWarnings });
      setCloseProblem(null);
      notifications.show({ color: 'teal', message: `The meeting of ${formatDay(sheet.meeting.meetingOn, chapter.locale)} is closed. Changes now need a reason.` });
      setClosedReport(sheet.meeting.id);
      await refresh();
    } catch (e) {
      if (e instanceof LedgerError && (e.code === 'incomplete' || e.code === 'needs_confirmation')) {
        setCloseProblem({ message: e.message, confirm: e.code === 'needs_confirmation' });
        if (e.code === 'incomplete') setTab('attendance');
      } else notifications.show({ color: 'red', message: (e as Error).message });
    }
  };

  // Searchable ("2019-05", "tue", "draft"); the options are drawn only while the list is open, so a save
  // (tonight's count changes) redraws one line. "Older meetings…" keeps the list open (MeetingPicker.tsx).
  const openMeetingStable = useStableCallback((id: string) => openMeeting(id));
  const showOlderMeetings = useCallback(async () => void (await meetings.showOlder()), [meetings.showOlder]);
  const showMeetingsBackTo = useCallback(async (day: string) => void (await meetings.showBackTo(day)), [meetings.showBackTo]);
  const meetingPicker = useMemo(
    () => (
      <MeetingPicker
        meetings={meetings.data ?? []}
        hasOlder={meetings.hasOlder}
        value={meetingId}
        onChange={openMeetingStable}
        onShowOlder={showOlderMeetings}
        onShowBackTo={showMeetingsBackTo}
        label={meetingLabel}
        placeholder={meetings.data?.length ? 'Choose a meeting' : 'No meetings yet'}
      />
    ),
    [meetings.data, meetings.hasOlder, showOlderMeetings, showMeetingsBackTo, meetingId],
  );

  // The header's buttons and the dialogs are memoized and get handlers that keep their identity: a save
  // (new totals, the new row) does not redraw them.
  const actionHandlers = useStableHandlers({
    newMeeting: () => setCreating(true),
    closeMeeting: () => void close(),
    exportSlips: async () => {
      const shown = sheetRef.current;
      if (!shown) return;
      const { fileName, csv } = await ledger.exportSlipsAudit({ meetingId: shown.meeting.id });
      downloadText(fileName, csv, 'text/csv;charset=utf-8');
    },
    reopen: () => setReopening(true),
    redate: () => setRedating(true),
    cancel: () => setCancelling(true),
    remove: () => setRemoving(true),
  });
  const dialogHandlers = useStableHandlers({
    closeCreating: () => setCreating(false),
    created: async (id: string) => {
      setCreating(false);
      await meetings.reload();
      openMeeting(id);
    },
    keepTyping: () => {
      setSwitchTo(null);
      setOpenTo(null);
    },
    discardAndOpen: () => {
      const id = openTo!;
      setOpenTo(null);
      barDirty.current = false;
      setMeetingId(id);
    },
    discardAndEdit: () => {
      const next = switchTo!;
      setSwitchTo(null);
      setEditing(null);
      setTimeout(() => setEditing(next), 0);
    },
    closeDeleting: () => setDeleting(null),
    submitDeleting: async (why: string) => {
      await removeSlip(deleting!, why);
      setDeleting(null);
    },
    closeUndoAsk: () => setUndoAsk(null),
    submitUndoAsk: async (why: string) => {
      const ask = undoAsk!;
      setUndoAsk(null);
      await (ask.word === 'Undo' ? undo(ask.step, why) : redo(why));
    },
    closeRedating: () => setRedating(false),
    redated: async () => {
      setRedating(false);
      notifications.show({ message: 'The meeting has its new date; its marks and slips moved with it.' });
      await refresh();
      await meetings.reload();
    },
    closeCancelling: () => setCancelling(false),
    submitCancelling: async (why: string) => {
      await ledger.cancelMeeting({ meetingId: meetingId!, reason: why });
      setCancelling(false);
      notifications.show({ message: `The meeting of ${formatDay(sheet?.meeting.meetingOn, chapter.locale)} is cancelled.` });
      await refresh();
    },
    closeRemoving: () => setRemoving(false),
    submitRemoving: async (why: string) => {
      const gone = sheet!.meeting.meetingOn;
      await ledger.deleteMeeting({ meetingId: meetingId!, reason: why });
      setRemoving(false);
      notifications.show({ message: `The meeting of ${formatDay(gone, chapter.locale)} is removed.` });
      setMeetingId(null);
      setSheet(null);
      await meetings.reload();
    },
    closeProblem: () => setCloseProblem(null),
    closeAnyway: () => void close(true),
    laterReport: () => setClosedReport(null),
    saveReport: async () => {
      const id = closedReport!;
      setClosedReport(null);
      try {
        const { fileName, pdfBase64 } = await ledger.produceReport({ report: 'weekly_meeting', meetingId: id });
        downloadBytes(fileName, Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0)) as BlobPart, 'application/pdf');
      } catch (e) {
        notifications.show({ color: 'red', message: (e as Error).message });
      }
    },
    closeReopening: () => setReopening(false),
    submitReopening: async (why: string) => {
      await ledger.reopenMeeting({ meetingId: meetingId!, reason: why });
      setReopening(false);
      await refresh();
    },
  });

  if (meetings.error) return <ErrorNotice error={meetings.error} onRetry={meetings.reload} />;
  if (error) return <ErrorNotice error={error} onRetry={() => loadSheet()} />;

  const closed = sheet?.meeting.status === 'completed';
  const draft = sheet?.meeting.status === 'draft';
  const removable = draft && sheet!.meeting.slipCount === 0 && sheet!.roster.every((r) => r.mark === null || (r.mark === 'M' && r.status === 'on_leave'));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={2}>Meeting</Title>
          {meetingPicker}
          {sheet && (
            <Badge size="lg" color={statusColors[sheet.meeting.status]} variant="light">
              {statusLabels[sheet.meeting.status]}
            </Badge>
          )}
        </Group>
        <MeetingActions
          status={sheet?.meeting.status ?? null}
          hasSlips={!!sheet && sheet.slips.length > 0}
          noSlipsCounted={sheet?.meeting.slipCount === 0}
          removable={!!removable}
          on={actionHandlers}
        />
      </Group>

      {!meetings.loading && meetings.data?.length === 0 && <GuidedStart meetings={0} onNewMeeting={() => setCreating(true)} />}

      {sheet && sheet.meeting.status !== 'cancelled' && sheet.meeting.meetingOn > addDays(chapterToday(), 7) && (
        <Alert color="yellow" title="This meeting is in the future">
          {formatDay(sheet.meeting.meetingOn, chapter.locale)} is more than a week ahead. If the date was mistyped, Change date… moves it (with anything already entered) to the right day.
        </Alert>
      )}

      {closed && (
        <Alert color="orange" title="This meeting is closed">
          <Text size="sm" mb="xs">
            Any change is an amendment: it needs a reason, kept in the audit log with what it was before. The reason is for one change: it empties after each.
          </Text>
          <TextInput aria-label="Reason for amendments" placeholder="Reason for the change, e.g. slip misread" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maw={520} />
        </Alert>
      )}

      {sheet && (
        <>
          <MeetingTotals totals={sheet.totals} rosterSize={sheet.roster.length} money={money} ceuSlips={ceuSlipCount(sheet)} />

          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="slips">Slips ({sheet.slips.length})</Tabs.Tab>
              <Tabs.Tab value="attendance">Attendance — PALMS {sheet.totals.unmarked > 0 ? `(${sheet.totals.unmarked} to mark)` : ''} · Alt+P</Tabs.Tab>
            </Tabs.List>
            {/* Kept drawn behind the Attendance tab: a name half-typed in a picker is still there on the way back. */}
            <Tabs.Panel value="slips" pt="md" keepMounted>
              {sheet.meeting.status === 'cancelled' ? (
                <Alert color="gray">This meeting was cancelled: it counts nowhere and takes no slips. New meeting (Alt+N) starts another.</Alert>
              ) : (
                <SlipEntryBar
                  sheet={barSheet!}
                  classifications={classifications.data ?? noClassifications}
                  editing={editing}
                  reason={reason}
                  onEditDone={onEditDone}
                  onDirtyChange={onDirtyChange}
                  onSaved={onBarSaved}
                  memory={barMemory}
                />
              )}
              <SlipList slips={sheet.slips} cancelled={sheet.meeting.status === 'cancelled'} money={money} editingId={editing?.id ?? null} onEdit={requestEdit} onDelete={requestDelete} onHistory={showHistory} />
            </Tabs.Panel>
            <Tabs.Panel value="attendance" pt="md">
              <AttendanceGrid sheet={sheet} windowMonths={chapter.absenceWindowMonths} reason={reason} onMarked={marked} onMarkedAll={markedAll} onChanged={refresh} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}

      <SlipHistoryDrawer slipId={historyOf?.id ?? null} title={historyOf ? `History of the ${slipLabel(historyOf, money)}` : ''} onClose={closeHistory} />

      <MeetingDialogs
        chapter={chapter}
        meetingOn={sheet?.meeting.meetingOn ?? ''}
        meetingId={sheet?.meeting.id ?? null}
        isDraft={!!draft}
        reason={reason}
        creating={creating}
        switchTo={switchTo}
        openTo={openTo ? (meetings.data?.find((m) => m.id === openTo)?.meetingOn ?? 'the other meeting') : null}
        deleting={deleting}
        undoAsk={undoAsk}
        redating={redating}
        cancelling={cancelling}
        removing={removing}
        reopening={reopening}
        closeProblem={closeProblem}
        closedReport={closedReport}
        money={money}
        on={dialogHandlers}
      />
    </Stack>
  );
}

type ActionHandlers = Record<'newMeeting' | 'closeMeeting' | 'exportSlips' | 'reopen' | 'redate' | 'cancel' | 'remove', () => void>;

/** The header's buttons: drawn again only when what they offer changes (not on every save). */
const MeetingActions = memo(function MeetingActions({ status, hasSlips, noSlipsCounted, removable, on }: { status: Meeting['status'] | null; hasSlips: boolean; noSlipsCounted: boolean; removable: boolean; on: ActionHandlers }) {
  const draft = status === 'draft';
  const closed = status === 'completed';
  return (
    <Group>
      <Tooltip label="Alt+N">
        <Button variant="default" onClick={on.newMeeting}>
          New meeting
        </Button>
      </Tooltip>
      {draft && (
        <Tooltip label="Alt+L (lock)">
          <Button onClick={on.closeMeeting}>Close meeting</Button>
        </Tooltip>
      )}
      {hasSlips && (
        <Tooltip label="This meeting's slips in BNI Connect's slips audit layout">
          <Button variant="default" onClick={on.exportSlips}>
            Export slips (CSV)
          </Button>
        </Tooltip>
      )}
      {closed && (
        <Button variant="light" color="orange" onClick={on.reopen}>
          Re-open
        </Button>
      )}
      {draft && (
        <Tooltip label="A mistyped date, or next week's meeting held tonight: move it with its marks and slips">
          <Button variant="default" onClick={on.redate}>
            Change date…
          </Button>
        </Tooltip>
      )}
      {draft && noSlipsCounted && (
        <Tooltip label="No meeting this week (a holiday): it is kept, and counts nowhere">
          <Button variant="default" color="gray" onClick={on.cancel}>
            Cancel meeting…
          </Button>
        </Tooltip>
      )}
      {removable && (
        <Tooltip label="Created by mistake: remove it (kept in the audit log)">
          <Button variant="subtle" color="red" onClick={on.remove}>
            Remove meeting…
          </Button>
        </Tooltip>
      )}
    </Group>
  );
});

type DialogHandlers = {
  closeCreating: () => void;
  created: (id: string) => Promise<void>;
  keepTyping: () => void;
  discardAndEdit: () => void;
  discardAndOpen: () => void;
  closeDeleting: () => void;
  submitDeleting: (why: string) => Promise<void>;
  closeUndoAsk: () => void;
  submitUndoAsk: (why: string) => Promise<void>;
  closeRedating: () => void;
  redated: () => Promise<void>;
  closeCancelling: () => void;
  submitCancelling: (why: string) => Promise<void>;
  closeRemoving: () => void;
  submitRemoving: (why: string) => Promise<void>;
  closeProblem: () => void;
  closeAnyway: () => void;
  laterReport: () => void;
  saveReport: () => Promise<void>;
  closeReopening: () => void;
  submitReopening: (why: string) => Promise<void>;
};

/** Every dialog of the Meeting screen, memoized: closed, none is drawn again when a slip is saved. */
const MeetingDialogs = memo(function MeetingDialogs({
  chapter,
  meetingOn,
  meetingId,
  isDraft,
  reason,
  creating,
  switchTo,
  openTo,
  deleting,
  undoAsk,
  redating,
  cancelling,
  removing,
  reopening,
  closeProblem,
  closedReport,
  money,
  on,
}: {
  chapter: Chapter;
  meetingOn: string;
  meetingId: string | null;
  isDraft: boolean;
  reason: string;
  creating: boolean;
  switchTo: Slip | null;
  /** The day of the meeting asked for while an edit is not saved. */
  openTo: string | null;
  deleting: Slip | null;
  undoAsk: { word: 'Undo' | 'Redo'; step: UndoStep } | null;
  redating: boolean;
  cancelling: boolean;
  removing: boolean;
  reopening: boolean;
  closeProblem: { message: string; confirm: boolean } | null;
  closedReport: string | null;
  money: (minor: number) => string;
  on: DialogHandlers;
}) {
  const moving = useMemo(() => (meetingId ? { meetingId } : undefined), [meetingId]);
  return (
    <>
      <NewMeetingModal opened={creating} defaultDay={nextWeekday(chapterToday(), chapter.meetingWeekday)} onClose={on.closeCreating} onCreated={on.created} />

      <Modal opened={switchTo !== null || openTo !== null} onClose={on.keepTyping} title="Leave the slip being edited?" size="lg">
        <Text size="sm">
          The slip being edited has changes that are not saved. {switchTo ? 'Editing another slip' : `Opening the meeting of ${openTo}`} would discard them. (A new slip being typed is never discarded: it is kept for its type.)
        </Text>
        <Group justify="flex-end" mt="md">
          <Button data-autofocus variant="default" onClick={on.keepTyping}>
            Keep editing
          </Button>
          <Button color="orange" onClick={switchTo ? on.discardAndEdit : on.discardAndOpen}>
            {switchTo ? 'Discard and edit the other slip' : `Discard and open ${openTo}`}
          </Button>
        </Group>
      </Modal>

      <ReasonModal
        opened={deleting !== null}
        title="Delete a slip of a closed meeting"
        action="Delete the slip"
        description={deleting ? `Delete the ${slipLabel(deleting, money)}? Ctrl+Z brings it back.` : ''}
        initialReason={reason}
        onClose={on.closeDeleting}
        onSubmit={on.submitDeleting}
      />

      <ReasonModal
        opened={undoAsk !== null}
        title={undoAsk?.word === 'Redo' ? 'Redo in a closed meeting' : 'Undo in a closed meeting'}
        action={undoAsk?.word === 'Redo' ? 'Redo it' : 'Undo it'}
        description={undoAsk ? `${undoAsk.word} “${undoAsk.step.label}”? The meeting is closed, so this is an amendment: its reason is kept in the audit log.` : ''}
        placeholder="e.g. Deleted the wrong slip"
        onClose={on.closeUndoAsk}
        onSubmit={on.submitUndoAsk}
      />

      {meetingId && isDraft && <NewMeetingModal opened={redating} defaultDay={meetingOn} moving={moving} onClose={on.closeRedating} onCreated={on.redated} />}

      <ReasonModal
        opened={cancelling}
        title="Cancel this meeting"
        action="Cancel the meeting"
        description={`No meeting on ${formatDay(meetingOn, chapter.locale)} (a holiday, say): it stays in the list as cancelled and counts nowhere — not in attendance, not in any report.`}
        placeholder="e.g. Public holiday"
        onClose={on.closeCancelling}
        onSubmit={on.submitCancelling}
      />

      <ReasonModal
        opened={removing}
        title="Remove this meeting"
        action="Remove the meeting"
        optional
        description={`Remove the meeting of ${formatDay(meetingOn, chapter.locale)}? It has no slips and no attendance, so nothing recorded is lost; the audit log keeps that it existed.`}
        placeholder="e.g. Wrong date typed"
        onClose={on.closeRemoving}
        onSubmit={on.submitRemoving}
      />

      <Modal opened={closeProblem !== null} onClose={on.closeProblem} title={closeProblem?.confirm ? 'Close anyway?' : 'Not ready to close'}>
        <Text size="sm">{closeProblem?.message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" data-autofocus={closeProblem?.confirm ? undefined : true} onClick={on.closeProblem}>
            Go back
          </Button>
          {closeProblem?.confirm && (
            <Button data-autofocus onClick={on.closeAnyway}>
              Close the meeting
            </Button>
          )}
        </Group>
      </Modal>

      <Modal opened={closedReport !== null} onClose={on.laterReport} title="Meeting closed">
        <Text size="sm">Save this meeting's weekly report as a PDF now? It is also on the Reports screen at any time.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={on.laterReport}>
            Later
          </Button>
          <Button data-autofocus onClick={on.saveReport}>
            Save weekly report (PDF)
          </Button>
        </Group>
      </Modal>

      <ReasonModal opened={reopening} title="Re-open this meeting" action="Re-open" onClose={on.closeReopening} onSubmit={on.submitReopening} />
    </>
  );
});

/**
 * The six totals. Memoized: the row patched in after a save keeps the sheet's totals object, so the
 * cards are drawn again only when the sheet read after the save brings new totals.
 */
/** CEU slips of the night: the card counts credits (a slip may carry 2), and says from how many slips. */
const ceuSlipCount = (sheet: MeetingSheet) => sheet.slips.reduce((n, slip) => (slip.kind === 'ceu' ? n + 1 : n), 0);

const MeetingTotals = memo(function MeetingTotals({ totals, rosterSize, money, ceuSlips }: { totals: MeetingSheet['totals']; rosterSize: number; money: (minor: number) => string; ceuSlips: number }) {
  return (
    <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" aria-label="Totals">
      <Stat label="Attendance" value={`${totals.present + totals.late + totals.substitute} / ${rosterSize}`} detail={`P ${totals.present} · A ${totals.absent} · L ${totals.late} · M ${totals.medical} · S ${totals.substitute}${totals.unmarked ? ` · ${totals.unmarked} unmarked` : ''}`} />
      <Stat label="Referrals" value={totals.referrals} detail={`${totals.referralsInside} inside · ${totals.referralsOutside} outside${totals.outsideReferralsGiven + totals.outsideReferralsReceived ? ` · + ${totals.outsideReferralsGiven + totals.outsideReferralsReceived} with people outside the chapter` : ''}`} />
      <Stat
        label="TYFCB"
        value={money(totals.tyfcbAmountMinor)}
        detail={`${totals.tyfcb} slip${totals.tyfcb === 1 ? '' : 's'}${totals.outsideTyfcbAmountMinor ? ` · + ${money(totals.outsideTyfcbAmountMinor)} with people outside the chapter` : ''}${totals.tyfcbDisputedSlips ? ` · ${disputedNote(totals.tyfcbDisputedAmountMinor, totals.tyfcbDisputedSlips, money)}, not in the total` : ''}`}
        title={totals.tyfcbDisputedSlips ? disputedExplanation : undefined}
      />
      <Stat label="One-to-ones" value={totals.oneToOnes} detail={totals.outsideOneToOnes ? `+ ${totals.outsideOneToOnes} with people outside the chapter` : undefined} />
      <Stat label="Visitors" value={totals.visitors} />
      <Stat label="CEUs" value={totals.ceus} detail={`${totals.ceus === 1 ? 'credit' : 'credits'} · ${ceuSlips} slip${ceuSlips === 1 ? '' : 's'}`} />
    </SimpleGrid>
  );
});

function Stat({ label, value, detail, title }: { label: string; value: string | number; detail?: string; title?: string }) {
  return (
    <Card withBorder padding="sm" aria-label={`${label} total`} title={title}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

/**
 * The meeting date dialog: a new meeting, or (with `moving`) a meeting not yet closed moved to its
 * real day — the same strict date, the same "Is this the right date?" question.
 */
function NewMeetingModal({
  opened,
  defaultDay,
  onClose,
  onCreated,
  moving,
}: {
  opened: boolean;
  defaultDay: string;
  onClose: () => void;
  onCreated: (id: string) => Promise<void>;
  moving?: { meetingId: string };
}) {
  const [day, setDay] = useState(defaultDay);
  const [error, setError] = useState<string | null>(null);
  const [unusual, setUnusual] = useState<string | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!opened) return;
    setDay(defaultDay);
    setError(null);
    setUnusual(null);
    // Opened from the keyboard (Alt+N) while typing in the slip bar: take the focus explicitly.
    const timer = setTimeout(() => {
      dateRef.current?.focus();
      dateRef.current?.select();
    }, 20);
    return () => clearTimeout(timer);
  }, [opened, defaultDay]);
  const create = async (confirmDate = false) => {
    try {
      const meeting = moving
        ? await ledger.changeMeetingDate({ meetingId: moving.meetingId, meetingOn: day.trim(), confirmDate })
        : await ledger.createMeeting({ meetingOn: day.trim(), confirmDate });
      setError(null);
      setUnusual(null);
      await onCreated(meeting.id);
    } catch (err) {
      // A date that is not the meeting day, or more than a week ahead, asks first.
      if (err instanceof LedgerError && err.code === 'needs_confirmation') setUnusual(err.message);
      else setError((err as Error).message);
    }
  };
  // What the typed date is, in words, as it is typed: a strict date is never "rolled over".
  const readable = isRealIsoDate(day.trim()) ? new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day.trim()}T00:00:00Z`)) : '';
  return (
    <Modal opened={opened} onClose={onClose} title={moving ? 'Change the meeting date' : 'New meeting'} size="md" returnFocus={false} transitionProps={{ duration: 0 }}>
      {unusual ? (
        <form
          key="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            void create(true);
          }}
        >
          <Alert color="yellow" title="Is this the right date?">
            {unusual}
          </Alert>
          {/* The question needs a deliberate answer: the cursor is on "Change the date", so an Enter pressed
              twice goes back to the date; creating it on the unusual day takes Tab then Enter, or a click. */}
          <Group justify="flex-end" mt="md" wrap="nowrap">
            <Button
              variant="default"
              autoFocus
              onClick={(e) => {
                // Without this the click's default action would submit the date form that replaces this one.
                e.preventDefault();
                setUnusual(null);
                setTimeout(() => dateRef.current?.focus(), 0);
              }}
            >
              Change the date
            </Button>
            <Button type="submit">
              {moving ? 'Move it to' : 'Create it on'} {day.trim()}
            </Button>
          </Group>
        </form>
      ) : (
        <form
          key="date"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <TextInput
            label="Meeting date"
            description={readable || 'Written YYYY-MM-DD, e.g. 2026-11-25'}
            placeholder="YYYY-MM-DD"
            value={day}
            onChange={(e) => {
              setDay(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            ref={dateRef}
            data-autofocus
            autoComplete="off"
          />
          <Group justify="flex-end" mt="md">
            <Button type="submit">{moving ? 'Move the meeting' : 'Create meeting'}</Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}

function ReasonModal({
  opened,
  title,
  action,
  description,
  placeholder,
  optional,
  initialReason,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: string;
  action: string;
  description?: string;
  placeholder?: string;
  /** The reason may be left empty (it is still welcome in the audit log). */
  optional?: boolean;
  /** The reason already typed in the amber banner of a closed meeting: offered again here, still editable. */
  initialReason?: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Each dialog asks afresh: a reason never carries over from one dialog to the next change; only the
  // banner's reason, typed for this closed meeting's changes, is offered again.
  useEffect(() => {
    if (!opened) return;
    setWhy(initialReason ?? '');
    setError(null);
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!optional && why.trim() === '') return setError('Enter a reason: it is kept in the audit log.');
          try {
            await onSubmit(why.trim());
            setWhy('');
            setError(null);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        {description && (
          <Text size="sm" mb="sm">
            {description}
          </Text>
        )}
        <TextInput label={optional ? 'Reason (optional)' : 'Reason'} description="Kept in the audit log" placeholder={placeholder} value={why}
          onChange={(e) => {
            setWhy(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            Go back
          </Button>
          <Button type="submit">{action}</Button>
        </Group>
      </form>
    </Modal>
  );
}
