import { Badge, Card, Group, Progress, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import type { Band, MemberScore } from '../../shared/contract';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';

export const bandColors: Record<Band, string> = { green: 'teal', yellow: 'yellow', red: 'red', grey: 'gray' };
const bandOrder: Record<Band, number> = { green: 3, yellow: 2, red: 1, grey: 0 };

export function BandBadge({ band }: { band: Band }) {
  return (
    <Badge color={bandColors[band]} variant={band === 'grey' ? 'light' : 'filled'} miw={72}>
      {band}
    </Badge>
  );
}

/** Every member's band and points over the previous completed six months, with the reasons. */
export function ScorecardScreen() {
  const card = useQuery(() => ledger.scorecard({}), []);
  const [sort, setSort] = useState<{ key: 'name' | 'points' | 'band'; desc: boolean }>({ key: 'points', desc: true });
  const [open, setOpen] = useState<string | null>(null);
  const rows = useMemo(() => {
    const list = [...(card.data?.members ?? [])];
    const dir = sort.desc ? -1 : 1;
    const value = (m: MemberScore) => (sort.key === 'name' ? m.name : sort.key === 'band' ? bandOrder[m.band] * 1000 + m.points : m.points);
    return list.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
    });
  }, [card.data, sort]);

  if (card.error) return <ErrorNotice error={card.error} onRetry={card.reload} />;
  if (!card.data) return null;
  const { profileName, period, bands, members } = card.data;
  const count = (band: Band) => members.filter((m) => m.band === band).length;
  const header = (key: 'name' | 'points' | 'band', label: string) => (
    <Table.Th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton fw={600} fz="sm" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}>
        <Group gap={2} wrap="nowrap">
          {label}
          {sort.key === key && (sort.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
  const categoryIds = members[0]?.categories.map((c) => ({ id: c.id, label: c.label })) ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Scorecard</Title>
        <Text c="dimmed" size="sm">
          {profileName} · {period.from} to {period.to} (the previous completed six months) · green from {bands.green}, yellow from {bands.yellow}, red from {bands.red} points
        </Text>
      </div>
      <Group>
        {(['green', 'yellow', 'red', 'grey'] as const).map((band) => (
          <Card key={band} withBorder padding="xs" w={140}>
            <Group justify="space-between">
              <BandBadge band={band} />
              <Text fw={700} size="lg">
                {count(band)}
              </Text>
            </Group>
          </Card>
        ))}
      </Group>
      <Table aria-label="Scorecard" striped verticalSpacing={4} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {header('name', 'Member')}
            {header('band', 'Band')}
            {header('points', 'Points')}
            {categoryIds.map((c) => (
              <Table.Th key={c.id} ta="right">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Fragment key={m.memberId}>
              <Table.Tr style={{ cursor: 'pointer' }} tabIndex={0} onClick={() => setOpen(open === m.memberId ? null : m.memberId)} onKeyDown={(e) => e.key === 'Enter' && setOpen(open === m.memberId ? null : m.memberId)}>
                <Table.Td fw={500}>{m.name}</Table.Td>
                <Table.Td>
                  <BandBadge band={m.band} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={700} w={28}>
                      {m.points}
                    </Text>
                    <Progress value={(100 * m.points) / Math.max(1, m.maxPoints)} color={bandColors[m.band]} w={80} size="sm" />
                  </Group>
                </Table.Td>
                {m.categories.map((c) => (
                  <Table.Td key={c.id} ta="right">
                    <Tooltip label={c.display}>
                      <Text size="sm" c={c.maxPoints === 0 ? 'dimmed' : undefined}>
                        {c.maxPoints === 0 ? '—' : `${c.points}/${c.maxPoints}`}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                ))}
              </Table.Tr>
              {open === m.memberId && (
                <Table.Tr>
                  <Table.Td colSpan={3 + m.categories.length}>
                    <ScoreExplanation score={m} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ScoreExplanation({ score }: { score: MemberScore }) {
  return (
    <Stack gap={4} p="xs" aria-label={`Score of ${score.name}`}>
      <Text size="sm" fw={600}>
        {score.explanation}
      </Text>
      {score.categories.map((c) => (
        <Text size="sm" key={c.id}>
          <b>{c.label}</b>: {c.display} → {c.maxPoints === 0 ? 'not scored by this profile' : `${c.points} of ${c.maxPoints} points`}
          {c.next ? ` · next: ${c.next}` : ''}
        </Text>
      ))}
    </Stack>
  );
}
