import { Alert, Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState } from 'react';
import { LedgerError } from '../../shared/errors';
import type { Classification, Member } from '../../shared/contract';
import { datedFieldProblem } from '../../shared/fields';
import { chapterToday } from '../chapter-today';
import { IsoDateField } from './IsoDateField';
import { leadershipRoleLabels, leadershipRoles, memberStatuses, memberStatusLabels, nameOrderLabels, nameOrders, type LeadershipRole, type MemberStatus, type NameOrder } from '../../shared/domain';
import { ledger } from '../client';
import { useLedgerSubmit } from '../form-errors';
import { SearchSelect } from './SearchSelect';

interface Values {
  firstName: string;
  lastName: string;
  company: string;
  classificationId: string | null;
  phone: string;
  email: string;
  status: MemberStatus;
  joinedOn: string | null;
  renewalDue: string | null;
  sponsorId: string | null;
  leadershipRole: LeadershipRole | null;
  leftOn: string | null;
  nameOrder: NameOrder | 'chapter';
}
const fields = Object.keys({
  firstName: 1, lastName: 1, company: 1, classificationId: 1, phone: 1, email: 1, status: 1, joinedOn: 1, renewalDue: 1, sponsorId: 1, leadershipRole: 1, leftOn: 1, nameOrder: 1,
});

/** Classifications grouped by contact sphere, each saying whether its seat is free. */
function classificationOptions(classifications: Classification[], self?: Member) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const c of classifications) {
    const group = c.sphereName ?? 'No contact sphere';
    const mine = self && c.holder?.memberId === self.id;
    const note = mine ? 'this member' : c.holder ? `${c.seat === 'applicant' ? 'applicant' : 'held by'} ${c.holder.name}` : 'open';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ value: c.id, label: `${c.name} — ${note}` });
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items }));
}

export function MemberForm({
  member,
  classifications,
  members,
  onSaved,
  onCancel,
  onDirtyChange,
}: {
  member?: Member;
  classifications: Classification[];
  members: Member[];
  onSaved: (m: Member) => void;
  onCancel: () => void;
  /** Something typed or chosen differs from what the form opened with (its dialog asks before closing). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const form = useForm<Values>({
    initialValues: {
      firstName: member?.firstName ?? '',
      lastName: member?.lastName ?? '',
      company: member?.company ?? '',
      classificationId: member?.classificationId ?? null,
      phone: member?.phone ?? '',
      email: member?.email ?? '',
      status: member?.status ?? 'active',
      // The chapter's day, not the laptop's: a chapter in Taipei adds members on its own Tuesday.
      joinedOn: member?.joinedOn ?? chapterToday(),
      renewalDue: member?.renewalDue ?? null,
      sponsorId: member?.sponsorId ?? null,
      leadershipRole: member?.leadershipRole ?? null,
      leftOn: member?.leftOn ?? null,
      nameOrder: member?.nameOrder ?? 'chapter',
    },
  });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty]);
  const options = useMemo(() => classificationOptions(classifications, member), [classifications, member]);
  const sponsors = useMemo(
    () => members.filter((m) => m.id !== member?.id).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.company || m.classificationName}` })),
    [members, member],
  );

  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, fields);
  // A join date that counts the member in meetings already held asks first (the ledger says which).
  const [backdating, setBackdating] = useState<string | null>(null);
  const save = (values: typeof form.values, confirmJoinDate: boolean) => {
    // Dates are taken exactly as typed: 24/11/2026 or 2026-13-40 are said back under the field and
    // nothing is saved (a date input used to turn them into 2001-02-01 or 2027-02-09 without a word).
    const problems = {
      joinedOn: datedFieldProblem('Joined on', values.joinedOn, true),
      renewalDue: datedFieldProblem('Renewal due', values.renewalDue, false),
      leftOn: member && values.status === 'former' ? datedFieldProblem('Left on', values.leftOn, false) : null,
    };
    let refused = false;
    for (const [field, problem] of Object.entries(problems)) {
      if (problem) {
        form.setFieldError(field, problem);
        refused = true;
      }
    }
    if (refused) return;
    const payload = {
      firstName: values.firstName,
      lastName: values.lastName,
      company: values.company,
      classificationId: values.classificationId ?? '',
      phone: values.phone,
      email: values.email,
      status: values.status,
      joinedOn: values.joinedOn ?? '',
      renewalDue: values.renewalDue || null,
      sponsorId: values.sponsorId || null,
      leadershipRole: values.leadershipRole || null,
      nameOrder: values.nameOrder === 'chapter' ? null : values.nameOrder,
      ...(confirmJoinDate ? { confirmJoinDate: true } : {}),
    };
    setBackdating(null);
    return run(async () => {
      try {
        onSaved(
          member
            ? await ledger.updateMember({ ...payload, id: member.id, leftOn: values.status === 'former' ? values.leftOn || null : null })
            : await ledger.addMember(payload),
        );
      } catch (error) {
        if (error instanceof LedgerError && error.code === 'needs_confirmation' && error.field === 'joinedOn') setBackdating(error.message);
        else throw error;
      }
    });
  };
  const submit = form.onSubmit((values) => save(values, false));

  return (
    <form onSubmit={submit} noValidate aria-label={member ? 'Edit member' : 'Add member'}>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="First name" required data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" required {...form.getInputProps('lastName')} />
        <TextInput label="Company" {...form.getInputProps('company')} />
        <SearchSelect
          label="Classification"
          required
          placeholder="Type to search seats"
          nothingFoundMessage="No such classification: add it in Settings → Classifications & spheres"
          data={options}
          maxDropdownHeight={320}
          {...form.getInputProps('classificationId')}
        />
        <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <Select
          label="Status"
          data={memberStatuses.map((s) => ({ value: s, label: memberStatusLabels[s] }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Select
          label="Leadership role"
          clearable
          placeholder="None"
          data={leadershipRoles.map((r) => ({ value: r, label: leadershipRoleLabels[r] }))}
          {...form.getInputProps('leadershipRole')}
        />
        <IsoDateField label="Joined on" required {...form.getInputProps('joinedOn')} />
        <IsoDateField label="Renewal due" {...form.getInputProps('renewalDue')} />
        <SearchSelect label="Sponsor" description="Who brought them in" clearable placeholder="Nobody" data={sponsors} {...form.getInputProps('sponsorId')} />
        <Select
          label="Name order"
          description="Only if this member writes their name differently from the chapter"
          data={[{ value: 'chapter', label: "As the chapter writes names" }, ...nameOrders.map((o) => ({ value: o, label: nameOrderLabels[o] }))]}
          allowDeselect={false}
          {...form.getInputProps('nameOrder')}
        />
        {member && form.values.status === 'former' && (
          <IsoDateField label="Left on" description="Empty: today" {...form.getInputProps('leftOn')} />
        )}
      </SimpleGrid>
      {formError && (
        <Alert color="red" mt="md" role="alert">
          {formError}
        </Alert>
      )}
      {backdating && (
        <Alert color="yellow" mt="md" role="alertdialog" aria-label="Back-dated join date" title="This join date changes past meetings">
          {backdating}
          <Group mt="sm">
            <Button size="xs" color="yellow" onClick={() => void save(form.values, true)}>
              Save with this join date
            </Button>
            <Button size="xs" variant="default" onClick={() => setBackdating(null)}>
              Change the date
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {member ? 'Save changes' : 'Add member'}
        </Button>
      </Group>
    </form>
  );
}
