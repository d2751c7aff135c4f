import { Alert, Badge, Button, Drawer, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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

/**
 * Above this many rows only the rows in view (and a few either side) are drawn, with @tanstack/react-virtual;
 * a ten-year chapter's "All" holds every member it ever had. Below it every row is in the page (Ctrl+F finds any).
 */
const drawAllUpTo = 40;
/** A row's height before it is measured: one line of name, two of classification. */
const rowEstimate = 57;

export function MembersScreen({ chapter, onChanged }: { chapter: Chapter; onChanged: () => Promise<void> }) {
  const [scope, setScope] = useState<Scope>('current');
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  // A half-filled Add member form is never closed by Esc, the ✕ or a click beside it without asking:
  // the secretary's typing was lost in one key (found by a fresh-eyes trial).
  const [addDirty, setAddDirty] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);
  const closeAdding = () => {
    setAdding(false);
    setAddDirty(false);
    setAskDiscard(false);
  };
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

  const tbody = useRef<HTMLTableSectionElement>(null);
  const [listTop, setListTop] = useState(0);
  const windowed = rows.length > drawAllUpTo;
  useLayoutEffect(() => {
    if (tbody.current) setListTop(tbody.current.getBoundingClientRect().top + window.scrollY);
  }, [windowed, rows.length, members.loading]);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => rowEstimate, overscan: 8, scrollMargin: listTop, enabled: windowed });
  const drawn = windowed ? virtualizer.getVirtualItems().map((v) => v.index) : rows.map((_, i) => i);
  const items = windowed ? virtualizer.getVirtualItems() : [];
  const spaceAbove = windowed && items.length ? items[0]!.start - listTop : 0;
  const spaceBelow = windowed && items.length ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - listTop) : 0;
  /** Up and down move between rows, also to rows not drawn yet (the list scrolls to them first). */
  const moveFocus = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const to = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : null;
    if (to === null || to < 0 || to >= rows.length) return;
    event.preventDefault();
    if (windowed) virtualizer.scrollToIndex(to, { align: 'auto' });
    const focus = (tries: number) => {
      const row = tbody.current?.querySelector<HTMLElement>(`tr[data-index="${to}"]`);
      if (row) row.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(10);
  };

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
          Every member holds a classification seat. Add your chapter's classifications in Settings → Classifications & spheres first, then come back to seat members.
        </Alert>
      ) : rows.length === 0 && !members.loading ? (
        <Alert color="gray" title={search ? 'Nobody matches' : 'Nobody here yet'}>
          {search ? `No member matches "${search}". Press Escape to clear the search.` : 'Press Add member (or N) to seat the first member.'}
        </Alert>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" striped aria-label="Members" aria-rowcount={rows.length + 1}>
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
          <Table.Tbody ref={tbody}>
            {spaceAbove > 0 && <tr aria-hidden style={{ height: spaceAbove }} />}
            {/* Keeps the stripes on the same rows while scrolling: the spacers count as rows for the striping. */}
            {spaceAbove > 0 && drawn[0]! % 2 === 0 && <tr aria-hidden style={{ height: 0 }} />}
            {drawn.map((index) => {
              const m = rows[index]!;
              return (
                <Table.Tr
                  key={m.id}
                  data-index={index}
                  ref={windowed ? virtualizer.measureElement : undefined}
                  aria-rowindex={index + 2}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setSelected(m.id)}
                  onKeyDown={(e) => (e.key === 'Enter' ? setSelected(m.id) : moveFocus(e, index))}
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
                  {/* A long company name next door must not squeeze the badge to "ACT…". */}
                  <Table.Td style={{ minWidth: 96 }}>
                    <MemberStatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.status === 'applicant' ? `Applied on ${formatDay(m.joinedOn, chapter.locale)}` : formatDay(m.joinedOn, chapter.locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
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
              );
            })}
            {spaceBelow > 0 && <tr aria-hidden style={{ height: spaceBelow }} />}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={adding} onClose={() => (addDirty ? setAskDiscard(true) : closeAdding())} title="Add member" size="lg">
        {askDiscard && (
          <Alert color="orange" mb="md" role="alert" title="Close and lose what you typed?">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">The new member is not saved yet. Keep editing to finish it, or discard it.</Text>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" data-autofocus onClick={() => setAskDiscard(false)}>
                  Keep editing
                </Button>
                <Button size="xs" variant="default" color="red" onClick={closeAdding}>
                  Discard
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
        <MemberForm
          classifications={classifications.data ?? []}
          members={everyone.data ?? []}
          onDirtyChange={setAddDirty}
          onCancel={closeAdding}
          onSaved={async (m) => {
            closeAdding();
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
