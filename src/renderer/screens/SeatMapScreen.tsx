import { Badge, Card, Group, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { Classification } from '../../shared/contract';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { SeatBadge } from '../components/StatusBadge';
import { useQuery } from '../use-query';

type Filter = 'all' | 'open';

/** Every classification grouped by contact sphere: who holds it, who applied, what is open to recruit. */
export function SeatMapScreen() {
  const map = useQuery(() => ledger.seatMap(), []);
  const [filter, setFilter] = useState<Filter>('all');
  const [history, setHistory] = useState<Classification | null>(null);
  if (map.error) return <ErrorNotice error={map.error} onRetry={map.reload} />;
  if (!map.data) return null;
  const { counts } = map.data;
  const spheres = map.data.spheres
    .map((s) => ({ ...s, classifications: filter === 'open' ? s.classifications.filter((c) => c.seat === 'open') : s.classifications }))
    .filter((s) => s.classifications.length > 0 || filter === 'all');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Seat map</Title>
          <Text c="dimmed" size="sm" aria-label="Seat counts">
            {counts.held} held · {counts.applicant} applicant · {counts.open} open
          </Text>
        </div>
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          aria-label="Show seats"
          data={[
            { value: 'all', label: 'All seats' },
            { value: 'open', label: 'Open seats only' },
          ]}
        />
      </Group>
      {spheres.length === 0 && (
        <Text c="dimmed">{filter === 'open' ? 'Every seat is taken.' : 'No classifications yet: add them in Settings → Classifications & spheres.'}</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {spheres.map((sphere) => {
          const open = sphere.classifications.filter((c) => c.seat === 'open').length;
          return (
            <Card key={sphere.id ?? 'none'} withBorder padding="md" component="section" aria-label={sphere.name}>
              <Group justify="space-between" mb="xs">
                <Title order={4}>{sphere.name}</Title>
                {open > 0 && (
                  <Badge color="orange" variant="light">
                    {open} open
                  </Badge>
                )}
              </Group>
              {sphere.description && (
                <Text size="xs" c="dimmed" mb="sm">
                  {sphere.description}
                </Text>
              )}
              <Stack gap={6}>
                {sphere.classifications.map((c) => (
                  <UnstyledButton
                    key={c.id}
                    onClick={() => setHistory(c)}
                    aria-label={`${c.name}: ${c.seat === 'open' ? 'open' : `${c.seat} by ${c.holder?.name}`}`}
                    p={4}
                    style={{ borderRadius: 6 }}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} truncate>
                          {c.name}
                        </Text>
                        <Text size="xs" c="dimmed" truncate>
                          {c.holder ? `${c.holder.name}${c.holder.status === 'on_leave' ? ' (on leave)' : ''} · since ${c.holder.since}` : 'Open seat: recruit for it'}
                        </Text>
                      </div>
                      <SeatBadge seat={c.seat} />
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      <Modal opened={history !== null} onClose={() => setHistory(null)} title={history ? `${history.name}: who held it` : ''}>
        {history && <SeatHistory classificationId={history.id} />}
      </Modal>
    </Stack>
  );
}

function SeatHistory({ classificationId }: { classificationId: string }) {
  const rows = useQuery(() => ledger.seatHistory({ classificationId }), [classificationId]);
  if (rows.error) return <ErrorNotice error={rows.error} />;
  if (!rows.data) return null;
  if (rows.data.length === 0) return <Text c="dimmed">Nobody has held this seat yet.</Text>;
  return (
    <Table aria-label="Seat history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Member</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>To</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.data.map((t) => (
          <Table.Tr key={`${t.memberId}-${t.fromOn}`}>
            <Table.Td>{t.memberName}</Table.Td>
            <Table.Td>{t.fromOn}</Table.Td>
            <Table.Td>{t.toOn ?? 'now'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
