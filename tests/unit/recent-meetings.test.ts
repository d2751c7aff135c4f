// The Meeting and Reports screens offer the last year of meetings and every draft, with "Older meetings…"
// for the years before: what the list holds, read from a real chapter file through the registry.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { Meeting } from '../../src/shared/contract';
import { meetingsPerPage, mergeMeetingPages, oldestShown } from '../../src/renderer/meeting-pages';
import { openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const meetingOn = (week: number) => new Date(Date.UTC(2024, 0, 3 + 7 * week)).toISOString().slice(0, 10);
const weeks = 70;
const oldDraftWeek = 4;

beforeAll(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  smallChapter(opened);
  // 70 weekly meetings; all cancelled (holidays) but one draft left open from long ago and the newest.
  for (let w = 0; w < weeks; w++) {
    const id = ok(api.call('createMeeting', { meetingOn: meetingOn(w), confirmDate: true })).id;
    if (w !== oldDraftWeek && w !== weeks - 1) ok(api.call('cancelMeeting', { meetingId: id, reason: 'Holiday' }));
  }
});

/** What the screen asks for: one call, the newest page (and one more, to know of older ones) with every draft. */
const look = (shown: number) => mergeMeetingPages(ok(api.call('listMeetings', { limit: shown + 1, includeDrafts: true })), shown);

describe('the meeting choice on a chapter with years of meetings', () => {
  it('offers the last 52 meetings, newest first, plus a draft left open from long ago, then "Older meetings…"', () => {
    const { meetings, hasOlder } = look(meetingsPerPage);
    expect(meetings).toHaveLength(meetingsPerPage + 1);
    expect(meetings[0]!.meetingOn).toBe(meetingOn(weeks - 1));
    expect(meetings.map((m) => m.meetingOn)).toEqual([...meetings.map((m) => m.meetingOn)].sort().reverse());
    expect(meetings.at(-1)).toMatchObject({ meetingOn: meetingOn(oldDraftWeek), status: 'draft' });
    expect(meetings.filter((m) => m.status === 'draft')).toHaveLength(2);
    expect(hasOlder).toBe(true);
    // "Older meetings… (before …)" names the oldest closed meeting shown, not the old draft below it.
    expect(oldestShown(meetings)).toBe(meetingOn(weeks - meetingsPerPage));
  });

  it('a second page reaches the first meeting ever, and then there is nothing older to offer', () => {
    const { meetings, hasOlder } = look(2 * meetingsPerPage);
    expect(meetings).toHaveLength(weeks);
    expect(meetings.at(-1)!.meetingOn).toBe(meetingOn(0));
    expect(hasOlder).toBe(false);
  });

  it('a short page with drafts holds the newest meetings and every older draft; a page before a day holds only earlier meetings', () => {
    expect(ok<Meeting[]>(api.call('listMeetings', { limit: 3, includeDrafts: true })).map((m) => m.meetingOn)).toEqual([meetingOn(weeks - 1), meetingOn(weeks - 2), meetingOn(weeks - 3), meetingOn(oldDraftWeek)]);
    expect(ok<Meeting[]>(api.call('listMeetings', { limit: 3 })).map((m) => m.meetingOn)).toEqual([meetingOn(weeks - 1), meetingOn(weeks - 2), meetingOn(weeks - 3)]);
    const before = ok<Meeting[]>(api.call('listMeetings', { before: meetingOn(10), limit: 52 }));
    expect(before.map((m) => m.meetingOn)).toEqual(Array.from({ length: 10 }, (_, i) => meetingOn(9 - i)));
  });

  it('a chapter with fewer meetings than a page shows them all, each once, and no "Older meetings…"', () => {
    const { meetings, hasOlder } = look(weeks);
    expect(meetings).toHaveLength(weeks);
    expect(hasOlder).toBe(false);
  });

  it('refuses "include drafts" that is not yes or no, in a sentence naming the field', () => {
    const result = api.call('listMeetings', { includeDrafts: 'yes' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Include drafts must be true or false/);
  });
});
