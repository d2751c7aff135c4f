// npm run demo -- --db <file>: writes the demo chapter into a new (or empty) chapter file.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open';
import { sourceMigrationsFolder } from '../db/paths';
import { loadDemoChapter } from '../services/demo';
import { LedgerError } from '../shared/errors';

const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) {
  console.error('Usage: npm run demo -- --db <file>');
  process.exit(2);
}

try {
  const opened = openDatabase(values.db, { migrationsFolder: sourceMigrationsFolder });
  const started = performance.now();
  const result = loadDemoChapter(opened.db);
  opened.close();
  console.log(
    `Wrote the demo chapter to ${path.resolve(values.db)}: ${result.members} members, ${result.meetings} meetings, ` +
      `${result.referrals} referrals, ${result.tyfcbSlips} TYFCB slips (${Math.round(performance.now() - started)} ms).`,
  );
} catch (error) {
  console.error(error instanceof LedgerError ? error.message : error);
  process.exit(1);
}
