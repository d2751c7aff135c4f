// A roster with some bad rows: each problem row is listed and left out, any row can be skipped, and
// the good rows are imported — one bad row never holds back the others.
import { describe, expect, it } from 'vitest';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';
import { saveChapter } from '../../src/services/chapter';

// The fresh-eyes secretary's file: ten people, four with a mistake.
const rosterFile = [
  'First Name,Last Name,Company,Classification,Email,Phone,Joined On,Renewal Due,Status',
  'Ana,Lima,Lima Legal,Business Attorney,ana@lima.example,(951) 555-0101,2024-02-06,2027-02-06,Active',
  'Bo,Ek,Ek Bakery,Catering,bo@ek.example,,2025-03-06,2027-03-06,active',
  'Cy,Ng,Ng Photo,Photography,,,2025-05-20,,Applicant',
  'Di,Fox,Fox Photo,photography,di@fox.example,,2025-06-01,,Active',
  'Ed,Roe,Roe Realty,Real Estate — Residential,,,2026-01-13,,On leave',
  'Fay,Ho,Ho Events,Event Planning,not-an-email,,2026-01-13,,Active',
  'Gus,Li,Li Travel,Travel Agency,,,31/02/2026,,Active',
  'Dana,Ruiz,Ruiz Realty Group,Real Estate — Residential,,,2025-03-04,,Active',
  'José,Díaz,Díaz Kitchens,Kitchen Remodeling,jose@diaz.example,,2025-09-09,,Active',
  'Lucía,Fernández,Fernández Insurance,Insurance,,,2025-01-01,,Active',
].join('\n');
const file = (extra: Record<string, unknown> = {}) => ({ fileName: 'roster.csv', contentBase64: Buffer.from(rosterFile).toString('base64'), ...extra });

function emptyChapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const names = () => (opened.sqlite.prepare("SELECT first_name || ' ' || last_name FROM members ORDER BY 1").pluck().all() as string[]);
  return { api, names };
}

describe('a roster with a few bad rows', () => {
  it('a new chapter imports the six good members; the four problem rows are left out and each is named in the answer', async () => {
    const { api, names } = emptyChapter();
    const p = ok<any>(await api.callAsync('previewRosterImport', file()));
    expect(p.members).toBe(6);
    expect(p.adds.map((a: any) => a.row)).toEqual([2, 3, 4, 6, 10, 11]);
    expect(p.problems.map((x: any) => x.row)).toEqual([5, 7, 8, 9]);
    const result = ok<any>(await api.callAsync('importRoster', file()));
    expect(result).toMatchObject({ imported: 6, updated: 0 });
    expect(result.problems.map((x: any) => x.message)).toEqual(p.problems.map((x: any) => x.message));
    expect(result.problems).toHaveLength(4);
    expect(names()).toEqual(['Ana Lima', 'Bo Ek', 'Cy Ng', 'Ed Roe', 'José Díaz', 'Lucía Fernández']);
  });

  it('skipping Ed lets Dana take Real Estate — Residential; a skipped row is listed as skipped, never silently dropped', async () => {
    const { api, names } = emptyChapter();
    const before = ok<any>(await api.callAsync('previewRosterImport', file()));
    expect(before.problems.find((x: any) => x.row === 9).message).toBe('Row 9 (Dana Ruiz): Real Estate — Residential is also given to Ed Roe earlier in the file: one seat per classification.');
    const p = ok<any>(await api.callAsync('previewRosterImport', file({ skipRows: [6] })));
    expect(p.skipped).toEqual([{ row: 6, message: 'Row 6 (Ed Roe) is skipped, as you chose.' }]);
    expect(p.problems.map((x: any) => x.row)).toEqual([5, 7, 8]);
    const result = ok<any>(await api.callAsync('importRoster', file({ skipRows: [6] })));
    expect(result).toMatchObject({ imported: 6, skipped: [{ row: 6 }] });
    expect(names()).toContain('Dana Ruiz');
    expect(names()).not.toContain('Ed Roe');
    expect(ok<any[]>(api.call('listImports', {}))[0]).toMatchObject({ created: 6, skipped: 4 });
  });

  it("Fay's email and Gus's impossible date are corrected in the preview; the file itself is not needed again", async () => {
    const { api, names } = emptyChapter();
    const p = ok<any>(await api.callAsync('previewRosterImport', file()));
    expect(p.problems.filter((x: any) => x.row === 7 || x.row === 8).map((x: any) => x.field)).toEqual(['email', 'joinedOn']);
    const fixes = { '7': { email: 'fay@ho.example' }, '8': { joinedOn: '2026-02-28' } };
    const fixed = ok<any>(await api.callAsync('previewRosterImport', file({ fixes })));
    expect(fixed.problems.map((x: any) => x.row)).toEqual([5, 9]);
    expect(ok<any>(await api.callAsync('importRoster', file({ fixes }))).imported).toBe(8);
    expect(names()).toEqual(expect.arrayContaining(['Fay Ho', 'Gus Li']));
    const gus = ok<any[]>(api.call('listMembers', { scope: 'all' })).find((m) => m.firstName === 'Gus');
    expect(gus.joinedOn).toBe('2026-02-28');
    // A correction that is still wrong stays a problem with the same sentence.
    const still = ok<any>(await api.callAsync('previewRosterImport', file({ fixes: { '8': { joinedOn: '30/02/2026' } } })));
    expect(still.problems.find((x: any) => x.row === 8).message).toBe('Row 8 (Gus Li): joined on "30/02/2026" is not a date (use 2026-03-04 or 04/03/2026).');
  });

  it('a file whose every row has a problem adds nobody and leaves no empty entry in the history', async () => {
    const { api, names } = emptyChapter();
    const bad = ['First Name,Last Name,Classification,Joined On', 'Gus,Li,Travel Agency,31/02/2026', 'Fay,Ho,,2026-01-13'].join('\n');
    const done = ok<any>(await api.callAsync('importRoster', { fileName: 'bad.csv', contentBase64: Buffer.from(bad).toString('base64') }));
    expect(done).toMatchObject({ imported: 0, updated: 0 });
    expect(done.problems.map((x: any) => x.row)).toEqual([2, 3]);
    expect(names()).toEqual([]);
    expect(ok<any[]>(api.call('listImports', {}))).toEqual([]);
  });

  it('a row number that is not a number is refused with a sentence, and nothing is imported', async () => {
    const { api, names } = emptyChapter();
    expect(await api.callAsync('importRoster', file({ skipRows: ['six'] }))).toMatchObject({ ok: false, error: { message: 'A skipped row is a row number.' } });
    expect(await api.callAsync('importRoster', file({ fixes: { '8': { address: 'Main St' } } }))).toMatchObject({ ok: false });
    expect(names()).toEqual([]);
  });
});
