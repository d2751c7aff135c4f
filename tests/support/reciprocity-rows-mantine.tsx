// The Reciprocity screen's per-member rows as they were drawn with Mantine's components (Table.Tr/Td,
// Text, Badge), kept here so tests/unit/reciprocity-row-markup.test.ts can check the plain rows draw the same HTML.
import { Badge, Table, Text } from '@mantine/core';
import { DisputedLine, type ReciprocityRowData } from '../../src/renderer/components/ReciprocityRow';

export function MantineReciprocityRows({ rows, money }: { rows: ReciprocityRowData[]; money: (minor: number) => string }) {
  return (
    <Table aria-label="Given and received per member" striped highlightOnHover verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.memberId}>
            <Table.Td>
              <Text size="sm" fw={500} span>
                {r.name}
              </Text>
              {r.leftDuringPeriod && (
                <Badge ml={6} size="xs" color="gray" variant="light">
                  left · partial
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {r.given} <Text span size="xs" c="dimmed">({r.rgi} in · {r.rgo} out)</Text>
            </Table.Td>
            <Table.Td>
              {r.received} <Text span size="xs" c="dimmed">({r.rri} in · {r.rro} out)</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600} c={r.balance > 0 ? 'teal' : r.balance < 0 ? 'red' : undefined}>
                {r.balance > 0 ? `+${r.balance}` : r.balance}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              {money(r.tyfcbGeneratedMinor)}
              {r.tyfcbGeneratedDisputedSlips > 0 && <DisputedLine minor={r.tyfcbGeneratedDisputedMinor} slips={r.tyfcbGeneratedDisputedSlips} money={money} />}
            </Table.Td>
            <Table.Td ta="right">
              {money(r.tyfcbReceivedMinor)}
              {r.tyfcbReceivedDisputedSlips > 0 && <DisputedLine minor={r.tyfcbReceivedDisputedMinor} slips={r.tyfcbReceivedDisputedSlips} money={money} />}
            </Table.Td>
            <Table.Td ta="right">{r.oneToOnes}</Table.Td>
            <Table.Td ta="right">{r.visitors}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
