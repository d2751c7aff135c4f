// A closed quarter's audit is a document people sign: printed again weeks later it must say the same
// thing — same figures, same Flags page, same fingerprint — even after members joined or left, a
// renewal was paid, a referral was won and new meetings were held. A quarter still running is reported
// as it stands today, and its scorecard covers the same months as the Scorecard screen and the statements.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open';
import { amendmentsIn, quarterlyAuditData } from '../../src/services/reports';
import { scorecard } from '../../src/services/scorecard';
import { okValue as ok } from '../support/first-quarter';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';
import type { Registry } from '../../src/server/registry';

let api: Registry;
let db: Db;
const ids: Record<string, string> = {};
let seats: ReturnType<typeof smallChapter>;
const referralIds: string[] = [];

async function auditText(producedAt: string, from = '2026-07-01'): Promise<string> {
  const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'quarterly_audit', from, producedAt }));
  return pdfText(Buffer.from(value.pdfBase64, 'base64'));
}
/** Everything but the production time, which is meant to differ. */
// What depends on the moment of printing: the production line, and the audit log's check, which counts the log as it then stands.
// The production time, and the audit log's chain paragraph (the log grows with every later change), may differ.
const withoutProduced = (text: string) => text.replace(/^Audit log chain [\s\S]*?(?=\n\s*\n)/m, '').split('\n').filter((line) => !line.includes('Produced')).join('\n');

function meeting(on: string, present: string[], referrals: Array<[string, string]> = []) {
  const id = ok(api.call('createMeeting', { meetingOn: on })).id as string;
  for (const who of present) ok(api.call('setAttendance', { meetingId: id, memberId: ids[who], mark: 'P', substituteName: '' }));
  for (const [from, to] of referrals) referralIds.push(ok(api.call('saveReferral', { meetingId: id, giverId: ids[from], receiverId: ids[to], prospectName: `${from} for ${to}` })).id as string);
  ok(api.call('closeMeeting', { meetingId: id }));
  return id;
}

beforeAll(() => {
  const opened = openTestDb();
  db = opened.db;
  api = testRegistry(opened);
  seats = smallChapter(opened);
  const chapter = ok<Record<string, unknown>>(api.call('getChapter', {}));
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = chapter;
  ok(api.call('saveChapter', { ...rest, timeZone: 'America/Los_Angeles' }));
  const add = (first: string, classificationId: string, extra: Record<string, unknown> = {}) =>
    (ids[first] = ok(api.call('addMember', memberInput(classificationId, first, 'Okafor', { joinedOn: '2025-01-01', ...extra }))).id);
  add('Pat', seats.florist, { leadershipRole: 'president', renewalDue: '2026-10-20' });
  add('Sam', seats.realEstate, { leadershipRole: 'secretary_treasurer', renewalDue: '2026-09-15' });
  add('Kim', seats.mortgage, { renewalDue: '2027-05-01' });
  meeting('2026-07-08', ['Pat', 'Sam', 'Kim'], [['Pat', 'Sam'], ['Sam', 'Kim']]);
  meeting('2026-08-12', ['Pat', 'Sam', 'Kim'], [['Kim', 'Pat']]);
});

describe('reprinting a closed quarter’s audit', () => {
  it('gives the same pages and fingerprint after members join and leave, a renewal moves, a referral is won and a new meeting is held', async () => {
    const producedFirst = '2026-11-23T18:00:00.000Z';
    const before = quarterlyAuditData(db, '2026-07-01', new Date(producedFirst));
    const firstText = await auditText(producedFirst);
    // As the quarter ended on 30 September: Sam's renewal (15 Sep) was overdue, Pat's (20 Oct) due next quarter.
    expect(before.renewalsDue).toEqual([
      { name: 'Sam Okafor', renewalDue: '2026-09-15', when: 'overdue' },
      { name: 'Pat Okafor', renewalDue: '2026-10-20', when: 'next quarter' },
    ]);
    expect(before.signatories.map((s) => s.name)).toEqual(['Pat Okafor', null, 'Sam Okafor']);
    expect(before.openSeats).toEqual([]);
    expect(before.closingTheLoop).toMatchObject({ won: 0, lost: 0, open: 3 });

    // Weeks later: a new member takes a new seat, Sam leaves, Pat renews, a Q3 referral is won, Q4 meetings are held.
    const dentist = ok(api.call('saveClassification', { name: 'Dentist', sphereId: seats.home.id })).id as string;
    add('Ray', dentist, { joinedOn: '2026-11-02', renewalDue: '2026-12-01' });
    const sam = ok<{ member: Record<string, unknown> }>(api.call('getMember', { id: ids.Sam })).member;
    ok(api.call('updateMember', { ...memberFields(sam), status: 'former', leftOn: '2026-11-15', leadershipRole: null }));
    const pat = ok<{ member: Record<string, unknown> }>(api.call('getMember', { id: ids.Pat })).member;
    ok(api.call('updateMember', { ...memberFields(pat), renewalDue: '2027-10-20' }));
    ok(api.call('setReferralStatus', { id: referralIds[0], status: 'won', note: '' }));
    meeting('2026-11-04', ['Pat', 'Sam', 'Kim', 'Ray'], [['Ray', 'Pat']]);

    const producedLater = '2026-12-20T18:00:00.000Z';
    const after = quarterlyAuditData(db, '2026-09-30', new Date(producedLater));
    expect(after.fingerprint).toBe(before.fingerprint);
    const { auditLog: logLater, ...afterFigures } = after;
    const { auditLog: logBefore, ...beforeFigures } = before;
    expect(afterFigures).toEqual(beforeFigures);
    // The log itself has grown with the later changes, and still checks out.
    expect(logBefore?.ok).toBe(true);
    expect(logLater?.ok).toBe(true);
    const laterText = await auditText(producedLater);
    expect(withoutProduced(laterText)).toBe(withoutProduced(firstText));
    expect(laterText).toContain(`Data fingerprint ${before.fingerprint}`);
    expect(laterText).toContain('Renewals at the quarter’s end (2026-09-30): overdue, then due next quarter');
    expect(laterText).toContain('Outcomes are each referral’s follow-up status at the quarter’s end (2026-09-30).');

    // The quarter still running is reported as it stands: Ray is in, Sam is out, Pat's renewal moved on.
    const now = quarterlyAuditData(db, '2026-10-01', new Date('2026-11-23T18:00:00.000Z'));
    expect(now.renewalsDue.map((r) => r.name)).toEqual(['Ray Okafor']);
    expect(now.signatories.map((s) => s.name)).toEqual(['Pat Okafor', null, null]);
    expect(now.asOf).toEqual({ day: '2026-11-23', closed: false });
  }, 90_000);

  it('lists a seat open at the quarter’s end even though it was filled later, and not one created later', () => {
    const data = quarterlyAuditData(db, '2026-08-01', new Date('2026-12-20T18:00:00.000Z'));
    expect(data.openSeats).toEqual([]);
    // Kim moves to a new seat after the quarter: at 30 September the mortgage seat was Kim's, not open.
    const valuer = ok(api.call('saveClassification', { name: 'Valuer', sphereId: seats.home.id })).id as string;
    const kim = ok<{ member: Record<string, unknown> }>(api.call('getMember', { id: ids.Kim })).member;
    ok(api.call('updateMember', { ...memberFields(kim), classificationId: valuer }));
    expect(quarterlyAuditData(db, '2026-08-01', new Date('2026-12-20T18:00:00.000Z')).openSeats).toEqual([]);
    // Today's running quarter sees the mortgage seat open.
    const running = quarterlyAuditData(db, '2026-11-01', new Date('2026-11-23T18:00:00.000Z'));
    expect(running.openSeats.flatMap((s) => s.classifications)).toContain('Mortgage Broker');
  });
});

describe('one scorecard window for the screen, the statements and the audit', () => {
  it('scores a running quarter over the last six completed months, as the Scorecard screen does, and says so in words', () => {
    const today = '2026-11-23';
    const audit = quarterlyAuditData(db, '2026-10-01', new Date(`${today}T18:00:00.000Z`));
    const screen = scorecard(db, {}, today);
    expect(audit.scorecard!.period).toEqual({ from: '2026-05-01', to: '2026-10-31' });
    expect(audit.scorecard!.period).toEqual(screen.period);
    expect(audit.scorecard!.periodWords).toBe(screen.periodWords);
    expect(screen.periodWords).toBe('May 2026 to October 2026: the last 6 completed calendar months, ending with October 2026.');
  });

  it('scores a closed quarter over the six months ending with its last month, whenever it is printed', () => {
    const early = quarterlyAuditData(db, '2026-07-01', new Date('2026-10-02T18:00:00.000Z'));
    const late = quarterlyAuditData(db, '2026-07-01', new Date('2027-03-02T18:00:00.000Z'));
    expect(early.scorecard!.period).toEqual({ from: '2026-04-01', to: '2026-09-30' });
    expect(late.scorecard).toEqual(early.scorecard);
  });
});

describe('amendments to closed meetings', () => {
  it('lists a change to a closed meeting with the meeting it changed, and not the automatic "on leave" mark of a new draft', () => {
    const today = new Date().toISOString().slice(0, 10);
    const kim = ok<{ member: Record<string, unknown> }>(api.call('getMember', { id: ids.Kim })).member;
    ok(api.call('updateMember', { ...memberFields(kim), status: 'on_leave' }));
    const draft = ok(api.call('createMeeting', { meetingOn: '2026-12-09', confirmDate: true })).id as string;
    const sheet = ok<{ roster: Array<{ memberId: string; mark: string | null }> }>(api.call('getMeetingSheet', { meetingId: draft }));
    expect(sheet.roster.find((r) => r.memberId === ids.Kim)?.mark).toBe('M');
    const august = ok<Array<{ id: string; meetingOn: string }>>(api.call('listMeetings', {})).find((m) => m.meetingOn === '2026-08-12')!.id;
    ok(api.call('setAttendance', { meetingId: august, memberId: ids.Pat, mark: 'L', substituteName: '', reason: 'Pat came at 7:20, not on time' }));
    const amendments = amendmentsIn(db, { from: today, to: today });
    expect(amendments.map((a) => [a.meetingOn, a.entity, a.action, a.reason])).toEqual([['2026-08-12', 'attendance', 'update', 'Pat came at 7:20, not on time']]);
  });

  it('prints the meeting of each amendment in the audit’s Amendments table', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const text = await auditText(`${today}T20:00:00.000Z`, today);
    expect(text).toMatch(/Amendments to closed meetings \(1\)/);
    expect(text).toMatch(/When \(PST\)\s+Meeting\s+What\s+Change\s+Reason/);
    expect(text).toMatch(/2026-08-12\s+attendance update/);
    expect(text).not.toContain('Excused by default');
  }, 60_000);
});

function add(first: string, classificationId: string, extra: Record<string, unknown> = {}) {
  return (ids[first] = ok(api.call('addMember', memberInput(classificationId, first, 'Okafor', { joinedOn: '2025-01-01', ...extra }))).id as string);
}

function memberFields(m: Record<string, unknown>) {
  return {
    id: m.id,
    firstName: m.firstName,
    lastName: m.lastName,
    company: m.company,
    classificationId: m.classificationId,
    phone: m.phone,
    email: m.email,
    status: m.status,
    joinedOn: m.joinedOn,
    renewalDue: m.renewalDue,
    sponsorId: m.sponsorId,
    leadershipRole: m.leadershipRole,
  };
}
