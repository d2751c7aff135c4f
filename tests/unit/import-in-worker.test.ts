import { describe, expect, it } from 'vitest';
import { importLimits } from '../../src/imports/bounded-read';
import { bytesToMove, parseWorkerLimits } from '../../src/imports/parse-in-worker';
import { encodingOf, isNumberCell, readTable } from '../../src/imports/spreadsheet';

/*
 * Import files are read in a worker thread: while a big file is read the app keeps answering, a
 * file that takes too long or needs too much memory is stopped with a sentence, and what comes back
 * is exactly what reading in place would give (number cells, the encoding, the refusals).
 */

/** The largest CSV the row limit allows: 100,000 slips of a long history, names in several scripts. */
const largestCsv = (rowCount: number = importLimits.rows) => {
  const names = ['Dana Ruiz', 'Zoë Müller', '王美玲', 'فاطمة حداد', 'प्रिया शर्मा'];
  const rows = ['Date,Giver,Receiver,Type,Amount,Note'];
  for (let i = 1; i < rowCount; i++) rows.push(`2026-0${1 + (i % 9)}-1${i % 10},${names[i % 5]},${names[(i + 2) % 5]},TYFCB,${i}.50,"Row ${i}, a note"`);
  return Buffer.from(rows.join('\n'));
};

describe('import files are read off the thread that answers the window', () => {
  it('while a 100,000-row file is read, the app keeps answering (timers fire throughout), and every row arrives', async () => {
    await readTable('warm-up.csv', Buffer.from('a,b\n1,2\n')); // the worker's code is prepared once per process
    const bytes = largestCsv();
    let answered = 0;
    let reading = true;
    const ticker = setInterval(() => {
      if (reading) answered += 1;
    }, 5);
    const started = performance.now();
    const table = await readTable('ten-years.csv', bytes);
    const took = performance.now() - started;
    reading = false;
    clearInterval(ticker);
    expect(table).toHaveLength(importLimits.rows);
    expect(table[2]).toEqual(['2026-03-12', '王美玲', 'प्रिया शर्मा', 'TYFCB', '2.50', 'Row 2, a note']);
    // Read in place, the thread would be busy for the whole read and no timer could fire.
    expect(answered).toBeGreaterThan(3);
    console.log(`100,000-row CSV (${(bytes.length / 2 ** 20).toFixed(1)} MB) read in a worker in ${(took / 1000).toFixed(2)} s; ${answered} timer ticks answered meanwhile`);
  });

  it('a file that takes longer than the time limit is stopped with a sentence naming the limit, and the next file reads normally', async () => {
    const bytes = largestCsv();
    await expect(readTable('slow.csv', bytes, {}, { ...parseWorkerLimits, timeMs: 40 })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'file',
      message: expect.stringMatching(/^slow\.csv took longer than 0\.04 seconds to read, so reading it was stopped \(the limit for an import file.*Nothing was imported\.$/),
    });
    expect(await readTable('next.csv', Buffer.from('Name\nDana Ruiz\n'))).toEqual([['Name'], ['Dana Ruiz'], ['']]);
  });

  it('a file that needs more memory than the ceiling is stopped with a sentence, not a crash of the app', async () => {
    const bytes = largestCsv();
    await expect(readTable('greedy.csv', bytes, {}, { ...parseWorkerLimits, memoryMb: 8 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^greedy\.csv needs more than 8 MB of memory to read \(the limit for an import file\)/),
    });
  });

  it('what comes back is what the file says: number cells stay numbers, the encoding is kept, a refusal keeps its sentence', async () => {
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Report"><Table>
      <Row><Cell><Data ss:Type="String">Amount</Data></Cell><Cell><Data ss:Type="String">Text</Data></Cell></Row>
      <Row><Cell><Data ss:Type="Number">1250.5</Data></Cell><Cell><Data ss:Type="String">1250.5</Data></Cell></Row></Table></Worksheet></Workbook>`;
    const table = await readTable('report.xls', Buffer.from(xml));
    expect(isNumberCell(table[1], 0)).toBe(true);
    expect(isNumberCell(table[1], 1)).toBe(false);
    const latin = await readTable('roster.csv', Buffer.from('Name\nZo\xeb M\xfcller\n', 'latin1'));
    expect(latin[1]).toEqual(['Zoë Müller']);
    expect(encodingOf(latin)).toBe('Windows-1252');
    await expect(readTable('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).rejects.toMatchObject({ code: 'invalid_input', field: 'file', message: expect.stringMatching(/^photo\.csv is not a spreadsheet/) });
  });

  it('a file handed to the reader moves there instead of being copied (read once, not held twice), and reads exactly as a copy does', async () => {
    const copied = largestCsv(5_000);
    const handed = largestCsv(5_000);
    const fromCopy = await readTable('a-year.csv', copied);
    const fromHanded = await readTable('a-year.csv', handed, {}, undefined, { handOver: true });
    expect(fromHanded).toHaveLength(5_000);
    expect(fromHanded).toEqual(fromCopy);
    expect(encodingOf(fromHanded)).toBe('UTF-8');
    // The caller said it was done with the bytes: they moved to the worker, so nothing is left here.
    expect(handed.length).toBe(0);
    // Without that word the caller keeps its bytes as they were.
    expect(copied.length).toBeGreaterThan(300_000);
    expect(copied.subarray(0, 4).toString()).toBe('Date');
  });

  it('a small file handed over is copied, never moved: it shares Node\'s buffer pool with other data, which stays readable', async () => {
    const neighbour = Buffer.from('Zoë Müller, still here');
    const small = Buffer.from('Name\nDana Ruiz\n');
    expect(small.buffer).toBe(neighbour.buffer); // both slices of the same pool
    expect(bytesToMove(small, true).buffer).not.toBe(small.buffer);
    expect(await readTable('small.csv', small, {}, undefined, { handOver: true })).toEqual([['Name'], ['Dana Ruiz'], ['']]);
    expect(small.toString()).toBe('Name\nDana Ruiz\n');
    expect(neighbour.toString()).toBe('Zoë Müller, still here');
  });

  /** A SpreadsheetML workbook: each sheet a name and its rows (a number cell where the value is a number). */
  const workbook = (sheets: Array<[string, Array<Array<string | number>>]>) =>
    Buffer.from(
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">${sheets
        .map(([name, rows]) => `<Worksheet ss:Name="${name}"><Table>${rows.map((r) => `<Row>${r.map((c) => `<Cell><Data ss:Type="${typeof c === 'number' ? 'Number' : 'String'}">${c}</Data></Cell>`).join('')}</Row>`).join('\n')}</Table></Worksheet>`)
        .join('')}</Workbook>`,
    );

  it('a long file comes back from the reader in parts, yet whole and in order: number cells keep their row, a Report sheet after another sheet is still the one read', async () => {
    const report = Array.from({ length: 5_000 }, (_, i): Array<string | number> => [`Dana Ruiz ${i}`, [1_234, 2_321, 4_321].includes(i) ? 1250.5 : `${i}.50`]);
    const notes = Array.from({ length: 4_100 }, (_, i) => [`Note ${i}`, 'x']);
    const table = await readTable('report.xls', workbook([['Report', report]]));
    expect(table).toHaveLength(5_000);
    expect(table.map((r) => r[0])).toEqual(report.map((r) => r[0]));
    expect(table.flatMap((row, i) => (isNumberCell(row, 1) ? [i] : []))).toEqual([1_234, 2_321, 4_321]);
    expect(table[2_321]![1]).toBe('1250.5');
    expect(table.filter((row) => isNumberCell(row, 0))).toHaveLength(0);
    // A first sheet of notes, then the Report: the Report's rows only (the notes were never handed on).
    const both = await readTable('two-sheets.xls', workbook([['Notes', notes], ['Report', report]]));
    expect(both).toHaveLength(5_000);
    expect(both[0]![0]).toBe('Dana Ruiz 0');
    expect(isNumberCell(both[4_321], 1)).toBe(true);
    // No Report sheet: the first sheet, whole.
    expect(await readTable('notes.xls', workbook([['Notes', notes], ['Other', report]]))).toHaveLength(4_100);
  });

  it('a cell over the limit deep in a long file is refused with its own row number, though the rows before it were already read', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => `Dana Ruiz,${i === 4_199 ? 'x'.repeat(importLimits.cellCharacters + 1) : 'TYFCB'}`);
    await expect(readTable('long-cell.csv', Buffer.from(rows.join('\n')))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/characters in row 4200; a cell may hold at most/) });
    const xmlRows = Array.from({ length: 4_500 }, (_, i) => ['Dana Ruiz', i === 2_999 ? 'x'.repeat(importLimits.cellCharacters + 1) : 'TYFCB']);
    await expect(readTable('long-cell.xls', workbook([['Report', xmlRows]]))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/characters in row 3000; a cell may hold at most/) });
  });

  it('UTF-8 files read one byte per character still give every name exactly: accents at the end of a cell, Chinese, Arabic, Hindi, entities and CDATA beside raw characters', async () => {
    // "à" is C3 A0 in UTF-8: read one byte per character its last byte is a no-break space, which a trim would cut.
    const names = ['Voilà', 'Zoë Müller', '王美玲', 'فاطمة حداد', 'प्रिया शर्मा', 'Ana Pérez à', '1.250,50 €'];
    const csv = await readTable('names.csv', Buffer.from(['Name,Note', ...names.map((n, i) => `"${n}","Row ${i}, ${n}"`)].join('\r\n')));
    expect(csv.slice(1, 1 + names.length)).toEqual(names.map((n, i) => [n, `Row ${i}, ${n}`]));
    expect(encodingOf(csv)).toBe('UTF-8');
    const bom = await readTable('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name\nVoilà\n王美玲\n')]));
    expect(bom.slice(0, 3)).toEqual([['Name'], ['Voilà'], ['王美玲']]);
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Report"><Table>${names
      .map((n) => `<Row><Cell><Data ss:Type="String">${n}</Data></Cell><Cell><Data ss:Type="String">&#233;t&#xE9; &amp; ${n}</Data></Cell><Cell><Data ss:Type="String"><![CDATA[${n} <b>]]></Data></Cell></Row>`)
      .join('')}</Table></Worksheet></Workbook>`;
    const sheet = await readTable('names.xls', Buffer.from(xml));
    expect(sheet).toEqual(names.map((n) => [n, `été & ${n}`, `${n} <b>`]));
    // A sheet named in another script is still found by its name.
    const named = await readTable('named.xls', workbook([['Übersicht', [['first']]], ['Report', [['Voilà']]]]));
    expect(named).toEqual([['Voilà']]);
  });
});
