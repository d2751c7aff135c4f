// Calendar days as YYYY-MM-DD in the computer's local time zone: a meeting is a day, not an instant.
import dayjs from 'dayjs';

export function todayIso(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD');
}

export function addDays(day: string, days: number): string {
  return dayjs(day).add(days, 'day').format('YYYY-MM-DD');
}

export function addMonths(day: string, months: number): string {
  return dayjs(day).add(months, 'month').format('YYYY-MM-DD');
}

/** The first day on or after `from` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(from: string, weekday: number): string {
  const start = dayjs(from);
  return start.add((weekday - start.day() + 7) % 7, 'day').format('YYYY-MM-DD');
}

// One formatter per locale: making an Intl.DateTimeFormat costs far more than formatting with it, and a
// report formats a day for every amendment it lists (the quarterly audit of a busy quarter: thousands).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDay(day: string | null | undefined, locale = 'en-US'): string {
  if (!day) return '';
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}
