import { Group, SegmentedControl } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { Period } from '../../shared/contract';
import { todayIso } from '../../shared/dates';
import { periodPresets, presetPeriod, type PeriodPreset } from '../../shared/periods';

export function usePeriod(initial: Exclude<PeriodPreset, 'custom'> = 'this_quarter') {
  const [preset, setPreset] = useState<PeriodPreset>(initial);
  const [period, setPeriod] = useState<Period>(() => presetPeriod(initial, todayIso()));
  return { preset, setPreset, period, setPeriod };
}

export function PeriodPicker({ state }: { state: ReturnType<typeof usePeriod> }) {
  const { preset, setPreset, period, setPeriod } = state;
  // A From after To is shown beside the field and never sent: the screen keeps the last good period.
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
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
        value={preset}
        onChange={(value) => {
          setPreset(value as PeriodPreset);
          setPending(null);
          if (value !== 'custom') setPeriod(presetPeriod(value as Exclude<PeriodPreset, 'custom'>, todayIso()));
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
