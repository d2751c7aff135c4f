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
});
