// A first quarter of referral outcomes built by hand through the real services, every figure worked
// out below. Shared by the outcome, dispute, flag and recognition tests.
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { okValue } from './first-quarter';
import { memberInput, openTestDb, smallChapter, testRegistry } from './db';

/*
 * Members Ann (florist), Bob (dentist), Cat (realtor), Dan (mortgage), all joined 2025.
 * Meetings M1 2026-01-07, M2 01-14, M3 02-04 completed; M4 04-01 completed (next quarter, never counted).
 * Attendance  M1 Ann P, Bob P, Cat A, Dan P · M2 Ann P, Bob L, Cat P, Dan S · M3 Ann P, Bob P, Cat P, Dan M
 * 1-2-1s M1 Ann & Bob, M3 Ann & Cat · Visitor M2 Kara invited by Cat.
 *
 * Referrals and their follow-up (days counted from the meeting the referral was given at):
 *   R1 M1 Ann→Bob  contacted 01-09 (2 d), meeting set 01-12, won 01-14 by the linked TYFCB at M2 (close 7 d)
 *   R2 M1 Ann→Cat  contacted 01-11 (4 d), lost 01-20 — price
 *   R3 M1 Bob→Ann  nothing recorded: open (new)
 *   R4 M2 Ann→Bob  contacted 01-15 (1 d), won 02-04 by hand (close 21 d); two repeat TYFCBs linked later
 *   R5 M2 Cat→Dan  lost 01-28 — no answer (never contacted)
 *   R6 M3 Dan→Ann  meeting set 02-06 (first contact 2 d): open
 *   R7 M4 Bob→Cat  next quarter
 * TYFCB (referrer ← closer):
 *   T1 M2 Ann ← Bob 1,000.00 linked R1            T2 M2 Cat ← Dan 40.00, disputed by Dan, resolved REMOVED
 *   T3 M3 Ann ← Bob 500.00 linked R4 (repeat)     T4 M3 Ann ← Bob 250.00 linked R4, disputed by Bob (wrong amount), OPEN
 *   T5 M3 Ann ← Cat 300.00 unlinked               T6 M3 Dan ← Ann 99.99 unlinked, disputed by Ann, resolved CONFIRMED
 *   T7 M3 Bob ← Cat 120.00 unlinked, disputed by Cat, resolved CORRECTED to 100.00
 *   T8 M4 Bob ← Ann 500.00 next quarter
 *
 * Q1 by hand:
 *   Given 6: won R1 R4 = 2, lost R2 R5 = 2, open R3 R6 = 2 (2 + 2 + 2 = 6).
 *   Conversion won ÷ decided = 2 ÷ 4 = 0.5; won ÷ all = 2 ÷ 6.
 *   Funnel: contacted R1 R2 R4 R6 = 4 (R5 lost unanswered, R3 untouched); meeting set R1 R6 + won R4 = 3; won 2.
 *   Days to first contact 1 (R4), 2 (R1), 2 (R6), 4 (R2) → median (2 + 2) ÷ 2 = 2. Days to close 7, 21 → median 14.
 *   As receiver: Bob contact 2, 1 → 1.5, close 7, 21 → 14 · Cat contact 4, no close · Ann contact 2 (R6) · Dan none.
 *   Lost reasons: price 1, no answer 1.
 *   Revenue (minor units): linked T1 100000 + T3 50000 = 150000 (all Ann's);
 *     unlinked T5 30000 (Ann) + T6 9999 (Dan) + T7 10000 (Bob, as corrected) = 49999; disputed T4 25000 (Ann);
 *     T2 removed. Total 150000 + 49999 + 25000 = 224999 = the tallies' TYFCB for Q1.
 *   Ann: generated linked 150000, unlinked 30000, disputed 25000; gave 3 → per referral (150000 + 30000) ÷ 3 = 60000.
 *   Chapter per referral (150000 + 49999) ÷ 6 = 33333.17 → 33333.
 *   Pairs by revenue: Ann→Bob 2 referrals, 2 won, 150000 (+25000 disputed) · Ann→Cat 1, 0, 30000 · Bob→Cat 0, 0, 10000 · Dan→Ann 1, 0, 9999.
 *   Every pair (giver → receiver; TYFCB referrer → closer), revenue first, then referrals, then names:
 *     Ann→Bob won 2 of 2, conversion 1, contact 2 and 1 d → 1.5, close 7 and 21 → 14, linked 150000, disputed 25000, per referral 75000
 *     Ann→Cat lost 1, conversion 0, contact 4, no close, unlinked 30000 (T5), per referral 30000
 *     Bob→Cat no referral (conversion and per referral null), unlinked 10000 (T7 as corrected)
 *     Dan→Ann open 1, conversion null (nothing decided), of all 0, contact 2, unlinked 9999 (T6), per referral 9999
 *     Bob→Ann open 1, no contact, no money, per referral 0 · Cat→Dan lost 1, never contacted, T2 removed so no money
 *     (Bob before Cat: same revenue 0 and 1 referral each, names in order). Dan's pairs: Dan→Ann, then Cat→Dan.
 *   Months: 2026-01 given 5, won 2, linked 100000 · 2026-02 given 1, won 0, linked 50000, unlinked 49999, disputed 25000.
 *   Recognition (defaults: top 3 with ties, 3 decided for conversion, late counts as present):
 *     givers Ann 3, then Bob, Cat, Dan 1 each (tied at the cut-off); TYFCB Ann 1,800.00, Bob 100.00, Dan 99.99;
 *     perfect attendance Ann 3 of 3, Bob 3 of 3 (late counts; Cat absent, Dan medical);
 *     1-2-1s Ann 2, Bob 1, Cat 1; visitors Cat 1; conversion Ann 2 of 3 = 67% (Cat has 1 decided, too few).
 */
export function buildOutcomesQuarter(): { opened: OpenedDatabase; api: Registry; ids: Record<string, string> } {
  const ok = okValue;
  const opened = openTestDb();
  const api = testRegistry(opened);
  const ids: Record<string, string> = {};
  const seats = smallChapter(opened);
  const dentist = ok(api.call('saveClassification', { name: 'Dentist', sphereId: null })).id;
  const add = (seat: string, first: string) => (ids[first] = ok(api.call('addMember', memberInput(seat, first, 'Test', { joinedOn: '2025-01-01' }))).id);
  add(seats.florist, 'Ann');
  add(dentist, 'Bob');
  add(seats.realEstate, 'Cat');
  add(seats.mortgage, 'Dan');
  const meeting = (day: string) => (ids[day] = ok(api.call('createMeeting', { meetingOn: day })).id as string);
  const marks = (m: string, letters: string) =>
    ['Ann', 'Bob', 'Cat', 'Dan'].forEach((who, i) => ok(api.call('setAttendance', { meetingId: m, memberId: ids[who], mark: letters[i], substituteName: letters[i] === 'S' ? 'Pat' : '' })));
  const ref = (key: string, m: string, from: string, to: string) =>
    (ids[key] = ok(api.call('saveReferral', { meetingId: m, giverId: ids[from], receiverId: ids[to], prospectName: `Prospect ${key}` })).id as string);
  const move = (key: string, status: string, on: string, by: string, lostReason: string | null = null) =>
    ok(api.call('setReferralStatus', { id: ids[key], status, on, recordedById: ids[by], lostReason }));
  const thanks = (key: string, m: string, closer: string, referrer: string, amount: string, referral: string | null = null) =>
    (ids[key] = ok(api.call('saveTyfcb', { meetingId: m, closerId: ids[closer], referrerId: ids[referrer], amount, referralId: referral ? ids[referral] : null, business: referral === 'R4' ? 'repeat' : 'new', confirmDuplicate: true })).id as string);
  const close = (m: string) => ok(api.call('closeMeeting', { meetingId: m, confirmWarnings: true }));

  const m1 = meeting('2026-01-07');
  marks(m1, 'PPAP');
  ref('R1', m1, 'Ann', 'Bob');
  ref('R2', m1, 'Ann', 'Cat');
  ref('R3', m1, 'Bob', 'Ann');
  ok(api.call('saveOneToOne', { meetingId: m1, memberAId: ids.Ann, memberBId: ids.Bob }));
  close(m1);
  move('R1', 'contacted', '2026-01-09', 'Bob');
  move('R1', 'meeting_set', '2026-01-12', 'Bob');
  move('R2', 'contacted', '2026-01-11', 'Cat');

  const m2 = meeting('2026-01-14');
  marks(m2, 'PLPS');
  ref('R4', m2, 'Ann', 'Bob');
  ref('R5', m2, 'Cat', 'Dan');
  thanks('T1', m2, 'Bob', 'Ann', '1,000.00', 'R1');
  thanks('T2', m2, 'Dan', 'Cat', '40.00');
  ok(api.call('saveVisitor', { meetingId: m2, name: 'Kara', invitedById: ids.Cat }));
  close(m2);
  move('R4', 'contacted', '2026-01-15', 'Bob');
  move('R2', 'lost', '2026-01-20', 'Cat', 'price');
  move('R5', 'lost', '2026-01-28', 'Dan', 'no_answer');
  move('R4', 'won', '2026-02-04', 'Bob');

  const m3 = meeting('2026-02-04');
  marks(m3, 'PPPM');
  ref('R6', m3, 'Dan', 'Ann');
  thanks('T3', m3, 'Bob', 'Ann', '500.00', 'R4');
  thanks('T4', m3, 'Bob', 'Ann', '250.00', 'R4');
  thanks('T5', m3, 'Cat', 'Ann', '300.00');
  thanks('T6', m3, 'Ann', 'Dan', '99.99');
  thanks('T7', m3, 'Cat', 'Bob', '120.00');
  ok(api.call('saveOneToOne', { meetingId: m3, memberAId: ids.Ann, memberBId: ids.Cat }));
  close(m3);
  move('R6', 'meeting_set', '2026-02-06', 'Ann');

  const dispute = (slip: string, by: string, ground: string, why: string) =>
    ok(api.call('disputeTyfcb', { tyfcbId: ids[slip], raisedById: ids[by], raisedOn: '2026-02-10', ground, why })).id as string;
  const resolve = (id: string, resolution: string, reason: string, extra: Record<string, unknown> = {}) =>
    ok(api.call('resolveDispute', { id, resolution, reason, resolvedOn: '2026-02-18', ...extra }));
  ids.D2 = dispute('T2', 'Dan', 'not_from_referral', 'Cat never referred this client.');
  resolve(ids.D2, 'removed', 'Both agreed the slip was written by mistake.');
  ids.D4 = dispute('T4', 'Bob', 'wrong_amount', 'The second job was 150, not 250.');
  ids.D6 = dispute('T6', 'Ann', 'wrong_referrer', 'I think Bob sent this one.');
  resolve(ids.D6, 'confirmed', 'Dan made the introduction; the slip stands.');
  ids.D7 = dispute('T7', 'Cat', 'wrong_amount', 'Invoice was 100.00.');
  resolve(ids.D7, 'corrected', 'Invoice checked: 100.00.', { amount: '100.00' });

  const m4 = meeting('2026-04-01');
  marks(m4, 'PPPP');
  ref('R7', m4, 'Bob', 'Cat');
  thanks('T8', m4, 'Ann', 'Bob', '500');
  close(m4);
  return { opened, api, ids };
}

export const firstQuarter = { from: '2026-01-01', to: '2026-03-31' };
