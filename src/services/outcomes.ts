// Did the referral turn into business? Conversion, days to first contact and to close, and TYFCB
// revenue by referrer (linked to a referral, unlinked, under dispute) for any period. Like the tallies,
// only completed meetings count and every figure is a GROUP BY joined to the period's meetings first.
//
// Definitions (the README repeats them):
// - A referral counts in the period of the meeting it was given at; its outcome is its status now:
//   won, lost, or open (new, contacted, meeting set).
// - Conversion = won ÷ decided (won + lost); "of all" = won ÷ every referral given.
// - Days to first contact: from the referral's meeting to the first history entry that moved it to
//   contacted, meeting set or won. Days to close: to the latest "won" entry of a referral won now.
//   Medians (the middle value, or the mean of the two middle values), measured for the receiver.
// - Revenue: TYFCB slips at the period's meetings, credited to their referrer. Linked = the slip names
//   the referral it came from; unlinked = it does not; disputed = under an open dispute, shown apart
//   and in neither. linked + unlinked + disputed = the period's TYFCB total, as in the tallies.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import type { Outcomes, Period } from '../shared/contract';
import { lostReasons } from '../shared/domain';
import { requireChapter } from './chapter';
import { tyfcbDisputed } from './tyfcb-counted';

const periodMeetings = (p: Period) =>
  sql`pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})`;

/** The period's referrals with their outcome, first contact and close: the CTEs every query starts from. */
const referralFacts = (p: Period) => sql`${periodMeetings(p)},
  refs AS (SELECT r.id, r.giver_id, r.receiver_id, r.status, pm.meeting_on,
             CASE r.status WHEN 'won' THEN 'won' WHEN 'lost' THEN 'lost' ELSE 'open' END AS outcome
           FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL),
  -- Per referral of the period, through the history's (referral_id, changed_on) index: never a scan of all history.
  firsts AS (SELECT refs.*,
      (SELECT min(h.changed_on) FROM referral_status_history h WHERE h.referral_id = refs.id AND h.status IN ('contacted', 'meeting_set', 'won')) AS contacted_on,
      EXISTS (SELECT 1 FROM referral_status_history h WHERE h.referral_id = refs.id AND h.status IN ('meeting_set', 'won')) AS reached_meeting,
      (SELECT max(h.changed_on) FROM referral_status_history h WHERE h.referral_id = refs.id AND h.status = 'won') AS won_on
    FROM refs),
  facts AS MATERIALIZED (SELECT firsts.*,
      julianday(contacted_on) - julianday(meeting_on) AS d_contact,
      CASE WHEN outcome = 'won' THEN julianday(won_on) - julianday(meeting_on) END AS d_close
    FROM firsts),
  ty AS MATERIALIZED (SELECT t.referrer_id, t.closer_id, t.amount_minor, t.referral_id IS NOT NULL AS linked, substr(pm.meeting_on, 1, 7) AS month,
           ${tyfcbDisputed('t')} AS disputed
         FROM tyfcb_slips t JOIN pm ON pm.id = t.meeting_id WHERE t.deleted_at IS NULL)`;

/** Median of `value` per `key` over the facts, by window functions (SQLite has no median()). */
const medianBy = (key: SQL, value: SQL) => sql`SELECT k, avg(v) AS median FROM (
    SELECT ${key} AS k, ${value} AS v, row_number() OVER (PARTITION BY ${key} ORDER BY ${value}) AS rn, count(*) OVER (PARTITION BY ${key}) AS n
    FROM facts WHERE ${value} IS NOT NULL)
  WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY k`;

const rate = (won: number, of: number) => (of > 0 ? won / of : null);
const perReferral = (minor: number, given: number) => (given > 0 ? Math.round(minor / given) : null);

interface MemberRow {
  memberId: string;
  name: string;
  gWon: number;
  gLost: number;
  gOpen: number;
  rWon: number;
  rLost: number;
  rOpen: number;
  dContact: number | null;
  dClose: number | null;
  linked: number;
  unlinked: number;
  disputed: number;
}

export function outcomes(db: Db, p: Period): Outcomes {
  const chapter = requireChapter(db);
  const rows = db.all<MemberRow>(sql`
    WITH ${referralFacts(p)},
    gave AS (SELECT giver_id AS member_id, sum(outcome = 'won') AS won, sum(outcome = 'lost') AS lost, sum(outcome = 'open') AS open FROM facts GROUP BY giver_id),
    got AS (SELECT receiver_id AS member_id, sum(outcome = 'won') AS won, sum(outcome = 'lost') AS lost, sum(outcome = 'open') AS open FROM facts GROUP BY receiver_id),
    contact AS (${medianBy(sql`receiver_id`, sql`d_contact`)}),
    closing AS (${medianBy(sql`receiver_id`, sql`d_close`)}),
    money AS (SELECT referrer_id AS member_id,
                sum(CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END) AS linked,
                sum(CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END) AS unlinked,
                sum(CASE WHEN disputed THEN amount_minor ELSE 0 END) AS disputed
              FROM ty GROUP BY referrer_id)
    SELECT m.id AS memberId, m.first_name || ' ' || m.last_name AS name,
      coalesce(gave.won, 0) AS gWon, coalesce(gave.lost, 0) AS gLost, coalesce(gave.open, 0) AS gOpen,
      coalesce(got.won, 0) AS rWon, coalesce(got.lost, 0) AS rLost, coalesce(got.open, 0) AS rOpen,
      contact.median AS dContact, closing.median AS dClose,
      coalesce(money.linked, 0) AS linked, coalesce(money.unlinked, 0) AS unlinked, coalesce(money.disputed, 0) AS disputed
    FROM members m
    LEFT JOIN gave ON gave.member_id = m.id LEFT JOIN got ON got.member_id = m.id
    LEFT JOIN contact ON contact.k = m.id LEFT JOIN closing ON closing.k = m.id LEFT JOIN money ON money.member_id = m.id
    WHERE (m.status <> 'applicant' AND m.joined_on <= ${p.to} AND (m.left_on IS NULL OR m.left_on >= ${p.from}))
       OR coalesce(gave.member_id, got.member_id, money.member_id) IS NOT NULL
    ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE`);

  const members = rows.map((r) => {
    const given = { won: r.gWon, lost: r.gLost, open: r.gOpen, total: r.gWon + r.gLost + r.gOpen };
    const received = { won: r.rWon, lost: r.rLost, open: r.rOpen, total: r.rWon + r.rLost + r.rOpen };
    return {
      memberId: r.memberId,
      name: r.name,
      given,
      received,
      conversionGiven: rate(given.won, given.won + given.lost),
      conversionGivenAll: rate(given.won, given.total),
      conversionReceived: rate(received.won, received.won + received.lost),
      conversionReceivedAll: rate(received.won, received.total),
      medianDaysToContact: r.dContact,
      medianDaysToClose: r.dClose,
      generatedLinkedMinor: r.linked,
      generatedUnlinkedMinor: r.unlinked,
      generatedDisputedMinor: r.disputed,
      revenuePerReferralMinor: perReferral(r.linked + r.unlinked, given.total),
    };
  });

  const totals = db.get<{
    won: number; lost: number; open: number; contacted: number; meetingSet: number; dContact: number | null; dClose: number | null;
    linked: number; unlinked: number; disputed: number;
  }>(sql`
    WITH ${referralFacts(p)},
    contact AS (${medianBy(sql`1`, sql`d_contact`)}),
    closing AS (${medianBy(sql`1`, sql`d_close`)})
    SELECT (SELECT count(*) FROM facts WHERE outcome = 'won') AS won,
      (SELECT count(*) FROM facts WHERE outcome = 'lost') AS lost,
      (SELECT count(*) FROM facts WHERE outcome = 'open') AS open,
      (SELECT count(*) FROM facts WHERE contacted_on IS NOT NULL OR outcome = 'won') AS contacted,
      (SELECT count(*) FROM facts WHERE reached_meeting OR outcome = 'won') AS meetingSet,
      (SELECT median FROM contact) AS dContact, (SELECT median FROM closing) AS dClose,
      (SELECT coalesce(sum(amount_minor), 0) FROM ty WHERE NOT disputed AND linked) AS linked,
      (SELECT coalesce(sum(amount_minor), 0) FROM ty WHERE NOT disputed AND NOT linked) AS unlinked,
      (SELECT coalesce(sum(amount_minor), 0) FROM ty WHERE disputed) AS disputed`)!;

  // Why referrals given in the period were lost: the reason on their latest "lost" entry.
  const reasons = db.all<{ reason: string | null; n: number }>(sql`
    WITH ${periodMeetings(p)}
    SELECT (SELECT h.lost_reason FROM referral_status_history h WHERE h.referral_id = r.id AND h.status = 'lost'
            ORDER BY h.changed_on DESC, h.created_at DESC LIMIT 1) AS reason, count(*) AS n
    FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND r.status = 'lost' GROUP BY 1`);
  const lostReasonCounts = Object.fromEntries([...lostReasons, 'not_recorded'].map((k) => [k, 0])) as Outcomes['chapter']['lostReasons'];
  for (const r of reasons) lostReasonCounts[(r.reason ?? 'not_recorded') as keyof typeof lostReasonCounts] += r.n;

  const pairs = db.all<Outcomes['pairs'][number]>(sql`
    WITH ${referralFacts(p)},
    flows AS (
      SELECT giver_id AS g, receiver_id AS v, 1 AS referrals, outcome = 'won' AS won, 0 AS revenue, 0 AS disputed FROM facts
      UNION ALL
      SELECT referrer_id, closer_id, 0, 0, CASE WHEN disputed THEN 0 ELSE amount_minor END, CASE WHEN disputed THEN amount_minor ELSE 0 END FROM ty),
    byPair AS (SELECT g, v, sum(referrals) AS referrals, sum(won) AS won, sum(revenue) AS revenue, sum(disputed) AS disputed FROM flows GROUP BY g, v)
    SELECT g AS giverId, a.first_name || ' ' || a.last_name AS giverName, v AS receiverId, b.first_name || ' ' || b.last_name AS receiverName,
      referrals, won, revenue AS revenueMinor, disputed AS disputedMinor
    FROM byPair JOIN members a ON a.id = g JOIN members b ON b.id = v
    WHERE revenue > 0 OR disputed > 0
    ORDER BY revenue DESC, referrals DESC, giverName LIMIT 10`);

  const months = db.all<Outcomes['months'][number]>(sql`
    WITH ${referralFacts(p)},
    ev AS (
      SELECT substr(meeting_on, 1, 7) AS month, 1 AS given, outcome = 'won' AS won, 0 AS linked, 0 AS unlinked, 0 AS disputed FROM facts
      UNION ALL SELECT month, 0, 0, CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END,
        CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END, CASE WHEN disputed THEN amount_minor ELSE 0 END FROM ty
      UNION ALL SELECT DISTINCT substr(meeting_on, 1, 7), 0, 0, 0, 0, 0 FROM pm)
    SELECT month, sum(given) AS given, sum(won) AS won, sum(linked) AS linkedMinor, sum(unlinked) AS unlinkedMinor, sum(disputed) AS disputedMinor
    FROM ev GROUP BY month ORDER BY month`);

  const given = { won: totals.won, lost: totals.lost, open: totals.open, total: totals.won + totals.lost + totals.open };
  return {
    period: { from: p.from, to: p.to },
    currency: chapter.currency,
    locale: chapter.locale,
    chapter: {
      given,
      funnel: { given: given.total, contacted: totals.contacted, meetingSet: totals.meetingSet, won: totals.won },
      conversion: rate(given.won, given.won + given.lost),
      conversionAll: rate(given.won, given.total),
      medianDaysToContact: totals.dContact,
      medianDaysToClose: totals.dClose,
      lostReasons: lostReasonCounts,
      linkedMinor: totals.linked,
      unlinkedMinor: totals.unlinked,
      disputedMinor: totals.disputed,
      totalMinor: totals.linked + totals.unlinked + totals.disputed,
      revenuePerReferralMinor: perReferral(totals.linked + totals.unlinked, given.total),
    },
    members,
    pairs,
    months,
  };
}
