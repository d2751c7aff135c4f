import { Alert, Group, SegmentedControl, Text } from '@mantine/core';
import { chapterToday } from '../chapter-today';
import { useState, type ReactNode } from 'react';
import type { Period } from '../../shared/contract';
import { periodPresets, presetPeriod, readTypedPeriod, type PeriodPreset } from '../../shared/periods';
import { IsoDateField } from './IsoDateField';

/** `kept`: the choice a screen had when it was left (shown again as it was); else `initial`. */
export function usePeriod(initial: Exclude<PeriodPreset, 'custom'> = 'this_quarter', kept?: { preset: PeriodPreset; period: Period } | null) {
  const [preset, setPreset] = useState<PeriodPreset>(kept?.preset ?? initial);
  const [period, setPeriod] = useState<Period>(() => kept?.period ?? presetPeriod(initial, chapterToday()));
  // Dates typed the wrong way round: shown in the fields with their error, never used. A screen that
  // keeps showing the last good period may do so; one that produces something (a PDF) must refuse.
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
  // Dates typed that are not real days (2026-02-30, 2026-13-01, half typed): kept in the fields exactly
  // as typed with a sentence naming the field, never rolled over into another day, never used.
  const [typed, setTyped] = useState<{ from: string; to: string } | null>(null);
  return { preset, setPreset, period, setPeriod, pending, setPending, typed, setTyped };
}

/** What is wrong with the dates as typed, field by field (null when both are real days). */
function typedProblems(typed: { from: string; to: string } | null): { from: string | null; to: string | null } {
  const read = typed ? readTypedPeriod(typed) : null;
  return read?.kind === 'not_a_day' ? { from: read.from, to: read.to } : { from: null, to: null };
}

/** The sentence a screen shows instead of acting while the typed dates are the wrong way round. */
export function periodProblem(state: ReturnType<typeof usePeriod>): string | null {
  const typed = typedProblems(state.typed);
  if (typed.from || typed.to) return typed.from ?? typed.to;
  return state.pending ? `From (${state.pending.from}) is after To (${state.pending.to}): fix the dates first.` : null;
}

/** `size="xs"` fits the seven choices in a drawer (the member page). */
export function PeriodPicker({ state, size = 'sm', disabled = false }: { state: ReturnType<typeof usePeriod>; size?: 'xs' | 'sm'; disabled?: boolean }) {
  const { preset, setPreset, period, setPeriod, pending, setPending, typed, setTyped } = state;
  // A field being typed in says what is wrong only once the date is typed in full or the field is left.
  const [left, setLeft] = useState({ from: false, to: false });
  const shown = typed ?? pending ?? period;
  const type = (next: { from: string; to: string }) => {
    setPreset('custom');
    const read = readTypedPeriod(next);
    if (read.kind === 'not_a_day') return setTyped(next);
    setTyped(null);
    if (read.kind === 'backwards') return setPending(read.period);
    setPending(null);
    setPeriod(read.period);
  };
  const problems = typedProblems(typed);
  const said = (field: 'from' | 'to') => (typed && (left[field] || typed[field].trim().length >= 10) ? problems[field] : null);
  return (
    <Group gap="sm" align="flex-start">
      <SegmentedControl
        aria-label="Period"
        size={size}
        disabled={disabled}
        value={preset}
        onChange={(value) => {
          setPreset(value as PeriodPreset);
          setPending(null);
          setTyped(null);
          setLeft({ from: false, to: false });
          if (value !== 'custom') setPeriod(presetPeriod(value as Exclude<PeriodPreset, 'custom'>, chapterToday()));
        }}
        data={periodPresets.map((p) => ({ value: p.id, label: p.label }))}
      />
      {/* "From [day] to [day]": the two days read as one phrase and wrap together, never To alone on a line. */}
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" mt={6} aria-hidden>
          From
        </Text>
        <IsoDateField
          aria-label="From"
          disabled={disabled}
          size="xs"
          w={size === 'xs' ? 130 : 150}
          quiet
          value={shown.from}
          onChange={(v) => { setLeft((l) => ({ ...l, from: false })); type({ ...shown, from: v }); }}
          onBlur={() => setLeft((l) => ({ ...l, from: true }))}
          error={said('from') ?? (pending && !typed ? 'From is after To' : undefined)}
        />
        <Text size="xs" c="dimmed" mt={6} aria-hidden>
          to
        </Text>
        <IsoDateField
          aria-label="To"
          disabled={disabled}
          size="xs"
          w={size === 'xs' ? 130 : 150}
          quiet
          value={shown.to}
          onChange={(v) => { setLeft((l) => ({ ...l, to: false })); type({ ...shown, to: v }); }}
          onBlur={() => setLeft((l) => ({ ...l, to: true }))}
          error={said('to') ?? (pending && !typed ? `Choose a day on or after ${pending.from}` : undefined)}
        />
      </Group>
    </Group>
  );
}

/**
 * Dates typed wrong in the period picker: the figures are still the last right period's, and say
 * so above them, dimmed (a wrong date never leaves other figures looking like the period typed).
 */
export function LastRightPeriod({ period, children }: { period: ReturnType<typeof usePeriod>; children: ReactNode }) {
  const problem = periodProblem(period);
  return (
    <>
      {problem ? <Alert color="orange" mb="sm" aria-label="Dates not applied">{`Figures below are for ${period.period.from} to ${period.period.to}, the last dates that were right: fix the dates above to see the period you typed.`}</Alert> : null}
      {/* inert: the stale figures can be read but not acted on (no dispute raised against a period not meant). */}
      <div style={problem ? { opacity: 0.4 } : undefined} inert={problem ? true : undefined}>
        {children}
      </div>
    </>
  );
}
