import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { lockFileOf } from '../../src/server/chapter-lock';
import { createRegistry } from '../../src/server/registry';
import { backupName, backupsFolder, checkChapterFile, listBackups } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';
import { demoChapterUnder, journalTags } from '../support/migrations';

/*
 * Restore a backup and "Open chapter file…" with files an attacker (or bad luck) hands the app: each
 * is refused with a sentence, the open chapter stays as it was, and the app keeps answering.
 */
const newFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'ledger-restore-')), 'chapter-ledger.sqlite');
const opened: ChapterFile[] = [];
afterAll(() => {
  for (const c of opened) c.close();
});

function demoFile() {
  const file = newFile();
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  opened.push(chapter);
  loadDemoChapter(chapter.db, '2026-11-22');
  mkdirSync(backupsFolder(file), { recursive: true });
  const api = createRegistry({ get db() { return chapter.db; }, file, appVersion: 'test', chapterFile: chapter }, () => {});
  return { file, chapter, api };
}
const scalar = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get();
const members = (c: ChapterFile) => scalar(c.sqlite, 'SELECT count(*) FROM members') as number;

/** A backup in the backups folder, then changed by hand through a raw connection. */
async function tamperedBackup(chapter: ChapterFile, file: string, tamper: (db: Database.Database) => void): Promise<string> {
  const info = (await chapter.backup('manual'))!;
  const raw = new Database(path.join(backupsFolder(file), info.name));
  raw.unsafeMode(true);
  tamper(raw);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return info.name;
}

async function expectRefusedAndStillWorking(api: ReturnType<typeof demoFile>['api'], chapter: ChapterFile, name: string, message: RegExp) {
  const membersBefore = members(chapter);
  const result = await api.callAsync('restoreBackup', { name });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).not.toBe('internal');
  expect(result.error.message).toMatch(message);
  expect(result.error.message).toMatch(/Nothing was changed\.$/);
  // The app keeps answering on the same file.
  expect(members(chapter)).toBe(membersBefore);
  const chapterNow = await api.callAsync('getChapter', {});
  expect(chapterNow).toMatchObject({ ok: true, value: { name: expect.any(String) } });
  expect(await api.callAsync('createMeeting', { meetingOn: '2027-01-05', confirmDate: true })).toMatchObject({ ok: true });
}

describe('a restore checks the backup as the app would open it, before anything is swapped', () => {
  it('a backup written by a newer Chapter Ledger is refused with a sentence; the chapter keeps working', async () => {
    const { chapter, file, api } = demoFile();
    const name = await tamperedBackup(chapter, file, (db) => db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', ?)").run(Date.now() + 10 ** 11));
    await expectRefusedAndStillWorking(api, chapter, name, /written by a newer version of Chapter Ledger/);
  });

  it('a foreign SQLite file that happens to have a "chapter" table is refused', async () => {
    const { chapter, file, api } = demoFile();
    const name = backupName(new Date('2026-11-20T10:00:00Z'), 'manual');
    const foreign = new Database(path.join(backupsFolder(file), name));
    foreign.exec("CREATE TABLE chapter (id TEXT, name TEXT); INSERT INTO chapter VALUES ('x', 'Not ours');");
    foreign.close();
    await expectRefusedAndStillWorking(api, chapter, name, /not a Chapter Ledger file/);
  });

  it('a backup whose history is ours but whose migration was rewritten is refused', async () => {
    const { chapter, file, api } = demoFile();
    const name = await tamperedBackup(chapter, file, (db) => db.prepare("UPDATE __drizzle_migrations SET hash = 'rewritten' WHERE rowid = 2").run());
    await expectRefusedAndStillWorking(api, chapter, name, /schema history differs from ours at step 2/);
  });

  it('a tampered backup (audit triggers dropped, log emptied) is refused', async () => {
    const { chapter, file, api } = demoFile();
    const name = await tamperedBackup(chapter, file, (db) => db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;'));
    await expectRefusedAndStillWorking(api, chapter, name, /audit log's protection "audit_log_no_delete" is missing/);
  });

  it('a backup whose audit trigger was rewritten to let changes through is refused', async () => {
    const { chapter, file, api } = demoFile();
    const name = await tamperedBackup(chapter, file, (db) =>
      db.exec("DROP TRIGGER audit_log_no_update; CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;"),
    );
    await expectRefusedAndStillWorking(api, chapter, name, /"audit_log_no_update" is changed/);
  });

  it('a backup missing one of our tables is refused', async () => {
    const { chapter, file, api } = demoFile();
    const name = await tamperedBackup(chapter, file, (db) => db.exec('DROP TABLE ceus;'));
    await expectRefusedAndStillWorking(api, chapter, name, /the table "ceus" is missing/);
  });

  it('a "backup" that is a link to a file outside the backups folder is refused', async () => {
    const { chapter, file, api } = demoFile();
    const outside = demoFile();
    outside.chapter.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const name = backupName(new Date('2026-11-21T10:00:00Z'), 'manual');
    symlinkSync(outside.file, path.join(backupsFolder(file), name));
    await expectRefusedAndStillWorking(api, chapter, name, /link to another file/);
  });

  it('a backup damaged only where the full integrity check looks (an index) is refused', async () => {
    const { chapter, file, api } = demoFile();
    const info = (await chapter.backup('manual'))!;
    const copy = path.join(backupsFolder(file), info.name);
    const bytes = readFileSync(copy);
    const pageSize = bytes.readUInt16BE(16);
    // Change the last byte of index leaf pages (0x0A): a member id inside an index entry.
    for (let page = 1; page * pageSize < bytes.length; page++) {
      const at = page * pageSize;
      if (bytes[at] === 0x0a && bytes[at + pageSize - 1]! >= 0x30) bytes[at + pageSize - 1] = bytes[at + pageSize - 1] === 0x61 ? 0x62 : 0x61;
    }
    writeFileSync(copy, bytes);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok'); // what opening alone would see
    expect(raw.pragma('integrity_check', { simple: true })).not.toBe('ok');
    raw.close();
    await expectRefusedAndStillWorking(api, chapter, info.name, /cannot be restored: the file is damaged/);
  });
});

describe('a restore that goes through', () => {
  it('is written in the restored file\'s audit log, and the replaced file\'s entries stay in the safety copy', async () => {
    const { chapter, file, api } = demoFile();
    const backup = (await chapter.backup('manual'))!;
    await api.callAsync('createMeeting', { meetingOn: '2027-02-02', confirmDate: true });
    const entriesBefore = scalar(chapter.sqlite, 'SELECT count(*) FROM audit_log') as number;
    const result = await api.callAsync('restoreBackup', { name: backup.name });
    expect(result).toMatchObject({ ok: true });
    const restoreRows = chapter.sqlite.prepare("SELECT reason, entity FROM audit_log WHERE action = 'restore'").all() as Array<{ reason: string; entity: string }>;
    expect(restoreRows).toHaveLength(1);
    expect(restoreRows[0]!.reason).toMatch(/^Restored from the backup of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(chapter-ledger-.*-manual\.sqlite\); the file it replaced is kept as the backup chapter-ledger-.*-before-restore\.sqlite\.$/);
    expect(scalar(chapter.sqlite, "SELECT count(*) FROM meetings WHERE meeting_on = '2027-02-02'")).toBe(0);
    const safety = listBackups(file).find((b) => b.reason === 'before-restore')!;
    const kept = new Database(path.join(backupsFolder(file), safety.name), { readonly: true });
    expect(scalar(kept, 'SELECT count(*) FROM audit_log')).toBe(entriesBefore);
    expect(scalar(kept, "SELECT count(*) FROM meetings WHERE meeting_on = '2027-02-02'")).toBe(1);
    kept.close();
    // The audit log screen shows it.
    const log = await api.callAsync('listAuditLog', { action: 'restore' });
    expect(log).toMatchObject({ ok: true, value: [{ action: 'restore', entity: 'chapter_file' }] });
  });

  it('a backup from an older version is migrated on the side, then swapped in', async () => {
    const tags = journalTags();
    const { chapter, file, api } = demoFile();
    const name = backupName(new Date('2026-11-19T10:00:00Z'), 'manual');
    demoChapterUnder(tags[tags.length - 2]!, path.join(backupsFolder(file), name));
    expect(await api.callAsync('restoreBackup', { name })).toMatchObject({ ok: true });
    expect(scalar(chapter.sqlite, 'SELECT count(*) FROM __drizzle_migrations')).toBe(tags.length);
    expect(await api.callAsync('listMeetings', {})).toMatchObject({ ok: true });
  });

  it('writes answered while a restore runs are either in the restored file or in the safety copy, never lost', async () => {
    const { chapter, file, api } = demoFile();
    const backup = (await chapter.backup('manual'))!;
    const dates = ['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23'];
    const [a, b, restore, c, d] = await Promise.all([
      api.callAsync('createMeeting', { meetingOn: dates[0], confirmDate: true }),
      api.callAsync('createMeeting', { meetingOn: dates[1], confirmDate: true }),
      api.callAsync('restoreBackup', { name: backup.name }),
      api.callAsync('createMeeting', { meetingOn: dates[2], confirmDate: true }),
      api.callAsync('createMeeting', { meetingOn: dates[3], confirmDate: true }),
    ]);
    expect([a, b, restore, c, d].every((r) => r.ok)).toBe(true);
    const safety = listBackups(file).find((x) => x.reason === 'before-restore')!;
    const kept = new Database(path.join(backupsFolder(file), safety.name), { readonly: true });
    for (const date of dates) {
      const inLive = scalar(chapter.sqlite, `SELECT count(*) FROM meetings WHERE meeting_on = '${date}'`);
      const inSafety = scalar(kept, `SELECT count(*) FROM meetings WHERE meeting_on = '${date}'`);
      expect(Number(inLive) + Number(inSafety), `meeting ${date}`).toBeGreaterThanOrEqual(1);
    }
    kept.close();
  });
});

describe('Open chapter file…', () => {
  it('a link to another file is refused, and a foreign database too; the open chapter stays', async () => {
    const { chapter } = demoFile();
    const other = demoFile();
    other.chapter.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const link = path.join(path.dirname(chapter.file), 'shortcut.sqlite');
    symlinkSync(other.file, link);
    await expect(chapter.adopt(link)).rejects.toThrow(/link to another file.*Nothing was changed\./);
    const foreign = path.join(path.dirname(chapter.file), 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE chapter (id TEXT)');
    db.close();
    await expect(chapter.adopt(foreign)).rejects.toThrow(/not a Chapter Ledger file.*Nothing was changed\./);
    expect(members(chapter)).toBeGreaterThan(25);
  });

  it('another chapter file is checked, copied in one swap with its log told, and the one replaced is kept', async () => {
    const { chapter, file } = demoFile();
    const source = newFile();
    const other = new ChapterFile(source, sourceMigrationsFolder);
    other.sqlite.prepare("INSERT INTO contact_spheres (id, name) VALUES ('s1', 'Only in the other file')").run();
    other.close(); // a file still open in another Chapter Ledger is refused, see below
    const { safetyCopy } = await chapter.adopt(source);
    expect(scalar(chapter.sqlite, "SELECT name FROM contact_spheres WHERE id = 's1'")).toBe('Only in the other file');
    expect(scalar(chapter.sqlite, "SELECT reason FROM audit_log WHERE action = 'restore'")).toContain(`Opened from ${source}`);
    expect(listBackups(file).map((b) => b.name)).toContain(safetyCopy.name);
  });

  it('a file another Chapter Ledger has open is refused, naming who holds it', async () => {
    const { chapter } = demoFile();
    const held = demoFile();
    await expect(chapter.adopt(held.file)).rejects.toThrow(/already open in this Chapter Ledger window/);
  });
});

describe('one process per chapter file', () => {
  it('a second open of the same file in this process is refused; after closing, it opens', () => {
    const file = newFile();
    const first = new ChapterFile(file, sourceMigrationsFolder);
    expect(() => new ChapterFile(file, sourceMigrationsFolder)).toThrow(/already open in this Chapter Ledger window/);
    first.close();
    new ChapterFile(file, sourceMigrationsFolder).close();
  });

  it('a file held by another running process is refused with its pid and computer', async () => {
    const file = newFile();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFileOf(file), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-23T09:00:00.000Z', app: 'Chapter Ledger' }));
      expect(() => new ChapterFile(file, sourceMigrationsFolder)).toThrow(new RegExp(`open in another Chapter Ledger \\(process ${other.pid} on this computer, since 2026-11-23 09:00 UTC\\)`));
      writeFileSync(lockFileOf(file), JSON.stringify({ pid: 4242, host: 'treasurer-laptop', since: '2026-11-23T09:00:00.000Z' }));
      expect(() => new ChapterFile(file, sourceMigrationsFolder)).toThrow(/on the computer "treasurer-laptop".*delete .*\.lock/);
    } finally {
      other.kill();
    }
  });

  it('a lock left by a process that died is taken over', async () => {
    const file = newFile();
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(lockFileOf(file), JSON.stringify({ pid: gone.pid, host: hostname(), since: '2026-11-23T09:00:00.000Z' }));
    const chapter = new ChapterFile(file, sourceMigrationsFolder);
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    chapter.close();
    expect(() => readFileSync(lockFileOf(file))).toThrow();
  });
});

describe('the disk and other programs get their own sentences', () => {
  it('a busy file, a full disk and a read-only file each say what happened and that nothing changed', async () => {
    const { chapter, file, api } = demoFile();
    // Another program holding a write lock.
    chapter.sqlite.pragma('busy_timeout = 20');
    const intruder = new Database(file);
    intruder.exec('BEGIN IMMEDIATE');
    const busy = await api.callAsync('createMeeting', { meetingOn: '2027-04-06', confirmDate: true });
    intruder.exec('ROLLBACK');
    intruder.close();
    expect(busy).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/busy: another program is writing.*Nothing was changed/) } });
    // A full disk: the file may not grow.
    const pages = scalar(chapter.sqlite, 'PRAGMA page_count') as number;
    chapter.sqlite.pragma(`max_page_count = ${pages}`);
    let full: Awaited<ReturnType<typeof api.callAsync>> = { ok: true, value: null };
    for (let i = 0; i < 400 && full.ok; i++) full = await api.callAsync('saveContactSphere', { name: `Sphere ${i} ${'x'.repeat(3000)}`.slice(0, 80), description: 'y'.repeat(290) });
    expect(full).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/disk is full.*free some space/) } });
    chapter.sqlite.pragma('max_page_count = 1073741823');
    // Read-only.
    chapter.sqlite.pragma('query_only = 1');
    const readOnly = await api.callAsync('createMeeting', { meetingOn: '2027-04-13', confirmDate: true });
    chapter.sqlite.pragma('query_only = 0');
    expect(readOnly).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/cannot be written.*Nothing was changed/) } });
  });
});

describe('checking a file', () => {
  it('a sound backup passes', async () => {
    const { chapter, file } = demoFile();
    const info = (await chapter.backup('manual'))!;
    expect(checkChapterFile(path.join(backupsFolder(file), info.name), sourceMigrationsFolder)).toEqual({ ok: true });
    rmSync(path.join(backupsFolder(file), info.name));
  });
});
