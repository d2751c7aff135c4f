import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open';
import { loadDemoChapter } from '../../src/services/demo';
import { openTestDb } from '../support/db';
import { journalTags, migrationsUpTo } from '../support/migrations';

const tables = ['chapter', 'contact_spheres', 'classifications', 'members', 'seat_history', 'meetings', 'attendance', 'referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus', 'audit_log'];

describe('every migration after the first keeps the data written under the schema before it', () => {
  const tags = journalTags();
  it.each(tags.slice(1).map((tag, i) => [tag, tags[i]!]))('%s keeps a demo chapter written under %s', (tag, previous) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-upgrade-')), 'chapter.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(previous) });
    loadDemoChapter(old.db, '2026-11-22');
    const snapshot = (db: typeof old.sqlite) =>
      Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
    const before = snapshot(old.sqlite);
    old.close();

    const upgraded = openDatabase(file, { migrationsFolder: migrationsUpTo(tag) });
    expect(snapshot(upgraded.sqlite)).toEqual(before);
    expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
  });

  it('the latest schema is what a fresh file gets', () => {
    const fresh = openTestDb();
    const applied = fresh.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBe(tags.length);
  });
});
