import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';
import { quarterlyAuditData } from '../../src/services/reports';
import { verifyAuditLog } from '../../src/services/verify-audit-log';
import { okValue as ok } from '../support/first-quarter';
import { demoChapterUnder, journalTags, migrationsUpTo } from '../support/migrations';

/*
 * The audit log's hash chain, attacked by someone holding the chapter file: they can drop the
 * triggers, edit, delete and insert entries, re-create the triggers exactly as they were, and
 * empty the log. "Verify audit log" must say which entry first does not add up.
 */
const files: ChapterFile[] = [];
afterAll(() => files.forEach((f) => f.close()));

function demoFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-chain-')), 'chapter-ledger.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  files.push(chapter);
  chapter.sqlite.pragma('synchronous = OFF'); // speed only
  loadDemoChapter(chapter.db, '2026-11-22');
  return context(chapter);
}

function context(chapter: ChapterFile) {
  const api = createRegistry({ get db() { return chapter.db; }, file: chapter.file, appVersion: 'test', chapterFile: chapter }, () => {});
  const verify = async () => ok<{ ok: boolean; entries: number; sentence: string; problem: { kind: string; position: number | null } | null; backupsCompared: number }>(await api.callAsync('verifyAuditLog', {}));
  const sqlite = () => chapter.sqlite;
  /** What a tamperer with the file does: drop the triggers, change things, put the triggers back word for word. */
  const tamper = (...statements: string[]) => {
    const triggers = sqlite().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string; sql: string }>;
    expect(triggers.length).toBeGreaterThanOrEqual(3);
    for (const t of triggers) sqlite().exec(`DROP TRIGGER "${t.name}"`);
    for (const s of statements) sqlite().exec(s);
    for (const t of triggers) sqlite().exec(t.sql);
  };
  const entryAt = (position: number) => sqlite().prepare('SELECT rowid, * FROM audit_log ORDER BY rowid LIMIT 1 OFFSET ?').get(position - 1) as { rowid: number; id: string; reason: string; at: string };
  return { chapter, api, verify, tamper, entryAt, count: () => sqlite().prepare('SELECT count(*) FROM audit_log').pluck().get() as number };
}

describe('Verify audit log on an untouched chapter', () => {
  it('says every entry checks out and when the last one was written', async () => {
    const { verify, count } = demoFile();
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(count());
    expect(result.sentence).toMatch(new RegExp(`^All ${count()} entries check out, the last one on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d [A-Z][A-Za-z0-9+:-]*\\.$`));
  });

  it('an empty chapter file has nothing to check and says so', () => {
    const opened = openDatabase(':memory:', { migrationsFolder: sourceMigrationsFolder });
    expect(verifyAuditLog(opened.db).sentence).toBe('The audit log has no entries yet, and none were removed.');
    opened.close();
  });

  it('keeps checking out through a day of changes, a backup, a restore of an older backup and a backup after it', async () => {
    const { api, verify } = demoFile();
    const older = ok<{ name: string }>(await api.callAsync('backupNow', {}));
    ok(await api.callAsync('saveContactSphere', { name: 'Events', description: 'Weddings and parties' }));
    const newer = ok<{ name: string }>(await api.callAsync('backupNow', {}));
    const both = await verify();
    expect(both.backupsCompared).toBe(2);
    // The president is told which backup the log was held against, by its file name.
    expect(both.sentence).toContain(`continues all 2 backups holding a chained log, the newest the backup of `);
    expect(both.sentence).toContain(`(${newer.name})`);
    ok(await api.callAsync('restoreBackup', { name: older.name }));
    // The backup of the file the restore replaced went another way; it is not held against the log.
    const afterRestore = await verify();
    expect(afterRestore.sentence).toMatch(/^All \d+ entries check out/);
    await api.callAsync('backupNow', {});
    expect((await verify()).ok).toBe(true);
  }, 30_000);
});

describe('a tamperer holding the file is caught', () => {
  it('an entry whose text was edited with the triggers dropped is named as changed', async () => {
    const { tamper, verify, entryAt } = demoFile();
    const victim = entryAt(40);
    tamper(`UPDATE audit_log SET reason = 'Nothing to see here' WHERE rowid = ${victim.rowid}`);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'changed', position: 40 });
    expect(result.sentence).toMatch(/^Entry 40 \(\d{4}-\d\d-\d\d at \d\d:\d\d [A-Z][A-Za-z0-9+:-]*, “.+”\) was changed after it was written/);
  });

  it("the quarterly audit report's cover says whether the log checks out, in the same sentence as the full check", async () => {
    const { chapter, tamper, entryAt, verify } = demoFile();
    const clean = quarterlyAuditData(chapter.db, '2026-11-01', new Date('2026-11-23T12:00:00Z'));
    expect(clean.auditLog).toEqual({ ok: true, sentence: expect.stringMatching(/^Audit log chain verified in full when this report was produced: entries 1–\d+ check out/) });
    tamper(`UPDATE audit_log SET reason = 'quietly' WHERE rowid = ${entryAt(2).rowid}`);
    // The next full check (behind the window at start-up, or this button) finds it; every print after says so.
    expect((await verify()).ok).toBe(false);
    const tampered = quarterlyAuditData(chapter.db, '2026-11-01', new Date('2026-11-23T12:00:00Z'));
    expect(tampered.auditLog).toEqual({ ok: false, sentence: expect.stringMatching(/^Audit log chain broken, found by the full check of .+: Entry 2 .+ was changed after it was written/) });
    // The fingerprint is about the quarter's figures, not the log: the same for both.
    expect(tampered.fingerprint).toBe(clean.fingerprint);
  });

  it('an entry whose time was moved is named as changed too (every column is in the chain)', async () => {
    const { tamper, verify, entryAt } = demoFile();
    tamper(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE rowid = ${entryAt(7).rowid}`);
    expect((await verify()).problem).toMatchObject({ kind: 'changed', position: 7 });
  });

  it('a removed entry is named as missing, with the entry that now follows the gap', async () => {
    const { tamper, verify, entryAt } = demoFile();
    tamper(`DELETE FROM audit_log WHERE rowid = ${entryAt(12).rowid}`);
    const result = await verify();
    expect(result.problem).toMatchObject({ kind: 'removed', position: 12 });
    expect(result.sentence).toMatch(/^Entry 12 is missing: removed from the log \(the next entry left is \d{4}-\d\d-\d\d at .+\)\.$/);
  });

  it('three removed entries in a row are named as a range', async () => {
    const { tamper, verify, entryAt } = demoFile();
    const from = entryAt(20).rowid;
    tamper(`DELETE FROM audit_log WHERE rowid BETWEEN ${from} AND ${from + 2}`);
    expect((await verify()).sentence).toMatch(/^Entries 20–22 are missing/);
  });

  it('an entry added by another program (the triggers allow inserts) is named, and so is a copy slipped in out of order', async () => {
    const { chapter, verify, entryAt, count } = demoFile();
    const n = count();
    chapter.sqlite.exec("INSERT INTO audit_log (id, action, entity, entity_id, reason) VALUES ('forged', 'update', 'member', 'x', 'approved by the president')");
    const forged = await verify();
    expect(forged.problem).toMatchObject({ kind: 'inserted', position: n + 1 });
    expect(forged.sentence).toMatch(new RegExp(`^Entry ${n + 1} \\(.+\\) was not written by Chapter Ledger: it carries no chain hash`));

    const other = demoFile();
    const copy = other.entryAt(3);
    other.chapter.sqlite.prepare("INSERT INTO audit_log SELECT 'copy-of-3', at, actor, action, entity, entity_id, before, after, reason, created_at, updated_at, chain_seq, chain_hash FROM audit_log WHERE id = ?").run(copy.id);
    expect((await other.verify()).sentence).toMatch(new RegExp(`^Entry ${other.count()} \\(.+\\) was inserted out of order: it was written as entry 3\\.$`));
    expect(entryAt(1)).toBeDefined();
  });

  it('the last entries cut off are counted against the chain record', async () => {
    const { tamper, verify, count } = demoFile();
    const n = count();
    tamper('DELETE FROM audit_log WHERE rowid > (SELECT max(rowid) - 2 FROM audit_log)');
    expect((await verify()).sentence).toBe(`The log ends at entry ${n - 2}, but ${n} were written: the last 2 entries were removed.`);
  });

  it('a log emptied and its triggers re-created exactly still opens (the triggers are as written) but is reported as emptied, also after reopening', async () => {
    const { chapter, tamper, verify, count } = demoFile();
    const n = count();
    tamper('DELETE FROM audit_log');
    expect((await verify()).sentence).toBe(`The audit log is empty, but ${n} entries were written: it was emptied.`);
    const file = chapter.file;
    chapter.close();
    files.splice(files.indexOf(chapter), 1);
    const reopened = new ChapterFile(file, sourceMigrationsFolder);
    files.push(reopened);
    const again = await context(reopened).verify();
    expect(again.problem?.kind).toBe('emptied');
  });

  it('emptied together with the chain record: the backups still hold the chain and say so', async () => {
    const { chapter, api, tamper, verify, count } = demoFile();
    const backup = ok<{ name: string }>(await api.callAsync('backupNow', {}));
    const n = count();
    tamper('DELETE FROM audit_log', 'DELETE FROM audit_chain');
    const file = chapter.file;
    chapter.close();
    files.splice(files.indexOf(chapter), 1);
    // The next open finds no chain record and an empty log (what a new file looks like) and starts afresh…
    const reopened = new ChapterFile(file, sourceMigrationsFolder);
    files.push(reopened);
    const result = await context(reopened).verify();
    // …but the backup taken before holds all the entries.
    expect(result.ok).toBe(false);
    expect(result.problem?.kind).toBe('backup');
    expect(result.sentence).toContain(`(${backup.name}) holds ${n} entries, but this file holds only 0: entries were removed after that backup was taken.`);
    void verify;
  });

  it('the last entries cut off and the chain record rewritten to match: the backup says the log was shortened', async () => {
    const { chapter, api, tamper, verify, count } = demoFile();
    const n = count();
    await api.callAsync('backupNow', {});
    tamper(
      'DELETE FROM audit_log WHERE rowid > (SELECT max(rowid) - 3 FROM audit_log)',
      `UPDATE audit_chain SET entries = ${n - 3}, head_hash = (SELECT chain_hash FROM audit_log ORDER BY rowid DESC LIMIT 1)`,
    );
    expect(chapter.sqlite.prepare('SELECT entries FROM audit_chain').pluck().get()).toBe(n - 3);
    expect((await verify()).sentence).toMatch(new RegExp(`holds ${n} entries, but this file holds only ${n - 3}: entries were removed after that backup was taken\\.$`));
  });

  it('the chain record removed while chained entries exist is rebuilt on the next open and reported from then on', async () => {
    const { chapter, tamper } = demoFile();
    tamper('DELETE FROM audit_chain');
    const file = chapter.file;
    chapter.close();
    files.splice(files.indexOf(chapter), 1);
    const reopened = new ChapterFile(file, sourceMigrationsFolder);
    files.push(reopened);
    const ctx = context(reopened);
    expect((await ctx.verify()).sentence).toMatch(/^The record of the audit log’s chain was removed from the file and rebuilt on \d{4}-\d\d-\d\d at \d\d:\d\d [A-Z][A-Za-z0-9+:-]*/);
    // The app keeps working: a new change is still written and chained.
    ok(await ctx.api.callAsync('saveContactSphere', { name: 'Events', description: 'Weddings and parties' }));
    expect((await ctx.verify()).problem?.kind).toBe('chain_record');
  });
});

describe('a chapter file written before the chain began', () => {
  const tags = journalTags();
  const chainTag = tags.find((t) => t.endsWith('_audit_log_hash_chain'))!;
  const previous = tags[tags.indexOf(chainTag) - 1]!;

  function oldFile() {
    const file = demoChapterUnder(previous, path.join(mkdtempSync(path.join(tmpdir(), 'ledger-chain-old-')), 'chapter.sqlite'));
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const entries = old.sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid').all();
    old.close();
    return { file, entries };
  }

  it('keeps its entries exactly as they were, starts the chain once on first open, and then checks out', () => {
    const { file, entries } = oldFile();
    expect(entries.length).toBeGreaterThan(50);
    const upgraded = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    const rows = upgraded.sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid').all() as Array<Record<string, unknown>>;
    expect(rows.map(({ chain_seq, chain_hash, ...rest }) => rest)).toEqual(entries);
    expect(rows.every((r) => r.chain_hash === null)).toBe(true);
    const record = upgraded.sqlite.prepare('SELECT entries, legacy_entries AS legacy, rebuilt_at AS rebuilt FROM audit_chain').get();
    expect(record).toEqual({ entries: entries.length, legacy: entries.length, rebuilt: null });
    expect(verifyAuditLog(upgraded.db).sentence).toMatch(new RegExp(`^All ${entries.length} entries check out`));
    upgraded.close();
    // Opened again: the start is not redone.
    const again = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    expect(again.sqlite.prepare('SELECT count(*) FROM audit_chain').pluck().get()).toBe(1);
    expect(verifyAuditLog(again.db).ok).toBe(true);
    again.close();
  });

  it('an entry from before the chain changed afterwards is caught, though the chain cannot say which one', () => {
    const { file, entries } = oldFile();
    const upgraded = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    upgraded.sqlite.exec('DROP TRIGGER audit_log_no_update');
    upgraded.sqlite.exec("UPDATE audit_log SET reason = 'edited' WHERE rowid = 5");
    expect(verifyAuditLog(upgraded.db).sentence).toMatch(new RegExp(`^One of the first ${entries.length} entries \\(written before the chain began, .+\\) was changed, removed or added since`));
    upgraded.close();
  });
});
