import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/open';
import { listVisitors, visitorsToFollowUp } from '../../src/services/visitors';
import { memberTallies } from '../../src/services/tallies';
import { auditChainForReport, lastFullCheck } from '../../src/services/audit-chain-checks';
import { undoImport } from '../../src/imports/import-batches';
import { openTestDb } from '../support/db';
import { demoChapterUnder, journalTags, migrationsUpTo } from '../support/migrations';

type Sqlite = OpenedDatabase['sqlite'];
const tempFile = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'ledger-upgrade-')), name);
const userTables = (db: Sqlite, schema = 'main') =>
  db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`).pluck().all() as string[];
const columnsOf = (db: Sqlite, table: string, schema = 'main') =>
  (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(table, schema) as string[]);

const demoUnder = (tag: string) => demoChapterUnder(tag, tempFile('chapter.sqlite'));

/** Every row of every table, in the columns the older schema had. */
function snapshot(db: Sqlite, tables: string[], columns: Record<string, string[]>) {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT ${columns[t]!.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY rowid`).all()]));
}

describe('every migration after the first keeps the data written under the schema before it', () => {
  const tags = journalTags();
  it.each(tags.slice(1).map((tag, i) => [tag, tags[i]!]))('%s keeps a demo chapter written under %s', (tag, previous) => {
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const tables = userTables(old.sqlite);
    const columns = Object.fromEntries(tables.map((t) => [t, columnsOf(old.sqlite, t)]));
    const before = snapshot(old.sqlite, tables, columns);
    expect(before.members!.length).toBeGreaterThan(10);
    old.close();

    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(snapshot(upgraded.sqlite, tables, columns)).toEqual(before);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
  });

  it('0006_member_name_order writes every existing name as before: given name first, sorted by family name', () => {
    const file = demoUnder('0005_period_audit_log_and_open_referral_indexes');
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo('0006_member_name_order') });
    const rows = upgraded.sqlite.prepare('SELECT first_name, last_name, display_name, sort_name, name_order FROM members').all() as Record<string, string | null>[];
    for (const r of rows) {
      expect(r.display_name).toBe(`${r.first_name} ${r.last_name}`);
      expect(r.sort_name).toBe(`${r.last_name} ${r.first_name}`);
      expect(r.name_order).toBeNull();
    }
    upgraded.close();
  });

  it('0011_leadership_workflows: visitor slips written before it become the pipeline, grouped into people by name', () => {
    const file = demoUnder('0010_chapter_time_zone');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo('0010_chapter_time_zone') });
    const slips = old.sqlite.prepare('SELECT count(*) FROM visitors WHERE deleted_at IS NULL').pluck().get() as number;
    const people = old.sqlite.prepare('SELECT count(DISTINCT lower(name)) FROM visitors WHERE deleted_at IS NULL').pluck().get() as number;
    // A person's visits are the meetings they came to (two slips at one meeting are one visit).
    const visits = old.sqlite.prepare('SELECT count(*) FROM (SELECT DISTINCT lower(name), meeting_id FROM visitors WHERE deleted_at IS NULL)').pluck().get() as number;
    old.close();

    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo('0011_leadership_workflows') });
    const pipeline = listVisitors(upgraded.db, { show: 'all' }, '2026-11-22');
    expect(slips).toBeGreaterThan(5);
    expect(pipeline.prospects).toHaveLength(people);
    expect(pipeline.prospects.reduce((n, p) => n + p.visits.length, 0)).toBe(visits);
    expect(pipeline.prospects.some((p) => p.visits.length > 1)).toBe(true);
    upgraded.close();
  });

  it('the latest schema is what a fresh file gets', () => {
    const fresh = openTestDb();
    const applied = fresh.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBe(tags.length);
  });
});

describe('0007 referral outcomes: the follow-up history starts from the statuses already recorded', () => {
  it('every referral moved past "new" gets its status as its first history entry, dated the day it was set', () => {
    const tags = journalTags();
    const previous = tags[tags.indexOf('0007_referral_outcomes') - 1]!;
    // The demo chapter written today, carried back to the schema before (services read newer columns).
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    // A status set by hand under the old schema, late in the evening, on a referral given weeks before.
    old.sqlite.prepare("UPDATE referrals SET status = 'lost', status_changed_at = '2026-10-01T21:15:00.000Z' WHERE id = (SELECT r.id FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE m.meeting_on < '2026-09-01' ORDER BY r.id LIMIT 1)").run();
    const statuses = old.sqlite.prepare(`SELECT r.id, r.status, m.meeting_on AS meetingOn, r.status_changed_at AS changedAt FROM referrals r JOIN meetings m ON m.id = r.meeting_id ORDER BY r.id`).all() as Array<{ id: string; status: string; meetingOn: string; changedAt: string | null }>;
    old.close();

    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo('0007_referral_outcomes') });
    const history = upgraded.sqlite.prepare('SELECT referral_id AS id, status, changed_on AS changedOn, lost_reason AS lostReason, recorded_by_id AS recordedById FROM referral_status_history ORDER BY referral_id').all() as Array<{ id: string; status: string; changedOn: string; lostReason: string | null; recordedById: string | null }>;
    const moved = statuses.filter((s) => s.status !== 'new');
    expect(moved.length).toBeGreaterThan(50);
    expect(history).toEqual(
      moved.map((s) => ({ id: s.id, status: s.status, changedOn: s.changedAt && s.changedAt.slice(0, 10) > s.meetingOn ? s.changedAt.slice(0, 10) : s.meetingOn, lostReason: null, recordedById: null })),
    );
    expect(history.some((h) => h.status === 'lost' && h.changedOn === '2026-10-01')).toBe(true);
    // Ids are UUID-shaped like every other row's.
    const ids = upgraded.sqlite.prepare('SELECT id FROM referral_status_history').pluck().all() as string[];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    upgraded.close();
  });
});

describe('the chapter time zone migration', () => {
  it("gives a chapter written before it the computer's zone (an empty setting) and keeps everything else", () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_chapter_time_zone'))!;
    const file = demoUnder(tags[tags.indexOf(tag) - 1]!);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tags[tags.indexOf(tag) - 1]!) });
    const chapterBefore = old.sqlite.prepare('SELECT * FROM chapter').get() as Record<string, unknown>;
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(upgraded.sqlite.prepare('SELECT * FROM chapter').get()).toEqual({ ...chapterBefore, time_zone: '' });
    upgraded.close();
  });
});

describe('the backups size limit migration', () => {
  it('gives a chapter written before it the 5 GB limit and keeps everything else', () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_backups_size_limit'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const chapterBefore = old.sqlite.prepare('SELECT * FROM chapter').get() as Record<string, unknown>;
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(upgraded.sqlite.prepare('SELECT * FROM chapter').get()).toEqual({ ...chapterBefore, backups_max_mb: 5120 });
    upgraded.close();
  });
});

describe('the outside parties migration', () => {
  it("keeps every slip and every member's tally as it was; a file written before it has no slip with an outsider", () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_outside_parties'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const slipCounts = (db: OpenedDatabase) =>
      ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus'].map((t) => db.sqlite.prepare(`SELECT count(*) || '/' || coalesce(sum(deleted_at IS NULL), 0) FROM ${t}`).pluck().get());
    const before = slipCounts(old);
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(slipCounts(upgraded)).toEqual(before);
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const tallies = memberTallies(upgraded.db, year);
    expect(tallies.length).toBeGreaterThan(10);
    expect(tallies.every((m) => m.outsideRgi + m.outsideRgo + m.outsideRri + m.outsideRro + m.outsideOneToOnes + m.outsideTyfcbReceivedMinor + m.outsideTyfcbGeneratedMinor === 0)).toBe(true);
    expect(tallies.reduce((n, m) => n + m.rgi + m.rgo, 0)).toBe(upgraded.sqlite.prepare("SELECT count(*) FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE r.deleted_at IS NULL AND m.status = 'completed' AND m.meeting_on BETWEEN '2026-01-01' AND '2026-12-31'").pluck().get());
    upgraded.close();
  });
});

describe('the outside party aliases migration', () => {
  it("keeps every member alias and every party; a file written before it remembers no outsider's name yet", () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_outside_party_aliases'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    old.sqlite.prepare("INSERT INTO member_aliases (id, alias, member_id) SELECT 'a1', 'danny ruiz', id FROM members LIMIT 1").run();
    const aliases = old.sqlite.prepare('SELECT alias, member_id FROM member_aliases ORDER BY alias').all();
    const parties = old.sqlite.prepare('SELECT * FROM outside_parties ORDER BY id').all();
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(upgraded.sqlite.prepare('SELECT alias, member_id FROM member_aliases ORDER BY alias').all()).toEqual(aliases);
    expect(upgraded.sqlite.prepare('SELECT * FROM outside_parties ORDER BY id').all()).toEqual(parties);
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM outside_party_aliases').pluck().get()).toBe(0);
    // Another chapter's member needs their chapter, as on a typed slip.
    expect(() => upgraded.sqlite.prepare("INSERT INTO outside_party_aliases (id, alias, kind, name, chapter_name) VALUES ('x', 'tom baker', 'other_chapter', 'Tom Baker', '')").run()).toThrow(/CHECK/);
    upgraded.close();
  });
});

describe('the audit chain checks migration', () => {
  it('keeps every audit entry and the chain record; a file written before it has no full check yet, so its first audit print verifies the whole log and records it', () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_audit_chain_checks'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const log = old.sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid').all();
    const chain = old.sqlite.prepare('SELECT * FROM audit_chain').all();
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(upgraded.sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid').all()).toEqual(log);
    expect(upgraded.sqlite.prepare('SELECT * FROM audit_chain').all()).toEqual(chain);
    expect(lastFullCheck(upgraded.db)).toBeNull();
    const printed = auditChainForReport(upgraded.db);
    expect(printed).toMatchObject({ ok: true, fromFullCheck: 0, verifiedNow: log.length, fullCheckAt: null });
    expect(lastFullCheck(upgraded.db)).toMatchObject({ ok: true, entries: log.length, checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    // One row only.
    expect(() => upgraded.sqlite.prepare("INSERT INTO audit_chain_checks (id, checked_at, ok, entries, sentence) VALUES (2, 'x', 1, 0, '')").run()).toThrow(/CHECK/);
    upgraded.close();
  });
});

describe('the visitor links indexes migration', () => {
  it('keeps every visitor slip, person and link; the Visitors list shows the same people with the same visits, now read through the new indexes', () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_visitor_links_indexes'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const listedBefore = listVisitors(old.db, { show: 'all' }, '2026-11-22');
    const rows = (db: Sqlite) => ['visitors', 'prospects', 'prospect_visits'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const before = rows(old.sqlite);
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(rows(upgraded.sqlite)).toEqual(before);
    expect(listedBefore.total).toBeGreaterThan(3);
    expect(listVisitors(upgraded.db, { show: 'all' }, '2026-11-22')).toEqual(listedBefore);
    const plan = (upgraded.sqlite.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM prospects p WHERE EXISTS (SELECT 1 FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id WHERE pv.prospect_id = p.id AND v.deleted_at IS NULL)").all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/COVERING INDEX prospect_visits_prospect/);
    expect(plan).toMatch(/COVERING INDEX visitors_live/);
    upgraded.close();
  });
});

describe('the stored last-visit day migration', () => {
  it("keeps every visitor slip, person and link; each person's last visit is their newest live visit, and Visitors and This week list the same people in the same order", () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_prospects_last_visit'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    // A visit deleted (its person keeps their other visits) before the upgrade.
    const deleted = old.sqlite.prepare("UPDATE visitors SET deleted_at = '2026-11-20T10:00:00.000Z' WHERE id = (SELECT pv.visitor_id FROM prospect_visits pv JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id IN (SELECT prospect_id FROM prospect_visits GROUP BY prospect_id HAVING count(*) > 1) ORDER BY m.meeting_on DESC LIMIT 1)").run().changes;
    expect(deleted).toBe(1);
    const listed = (db: OpenedDatabase['db']) => ({
      all: listVisitors(db, { show: 'all' }, '2026-11-22'),
      open: listVisitors(db, { show: 'open' }, '2026-11-22'),
      followUps: visitorsToFollowUp(db, '2026-11-22'),
    });
    const before = listed(old.db);
    const rows = (db: Sqlite) => ['visitors', 'prospects', 'prospect_visits'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const kept = rows(old.sqlite);
    old.close();

    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    const [visitorRows, prospectRows, links] = rows(upgraded.sqlite) as [unknown[], Array<Record<string, unknown>>, unknown[]];
    expect([visitorRows, prospectRows.map(({ last_visit_on: _day, ...rest }) => rest), links]).toEqual(kept);
    const wrong = upgraded.sqlite.prepare(`SELECT p.id FROM prospects p WHERE p.last_visit_on IS NOT (SELECT max(m.meeting_on) FROM prospect_visits pv JOIN visitors v ON v.id = pv.visitor_id
      JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = p.id AND v.deleted_at IS NULL)`).all();
    expect(wrong).toEqual([]);
    expect(before.all.total).toBeGreaterThan(3);
    expect(before.followUps.total).toBeGreaterThan(0);
    expect(listed(upgraded.db)).toEqual(before);
    upgraded.close();
  });
});

describe('the import item runs migration', () => {
  it("keeps every import item of a file written before it, one per slip: undoing that old import still takes back exactly its slips, and each slip's history still finds it", () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_import_item_id_runs'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    // An import as the app wrote it before: one item per slip it created (here: the first closed meeting's referrals).
    const meeting = old.sqlite.prepare("SELECT id, meeting_on FROM meetings WHERE status = 'completed' ORDER BY meeting_on LIMIT 1").get() as { id: string; meeting_on: string };
    const slips = old.sqlite.prepare('SELECT id FROM referrals WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY rowid').pluck().all(meeting.id) as string[];
    expect(slips.length).toBeGreaterThan(1);
    old.sqlite.prepare("INSERT INTO import_batches (id, kind, file_name, file_digest, meeting_id, reason, created, updated, matched, skipped) VALUES ('batch-1', 'slips_audit', 'old.csv', 'digest', ?, '', ?, 0, 0, 0)").run(meeting.id, slips.length);
    const item = old.sqlite.prepare("INSERT INTO import_batch_items (id, batch_id, entity, entity_id, action) VALUES (?, 'batch-1', 'referral', ?, 'created')");
    slips.forEach((id, i) => item.run(`item-${i}`, id));
    const items = old.sqlite.prepare('SELECT * FROM import_batch_items ORDER BY rowid').all();
    const otherLive = old.sqlite.prepare('SELECT count(*) FROM referrals WHERE deleted_at IS NULL').pluck().get() as number;
    old.close();

    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(upgraded.sqlite.prepare('SELECT * FROM import_batch_items ORDER BY rowid').all()).toEqual(items.map((row) => ({ ...(row as object), last_entity_id: null })));
    // The history drawer's lookup: each old slip is found through its own item.
    const batchOf = upgraded.sqlite.prepare("SELECT batch_id FROM import_batch_items WHERE ? BETWEEN entity_id AND coalesce(last_entity_id, entity_id) AND action = 'created'").pluck();
    for (const id of slips) expect(batchOf.all(id)).toEqual(['batch-1']);
    const undone = undoImport(upgraded.db, 'batch-1', 'Imported twice');
    expect(undone.tombstoned).toBe(slips.length);
    expect(upgraded.sqlite.prepare(`SELECT count(*) FROM referrals WHERE deleted_at IS NOT NULL AND id IN (${slips.map(() => '?').join(', ')})`).pluck().get(...slips)).toBe(slips.length);
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM referrals WHERE deleted_at IS NULL').pluck().get()).toBe(otherLive - slips.length);
    upgraded.close();
  });
});

describe("the people's newest change index migration", () => {
  it('keeps every person and their visits; saving a visitor finds the newest change to the people from the index, not by reading every person', () => {
    const tags = journalTags();
    const tag = tags.find((t) => t.endsWith('_prospects_updated_index'))!;
    const previous = tags[tags.indexOf(tag) - 1]!;
    const file = demoUnder(previous);
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    const rows = (db: Sqlite) => ['prospects', 'prospect_visits'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all());
    const before = rows(old.sqlite);
    const listedBefore = listVisitors(old.db, { show: 'all' }, '2026-11-22');
    old.close();
    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(rows(upgraded.sqlite)).toEqual(before);
    expect((before[0] as unknown[]).length).toBeGreaterThan(3);
    expect(listVisitors(upgraded.db, { show: 'all' }, '2026-11-22')).toEqual(listedBefore);
    const plan = (upgraded.sqlite.prepare('EXPLAIN QUERY PLAN SELECT max(updated_at) FROM prospects').all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/COVERING INDEX prospects_updated/);
    upgraded.close();
  });
});
