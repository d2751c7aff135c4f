// A meeting created on the suggested day but held tonight, or typed with the wrong date, is moved to
// its real day instead of being stranded with its slips ("correct its date if it is wrong").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { closeWith, meeting, ok, refused } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;
let dana: string;
let marcus: string;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T12:00:00Z'));
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
  dana = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2026-01-05' }))).id;
  marcus = ok<{ id: string }>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2026-11-20' }))).id;
});
afterEach(() => vi.useRealTimers());

const auditOf = (id: string) => opened.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'update'").pluck().get(id) as number;

describe("changing a meeting's date", () => {
  it('moves a meeting held tonight from the day it was created for, with its slips, and it can then be closed', () => {
    const ahead = meeting(api, '2026-11-25');
    ok(api.call('saveReferral', { meetingId: ahead, giverId: dana, receiverId: marcus, prospectName: 'Lin family' }));
    expect(refused(api.call('closeMeeting', { meetingId: ahead }))).toMatchObject({ message: expect.stringContaining('has not been held yet') });
    const moved = ok<{ meetingOn: string }>(api.call('changeMeetingDate', { meetingId: ahead, meetingOn: '2026-11-23', confirmDate: true }));
    expect(moved.meetingOn).toBe('2026-11-23');
    expect(auditOf(ahead)).toBe(1);
    const sheet = ok<{ slips: unknown[] }>(api.call('getMeetingSheet', { meetingId: ahead }));
    expect(sheet.slips).toHaveLength(1);
    closeWith(api, ahead);
  });

  it('asks before a day that is not the meeting day, as a new meeting does', () => {
    const m = meeting(api, '2026-11-25');
    expect(refused(api.call('changeMeetingDate', { meetingId: m, meetingOn: '2026-11-23' }))).toMatchObject({ field: 'meetingOn', message: expect.stringContaining('Move the meeting to that date anyway?') });
    expect(auditOf(m)).toBe(0);
  });

  it('refuses a day already taken, a day before someone on its slips joined, and a closed meeting — changing nothing', () => {
    const first = meeting(api, '2026-11-18');
    const second = meeting(api, '2026-11-25');
    ok(api.call('saveReferral', { meetingId: second, giverId: dana, receiverId: marcus, prospectName: 'Lin family' }));
    expect(refused(api.call('changeMeetingDate', { meetingId: second, meetingOn: '2026-11-18', confirmDate: true }))).toMatchObject({ message: expect.stringContaining('There is already a meeting on 2026-11-18') });
    expect(refused(api.call('changeMeetingDate', { meetingId: second, meetingOn: '2026-11-11', confirmDate: true }))).toMatchObject({
      field: 'meetingOn',
      message: expect.stringContaining('Marcus Chen joined on 2026-11-20'),
    });
    closeWith(api, first);
    expect(refused(api.call('changeMeetingDate', { meetingId: first, meetingOn: '2026-11-04', confirmDate: true }))).toMatchObject({ message: expect.stringContaining('re-open it first') });
    expect(auditOf(first) + auditOf(second)).toBe(0);
    expect(ok<{ meetingOn: string }[]>(api.call('listMeetings', {})).map((m) => m.meetingOn).sort()).toEqual(['2026-11-18', '2026-11-25']);
  });
});
