import { Alert, Autocomplete, Button, Group, Kbd, Modal, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Classification, MeetingSheet, OpenReferral, Slip, SlipKind } from '../../shared/contract';
import { LedgerError } from '../../shared/errors';
import { minorToInput } from '../../shared/money';
import { ledger } from '../client';
import { KeyChoice } from './KeyChoice';
import { MemberPicker, type PickableMember } from './MemberPicker';

export const slipModes: Array<{ kind: SlipKind; label: string; hotkey: string; key: string }> = [
  { kind: 'referral', label: 'Referral', hotkey: 'alt+r', key: 'R' },
  { kind: 'tyfcb', label: 'TYFCB', hotkey: 'alt+t', key: 'T' },
  { kind: 'one_to_one', label: 'One-to-one', hotkey: 'alt+o', key: 'O' },
  { kind: 'visitor', label: 'Visitor', hotkey: 'alt+v', key: 'V' },
  { kind: 'ceu', label: 'CEU', hotkey: 'alt+c', key: 'C' },
];

interface Draft {
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
}

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
});

function draftFromSlip(slip: Slip, currency: string, locale: string): Draft {
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
  }
}

/** What each mode sends: only its own fields, so a slip never carries another type's leftovers. */
function save(kind: SlipKind, d: Draft, meetingId: string, extra: { reason: string; confirmDuplicate: boolean }): Promise<Slip> {
  const common = { ...(d.id ? { id: d.id } : {}), meetingId, ...extra };
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
  }
}

export interface SlipEntryHandle {
  edit: (slip: Slip) => void;
}

export function SlipEntryBar({
  sheet,
  classifications,
  editing,
  onEditDone,
  onSaved,
  onUndo,
  reason,
}: {
  sheet: MeetingSheet;
  classifications: Classification[];
  editing: Slip | null;
  onEditDone: () => void;
  onSaved: (slip: Slip, wasEdit: boolean) => Promise<void>;
  onUndo: () => void;
  /** The amendment reason, required by the ledger once the meeting is closed. */
  reason: string;
}) {
  const [mode, setMode] = useState<SlipKind>('referral');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pairReferrals, setPairReferrals] = useState<OpenReferral[]>([]);
  const firstField = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const closed = sheet.meeting.status === 'completed';

  const members: PickableMember[] = useMemo(
    () => sheet.roster.map((r) => ({ id: r.memberId, name: r.name, company: r.company, classificationName: r.classificationName })),
    [sheet.roster],
  );

  // Never steal the cursor from elsewhere (a dialog, the attendance grid): only from nowhere or from this bar.
  const focusFirst = () =>
    setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body || formRef.current?.contains(active)) firstField.current?.focus();
    }, 0);
  const switchMode = (kind: SlipKind) => {
    setMode(kind);
    setErrors({});
    setFormError(null);
    setTimeout(() => firstField.current?.focus(), 0);
  };
  useHotkeys(
    slipModes.map((m) => [m.hotkey, () => switchMode(m.kind)]),
    [],
  );

  // A new meeting on screen: the secretary types straight away.
  useEffect(() => {
    focusFirst();
  }, [sheet.meeting.id]);

  useEffect(() => {
    if (!editing) return;
    setMode(editing.kind);
    setDraft(draftFromSlip(editing, sheet.currency, sheet.locale));
    setErrors({});
    focusFirst();
  }, [editing]);

  // A TYFCB is offered the open referrals from the thanked member to the closer.
  useEffect(() => {
    if (mode !== 'tyfcb' || !draft.closerId || !draft.referrerId) return setPairReferrals([]);
    const { closerId, referrerId } = draft;
    void ledger.listOpenReferrals({ memberId: closerId, status: 'open', olderThanDays: 0 }).then((list) =>
      setPairReferrals(list.filter((r) => r.giverId === referrerId && r.receiverId === closerId)),
    );
  }, [mode, draft.closerId, draft.referrerId]);

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key as string]) setErrors((e) => ({ ...e, [key as string]: '' }));
  };
  const text = (key: keyof Draft) => ({
    value: String(draft[key] ?? ''),
    error: errors[key as string] || undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key)(e.currentTarget.value as never),
  });

  const clear = () => {
    setDraft(emptyDraft());
    setErrors({});
    setFormError(null);
    if (editing) onEditDone();
    focusFirst();
  };

  const submit = async (confirmDuplicate = false) => {
    if (saving) return;
    setSaving(true);
    setFormError(null);
    try {
      const slip = await save(mode, draft, sheet.meeting.id, { reason, confirmDuplicate });
      const wasEdit = !!draft.id;
      setDraft(emptyDraft());
      setErrors({});
      if (wasEdit) onEditDone();
      await onSaved(slip, wasEdit);
      focusFirst();
    } catch (error) {
      if (error instanceof LedgerError && error.code === 'duplicate') setDuplicate(error.message);
      else if (error instanceof LedgerError && error.field) setErrors({ [error.field]: error.message });
      else setFormError((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const sought = classifications.find((c) => c.name.toLocaleLowerCase() === draft.classificationSought.trim().toLocaleLowerCase());

  return (
    <Paper withBorder p="md" radius="md">
      <form
        ref={formRef}
        aria-label="Slip entry"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          // Escape in an open list only closes the list; otherwise it clears the slip.
          if (e.key === 'Escape' && !e.defaultPrevented && target.getAttribute('aria-expanded') !== 'true') clear();
          if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && target instanceof HTMLInputElement && target.value === '') {
            e.preventDefault();
            onUndo();
          }
        }}
      >
        <Group justify="space-between" mb="sm">
          <SegmentedControl
            aria-label="Slip type"
            value={mode}
            onChange={(v) => switchMode(v as SlipKind)}
            data={slipModes.map((m) => ({ value: m.kind, label: `${m.label}` }))}
          />
          <Text size="xs" c="dimmed">
            <Kbd>Alt</Kbd>+<Kbd>R</Kbd>/<Kbd>T</Kbd>/<Kbd>O</Kbd>/<Kbd>V</Kbd>/<Kbd>C</Kbd> type · <Kbd>Enter</Kbd> save · <Kbd>Esc</Kbd> clear · <Kbd>Ctrl</Kbd>+<Kbd>Z</Kbd> undo
          </Text>
        </Group>

        {mode === 'referral' && (
          <SimpleGrid cols={4} spacing="sm">
            <MemberPicker ref={firstField} label="From (giver)" members={members} value={draft.giverId} onChange={set('giverId')} error={errors.giverId} autoFocus />
            <MemberPicker label="To (receiver)" members={members} value={draft.receiverId} onChange={set('receiverId')} error={errors.receiverId} />
            <KeyChoice label="Inside / outside (I/O)" value={draft.referralKind} onChange={set('referralKind')} error={errors.referralKind} options={[{ value: 'inside', label: 'Inside', key: 'i' }, { value: 'outside', label: 'Outside', key: 'o' }]} />
            <KeyChoice label="Temperature (1–5)" value={draft.temperature} onChange={set('temperature')} error={errors.temperature} options={(['1', '2', '3', '4', '5'] as const).map((t) => ({ value: t, label: t, key: t }))} />
            <TextInput label="Prospect" placeholder="Who needs the business" {...text('prospectName')} />
            <TextInput label="Prospect phone" {...text('prospectPhone')} />
            <TextInput label="Prospect email" {...text('prospectEmail')} />
            <TextInput label="Note" {...text('note')} />
          </SimpleGrid>
        )}

        {mode === 'tyfcb' && (
          <SimpleGrid cols={4} spacing="sm">
            <MemberPicker ref={firstField} label="From (closed the business)" members={members} value={draft.closerId} onChange={set('closerId')} error={errors.closerId} autoFocus />
            <MemberPicker label="Thanking (referrer)" members={members} value={draft.referrerId} onChange={set('referrerId')} error={errors.referrerId} />
            <TextInput label={`Amount (${sheet.currency})`} placeholder="1250.00" inputMode="decimal" {...text('amount')} />
            <KeyChoice label="New / repeat (N/R)" value={draft.business} onChange={set('business')} options={[{ value: 'new', label: 'New', key: 'n' }, { value: 'repeat', label: 'Repeat', key: 'r' }]} />
            <KeyChoice label="Inside / outside / tier 3 (I/O/T)" value={draft.tyfcbKind} onChange={set('tyfcbKind')} options={[{ value: 'inside', label: 'Inside', key: 'i' }, { value: 'outside', label: 'Outside', key: 'o' }, { value: 'tier3', label: 'Tier 3', key: 't' }]} />
            <Select
              label="From referral"
              placeholder={pairReferrals.length ? 'Choose the referral' : 'No open referral for this pair'}
              clearable
              disabled={pairReferrals.length === 0}
              data={pairReferrals.map((r) => ({ value: r.id, label: `${r.prospectName} (${r.meetingOn})` }))}
              value={draft.referralId}
              onChange={set('referralId')}
              error={errors.referralId}
            />
            <TextInput label="Note" {...text('note')} style={{ gridColumn: 'span 2' }} />
          </SimpleGrid>
        )}

        {mode === 'one_to_one' && (
          <SimpleGrid cols={4} spacing="sm">
            <MemberPicker ref={firstField} label="Member" members={members} value={draft.memberAId} onChange={set('memberAId')} error={errors.memberAId} autoFocus />
            <MemberPicker label="Met with" members={members} value={draft.memberBId} onChange={set('memberBId')} error={errors.memberBId} />
            <TextInput label="Met on" placeholder={sheet.meeting.meetingOn} description="Blank = meeting day" {...text('metOn')} />
            <TextInput label="Note" {...text('note')} />
          </SimpleGrid>
        )}

        {mode === 'visitor' && (
          <SimpleGrid cols={4} spacing="sm">
            <TextInput ref={firstField} label="Visitor name" autoFocus {...text('name')} />
            <TextInput label="Company" {...text('company')} />
            <Autocomplete
              label="Classification sought"
              data={classifications.map((c) => c.name)}
              value={draft.classificationSought}
              onChange={set('classificationSought')}
              error={errors.classificationSought}
              description={sought?.holder ? `Seat held by ${sought.holder.name}` : sought ? 'Open seat' : ' '}
              styles={{ description: { color: sought?.holder ? 'var(--mantine-color-orange-7)' : undefined } }}
            />
            <MemberPicker label="Invited by" members={members} value={draft.invitedById} onChange={set('invitedById')} error={errors.invitedById} />
            <TextInput label="Phone" {...text('phone')} />
            <TextInput label="Email" {...text('email')} />
          </SimpleGrid>
        )}

        {mode === 'ceu' && (
          <SimpleGrid cols={4} spacing="sm">
            <MemberPicker ref={firstField} label="Member" members={members} value={draft.memberId} onChange={set('memberId')} error={errors.memberId} autoFocus />
            <NumberInput label="Credits" min={1} max={100} allowDecimal={false} value={draft.credits} onChange={(v) => set('credits')(v)} error={errors.credits} />
            <TextInput label="Note" placeholder="Podcast, training, workshop…" {...text('note')} style={{ gridColumn: 'span 2' }} />
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
        <Group justify="flex-end" mt="sm">
          {(draft.id || editing) && (
            <Button variant="default" onClick={clear}>
              Cancel edit
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {draft.id ? 'Save changes' : `Save ${slipModes.find((m) => m.kind === mode)!.label}`}
          </Button>
        </Group>
      </form>

      <Modal opened={duplicate !== null} onClose={() => setDuplicate(null)} title="Already entered?">
        <Text size="sm">{duplicate}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDuplicate(null)}>
            No, go back
          </Button>
          <Button
            autoFocus
            onClick={() => {
              setDuplicate(null);
              void submit(true);
            }}
          >
            Save anyway
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
