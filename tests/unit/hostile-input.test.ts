import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry, type Registry } from '../../src/server/registry';
import { backupsFolder } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';
import { getScorecardProfile } from '../../src/services/scorecard';
import { contract } from '../../src/shared/contract';
import { methodNames } from '../../src/shared/methods';
import type { Result } from '../../src/shared/errors';
import { attendanceReportCsv, rosterCsv, slipsAuditCsv } from '../support/import-files';
import { accepts, payloadFor, seededRandom, type Pools } from '../support/payloads';

/*
 * Every contract method receives payloads generated from its own zod schema — the right shape with
 * hostile values and the ids of real records — on a real chapter file holding the demo chapter, so
 * most payloads pass validation and reach the service. For each call:
 *   - no crash ("internal") and a readable sentence for every refusal;
 *   - refused ⇒ nothing written (the connection's change counter, and now and then the file's bytes);
 *   - accepted and wrote ⇒ the audit log grew.
 * A table per method (payloads, reached the service, wrote, refused) is printed at the end; the
 * test of the test below plants a write before a refusal and a write without an audit entry.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
// Fewer, better payloads: 32 for a method that answers in a millisecond, a handful where each call
// renders a PDF, copies the file or parses a spreadsheet. The whole file runs in well under a minute.
const heavy: Record<string, number> = {
  produceReport: 3, produceRecognitionPdf: 3, restoreBackup: 4, backupNow: 2, exportAllTables: 2, exportChapterFile: 2, saveAllStatements: 1, startAllStatements: 2, importSlipsAudit: 8,
  previewSlipsAuditImport: 12, importAttendanceReport: 6, previewAttendanceImport: 6, importRoster: 6, previewRosterImport: 6, reconcilePalms: 6, openDemoChapter: 2, newChapterFile: 4, openRecentChapter: 4, undoImport: 6, closeMeeting: 15,
  outcomes: 20, pairOutcomes: 20, memberOutcomesByMonth: 20, recognition: 20, integrityFlags: 20, staleReferrals: 20, scorecard: 20, reciprocityFlags: 20, getMeetingSheet: 25,
};
const runsFor = (method: string) => Math.max(1, Math.round((heavy[method] ?? 32) * SCALE));

interface Row { payloads: number; reached: number; wrote: number; refused: number }
const table = new Map<string, Row>();

let chapter: ChapterFile;
let api: Registry;
let pools: Pools;

function setUp() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-fuzz-')), 'chapter-ledger.sqlite');
  const opened = new ChapterFile(file, sourceMigrationsFolder);
  tune(opened);
  loadDemoChapter(opened.db, '2026-11-22');
  mkdirSync(backupsFolder(file), { recursive: true });
  const registry = createRegistry({ get db() { return opened.db; }, file, appVersion: 'fuzz', chapterFile: opened }, () => {});
  return { opened, registry };
}

const profileOf = (c: ChapterFile) => getScorecardProfile(c.db);

function collectPools(c: ChapterFile): Pools {
  const ids = (sql: string) => c.sqlite.prepare(sql).pluck().all() as string[];
  const has = (t: string) => c.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) !== undefined;
  const names = ids("SELECT first_name || ' ' || last_name FROM members WHERE status = 'active' ORDER BY last_name LIMIT 8");
  const dates = ids('SELECT meeting_on FROM meetings ORDER BY meeting_on');
  return {
    ids: {
      members: ids('SELECT id FROM members'),
      meetings: ids('SELECT id FROM meetings'),
      classifications: ids('SELECT id FROM classifications'),
      spheres: ids('SELECT id FROM contact_spheres'),
      referrals: ids('SELECT id FROM referrals LIMIT 40'),
      tyfcb: ids('SELECT id FROM tyfcb_slips LIMIT 40'),
      oneToOnes: ids('SELECT id FROM one_to_ones LIMIT 20'),
      visitors: ids('SELECT id FROM visitors LIMIT 20'),
      ceus: ids('SELECT id FROM ceus LIMIT 20'),
      slips: ids('SELECT * FROM (SELECT id FROM referrals LIMIT 10) UNION ALL SELECT * FROM (SELECT id FROM tyfcb_slips LIMIT 10) UNION ALL SELECT * FROM (SELECT id FROM visitors LIMIT 10)'),
      disputes: has('tyfcb_disputes') ? ids('SELECT id FROM tyfcb_disputes') : [],
      batches: has('import_batches') ? ids('SELECT id FROM import_batches') : [],
    },
    dates: [...dates, '2026-11-24', '2026-12-01', '2026-12-15', '2027-01-05', '2026-11-23', '2025-01-01'],
    names,
    backups: [],
    examples: {
      // Profiles have rules across many fields: start from the chapter's own and change one value.
      saveScorecardProfile: [{ profile: profileOf(c) }],
      scorecard: [{}, { from: dates[0], to: dates.at(-1) }, { endMonth: '2026-10' }],
    },
    files: [
      slipsAuditCsv('2026-12-15', names),
      slipsAuditCsv(dates.at(-1)!, names),
      rosterCsv([['Zoë', 'Müller', 'Piano Teacher'], ['王', '美玲', 'Tea Merchant'], ['Arjun', 'Mehta', 'Solar Installer']]),
      attendanceReportCsv(['2026-12-01', '2026-12-08', '2026-12-15'], names),
      readFileSync('tests/fixtures/palms-q1-2026.xls'),
      readFileSync('tests/fixtures/slips-audit-2026-11-17.xls'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('From\tTo\nZoë\tMüller\n', 'utf16le')]),
      Buffer.from('Zo\xeb M\xfcller,Piano\n', 'latin1'),
    ].map((b) => b.toString('base64')),
  };
}

/*
 * A committed write appends frames to the write-ahead log; with automatic checkpoints off the log only
 * grows, so its size tells a committed write from none. (SQLite's change counter would also count a
 * change the service rolled back when it refused, which is correct behaviour, not a write.)
 */
const changes = () => {
  try {
    return statSync(`${chapter.file}-wal`).size;
  } catch {
    return 0;
  }
};
const tune = (c: ChapterFile) => {
  c.sqlite.pragma('synchronous = OFF'); // speed only; durability is the crash test's subject
  c.sqlite.pragma('wal_autocheckpoint = 0');
};
let tunedHandle: unknown = null;
const keepTuned = () => {
  if (tunedHandle === chapter.sqlite) return;
  tune(chapter);
  tunedHandle = chapter.sqlite;
};
const auditCount = () => chapter.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const lastAuditAction = () => chapter.sqlite.prepare('SELECT action FROM audit_log ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
const digest = () => createHash('sha256').update(chapter.sqlite.serialize()).digest('hex');

/**
 * What a method may keep beside the chapter's records without an audit entry, because it is not the
 * chapter's data: "Verify audit log" records how far it checked the chain (the next quarterly audit
 * verifies only what was written since). Every other table must be exactly as it was.
 */
const bookkeeping: Record<string, string[]> = { verifyAuditLog: ['audit_chain_checks'] };
const recordsDigest = (skip: string[]) => {
  const hash = createHash('sha256');
  const tables = chapter.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables.filter((t) => !skip.includes(t))) hash.update(table).update(JSON.stringify(chapter.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all()));
  return hash.digest('hex');
};

interface Before { handle: unknown; changes: number; audit: number; bytes: string; records: string }
const snapshot = (deep: boolean, method = ''): Before => ({ handle: chapter.sqlite, changes: changes(), audit: auditCount(), bytes: deep ? digest() : '', records: bookkeeping[method] ? recordsDigest(bookkeeping[method]) : '' });

/** What is wrong with one call, or null. Kept apart so the test of the test can run it on planted bugs. */
function violation(method: string, input: unknown, result: Result<unknown>, before: Before): string | null {
  const swapped = before.handle !== chapter.sqlite; // a restore put another file in place
  const wrote = swapped || changes() !== before.changes;
  const shown = JSON.stringify(input)?.slice(0, 160);
  if (!result.ok) {
    if (result.error.code === 'internal') return `${method} crashed on ${shown}: ${result.error.message}`;
    if (wrote || auditCount() !== before.audit) return `${method} wrote from a refused payload ${shown}`;
    if (before.bytes && digest() !== before.bytes) return `${method} changed the file's bytes from a refused payload ${shown}`;
    const m = result.error.message;
    if (m.length <= 5 || m.length >= 600 || /\n\s+at |Error:|undefined|\[object Object\]/.test(m)) return `${method} answered an unreadable refusal: ${m.slice(0, 200)}`;
    return null;
  }
  if (swapped) return lastAuditAction() === 'restore' ? null : `${method} swapped the file without a restore entry in its log`;
  const onlyBookkeeping = before.records !== '' && recordsDigest(bookkeeping[method]!) === before.records;
  if (wrote && auditCount() <= before.audit && !onlyBookkeeping) return `${method} wrote without an audit entry from ${shown}`;
  return null;
}

async function fuzz(method: string, registry: Registry, runs: number, seed: number): Promise<{ row: Row; problems: string[] }> {
  const row: Row = { payloads: 0, reached: 0, wrote: 0, refused: 0 };
  const problems: string[] = [];
  const r = seededRandom(seed);
  const schema = contract[method as keyof typeof contract].input;
  for (let i = 0; i < runs; i++) {
    const input = payloadFor(schema, pools, r, method);
    keepTuned();
    const before = snapshot(i % 25 === 0, method);
    const result = await registry.callAsync(method, input);
    row.payloads++;
    if (accepts(schema, input)) row.reached++;
    if (!result.ok) row.refused++;
    else if (before.handle !== chapter.sqlite || changes() !== before.changes) row.wrote++;
    const problem = violation(method, input, result, before);
    if (problem) problems.push(problem);
  }
  return { row, problems };
}

beforeAll(async () => {
  const { opened, registry } = setUp();
  chapter = opened;
  api = registry;
  pools = collectPools(chapter);
  // Backups to restore, among them one taken before the fuzzing starts.
  const backup = await api.callAsync('backupNow', {});
  if (backup.ok) pools.backups.push((backup.value as { name: string }).name);
});

afterAll(() => {
  const lines = [...table].map(([m, r]) => `${m.padEnd(26)} ${String(r.payloads).padStart(5)} ${String(r.reached).padStart(8)} ${String(r.wrote).padStart(6)} ${String(r.refused).padStart(8)}`);
  const total = [...table.values()].reduce((t, r) => ({ payloads: t.payloads + r.payloads, reached: t.reached + r.reached, wrote: t.wrote + r.wrote, refused: t.refused + r.refused }), { payloads: 0, reached: 0, wrote: 0, refused: 0 });
  console.log(['method                     payloads reached  wrote  refused', ...lines, `${'all'.padEnd(26)} ${String(total.payloads).padStart(5)} ${String(total.reached).padStart(8)} ${String(total.wrote).padStart(6)} ${String(total.refused).padStart(8)}`].join('\n'));
  chapter?.close();
});

/** A stable seed per method name (FNV-1a). */
function seedOf(method: string): number {
  let h = 0x811c9dc5;
  for (const c of method) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h || 7919;
}

/** Methods whose schema itself refuses most random values, with why. */
const reachFloor: Record<string, number> = {
  // A profile's thresholds must rise (or fall) in order within each category: random numbers rarely do.
  saveScorecardProfile: 0.25,
};

describe('hostile input to every contract method, on a real chapter file with the demo chapter', () => {
  // Each method's seed comes from its name, not its place in the list: a method added to the contract must not
  // re-deal every later method's payloads (that once turned two methods' draws into mostly refused ones).
  it.each(methodNames.map((m) => [m, seedOf(m)]))('%s: payloads from its schema reach the service; no crash, no write when refused, an audit entry when written', async (method, seed) => {
    const { row, problems } = await fuzz(method, api, runsFor(method), seed);
    table.set(method, row);
    expect(problems.slice(0, 5)).toEqual([]);
    // The payloads are not hollow: most get past validation to the service.
    expect(row.reached, `${method}: only ${row.reached} of ${row.payloads} payloads passed validation`).toBeGreaterThanOrEqual(Math.ceil(row.payloads * (reachFloor[method] ?? 0.4)));
  });

  it('across all methods, the payloads reached the services and some wrote', () => {
    const rows = [...table.values()];
    expect(rows.reduce((n, r) => n + r.reached, 0)).toBeGreaterThan(rows.reduce((n, r) => n + r.payloads, 0) * 0.6);
    expect(rows.filter((r) => r.wrote > 0).length).toBeGreaterThanOrEqual(15);
  });
});

describe('the fuzz test catches the bugs it is there for (a test of the test)', () => {
  it('a write planted before a refusal in deleteSlip is reported', async () => {
    const planted: Registry = {
      call: (m, i) => api.call(m, i),
      callAsync: async (m, i) => {
        if (m === 'deleteSlip') chapter.sqlite.prepare("UPDATE members SET company = company || ' ' WHERE rowid = 1").run();
        return api.callAsync(m, i);
      },
    };
    const { row, problems } = await fuzz('deleteSlip', planted, 30, 1234);
    expect(row.refused).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith('deleteSlip wrote from a refused payload'))).toBe(true);
  });

  it('a write with no audit entry, answered as a success, is reported', async () => {
    const planted: Registry = {
      call: (m, i) => api.call(m, i),
      callAsync: async (m, i) => {
        if (m !== 'saveContactSphere') return api.callAsync(m, i);
        chapter.sqlite.prepare("UPDATE contact_spheres SET description = description || '.' WHERE rowid = 1").run();
        return { ok: true, value: null };
      },
    };
    const { problems } = await fuzz('saveContactSphere', planted, 5, 99);
    expect(problems.some((p) => p.startsWith('saveContactSphere wrote without an audit entry'))).toBe(true);
  });

  it('a crash is reported, and so is a refusal that shows a stack trace', async () => {
    const crash: Registry = { call: (m, i) => api.call(m, i), callAsync: async () => ({ ok: false, error: { code: 'internal', message: 'Something went wrong.' } }) };
    expect((await fuzz('getChapter', crash, 1, 1)).problems[0]).toMatch(/crashed/);
    const stack: Registry = { call: (m, i) => api.call(m, i), callAsync: async () => ({ ok: false, error: { code: 'conflict', message: 'Error: boom\n    at handler (registry.ts:1:1)' } }) };
    expect((await fuzz('getChapter', stack, 1, 1)).problems[0]).toMatch(/unreadable refusal/);
  });
});
