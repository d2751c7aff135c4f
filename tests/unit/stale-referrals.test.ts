// Leadership's stale referrals: how many there are in all ("83 stale referrals · showing 1–50"), a page
// at a time, the ones that went quiet most recently first (a call this week can still save them), and
// the oldest still reachable — on the last pages, or first when asked for "quiet longest first".
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/cli/bench-scale';
import { integrityFlags, staleReferrals } from '../../src/services/integrity-flags';
import type { Db } from '../../src/db/open';
import type { StaleReferrals } from '../../src/shared/contract';
import { addDays } from '../../src/shared/dates';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

/** Every stale referral the plain way: each open referral's last update worked out, no shortcut. */
function everyStale(db: Db, today: string, staleDays = 14) {
  const cutoff = addDays(today, -staleDays);
  return db.all<{ referralId: string; receiverName: string; lastUpdateOn: string }>(sql`
    SELECT * FROM (SELECT r.id AS referralId, v.first_name || ' ' || v.last_name AS receiverName,
        coalesce((SELECT max(h.changed_on) FROM referral_status_history h WHERE h.referral_id = r.id), m.meeting_on) AS lastUpdateOn
      FROM referrals r JOIN meetings m ON m.id = r.meeting_id JOIN members v ON v.id = r.receiver_id
      WHERE r.deleted_at IS NULL AND r.status IN ('new', 'contacted', 'meeting_set') AND m.status <> 'cancelled')
    WHERE lastUpdateOn <= ${cutoff}`);
}
const byRecent = (a: { lastUpdateOn: string; receiverName: string; referralId: string }, b: typeof a) =>
  a.lastUpdateOn !== b.lastUpdateOn ? (a.lastUpdateOn < b.lastUpdateOn ? 1 : -1) : a.receiverName !== b.receiverName ? (a.receiverName < b.receiverName ? -1 : 1) : a.referralId < b.referralId ? -1 : 1;

describe('stale referrals for leadership: the total, a page at a time, the most recently quiet first', () => {
  const opened = openTestDb();
  generate(opened.db, opened.sqlite, 30); // 30 busy weekly meetings ending 2026-11-17: thousands of open referrals
  const today = '2026-11-17';
  const page = (order: 'recent' | 'oldest', offset: number, limit = 200) => staleReferrals(opened.db, { order, offset, limit }, today);

  it('says how many there are in all and lists every one of them across the pages, the most recently quiet first', () => {
    const expected = everyStale(opened.db, today).sort(byRecent);
    expect(expected.length).toBeGreaterThan(1000); // far more than one page, and more than the Flags card's old 200
    const first = page('recent', 0, 50);
    expect(first.total).toBe(expected.length);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.lastUpdateOn).toBe(expected[0]!.lastUpdateOn);
    expect(first.rows[0]!.daysSinceUpdate).toBeGreaterThanOrEqual(14);
    const all: StaleReferrals['rows'] = [];
    for (let offset = 0; offset < first.total; offset += 200) all.push(...page('recent', offset).rows);
    expect(all.map((r) => r.referralId)).toEqual(expected.map((r) => r.referralId));
    // Past the end: nothing more, the total still said.
    expect(page('recent', first.total + 10)).toMatchObject({ total: first.total, rows: [] });
    // The other order walks the same referrals backwards (ties still by receiver, then referral), pages of 37.
    const oldestFirst = [...expected].sort((a, b) => (a.lastUpdateOn !== b.lastUpdateOn ? (a.lastUpdateOn < b.lastUpdateOn ? -1 : 1) : byRecent(a, b)));
    const walked: StaleReferrals['rows'] = [];
    for (let offset = 0; offset < first.total; offset += 37) walked.push(...page('oldest', offset, 37).rows);
    expect(walked.map((r) => r.referralId)).toEqual(oldestFirst.map((r) => r.referralId));
  });

  it('“quiet longest first” starts with the referrals the leadership flags list starts with', () => {
    const oldest = page('oldest', 0, 200);
    const flags = integrityFlags(opened.db, { from: '2026-10-01', to: '2026-12-31' }, today).stale;
    expect(oldest.rows.map((r) => r.referralId)).toEqual(flags.map((r) => r.referralId));
    expect(oldest.rows[0]!.daysSinceUpdate).toBeGreaterThan(page('recent', 0, 1).rows[0]!.daysSinceUpdate);
  });

  it('a chapter with one referral a week pages them exactly, a week per line, in both orders', () => {
    const small = openTestDb();
    const api = testRegistry(small);
    const seats = smallChapter(small);
    const id = (r: ReturnType<typeof api.call>) => ((r as { value: { id: string } }).value).id;
    const ann = id(api.call('addMember', memberInput(seats.realEstate, 'Ann', 'Lee', { joinedOn: '2024-01-03' })));
    const bo = id(api.call('addMember', memberInput(seats.mortgage, 'Bo', 'Ek', { joinedOn: '2024-01-03' })));
    const days: string[] = [];
    for (let week = 0; week < 7; week++) {
      const meetingOn = addDays('2025-01-01', 7 * week);
      const meetingId = id(api.call('createMeeting', { meetingOn, confirmDate: true }));
      api.call('saveReferral', { meetingId, giverId: ann, receiverId: bo, prospectName: `Week ${week}` });
      days.push(meetingOn);
    }
    const walk = (order: 'recent' | 'oldest', limit: number) => {
      const lines: string[] = [];
      for (let offset = 0; offset < 7; offset += limit) lines.push(...staleReferrals(small.db, { order, offset, limit }, '2026-11-17').rows.map((r) => r.lastUpdateOn));
      return lines;
    };
    for (const limit of [1, 2, 3]) {
      expect(walk('recent', limit)).toEqual([...days].reverse());
      expect(walk('oldest', limit)).toEqual(days);
    }
    expect(staleReferrals(small.db, { order: 'recent', offset: 0, limit: 3 }, '2026-11-17').total).toBe(7);
    small.close();
  });

  it('a chapter with nothing stale says 0; a page of 0 rows or a negative start is refused with the field named', () => {
    const empty = openTestDb();
    const api = testRegistry(empty);
    api.call('saveChapter', { name: 'Empty', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
    expect(api.call('staleReferrals', {})).toMatchObject({ ok: true, value: { total: 0, rows: [], order: 'recent', offset: 0, limit: 50, staleDays: 14 } });
    expect(api.call('staleReferrals', { limit: 0 })).toMatchObject({ ok: false, error: { field: 'limit' } });
    expect(api.call('staleReferrals', { offset: -50 })).toMatchObject({ ok: false, error: { field: 'offset' } });
    empty.close();
  });
});
