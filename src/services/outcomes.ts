// Did the referral turn into business? Conversion, days to first contact and to close, and TYFCB
// revenue by referrer (linked to a referral, unlinked, under dispute) for any period. Like the tallies,
// only completed meetings count and every figure is a GROUP BY joined to the period's meetings first.
//
// Definitions (the README repeats them):
// - A referral counts in the period of the meeting it was given at; its outcome is its status now:
//   won, lost, or open (new, contacted, meeting set).
// - Conversion = won ÷ decided (won + lost); "of all" = won ÷ every referral given.
// - Funnel: a referral counts up to the stage it stands at now — the latest status of its history
//   that is not "lost" (a lost referral keeps the stage it had reached; a won one has reached all).
//   A status put back undoes the later stages: won → back to contacted counts as contacted only.
// - Days to first contact: from the referral's meeting to the first history entry that moved it to
//   contacted, meeting set or won (none if it stands at New now). Days to close: to the latest "won" entry of a referral won now.
//   Medians (the middle value, or the mean of the two middle values), measured for the receiver.
// - Revenue: TYFCB slips at the period's meetings, credited to their referrer. Linked = the slip names
//   the referral it came from; unlinked = it does not; disputed = under an open dispute, shown apart
//   and in neither. linked + unlinked + disputed = the period's TYFCB total, as in the tallies.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { repeatedAll, repeatedGet } from '../db/repeated-read';
import type { MemberOutcomesByMonth, Outcomes, PairOutcomes, Period } from '../shared/contract';
import { lostReasons } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { requireChapter } from './chapter';
import { tyfcbDisputed } from './tyfcb-counted';

const periodMeetings = (p: Period) =>
  sql`pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})`;

/** The period's referrals with their outcome now (needs pm). */
const periodReferrals = sql`refs AS (SELECT r.id, r.giver_id, r.receiver_id, r.status, pm.meeting_on,
             CASE r.status WHEN 'won' THEN 'won' WHEN 'lost' THEN 'lost' ELSE 'open' END AS outcome
           FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL)`;
/** The period's TYFCB slips, linked or not, under an open dispute or not (needs pm). */
const periodTyfcb = sql`ty AS MATERIALIZED (SELECT t.referrer_id, t.closer_id, t.amount_minor, t.referral_id IS NOT NULL AS linked, substr(pm.meeting_on, 1, 7) AS month,
           ${tyfcbDisputed('t')} AS disputed
         FROM tyfcb_slips t JOIN pm ON pm.id = t.meeting_id WHERE t.deleted_at IS NULL)`;

/**
 * The latest entry of a referral's history among those matching `when`, found inside a GROUP BY pass
 * (no sort per referral): max() of one text key ordered like (changed_on, created_at, rowid), with
 * `carry` (the stage, the lost reason) at its end. changed_on is always 10 characters (a CHECK holds
 * it); created_at ends at char(1), below any character a time holds, so a shorter one still sorts
 * first; the rowid is zero-padded. Read the carried text back with `carried`.
 */
const latestKey = (when: SQL, carry: SQL) =>
  sql`max(CASE WHEN ${when} THEN h.changed_on || h.created_at || char(1) || printf('%020d', h.rowid) || ${carry} END)`;
const carried = (key: SQL) => sql`substr(${key}, instr(${key}, char(1)) + 21)`;

/** The period's referrals with their outcome, first contact and close: the CTEs every query starts from. */
const referralFacts = (p: Period) => sql`${periodMeetings(p)},
  ${periodReferrals},
  -- One pass over the history of the period's referrals (through its referral_id index, never a scan
  -- of all history): first contact, the latest "won", how far the referral stands now, why it was lost.
  -- How far it stands: the stage of the latest entry of its history that is not "lost" (a lost referral
  -- keeps the stage it had reached), latest by day, then time written, then order of writing. A status
  -- put back (won → contacted, won → new) undoes the later stages: a referral put back to New was never
  -- contacted, as far as the funnel and the days to first contact are concerned. A referral won now has
  -- reached every stage. Why a lost referral was lost: the reason on its latest "lost" entry.
  hist AS (SELECT refs.id, refs.giver_id, refs.receiver_id, refs.status, refs.meeting_on, refs.outcome,
      min(CASE WHEN h.status IN ('contacted', 'meeting_set', 'won') THEN h.changed_on END) AS contacted_on,
      max(CASE WHEN h.status = 'won' THEN h.changed_on END) AS won_on,
      ${latestKey(sql`h.status <> 'lost'`, sql`CASE h.status WHEN 'contacted' THEN 1 WHEN 'meeting_set' THEN 2 WHEN 'won' THEN 3 ELSE 0 END`)} AS stage_key,
      ${latestKey(sql`h.status = 'lost'`, sql`coalesce(h.lost_reason, '')`)} AS lost_key
    FROM refs LEFT JOIN referral_status_history h ON h.referral_id = refs.id GROUP BY refs.id),
  stood AS (SELECT *, CASE WHEN outcome = 'won' THEN 3 ELSE coalesce(CAST(${carried(sql`stage_key`)} AS INTEGER), 0) END AS stage FROM hist),
  facts AS MATERIALIZED (SELECT id, giver_id, receiver_id, status, meeting_on, outcome,
      CASE WHEN stage >= 1 THEN contacted_on END AS contacted_on, stage >= 2 AS reached_meeting, won_on,
      julianday(CASE WHEN stage >= 1 THEN contacted_on END) - julianday(meeting_on) AS d_contact,
      CASE WHEN outcome = 'won' THEN julianday(won_on) - julianday(meeting_on) END AS d_close,
      CASE WHEN outcome = 'lost' THEN nullif(${carried(sql`lost_key`)}, '') END AS lost_reason
    FROM stood),
  ${periodTyfcb}`;

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
  // One statement: the period's facts (referrals with their history, TYFCB with disputes) are
  // materialized once and read by the four parts, each returned as JSON.
  const json = repeatedGet<{ members: string; totals: string; pairs: string; months: string; reasons: string }>(db, sql`
    WITH ${referralFacts(p)},
    -- Per member, one GROUP BY each way round: referrals given by outcome; referrals received by
    -- outcome with the medians as receiver (SQLite's median(): the middle value, or the mean of the two
    -- middle ones; NULLs left out); TYFCB credited as referrer (linked, unlinked, disputed). Three
    -- narrow groupings sort less than one wide one over the three put together.
    asGiver AS (SELECT giver_id AS member_id, sum(outcome = 'won') AS gWon, sum(outcome = 'lost') AS gLost, sum(outcome = 'open') AS gOpen
      FROM facts GROUP BY giver_id),
    asReceiver AS (SELECT receiver_id AS member_id, sum(outcome = 'won') AS rWon, sum(outcome = 'lost') AS rLost, sum(outcome = 'open') AS rOpen,
        median(d_contact) AS dContact, median(d_close) AS dClose
      FROM facts GROUP BY receiver_id),
    asReferrer AS (SELECT referrer_id AS member_id, sum(CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END) AS linked,
        sum(CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END) AS unlinked, sum(CASE WHEN disputed THEN amount_minor ELSE 0 END) AS disputed
      FROM ty GROUP BY referrer_id),
    memberRows AS (SELECT row_number() OVER (ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE, m.id) AS i,
      m.id AS memberId, m.first_name || ' ' || m.last_name AS name,
      coalesce(g.gWon, 0) AS gWon, coalesce(g.gLost, 0) AS gLost, coalesce(g.gOpen, 0) AS gOpen,
      coalesce(r.rWon, 0) AS rWon, coalesce(r.rLost, 0) AS rLost, coalesce(r.rOpen, 0) AS rOpen,
      r.dContact, r.dClose, coalesce(t.linked, 0) AS linked, coalesce(t.unlinked, 0) AS unlinked, coalesce(t.disputed, 0) AS disputed
    FROM members m LEFT JOIN asGiver g ON g.member_id = m.id LEFT JOIN asReceiver r ON r.member_id = m.id LEFT JOIN asReferrer t ON t.member_id = m.id
    WHERE (m.status <> 'applicant' AND m.joined_on <= ${p.to} AND (m.left_on IS NULL OR m.left_on >= ${p.from}))
       OR g.member_id IS NOT NULL OR r.member_id IS NOT NULL OR t.member_id IS NOT NULL),
    factTotals AS (SELECT coalesce(sum(outcome = 'won'), 0) AS won, coalesce(sum(outcome = 'lost'), 0) AS lost, coalesce(sum(outcome = 'open'), 0) AS open,
        coalesce(sum(contacted_on IS NOT NULL OR outcome = 'won'), 0) AS contacted, coalesce(sum(reached_meeting OR outcome = 'won'), 0) AS meetingSet,
        median(d_contact) AS dContact, median(d_close) AS dClose
      FROM facts),
    moneyTotals AS (SELECT coalesce(sum(CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END), 0) AS linked,
        coalesce(sum(CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END), 0) AS unlinked,
        coalesce(sum(CASE WHEN disputed THEN amount_minor ELSE 0 END), 0) AS disputed
      FROM ty),
    flows AS (
      SELECT giver_id AS g, receiver_id AS v, 1 AS referrals, outcome = 'won' AS won, 0 AS revenue, 0 AS disputed FROM facts
      UNION ALL
      SELECT referrer_id, closer_id, 0, 0, CASE WHEN disputed THEN 0 ELSE amount_minor END, CASE WHEN disputed THEN amount_minor ELSE 0 END FROM ty),
    byPair AS (SELECT g, v, sum(referrals) AS referrals, sum(won) AS won, sum(revenue) AS revenue, sum(disputed) AS disputed FROM flows GROUP BY g, v),
    pairRows AS (SELECT g AS giverId, a.first_name || ' ' || a.last_name AS giverName, v AS receiverId, b.first_name || ' ' || b.last_name AS receiverName,
        referrals, won, revenue AS revenueMinor, disputed AS disputedMinor
      FROM byPair JOIN members a ON a.id = g JOIN members b ON b.id = v
      WHERE revenue > 0 OR disputed > 0
      ORDER BY revenue DESC, referrals DESC, giverName LIMIT 10),
    ev AS (
      SELECT substr(meeting_on, 1, 7) AS month, 1 AS given, outcome = 'won' AS won, 0 AS linked, 0 AS unlinked, 0 AS disputed FROM facts
      UNION ALL SELECT month, 0, 0, CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END,
        CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END, CASE WHEN disputed THEN amount_minor ELSE 0 END FROM ty
      UNION ALL SELECT DISTINCT substr(meeting_on, 1, 7), 0, 0, 0, 0, 0 FROM pm),
    monthRows AS (SELECT month, sum(given) AS given, sum(won) AS won, sum(linked) AS linkedMinor, sum(unlinked) AS unlinkedMinor, sum(disputed) AS disputedMinor
      FROM ev GROUP BY month)
    SELECT
      (SELECT json_group_array(json_object('i', i, 'memberId', memberId, 'name', name, 'gWon', gWon, 'gLost', gLost, 'gOpen', gOpen,
          'rWon', rWon, 'rLost', rLost, 'rOpen', rOpen, 'dContact', dContact, 'dClose', dClose, 'linked', linked, 'unlinked', unlinked, 'disputed', disputed))
        FROM memberRows) AS members,
      (SELECT json_object('won', f.won, 'lost', f.lost, 'open', f.open, 'contacted', f.contacted, 'meetingSet', f.meetingSet,
          'dContact', f.dContact, 'dClose', f.dClose,
          'linked', t.linked, 'unlinked', t.unlinked, 'disputed', t.disputed)
        FROM factTotals f CROSS JOIN moneyTotals t) AS totals,
      (SELECT json_group_array(json_object('i', i, 'giverId', giverId, 'giverName', giverName, 'receiverId', receiverId, 'receiverName', receiverName,
          'referrals', referrals, 'won', won, 'revenueMinor', revenueMinor, 'disputedMinor', disputedMinor)) FROM (SELECT row_number() OVER (ORDER BY revenueMinor DESC, referrals DESC, giverName) AS i, * FROM pairRows)) AS pairs,
      (SELECT json_group_array(json_object('month', month, 'given', given, 'won', won, 'linkedMinor', linkedMinor, 'unlinkedMinor', unlinkedMinor, 'disputedMinor', disputedMinor))
        FROM monthRows) AS months,
      (SELECT json_group_array(json_object('reason', reason, 'n', n)) FROM (SELECT lost_reason AS reason, count(*) AS n FROM facts WHERE outcome = 'lost' GROUP BY 1)) AS reasons`)!;
  // json_group_array keeps no promised order: each part carries its place and is put back in it here.
  const byPlace = <T extends { i: number }>(list: T[]) => list.sort((a, b) => a.i - b.i).map(({ i: _i, ...rest }) => rest);
  const rows = byPlace(JSON.parse(json.members) as Array<MemberRow & { i: number }>);
  const totals = JSON.parse(json.totals) as {
    won: number; lost: number; open: number; contacted: number; meetingSet: number; dContact: number | null; dClose: number | null;
    linked: number; unlinked: number; disputed: number;
  };
  const pairs = byPlace(JSON.parse(json.pairs) as Array<Outcomes['pairs'][number] & { i: number }>);
  const months = (JSON.parse(json.months) as Outcomes['months']).sort((a, b) => (a.month < b.month ? -1 : 1));

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

  // Why referrals given in the period were lost (the reason on their latest "lost" entry).
  const reasons = JSON.parse(json.reasons) as Array<{ reason: string | null; n: number }>;
  const lostReasonCounts = Object.fromEntries([...lostReasons, 'not_recorded'].map((k) => [k, 0])) as Outcomes['chapter']['lostReasons'];
  for (const r of reasons) lostReasonCounts[(r.reason ?? 'not_recorded') as keyof typeof lostReasonCounts] += r.n;

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

/**
 * Every referrer → receiver pair of the period (or one member's pairs, either way round): the
 * referrals the giver gave the receiver by outcome, conversion, the receiver's median days, and the
 * TYFCB the receiver credited to the giver (linked, unlinked, under dispute). Pairs with a referral
 * or a TYFCB in the period; the most revenue first.
 */
export function pairOutcomes(db: Db, input: Period & { memberId: string | null }): PairOutcomes {
  const chapter = requireChapter(db);
  const p = { from: input.from, to: input.to };
  const memberId = input.memberId;
  if (memberId && !db.get(sql`SELECT 1 FROM members WHERE id = ${memberId}`)) {
    throw new LedgerError('not_found', 'That member is not in this chapter (they may have been removed): pick one from the list.', 'memberId');
  }
  const rows = repeatedAll<{
    giverId: string; giverName: string; receiverId: string; receiverName: string; won: number; lost: number; open: number;
    dContact: number | null; dClose: number | null; linked: number; unlinked: number; disputed: number;
  }>(db, sql`
    WITH ${referralFacts(p)},
    flows AS (
      SELECT giver_id AS g, receiver_id AS v, outcome, d_contact, d_close, 0 AS linked, 0 AS unlinked, 0 AS disputed FROM facts
      UNION ALL SELECT referrer_id, closer_id, NULL, NULL, NULL, CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END,
        CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END, CASE WHEN disputed THEN amount_minor ELSE 0 END FROM ty),
    byPair AS (SELECT g, v, coalesce(sum(outcome = 'won'), 0) AS won, coalesce(sum(outcome = 'lost'), 0) AS lost, coalesce(sum(outcome = 'open'), 0) AS open,
        median(d_contact) AS dContact, median(d_close) AS dClose, sum(linked) AS linked, sum(unlinked) AS unlinked, sum(disputed) AS disputed
      FROM flows WHERE ${memberId} IS NULL OR g = ${memberId} OR v = ${memberId} GROUP BY g, v)
    SELECT g AS giverId, a.first_name || ' ' || a.last_name AS giverName, v AS receiverId, b.first_name || ' ' || b.last_name AS receiverName,
      won, lost, open, dContact, dClose, linked, unlinked, disputed
    FROM byPair JOIN members a ON a.id = g JOIN members b ON b.id = v
    ORDER BY linked + unlinked DESC, won + lost + open DESC, a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, b.last_name COLLATE NOCASE, b.first_name COLLATE NOCASE, g, v`);
  return {
    period: p,
    currency: chapter.currency,
    locale: chapter.locale,
    memberId,
    pairs: rows.map((r) => {
      const given = { won: r.won, lost: r.lost, open: r.open, total: r.won + r.lost + r.open };
      return {
        giverId: r.giverId,
        giverName: r.giverName,
        receiverId: r.receiverId,
        receiverName: r.receiverName,
        given,
        conversion: rate(given.won, given.won + given.lost),
        conversionAll: rate(given.won, given.total),
        medianDaysToContact: r.dContact,
        medianDaysToClose: r.dClose,
        linkedMinor: r.linked,
        unlinkedMinor: r.unlinked,
        disputedMinor: r.disputed,
        revenuePerReferralMinor: perReferral(r.linked + r.unlinked, given.total),
      };
    }),
  };
}

/**
 * One member's referrals by month of the meeting they were given at (closed meetings of the period),
 * by outcome now, given and received: the chart on the member's own page. One grouped statement; the
 * two legs go through the giver and receiver indexes. Every month with a closed meeting is listed, so
 * the chart's months line up with the member's other charts; the sums are the member's row of outcomes().
 */
export function memberOutcomesByMonth(db: Db, input: Period & { memberId: string }): MemberOutcomesByMonth {
  requireChapter(db);
  const p = { from: input.from, to: input.to };
  const memberId = input.memberId;
  if (!db.get(sql`SELECT 1 FROM members WHERE id = ${memberId}`)) {
    throw new LedgerError('not_found', 'That member is not in this chapter (they may have been removed): pick one from the list.', 'memberId');
  }
  const rows = repeatedAll<{ month: string; gWon: number; gLost: number; gOpen: number; rWon: number; rLost: number; rOpen: number }>(db, sql`
    WITH ${periodMeetings(p)},
    ev AS (
      SELECT substr(pm.meeting_on, 1, 7) AS month, 1 AS given, r.status FROM referrals r JOIN pm ON pm.id = r.meeting_id
        WHERE r.deleted_at IS NULL AND r.giver_id = ${memberId}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, r.status FROM referrals r JOIN pm ON pm.id = r.meeting_id
        WHERE r.deleted_at IS NULL AND r.receiver_id = ${memberId}
      UNION ALL SELECT DISTINCT substr(meeting_on, 1, 7), NULL, NULL FROM pm)
    SELECT month,
      coalesce(sum(given = 1 AND status = 'won'), 0) AS gWon, coalesce(sum(given = 1 AND status = 'lost'), 0) AS gLost,
      coalesce(sum(given = 1 AND status NOT IN ('won', 'lost')), 0) AS gOpen,
      coalesce(sum(given = 0 AND status = 'won'), 0) AS rWon, coalesce(sum(given = 0 AND status = 'lost'), 0) AS rLost,
      coalesce(sum(given = 0 AND status NOT IN ('won', 'lost')), 0) AS rOpen
    FROM ev GROUP BY month ORDER BY month`);
  return {
    period: p,
    memberId,
    months: rows.map((r) => ({
      month: r.month,
      given: { won: r.gWon, lost: r.gLost, open: r.gOpen },
      received: { won: r.rWon, lost: r.rLost, open: r.rOpen },
    })),
  };
}

/**
 * What recognition needs of the outcomes, per member as giver and referrer: referrals given by outcome
 * and the TYFCB credited (linked, unlinked; disputed left out). The same definitions (the same CTEs) and
 * the same member order as outcomes() — without the history, medians, pairs and months it does not use.
 */
export function giverOutcomes(db: Db, p: Period): Array<{ memberId: string; name: string; won: number; lost: number; linkedMinor: number; unlinkedMinor: number }> {
  return repeatedAll(db, sql`
    WITH ${periodMeetings(p)},
    ${periodReferrals},
    ${periodTyfcb},
    perMember AS (SELECT member_id, sum(won) AS won, sum(lost) AS lost, sum(linked) AS linked, sum(unlinked) AS unlinked FROM (
        SELECT giver_id AS member_id, outcome = 'won' AS won, outcome = 'lost' AS lost, 0 AS linked, 0 AS unlinked FROM refs
        UNION ALL SELECT referrer_id, 0, 0, CASE WHEN NOT disputed AND linked THEN amount_minor ELSE 0 END,
          CASE WHEN NOT disputed AND NOT linked THEN amount_minor ELSE 0 END FROM ty)
      GROUP BY member_id)
    SELECT m.id AS memberId, m.first_name || ' ' || m.last_name AS name, coalesce(x.won, 0) AS won, coalesce(x.lost, 0) AS lost,
      coalesce(x.linked, 0) AS linkedMinor, coalesce(x.unlinked, 0) AS unlinkedMinor
    FROM members m LEFT JOIN perMember x ON x.member_id = m.id
    ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE, m.id`);
}
