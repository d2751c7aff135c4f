// What the import reader (a worker thread) hands back is the file's rows exactly as written, however it
// carries them: ragged rows, empty rows and cells, the same name on every row, accents and other
// scripts — also where a large UTF-8 file's text is put together from parts and a character falls
// across the join.
import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../src/imports/packed-rows';
import { isNumberCell, readTable } from '../../src/imports/spreadsheet';

describe('rows from the import reader', () => {
  it('come back cell for cell: ragged rows, empty rows, empty cells and repeated names', () => {
    const rows = [
      ['Slips Audit Report for 17/11/2026'],
      [],
      ['From', 'To', 'Slip Type', '', 'Detail'],
      ['Zoë Müller', '王芳', 'Referral', '', 'Roof'],
      ['王芳', 'Zoë Müller', 'TYFCB', '1,250.50', ''],
      ['Zoë Müller', '', 'CEU', '', '', '', '2'],
      ['', ''],
    ];
    const packed = packRows(rows);
    // Each distinct text travels once.
    expect(packed.texts.filter((t) => t === 'Zoë Müller')).toHaveLength(1);
    expect(unpackRows(packed)).toEqual(rows);
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it('a 3,000-row CSV read in parts by the worker keeps every row in order, with the names as typed', async () => {
    const names = ['Zoë Müller', 'राहुल शर्मा', 'محمد الأحمد', '王芳', 'Dana Ruiz'];
    const lines = ['From,To,Slip Type,TYFCB,Detail'];
    for (let i = 0; i < 3000; i++) lines.push(`${names[i % 5]},${names[(i + 1) % 5]},${i % 2 ? 'TYFCB' : 'Referral'},${i % 2 ? i : ''},Prospect ${i}`);
    const table = await readTable('slips.csv', Buffer.from(lines.join('\r\n')));
    expect(table).toHaveLength(3001);
    expect(table[1]).toEqual(['Zoë Müller', 'राहुल शर्मा', 'Referral', '', 'Prospect 0']);
    expect(table[3000]).toEqual(['Dana Ruiz', 'Zoë Müller', 'TYFCB', '2999', 'Prospect 2999']);
    expect(table.slice(1).every((row, i) => row[4] === `Prospect ${i}`)).toBe(true);
  });

  it("a large UTF-8 .xls whose names fall across the reader's 512 KB parts reads every name whole, and its Number cells stay numbers", async () => {
    // Rows of different lengths, so that over 1.5 MB some multi-byte character sits on each 512 KB mark.
    const names = ['Zoë Müller', 'राहुल शर्मा', 'محمد الأحمد', '王芳'];
    const cell = (text: string, type = 'String') => `<Cell><Data ss:Type="${type}">${text}</Data></Cell>`;
    const rows: string[] = [];
    for (let i = 0; i < 9000; i++) rows.push(`<Row>${cell(names[i % 4]!)}${cell(names[(i + 1) % 4]!)}${cell('TYFCB')}${cell(String(100 + i), 'Number')}${cell('é'.repeat(i % 7))}</Row>\n`);
    const body = `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Report"><Table>${rows.join('')}</Table></Worksheet></Workbook>`;
    // Spaces after the declaration move the text until a character's second byte sits on the 512 KB mark.
    const mark = 512 * 1024;
    const unpadded = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
    let pad = 0;
    while ((unpadded[mark - pad]! & 0xc0) !== 0x80) pad++;
    const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${' '.repeat(pad)}${body}`);
    expect(bytes.length).toBeGreaterThan(1.5 * 2 ** 20);
    expect(bytes[mark]! & 0xc0).toBe(0x80);
    const table = await readTable('slips.xls', bytes);
    expect(table).toHaveLength(9000);
    table.forEach((row, i) => {
      expect(row).toEqual([names[i % 4], names[(i + 1) % 4], 'TYFCB', String(100 + i), 'é'.repeat(i % 7)]);
    });
    expect(isNumberCell(table[4321], 3)).toBe(true);
    expect(isNumberCell(table[4321], 0)).toBe(false);
  });
});
