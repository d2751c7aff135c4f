// What runs behind the window once it shows the Meeting screen: the chapter file's structural check
// (in a worker thread) and then, only if the file is sound, the start-up backup and the audit log's full
// check (in a worker thread too). The host (electron/main.ts) only shows what this returns: nothing when
// all is well, a sentence when something is not.
import path from 'node:path';
import { describeProblems } from '../db/quick-check';
import type { BackupInfo } from '../services/backups';
import type { ChapterFile } from './chapter-file';
import type { AuditVerification } from '../shared/contract';
import { fullAuditCheckInBackground } from '../services/audit-check-in-background';

/**
 * The audit log's full check (every entry hashed again, compared with the backups) in a worker thread,
 * recorded as the checkpoint the reports start from; nothing is recorded if the file was swapped meanwhile.
 */
export async function checkAuditLogBehind(chapterFile: ChapterFile): Promise<AuditVerification | null> {
  const db = chapterFile.db;
  const backups = chapterFile.listBackups().map((b) => ({ name: b.name, takenAt: b.takenAt, file: path.join(chapterFile.backupsFolder, b.name) }));
  return fullAuditCheckInBackground(chapterFile.file, () => (!chapterFile.isClosed && chapterFile.db === db ? db : null), backups);
}

export type AfterStartup =
  /**
   * The file is sound; the start-up backup was taken (null: an empty new file has nothing to keep);
   * then the audit log's full check ran in a worker and was recorded as the file's checkpoint (null:
   * another file was opened meanwhile).
   */
  | { outcome: 'sound'; backup: BackupInfo | null; auditLog: AuditVerification | null }
  /** The file is sound but the backup failed: said, the file stays open. */
  | { outcome: 'backup-failed'; sentence: string }
  /** The check found damage: no backup was taken; the sentence says what to do. */
  | { outcome: 'damaged'; sentence: string }
  /** Another chapter file was opened before the check finished: nothing to say about this one. */
  | { outcome: 'switched' };

/** The sentence shown when the start-up check finds the open chapter file damaged. */
export function damagedAtStartupSentence(file: string, found: string): string {
  return (
    `${path.basename(file)} is damaged: checking it after start-up, SQLite found ${describeProblems(found)}. ` +
    'What you see or enter may be wrong, and the file may stop opening. Restore the newest good backup: the damaged file is kept beside it, renamed, and nothing in it is deleted. ' +
    'No start-up backup was taken, so your good backups are all still there.'
  );
}

export async function checkThenBackUp(chapterFile: ChapterFile): Promise<AfterStartup> {
  const integrity = await chapterFile.checkIntegrity();
  if (chapterFile.isClosed) return { outcome: 'switched' };
  if (integrity.state === 'damaged') return { outcome: 'damaged', sentence: damagedAtStartupSentence(chapterFile.file, integrity.found) };
  let backup: BackupInfo | null;
  try {
    backup = await chapterFile.backup('startup');
  } catch (error) {
    if (chapterFile.isClosed) return { outcome: 'switched' };
    return { outcome: 'backup-failed', sentence: `The start-up backup of ${path.basename(chapterFile.file)} failed: ${(error as Error).message}. The chapter file is open and sound; take a backup from Settings → Backups when you can.` };
  }
  if (chapterFile.isClosed) return { outcome: 'switched' };
  return { outcome: 'sound', backup, auditLog: await checkAuditLogBehind(chapterFile) };
}
