// The periods a chapter reads its figures over. All are inclusive ranges of calendar days.
import dayjs from 'dayjs';
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
