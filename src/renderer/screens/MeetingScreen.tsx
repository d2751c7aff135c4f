import { ActionIcon, Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Chapter, MeetingSheet, Slip } from '../../shared/contract';
import { nextWeekday, todayIso } from '../../shared/dates';
import { LedgerError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import { ledger } from '../client';
import { AttendanceGrid } from '../components/AttendanceGrid';
import { ErrorNotice } from '../components/ErrorNotice';
import { SlipEntryBar, slipModes } from '../components/SlipEntryBar';
import { downloadBytes, downloadText } from '../download';
import { useQuery } from '../use-query';
import { GuidedStart } from '../components/GuidedStart';

const statusColors = { draft: 'orange', completed: 'teal', cancelled: 'gray' } as const;
const statusLabels = { draft: 'Draft', completed: 'Closed', cancelled: 'Cancelled' } as const;

export function MeetingScreen({ chapter }: { chapter: Chapter }) {
  const meetings = useQuery(() => ledger.listMeetings(), []);
  const classifications = useQuery(() => ledger.listClassifications(), []);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [sheet, setSheet] = useState<MeetingSheet | null>(null);
  const [tab, setTab] = useState<string | null>('slips');
  const [editing, setEditing] = useState<Slip | null>(null);
  const [saved, setSaved] = useState<Slip[]>([]);
  const [reason, setReason] = useState('');
  const [creating, setCreating] = useState(false);
  const [closeProblem, setCloseProblem] = useState<{ message: string; confirm: boolean } | null>(null);
  const [reopening, setReopening] = useState(false);
  const [closedReport, setClosedReport] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  // Tonight's meeting by default: the newest draft, else the newest meeting.
  useEffect(() => {
    if (meetingId || !meetings.data?.length) return;
    setMeetingId((meetings.data.find((m) => m.status === 'draft') ?? meetings.data[0]!).id);
  }, [meetings.data, meetingId]);

  // Saves can overlap (fast typing); only the newest answer may update the screen.
  const loadSeq = useRef(0);
  const loadSheet = async (id = meetingId) => {
    if (!id) return;
    const seq = ++loadSeq.current;
    try {
      const next = await ledger.getMeetingSheet({ meetingId: id });
      if (seq !== loadSeq.current) return;
      setSheet(next);
      setError(null);
    } catch (e) {
      setError(e as Error);
    }
  };
  useEffect(() => {
    setSheet(null);
    setSaved([]);
    setEditing(null);
    setReason('');
    void loadSheet();
  }, [meetingId]);

  // Empty ignore-list: these chords work while typing in a field, which is where the secretary is.
  useHotkeys(
    [
      ['alt+p', () => setTab('attendance')],
      ['alt+n', () => setCreating(true)],
      ['alt+l', () => sheet?.meeting.status === 'draft' && void close()],
      ...slipModes.map((m) => [m.hotkey, () => setTab('slips')] as [string, () => void]),
    ],
    [],
  );

  const refresh = async () => {
    await Promise.all([loadSheet(), meetings.reload()]);
  };

  const undo = async () => {
    const last = saved[saved.length - 1];
    if (!last) return notifications.show({ message: 'Nothing to undo yet.' });
    try {
      // A draft's undo is no amendment (no reason); in a closed meeting the undo says what it was.
      const closedNow = sheet?.meeting.status === 'completed';
      await ledger.deleteSlip({ kind: last.kind, id: last.id, reason: closedNow ? reason || 'Undo of the last save' : '' });
      setSaved((s) => s.slice(0, -1));
      notifications.show({ message: `Undone: the last ${slipModes.find((m) => m.kind === last.kind)!.label} slip.` });
      await refresh();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };

  const remove = async (slip: Slip) => {
    try {
      await ledger.deleteSlip({ kind: slip.kind, id: slip.id, reason });
      await refresh();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };

  const close = async (confirmWarnings = false) => {
    if (!sheet) return;
    try {
      await ledger.closeMeeting({ meetingId: sheet.meeting.id, confirmWarnings });
      setCloseProblem(null);
      notifications.show({ color: 'teal', message: `The meeting of ${sheet.meeting.meetingOn} is closed. Changes now need a reason.` });
      setClosedReport(sheet.meeting.id);
      await refresh();
    } catch (e) {
      if (e instanceof LedgerError && (e.code === 'incomplete' || e.code === 'needs_confirmation')) {
        setCloseProblem({ message: e.message, confirm: e.code === 'needs_confirmation' });
        if (e.code === 'incomplete') setTab('attendance');
      } else notifications.show({ color: 'red', message: (e as Error).message });
    }
  };

  if (meetings.error) return <ErrorNotice error={meetings.error} onRetry={meetings.reload} />;
  if (error) return <ErrorNotice error={error} onRetry={() => loadSheet()} />;

  const closed = sheet?.meeting.status === 'completed';
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={2}>Meeting</Title>
          <Select
            aria-label="Meeting"
            w={260}
            placeholder={meetings.data?.length ? 'Choose a meeting' : 'No meetings yet'}
            data={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.meetingOn} · ${statusLabels[m.status]} · ${m.slipCount} slips` }))}
            value={meetingId}
            onChange={setMeetingId}
            allowDeselect={false}
          />
          {sheet && (
            <Badge size="lg" color={statusColors[sheet.meeting.status]} variant="light">
              {statusLabels[sheet.meeting.status]}
            </Badge>
          )}
        </Group>
        <Group>
          <Tooltip label="Alt+N">
            <Button variant="default" onClick={() => setCreating(true)}>
              New meeting
            </Button>
          </Tooltip>
          {sheet?.meeting.status === 'draft' && (
            <Tooltip label="Alt+L (lock)">
              <Button onClick={() => close()}>Close meeting</Button>
            </Tooltip>
          )}
          {sheet && sheet.slips.length > 0 && (
            <Tooltip label="This meeting's slips in BNI Connect's slips audit layout">
              <Button
                variant="default"
                onClick={async () => {
                  const { fileName, csv } = await ledger.exportSlipsAudit({ meetingId: sheet.meeting.id });
                  downloadText(fileName, csv, 'text/csv;charset=utf-8');
                }}
              >
                Export slips (CSV)
              </Button>
            </Tooltip>
          )}
          {closed && (
            <Button variant="light" color="orange" onClick={() => setReopening(true)}>
              Re-open
            </Button>
          )}
        </Group>
      </Group>

      {!meetings.loading && meetings.data?.length === 0 && <GuidedStart meetings={0} onNewMeeting={() => setCreating(true)} />}

      {closed && (
        <Alert color="orange" title="This meeting is closed">
          <Text size="sm" mb="xs">
            Any change is an amendment: it needs a reason and is kept in the audit log with what it was before.
          </Text>
          <TextInput aria-label="Reason for amendments" placeholder="Reason for the change, e.g. slip misread" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maw={520} />
        </Alert>
      )}

      {sheet && (
        <>
          <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" aria-label="Totals">
            <Stat label="Attendance" value={`${sheet.totals.present + sheet.totals.late + sheet.totals.substitute} / ${sheet.roster.length}`} detail={`P ${sheet.totals.present} · A ${sheet.totals.absent} · L ${sheet.totals.late} · M ${sheet.totals.medical} · S ${sheet.totals.substitute}${sheet.totals.unmarked ? ` · ${sheet.totals.unmarked} unmarked` : ''}`} />
            <Stat label="Referrals" value={sheet.totals.referrals} detail={`${sheet.totals.referralsInside} inside · ${sheet.totals.referralsOutside} outside`} />
            <Stat label="TYFCB" value={money(sheet.totals.tyfcbAmountMinor)} detail={`${sheet.totals.tyfcb} slips`} />
            <Stat label="One-to-ones" value={sheet.totals.oneToOnes} />
            <Stat label="Visitors" value={sheet.totals.visitors} />
            <Stat label="CEUs" value={sheet.totals.ceus} />
          </SimpleGrid>

          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="slips">Slips ({sheet.slips.length})</Tabs.Tab>
              <Tabs.Tab value="attendance">Attendance — PALMS {sheet.totals.unmarked > 0 ? `(${sheet.totals.unmarked} to mark)` : ''} · Alt+P</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="slips" pt="md">
              {sheet.meeting.status === 'cancelled' ? (
                <Alert color="gray">This meeting was cancelled: it counts nowhere and takes no slips.</Alert>
              ) : (
                <SlipEntryBar
                  sheet={sheet}
                  classifications={classifications.data ?? []}
                  editing={editing}
                  reason={reason}
                  onEditDone={() => setEditing(null)}
                  onUndo={undo}
                  onSaved={async (slip, wasEdit) => {
                    if (!wasEdit) setSaved((s) => [...s, slip]);
                    await refresh();
                  }}
                />
              )}
              <SlipList slips={sheet.slips} money={money} onEdit={setEditing} onDelete={remove} />
            </Tabs.Panel>
            <Tabs.Panel value="attendance" pt="md">
              <AttendanceGrid sheet={sheet} windowMonths={chapter.absenceWindowMonths} reason={reason} onChanged={refresh} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}

      <NewMeetingModal
        opened={creating}
        defaultDay={nextWeekday(todayIso(), chapter.meetingWeekday)}
        onClose={() => setCreating(false)}
        onCreated={async (id) => {
          setCreating(false);
          await meetings.reload();
          setMeetingId(id);
        }}
      />

      <Modal opened={closeProblem !== null} onClose={() => setCloseProblem(null)} title={closeProblem?.confirm ? 'Close anyway?' : 'Not ready to close'}>
        <Text size="sm">{closeProblem?.message}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setCloseProblem(null)}>
            Go back
          </Button>
          {closeProblem?.confirm && (
            <Button autoFocus onClick={() => close(true)}>
              Close the meeting
            </Button>
          )}
        </Group>
      </Modal>

      <Modal opened={closedReport !== null} onClose={() => setClosedReport(null)} title="Meeting closed">
        <Text size="sm">Save this meeting's weekly report as a PDF now? It is also on the Reports screen at any time.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setClosedReport(null)}>
            Later
          </Button>
          <Button
            autoFocus
            onClick={async () => {
              const id = closedReport!;
              setClosedReport(null);
              try {
                const { fileName, pdfBase64 } = await ledger.produceReport({ report: 'weekly_meeting', meetingId: id });
                downloadBytes(fileName, Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0)) as BlobPart, 'application/pdf');
              } catch (e) {
                notifications.show({ color: 'red', message: (e as Error).message });
              }
            }}
          >
            Save weekly report (PDF)
          </Button>
        </Group>
      </Modal>

      <ReasonModal
        opened={reopening}
        title="Re-open this meeting"
        action="Re-open"
        onClose={() => setReopening(false)}
        onSubmit={async (why) => {
          await ledger.reopenMeeting({ meetingId: meetingId!, reason: why });
          setReopening(false);
          await refresh();
        }}
      />
    </Stack>
  );
}

function Stat({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <Card withBorder padding="sm" aria-label={`${label} total`}>
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

const kindLabels = Object.fromEntries(slipModes.map((m) => [m.kind, m.label])) as Record<Slip['kind'], string>;
const kindColors: Record<Slip['kind'], string> = { referral: 'blue', tyfcb: 'teal', one_to_one: 'grape', visitor: 'orange', ceu: 'gray' };

function describe(slip: Slip, money: (minor: number) => string): { from: string; to: string; detail: string } {
  switch (slip.kind) {
    case 'referral':
      return { from: slip.giverName, to: slip.receiverName, detail: `${slip.referralKind === 'inside' ? 'Inside' : 'Outside'} · ${'●'.repeat(slip.temperature)}${'○'.repeat(5 - slip.temperature)} · ${slip.prospectName}` };
    case 'tyfcb':
      return { from: slip.closerName, to: slip.referrerName, detail: `${money(slip.amountMinor)} · ${slip.business} · ${slip.tyfcbKind === 'tier3' ? 'tier 3' : slip.tyfcbKind}` };
    case 'one_to_one':
      return { from: slip.memberAName, to: slip.memberBName, detail: `Met ${slip.metOn}${slip.note ? ` · ${slip.note}` : ''}` };
    case 'visitor':
      return { from: slip.invitedByName ?? '—', to: slip.name, detail: `${slip.company}${slip.classificationSought ? ` · wants ${slip.classificationSought}` : ''}${slip.seatHeldBy ? ` (held by ${slip.seatHeldBy})` : ''}` };
    case 'ceu':
      return { from: slip.memberName, to: '', detail: `${slip.credits} credit${slip.credits > 1 ? 's' : ''}${slip.note ? ` · ${slip.note}` : ''}` };
  }
}

function SlipList({ slips, money, onEdit, onDelete }: { slips: Slip[]; money: (m: number) => string; onEdit: (s: Slip) => void; onDelete: (s: Slip) => void }) {
  if (slips.length === 0) return <Text c="dimmed" mt="md">No slips yet. Type the first one above: it appears here, newest first.</Text>;
  return (
    <Table aria-label="Slips of this meeting" mt="md" verticalSpacing={4} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Type</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>To</Table.Th>
          <Table.Th>Detail</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {slips.map((slip) => {
          const d = describe(slip, money);
          return (
            <Table.Tr key={slip.id}>
              <Table.Td>
                <Badge color={kindColors[slip.kind]} variant="light">
                  {kindLabels[slip.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>{d.from}</Table.Td>
              <Table.Td>{d.to}</Table.Td>
              <Table.Td>{d.detail}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" aria-label={`Edit ${kindLabels[slip.kind]} ${d.from}`} onClick={() => onEdit(slip)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${kindLabels[slip.kind]} ${d.from}`} onClick={() => onDelete(slip)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function NewMeetingModal({ opened, defaultDay, onClose, onCreated }: { opened: boolean; defaultDay: string; onClose: () => void; onCreated: (id: string) => Promise<void> }) {
  const [day, setDay] = useState<string | null>(defaultDay);
  const [error, setError] = useState<string | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!opened) return;
    setDay(defaultDay);
    // Opened from the keyboard (Alt+N) while typing in the slip bar: take the focus explicitly.
    const timer = setTimeout(() => dateRef.current?.focus(), 20);
    return () => clearTimeout(timer);
  }, [opened, defaultDay]);
  const create = async () => {
    try {
      const meeting = await ledger.createMeeting({ meetingOn: day ?? '' });
      setError(null);
      await onCreated(meeting.id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New meeting" returnFocus={false} transitionProps={{ duration: 0 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <DateInput
          label="Meeting date"
          valueFormat="YYYY-MM-DD"
          value={day}
          onChange={setDay}
          error={error}
          ref={dateRef}
          // The date picker keeps Enter for itself; here Enter means "create it".
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void create();
            }
          }}
        />
        <Group justify="flex-end" mt="md">
          <Button type="submit">Create meeting</Button>
        </Group>
      </form>
    </Modal>
  );
}

function ReasonModal({ opened, title, action, onClose, onSubmit }: { opened: boolean; title: string; action: string; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await onSubmit(why);
            setWhy('');
            setError(null);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <TextInput label="Reason" description="Kept in the audit log" value={why} onChange={(e) => setWhy(e.currentTarget.value)} error={error} data-autofocus />
        <Group justify="flex-end" mt="md">
          <Button type="submit">{action}</Button>
        </Group>
      </form>
    </Modal>
  );
}
