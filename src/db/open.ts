// Opening a chapter file: pragmas, a guard against files from a newer app, then migrations.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { LedgerError } from '../shared/errors';
import { backupBeforeMigration } from '../services/backups';
import * as schema from './schema';

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
    if (file !== ':memory:') refuseDamaged(sqlite, file);
    const db = drizzle(sqlite, { schema });
    refuseNewerSchema(sqlite, options.migrationsFolder);
    // A migration never runs on a chapter's data without a copy of the file as it was.
    if (file !== ':memory:' && pendingMigrations(sqlite, options.migrationsFolder) && appliedMigrations(sqlite) > 0) {
      backupBeforeMigration(sqlite, file);
    }
    migrate(db, { migrationsFolder: options.migrationsFolder });
    return { db, sqlite, file, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (error instanceof LedgerError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new LedgerError('not_a_database', `${file} is not a Chapter Ledger file (it is not an SQLite database).`);
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
  const result = sqlite.pragma('quick_check', { simple: true });
  if (result !== 'ok') {
    throw new LedgerError('damaged', `${file} is damaged (${String(result).slice(0, 100)}). It has not been changed.`);
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
function refuseNewerSchema(sqlite: Database.Database, migrationsFolder: string): void {
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
