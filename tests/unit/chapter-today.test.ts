// "Today" for the leadership lists is the day where the chapter meets, not the day on the computer's
// clock. Each case puts the laptop in another zone than the chapter, a few hours either side of
// midnight UTC, so the computer's day and the chapter's day differ.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { AbsenceLetter, Renewals, ThisWeek, VisitorsPipeline } from '../../src/shared/contract';
import { chapterToday, getChapter, saveChapter } from '../../src/services/chapter';
import { todayIso } from '../../src/shared/dates';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { closeWith, meeting, ok, refused, visit } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;
const laptopZone = process.env.TZ;

function chapterIn(timeZone: string) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = getChapter(opened.db)!;
  saveChapter(opened.db, { ...chapter, timeZone });
}

/** The laptop's zone and clock: `at` is an instant in UTC. */
function laptop(zone: string, at: string) {
  process.env.TZ = zone;
  vi.setSystemTime(new Date(at));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
});

afterEach(() => {
  vi.useRealTimers();
  if (laptopZone === undefined) delete process.env.TZ;
  else process.env.TZ = laptopZone;
});

describe('a chapter in Auckland, its secretary on a laptop set to Los Angeles', () => {
  beforeEach(() => chapterIn('Pacific/Auckland'));

  it('at 11:30 UTC it is already Tuesday in Auckland: This week and the renewals radar count from Tuesday', () => {
    laptop('America/Los_Angeles', '2026-11-23T11:30:00Z'); // Auckland Tue 24 00:30, LA Mon 23 03:30
    expect(todayIso()).toBe('2026-11-23');
    expect(chapterToday(opened.db)).toBe('2026-11-24');
    ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { renewalDue: '2026-11-23' })));
    ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: '2026-11-24' })));
    const radar = ok<Renewals>(api.call('renewalsRadar', {}));
    expect(radar.rows.map((r) => [r.name, r.bucket, r.daysUntilDue])).toEqual([
      ['Dana Ruiz', 'overdue', -1],
      ['Marcus Chen', 'due_30', 0],
    ]);
    const week = ok<ThisWeek>(api.call('thisWeek', {}));
    expect(week.today).toBe('2026-11-24');
    expect(week.summaryText).toContain('the week of Nov 24, 2026');
  });

  it("Tuesday morning's meeting counts towards a letter the moment it is closed, though the laptop is still on Monday", () => {
    // Meetings on Tuesdays at 07:00 Auckland time (18:00 UTC on Monday); the second absence is today's.
    const dana = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz'))).id;
    laptop('America/Los_Angeles', '2026-11-16T20:00:00Z');
    closeWith(api, meeting(api, '2026-11-17'), { [dana]: 'A' });
    laptop('America/Los_Angeles', '2026-11-23T20:00:00Z'); // Auckland Tue 24 09:00, LA Mon 23 12:00
    closeWith(api, meeting(api, '2026-11-24'), { [dana]: 'A' });
    ok(api.call('thisWeek', {}));
    const letters = ok<AbsenceLetter[]>(api.call('listAbsenceLetters', {}));
    expect(letters.map((l) => [l.memberName, l.level, l.absences, l.reachedOn])).toEqual([['Dana Ruiz', 'warning', 2, '2026-11-24']]);
    // Reviewed and sent on Auckland's Tuesday: not "in the future".
    ok(api.call('reviewAbsenceLetter', { id: letters[0]!.id, reviewedBy: 'Nadia Haddad', reviewedOn: '2026-11-24' }));
    const sent = ok<AbsenceLetter>(api.call('markAbsenceLetterSent', { id: letters[0]!.id, sentOn: '2026-11-24', sentHow: 'email' }));
    expect(sent.sentOn).toBe('2026-11-24');
  });
});

describe('a chapter in Los Angeles, its secretary on a laptop set to UTC', () => {
  beforeEach(() => chapterIn('America/Los_Angeles'));

  it('at 03:00 UTC it is still Monday evening in Los Angeles: a follow-up dated Tuesday is refused as future', () => {
    laptop('UTC', '2026-11-10T18:00:00Z');
    const m = meeting(api, '2026-11-16');
    laptop('UTC', '2026-11-16T18:00:00Z');
    visit(api, m, 'Amara Obi', { email: 'amara@example.com' });
    laptop('UTC', '2026-11-24T03:00:00Z'); // LA Mon 23 19:00, UTC Tue 24 03:00
    expect(todayIso()).toBe('2026-11-24');
    const pipeline = ok<VisitorsPipeline>(api.call('listVisitors', {}));
    const amara = pipeline.prospects.find((p) => p.name === 'Amara Obi')!;
    // A week since the visit in Los Angeles (8 days by the UTC calendar): not stale yet.
    expect(amara).toMatchObject({ daysSinceContact: 7, stale: false });
    expect(refused(api.call('recordFollowUp', { id: amara.id, stage: 'followed_up', contactOn: '2026-11-24', note: '' }))).toMatchObject({
      field: 'contactOn',
      message: expect.stringContaining('today is 2026-11-23'),
    });
    ok(api.call('recordFollowUp', { id: amara.id, stage: 'followed_up', contactOn: '2026-11-23', note: 'Called her back.' }));
  });

  it('renewals and decisions are dated on the Los Angeles day', () => {
    laptop('UTC', '2026-11-24T03:00:00Z');
    const marcus = ok<{ id: string }>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: '2026-11-24' }))).id;
    expect(ok<Renewals>(api.call('renewalsRadar', {})).rows.map((r) => r.daysUntilDue)).toEqual([1]);
    expect(refused(api.call('decideRenewal', { memberId: marcus, outcome: 'renewed', decidedOn: '2026-11-24', decidedBy: 'Nadia Haddad' }))).toMatchObject({ field: 'decidedOn' });
    expect(ok<ThisWeek>(api.call('thisWeek', {})).today).toBe('2026-11-23');
  });
});

describe('a chapter with no time zone set', () => {
  it("uses the computer's own day", () => {
    laptop('Pacific/Auckland', '2026-11-23T11:30:00Z');
    expect(chapterToday(opened.db)).toBe('2026-11-24');
    laptop('America/Los_Angeles', '2026-11-23T11:30:00Z');
    expect(chapterToday(opened.db)).toBe('2026-11-23');
  });
});

describe('a chapter in Taipei, its secretary on a laptop whose clock reads UTC', () => {
  beforeEach(() => chapterIn('Asia/Taipei'));

  it("at 17:50 UTC it is already Tuesday in Taipei: tonight's referrals are not 'at a meeting still ahead', and the next meeting is counted from Tuesday", () => {
    laptop('UTC', '2026-11-23T17:50:00Z'); // Taipei Tue 24 01:50, UTC Mon 23 17:50
    expect(todayIso()).toBe('2026-11-23');
    const dana = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2026-11-01' }))).id;
    const marcus = ok<{ id: string }>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2026-11-01' }))).id;
    const tonight = meeting(api, '2026-11-24');
    ok(api.call('saveReferral', { meetingId: tonight, giverId: dana, receiverId: marcus, prospectName: 'Lin family' }));
    expect(ok<{ total: number; future: number }>(api.call('countOpenReferrals', {}))).toEqual({ total: 1, future: 0 });
    const chapter = getChapter(opened.db)!;
    // With no date given, a new meeting is the chapter's next meeting day counted from Taipei's Tuesday.
    const next = ok<{ meetingOn: string }>(api.call('createMeeting', { confirmDate: true }));
    const weekday = new Date(`${next.meetingOn}T00:00:00Z`).getUTCDay();
    expect(weekday).toBe(chapter.meetingWeekday);
    expect(next.meetingOn > '2026-11-23').toBe(true);
    expect(next.meetingOn <= '2026-11-30').toBe(true);
  });

  it("a roster row with no 'Joined on' joins on Taipei's Tuesday, not the laptop's Monday", async () => {
    laptop('UTC', '2026-11-23T17:50:00Z');
    const roster = Buffer.from('First Name,Last Name,Classification,Joined On\r\nMei-Ling,Lin,Florist,\r\n');
    const file = { fileName: 'roster.csv', contentBase64: roster.toString('base64') };
    const preview = ok<{ adds: Array<{ name: string; joinedOn: string }> }>(await api.callAsync('previewRosterImport', file));
    expect(preview.adds).toEqual([expect.objectContaining({ name: 'Mei-Ling Lin', joinedOn: '2026-11-24' })]);
    ok(await api.callAsync('importRoster', file));
    expect(opened.sqlite.prepare("SELECT joined_on FROM members WHERE last_name = 'Lin'").pluck().get()).toBe('2026-11-24');
  });
});
