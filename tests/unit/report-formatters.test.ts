// Day and time formatters are made once per locale / zone and reused (a busy quarter's audit lists
// thousands of amendments): each chapter still gets its own locale's day and its own zone's time.
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/shared/dates';
import { localTime } from '../../src/reports/quarterly-audit';

describe('days and times on reports, formatters reused', () => {
  it('a day prints in each chapter’s own language, whichever was printed before (English, German, Chinese, Arabic)', () => {
    const fresh = (day: string, locale: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    const locales = ['en-US', 'de-DE', 'zh-CN', 'ar-EG', 'en-US', 'de-DE'];
    for (const [i, locale] of locales.entries()) {
      const day = `2026-0${(i % 9) + 1}-1${i}`;
      expect(formatDay(day, locale), `${locale} ${day}`).toBe(fresh(day, locale));
    }
    expect(formatDay('2026-11-17', 'en-US')).toBe('Nov 17, 2026');
    expect(formatDay('2026-11-17', 'de-DE')).toBe('17. Nov. 2026');
    expect(formatDay(null)).toBe('');
  });

  it('an amendment’s time prints in the chapter’s own zone, whichever zone was printed before', () => {
    const at = '2026-11-23T16:32:00.000Z';
    expect(localTime(at, 'America/Los_Angeles')).toBe('2026-11-23 08:32');
    expect(localTime(at, 'Asia/Kolkata')).toBe('2026-11-23 22:02');
    expect(localTime(at, 'Pacific/Auckland')).toBe('2026-11-24 05:32');
    expect(localTime(at, 'America/Los_Angeles')).toBe('2026-11-23 08:32');
    expect(localTime('2026-07-01T00:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-01 02:00');
  });
});
