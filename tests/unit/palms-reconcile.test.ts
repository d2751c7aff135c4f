import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFirstQuarter, okValue as ok } from '../support/first-quarter';

const file = { fileName: 'palms-q1-2026.xls', contentBase64: readFileSync('tests/fixtures/palms-q1-2026.xls').toString('base64') };

describe("reconciling BNI Connect's PALMS report with the ledger", () => {
  it('shows every difference by member and column, and who is on one side only', async () => {
    // The hand-worked first quarter (tests/support/first-quarter.ts); the fixture differs on purpose:
    // Bob's RGO (2 there, 1 here), Cat's 1-2-1 (1.5 there, 1 here), "Daniel Test" for Dan, an extra Zed.
    const { api, opened } = buildFirstQuarter();
    const before = opened.sqlite.prepare('SELECT total_changes()').pluck().get();
    const result = ok<any>(await api.callAsync('reconcilePalms', file));
    expect(result.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(result.compared).toBe(3);
    expect(result.differences).toEqual([
      { name: 'Bob Test', column: 'RGO', bniConnect: '2', ledger: '1' },
      { name: 'Cat Test', column: '1-2-1', bniConnect: '1.5', ledger: '1' },
    ]);
    expect(result.onlyInFile).toEqual(['Daniel Test', 'Zed Nobody']);
    expect(result.onlyInLedger).toEqual(['Dan Test']);
    expect(result.problems).toEqual([]);
    expect(opened.sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('a file without the PALMS columns gets a plain message', async () => {
    const { api } = buildFirstQuarter();
    const result = await api.callAsync('reconcilePalms', { fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { message: 'x.csv is not a Chapter Summary PALMS Report: no header row with First Name, RGI and TYFCB.' } });
  });

  const fromCsv = (csv: string, fileName = 'palms.csv') => ({ fileName, contentBase64: Buffer.from(csv).toString('base64') });
  const withParameters = (csv: string, from: string, to: string) => `Chapter Summary PALMS Report\r\nFrom,${from}\r\nTo,${to}\r\n\r\n${csv}`;

  it("the ledger's own PALMS CSV can be checked: its period comes from its file name, and nothing differs", async () => {
    const { api } = buildFirstQuarter();
    const own = ok<any>(api.call('palmsCsv', { from: '2026-01-01', to: '2026-03-31' }));
    const result = ok<any>(await api.callAsync('reconcilePalms', fromCsv(own.csv, own.fileName)));
    expect(result).toMatchObject({ period: { from: '2026-01-01', to: '2026-03-31' }, compared: 4, differences: [], onlyInFile: [], onlyInLedger: [], problems: [] });
  });

  it('a US report ("From 01/01/2026, To 03/31/2026") is read month first, with no bogus difference', async () => {
    const { api } = buildFirstQuarter();
    const own = ok<any>(api.call('palmsCsv', { from: '2026-01-01', to: '2026-03-31' }));
    const result = ok<any>(await api.callAsync('reconcilePalms', fromCsv(withParameters(own.csv, '01/01/2026', '03/31/2026'))));
    expect(result).toMatchObject({ period: { from: '2026-01-01', to: '2026-03-31' }, differences: [] });
  });

  it('a period that reads both ways asks, showing both readings, and the answer decides', async () => {
    const { api } = buildFirstQuarter();
    const own = ok<any>(api.call('palmsCsv', { from: '2026-01-01', to: '2026-03-31' }));
    const asked = await api.callAsync('reconcilePalms', fromCsv(withParameters(own.csv, '01/02/2026', '03/04/2026')));
    expect(asked).toMatchObject({ ok: false, error: { field: 'dateOrder', message: 'palms.csv gives its period as 01/02/2026 to 03/04/2026: 01/02/2026 is 1 February 2026 if the day comes first, or 2 January 2026 if the month comes first. Choose how this file writes dates.' } });
    const answered = ok<any>(await api.callAsync('reconcilePalms', { ...fromCsv(withParameters(own.csv, '01/02/2026', '03/04/2026')), dateOrder: 'mdy' }));
    expect(answered.period).toEqual({ from: '2026-01-02', to: '2026-03-04' });
  });

  it('German amounts in the report are read by their own punctuation, and the "Visitors" and "BNI" rows are set aside, not called members, but compared with what the ledger holds for them', async () => {
    const { api } = buildFirstQuarter();
    const own = ok<any>(api.call('palmsCsv', { from: '2026-01-01', to: '2026-03-31' }));
    const german = own.csv.replace(/(\d+)\.(\d{2})(?=,|\r|$)/g, (_: string, whole: string, cents: string) => `"${Number(whole).toLocaleString('de-DE')},${cents}"`);
    expect(german).not.toBe(own.csv);
    const extra = `${german}\r\nVisitors,,0,0,0,0,0,0,3,0,0,0,0,0.00,0\r\nBNI,,0,0,0,0,0,0,0,0,1,0,0,0.00,0`;
    const result = ok<any>(await api.callAsync('reconcilePalms', fromCsv(withParameters(extra, '01/01/2026', '31/03/2026'))));
    // The ledger holds no slip with a visitor or the BNI account in that quarter: those rows differ, by name.
    expect(result).toMatchObject({ onlyInFile: [], outsideRows: ['Visitors', 'BNI'], problems: [] });
    expect(result.differences).toEqual([
      { name: 'Visitors', column: 'RGO', bniConnect: '3', ledger: '0' },
      { name: 'BNI', column: 'RRO', bniConnect: '1', ledger: '0' },
    ]);
  });
});
