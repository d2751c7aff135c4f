import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { backupName, backupsFolder, listBackups, rotateBackups } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';
import { backupLimitChoices, backupsUseSentence, fileSize } from '../../src/renderer/backup-sizes';

const newFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'ledger-backup-limit-')), 'chapter-ledger.sqlite');
const MB = 1024 * 1024;

/** Backups of `bytes` each, one a day going back from `now`, newest first. */
function fakeBackups(file: string, now: Date, sizes: number[]): string[] {
  const folder = backupsFolder(file);
  mkdirSync(folder, { recursive: true });
  return sizes.map((bytes, day) => {
    const name = backupName(new Date(now.getTime() - day * 86_400_000), 'startup');
    writeFileSync(path.join(folder, name), Buffer.alloc(bytes));
    return name;
  });
}

function demoChapter() {
  const file = newFile();
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  loadDemoChapter(chapter.db, '2026-11-22');
  const api = createRegistry({ db: chapter.db, file, appVersion: 'test', chapterFile: chapter }, () => {});
  return { file, chapter, api };
}

describe('the backups size limit', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('keeps the newest backups that fit and lets every older one go', () => {
    const file = newFile();
    const names = fakeBackups(file, now, Array(8).fill(100));
    const removed = rotateBackups(file, now, 450);
    expect(listBackups(file).map((b) => b.name)).toEqual(names.slice(0, 4));
    expect(removed.sort()).toEqual(names.slice(4).sort());
  });

  it('always keeps the newest two, even when each alone is larger than the limit', () => {
    const file = newFile();
    const names = fakeBackups(file, now, [900, 900, 900, 10]);
    rotateBackups(file, now, 500);
    expect(listBackups(file).map((b) => b.name)).toEqual(names.slice(0, 2));
  });

  it('does not keep a small old copy after a newer one was let go', () => {
    const file = newFile();
    const names = fakeBackups(file, now, [100, 100, 300, 10]);
    rotateBackups(file, now, 350);
    expect(listBackups(file).map((b) => b.name)).toEqual(names.slice(0, 2));
  });

  it('with no limit, only the ten-plus-monthly rotation applies', () => {
    const file = newFile();
    const names = fakeBackups(file, now, Array(8).fill(100));
    expect(rotateBackups(file, now, null)).toEqual([]);
    expect(listBackups(file)).toHaveLength(names.length);
  });

  it('a backup taken by hand applies the limit the chapter set', async () => {
    const { file, chapter } = demoChapter();
    // One megabyte: below what the contract allows, written directly so the demo's small copies exceed it.
    chapter.sqlite.prepare('UPDATE chapter SET backups_max_mb = 1').run();
    const older = fakeBackups(file, new Date('2026-11-20T12:00:00Z'), [600_000, 600_000, 600_000]);
    const taken = (await chapter.backup('manual'))!;
    expect(listBackups(file).map((b) => b.name)).toEqual([taken.name, older[0]]);
    chapter.close();
  });

  it('the secretary sets the limit in Settings; it is in the audit log and in what the Backups list says', async () => {
    const { chapter, api } = demoChapter();
    expect(api.call('listBackups', {})).toMatchObject({ ok: true, value: { maxBytes: 5120 * MB, totalBytes: 0 } });
    const audit = () => chapter.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'chapter'").pluck().get() as number;
    const before = audit();
    expect(api.call('setBackupLimit', { maxMb: 1024 })).toMatchObject({ ok: true, value: { maxMb: 1024 } });
    expect(audit()).toBe(before + 1);
    await api.callAsync('backupNow', {});
    const listed = api.call('listBackups', {}) as { ok: true; value: { totalBytes: number; maxBytes: number | null; backups: { bytes: number }[] } };
    expect(listed.value.maxBytes).toBe(1024 * MB);
    expect(listed.value.totalBytes).toBe(listed.value.backups[0]!.bytes);
    expect(api.call('setBackupLimit', { maxMb: 0 })).toMatchObject({ ok: true, value: { maxMb: 0 } });
    expect(api.call('listBackups', {})).toMatchObject({ ok: true, value: { maxBytes: null } });
    chapter.close();
  });

  it('each backup is one file: listing and verifying the backups leaves no -wal or -shm beside them', async () => {
    const { file, chapter, api } = demoChapter();
    await api.callAsync('backupNow', {});
    await api.callAsync('backupNow', {});
    expect(api.call('listBackups', {})).toMatchObject({ ok: true });
    expect(await api.callAsync('verifyAuditLog', {})).toMatchObject({ ok: true, value: { ok: true } });
    expect(api.call('listBackups', {})).toMatchObject({ ok: true });
    const files = readdirSync(backupsFolder(file));
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.sqlite'))).toBe(true);
    chapter.close();
  });

  it('a limit too small to hold a backup is refused with a sentence naming the field, and nothing changes', () => {
    const { chapter, api } = demoChapter();
    for (const maxMb of [50, -1, 1.5]) {
      const result = api.call('setBackupLimit', { maxMb }) as { ok: false; error: { message: string; field?: string } };
      expect(result.ok).toBe(false);
      expect(result.error.message).toMatch(/^Backups may use at most must be/);
    }
    expect(chapter.sqlite.prepare('SELECT backups_max_mb FROM chapter').pluck().get()).toBe(5120);
    chapter.close();
  });
});

describe('what the Backups list says about sizes', () => {
  it('writes sizes as a file manager does', () => {
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(900)).toBe('900 bytes');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(850 * MB)).toBe('850 MB');
    expect(fileSize(5120 * MB)).toBe('5 GB');
  });

  it("writes sizes in the chapter's own number format: a German chapter reads 1,5 KB and 1.023 bytes", () => {
    expect(fileSize(1536, 'de-DE')).toBe('1,5 KB');
    expect(fileSize(1023, 'de-DE')).toBe('1.023 bytes');
    expect(fileSize(1.4 * MB, 'de-DE')).toBe('1,4 MB');
    expect(fileSize(850 * MB, 'de-DE')).toBe('850 MB');
    expect(backupLimitChoices(3000, 'de-DE').map((c) => c.label)).toContain('2,9 GB');
    expect(backupsUseSentence([1.5 * MB, 1.5 * MB], 5120 * MB, 'de-DE')).toBe('2 backups use 3 MB of the 5 GB allowed.');
    expect(backupsUseSentence([2.5 * MB], 5120 * MB, 'de-DE')).toBe('1 backup uses 2,5 MB of the 5 GB allowed.');
  });

  it('offers the usual limits and keeps an unusual one the chapter already has', () => {
    expect(backupLimitChoices(5120).map((c) => c.label)).toEqual(['500 MB', '1 GB', '2 GB', '5 GB', '10 GB', '20 GB', '50 GB', '100 GB', 'No limit']);
    expect(backupLimitChoices(3000).map((c) => c.value)).toContain('3000');
  });

  it('says what the backups use, and what happens when they use more than allowed', () => {
    expect(backupsUseSentence([3 * MB, 3 * MB], 5120 * MB)).toBe('2 backups use 6 MB of the 5 GB allowed.');
    expect(backupsUseSentence([3 * MB], null)).toBe('1 backup uses 3 MB; no size limit.');
    expect(backupsUseSentence([], 1024 * MB)).toBe('No backup yet; they may use up to 1 GB.');
    expect(backupsUseSentence([400 * MB, 400 * MB, 400 * MB], 1024 * MB)).toBe('3 backups use 1.2 GB, more than the 1 GB allowed: the oldest go at the next backup (the newest two are always kept).');
    expect(backupsUseSentence([700 * MB, 700 * MB, 700 * MB], 1024 * MB)).toMatch(/the two newest alone use 1.4 GB and are always kept/);
  });
});
