// What the Meeting screen shows right after Enter: the slip the ledger just saved goes into the list at
// once (sheet-patch.ts), then the sheet read again replaces it, keeping the objects of every row that did
// not change (keep-unchanged.ts) so only the new or changed rows are redrawn. Both must never show the
// secretary anything the ledger does not hold: same slips, same order, every changed value seen.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { MeetingSheet, Slip } from '../../src/shared/contract';
import { keepUnchanged } from '../../src/renderer/keep-unchanged';
import { withSlipDeleted, withSlipSaved } from '../../src/renderer/sheet-patch';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let ids: { dana: string; marcus: string; lucia: string; meeting: string };

const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const sheet = (): MeetingSheet => ok(api.call('getMeetingSheet', { meetingId: ids.meeting }));

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  const add = (classificationId: string, first: string, last: string) => ok(api.call('addMember', memberInput(classificationId, first, last))).id as string;
  ids = { dana: add(seats.realEstate, 'Dana', 'Ruiz'), marcus: add(seats.mortgage, 'Marcus', 'Chen'), lucia: add(seats.florist, 'Lucía', 'Fernández'), meeting: '' };
  ids.meeting = ok(api.call('createMeeting', { meetingOn: '2026-11-18' })).id;
});

/** A night's slips of every kind, typed one after another (several within the same millisecond). */
function typeANight(): Array<() => Slip> {
  const m = ids.meeting;
  return [
    () => ok(api.call('saveReferral', { meetingId: m, giverId: ids.dana, receiverId: ids.marcus, referralKind: 'outside', temperature: 4, prospectName: 'Alvarez family' })),
    () => ok(api.call('saveTyfcb', { meetingId: m, closerId: ids.marcus, referrerId: ids.dana, amount: '1250.00' })),
    () => ok(api.call('saveOneToOne', { meetingId: m, memberAId: ids.lucia, memberBId: ids.dana })),
    () => ok(api.call('saveVisitor', { meetingId: m, name: 'Aiko Tanaka', company: 'Tanaka Tax' })),
    () => ok(api.call('saveCeu', { meetingId: m, memberId: ids.lucia, credits: 2 })),
    () => ok(api.call('saveReferral', { meetingId: m, giverId: ids.lucia, receiverId: ids.dana, referralKind: 'inside', temperature: 2, prospectName: '王小明' })),
    () => ok(api.call('saveOutsidePartySlip', { meetingId: m, slipType: 'referral', memberId: ids.dana, direction: 'received', party: { kind: 'other_chapter', name: 'Omar Haddad', chapterName: 'BNI Harbour' }, referralKind: 'outside', temperature: 3, prospectName: 'Haddad bakery' })),
  ];
}

describe('Enter: the new row shows at once, as the ledger lists it', () => {
  it('after each slip of a night, the list on screen is exactly the ledger\'s list, newest first, with its count', () => {
    let shown: MeetingSheet | null = sheet();
    for (const save of typeANight()) {
      shown = withSlipSaved(shown, save());
      const ledger = sheet();
      expect(shown!.slips).toEqual(ledger.slips);
      expect(shown!.meeting.slipCount).toBe(ledger.meeting.slipCount);
    }
    expect(shown!.slips).toHaveLength(7);
  });

  it('an edited slip takes its place in the list with its new amount, and the count stays', () => {
    const [, tyfcb] = typeANight().map((save) => save());
    let shown: MeetingSheet | null = sheet();
    const edited = ok<Slip>(api.call('saveTyfcb', { id: tyfcb!.id, meetingId: ids.meeting, closerId: ids.marcus, referrerId: ids.dana, amount: '980.00' }));
    shown = withSlipSaved(shown, edited);
    expect(shown!.slips).toEqual(sheet().slips);
    expect(shown!.slips.find((s) => s.id === tyfcb!.id)).toMatchObject({ amountMinor: 98000 });
    expect(shown!.meeting.slipCount).toBe(7);
  });

  it('a deleted slip leaves the list at once; a slip of another meeting changes nothing on screen', () => {
    const saved = typeANight().map((save) => save());
    const before = sheet();
    ok(api.call('deleteSlip', { kind: 'referral', id: saved[0]!.id, reason: '' }));
    expect(withSlipDeleted(before, saved[0]!.id)!.slips).toEqual(sheet().slips);
    expect(withSlipDeleted(before, saved[0]!.id)!.meeting.slipCount).toBe(sheet().meeting.slipCount);
    const other = ok(api.call('createMeeting', { meetingOn: '2026-11-25', confirmDate: true })).id;
    const elsewhere = ok<Slip>(api.call('saveCeu', { meetingId: other, memberId: ids.dana, credits: 1 }));
    expect(withSlipSaved(before, elsewhere)).toBe(before);
    expect(withSlipDeleted(before, elsewhere.id)).toBe(before);
  });
});

describe('the sheet read again keeps what did not change, and shows every change', () => {
  it('after a save, the rows not touched and the roster are the very same objects; the new row is new', () => {
    typeANight().map((save) => save());
    const before = sheet();
    const added = ok<Slip>(api.call('saveCeu', { meetingId: ids.meeting, memberId: ids.marcus, credits: 1 }));
    const after = keepUnchanged(before, sheet());
    expect(after.roster).toBe(before.roster);
    for (const slip of before.slips) expect(after.slips.find((s) => s.id === slip.id)).toBe(slip);
    expect(after.slips.find((s) => s.id === added.id)).toEqual(added);
    expect(after.totals).not.toBe(before.totals);
    expect(after.totals.ceus).toBe(before.totals.ceus + 1);
    expect(after).toEqual(sheet());
  });

  it('an amount edited is a new object with the new amount (its row is redrawn); the others stay', () => {
    const saved = typeANight().map((save) => save());
    const before = sheet();
    ok(api.call('saveTyfcb', { id: saved[1]!.id, meetingId: ids.meeting, closerId: ids.marcus, referrerId: ids.dana, amount: '980.00' }));
    const after = keepUnchanged(before, sheet());
    const edited = after.slips.find((s) => s.id === saved[1]!.id)!;
    expect(edited).not.toBe(before.slips.find((s) => s.id === saved[1]!.id));
    expect(edited).toMatchObject({ amountMinor: 98000 });
    expect(after.slips.filter((s) => s.id !== saved[1]!.id).every((s) => before.slips.includes(s))).toBe(true);
    expect(after).toEqual(sheet());
  });

  it('a mark set changes that member\'s row and the roster, not the other members\' rows', () => {
    const before = sheet();
    ok(api.call('setAttendance', { meetingId: ids.meeting, memberId: ids.lucia, mark: 'L' }));
    const after = keepUnchanged(before, sheet());
    expect(after.roster).not.toBe(before.roster);
    expect(after.roster.find((r) => r.memberId === ids.lucia)!.mark).toBe('L');
    for (const row of after.roster.filter((r) => r.memberId !== ids.lucia)) expect(before.roster).toContain(row);
    expect(after).toEqual(sheet());
  });

  it('nothing changed: the same sheet object, so nothing on screen is redrawn', () => {
    typeANight().map((save) => save());
    const before = sheet();
    expect(keepUnchanged(before, sheet())).toBe(before);
    expect(keepUnchanged(null, before)).toBe(before);
  });
});
