import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { loadDemoChapter } from '../../src/services/demo';
import { quarterlyAuditData } from '../../src/services/reports';
import { reciprocityFlags } from '../../src/services/tallies';

/*
 * The quarterly audit prints the one-way pairs of the Reciprocity screen. It computes them from the
 * quarter's tallies and matrix only (the screen's other flags read every member's whole history, which
 * cost most of the audit's time on a big file); the pairs and thresholds must stay the screen's.
 */
const opened = openDatabase(':memory:', { migrationsFolder: sourceMigrationsFolder });
loadDemoChapter(opened.db, '2026-11-22');
afterAll(() => opened.close());

describe("the quarterly audit's one-way pairs", () => {
  it.each([
    ['a closed quarter', '2026-08-01', { from: '2026-07-01', to: '2026-09-30' }, '2026-09-30'],
    ['the quarter still running', '2026-11-01', { from: '2026-10-01', to: '2026-11-23' }, '2026-11-23'],
  ])('are the Reciprocity screen’s, with its thresholds, for %s', (_, day, figures, asOf) => {
    const printed = quarterlyAuditData(opened.db, day, new Date('2026-11-23T20:00:00Z')).flags;
    const screen = reciprocityFlags(opened.db, figures, { today: asOf });
    expect(printed.oneWayPairs.length).toBeGreaterThan(0);
    expect(printed).toEqual({ oneWayPairs: screen.oneWayPairs, thresholds: screen.thresholds });
  });
});
