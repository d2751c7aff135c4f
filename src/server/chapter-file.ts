// The open chapter file, as the hosts hold it: the database handle, its lock, its backups, and the
// restore that swaps one file for another while the app runs (so the handle can change under the
// registry). A restore or "Open chapter file…" checks the incoming file as the app would open it,
// prepares it completely on the side (migrated, its audit log told where it came from), and only then
// swaps it in with one rename; if the swapped file still would not open, the previous one goes back.
import { lstatSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { checkInBackground } from '../db/check-in-background';
import { describeProblems, quickCheck } from '../db/quick-check';
import { backupBeforeRestore, backupNow, backupsFolder, checkChapterFile, listBackups, recoverFromNewestGoodBackup, replaceChapterFile, requireBackup, type BackupInfo, type BackupReason } from '../services/backups';
import { recordAudit } from '../services/audit';
import { LedgerError } from '../shared/errors';
import { getChapter } from '../services/chapter';
import { acquireChapterLock, type ChapterLock } from './chapter-lock';

/** What the structural check said about the open file: checked on open, still to come, or damaged. */
export type Integrity = { state: 'checked' } | { state: 'pending' } | { state: 'damaged'; found: string };

export interface ChapterFileOptions {
  /**
   * 'later' only for the ordinary start-up open: the file opens without its structural check, and the
   * host runs `checkIntegrity()` once the window shows (see server/startup.ts). Everything else —
   * restore, Open chapter file…, a switch — opens with the check first, as before.
   */
  integrityCheck?: 'now' | 'later';
}

export class ChapterFile {
  private opened: OpenedDatabase;
  private readonly lock: ChapterLock;
  private integrityState: Integrity;
  private closed = false;

  constructor(
    readonly file: string,
    private readonly migrationsFolder: string,
    options: ChapterFileOptions = {},
  ) {
    this.lock = acquireChapterLock(file);
    const integrityCheck = options.integrityCheck ?? 'now';
    try {
      this.opened = openDatabase(file, { migrationsFolder, integrityCheck });
    } catch (error) {
      this.lock.release();
      throw error;
    }
    this.integrityState = integrityCheck === 'later' ? { state: 'pending' } : { state: 'checked' };
  }

  get integrity(): Integrity {
    return this.integrityState;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * The structural check an ordinary start-up open leaves for later, run in a worker thread on a
   * read-only connection while the window answers. If the worker cannot run, the same check runs
   * here on the open connection (slower, but never skipped). Damage found is remembered: automatic
   * backups stop (a copy of a damaged file would push good backups out of the rotation).
   */
  async checkIntegrity(): Promise<Integrity> {
    if (this.integrityState.state !== 'pending') return this.integrityState;
    const finding = await checkInBackground(this.file);
    if (this.closed || this.integrityState.state !== 'pending') return this.integrityState;
    let found = finding.ok ? 'ok' : finding.damaged ? finding.found : null;
    if (found === null) {
      try {
        found = quickCheck(this.opened.sqlite);
      } catch (error) {
        found = (error as Error).message;
      }
    }
    this.integrityState = found === 'ok' ? { state: 'checked' } : { state: 'damaged', found };
    return this.integrityState;
  }

  /**
   * After the start-up check found this file damaged: the damaged file is renamed aside (kept, never
   * overwritten), the newest backup that passes the full check is put in its place and opened with
   * the check first, and its audit log says what happened. If there is no good backup, the file stays
   * open as it was and the sentence says so.
   */
  recoverFromDamage(at = new Date()): { restored: BackupInfo; damagedKeptAs: string } {
    if (this.integrityState.state !== 'damaged') {
      throw new LedgerError('conflict', `${path.basename(this.file)} was not found damaged, so no backup was put in its place. Nothing was changed.`, 'file');
    }
    this.opened.close();
    let outcome: { restored: BackupInfo; damagedKeptAs: string };
    try {
      outcome = recoverFromNewestGoodBackup(this.file, this.migrationsFolder, at);
    } catch (error) {
      this.opened = openDatabase(this.file, { migrationsFolder: this.migrationsFolder, integrityCheck: 'later' });
      throw error;
    }
    this.opened = openDatabase(this.file, { migrationsFolder: this.migrationsFolder });
    this.integrityState = { state: 'checked' };
    const chapter = getChapter(this.opened.db);
    const origin = `restored from the backup of ${outcome.restored.takenAt.replace('T', ' ').slice(0, 19)} UTC (${outcome.restored.name})`;
    this.opened.db.transaction((tx) =>
      recordAudit(tx, {
        action: 'restore',
        entity: 'chapter_file',
        entityId: chapter?.id ?? 'chapter-file',
        after: { origin, damagedFileKeptAs: outcome.damagedKeptAs, at: at.toISOString() },
        reason: `Restored from the backup of ${outcome.restored.takenAt.replace('T', ' ').slice(0, 19)} UTC (${outcome.restored.name}) after the start-up check found the chapter file damaged; the damaged file is kept as ${path.basename(outcome.damagedKeptAs)}.`,
      }),
    );
    return outcome;
  }

  get db() {
    return this.opened.db;
  }

  get sqlite() {
    return this.opened.sqlite;
  }

  get backupsFolder(): string {
    return backupsFolder(this.file);
  }

  /** A backup of a file that holds a chapter; a brand-new empty file has nothing to keep. */
  async backup(reason: BackupReason): Promise<BackupInfo | null> {
    if (this.integrityState.state === 'damaged') {
      // A copy of a damaged file would push good backups out of the rotation.
      if (reason !== 'manual') return null;
      throw new LedgerError('conflict', `${path.basename(this.file)} is damaged (SQLite found ${describeProblems(this.integrityState.found)}), so no backup of it was taken: it would push your good backups out of the list. Restore the newest good backup instead (quit and start Chapter Ledger again to be offered it). Nothing was changed.`);
    }
    if (reason !== 'manual' && !getChapter(this.db)) return null;
    return backupNow(this.opened.sqlite, this.file, reason);
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.file);
  }

  /** Checks the backup, backs up the current file, puts the backup in place and reopens it. */
  async restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
    const source = requireBackup(this.file, name, this.migrationsFolder);
    const restored = this.listBackups().find((b) => b.name === name)!;
    const safetyCopy = this.swapIn(source, `restored from the backup of ${restored.takenAt.replace('T', ' ').slice(0, 19)} UTC (${name})`, 'name');
    return { restored, safetyCopy };
  }

  /**
   * Opens another chapter file in place of this one ("Open chapter file…"): it is checked first, and
   * the current file is backed up before it is replaced.
   */
  async adopt(otherFile: string): Promise<{ safetyCopy: BackupInfo }> {
    if (path.resolve(otherFile) === path.resolve(this.file)) {
      throw new LedgerError('conflict', `${path.basename(otherFile)} is the chapter file already open. Nothing was changed.`, 'file');
    }
    const check = checkChapterFile(otherFile, this.migrationsFolder);
    if (!check.ok) throw new LedgerError('conflict', `${path.basename(otherFile)} cannot be opened: ${check.message}. Nothing was changed.`, 'file');
    // A file another Chapter Ledger is writing to is not copied half-written.
    const otherLock = acquireChapterLock(otherFile);
    try {
      return { safetyCopy: this.swapIn(otherFile, `opened from ${path.resolve(otherFile)}`, 'file') };
    } finally {
      otherLock.release();
    }
  }

  /**
   * Puts a checked file in place of the open one. Synchronous from the first copy to the reopen, so
   * no other call can write in between (a write answered after the safety copy would be lost):
   * 1. a consistent copy of the incoming file is staged beside the chapter file and checked again;
   * 2. the safety copy of the current file is taken;
   * 3. the staged copy is opened as the app opens it (migrated if older) and its audit log gets a
   *    "restore" entry naming where it came from and where the replaced file is kept;
   * 4. one rename swaps it in, and it is reopened. If that fails, the safety copy goes back.
   */
  private swapIn(source: string, origin: string, field: string): BackupInfo {
    const staged = `${this.file}.restore-source`;
    const clean = () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(staged + suffix, { force: true });
    };
    clean();
    try {
      stageCopy(source, staged);
      const check = checkChapterFile(staged, this.migrationsFolder);
      if (!check.ok) throw new LedgerError('conflict', `${path.basename(source)} cannot be used: ${check.message}. Nothing was changed.`, field);
      const safetyCopy = backupBeforeRestore(this.opened.sqlite, this.file);
      const incoming = openDatabase(staged, { migrationsFolder: this.migrationsFolder });
      try {
        const chapter = getChapter(incoming.db);
        incoming.db.transaction((tx) =>
          recordAudit(tx, {
            action: 'restore',
            entity: 'chapter_file',
            entityId: chapter?.id ?? 'chapter-file',
            after: { origin, replacedFileKeptAs: safetyCopy.name, at: new Date().toISOString() },
            reason: `${origin[0]!.toUpperCase()}${origin.slice(1)}; the file it replaced is kept as the backup ${safetyCopy.name}.`,
          }),
        );
      } finally {
        incoming.close();
      }
      this.opened.close();
      try {
        replaceChapterFile(this.file, staged);
        this.opened = openDatabase(this.file, { migrationsFolder: this.migrationsFolder });
      } catch (error) {
        // Never leave the app without a working file: the file as it was goes back in place.
        replaceChapterFile(this.file, path.join(this.backupsFolder, safetyCopy.name));
        this.opened = openDatabase(this.file, { migrationsFolder: this.migrationsFolder });
        throw new LedgerError('conflict', `${path.basename(source)} could not be opened after all (${(error as Error).message}). The chapter file you had open is back in place; nothing was changed.`, field);
      }
      return safetyCopy;
    } finally {
      clean();
    }
  }

  /** A complete, consistent copy of the chapter file (SQLite online backup) for another computer. */
  async copyTo(target: string): Promise<{ file: string; bytes: number }> {
    await this.opened.sqlite.backup(target);
    const check = checkChapterFile(target, this.migrationsFolder);
    if (!check.ok) throw new LedgerError('internal', `The copy at ${target} failed its check: ${check.message}.`);
    return { file: target, bytes: statSync(target).size };
  }

  close(): void {
    this.closed = true;
    this.opened.close();
    this.lock.release();
  }
}

/**
 * A consistent copy of a chapter file, including what is still in its write-ahead log, taken through
 * a read-only connection (VACUUM INTO): the source is never written to. Links are refused.
 */
function stageCopy(source: string, staged: string): void {
  if (lstatSync(source).isSymbolicLink()) throw new LedgerError('conflict', `${path.basename(source)} is a link to another file. Nothing was changed.`, 'file');
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(staged);
  } finally {
    db.close();
  }
}
