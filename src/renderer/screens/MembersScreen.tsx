import { Alert, Badge, Button, Drawer, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { Chapter, Member } from '../../shared/contract';
import { formatDay, addDays } from '../../shared/dates';
import { leadershipRoleLabels } from '../../shared/domain';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { MemberForm } from '../components/MemberForm';
import { MemberStatusBadge } from '../components/StatusBadge';
import { rosterSummary } from '../../shared/member-count';
import { useQuery } from '../use-query';
import { MemberDetailPanel } from './MemberDetailPanel';

type Scope = 'current' | 'applicant' | 'on_leave' | 'former' | 'all';

export function MembersScreen({ chapter, onChanged }: { chapter: Chapter; onChanged: () => Promise<void> }) {
  const [scope, setScope] = useState<Scope>('current');
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const members = useQuery(() => ledger.listMembers({ scope }), [scope]);
  const everyone = useQuery(() => ledger.listMembers({ scope: 'current' }), []);
  const classifications = useQuery(() => ledger.listClassifications(), []);
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['n', () => setAdding(true)],
  ]);

  const refresh = async () => {
    await Promise.all([members.reload(), everyone.reload(), classifications.reload(), onChanged()]);
  };

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    const list = members.data ?? [];
    if (!needle) return list;
    return list.filter((m) =>
      [m.fullName, m.company, m.classificationName, m.sphereName ?? ''].some((text) => text.toLocaleLowerCase().includes(needle)),
    );
  }, [members.data, search]);

  if (members.error) return <ErrorNotice error={members.error} onRetry={members.reload} />;
  const soon = addDays(chapterToday(), 30);
  const noClassifications = classifications.data && classifications.data.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Members</Title>
          <Text c="dimmed" size="sm">
            {summary(everyone.data ?? [])}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} disabled={!!noClassifications}>
          Add member
        </Button>
      </Group>
      <Group>
        <TextInput
          ref={searchRef}
          leftSection={<IconSearch size={16} />}
          placeholder="Search name, company or classification  ( / )"
          aria-label="Search members"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setSearch('');
            if (e.key === 'Enter' && rows.length === 1) setSelected(rows[0]!.id);
          }}
          w={360}
        />
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          aria-label="Which members"
          data={[
            { value: 'current', label: 'Current' },
            { value: 'applicant', label: 'Applicants' },
            { value: 'on_leave', label: 'On leave' },
            { value: 'former', label: 'Former' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>

      {noClassifications ? (
        <Alert title="No classifications yet" color="blue">
          Every member holds a classification seat. Add your chapter's classifications in Settings first, then come back to seat members.
        </Alert>
      ) : rows.length === 0 && !members.loading ? (
        <Alert color="gray" title={search ? 'Nobody matches' : 'Nobody here yet'}>
          {search ? `No member matches "${search}". Press Escape to clear the search.` : 'Press Add member (or N) to seat the first member.'}
        </Alert>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" striped aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Company</Table.Th>
              <Table.Th>Classification</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Joined</Table.Th>
              <Table.Th>Renewal due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr
                key={m.id}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => setSelected(m.id)}
                onKeyDown={(e) => e.key === 'Enter' && setSelected(m.id)}
                aria-label={m.fullName}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fw={500}>{m.fullName}</Text>
                    {m.leadershipRole && (
                      <Badge size="xs" variant="dot">
                        {leadershipRoleLabels[m.leadershipRole]}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{m.company}</Table.Td>
                <Table.Td>
                  <Text size="sm">{m.classificationName}</Text>
                  {m.sphereName && (
                    <Text size="xs" c="dimmed">
                      {m.sphereName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <MemberStatusBadge status={m.status} />
                </Table.Td>
                <Table.Td>{m.status === 'applicant' ? `Applied on ${formatDay(m.joinedOn, chapter.locale)}` : formatDay(m.joinedOn, chapter.locale)}</Table.Td>
                <Table.Td>
                  {m.renewalDue ? (
                    <Text size="sm" c={m.status !== 'former' && m.renewalDue <= soon ? 'red' : undefined} fw={m.renewalDue <= soon ? 600 : undefined}>
                      {formatDay(m.renewalDue, chapter.locale)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={adding} onClose={() => setAdding(false)} title="Add member" size="lg">
        <MemberForm
          classifications={classifications.data ?? []}
          members={everyone.data ?? []}
          onCancel={() => setAdding(false)}
          onSaved={async (m) => {
            setAdding(false);
            notifications.show({ color: 'teal', message: `${m.fullName} now holds ${m.classificationName}.` });
            await refresh();
          }}
        />
      </Modal>

      <Drawer opened={selected !== null} onClose={() => setSelected(null)} position="right" size="xl" title="Member">
        {selected && (
          <MemberDetailPanel
            memberId={selected}
            chapter={chapter}
            classifications={classifications.data ?? []}
            members={everyone.data ?? []}
            onChanged={refresh}
          />
        )}
      </Drawer>
    </Stack>
  );
}

function summary(members: Member[]): string {
  const count = (status: Member['status']) => members.filter((m) => m.status === status).length;
  return rosterSummary({ active: count('active'), onLeave: count('on_leave'), applicants: count('applicant') });
}
