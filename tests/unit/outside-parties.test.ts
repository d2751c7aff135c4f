// Slips with someone outside the chapter on one side: a member of another chapter (name + chapter),
// a visitor, or BNI Connect's "BNI" account. Kept as parties, shown as such, never counted as members;
// imported from BNI Connect's files and accounted for in the PALMS check.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { partyFromText, partyLabel } from '../../src/services/outside-parties';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { amendmentsIn } from '../../src/services/reports';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  const changes = () => count('SELECT total_changes()');
  return { opened, api, ids, count, changes };
}

const liWei = { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' } as const;
const err = (result: any) => (result.ok ? null : result.error);

/** The night of 17 November 2026: one slip between members and four with people outside the chapter. */
function typeTheNight(api: Registry, ids: Record<string, string>) {
  const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
  const m = { meetingId: meeting.id };
  ok(api.call('saveReferral', { ...m, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'outside', prospectName: 'Alvarez family' }));
  const given = ok<any>(api.call('saveOutsidePartySlip', { ...m, slipType: 'referral', memberId: ids.Dana, direction: 'given', party: liWei, referralKind: 'outside', prospectName: 'Harbour café' }));
  const received = ok<any>(api.call('saveOutsidePartySlip', { ...m, slipType: 'referral', memberId: ids.Marcus, direction: 'received', party: { kind: 'visitor', name: 'Sam Doe', chapterName: '' }, referralKind: 'inside', prospectName: 'Doe & Sons' }));
  const thanks = ok<any>(api.call('saveOutsidePartySlip', { ...m, slipType: 'tyfcb', memberId: ids.Priya, direction: 'received', party: { kind: 'bni', name: '', chapterName: '' }, amount: '800.00', tyfcbKind: 'outside' }));
  const met = ok<any>(api.call('saveOutsidePartySlip', { ...m, slipType: 'one_to_one', memberId: ids.Priya, direction: 'with', party: { kind: 'other_chapter', name: 'li  WEI', chapterName: 'bni harbour chapter' } }));
  return { meeting, given, received, thanks, met };
}

const close = (api: Registry, meetingId: string) => {
  ok(api.call('markAllPresent', { meetingId }));
  ok(api.call('closeMeeting', { meetingId, confirmWarnings: true }));
};
const quarter = { from: '2026-10-01', to: '2026-12-31' };

describe('recording a slip with someone outside the chapter', () => {
  it('is kept as a party and reads as one on the slip: "Li Wei (BNI Harbour chapter)", "Sam Doe (visitor)", "BNI"', () => {
    const { api, ids, count } = chapter();
    const { meeting, given, received, thanks, met } = typeTheNight(api, ids);
    expect(given).toMatchObject({ kind: 'outside_party', slipType: 'referral', fromName: 'Dana Ruiz', toName: 'Li Wei (BNI Harbour chapter)', partyKind: 'other_chapter' });
    expect(received).toMatchObject({ fromName: 'Sam Doe (visitor)', toName: 'Marcus Chen', direction: 'received' });
    // The member closed the business and thanks BNI: the slip reads "Priya Raman thanks BNI".
    expect(thanks).toMatchObject({ fromName: 'Priya Raman', toName: 'BNI', amountMinor: 80000, currency: 'USD' });
    expect(met).toMatchObject({ fromName: 'Priya Raman', toName: 'Li Wei (BNI Harbour chapter)', metOn: '2026-11-17' });
    // "li  WEI" of "bni harbour chapter" is the same person: one party, not two.
    expect(count('SELECT count(*) FROM outside_parties')).toBe(3);
    const sheet = ok<any>(api.call('getMeetingSheet', { meetingId: meeting.id }));
    expect(sheet.slips).toHaveLength(5);
    expect(sheet.totals).toMatchObject({ referrals: 1, tyfcbAmountMinor: 0, oneToOnes: 0, outsideReferralsGiven: 1, outsideReferralsReceived: 1, outsideTyfcbAmountMinor: 80000, outsideOneToOnes: 1 });
    // The SQL label and the one the import and export use are the same words.
    expect(partyLabel(liWei)).toBe('Li Wei (BNI Harbour chapter)');
    expect(partyLabel({ kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour Chapter' })).toBe('Li Wei (BNI Harbour Chapter)');
  });

  it("is never counted in the members' given/received, the matrix or the reciprocity flags, but shows as given outside / received from outside", () => {
    const { api, ids } = chapter();
    const { meeting } = typeTheNight(api, ids);
    close(api, meeting.id);
    const t = ok<any>(api.call('tallies', quarter));
    const by = (first: string) => t.members.find((m: any) => m.firstName === first);
    expect(by('Dana')).toMatchObject({ rgo: 1, rgi: 0, rri: 0, rro: 0, outsideRgo: 1, outsideRri: 0 });
    expect(by('Marcus')).toMatchObject({ rri: 0, rro: 1, outsideRri: 1, oneToOnes: 0 });
    expect(by('Priya')).toMatchObject({ oneToOnes: 0, tyfcbReceivedMinor: 0, outsideOneToOnes: 1, outsideTyfcbReceivedMinor: 80000 });
    expect(t.members.map((m: any) => m.name)).toEqual(['Marcus Chen', 'Priya Raman', 'Dana Ruiz']);
    expect(t.totals).toMatchObject({ referralsInside: 0, referralsOutside: 1, oneToOnes: 0, tyfcbMinor: 0, outsideReferralsGiven: 1, outsideReferralsReceived: 1, outsideOneToOnes: 1, outsideTyfcbReceivedMinor: 80000 });
    const matrix = ok<any>(api.call('referralMatrix', quarter));
    expect(matrix.cells).toEqual([{ giverId: ids.Dana, receiverId: ids.Marcus, referrals: 1, tyfcbMinor: 0, tyfcbDisputedMinor: 0 }]);
  });

  it('says what is missing, naming the field, and refuses a member of this chapter typed as an outsider', () => {
    const { api, ids, count } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    const base = { meetingId: meeting.id, slipType: 'referral', memberId: ids.Dana, direction: 'given', prospectName: 'Harbour café' };
    expect(err(api.call('saveOutsidePartySlip', { ...base, party: { kind: 'other_chapter', name: 'Li Wei', chapterName: ' ' } }))).toMatchObject({ field: 'party.chapterName', message: 'Enter the chapter Li Wei belongs to (e.g. BNI Harbour).' });
    expect(err(api.call('saveOutsidePartySlip', { ...base, party: { kind: 'visitor', name: '', chapterName: '' } }))).toMatchObject({ field: 'party.name', message: "Enter the visitor's name." });
    expect(err(api.call('saveOutsidePartySlip', { ...base, party: { kind: 'other_chapter', name: 'marcus chen', chapterName: 'BNI Harbour' } }))).toMatchObject({ field: 'party.name', message: "Marcus Chen is a member of this chapter: choose them from the member list, not as another chapter's member." });
    expect(err(api.call('saveOutsidePartySlip', { ...base, prospectName: '', party: liWei }))).toMatchObject({ field: 'prospectName' });
    expect(err(api.call('saveOutsidePartySlip', { ...base, slipType: 'tyfcb', direction: 'received', amount: '0', party: liWei }))).toMatchObject({ field: 'amount', message: 'Amount must be more than zero.' });
    expect(err(api.call('saveOutsidePartySlip', { ...base, direction: 'with', party: liWei }))).toMatchObject({ field: 'direction' });
    expect(count('SELECT count(*) FROM outside_party_slips') + count('SELECT count(*) FROM outside_parties')).toBe(0);
  });

  it('Enter twice asks before a second copy; delete then undo brings it back; the audit log names the party', () => {
    const { api, ids, count } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    const slip = { meetingId: meeting.id, slipType: 'referral', memberId: ids.Dana, direction: 'given', party: liWei, prospectName: 'Harbour café' };
    const first = ok<any>(api.call('saveOutsidePartySlip', slip));
    expect(err(api.call('saveOutsidePartySlip', slip))).toMatchObject({ code: 'duplicate' });
    ok(api.call('deleteSlip', { kind: 'outside_party', id: first.id }));
    expect(count('SELECT count(*) FROM outside_party_slips WHERE deleted_at IS NULL')).toBe(0);
    ok(api.call('restoreSlip', { kind: 'outside_party', id: first.id }));
    expect(count('SELECT count(*) FROM outside_party_slips WHERE deleted_at IS NULL')).toBe(1);
    const log = ok<any>(api.call('listAuditLog', { entity: 'outside_party' }));
    expect(log.map((e: any) => e.summary)).toEqual([
      'Brought back referral Dana Ruiz → Li Wei (BNI Harbour chapter) (Harbour café)',
      'Deleted referral Dana Ruiz → Li Wei (BNI Harbour chapter) (Harbour café)',
      'Recorded referral Dana Ruiz → Li Wei (BNI Harbour chapter) (Harbour café)',
    ]);
  });

  it('a meeting whose one slip is with another chapter lists "1 slip", and cannot be removed or cancelled as if empty', () => {
    const { api, ids, count } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    ok(api.call('saveOutsidePartySlip', { meetingId: meeting.id, slipType: 'referral', memberId: ids.Dana, direction: 'given', party: liWei, prospectName: 'Harbour café' }));
    expect(ok<any[]>(api.call('listMeetings', {})).find((m) => m.id === meeting.id).slipCount).toBe(1);
    expect(err(api.call('cancelMeeting', { meetingId: meeting.id, reason: 'Snowed in' }))).toMatchObject({ message: 'The meeting of 2026-11-17 has 1 slip: delete or move it before cancelling it.' });
    expect(err(api.call('deleteMeeting', { meetingId: meeting.id }))).toMatchObject({ message: 'The meeting of 2026-11-17 has held slips (even if deleted since): cancel it instead, so its history stays.' });
    expect(count('SELECT count(*) FROM outside_party_slips WHERE deleted_at IS NULL')).toBe(1);
  });

  it('into a closed meeting it is an amendment: a reason is asked, and it is in the quarterly amendments', () => {
    const { api, opened, ids } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    close(api, meeting.id);
    const slip = { meetingId: meeting.id, slipType: 'tyfcb', memberId: ids.Priya, direction: 'received', party: { kind: 'bni', name: '', chapterName: '' }, amount: '500' };
    expect(err(api.call('saveOutsidePartySlip', slip))).toMatchObject({ field: 'reason' });
    ok(api.call('saveOutsidePartySlip', { ...slip, reason: 'Forgot the BNI thank-you on the night' }));
    const today = new Date().toISOString().slice(0, 10);
    const amendments = amendmentsIn(opened.db, { from: today, to: today });
    expect(amendments).toEqual([expect.objectContaining({ entity: 'outside_party', reason: 'Forgot the BNI thank-you on the night', summary: 'Recorded TYFCB Priya Raman thanks BNI, $500.00' })]);
  });
});

describe('reading how BNI Connect marks people outside the chapter', () => {
  it.each([
    ['BNI', '', { kind: 'bni', name: 'BNI', chapterName: '' }],
    ['Sam Doe (Visitor)', '', { kind: 'visitor', name: 'Sam Doe', chapterName: '' }],
    ['Anja Keller (Besucherin)', '', { kind: 'visitor', name: 'Anja Keller', chapterName: '' }],
    ['Li Wei (BNI Harbour chapter)', '', liWei],
    ['Li Wei (BNI Harbour)', '', liWei],
    ['Li Wei', 'Chapter: BNI Harbour', liWei],
    ['李伟', 'Other chapter: BNI 台北', { kind: 'other_chapter', name: '李伟', chapterName: 'BNI 台北' }],
  ])('%s (detail "%s")', (text, detail, party) => {
    expect(partyFromText(text, detail)).toEqual(party);
  });
  it('a plain name is not an outsider', () => {
    expect(partyFromText('Daniel Test', 'Alvarez family')).toBeNull();
    expect(partyFromText('Wei (David) Li', '')).toBeNull();
  });
});

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const slipsFile = (rows: string[][]) => Papa.unparse([['Slips Audit Report for 11/17/2026'], ['Harbour Connectors'], [''], header, ...rows], { newline: '\r\n' });
const asInput = (text: string, extra: Record<string, unknown> = {}) => ({ fileName: 'slips.csv', contentBase64: Buffer.from(text).toString('base64'), ...extra });
const fileNight = [
  ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['Dana Ruiz', 'Li Wei', 'Referral', 'Outside', '', '', 'Chapter: BNI Harbour'],
  ['Sam Doe (Visitor)', 'Marcus Chen', 'Referral', 'Inside', '', '', 'Doe & Sons'],
  ['Priya Raman', 'BNI', 'TYFCB', 'Outside', '$800.00', '', 'New'],
  ['Priya Raman', 'Li Wei (BNI Harbour chapter)', 'One-to-One', '', '', '', ''],
];

describe('importing a Slips Audit file with people outside the chapter', () => {
  it('imports them as outside-party slips (the preview says so), adds nothing the second time, and undo takes them back', async () => {
    const { api, count } = chapter();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', asInput(slipsFile(fileNight))));
    expect(p.counts).toEqual({ same: 0, new: 5, differs: 0, problem: 0, skipped: 0 });
    expect(p.unmatchedNames).toEqual([]);
    const row = (n: number) => p.lines.find((l: any) => l.row === n);
    expect(row(6)).toMatchObject({ fromIs: 'Dana Ruiz', toIs: 'Li Wei (BNI Harbour chapter)', message: "New: not in the ledger yet. It is with someone outside the chapter (Li Wei (BNI Harbour chapter), another chapter's member): kept as that party, never counted as a member." });
    expect(row(7).message).toContain('(Sam Doe, a visitor)');
    expect(row(8)).toMatchObject({ fromIs: 'Priya Raman', toIs: 'BNI' });
    const done = ok<any>(await api.callAsync('importSlipsAudit', asInput(slipsFile(fileNight))));
    expect(done.created).toBe(5);
    expect(count('SELECT count(*) FROM outside_party_slips')).toBe(4);
    expect(count('SELECT count(*) FROM referrals')).toBe(1);
    // Li Wei of the Detail and Li Wei (BNI Harbour chapter) are the same party.
    expect(count('SELECT count(*) FROM outside_parties')).toBe(3);
    const again = ok<any>(await api.callAsync('previewSlipsAuditImport', asInput(slipsFile(fileNight))));
    expect(again.counts).toMatchObject({ same: 5, new: 0, differs: 0 });
    // The import created its meeting closed: undoing it is an amendment, with a reason.
    const undone = ok<any>(api.call('undoImport', { batchId: done.batchId, reason: 'Wrong week' }));
    expect(undone.tombstoned).toBe(5);
    expect(count('SELECT count(*) FROM outside_party_slips WHERE deleted_at IS NULL')).toBe(0);
  });

  it('typed at the meeting, then imported: every row is already in the ledger, by the same rule', async () => {
    const { api, ids, changes } = chapter();
    typeTheNight(api, ids);
    const before = changes();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', asInput(slipsFile(fileNight))));
    expect(p.counts).toEqual({ same: 5, new: 0, differs: 0, problem: 0, skipped: 0 });
    expect(ok<any>(await api.callAsync('importSlipsAudit', asInput(slipsFile(fileNight)))).created).toBe(0);
    expect(changes()).toBe(before);
  });

  it('a differing amount with BNI is a difference on that slip; undo puts the old amount back', async () => {
    const { api, ids, count } = chapter();
    typeTheNight(api, ids);
    const changed = fileNight.map((r) => (r[1] === 'BNI' ? [...r.slice(0, 4), '$900.00', ...r.slice(5)] : r));
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', asInput(slipsFile(changed))));
    expect(p.counts).toMatchObject({ same: 4, differs: 1, new: 0 });
    expect(p.lines[0].message).toMatch(/^Differs: the amount is \$900\.00 in the file and \$800\.00 in the ledger/);
    const done = ok<any>(await api.callAsync('importSlipsAudit', asInput(slipsFile(changed))));
    expect(done.updated).toBe(1);
    expect(count("SELECT amount_minor FROM outside_party_slips WHERE slip_type = 'tyfcb'")).toBe(90000);
    ok(api.call('undoImport', { batchId: done.batchId }));
    expect(count("SELECT amount_minor FROM outside_party_slips WHERE slip_type = 'tyfcb'")).toBe(80000);
  });

  it('both sides outside the chapter, or a member marked as a visitor, are problem rows that say so', async () => {
    const { api } = chapter();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', asInput(slipsFile([
      ['Sam Doe (Visitor)', 'BNI', 'Referral', 'Outside', '', '', 'Doe & Sons'],
      ['Marcus Chen (Visitor)', 'Dana Ruiz', 'Referral', 'Outside', '', '', 'Chen deli'],
    ]))));
    expect(p.problems.map((x: any) => x.message)).toEqual([
      'Row 5: both From and To are outside the chapter: a slip needs a member of this chapter on one side.',
      'Row 6: Marcus Chen is a member of this chapter, but the file marks them as a visitor: correct the file or skip the row.',
    ]);
  });

  it("the ledger's own Slips Audit export of such a meeting imports back as the same slips (0 new)", async () => {
    const { api, ids, changes } = chapter();
    const { meeting } = typeTheNight(api, ids);
    const exported = ok<any>(api.call('exportSlipsAudit', { meetingId: meeting.id }));
    expect(exported.csv).toContain('Li Wei (BNI Harbour chapter)');
    const before = changes();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', asInput(exported.csv)));
    expect(p.counts).toEqual({ same: 5, new: 0, differs: 0, problem: 0, skipped: 0 });
    expect(changes()).toBe(before);
  });
});

describe('the PALMS check with people outside the chapter', () => {
  const fromCsv = (csv: string) => ({ fileName: 'palms.csv', contentBase64: Buffer.from(csv).toString('base64') });
  const report = (rows: string[]) => ['Chapter Summary PALMS Report', 'From,10/01/2026', 'To,12/31/2026', '', 'First Name,Last Name,P,A,L,M,S,RGI,RGO,RRI,RRO,V,1-2-1,TYFCB,CEU', ...rows].join('\r\n');
  // As BNI Connect counts the night: a member's slips with outsiders are in that member's columns;
  // what the visitor gave and what the member thanked BNI for are also on the report's own rows.
  const bniConnect = report([
    'Marcus,Chen,1,0,0,0,0,0,0,1,1,0,0,0.00,0',
    'Priya,Raman,1,0,0,0,0,0,0,0,0,0,1,800.00,0',
    'Dana,Ruiz,1,0,0,0,0,0,2,0,0,0,0,0.00,0',
    'Visitors,,0,0,0,0,0,1,0,0,0,0,0,0.00,0',
    'BNI,,0,0,0,0,0,0,0,0,0,0,0,0.00,0',
  ]);

  it('reaches zero differences when the ledger holds the same slips with outsiders', async () => {
    const { api, ids } = chapter();
    const { meeting } = typeTheNight(api, ids);
    close(api, meeting.id);
    const result = ok<any>(await api.callAsync('reconcilePalms', fromCsv(bniConnect)));
    expect(result).toMatchObject({ compared: 3, differences: [], onlyInFile: [], onlyInLedger: [], outsideRows: ['Visitors', 'BNI'], problems: [] });
  });

  it('without them, every difference is named, the Visitors row included', async () => {
    const { api, ids } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    ok(api.call('saveReferral', { meetingId: meeting.id, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'outside', prospectName: 'Alvarez family' }));
    close(api, meeting.id);
    const result = ok<any>(await api.callAsync('reconcilePalms', fromCsv(bniConnect)));
    expect(result.differences).toEqual([
      { name: 'Marcus Chen', column: 'RRI', bniConnect: '1', ledger: '0' },
      { name: 'Priya Raman', column: '1-2-1', bniConnect: '1', ledger: '0' },
      { name: 'Priya Raman', column: 'TYFCB', bniConnect: '800.00', ledger: '0.00' },
      { name: 'Dana Ruiz', column: 'RGO', bniConnect: '2', ledger: '1' },
      { name: 'Visitors', column: 'RGI', bniConnect: '1', ledger: '0' },
    ]);
  });

  it("the ledger's own PALMS CSV writes the Visitors row and checks to zero", async () => {
    const { api, ids } = chapter();
    const { meeting } = typeTheNight(api, ids);
    close(api, meeting.id);
    const own = ok<any>(api.call('palmsCsv', quarter));
    expect(own.csv).toContain('\r\nVisitors,,0,0,0,0,0,1,0,0,0,0,0,0.00,0');
    const result = ok<any>(await api.callAsync('reconcilePalms', { fileName: own.fileName, contentBase64: Buffer.from(own.csv).toString('base64') }));
    expect(result).toMatchObject({ differences: [], onlyInFile: [], onlyInLedger: [] });
  });
});
