import { Alert, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Chapter } from '../../shared/contract';
import { referralStatuses } from '../../shared/domain';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';
import { emptyMessage } from '../open-referrals-wording';

const statusLabels: Record<(typeof referralStatuses)[number], string> = {
  new: 'New',
  contacted: 'Contacted',
  meeting_set: 'Meeting set',
  won: 'Won',
  lost: 'Lost',
};

const PAGE = 50;

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
  useEffect(() => setPage(0), [memberId, status, olderThanDays]);

  const move = async (id: string, next: (typeof referralStatuses)[number]) => {
    try {
      await ledger.setReferralStatus({ id, status: next });
      await list.reload();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };

  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Open referrals</Title>
        <Text c="dimmed" size="sm">
          Referrals older than {chapter.openReferralDays} days are flagged. Either member can move a referral along.
        </Text>
      </div>
      <Group>
        <Select
          label="Member (given or received)"
          placeholder="Everyone"
          clearable
          searchable
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
      {list.data && list.data.length === 0 ? (
        <Alert color="gray">{emptyMessage({ memberName: members.data?.find((m) => m.id === memberId)?.fullName ?? null, status, olderThanDays })}</Alert>
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
              <Table.Tr key={r.id}>
                <Table.Td>{r.meetingOn}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.daysOpen > chapter.openReferralDays && ['new', 'contacted', 'meeting_set'].includes(r.status) ? 'red' : 'gray'}>
                    {r.daysOpen} days
                  </Badge>
                </Table.Td>
                <Table.Td>{r.giverName}</Table.Td>
                <Table.Td>{r.receiverName}</Table.Td>
                <Table.Td>
                  {r.prospectName}
                  {r.prospectPhone && (
                    <Text size="xs" c="dimmed">
                      {r.prospectPhone}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.temperature}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={150}
                    aria-label={`Status of ${r.prospectName}`}
                    allowDeselect={false}
                    data={referralStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
                    value={r.status}
                    onChange={(v) => v && move(r.id, v as (typeof referralStatuses)[number])}
                  />
                </Table.Td>
              </Table.Tr>
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
