import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry } from '../../src/server/registry';
import { checkAuditLogBehind, checkThenBackUp } from '../../src/server/startup';
import { auditChainForReport, lastFullCheck } from '../../src/services/audit-chain-checks';
import { loadDemoChapter } from '../../src/services/demo';
import { quarterlyAuditData } from '../../src/services/reports';
import { okValue as ok } from '../support/first-quarter';

/*
 * The quarterly audit verifies the audit log's chain on every print, but not from the first entry each
 * time: the last full check (behind the window at start-up, or "Verify audit log") records how far it
 * verified, and a print verifies what was written since. The print says which entries were verified
 * when; an old entry changed after the full check is found by the next full check and every print after
 * it says the chain is broken there.
 */
const files: ChapterFile[] = [];
afterAll(() => files.forEach((f) => f.close()));

/** The demo chapter written once; every test gets its own copy of the file (seconds saved per test). */
let template: string | null = null;
function demoTemplate(): string {
  if (template) return template;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-checkpoint-')), 'template.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  chapter.sqlite.pragma('synchronous = OFF'); // speed only
  loadDemoChapter(chapter.db, '2026-11-22');
  chapter.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  chapter.close();
  template = file;
  return file;
}

function demoFile() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-checkpoint-')), 'chapter-ledger.sqlite');
  copyFileSync(demoTemplate(), file);
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  files.push(chapter);
  chapter.sqlite.pragma('synchronous = OFF'); // speed only
  const api = createRegistry({ get db() { return chapter.db; }, file, appVersion: 'test', chapterFile: chapter }, () => {});
  const sqlite = chapter.sqlite;
  /** What a tamperer with the file does: drop the triggers, change things, put the triggers back word for word. */
  const tamper = (...statements: string[]) => {
    const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string; sql: string }>;
    for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
    for (const s of statements) sqlite.exec(s);
    for (const t of triggers) sqlite.exec(t.sql);
  };
  const rowidAt = (position: number) => (sqlite.prepare('SELECT rowid FROM audit_log ORDER BY rowid LIMIT 1 OFFSET ?').pluck().get(position - 1) as number);
  const count = () => sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  const verifyWholeLog = async () => ok<{ ok: boolean; entries: number; sentence: string }>(await api.callAsync('verifyAuditLog', {}));
  const print = (at = '2026-11-23T12:00:00Z') => quarterlyAuditData(chapter.db, '2026-11-01', new Date(at)).auditLog!;
  /** A few ordinary changes after the full check: each leaves its chained entry. */
  const writeSome = async (n: number) => {
    for (let i = 0; i < n; i++) ok(await api.callAsync('saveContactSphere', { name: `Sphere ${i} ${Math.random().toString(36).slice(2, 6)}`, description: '' }));
  };
  return { chapter, api, tamper, rowidAt, count, verifyWholeLog, print, writeSome };
}

const n = (x: number) => x.toLocaleString('en-US');

describe('a print verifies the entries since the last full check, and says which were verified when', () => {
  it('with no full check yet, the print verifies the whole log itself and records it for the next print', () => {
    const { chapter, print, count } = demoFile();
    expect(lastFullCheck(chapter.db)).toBeNull();
    expect(print()).toEqual({ ok: true, sentence: expect.stringMatching(new RegExp(`^Audit log chain verified in full when this report was produced: entries 1–${n(count())} check out\\. The last entry was written on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d [A-Z]`)) });
    expect(lastFullCheck(chapter.db)).toMatchObject({ ok: true, entries: count() });
  });

  it('after "Verify audit log" and three changes, the print names the full check and verifies the three written since', async () => {
    const { chapter, verifyWholeLog, writeSome, print, count } = demoFile();
    const full = await verifyWholeLog();
    await writeSome(3);
    const checkedAt = lastFullCheck(chapter.db)!.checkedAt;
    const reported = auditChainForReport(chapter.db);
    expect(reported).toMatchObject({ ok: true, fromFullCheck: full.entries, verifiedNow: 3, fullCheckAt: checkedAt });
    expect(print().sentence).toMatch(new RegExp(`^Audit log chain verified: entries 1–${n(count())}: 1–${n(full.entries)} by the full check of \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d [A-Z]+, and the 3 written since \\(${n(full.entries + 1)}–${n(count())}\\) when this report was produced\\. The last entry was written on `));
  });

  it('with nothing written since the full check, the print says none were', async () => {
    const { verifyWholeLog, print, count } = demoFile();
    await verifyWholeLog();
    expect(print().sentence).toMatch(new RegExp(`^Audit log chain verified: entries 1–${n(count())} by the full check of .+; none written since \\(checked when this report was produced\\)\\. The last entry was written on `));
  });

  it('an entry written after the full check and then changed is found by the print itself', async () => {
    const { verifyWholeLog, writeSome, tamper, rowidAt, count, print } = demoFile();
    await verifyWholeLog();
    await writeSome(4);
    const victim = count() - 1;
    tamper(`UPDATE audit_log SET reason = 'quietly' WHERE rowid = ${rowidAt(victim)}`);
    expect(print()).toEqual({ ok: false, sentence: expect.stringMatching(new RegExp(`^Audit log chain broken: Entry ${n(victim)} .+ was changed after it was written`)) });
  });

  it('entries removed from the end after the full check are found by the print', async () => {
    const { verifyWholeLog, writeSome, tamper, rowidAt, count, print } = demoFile();
    await verifyWholeLog();
    await writeSome(3);
    tamper(`DELETE FROM audit_log WHERE rowid >= ${rowidAt(count() - 1)}`);
    expect(print()).toMatchObject({ ok: false, sentence: expect.stringMatching(/^Audit log chain broken: The log ends at entry [\d,]+, but [\d,]+ were written: the last 2 entries were removed\./) });
  });
});

describe('an old entry changed after the full check', () => {
  it('is found by the next full check, and the next audit print says the chain is broken at that entry, with when it was found', async () => {
    const { chapter, verifyWholeLog, tamper, rowidAt, print } = demoFile();
    await verifyWholeLog();
    tamper(`UPDATE audit_log SET reason = 'Nothing to see here' WHERE rowid = ${rowidAt(5)}`);
    // Until a full check runs, the print relies on the last one and says when it was: entry 5 is not re-read.
    expect(print()).toMatchObject({ ok: true, sentence: expect.stringMatching(/^Audit log chain verified: entries 1–[\d,]+ by the full check of /) });
    const found = await verifyWholeLog();
    expect(found.ok).toBe(false);
    expect(lastFullCheck(chapter.db)).toMatchObject({ ok: false });
    const reported = print();
    expect(reported.ok).toBe(false);
    expect(reported.sentence).toMatch(/^Audit log chain broken, found by the full check of \d{4}-\d\d-\d\d at \d\d:\d\d [A-Z]+: Entry 5 \(.+\) was changed after it was written/);
    // The figures' fingerprint is about the quarter, not the log.
    expect(quarterlyAuditData(chapter.db, '2026-11-01', new Date('2026-11-23T12:00:00Z')).fingerprint).toMatch(/^[0-9A-F]{4}-/);
  });

  it('the start-up full check behind the window finds it too (in its worker), records it, and the next print says so', async () => {
    const { chapter, api, tamper, rowidAt, print } = demoFile();
    ok(await api.callAsync('verifyAuditLog', {}));
    tamper(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE rowid = ${rowidAt(9)}`);
    const behind = await checkAuditLogBehind(chapter);
    expect(behind).toMatchObject({ ok: false, problem: { kind: 'changed', position: 9 } });
    expect(print().sentence).toMatch(/^Audit log chain broken, found by the full check of .+: Entry 9 \(.+\) was changed after it was written/);
  }, 30_000);

  it('a sound file: the start-up sequence checks the whole log behind the window and the print starts from that check', async () => {
    const { chapter, count, print } = demoFile();
    const after = await checkThenBackUp(chapter);
    expect(after).toMatchObject({ outcome: 'sound', auditLog: { ok: true, entries: count() } });
    expect(lastFullCheck(chapter.db)).toMatchObject({ ok: true, entries: count() });
    expect(print().sentence).toMatch(/by the full check of .+; none written since/);
  }, 30_000);
});

describe('the checkpoint cannot be used to skip a changed entry', () => {
  it('if the full check\u2019s last entry itself was changed, the print does not trust the checkpoint: it verifies everything and names that entry', async () => {
    const { chapter, verifyWholeLog, tamper, rowidAt, print } = demoFile();
    const full = await verifyWholeLog();
    tamper(`UPDATE audit_log SET reason = 'rewritten' WHERE rowid = ${rowidAt(full.entries)}`);
    const reported = print();
    expect(reported.ok).toBe(false);
    expect(reported.sentence).toMatch(new RegExp(`^Audit log chain broken: The last entry \\(.+\\) is not the one Chapter Ledger wrote last|^Audit log chain broken: Entry ${n(full.entries)} \\(.+\\) was changed after it was written`));
    expect(lastFullCheck(chapter.db)).toMatchObject({ ok: false });
  });

  it('if the recorded checkpoint was edited (another hash), the print verifies the whole log instead of trusting it', async () => {
    const { chapter, verifyWholeLog, print } = demoFile();
    await verifyWholeLog();
    chapter.sqlite.exec("UPDATE audit_chain_checks SET entry_hash = 'f00d' || substr(entry_hash, 5)");
    expect(print().sentence).toMatch(/^Audit log chain verified in full when this report was produced: entries 1–/);
  });

  it('if the checkpoint names an entry that is no longer there, the print verifies the whole log and finds it missing', async () => {
    const { verifyWholeLog, writeSome, tamper, rowidAt, print } = demoFile();
    const full = await verifyWholeLog();
    await writeSome(2);
    tamper(`DELETE FROM audit_log WHERE rowid = ${rowidAt(full.entries)}`);
    expect(print()).toMatchObject({ ok: false, sentence: expect.stringMatching(new RegExp(`^Audit log chain broken: Entry ${n(full.entries)} is missing`)) });
  });
});
