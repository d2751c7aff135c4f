// Given vs received for any period: one source of truth for every screen, export and report.
// Only completed meetings count. Every figure is a GROUP BY over indexed columns, joined to the
// period's meetings first, so a quarter reads a quarter's slips whatever the size of the file.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { clientOf, ledgerState } from '../db/ledger-state';
import { repeatedAll } from '../db/repeated-read';
import type { ChapterTotals, MemberTally, MemberTrend, Period, ReciprocityFlags, ReferralMatrix, Tallies } from '../shared/contract';
import { addDays } from '../shared/dates';
import { chapterToday, requireChapter } from './chapter';
import { tyfcbRows, tyfcbSums } from './tyfcb-counted';

/** The period's completed meetings, as a CTE every query starts from. */
const periodMeetings = (p: Period) =>
  sql`pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})`;

interface TallyRow extends Omit<MemberTally, 'leftDuringPeriod'> {
  leftOn: string | null;
}

export function memberTallies(db: Db, p: Period): MemberTally[] {
  // Prepared once per open file (the screens, the scorecard and recognition ask again with a new period):
  // parsing and planning this long statement cost about as much as answering it for a quarter.
  const rows = repeatedAll<TallyRow>(db, sql`
    WITH ${periodMeetings(p)},
    att AS (SELECT a.member_id, sum(a.mark = 'P') AS p, sum(a.mark = 'A') AS a, sum(a.mark = 'L') AS l,
                   sum(a.mark = 'M') AS m, sum(a.mark = 'S') AS s
            FROM attendance a JOIN pm ON pm.id = a.meeting_id GROUP BY a.member_id),
    gave AS (SELECT r.giver_id AS member_id, sum(r.kind = 'inside') AS rgi, sum(r.kind = 'outside') AS rgo
             FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL GROUP BY r.giver_id),
    got AS (SELECT r.receiver_id AS member_id, sum(r.kind = 'inside') AS rri, sum(r.kind = 'outside') AS rro
            FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL GROUP BY r.receiver_id),
    vis AS (SELECT v.invited_by_id AS member_id, count(*) AS n
            FROM visitors v JOIN pm ON pm.id = v.meeting_id WHERE v.deleted_at IS NULL AND v.invited_by_id IS NOT NULL GROUP BY v.invited_by_id),
    oto AS (SELECT member_id, count(*) AS n FROM (
              SELECT o.member_a_id AS member_id FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id WHERE o.deleted_at IS NULL
              UNION ALL
              SELECT o.member_b_id FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id WHERE o.deleted_at IS NULL)
            GROUP BY member_id),
    ty AS MATERIALIZED (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`)}),
    tyr AS (SELECT closer_id AS member_id, ${tyfcbSums('n')} FROM ty GROUP BY closer_id),
    tyg AS (SELECT referrer_id AS member_id, ${tyfcbSums('n')} FROM ty GROUP BY referrer_id),
    ceu AS (SELECT e.member_id, sum(e.credits) AS n
            FROM ceus e JOIN pm ON pm.id = e.meeting_id WHERE e.deleted_at IS NULL GROUP BY e.member_id),
    -- Slips with someone outside the chapter: their own figures, never added to the member ones above.
    outs AS (SELECT s.member_id,
               sum(s.slip_type = 'referral' AND s.direction = 'given' AND s.kind = 'inside') AS rgi,
               sum(s.slip_type = 'referral' AND s.direction = 'given' AND s.kind = 'outside') AS rgo,
               sum(s.slip_type = 'referral' AND s.direction = 'received' AND s.kind = 'inside') AS rri,
               sum(s.slip_type = 'referral' AND s.direction = 'received' AND s.kind = 'outside') AS rro,
               sum(s.slip_type = 'one_to_one') AS oto,
               sum(CASE WHEN s.slip_type = 'tyfcb' AND s.direction = 'received' THEN s.amount_minor ELSE 0 END) AS tyr,
               sum(CASE WHEN s.slip_type = 'tyfcb' AND s.direction = 'given' THEN s.amount_minor ELSE 0 END) AS tyg
             FROM outside_party_slips s JOIN pm ON pm.id = s.meeting_id WHERE s.deleted_at IS NULL GROUP BY s.member_id)
    SELECT m.id AS memberId, m.first_name AS firstName, m.last_name AS lastName, m.display_name AS name,
           c.name AS classificationName, m.status AS status, m.left_on AS leftOn,
           coalesce(att.p, 0) AS p, coalesce(att.a, 0) AS a, coalesce(att.l, 0) AS l, coalesce(att.m, 0) AS m, coalesce(att.s, 0) AS s,
           coalesce(gave.rgi, 0) AS rgi, coalesce(gave.rgo, 0) AS rgo, coalesce(got.rri, 0) AS rri, coalesce(got.rro, 0) AS rro,
           coalesce(vis.n, 0) AS visitors, coalesce(oto.n, 0) AS oneToOnes,
           coalesce(tyr.n, 0) AS tyfcbReceivedMinor, coalesce(tyg.n, 0) AS tyfcbGeneratedMinor,
           coalesce(tyr.n_disputed, 0) AS tyfcbReceivedDisputedMinor, coalesce(tyr.n_disputed_slips, 0) AS tyfcbReceivedDisputedSlips,
           coalesce(tyg.n_disputed, 0) AS tyfcbGeneratedDisputedMinor, coalesce(tyg.n_disputed_slips, 0) AS tyfcbGeneratedDisputedSlips,
           coalesce(ceu.n, 0) AS ceus,
           coalesce(outs.rgi, 0) AS outsideRgi, coalesce(outs.rgo, 0) AS outsideRgo, coalesce(outs.rri, 0) AS outsideRri, coalesce(outs.rro, 0) AS outsideRro,
           coalesce(outs.oto, 0) AS outsideOneToOnes, coalesce(outs.tyr, 0) AS outsideTyfcbReceivedMinor, coalesce(outs.tyg, 0) AS outsideTyfcbGeneratedMinor
    FROM members m
    JOIN classifications c ON c.id = m.classification_id
    LEFT JOIN att ON att.member_id = m.id
    LEFT JOIN gave ON gave.member_id = m.id
    LEFT JOIN got ON got.member_id = m.id
    LEFT JOIN vis ON vis.member_id = m.id
    LEFT JOIN oto ON oto.member_id = m.id
    LEFT JOIN tyr ON tyr.member_id = m.id
    LEFT JOIN tyg ON tyg.member_id = m.id
    LEFT JOIN ceu ON ceu.member_id = m.id
    LEFT JOIN outs ON outs.member_id = m.id
    WHERE (m.status <> 'applicant' AND m.joined_on <= ${p.to} AND (m.left_on IS NULL OR m.left_on >= ${p.from}))
       OR coalesce(att.member_id, gave.member_id, got.member_id, vis.member_id, oto.member_id, tyr.member_id, tyg.member_id, ceu.member_id, outs.member_id) IS NOT NULL
    ORDER BY m.sort_name COLLATE NOCASE`);
  return rows.map(({ leftOn, ...row }) => ({ ...row, leftDuringPeriod: leftOn !== null && leftOn >= p.from && leftOn <= p.to }));
}

export function chapterTotals(db: Db, p: Period): ChapterTotals {
  return db.get<ChapterTotals>(sql`
    WITH ${periodMeetings(p)},
    ty AS (SELECT ${tyfcbSums('n')} FROM (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`)}))
    SELECT (SELECT count(*) FROM pm) AS meetings,
      (SELECT count(*) FROM meetings WHERE status = 'cancelled' AND meeting_on BETWEEN ${p.from} AND ${p.to}) AS cancelledMeetings,
      (SELECT count(*) FROM attendance a JOIN pm ON pm.id = a.meeting_id WHERE a.mark = 'P') AS p,
      (SELECT count(*) FROM attendance a JOIN pm ON pm.id = a.meeting_id WHERE a.mark = 'A') AS a,
      (SELECT count(*) FROM attendance a JOIN pm ON pm.id = a.meeting_id WHERE a.mark = 'L') AS l,
      (SELECT count(*) FROM attendance a JOIN pm ON pm.id = a.meeting_id WHERE a.mark = 'M') AS m,
      (SELECT count(*) FROM attendance a JOIN pm ON pm.id = a.meeting_id WHERE a.mark = 'S') AS s,
      (SELECT count(*) FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND r.kind = 'inside') AS referralsInside,
      (SELECT count(*) FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND r.kind = 'outside') AS referralsOutside,
      (SELECT count(*) FROM visitors v JOIN pm ON pm.id = v.meeting_id WHERE v.deleted_at IS NULL) AS visitors,
      (SELECT count(*) FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id WHERE o.deleted_at IS NULL) AS oneToOnes,
      (SELECT coalesce(n, 0) FROM ty) AS tyfcbMinor, (SELECT coalesce(n_disputed, 0) FROM ty) AS tyfcbDisputedMinor,
      (SELECT coalesce(n_disputed_slips, 0) FROM ty) AS tyfcbDisputedSlips,
      (SELECT coalesce(sum(e.credits), 0) FROM ceus e JOIN pm ON pm.id = e.meeting_id WHERE e.deleted_at IS NULL) AS ceus,
      (SELECT count(*) FROM outside_party_slips s JOIN pm ON pm.id = s.meeting_id WHERE s.deleted_at IS NULL AND s.slip_type = 'referral' AND s.direction = 'given') AS outsideReferralsGiven,
      (SELECT count(*) FROM outside_party_slips s JOIN pm ON pm.id = s.meeting_id WHERE s.deleted_at IS NULL AND s.slip_type = 'referral' AND s.direction = 'received') AS outsideReferralsReceived,
      (SELECT count(*) FROM outside_party_slips s JOIN pm ON pm.id = s.meeting_id WHERE s.deleted_at IS NULL AND s.slip_type = 'one_to_one') AS outsideOneToOnes,
      (SELECT coalesce(sum(s.amount_minor), 0) FROM outside_party_slips s JOIN pm ON pm.id = s.meeting_id WHERE s.deleted_at IS NULL AND s.slip_type = 'tyfcb' AND s.direction = 'received') AS outsideTyfcbReceivedMinor,
      (SELECT coalesce(sum(s.amount_minor), 0) FROM outside_party_slips s JOIN pm ON pm.id = s.meeting_id WHERE s.deleted_at IS NULL AND s.slip_type = 'tyfcb' AND s.direction = 'given') AS outsideTyfcbGeneratedMinor`)!;
}

export function tallies(db: Db, p: Period): Tallies {
  const chapter = requireChapter(db);
  const drafts = db.all<{ d: string }>(sql`SELECT meeting_on AS d FROM meetings WHERE status = 'draft' AND meeting_on BETWEEN ${p.from} AND ${p.to} ORDER BY 1`);
  return {
    period: { from: p.from, to: p.to },
    currency: chapter.currency,
    members: memberTallies(db, p),
    totals: chapterTotals(db, p),
    draftMeetings: drafts.map((r) => r.d),
  };
}

/**
 * The members memberTallies lists for the period, in its order, without counting anything: on the roster
 * in the period, or (a former member, an applicant) with something counted at its closed meetings.
 */
export function talliedMembers(db: Db, p: Period): Array<{ memberId: string; name: string }> {
  // The people on the period's slips and marks, read once (each table through its meeting index, the
  // period's meetings only): asked per member instead, a year of former members cost 0.6–0.9 s at 1M slips.
  const on = (table: string, member: string, where = '1') => `SELECT ${member} FROM pm CROSS JOIN ${table} x ON x.meeting_id = pm.id WHERE ${where}`;
  const counted = sql.raw(
    [
      on('attendance', 'x.member_id'),
      on('referrals', 'x.giver_id', 'x.deleted_at IS NULL'),
      on('referrals', 'x.receiver_id', 'x.deleted_at IS NULL'),
      on('visitors', 'x.invited_by_id', 'x.deleted_at IS NULL'),
      on('one_to_ones', 'x.member_a_id', 'x.deleted_at IS NULL'),
      on('one_to_ones', 'x.member_b_id', 'x.deleted_at IS NULL'),
      on('tyfcb_slips', 'x.closer_id', 'x.deleted_at IS NULL'),
      on('tyfcb_slips', 'x.referrer_id', 'x.deleted_at IS NULL'),
      on('ceus', 'x.member_id', 'x.deleted_at IS NULL'),
      on('outside_party_slips', 'x.member_id', 'x.deleted_at IS NULL'),
    ].join(' UNION '),
  );
  return repeatedAll(db, sql`
    WITH ${periodMeetings(p)}, counted(id) AS (${counted})
    SELECT m.id AS memberId, m.display_name AS name
    FROM members m JOIN classifications c ON c.id = m.classification_id
    WHERE (m.status <> 'applicant' AND m.joined_on <= ${p.to} AND (m.left_on IS NULL OR m.left_on >= ${p.from}))
       OR m.id IN (SELECT id FROM counted)
    ORDER BY m.sort_name COLLATE NOCASE`);
}

/** Giver × receiver: referral counts, and TYFCB money credited to the giver by the receiver (disputed money apart). */
export function referralMatrix(db: Db, p: Period, tallied?: MemberTally[]): ReferralMatrix {
  // The grid's members are the tallies' members; when the caller has no tallies, only the list is read.
  const members = tallied ? tallied.map((m) => ({ memberId: m.memberId, name: m.name })) : talliedMembers(db, p);
  const cells = db.all<ReferralMatrix['cells'][number]>(sql`
    WITH ${periodMeetings(p)},
    refs AS (SELECT r.giver_id AS giverId, r.receiver_id AS receiverId, count(*) AS referrals
             FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL GROUP BY 1, 2),
    money AS (SELECT referrer_id AS giverId, closer_id AS receiverId, ${tyfcbSums('tyfcbMinor')}
              FROM (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`)}) GROUP BY 1, 2)
    SELECT giverId, receiverId, sum(referrals) AS referrals, sum(tyfcbMinor) AS tyfcbMinor, sum(tyfcbDisputedMinor) AS tyfcbDisputedMinor FROM (
      SELECT giverId, receiverId, referrals, 0 AS tyfcbMinor, 0 AS tyfcbDisputedMinor FROM refs
      UNION ALL SELECT giverId, receiverId, 0, tyfcbMinor, tyfcbMinor_disputed FROM money)
    GROUP BY 1, 2`);
  return { members, cells };
}

export interface FlagOptions {
  /** A pair is one-way when A gave B at least this many referrals and B gave A none. */
  oneWayMin?: number;
  /** Received (or gave) at least this many while giving (or receiving) none. */
  onlyTakeMin?: number;
  today?: string;
}

/**
 * `known`: the period's member tallies and matrix when the caller has them already (the quarterly
 * audit), so they are not computed again.
 */
/**
 * Pairs where one member gave the other at least `oneWayMin` referrals in the period and got none back,
 * most referrals first: from the period's tallies and matrix alone (the quarterly audit prints only
 * these, and does not pay for the screen's other flags, which read every member's whole history).
 */
export function oneWayPairsOf(members: MemberTally[], matrix: ReferralMatrix, oneWayMin = 3): ReciprocityFlags['oneWayPairs'] {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const { cells } = matrix;
  const count = new Map(cells.map((c) => [`${c.giverId}>${c.receiverId}`, c.referrals]));
  return cells
    .filter((c) => c.referrals >= oneWayMin && !count.get(`${c.receiverId}>${c.giverId}`))
    .map((c) => ({ giverId: c.giverId, giverName: byId.get(c.giverId)?.name ?? '', receiverId: c.receiverId, receiverName: byId.get(c.receiverId)?.name ?? '', referrals: c.referrals }))
    .sort((a, b) => b.referrals - a.referrals);
}

/** Referrals open too long listed on the Reciprocity screen, oldest first; the rest are counted. */
export const longOpenListed = 8;

export function reciprocityFlags(db: Db, p: Period, options: FlagOptions = {}, known: { members?: MemberTally[]; matrix?: ReferralMatrix } = {}): ReciprocityFlags {
  const chapter = requireChapter(db);
  const oneWayMin = options.oneWayMin ?? 3;
  const onlyTakeMin = options.onlyTakeMin ?? 3;
  const today = options.today ?? chapterToday(db);
  const members = known.members ?? memberTallies(db, p);
  const oneWayPairs = oneWayPairsOf(members, known.matrix ?? referralMatrix(db, p, members), oneWayMin);
  const current = members.filter((m) => m.status === 'active' || m.status === 'on_leave');
  const given = (m: MemberTally) => m.rgi + m.rgo;
  const received = (m: MemberTally) => m.rri + m.rro;
  const onlyTake = current.filter((m) => given(m) === 0 && received(m) >= onlyTakeMin).map((m) => ({ memberId: m.memberId, name: m.name, received: received(m) }));
  const onlyGive = current.filter((m) => received(m) === 0 && given(m) >= onlyTakeMin).map((m) => ({ memberId: m.memberId, name: m.name, given: given(m) }));

  const noRecentReferral = membersWithoutRecentReferral(db, p, today, chapter.noReferralWeeks);

  // The oldest few, and how many in all: the screen lists the first and says how many more (it said
  // "…and 192 more" of a list cut at 200 while 11,879 were open that long — a president read it as the total).
  // Both read meeting by meeting, oldest first, each meeting's open referrals through the (status,
  // meeting) index: the list stops after its few (it sorted every open referral — 300,000 on a
  // million-slip file, 320 ms), the count counts index entries (100 → 37 ms there).
  const openedBy = addDays(today, -chapter.openReferralDays);
  const longOpenReferrals = db.all<ReciprocityFlags['longOpenReferrals'][number]>(sql`
    SELECT r.id, g.display_name AS giverName, v.display_name AS receiverName,
      r.prospect_name AS prospectName, mt.meeting_on AS meetingOn,
      CAST(julianday(${today}) - julianday(mt.meeting_on) AS INTEGER) AS daysOpen
    FROM meetings mt CROSS JOIN referrals r ON r.meeting_id = mt.id
    JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id
    WHERE r.deleted_at IS NULL AND mt.status = 'completed' AND r.status IN ('new', 'contacted', 'meeting_set')
      AND mt.meeting_on <= ${openedBy}
    ORDER BY mt.meeting_on, r.rowid LIMIT ${longOpenListed}`);
  const longOpenReferralsTotal = longOpenReferrals.length < longOpenListed ? longOpenReferrals.length : longOpenCount(db, openedBy);

  return {
    oneWayPairs,
    onlyTake,
    onlyGive,
    noRecentReferral,
    longOpenReferrals,
    longOpenReferralsTotal,
    thresholds: { oneWayMin, onlyTakeMin, noReferralWeeks: chapter.noReferralWeeks, openReferralDays: chapter.openReferralDays },
  };
}

/** The last count of long-open referrals per open file, kept while the file is unchanged (ledger-state.ts). */
const keptLongOpenCounts = new WeakMap<object, { state: string; openedBy: string; n: number }>();

/**
 * How many referrals are still open that were given on or before `openedBy`. Counting them reads an index
 * entry each: ~35 ms on a million-slip file with 300,000 open, paid again on every visit to Reciprocity
 * although the answer only moves when a slip or a follow-up is saved (or the day turns); so it is kept
 * while the chapter file is unchanged — by this window or any other connection.
 */
function longOpenCount(db: Db, openedBy: string): number {
  const client = clientOf(db);
  const state = ledgerState(db);
  const kept = client ? keptLongOpenCounts.get(client) : undefined;
  if (kept && state !== null && kept.state === state && kept.openedBy === openedBy) return kept.n;
  const n = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM meetings mt CROSS JOIN referrals r ON r.meeting_id = mt.id
    WHERE r.deleted_at IS NULL AND mt.status = 'completed' AND r.status IN ('new', 'contacted', 'meeting_set')
      AND mt.meeting_on <= ${openedBy}`)!.n;
  if (client && state !== null) keptLongOpenCounts.set(client, { state, openedBy, n });
  return n;
}

/**
 * Nobody referred in the N weeks before the period's end, or before today if the period runs on
 * (members who joined since are spared). Each member's last referral is found by walking the closed
 * meetings back from the end (a member who refers weekly is found at the first), not by reading every
 * referral they ever gave. This week asks for this list alone.
 */
export function membersWithoutRecentReferral(db: Db, p: Period, today: string, weeks: number): ReciprocityFlags['noRecentReferral'] {
  const end = p.to < today ? p.to : today;
  const since = addDays(end, -7 * weeks);
  return db.all<ReciprocityFlags['noRecentReferral'][number]>(sql`
    SELECT m.id AS memberId, m.display_name AS name,
      (SELECT g.meeting_on FROM meetings g CROSS JOIN referrals r ON r.meeting_id = g.id
        WHERE g.status = 'completed' AND g.meeting_on <= ${end} AND r.giver_id = m.id AND r.deleted_at IS NULL
        ORDER BY g.meeting_on DESC LIMIT 1) AS lastGivenOn
    FROM members m
    WHERE m.status = 'active' AND m.joined_on <= ${since}
    GROUP BY m.id
    HAVING lastGivenOn IS NULL OR lastGivenOn <= ${since}
    ORDER BY lastGivenOn, m.sort_name`);
}

/** One member's months and counterparties: the member detail chart and lists. */
export function memberTrend(db: Db, memberId: string, p: Period): MemberTrend {
  return memberTrends(db, p, memberId).of(memberId);
}

/**
 * The months and counterparties of one member (`only`) or of every member at once (null: "All
 * statements", one grouped query per list instead of one per member). The same statements either way,
 * the member's conditions in place of `1`, so a statement prints what the member's drawer shows.
 */
export function memberTrends(db: Db, p: Period, only: string | null): { of: (memberId: string) => MemberTrend } {
  const whose = (column: SQL) => (only === null ? sql`1` : sql`${column} = ${only}`);
  const months = db.all<MemberTrend['months'][number] & { memberId: string }>(sql`
    WITH ${periodMeetings(p)},
    events AS (
      SELECT r.giver_id AS member_id, substr(pm.meeting_on, 1, 7) AS month, 1 AS given, 0 AS received, 0 AS gen, 0 AS rec
        FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND ${whose(sql`r.giver_id`)}
      UNION ALL SELECT r.receiver_id, substr(pm.meeting_on, 1, 7), 0, 1, 0, 0
        FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND ${whose(sql`r.receiver_id`)}
      UNION ALL SELECT ty.referrer_id, substr(pm.meeting_on, 1, 7), 0, 0, CASE WHEN disputed THEN 0 ELSE amount_minor END, 0
        FROM (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`, whose(sql`t.referrer_id`))}) ty JOIN pm ON pm.id = ty.meeting_id
      UNION ALL SELECT ty.closer_id, substr(pm.meeting_on, 1, 7), 0, 0, 0, CASE WHEN disputed THEN 0 ELSE amount_minor END
        FROM (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`, whose(sql`t.closer_id`))}) ty JOIN pm ON pm.id = ty.meeting_id)
    SELECT member_id AS memberId, month, sum(given) AS given, sum(received) AS received, sum(gen) AS tyfcbGeneratedMinor, sum(rec) AS tyfcbReceivedMinor
    FROM events GROUP BY member_id, month ORDER BY member_id, month`);
  // Every month of the period with a meeting is on the chart, a month with nothing at zero.
  const periodMonths = db.all<{ month: string }>(sql`WITH ${periodMeetings(p)} SELECT DISTINCT substr(meeting_on, 1, 7) AS month FROM pm ORDER BY month`).map((m) => m.month);
  const counterparties = (mine: SQL, theirs: SQL) =>
    db.all<{ self: string; memberId: string; name: string; referrals: number }>(sql`
      WITH ${periodMeetings(p)}
      SELECT ${mine} AS self, o.id AS memberId, o.display_name AS name, count(*) AS referrals
      FROM referrals r JOIN pm ON pm.id = r.meeting_id JOIN members o ON o.id = ${theirs}
      WHERE r.deleted_at IS NULL AND ${whose(mine)}
      GROUP BY ${mine}, o.id ORDER BY ${mine}, referrals DESC, o.sort_name`);
  // One-to-ones at the period's closed meetings, whichever side of the slip the member is on.
  const oneToOnesWith = db.all<{ self: string; memberId: string; name: string; oneToOnes: number }>(sql`
    WITH ${periodMeetings(p)},
    met AS (
      SELECT o.member_a_id AS self_id, o.member_b_id AS other_id FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id
      WHERE o.deleted_at IS NULL AND ${whose(sql`o.member_a_id`)}
      UNION ALL
      SELECT o.member_b_id, o.member_a_id FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id
      WHERE o.deleted_at IS NULL AND ${whose(sql`o.member_b_id`)})
    SELECT met.self_id AS self, m.id AS memberId, m.display_name AS name, count(*) AS oneToOnes
    FROM met JOIN members m ON m.id = met.other_id
    GROUP BY met.self_id, m.id ORDER BY met.self_id, oneToOnes DESC, m.sort_name`);
  // TYFCB under an open dispute, left out of the months' money above and shown apart on both sides:
  // as the thanker (closer) and as the member credited with the business (referrer).
  const disputed = db.all<MemberTrend['tyfcbDisputed'] & { memberId: string }>(sql`
    WITH ${periodMeetings(p)},
    ty AS (SELECT referrer_id AS member_id, amount_minor, 1 AS gen, 0 AS rec FROM (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`, whose(sql`t.referrer_id`))}) WHERE disputed
      UNION ALL SELECT closer_id, amount_minor, 0, 1 FROM (${tyfcbRows(sql`JOIN pm ON pm.id = t.meeting_id`, whose(sql`t.closer_id`))}) WHERE disputed)
    SELECT member_id AS memberId, coalesce(sum(CASE WHEN gen = 1 THEN amount_minor END), 0) AS generatedMinor, coalesce(sum(gen), 0) AS generatedSlips,
      coalesce(sum(CASE WHEN rec = 1 THEN amount_minor END), 0) AS receivedMinor, coalesce(sum(rec), 0) AS receivedSlips
    FROM ty GROUP BY member_id`);
  const bySelf = <T extends { self: string }>(rows: T[]) => groupBy(rows, (r) => r.self, ({ self: _, ...rest }) => rest);
  const monthsOf = groupBy(months, (m) => m.memberId, ({ memberId: _, ...rest }) => rest);
  const gives = bySelf(counterparties(sql`r.giver_id`, sql`r.receiver_id`));
  const receives = bySelf(counterparties(sql`r.receiver_id`, sql`r.giver_id`));
  const met = bySelf(oneToOnesWith);
  const disputes = new Map(disputed.map(({ memberId, ...d }) => [memberId, d]));
  const none = { generatedMinor: 0, generatedSlips: 0, receivedMinor: 0, receivedSlips: 0 };
  return {
    of: (memberId) => {
      const active = new Map((monthsOf.get(memberId) ?? []).map((m) => [m.month, m]));
      return {
        months: periodMonths.map((month) => active.get(month) ?? { month, given: 0, received: 0, tyfcbGeneratedMinor: 0, tyfcbReceivedMinor: 0 }),
        tyfcbDisputed: disputes.get(memberId) ?? none,
        givesTo: gives.get(memberId) ?? [],
        receivesFrom: receives.get(memberId) ?? [],
        oneToOnesWith: met.get(memberId) ?? [],
      };
    },
  };
}

/** Rows in their order, grouped under a key (each row as `shape` makes it). */
function groupBy<T, K, U>(rows: T[], key: (row: T) => K, shape: (row: T) => U): Map<K, U[]> {
  const groups = new Map<K, U[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(shape(row));
    else groups.set(k, [shape(row)]);
  }
  return groups;
}
