// Opening a chapter file: pragmas, a guard against files from a newer app, then migrations.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { LedgerError } from '../shared/errors';
import { backupBeforeMigration } from '../services/backups';
import * as schema from './schema';
import { refreshPlannerStatistics } from './statistics';
import { startAuditChain } from '../services/audit-chain';
import { quickCheck } from './quick-check';
import { withStatementCache } from './statement-cache';
import { storeChecksAsComparisons } from './checks-as-comparisons';

/** The database or a transaction on it: services accept either, so they compose inside one transaction. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  file: string;
  close(): void;
}

export interface OpenOptions {
  /** Folder holding drizzle-kit's SQL migrations and meta/_journal.json. */
  migrationsFolder: string;
  /**
   * 'now' (the default): the structural check (quick_check over the whole file) runs before the file
   * is used — every restore, "Open chapter file…" and switch opens this way. 'later': only the
   * ordinary start-up open, where the caller runs the same check off the main thread after the window
   * shows (src/db/check-in-background.ts) — at a million slips it takes seconds.
   */
  integrityCheck?: 'now' | 'later';
}

export function openDatabase(file: string, options: OpenOptions): OpenedDatabase {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw new LedgerError('not_a_database', `Chapter Ledger could not open ${file}: ${(error as Error).message}`);
  }
  try {
    applyPragmas(sqlite, file);
    if (file !== ':memory:' && options.integrityCheck !== 'later') refuseDamaged(sqlite, file);
    const db = drizzle(withStatementCache(sqlite), { schema });
    // Code that reaches for the file's own connection (bulk writers, the audit chain) gets the real one.
    (db as unknown as { $client: Database.Database }).$client = sqlite;
    refuseNewerSchema(sqlite, options.migrationsFolder);
    refuseForeignOrTampered(sqlite, file, options.migrationsFolder);
    // A migration never runs on a chapter's data without a copy of the file as it was.
    if (file !== ':memory:' && pendingMigrations(sqlite, options.migrationsFolder) && appliedMigrations(sqlite) > 0) {
      backupBeforeMigration(sqlite, file);
    }
    migrate(db, { migrationsFolder: options.migrationsFolder });
    refuseForeignOrTampered(sqlite, file, options.migrationsFolder);
    // Rules with value lists cost every row written a temporary table (checks-as-comparisons.ts).
    storeChecksAsComparisons(sqlite);
    startAuditChain(sqlite);
    refreshPlannerStatistics(db);
    return { db, sqlite, file, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (error instanceof LedgerError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new LedgerError('not_a_database', `${file} is not a Chapter Ledger file (it is not an SQLite database).`);
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED') {
      throw new LedgerError('busy', `${file} is in use by another program that is writing to it. Close that program (or the other Chapter Ledger window) and open it again; it has not been changed.`);
    }
    if (code === 'SQLITE_READONLY' || String(code).startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
      throw new LedgerError('read_only', `${file} cannot be written (the file or its folder is read-only). Copy it to a folder you can write to, or change its permissions, then open it again; it has not been changed.`);
    }
    if (code === 'SQLITE_FULL') {
      throw new LedgerError('disk_full', `The disk holding ${file} is full, so the file cannot be opened for writing. Free some space and open it again; it has not been changed.`);
    }
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB') {
      throw new LedgerError('damaged', `${file} is damaged and cannot be read safely. It has not been changed.`);
    }
    throw error;
  }
}

function applyPragmas(sqlite: Database.Database, file: string): void {
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // FULL: a slip the secretary saw saved survives a power cut, at a cost nobody notices here.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/** A quick structural check on open: a truncated or scribbled-on file stops here, untouched. */
function refuseDamaged(sqlite: Database.Database, file: string): void {
  const result = quickCheck(sqlite);
  if (result !== 'ok') {
    throw new LedgerError('damaged', `${file} is damaged (${result.slice(0, 100)}). It has not been changed.`);
  }
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): boolean {
  return readMigrationFiles({ migrationsFolder }).length > appliedMigrations(sqlite);
}

/** A file migrated by a newer app has migrations we do not know: opening it could corrupt it. */
export function refuseNewerSchema(sqlite: Database.Database, migrationsFolder: string): void {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return;
  const newestApplied = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as {
    at: number | null;
  };
  const known = readMigrationFiles({ migrationsFolder });
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  if (newestApplied.at !== null && Number(newestApplied.at) > newestKnown) {
    throw new LedgerError(
      'newer_database',
      'This chapter file was written by a newer version of Chapter Ledger. Install the latest version to open it; the file has not been changed.',
    );
  }
}

interface ExpectedObject {
  type: 'table' | 'index' | 'trigger';
  table: string;
  /** For triggers: the statement as the migration wrote it, whitespace folded. */
  sql?: string;
}

const fold = (text: string) => text.replace(/--[^\n]*\n/g, '\n').replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();
const ident = '[`"\\[]?([A-Za-z_][A-Za-z0-9_]*)[`"\\]]?';

/**
 * The tables, indexes and triggers a file must hold after the first `applied` migrations, read from
 * the migrations themselves (CREATE, DROP, ALTER TABLE … RENAME TO), so nothing is listed twice.
 */
export function expectedObjects(migrationsFolder: string, applied: number): Map<string, ExpectedObject> {
  const objects = new Map<string, ExpectedObject>();
  for (const migration of readMigrationFiles({ migrationsFolder }).slice(0, applied)) {
    for (const statement of migration.sql) {
      const text = fold(statement);
      let m: RegExpExecArray | null;
      if ((m = new RegExp(`^CREATE TABLE (?:IF NOT EXISTS )?${ident}`, 'i').exec(text))) objects.set(m[1]!, { type: 'table', table: m[1]! });
      else if ((m = new RegExp(`^CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?${ident} ON ${ident}`, 'i').exec(text))) objects.set(m[1]!, { type: 'index', table: m[2]! });
      else if ((m = new RegExp(`^CREATE TRIGGER (?:IF NOT EXISTS )?${ident} .*? ON ${ident}`, 'i').exec(text))) objects.set(m[1]!, { type: 'trigger', table: m[2]!, sql: text });
      else if ((m = new RegExp(`^DROP (TABLE|INDEX|TRIGGER) (?:IF EXISTS )?${ident}`, 'i').exec(text))) {
        const dropped = m[2]!;
        objects.delete(dropped);
        // A dropped table takes its indexes and triggers with it.
        if (m[1]!.toUpperCase() === 'TABLE') for (const [name, o] of objects) if (o.table === dropped) objects.delete(name);
      } else if ((m = new RegExp(`^ALTER TABLE ${ident} RENAME TO ${ident}`, 'i').exec(text))) {
        const [from, to] = [m[1]!, m[2]!];
        objects.delete(from);
        objects.set(to, { type: 'table', table: to });
        for (const o of objects.values()) if (o.table === from) o.table = to;
      }
    }
  }
  return objects;
}

/**
 * A file is opened only if it is what this app wrote: its migration history is ours (same migrations,
 * same order, same contents), and every table, index and trigger those migrations create is there —
 * the audit log's triggers exactly as written. A foreign SQLite file, or a chapter file whose audit
 * protection was dropped or rewritten, stops here.
 */
export function refuseForeignOrTampered(sqlite: Database.Database, file: string, migrationsFolder: string): void {
  const name = file === ':memory:' ? 'This chapter file' : path.basename(file);
  const present = sqlite.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as Array<{ type: string; name: string; tbl: string; sql: string | null }>;
  const hasHistory = present.some((o) => o.type === 'table' && o.name === '__drizzle_migrations');
  if (!hasHistory) {
    if (present.length === 0) return; // a brand-new file: the migrations will create everything
    throw new LedgerError('not_a_database', `${name} is not a Chapter Ledger file: it is a database of another program (it has no Chapter Ledger history). It has not been changed.`);
  }
  const applied = sqlite.prepare('SELECT hash, created_at AS at FROM __drizzle_migrations ORDER BY CAST(created_at AS INTEGER), rowid').all() as Array<{ hash: string; at: number | string }>;
  const known = readMigrationFiles({ migrationsFolder });
  for (const [i, row] of applied.entries()) {
    const ours = known[i];
    if (!ours || Number(row.at) !== ours.folderMillis || row.hash !== ours.hash) {
      throw new LedgerError('not_a_database', `${name} is not a Chapter Ledger file this version wrote: its schema history differs from ours at step ${i + 1}. It has not been changed.`);
    }
  }
  const byName = new Map(present.map((o) => [o.name, o]));
  for (const [objectName, expected] of expectedObjects(migrationsFolder, applied.length)) {
    const found = byName.get(objectName);
    if (expected.type === 'trigger') {
      if (!found || found.type !== 'trigger' || fold(found.sql ?? '') !== expected.sql) {
        const what = objectName.startsWith('audit_log') ? `the audit log's protection "${objectName}"` : `the rule "${objectName}" that keeps its figures right`;
        throw new LedgerError('damaged', `${name} has been tampered with: ${what} is ${found ? 'changed' : 'missing'}. It was not opened, and it has not been changed.`);
      }
    } else if (!found || found.type !== expected.type) {
      throw new LedgerError('damaged', `${name} is incomplete: the ${expected.type} "${objectName}" is missing. It was not opened, and it has not been changed.`);
    }
  }
}
