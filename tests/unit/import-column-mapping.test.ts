// A roster or an attendance report whose headers the ledger does not recognise: the preview shows the
// file's own headers and the secretary says which column is which, as in the Slips Audit import. Nothing
// is imported until the needed columns are known. An attendance report for another chapter is warned about.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { slipsAuditCsv } from '../support/import-files';
import { okValue as ok } from '../support/first-quarter';

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2025-01-01' })));
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  const changes = () => count('SELECT total_changes()');
  return { opened, api, count, changes };
}
const asInput = (fileName: string, text: string, extra: object = {}) => ({ fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra });
const csv = (rows: string[][]) => Papa.unparse(rows, { newline: '\r\n' });

describe('a roster with headers the ledger does not recognise', () => {
  // A Polish roster: Imię (first name), Nazwisko (last name), Firma (company), Branża (classification), Członek od (member since).
  const polish = csv([
    ['Imię', 'Nazwisko', 'Firma', 'Branża', 'Członek od'],
    ['Ana', 'Lima', 'Lima Law', 'Business Attorney', '2025-02-03'],
    ['Bo', 'Ek', 'Ek Catering', 'Catering', '2025-03-04'],
  ]);

  it('asks which column is First Name, Last Name and Classification, imports nothing until told, then adds the members with every detail pointed at', async () => {
    const { api, count, changes } = chapter();
    const before = changes();
    const asked = ok<any>(await api.callAsync('previewRosterImport', asInput('czlonkowie.csv', polish)));
    expect(asked.columnQuestion).toMatchObject({
      blocking: true,
      headers: ['Imię', 'Nazwisko', 'Firma', 'Branża', 'Członek od'],
      message: "The ledger does not recognise the First Name, Last Name and Classification columns in czlonkowie.csv: choose which of the file's columns are which.",
    });
    expect(asked).toMatchObject({ members: 0, adds: [], problems: [] });
    const refused = await api.callAsync('importRoster', asInput('czlonkowie.csv', polish));
    expect(refused).toMatchObject({ ok: false, error: { field: 'columns' } });
    expect(changes()).toBe(before);

    // The three needed: the roster is read ("Firma" is a company in German too); "Członek od" is asked about without blocking.
    const three = ok<any>(await api.callAsync('previewRosterImport', asInput('czlonkowie.csv', polish, { columns: { firstName: 0, lastName: 1, classification: 3 } })));
    expect(three.columnQuestion).toMatchObject({ blocking: false, message: 'The file has a column the ledger does not recognise ("Członek od"): if it holds the Email, Phone, Joined On or another field, choose it below.' });
    expect(three).toMatchObject({ members: 2, problems: [] });

    const columns = { firstName: 0, lastName: 1, classification: 3, joinedOn: 4 };
    const all = ok<any>(await api.callAsync('previewRosterImport', asInput('czlonkowie.csv', polish, { columns })));
    expect(all.columnQuestion).toBeNull();
    expect(all.adds).toEqual([
      { row: 2, name: 'Ana Lima', classification: 'Business Attorney', status: 'active', joinedOn: '2025-02-03' },
      { row: 3, name: 'Bo Ek', classification: 'Catering', status: 'active', joinedOn: '2025-03-04' },
    ]);
    expect(ok<any>(await api.callAsync('importRoster', asInput('czlonkowie.csv', polish, { columns })))).toMatchObject({ imported: 2 });
    expect(count("SELECT count(*) FROM members WHERE company = 'Ek Catering' AND joined_on = '2025-03-04'")).toBe(1);
  });

  it('a Dutch or German roster is read by its own headers, without asking', async () => {
    const { api } = chapter();
    const dutch = csv([['Voornaam', 'Achternaam', 'Bedrijf', 'Classificatie', 'Lid sinds'], ['Ana', 'Lima', 'Lima Advocaten', 'Business Attorney', '2025-02-03']]);
    expect(ok<any>(await api.callAsync('previewRosterImport', asInput('leden.csv', dutch)))).toMatchObject({ columnQuestion: null, members: 1, problems: [] });
    const german = csv([['Vorname', 'Nachname', 'Firma', 'Klassifizierung', 'Mitglied seit'], ['Ana', 'Lima', 'Lima Recht', 'Business Attorney', '2025-02-03']]);
    expect(ok<any>(await api.callAsync('previewRosterImport', asInput('mitglieder.csv', german)))).toMatchObject({ columnQuestion: null, members: 1, problems: [] });
  });

  it('a column number past the end of the header is refused with a sentence', async () => {
    const { api } = chapter();
    const result = await api.callAsync('previewRosterImport', asInput('czlonkowie.csv', polish, { columns: { firstName: 0, lastName: 1, classification: 7 } }));
    expect(result).toMatchObject({ ok: false, error: { field: 'columns', message: 'czlonkowie.csv has 5 columns: choose the Classification column again.' } });
  });
});

// Eight Tuesdays from 7 July 2026, headed MM/DD as a US export heads them.
const tuesdays = Array.from({ length: 8 }, (_, i) => addDays('2026-07-07', 7 * i));
const dateHeaders = tuesdays.map((d) => `${d.slice(5, 7)}/${d.slice(8, 10)}`);
const report = (title: string[][], first: string, last: string) =>
  csv([...title, ['From', '07/07/2026'], ['To', '08/25/2026'], [''], [first, last, ...dateHeaders], ['Dana', 'Ruiz', ...tuesdays.map(() => 'P')]]);

describe('an attendance report with headers the ledger does not recognise, or for another chapter', () => {
  it('asks which column is First Name and Last Name (the meeting-date columns are known by their dates), then imports the marks', async () => {
    const { api, count, changes } = chapter();
    const polish = report([['Chapter PALMS Attendance Report']], 'Imię', 'Nazwisko');
    const before = changes();
    const asked = ok<any>(await api.callAsync('previewAttendanceImport', asInput('obecnosc.csv', polish)));
    expect(asked.columnQuestion).toMatchObject({ blocking: true, message: "The ledger does not recognise the First Name and Last Name columns in obecnosc.csv: choose which of the file's columns are which." });
    expect(asked.columnQuestion.headers).toEqual(['Imię', 'Nazwisko', ...dateHeaders]);
    expect(asked).toMatchObject({ marksToAdd: 0, meetings: 0 });
    expect(await api.callAsync('importAttendanceReport', asInput('obecnosc.csv', polish))).toMatchObject({ ok: false, error: { field: 'columns' } });
    expect(changes()).toBe(before);

    const columns = { firstName: 0, lastName: 1 };
    const answered = ok<any>(await api.callAsync('previewAttendanceImport', asInput('obecnosc.csv', polish, { columns })));
    expect(answered).toMatchObject({ columnQuestion: null, meetings: 8, members: 1, marksToAdd: 8, problems: [] });
    ok(await api.callAsync('importAttendanceReport', asInput('obecnosc.csv', polish, { columns })));
    expect(count("SELECT count(*) FROM attendance WHERE mark = 'P'")).toBe(8);
  });

  it('a German report (Vorname, Nachname) is read without asking', async () => {
    const { api } = chapter();
    const german = csv([['Chapter PALMS Anwesenheitsbericht'], ['Von', '07.07.2026'], ['Bis', '25.08.2026'], [''], ['Vorname', 'Nachname', ...tuesdays.map((d) => `${d.slice(8, 10)}.${d.slice(5, 7)}.`)], ['Dana', 'Ruiz', ...tuesdays.map(() => 'P')]]);
    expect(ok<any>(await api.callAsync('previewAttendanceImport', asInput('anwesenheit.csv', german)))).toMatchObject({ columnQuestion: null, meetings: 8, marksToAdd: 8 });
  });

  it("warns when the report is another chapter's, whether its title block names the chapter on a line or in a Chapter row; the same chapter however written is not warned about", async () => {
    const { api, count } = chapter();
    const warning = 'This file is for Bay Builders; the open chapter is Harbour Connectors. Check that this is the right file (or the right chapter file is open) before importing.';
    const onALine = ok<any>(await api.callAsync('previewAttendanceImport', asInput('a.csv', report([['Chapter PALMS Attendance Report'], ['Bay Builders']], 'First Name', 'Last Name'))));
    expect(onALine).toMatchObject({ chapterWarning: warning, marksToAdd: 8 });
    const inARow = ok<any>(await api.callAsync('previewAttendanceImport', asInput('a.csv', report([['Chapter PALMS Attendance Report'], ['Chapter:', 'Bay Builders']], 'First Name', 'Last Name'))));
    expect(inARow.chapterWarning).toBe(warning);
    // Imported only once the secretary says it is theirs: refused with what to do, nothing written.
    const other = asInput('a.csv', report([['Chapter PALMS Attendance Report'], ['Bay Builders']], 'First Name', 'Last Name'));
    const marks = count('SELECT count(*) FROM attendance');
    const refused = await api.callAsync('importAttendanceReport', other);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ field: 'anotherChapter', message: expect.stringMatching(/^This file is for Bay Builders; the open chapter is Harbour Connectors\. Nothing was imported\. If it is the right file, tick "It is our file: import it into this chapter anyway"/) });
    expect(count('SELECT count(*) FROM attendance')).toBe(marks);
    expect(ok<any>(await api.callAsync('importAttendanceReport', { ...other, anotherChapter: true })).batchId).not.toBeNull();
    expect(count('SELECT count(*) FROM attendance')).toBe(marks + 8);
    const [entry] = ok<any[]>(api.call('listAuditLog', { entity: 'import_batch' }));
    expect(entry.summary).toMatch(/attendance marks.*\. This file is for Bay Builders; the open chapter is Harbour Connectors\. Imported on the secretary's word that it is this chapter's file\.$/);
    for (const same of [[['Chapter PALMS Attendance Report'], ['BNI harbour connectors Chapter']], [['Chapter PALMS Attendance Report']], [['Chapter: Harbour Connectors']]]) {
      expect(ok<any>(await api.callAsync('previewAttendanceImport', asInput('a.csv', report(same, 'First Name', 'Last Name')))).chapterWarning).toBeNull();
    }
  });
});

describe('a report chosen on the wrong tab', () => {
  it('the PALMS attendance report chosen as a Slips Audit says what it looks like before asking about its columns, and the other way round; a report on its own tab is not told off', async () => {
    const { api, changes } = chapter();
    const before = changes();
    const attendance = asInput('palms.csv', report([['Chapter PALMS Attendance Report']], 'First Name', 'Last Name'));
    const asSlips = ok<any>(await api.callAsync('previewSlipsAuditImport', attendance));
    expect(asSlips.columnQuestion.blocking).toBe(true);
    expect(asSlips.columnQuestion.message).toMatch(/^This looks like BNI Connect's Chapter PALMS Attendance Report, not a Slips Audit Report: import it on the Attendance report tab\. The ledger does not recognise the /);
    expect(ok<any>(await api.callAsync('previewAttendanceImport', attendance)).columnQuestion).toBeNull();
    const slips = asInput('slips.csv', slipsAuditCsv('2026-08-25', ['Dana Ruiz', 'Dana Ruiz']).toString());
    const asAttendance = ok<any>(await api.callAsync('previewAttendanceImport', slips));
    expect(asAttendance.columnQuestion.blocking).toBe(true);
    expect(asAttendance.columnQuestion.message).toMatch(/^This looks like BNI Connect's Slips Audit Report, not the PALMS Attendance Report: import it on the Slips audit tab\. /);
    expect(ok<any>(await api.callAsync('previewSlipsAuditImport', slips)).columnQuestion).toBeNull();
    // Looking writes nothing.
    expect(changes()).toBe(before);
  });

  it('the Chapter Summary PALMS Report is sent to "Check against BNI Connect PALMS" from either tab, not to the other import tab; nothing is imported', async () => {
    const { api, changes } = chapter();
    const before = changes();
    const summary = { fileName: 'palms-q1-2026.xls', contentBase64: readFileSync('tests/fixtures/palms-q1-2026.xls').toString('base64') };
    const asSlips = ok<any>(await api.callAsync('previewSlipsAuditImport', summary));
    expect(asSlips.columnQuestion.message).toMatch(/^This looks like BNI Connect's Chapter Summary PALMS Report \(each member's totals for a period\), not a Slips Audit Report: it is not imported; choose "Check against BNI Connect PALMS" above to compare it with the ledger\. /);
    const asAttendance = await api.callAsync('previewAttendanceImport', summary);
    expect(asAttendance.ok).toBe(false);
    expect(!asAttendance.ok && asAttendance.error.message).toBe(
      'palms-q1-2026.xls: This looks like BNI Connect\'s Chapter Summary PALMS Report (each member\'s totals for a period), not the PALMS Attendance Report: it is not imported; choose "Check against BNI Connect PALMS" above to compare it with the ledger. Nothing was imported.',
    );
    expect((await api.callAsync('importAttendanceReport', summary)).ok).toBe(false);
    expect(changes()).toBe(before);
  });
});
