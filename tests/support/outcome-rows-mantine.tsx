// The Outcomes screen's table rows as they were drawn with Mantine's components (Table.Tr/Td, Text), kept here
// so tests/unit/outcome-rows-markup.test.ts can check the plain-element rows draw the same HTML.
import { Table, Text } from '@mantine/core';
import type { MemberOutcome, Outcomes, PairOutcomes } from '../../src/shared/contract';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const days = (d: number | null) => (d === null ? '—' : `${Number.isInteger(d) ? d : d.toFixed(1)} d`);
type Money = (minor: number) => string;

export function MantineMemberOutcomeRows({ rows, money }: { rows: MemberOutcome[]; money: Money }) {
  return (
    <Table aria-label="Outcomes by member" striped verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={m.memberId}>
            <Table.Td>{m.name}</Table.Td>
            <Table.Td ta="right">
              {m.given.total} <Text span size="xs" c="dimmed">({m.given.won}/{m.given.lost}/{m.given.open})</Text>
            </Table.Td>
            <Table.Td ta="right">{pct(m.conversionGiven)}</Table.Td>
            <Table.Td ta="right">
              {money(m.generatedLinkedMinor + m.generatedUnlinkedMinor)}
              {m.generatedDisputedMinor > 0 && <Text span size="xs" c="orange.8"> +{money(m.generatedDisputedMinor)} disputed</Text>}
            </Table.Td>
            <Table.Td ta="right">{m.revenuePerReferralMinor === null ? '—' : money(m.revenuePerReferralMinor)}</Table.Td>
            <Table.Td ta="right">{days(m.medianDaysToContact)}</Table.Td>
            <Table.Td ta="right">{days(m.medianDaysToClose)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function MantineTopPairRows({ pairs, money }: { pairs: Outcomes['pairs']; money: Money }) {
  return (
    <Table aria-label="Top pairs" verticalSpacing={4} maw={760}>
      <Table.Tbody>
        {pairs.map((pair) => (
          <Table.Tr key={`${pair.giverId}>${pair.receiverId}`}>
            <Table.Td>{pair.giverName} → {pair.receiverName}</Table.Td>
            <Table.Td ta="right">{pair.referrals}</Table.Td>
            <Table.Td ta="right">{pair.won}</Table.Td>
            <Table.Td ta="right">
              {money(pair.revenueMinor)}
              {pair.disputedMinor > 0 && <Text span size="xs" c="orange.8"> +{money(pair.disputedMinor)} disputed</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function MantineEveryPairRows({ pairs, money }: { pairs: PairOutcomes['pairs']; money: Money }) {
  return (
    <Table aria-label="Every pair" verticalSpacing={4} striped>
      <Table.Tbody>
        {pairs.map((pair) => (
          <Table.Tr key={`${pair.giverId}>${pair.receiverId}`}>
            <Table.Td>{pair.giverName} → {pair.receiverName}</Table.Td>
            <Table.Td ta="right">{pair.given.total}</Table.Td>
            <Table.Td ta="right">{pair.given.won} / {pair.given.lost} / {pair.given.open}</Table.Td>
            <Table.Td ta="right">{pct(pair.conversion)}</Table.Td>
            <Table.Td ta="right">{days(pair.medianDaysToContact)}</Table.Td>
            <Table.Td ta="right">{days(pair.medianDaysToClose)}</Table.Td>
            <Table.Td ta="right">
              {money(pair.linkedMinor + pair.unlinkedMinor)}
              {pair.unlinkedMinor > 0 && <Text span size="xs" c="dimmed"> ({money(pair.unlinkedMinor)} unlinked)</Text>}
              {pair.disputedMinor > 0 && <Text span size="xs" c="orange.8"> +{money(pair.disputedMinor)} disputed</Text>}
            </Table.Td>
            <Table.Td ta="right">{pair.revenuePerReferralMinor === null ? '—' : money(pair.revenuePerReferralMinor)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
