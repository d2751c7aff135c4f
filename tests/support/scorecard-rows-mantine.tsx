// The Scorecard screen's member rows as they were drawn with Mantine's components (Table.Tr/Td, Group, Badge,
// Text, Tooltip), kept here so tests/unit/scorecard-row-markup.test.ts can check the plain-element rows draw the same HTML.
import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Band, MemberScore } from '../../src/shared/contract';

const bandColors: Record<Band, string> = { green: 'teal', yellow: 'yellow', red: 'red', grey: 'gray', black: 'dark' };

export function MantineBandBadge({ band, label }: { band: Band; label?: string }) {
  return (
    <Badge color={bandColors[band]} variant={band === 'grey' ? 'light' : 'filled'} miw={72} maw="none" style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>
      {label ?? band}
    </Badge>
  );
}

export function MantineScorecardRows({ rows, open }: { rows: MemberScore[]; open: string | null }) {
  return (
    <Table aria-label="Scorecard" striped verticalSpacing={4} highlightOnHover>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={m.memberId} style={{ cursor: 'pointer' }} tabIndex={0} aria-expanded={open === m.memberId}>
            <Table.Td fw={500}>
              <Group gap={4} wrap="nowrap">
                {m.name}
                {m.alert && (
                  <Tooltip label={m.alert.text}>
                    <IconAlertTriangle size={14} color={m.alert.level === 'opens' ? 'red' : 'orange'} aria-label={m.alert.text} />
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <MantineBandBadge band={m.band} label={m.bandLabel} />
            </Table.Td>
            <Table.Td fw={700}>{m.scored ? m.points : '—'}</Table.Td>
            {m.categories.map((c) => (
              <Table.Td key={c.id} ta="right">
                <Text size="sm" span>
                  {c.display}
                </Text>
                <Text size="xs" c="dimmed" span ml={6}>
                  {c.maxPoints === 0 || !m.scored ? '' : c.points}
                </Text>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
