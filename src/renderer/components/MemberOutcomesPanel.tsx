import { BarChart } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import type { Chapter } from '../../shared/contract';
import { todayIso } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { presetPeriod } from '../../shared/periods';
import { ledger } from '../client';
import { useQuery } from '../use-query';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** One member's last twelve months of outcomes: what became of the referrals they gave and received. */
export function MemberOutcomesPanel({ memberId, chapter }: { memberId: string; chapter: Chapter }) {
  const period = presetPeriod('rolling_12_months', todayIso());
  const data = useQuery(() => ledger.outcomes(period), [memberId]);
  const m = data.data?.members.find((row) => row.memberId === memberId);
  if (!data.data) return null;
  if (!m || (m.given.total === 0 && m.received.total === 0 && m.generatedLinkedMinor + m.generatedUnlinkedMinor + m.generatedDisputedMinor === 0)) {
    return <Text size="sm" c="dimmed">No referral given or received in the last twelve months.</Text>;
  }
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);
  return (
    <Stack gap="xs">
      <BarChart
        h={140}
        orientation="vertical"
        type="stacked"
        dataKey="side"
        withLegend
        aria-label="Referrals by outcome"
        data={[
          { side: 'Given', Won: m.given.won, Lost: m.given.lost, Open: m.given.open },
          { side: 'Received', Won: m.received.won, Lost: m.received.lost, Open: m.received.open },
        ]}
        series={[
          { name: 'Won', color: 'teal.6' },
          { name: 'Lost', color: 'red.4' },
          { name: 'Open', color: 'gray.4' },
        ]}
        yAxisProps={{ width: 70 }}
      />
      <Group gap="lg">
        <Text size="sm">Conversion of referrals given: <b>{pct(m.conversionGiven)}</b> (won ÷ decided)</Text>
        <Text size="sm">Generated for others: <b>{money(m.generatedLinkedMinor + m.generatedUnlinkedMinor)}</b>{m.generatedDisputedMinor > 0 ? ` + ${money(m.generatedDisputedMinor)} disputed` : ''}</Text>
        <Text size="sm">As receiver, median days to contact {m.medianDaysToContact ?? '—'} · to close {m.medianDaysToClose ?? '—'}</Text>
      </Group>
    </Stack>
  );
}
