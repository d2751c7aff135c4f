// Builds a migrations folder that stops at a given migration, to fill "the previous schema" with data.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceMigrationsFolder } from '../../src/db/paths';

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

export function journalTags(): string[] {
  const journal = JSON.parse(readFileSync(path.join(sourceMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((e) => e.tag);
}

export function migrationsUpTo(tag: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-migrations-')), 'drizzle');
  cpSync(sourceMigrationsFolder, dir, { recursive: true });
  const file = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`No migration tagged ${tag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(file, JSON.stringify(journal, null, 2));
  return dir;
}
