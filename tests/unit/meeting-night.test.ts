import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let ids: { dana: string; marcus: string; lucia: string; rachel: string; liam: string; meeting: string };

const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const scalar = (sql: string, ...params: unknown[]) => opened.sqlite.prepare(sql).pluck().get(...params);
const sheet = () => ok(api.call('getMeetingSheet', { meetingId: ids.meeting }));
const referral = (extra: Record<string, unknown> = {}) => ({
  meetingId: ids.meeting,
  giverId: ids.dana,
  receiverId: ids.marcus,
  referralKind: 'outside',
  temperature: 4,
  prospectName: 'Alvarez family',
  ...extra,
});

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  const florist = seats.florist;
  const add = (classificationId: string, first: string, last: string, extra = {}) => ok(api.call('addMember', memberInput(classificationId, first, last, extra))).id as string;
  const dentist = ok(api.call('saveClassification', { name: 'Dentist', sphereId: null })).id;
  const roofing = ok(api.call('saveClassification', { name: 'Roofing', sphereId: null })).id;
  ids = {
    dana: add(seats.realEstate, 'Dana', 'Ruiz'),
    marcus: add(seats.mortgage, 'Marcus', 'Chen'),
    lucia: add(florist, 'Lucía', 'Fernández'),
    rachel: add(dentist, 'Rachel', 'Adams', { status: 'on_leave' }),
    liam: add(roofing, 'Liam', 'Murphy', { status: 'applicant', joinedOn: '2026-11-01' }),
    meeting: '',
  };
  ids.meeting = ok(api.call('createMeeting', { meetingOn: '2026-11-18' })).id;
});

describe('the meeting', () => {
  it('defaults to the chapter\'s next meeting day, and a date holds one meeting', () => {
    const next = ok(api.call('createMeeting', {}));
    expect(new Date(`${next.meetingOn}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(api.call('createMeeting', { meetingOn: '2026-11-18' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'meetingOn', message: 'There is already a meeting on 2026-11-18: open it from the list.' },
    });
  });

  it('lists members on that date: applicants are not on the roster, members on leave are excused by default', () => {
    const roster = sheet().roster;
    // Ordered like Members: by last name.
    expect(roster.map((r: any) => r.name)).toEqual(['Rachel Adams', 'Marcus Chen', 'Lucía Fernández', 'Dana Ruiz']);
    expect(roster.find((r: any) => r.name === 'Rachel Adams').mark).toBe('M');
  });

  it('cannot close while a member has no mark; "everyone present" fills only the gaps', () => {
    ok(api.call('setAttendance', { meetingId: ids.meeting, memberId: ids.dana, mark: 'L' }));
    const refused = api.call('closeMeeting', { meetingId: ids.meeting });
    expect(refused).toMatchObject({ ok: false, error: { code: 'incomplete', message: '2 members have no attendance mark yet: Marcus Chen, Lucía Fernández. Mark them, then close.' } });
    expect(ok(api.call('markAllPresent', { meetingId: ids.meeting }))).toMatchObject({ marked: 2 });
    expect(sheet().totals).toMatchObject({ present: 2, late: 1, medical: 1, unmarked: 0 });
    expect(ok(api.call('closeMeeting', { meetingId: ids.meeting })).meeting.status).toBe('completed');
  });

  it('a substitute needs a name', () => {
    expect(api.call('setAttendance', { meetingId: ids.meeting, memberId: ids.dana, mark: 'S' })).toMatchObject({
      ok: false,
      error: { field: 'substituteName', message: 'Enter the name of the substitute who came instead.' },
    });
    const row = ok(api.call('setAttendance', { meetingId: ids.meeting, memberId: ids.dana, mark: 'S', substituteName: 'Pat Rivera' }));
    expect(row).toMatchObject({ mark: 'S', substituteName: 'Pat Rivera', absencesInWindow: 0 });
  });

  it('counts absences in the rolling window as they are marked, and a substitute is not an absence', () => {
    const dates = ['2026-06-10', '2026-08-05', '2026-09-16', '2026-10-21'];
    for (const [i, day] of dates.entries()) {
      const m = ok(api.call('createMeeting', { meetingOn: day })).id;
      ok(api.call('setAttendance', { meetingId: m, memberId: ids.marcus, mark: i === 3 ? 'S' : 'A', substituteName: 'Chris Lee' }));
      ok(api.call('markAllPresent', { meetingId: m }));
      ok(api.call('closeMeeting', { meetingId: m }));
    }
    // 2026-06-10 is more than 6 months before 2026-12-23 but inside for 2026-11-18.
    const row = ok(api.call('setAttendance', { meetingId: ids.meeting, memberId: ids.marcus, mark: 'A' }));
    expect(row).toMatchObject({ absencesInWindow: 4, overAbsenceLimit: true });
  });
});

describe('referral slips', () => {
  it('are saved and totalled inside and outside', () => {
    ok(api.call('saveReferral', referral()));
    ok(api.call('saveReferral', referral({ giverId: ids.marcus, receiverId: ids.dana, referralKind: 'inside', prospectName: 'Marcus himself' })));
    expect(sheet().totals).toMatchObject({ referrals: 2, referralsInside: 1, referralsOutside: 1 });
    expect(sheet().slips[0]).toMatchObject({ kind: 'referral', giverName: 'Marcus Chen', receiverName: 'Dana Ruiz' });
  });

  it.each([
    [{ receiverId: 'DANA' }, 'receiverId', /does not exist/],
    [{ giverId: 'same', receiverId: 'same' }, 'receiverId', /two different members/],
    [{ temperature: 6 }, 'temperature', /Temperature must be at most 5/],
    [{ temperature: 0 }, 'temperature', /Temperature must be at least 1/],
    [{ prospectName: ' ' }, 'prospectName', /Enter prospect name/],
    [{ prospectEmail: 'alvarez@' }, 'prospectEmail', /does not look like an email/],
  ])('%o is refused next to %s', (change, field, message) => {
    const input = referral(change);
    if ((change as any).giverId === 'same') Object.assign(input, { giverId: ids.dana, receiverId: ids.dana });
    if ((change as any).receiverId === 'DANA') input.receiverId = 'no-such-member';
    const result = api.call('saveReferral', input);
    expect(result).toMatchObject({ ok: false, error: { field } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(scalar('SELECT count(*) FROM referrals')).toBe(0);
  });

  it('an applicant or a member who left before the meeting cannot be on a slip; history stays', () => {
    expect(api.call('saveReferral', referral({ receiverId: ids.liam }))).toMatchObject({ ok: false, error: { field: 'receiverId', message: 'Liam Murphy is still an applicant: slips start once they join.' } });
    ok(api.call('saveReferral', referral()));
    ok(api.call('updateMember', { ...memberInput(opened.sqlite.prepare('SELECT classification_id FROM members WHERE id = ?').pluck().get(ids.marcus) as string, 'Marcus', 'Chen'), id: ids.marcus, status: 'former', leftOn: '2026-11-10' }));
    const late = api.call('saveReferral', referral({ prospectName: 'Someone new' }));
    expect(late).toMatchObject({ ok: false, error: { field: 'receiverId', message: 'Marcus Chen left the chapter on 2026-11-10: former members keep their history but take no new slips.' } });
    expect(scalar('SELECT count(*) FROM referrals WHERE deleted_at IS NULL')).toBe(1);
  });

  it('a repeat of a slip already entered asks first, and saves when confirmed', () => {
    ok(api.call('saveReferral', referral()));
    const again = api.call('saveReferral', referral({ prospectName: 'alvarez FAMILY' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(!again.ok && again.error.message).toContain('Dana Ruiz → Marcus Chen, alvarez FAMILY');
    ok(api.call('saveReferral', referral({ confirmDuplicate: true })));
    expect(sheet().totals.referrals).toBe(2);
    // ...and closing warns about it.
    ok(api.call('markAllPresent', { meetingId: ids.meeting }));
    expect(api.call('closeMeeting', { meetingId: ids.meeting })).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    expect(ok(api.call('closeMeeting', { meetingId: ids.meeting, confirmWarnings: true })).warnings).toEqual(['Dana Ruiz → Marcus Chen (Alvarez family) ×2']);
  });
});

describe('TYFCB slips', () => {
  it('store the typed amount in minor units and total it', () => {
    ok(api.call('saveTyfcb', { meetingId: ids.meeting, closerId: ids.marcus, referrerId: ids.dana, amount: '1,250.50' }));
    ok(api.call('saveTyfcb', { meetingId: ids.meeting, closerId: ids.dana, referrerId: ids.lucia, amount: '$99.99', business: 'repeat', tyfcbKind: 'tier3' }));
    expect(sheet().totals).toMatchObject({ tyfcb: 2, tyfcbAmountMinor: 135049 });
    expect(scalar('SELECT amount_minor FROM tyfcb_slips WHERE closer_id = ?', ids.marcus)).toBe(125050);
  });

  it.each([
    ['12.345', 'Amount can have at most 2 decimals in USD.'],
    ['-5', 'Amount cannot be negative.'],
    ['0', 'Amount must be more than zero.'],
    ['lots', 'Amount must be a number, e.g. 1250.50.'],
  ])('an amount of %s is refused: %s', (amount, message) => {
    expect(api.call('saveTyfcb', { meetingId: ids.meeting, closerId: ids.marcus, referrerId: ids.dana, amount })).toEqual({ ok: false, error: { code: 'invalid_input', field: 'amount', message } });
    expect(scalar('SELECT count(*) FROM tyfcb_slips')).toBe(0);
  });

  it('linked to its referral, marks the referral won', () => {
    const ref = ok(api.call('saveReferral', referral()));
    ok(api.call('saveTyfcb', { meetingId: ids.meeting, closerId: ids.marcus, referrerId: ids.dana, amount: '800', referralId: ref.id }));
    expect(scalar('SELECT status FROM referrals WHERE id = ?', ref.id)).toBe('won');
  });

  it('cannot link a referral between other members', () => {
    const ref = ok(api.call('saveReferral', referral({ receiverId: ids.lucia })));
    expect(api.call('saveTyfcb', { meetingId: ids.meeting, closerId: ids.marcus, referrerId: ids.dana, amount: '800', referralId: ref.id })).toMatchObject({
      ok: false,
      error: { field: 'referralId', message: 'That referral was not from Dana Ruiz to Marcus Chen.' },
    });
  });
});

describe('one-to-ones, visitors and CEUs', () => {
  it('a one-to-one is one unordered pair, dated at the meeting by default', () => {
    const slip = ok(api.call('saveOneToOne', { meetingId: ids.meeting, memberAId: ids.marcus, memberBId: ids.dana }));
    expect(slip.metOn).toBe('2026-11-18');
    expect(api.call('saveOneToOne', { meetingId: ids.meeting, memberAId: ids.dana, memberBId: ids.marcus })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(api.call('saveOneToOne', { meetingId: ids.meeting, memberAId: ids.dana, memberBId: ids.dana })).toMatchObject({ ok: false, error: { field: 'memberBId' } });
  });

  it('a visitor asking for a taken seat is flagged with its holder', () => {
    const slip = ok(api.call('saveVisitor', { meetingId: ids.meeting, name: 'Sara Lopez', company: 'Lopez Realty', classificationSought: 'real estate — residential', invitedById: ids.lucia }));
    expect(slip).toMatchObject({ seatHeldBy: 'Dana Ruiz', invitedByName: 'Lucía Fernández' });
    const open = ok(api.call('saveVisitor', { meetingId: ids.meeting, name: 'Kara Lind', classificationSought: 'Travel Agency' }));
    expect(open.seatHeldBy).toBeNull();
  });

  it('CEU credits are counted', () => {
    ok(api.call('saveCeu', { meetingId: ids.meeting, memberId: ids.dana, credits: 2, note: 'Podcast' }));
    expect(sheet().totals.ceus).toBe(2);
    expect(api.call('saveCeu', { meetingId: ids.meeting, memberId: ids.dana, credits: 0 })).toMatchObject({ ok: false, error: { field: 'credits' } });
  });
});

describe('after the meeting is closed', () => {
  let slipId: string;
  beforeEach(() => {
    slipId = ok(api.call('saveReferral', referral())).id;
    ok(api.call('markAllPresent', { meetingId: ids.meeting }));
    ok(api.call('closeMeeting', { meetingId: ids.meeting }));
  });

  it('an edit without a reason is refused and changes nothing', () => {
    const result = api.call('saveReferral', referral({ id: slipId, temperature: 1 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'reason_required', field: 'reason' } });
    expect(scalar('SELECT temperature FROM referrals WHERE id = ?', slipId)).toBe(4);
  });

  it('an amendment with a reason is saved and logged with before, after and reason', () => {
    ok(api.call('saveReferral', referral({ id: slipId, temperature: 1, reason: 'Slip misread: cold lead' })));
    const entry = opened.sqlite.prepare("SELECT before, after, reason FROM audit_log WHERE entity = 'referral' AND entity_id = ? AND action = 'update'").get(slipId) as any;
    expect(entry.reason).toBe('Slip misread: cold lead');
    expect(JSON.parse(entry.before).temperature).toBe(4);
    expect(JSON.parse(entry.after).temperature).toBe(1);
  });

  it('deleting needs a reason too, and leaves a tombstone', () => {
    expect(api.call('deleteSlip', { kind: 'referral', id: slipId })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    ok(api.call('deleteSlip', { kind: 'referral', id: slipId, reason: 'Entered at the wrong chapter' }));
    expect(scalar('SELECT deleted_at IS NOT NULL FROM referrals WHERE id = ?', slipId)).toBe(1);
    expect(sheet().totals.referrals).toBe(0);
  });

  it('attendance changes need a reason', () => {
    expect(api.call('setAttendance', { meetingId: ids.meeting, memberId: ids.dana, mark: 'A' })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
  });

  it('re-opening is explicit and logged', () => {
    expect(api.call('reopenMeeting', { meetingId: ids.meeting, reason: '' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(ok(api.call('reopenMeeting', { meetingId: ids.meeting, reason: 'Late slips from Dana' })).status).toBe('draft');
    expect(scalar("SELECT reason FROM audit_log WHERE action = 'reopen'")).toBe('Late slips from Dana');
  });
});

describe('open referrals', () => {
  it('lists what is open with its age, and either member moves it along', () => {
    const ref = ok(api.call('saveReferral', referral()));
    const list = ok(api.call('listOpenReferrals', { memberId: ids.marcus }));
    expect(list).toHaveLength(1);
    expect(list[0].daysOpen).toBeGreaterThanOrEqual(0);
    ok(api.call('setReferralStatus', { id: ref.id, status: 'meeting_set' }));
    expect(ok(api.call('listOpenReferrals', {}))[0].status).toBe('meeting_set');
    ok(api.call('setReferralStatus', { id: ref.id, status: 'lost', lostReason: 'timing' }));
    expect(ok(api.call('listOpenReferrals', {}))).toHaveLength(0);
    expect(ok(api.call('listOpenReferrals', { status: 'lost' }))).toHaveLength(1);
  });
});
