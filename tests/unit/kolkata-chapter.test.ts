// A chapter in India: UTC+5:30, a half-hour offset. The Settings picker offers "Asia/Kolkata" (Intl calls
// it "Asia/Calcutta"), the chapter's day turns at 18:30 UTC, not 18:00 or 19:00, and every printed time —
// reports, the Audit log's verify sentence — is in its zone with the offset written out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { chapterToday } from '../../src/services/chapter';
import { verifyAuditLog } from '../../src/services/verify-audit-log';
import { currentZoneName, formatInstant, storedInstant, timeZoneChoices } from '../../src/shared/time-zone';
import { okValue as ok } from '../support/first-quarter';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';

describe('the Settings time-zone picker', () => {
  it('offers Asia/Kolkata, Europe/Kyiv and Asia/Ho_Chi_Minh under today’s names, each once, the computer’s own first', () => {
    const known = ['America/Los_Angeles', 'Asia/Calcutta', 'Asia/Saigon', 'Europe/Kiev', 'Asia/Kolkata', 'UTC'];
    const choices = timeZoneChoices(known);
    expect(choices).toContain('Asia/Kolkata');
    expect(choices).toContain('Europe/Kyiv');
    expect(choices).toContain('Asia/Ho_Chi_Minh');
    expect(choices).not.toContain('Asia/Calcutta');
    expect(choices.filter((z) => z === 'Asia/Kolkata')).toHaveLength(1);
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices[0]).toBe(currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone));
  });

  it('the whole list this computer knows has Kolkata and no Calcutta', () => {
    const choices = timeZoneChoices();
    expect(choices).toContain('Asia/Kolkata');
    expect(choices).not.toContain('Asia/Calcutta');
  });
});

describe('a chapter that meets in Kolkata (UTC+5:30)', () => {
  let opened: OpenedDatabase;
  let api: Registry;
  let meeting: (on: string) => string;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T06:00:00Z'));
    opened = openTestDb();
    api = testRegistry(opened);
    const seats = smallChapter(opened);
    const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = ok<Record<string, unknown>>(api.call('getChapter', {}));
    ok(api.call('saveChapter', { ...chapter, timeZone: 'Asia/Kolkata', locale: 'en-IN', currency: 'INR' }));
    const priya = ok(api.call('addMember', memberInput(seats.realEstate, 'प्रिया', 'शर्मा', { joinedOn: '2025-01-01' }))).id as string;
    const arjun = ok(api.call('addMember', memberInput(seats.mortgage, 'Arjun', 'Mehta', { joinedOn: '2025-01-01' }))).id as string;
    meeting = (on: string) => {
      const id = ok(api.call('createMeeting', { meetingOn: on, confirmDate: true })).id as string;
      ok(api.call('markAllPresent', { meetingId: id }));
      ok(api.call('saveReferral', { meetingId: id, giverId: priya, receiverId: arjun, prospectName: `Prospect of ${on}` }));
      return id;
    };
  });

  afterEach(() => vi.useRealTimers());

  it('keeps the name it was given', () => {
    expect(ok<{ timeZone: string }>(api.call('getChapter', {})).timeZone).toBe('Asia/Kolkata');
  });

  it('a locale this computer cannot write in ("xx-YY", "klingon") is refused under Locale; one typed in another case is saved as written (en-GB)', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = ok<Record<string, unknown>>(api.call('getChapter', {}));
    for (const wrong of ['xx-YY', 'klingon']) {
      const refused = api.call('saveChapter', { ...chapter, locale: wrong }) as { ok: boolean; error?: { field?: string; message: string } };
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatchObject({ field: 'locale', message: 'Locale is not recognised: use a tag such as en-US, en-GB, de-DE or hi-IN.' });
      expect(ok<{ locale: string }>(api.call('getChapter', {})).locale).toBe('en-IN');
    }
    ok(api.call('saveChapter', { ...chapter, locale: 'EN-gb' }));
    expect(ok<{ locale: string }>(api.call('getChapter', {})).locale).toBe('en-GB');
  });

  it('a zone typed in lower case or under its old name is saved as the zone is spelled today', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = ok<Record<string, unknown>>(api.call('getChapter', {}));
    for (const [typed, saved] of [['asia/kolkata', 'Asia/Kolkata'], ['EUROPE/BERLIN', 'Europe/Berlin'], ['Asia/Calcutta', 'Asia/Kolkata'], ['utc', 'UTC']]) {
      ok(api.call('saveChapter', { ...chapter, timeZone: typed }));
      expect(ok<{ timeZone: string }>(api.call('getChapter', {})).timeZone).toBe(saved);
    }
  });

  it('turns the day at 18:30 UTC: at 18:29 it is still Monday there, at 18:30 Tuesday’s meeting may be closed', () => {
    const tuesday = meeting('2026-11-24');
    vi.setSystemTime(new Date('2026-11-23T18:29:00Z')); // 23:59 on Monday in Kolkata
    expect(chapterToday(opened.db)).toBe('2026-11-23');
    expect(api.call('closeMeeting', { meetingId: tuesday })).toMatchObject({ ok: false, error: { field: 'meetingId', message: expect.stringContaining('today is 2026-11-23 where the chapter meets') } });
    vi.setSystemTime(new Date('2026-11-23T18:30:00Z')); // 00:00 on Tuesday
    expect(chapterToday(opened.db)).toBe('2026-11-24');
    expect(ok(api.call('closeMeeting', { meetingId: tuesday })).meeting.status).toBe('completed');
  });

  it('prints a report’s production time and “figures to” day in Kolkata, with the half-hour offset', async () => {
    vi.setSystemTime(new Date('2026-11-24T06:00:00Z'));
    ok(api.call('closeMeeting', { meetingId: meeting('2026-11-17') }));
    // 19:05 UTC on the 23rd is 00:35 on the 24th in Kolkata.
    const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'palms_summary', from: '2026-10-01', to: '2026-12-31', producedAt: '2026-11-23T19:05:00.000Z' }));
    const text = await pdfText(Buffer.from(value.pdfBase64, 'base64'));
    expect(text).toContain(formatInstant(new Date('2026-11-23T19:05:00Z'), 'en-IN', 'Asia/Kolkata'));
    expect(text).toMatch(/24[- ]Nov[- ]2026,? 12:35\s?am GMT\+5:30/i);
    expect(text).toMatch(/In progress: figures to 24[- ]Nov[- ]2026/);
  }, 60_000);

  it('words the Audit log’s times in Kolkata: a change stored at 19:05 UTC reads 00:35 the next day', () => {
    // The Audit log screen's time column (stored as UTC, shown in the chapter's zone).
    expect(formatInstant(storedInstant('2026-11-23 19:05:00'), 'en-IN', 'Asia/Kolkata')).toMatch(/24[- ]Nov[- ]2026,? 12:35\s?am GMT\+5:30/i);
    // "Verify audit log": the last entry's time in the chapter's zone.
    const verified = verifyAuditLog(opened.db, []);
    expect(verified.ok).toBe(true);
    const last = storedInstant(verified.lastAt!);
    const inKolkata = new Date(last.getTime() + 330 * 60_000).toISOString();
    expect(verified.sentence).toContain(`${inKolkata.slice(0, 10)} at ${inKolkata.slice(11, 16)} GMT+5:30`);
  });
});
