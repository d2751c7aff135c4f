// Leadership's flags: referrals that went quiet, and patterns that suggest slips written for points
// rather than business. Each flag carries its rule and threshold in words (the outcome rules).
import { chapterToday } from './chapter';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { repeatedAll, repeatedGet } from '../db/repeated-read';
import type { IntegrityFlags, ParsedInput, Period, StaleReferrals } from '../shared/contract';
import { addDays } from '../shared/dates';
import { getOutcomeRules } from './outcome-rules';

/** The day a referral was last followed up: its latest history entry, or its meeting's day when none. */
const lastUpdate = sql`coalesce((SELECT max(h.changed_on) FROM referral_status_history h WHERE h.referral_id = r.id), m.meeting_on)`;
const openReferral = sql`r.deleted_at IS NULL AND r.status IN ('new', 'contacted', 'meeting_set') AND m.status <> 'cancelled'`;

/**
 * Every stale referral, with the total and a page of them. Leadership acts first on the referrals that
 * went quiet most recently (the default order): the prospect still remembers the introduction and a
 * call this week can save it; a referral quiet for years is history, still there on the last pages or
 * in the other order (quiet longest first). Ties: receiver, then referral.
 * Only referrals given on or before the cutoff day can be stale — a follow-up is never dated before
 * its referral (appendStatus refuses it) — so the newer ones are never looked at.
 */
export function staleReferrals(db: Db, input: ParsedInput<'staleReferrals'>, today = chapterToday(db)): StaleReferrals {
  const rules = getOutcomeRules(db);
  const cutoff = addDays(today, -rules.staleDays);
  const direction = sql.raw(input.order === 'recent' ? 'DESC' : 'ASC');
  const towards = sql.raw(input.order === 'recent' ? '>=' : '<=');
  const reach = input.offset + input.limit;
  // Without working out the last update of every open referral (a million-slip file keeps 437,000 open
  // and took 5–6 s): a referral never followed up was last updated at its meeting, so those are walked
  // meeting by meeting in the page's order until the page's reach, `bound` the meeting day of the last
  // one needed (every one of that day kept, for the ties); the followed-up ones (few: the history's
  // referrals) are all ranked with them. The total is the open referrals given by the cutoff less those
  // followed up since. The same rows in the same order as ranking them all (stale-referrals test).
  const found = repeatedGet<{ total: number; rows: string }>(db, sql`
    WITH hist AS MATERIALIZED (SELECT referral_id AS id, max(changed_on) AS last FROM referral_status_history GROUP BY referral_id),
      bound AS (SELECT m.meeting_on AS day FROM meetings m CROSS JOIN referrals r
        WHERE m.meeting_on <= ${cutoff} AND r.meeting_id = m.id AND ${openReferral} AND r.id NOT IN (SELECT id FROM hist)
        ORDER BY m.meeting_on ${direction} LIMIT 1 OFFSET ${reach - 1}),
      quiet AS (
        SELECT r.id FROM hist CROSS JOIN referrals r ON r.id = hist.id JOIN meetings m ON m.id = r.meeting_id
          WHERE hist.last <= ${cutoff} AND m.meeting_on <= ${cutoff} AND ${openReferral}
        UNION ALL
        SELECT r.id FROM meetings m CROSS JOIN referrals r
          WHERE m.meeting_on <= ${cutoff} AND (NOT EXISTS (SELECT 1 FROM bound) OR m.meeting_on ${towards} (SELECT day FROM bound))
            AND r.meeting_id = m.id AND ${openReferral} AND r.id NOT IN (SELECT id FROM hist)),
      stale AS MATERIALIZED (SELECT r.id AS referralId, r.giver_id, r.receiver_id AS receiverId, r.prospect_name AS prospectName, r.status, ${lastUpdate} AS lastUpdateOn
        FROM quiet CROSS JOIN referrals r ON r.id = quiet.id JOIN meetings m ON m.id = r.meeting_id),
      page AS (SELECT row_number() OVER (ORDER BY lastUpdateOn ${direction}, receiverName, referralId) AS i, * FROM (
        SELECT referralId, g.first_name || ' ' || g.last_name AS giverName, receiverId, v.first_name || ' ' || v.last_name AS receiverName,
          prospectName, stale.status, lastUpdateOn, CAST(julianday(${today}) - julianday(lastUpdateOn) AS INTEGER) AS daysSinceUpdate
        FROM stale JOIN members g ON g.id = stale.giver_id JOIN members v ON v.id = stale.receiverId
        ORDER BY lastUpdateOn ${direction}, receiverName, referralId LIMIT ${input.limit} OFFSET ${input.offset}))
    SELECT (SELECT count(*) FROM meetings m CROSS JOIN referrals r WHERE m.meeting_on <= ${cutoff} AND r.meeting_id = m.id AND ${openReferral})
        - (SELECT count(*) FROM hist CROSS JOIN referrals r ON r.id = hist.id JOIN meetings m ON m.id = r.meeting_id
            WHERE hist.last > ${cutoff} AND m.meeting_on <= ${cutoff} AND ${openReferral}) AS total,
      (SELECT json_group_array(json_object('i', i, 'referralId', referralId, 'giverName', giverName, 'receiverId', receiverId, 'receiverName', receiverName,
        'prospectName', prospectName, 'status', status, 'lastUpdateOn', lastUpdateOn, 'daysSinceUpdate', daysSinceUpdate)) FROM page) AS rows`)!;
  // json_group_array keeps no promised order: each row carries its place.
  const rows = (JSON.parse(found.rows) as Array<StaleReferrals['rows'][number] & { i: number }>).sort((a, b) => a.i - b.i).map(({ i: _i, ...row }) => row);
  return { total: found.total, offset: input.offset, limit: input.limit, order: input.order, staleDays: rules.staleDays, rows };
}

export function integrityFlags(db: Db, p: Period, today = chapterToday(db)): IntegrityFlags {
  const rules = getOutcomeRules(db);
  const pm = sql`pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})`;

  // The 200 referrals quiet the longest, oldest update first, without working out the last update of
  // every open referral the file ever held (a ten-year chapter keeps thousands open for good):
  // 1. walk the open referrals meeting by meeting, oldest first, until 200 stale ones are found; the
  //    latest of their last updates, `bound`, is a day no earlier than the 200th answer's;
  // 2. every answer was last updated on or before `bound`, and a referral's last update is never
  //    before its meeting (a follow-up dated before it is refused, migration 0007 kept to it, and
  //    neither a meeting's day nor a slip's meeting changes), so only referrals given at meetings
  //    up to `bound` are ranked. The list is exactly the full ranking's.
  const cutoff = addDays(today, -rules.staleDays);
  const stale = repeatedAll<IntegrityFlags['stale'][number]>(db, sql`
    WITH walk AS (SELECT ${lastUpdate} AS last_update FROM meetings m CROSS JOIN referrals r
        WHERE r.meeting_id = m.id AND ${openReferral} AND last_update <= ${cutoff}
        ORDER BY m.meeting_on LIMIT 200),
      bound AS (SELECT max(last_update) AS day FROM walk),
      ranked AS MATERIALIZED (SELECT r.id AS referralId, r.giver_id, r.receiver_id AS receiverId, r.prospect_name AS prospectName, r.status, ${lastUpdate} AS lastUpdateOn
        FROM bound CROSS JOIN meetings m CROSS JOIN referrals r
        WHERE m.meeting_on <= bound.day AND r.meeting_id = m.id AND ${openReferral})
    SELECT referralId, g.first_name || ' ' || g.last_name AS giverName, receiverId, v.first_name || ' ' || v.last_name AS receiverName,
      prospectName, ranked.status, lastUpdateOn, CAST(julianday(${today}) - julianday(lastUpdateOn) AS INTEGER) AS daysSinceUpdate
    FROM ranked JOIN members g ON g.id = ranked.giver_id JOIN members v ON v.id = ranked.receiverId
    WHERE lastUpdateOn <= ${cutoff}
    ORDER BY lastUpdateOn, receiverName, referralId LIMIT 200`);

  const concentration = db.all<IntegrityFlags['concentration'][number]>(sql`
    WITH ${pm},
    pairs AS (SELECT r.giver_id, r.receiver_id, count(*) AS n FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL GROUP BY 1, 2),
    givers AS (SELECT giver_id, sum(n) AS total, max(n) AS top FROM pairs GROUP BY giver_id)
    SELECT givers.giver_id AS giverId, g.first_name || ' ' || g.last_name AS giverName, v.first_name || ' ' || v.last_name AS receiverName,
      pairs.n AS toReceiver, givers.total AS given, pairs.n * 1.0 / givers.total AS share
    FROM givers JOIN pairs ON pairs.giver_id = givers.giver_id AND pairs.n = givers.top
    JOIN members g ON g.id = givers.giver_id JOIN members v ON v.id = pairs.receiver_id
    WHERE givers.total >= ${rules.concentrationMin} AND pairs.n * 100 >= ${rules.concentrationShare} * givers.total
    ORDER BY share DESC, given DESC`);

  // TYFCB either way from the period's start onward counts: business from a late-quarter referral may close later.
  const quietPairs = db.all<IntegrityFlags['quietPairs'][number]>(sql`
    WITH ${pm},
    pairs AS (SELECT min(r.giver_id, r.receiver_id) AS a, max(r.giver_id, r.receiver_id) AS b, count(*) AS n
              FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL GROUP BY 1, 2),
    paid AS (SELECT DISTINCT min(t.closer_id, t.referrer_id) AS a, max(t.closer_id, t.referrer_id) AS b
             FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id
             WHERE t.deleted_at IS NULL AND m.status = 'completed' AND m.meeting_on >= ${p.from})
    SELECT ma.first_name || ' ' || ma.last_name AS aName, mb.first_name || ' ' || mb.last_name AS bName, pairs.n AS referrals
    FROM pairs LEFT JOIN paid ON paid.a = pairs.a AND paid.b = pairs.b
    JOIN members ma ON ma.id = pairs.a JOIN members mb ON mb.id = pairs.b
    WHERE paid.a IS NULL AND pairs.n >= ${rules.pairNoTyfcbMin}
    ORDER BY pairs.n DESC, aName`);

  const baselineDays = rules.spikeBaselineWeeks * 7;
  const spikes = db.all<IntegrityFlags['spikes'][number]>(sql`
    WITH ${pm},
    week AS (SELECT r.giver_id, pm.meeting_on, count(*) AS n FROM referrals r JOIN pm ON pm.id = r.meeting_id
             WHERE r.deleted_at IS NULL GROUP BY r.giver_id, pm.id HAVING n >= ${rules.spikeMin}),
    usual AS (SELECT week.*,
        (SELECT count(*) FROM referrals r2 JOIN meetings m2 ON m2.id = r2.meeting_id
          WHERE r2.giver_id = week.giver_id AND r2.deleted_at IS NULL AND m2.status = 'completed'
            AND m2.meeting_on >= date(week.meeting_on, ${`-${baselineDays} days`}) AND m2.meeting_on < week.meeting_on) * 1.0
        / max(1, (SELECT count(*) FROM meetings m3 WHERE m3.status = 'completed'
            AND m3.meeting_on >= date(week.meeting_on, ${`-${baselineDays} days`}) AND m3.meeting_on < week.meeting_on)) AS usualPerWeek
      FROM week)
    SELECT usual.giver_id AS memberId, g.first_name || ' ' || g.last_name AS name, usual.meeting_on AS meetingOn, usual.n AS referrals, usual.usualPerWeek
    FROM usual JOIN members g ON g.id = usual.giver_id
    WHERE usual.n > ${rules.spikeFactor} * usual.usualPerWeek
    ORDER BY usual.meeting_on DESC, name`);

  return {
    rules: [
      { id: 'stale', title: 'Stale referrals', rule: `An open referral (new, contacted or meeting set) with no follow-up recorded in ${rules.staleDays} days or more.` },
      { id: 'concentration', title: 'Referrals concentrated on one receiver', rule: `A member who gave at least ${rules.concentrationMin} referrals in the period, ${rules.concentrationShare}% or more of them to one receiver.` },
      { id: 'quiet_pair', title: 'Pairs trading referrals with no TYFCB', rule: `Two members with at least ${rules.pairNoTyfcbMin} referrals between them (either way) in the period and no TYFCB either way since the period began.` },
      { id: 'spike', title: 'Weekly spikes', rule: `A member who gave at least ${rules.spikeMin} referrals at one meeting, more than ${rules.spikeFactor}× their usual rate (referrals per meeting over the ${rules.spikeBaselineWeeks} weeks before).` },
    ],
    stale,
    concentration,
    quietPairs,
    spikes,
  };
}
