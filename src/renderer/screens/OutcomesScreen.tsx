import { BarChart, FunnelChart } from '@mantine/charts';
import { Alert, Badge, Button, Card, Group, List, Modal, NumberInput, Pagination, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useFullscreenElement } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDownload, IconMaximize } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { Chapter, Dispute, MemberOutcome, OutcomeRules, Outcomes } from '../../shared/contract';
import { disputeGroundLabels, disputeGrounds, disputeResolutions, lostReasonLabels, type DisputeGround, type DisputeResolution } from '../../shared/domain';
import { LedgerError } from '../../shared/errors';
import { formatMoney, minorDigits, minorToMajor } from '../../shared/money';
import { ledger } from '../client';
import { downloadBytes } from '../download';
import { ErrorNotice } from '../components/ErrorNotice';
import { LastRightPeriod, PeriodPicker, usePeriod } from '../components/PeriodPicker';
import { IsoDateField } from '../components/IsoDateField';
import { chapterToday } from '../chapter-today';
import { datedFieldProblem } from '../../shared/fields';
import { useQuery } from '../use-query';
import { Deferred } from '../components/Deferred';
import { days, EveryPairRow, MemberOutcomeRow, pct, TopPairRow } from '../components/OutcomeRows';
import { foldedFilter } from '../components/SearchSelect';

/** One formatter for every tick of the revenue chart's axis (one per tick was a visible part of the chart's drawing). */
const compactNumber = new Intl.NumberFormat(undefined, { notation: 'compact' });

/** Did the referrals turn into business? Funnel, conversion, revenue by referrer, disputes, flags, recognition. */
export function OutcomesScreen({ chapter }: { chapter: Chapter }) {
  const period = usePeriod('this_quarter');
  const p = period.period;
  const [tab, setTab] = useState<string | null>('outcomes');
  const data = useQuery(() => {
    askPairsAhead(p);
    return ledger.outcomes(p);
  }, [p.from, p.to]);
  // Kept between draws: the tables' rows are redrawn only when their figures change (a sort moves them).
  const money = useCallback((minor: number) => formatMoney(minor, chapter.currency, chapter.locale), [chapter.currency, chapter.locale]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Outcomes</Title>
          <Text c="dimmed" size="sm">
            Did the referrals turn into business? Referrals count in the period they were given, each with its status today (the quarterly audit prints the status each had at the quarter's end, so its won/lost/open can differ); TYFCB in the period it was recorded.
          </Text>
        </div>
        <PeriodPicker state={period} />
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="outcomes">Conversion & revenue</Tabs.Tab>
          <Tabs.Tab value="disputes">TYFCB disputes</Tabs.Tab>
          <Tabs.Tab value="flags">Flags</Tabs.Tab>
          <Tabs.Tab value="recognition">Recognition</Tabs.Tab>
          <Tabs.Tab value="rules">Rules</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outcomes" pt="md">
          <LastRightPeriod period={period}>{data.error ? <ErrorNotice error={data.error} onRetry={data.reload} /> : data.data && <OutcomesPanel data={data.data} money={money} />}</LastRightPeriod>
        </Tabs.Panel>
        <Tabs.Panel value="disputes" pt="md">
          <LastRightPeriod period={period}>
            <DisputesPanel chapter={chapter} period={p} money={money} onChanged={data.reload} />
          </LastRightPeriod>
        </Tabs.Panel>
        <Tabs.Panel value="flags" pt="md">
          <LastRightPeriod period={period}>
            <FlagsPanel period={p} />
          </LastRightPeriod>
        </Tabs.Panel>
        <Tabs.Panel value="recognition" pt="md">
          <LastRightPeriod period={period}>
            <RecognitionPanel period={p} />
          </LastRightPeriod>
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}


function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

type SortKey = 'name' | 'given' | 'conversion' | 'generated' | 'perReferral' | 'daysToContact' | 'daysToClose';
const sortValue = (m: MemberOutcome, key: SortKey): number | string | null => {
  switch (key) {
    case 'name': return m.name;
    case 'given': return m.given.total;
    case 'conversion': return m.conversionGiven;
    case 'generated': return m.generatedLinkedMinor + m.generatedUnlinkedMinor;
    case 'perReferral': return m.revenuePerReferralMinor;
    case 'daysToContact': return m.medianDaysToContact;
    case 'daysToClose': return m.medianDaysToClose;
  }
};

export function OutcomesPanel({ data, money }: { data: Outcomes; money: (minor: number) => string }) {
  const c = data.chapter;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'generated', desc: true });
  const rows = useMemo(() => {
    const list = [...data.members];
    return list.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      // Members with no figure sort last whichever way.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const d = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
      return sort.desc ? -d : d;
    });
  }, [data.members, sort]);
  if (c.given.total === 0 && c.totalMinor === 0) {
    return <Alert color="gray">No referral or TYFCB was recorded at a closed meeting in this period. Choose another period, or close the meetings of this one.</Alert>;
  }
  const header = (key: SortKey, label: string, title?: string) => (
    <Table.Th title={title} ta={key === 'name' ? 'left' : 'right'}>
      <UnstyledButton onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' && key !== 'daysToContact' && key !== 'daysToClose' }))} aria-label={`Sort by ${label}`}>
        <Group gap={2} wrap="nowrap" justify={key === 'name' ? 'flex-start' : 'flex-end'}>
          <Text size="sm" fw={600}>{label}</Text>
          {sort.key === key && (sort.desc ? <IconArrowDown size={14} /> : <IconArrowUp size={14} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
  const lost = Object.entries(c.lostReasons).filter(([, n]) => n > 0);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Figure label="Referrals given" value={String(c.given.total)} hint={`${c.given.won} won · ${c.given.lost} lost · ${c.given.open} open`} />
        <Figure label="Conversion" value={pct(c.conversion)} hint={`won ÷ decided · ${pct(c.conversionAll)} of all`} />
        <Figure label="Days to first contact" value={days(c.medianDaysToContact)} hint="median" />
        <Figure label="Days to close" value={days(c.medianDaysToClose)} hint="median, to won" />
        <Figure label="TYFCB" value={money(c.linkedMinor + c.unlinkedMinor)} hint={`${money(c.revenuePerReferralMinor ?? 0)} per referral given`} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">Funnel</Text>
          <Deferred h={220} label="Drawing the funnel">
          <FunnelChart
            h={220}
            size={200}
            withLabels
            labelsPosition="right"
            withTooltip
            data={[
              { name: 'Given', value: c.funnel.given, color: 'blue.3' },
              { name: 'Contacted', value: c.funnel.contacted, color: 'blue.5' },
              { name: 'Meeting set', value: c.funnel.meetingSet, color: 'violet.6' },
              { name: 'Won', value: c.funnel.won, color: 'teal.6' },
            ]}
          />
          </Deferred>
          <Text size="xs" c="dimmed">
            Given {c.funnel.given} → contacted {c.funnel.contacted} → meeting set {c.funnel.meetingSet} → won {c.funnel.won}
            {lost.length > 0 && ` · lost: ${lost.map(([k, n]) => `${k === 'not_recorded' ? 'reason not recorded' : lostReasonLabels[k as keyof typeof lostReasonLabels].toLowerCase()} ${n}`).join(', ')}`}
          </Text>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">Revenue by month</Text>
          <Deferred h={220} label="Drawing revenue by month">
          <BarChart
            h={220}
            data={data.months.map((m) => ({ month: m.month, Linked: minorToMajor(m.linkedMinor, data.currency), Unlinked: minorToMajor(m.unlinkedMinor, data.currency), Disputed: minorToMajor(m.disputedMinor, data.currency) }))}
            dataKey="month"
            type="stacked"
            withLegend
            // The legend in the series' order (linked, unlinked, under dispute), not alphabetical.
            legendProps={{ itemSorter: null }}
            valueFormatter={(v) => money(Math.round(v * 10 ** minorDigits(data.currency)))}
            yAxisProps={{ width: 70, tickFormatter: (v: number) => compactNumber.format(v) }}
            series={[
              { name: 'Linked', color: 'teal.6', label: 'Linked to a referral' },
              { name: 'Unlinked', color: 'blue.4', label: 'Unlinked' },
              { name: 'Disputed', color: 'orange.5', label: 'Under dispute' },
            ]}
          />
          </Deferred>
          <Text size="xs" c="dimmed">
            Linked {money(c.linkedMinor)} · unlinked {money(c.unlinkedMinor)} · under dispute {money(c.disputedMinor)} (shown apart until leadership resolves it)
          </Text>
        </Card>
      </SimpleGrid>
      <div>
        <Title order={4} mb="xs">By member</Title>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="Outcomes by member" striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {header('name', 'Member')}
                {header('given', 'Given', 'Referrals given: won / lost / open')}
                {header('conversion', 'Conversion', 'Won ÷ decided (won + lost) for referrals this member gave')}
                {header('generated', 'Generated for others', 'TYFCB credited to this member: linked + unlinked (disputed shown apart)')}
                {header('perReferral', 'Per referral', 'Generated ÷ referrals given')}
                {header('daysToContact', 'Days to contact', 'As receiver: median days from the referral to its first contact')}
                {header('daysToClose', 'Days to close', 'As receiver: median days from the referral to won')}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <MemberOutcomeRow key={m.memberId} m={m} money={money} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      <div>
        <Title order={4} mb="xs">Top referrer → receiver pairs by revenue</Title>
        {data.pairs.length === 0 ? (
          <Text c="dimmed" size="sm">No TYFCB between members in this period.</Text>
        ) : (
          <Table aria-label="Top pairs" verticalSpacing={4} maw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Referrer → receiver</Table.Th>
                <Table.Th ta="right">Referrals</Table.Th>
                <Table.Th ta="right">Won</Table.Th>
                <Table.Th ta="right">Revenue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.pairs.map((pair) => (
                <TopPairRow key={`${pair.giverId}>${pair.receiverId}`} pair={pair} money={money} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <PairsSection data={data} money={money} />
    </Stack>
  );
}

/** How many pairs the table shows before asking to pick a member (a 60-member chapter has up to 3,540). */
const PAIRS_SHOWN = 50;

// The pairs table's request goes out with the screen's own figures, not after they are drawn (the table is
// under them): that wait was a second round trip, ~100 ms of the screen's opening on a ten-year chapter. The
// answer is taken once, by the table asking for the same pairs; a table drawn again later asks afresh.
type PairsAnswer = ReturnType<typeof ledger.pairOutcomes>;
let pairsAhead: { key: string; answer: PairsAnswer } | null = null;
const pairsKey = (from: string, to: string, memberId: string | null) => `${from}/${to}/${memberId ?? ''}`;
function askPairsAhead(p: { from: string; to: string }): void {
  const answer = ledger.pairOutcomes({ from: p.from, to: p.to, memberId: null });
  // A failure is the table's to show when it asks; unasked, it is not an unhandled rejection.
  answer.catch(() => undefined);
  pairsAhead = { key: pairsKey(p.from, p.to, null), answer };
}
function pairsAskedAhead(key: string): PairsAnswer | null {
  if (pairsAhead?.key !== key) return null;
  const { answer } = pairsAhead;
  pairsAhead = null;
  return answer;
}

/** Every referrer → receiver pair of the period, or one member's pairs either way round. */
function PairsSection({ data, money }: { data: Outcomes; money: (minor: number) => string }) {
  const [memberId, setMemberId] = useState<string | null>(null);
  const { from, to } = data.period;
  const pairs = useQuery(() => pairsAskedAhead(pairsKey(from, to, memberId)) ?? ledger.pairOutcomes({ from, to, memberId }), [from, to, memberId]);
  const shown = pairs.data?.pairs.slice(0, PAIRS_SHOWN) ?? [];
  const total = pairs.data?.pairs.length ?? 0;
  return (
    <div>
      <Group justify="space-between" align="flex-end" mb="xs">
        <div>
          <Title order={4}>Every pair: what became of the referrals, and the business they brought</Title>
          <Text size="xs" c="dimmed">
            Giver → receiver. Days are the receiver’s, from the meeting to first contact and to won; revenue is the TYFCB the receiver credited to the giver.
          </Text>
        </div>
        <Select
          label="Pairs of"
          placeholder="All members"
          clearable
          searchable filter={foldedFilter}
          selectFirstOptionOnChange
          w={260}
          data={data.members.map((m) => ({ value: m.memberId, label: m.name }))}
          value={memberId}
          onChange={setMemberId}
        />
      </Group>
      {pairs.error ? (
        <ErrorNotice error={pairs.error} onRetry={pairs.reload} />
      ) : total === 0 ? (
        <Text c="dimmed" size="sm">{pairs.data ? 'No referral or TYFCB between members in this period.' : 'Loading…'}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="Every pair" verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Giver → receiver</Table.Th>
                  <Table.Th ta="right">Referrals</Table.Th>
                  <Table.Th ta="right">Won / lost / open</Table.Th>
                  <Table.Th ta="right">Conversion</Table.Th>
                  <Table.Th ta="right">To contact</Table.Th>
                  <Table.Th ta="right">To close</Table.Th>
                  <Table.Th ta="right">Revenue (linked + unlinked)</Table.Th>
                  <Table.Th ta="right">Per referral</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((pair) => (
                  <EveryPairRow key={`${pair.giverId}>${pair.receiverId}`} pair={pair} money={money} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > shown.length && (
            <Text size="sm" c="dimmed" mt="xs">
              Showing the {shown.length} pairs with the most revenue of {total}; pick a member above to see all of theirs.
            </Text>
          )}
        </>
      )}
    </div>
  );
}

function DisputesPanel({ chapter, period, money, onChanged }: { chapter: Chapter; period: { from: string; to: string }; money: (minor: number) => string; onChanged: () => Promise<void> }) {
  const slips = useQuery(() => ledger.listTyfcbSlips(period), [period.from, period.to]);
  const disputes = useQuery(() => ledger.listDisputes({ state: 'all' }), []);
  const [raising, setRaising] = useState<{ id: string; closerId: string; closerName: string; referrerId: string; referrerName: string; amountMinor: number; meetingOn: string } | null>(null);
  const [resolving, setResolving] = useState<Dispute | null>(null);
  const reload = async () => {
    await Promise.all([slips.reload(), disputes.reload(), onChanged()]);
  };
  const open = (disputes.data ?? []).filter((d) => !d.resolution);
  const resolved = (disputes.data ?? []).filter((d) => d.resolution);
  return (
    <Stack gap="lg">
      {raising && <RaiseDisputeModal slip={raising} money={money} onClose={() => setRaising(null)} onDone={reload} />}
      {resolving && <ResolveDisputeModal chapter={chapter} dispute={resolving} money={money} onClose={() => setResolving(null)} onDone={reload} />}
      <div>
        <Title order={4}>Open disputes</Title>
        <Text size="sm" c="dimmed" mb="xs">Disputed amounts are kept apart from the totals until leadership resolves them.</Text>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">No TYFCB slip is disputed.</Text>
        ) : (
          <Table aria-label="Open disputes" verticalSpacing={4}>
            <Table.Tbody>
              {open.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.meetingOn}</Table.Td>
                  <Table.Td>{d.closerName} thanks {d.referrerName}, {money(d.amountMinor)}</Table.Td>
                  <Table.Td>
                    <Badge color="orange" variant="light">{disputeGroundLabels[d.ground]}</Badge> {d.raisedByName}, {d.raisedOn}: “{d.why}”
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" onClick={() => setResolving(d)}>Resolve</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <div>
        <Title order={4} mb="xs">TYFCB slips in the period</Title>
        {(slips.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">No TYFCB slip in this period.</Text>
        ) : (
          <Table aria-label="TYFCB slips" striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Meeting</Table.Th>
                <Table.Th>Closed by</Table.Th>
                <Table.Th>Thanks (referrer)</Table.Th>
                <Table.Th>Referral</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(slips.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.meetingOn}</Table.Td>
                  <Table.Td>{t.closerName}</Table.Td>
                  <Table.Td>{t.referrerName}</Table.Td>
                  <Table.Td>{t.prospectName ?? <Text span c="dimmed" size="sm">not linked</Text>}</Table.Td>
                  <Table.Td ta="right">{money(t.amountMinor)}</Table.Td>
                  <Table.Td>
                    {t.openDisputeId ? (
                      <Badge color="orange">Disputed</Badge>
                    ) : (
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => setRaising(t)} aria-label={`Dispute ${t.closerName} thanks ${t.referrerName} ${money(t.amountMinor)}`}>
                        Dispute
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      {resolved.length > 0 && (
        <div>
          <Title order={4} mb="xs">Resolved</Title>
          <List size="sm" spacing={4}>
            {resolved.slice(0, 50).map((d) => (
              <List.Item key={d.id}>
                {d.resolvedOn}: {d.closerName} thanks {d.referrerName} ({d.meetingOn}) — <b>{d.resolution}</b>: {d.resolutionReason}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}

function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setErrors({});
    try {
      await action();
      return true;
    } catch (e) {
      const error = e as LedgerError;
      setErrors({ [error.field ?? 'form']: error.message });
      return false;
    }
  };
  return { errors, run };
}

function RaiseDisputeModal({ slip, money, onClose, onDone }: { slip: { id: string; closerId: string; closerName: string; referrerId: string; referrerName: string; amountMinor: number; meetingOn: string }; money: (m: number) => string; onClose: () => void; onDone: () => Promise<void> }) {
  const [by, setBy] = useState<string>(slip.closerId);
  // No ground is chosen for the president: "he didn't refer this" must not become a wrong-amount dispute by default.
  const [ground, setGround] = useState<DisputeGround | null>(null);
  const [why, setWhy] = useState('');
  const [raisedOn, setRaisedOn] = useState(chapterToday());
  const { errors, run } = useFieldErrors();
  const submit = async () => {
    // A day that does not exist is refused as typed, never rolled over into another day.
    const wrongDay = datedFieldProblem('Raised on', raisedOn, true);
    if (await run(async () => {
      if (!ground) throw new LedgerError('invalid_input', 'Choose what is wrong with the slip: wrong referrer, wrong amount or not from this referral.', 'ground');
      if (wrongDay) throw new LedgerError('invalid_input', wrongDay, 'raisedOn');
      return ledger.disputeTyfcb({ tyfcbId: slip.id, raisedById: by, ground, why, raisedOn: raisedOn.trim() });
    })) {
      await onDone();
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Dispute: ${slip.closerName} thanks ${slip.referrerName}, ${money(slip.amountMinor)} (${slip.meetingOn})`}>
      <Stack gap="sm">
        <Select label="Raised by" allowDeselect={false} value={by} onChange={(v) => v && setBy(v)} data={[{ value: slip.closerId, label: slip.closerName }, { value: slip.referrerId, label: slip.referrerName }]} error={errors.raisedById} />
        <Select label="What is wrong" required placeholder="Choose what is wrong" allowDeselect={false} value={ground} onChange={(v) => v && setGround(v as DisputeGround)} data={disputeGrounds.map((g) => ({ value: g, label: disputeGroundLabels[g] }))} error={errors.ground} />
        <TextInput label="Why" placeholder="e.g. the invoice was 1,000, not 1,500" value={why} onChange={(e) => setWhy(e.currentTarget.value)} error={errors.why} data-autofocus />
        <IsoDateField label="Raised on" required value={raisedOn} onChange={setRaisedOn} error={errors.raisedOn} />
        {errors.form || errors.tyfcbId ? <Alert color="red">{errors.form ?? errors.tyfcbId}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="orange" onClick={submit}>Mark disputed</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResolveDisputeModal({ chapter, dispute, money, onClose, onDone }: { chapter: Chapter; dispute: Dispute; money: (m: number) => string; onClose: () => void; onDone: () => Promise<void> }) {
  const [resolution, setResolution] = useState<DisputeResolution>('confirmed');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [referrerId, setReferrerId] = useState<string | null>(null);
  const [unlink, setUnlink] = useState(false);
  const [resolvedOn, setResolvedOn] = useState(chapterToday());
  const members = useQuery(() => ledger.listMembers({ scope: 'current' }), []);
  const { errors, run } = useFieldErrors();
  const labels: Record<DisputeResolution, string> = { confirmed: 'Confirmed — the slip stands', corrected: 'Corrected — amend the slip', removed: 'Removed — take the slip out' };
  const submit = async () => {
    const extra = resolution === 'corrected' ? { amount, referrerId, unlinkReferral: unlink } : {};
    const wrongDay = datedFieldProblem('Resolved on', resolvedOn, true);
    if (await run(async () => {
      if (wrongDay) throw new LedgerError('invalid_input', wrongDay, 'resolvedOn');
      return ledger.resolveDispute({ id: dispute.id, resolution, reason, resolvedOn: resolvedOn.trim(), ...extra });
    })) {
      notifications.show({ color: 'teal', message: `Dispute resolved: ${resolution}. The reason is in the audit log.` });
      await onDone();
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={`Resolve: ${dispute.closerName} thanks ${dispute.referrerName}, ${money(dispute.amountMinor)}`}>
      <Stack gap="sm">
        <Text size="sm">
          {dispute.raisedByName} disputed it on {dispute.raisedOn} ({disputeGroundLabels[dispute.ground].toLowerCase()}): “{dispute.why}”
        </Text>
        <Select label="Resolution" allowDeselect={false} value={resolution} onChange={(v) => v && setResolution(v as DisputeResolution)} data={disputeResolutions.map((r) => ({ value: r, label: labels[r] }))} error={errors.resolution} />
        {resolution === 'corrected' && (
          <Group grow align="flex-start">
            <TextInput label={`Corrected amount (${chapter.currency})`} placeholder="blank keeps it" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} />
            <Select label="Corrected referrer" placeholder="keep the referrer" clearable searchable filter={foldedFilter} selectFirstOptionOnChange data={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))} value={referrerId} onChange={setReferrerId} error={errors.referrerId} />
            {dispute.referralId && <Switch mt="xl" label="Not from the linked referral" checked={unlink} onChange={(e) => setUnlink(e.currentTarget.checked)} />}
          </Group>
        )}
        <TextInput label="Reason (kept in the audit log)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        <IsoDateField label="Resolved on" required value={resolvedOn} onChange={setResolvedOn} error={errors.resolvedOn} />
        {errors.form || errors.id ? <Alert color="red">{errors.form ?? errors.id}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={submit}>Resolve dispute</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function FlagsPanel({ period }: { period: { from: string; to: string } }) {
  const flags = useQuery(() => ledger.integrityFlags(period), [period.from, period.to]);
  if (flags.error) return <ErrorNotice error={flags.error} onRetry={flags.reload} />;
  if (!flags.data) return null;
  const f = flags.data;
  const rule = (id: string) => f.rules.find((r) => r.id === id)!;
  const section = (id: string, count: number, body: React.ReactNode) => (
    <Card withBorder key={id}>
      <Group justify="space-between">
        <Text fw={600}>{rule(id).title}</Text>
        <Badge color={count > 0 ? 'orange' : 'gray'} variant="light">{count}</Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">Rule: {rule(id).rule}</Text>
      {count === 0 ? <Text size="sm" c="dimmed">Nothing to look at.</Text> : body}
    </Card>
  );
  return (
    <Stack gap="md">
      <StaleCard title={rule('stale').title} rule={rule('stale').rule} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {section('concentration', f.concentration.length, (
          <List size="sm" spacing={2}>
            {f.concentration.map((c) => <List.Item key={c.giverId + c.receiverName}>{c.giverName} → {c.receiverName}: {c.toReceiver} of {c.given} ({Math.round(c.share * 100)}%)</List.Item>)}
          </List>
        ))}
        {section('quiet_pair', f.quietPairs.length, (
          <List size="sm" spacing={2}>
            {f.quietPairs.map((q) => <List.Item key={q.aName + q.bName}>{q.aName} ⇄ {q.bName}: {q.referrals} referrals, no TYFCB</List.Item>)}
          </List>
        ))}
        {section('spike', f.spikes.length, (
          <List size="sm" spacing={2}>
            {f.spikes.map((s) => <List.Item key={s.memberId + s.meetingOn}>{s.name} on {s.meetingOn}: {s.referrals} referrals (usually {s.usualPerWeek.toFixed(1)} a week)</List.Item>)}
          </List>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

const STALE_PAGE = 50;

/**
 * Every stale referral, with the total and pages of 50. The most recently gone quiet first: the ones a
 * call this week can still save; "Quiet longest first" (or the last pages) reaches the oldest.
 */
function StaleCard({ title, rule }: { title: string; rule: string }) {
  const [order, setOrder] = useState<'recent' | 'oldest'>('recent');
  const [page, setPage] = useState(1);
  const stale = useQuery(() => ledger.staleReferrals({ order, offset: (page - 1) * STALE_PAGE, limit: STALE_PAGE }), [order, page]);
  const d = stale.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / STALE_PAGE)) : 1;
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>{title}</Text>
        <Badge color={d && d.total > 0 ? 'orange' : 'gray'} variant="light" aria-label="Stale referrals in all">{d ? d.total.toLocaleString() : '…'}</Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">Rule: {rule}</Text>
      {stale.error ? (
        <ErrorNotice error={stale.error} onRetry={stale.reload} />
      ) : !d ? null : d.total === 0 ? (
        <Text size="sm" c="dimmed">Nothing to look at.</Text>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm" aria-live="polite" data-testid="stale-count">
              {d.total.toLocaleString()} stale {d.total === 1 ? 'referral' : 'referrals'} · showing {(d.offset + 1).toLocaleString()}–{(d.offset + d.rows.length).toLocaleString()}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Order of stale referrals"
              value={order}
              onChange={(v) => { setOrder(v as 'recent' | 'oldest'); setPage(1); }}
              data={[{ value: 'recent', label: 'Most recently quiet first' }, { value: 'oldest', label: 'Quiet longest first' }]}
            />
          </Group>
          <List size="sm" spacing={2}>
            {d.rows.map((s) => (
              <List.Item key={s.referralId}>{s.receiverName}: {s.prospectName} from {s.giverName} — {s.status.replace('_', ' ')}, last update {s.lastUpdateOn} ({s.daysSinceUpdate} days)</List.Item>
            ))}
          </List>
          {pages > 1 && (
            <Pagination
              aria-label="Pages of stale referrals"
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control === 'first' ? 'First page' : 'Last page' })}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            />
          )}
        </Stack>
      )}
    </Card>
  );
}

function RecognitionPanel({ period }: { period: { from: string; to: string } }) {
  const data = useQuery(() => ledger.recognition(period), [period.from, period.to]);
  const { ref, toggle, fullscreen } = useFullscreenElement<HTMLDivElement>();
  const [busy, setBusy] = useState(false);
  if (data.error) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (!data.data) return null;
  const r = data.data;
  const pdf = async () => {
    setBusy(true);
    try {
      const produced = await ledger.produceRecognitionPdf(period);
      downloadBytes(produced.fileName, Uint8Array.from(atob(produced.pdfBase64), (ch) => ch.charCodeAt(0)) as BlobPart, 'application/pdf');
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group>
        <Button leftSection={<IconMaximize size={16} />} onClick={toggle} variant="light">
          {fullscreen ? 'Leave full screen' : 'Show full screen'}
        </Button>
        <Button leftSection={<IconDownload size={16} />} onClick={pdf} loading={busy} variant="default">
          One-page PDF
        </Button>
      </Group>
      <div ref={ref} style={{ background: 'var(--mantine-color-body)', padding: fullscreen ? 48 : 0, overflow: 'auto' }} aria-label="Recognition">
        <Title order={fullscreen ? 1 : 3} mb="xs">
          {r.chapterName} — recognition, {r.period.from} to {r.period.to}
        </Title>
        <Text c="dimmed" mb="md">{r.meetings} meeting{r.meetings === 1 ? '' : 's'}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          {r.categories.map((c) => (
            <Card key={c.id} withBorder padding="lg">
              <Text fw={700} size={fullscreen ? '28px' : 'lg'} c="teal.8">{c.title}</Text>
              <Text size="xs" c="dimmed" mb="sm">{c.rule}</Text>
              {c.winners.length === 0 ? (
                <Text c="dimmed">Nobody this time.</Text>
              ) : (
                <Stack gap={4}>
                  {c.winners.slice(0, 12).map((w) => (
                    <Group key={w.memberId} justify="space-between" wrap="nowrap">
                      <Text fw={600} size={fullscreen ? '24px' : 'md'}>{w.name}</Text>
                      <Text c="dimmed" size={fullscreen ? '20px' : 'sm'}>{w.label}</Text>
                    </Group>
                  ))}
                  {c.winners.length > 12 && <Text size="sm" c="dimmed">and {c.winners.length - 12} more</Text>}
                </Stack>
              )}
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}

const ruleFields: Array<{ key: keyof OutcomeRules; label: string; min: number; max: number }> = [
  { key: 'staleDays', label: 'Stale after (days without a follow-up)', min: 1, max: 365 },
  { key: 'concentrationMin', label: 'Concentration: referrals given before it is judged', min: 2, max: 500 },
  { key: 'concentrationShare', label: 'Concentration: share to one receiver (%)', min: 50, max: 100 },
  { key: 'pairNoTyfcbMin', label: 'Pair with no TYFCB: referrals between them', min: 2, max: 500 },
  { key: 'spikeMin', label: 'Weekly spike: referrals at one meeting', min: 2, max: 500 },
  { key: 'spikeFactor', label: 'Weekly spike: times the usual rate', min: 2, max: 50 },
  { key: 'spikeBaselineWeeks', label: 'Weekly spike: weeks that set the usual rate', min: 4, max: 104 },
  { key: 'recognitionTop', label: 'Recognition: members per category', min: 1, max: 10 },
  { key: 'conversionMinDecided', label: 'Best conversion: decided referrals needed', min: 1, max: 100 },
];

function RulesPanel() {
  const rules = useQuery(() => ledger.getOutcomeRules(), []);
  const [draft, setDraft] = useState<OutcomeRules | null>(null);
  const { errors, run } = useFieldErrors();
  const shown = draft ?? rules.data;
  if (!shown) return null;
  const save = async (next: OutcomeRules | null) => {
    if (await run(() => ledger.saveOutcomeRules({ rules: next }))) {
      setDraft(null);
      await rules.reload();
      notifications.show({ color: 'teal', message: next ? 'Outcome rules saved.' : 'Outcome rules back to the defaults.' });
    }
  };
  return (
    <Stack gap="sm" maw={620}>
      <Text size="sm" c="dimmed">These rules decide which referrals are stale, which patterns are flagged and who is recognised. Changes are kept in the audit log.</Text>
      <SimpleGrid cols={2}>
        {ruleFields.map((f) => (
          <NumberInput key={f.key} label={f.label} min={f.min} max={f.max} allowDecimal={false} value={shown[f.key] as number} onChange={(v) => setDraft({ ...shown, [f.key]: Number(v) })} error={errors[`rules.${f.key}`]} />
        ))}
      </SimpleGrid>
      <Switch label="Perfect attendance: late counts as present" checked={shown.lateCountsAsPresent} onChange={(e) => setDraft({ ...shown, lateCountsAsPresent: e.currentTarget.checked })} />
      {errors.form && <Alert color="red">{errors.form}</Alert>}
      <Group>
        <Button onClick={() => save(shown)} disabled={!draft}>Save rules</Button>
        <Button variant="default" onClick={() => save(null)}>Back to the defaults</Button>
      </Group>
    </Stack>
  );
}
