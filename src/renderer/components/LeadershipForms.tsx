// The leadership team's small forms: a follow-up, "Apply", an applicant's file, and the committee's
// decisions. Each puts a refusal next to the field it names (useLedgerSubmit).
import { Alert, Button, Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import type { Application, Classification, Member, Prospect } from '../../shared/contract';
import { displayName, splitPersonName } from '../../shared/names';
import { chapterToday } from '../chapter-today';
import {
  applicationOutcomes,
  attendanceOutcomes,
  decisionOutcomeLabels,
  nameOrderLabels,
  nameOrders,
  prospectStageLabels,
  conditionsRequiredFor,
  reasonRequiredFor,
  renewalOutcomes,
  type DecisionOutcome,
  type NameOrder,
} from '../../shared/domain';
import { ledger } from '../client';
import { datedFieldProblem } from '../../shared/fields';
import { IsoDateField } from './IsoDateField';
import { useLedgerSubmit } from '../form-errors';
import { foldedFilter } from './SearchSelect';


function FormFooter({ formError, saving, onCancel, label }: { formError: string | null; saving: boolean; onCancel: () => void; label: string }) {
  return (
    <>
      {formError && (
        <Alert color="red" mt="md" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {label}
        </Button>
      </Group>
    </>
  );
}

/** Classifications grouped by sphere, each saying whether its seat is open. */
export function seatOptions(classifications: Classification[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const c of classifications) {
    const group = c.sphereName ?? 'No contact sphere';
    const note = c.holder ? `${c.seat === 'applicant' ? 'applicant' : 'held by'} ${c.holder.name}` : 'open';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ value: c.id, label: `${c.name} — ${note}` });
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}

export function FollowUpForm({ prospect, onSaved, onCancel }: { prospect: Prospect; onSaved: () => void; onCancel: () => void }) {
  const next = prospect.stage === 'visited' ? 'followed_up' : prospect.stage === 'followed_up' ? 'invited_back' : prospect.stage;
  const form = useForm({
    initialValues: { stage: next as string, contactOn: chapterToday() as string | null, note: prospect.note },
    validate: { contactOn: (v) => datedFieldProblem('Contact date', v, true) },
  });
  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, ['stage', 'contactOn', 'note']);
  const stages = (['visited', 'followed_up', 'invited_back', 'not_now', 'not_a_fit'] as const).map((s) => ({ value: s, label: prospectStageLabels[s] }));
  return (
    <form
      aria-label={`Follow up ${prospect.name}`}
      noValidate
      onSubmit={form.onSubmit((v) =>
        run(async () => {
          await ledger.recordFollowUp({ id: prospect.id, stage: v.stage as Prospect['stage'], contactOn: v.contactOn ?? '', note: v.note });
          onSaved();
        }),
      )}
    >
      <Stack gap="sm">
        <Select label="Stage" data={stages} allowDeselect={false} data-autofocus {...form.getInputProps('stage')} />
        <IsoDateField label="Contact date" required {...form.getInputProps('contactOn')} />
        <Textarea label="Note" autosize minRows={2} placeholder="What was said, what happens next" {...form.getInputProps('note')} />
      </Stack>
      <FormFooter formError={formError} saving={saving} onCancel={onCancel} label="Save follow-up" />
    </form>
  );
}

export function ApplyForm({
  prospect,
  classifications,
  members,
  chapterNameOrder,
  onSaved,
  onCancel,
}: {
  prospect: Prospect;
  classifications: Classification[];
  members: Member[];
  /** How the chapter writes names; the first guess at the split follows it. */
  chapterNameOrder: NameOrder;
  onSaved: () => void;
  onCancel: () => void;
}) {
  // The visitor slip has the name on one line; the member record wants it in two. A rule guesses, the secretary checks.
  const split = splitPersonName(prospect.name, chapterNameOrder);
  const form = useForm({
    initialValues: {
      firstName: split.givenName,
      lastName: split.familyName,
      nameOrder: split.nameOrder as NameOrder,
      company: prospect.company,
      phone: prospect.phone,
      email: prospect.email,
      classificationId: prospect.classificationId as string | null,
      sponsorId: prospect.invitedById as string | null,
      appliedOn: chapterToday() as string | null,
    },
    validate: { appliedOn: (v) => datedFieldProblem('Application date', v, true) },
  });
  const fields = ['firstName', 'lastName', 'nameOrder', 'company', 'phone', 'email', 'classificationId', 'sponsorId', 'appliedOn'];
  const { firstName, lastName, nameOrder } = form.values;
  const shownAs = displayName(firstName.trim(), lastName.trim(), nameOrder);
  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, fields);
  return (
    <form
      aria-label={`Apply: ${prospect.name}`}
      noValidate
      onSubmit={form.onSubmit((v) =>
        run(async () => {
          await ledger.applyForSeat({
            ...v,
            prospectId: prospect.id,
            classificationId: v.classificationId ?? '',
            appliedOn: v.appliedOn ?? '',
            sponsorId: v.sponsorId || null,
            // The chapter's own order is kept as "as the chapter writes names".
            nameOrder: v.nameOrder === chapterNameOrder ? null : v.nameOrder,
          });
          onSaved();
        }),
      )}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {prospect.name} becomes an applicant holding the seat until the membership committee decides.
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="First name" description="Given name" required data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" description="Family name" required {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <Group gap="xs" mt="xs" align="flex-end" wrap="nowrap">
        <Select label="Name order" w={340} allowDeselect={false} data={nameOrders.map((o) => ({ value: o, label: nameOrderLabels[o] }))} {...form.getInputProps('nameOrder')} />
        <Button
          variant="default"
          onClick={() => form.setValues({ firstName: lastName, lastName: firstName })}
          aria-label="Swap first and last name"
        >
          Swap first and last
        </Button>
      </Group>
      <Text size="sm" mt={6} mb="sm" aria-live="polite" data-testid="name-check">
        Shown in the roster as <b>{shownAs.trim() || '…'}</b>. {split.rule} Correct the names if that is not how {prospect.name} writes them.
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="Company" {...form.getInputProps('company')} />
        <Select label="Classification" required searchable filter={foldedFilter} maxDropdownHeight={320} data={seatOptions(classifications)} {...form.getInputProps('classificationId')} />
        <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <Select label="Sponsor" searchable filter={foldedFilter} selectFirstOptionOnChange clearable placeholder="Nobody" data={members.filter((m) => m.status !== 'applicant').map((m) => ({ value: m.id, label: m.fullName }))} {...form.getInputProps('sponsorId')} />
        <IsoDateField label="Application date" required {...form.getInputProps('appliedOn')} />
      </SimpleGrid>
      <FormFooter formError={formError} saving={saving} onCancel={onCancel} label="Make applicant" />
    </form>
  );
}

export function ApplicationFileForm({ application, members, onSaved, onCancel }: { application: Application; members: Member[]; onSaved: () => void; onCancel: () => void }) {
  const form = useForm({
    initialValues: {
      sponsorId: application.sponsorId,
      interviewOn: application.interviewOn,
      interviewers: application.interviewers,
      interviewNotes: application.interviewNotes,
      referencesChecked: application.referencesChecked,
      referencesNote: application.referencesNote,
    },
    validate: { interviewOn: (v) => datedFieldProblem('Interview date', v, false) },
  });
  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, Object.keys(form.values));
  return (
    <form
      aria-label={`File of ${application.memberName}`}
      noValidate
      onSubmit={form.onSubmit((v) =>
        run(async () => {
          await ledger.updateApplication({ ...v, id: application.id, sponsorId: v.sponsorId || null, interviewOn: v.interviewOn || null });
          onSaved();
        }),
      )}
    >
      <SimpleGrid cols={2} spacing="sm">
        <Select label="Sponsor" searchable filter={foldedFilter} selectFirstOptionOnChange clearable placeholder="Nobody" data={members.filter((m) => m.id !== application.memberId && m.status !== 'applicant').map((m) => ({ value: m.id, label: m.fullName }))} {...form.getInputProps('sponsorId')} />
        <IsoDateField label="Interview date" data-autofocus {...form.getInputProps('interviewOn')} />
        <TextInput label="Interviewers" placeholder="Who interviewed" {...form.getInputProps('interviewers')} />
        <Checkbox mt="xl" label="References checked" {...form.getInputProps('referencesChecked', { type: 'checkbox' })} />
      </SimpleGrid>
      <Textarea mt="sm" label="Interview notes" autosize minRows={2} {...form.getInputProps('interviewNotes')} />
      <Textarea mt="sm" label="References note" autosize minRows={1} {...form.getInputProps('referencesNote')} />
      <FormFooter formError={formError} saving={saving} onCancel={onCancel} label="Save file" />
    </form>
  );
}

type DecisionKind = 'application' | 'renewal' | 'attendance';
const outcomesFor: Record<DecisionKind, readonly DecisionOutcome[]> = { application: applicationOutcomes, renewal: renewalOutcomes, attendance: attendanceOutcomes };

/** The committee's decision: outcome, date, who recorded it, why (and conditions, join or leave date where they apply). */
export function DecisionForm({
  kind,
  subject,
  intro,
  onDecide,
  onCancel,
}: {
  kind: DecisionKind;
  subject: string;
  intro?: ReactNode;
  onDecide: (values: { outcome: DecisionOutcome; decidedOn: string; decidedBy: string; reason: string; conditions: string; date: string | null }) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm({
    initialValues: { outcome: outcomesFor[kind][0] as string, decidedOn: chapterToday() as string | null, decidedBy: '', reason: '', conditions: '', date: null as string | null },
    // Every missing or wrong field is shown at once, under its field, before anything is sent.
    validate: {
      decidedOn: (v) => datedFieldProblem('Decision date', v, true),
      decidedBy: (v) => (v.trim() === '' ? 'Enter who is recording the decision.' : null),
      reason: (v, all) => (reasonRequiredFor(all.outcome as DecisionOutcome) && v.trim() === '' ? `Give the reason for "${decisionOutcomeLabels[all.outcome as DecisionOutcome]}".` : null),
      conditions: (v, all) => (conditionsRequiredFor(all.outcome as DecisionOutcome) && v.trim() === '' ? 'Write the conditions.' : null),
      date: (v) => datedFieldProblem(kind === 'application' ? 'Join date' : 'Leaves on', v, false),
    },
  });
  const dateField = kind === 'application' ? 'joinedOn' : 'leftOn';
  const { saving, formError, run } = useLedgerSubmit((field, message) => form.setFieldError(field === dateField ? 'date' : field, message), ['outcome', 'decidedOn', 'decidedBy', 'reason', 'conditions', dateField]);
  const outcome = form.values.outcome as DecisionOutcome;
  const needsConditions = conditionsRequiredFor(outcome);
  const showDate = (kind === 'application' && outcome === 'approved') || (kind === 'renewal' && outcome === 'not_renewed');
  return (
    <form
      aria-label={`Decision on ${subject}`}
      noValidate
      onSubmit={form.onSubmit((v) => run(() => onDecide({ ...v, outcome: v.outcome as DecisionOutcome, decidedOn: (v.decidedOn ?? '').trim(), date: v.date?.trim() || null })))}
    >
      {intro}
      <SegmentedControl
        fullWidth
        mb="sm"
        aria-label="Decision"
        data={outcomesFor[kind].map((o) => ({ value: o, label: decisionOutcomeLabels[o] }))}
        {...form.getInputProps('outcome')}
      />
      <SimpleGrid cols={2} spacing="sm">
        <IsoDateField label="Decision date" required {...form.getInputProps('decidedOn')} />
        <TextInput label="Recorded by" required placeholder="Who is recording it" data-autofocus {...form.getInputProps('decidedBy')} />
        {showDate && (
          <IsoDateField
            label={kind === 'application' ? 'Join date' : 'Leaves on'}
            description="Empty: the decision date"
            {...form.getInputProps('date')}
          />
        )}
      </SimpleGrid>
      {needsConditions && <Textarea mt="sm" label="Conditions" required autosize minRows={2} {...form.getInputProps('conditions')} />}
      <Textarea mt="sm" label="Reason" autosize minRows={2} required={reasonRequiredFor(outcome)} placeholder={reasonRequiredFor(outcome) ? 'Required' : 'Optional'} {...form.getInputProps('reason')} />
      <FormFooter formError={formError} saving={saving} onCancel={onCancel} label="Record decision" />
    </form>
  );
}
