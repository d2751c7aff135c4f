// Backups of the chapter file: online copies (SQLite's backup API) into backups/<file name>/ beside it
// (two chapter files in one folder never share a list),
// a rotation that keeps the last 10 plus one a month for a year, checks before any restore, and the
// recovery of a damaged file from the newest good backup (the damaged file is kept, never overwritten).
import { closeSync, copyFileSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../shared/errors';
import { refuseForeignOrTampered, refuseNewerSchema } from '../db/open';

export const backupReasons = ['startup', 'meeting-closed', 'manual', 'before-restore', 'before-migration'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupInfo {
  name: string;
  takenAt: string;
  reason: string;
  bytes: number;
  /** What the backup holds, read from it, so a restore names what it brings back (null: unreadable). */
  chapterName: string | null;
  slipCount: number | null;
}

const pattern = /^chapter-ledger-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.sqlite$/;

/** backups/<chapter file name>/ beside the file: "harbour.sqlite" keeps its copies in backups/harbour/. */
export function backupsFolder(chapterFile: string): string {
  const file = path.resolve(chapterFile);
  return path.join(path.dirname(file), 'backups', path.parse(file).name);
}

/** Where earlier versions kept every file's backups, shared by all chapter files in the folder. */
function sharedBackupsFolder(chapterFile: string): string {
  return path.join(path.dirname(path.resolve(chapterFile)), 'backups');
}

/** The chapter a file holds (its id and name), read without writing; null when it cannot be read. */
function chapterIn(file: string): { id: string; name: string; slips: number } | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const chapter = db.prepare('SELECT id, name FROM chapter LIMIT 1').get() as { id: string; name: string } | undefined;
    if (!chapter) return null;
    // Every kind of slip a meeting counts, slips with someone outside the chapter included (as a meeting's own count).
    const tables = ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus', 'outside_party_slips'].filter((t) => db!.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
    const slips = tables.reduce((sum, t) => sum + (db!.prepare(`SELECT count(*) AS n FROM ${t} WHERE deleted_at IS NULL`).get() as { n: number }).n, 0);
    return { ...chapter, slips };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function stamp(at: Date): string {
  const iso = at.toISOString(); // 2026-11-22T10:00:00.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

export function backupName(at: Date, reason: BackupReason): string {
  return `chapter-ledger-${stamp(at)}-${reason}.sqlite`;
}

function parse(name: string): { takenAt: string; reason: string } | null {
  const m = pattern.exec(name);
  if (!m) return null;
  const [, d, t, ms, reason] = m as unknown as [string, string, string, string, string];
  return { takenAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`, reason };
}

/** The chapter id held by each backup found in the shared folder, read once per run. */
const sharedChapterIds = new Map<string, string | null>();
/**
 * Backups an earlier version left in the shared folder move into this file's own folder when they
 * hold this file's chapter (the same chapter id); another chapter's backups stay where they are.
 */
function adoptSharedBackups(chapterFile: string): void {
  const shared = sharedBackupsFolder(chapterFile);
  if (!existsSync(shared)) return;
  const candidates = readdirSync(shared).filter((name) => parse(name) !== null);
  if (candidates.length === 0) return;
  const mine = chapterIn(chapterFile)?.id;
  if (!mine) return;
  const own = backupsFolder(chapterFile);
  for (const name of candidates) {
    const from = path.join(shared, name);
    if (!sharedChapterIds.has(from)) sharedChapterIds.set(from, chapterIn(from)?.id ?? null);
    if (sharedChapterIds.get(from) !== mine) continue;
    mkdirSync(own, { recursive: true });
    if (!existsSync(path.join(own, name))) renameSync(from, path.join(own, name));
    sharedChapterIds.delete(from);
  }
}

/** Backups newest first. */
export function listBackups(chapterFile: string): BackupInfo[] {
  adoptSharedBackups(chapterFile);
  const folder = backupsFolder(chapterFile);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => ({ name, parsed: parse(name) }))
    .filter((b): b is { name: string; parsed: { takenAt: string; reason: string } } => b.parsed !== null)
    .map((b) => {
      const file = path.join(folder, b.name);
      const held = chapterIn(file);
      removeEmptyLogs(file);
      return { name: b.name, takenAt: b.parsed.takenAt, reason: b.parsed.reason, bytes: statSync(file).size, chapterName: held?.name ?? null, slipCount: held?.slips ?? null };
    })
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
}

/**
 * SQLite's backup API copies the source's WAL mode into the copy, and every later read-only look at
 * it (the list, Verify audit log) then leaves a -wal and a -shm file beside it that a read-only
 * connection may not remove. A backup is one file: switch the copy to a rollback journal once.
 */
function asSingleFile(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** A -wal that holds nothing, and its -shm, left beside a backup by an earlier read: removed so the folder holds one file per backup. */
function removeEmptyLogs(file: string): void {
  try {
    if (statSync(`${file}-wal`).size !== 0) return;
  } catch {
    return;
  }
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

/** The newest copies are kept whatever the size limit says: a limit never leaves a file without a recent backup. */
export const ALWAYS_KEPT = 2;
export const DEFAULT_BACKUPS_MAX_MB = 5120;

/** The size limit the chapter set, in bytes; null for no limit. Files from before the setting get the default. */
export function backupLimitBytes(sqlite: Database.Database): number | null {
  let mb = DEFAULT_BACKUPS_MAX_MB;
  try {
    const row = sqlite.prepare('SELECT backups_max_mb AS mb FROM chapter LIMIT 1').get() as { mb: number } | undefined;
    if (row && Number.isInteger(row.mb)) mb = row.mb;
  } catch {
    // An older file (before migration 0013) or one without a chapter: the default applies.
  }
  return mb > 0 ? mb * 1024 * 1024 : null;
}

/** An online, consistent copy through SQLite's backup API, then the rotation. */
export async function backupNow(sqlite: Database.Database, chapterFile: string, reason: BackupReason, at = new Date()): Promise<BackupInfo> {
  const folder = backupsFolder(chapterFile);
  mkdirSync(folder, { recursive: true });
  const name = backupName(at, reason);
  await sqlite.backup(path.join(folder, name));
  asSingleFile(path.join(folder, name));
  rotateBackups(chapterFile, at, backupLimitBytes(sqlite));
  return listBackups(chapterFile).find((b) => b.name === name)!;
}

/**
 * A synchronous copy for the places that must not let another call in between: just before
 * migrations run on open, and just before a restore swaps the file (a write answered after the copy
 * would otherwise be lost without a word). VACUUM INTO writes a consistent snapshot of the live file.
 */
export function backupBeforeMigration(sqlite: Database.Database, chapterFile: string, at = new Date()): string {
  return snapshotInto(sqlite, chapterFile, 'before-migration', at);
}

export function backupBeforeRestore(sqlite: Database.Database, chapterFile: string, at = new Date()): BackupInfo {
  const target = snapshotInto(sqlite, chapterFile, 'before-restore', at);
  rotateBackups(chapterFile, at, backupLimitBytes(sqlite));
  return listBackups(chapterFile).find((b) => b.name === path.basename(target))!;
}

function snapshotInto(sqlite: Database.Database, chapterFile: string, reason: BackupReason, at: Date): string {
  const folder = backupsFolder(chapterFile);
  mkdirSync(folder, { recursive: true });
  let target = path.join(folder, backupName(at, reason));
  // Two copies in one millisecond (a restore right after a backup in a test) must not collide.
  while (existsSync(target)) target = path.join(folder, backupName((at = new Date(at.getTime() + 1)), reason));
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

/**
 * Keep the newest 10, plus the newest of each calendar month for the last 12 months; then, while
 * what is kept uses more than `maxBytes`, let the oldest go — but never the newest two.
 */
export function rotateBackups(chapterFile: string, now = new Date(), maxBytes: number | null = null): string[] {
  const all = listBackups(chapterFile);
  const keep = new Set(all.slice(0, 10).map((b) => b.name));
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const seenMonths = new Set<string>();
  for (const b of all) {
    const month = b.takenAt.slice(0, 7);
    if (b.takenAt >= yearAgo.toISOString() && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(b.name);
    }
  }
  if (maxBytes !== null) {
    // Newest first: once a copy would take the total past the limit, it and every older one go
    // (the newest two stay whatever their size), so what is left is always the most recent run.
    let used = 0;
    let position = 0;
    let full = false;
    for (const b of all) {
      if (!keep.has(b.name)) continue;
      position += 1;
      if (position > ALWAYS_KEPT && (full || used + b.bytes > maxBytes)) {
        full = true;
        keep.delete(b.name);
      } else used += b.bytes;
    }
  }
  const removed = all.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(backupsFolder(chapterFile), name) + suffix, { force: true });
  return removed;
}

/**
 * Is this file a chapter file the app can open, checked the way the app opens one but without
 * writing to it: a real file (not a link to somewhere else), a full integrity check, a schema
 * history that is ours and not newer, and every table and audit-log trigger our migrations create.
 */
export function checkChapterFile(file: string, migrationsFolder: string): { ok: true } | { ok: false; message: string } {
  let entry;
  try {
    entry = lstatSync(file);
  } catch {
    return { ok: false, message: 'the file is not there any more' };
  }
  if (entry.isSymbolicLink()) return { ok: false, message: 'it is a link to another file, not a chapter file itself (choose the file it points to)' };
  if (!entry.isFile()) return { ok: false, message: 'it is not a file' };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') return { ok: false, message: `the file is damaged (${String(result).slice(0, 120)})` };
    refuseNewerSchema(db, migrationsFolder);
    refuseForeignOrTampered(db, file, migrationsFolder);
    const hasChapter = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chapter'").get();
    if (!hasChapter) return { ok: false, message: 'it is not a Chapter Ledger file' };
    return { ok: true };
  } catch (error) {
    if (error instanceof LedgerError) return { ok: false, message: reasonOf(error) };
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return { ok: false, message: 'it is not a Chapter Ledger file (it is not an SQLite database)' };
    if (code?.startsWith('SQLITE_CORRUPT')) return { ok: false, message: 'the file is damaged' };
    return { ok: false, message: `it cannot be read (${(error as Error).message})` };
  } finally {
    db?.close();
  }
}

/** "x.sqlite is not a Chapter Ledger file: … It has not been changed." → "it is not a Chapter Ledger file: …". */
function reasonOf(error: LedgerError): string {
  if (error.code === 'newer_database') return 'it was written by a newer version of Chapter Ledger (install the latest version to open it)';
  return error.message
    .replace(/^.*? (is|has) /, (_m, verb: string) => `it ${verb} `)
    .replace(/\.? ?(It was not opened, and it|It) has not been changed\.$/, '')
    .replace(/\.$/, '');
}

export function requireBackup(chapterFile: string, name: string, migrationsFolder: string): string {
  const info = listBackups(chapterFile).find((b) => b.name === name);
  if (!info) throw new LedgerError('not_found', 'That backup is no longer in the backups folder.', 'name');
  const file = path.join(backupsFolder(chapterFile), name);
  const check = checkChapterFile(file, migrationsFolder);
  if (!check.ok) throw new LedgerError('conflict', `The backup ${name} cannot be restored: ${check.message}. Nothing was changed.`, 'name');
  return file;
}

/**
 * Puts a checked file in place of the (closed) chapter file in one rename: the new bytes are written
 * and flushed beside it first, so a crash leaves either the old file or the new one, never half.
 * The caller reopens it.
 */
export function replaceChapterFile(chapterFile: string, incomingFile: string): void {
  const incoming = `${chapterFile}.restoring`;
  copyFileSync(incomingFile, incoming);
  for (const suffix of ['-wal', '-shm']) rmSync(incoming + suffix, { force: true });
  flush(incoming);
  // The old file was closed cleanly (its log checkpointed), so its -wal/-shm hold nothing it needs,
  // and left in place they would be replayed onto the new file.
  for (const suffix of ['-wal', '-shm']) rmSync(chapterFile + suffix, { force: true });
  renameSync(incoming, chapterFile);
  flush(path.dirname(path.resolve(chapterFile)));
}

function flush(target: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(target, 'r');
    fsyncSync(fd);
  } catch {
    // Folders cannot be flushed on every system (Windows); the rename is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * A chapter file that will not open: keep it aside under a new name and put the newest backup that
 * passes the integrity check in its place. Returns what was done, for the message to the user.
 */
export function recoverFromNewestGoodBackup(chapterFile: string, migrationsFolder: string, at = new Date()): { restored: BackupInfo; damagedKeptAs: string } {
  const good = listBackups(chapterFile).find((b) => checkChapterFile(path.join(backupsFolder(chapterFile), b.name), migrationsFolder).ok);
  if (!good) throw new LedgerError('not_found', 'There is no good backup to restore: the backups folder is empty or every backup is damaged.');
  const damagedKeptAs = `${chapterFile}.damaged-${stamp(at)}`;
  if (existsSync(chapterFile)) renameSync(chapterFile, damagedKeptAs);
  for (const suffix of ['-wal', '-shm']) if (existsSync(chapterFile + suffix)) renameSync(chapterFile + suffix, damagedKeptAs + suffix);
  replaceChapterFile(chapterFile, path.join(backupsFolder(chapterFile), good.name));
  return { restored: good, damagedKeptAs };
}
