import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IsoDateField } from '../components/IsoDateField';
import { datedFieldProblem } from '../../shared/fields';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { AbsenceLetter, Application, LeadershipPolicies, RenewalRow } from '../../shared/contract';
import { chapterToday } from '../chapter-today';
import { decisionOutcomeLabels, letterSentHows, type LetterSentHow } from '../../shared/domain';
import { ledger } from '../client';
import { downloadBytes } from '../download';
import { ErrorNotice } from '../components/ErrorNotice';
import { ApplicationFileForm, DecisionForm, seatOptions } from '../components/LeadershipForms';
import { useLedgerSubmit } from '../form-errors';
import { useQuery } from '../use-query';
import { foldedFilter } from '../components/SearchSelect';

const statusColors = { pending: 'blue', deferred: 'yellow', approved: 'green', declined: 'gray' } as const;
const bucketLabels = { overdue: 'Overdue', due_30: 'Due in 30 days', due_60: 'Due in 60 days', due_90: 'Due in 90 days' } as const;
const bucketColors = { overdue: 'red', due_30: 'orange', due_60: 'yellow', due_90: 'gray' } as const;
const sentHowLabels: Record<LetterSentHow, string> = { email: 'E-mail', post: 'Post', in_person: 'In person', phone: 'Phone', messaging: 'Messaging app' };

const fail = (e: unknown) => notifications.show({ color: 'red', message: (e as Error).message });
const ok = (message: string) => notifications.show({ color: 'green', message });

async function savePdf(produce: () => Promise<{ fileName: string; pdfBase64: string }>) {
  try {
    const { fileName, pdfBase64 } = await produce();
    downloadBytes(fileName, Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0)) as BlobPart, 'application/pdf');
  } catch (e) {
    fail(e);
  }
}

/** The membership committee's desk: applications, renewals, attendance letters and the policies behind them. */
export function ApplicationsScreen() {
  const [tab, setTab] = useState<string | null>('applications');
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Applications & renewals</Title>
        <Text c="dimmed" size="sm">
          The membership committee's decisions, each with its date, who recorded it and why — all kept in the audit log.
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="applications">Applications</Tabs.Tab>
          <Tabs.Tab value="renewals">Renewals</Tabs.Tab>
          <Tabs.Tab value="letters">Attendance letters</Tabs.Tab>
          <Tabs.Tab value="policies">Policies & templates</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="applications" pt="md">
          <ApplicationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="renewals" pt="md">
          <RenewalsTab />
        </Tabs.Panel>
        <Tabs.Panel value="letters" pt="md">
          <LettersTab />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <PoliciesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ApplicationsTab() {
  const list = useQuery(() => ledger.listApplications({ show: 'all' }), []);
  const members = useQuery(() => ledger.listMembers({ scope: 'current' }), []);
  const classifications = useQuery(() => ledger.listClassifications(), []);
  const [editing, setEditing] = useState<Application | null>(null);
  const [deciding, setDeciding] = useState<Application | null>(null);
  const [changing, setChanging] = useState(false);
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  const waiting = (list.data ?? []).filter((a) => a.status === 'pending' || a.status === 'deferred');
  const decided = (list.data ?? []).filter((a) => a.status === 'approved' || a.status === 'declined');
  const reload = async () => {
    setEditing(null);
    setDeciding(null);
    setChanging(false);
    await Promise.all([list.reload(), members.reload(), classifications.reload()]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A visitor applies from the Visitors screen; a current member's change of classification starts here.
        </Text>
        <Button variant="light" onClick={() => setChanging(true)}>
          Classification change…
        </Button>
      </Group>
      {list.data && waiting.length === 0 && (
        <Alert color="gray" title="No application waiting">
          When a visitor is ready, open Visitors and press Apply: they become an applicant holding the seat, and their file appears here.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {waiting.map((a) => (
          <Card key={a.id} withBorder component="article" aria-label={`Application of ${a.memberName}`}>
            <Group justify="space-between" mb={4}>
              <Text fw={700}>{a.memberName}</Text>
              <Badge color={statusColors[a.status]} variant="light">{a.status}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {a.kind === 'membership' ? `${a.classificationName} · applied ${a.appliedOn} · ${a.daysWaiting} days waiting${a.prospectId ? ` · ${a.visits} visit${a.visits === 1 ? '' : 's'}` : ''}` : `Change from ${a.fromClassificationName} to ${a.classificationName} · asked ${a.appliedOn}`}
            </Text>
            <Text size="sm" mt={6}>
              Sponsor: {a.sponsorName ?? '—'} · Interview: {a.interviewOn ? `${a.interviewOn}${a.interviewers ? ` (${a.interviewers})` : ''}` : 'not set'} · References: {a.referencesChecked ? 'checked' : 'not checked'}
            </Text>
            {a.interviewNotes && <Text size="xs" c="dimmed" mt={4}>{a.interviewNotes}</Text>}
            <Text size="sm" mt={6} fw={600}>Next: {a.nextStep}</Text>
            <Group mt="sm" gap="xs">
              {a.kind === 'membership' && (
                <Button size="xs" variant="light" onClick={() => setEditing(a)}>
                  Applicant's file
                </Button>
              )}
              <Button size="xs" onClick={() => setDeciding(a)}>
                Record decision
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {decided.length > 0 && (
        <>
          <Title order={4}>Decided</Title>
          <Table striped aria-label="Decided applications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Applicant</Table.Th>
                <Table.Th>Seat</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>On</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decided.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.memberName}</Table.Td>
                  <Table.Td>{a.kind === 'membership' ? a.classificationName : `${a.fromClassificationName} → ${a.classificationName}`}</Table.Td>
                  <Table.Td><Badge color={statusColors[a.status]} variant="light">{a.status}</Badge></Table.Td>
                  <Table.Td>{a.decisions[0]?.decidedOn}</Table.Td>
                  <Table.Td>{a.decisions[0]?.decidedBy}</Table.Td>
                  <Table.Td>{a.decisions[0]?.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal size="lg" opened={editing !== null} onClose={() => setEditing(null)} title={`Applicant's file: ${editing?.memberName ?? ''}`}>
        {editing && <ApplicationFileForm application={editing} members={members.data ?? []} onCancel={() => setEditing(null)} onSaved={() => { ok('File saved.'); void reload(); }} />}
      </Modal>
      <Modal size="lg" opened={deciding !== null} onClose={() => setDeciding(null)} title={`Committee decision: ${deciding?.memberName ?? ''}`}>
        {deciding && (
          <DecisionForm
            kind="application"
            subject={deciding.memberName}
            intro={<Text size="sm" c="dimmed" mb="sm">{deciding.kind === 'membership' ? 'Approving makes them an active member from the join date; declining frees the seat; deferring keeps it reserved.' : 'Approving moves the member to the new classification.'}</Text>}
            onCancel={() => setDeciding(null)}
            onDecide={async (v) => {
              await ledger.decideApplication({ id: deciding.id, outcome: v.outcome as 'approved', decidedOn: v.decidedOn, decidedBy: v.decidedBy, reason: v.reason, joinedOn: v.date || null });
              ok(`Decision recorded: ${deciding.memberName}, ${decisionOutcomeLabels[v.outcome].toLowerCase()}.`);
              await reload();
            }}
          />
        )}
      </Modal>
      <Modal size="lg" opened={changing} onClose={() => setChanging(false)} title="Classification change">
        {changing && <ClassificationChangeForm members={(members.data ?? []).filter((m) => m.status !== 'applicant')} classifications={classifications.data ?? []} onDone={reload} onCancel={() => setChanging(false)} />}
      </Modal>
    </Stack>
  );
}

function ClassificationChangeForm({ members, classifications, onDone, onCancel }: { members: { id: string; fullName: string; classificationName: string }[]; classifications: Parameters<typeof seatOptions>[0]; onDone: () => void; onCancel: () => void }) {
  const form = useForm({
    initialValues: { memberId: null as string | null, classificationId: null as string | null, appliedOn: chapterToday() as string | null, reason: '' },
    validate: { appliedOn: (v) => datedFieldProblem('Request date', v, true) },
  });
  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, ['memberId', 'classificationId', 'appliedOn', 'reason']);
  return (
    <form
      noValidate
      aria-label="Classification change"
      onSubmit={form.onSubmit((v) =>
        run(async () => {
          await ledger.requestClassificationChange({ memberId: v.memberId ?? '', classificationId: v.classificationId ?? '', appliedOn: v.appliedOn ?? '', reason: v.reason });
          ok('Request recorded for the committee.');
          onDone();
        }),
      )}
    >
      <Stack gap="sm">
        <Select label="Member" required searchable filter={foldedFilter} selectFirstOptionOnChange data-autofocus data={members.map((m) => ({ value: m.id, label: `${m.fullName} — ${m.classificationName}` }))} {...form.getInputProps('memberId')} />
        <Select label="New classification" required searchable filter={foldedFilter} data={seatOptions(classifications)} {...form.getInputProps('classificationId')} />
        <IsoDateField label="Request date" required {...form.getInputProps('appliedOn')} />
        <Textarea label="Reason" autosize minRows={2} {...form.getInputProps('reason')} />
      </Stack>
      {formError && <Alert color="red" mt="md" role="alert">{formError}</Alert>}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>Cancel</Button>
        <Button type="submit" loading={saving}>Send to the committee</Button>
      </Group>
    </form>
  );
}

function RenewalsTab() {
  const radar = useQuery(() => ledger.renewalsRadar(), []);
  const [deciding, setDeciding] = useState<RenewalRow | null>(null);
  if (radar.error) return <ErrorNotice error={radar.error} onRetry={radar.reload} />;
  const r = radar.data;
  // The committee's pack: the 12 months up to the due date (or today, when the due date is still ahead).
  const pack = (row: RenewalRow) => savePdf(() => ledger.renewalPackPdf({ memberId: row.memberId }));
  return (
    <Stack gap="md">
      {r && (
        <Group gap="xs">
          {(Object.keys(bucketLabels) as Array<keyof typeof bucketLabels>).map((b) => (
            <Badge key={b} size="lg" variant="light" color={bucketColors[b]}>{bucketLabels[b]}: {r.counts[b]}</Badge>
          ))}
          <Text size="sm" c="dimmed">Renewing moves the due date by {r.renewalTermMonths} months.</Text>
        </Group>
      )}
      {r && r.rows.length === 0 ? (
        <Alert color="gray" title="No renewal due in the next 90 days">
          Renewal due dates are on each member (Members screen). Members due within 90 days, or overdue, appear here with a review pack.
        </Alert>
      ) : (
        <Table striped aria-label="Renewals radar" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Last decision</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(r?.rows ?? []).map((row) => (
              <Table.Tr key={row.memberId}>
                <Table.Td>
                  <Text size="sm" fw={600}>{row.name}</Text>
                  <Text size="xs" c="dimmed">{row.classificationName}{row.company ? ` · ${row.company}` : ''}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.renewalDue}</Text>
                  <Badge size="sm" variant="light" color={bucketColors[row.bucket]}>{row.daysUntilDue < 0 ? `${-row.daysUntilDue} days overdue` : `in ${row.daysUntilDue} days`}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.lastDecision ? `${decisionOutcomeLabels[row.lastDecision.outcome]} on ${row.lastDecision.decidedOn}` : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => pack(row)} aria-label={`Review pack for ${row.name}`}>
                      Review pack (PDF)
                    </Button>
                    <Button size="xs" onClick={() => setDeciding(row)} aria-label={`Renewal decision for ${row.name}`}>
                      Decide
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {r && r.withoutDueDate.length > 0 && (
        <Alert color="yellow" title="Members without a renewal date">
          The radar cannot see {r.withoutDueDate.map((m) => m.name).join(', ')}: set their renewal due date on the Members screen.
        </Alert>
      )}
      {r && r.recentDecisions.length > 0 && (
        <>
          <Title order={4}>Recent renewal decisions</Title>
          <Table striped aria-label="Recent renewal decisions">
            <Table.Tbody>
              {r.recentDecisions.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.memberName}</Table.Td>
                  <Table.Td>{decisionOutcomeLabels[d.outcome]}</Table.Td>
                  <Table.Td>{d.decidedOn} by {d.decidedBy}</Table.Td>
                  <Table.Td>{d.renewalDueAfter && d.outcome !== 'not_renewed' ? `next due ${d.renewalDueAfter}` : ''}</Table.Td>
                  <Table.Td>{[d.conditions, d.reason].filter(Boolean).join(' — ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal size="lg" opened={deciding !== null} onClose={() => setDeciding(null)} title={`Renewal: ${deciding?.name ?? ''}`}>
        {deciding && (
          <DecisionForm
            kind="renewal"
            subject={deciding.name}
            intro={<Text size="sm" c="dimmed" mb="sm">Due {deciding.renewalDue}. Not renewing makes them a former member and frees the seat.</Text>}
            onCancel={() => setDeciding(null)}
            onDecide={async (v) => {
              await ledger.decideRenewal({ memberId: deciding.memberId, outcome: v.outcome as 'renewed', decidedOn: v.decidedOn, decidedBy: v.decidedBy, reason: v.reason, conditions: v.conditions, leftOn: v.date || null });
              ok(`Renewal decision recorded for ${deciding.name}.`);
              setDeciding(null);
              await radar.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function LettersTab() {
  const letters = useQuery(() => ledger.listAbsenceLetters({ show: 'all' }), []);
  const [checking, setChecking] = useState(false);
  if (letters.error) return <ErrorNotice error={letters.error} onRetry={letters.reload} />;
  const check = async () => {
    setChecking(true);
    try {
      const { drafted } = await ledger.draftAbsenceLetters();
      ok(drafted.length === 0 ? 'Nobody newly reached a threshold: no letter drafted.' : `${drafted.length} letter${drafted.length > 1 ? 's' : ''} drafted.`);
      await letters.reload();
    } catch (e) {
      fail(e);
    } finally {
      setChecking(false);
    }
  };
  const list = letters.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-label="How letters are drafted">
          Letters are drafted from the chapter's templates when a member reaches a threshold (also whenever This week opens). Only closed meetings count: tonight's absences count once the meeting is closed. Review, then mark sent.
        </Text>
        <Button variant="light" loading={checking} onClick={check}>
          Check attendance now
        </Button>
      </Group>
      {letters.data && list.length === 0 && (
        <Alert color="gray" title="No attendance letters">
          No member has reached a threshold. Thresholds and templates are under Policies & templates.
        </Alert>
      )}
      {list.map((l) => (
        <LetterCard key={`${l.id}-${l.status}-${l.decision?.id ?? ''}`} letter={l} onChanged={letters.reload} />
      ))}
    </Stack>
  );
}

function LetterCard({ letter, onChanged }: { letter: AbsenceLetter; onChanged: () => Promise<void> }) {
  const [body, setBody] = useState(letter.body);
  const [reviewer, setReviewer] = useState('');
  const [sentHow, setSentHow] = useState<LetterSentHow>('email');
  const [deciding, setDeciding] = useState(false);
  // A refusal about one field (an empty "Reviewed by") sits under that field; others are notices.
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  // One action at a time: the buttons are disabled while it runs, so a double click records nothing twice.
  const [busy, setBusy] = useState(false);
  const running = useRef(false); // a second click in the same instant, before the re-render, is ignored too
  const act = async (what: () => Promise<unknown>, message: string) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFieldError(null);
    try {
      await what();
      ok(message);
      await onChanged();
    } catch (e) {
      const field = (e as { field?: string }).field;
      if (field === 'reviewedBy' || field === 'sentHow' || field === 'body') setFieldError({ field, message: (e as Error).message });
      else fail(e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const review = () => act(() => ledger.reviewAbsenceLetter({ id: letter.id, reviewedBy: reviewer, reviewedOn: chapterToday() }), 'Letter reviewed.');
  const statusBadge = letter.status === 'draft' ? <Badge color="orange" variant="light">draft — to review</Badge> : letter.status === 'reviewed' ? <Badge color="blue" variant="light">reviewed by {letter.reviewedBy} — to send</Badge> : <Badge color="green" variant="light">sent {letter.sentOn} ({letter.sentHow ? sentHowLabels[letter.sentHow] : ''})</Badge>;
  return (
    <Card withBorder component="article" aria-label={`Letter to ${letter.memberName}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={700}>{letter.memberName}</Text>
          <Badge color={letter.level === 'final' ? 'red' : 'yellow'} variant="light">{letter.level} letter · {letter.absences} absences</Badge>
          {statusBadge}
        </Group>
        <Button size="xs" variant="subtle" onClick={() => savePdf(() => ledger.absenceLetterPdf({ id: letter.id }))}>
          PDF
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">Reached on {letter.reachedOn}. Meetings counted: {letter.countedMeetings.map((m) => `${m.on} (${m.mark})`).join(', ')}</Text>
      <Textarea aria-label={`Text of the letter to ${letter.memberName}`} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={6} maxRows={16} readOnly={letter.status === 'sent'} error={errorFor('body')} />
      {letter.status !== 'sent' && (
        <Group mt="sm" gap="xs" align="flex-end">
          {body !== letter.body && (
            <Button size="xs" variant="light" disabled={busy} onClick={() => act(() => ledger.editAbsenceLetter({ id: letter.id, body }), 'Letter text saved; it needs review again.')}>
              Save text
            </Button>
          )}
          {letter.status === 'draft' && body === letter.body && (
            <>
              <TextInput
                size="xs"
                label="Reviewed by"
                value={reviewer}
                onChange={(e) => {
                  setReviewer(e.currentTarget.value);
                  if (fieldError?.field === 'reviewedBy') setFieldError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void review();
                  }
                }}
                w={240}
                error={errorFor('reviewedBy')}
              />
              <Button size="xs" loading={busy} disabled={busy} onClick={() => void review()}>
                Mark reviewed
              </Button>
            </>
          )}
          {letter.status === 'reviewed' && body === letter.body && (
            <>
              <Select size="xs" label="Sent how" w={160} error={errorFor('sentHow')} allowDeselect={false} value={sentHow} onChange={(v) => setSentHow((v ?? 'email') as LetterSentHow)} data={letterSentHows.map((h) => ({ value: h, label: sentHowLabels[h] }))} />
              <Button size="xs" loading={busy} disabled={busy} onClick={() => act(() => ledger.markAbsenceLetterSent({ id: letter.id, sentOn: chapterToday(), sentHow }), 'Letter marked sent today.')}>
                Mark sent today
              </Button>
            </>
          )}
        </Group>
      )}
      {letter.level === 'final' && (
        <Group mt="sm" gap="xs">
          {letter.decision ? (
            <Text size="sm">
              Committee: <b>{decisionOutcomeLabels[letter.decision.outcome]}</b> on {letter.decision.decidedOn} by {letter.decision.decidedBy}
              {letter.decision.conditions ? ` — ${letter.decision.conditions}` : ''}
              {letter.decision.reason ? ` — ${letter.decision.reason}` : ''}
            </Text>
          ) : (
            <>
              <Badge color="red" variant="light">committee to decide</Badge>
              <Button size="xs" variant="light" onClick={() => setDeciding(true)}>
                Record committee decision
              </Button>
            </>
          )}
        </Group>
      )}
      <Modal size="lg" opened={deciding} onClose={() => setDeciding(false)} title={`Attendance: ${letter.memberName}`}>
        {deciding && (
          <DecisionForm
            kind="attendance"
            subject={letter.memberName}
            intro={<Text size="sm" c="dimmed" mb="sm">Releasing makes them a former member and frees the seat.</Text>}
            onCancel={() => setDeciding(false)}
            onDecide={async (v) => {
              await ledger.decideAttendance({ letterId: letter.id, outcome: v.outcome as 'kept', decidedOn: v.decidedOn, decidedBy: v.decidedBy, reason: v.reason, conditions: v.conditions });
              ok('Committee decision recorded.');
              setDeciding(false);
              await onChanged();
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

function PoliciesTab() {
  const policies = useQuery(() => ledger.getLeadershipPolicies(), []);
  if (policies.error) return <ErrorNotice error={policies.error} onRetry={policies.reload} />;
  if (!policies.data) return null;
  return <PoliciesForm policies={policies.data} onSaved={policies.reload} />;
}

function PoliciesForm({ policies, onSaved }: { policies: LeadershipPolicies; onSaved: () => Promise<void> }) {
  const { absenceLimit, absenceWindowMonths, ...editable } = policies;
  const form = useForm({ initialValues: editable });
  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, Object.keys(editable));
  const num = (field: keyof typeof editable, label: string, description: string, nullable = false) => (
    <NumberInput
      label={label}
      description={description}
      min={0}
      allowDecimal={false}
      {...form.getInputProps(field)}
      value={form.values[field] === null ? '' : (form.values[field] as number)}
      onChange={(v) => form.setFieldValue(field, (v === '' ? (nullable ? null : 0) : Number(v)) as never)}
    />
  );
  return (
    <form
      noValidate
      aria-label="Leadership policies"
      onSubmit={form.onSubmit((v) =>
        run(async () => {
          await ledger.saveLeadershipPolicies(v);
          ok('Policies saved.');
          await onSaved();
        }),
      )}
    >
      <Text size="sm" c="dimmed" mb="sm">
        The final letter goes at the chapter's absence limit: {absenceLimit} absences in {absenceWindowMonths} months (Settings → Chapter). Placeholders in the templates: {'{member}'}, {'{count}'}, {'{dates}'}, {'{window}'}, {'{policy}'}, {'{chapter}'}, {'{signatory}'}, {'{date}'}.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {num('staleFollowUpDays', 'Days before a visitor is stale', 'No contact for longer flags them')}
        {num('visitLimit', 'Visits before applying', 'Shown on the Visitors screen')}
        {num('renewalTermMonths', 'Renewal term (months)', 'Renewing moves the due date by this')}
        {num('warningAt', 'Warning letter at absence', '0 = no warning letter')}
        {num('latesPerAbsence', 'Lates that make one absence', '0 = lates never count')}
        {num('substituteCap', 'Substitutes allowed', 'Empty = no cap; beyond it each counts', true)}
        {num('medicalLimit', 'Medical leaves allowed', 'Empty = no limit; beyond it each counts', true)}
        <TextInput label="Signatory" description="Who signs the letters" {...form.getInputProps('signatory')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
        <Textarea label="Warning letter template" autosize minRows={8} {...form.getInputProps('warningTemplate')} />
        <Textarea label="Final letter template" autosize minRows={8} {...form.getInputProps('finalTemplate')} />
      </SimpleGrid>
      {formError && <Alert color="red" mt="md" role="alert">{formError}</Alert>}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={saving}>Save policies</Button>
      </Group>
    </form>
  );
}
