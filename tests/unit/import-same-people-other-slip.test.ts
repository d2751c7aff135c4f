// A Slips Audit row between the same people as a slip already in the meeting, but about another
// prospect or another activity, is another slip: it is new, and the ledger's slip is never written over.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const slipsFile = (rows: string[][]) => Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Harbour Connectors'], [''], header, ...rows], { newline: '\r\n' });
const asInput = (rows: string[][], extra: Record<string, unknown> = {}) => ({ fileName: 'slips.csv', contentBase64: Buffer.from(slipsFile(rows)).toString('base64'), ...extra });

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
  const all = (sql: string) => opened.sqlite.prepare(sql).all() as any[];
  return { api, ids, meetingId: meeting.id as string, all };
}
const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));
const importFile = async (api: Registry, input: object) => ok<any>(await api.callAsync('importSlipsAudit', input));

describe('the same people, another slip', () => {
  it("Priya's CEU for a podcast is not her CEU for the chapter education slot: it is new, and her typed CEU keeps its one credit and its activity", async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveCeu', { meetingId, memberId: ids.Priya, credits: 1, note: 'Chapter education slot' }));
    const rows = [['Priya Raman', '', 'CEU', '', '', '2', 'Podcast & webinar']];
    const p = await preview(api, asInput(rows));
    expect(p.counts).toMatchObject({ same: 0, new: 1, differs: 0 });
    expect(p.lines[0].message).toBe(
      `New: the ledger already has Priya Raman's CEU for "Chapter education slot" (1 credit) at this meeting; this row is for another activity, so it is kept as a separate slip and the ledger's slip is left as it is. If it is the same slip written differently, skip this row.`,
    );
    expect(await importFile(api, asInput(rows))).toMatchObject({ created: 1, updated: 0 });
    expect(all('SELECT credits, note FROM ceus WHERE deleted_at IS NULL ORDER BY credits')).toEqual([
      { credits: 1, note: 'Chapter education slot' },
      { credits: 2, note: 'Podcast & webinar' },
    ]);
    // The same file again: both are already there.
    expect((await preview(api, asInput(rows))).counts).toMatchObject({ same: 1, new: 0, differs: 0 });
  });

  it('the same CEU activity with other credits differs, and importing corrects the credits (and undo puts them back)', async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveCeu', { meetingId, memberId: ids.Priya, credits: 1, note: 'Podcast & webinar' }));
    const rows = [['Priya Raman', '', 'CEU', '', '', '2', 'Podcast and webinar']];
    const p = await preview(api, asInput(rows));
    expect(p.counts).toMatchObject({ new: 0, differs: 1 });
    const done = await importFile(api, asInput(rows));
    expect(done).toMatchObject({ created: 0, updated: 1 });
    expect(all('SELECT credits, note FROM ceus')).toEqual([{ credits: 2, note: 'Podcast and webinar' }]);
    ok(api.call('undoImport', { batchId: done.batchId }));
    expect(all('SELECT credits, note FROM ceus')).toEqual([{ credits: 1, note: 'Podcast & webinar' }]);
  });

  it('a CEU typed without its activity is the file row with the same credits, whichever order the file lists two CEUs in', async () => {
    for (const rows of [
      [['Priya Raman', '', 'CEU', '', '', '1', 'Book club'], ['Priya Raman', '', 'CEU', '', '', '2', 'Podcast']],
      [['Priya Raman', '', 'CEU', '', '', '2', 'Podcast'], ['Priya Raman', '', 'CEU', '', '', '1', 'Book club']],
    ]) {
      const { api, ids, meetingId, all } = chapter();
      ok(api.call('saveCeu', { meetingId, memberId: ids.Priya, credits: 2 }));
      const p = await preview(api, asInput(rows));
      expect(p.counts).toMatchObject({ same: 1, new: 1, differs: 0 });
      await importFile(api, asInput(rows));
      expect(all('SELECT credits FROM ceus ORDER BY credits')).toEqual([{ credits: 1 }, { credits: 2 }]);
    }
  });

  it("Dana's referral to Marcus for another prospect is a new referral; the typed one keeps its prospect", async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveReferral', { meetingId, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'outside', prospectName: 'Alvarez family' }));
    const rows = [['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Keystone staff relocation']];
    const p = await preview(api, asInput(rows));
    expect(p.counts).toMatchObject({ new: 1, differs: 0 });
    expect(p.lines[0].message).toMatch(/^New: the ledger already has a referral from Dana Ruiz to Marcus Chen for "Alvarez family" at this meeting; this row is for another prospect/);
    await importFile(api, asInput(rows));
    expect(all('SELECT prospect_name AS p FROM referrals ORDER BY p')).toEqual([{ p: 'Alvarez family' }, { p: 'Keystone staff relocation' }]);
  });

  it('the same prospect written out more fully is the same referral: it differs, and importing puts the fuller name on it', async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveReferral', { meetingId, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'outside', prospectName: 'Alvarez family' }));
    const rows = [['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family - buying a first home']];
    expect((await preview(api, asInput(rows))).counts).toMatchObject({ new: 0, differs: 1 });
    await importFile(api, asInput(rows));
    expect(all('SELECT prospect_name AS p FROM referrals')).toEqual([{ p: 'Alvarez family - buying a first home' }]);
  });

  it('two one-to-ones between the same pair: the one typed is there, the second is new', async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveOneToOne', { meetingId, memberAId: ids.Dana, memberBId: ids.Marcus }));
    const rows = [['Dana Ruiz', 'Marcus Chen', 'One-to-One', '', '', '', 'Coffee'], ['Marcus Chen', 'Dana Ruiz', 'One-to-One', '', '', '', 'Lunch']];
    expect((await preview(api, asInput(rows))).counts).toMatchObject({ same: 1, new: 1, differs: 0 });
    await importFile(api, asInput(rows));
    expect(all('SELECT count(*) AS n FROM one_to_ones')).toEqual([{ n: 2 }]);
  });

  it('two visitors Dana invited, with different names, are two visitors; the same visitor with another company differs', async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveVisitor', { meetingId, name: 'Kara Lind', company: 'Lind Roofing', invitedById: ids.Dana }));
    const rows = [['Dana Ruiz', 'Sam Okafor', 'Visitor', '', '', '', 'Okafor Plumbing'], ['Dana Ruiz', 'Kara Lind', 'Visitor', '', '', '', 'Lind Roofing Co.']];
    expect((await preview(api, asInput(rows))).counts).toMatchObject({ same: 0, new: 1, differs: 1 });
    await importFile(api, asInput(rows));
    expect(all('SELECT name, company FROM visitors ORDER BY name')).toEqual([
      { name: 'Kara Lind', company: 'Lind Roofing Co.' },
      { name: 'Sam Okafor', company: 'Okafor Plumbing' },
    ]);
  });

  it("a referral with another chapter's member for another prospect is new too", async () => {
    const { api, ids, meetingId, all } = chapter();
    ok(api.call('saveOutsidePartySlip', { meetingId, slipType: 'referral', memberId: ids.Dana, direction: 'given', party: { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' }, referralKind: 'outside', prospectName: 'Alvarez family' }));
    const rows = [['Dana Ruiz', 'Li Wei (BNI Harbour chapter)', 'Referral', 'Outside', '', '', 'Keystone staff relocation']];
    expect((await preview(api, asInput(rows))).counts).toMatchObject({ new: 1, differs: 0 });
    await importFile(api, asInput(rows));
    expect(all('SELECT prospect_name AS p FROM outside_party_slips ORDER BY p')).toEqual([{ p: 'Alvarez family' }, { p: 'Keystone staff relocation' }]);
  });
});
