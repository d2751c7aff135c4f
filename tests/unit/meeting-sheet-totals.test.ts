// The totals under the Meeting sheet are counted from the slips and marks the sheet shows (not read
// a second time): every kind of slip counts once in its own figure, a deleted slip not at all (and
// again once it is brought back), money under an open dispute apart, people outside the chapter
// apart from the members' figures, and every attendance mark in its own column.
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

function busyNight() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'EUR', locale: 'de-DE', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  const people = [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Müller', 'Mortgage'], ['Priya', 'Raman', 'Accountant'], ['李', '家装修', 'Builder'], ['Omar', 'Haddad', 'Printer'], ['Sam', 'Okafor', 'Plumber']] as const;
  for (const [first, last, seat] of people) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const meetingId = ok<{ id: string }>(api.call('createMeeting', { meetingOn: '2026-11-17' })).id;
  const m = { meetingId, confirmDuplicate: true };
  // Referrals: two inside, one outside, and one typed twice then deleted.
  ok(api.call('saveReferral', { ...m, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'inside', prospectName: 'Alvarez family' }));
  ok(api.call('saveReferral', { ...m, giverId: ids.Marcus, receiverId: ids.Dana, referralKind: 'inside', prospectName: 'Chen & Co' }));
  ok(api.call('saveReferral', { ...m, giverId: ids.Priya, receiverId: ids['李']!, referralKind: 'outside', prospectName: '王先生' }));
  const twice = ok<{ id: string }>(api.call('saveReferral', { ...m, giverId: ids.Priya, receiverId: ids['李']!, referralKind: 'outside', prospectName: '王先生' }));
  ok(api.call('deleteSlip', { kind: 'referral', id: twice.id }));
  // TYFCB in German number format: 1.000,50 + 250,00 counted; 99,99 under dispute; 40,00 deleted.
  ok(api.call('saveTyfcb', { ...m, closerId: ids.Dana, referrerId: ids.Marcus, amount: '1.000,50', business: 'new', tyfcbKind: 'inside' }));
  ok(api.call('saveTyfcb', { ...m, closerId: ids.Omar, referrerId: ids.Sam, amount: '250,00', business: 'repeat', tyfcbKind: 'outside' }));
  const questioned = ok<{ id: string }>(api.call('saveTyfcb', { ...m, closerId: ids.Sam, referrerId: ids.Omar, amount: '99,99', business: 'new', tyfcbKind: 'outside' }));
  const deleted = ok<{ id: string }>(api.call('saveTyfcb', { ...m, closerId: ids.Priya, referrerId: ids.Dana, amount: '40,00', business: 'new', tyfcbKind: 'outside' }));
  ok(api.call('deleteSlip', { kind: 'tyfcb', id: deleted.id }));
  ok(api.call('disputeTyfcb', { tyfcbId: questioned.id, raisedById: ids.Omar, raisedOn: '2026-11-18', ground: 'wrong_amount', why: 'The invoice was 9,99.' }));
  // Two one-to-ones, two visitors, CEUs of 2 and 3 credits.
  ok(api.call('saveOneToOne', { ...m, memberAId: ids.Dana, memberBId: ids.Priya, note: '' }));
  ok(api.call('saveOneToOne', { ...m, memberAId: ids.Omar, memberBId: ids.Sam, note: '' }));
  ok(api.call('saveVisitor', { ...m, name: 'Sara Lopez', company: 'Lopez Realty', classificationSought: 'Travel', invitedById: ids.Dana }));
  ok(api.call('saveVisitor', { ...m, name: 'أحمد خان', classificationSought: 'Florist' }));
  ok(api.call('saveCeu', { ...m, memberId: ids.Dana, credits: 2, note: 'Podcast' }));
  ok(api.call('saveCeu', { ...m, memberId: ids.Sam, credits: 3, note: 'Workshop' }));
  // With people outside the chapter: two referrals given, one received, 800,00 of thanks, one one-to-one.
  const liWei = { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' } as const;
  ok(api.call('saveOutsidePartySlip', { ...m, slipType: 'referral', memberId: ids.Dana, direction: 'given', party: liWei, referralKind: 'outside', prospectName: 'Harbour café' }));
  ok(api.call('saveOutsidePartySlip', { ...m, slipType: 'referral', memberId: ids.Omar, direction: 'given', party: liWei, referralKind: 'inside', prospectName: 'Print shop' }));
  ok(api.call('saveOutsidePartySlip', { ...m, slipType: 'referral', memberId: ids.Marcus, direction: 'received', party: { kind: 'visitor', name: 'Sam Doe', chapterName: '' }, referralKind: 'inside', prospectName: 'Doe & Sons' }));
  ok(api.call('saveOutsidePartySlip', { ...m, slipType: 'tyfcb', memberId: ids.Priya, direction: 'received', party: { kind: 'bni', name: '', chapterName: '' }, amount: '800,00', tyfcbKind: 'outside' }));
  ok(api.call('saveOutsidePartySlip', { ...m, slipType: 'one_to_one', memberId: ids.Priya, direction: 'with', party: liWei }));
  // Marks: present, absent, late, excused (medical), a substitute, and one member not marked yet.
  ok(api.call('setAttendance', { meetingId, memberId: ids.Dana, mark: 'P' }));
  ok(api.call('setAttendance', { meetingId, memberId: ids.Marcus, mark: 'A' }));
  ok(api.call('setAttendance', { meetingId, memberId: ids.Priya, mark: 'L' }));
  ok(api.call('setAttendance', { meetingId, memberId: ids['李']!, mark: 'M' }));
  ok(api.call('setAttendance', { meetingId, memberId: ids.Omar, mark: 'S', substituteName: 'Chris Lee' }));
  return { api, meetingId, deleted };
}

const expected = {
  present: 1, absent: 1, late: 1, medical: 1, substitute: 1, unmarked: 1,
  referrals: 3, referralsInside: 2, referralsOutside: 1,
  tyfcb: 3, tyfcbAmountMinor: 125050, tyfcbDisputedAmountMinor: 9999, tyfcbDisputedSlips: 1,
  oneToOnes: 2, visitors: 2, ceus: 5,
  outsideReferralsGiven: 2, outsideReferralsReceived: 1, outsideTyfcbAmountMinor: 80000, outsideOneToOnes: 1,
};

describe('the totals under the Meeting sheet', () => {
  it('count every kind of slip once, leave deleted slips out, keep disputed money and people outside the chapter apart, and every mark in its column', () => {
    const { api, meetingId } = busyNight();
    const sheet = ok<any>(api.call('getMeetingSheet', { meetingId }));
    expect(sheet.totals).toEqual(expected);
    expect(sheet.slips).toHaveLength(3 + 3 + 2 + 2 + 2 + 5);
    expect(sheet.disputedTyfcbIds).toHaveLength(1);
  });

  it('count a deleted slip again once it is brought back (undo), and the next save at once', () => {
    const { api, meetingId, deleted } = busyNight();
    ok(api.call('restoreSlip', { kind: 'tyfcb', id: deleted.id }));
    expect(ok<any>(api.call('getMeetingSheet', { meetingId })).totals).toEqual({ ...expected, tyfcb: 4, tyfcbAmountMinor: 129050 });
    ok(api.call('saveCeu', { meetingId, memberId: ok<any>(api.call('getMeetingSheet', { meetingId })).roster[0].memberId, credits: 1, note: 'Book' }));
    expect(ok<any>(api.call('getMeetingSheet', { meetingId })).totals).toMatchObject({ tyfcb: 4, ceus: 6 });
  });
});
