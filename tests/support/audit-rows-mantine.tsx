// The Audit log's rows as they were drawn with Mantine's components (Table.Tr/Td, Text, Group, Badge, Anchor),
// kept here so tests/unit/audit-row-markup.test.ts can check the plain-element rows draw the same HTML.
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../src/shared/contract';
import { auditEntityLabel } from '../../src/shared/audit-labels';

const actionColors: Record<string, string> = { insert: 'teal', update: 'blue', delete: 'red', close: 'gray', reopen: 'orange', restore: 'grape', import: 'cyan' };

export function MantineAuditRows({ entries, open, localTime }: { entries: AuditEntry[]; open: string | null; localTime: (at: string) => string }) {
  return (
    <Table aria-label="Audit log" striped verticalSpacing={4}>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>
              <Text size="sm" title={e.at}>
                {localTime(e.at)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="xs" variant="light" tt="none" color={actionColors[e.action] ?? 'gray'} mt={3} style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
                  {auditEntityLabel(e.entity)}
                </Badge>
                <Text size="sm">{e.summary}</Text>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={e.reason ? 500 : undefined}>
                {e.reason || '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component="button" size="xs" aria-expanded={open === e.id} aria-label={`Details of: ${e.summary}`}>
                {open === e.id ? 'hide' : 'details'}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
