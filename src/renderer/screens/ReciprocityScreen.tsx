import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDownload } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { Chapter } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { disputedExplanation, disputedNote } from '../../shared/disputed-tyfcb';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { LastRightPeriod, PeriodPicker, usePeriod } from '../components/PeriodPicker';
import { ReferralHeatmap } from '../components/ReferralHeatmap';
import { ReciprocityRow, type ReciprocityRowData } from '../components/ReciprocityRow';
import { downloadText } from '../download';
import { useQuery } from '../use-query';

type Row = ReciprocityRowData;

const columns: Array<{ key: keyof Row; label: string; money?: boolean; title?: string }> = [
  { key: 'name', label: 'Member' },
  { key: 'given', label: 'Given', title: 'Referrals given (inside + outside)' },
  { key: 'received', label: 'Received', title: 'Referrals received (inside + outside)' },
  { key: 'balance', label: 'Balance', title: 'Given minus received' },
  { key: 'tyfcbGeneratedMinor', label: 'TYFCB generated', money: true, title: 'Closed business credited to this member by others' },
  { key: 'tyfcbReceivedMinor', label: 'TYFCB received', money: true, title: "Business on this member's own TYFCB slips" },
  { key: 'oneToOnes', label: '1-2-1' },
  { key: 'visitors', label: 'Visitors' },
];


/** About how tall the heatmap's card is (its cells are 18 px on a big chapter, 24 px on a small one), so the page does not jump when it is drawn. */
const heatmapHeight = (members: number) => 140 + (members + 1) * (members > 40 ? 19 : 25);

/** Is the giving two-way? Per member, per pair, and what a leadership team should act on. */
export function ReciprocityScreen({ chapter }: { chapter: Chapter }) {
  const period = usePeriod('this_quarter');
  const p = period.period;
  const data = useQuery(() => Promise.all([ledger.tallies(p), ledger.referralMatrix(p), ledger.reciprocityFlags(p)]), [p.from, p.to]);
  const [sort, setSort] = useState<{ key: keyof Row; desc: boolean }>({ key: 'balance', desc: true });
  // Stable, so sorting the table does not redraw the 3,600-cell heatmap.
  const money = useCallback((minor: number) => formatMoney(minor, chapter.currency, chapter.locale), [chapter.currency, chapter.locale]);

  const rows = useMemo(() => {
    const list: Row[] = (data.data?.[0].members ?? []).map((m) => {
      const given = m.rgi + m.rgo;
      const received = m.rri + m.rro;
      return { ...m, given, received, balance: given - received, moneyBalance: m.tyfcbGeneratedMinor - m.tyfcbReceivedMinor };
    });
    const dir = sort.desc ? -1 : 1;
    return list.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
    });
  }, [data.data, sort]);

  if (data.error) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  const [tallies, matrix, flags] = data.data ?? [];

  const exportCsv = async () => {
    const { fileName, csv } = await ledger.palmsCsv(p);
    downloadText(fileName, csv, 'text/csv;charset=utf-8');
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Reciprocity</Title>
          <Text c="dimmed" size="sm">
            Given vs received, {p.from} to {p.to}
            {tallies ? ` · ${tallies.totals.meetings} meetings counted` : ''}
          </Text>
        </div>
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={exportCsv}>
          Export PALMS CSV
        </Button>
      </Group>
      <PeriodPicker state={period} />
      {/* Dates typed wrong: the figures stay the last right period's, and say so (as Outcomes does). */}
      <LastRightPeriod period={period}>
        <Stack gap="md">
          {tallies && tallies.draftMeetings.length > 0 && (
            <Alert color="orange">
              Not counted yet (still drafts): {tallies.draftMeetings.join(', ')}. Close them on the Meeting screen.
            </Alert>
          )}
          {tallies && tallies.totals.tyfcbDisputedSlips > 0 && (
            <Alert color="orange" title={`TYFCB ${disputedNote(tallies.totals.tyfcbDisputedMinor, tallies.totals.tyfcbDisputedSlips, money)}`}>
              {disputedExplanation} Leadership resolves disputes on the Outcomes screen, TYFCB disputes tab.
            </Alert>
          )}
          {tallies && tallies.totals.meetings === 0 && <Alert color="gray">No closed meeting in this period: pick another period, or close a meeting on the Meeting screen (only closed meetings count).</Alert>}

          {tallies && (
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <Card withBorder padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Referrals
                </Text>
                <Text size="xl" fw={700}>
                  {tallies.totals.referralsInside + tallies.totals.referralsOutside}
                </Text>
                <Text size="xs" c="dimmed">
                  {tallies.totals.referralsInside} inside · {tallies.totals.referralsOutside} outside
                </Text>
              </Card>
              <Card withBorder padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  TYFCB
                </Text>
                <Text size="xl" fw={700}>
                  {money(tallies.totals.tyfcbMinor)}
                </Text>
                {tallies.totals.tyfcbDisputedSlips > 0 && (
                  <Text size="xs" c="orange.8" title={disputedExplanation} aria-label="TYFCB under dispute">
                    + {disputedNote(tallies.totals.tyfcbDisputedMinor, tallies.totals.tyfcbDisputedSlips, money)}, not in the total
                  </Text>
                )}
              </Card>
              <Card withBorder padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  One-way pairs
                </Text>
                <Text size="xl" fw={700}>
                  {flags?.oneWayPairs.length ?? 0}
                </Text>
              </Card>
              <Card withBorder padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Only take / only give
                </Text>
                <Text size="xl" fw={700}>
                  {flags?.onlyTake.length ?? 0} / {flags?.onlyGive.length ?? 0}
                </Text>
              </Card>
            </SimpleGrid>
          )}

          {flags && (
            <Card withBorder padding="md" aria-label="Flags">
              <Title order={4} mb="xs">
                For the leadership team
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <FlagList
                  title={`One-way pairs (${flags.thresholds.oneWayMin}+ referrals, none back)`}
                  items={flags.oneWayPairs.map((f) => `${f.giverName} → ${f.receiverName}: ${f.referrals}, none back`)}
                />
                <FlagList title="Only take" items={flags.onlyTake.map((f) => `${f.name}: received ${f.received}, gave none`)} />
                <FlagList title="Only give" items={flags.onlyGive.map((f) => `${f.name}: gave ${f.given}, received none`)} />
                <FlagList
                  title={`No referral in ${flags.thresholds.noReferralWeeks} weeks`}
                  items={flags.noRecentReferral.slice(0, 8).map((f) => `${f.name}: ${f.lastGivenOn ? `last on ${f.lastGivenOn}` : 'none on record'}`)}
                  more={Math.max(0, flags.noRecentReferral.length - 8)}
                />
                <FlagList
                  title={`Open more than ${flags.thresholds.openReferralDays} days`}
                  items={flags.longOpenReferrals.map((f) => `${f.giverName} → ${f.receiverName}: ${f.prospectName}, ${f.daysOpen} days`)}
                  more={Math.max(0, flags.longOpenReferralsTotal - flags.longOpenReferrals.length)}
                  moreWhere={`on Open referrals, open at least ${flags.thresholds.openReferralDays + 1} days`}
                  locale={chapter.locale}
                />
              </SimpleGrid>
            </Card>
          )}

          <Card withBorder padding="md">
            <Title order={4} mb="xs">
              Per member
            </Title>
            <Table aria-label="Given and received per member" striped highlightOnHover verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c.key} title={c.title} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                      <UnstyledButton
                        fw={600}
                        fz="sm"
                        onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))}
                      >
                        <Group gap={2} wrap="nowrap">
                          {c.label}
                          {sort.key === c.key && (sort.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
                        </Group>
                      </UnstyledButton>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <ReciprocityRow key={r.memberId} r={r} money={money} />
                ))}
              </Table.Tbody>
            </Table>
          </Card>

          {matrix && (
            // Below the fold on opening (3,600 cells on a sixty-member chapter, three quarters of the screen's
            // elements): the browser lays it out and paints it when it scrolls into view, not before the screen shows.
            <Card withBorder padding="md" style={{ contentVisibility: 'auto', containIntrinsicSize: `auto ${heatmapHeight(matrix.members.length)}px` }}>
              <Title order={4} mb="xs">
                Who refers whom
              </Title>
              <ReferralHeatmap matrix={matrix} formatMoney={money} />
            </Card>
          )}
        </Stack>
      </LastRightPeriod>
    </Stack>
  );
}

function FlagList({ title, items, more = 0, moreWhere, locale }: { title: string; items: string[]; more?: number; moreWhere?: string; locale?: string }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
          {more > 0 && (
            <List.Item c="dimmed">
              …and {more.toLocaleString(locale)} more{moreWhere ? ` ${moreWhere}` : ''}
            </List.Item>
          )}
        </List>
      )}
    </div>
  );
}
