// The Outcomes funnel counts a referral by the stage it stands at now: the latest follow-up of its
// history that is not "lost" — latest by day, then by the moment it was written, then by the order it
// was written in — and a lost referral by the reason on its latest "lost" follow-up. Outcomes finds
// those in one pass over the history (for speed at a million slips); these tests hold it to the plain
// "sort the referral's follow-ups and take the first" statements it replaced, on histories as untidy
// as real ones get: two follow-ups on the same day, written in the same millisecond (an import writes
// many at once), written out of order, a status put back to New, two "lost" with different reasons.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/cli/bench-scale';
import type { Db } from '../../src/db/open';
import { outcomes } from '../../src/services/outcomes';
import type { Period } from '../../src/shared/contract';
import { openTestDb } from '../support/db';

/** Per referral of the period: its stage and lost reason by the statements Outcomes used before. */
function referralsBySortedHistory(db: Db, p: Period) {
  return db.all<{ id: string; receiverId: string; outcome: string; stage: number; contactedOn: string | null; meetingOn: string; lostReason: string | null }>(sql`
    WITH refs AS (SELECT r.id, r.receiver_id, m.meeting_on, CASE r.status WHEN 'won' THEN 'won' WHEN 'lost' THEN 'lost' ELSE 'open' END AS outcome
      FROM referrals r JOIN meetings m ON m.id = r.meeting_id
      WHERE r.deleted_at IS NULL AND m.status = 'completed' AND m.meeting_on BETWEEN ${p.from} AND ${p.to})
    SELECT refs.id, refs.receiver_id AS receiverId, refs.outcome, refs.meeting_on AS meetingOn,
      CASE WHEN refs.outcome = 'won' THEN 3 ELSE coalesce((SELECT CASE h.status WHEN 'contacted' THEN 1 WHEN 'meeting_set' THEN 2 WHEN 'won' THEN 3 ELSE 0 END
        FROM referral_status_history h WHERE h.referral_id = refs.id AND h.status <> 'lost'
        ORDER BY h.changed_on DESC, h.created_at DESC, h.rowid DESC LIMIT 1), 0) END AS stage,
      (SELECT min(h.changed_on) FROM referral_status_history h WHERE h.referral_id = refs.id AND h.status IN ('contacted', 'meeting_set', 'won')) AS contactedOn,
      CASE WHEN refs.outcome = 'lost' THEN (SELECT h.lost_reason FROM referral_status_history h WHERE h.referral_id = refs.id AND h.status = 'lost'
        ORDER BY h.changed_on DESC, h.created_at DESC, h.rowid DESC LIMIT 1) END AS lostReason
    FROM refs`);
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function expectFunnelAsSorted(db: Db, p: Period) {
  const refs = referralsBySortedHistory(db, p);
  const got = outcomes(db, p);
  const contactDays = (list: typeof refs) => list.filter((r) => r.stage >= 1).map((r) => days(r.meetingOn, r.contactedOn!));
  expect(got.chapter.funnel, `funnel ${p.from}…${p.to}`).toStrictEqual({
    given: refs.length,
    contacted: refs.filter((r) => r.stage >= 1).length,
    meetingSet: refs.filter((r) => r.stage >= 2).length,
    won: refs.filter((r) => r.outcome === 'won').length,
  });
  expect(got.chapter.medianDaysToContact).toBe(median(contactDays(refs)));
  const reasons = { price: 0, timing: 0, no_answer: 0, not_a_fit: 0, other: 0, not_recorded: 0 } as Record<string, number>;
  for (const r of refs.filter((x) => x.outcome === 'lost')) reasons[r.lostReason ?? 'not_recorded']! += 1;
  expect(got.chapter.lostReasons).toStrictEqual(reasons);
  for (const m of got.members) {
    expect(m.medianDaysToContact, `${m.name} as receiver`).toBe(median(contactDays(refs.filter((r) => r.receiverId === m.memberId))));
  }
  return refs;
}

describe('the funnel reads each referral’s follow-ups in the order they happened, however untidily they were written', () => {
  it('counts the follow-up written last when two share a day or even a millisecond, and the latest “lost” reason', () => {
    const opened = openTestDb();
    const { db, sqlite } = opened;
    generate(db, sqlite, 12); // 12 busy weekly meetings ending 2026-11-17: 1,440 referrals with a follow-up history
    sqlite.exec(`
      -- Same day, same millisecond as the referral's "contacted": a "meeting set" written right after it
      -- (it counts: meeting set), or a "new" (the referral was put back: never contacted).
      INSERT INTO referral_status_history (id, referral_id, status, changed_on, created_at)
        SELECT 'tie-ms-' || h.rowid, h.referral_id, CASE WHEN h.rowid % 2 = 0 THEN 'meeting_set' ELSE 'new' END, h.changed_on, h.created_at
        FROM referral_status_history h JOIN referrals r ON r.id = h.referral_id
        WHERE h.status = 'contacted' AND r.status <> 'won' AND h.rowid % 5 = 0;
      -- Written later but dated earlier (an import of an old follow-up): the day decides, not the order.
      INSERT INTO referral_status_history (id, referral_id, status, changed_on, created_at)
        SELECT 'early-' || h.rowid, h.referral_id, 'meeting_set', date(h.changed_on, '-1 day'), '2030-01-01T00:00:00.000Z'
        FROM referral_status_history h WHERE h.status = 'contacted' AND h.rowid % 7 = 1;
      -- Same day, written at a time given without milliseconds (a shorter text that sorts first), then
      -- put back to New on that day with milliseconds.
      INSERT INTO referral_status_history (id, referral_id, status, changed_on, created_at)
        SELECT 'short-' || h.rowid, h.referral_id, 'won', h.changed_on, '2026-12-01T10:00:00' FROM referral_status_history h
        WHERE h.status = 'contacted' AND h.rowid % 11 = 3;
      INSERT INTO referral_status_history (id, referral_id, status, changed_on, created_at)
        SELECT 'long-' || h.rowid, h.referral_id, 'new', h.changed_on, '2026-12-01T10:00:00.5Z' FROM referral_status_history h
        WHERE h.status = 'contacted' AND h.rowid % 11 = 3;
      -- Won, then lost the next day (the deal fell through): it had reached every stage.
      INSERT INTO referral_status_history (id, referral_id, status, changed_on)
        SELECT 'fell-' || h.rowid, h.referral_id, 'won', date(h.changed_on, '-1 day') FROM referral_status_history h
        WHERE h.status = 'lost' AND h.rowid % 5 = 1;
      -- Two "lost" on one day in one millisecond with different reasons; and one "lost" with no reason.
      INSERT INTO referral_status_history (id, referral_id, status, changed_on, created_at, lost_reason)
        SELECT 'lost-' || h.rowid, h.referral_id, 'lost', h.changed_on, h.created_at, CASE WHEN (h.rowid / 2) % 2 = 0 THEN 'timing' END
        FROM referral_status_history h WHERE h.status = 'lost' AND h.rowid % 3 = 0;
    `);
    // The untidy cases are really there.
    const count = (where: string) => sqlite.prepare(`SELECT count(*) AS n FROM referral_status_history WHERE ${where}`).get() as { n: number };
    for (const prefix of ['tie-ms-', 'early-', 'short-', 'long-', 'fell-', 'lost-']) expect(count(`id LIKE '${prefix}%'`).n, prefix).toBeGreaterThan(10);

    const refs = [
      expectFunnelAsSorted(db, { from: '2026-08-01', to: '2026-11-30' }),
      expectFunnelAsSorted(db, { from: '2026-11-01', to: '2026-11-30' }),
      expectFunnelAsSorted(db, { from: '2026-01-01', to: '2026-03-31' }),
    ];
    const all = refs[0]!;
    // Every stage and both kinds of lost reason occur, so the comparison means something.
    for (const stage of [0, 1, 2, 3]) expect(all.some((r) => r.stage === stage && r.outcome !== 'won'), `an open or lost referral at stage ${stage}`).toBe(true);
    expect(all.some((r) => r.lostReason === 'timing')).toBe(true);
    expect(all.some((r) => r.outcome === 'lost' && r.lostReason === null)).toBe(true);
    expect(refs[2]).toHaveLength(0);
    opened.close();
  });
});
