// Every import preview says how the file was read — "Read as Windows-1252 text", "Read as UTF-8 text",
// "Read as UTF-16 text", "Read as an Excel workbook" — with a few of its accented or non-Latin names as
// they were read, so the secretary sees a wrongly read name before anything is imported.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const night = [
  ['Lucía Fernández', 'Zoë Müller', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['Zoë Müller', 'Dana Ruiz', 'One-to-One', '', '', '', 'Coffee at the harbour'],
  ['Dana Ruiz', 'Lucía Fernández', 'Referral', 'Inside', '', '', 'Keystone staff'],
];
const slipsCsv = Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Harbour Connectors'], [''], header, ...night], { newline: '\r\n' });
const input = (fileName: string, bytes: Buffer, extra: object = {}) => ({ fileName, contentBase64: bytes.toString('base64'), ...extra });
/** Excel on Windows, "CSV (Comma delimited)": one byte a letter, ë is EB, not UTF-8. */
const windows1252 = (text: string) => Buffer.from(text, 'latin1');
/** Excel's "Unicode text": UTF-16 with its byte-order mark. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
};

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Lucía', 'Fernández', 'Florist'], ['Zoë', 'Müller', 'Baker']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return { api, changes };
}

describe('every import preview says how the file was read', () => {
  it('a slips audit saved as CSV by Excel on Windows says "Read as Windows-1252" and shows the accented names as read, before anything is imported', async () => {
    const { api, changes } = chapter();
    const before = changes();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', input('slips.csv', windows1252(slipsCsv))));
    expect(p.readAs).toEqual({
      encoding: 'Windows-1252',
      sentence:
        'Read as Windows-1252 text (Excel\'s "CSV" on a Western European Windows), because the file is not UTF-8. Names with accents or other scripts, as read: "Lucía Fernández", "Zoë Müller". If a name looks wrong, choose how to read the file under "Read as", or save it from Excel as "CSV UTF-8" and choose it again.',
    });
    // Read rightly, the names match the members: nobody is left unmatched.
    expect(p.unmatchedNames).toEqual([]);
    expect(p.counts.new).toBe(3);
    expect(changes()).toBe(before);
  });

  it('the same slips saved as UTF-8, as Unicode text (UTF-16, either byte order) or as an .xlsx say so, and read the same', async () => {
    const { api } = chapter();
    const names = '"Lucía Fernández", "Zoë Müller"';
    const read = async (fileName: string, bytes: Buffer) => ok<any>(await api.callAsync('previewSlipsAuditImport', input(fileName, bytes)));
    const utf8 = await read('slips.csv', Buffer.from(slipsCsv));
    expect(utf8.readAs).toEqual({ encoding: 'UTF-8', sentence: `Read as UTF-8 text. Names with accents or other scripts, as read: ${names}.` });
    const withBom = await read('slips.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(slipsCsv)]));
    expect(withBom.readAs.encoding).toBe('UTF-8');
    const little = await read('slips.txt', utf16le(slipsCsv));
    expect(little.readAs).toEqual({ encoding: 'UTF-16LE', sentence: `Read as UTF-16 text (Excel's "Unicode text"). Names with accents or other scripts, as read: ${names}.` });
    expect((await read('slips.txt', utf16be(slipsCsv))).readAs.encoding).toBe('UTF-16BE');
    const rows = Papa.parse<string[]>(slipsCsv).data;
    const xlsx = await read('slips.xlsx', await writeXlsxFile(rows.map((r) => r.map((value) => ({ value })))).toBuffer());
    expect(xlsx.readAs).toEqual({ encoding: null, sentence: `Read as an Excel workbook (.xlsx): its text is Unicode, so names arrive as they were typed. Names with accents or other scripts, as read: ${names}.` });
    for (const p of [withBom, little, xlsx]) expect(p.counts).toEqual(utf8.counts);
  });

  it('the roster preview says it too, with names in Chinese and Arabic as read (the first three names it holds)', async () => {
    const { api } = chapter();
    const roster = ['First Name,Last Name,Company,Classification,Joined On,Status', '美玲,王,Wang Tea,Tea Merchant,2025-03-04,Active', 'فاطمة,حداد,Haddad Law,Lawyer,2025-03-04,Active', 'प्रिया,शर्मा,Sharma Tax,Tax Advisor,2025-03-04,Active', 'Ana,Lima,Lima Legal,Notary,2025-03-04,Active'].join('\n');
    const p = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', Buffer.from(roster))));
    expect(p.readAs).toEqual({ encoding: 'UTF-8', sentence: 'Read as UTF-8 text. Names with accents or other scripts, as read: "美玲", "王", "فاطمة".' });
    const latin = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', windows1252('First Name,Last Name,Company,Classification,Joined On,Status\nJosé,Díaz,Díaz Café,Café,2025-03-04,Active\n'))));
    expect(latin.readAs.encoding).toBe('Windows-1252');
    // "Díaz Café" is José's company, not a name: only the name columns are shown.
    expect(latin.readAs.sentence).toContain('as read: "José", "Díaz".');
  });

  it("the attendance report and the PALMS reconciliation say it too (BNI Connect's .xls is XML text)", async () => {
    const { api } = chapter();
    const attendance = Papa.unparse([['Chapter PALMS Attendance Report'], ['From', '11/03/2026'], ['To', '11/17/2026'], [''], ['First Name', 'Last Name', '11/03', '11/10', '11/17'], ['Zoë', 'Müller', 'P', 'A', 'P']], { newline: '\r\n' });
    const a = ok<any>(await api.callAsync('previewAttendanceImport', input('attendance.txt', utf16le(attendance))));
    expect(a.readAs).toEqual({ encoding: 'UTF-16LE', sentence: 'Read as UTF-16 text (Excel\'s "Unicode text"). Names with accents or other scripts, as read: "Zoë", "Müller".' });
    const palms = ok<any>(await api.callAsync('reconcilePalms', input('palms-q1-2026.xls', readFileSync('tests/fixtures/palms-q1-2026.xls'))));
    expect(palms.readAs).toEqual({ encoding: 'UTF-8', sentence: 'Read as UTF-8 text.' });
  });

  it('a German slips file saved by Excel on Windows lists only names as read, never its amounts "1.250,50 €" or a detail like "Café am Markt"', async () => {
    const { api } = chapter();
    const german = Papa.unparse(
      [
        ['Slips Audit Report for 17/11/2026'],
        ['Harbour Connectors'],
        [''],
        header,
        ['Dana Ruiz', 'Zoë Müller', 'TYFCB', 'Outside', '1.250,50 €', '', 'Café am Markt'],
        ['Dana Ruiz', 'Lucía Fernández', 'TYFCB', 'Outside', '12.000,00 €', '', 'Bäckerei'],
      ],
      { newline: '\r\n', delimiter: ';' },
    );
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', input('slips-de.csv', windows1252(german))));
    expect(p.readAs.encoding).toBe('Windows-1252');
    expect(p.readAs.sentence).toContain('as read: "Zoë Müller", "Lucía Fernández".');
    expect(p.readAs.sentence).not.toContain('€');
    expect(p.readAs.sentence).not.toContain('Café');
    expect(p.readAs.sentence).not.toContain('Bäckerei');
  });
});
