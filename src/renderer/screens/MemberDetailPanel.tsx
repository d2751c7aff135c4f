import { Anchor, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Chapter, Classification, Member } from '../../shared/contract';
import { formatDay } from '../../shared/dates';
import { leadershipRoleLabels } from '../../shared/domain';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { MemberForm } from '../components/MemberForm';
import { MemberProgress } from '../components/MemberProgress';
import { MemberStatusBadge } from '../components/StatusBadge';
import { useQuery } from '../use-query';

export function MemberDetailPanel({
  memberId,
  chapter,
  classifications,
  members,
  onChanged,
}: {
  memberId: string;
  chapter: Chapter;
  classifications: Classification[];
  members: Member[];
  onChanged: () => Promise<void>;
}) {
  const detail = useQuery(() => ledger.getMember({ id: memberId }), [memberId]);
  const [editing, setEditing] = useState(false);
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return null;
  const { member, seatHistory, sponsored } = detail.data;

  if (editing) {
    return (
      <MemberForm
        member={member}
        classifications={classifications}
        members={members}
        onCancel={() => setEditing(false)}
        onSaved={async (saved) => {
          setEditing(false);
          notifications.show({ color: 'teal', message: `Saved ${saved.fullName}.` });
          await Promise.all([detail.reload(), onChanged()]);
        }}
      />
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{member.fullName}</Title>
          <Text c="dimmed">{member.company}</Text>
        </div>
        <Button onClick={() => setEditing(true)} autoFocus>
          Edit
        </Button>
      </Group>
      <Group gap="xs">
        <MemberStatusBadge status={member.status} />
        {member.leadershipRole && <Text size="sm">{leadershipRoleLabels[member.leadershipRole]}</Text>}
      </Group>
      {member.status !== 'applicant' && <MemberProgress memberId={member.id} memberName={member.fullName} chapter={chapter} />}
      <Divider label="Details" labelPosition="left" />
      <Table variant="vertical" withTableBorder aria-label="Member details">
        <Table.Tbody>
          <Row label="Classification" value={`${member.classificationName}${member.sphereName ? ` (${member.sphereName})` : ''}`} />
          <Row label="Phone" value={member.phone} />
          <Row label="Email" value={member.email ? <Anchor href={`mailto:${member.email}`}>{member.email}</Anchor> : ''} />
          {/* An applicant has not joined yet: their date is the application's. */}
          <Row label={member.status === 'applicant' ? 'Applied on' : 'Joined on'} value={formatDay(member.joinedOn, chapter.locale)} />
          <Row label="Renewal due" value={formatDay(member.renewalDue, chapter.locale)} />
          {member.leftOn && <Row label="Left on" value={formatDay(member.leftOn, chapter.locale)} />}
          <Row label="Sponsor" value={member.sponsorName ?? ''} />
          <Row label="Sponsored" value={sponsored.map((s) => s.name).join(', ')} />
        </Table.Tbody>
      </Table>
      <Divider label="Seats held" labelPosition="left" />
      <Table aria-label="Seats held">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Classification</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {seatHistory.map((t) => (
            <Table.Tr key={`${t.classificationId}-${t.fromOn}`}>
              <Table.Td>{t.classificationName}</Table.Td>
              <Table.Td>{formatDay(t.fromOn, chapter.locale)}</Table.Td>
              <Table.Td>{t.toOn ? formatDay(t.toOn, chapter.locale) : 'now'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td>{value || <Text c="dimmed" span>—</Text>}</Table.Td>
    </Table.Tr>
  );
}
