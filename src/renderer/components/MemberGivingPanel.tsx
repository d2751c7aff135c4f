import { BarChart } from '@mantine/charts';
import { Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Chapter } from '../../shared/contract';
import { todayIso } from '../../shared/dates';
import { presetPeriod } from '../../shared/periods';
import { ledger } from '../client';
import { ScoreExplanation, BandBadge } from '../screens/ScorecardScreen';
import { useQuery } from '../use-query';

/** A member's last twelve months: given vs received by month, with whom, what is open, and their score. */
export function MemberGivingPanel({ memberId, chapter }: { memberId: string; chapter: Chapter }) {
  const period = presetPeriod('rolling_12_months', todayIso());
  const trend = useQuery(() => ledger.memberTrend({ memberId, ...period }), [memberId]);
  const open = useQuery(() => ledger.listOpenReferrals({ memberId, status: 'open', olderThanDays: 0 }), [memberId]);
  const card = useQuery(() => ledger.scorecard({}), []);
  const score = card.data?.members.find((m) => m.memberId === memberId);
  if (!trend.data) return null;
  const data = trend.data.months.map((m) => ({ month: m.month, Given: m.given, Received: m.received }));
  const given = data.reduce((s, m) => s + m.Given, 0);
  const received = data.reduce((s, m) => s + m.Received, 0);

  return (
    <Stack gap="md">
      <div>
        <Title order={4}>Given vs received, last 12 months</Title>
        <Text size="sm" c="dimmed">
          {given} referrals given, {received} received ({given - received >= 0 ? '+' : ''}
          {given - received}) · only closed meetings count
        </Text>
      </div>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No closed meeting in the last twelve months.
        </Text>
      ) : (
        <BarChart
          h={200}
          data={data}
          dataKey="month"
          series={[
            { name: 'Given', color: 'teal.6' },
            { name: 'Received', color: 'blue.4' },
          ]}
          withLegend
          aria-label="Referrals given and received per month"
        />
      )}
      <SimpleGrid cols={2}>
        <div>
          <Text fw={600} size="sm">
            Gives to
          </Text>
          <List size="sm">
            {trend.data.givesTo.slice(0, 6).map((c) => (
              <List.Item key={c.memberId}>
                {c.name}: {c.referrals}
              </List.Item>
            ))}
            {trend.data.givesTo.length === 0 && <List.Item c="dimmed">Nobody yet</List.Item>}
          </List>
        </div>
        <div>
          <Text fw={600} size="sm">
            Receives from
          </Text>
          <List size="sm">
            {trend.data.receivesFrom.slice(0, 6).map((c) => (
              <List.Item key={c.memberId}>
                {c.name}: {c.referrals}
              </List.Item>
            ))}
            {trend.data.receivesFrom.length === 0 && <List.Item c="dimmed">Nobody yet</List.Item>}
          </List>
        </div>
      </SimpleGrid>
      <div>
        <Text fw={600} size="sm">
          Open referrals ({open.data?.length ?? 0})
        </Text>
        <List size="sm">
          {(open.data ?? []).slice(0, 6).map((r) => (
            <List.Item key={r.id}>
              {r.giverName} → {r.receiverName}: {r.prospectName}, {r.daysOpen} days ({r.status.replace('_', ' ')})
            </List.Item>
          ))}
        </List>
      </div>
      {score && (
        <div>
          <Group gap="xs">
            <Text fw={600} size="sm">
              Scorecard ({card.data?.period.from} to {card.data?.period.to})
            </Text>
            <BandBadge band={score.band} label={score.bandLabel} />
          </Group>
          <ScoreExplanation score={score} />
        </div>
      )}
      <Text size="xs" c="dimmed">
        Money in {chapter.currency}.
      </Text>
    </Stack>
  );
}
