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
  return (
    <Group gap="sm" align="flex-end">
      <SegmentedControl
        aria-label="Period"
        value={preset}
        onChange={(value) => {
          setPreset(value as PeriodPreset);
          if (value !== 'custom') setPeriod(presetPeriod(value as Exclude<PeriodPreset, 'custom'>, todayIso()));
        }}
        data={periodPresets.map((p) => ({ value: p.id, label: p.label }))}
      />
      <DateInput
        aria-label="From"
        size="xs"
        w={120}
        valueFormat="YYYY-MM-DD"
        value={period.from}
        onChange={(v) => v && (setPreset('custom'), setPeriod({ ...period, from: v }))}
      />
      <DateInput
        aria-label="To"
        size="xs"
        w={120}
        valueFormat="YYYY-MM-DD"
        value={period.to}
        onChange={(v) => v && (setPreset('custom'), setPeriod({ ...period, to: v }))}
      />
    </Group>
  );
}
