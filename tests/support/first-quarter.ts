// A first quarter built by hand through the real services, with every figure worked out below.
// Shared by the tallies tests and the report tests, so a report reconciles with the same numbers.
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from './db';

/*
 * A hand-built first quarter. Members: Ann (florist), Bob (dentist), Cat (realtor), Dan (mortgage,
 * leaves 2026-02-15). Meetings: M1 01-07, M2 01-14 completed; M3 01-21 cancelled; M4 01-28 left as a
 * draft (its slip must not count); M5 02-11 completed; M6 04-08 completed (next quarter).
 *
 * Attendance  M1: Ann P, Bob A, Cat L, Dan S · M2: Ann P, Bob P, Cat M, Dan P · M5: Ann A, Bob P, Cat P, Dan P
 * Referrals   M1: Ann→Bob out, Ann→Cat in, Bob→Ann out · M2: Ann→Bob out, Cat→Dan out
 *             M4 (draft): Ann→Bob out · M5: Ann→Bob in, Dan→Ann out, Cat→Ann out (deleted) · M6: Bob→Cat out
 * TYFCB       M2: Bob thanks Ann 1,250.50 · M5: Cat thanks Ann 300.00, Ann thanks Dan 99.99 · M6: Ann thanks Bob 500
 * 1-2-1s      M1: Ann & Bob · M5: Cat & Dan     Visitors M2: Kara (Cat) · M5: Ben (Cat), Noah (nobody)
 * CEUs        M1: Bob 2 · M5: Ann 1
 *
 * Q1 by hand:
 *   Ann  P2 A1       RGI 2 (Ann→Cat, Ann→Bob M5) RGO 2 (M1, M2 Ann→Bob)  RRI 0 RRO 2 (Bob, Dan)  V0 1-2-1 1
 *        TYFCB received 99.99 (her slip to Dan)  generated 1,250.50 + 300.00 = 1,550.50  CEU 1
 *   Bob  P2 A1       RGI 0 RGO 1  RRI 1 (M5 inside)  RRO 2 (M1, M2)  V0 1-2-1 1  received 1,250.50  generated 0  CEU 2
 *   Cat  P1 L1 M1    RGI 0 RGO 1 (Cat→Dan)  RRI 1 (Ann→Cat)  RRO 0  V2 1-2-1 1  received 300.00  generated 0  CEU 0
 *   Dan  P2 S1       RGI 0 RGO 1 (Dan→Ann)  RRI 0 RRO 1 (Cat→Dan)  V0 1-2-1 1  received 0  generated 99.99  left during Q1
 *   Chapter: 3 meetings, 1 cancelled; P7 A2 L1 M1 S1; 2 inside + 5 outside referrals; 3 visitors (Noah had no host);
 *            2 one-to-ones; TYFCB 1,650.49; 3 CEUs. Draft meetings shown: 2026-01-28.
 */

export const okValue = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

export function buildFirstQuarter(): { opened: OpenedDatabase; api: Registry; ids: Record<string, string> } {
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
  const meeting = (day: string) => ok(api.call('createMeeting', { meetingOn: day })).id as string;
  const mark = (m: string, who: string, letter: string) => ok(api.call('setAttendance', { meetingId: m, memberId: ids[who], mark: letter, substituteName: letter === 'S' ? 'Pat' : '' }));
  let n = 0;
  const ref = (m: string, from: string, to: string, kind: 'inside' | 'outside') =>
    ok(api.call('saveReferral', { meetingId: m, giverId: ids[from], receiverId: ids[to], referralKind: kind, prospectName: `Prospect ${++n}` })).id as string;
  const thanks = (m: string, closer: string, referrer: string, amount: string) => ok(api.call('saveTyfcb', { meetingId: m, closerId: ids[closer], referrerId: ids[referrer], amount }));
  const close = (m: string) => ok(api.call('closeMeeting', { meetingId: m }));

  const m1 = meeting('2026-01-07');
  mark(m1, 'Ann', 'P'); mark(m1, 'Bob', 'A'); mark(m1, 'Cat', 'L'); mark(m1, 'Dan', 'S');
  ref(m1, 'Ann', 'Bob', 'outside'); ref(m1, 'Ann', 'Cat', 'inside'); ref(m1, 'Bob', 'Ann', 'outside');
  ok(api.call('saveOneToOne', { meetingId: m1, memberAId: ids.Ann, memberBId: ids.Bob }));
  ok(api.call('saveCeu', { meetingId: m1, memberId: ids.Bob, credits: 2 }));
  close(m1);

  const m2 = meeting('2026-01-14');
  mark(m2, 'Ann', 'P'); mark(m2, 'Bob', 'P'); mark(m2, 'Cat', 'M'); mark(m2, 'Dan', 'P');
  ref(m2, 'Ann', 'Bob', 'outside'); ref(m2, 'Cat', 'Dan', 'outside');
  thanks(m2, 'Bob', 'Ann', '1,250.50');
  ok(api.call('saveVisitor', { meetingId: m2, name: 'Kara', invitedById: ids.Cat }));
  close(m2);

  const m3 = meeting('2026-01-21');
  ok(api.call('cancelMeeting', { meetingId: m3, reason: 'Public holiday' }));

  const m4 = meeting('2026-01-28');
  ref(m4, 'Ann', 'Bob', 'outside');

  const m5 = meeting('2026-02-11');
  mark(m5, 'Ann', 'A'); mark(m5, 'Bob', 'P'); mark(m5, 'Cat', 'P'); mark(m5, 'Dan', 'P');
  ref(m5, 'Ann', 'Bob', 'inside'); ref(m5, 'Dan', 'Ann', 'outside');
  const deleted = ref(m5, 'Cat', 'Ann', 'outside');
  ok(api.call('deleteSlip', { kind: 'referral', id: deleted }));
  thanks(m5, 'Cat', 'Ann', '300.00'); thanks(m5, 'Ann', 'Dan', '99.99');
  ok(api.call('saveOneToOne', { meetingId: m5, memberAId: ids.Cat, memberBId: ids.Dan }));
  ok(api.call('saveVisitor', { meetingId: m5, name: 'Ben', invitedById: ids.Cat }));
  ok(api.call('saveVisitor', { meetingId: m5, name: 'Noah' }));
  ok(api.call('saveCeu', { meetingId: m5, memberId: ids.Ann, credits: 1 }));
  close(m5);

  const dan = ok(api.call('getMember', { id: ids.Dan })).member;
  ok(api.call('updateMember', { ...memberInput(dan.classificationId, 'Dan', 'Test', { joinedOn: '2025-01-01' }), id: ids.Dan, status: 'former', leftOn: '2026-02-15' }));

  const m6 = meeting('2026-04-08');
  mark(m6, 'Ann', 'P'); mark(m6, 'Bob', 'P'); mark(m6, 'Cat', 'P');
  ref(m6, 'Bob', 'Cat', 'outside');
  thanks(m6, 'Ann', 'Bob', '500');
  close(m6);

  return { opened, api, ids };
}
