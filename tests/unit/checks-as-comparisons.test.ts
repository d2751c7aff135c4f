// A chapter file keeps its rules on allowed values (a referral's status, a TYFCB's kind, an attendance mark …) as
// comparisons, which SQLite checks in place, not as value lists, which cost every row written a temporary table:
// an import of 100,000 slips writes 60,000 rows under such rules. The rules must accept and refuse exactly what they did.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { storeChecksAsComparisons, withComparisons } from '../../src/db/checks-as-comparisons';
import { openDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { loadDemoChapter } from '../../src/services/demo';

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'ledger-checks-')), 'chapter.sqlite');

/** A file as every version before this change left it: the migrations' CREATE statements, value lists and all. */
function fileAsMigrationsWriteIt(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  migrate(drizzle(sqlite), { migrationsFolder: sourceMigrationsFolder });
  sqlite.close();
}

const tables = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
/** Temporary tables the insert's program opens (a value list in a CHECK is one, built for every row). */
const temporaryTablesPerInsert = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare(`EXPLAIN INSERT INTO "${table}" DEFAULT VALUES`).all() as Array<{ opcode: string }>).filter((op) => op.opcode === 'OpenEphemeral').length;
/** Partial indexes whose WHERE has a value list (the one-seat-per-classification rule): left as they are, the planner matches queries to them by that text. */
const listsInIndexes = (sqlite: Database.Database, table: string) =>
  (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql LIKE '% IN (%'").pluck().all(table) as string[]).length;
const valueLists = (sql: string) => [...sql.matchAll(/((?:"\w+"\.)?"\w+") IN \(('[^']*'(?:, '[^']*')*)\)/g)].map((m) => ({ column: m[1]!, values: m[2]!.split(', ').map((v) => v.slice(1, -1)) }));

describe("a chapter file's rules on allowed values", () => {
  it('are written as comparisons in a new file, so no row written builds a temporary table for them', () => {
    const opened = openDatabase(tempFile(), { migrationsFolder: sourceMigrationsFolder });
    try {
      for (const t of tables(opened.sqlite)) {
        expect(valueLists(t.sql).filter((l) => l.values.length > 2), t.name).toEqual([]);
        expect(temporaryTablesPerInsert(opened.sqlite, t.name), t.name).toBe(listsInIndexes(opened.sqlite, t.name));
      }
    } finally {
      opened.close();
    }
  });

  it('are rewritten when a file written before opens, its rows kept, and the file is sound', () => {
    const file = tempFile();
    fileAsMigrationsWriteIt(file);
    const raw = new Database(file);
    // The file as it was: referrals, TYFCBs, visitors and attendance each build one for every row.
    for (const table of ['referrals', 'tyfcb_slips', 'visitors', 'attendance', 'audit_log']) expect(temporaryTablesPerInsert(raw, table), table).toBeGreaterThan(0);
    raw.close();

    const first = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    loadDemoChapter(first.db, '2026-11-17');
    const counts = () => Object.fromEntries(['referrals', 'tyfcb_slips', 'visitors', 'attendance', 'audit_log', 'members'].map((t) => [t, first.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
    const before = counts();
    expect(before.referrals).toBeGreaterThan(10);
    const version = first.sqlite.pragma('schema_version', { simple: true });
    expect(storeChecksAsComparisons(first.sqlite), 'a second rewrite').toEqual([]);
    expect(first.sqlite.pragma('schema_version', { simple: true })).toBe(version);
    first.close();

    const again = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    try {
      expect(again.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(again.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(Object.fromEntries(Object.keys(before).map((t) => [t, again.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]))).toEqual(before);
      for (const t of tables(again.sqlite)) expect(temporaryTablesPerInsert(again.sqlite, t.name), t.name).toBe(listsInIndexes(again.sqlite, t.name));
    } finally {
      again.close();
    }
  });

  it('still refuse a value outside the list, naming the rule, and accept every value in it', () => {
    const opened = openDatabase(':memory:', { migrationsFolder: sourceMigrationsFolder });
    try {
      loadDemoChapter(opened.db, '2026-11-17');
      const cases: Array<[string, string, string, string[]]> = [
        ['referrals', 'status', 'referrals_status', ['new', 'contacted', 'meeting_set', 'won', 'lost']],
        ['tyfcb_slips', 'kind', 'tyfcb_kind', ['inside', 'outside', 'tier3']],
        ['visitors', 'follow_up', 'visitors_follow_up', ['new', 'contacted', 'invited_back', 'applied', 'not_interested']],
        ['attendance', 'mark', 'attendance_mark', ['P', 'A', 'L', 'M', 'S']],
        ['members', 'status', 'members_status', ['applicant', 'active', 'on_leave', 'former']],
      ];
      for (const [table, column, rule, values] of cases) {
        const rowid = opened.sqlite.prepare(`SELECT rowid FROM ${table} LIMIT 1`).pluck().get();
        expect(rowid, table).toBeDefined();
        const set = (value: string) => opened.sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(value, rowid);
        const tryIt = (value: string) => {
          opened.sqlite.exec('SAVEPOINT t');
          try {
            set(value);
            return 'accepted';
          } catch (error) {
            return (error as Error).message;
          } finally {
            opened.sqlite.exec('ROLLBACK TO t; RELEASE t');
          }
        };
        for (const value of ['', 'Won', 'other', values[0]!.toUpperCase() === values[0] ? values[0]!.toLowerCase() : values[0]!.toUpperCase()]) {
          expect(tryIt(value), `${table}.${column} = "${value}"`).toBe(`CHECK constraint failed: ${rule}`);
        }
        for (const value of values) {
          const said = tryIt(value);
          // Another rule of the row may refuse a value on its own grounds (a former member needs the day they left); never this one.
          expect(said, `${table}.${column} = "${value}"`).not.toBe(`CHECK constraint failed: ${rule}`);
        }
      }
    } finally {
      opened.close();
    }
  });

  it('give the same answer as the value list for every listed value, another value, an empty one and none', () => {
    const sqlite = new Database(':memory:');
    migrate(drizzle(sqlite), { migrationsFolder: sourceMigrationsFolder });
    const lists = tables(sqlite).flatMap((t) => valueLists(t.sql).filter((l) => l.values.length > 2).map((l) => ({ table: t.name, ...l })));
    expect(lists.length).toBeGreaterThan(15);
    for (const { table, column, values } of lists) {
      const original = `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;
      const rewritten = withComparisons(original);
      expect(rewritten, original).not.toContain(' IN (');
      // The column read as a bound value: the expression evaluated on its own, both ways.
      const bare = (expr: string) => expr.split(column).join('?');
      const count = (expr: string) => expr.split('?').length - 1;
      for (const value of [...values, 'not listed', '', null]) {
        const a = sqlite.prepare(`SELECT ${bare(original)}`).pluck().get(...Array(count(bare(original))).fill(value));
        const b = sqlite.prepare(`SELECT ${bare(rewritten)}`).pluck().get(...Array(count(bare(rewritten))).fill(value));
        expect(b, `${table}: ${original} with ${JSON.stringify(value)}`).toBe(a);
      }
    }
    sqlite.close();
  });
});
