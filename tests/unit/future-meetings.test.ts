// A meeting is closed on or after its day, the chapter's day: a meeting dated tomorrow (a typo, or next
// week's typed ahead) cannot be closed, and a later-dated meeting never counts in "figures to today".
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import { dayIn } from '../../src/shared/time-zone';
import { quarterlyAuditData } from '../../src/services/reports';
import { okValue as ok } from '../support/first-quarter';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

function chapterIn(timeZone: string) {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  const chapter = ok<Record<string, unknown>>(api.call('getChapter', {}));
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = chapter;
  ok(api.call('saveChapter', { ...rest, timeZone }));
  const dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2025-01-01' }))).id as string;
  const marcus = ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2025-01-01' }))).id as string;
  const meeting = (on: string) => {
    const id = ok(api.call('createMeeting', { meetingOn: on, confirmDate: true })).id as string;
    ok(api.call('markAllPresent', { meetingId: id }));
    ok(api.call('saveReferral', { meetingId: id, giverId: dana, receiverId: marcus, prospectName: `Prospect of ${on}` }));
    return id;
  };
  const auditEntries = () => opened.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return { opened, api, meeting, auditEntries };
}

describe('closing a meeting dated after today', () => {
  it('is refused with a sentence naming the day, and nothing changes', () => {
    const { api, meeting, auditEntries } = chapterIn('America/Los_Angeles');
    const today = dayIn(new Date(), 'America/Los_Angeles');
    const tomorrow = meeting(addDays(today, 1));
    const before = auditEntries();
    const refused = api.call('closeMeeting', { meetingId: tomorrow });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        field: 'meetingId',
        message: `The meeting of ${addDays(today, 1)} has not been held yet (today is ${today} where the chapter meets): close it on or after its day, or correct its date if it is wrong. Nothing was closed.`,
      },
    });
    expect(auditEntries()).toBe(before);
    expect(ok(api.call('getMeetingSheet', { meetingId: tomorrow })).meeting.status).toBe('draft');
    // Today's meeting closes.
    expect(ok(api.call('closeMeeting', { meetingId: meeting(today) })).meeting.status).toBe('completed');
  });

  it('goes by the chapter’s day, not the computer’s: in Kiritimati (UTC+14) today there may be tomorrow here', () => {
    const { api, meeting } = chapterIn('Pacific/Kiritimati');
    const theirToday = dayIn(new Date(), 'Pacific/Kiritimati');
    expect(ok(api.call('closeMeeting', { meetingId: meeting(theirToday) })).meeting.status).toBe('completed');
    expect(api.call('closeMeeting', { meetingId: meeting(addDays(theirToday, 1)) })).toMatchObject({ ok: false, error: { field: 'meetingId' } });
  });
});

describe('figures to today', () => {
  it('leave out a meeting dated after today that was closed anyway (before this rule, or by an old file)', () => {
    const { opened, api, meeting } = chapterIn('UTC');
    const today = dayIn(new Date(), 'UTC');
    ok(api.call('closeMeeting', { meetingId: meeting(today) }));
    const later = meeting(addDays(today, 1));
    opened.sqlite.prepare("UPDATE meetings SET status = 'completed', closed_at = ? WHERE id = ?").run(new Date().toISOString(), later);
    const data = quarterlyAuditData(opened.db, today, new Date());
    expect(data.totals.meetings).toBe(1);
    expect(data.totals.referralsInside + data.totals.referralsOutside).toBe(1);
    const dana = data.members.find((m) => m.name === 'Dana Ruiz')!;
    expect(dana.rgi + dana.rgo).toBe(1);
  });
});
