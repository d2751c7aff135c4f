import { Alert, Button, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Chapter, OpenReferral } from '../../shared/contract';
import { FollowUpModal, statusLabels } from '../components/FollowUpModal';
import { referralStatuses } from '../../shared/domain';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';
import { emptyMessage, flagLegend, totalLine } from '../open-referrals-wording';
import { OpenReferralRow } from '../components/OpenReferralRow';
import { foldedFilter } from '../components/SearchSelect';

const PAGE = 50;
const statusOptions = referralStatuses.map((s) => ({ value: s, label: statusLabels[s] }));

/** Closing the loop: what was referred, to whom, how long ago, and where it stands. */
export function OpenReferralsScreen({ chapter }: { chapter: Chapter }) {
  const [memberId, setMemberId] = useState<string | null>(null);
  const [status, setStatus] = useState<'open' | (typeof referralStatuses)[number]>('open');
  const [olderThanDays, setOlderThanDays] = useState<number>(0);
  const members = useQuery(() => ledger.listMembers({ scope: 'all' }), []);
  // A page at a time (one row more than shown tells whether there is a next page).
  const [page, setPage] = useState(0);
  const list = useQuery(() => ledger.listOpenReferrals({ memberId, status, olderThanDays, limit: PAGE + 1, offset: page * PAGE }), [memberId, status, olderThanDays, page]);
  const rows = (list.data ?? []).slice(0, PAGE);
  const hasNext = (list.data?.length ?? 0) > PAGE;
  const count = useQuery(() => ledger.countOpenReferrals({ memberId, status, olderThanDays }), [memberId, status, olderThanDays]);
  const today = chapterToday();
  useEffect(() => setPage(0), [memberId, status, olderThanDays]);
  // Asked only when nothing is open: was any referral ever won or lost ("well done"), or is there none yet?
  const nothingOpen = list.data?.length === 0 && status === 'open';
  const decided = useQuery(
    async () => (nothingOpen ? (await ledger.listOpenReferrals({ status: 'won', limit: 1 })).length + (await ledger.listOpenReferrals({ status: 'lost', limit: 1 })).length > 0 : true),
    [nothingOpen],
  );

  // Picking a status opens the follow-up: its day, who recorded it, why it was lost, a note.
  const [following, setFollowing] = useState<{ referral: OpenReferral; status: (typeof referralStatuses)[number] } | null>(null);
  const rules = useQuery(() => ledger.getOutcomeRules(), []);
  const staleDays = rules.data?.staleDays ?? null;
  const flagRules = useMemo(() => ({ openReferralDays: chapter.openReferralDays, staleDays }), [chapter.openReferralDays, staleDays]);
  const follow = useCallback((referral: OpenReferral, to: Status) => setFollowing({ referral, status: to }), []);

  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  return (
    <Stack gap="md">
      {following && (
        <FollowUpModal chapter={chapter} referral={following.referral} initialStatus={following.status} onClose={() => setFollowing(null)} onChanged={() => { void list.reload(); void count.reload(); }} />
      )}
      <div>
        <Title order={2}>Open referrals</Title>
        <Text c="dimmed" size="sm">
          {flagLegend(flagRules)}
        </Text>
      </div>
      <Group>
        <Select
          label="Member (given or received)"
          placeholder="Everyone"
          clearable
          searchable filter={foldedFilter}
          // Typing a name highlights the first match, so Enter takes it (the only one, or the first).
          selectFirstOptionOnChange
          w={280}
          data={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
          value={memberId}
          onChange={setMemberId}
        />
        <Select
          label="Status"
          w={180}
          allowDeselect={false}
          data={[{ value: 'open', label: 'Still open' }, ...referralStatuses.map((s) => ({ value: s, label: statusLabels[s] }))]}
          value={status}
          onChange={(v) => setStatus((v ?? 'open') as typeof status)}
        />
        <NumberInput label="Open at least (days)" w={180} min={0} value={olderThanDays} onChange={(v) => setOlderThanDays(Number(v) || 0)} />
      </Group>
      {count.data && list.data && list.data.length > 0 && (
        <Text size="sm" fw={600} aria-label="How many referrals">
          {totalLine({ total: count.data.total, future: count.data.future, status, from: page * PAGE + 1, to: page * PAGE + rows.length })}
        </Text>
      )}
      {list.data && list.data.length === 0 ? (
        <Alert color="gray">{emptyMessage({ memberName: members.data?.find((m) => m.id === memberId)?.fullName ?? null, status, olderThanDays, anyDecided: decided.data ?? true })}</Alert>
      ) : (
        <Table aria-label="Open referrals" striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Given on</Table.Th>
              <Table.Th>Open</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Prospect</Table.Th>
              <Table.Th>Temp.</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <OpenReferralRow key={r.id} r={r} flagRules={flagRules} today={today} statusOptions={statusOptions} onFollow={follow} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(page > 0 || hasNext) && (
        <Group gap="xs">
          <Button variant="default" size="xs" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <Text size="sm" c="dimmed">
            Referrals {page * PAGE + 1}–{page * PAGE + rows.length}
          </Text>
          <Button variant="default" size="xs" disabled={!hasNext} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type Status = (typeof referralStatuses)[number];
