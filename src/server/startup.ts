// What runs behind the window once it shows the Meeting screen: the chapter file's structural check
// (in a worker thread) and then, only if the file is sound, the start-up backup. The host (electron/
// main.ts) only shows what this returns: nothing when all is well, a sentence when something is not.
import path from 'node:path';
import { describeProblems } from '../db/quick-check';
import type { BackupInfo } from '../services/backups';
import type { ChapterFile } from './chapter-file';

export type AfterStartup =
  /** The file is sound; the start-up backup was taken (null: an empty new file has nothing to keep). */
  | { outcome: 'sound'; backup: BackupInfo | null }
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
  try {
    return { outcome: 'sound', backup: await chapterFile.backup('startup') };
  } catch (error) {
    if (chapterFile.isClosed) return { outcome: 'switched' };
    return { outcome: 'backup-failed', sentence: `The start-up backup of ${path.basename(chapterFile.file)} failed: ${(error as Error).message}. The chapter file is open and sound; take a backup from Settings → Backups when you can.` };
  }
}
