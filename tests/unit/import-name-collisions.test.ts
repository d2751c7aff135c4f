// Names that read the same — "José Díaz" and "Jose Diaz", "ANA LIMA" and "Ana Lima", full-width
// "Ａｎａ Ｌｉｍａ", two "John Smith" — are compared as one name by every import. When two members'
// names read the same, a file's row for that name is asked about (map it, or skip the row), never
// credited to one of them by guess; the answer is remembered for that exact spelling.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { foldName } from '../../src/shared/names';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const slipsFile = (date: string, rows: string[][]) => Papa.unparse([[`Slips Audit Report for ${date}`], ['Harbour Connectors'], [''], header, ...rows], { newline: '\r\n' });
const asInput = (text: string, extra: object = {}, fileName = 'slips.csv') => ({ fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra });

function chapter(people: Array<[string, string, string]>) {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of people) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[`${first} ${last}`] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const rows = <T>(sql: string, ...args: unknown[]) => opened.sqlite.prepare(sql).all(...args) as T[];
  const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return { api, ids, rows, changes };
}
const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));

const twoJoses: Array<[string, string, string]> = [['Dana', 'Ruiz', 'Realtor'], ['José', 'Díaz', 'Florist'], ['Jose', 'Diaz', 'Plumber']];
const night = [
  ['Dana Ruiz', 'José Díaz', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['Jose Diaz', 'Dana Ruiz', 'One-to-One', '', '', '', 'Coffee at the harbour'],
];

describe('names two members share are asked about, never guessed', () => {
  it('José Díaz and Jose Diaz are two members: the slips audit asks which one each row means, credits nobody until told, and remembers the answer for the next file', async () => {
    const { api, ids, rows, changes } = chapter(twoJoses);
    const before = changes();
    const p = await preview(api, asInput(slipsFile('17/11/2026', night)));
    expect(p.counts).toEqual({ same: 0, new: 0, differs: 0, problem: 2, skipped: 0 });
    expect(p.problems).toEqual([
      { row: 5, message: 'Row 5: "José Díaz" (To) could be Jose Diaz (Plumber) or José Díaz (Florist): their names differ only in accents, case or spacing. Map the name to the right member or skip the row.' },
      { row: 6, message: 'Row 6: "Jose Diaz" (From) could be Jose Diaz (Plumber) or José Díaz (Florist): their names differ only in accents, case or spacing. Map the name to the right member or skip the row.' },
    ]);
    expect(p.unmatchedNames).toEqual(['Jose Diaz', 'José Díaz']);
    expect(p.askedNames).toEqual([
      { name: 'Jose Diaz', candidates: ['Jose Diaz (Plumber)', 'José Díaz (Florist)'] },
      { name: 'José Díaz', candidates: ['Jose Diaz (Plumber)', 'José Díaz (Florist)'] },
    ]);
    // Imported without answering, nothing is written for those rows: no slip lands on the wrong José.
    expect(ok<any>(await api.callAsync('importSlipsAudit', asInput(slipsFile('17/11/2026', night))))).toMatchObject({ created: 0, batchId: null });
    expect(changes()).toBe(before);

    // The secretary answers: the file's "José Díaz" is the florist, its "Jose Diaz" the plumber.
    const answered = { aliases: { 'José Díaz': ids['José Díaz'], 'Jose Diaz': ids['Jose Diaz'] } };
    expect((await preview(api, asInput(slipsFile('17/11/2026', night), answered))).counts).toMatchObject({ new: 2, problem: 0 });
    ok(await api.callAsync('importSlipsAudit', asInput(slipsFile('17/11/2026', night), answered)));
    expect(rows<{ receiver_id: string }>('SELECT receiver_id FROM referrals')).toEqual([{ receiver_id: ids['José Díaz'] }]);
    expect(rows<{ a: string; b: string }>('SELECT member_a_id AS a, member_b_id AS b FROM one_to_ones').map((r) => [r.a, r.b].sort())).toEqual([[ids['Jose Diaz'], ids['Dana Ruiz']].sort()]);
    // Each answer is kept for that exact spelling only.
    expect(rows<{ alias: string }>('SELECT alias FROM member_aliases ORDER BY alias')).toEqual([{ alias: 'Jose Diaz' }, { alias: 'José Díaz' }]);

    // Next week's file with the same spellings is matched without asking, each to the member chosen.
    const next = await preview(api, asInput(slipsFile('24/11/2026', [['José Díaz', 'Jose Diaz', 'Referral', 'Inside', '', '', 'Garden wall']])));
    expect(next).toMatchObject({ counts: { new: 1, problem: 0 }, askedNames: [] });
    // A spelling never answered ("JOSE DIAZ") is asked about again.
    const shouted = await preview(api, asInput(slipsFile('24/11/2026', [['JOSE DIAZ', 'Dana Ruiz', 'Referral', 'Inside', '', '', 'Garden wall']])));
    expect(shouted.askedNames).toEqual([{ name: 'JOSE DIAZ', candidates: ['Jose Diaz (Plumber)', 'José Díaz (Florist)'] }]);
  });

  it('with one José in the chapter, "Jose Diaz", "JOSÉ DÍAZ" and full-width "Ｊｏｓé Ｄíａｚ" in a file are all him', async () => {
    const { api, ids, rows } = chapter([['Dana', 'Ruiz', 'Realtor'], ['José', 'Díaz', 'Florist']]);
    const file = slipsFile('17/11/2026', [
      ['Dana Ruiz', 'Jose Diaz', 'Referral', 'Outside', '', '', 'One'],
      ['Dana Ruiz', 'JOSÉ DÍAZ', 'Referral', 'Outside', '', '', 'Two'],
      ['Dana Ruiz', 'Ｊｏｓé Ｄíａｚ', 'Referral', 'Outside', '', '', 'Three'],
    ]);
    expect(await preview(api, asInput(file))).toMatchObject({ counts: { new: 3, problem: 0 }, askedNames: [], unmatchedNames: [] });
    ok(await api.callAsync('importSlipsAudit', asInput(file)));
    expect(rows<{ receiver_id: string }>('SELECT receiver_id FROM referrals').map((r) => r.receiver_id)).toEqual([ids['José Díaz'], ids['José Díaz'], ids['José Díaz']]);
  });

  it('two members called John Smith are told apart only by the secretary', async () => {
    const { api } = chapter([['Dana', 'Ruiz', 'Realtor'], ['John', 'Smith', 'Plumber'], ['John', 'Smith', 'Electrician']]);
    const p = await preview(api, asInput(slipsFile('17/11/2026', [['John Smith', 'Dana Ruiz', 'Referral', 'Outside', '', '', 'Leak']])));
    expect(p.problems).toEqual([{ row: 5, message: 'Row 5: "John Smith" (From) could be John Smith (Electrician) or John Smith (Plumber): members with the same name. Map the name to the right member or skip the row.' }]);
  });

  it('Hindi names that differ by a vowel sign are two names: रमा शर्मा (Rama) is never credited to राम शर्मा (Ram)', async () => {
    const { api, ids, rows } = chapter([['Dana', 'Ruiz', 'Realtor'], ['राम', 'शर्मा', 'Tax Advisor'], ['रमा', 'शर्मा', 'Yoga Teacher']]);
    expect(foldName('रमा शर्मा')).not.toBe(foldName('राम शर्मा'));
    const file = slipsFile('17/11/2026', [['Dana Ruiz', 'रमा शर्मा', 'Referral', 'Outside', '', '', 'Studio lease']]);
    expect(await preview(api, asInput(file))).toMatchObject({ counts: { new: 1, problem: 0 }, askedNames: [] });
    ok(await api.callAsync('importSlipsAudit', asInput(file)));
    expect(rows<{ receiver_id: string }>('SELECT receiver_id FROM referrals')).toEqual([{ receiver_id: ids['रमा शर्मा'] }]);
  });

  it("the attendance report leaves out a row two members could be, saying why, and uses the secretary's remembered answer", async () => {
    const { api, ids } = chapter(twoJoses);
    const report = Papa.unparse([['Chapter PALMS Attendance Report'], ['From', '11/03/2026'], ['To', '11/17/2026'], [''], ['First Name', 'Last Name', '11/03', '11/10', '11/17'], ['José', 'Díaz', 'P', 'A', 'P'], ['Dana', 'Ruiz', 'P', 'P', 'P']], { newline: '\r\n' });
    const attendance = async () => ok<any>(await api.callAsync('previewAttendanceImport', asInput(report, {}, 'attendance.csv')));
    const first = await attendance();
    expect(first.problems).toEqual([{ row: 6, message: 'Row 6: "José Díaz" could be Jose Diaz (Plumber) or José Díaz (Florist): their names differ only in accents, case or spacing. The row is left out rather than credited to one of them by guess (map the name in a slips import first, then import this file again).' }]);
    expect(first.marksToAdd).toBe(3);
    // Answered once in a slips import, the spelling is known.
    ok(await api.callAsync('importSlipsAudit', asInput(slipsFile('17/11/2026', [night[0]!]), { aliases: { 'José Díaz': ids['José Díaz'] } })));
    expect(await attendance()).toMatchObject({ problems: [], members: 2 });
  });

  it('a roster row whose name two members share is asked about, and so are two rows that read as one member', async () => {
    const { api } = chapter(twoJoses);
    const roster = ['First Name,Last Name,Company,Classification,Email', 'Jose,Diaz,Diaz Pipes,Plumber,jose@pipes.example', 'Dana,Ruiz,Ruiz Realty,Realtor,dana@ruiz.example', 'DANA,RUIZ,Ruiz Homes,Realtor,dana@homes.example'].join('\n');
    const p = ok<any>(await api.callAsync('previewRosterImport', asInput(roster, {}, 'roster.csv')));
    expect(p.problems).toEqual([
      { row: 2, message: 'Row 2 (Jose Diaz) could be Jose Diaz (Plumber) or José Díaz (Florist): their names differ only in accents, case or spacing. The ledger will not guess which one this row updates, so the row is left out: change that member on the Members screen.' },
      { row: 4, message: 'Row 4 (DANA RUIZ): row 3 (Dana Ruiz) is also read as the member Dana Ruiz; the ledger will not guess which row holds their details, so this row is left out: skip one of the two rows.' },
    ]);
    // Both are left out and listed; the one row nobody doubts (Dana's) is imported.
    const done = ok<any>(await api.callAsync('importRoster', asInput(roster, {}, 'roster.csv')));
    expect(done.problems.map((x: any) => x.row)).toEqual([2, 4]);
    expect(done).toMatchObject({ imported: 0 });
  });

  it('the PALMS check compares no row two members could be, and says so instead of a false difference', async () => {
    const { api } = chapter(twoJoses);
    const palms = ['Chapter Summary PALMS Report', 'From,2026-11-01', 'To,2026-11-30', '', 'First Name,Last Name,P,A,L,M,S,RGI,RGO,RRI,RRO,V,1-2-1,TYFCB,CEU', 'José,Díaz,4,0,0,0,0,1,0,0,0,0,0,0,0', 'Dana,Ruiz,0,0,0,0,0,0,0,0,0,0,0,0,0'].join('\r\n');
    const result = ok<any>(await api.callAsync('reconcilePalms', asInput(palms, {}, 'palms.csv')));
    expect(result.problems).toEqual(['Row 6 (José Díaz) could be Jose Diaz (Plumber) or José Díaz (Florist): their names differ only in accents, case or spacing. It is not compared with either (map the name in a slips import first).']);
    expect(result).toMatchObject({ compared: 1, differences: [], onlyInFile: [], onlyInLedger: [] });
  });
});
