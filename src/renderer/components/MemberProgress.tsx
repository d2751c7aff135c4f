// A member's "how am I doing" page: one period for the whole page (the scorecard's own period unless
// another is chosen), then, in the order a member asks: referrals given vs received, TYFCB given and
// received, what became of the referrals given and received, every open referral (paged), one-to-ones
// with whom, and the scorecard colour with the reasons for it; the member statement PDF prints the same.
import { BarChart } from '@mantine/charts';
import { Button, Group, Pagination, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Chapter, MemberOutcomesByMonth, Period } from '../../shared/contract';
import { formatDay } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { scoreEndMonth } from '../../shared/score-end-month';
import { chapterToday } from '../chapter-today';
import { ledger } from '../client';
import { downloadBytes } from '../download';
import { ScoreExplanation } from '../screens/ScorecardScreen';
import { BandBadge } from './ScorecardRow';
import { useQuery } from '../use-query';
import { PeriodPicker, usePeriod } from './PeriodPicker';

export const OPEN_REFERRALS_PER_PAGE = 10;
/** The most the list service gives in one read; a member with more is told the count is at least this. */
const OPEN_REFERRALS_READ = 500;
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const statusWords: Record<string, string> = { new: 'new', contacted: 'contacted', meeting_set: 'meeting set', won: 'won', lost: 'lost' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function MemberProgress({ memberId, memberName, chapter }: { memberId: string; memberName: string; chapter: Chapter }) {
  // The scorecard's own period (its profile's rule) is where the page starts.
  const ownCard = useQuery(() => ledger.scorecard({}), []);
  const state = usePeriod('previous_six_months');
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (ownCard.data && !started) {
      state.setPreset('custom');
      state.setPeriod(ownCard.data.period);
      setStarted(true);
    }
  }, [ownCard.data, started]);
  if (!ownCard.data || !started) return null;
  const isScorecardPeriod = state.period.from === ownCard.data.period.from && state.period.to === ownCard.data.period.to;
  return (
    <Stack gap="lg" role="region" aria-label="How am I doing">
      <Stack gap={4}>
        <Title order={4}>How {memberName} is doing</Title>
        <Group gap="sm" align="flex-end">
          <PeriodPicker state={state} size="xs" />
          {!isScorecardPeriod && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => {
                state.setPreset('custom');
                state.setPending(null);
                state.setPeriod(ownCard.data!.period);
              }}
            >
              Back to the scorecard's period
            </Button>
          )}
          <StatementButton memberId={memberId} period={state.period} />
        </Group>
        <Text size="sm" c="dimmed" aria-label="Period of the page">
          Everything below is for {formatDay(state.period.from, chapter.locale)} to {formatDay(state.period.to, chapter.locale)}
          {isScorecardPeriod ? ", the scorecard's period" : ''} · only closed meetings count · open referrals are all those open today.
        </Text>
      </Stack>
      <ProgressFigures memberId={memberId} chapter={chapter} period={state.period} ownCard={isScorecardPeriod ? ownCard.data : null} />
    </Stack>
  );
}

/** The same page on paper: the member statement PDF for the page's period, saved as a file. */
function StatementButton({ memberId, period }: { memberId: string; period: Period }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { fileName, pdfBase64 } = await ledger.produceReport({ report: 'member_statement', memberId, ...period });
      downloadBytes(fileName, Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0)), 'application/pdf');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="light" loading={busy} onClick={() => void save()}>
        Member statement (PDF) for this period
      </Button>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </>
  );
}

function ProgressFigures({ memberId, chapter, period, ownCard }: { memberId: string; chapter: Chapter; period: Period; ownCard: Awaited<ReturnType<typeof ledger.scorecard>> | null }) {
  const key = `${memberId}:${period.from}:${period.to}`;
  const trend = useQuery(() => ledger.memberTrend({ memberId, ...period }), [key]);
  const outcomes = useQuery(() => ledger.outcomes(period), [key]);
  // The colour is the scorecard's (its profile's period ending with the last month completed by the
  // page's end), as the member's statement for the same dates prints it — never a score of just these dates.
  const card = useQuery(() => (ownCard ? Promise.resolve(ownCard) : ledger.scorecard({ endMonth: scoreEndMonth(period.to, chapterToday()) })), [key, ownCard === null]);
  const byMonth = useQuery(() => ledger.memberOutcomesByMonth({ memberId, ...period }), [key]);
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);
  if (!trend.data || !outcomes.data || !card.data || !byMonth.data) return null;
  const months = trend.data.months;
  const given = months.reduce((s, m) => s + m.given, 0);
  const received = months.reduce((s, m) => s + m.received, 0);
  const tyfcbGiven = months.reduce((s, m) => s + m.tyfcbGeneratedMinor, 0);
  const tyfcbReceived = months.reduce((s, m) => s + m.tyfcbReceivedMinor, 0);
  const outcome = outcomes.data.members.find((m) => m.memberId === memberId);
  const score = card.data.members.find((m) => m.memberId === memberId);
  const balance = given - received;
  const oneToOnes = trend.data.oneToOnesWith.reduce((s, c) => s + c.oneToOnes, 0);

  return (
    <Stack gap="lg">
      <section aria-label="Referrals given and received">
        <Title order={5}>1. Referrals given and received</Title>
        <Text size="sm" mb="xs">
          Gave <b>{plural(given, 'referral')}</b>, received <b>{received}</b> ({balance > 0 ? `${balance} more given than received` : balance < 0 ? `${-balance} more received than given` : 'as many given as received'}).
        </Text>
        {months.length > 0 && (given > 0 || received > 0) ? (
          <BarChart
            h={180}
            data={months.map((m) => ({ month: m.month, Given: m.given, Received: m.received }))}
            dataKey="month"
            series={[
              { name: 'Given', color: 'teal.6' },
              { name: 'Received', color: 'blue.4' },
            ]}
            // Referrals are counted whole: no 0.75 on the axis.
            yAxisProps={{ allowDecimals: false }}
            withLegend
            aria-label="Referrals given and received per month"
          />
        ) : (
          <Text size="sm" c="dimmed">
            No referral given or received at a closed meeting in this period.
          </Text>
        )}
        <SimpleGrid cols={2} mt="xs">
          <Text size="sm">
            <b>Gave most to</b>: {trend.data.givesTo.slice(0, 6).map((c) => `${c.name} (${c.referrals})`).join(', ') || 'nobody yet'}
          </Text>
          <Text size="sm">
            <b>Received most from</b>: {trend.data.receivesFrom.slice(0, 6).map((c) => `${c.name} (${c.referrals})`).join(', ') || 'nobody yet'}
          </Text>
        </SimpleGrid>
      </section>

      <section aria-label="TYFCB given and received">
        <Title order={5}>2. Thank-you for closed business (TYFCB)</Title>
        <Table variant="vertical" withTableBorder maw={560} aria-label="TYFCB">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={300}>Given: business you generated for others</Table.Th>
              <Table.Td>
                {money(tyfcbGiven)}
                <DisputedLine minor={trend.data.tyfcbDisputed.generatedMinor} slips={trend.data.tyfcbDisputed.generatedSlips} money={money} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Received: business others brought you</Table.Th>
              <Table.Td>
                {money(tyfcbReceived)}
                <DisputedLine minor={trend.data.tyfcbDisputed.receivedMinor} slips={trend.data.tyfcbDisputed.receivedSlips} money={money} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </section>

      <section aria-label="What became of the referrals">
        <Title order={5}>3. What became of the referrals</Title>
        {!outcome || (outcome.given.total === 0 && outcome.received.total === 0) ? (
          <Text size="sm" c="dimmed">
            No referral given or received in this period.
          </Text>
        ) : (
          <Stack gap={4}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={900} mb="xs">
              <OutcomeChart side="given" title={`Given (${outcome.given.total})`} months={byMonth.data.months} />
              <OutcomeChart side="received" title={`Received (${outcome.received.total})`} months={byMonth.data.months} />
            </SimpleGrid>
            <Table withTableBorder maw={560} aria-label="Referrals by outcome">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>Won</Table.Th>
                  <Table.Th>Lost</Table.Th>
                  <Table.Th>Still open</Table.Th>
                  <Table.Th>Conversion</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>Given ({outcome.given.total})</Table.Th>
                  <Table.Td>{outcome.given.won}</Table.Td>
                  <Table.Td>{outcome.given.lost}</Table.Td>
                  <Table.Td>{outcome.given.open}</Table.Td>
                  <Table.Td>{pct(outcome.conversionGiven)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Received ({outcome.received.total})</Table.Th>
                  <Table.Td>{outcome.received.won}</Table.Td>
                  <Table.Td>{outcome.received.lost}</Table.Td>
                  <Table.Td>{outcome.received.open}</Table.Td>
                  <Table.Td>{pct(outcome.conversionReceived)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              Conversion is won ÷ decided (won and lost). As the receiver: median {outcome.medianDaysToContact === null ? '—' : plural(Math.round(outcome.medianDaysToContact), 'day')} to first contact, {outcome.medianDaysToClose === null ? '—' : plural(Math.round(outcome.medianDaysToClose), 'day')} to won.
            </Text>
          </Stack>
        )}
      </section>

      <OpenReferralsPaged memberId={memberId} chapter={chapter} />

      <section aria-label="One-to-ones">
        <Title order={5}>5. One-to-ones ({oneToOnes})</Title>
        {oneToOnes === 0 ? (
          <Text size="sm" c="dimmed">
            No one-to-one recorded at a closed meeting in this period.
          </Text>
        ) : (
          <Text size="sm">
            <b>Met with</b>: {trend.data.oneToOnesWith.map((c) => `${c.name} (${c.oneToOnes})`).join(', ')}
          </Text>
        )}
      </section>

      <section aria-label="Scorecard colour">
        <Title order={5}>6. Scorecard colour</Title>
        {score ? (
          <Stack gap={4}>
            <Group gap="xs">
              <BandBadge band={score.band} label={score.bandLabel} />
              <Text size="sm">
                {formatDay(card.data.period.from, chapter.locale)} to {formatDay(card.data.period.to, chapter.locale)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              The scorecard&apos;s period for this page: {card.data.periodWords}
            </Text>
            <ScoreExplanation score={score} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No colour: not a member on {formatDay(card.data.period.to < chapterToday() ? card.data.period.to : chapterToday(), chapter.locale)}, the last day of the scorecard&apos;s period ({card.data.periodWords}).
          </Text>
        )}
      </section>
    </Stack>
  );
}

/** One side of the member's referrals, month by month, stacked by what became of them: won, lost, still open. */
function OutcomeChart({ side, title, months }: { side: 'given' | 'received'; title: string; months: MemberOutcomesByMonth['months'] }) {
  const any = months.some((m) => m[side].won + m[side].lost + m[side].open > 0);
  return (
    <div role="figure" aria-label={`Referrals ${side} by outcome per month`}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {any ? (
        <BarChart
          h={170}
          data={months.map((m) => ({ month: m.month, Won: m[side].won, Lost: m[side].lost, Open: m[side].open }))}
          dataKey="month"
          type="stacked"
          withLegend
          // The legend in the series' order (won, lost, still open), not Recharts' alphabetical one.
          legendProps={{ itemSorter: null }}
          yAxisProps={{ allowDecimals: false, width: 30 }}
          series={[
            { name: 'Won', color: 'teal.6' },
            { name: 'Lost', color: 'red.5' },
            { name: 'Open', color: 'gray.4', label: 'Still open' },
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          None {side} in this period.
        </Text>
      )}
    </div>
  );
}

/** Every open referral the member gave or received, ten to a page, with the total. */
function OpenReferralsPaged({ memberId, chapter }: { memberId: string; chapter: Chapter }) {
  const open = useQuery(() => ledger.listOpenReferrals({ memberId, status: 'open', olderThanDays: 0, limit: OPEN_REFERRALS_READ }), [memberId]);
  const [page, setPage] = useState(1);
  const rows = open.data ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / OPEN_REFERRALS_PER_PAGE));
  const shown = rows.slice((page - 1) * OPEN_REFERRALS_PER_PAGE, page * OPEN_REFERRALS_PER_PAGE);
  const first = rows.length === 0 ? 0 : (page - 1) * OPEN_REFERRALS_PER_PAGE + 1;
  return (
    <section aria-label="Open referrals">
      <Title order={5}>4. Open referrals ({rows.length === OPEN_REFERRALS_READ ? `${rows.length} or more` : rows.length})</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open referral: every referral given or received is won or lost.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-label="Open referrals shown">
            {first}–{first + shown.length - 1} of {rows.length}, oldest first
          </Text>
          <Table aria-label="Open referrals of the member" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Given on</Table.Th>
                <Table.Th>Between</Table.Th>
                <Table.Th>Prospect</Table.Th>
                <Table.Th>Open for</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDay(r.meetingOn, chapter.locale)}</Table.Td>
                  <Table.Td>{r.giverId === memberId ? `gave to ${r.receiverName}` : `received from ${r.giverName}`}</Table.Td>
                  <Table.Td>{r.prospectName}</Table.Td>
                  <Table.Td>{plural(r.daysOpen, 'day')}</Table.Td>
                  <Table.Td>{statusWords[r.status] ?? r.status}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" mt="xs" aria-label="Pages of open referrals" />}
        </>
      )}
    </section>
  );
}

/** A slip under dispute is left out of the total beside it until leadership resolves it: said, on both sides of the slip. */
function DisputedLine({ minor, slips, money }: { minor: number; slips: number; money: (minor: number) => string }) {
  if (slips === 0) return null;
  return (
    <Text size="xs" c="orange.8">
      disputed: {money(minor)} ({slips} slip{slips === 1 ? '' : 's'}), left out until leadership resolves it
    </Text>
  );
}
