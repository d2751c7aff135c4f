// The traps a new secretary fell into on meeting night, each now closed: mistyped meeting dates,
// meetings that cannot be cancelled or removed, undo that undid the wrong slip.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { addDays, nextWeekday, todayIso } from '../../src/shared/dates';
import { defaultMeeting } from '../../src/shared/default-meeting';
import { UndoHistory } from '../../src/renderer/undo-history';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let dana: string;
let marcus: string;
let rachel: string;

const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const refused = (result: ReturnType<Registry['call']>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};
const count = (sql: string, ...params: unknown[]) => opened.sqlite.prepare(sql).pluck().get(...params) as number;
const audit = (entity: string, id: string) =>
  opened.sqlite.prepare('SELECT action, reason, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY rowid').all(entity, id) as Array<{ action: string; reason: string; before: string | null; after: string | null }>;

// The test chapter meets on Wednesdays (3).
const today = todayIso();
const nextWednesday = nextWeekday(today, 3);
const wednesdayInThreeMonths = nextWeekday(addDays(today, 91), 3);

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  const add = (seat: string, first: string, last: string, extra = {}) => ok(api.call('addMember', memberInput(seat, first, last, extra))).id as string;
  dana = add(seats.realEstate, 'Dana', 'Ruiz');
  marcus = add(seats.mortgage, 'Marcus', 'Chen');
  rachel = add(seats.florist, 'Rachel', 'Adams', { status: 'on_leave' });
});

describe('a meeting date is taken exactly as typed', () => {
  it.each([
    ['2026-13-45', 'month 13 does not exist'],
    ['2026-02-31', '31 February does not exist'],
    ['31/02/2026', 'not written YYYY-MM-DD'],
    ['tomorrow', 'a word, not a date'],
    ['2026-2-4', 'month and day need two digits'],
  ])('"%s" is refused with a sentence naming the field (%s), and no meeting appears', (typed) => {
    expect(refused(api.call('createMeeting', { meetingOn: typed }))).toMatchObject({
      code: 'invalid_input',
      field: 'meetingOn',
      message: 'Meeting date must be a real date written YYYY-MM-DD.',
    });
    expect(count('SELECT count(*) FROM meetings')).toBe(0);
  });

  it('a day that is not the chapter\'s meeting day asks first, and is created once confirmed', () => {
    const sunday = nextWeekday(today, 0);
    const question = refused(api.call('createMeeting', { meetingOn: sunday }));
    expect(question).toMatchObject({ code: 'needs_confirmation', field: 'meetingOn' });
    expect(question.message).toBe(`${sunday} is a Sunday, and the chapter meets on Wednesdays. Create the meeting on that date anyway?`);
    expect(count('SELECT count(*) FROM meetings')).toBe(0);
    const meeting = ok(api.call('createMeeting', { meetingOn: sunday, confirmDate: true }));
    expect(meeting).toMatchObject({ meetingOn: sunday, status: 'draft' });
    expect(audit('meeting', meeting.id).map((a) => a.action)).toEqual(['insert']);
  });

  it('a meeting day three months ahead asks first (a typo there would open by default every week)', () => {
    const question = refused(api.call('createMeeting', { meetingOn: wednesdayInThreeMonths }));
    expect(question.code).toBe('needs_confirmation');
    expect(question.message).toMatch(new RegExp(`^${wednesdayInThreeMonths} is \\d+ days from today\\. Create the meeting on that date anyway\\?$`));
    expect(count('SELECT count(*) FROM meetings')).toBe(0);
  });

  it('the next meeting day, and last week\'s, need no question', () => {
    expect(ok(api.call('createMeeting', {})).meetingOn).toBe(nextWednesday);
    expect(ok(api.call('createMeeting', { meetingOn: addDays(nextWednesday, -7) })).status).toBe('draft');
  });
});

describe('cancelling and removing a meeting', () => {
  it('a holiday is cancelled with its reason: kept in the list, counted nowhere, audited', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    expect(refused(api.call('cancelMeeting', { meetingId: meeting.id, reason: '' })).field).toBe('reason');
    const cancelled = ok(api.call('cancelMeeting', { meetingId: meeting.id, reason: 'Public holiday' }));
    expect(cancelled.status).toBe('cancelled');
    expect(ok(api.call('listMeetings', {})).map((m: any) => m.status)).toEqual(['cancelled']);
    expect(audit('meeting', meeting.id).at(-1)).toMatchObject({ action: 'update', reason: 'Public holiday' });
    expect(refused(api.call('saveReferral', { meetingId: meeting.id, giverId: dana, receiverId: marcus, prospectName: 'Alvarez family' })).message).toMatch(/was cancelled/);
  });

  it('a mistaken draft with no slips and no marks is removed, and the audit log keeps that it existed', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: wednesdayInThreeMonths, confirmDate: true }));
    // Rachel is on leave: her automatic "medical" mark is no attendance the secretary took.
    expect(count('SELECT count(*) FROM attendance WHERE member_id = ?', rachel)).toBe(1);
    ok(api.call('deleteMeeting', { meetingId: meeting.id, reason: 'Wrong date typed' }));
    expect(count('SELECT count(*) FROM meetings')).toBe(0);
    expect(count('SELECT count(*) FROM attendance')).toBe(0);
    const trail = audit('meeting', meeting.id);
    expect(trail.map((a) => a.action)).toEqual(['insert', 'delete']);
    expect(trail[1]).toMatchObject({ reason: 'Wrong date typed' });
    expect(JSON.parse(trail[1]!.before!).meetingOn).toBe(wednesdayInThreeMonths);
  });

  it('a meeting with a slip (even one deleted since) or with marks is not removed: cancel it instead', () => {
    const withSlip = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    const slip = ok(api.call('saveReferral', { meetingId: withSlip.id, giverId: dana, receiverId: marcus, prospectName: 'Alvarez family' }));
    ok(api.call('deleteSlip', { kind: 'referral', id: slip.id }));
    expect(refused(api.call('deleteMeeting', { meetingId: withSlip.id }))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/cancel it instead/) });

    const withMarks = ok(api.call('createMeeting', { meetingOn: addDays(nextWednesday, -7) }));
    ok(api.call('setAttendance', { meetingId: withMarks.id, memberId: dana, mark: 'P' }));
    expect(refused(api.call('deleteMeeting', { meetingId: withMarks.id })).message).toMatch(/attendance marked for 1 member: cancel it instead/);
    expect(count('SELECT count(*) FROM meetings')).toBe(2);
  });
});

describe('the meeting that opens by default', () => {
  const m = (id: string, meetingOn: string, status: 'draft' | 'completed' | 'cancelled' = 'draft') => ({ id, meetingOn, status });
  it('is today\'s, else the newest draft up to today — never a mistyped one months ahead', () => {
    expect(defaultMeeting([m('typo', '2027-02-14'), m('last', '2026-11-18', 'completed'), m('tonight', '2026-11-25')], '2026-11-25')?.id).toBe('tonight');
    expect(defaultMeeting([m('typo', '2027-02-14'), m('open', '2026-11-18'), m('old', '2026-11-11', 'completed')], '2026-11-23')?.id).toBe('open');
    expect(defaultMeeting([m('typo', '2027-02-14'), m('old', '2026-11-11', 'completed')], '2026-11-23')?.id).toBe('old');
    expect(defaultMeeting([m('typo', '2027-02-14'), m('soon', '2026-11-25'), m('old', '2026-11-18', 'completed')], '2026-11-23')?.id).toBe('soon');
    expect(defaultMeeting([m('holiday', '2026-11-23', 'cancelled'), m('old', '2026-11-18', 'completed')], '2026-11-23')?.id).toBe('old');
  });
});

describe('undo is a real change, and undoes exactly what it says', () => {
  it('a deleted slip comes back (restore, audited), and deleting then undoing touches no other slip', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    const first = ok(api.call('saveReferral', { meetingId: meeting.id, giverId: dana, receiverId: marcus, prospectName: 'First prospect' }));
    const ceu = ok(api.call('saveCeu', { meetingId: meeting.id, memberId: dana, note: 'Podcast' }));
    ok(api.call('deleteSlip', { kind: 'referral', id: first.id }));
    const back = ok(api.call('restoreSlip', { kind: 'referral', id: first.id }));
    expect(back).toMatchObject({ id: first.id, prospectName: 'First prospect' });
    expect(ok(api.call('getMeetingSheet', { meetingId: meeting.id })).slips.map((s: any) => s.id).sort()).toEqual([first.id, ceu.id].sort());
    expect(audit('referral', first.id).map((a) => a.action)).toEqual(['insert', 'delete', 'restore']);
    expect(refused(api.call('restoreSlip', { kind: 'referral', id: first.id })).message).toBe('That slip is not deleted: there is nothing to bring back.');
  });

  it('in a closed meeting, bringing a slip back is an amendment: it needs a reason', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: addDays(nextWednesday, -7) }));
    const slip = ok(api.call('saveCeu', { meetingId: meeting.id, memberId: dana, note: 'Podcast' }));
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    ok(api.call('closeMeeting', { meetingId: meeting.id }));
    ok(api.call('deleteSlip', { kind: 'ceu', id: slip.id, reason: 'Entered twice' }));
    expect(refused(api.call('restoreSlip', { kind: 'ceu', id: slip.id })).field).toBe('reason');
    ok(api.call('restoreSlip', { kind: 'ceu', id: slip.id, reason: 'Undo: deleted CEU Dana Ruiz' }));
    expect(audit('ceu', slip.id).at(-1)).toMatchObject({ action: 'restore', reason: 'Undo: deleted CEU Dana Ruiz' });
  });

  it('a first attendance mark can be taken back: the member is unmarked again, and the log says so', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    ok(api.call('setAttendance', { meetingId: meeting.id, memberId: dana, mark: 'A' }));
    const row = ok(api.call('clearAttendance', { meetingId: meeting.id, memberId: dana }));
    expect(row).toMatchObject({ name: 'Dana Ruiz', mark: null });
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'attendance' AND action = 'delete'")).toBe(1);
  });

  it('the history undoes the newest step, or the one a toast names, and redo puts it back', async () => {
    const done: string[] = [];
    const history = new UndoHistory();
    const step = (name: string) => ({ label: name, undo: async () => void done.push(`undo ${name}`), redo: async () => void done.push(`redo ${name}`) });
    const save = step('saved referral A');
    const del = step('deleted CEU B');
    history.record(save);
    history.record(del);
    expect(await history.undo(() => '', save)).toMatchObject({ done: 'undone', step: save });
    expect(await history.undo(() => '')).toMatchObject({ done: 'undone', step: del });
    expect(await history.undo(() => '')).toEqual({ done: 'nothing' });
    expect(await history.redo(() => '')).toMatchObject({ done: 'redone', step: del });
    expect(done).toEqual(['undo saved referral A', 'undo deleted CEU B', 'redo deleted CEU B']);
  });

  it('a step that fails stays in the history, and the failure names it', async () => {
    const history = new UndoHistory();
    const broken = { label: 'deleted referral A', undo: async () => Promise.reject(new Error('That slip does not exist.')), redo: async () => undefined };
    history.record(broken);
    expect(await history.undo(() => '')).toMatchObject({ done: 'failed', step: broken });
    expect(history.canUndo).toBe(true);
  });
});

describe('referrals recorded at a meeting dated after today', () => {
  it('are in Open referrals (0 days open) and offered for a TYFCB, not hidden until the date comes', () => {
    const ahead = ok(api.call('createMeeting', { meetingOn: wednesdayInThreeMonths, confirmDate: true }));
    const slip = ok(api.call('saveReferral', { meetingId: ahead.id, giverId: dana, receiverId: marcus, prospectName: 'Harper wedding' }));
    const open = ok(api.call('listOpenReferrals', { memberId: marcus, status: 'open', olderThanDays: 0 }));
    expect(open.map((r: any) => [r.id, r.daysOpen])).toEqual([[slip.id, 0]]);
    // Asking for referrals open at least a week still leaves it out: it is not a week old.
    expect(ok(api.call('listOpenReferrals', { memberId: marcus, status: 'open', olderThanDays: 7 }))).toEqual([]);
    const thanks = ok(api.call('saveTyfcb', { meetingId: ahead.id, closerId: marcus, referrerId: dana, amount: '900', referralId: slip.id }));
    expect(thanks.referralId).toBe(slip.id);
  });

  it('an empty list says which filter hides the referrals, and "well done" only when none is open', async () => {
    const { emptyMessage } = await import('../../src/renderer/open-referrals-wording');
    expect(emptyMessage({ memberName: 'Dana Ruiz', status: 'open', olderThanDays: 30 })).toBe(
      'No open referral given or received by Dana Ruiz and open at least 30 days. The filters hide the others: clear the member and set "Open at least" to 0 to see them all.',
    );
    expect(emptyMessage({ memberName: null, status: 'open', olderThanDays: 0 })).toBe('No referral is open: every referral has been closed — well done.');
    expect(emptyMessage({ memberName: null, status: 'lost', olderThanDays: 0 })).toBe('No referral marked lost yet.');
    // A new chapter: nothing was ever won or lost, so there is nothing to congratulate yet.
    expect(emptyMessage({ memberName: null, status: 'open', olderThanDays: 0, anyDecided: false })).toBe('No referral yet: a referral given at a meeting is listed here until its receiver marks it won or lost.');
  });
});

describe('the chapter currency once money is recorded', () => {
  const chapterInput = (extra: Record<string, unknown>) => ({ name: 'Harbour Connectors', region: 'Harbour', meetingWeekday: 3, meetingTime: '07:00', currency: 'GBP', locale: 'en-GB', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30, ...extra });
  it('is refused with a sentence saying amounts are not converted; the number format still changes', () => {
    ok(api.call('saveChapter', chapterInput({})));
    const meeting = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    ok(api.call('saveTyfcb', { meetingId: meeting.id, closerId: marcus, referrerId: dana, amount: '4,900.50' }));
    expect(refused(api.call('saveChapter', chapterInput({ currency: 'EUR', locale: 'de-DE' })))).toEqual({
      code: 'conflict',
      field: 'currency',
      message: 'The currency cannot change from GBP to EUR: 1 TYFCB slip holds an amount in GBP, and amounts are not converted — they would all be relabelled as EUR. The number format (locale) can still change.',
    });
    expect(ok(api.call('getChapter', {})).currency).toBe('GBP');
    expect(ok(api.call('saveChapter', chapterInput({ locale: 'de-DE' }))).locale).toBe('de-DE');
  });

  it('is free while no amount exists', () => {
    expect(ok(api.call('saveChapter', chapterInput({ currency: 'INR', locale: 'hi-IN' }))).currency).toBe('INR');
  });
});

describe('one definition of members', () => {
  it('the header counts active and on-leave members, and applicants apart', async () => {
    const { memberCountLabel, rosterSummary } = await import('../../src/shared/member-count');
    ok(api.call('addMember', memberInput(ok(api.call('saveClassification', { name: 'Roofing', sphereId: null })).id, 'Liam', 'Murphy', { status: 'applicant' })));
    const status = ok(api.call('appStatus', {}));
    expect([status.memberCount, status.applicantCount]).toEqual([3, 1]);
    expect(memberCountLabel(status.memberCount, status.applicantCount)).toBe('3 members · 1 applicant');
    expect(rosterSummary({ active: 2, onLeave: 1, applicants: 1 })).toBe('3 members (2 active · 1 on leave) · 1 applicant');
    expect(memberCountLabel(1, 0)).toBe('1 member');
  });
});

describe('attendance is ordered like Members, and a name is found by typing', () => {
  it('rows go by last name; "rui" or "dana r" finds Dana Ruiz, accents optional', async () => {
    const { findRow } = await import('../../src/renderer/find-row');
    const meeting = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    const roster = ok(api.call('getMeetingSheet', { meetingId: meeting.id })).roster;
    expect(roster.map((r: any) => r.name)).toEqual(['Rachel Adams', 'Marcus Chen', 'Dana Ruiz']);
    expect(findRow(roster, 'rui')).toBe(2);
    expect(findRow(roster, 'dana r')).toBe(2);
    expect(findRow([{ name: 'José Müller-Łukasz' }], 'lukasz')).toBe(0);
    expect(findRow(roster, 'zz')).toBe(-1);
  });
});

describe('screen shortcuts by physical key', () => {
  it('macOS Option+1 (typed "¡") and Cmd+2 open screens; a plain digit or Shift+digit does not', async () => {
    const { screenForKey } = await import('../../src/shared/screens');
    const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>, typed = '') => ({ code, key: typed, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(screenForKey(key('Digit1', { altKey: true }, '¡'))).toBe('meeting');
    expect(screenForKey(key('Digit2', { metaKey: true }, '2'))).toBe('referrals');
    expect(screenForKey(key('Digit0', { ctrlKey: true }, '0'))).toBe('import');
    expect(screenForKey(key('Digit6', { altKey: true }, '§'))).toBe('members');
    expect(screenForKey(key('Digit1', {}, '1'))).toBeNull();
    expect(screenForKey(key('KeyV', { altKey: true }, '√'))).toBeNull();
  });
});

describe('the audit log in people\'s words', () => {
  it('names people instead of ids, writes money in the chapter currency and days as the chapter does', () => {
    ok(api.call('saveChapter', { name: 'Harbour Connectors', region: 'Harbour', meetingWeekday: 3, meetingTime: '07:00', currency: 'GBP', locale: 'en-GB', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 }));
    const meeting = ok(api.call('createMeeting', { meetingOn: '2026-11-18' }));
    const slip = ok(api.call('saveTyfcb', { meetingId: meeting.id, closerId: marcus, referrerId: dana, amount: '1,200.50' }));
    ok(api.call('saveTyfcb', { id: slip.id, meetingId: meeting.id, closerId: marcus, referrerId: dana, amount: '1,250.50' }));
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    const log = ok(api.call('listAuditLog', { entity: 'all', withReasonOnly: false, action: 'all', limit: 50 }));
    const said = log.map((e: any) => e.summary);
    expect(said).toContain('Changed TYFCB Marcus Chen thanks Dana Ruiz, £1,250.50: amount £1,200.50 → £1,250.50');
    expect(said).toContain('Recorded TYFCB Marcus Chen thanks Dana Ruiz, £1,200.50');
    // "Everyone present" wrote bare rows: the log still says whose mark it was, and on which day.
    expect(said).toContain('Recorded attendance of Dana Ruiz on 18 Nov 2026 (present)');
    expect(said).toContain('Recorded meeting of 18 Nov 2026');
    expect(said.join('\n')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|amountMinor|added:/);
    // The raw before/after stays for "details".
    const change = log.find((e: any) => e.summary.startsWith('Changed TYFCB'));
    expect(JSON.parse(change.before).amountMinor).toBe(120050);
    expect(change.change).toContain('amountMinor 120050 → 125050');
  });

  it('names both members when only a status changed (a TYFCB linked to the referral it came from)', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: '2026-11-18', confirmDate: true }));
    const referral = ok(api.call('saveReferral', { meetingId: meeting.id, giverId: dana, receiverId: marcus, prospectName: 'Bakery on Main' }));
    const tyfcb = ok(api.call('saveTyfcb', { meetingId: meeting.id, closerId: marcus, referrerId: dana, amount: '900' }));
    ok(api.call('linkTyfcbToReferral', { tyfcbId: tyfcb.id, referralId: referral.id }));
    const said = ok(api.call('listAuditLog', { entity: 'all', withReasonOnly: false, action: 'all', limit: 50 })).map((e: any) => e.summary).join('\n');
    expect(said).not.toContain('no longer on file');
    expect(said).toMatch(/Changed referral Dana Ruiz → Marcus Chen \(Bakery on Main\)/);
  });
});

describe('a one-to-one is listed the way it was entered', () => {
  it('"A met B" stays A → B whichever id sorts first, and is still one pair with "B met A"', () => {
    const meeting = ok(api.call('createMeeting', { meetingOn: nextWednesday }));
    const [low, high] = [dana, marcus].sort();
    const highFirst = ok(api.call('saveOneToOne', { meetingId: meeting.id, memberAId: high, memberBId: low }));
    expect([highFirst.memberAId, highFirst.memberBId]).toEqual([high, low]);
    const lowFirst = ok(api.call('saveOneToOne', { meetingId: meeting.id, memberAId: rachel, memberBId: dana }));
    expect([lowFirst.memberAId, lowFirst.memberBId]).toEqual([rachel, dana]);
    expect(ok(api.call('getMeetingSheet', { meetingId: meeting.id })).slips.find((s: any) => s.id === highFirst.id)).toMatchObject({ memberAId: high, memberBId: low });
    // The reverse is the same pair: it asks before saving it twice.
    expect(refused(api.call('saveOneToOne', { meetingId: meeting.id, memberAId: low, memberBId: high })).code).toBe('duplicate');
    // An edit that swaps them is shown swapped.
    const swapped = ok(api.call('saveOneToOne', { id: highFirst.id, meetingId: meeting.id, memberAId: low, memberBId: high }));
    expect([swapped.memberAId, swapped.memberBId]).toEqual([low, high]);
  });
});
