// "Within 2× of the best raw query" (issue 16's analytic target, second half): for each analytic the
// scale bench times, the hand-written SQL that gives the same figures, straight through better-sqlite3
// (statements prepared once, values bound, rows read as they come, no service code around them). The
// service is then timed against it the same way. tests/unit/bench-raw-queries.test.ts checks that each
// raw query answers what its service answers, figure for figure, so the comparison stays honest.
//
// Where a service is already one or a few hand-written statements (outcomes, the integrity flags, the
// perfect-attendance and per-giver parts of recognition), those statements are the raw query: there is
// nothing more direct to write by hand, and the ratio then shows what the service adds around them.
import type Database from 'better-sqlite3';
import type { Period } from '../shared/contract';

/** The columns a member's tally is made of, in the order the raw statements give them. */
export const rawTallyColumns = [
  'p', 'a', 'l', 'm', 's', 'rgi', 'rgo', 'rri', 'rro', 'visitors', 'oneToOnes',
  'tyfcbReceivedMinor', 'tyfcbGeneratedMinor', 'tyfcbReceivedDisputedMinor', 'tyfcbReceivedDisputedSlips',
  'tyfcbGeneratedDisputedMinor', 'tyfcbGeneratedDisputedSlips', 'ceus',
  'outsideRgi', 'outsideRgo', 'outsideRri', 'outsideRro', 'outsideOneToOnes', 'outsideTyfcbReceivedMinor', 'outsideTyfcbGeneratedMinor',
] as const;
export type RawTallyColumn = (typeof rawTallyColumns)[number];

/** An open dispute on the TYFCB slip `t` (the partial unique index answers it). */
const disputed = `EXISTS (SELECT 1 FROM tyfcb_disputes d WHERE d.tyfcb_id = t.id AND d.resolution IS NULL)`;

/** Where a member's figures come from: rows of the period's meetings (pm first: CROSS JOIN keeps that order), the member each counts for, and what it adds to which column. */
interface Source {
  member: string;
  from: string;
  where: string;
  values: Partial<Record<RawTallyColumn, string>>;
}
const sources: Source[] = [
  { member: 'a.member_id', from: 'pm CROSS JOIN attendance a ON a.meeting_id = pm.id', where: '1', values: { p: "a.mark = 'P'", a: "a.mark = 'A'", l: "a.mark = 'L'", m: "a.mark = 'M'", s: "a.mark = 'S'" } },
  { member: 'r.giver_id', from: 'pm CROSS JOIN referrals r ON r.meeting_id = pm.id', where: 'r.deleted_at IS NULL', values: { rgi: "r.kind = 'inside'", rgo: "r.kind = 'outside'" } },
  { member: 'r.receiver_id', from: 'pm CROSS JOIN referrals r ON r.meeting_id = pm.id', where: 'r.deleted_at IS NULL', values: { rri: "r.kind = 'inside'", rro: "r.kind = 'outside'" } },
  { member: 'v.invited_by_id', from: 'pm CROSS JOIN visitors v ON v.meeting_id = pm.id', where: 'v.deleted_at IS NULL AND v.invited_by_id IS NOT NULL', values: { visitors: '1' } },
  { member: 'o.member_a_id', from: 'pm CROSS JOIN one_to_ones o ON o.meeting_id = pm.id', where: 'o.deleted_at IS NULL', values: { oneToOnes: '1' } },
  { member: 'o.member_b_id', from: 'pm CROSS JOIN one_to_ones o ON o.meeting_id = pm.id', where: 'o.deleted_at IS NULL', values: { oneToOnes: '1' } },
  { member: 't.closer_id', from: 'pm CROSS JOIN ty t ON t.meeting_id = pm.id', where: '1', values: { tyfcbReceivedMinor: 'CASE WHEN t.d THEN 0 ELSE t.amount_minor END', tyfcbReceivedDisputedMinor: 'CASE WHEN t.d THEN t.amount_minor ELSE 0 END', tyfcbReceivedDisputedSlips: 't.d' } },
  { member: 't.referrer_id', from: 'pm CROSS JOIN ty t ON t.meeting_id = pm.id', where: '1', values: { tyfcbGeneratedMinor: 'CASE WHEN t.d THEN 0 ELSE t.amount_minor END', tyfcbGeneratedDisputedMinor: 'CASE WHEN t.d THEN t.amount_minor ELSE 0 END', tyfcbGeneratedDisputedSlips: 't.d' } },
  { member: 'e.member_id', from: 'pm CROSS JOIN ceus e ON e.meeting_id = pm.id', where: 'e.deleted_at IS NULL', values: { ceus: 'e.credits' } },
  {
    member: 's.member_id', from: 'pm CROSS JOIN outside_party_slips s ON s.meeting_id = pm.id', where: 's.deleted_at IS NULL',
    values: {
      outsideRgi: "s.slip_type = 'referral' AND s.direction = 'given' AND s.kind = 'inside'",
      outsideRgo: "s.slip_type = 'referral' AND s.direction = 'given' AND s.kind = 'outside'",
      outsideRri: "s.slip_type = 'referral' AND s.direction = 'received' AND s.kind = 'inside'",
      outsideRro: "s.slip_type = 'referral' AND s.direction = 'received' AND s.kind = 'outside'",
      outsideOneToOnes: "s.slip_type = 'one_to_one'",
      outsideTyfcbReceivedMinor: "CASE WHEN s.slip_type = 'tyfcb' AND s.direction = 'received' THEN s.amount_minor ELSE 0 END",
      outsideTyfcbGeneratedMinor: "CASE WHEN s.slip_type = 'tyfcb' AND s.direction = 'given' THEN s.amount_minor ELSE 0 END",
    },
  },
];

/**
 * Each member's figures for the period's closed meetings: one GROUP BY per source (narrow groupings
 * sort less than one wide one over a UNION ALL of everything: tried, 3× slower at 1M), joined to the members listed.
 * With `split`, each figure also summed over the meetings on or after @stays only (`staying_<column>`).
 */
function talliesText(split: boolean): string {
  const ctes = sources.map((source, i) => {
    const sums = Object.entries(source.values).map(([c, v]) => `sum(${v}) AS ${c}${split ? `, sum(CASE WHEN pm.stays THEN ${v} ELSE 0 END) AS staying_${c}` : ''}`);
    return `x${i} AS (SELECT ${source.member} AS member_id, ${sums.join(', ')} FROM ${source.from} WHERE ${source.where} GROUP BY 1)`;
  });
  const column = (c: RawTallyColumn, prefix = '') =>
    `${sources.flatMap((source, i) => (source.values[c] ? [`coalesce(x${i}.${prefix}${c}, 0)`] : [])).join(' + ')} AS ${prefix}${c}`;
  return `WITH pm AS MATERIALIZED (SELECT id, meeting_on >= @stays AS stays FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN @from AND @to),
    ty AS MATERIALIZED (SELECT t.meeting_id, t.closer_id, t.referrer_id, t.amount_minor, ${disputed} AS d FROM pm CROSS JOIN tyfcb_slips t ON t.meeting_id = pm.id WHERE t.deleted_at IS NULL),
    ${ctes.join(',\n    ')}
    SELECT m.id AS memberId, m.display_name AS name, ${rawTallyColumns.map((c) => column(c)).join(', ')}${split ? `, ${rawTallyColumns.map((c) => column(c, 'staying_')).join(', ')}` : ''}
    FROM members m ${sources.map((_, i) => `LEFT JOIN x${i} ON x${i}.member_id = m.id`).join(' ')}
    WHERE (m.status <> 'applicant' AND m.joined_on <= @to AND (m.left_on IS NULL OR m.left_on >= @from))
       OR coalesce(${sources.map((_, i) => `x${i}.member_id`).join(', ')}) IS NOT NULL
    ORDER BY m.sort_name COLLATE NOCASE`;
}

export interface RawTallyRow extends Record<RawTallyColumn, number> {
  memberId: string;
  name: string;
}

export interface RawQueries {
  /** Each member's tallies for the period (rows in name order). */
  tallies(p: Period): RawTallyRow[];
  /** The chapter's totals for the period: meetings, marks, slips, money (the chapter-totals figures). */
  totals(p: Period): Record<string, number>;
  /** Each member's tallies for the period and for the part of it from `staysFrom` on, in one pass. */
  talliesSplit(p: Period, staysFrom: string): Array<RawTallyRow & { staying: Record<RawTallyColumn, number> }>;
  /** Members who brought someone into the chapter as sponsor, joined in the period. */
  sponsored(p: Period): Array<{ sponsorId: string; n: number }>;
  /** The members a tally lists (roster in the period, or anything counted in it), in its order: the matrix's rows. */
  members(p: Period): Array<{ memberId: string; name: string }>;
  /** Giver × receiver referral counts and TYFCB money (disputed apart). */
  matrix(p: Period): Array<{ giverId: string; receiverId: string; referrals: number; tyfcbMinor: number; tyfcbDisputedMinor: number }>;
}

export function rawQueries(sqlite: Database.Database): RawQueries {
  const talliesStatement = sqlite.prepare(talliesText(false));
  const splitStatement = sqlite.prepare(talliesText(true));
  const totalsStatement = sqlite.prepare(`WITH pm AS MATERIALIZED (SELECT id FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN @from AND @to)
    SELECT (SELECT count(*) FROM pm) AS meetings,
      (SELECT count(*) FROM meetings WHERE status = 'cancelled' AND meeting_on BETWEEN @from AND @to) AS cancelledMeetings,
      a.p, a.a, a.l, a.m, a.s, r.referralsInside, r.referralsOutside, v.visitors, o.oneToOnes, t.tyfcbMinor, t.tyfcbDisputedMinor, t.tyfcbDisputedSlips, e.ceus,
      s.outsideReferralsGiven, s.outsideReferralsReceived, s.outsideOneToOnes, s.outsideTyfcbReceivedMinor, s.outsideTyfcbGeneratedMinor
    FROM (SELECT coalesce(sum(mark = 'P'), 0) AS p, coalesce(sum(mark = 'A'), 0) AS a, coalesce(sum(mark = 'L'), 0) AS l, coalesce(sum(mark = 'M'), 0) AS m, coalesce(sum(mark = 'S'), 0) AS s
          FROM pm CROSS JOIN attendance x ON x.meeting_id = pm.id) a,
      (SELECT coalesce(sum(kind = 'inside'), 0) AS referralsInside, coalesce(sum(kind = 'outside'), 0) AS referralsOutside FROM pm CROSS JOIN referrals x ON x.meeting_id = pm.id WHERE x.deleted_at IS NULL) r,
      (SELECT count(*) AS visitors FROM pm CROSS JOIN visitors x ON x.meeting_id = pm.id WHERE x.deleted_at IS NULL) v,
      (SELECT count(*) AS oneToOnes FROM pm CROSS JOIN one_to_ones x ON x.meeting_id = pm.id WHERE x.deleted_at IS NULL) o,
      (SELECT coalesce(sum(CASE WHEN d THEN 0 ELSE amount_minor END), 0) AS tyfcbMinor, coalesce(sum(CASE WHEN d THEN amount_minor ELSE 0 END), 0) AS tyfcbDisputedMinor, coalesce(sum(d), 0) AS tyfcbDisputedSlips
        FROM (SELECT t.amount_minor, ${disputed} AS d FROM pm CROSS JOIN tyfcb_slips t ON t.meeting_id = pm.id WHERE t.deleted_at IS NULL)) t,
      (SELECT coalesce(sum(credits), 0) AS ceus FROM pm CROSS JOIN ceus x ON x.meeting_id = pm.id WHERE x.deleted_at IS NULL) e,
      (SELECT coalesce(sum(slip_type = 'referral' AND direction = 'given'), 0) AS outsideReferralsGiven, coalesce(sum(slip_type = 'referral' AND direction = 'received'), 0) AS outsideReferralsReceived,
         coalesce(sum(slip_type = 'one_to_one'), 0) AS outsideOneToOnes,
         coalesce(sum(CASE WHEN slip_type = 'tyfcb' AND direction = 'received' THEN amount_minor ELSE 0 END), 0) AS outsideTyfcbReceivedMinor,
         coalesce(sum(CASE WHEN slip_type = 'tyfcb' AND direction = 'given' THEN amount_minor ELSE 0 END), 0) AS outsideTyfcbGeneratedMinor
       FROM pm CROSS JOIN outside_party_slips x ON x.meeting_id = pm.id WHERE x.deleted_at IS NULL) s`);
  const slipsOf = (table: string, alias: string, member: string, where = '1') =>
    `EXISTS (SELECT 1 FROM pm CROSS JOIN ${table} ${alias} ON ${alias}.meeting_id = pm.id WHERE ${member} = m.id AND ${where})`;
  const membersStatement = sqlite.prepare(`WITH pm AS MATERIALIZED (SELECT id FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN @from AND @to)
    SELECT m.id AS memberId, m.display_name AS name FROM members m JOIN classifications c ON c.id = m.classification_id
    WHERE (m.status <> 'applicant' AND m.joined_on <= @to AND (m.left_on IS NULL OR m.left_on >= @from))
      OR ${[
        slipsOf('attendance', 'a', 'a.member_id'),
        slipsOf('referrals', 'r', 'r.giver_id', 'r.deleted_at IS NULL'),
        slipsOf('referrals', 'r', 'r.receiver_id', 'r.deleted_at IS NULL'),
        slipsOf('visitors', 'v', 'v.invited_by_id', 'v.deleted_at IS NULL'),
        slipsOf('one_to_ones', 'o', 'o.member_a_id', 'o.deleted_at IS NULL'),
        slipsOf('one_to_ones', 'o', 'o.member_b_id', 'o.deleted_at IS NULL'),
        slipsOf('tyfcb_slips', 't', 't.closer_id', 't.deleted_at IS NULL'),
        slipsOf('tyfcb_slips', 't', 't.referrer_id', 't.deleted_at IS NULL'),
        slipsOf('ceus', 'e', 'e.member_id', 'e.deleted_at IS NULL'),
        slipsOf('outside_party_slips', 's', 's.member_id', 's.deleted_at IS NULL'),
      ].join(' OR ')}
    ORDER BY m.sort_name COLLATE NOCASE`);
  const sponsoredStatement = sqlite.prepare(`SELECT sponsor_id AS sponsorId, count(*) AS n FROM members
    WHERE sponsor_id IS NOT NULL AND status <> 'applicant' AND joined_on BETWEEN @from AND @to GROUP BY sponsor_id`);
  const matrixStatement = sqlite.prepare(`WITH pm AS MATERIALIZED (SELECT id FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN @from AND @to)
    SELECT giverId, receiverId, sum(referrals) AS referrals, sum(tyfcbMinor) AS tyfcbMinor, sum(tyfcbDisputedMinor) AS tyfcbDisputedMinor FROM (
      SELECT r.giver_id AS giverId, r.receiver_id AS receiverId, 1 AS referrals, 0 AS tyfcbMinor, 0 AS tyfcbDisputedMinor
        FROM pm CROSS JOIN referrals r ON r.meeting_id = pm.id WHERE r.deleted_at IS NULL
      UNION ALL SELECT referrer_id, closer_id, 0, CASE WHEN d THEN 0 ELSE amount_minor END, CASE WHEN d THEN amount_minor ELSE 0 END
        FROM (SELECT t.referrer_id, t.closer_id, t.amount_minor, ${disputed} AS d FROM pm CROSS JOIN tyfcb_slips t ON t.meeting_id = pm.id WHERE t.deleted_at IS NULL))
    GROUP BY 1, 2`);
  return {
    tallies: (p) => talliesStatement.all({ from: p.from, to: p.to, stays: p.to }) as RawTallyRow[],
    totals: (p) => totalsStatement.get({ from: p.from, to: p.to }) as Record<string, number>,
    talliesSplit: (p, staysFrom) =>
      (splitStatement.all({ from: p.from, to: p.to, stays: staysFrom }) as Array<Record<string, number | string>>).map((row) => {
        const staying = {} as Record<RawTallyColumn, number>;
        for (const c of rawTallyColumns) staying[c] = row[`staying_${c}`] as number;
        const whole = { memberId: row.memberId as string, name: row.name as string } as RawTallyRow;
        for (const c of rawTallyColumns) whole[c] = row[c] as number;
        return { ...whole, staying };
      }),
    sponsored: (p) => sponsoredStatement.all({ from: p.from, to: p.to }) as Array<{ sponsorId: string; n: number }>,
    matrix: (p) => matrixStatement.all({ from: p.from, to: p.to }) as ReturnType<RawQueries['matrix']>,
    members: (p) => membersStatement.all({ from: p.from, to: p.to }) as Array<{ memberId: string; name: string }>,
  };
}

interface SentStatement {
  source: string;
  method: 'all' | 'get';
  args: unknown[];
}

/**
 * The statements a service sends to SQLite while it answers (text and bound values, in order): for the
 * services that are already a few hand-written statements, those statements run again alone are the
 * raw query. Statements the service's connection had prepared before are caught too (the methods are
 * watched on every statement, not the prepare).
 */
export function statementsSentBy(sqlite: Database.Database, run: () => unknown): SentStatement[] {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'all' | 'get', (...args: unknown[]) => unknown>;
  const sent: SentStatement[] = [];
  const original = { all: proto.all, get: proto.get };
  for (const method of ['all', 'get'] as const) {
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      sent.push({ source: this.source, method, args });
      return original[method].apply(this, args);
    };
  }
  try {
    run();
  } finally {
    proto.all = original.all;
    proto.get = original.get;
  }
  return sent;
}

/** Those statements prepared once on `sqlite`, run again in order with the same values: the raw query. */
export function replay(sqlite: Database.Database, sent: SentStatement[]): () => unknown[] {
  const prepared = sent.map((s) => ({ statement: sqlite.prepare(s.source), method: s.method, args: s.args }));
  return () => prepared.map((p) => (p.method === 'all' ? p.statement.all(...p.args) : p.statement.get(...p.args)));
}
