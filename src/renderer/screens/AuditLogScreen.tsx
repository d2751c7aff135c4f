import { Badge, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { auditEntities } from '../../shared/tally-schemas';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';

const entityLabels: Record<string, string> = {
  all: 'Everything',
  member: 'Members',
  attendance: 'Attendance',
  referral: 'Referrals',
  tyfcb: 'TYFCB',
  one_to_one: 'One-to-ones',
  visitor: 'Visitors',
  ceu: 'CEUs',
  meeting: 'Meetings',
  chapter: 'Chapter details',
  classification: 'Classifications',
  contact_sphere: 'Contact spheres',
  scorecard_profile: 'Scorecard profile',
  chapter_file: 'Restores and opened files',
};
const actionColors: Record<string, string> = { insert: 'teal', update: 'blue', delete: 'red', close: 'gray', reopen: 'orange', restore: 'grape', import: 'cyan' };

/** Every change, newest first: who changed what, from what to what, and why. The log cannot be edited. */
export function AuditLogScreen() {
  const [entity, setEntity] = useState<(typeof auditEntities)[number]>('all');
  const [withReasonOnly, setWithReasonOnly] = useState(false);
  const log = useQuery(() => ledger.listAuditLog({ entity, withReasonOnly, action: 'all', limit: 500 }), [entity, withReasonOnly]);
  if (log.error) return <ErrorNotice error={log.error} onRetry={log.reload} />;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Audit log</Title>
        <Text size="sm" c="dimmed">
          Append-only: the chapter file itself refuses to change or remove an entry. Showing the newest 500.
        </Text>
      </div>
      <Group align="flex-end">
        <Select label="Show" w={220} data={auditEntities.map((e) => ({ value: e, label: entityLabels[e] ?? e }))} value={entity} onChange={(v) => v && setEntity(v as typeof entity)} allowDeselect={false} />
        <Checkbox label="Amendments only (changes with a reason)" checked={withReasonOnly} onChange={(e) => setWithReasonOnly(e.currentTarget.checked)} />
      </Group>
      {log.data && log.data.length === 0 ? (
        <Text c="dimmed">Nothing recorded for this filter yet.</Text>
      ) : (
        <Table aria-label="Audit log" striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>When (UTC)</Table.Th>
              <Table.Th w={160}>What</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(log.data ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.at.replace('T', ' ').slice(0, 19)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge size="xs" variant="light" color={actionColors[e.action] ?? 'gray'}>
                      {e.action}
                    </Badge>
                    <Text size="sm">{entityLabels[e.entity] ?? e.entity}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.change}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={e.reason ? 500 : undefined}>
                    {e.reason || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
