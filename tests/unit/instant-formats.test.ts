// Times in the audit log, a slip's history, the backups list and every PDF footer are printed in the chapter's
// language and time zone. The formatters are kept between calls (built afresh, they were a third of the audit
// log's script time): switching chapter file, language or zone must still print each in its own.
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/shared/time-zone';

const at = new Date('2026-11-23T19:05:00Z');

describe('a time is printed in the chapter language and zone asked for, whatever was printed before', () => {
  it('a German chapter in Berlin, a US one in Los Angeles and an Indian one in Kolkata, asked in turn, twice', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatInstant(at, 'de-DE', 'Europe/Berlin')).toBe('23.11.2026, 20:05 GMT+1');
      expect(formatInstant(at, 'en-US', 'America/Los_Angeles')).toBe('Nov 23, 2026, 11:05 AM PST');
      expect(formatInstant(at, 'de-DE', 'America/Los_Angeles')).toBe('23.11.2026, 11:05 PST');
      expect(formatInstant(at, 'en-US', 'Europe/Berlin')).toBe('Nov 23, 2026, 8:05 PM GMT+1');
      expect(formatInstant(at, 'en-IN', 'Asia/Kolkata')).toMatch(/^24[- ]Nov[- ]2026,? 12:35\s?am GMT\+5:30$/i);
    }
  });

  it('summer time in the same zone still says so (the abbreviation is read for each time)', () => {
    expect(formatInstant(new Date('2026-07-01T19:05:00Z'), 'en-US', 'America/Los_Angeles')).toBe('Jul 1, 2026, 12:05 PM PDT');
    expect(formatInstant(at, 'en-US', 'America/Los_Angeles')).toBe('Nov 23, 2026, 11:05 AM PST');
  });

  it('a language Intl cannot read is refused each time it is asked, never kept as a formatter', () => {
    expect(() => formatInstant(at, 'not a locale!', 'Europe/Berlin')).toThrow(RangeError);
    expect(() => formatInstant(at, 'not a locale!', 'Europe/Berlin')).toThrow(RangeError);
  });
});
