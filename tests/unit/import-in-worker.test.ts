import { describe, expect, it } from 'vitest';
import { importLimits } from '../../src/imports/bounded-read';
import { parseWorkerLimits } from '../../src/imports/parse-in-worker';
import { encodingOf, isNumberCell, readTable } from '../../src/imports/spreadsheet';

/*
 * Import files are read in a worker thread: while a big file is read the app keeps answering, a
 * file that takes too long or needs too much memory is stopped with a sentence, and what comes back
 * is exactly what reading in place would give (number cells, the encoding, the refusals).
 */

/** The largest CSV the row limit allows: 100,000 slips of a long history, names in several scripts. */
const largestCsv = () => {
  const names = ['Dana Ruiz', 'Zoë Müller', '王美玲', 'فاطمة حداد', 'प्रिया शर्मा'];
  const rows = ['Date,Giver,Receiver,Type,Amount,Note'];
  for (let i = 1; i < importLimits.rows; i++) rows.push(`2026-0${1 + (i % 9)}-1${i % 10},${names[i % 5]},${names[(i + 2) % 5]},TYFCB,${i}.50,"Row ${i}, a note"`);
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
});
