// The periods a chapter reads its figures over. All are inclusive ranges of calendar days.
import dayjs from 'dayjs';
import { datedFieldProblem } from './fields';
import type { Period } from './tally-schemas';

export const periodPresets = [
  { id: 'this_quarter', label: 'This quarter' },
  { id: 'last_quarter', label: 'Last quarter' },
  { id: 'this_month', label: 'This month' },
  { id: 'last_month', label: 'Last month' },
  { id: 'previous_six_months', label: 'Previous 6 months' },
  { id: 'rolling_12_months', label: 'Last 12 months' },
  { id: 'custom', label: 'Dates…' },
] as const;
export type PeriodPreset = (typeof periodPresets)[number]['id'];

const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

export function quarterOf(day: string): Period {
  const d = dayjs(day);
  const start = d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  return { from: fmt(start), to: fmt(start.add(2, 'month').endOf('month')) };
}

export function quarterLabel(period: Period): string {
  const d = dayjs(period.from);
  return `Q${Math.floor(d.month() / 3) + 1} ${d.year()}`;
}

/** The six full calendar months before the current one: the scorecard's "previous completed six months". */
export function previousSixMonths(today: string): Period {
  const end = dayjs(today).startOf('month').subtract(1, 'day');
  return { from: fmt(end.subtract(5, 'month').startOf('month')), to: fmt(end) };
}

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const d = dayjs(today);
  switch (preset) {
    case 'this_month':
      return { from: fmt(d.startOf('month')), to: fmt(d.endOf('month')) };
    case 'last_month': {
      const m = d.subtract(1, 'month');
      return { from: fmt(m.startOf('month')), to: fmt(m.endOf('month')) };
    }
    case 'this_quarter':
      return quarterOf(today);
    case 'last_quarter':
      return quarterOf(fmt(dayjs(quarterOf(today).from).subtract(1, 'day')));
    case 'previous_six_months':
      return previousSixMonths(today);
    case 'rolling_12_months':
      return { from: fmt(d.subtract(12, 'month').add(1, 'day')), to: today };
  }
}

/**
 * A From/To pair as typed in the period picker. A text that is not a real day (2026-02-30, 2026-13-01,
 * 25/12/2026, half typed) is refused with a sentence naming its field — never rolled over into another
 * day; two real days the wrong way round are "backwards" (shown, never used); otherwise the period.
 */
export type TypedPeriod =
  | { kind: 'not_a_day'; from: string | null; to: string | null }
  | { kind: 'backwards'; period: Period }
  | { kind: 'period'; period: Period };
export function readTypedPeriod(typed: { from: string; to: string }): TypedPeriod {
  const problem = (label: string, text: string) =>
    text.trim() === '' ? `Type the ${label} date (YYYY-MM-DD, e.g. 2026-11-14).` : datedFieldProblem(label, text, true);
  const from = problem('From', typed.from);
  const to = problem('To', typed.to);
  if (from || to) return { kind: 'not_a_day', from, to };
  const period = { from: typed.from.trim(), to: typed.to.trim() };
  return period.from > period.to ? { kind: 'backwards', period } : { kind: 'period', period };
}
