// One process per chapter file: a lock file beside it ("<file>.lock") naming who holds it. Two
// processes writing one file lose each other's changes on a restore and trip over SQLITE_BUSY, so the
// second one is refused with the holder's name instead. A lock left by a process that has died (a
// crash, a power cut) is taken over; one held on another computer is named, with how to clear it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { LedgerError } from '../shared/errors';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  app: string;
}

/** Locks this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export const lockFileOf = (chapterFile: string) => `${path.resolve(chapterFile)}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? ''), app: String(parsed.app ?? 'Chapter Ledger') };
  } catch {
    return null;
  }
}

export interface ChapterLock {
  readonly lockFile: string;
  release(): void;
}

/**
 * Takes the lock or throws a LedgerError('locked') saying who holds it. A lock whose process is gone
 * (same computer, pid not running) or whose content is unreadable is stale and taken over.
 */
export function acquireChapterLock(chapterFile: string, now = new Date()): ChapterLock {
  const lockFile = lockFileOf(chapterFile);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: now.toISOString(), app: 'Chapter Ledger' };
  if (heldHere.has(lockFile)) {
    throw new LedgerError('locked', `${path.basename(chapterFile)} is already open in this Chapter Ledger window. Use that window.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      heldHere.add(lockFile);
      return {
        lockFile,
        release() {
          if (!heldHere.delete(lockFile)) return;
          const holder = readHolder(lockFile);
          if (holder && holder.pid === me.pid && holder.host === me.host) rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
        throw new LedgerError('read_only', `${path.basename(chapterFile)} is in a folder Chapter Ledger cannot write to (${path.dirname(path.resolve(chapterFile))}). Move the file to a folder you can write to, then open it again; it has not been changed.`);
      }
      if (code === 'ENOSPC') {
        throw new LedgerError('disk_full', `The disk holding ${path.basename(chapterFile)} is full. Free some space, then open it again; it has not been changed.`);
      }
      if (code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockFile);
    const stale = holder === null || (holder.host === me.host && !isAlive(holder.pid));
    if (!stale) {
      const where = holder.host === me.host ? 'on this computer' : `on the computer "${holder.host}"`;
      throw new LedgerError(
        'locked',
        `${path.basename(chapterFile)} is open in another Chapter Ledger (process ${holder.pid} ${where}, since ${holder.since.replace('T', ' ').slice(0, 16)} UTC). ` +
          `Close it there first${holder.host === me.host ? '' : `; if that computer is off or crashed, delete ${lockFile}`}. Nothing was changed.`,
      );
    }
    // Left behind by a process that is gone: take it over.
    rmSync(lockFile, { force: true });
  }
  throw new LedgerError('locked', `${path.basename(chapterFile)} is being opened by another program at this moment. Try again. Nothing was changed.`);
}
