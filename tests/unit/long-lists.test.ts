// Lists a screen shows are bounded: a page at a time, counted in one grouped read, and a page
// further on shows the next rows — none twice, none skipped, whatever ties the timestamps hold.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let dana: string;
let marcus: string;
const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2024-01-01' }))).id;
  marcus = ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', '陈', { joinedOn: '2024-01-01' }))).id;
});

const meetingOn = (week: number) => new Date(Date.UTC(2025, 0, 1 + 7 * week)).toISOString().slice(0, 10);
const referral = (meetingId: string, name: string) =>
  ok(api.call('saveReferral', { meetingId, giverId: dana, receiverId: marcus, referralKind: 'outside', temperature: 3, prospectName: name }));

describe('the list of meetings', () => {
  it('counts each meeting’s slips of every kind, leaving out deleted ones', () => {
    const first = ok(api.call('createMeeting', { meetingOn: meetingOn(0) })).id;
    const second = ok(api.call('createMeeting', { meetingOn: meetingOn(1) })).id;
    referral(first, 'Alvarez family');
    const gone = referral(first, 'Nguyen bakery');
    ok(api.call('saveOneToOne', { meetingId: first, memberAId: dana, memberBId: marcus }));
    ok(api.call('saveVisitor', { meetingId: first, name: 'Aaliyah Haddad', invitedById: dana }));
    ok(api.call('saveCeu', { meetingId: first, memberId: marcus, credits: 2 }));
    ok(api.call('saveTyfcb', { meetingId: second, closerId: marcus, referrerId: dana, amount: '1250.50' }));
    ok(api.call('deleteSlip', { kind: 'referral', id: gone.id }));
    const list = ok<any[]>(api.call('listMeetings', {}));
    expect(list.map((m) => [m.meetingOn, m.slipCount])).toEqual([
      [meetingOn(1), 1],
      [meetingOn(0), 4],
    ]);
  });

  it('comes a page at a time, newest first, and the next page starts before the last one shown', () => {
    for (let w = 0; w < 7; w++) ok(api.call('createMeeting', { meetingOn: meetingOn(w) }));
    const page1 = ok<any[]>(api.call('listMeetings', { limit: 3 }));
    const page2 = ok<any[]>(api.call('listMeetings', { limit: 3, before: page1[2].meetingOn }));
    const page3 = ok<any[]>(api.call('listMeetings', { limit: 3, before: page2[2].meetingOn }));
    expect([...page1, ...page2, ...page3].map((m) => m.meetingOn)).toEqual([6, 5, 4, 3, 2, 1, 0].map(meetingOn));
    expect(api.call('listMeetings', { limit: 0 })).toMatchObject({ ok: false, error: { field: 'limit' } });
    expect(api.call('listMeetings', { before: '2025-02-30' })).toMatchObject({ ok: false, error: { field: 'before' } });
  });

  it('an empty chapter has no meetings, and says so with an empty list', () => {
    expect(ok(api.call('listMeetings', {}))).toEqual([]);
  });
});

describe('open referrals, a page at a time', () => {
  it('pages through 120 referrals oldest first without repeating or skipping one', () => {
    const meetings = [0, 1, 2].map((w) => ok(api.call('createMeeting', { meetingOn: meetingOn(w) })).id);
    for (let i = 0; i < 120; i++) referral(meetings[i % 3]!, `Prospect ${String(i).padStart(3, '0')}`);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = ok<any[]>(api.call('listOpenReferrals', { limit: 50, offset }));
      seen.push(...page.map((r) => r.prospectName));
      if (page.length < 50) break;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen.slice(0, 40).every((name) => Number(name.slice(-3)) % 3 === 0)).toBe(true); // the oldest meeting's first
    expect(api.call('listOpenReferrals', { limit: 501 })).toMatchObject({ ok: false, error: { field: 'limit' } });
  });
});

describe('the audit log, a page at a time', () => {
  it('continues after the last entry shown, even when many entries share one timestamp', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: meetingOn(0) })).id;
    for (let i = 0; i < 15; i++) referral(meeting, `Prospect ${i}`);
    // A big import writes many entries within one millisecond: 30 entries with the very same time.
    const insert = opened.sqlite.prepare("INSERT INTO audit_log (id, at, action, entity, entity_id, after) VALUES (?, '2026-11-23T10:00:00.000Z', 'import', 'referral', ?, '{}')");
    for (let i = 0; i < 30; i++) insert.run(`same-moment-${i}`, `slip-${i}`);
    const total = opened.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const seen: string[] = [];
    let after: { at: string; seq: number } | undefined;
    for (;;) {
      const page = ok<any[]>(api.call('listAuditLog', { limit: 20, ...(after ? { after } : {}) }));
      seen.push(...page.map((e) => e.id));
      if (page.length < 20) break;
      after = { at: page[19].at, seq: page[19].seq };
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('"amendments only" shows just the changes made with a reason, newest first', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: meetingOn(0) })).id;
    for (let i = 0; i < 30; i++) referral(meeting, `Prospect ${i}`);
    ok(api.call('markAllPresent', { meetingId: meeting }));
    ok(api.call('closeMeeting', { meetingId: meeting }));
    ok(api.call('setAttendance', { meetingId: meeting, memberId: dana, mark: 'L', substituteName: '', reason: 'Arrived after the open networking' }));
    ok(api.call('setAttendance', { meetingId: meeting, memberId: marcus, mark: 'M', substituteName: '', reason: 'Doctor’s note came in' }));
    const amendments = ok<any[]>(api.call('listAuditLog', { withReasonOnly: true }));
    expect(amendments.map((e) => e.reason)).toEqual(['Doctor’s note came in', 'Arrived after the open networking']);
    expect(ok<any[]>(api.call('listAuditLog', { entity: 'referral', limit: 500 }))).toHaveLength(30);
  });
});
