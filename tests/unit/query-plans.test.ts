// Every screen's queries read through indexes on a file written the way the app writes it
// (members, weekly meetings with attendance, slips, follow-ups, amendments, all through the
// registry), once the app has opened it again. The plans come from SQLite itself (EXPLAIN QUERY
// PLAN on the exact statements the services ran), so a new query that scans every slip fails here.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChapterHistory, type WrittenHistory } from '../../src/cli/chapter-history';
import { openDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import * as schema from '../../src/db/schema';
import { createRegistry, type Registry } from '../../src/server/registry';
import { addDays, todayIso } from '../../src/shared/dates';
import { quarterOf } from '../../src/shared/periods';
import { reportDefinition } from '../../src/services/reports';

/** Tables that grow with every meeting: a full scan of one of them is what makes a big file slow. */
const growingTables = ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus', 'attendance', 'audit_log', 'prospect_visits'];
const WEEKS = 20;

let folder: string;
let file: string;
let history: WrittenHistory;
let traced: Database.Database;
let api: Registry;
let statements: string[] = [];
/** The reads of the last scansOf call, for a closer look at one plan. */
let lastReads: string[] = [];

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'ledger-plans-'));
  file = path.join(folder, 'chapter.sqlite');
  const writing = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
  history = writeChapterHistory(createRegistry({ db: writing.db, file, appVersion: 'test' }, () => {}), {
    members: 60,
    weeks: WEEKS,
    slipsPerMeeting: 10,
    firstMeetingOn: addDays(todayIso(), -7 * WEEKS),
  });
  writing.close();
  // Opened again as the app opens it: this is where the file gets its planner statistics.
  openDatabase(file, { migrationsFolder: sourceMigrationsFolder }).close();
  traced = new Database(file, { verbose: (statement) => statements.push(String(statement)) });
  api = createRegistry({ db: drizzle(traced, { schema }), file, appVersion: 'test' }, () => {});
}, 120_000);

afterAll(() => {
  traced?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs one screen's calls and answers every full scan of a growing table in their plans. */
function scansOf(calls: Array<[string, unknown]>): string[] {
  return scansDuring(() => {
    for (const [method, input] of calls) {
      const result = api.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    }
  });
}

/** The same for any work on the traced connection (a report's data, gathered as produceReport does). */
function scansDuring(run: () => void): string[] {
  statements = [];
  run();
  const reads = statements.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s));
  expect(reads.length).toBeGreaterThan(0);
  lastReads = reads;
  statements = [];
  const scans: string[] = [];
  for (const read of reads) {
    const plan = traced.prepare(`EXPLAIN QUERY PLAN ${read}`).all() as Array<{ detail: string }>;
    for (const { detail } of plan) {
      const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
      // A scan is named by its alias; find the table behind it in the statement.
      const table = scanned && (growingTables.includes(scanned) ? scanned : new RegExp(`\\b(\\w+)\\s+(?:AS\\s+)?"?${scanned}"?\\b`, 'i').exec(read.replace(/"/g, ''))?.[1]);
      if (table && growingTables.includes(table)) scans.push(`${detail}  ←  ${read.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  return scans;
}

describe('query plans on a chapter file the app wrote', () => {
  it('the file written slip by slip has planner statistics once the app has opened it', () => {
    const analysed = traced.prepare('SELECT DISTINCT tbl FROM sqlite_stat1').pluck().all() as string[];
    for (const table of ['referrals', 'tyfcb_slips', 'attendance', 'meetings', 'audit_log']) expect(analysed).toContain(table);
    expect(history.slips).toBeGreaterThan(150);
  });

  it('a quarter of meetings is found through the meetings (status, day) index, not by reading every meeting', () => {
    const quarter = quarterOf(history.lastMeetingOn);
    const plan = traced
      .prepare(`EXPLAIN QUERY PLAN SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ? AND ?`)
      .all(quarter.from, quarter.to) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH meetings USING COVERING INDEX meetings_status_day \(status=\? AND meeting_on>\? AND meeting_on<\?\)/);
  });

  it('"amendments only" reads the amendments, not the whole log (SQLite cannot tell a filter that rejects nearly every row from a search)', () => {
    expect(scansOf([['listAuditLog', { withReasonOnly: true }]])).toEqual([]);
    const read = lastReads.find((s) => /FROM audit_log/.test(s))!;
    const plan = (traced.prepare(`EXPLAIN QUERY PLAN ${read}`).all() as Array<{ detail: string }>).map((p) => p.detail).join('\n');
    expect(plan).toMatch(/USING INDEX audit_log_amendments/);
  });

  it('Open referrals reads the open referrals through their status, a page at a time', () => {
    expect(scansOf([['listOpenReferrals', { limit: 51, offset: 50 }]])).toEqual([]);
    // The page's own statement (the chapter's day is read first, from the one-row chapter table).
    const read = lastReads.find((s) => /FROM referrals/.test(s))!;
    const plan = (traced.prepare(`EXPLAIN QUERY PLAN ${read}`).all() as Array<{ detail: string }>).map((p) => p.detail).join('\n');
    // Meeting by meeting in date order, each one's open referrals through the (status, meeting) index:
    // the page stops at its end instead of sorting every open referral.
    expect(plan).toMatch(/SCAN m USING INDEX meetings_meeting_on_unique\n[^]*SEARCH r USING INDEX referrals_status \(status=\? AND meeting_id=\?\)/);
    // The count reads the same index, meeting by meeting.
    expect(scansOf([['countOpenReferrals', {}]])).toEqual([]);
    const counted = lastReads.find((s) => /FROM meetings m CROSS JOIN referrals/.test(s))!;
    expect((traced.prepare(`EXPLAIN QUERY PLAN ${counted}`).all() as Array<{ detail: string }>).map((p) => p.detail).join('\n')).toMatch(/SEARCH r USING INDEX referrals_status \(status=\? AND meeting_id=\?\)/);
  });

  it("Reciprocity's long-open referrals are read meeting by meeting, oldest first, never all of them sorted", () => {
    expect(scansOf([['reciprocityFlags', quarter()]])).toEqual([]);
    const listed = lastReads.find((s) => /AS daysOpen/.test(s))!;
    const plan = (traced.prepare(`EXPLAIN QUERY PLAN ${listed}`).all() as Array<{ detail: string }>).map((p) => p.detail).join('\n');
    // The oldest meetings first through the (status, day) index, each one's open referrals through (status, meeting):
    // only the order within a meeting is sorted ("RIGHT PART"), so the list stops after its few.
    expect(plan).toMatch(/SEARCH mt USING COVERING INDEX meetings_status_day[^]*SEARCH r USING INDEX referrals_status \(status=\? AND meeting_id=\?\)/);
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('the weekly report and the quarterly audit (after the full check of the audit log) read no growing table from end to end', () => {
    const db = drizzle(traced, { schema });
    expect((db as unknown as { $client?: unknown }).$client).toBe(traced);
    const producedAt = new Date(`${history.lastMeetingOn}T20:00:00Z`);
    expect(scansDuring(() => void reportDefinition(db, { report: 'weekly_meeting', meetingId: history.lastMeetingId }, producedAt))).toEqual([]);
    // The full check reads every entry (that is its job, behind the window); a print after it reads only what came since.
    expect(api.call('verifyAuditLog', {})).toMatchObject({ ok: true, value: { ok: true } });
    expect(scansDuring(() => void reportDefinition(db, { report: 'quarterly_audit', from: quarterOf(history.lastMeetingOn).from }, producedAt))).toEqual([]);
    expect(lastReads.some((s) => /FROM audit_log WHERE rowid > \d+/.test(s))).toBe(true);
  });

  const quarter = () => quarterOf(history.lastMeetingOn);
  const screens: Array<[string, () => Array<[string, unknown]>]> = [
    ['Meeting: tonight’s sheet and the list of meetings', () => [['getMeetingSheet', { meetingId: history.lastMeetingId }], ['listMeetings', {}]]],
    ['Open referrals: all open, and one member’s', () => [['listOpenReferrals', {}], ['listOpenReferrals', { memberId: history.memberIds[3] }]]],
    ['Reciprocity: tallies, matrix and flags for the quarter', () => [['tallies', quarter()], ['referralMatrix', quarter()], ['reciprocityFlags', quarter()]]],
    ['Scorecard: the last six months', () => [['scorecard', {}]]],
    ['Members: the roster and one member’s trend', () => [['listMembers', { scope: 'current' }], ['memberTrend', { memberId: history.memberIds[5], from: addDays(history.lastMeetingOn, -365), to: history.lastMeetingOn }]]],
    ['Audit log: newest entries, and amendments only', () => [['listAuditLog', {}], ['listAuditLog', { withReasonOnly: true }]]],
    // ---- leadership workflows between meetings (issue 17) ----
    ['This week: follow-ups, applicants, renewals, letters, open seats, silent members, summary', () => [['thisWeek', {}], ['thisWeek', {}]]],
    ['Visitors: the pipeline', () => [['listVisitors', {}]]],
    ['Visitors: the second page, and the visitors to follow up', () => [['listVisitors', { page: 2, pageSize: 10 }], ['listVisitors', { show: 'open' }]]],
    ['Applications & renewals: applications, the renewals radar and the letters', () => [['listApplications', {}], ['renewalsRadar', {}], ['listAbsenceLetters', {}], ['draftAbsenceLetters', {}]]],
  ];
  for (const [screen, calls] of screens) {
    it(`${screen} read no growing table from end to end`, () => {
      expect(scansOf(calls())).toEqual([]);
    });
  }
});
