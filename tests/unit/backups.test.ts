import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { backupName, backupsFolder, checkChapterFile, listBackups, recoverFromNewestGoodBackup, rotateBackups } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';
import { addDays, todayIso } from '../../src/shared/dates';
import { demoChapterUnder, journalTags, migrationsUpTo } from '../support/migrations';

const newFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'ledger-backup-')), 'chapter-ledger.sqlite');
const count = (file: ChapterFile, table: string) => file.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function demoFile() {
  const file = newFile();
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  loadDemoChapter(chapter.db, '2026-11-22');
  return { file, chapter };
}

describe('backups', () => {
  it('an online backup is a sound copy of the chapter, in a backups folder beside the file', async () => {
    const { file, chapter } = demoFile();
    const info = (await chapter.backup('manual'))!;
    expect(info.reason).toBe('manual');
    const copy = path.join(backupsFolder(file), info.name);
    expect(checkChapterFile(copy, sourceMigrationsFolder)).toEqual({ ok: true });
    const restored = openDatabase(copy, { migrationsFolder: sourceMigrationsFolder });
    expect(restored.sqlite.prepare('SELECT count(*) FROM referrals').pluck().get()).toBe(count(chapter, 'referrals'));
    restored.close();
    chapter.close();
  });

  it('a new, empty file is not backed up at start-up', async () => {
    const chapter = new ChapterFile(newFile(), sourceMigrationsFolder);
    expect(await chapter.backup('startup')).toBeNull();
    chapter.close();
  });

  it('closing a meeting takes a backup', async () => {
    const { chapter, file } = demoFile();
    const api = createRegistry({ db: chapter.db, file, appVersion: 'test', chapterFile: chapter }, () => {});
    // A day in the past that is not one of the demo's meeting days (closing a meeting dated later is refused).
    const day = [1, 2, 3].map((n) => addDays(todayIso(), -n)).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 2)!;
    const meeting = (await api.callAsync('createMeeting', { meetingOn: day, confirmDate: true })) as any;
    await api.callAsync('markAllPresent', { meetingId: meeting.value.id });
    const closed = await api.callAsync('closeMeeting', { meetingId: meeting.value.id });
    expect(closed).toMatchObject({ ok: true, value: { warnings: [] } });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['meeting-closed']);
    chapter.close();
  });

  it('keep the last 10 plus one a month for a year', () => {
    const file = newFile();
    const folder = backupsFolder(file);
    mkdirSync(folder, { recursive: true });
    const now = new Date('2026-11-22T12:00:00Z');
    // Two a week for two years: far more than the policy keeps.
    for (let day = 0; day < 730; day += 3.5) {
      const at = new Date(now.getTime() - day * 86_400_000);
      writeFileSync(path.join(folder, backupName(at, 'startup')), 'x');
    }
    rotateBackups(file, now);
    const kept = listBackups(file);
    const newest10 = kept.slice(0, 10);
    expect(newest10.every((b) => b.takenAt > '2026-10-20')).toBe(true);
    const months = new Set(kept.map((b) => b.takenAt.slice(0, 7)));
    // Every month of the last year is still represented, nothing older than a year beyond the newest 10.
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2026, 10 - m, 15));
      expect(months.has(d.toISOString().slice(0, 7))).toBe(true);
    }
    expect(kept.every((b) => b.takenAt >= '2025-11-22')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(10 + 12);
  });
});

describe('restore', () => {
  it('puts a backup back after backing up the current file first', async () => {
    const { chapter, file } = demoFile();
    const before = count(chapter, 'referrals');
    const backup = (await chapter.backup('manual'))!;
    chapter.sqlite.prepare("UPDATE referrals SET deleted_at = '2026-11-22' WHERE rowid IN (SELECT rowid FROM referrals LIMIT 50)").run();
    const { restored, safetyCopy } = await chapter.restore(backup.name);
    expect(restored.name).toBe(backup.name);
    expect(safetyCopy.reason).toBe('before-restore');
    expect(chapter.sqlite.prepare('SELECT count(*) FROM referrals WHERE deleted_at IS NULL').pluck().get()).toBe(before);
    // The safety copy holds the state just before the restore.
    const safety = openDatabase(path.join(backupsFolder(file), safetyCopy.name), { migrationsFolder: sourceMigrationsFolder });
    expect(safety.sqlite.prepare('SELECT count(*) FROM referrals WHERE deleted_at IS NULL').pluck().get()).toBe(before - 50);
    safety.close();
    chapter.close();
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { chapter, file } = demoFile();
    const backup = (await chapter.backup('manual'))!;
    const copy = path.join(backupsFolder(file), backup.name);
    truncateSync(copy, Math.floor(statSync(copy).size / 3));
    const api = createRegistry({ db: chapter.db, file, appVersion: 'test', chapterFile: chapter }, () => {});
    const result = await api.callAsync('restoreBackup', { name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(!result.ok && result.error.message).toMatch(/cannot be restored: .*Nothing was changed\./);
    expect(count(chapter, 'members')).toBeGreaterThan(25);
    expect(listBackups(file)).toHaveLength(1);
    chapter.close();
  });
});

describe('migrations', () => {
  it('a migration runs only after a copy of the file as it was', () => {
    const tags = journalTags();
    const file = newFile();
    demoChapterUnder(tags[tags.length - 2]!, file);
    const upgraded = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    const copies = listBackups(file).filter((b) => b.reason === 'before-migration');
    expect(copies).toHaveLength(1);
    const copy = openDatabase(path.join(backupsFolder(file), copies[0]!.name), { migrationsFolder: migrationsUpTo(tags[tags.length - 2]!) });
    expect(copy.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(tags.length - 1);
    copy.close();
    upgraded.close();
    // Opening again with nothing to migrate takes no further copy.
    openDatabase(file, { migrationsFolder: sourceMigrationsFolder }).close();
    expect(listBackups(file).filter((b) => b.reason === 'before-migration')).toHaveLength(1);
  });
});

describe('damaged or foreign files', () => {
  it.each([
    ['a text file', (file: string) => writeFileSync(file, 'Minutes of the meeting\n'.repeat(500)), /is not a Chapter Ledger file/],
    ['a truncated chapter file', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2)), /is damaged/],
  ])('%s is refused with a plain message, kept, and the newest good backup restored in its place', async (_what, damage, message) => {
    const { chapter, file } = demoFile();
    const members = count(chapter, 'members');
    await chapter.backup('manual');
    chapter.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    chapter.close();
    damage(file);
    const damagedBytes = readFileSync(file);
    expect(() => openDatabase(file, { migrationsFolder: sourceMigrationsFolder })).toThrow(message);
    expect(readFileSync(file).equals(damagedBytes)).toBe(true);

    const { damagedKeptAs } = recoverFromNewestGoodBackup(file, sourceMigrationsFolder);
    expect(readFileSync(damagedKeptAs).equals(damagedBytes)).toBe(true);
    const reopened = new ChapterFile(file, sourceMigrationsFolder);
    expect(count(reopened, 'members')).toBe(members);
    reopened.close();
  });

  it('with no good backup, says so and leaves the damaged file where it is', () => {
    const file = newFile();
    writeFileSync(file, 'not a database');
    expect(() => recoverFromNewestGoodBackup(file, sourceMigrationsFolder)).toThrow(/no good backup/);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['chapter-ledger.sqlite']);
  });
});
