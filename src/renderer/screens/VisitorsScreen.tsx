import { Alert, Badge, Button, CloseButton, Group, Modal, Pagination, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Prospect } from '../../shared/contract';
import { prospectStageLabels, type ProspectStage } from '../../shared/domain';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { ApplyForm, FollowUpForm } from '../components/LeadershipForms';
import { useQuery } from '../use-query';
import { formatDay } from '../../shared/dates';
import { chapterLocale } from '../chapter-today';
import { dayCount, daysAgo } from '../days-ago';
import { VisitorLinkingNotice, visitorCount } from '../components/VisitorLinkingNotice';

export const stageColors: Record<ProspectStage, string> = {
  visited: 'blue',
  followed_up: 'cyan',
  invited_back: 'teal',
  applied: 'grape',
  joined: 'green',
  not_now: 'gray',
  not_a_fit: 'gray',
};

export function SeatBadge({ p }: { p: Prospect }) {
  if (p.seat === 'open') return <Badge color="green" variant="light">seat open</Badge>;
  if (p.seat === 'unknown') return <Badge color="gray" variant="light">not a chapter classification</Badge>;
  if (p.memberId && p.memberStatus !== 'former') return <Badge color="grape" variant="light">their seat</Badge>;
  return (
    <Badge color="orange" variant="light">
      {p.seat === 'applicant' ? 'applicant' : 'held by'} {p.seatHolder}
    </Badge>
  );
}

/** The visitor pipeline: every visitor with their visits, the seat they want and where follow-up stands. */
export function VisitorsScreen() {
  const [show, setShow] = useState<'open' | 'all'>('all');
  const [search, setSearch] = useState('');
  // Typing narrows the list a moment after the last key, not at every letter.
  const [searched] = useDebouncedValue(search.trim(), 200);
  const [page, setPage] = useState(1);
  // "/" puts the cursor in the search, as on the Members screen.
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);
  const [following, setFollowing] = useState<Prospect | null>(null);
  const [applying, setApplying] = useState<Prospect | null>(null);
  const list = useQuery(() => ledger.listVisitors({ show, search: searched, page }), [show, searched, page]);
  const classifications = useQuery(() => ledger.listClassifications(), []);
  const members = useQuery(() => ledger.listMembers({ scope: 'current' }), []);
  const chapter = useQuery(() => ledger.getChapter(), []);

  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  const data = list.data;
  const done = async (message: string) => {
    setFollowing(null);
    setApplying(null);
    notifications.show({ color: 'green', message });
    await Promise.all([list.reload(), classifications.reload(), members.reload()]);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Visitors</Title>
          <Text c="dimmed" size="sm">
            Visitors recorded at meetings, matched across visits by name and e-mail or phone. No contact for {data?.staleFollowUpDays ?? '…'} days is stale; the chapter asks
            visitors to apply after {data?.visitLimit ?? '…'} visits.
          </Text>
        </div>
        <SegmentedControl
          aria-label="Which visitors"
          value={show}
          onChange={(v) => {
            setShow(v as typeof show);
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'Everyone' },
            { value: 'open', label: 'To follow up' },
          ]}
        />
      </Group>
      {data && <VisitorLinkingNotice waiting={data.visitorSlipsWaiting} onLookAgain={() => void list.reload()} />}
      {data && (
        <Group gap="xs">
          <Badge size="lg" variant="light">{visitorCount(data.conversion.visitors, data.visitorSlipsWaiting)}</Badge>
          <Badge size="lg" variant="light" color="grape">{data.conversion.applied} applied</Badge>
          <Badge size="lg" variant="light" color="green">{data.conversion.joined} joined</Badge>
        </Group>
      )}
      <TextInput
        aria-label="Search visitors"
        ref={searchRef}
        placeholder="Name, company, e-mail, phone, seat wanted or who invited them  ( / )"
        leftSection={<IconSearch size={16} />}
        rightSection={search ? <CloseButton aria-label="Clear the search" onClick={() => { setSearch(''); setPage(1); }} /> : null}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={620}
      />
      {data && data.total === 0 && searched !== '' ? (
        <Alert color="gray" title={`No visitor matches “${searched}”`}>
          {show === 'open' ? 'The search looks among the visitors to follow up only: choose Everyone to look through all of them.' : 'Check the spelling, or search by company, e-mail or a few digits of the phone.'}
        </Alert>
      ) : data && data.prospects.length === 0 && data.visitorSlipsWaiting > 0 ? (
        <Alert color="orange" title={show === 'open' ? 'Nobody to follow up matched yet' : 'No visitor matched yet'}>
          {`The visitors of ${data.visitorSlipsWaiting.toLocaleString()} earlier visitor ${data.visitorSlipsWaiting === 1 ? 'slip are' : 'slips are'} not known yet: they appear here, with their visits, as the slips are matched (see above).`}
        </Alert>
      ) : data && data.prospects.length === 0 ? (
        <Alert color="gray" title={show === 'open' ? 'Nobody to follow up' : 'No visitors yet'}>
          {show === 'open'
            ? 'Every visitor has been followed up, applied, or said not now.'
            : 'Record visitors on the Meeting screen (slip type Visitor): each one appears here with their visits, who invited them and the seat they want.'}
        </Alert>
      ) : (
        <Table aria-label="Visitors" striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Visitor</Table.Th>
              <Table.Th>Visits</Table.Th>
              <Table.Th>Wants</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Last contact</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.prospects ?? []).map((p) => {
              const open = p.stage === 'visited' || p.stage === 'followed_up' || p.stage === 'invited_back' || p.stage === 'not_now';
              return (
                <Table.Tr key={p.id} data-testid="visitor-row">
                  <Table.Td>
                    <Text fw={600} size="sm">{p.name}</Text>
                    <Text size="xs" c="dimmed">{[p.company, p.email, p.phone].filter(Boolean).join(' · ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm">{p.visits.length}</Text>
                      {p.atVisitLimit && <Badge color="yellow" variant="light" size="sm">ask to apply</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed">{p.visits.map((v) => formatDay(v.meetingOn, chapterLocale())).join(', ')}</Text>
                    {p.invitedByName && <Text size="xs" c="dimmed">invited by {p.invitedByName}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.classificationSought || '—'}</Text>
                    <SeatBadge p={p} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={stageColors[p.stage]} variant="light">{prospectStageLabels[p.stage]}</Badge>
                    {p.note && <Text size="xs" c="dimmed" maw={240} lineClamp={2}>{p.note}</Text>}
                  </Table.Td>
                  <Table.Td miw={150}>
                    {/* Without a follow-up on record, the days run from the last visit, and the column says so ("never" beside "Followed up" read as a contradiction). */}
                    <Text size="sm">{p.lastContactOn ? formatDay(p.lastContactOn, chapterLocale()) : p.stage === 'visited' ? 'No follow-up yet' : 'Contact date not recorded'}</Text>
                    {p.stale ? (
                      <Badge color="red" variant="light" size="sm">stale · {dayCount(p.daysSinceContact)}</Badge>
                    ) : (
                      <Text size="xs" c="dimmed">{p.lastContactOn ? daysAgo(p.daysSinceContact) : `visited ${daysAgo(p.daysSinceContact)}`}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {open && (
                      <Group gap={6} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setFollowing(p)} aria-label={`Follow up ${p.name}`}>
                          Follow up
                        </Button>
                        <Button size="xs" onClick={() => setApplying(p)} aria-label={`Apply: ${p.name}`}>
                          Apply
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {data.total <= data.pageSize
              ? `${visitorCount(data.total, data.visitorSlipsWaiting)}${searched ? ` matching “${searched}”` : ''}`
              : `Showing ${(data.page - 1) * data.pageSize + 1}–${(data.page - 1) * data.pageSize + data.prospects.length} of ${visitorCount(data.total, data.visitorSlipsWaiting)}${searched ? ` matching “${searched}”` : ''}, newest visit first`}
          </Text>
          {data.total > data.pageSize && (
            <Pagination
              aria-label="Pages of visitors"
              total={Math.ceil(data.total / data.pageSize)}
              value={data.page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control === 'first' ? 'First page' : 'Last page' })}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            />
          )}
        </Group>
      )}
      <Modal opened={following !== null} onClose={() => setFollowing(null)} title={`Follow up ${following?.name ?? ''}`}>
        {following && <FollowUpForm prospect={following} onCancel={() => setFollowing(null)} onSaved={() => done(`Follow-up with ${following.name} recorded.`)} />}
      </Modal>
      <Modal size="lg" opened={applying !== null} onClose={() => setApplying(null)} title={`Apply: ${applying?.name ?? ''}`}>
        {applying && (
          <ApplyForm
            prospect={applying}
            classifications={classifications.data ?? []}
            members={members.data ?? []}
            chapterNameOrder={chapter.data?.nameOrder ?? 'given_first'}
            onCancel={() => setApplying(null)}
            onSaved={() => done(`${applying.name} is now an applicant holding the seat.`)}
          />
        )}
      </Modal>
    </Stack>
  );
}
