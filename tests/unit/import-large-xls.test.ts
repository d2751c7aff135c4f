// BNI Connect's .xls export (SpreadsheetML 2003) read as a stream of tags: an export of many slips is
// larger than the old 20 MB cap and is read, not refused; what the reader keeps (sheets, merged and
// indexed cells, dates, numbers, entities) is as before; a file past the limit is refused unread.
import { describe, expect, it } from 'vitest';
import { isNumberCell, readTable, readTableHere } from '../../src/imports/spreadsheet';
import { openTestDb, testRegistry } from '../support/db';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { okValue as ok } from '../support/first-quarter';

const workbook = (sheets: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">${sheets}</Workbook>`;
const cell = (text: string, extra = '') => `<Cell${extra}><Data ss:Type="String">${text}</Data></Cell>`;

/** Harbour Connectors with Dana Ruiz and Marcus Chen, the two names the files below use. */
function twoMemberChapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last] of [['Dana', 'Ruiz'], ['Marcus', 'Chen']]) {
    const classificationId = saveClassification(opened.db, { name: `${first}'s seat`, sphereId: null }).id;
    addMember(opened.db, { firstName: first!, lastName: last!, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  return { opened, api };
}

describe('an .xls export read as a stream', () => {
  it('an export over 20 MB (2,400 slips with long details) is read and previewed, not refused for its size', async () => {
    const { api } = twoMemberChapter();
    const note = 'Needs a second opinion on the roof, the gutters and the chimney; call after six. '.repeat(110); // 9,020 characters
    const rows = Array.from({ length: 2400 }, (_, i) => `<Row>${cell(i % 2 ? 'Dana Ruiz' : 'Marcus Chen')}${cell(i % 2 ? 'Marcus Chen' : 'Dana Ruiz')}${cell('Referral')}${cell('Outside')}${cell(`${i}: ${note}`, ' ss:Index="7"')}</Row>\n`).join('');
    const xml = workbook(`<Worksheet ss:Name="Report"><Table><Row>${cell('Slips Audit Report for 17/11/2026', ' ss:MergeAcross="6"')}</Row><Row/>
<Row>${['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'].map((h) => cell(h)).join('')}</Row>\n${rows}</Table></Worksheet>`);
    expect(xml.length).toBeGreaterThan(20 * 2 ** 20);
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', { fileName: 'slips-audit.xls', contentBase64: Buffer.from(xml).toString('base64') }));
    expect(preview).toMatchObject({ meetingOn: '2026-11-17', rows: 2400, counts: { new: 2400, problem: 0 } });
  });

  it('importing a file that differs from the previewed one only near its end imports the file given, not the preview', async () => {
    const { opened, api } = twoMemberChapter();
    // Over two megabytes of text before the last row: the two files are the same for their first 2 MB.
    const note = 'Roof, gutters and chimney; call after six. '.repeat(60);
    const file = (lastProspect: string) => {
      const rows = Array.from({ length: 800 }, (_, i) => `<Row>${cell('Dana Ruiz')}${cell('Marcus Chen')}${cell('Referral')}${cell('Outside')}${cell(i === 799 ? lastProspect : `${i}: ${note}`, ' ss:Index="7"')}</Row>\n`).join('');
      const xml = workbook(`<Worksheet ss:Name="Report"><Table><Row>${cell('Slips Audit Report for 17/11/2026')}</Row><Row/>
<Row>${['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'].map((h) => cell(h)).join('')}</Row>\n${rows}</Table></Worksheet>`);
      return { fileName: 'slips-audit.xls', contentBase64: Buffer.from(xml).toString('base64') };
    };
    const previewed = file('Harbour Bakery');
    expect(previewed.contentBase64.length).toBeGreaterThan(2 * 2 ** 20);
    ok(await api.callAsync('previewSlipsAuditImport', previewed));
    ok(await api.callAsync('importSlipsAudit', file('Quayside Dental')));
    const prospects = opened.sqlite.prepare("SELECT prospect_name FROM referrals WHERE prospect_name NOT LIKE '%:%'").pluck().all();
    expect(prospects).toEqual(['Quayside Dental']);
  });

  it('a file over 100 MB is refused before it is read, naming the limit', async () => {
    await expect(readTable('everything.xls', Buffer.alloc(101 * 2 ** 20, 0x20))).rejects.toMatchObject({
      field: 'file',
      message: 'everything.xls is 101 MB, more than the 100 MB an import file may be (an export of 100,000 slips is about 40 MB). Nothing was imported.',
    });
  });

  it('reads the "Report" sheet when another comes first, with merged and indexed cells, dates, numbers, entities and rich text as written', async () => {
    const xml = workbook(`<Worksheet ss:Name="Notes"><Table><Row>${cell('not this')}</Row></Table></Worksheet>
<ss:Worksheet ss:Name="Report"><ss:Table>
 <ss:Row><ss:Cell ss:MergeAcross="2"><ss:Data ss:Type="String">Title</ss:Data></ss:Cell><ss:Cell><ss:Data ss:Type="Number">1250.5</ss:Data></ss:Cell></ss:Row>
 <Row/>
 <Row><Cell ss:Index="3"><Data ss:Type="DateTime">2026-11-17T00:00:00.000</Data></Cell><Cell/>${cell('Zoë &amp; Söhne &#x4E2D;&#25991;')}</Row>
 <Row><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Bold</B> and <I>plain</I></ss:Data></Cell><Cell><Data ss:Type="String"><![CDATA[<raw>]]></Data></Cell></Row>
</ss:Table></ss:Worksheet>`);
    const table = await readTableHere('report.xls', Buffer.from(xml));
    expect(table).toEqual([['Title', '', '', '1250.5'], [], ['', '', '2026-11-17', '', 'Zoë & Söhne 中文'], ['Bold and plain', '<raw>']]);
    expect(isNumberCell(table[0], 3)).toBe(true);
    expect(isNumberCell(table[2], 2)).toBe(false);
  });

  it('a workbook whose spreadsheet attributes carry another prefix (x:Index, x:Type) reads the same as one written by Excel', async () => {
    const xml = `<?xml version="1.0"?><x:Workbook xmlns:x="urn:schemas-microsoft-com:office:spreadsheet"><x:Worksheet x:Name="Report"><x:Table>
<x:Row><x:Cell x:MergeAcross="1"><x:Data x:Type="String">Title</x:Data></x:Cell><x:Cell x:Index="4"><x:Data x:Type="Number">1250.5</x:Data></x:Cell></x:Row>
</x:Table></x:Worksheet></x:Workbook>`;
    const table = await readTableHere('other-prefix.xls', Buffer.from(xml));
    expect(table).toEqual([['Title', '', '', '1250.5']]);
    expect(isNumberCell(table[0], 3)).toBe(true);
  });

  it('a file cut off half-way, or XML that is no workbook, is refused with a sentence', async () => {
    const whole = workbook(`<Worksheet ss:Name="Report"><Table><Row>${cell('From')}</Row><Row>${cell('Dana Ruiz')}</Row></Table></Worksheet>`);
    await expect(readTableHere('cut.xls', Buffer.from(whole.slice(0, whole.length - 40)))).rejects.toThrow(/^cut\.xls is not a complete spreadsheet file: it ends before the report does/);
    await expect(readTableHere('feed.xml', Buffer.from('<?xml version="1.0"?><rss><channel/></rss>'))).rejects.toThrow(/^feed\.xml is XML but not a spreadsheet \(no Workbook\)/);
    await expect(readTableHere('empty.xls', Buffer.from(workbook('')))).rejects.toThrow(/^empty\.xls has no worksheet/);
  });

  it('a cell where the reader cuts the file into parts is read whole: ">" in the text, an entity, Chinese, Arabic and Hindi', async () => {
    // Several megabytes, so the reader's half-megabyte parts end inside these cells' text many times.
    const texts = Array.from({ length: 3000 }, (_, i) => `${i} > ${'陈大文 محمد علي देवनागरी &amp; Müller > Ødegård '.repeat(20)}`);
    const xml = workbook(`<Worksheet ss:Name="Report"><Table>${texts.map((t) => `<Row>${cell(t)}${cell('<![CDATA[a > b]]>')}</Row>\n`).join('')}</Table></Worksheet>`);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(4 * 2 ** 20);
    const expected = texts.map((t) => [t.replace(/&amp;/g, '&').trim(), 'a > b']);
    expect(await readTableHere('report.xls', Buffer.from(xml))).toEqual(expected);
    expect(await readTable('report.xls', Buffer.from(xml))).toEqual(expected);
  });

  it('a file cut off inside a tag or a text, past the first part, is refused as incomplete', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `<Row>${cell(`Row ${i} > detail`)}</Row>\n`).join('');
    const xml = workbook(`<Worksheet ss:Name="Report"><Table>${rows}</Table></Worksheet>`);
    for (const cut of [xml.lastIndexOf('<Row>') + 3, xml.lastIndexOf('Row 19999') + 4]) {
      await expect(readTableHere('cut.xls', Buffer.from(xml.slice(0, cut)))).rejects.toThrow(/not a complete spreadsheet file/);
    }
  });
});
