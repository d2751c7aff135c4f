// The bench's big chapter written as a chapter that hands its slips in on BNI Connect leaves its file: each
// week's meeting opened, attendance marked, that week's Slips Audit Report previewed and imported through the
// registry, the meeting closed and its referrals followed up. Every slip is in the ledger, found by the audit
// log through its import batch, and nothing the typed history writes is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChapterHistoryByImport, type WrittenHistory } from '../../src/cli/chapter-history';
import { openDatabase, type OpenedDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { createRegistry } from '../../src/server/registry';
import { addDays, todayIso } from '../../src/shared/dates';

const WEEKS = 6;
let folder: string;
let opened: OpenedDatabase;
let history: WrittenHistory;
const imported: number[] = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'ledger-history-import-'));
  const file = path.join(folder, 'chapter.sqlite');
  opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
  const api = createRegistry({ db: opened.db, file, appVersion: 'test' }, () => {});
  history = await writeChapterHistoryByImport(api, { members: 24, weeks: WEEKS, slipsPerMeeting: 30, firstMeetingOn: addDays(todayIso(), -7 * WEEKS), onImported: (w) => imported.push(w.created) }, opened.sqlite);
}, 120_000);

afterAll(() => {
  opened?.close();
  rmSync(folder, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]) => opened.sqlite.prepare(sql).pluck().get(...params) as number;
const slipTables = ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus'];

describe('six weeks of a 24-member chapter, its slips imported from BNI Connect each week', () => {
  it('every slip of every week is in the ledger, in its own closed meeting', () => {
    expect(imported).toHaveLength(WEEKS);
    for (const n of imported) expect(n).toBeGreaterThanOrEqual(24);
    const slips = slipTables.map((t) => count(`SELECT count(*) FROM ${t}`)).reduce((a, b) => a + b, 0);
    expect(slips).toBe(history.slips);
    expect(history.slips).toBe(imported.reduce((a, b) => a + b, 0));
    expect(count("SELECT count(*) FROM meetings WHERE status = 'completed'")).toBe(WEEKS);
    // Every slip belongs to a meeting of this history, and each meeting has this week's slips and no other's.
    for (const t of slipTables) expect(count(`SELECT count(*) FROM ${t} s JOIN meetings m ON m.id = s.meeting_id WHERE m.status <> 'completed'`)).toBe(0);
    expect(count('SELECT count(DISTINCT meeting_id) FROM referrals')).toBe(WEEKS);
  });

  it('each week is one import batch with one audit entry listing every slip it created, by file row', () => {
    expect(count("SELECT count(*) FROM import_batches WHERE kind = 'slips_audit'")).toBe(WEEKS);
    const entries = opened.sqlite.prepare("SELECT a.after FROM audit_log a WHERE a.action = 'import' AND a.entity = 'import_batch'").pluck().all() as string[];
    expect(entries).toHaveLength(WEEKS);
    const listed = entries.map((e) => Object.values((JSON.parse(e) as { slips: Record<string, Array<[string, number]>> }).slips).flat());
    expect(listed.map((l) => l.length)).toEqual(imported);
    const ids = new Set(listed.flat().map(([id]) => id));
    expect(ids.size).toBe(history.slips);
    // The batches' items (one run of ids per kind and week) stand for exactly these slips.
    const kinds = entries.map((e) => Object.keys((JSON.parse(e) as { slips: Record<string, unknown> }).slips).length).reduce((a, b) => a + b, 0);
    expect(count("SELECT count(*) FROM import_batch_items WHERE action = 'created'")).toBe(kinds);
    const covered = slipTables.flatMap((t) => opened.sqlite.prepare(`SELECT t.id FROM ${t} t JOIN import_batch_items i ON t.id BETWEEN i.entity_id AND coalesce(i.last_entity_id, i.entity_id) AND i.action = 'created'`).pluck().all() as string[]);
    expect(covered).toHaveLength(history.slips);
    expect(new Set(covered)).toEqual(ids);
    // No slip got an audit entry of its own: the imports went into open meetings.
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'import' AND entity IN ('referral', 'tyfcb', 'one_to_one', 'visitor', 'ceu')")).toBe(0);
  });

  it('attendance is marked for every member at every meeting, and referrals are followed up', () => {
    expect(count('SELECT count(*) FROM attendance')).toBe(24 * WEEKS);
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'attendance'")).toBeGreaterThanOrEqual(24 * WEEKS);
    // Six referrals a week after the meeting (the last week's too).
    expect(count("SELECT count(*) FROM referrals WHERE status <> 'new'")).toBe(6 * WEEKS);
    expect(count("SELECT count(DISTINCT m.meeting_on) FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE r.status <> 'new'")).toBe(WEEKS);
  });
});
