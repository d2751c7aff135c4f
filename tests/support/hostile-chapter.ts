// A chapter built to break report layouts: 60 members with 60-character names (some one unbroken
// token, some in Chinese, Japanese, Korean, Hindi, Arabic, Hebrew, Thai, Greek and emoji), 300-character
// unbroken reasons and notes, 8-digit amounts, in the quarter of today (the audit log's clock), with
// an empty previous quarter. Everything goes through the real services.
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { addDays } from '../../src/shared/dates';
import { quarterOf } from '../../src/shared/periods';
import { openTestDb, testRegistry } from './db';
import { okValue as ok } from './first-quarter';

/** The names a chapter writes in its own scripts: [first, last]. */
export const scriptNames: Array<[string, string]> = [
  ['陳大文', 'Chan'],
  ['山田太郎', 'Yamada'],
  ['김민준', 'Kim'],
  ['देवनागरी नाम', 'Sharma'],
  ['Ελένη', 'Παπαδοπούλου'],
  ['محمد', 'الأحمد'],
  ['דוד', 'כהן'],
  ['สมชาย', 'ใจดี'],
  ['Ana 🌻', 'Flores 🎉'],
];

/** A 300-character token with no space or punctuation: the worst a reason column can get. */
export const unbrokenReason = 'Reason' + 'X'.repeat(288) + 'END123';
export const longProspect = 'Prospect' + 'Q'.repeat(100) + 'Z';

export interface HostileChapter {
  opened: OpenedDatabase;
  api: Registry;
  ids: string[];
  names: string[];
  quarter: { from: string; to: string };
  meetingIds: string[];
}

export function buildHostileChapter(today: string): HostileChapter {
  const opened = openTestDb();
  const api = testRegistry(opened);
  ok(api.call('saveChapter', { name: 'Greater Metropolitan Area Business Referral Network Chapter Forty-Two', region: 'Very Long Region Name For The Whole Northern District', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 }));
  const quarter = quarterOf(today);
  const ids: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < 60; i++) {
    const seat = ok(api.call('saveClassification', { name: `Classification number ${i + 1} with a rather long descriptive title`, sphereId: null })).id as string;
    const script = scriptNames[i];
    // 60 characters: a long first name and a double-barrelled surname; every fifth an unbroken token.
    const [first, last] = script ?? (i % 5 === 0 ? [`M${i}`, 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewiss'.slice(0, 56)] : [`Maximiliana-Alexandrina ${i}`, 'Featherstonehaugh-Cholmondeley-Smythe']);
    const role = i === 10 ? 'president' : i === 11 ? 'vice_president' : i === 12 ? 'secretary_treasurer' : null;
    // Renewals: some due this quarter (one already past), some next quarter.
    const renewalDue = i === 20 ? addDays(quarter.from, 1) : i === 21 ? addDays(quarter.to, -1) : i === 22 ? addDays(quarter.to, 20) : null;
    const id = ok(api.call('addMember', { firstName: first, lastName: last, company: `Company of ${first} ${last} International Holdings`, classificationId: seat, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue, sponsorId: null, leadershipRole: role })).id as string;
    ids.push(id);
    names.push(`${first} ${last}`);
  }
  const meetingIds: string[] = [];
  for (let w = 0; w < 3; w++) {
    const meetingId = ok(api.call('createMeeting', { meetingOn: addDays(quarter.from, 7 * w), confirmDate: true })).id as string;
    meetingIds.push(meetingId);
    ids.forEach((id, i) => ok(api.call('setAttendance', { meetingId, memberId: id, mark: (i + w) % 7 === 0 ? 'A' : 'P', substituteName: '' })));
    ids.forEach((id, i) => {
      const receiver = ids[(i + 1 + w) % ids.length]!;
      ok(api.call('saveReferral', { meetingId, giverId: id, receiverId: receiver, referralKind: i % 2 ? 'inside' : 'outside', prospectName: i % 4 === 0 ? longProspect : `${names[(i + 3) % 60]}`, note: i % 6 === 0 ? unbrokenReason : '' }));
    });
    for (let i = 0; i < 12; i++) ok(api.call('saveTyfcb', { meetingId, closerId: ids[i]!, referrerId: ids[(i + 5) % 60]!, amount: '98765432.10', note: i % 3 === 0 ? unbrokenReason : '' }));
    for (let i = 0; i < 10; i++) ok(api.call('saveOneToOne', { meetingId, memberAId: ids[i]!, memberBId: ids[59 - i]!, note: unbrokenReason }));
    ok(api.call('saveVisitor', { meetingId, name: 'Visitor With An Exceptionally Long Name Indeed Yes', company: 'C'.repeat(110), classificationSought: 'Classification sought that nobody holds yet in this chapter', invitedById: ids[5]! }));
    ok(api.call('saveCeu', { meetingId, memberId: ids[7]!, credits: 3, note: unbrokenReason }));
    ok(api.call('closeMeeting', { meetingId }));
  }
  // An amendment to a closed meeting, with the longest unbroken reason the ledger accepts.
  const sheet = ok(api.call('getMeetingSheet', { meetingId: meetingIds[0]! }));
  const slip = sheet.slips.find((s: { kind: string }) => s.kind === 'referral');
  ok(api.call('saveReferral', { id: slip.id, meetingId: meetingIds[0]!, giverId: slip.giverId, receiverId: slip.receiverId, referralKind: slip.referralKind, temperature: 1, prospectName: slip.prospectName, note: slip.note, reason: unbrokenReason }));
  return { opened, api, ids, names, quarter, meetingIds };
}
