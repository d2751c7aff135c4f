import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInBackground } from '../../src/db/check-in-background';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { checkThenBackUp } from '../../src/server/startup';
import { listBackups } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';

/*
 * Start-up: the window shows the Meeting screen at once. The check over every page of the chapter file
 * (seconds on a big file) runs after, in a worker thread; the start-up backup follows only if the file
 * is sound, and a damaged file is said in a sentence with what to do — never copied over good backups.
 */
const open: ChapterFile[] = [];
afterAll(() => {
  for (const c of open) if (!c.isClosed) c.close();
});

/** A demo chapter file with one good backup, closed; then a meeting added after that backup. */
async function chapterOnDisk(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-startup-')), 'chapter-ledger.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  loadDemoChapter(chapter.db, '2026-11-22');
  await chapter.backup('manual');
  const api = createRegistry({ db: chapter.db, file, appVersion: 'test', chapterFile: chapter }, () => {});
  expect(await api.callAsync('createMeeting', { meetingOn: '2027-01-05', confirmDate: true })).toMatchObject({ ok: true });
  chapter.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  chapter.close();
  return file;
}

/** Damage SQLite's own bookkeeping on a few pages of a table: reads still work, the structural check does not pass. */
function damageDeepInside(file: string): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  let damaged = 0;
  // Table leaf pages (0x0D) past the first hundred: record the wrong number of fragmented bytes.
  for (let page = 100; (page + 1) * pageSize <= bytes.length && damaged < 3; page++) {
    const at = page * pageSize;
    if (bytes[at] === 0x0d && bytes[at + 7] === 0) {
      bytes[at + 7] = 57;
      damaged += 1;
    }
  }
  expect(damaged).toBe(3);
  writeFileSync(file, bytes);
}

const startUp = (file: string) => {
  const chapter = new ChapterFile(file, sourceMigrationsFolder, { integrityCheck: 'later' });
  open.push(chapter);
  return { chapter, api: createRegistry({ get db() { return chapter.db; }, file, appVersion: 'test', chapterFile: chapter }, () => {}) };
};

describe('opening the app on a chapter file', () => {
  it('a sound file opens and answers the Meeting screen before its check has run; the check then passes and the start-up backup is taken', async () => {
    const file = await chapterOnDisk();
    const { chapter, api } = startUp(file);
    expect(chapter.integrity).toEqual({ state: 'pending' });
    const meetings = await api.callAsync('listMeetings', {});
    expect(meetings.ok && (meetings.value as Array<{ meetingOn: string }>).some((m: { meetingOn: string }) => m.meetingOn === '2027-01-05')).toBe(true);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['manual']);

    const after = await checkThenBackUp(chapter);
    expect(after).toMatchObject({ outcome: 'sound', backup: { reason: 'startup' } });
    expect(chapter.integrity).toEqual({ state: 'checked' });
    expect(listBackups(file).map((b) => b.reason).sort()).toEqual(['manual', 'startup']);
  });

  it('a file damaged deep inside still opens for the window, then the check behind it says so in a sentence, and no backup of it is taken', async () => {
    const file = await chapterOnDisk();
    damageDeepInside(file);
    const { chapter, api } = startUp(file);
    expect(await api.callAsync('getChapter', {})).toMatchObject({ ok: true });

    const after = await checkThenBackUp(chapter);
    expect(after.outcome).toBe('damaged');
    if (after.outcome !== 'damaged') return;
    expect(after.sentence).toMatch(/^chapter-ledger\.sqlite is damaged: checking it after start-up, SQLite found "Fragmentation of 0 bytes reported as 57 on page \d+" and 2 more problems\. /);
    expect(after.sentence).toMatch(/Restore the newest good backup: the damaged file is kept beside it/);
    expect(after.sentence).toMatch(/No start-up backup was taken, so your good backups are all still there\.$/);
    // The good backup is the only one: neither the start-up backup nor the one after closing a meeting copies the damaged file.
    expect(await chapter.backup('meeting-closed')).toBeNull();
    await expect(chapter.backup('manual')).rejects.toThrow(/is damaged .*no backup of it was taken: it would push your good backups out of the list\. Restore the newest good backup instead/);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['manual']);
  });

  it('"Restore the newest good backup" after the check puts that backup in place, keeps the damaged file, and says so in the audit log', async () => {
    const file = await chapterOnDisk();
    damageDeepInside(file);
    const { chapter, api } = startUp(file);
    await checkThenBackUp(chapter);
    const { restored, damagedKeptAs } = chapter.recoverFromDamage();
    expect(restored.reason).toBe('manual');
    expect(existsSync(damagedKeptAs)).toBe(true);
    expect(chapter.integrity).toEqual({ state: 'checked' });
    expect(chapter.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    // The meeting entered after that backup is in the damaged file only (kept), not in the restored one.
    const meetings = await api.callAsync('listMeetings', {});
    expect(meetings.ok && (meetings.value as Array<{ meetingOn: string }>).some((m: { meetingOn: string }) => m.meetingOn === '2027-01-05')).toBe(false);
    const log = await api.callAsync('listAuditLog', { action: 'restore' });
    expect(log.ok && (log.value as unknown[])[0]).toMatchObject({ entity: 'chapter_file', reason: expect.stringMatching(/after the start-up check found the chapter file damaged; the damaged file is kept as chapter-ledger\.sqlite\.damaged-/) });
    // Sound again: backups are taken as usual.
    expect(await chapter.backup('meeting-closed')).toMatchObject({ reason: 'meeting-closed' });
  });

  it('a sound file is never "recovered": the request is refused and nothing changes', async () => {
    const file = await chapterOnDisk();
    const { chapter } = startUp(file);
    await checkThenBackUp(chapter);
    expect(() => chapter.recoverFromDamage()).toThrow(/was not found damaged, so no backup was put in its place\. Nothing was changed\./);
  });

  it('opening any other way (Open chapter file…, a restore, a switch) still checks the whole file first and refuses the damaged one', async () => {
    const file = await chapterOnDisk();
    damageDeepInside(file);
    expect(() => new ChapterFile(file, sourceMigrationsFolder)).toThrow(/is damaged \(.*Fragmentation.*\)\. It has not been changed\./s);
  });

  it('when another chapter file is opened before the check ends, nothing is said and nothing is backed up', async () => {
    const file = await chapterOnDisk();
    const { chapter } = startUp(file);
    const checking = checkThenBackUp(chapter);
    chapter.close();
    expect(await checking).toEqual({ outcome: 'switched' });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['manual']);
  });

  it('a check that cannot read the file from its worker answers "not checked" (the open connection then checks it), never "sound"', async () => {
    const finding = await checkInBackground(path.join(tmpdir(), 'no-such-folder-ledger', 'gone.sqlite'));
    expect(finding).toMatchObject({ ok: false, damaged: false });
  });
});
