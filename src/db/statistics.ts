// Planner statistics. SQLite picks its query plans from sqlite_stat1; a file the app wrote slip by
// slip has none unless something gathers them, and without them the planner may guess a plan
// that scans every slip. SQLite's advice for applications: run PRAGMA optimize when a
// connection opens and after large changes, with analysis_limit so it stays cheap on big files.
import { sql } from 'drizzle-orm';
import type { Db } from './open';

/** Rows sampled per index by ANALYZE: enough for good plans, a few milliseconds on a 1M-slip file. */
export const ANALYSIS_LIMIT = 1000;

/**
 * Gathers statistics for the tables that need them (never analysed, or grown or shrunk a lot
 * since). 0x10002: consider every table, not only those this connection has queried.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.run(sql.raw(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`));
  db.run(sql.raw('PRAGMA optimize = 0x10002'));
}
