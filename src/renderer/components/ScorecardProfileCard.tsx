import { ActionIcon, Alert, Button, Card, Checkbox, Group, Loader, MultiSelect, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ScorecardProfile } from '../../shared/contract';
import { bandColours, countSources, describeMeasure, palmsLetters, presetMoneyLabel, presetMoneyNote, scorecardPresets, sourceNouns, type PalmsLetter } from '../../shared/scorecard-presets';
import type { Measure, ScoreCategory } from '../../shared/scorecard-profile';
import { LedgerError } from '../../shared/errors';
import { ledger } from '../client';
import { sameData, setLeaveGuard } from '../leave-guard';
import { useQuery } from '../use-query';

type Category = ScoreCategory;

const measureOptions = [
  { value: 'attendance_rate', label: 'Attendance % (weights per letter)' },
  { value: 'equivalent_absences', label: 'Equivalent absences' },
  ...countSources.map((s) => ({ value: `per_week:${s}`, label: `${sourceNouns[s].label} per week` })),
  ...countSources.map((s) => ({ value: `count:${s}`, label: `${sourceNouns[s].label}, count in the period` })),
  { value: 'money:generated', label: 'TYFCB generated (money)' },
  { value: 'money:received', label: 'TYFCB received (money)' },
];

const measureValue = (m: Measure) => (m.kind === 'attendance_rate' || m.kind === 'equivalent_absences' ? m.kind : m.kind === 'money' ? `money:${m.direction}` : `${m.kind}:${m.source}`);

function measureFrom(value: string): Measure {
  if (value === 'attendance_rate') return { kind: 'attendance_rate', weights: { P: '1', A: '0', L: '1/2', M: '0', S: '1/2' } };
  if (value === 'equivalent_absences') return { kind: 'equivalent_absences', latesPerAbsence: 3, substitutesAllowed: null };
  const [kind, rest] = value.split(':') as [string, string];
  if (kind === 'money') return { kind: 'money', direction: rest as 'generated' | 'received' };
  return { kind: kind as 'count' | 'per_week', source: rest as (typeof countSources)[number] };
}

/** An emptied number box stays empty (sent as null, so the ledger says the field is required) instead of becoming 0 or 1. */
const wholeOrEmpty = (v: string | number): number => (v === '' ? (null as unknown as number) : Number(v));

// The browser's own pickers for the profile's many small choices (colours, measures, directions, the
// period): each of Mantine's Select built its hidden option list and its popover as Settings opened —
// about twenty of them and 260 options on a six-category profile.
const directionOptions = [
  { value: 'at_least', label: 'at least' },
  { value: 'at_most', label: 'at most' },
];

const periodKinds = [
  { value: 'completed_months', label: 'Last completed months' },
  { value: 'rolling_weeks', label: 'Rolling weeks' },
  { value: 'dates', label: 'Chosen dates' },
];

/** Edit the chapter's scorecard: start from a preset, then the measures, thresholds, bands, period and weeks. */
export function ScorecardProfileCard() {
  const saved = useQuery(() => ledger.getScorecardProfile(), []);
  const chapter = useQuery(() => ledger.getChapter(), []);
  const currency = chapter.data?.currency;
  // The form shows the saved profile until the chair changes something; then it shows the draft. Drawn in
  // the same pass as the saved profile arrives (an effect copying it in left one painted frame without the card).
  const [draft, setProfile] = useState<ScorecardProfile | null>(null);
  const profile = draft ?? saved.data ?? null;
  const [preset, setPreset] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The field a refusal names (e.g. profile.categories.1.thresholds.0.at): that box is outlined in red.
  const [errorField, setErrorField] = useState<string | null>(null);
  const flagged = (field: string) => errorField === `profile.${field}`;

  // A preset applied or a threshold changed is only in this form until "Save profile": say so here, and
  // have the app ask before another screen (or File → Open) drops it.
  const unsaved = profile !== null && saved.data !== undefined && saved.data !== null && !sameData(profile, saved.data);
  const unsavedSentence = unsaved ? `The scorecard profile "${profile.name}" has changes that are not saved; the scorecard still uses "${saved.data!.name}".` : null;
  useEffect(() => {
    setLeaveGuard('scorecard-profile', unsavedSentence, { buttonId: 'save-scorecard-profile', hash: '#/settings/scorecard' });
  }, [unsavedSentence]);
  useEffect(() => () => setLeaveGuard('scorecard-profile', null), []);
  if (!profile) {
    return (
      <Card withBorder padding="lg" aria-label="Scorecard profile">
        <Title order={4}>Scorecard profile</Title>
        {saved.error ? <Alert color="red" mt="md">{saved.error.message}</Alert> : <Loader size="sm" mt="md" aria-label="Loading the scorecard profile" />}
      </Card>
    );
  }

  const setCategory = (index: number, change: Partial<Category>) => setProfile({ ...profile, categories: profile.categories.map((c, i) => (i === index ? { ...c, ...change } : c)) });
  const setThreshold = (index: number, t: number, change: Partial<{ at: string; points: number }>) => {
    const category = profile.categories[index]!;
    const list = [...category.thresholds];
    if (t === list.length && change.at !== undefined && change.at.trim() === '') return; // the empty "add" box stays a box
    list[t] = { ...(list[t] ?? { at: '', points: 0 }), ...change };
    setCategory(index, { thresholds: list });
  };

  const save = async (next: ScorecardProfile | null) => {
    try {
      // Sent as typed: an emptied threshold is refused by the ledger ("… fill it or remove the level"), never dropped here.
      await ledger.saveScorecardProfile({ profile: next });
      setError(null);
      setErrorField(null);
      notifications.show({ color: 'teal', message: next ? `Scorecard profile "${next.name}" saved.` : 'Scorecard back to the default profile.' });
      await saved.reload();
      setProfile(null);
    } catch (e) {
      setError((e as Error).message);
      setErrorField(e instanceof LedgerError ? (e.field ?? null) : null);
    }
  };

  const period = profile.period;
  return (
    <Card withBorder padding="lg" aria-label="Scorecard profile">
      <Title order={4}>Scorecard profile</Title>
      <Text size="sm" c="dimmed" mb="md">
        Start from the scheme your region uses, then adjust. Thresholds are exact: write 0.75, or 6/26 for "6 per 26 weeks"; a value is never rounded before it is compared.
      </Text>
      <Group mb="md" align="flex-end">
        <NativeSelect
          label="Start from a preset"
          data={[{ value: '', label: 'Choose a scheme' }, ...scorecardPresets.map((p) => ({ value: p.id, label: p.label + presetMoneyLabel(p.id, currency) }))]}
          value={preset ?? ''}
          onChange={(e) => setPreset(e.currentTarget.value || null)}
          w={300}
        />
        <Button
          variant="light"
          disabled={!preset}
          onClick={() => {
            const chosen = scorecardPresets.find((p) => p.id === preset);
            if (chosen) setProfile(structuredClone(chosen.profile) as ScorecardProfile);
          }}
        >
          Use this preset
        </Button>
        <TextInput label="Profile name" value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.currentTarget.value })} w={300} />
      </Group>
      <Group mb="md" align="flex-end">
        <NativeSelect
          label="Period"
          data={periodKinds}
          value={period.kind}
          w={230}
          onChange={(e) => {
            const kind = e.currentTarget.value;
            setProfile({
              ...profile,
              period: kind === 'rolling_weeks' ? { kind, weeks: 26 } : kind === 'dates' ? { kind, from: '2026-01-01', to: '2026-06-30' } : { kind: 'completed_months', months: 6 },
            });
          }}
        />
        {period.kind === 'completed_months' && <NumberInput label="Months" error={flagged('period.months')} value={period.months ?? ''} min={1} max={24} clampBehavior="none" allowDecimal={false} w={90} onChange={(v) => setProfile({ ...profile, period: { kind: 'completed_months', months: wholeOrEmpty(v) } })} />}
        {period.kind === 'rolling_weeks' && <NumberInput label="Weeks" error={flagged('period.weeks')} value={period.weeks ?? ''} min={1} max={104} clampBehavior="none" allowDecimal={false} w={90} onChange={(v) => setProfile({ ...profile, period: { kind: 'rolling_weeks', weeks: wholeOrEmpty(v) } })} />}
        {period.kind === 'dates' && (
          <>
            <TextInput label="From" value={period.from} w={120} onChange={(e) => setProfile({ ...profile, period: { ...period, from: e.currentTarget.value } })} />
            <TextInput label="To" value={period.to} w={120} onChange={(e) => setProfile({ ...profile, period: { ...period, to: e.currentTarget.value } })} />
          </>
        )}
        <MultiSelect
          label="Weeks that do not count"
          description="e.g. M: weeks = marked − Medical"
          data={[...palmsLetters]}
          value={profile.weeksExclude}
          onChange={(v) => setProfile({ ...profile, weeksExclude: v as PalmsLetter[] })}
          // Its list drawn when it opens, not kept hidden and placed beside the field as Settings draws (issue 16).
          comboboxProps={{ keepMounted: false }}
          w={230}
        />
        <NumberInput label="Weeks needed" description="Fewer: not scored" error={flagged('minimumWeeks')} value={profile.minimumWeeks ?? ''} min={1} max={26} clampBehavior="none" allowDecimal={false} w={130} onChange={(v) => setProfile({ ...profile, minimumWeeks: wholeOrEmpty(v) })} />
      </Group>

      <Text fw={600} size="sm">
        Bands (highest first; the lowest starts at 0)
      </Text>
      <Group mb="md" gap="xs">
        {profile.bands.map((band, i) => (
          <Group key={i} gap={4} wrap="nowrap">
            <NativeSelect aria-label={`Band ${i + 1} colour`} data={[...bandColours]} value={band.colour} w={95} size="xs" onChange={(e) => { const v = e.currentTarget.value; setProfile({ ...profile, bands: profile.bands.map((b, j) => (j === i ? { ...b, colour: v as typeof b.colour } : b)) }); }} />
            <TextInput aria-label={`Band ${i + 1} name`} value={band.label} w={80} size="xs" onChange={(e) => { const label = e.currentTarget.value; setProfile({ ...profile, bands: profile.bands.map((b, j) => (j === i ? { ...b, label } : b)) }); }} />
            <NumberInput aria-label={`Band ${i + 1} from points`} value={band.from} w={70} size="xs" hideControls min={0} allowDecimal={false} onChange={(v) => setProfile({ ...profile, bands: profile.bands.map((b, j) => (j === i ? { ...b, from: Number(v) } : b)) })} />
          </Group>
        ))}
      </Group>

      <Table aria-label="Scorecard categories" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Category and measure</Table.Th>
            <Table.Th>Thresholds: at least (or at most) → points</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profile.categories.map((c, index) => (
            <Table.Tr key={index}>
              <Table.Td w={430}>
                <Group gap={4} wrap="nowrap">
                  <TextInput aria-label={`Category ${index + 1} name`} size="xs" value={c.label} w={140} onChange={(e) => setCategory(index, { label: e.currentTarget.value })} />
                  <NativeSelect aria-label={`${c.label} measure`} size="xs" data={measureOptions} value={measureValue(c.measure)} w={210} onChange={(e) => { const v = e.currentTarget.value; setCategory(index, { measure: measureFrom(v), direction: v === 'equivalent_absences' ? 'at_most' : c.direction }); }} />
                  <NativeSelect aria-label={`${c.label} direction`} size="xs" w={90} data={directionOptions} value={c.direction} onChange={(e) => setCategory(index, { direction: e.currentTarget.value as Category['direction'] })} />
                </Group>
                {c.measure.kind === 'attendance_rate' && (
                  <Group gap={4} mt={4}>
                    <Text size="xs">Weights:</Text>
                    {palmsLetters.map((letter) => (
                      <TextInput
                        key={letter}
                        aria-label={`${c.label} weight of ${letter}`}
                        leftSection={<Text size="xs">{letter}</Text>}
                        size="xs"
                        w={70}
                        value={c.measure.kind === 'attendance_rate' ? c.measure.weights[letter] : ''}
                        onChange={(e) => c.measure.kind === 'attendance_rate' && setCategory(index, { measure: { ...c.measure, weights: { ...c.measure.weights, [letter]: e.currentTarget.value } } })}
                      />
                    ))}
                  </Group>
                )}
                {c.measure.kind === 'equivalent_absences' && (
                  <Group gap={4} mt={4}>
                    <NumberInput aria-label={`${c.label} lates per absence`} label="Lates per absence (0: never)" size="xs" w={150} min={0} value={c.measure.latesPerAbsence} onChange={(v) => c.measure.kind === 'equivalent_absences' && setCategory(index, { measure: { ...c.measure, latesPerAbsence: Number(v) } })} />
                    <NumberInput aria-label={`${c.label} substitutes allowed`} label="Substitutes allowed (empty: never count)" size="xs" w={210} min={0} value={c.measure.substitutesAllowed ?? ''} onChange={(v) => c.measure.kind === 'equivalent_absences' && setCategory(index, { measure: { ...c.measure, substitutesAllowed: v === '' ? null : Number(v) } })} />
                  </Group>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {describeMeasure(c, profile.weeksExclude)}
                </Text>
                {presetMoneyNote(profile.preset, c, currency) && (
                  <Text size="xs" c="orange.8" mt={2}>
                    {presetMoneyNote(profile.preset, c, currency)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {[...c.thresholds, ...(c.thresholds.length < 8 ? [{ at: '', points: 0 }] : [])].map((t, ti) => (
                    <Group key={ti} gap={2} wrap="nowrap">
                      <TextInput aria-label={`${c.label} threshold ${ti + 1}`} size="xs" w={70} value={t.at} error={flagged(`categories.${index}.thresholds.${ti}.at`)} placeholder={ti === c.thresholds.length ? 'add' : ''} onChange={(e) => setThreshold(index, ti, { at: e.currentTarget.value })} />
                      <Text size="xs">→</Text>
                      <NumberInput aria-label={`${c.label} threshold ${ti + 1} points`} size="xs" w={55} hideControls value={t.points} error={flagged(`categories.${index}.thresholds.${ti}.points`)} min={0} max={100} allowDecimal={false} onChange={(v) => setThreshold(index, ti, { points: Number(v) })} />
                      {ti < c.thresholds.length && (
                        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove ${c.label} threshold ${ti + 1}`} onClick={() => setCategory(index, { thresholds: c.thresholds.filter((_, k) => k !== ti) })}>
                          <IconX size={12} />
                        </ActionIcon>
                      )}
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove ${c.label}`} onClick={() => setProfile({ ...profile, categories: profile.categories.filter((_, i) => i !== index) })}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        mt="xs"
        onClick={() =>
          setProfile({
            ...profile,
            categories: [...profile.categories, { key: `category_${profile.categories.length + 1}`, label: 'New category', measure: { kind: 'count', source: 'sponsored' }, direction: 'at_least', thresholds: [], decimals: 0 }],
          })
        }
      >
        Add a category
      </Button>

      <Stack gap={4} mt="md">
        <Checkbox
          label="Seat alert: the seat opens at a number of equivalent absences or substitutes (and is about to open one short)"
          checked={profile.seatAlert !== null}
          onChange={(e) => setProfile({ ...profile, seatAlert: e.currentTarget.checked ? { absencesAt: 4, latesPerAbsence: 3, substitutesAt: 8 } : null })}
        />
        {profile.seatAlert && (
          <Group gap="xs">
            <NumberInput label="Opens at absences" size="xs" w={140} min={1} value={profile.seatAlert.absencesAt ?? ''} onChange={(v) => setProfile({ ...profile, seatAlert: { ...profile.seatAlert!, absencesAt: v === '' ? null : Number(v) } })} />
            <NumberInput label="Lates per absence" size="xs" w={140} min={0} value={profile.seatAlert.latesPerAbsence} onChange={(v) => setProfile({ ...profile, seatAlert: { ...profile.seatAlert!, latesPerAbsence: Number(v) } })} />
            <NumberInput label="Opens at substitutes" size="xs" w={140} min={1} value={profile.seatAlert.substitutesAt ?? ''} onChange={(v) => setProfile({ ...profile, seatAlert: { ...profile.seatAlert!, substitutesAt: v === '' ? null : Number(v) } })} />
          </Group>
        )}
      </Stack>

      {error && (
        <Alert color="red" mt="md" role="alert">
          {error}
        </Alert>
      )}
      {unsaved && (
        <Alert color="yellow" mt="md" title="Not saved yet">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ flex: 1 }}>
              These changes are only in this form: the Scorecard screen, statements and reports still use "{saved.data!.name}" until you press Save profile.
            </Text>
            <Button size="xs" variant="default" style={{ flexShrink: 0 }} onClick={() => { setProfile(null); setError(null); setErrorField(null); }}>
              Discard changes
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => save(null)}>
          Back to the default
        </Button>
        <Button id="save-scorecard-profile" onClick={() => save(profile)}>
          Save profile
        </Button>
      </Group>
    </Card>
  );
}
