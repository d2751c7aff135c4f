import { Alert, Button, Card, Group, NumberInput, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { ScorecardProfile } from '../../shared/contract';
import { categoryMeasures } from '../../shared/scorecard-profile';
import { ledger } from '../client';
import { useQuery } from '../use-query';

const SLOTS = 4;
type Slot = { min: number | string; points: number | string };

/** Edit the chapter's scorecard: bands, the minimum history, and up to four thresholds per category. */
export function ScorecardProfileCard() {
  const saved = useQuery(() => ledger.getScorecardProfile(), []);
  const [profile, setProfile] = useState<ScorecardProfile | null>(null);
  const [slots, setSlots] = useState<Record<string, Slot[]>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!saved.data) return;
    setProfile(saved.data);
    setSlots(
      Object.fromEntries(
        saved.data.categories.map((c) => [c.id, Array.from({ length: SLOTS }, (_, i) => c.thresholds[i] ?? { min: '', points: '' })]),
      ),
    );
  }, [saved.data]);
  if (!profile) return null;

  const setSlot = (id: string, index: number, key: keyof Slot, value: number | string) =>
    setSlots((s) => ({ ...s, [id]: s[id]!.map((slot, i) => (i === index ? { ...slot, [key]: value } : slot)) }));

  const save = async (reset = false) => {
    try {
      const next: ScorecardProfile | null = reset
        ? null
        : {
            ...profile,
            categories: profile.categories.map((c) => ({
              id: c.id,
              thresholds: (slots[c.id] ?? [])
                .filter((s) => s.min !== '' && s.points !== '')
                .map((s) => ({ min: Number(s.min), points: Number(s.points) })),
            })),
          };
      await ledger.saveScorecardProfile({ profile: next });
      setError(null);
      notifications.show({ color: 'teal', message: reset ? 'Scorecard back to the default profile.' : 'Scorecard profile saved.' });
      await saved.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Card withBorder padding="lg">
      <Title order={4}>Scorecard profile</Title>
      <Text size="sm" c="dimmed" mb="md">
        Points for each category over the previous completed six months. A threshold is "at least": the highest one reached counts. Leave a row empty to score fewer steps;
        a category with no threshold is shown but not scored.
      </Text>
      <Group mb="md" align="flex-end">
        <TextInput label="Profile name" value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.currentTarget.value })} w={280} />
        <NumberInput label="Green from" value={profile.bands.green} onChange={(v) => setProfile({ ...profile, bands: { ...profile.bands, green: Number(v) } })} w={110} min={0} />
        <NumberInput label="Yellow from" value={profile.bands.yellow} onChange={(v) => setProfile({ ...profile, bands: { ...profile.bands, yellow: Number(v) } })} w={110} min={0} />
        <NumberInput label="Red from" value={profile.bands.red} onChange={(v) => setProfile({ ...profile, bands: { ...profile.bands, red: Number(v) } })} w={110} min={0} />
        <NumberInput label="Meetings needed" description="Fewer: grey" value={profile.minimumMeetings} onChange={(v) => setProfile({ ...profile, minimumMeetings: Number(v) })} w={130} min={1} />
      </Group>
      <Table aria-label="Scorecard thresholds" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Category</Table.Th>
            {Array.from({ length: SLOTS }, (_, i) => (
              <Table.Th key={i}>Step {i + 1}: at least → points</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profile.categories.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {categoryMeasures[c.id].label}
                </Text>
                <Text size="xs" c="dimmed">
                  {categoryMeasures[c.id].unit}
                </Text>
              </Table.Td>
              {(slots[c.id] ?? []).map((slot, i) => (
                <Table.Td key={i}>
                  <Group gap={4} wrap="nowrap">
                    <NumberInput size="xs" w={80} aria-label={`${categoryMeasures[c.id].label} step ${i + 1} at least`} value={slot.min} onChange={(v) => setSlot(c.id, i, 'min', v)} min={0} decimalScale={2} />
                    <Text size="xs">→</Text>
                    <NumberInput size="xs" w={60} aria-label={`${categoryMeasures[c.id].label} step ${i + 1} points`} value={slot.points} onChange={(v) => setSlot(c.id, i, 'points', v)} min={0} max={100} allowDecimal={false} />
                  </Group>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Alert color="red" mt="md" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => save(true)}>
          Back to the default
        </Button>
        <Button onClick={() => save()}>Save profile</Button>
      </Group>
    </Card>
  );
}
