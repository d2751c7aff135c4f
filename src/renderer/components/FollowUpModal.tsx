import { Alert, Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Chapter, OpenReferral, ReferralHistory } from '../../shared/contract';
import { isRealIsoDate } from '../../shared/fields';
import { chapterToday } from '../chapter-today';
import { lostReasonLabels, lostReasons, referralStatuses, type LostReason } from '../../shared/domain';
import { LedgerError } from '../../shared/errors';
import { amountExample, formatMoney } from '../../shared/money';
import { ledger } from '../client';
import { useQuery } from '../use-query';

type Status = (typeof referralStatuses)[number];
export const statusLabels: Record<Status, string> = { new: 'New', contacted: 'Contacted', meeting_set: 'Meeting set', won: 'Won', lost: 'Lost' };
export const statusColors: Record<Status, string> = { new: 'gray', contacted: 'blue', meeting_set: 'violet', won: 'teal', lost: 'red' };

interface Props {
  chapter: Chapter;
  referral: OpenReferral;
  /** The status picked on the list, to start from. */
  initialStatus: Status;
  onClose: () => void;
  onChanged: () => void;
}

/** One follow-up step: status, day, who, why lost, a note; after "won", link or record the TYFCB. */
export function FollowUpModal({ chapter, referral, initialStatus, onClose, onChanged }: Props) {
  const history = useQuery(() => ledger.referralHistory({ id: referral.id }), [referral.id]);
  const [status, setStatus] = useState<Status>(initialStatus);
  const [on, setOn] = useState<string>(chapterToday());
  const [by, setBy] = useState<string>(referral.receiverId);
  const [lostReason, setLostReason] = useState<LostReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [won, setWon] = useState(false);

  const save = async () => {
    // The day is read exactly as typed (as the Meeting screen's date is): never rolled over into another
    // month or year, never saved when it is not a real day or is after today — the text stays to correct.
    const day = on.trim();
    if (!isRealIsoDate(day)) {
      setErrors({ on: `The follow-up day must be a real date written YYYY-MM-DD, e.g. ${chapterToday()}.` });
      return;
    }
    if (day > chapterToday()) {
      setErrors({ on: `A follow-up cannot be dated after today (${chapterToday()}): record it once it has happened.` });
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await ledger.setReferralStatus({ id: referral.id, status, on: day, recordedById: by === 'secretary' ? null : by, lostReason: status === 'lost' ? lostReason : null, note });
      onChanged();
      await history.reload();
      if (status === 'won') setWon(true);
      else onClose();
    } catch (e) {
      const error = e as LedgerError;
      setErrors({ [error.field ?? 'form']: error.message });
    } finally {
      setSaving(false);
    }
  };

  // What the typed day is, in words, as it is typed (a strict date is never "rolled over").
  const readable = isRealIsoDate(on.trim()) ? new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${on.trim()}T00:00:00Z`)) : '';

  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={600}>Follow up: {referral.prospectName} · {referral.giverName} → {referral.receiverName}</Text>}>
      <Stack gap="md">
        {history.data && <HistoryTimeline history={history.data} chapter={chapter} />}
        {won && history.data ? (
          <WonFeedback chapter={chapter} history={history.data} onLinked={async () => { onChanged(); await history.reload(); }} onDone={onClose} />
        ) : (
          <Stack gap="sm">
            <SegmentedControl
              aria-label="New status"
              value={status}
              onChange={(v) => setStatus(v as Status)}
              data={referralStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
            />
            <Group grow align="flex-start">
              <TextInput
                label="On"
                description={readable || 'Written YYYY-MM-DD'}
                placeholder="YYYY-MM-DD"
                value={on}
                onChange={(e) => {
                  setOn(e.currentTarget.value);
                  setErrors(({ on: _on, ...rest }) => rest);
                }}
                error={errors.on}
                autoComplete="off"
              />
              <Select
                label="Recorded by"
                allowDeselect={false}
                value={by}
                onChange={(v) => v && setBy(v)}
                data={[
                  { value: referral.receiverId, label: `${referral.receiverName} (receiver)` },
                  { value: referral.giverId, label: `${referral.giverName} (giver)` },
                  { value: 'secretary', label: 'Secretary / leadership' },
                ]}
                error={errors.recordedById}
              />
            </Group>
            {status === 'lost' && (
              <Select
                label="Why was it lost?"
                placeholder="Choose a reason"
                required
                data={lostReasons.map((r) => ({ value: r, label: lostReasonLabels[r] }))}
                value={lostReason}
                onChange={(v) => setLostReason(v as LostReason | null)}
                error={errors.lostReason}
              />
            )}
            <Textarea label="Note" placeholder={status === 'lost' && lostReason === 'other' ? 'Why it was lost (needed for “Other”)' : 'What happened (optional)'} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
            {(errors.form || errors.status || errors.id) && <Alert color="red">{errors.form ?? errors.status ?? errors.id}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={save} loading={saving}>
                Save follow-up
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function HistoryTimeline({ history, chapter }: { history: ReferralHistory; chapter: Chapter }) {
  const steps = [{ id: 'given', status: 'new' as Status, changedOn: history.givenOn, recordedByName: history.giverName, lostReason: null, note: 'Referral given' }, ...history.entries];
  return (
    <Stack gap={6}>
      <Timeline active={steps.length - 1} bulletSize={14} lineWidth={2} aria-label="Follow-up history">
        {steps.map((s) => (
          <Timeline.Item key={s.id} title={<Group gap={6}><Badge size="sm" variant="light" color={statusColors[s.status]}>{statusLabels[s.status]}</Badge><Text size="sm">{s.changedOn}</Text></Group>}>
            <Text size="xs" c="dimmed">
              {s.recordedByName ?? 'Secretary'}
              {s.lostReason ? ` · ${lostReasonLabels[s.lostReason]}` : ''}
              {s.note ? ` · ${s.note}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {history.tyfcb.length > 0 && (
        <Text size="sm">
          TYFCB: {history.tyfcb.map((t) => `${formatMoney(t.amountMinor, chapter.currency, chapter.locale)} on ${t.meetingOn}${t.disputed ? ' (disputed)' : ''}`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** After "won": tell the member the giver will hear of it, and close the money loop with a TYFCB. */
function WonFeedback({ chapter, history, onLinked, onDone }: { chapter: Chapter; history: ReferralHistory; onLinked: () => Promise<void>; onDone: () => void }) {
  const meetings = useQuery(() => ledger.listMeetings(), []);
  const choices = (meetings.data ?? []).filter((m) => m.status !== 'cancelled' && m.meetingOn >= history.givenOn);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [business, setBusiness] = useState<'new' | 'repeat'>('new');
  const [reason, setReason] = useState('TYFCB recorded after the follow-up');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [recorded, setRecorded] = useState<string | null>(null);
  useEffect(() => {
    if (!meetingId && choices[0]) setMeetingId((choices.find((m) => m.status === 'draft') ?? choices[0]).id);
  }, [choices, meetingId]);
  const chosen = choices.find((m) => m.id === meetingId);
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setErrors({});
    try {
      await action();
      setRecorded(done);
      await onLinked();
    } catch (e) {
      const error = e as LedgerError;
      setErrors({ [error.field ?? 'form']: error.message });
    }
  };
  const record = () =>
    run(
      () => ledger.saveTyfcb({ meetingId: meetingId ?? '', closerId: history.receiverId, referrerId: history.giverId, amount, business, referralId: history.referralId, reason: chosen?.status === 'completed' ? reason : '' }),
      `TYFCB of ${amount} recorded at the meeting of ${chosen?.meetingOn}.`,
    );
  const link = (tyfcbId: string, meetingOn: string, amountMinor: number) =>
    run(() => ledger.linkTyfcbToReferral({ tyfcbId, referralId: history.referralId, reason }), `The TYFCB of ${money(amountMinor)} from ${meetingOn} is now linked.`);

  return (
    <Stack gap="sm">
      <Alert color="teal" icon={<IconCircleCheck />} title="Won — well done">
        {history.giverName} will see this referral as won on their statement. Did it bring business? Record the thank-you (TYFCB) so the revenue is credited to {history.giverName}.
      </Alert>
      {recorded && <Alert color="teal">{recorded}</Alert>}
      {history.unlinkedTyfcb.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Already on a TYFCB slip? Link it:
          </Text>
          {history.unlinkedTyfcb.map((t) => (
            <Group key={t.id} gap="xs">
              <Text size="sm">
                {money(t.amountMinor)} on {t.meetingOn}
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => link(t.id, t.meetingOn, t.amountMinor)}>
                Link to this referral
              </Button>
            </Group>
          ))}
          {errors.tyfcbId && <Text c="red" size="sm">{errors.tyfcbId}</Text>}
        </Stack>
      )}
      {!recorded && (
      <>
      <Text size="sm" fw={600}>
        Record a new TYFCB
      </Text>
      <Group grow align="flex-start">
        <TextInput label={`Amount (${chapter.currency})`} placeholder={`e.g. ${amountExample(chapter.currency, chapter.locale)}`} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} />
        <Select label="At the meeting of" allowDeselect={false} data={choices.map((m) => ({ value: m.id, label: `${m.meetingOn}${m.status === 'completed' ? ' (closed)' : ''}` }))} value={meetingId} onChange={setMeetingId} error={errors.meetingId} />
        <Select label="New or repeat" allowDeselect={false} data={[{ value: 'new', label: 'New business' }, { value: 'repeat', label: 'Repeat business' }]} value={business} onChange={(v) => setBusiness((v ?? 'new') as 'new' | 'repeat')} />
      </Group>
      {(chosen?.status === 'completed' || history.unlinkedTyfcb.length > 0) && (
        <TextInput label="Reason (kept in the audit log: the meeting is closed)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
      )}
      </>
      )}
      {(errors.form || errors.referralId) && <Alert color="red">{errors.form ?? errors.referralId}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {recorded ? 'Done' : 'Not now'}
        </Button>
        {!recorded && (
          <Button onClick={record} disabled={!amount.trim() || !meetingId}>
            Record TYFCB
          </Button>
        )}
      </Group>
    </Stack>
  );
}
