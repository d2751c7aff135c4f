// The open chapter file, as the hosts hold it: the database handle, its backups, and the restore
// that swaps one file for another while the app runs (so the handle can change under the registry).
import { copyFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { backupNow, checkChapterFile, listBackups, replaceChapterFile, requireBackup, type BackupInfo, type BackupReason } from '../services/backups';
import { LedgerError } from '../shared/errors';
import { getChapter } from '../services/chapter';

export class ChapterFile {
  private opened: OpenedDatabase;

  constructor(
    readonly file: string,
    private readonly migrationsFolder: string,
  ) {
    this.opened = openDatabase(file, { migrationsFolder });
  }

  get db() {
    return this.opened.db;
  }

  get sqlite() {
    return this.opened.sqlite;
  }

  get backupsFolder(): string {
    return path.join(path.dirname(path.resolve(this.file)), 'backups');
  }

  /** A backup of a file that holds a chapter; a brand-new empty file has nothing to keep. */
  async backup(reason: BackupReason): Promise<BackupInfo | null> {
    if (reason !== 'manual' && !getChapter(this.db)) return null;
    return backupNow(this.opened.sqlite, this.file, reason);
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.file);
  }

  /** Checks the backup, backs up the current file, puts the backup in place and reopens it. */
  async restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
    const source = requireBackup(this.file, name);
    const restored = this.listBackups().find((b) => b.name === name)!;
    return { restored, safetyCopy: await this.swapIn(source) };
  }

  /**
   * Puts a checked file in place of the open one: staged first (the safety copy's rotation may
   * retire an old backup, even the one being restored), then a safety copy of the current file,
   * then the swap, and the file is reopened whatever happens.
   */
  private async swapIn(source: string): Promise<BackupInfo> {
    const staged = `${this.file}.restore-source`;
    copyFileSync(source, staged);
    const safetyCopy = await backupNow(this.opened.sqlite, this.file, 'before-restore');
    this.opened.close();
    try {
      replaceChapterFile(this.file, staged);
    } finally {
      rmSync(staged, { force: true });
      this.opened = openDatabase(this.file, { migrationsFolder: this.migrationsFolder });
    }
    return safetyCopy;
  }

  /**
   * Opens another chapter file in place of this one ("Open chapter file…"): it is checked first, and
   * the current file is backed up before it is replaced.
   */
  async adopt(otherFile: string): Promise<{ safetyCopy: BackupInfo }> {
    const check = checkChapterFile(otherFile);
    if (!check.ok) throw new LedgerError('conflict', `${path.basename(otherFile)} cannot be opened: ${check.message}. Nothing was changed.`, 'file');
    return { safetyCopy: await this.swapIn(otherFile) };
  }

  /** A complete, consistent copy of the chapter file (SQLite online backup) for another computer. */
  async copyTo(target: string): Promise<{ file: string; bytes: number }> {
    await this.opened.sqlite.backup(target);
    const check = checkChapterFile(target);
    if (!check.ok) throw new LedgerError('internal', `The copy at ${target} failed its check: ${check.message}.`);
    return { file: target, bytes: statSync(target).size };
  }

  close(): void {
    this.opened.close();
  }
}
