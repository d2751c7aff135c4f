// The outcome, flag and recognition queries as they were before they were made fast (commit 6df9b15):
// one plain statement per figure, each easy to check by eye. tests/unit/outcomes-same-as-before.test.ts
// holds the fast services in src/services to exactly these answers on the demo chapter and on a
// generated chapter with many years of slips. The one change: the stale list's order among referrals
// with the same day and receiver, which the old statement left to SQLite, is now by referral id, as in
// the service, so that the two lists can be compared exactly.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/db/open';
import type { IntegrityFlags, Outcomes, Period, Recognition } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/dates';
import { lostReasons } from '../../src/shared/domain';
import { formatMoney } from '../../src/shared/money';
import { requireChapter } from '../../src/services/chapter';
import { getOutcomeRules } from '../../src/services/outcome-rules';
import { topWithTies } from '../../src/services/recognition';
import { memberTallies } from '../../src/services/tallies';
import { tyfcbDisputed } from '../../src/services/tyfcb-counted';

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

export function outcomesBefore(db: Db, p: Period): Outcomes {
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

export function integrityFlagsBefore(db: Db, p: Period, today = todayIso()): IntegrityFlags {
  const rules = getOutcomeRules(db);
  const pm = sql`pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})`;

  const stale = db.all<IntegrityFlags['stale'][number]>(sql`
    SELECT referralId, giverName, receiverId, receiverName, prospectName, status, lastUpdateOn,
      CAST(julianday(${today}) - julianday(lastUpdateOn) AS INTEGER) AS daysSinceUpdate
    FROM (SELECT r.id AS referralId, g.first_name || ' ' || g.last_name AS giverName, r.receiver_id AS receiverId,
            v.first_name || ' ' || v.last_name AS receiverName, r.prospect_name AS prospectName, r.status,
            coalesce((SELECT max(h.changed_on) FROM referral_status_history h WHERE h.referral_id = r.id), m.meeting_on) AS lastUpdateOn
          FROM referrals r JOIN meetings m ON m.id = r.meeting_id JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id
          WHERE r.deleted_at IS NULL AND m.status <> 'cancelled' AND r.status IN ('new', 'contacted', 'meeting_set'))
    WHERE lastUpdateOn <= ${addDays(today, -rules.staleDays)}
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

export function recognitionBefore(db: Db, p: Period): Recognition {
  const chapter = requireChapter(db);
  const rules = getOutcomeRules(db);
  const tallies = memberTallies(db, p).filter((m) => m.status === 'active' || m.status === 'on_leave');
  const current = new Set(tallies.map((m) => m.memberId));
  const result = outcomesBefore(db, p);
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

  const attendedMarks = rules.lateCountsAsPresent ? sql`('P', 'S', 'L')` : sql`('P', 'S')`;
  const perfect = db.all<{ memberId: string; name: string; eligible: number; attended: number }>(sql`
    WITH pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})
    SELECT m.id AS memberId, m.first_name || ' ' || m.last_name AS name, count(*) AS eligible,
      coalesce(sum(a.mark IN ${attendedMarks}), 0) AS attended
    FROM members m JOIN pm ON pm.meeting_on >= m.joined_on AND (m.left_on IS NULL OR pm.meeting_on <= m.left_on)
    LEFT JOIN attendance a ON a.meeting_id = pm.id AND a.member_id = m.id
    WHERE m.status = 'active'
    GROUP BY m.id HAVING attended = eligible
    ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE`);
  const meetings = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to}`)!.n;

  const top = rules.recognitionTop;
  const outcomeRows = result.members.filter((m) => current.has(m.memberId));
  return {
    period: { from: p.from, to: p.to },
    chapterName: chapter.name,
    currency: chapter.currency,
    locale: chapter.locale,
    meetings,
    categories: [
      {
        id: 'top_givers',
        title: 'Top referral givers',
        rule: `Most referrals given (inside and outside); the top ${top}, ties included.`,
        winners: topWithTies(tallies.map((m) => ({ memberId: m.memberId, name: m.name, value: m.rgi + m.rgo, label: count(m.rgi + m.rgo, 'referral', 'referrals') })), top),
      },
      {
        id: 'top_tyfcb',
        title: 'Top TYFCB generated for others',
        rule: `Most closed business credited to the member on others’ TYFCB slips; disputed amounts do not count until resolved. The top ${top}.`,
        winners: topWithTies(
          outcomeRows.map((m) => ({ memberId: m.memberId, name: m.name, value: m.generatedLinkedMinor + m.generatedUnlinkedMinor, label: money(m.generatedLinkedMinor + m.generatedUnlinkedMinor) })),
          top,
        ),
      },
      {
        id: 'perfect_attendance',
        title: 'Perfect attendance',
        rule: `Active members present${rules.lateCountsAsPresent ? ' (late counts)' : ''} or represented by a substitute at every completed meeting of the period since they joined; an absence, a medical or an unmarked meeting breaks it.`,
        winners: perfect.map((m) => ({ memberId: m.memberId, name: m.name, value: m.attended, label: `${m.attended} of ${m.eligible} meetings` })),
      },
      {
        id: 'one_to_ones',
        title: 'Most one-to-ones',
        rule: `Most one-to-ones recorded (each counts for both members); the top ${top}.`,
        winners: topWithTies(tallies.map((m) => ({ memberId: m.memberId, name: m.name, value: m.oneToOnes, label: count(m.oneToOnes, 'one-to-one', 'one-to-ones') })), top),
      },
      {
        id: 'visitors',
        title: 'Visitors brought',
        rule: `Most visitors invited; the top ${top}.`,
        winners: topWithTies(tallies.map((m) => ({ memberId: m.memberId, name: m.name, value: m.visitors, label: count(m.visitors, 'visitor', 'visitors') })), top),
      },
      {
        id: 'conversion',
        title: 'Best conversion',
        rule: `Referrals given that were won ÷ those decided (won or lost), among members with at least ${rules.conversionMinDecided} decided; the top ${top}.`,
        winners: topWithTies(
          outcomeRows
            .filter((m) => m.given.won + m.given.lost >= rules.conversionMinDecided && m.conversionGiven !== null)
            .map((m) => ({ memberId: m.memberId, name: m.name, value: m.conversionGiven!, label: `${Math.round(m.conversionGiven! * 100)}% (${m.given.won} of ${m.given.won + m.given.lost})` })),
          top,
        ),
      },
    ],
  };
}
