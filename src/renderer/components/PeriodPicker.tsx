import { Group, SegmentedControl } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { Period } from '../../shared/contract';
import { periodPresets, presetPeriod, type PeriodPreset } from '../../shared/periods';

export function usePeriod(initial: Exclude<PeriodPreset, 'custom'> = 'this_quarter') {
  const [preset, setPreset] = useState<PeriodPreset>(initial);
  const [period, setPeriod] = useState<Period>(() => presetPeriod(initial, chapterToday()));
  // Dates typed the wrong way round: shown in the fields with their error, never used. A screen that
  // keeps showing the last good period may do so; one that produces something (a PDF) must refuse.
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
  return { preset, setPreset, period, setPeriod, pending, setPending };
}

/** The sentence a screen shows instead of acting while the typed dates are the wrong way round. */
export function periodProblem(state: ReturnType<typeof usePeriod>): string | null {
  return state.pending ? `From (${state.pending.from}) is after To (${state.pending.to}): fix the dates first.` : null;
}

/** `size="xs"` fits the seven choices in a drawer (the member page). */
export function PeriodPicker({ state, size = 'sm' }: { state: ReturnType<typeof usePeriod>; size?: 'xs' | 'sm' }) {
  const { preset, setPreset, period, setPeriod, pending, setPending } = state;
  const choose = (next: { from: string; to: string }) => {
    setPreset('custom');
    if (next.from > next.to) return setPending(next);
    setPending(null);
    setPeriod(next);
  };
  const shown = pending ?? period;
  return (
    <Group gap="sm" align="flex-end">
      <SegmentedControl
        aria-label="Period"
        size={size}
        value={preset}
        onChange={(value) => {
          setPreset(value as PeriodPreset);
          setPending(null);
          if (value !== 'custom') setPeriod(presetPeriod(value as Exclude<PeriodPreset, 'custom'>, chapterToday()));
        }}
        data={periodPresets.map((p) => ({ value: p.id, label: p.label }))}
      />
      <DateInput
        aria-label="From"
        size="xs"
        w={120}
        valueFormat="YYYY-MM-DD"
        value={shown.from}
        onChange={(v) => v && choose({ ...shown, from: v })}
        error={pending ? 'From is after To' : undefined}
      />
      <DateInput
        aria-label="To"
        size="xs"
        w={120}
        valueFormat="YYYY-MM-DD"
        value={shown.to}
        onChange={(v) => v && choose({ ...shown, to: v })}
        error={pending ? `Choose a day on or after ${pending.from}` : undefined}
      />
    </Group>
  );
}
