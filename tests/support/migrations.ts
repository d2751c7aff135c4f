// Builds a migrations folder that stops at a given migration, to fill "the previous schema" with data.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { loadDemoChapter } from '../../src/services/demo';

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

let demoAtNewest: string | null = null;
/**
 * Writes a demo chapter into `file` at an older schema (migrations up to `tag`): the demo as today's
 * app writes it, copied into every column that schema has. Today's code cannot write under an old
 * schema once a migration adds a column, so the data is written once at the newest schema and carried back.
 */
export function demoChapterUnder(tag: string, file: string): string {
  if (!demoAtNewest) {
    demoAtNewest = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-demo-newest-')), 'demo.sqlite');
    const demo = openDatabase(demoAtNewest, { migrationsFolder: sourceMigrationsFolder });
    loadDemoChapter(demo.db, '2026-11-22');
    demo.close();
  }
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
  const tables = (schema: string) =>
    old.sqlite.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`).pluck().all() as string[];
  const columns = (table: string, schema: string) => old.sqlite.prepare('SELECT name FROM pragma_table_info(?, ?)').pluck().all(table, schema) as string[];
  old.sqlite.prepare('ATTACH DATABASE ? AS demo').run(demoAtNewest);
  old.sqlite.pragma('foreign_keys = OFF');
  const inDemo = new Set(tables('demo'));
  old.sqlite.transaction(() => {
    for (const table of tables('main')) {
      if (!inDemo.has(table)) continue;
      const demoColumns = new Set(columns(table, 'demo'));
      const shared = columns(table, 'main').filter((c) => demoColumns.has(c)).map((c) => `"${c}"`).join(', ');
      // Rows a migration itself wrote (the audit chain's head) give way to the demo's own.
      if (old.sqlite.prepare(`SELECT count(*) FROM main."${table}"`).pluck().get()) old.sqlite.exec(`DELETE FROM main."${table}"`);
      old.sqlite.exec(`INSERT INTO main."${table}" (${shared}) SELECT ${shared} FROM demo."${table}" ORDER BY rowid`);
    }
  })();
  old.sqlite.exec('DETACH DATABASE demo');
  old.sqlite.pragma('foreign_keys = ON');
  old.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  old.close();
  return file;
}
