// "José Díaz" and "Jose Diaz" in one file are one person unless two members' names read that way.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const rows = [
  ['José Díaz', 'Dana Ruiz', 'Referral', 'Outside', '', '', 'Kitchen remodel lead'],
  ['Jose Diaz', 'Dana Ruiz', 'TYFCB', 'Outside', '400.00', '', 'Thanks for the job'],
  ['Dana Ruiz', 'Jose Diaz', 'One-to-One', '', '', '', 'Lunch'],
];
const slips = (extra: object = {}) => ({ fileName: 'slips.csv', contentBase64: Buffer.from(Papa.unparse([['Slips Audit Report for 2026-11-17'], ['Harbour Connectors'], [''], header, ...rows])).toString('base64'), ...extra });

function chapter(people: Array<[string, string, string]>) {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of people) {
    ids[`${first} ${last}`] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(opened.db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  return { api, ids };
}

describe('one name, two spellings', () => {
  it('with one member José Díaz, "José Díaz" and "Jose Diaz" in the same file are both him: nothing is asked', async () => {
    const { api } = chapter([['Dana', 'Ruiz', 'Realtor'], ['José', 'Díaz', 'Kitchens']]);
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', slips()));
    expect(p).toMatchObject({ unmatchedNames: [], askedNames: [], otherSpellings: [], counts: { new: 3, problem: 0 } });
    expect(p.lines.map((l: any) => (l.from === 'Dana Ruiz' ? l.toIs : l.fromIs))).toEqual(['José Díaz', 'José Díaz', 'José Díaz']);
  });

  it('with no such member, the two spellings are asked once, and one answer covers every row', async () => {
    const { api, ids } = chapter([['Dana', 'Ruiz', 'Realtor'], ['Joseph', 'Diaz-Ortega', 'Kitchens']]);
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', slips()));
    expect(p.unmatchedNames).toEqual(['José Díaz']);
    expect(p.otherSpellings).toEqual([{ name: 'José Díaz', also: ['Jose Diaz'] }]);
    expect(p.counts).toMatchObject({ problem: 3 });
    const answered = ok<any>(await api.callAsync('previewSlipsAuditImport', slips({ aliases: { 'José Díaz': ids['Joseph Diaz-Ortega'] } })));
    expect(answered).toMatchObject({ unmatchedNames: [], counts: { new: 3, problem: 0 } });
  });

  it('two members whose names read the same are still asked about separately, spelling by spelling', async () => {
    const { api } = chapter([['Dana', 'Ruiz', 'Realtor'], ['José', 'Díaz', 'Kitchens'], ['Jose', 'Diaz', 'Plumber']]);
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', slips()));
    expect(p.askedNames.map((a: any) => a.name)).toEqual(['Jose Diaz', 'José Díaz']);
    expect(p.otherSpellings).toEqual([]);
  });

  it('a roster listing "José Díaz" and "Jose Diaz" adds one member and leaves the second row out, saying why', async () => {
    const { api } = chapter([]);
    const roster = ['First Name,Last Name,Classification', 'José,Díaz,Kitchen Remodeling', 'Jose,Diaz,Plumbing'].join('\n');
    const done = ok<any>(await api.callAsync('importRoster', { fileName: 'roster.csv', contentBase64: Buffer.from(roster).toString('base64') }));
    expect(done.imported).toBe(1);
    expect(done.problems).toEqual([{ row: 3, message: 'Row 3 (Jose Diaz): row 2 (José Díaz) reads as the same person (the names differ only in accents, case or spacing), so this row is left out: skip one of the two rows or correct the name.' }]);
  });
});
