// Saving a slip prepares the same few dozen statements every time; the file's connection keeps them
// (src/db/statement-cache.ts). A kept statement must answer exactly as a fresh one would: rows as
// named fields even after a typed select used it for arrays, a second reader while one is still
// reading, and only so many kept.
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import { members } from '../../src/db/schema';
import { withStatementCache } from '../../src/db/statement-cache';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
});
afterEach(() => opened.close());

describe('statements kept between saves', () => {
  it('a meeting night of saves reads back every slip as entered, names in any script', () => {
    const seats = smallChapter(opened);
    const dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2024-01-01' }))).id;
    const marcus = ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', '陈', { joinedOn: '2024-01-01' }))).id;
    const meetingId = ok(api.call('createMeeting', { meetingOn: '2025-01-08' })).id;
    for (let i = 0; i < 30; i++) {
      const saved = ok(api.call('saveReferral', { meetingId, giverId: i % 2 ? dana : marcus, receiverId: i % 2 ? marcus : dana, referralKind: 'outside', temperature: 1 + (i % 5), prospectName: `Familie Müller ${i}` }));
      expect(saved).toMatchObject({ kind: 'referral', prospectName: `Familie Müller ${i}`, giverName: i % 2 ? 'Dana Ruiz' : 'Marcus 陈' });
    }
    const sheet = ok(api.call('getMeetingSheet', { meetingId }));
    expect(sheet.slips).toHaveLength(30);
    expect(sheet.totals.referrals).toBe(30);
  });

  it('a statement a typed select used for arrays answers named fields to the next plain read', () => {
    const seats = smallChapter(opened);
    const dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2024-01-01' }))).id;
    const typed = opened.db.select({ id: members.id, firstName: members.firstName }).from(members).where(eq(members.id, dana));
    expect(typed.get()).toEqual({ id: dana, firstName: 'Dana' });
    // The very same statement text, read plainly: drizzle hands back SQLite's row as it comes.
    const text = typed.toSQL().sql;
    expect(text.endsWith('?')).toBe(true);
    const plain = sql`${sql.raw(text.slice(0, -1))}${dana}`;
    expect(opened.db.get(plain)).toEqual({ id: dana, first_name: 'Dana' });
    expect(opened.db.all(plain)).toEqual([{ id: dana, first_name: 'Dana' }]);
    // …and again the typed way, with a bound value.
    expect(opened.db.select({ id: members.id, firstName: members.firstName }).from(members).where(eq(members.id, dana)).get()).toEqual({ id: dana, firstName: 'Dana' });
  });

  it('a statement still being read is not handed out twice; only so many are kept', () => {
    const raw = new Database(':memory:');
    raw.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const cached = withStatementCache(raw, 3);
    const first = cached.prepare('SELECT n FROM t ORDER BY n');
    const seen: number[] = [];
    for (const row of first.iterate() as IterableIterator<{ n: number }>) {
      // The same text asked for while the first is mid-read: a statement of its own, full answer.
      const inner = cached.prepare('SELECT n FROM t ORDER BY n');
      expect(inner).not.toBe(first);
      expect(inner.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      seen.push(row.n);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(cached.prepare('SELECT n FROM t ORDER BY n')).toBe(first);
    for (let i = 0; i < 5; i++) cached.prepare(`SELECT n + ${i} FROM t`);
    // Three kept at most: the first text went long ago, so it is prepared anew.
    expect(cached.prepare('SELECT n FROM t ORDER BY n')).not.toBe(first);
    // Everything else is the connection itself.
    expect(cached.pragma('journal_mode', { simple: true })).toBe('memory');
    raw.close();
  });
});
