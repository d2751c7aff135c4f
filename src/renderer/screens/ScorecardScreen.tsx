import { Alert, Card, Group, Select, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Fragment, useCallback, useMemo, useState } from 'react';
import type { MemberScore } from '../../shared/contract';
import { BandBadge, ScorecardRow } from '../components/ScorecardRow';
import { ledger } from '../client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useQuery } from '../use-query';

/** The last 24 months a period can end with, newest first. */
function monthOptions(today: string) {
  const last = dayjs(today).startOf('month').subtract(1, 'month');
  return Array.from({ length: 24 }, (_, i) => {
    const m = last.subtract(i, 'month');
    return { value: m.format('YYYY-MM'), label: `${m.format('MMMM YYYY')}${i === 0 ? ' (last completed)' : ''}` };
  });
}

/** Every member's band, points and measured values over the profile's period, as the region's report prints them. */
export function ScorecardScreen() {
  const [endMonth, setEndMonth] = useState<string | null>(null);
  const card = useQuery(() => ledger.scorecard(endMonth ? { endMonth } : {}), [endMonth]);
  const [sort, setSort] = useState<{ key: 'name' | 'points' | 'band'; desc: boolean }>({ key: 'points', desc: true });
  const [open, setOpen] = useState<string | null>(null);
  const toggle = useCallback((memberId: string) => setOpen((o) => (o === memberId ? null : memberId)), []);
  const bandRank = useMemo(() => new Map((card.data?.bands ?? []).map((b, i, all) => [b.colour, all.length - i])), [card.data]);
  const rows = useMemo(() => {
    const list = [...(card.data?.members ?? [])];
    const dir = sort.desc ? -1 : 1;
    const value = (m: MemberScore) => (sort.key === 'name' ? m.name : sort.key === 'band' ? (m.scored ? (bandRank.get(m.band) ?? 0) : 0) * 1000 + m.points : m.points);
    return list.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
    });
  }, [card.data, sort, bandRank]);

  if (card.error) return <ErrorNotice error={card.error} onRetry={card.reload} />;
  if (!card.data) return null;
  const { profileName, periodWords, bands, members, categories, notice, notScored } = card.data;
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

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Scorecard</Title>
          <Text c="dimmed" size="sm">
            {profileName} · scored over {periodWords} · {bands.map((b) => `${b.label.toLowerCase()} from ${b.from}`).join(', ')}
          </Text>
        </div>
        <Select label="Period ends with" data={monthOptions(chapterToday())} value={endMonth ?? card.data.endMonth} onChange={setEndMonth} allowDeselect={false} w={280} />
      </Group>
      {notice && (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      )}
      <Group aria-label="Chapter totals">
        <Text fw={600} size="sm">
          Chapter totals
        </Text>
        {bands.map((band) => (
          <Card key={band.colour} withBorder padding="xs" w={150}>
            <Group justify="space-between">
              <BandBadge band={band.colour} label={band.label} />
              <Text fw={700} size="lg" aria-label={`${band.label} members`}>
                {band.count}
              </Text>
            </Group>
          </Card>
        ))}
        <Card withBorder padding="xs" w={170}>
          <Group justify="space-between">
            <Text size="sm">Not scored</Text>
            <Text fw={700} size="lg" aria-label="Members not scored">
              {notScored}
            </Text>
          </Group>
        </Card>
      </Group>
      {members.length > 0 && (
        <Table aria-label="Scorecard" striped verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {header('name', 'Member')}
              {header('band', 'Band')}
              {header('points', 'Points')}
              {categories.map((c) => (
                <Table.Th key={c.id} ta="right">
                  <Tooltip label={c.measure} multiline w={260}>
                    <span>{c.label}</span>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Fragment key={m.memberId}>
                <ScorecardRow m={m} open={open === m.memberId} onToggle={toggle} />
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
      )}
    </Stack>
  );
}

export function ScoreExplanation({ score }: { score: MemberScore }) {
  return (
    <Stack gap={4} p="xs" aria-label={`Score of ${score.name}`}>
      <Text size="sm" fw={600}>
        {score.explanation}
      </Text>
      {score.alert && (
        <Text size="sm" c={score.alert.level === 'opens' ? 'red' : 'orange'} fw={600}>
          {score.alert.text}
        </Text>
      )}
      {/* Not scored: its one sentence says why; category lines of "0 of 20 points" would read as a score. */}
      {score.scored && score.categories.map((c) => (
        <Text size="sm" key={c.id}>
          <b>{c.label}</b>: {c.display} ({c.working}) → {c.maxPoints === 0 ? 'not scored by this profile' : `${c.points} of ${c.maxPoints} points: ${c.rule}`}
          {c.next ? ` · next: ${c.next}` : ''}
        </Text>
      ))}
      {score.nextColour && (
        <Text size="sm">
          <b>Next colour</b>: {score.nextColour.text}
        </Text>
      )}
      {score.rollOff && (
        <Text size="sm">
          <b>Next month</b>: {score.rollOff}
        </Text>
      )}
    </Stack>
  );
}
