// Recognition for a month or quarter: who to thank at the meeting, by the chapter's rules. Counts come
// from the tallies and the outcomes' own definitions (giverOutcomes: the same CTEs); ties at the cut-off all count.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { repeatedAll, repeatedGet } from '../db/repeated-read';
import type { Period, Recognition } from '../shared/contract';
import { formatMoney } from '../shared/money';
import { requireChapter } from './chapter';
import { getOutcomeRules } from './outcome-rules';
import { giverOutcomes } from './outcomes';
import { memberTallies } from './tallies';

type Winner = Recognition['categories'][number]['winners'][number];

/** The top `n` by value (above zero), with everyone tied with the n-th. */
export function topWithTies(candidates: Winner[], n: number): Winner[] {
  const sorted = candidates.filter((c) => c.value > 0).sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  if (sorted.length <= n) return sorted;
  const cutoff = sorted[n - 1]!.value;
  return sorted.filter((c) => c.value >= cutoff);
}

export function recognition(db: Db, p: Period): Recognition {
  const chapter = requireChapter(db);
  const rules = getOutcomeRules(db);
  const tallies = memberTallies(db, p).filter((m) => m.status === 'active' || m.status === 'on_leave');
  const current = new Set(tallies.map((m) => m.memberId));
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

  const attendedMarks = rules.lateCountsAsPresent ? sql`('P', 'S', 'L')` : sql`('P', 'S')`;
  const perfect = repeatedAll<{ memberId: string; name: string; eligible: number; attended: number }>(db, sql`
    -- Materialized: joined inline, the planner bounds the meetings by each member's joined day instead of
    -- the period's first day and reads every meeting since the oldest member joined.
    WITH pm AS MATERIALIZED (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to})
    SELECT m.id AS memberId, m.first_name || ' ' || m.last_name AS name, count(*) AS eligible,
      coalesce(sum(a.mark IN ${attendedMarks}), 0) AS attended
    FROM members m JOIN pm ON pm.meeting_on >= m.joined_on AND (m.left_on IS NULL OR pm.meeting_on <= m.left_on)
    LEFT JOIN attendance a ON a.meeting_id = pm.id AND a.member_id = m.id
    WHERE m.status = 'active'
    GROUP BY m.id HAVING attended = eligible
    ORDER BY m.last_name COLLATE NOCASE, m.first_name COLLATE NOCASE`);
  const meetings = repeatedGet<{ n: number }>(db, sql`SELECT count(*) AS n FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${p.from} AND ${p.to}`)!.n;

  const top = rules.recognitionTop;
  const outcomeRows = giverOutcomes(db, p).filter((m) => current.has(m.memberId));
  const result: Recognition = {
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
        rule: `Most closed business credited to the member on others’ TYFCB slips; disputed amounts do not count until resolved. The top ${top}, ties included.`,
        winners: topWithTies(
          outcomeRows.map((m) => ({ memberId: m.memberId, name: m.name, value: m.linkedMinor + m.unlinkedMinor, label: money(m.linkedMinor + m.unlinkedMinor) })),
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
        rule: `Most one-to-ones recorded (each counts for both members); the top ${top}, ties included.`,
        winners: topWithTies(tallies.map((m) => ({ memberId: m.memberId, name: m.name, value: m.oneToOnes, label: count(m.oneToOnes, 'one-to-one', 'one-to-ones') })), top),
      },
      {
        id: 'visitors',
        title: 'Visitors brought',
        rule: `Most visitors invited; the top ${top}, ties included.`,
        winners: topWithTies(tallies.map((m) => ({ memberId: m.memberId, name: m.name, value: m.visitors, label: count(m.visitors, 'visitor', 'visitors') })), top),
      },
      {
        id: 'conversion',
        title: 'Best conversion',
        rule: `Referrals given that were won ÷ those decided (won or lost), among members with at least ${rules.conversionMinDecided} decided; the top ${top}, ties included.`,
        winners: topWithTies(
          outcomeRows
            // Conversion as on the Outcomes screen: won ÷ decided (won + lost).
            .filter((m) => m.won + m.lost >= rules.conversionMinDecided && m.won + m.lost > 0)
            .map((m) => ({ memberId: m.memberId, name: m.name, value: m.won / (m.won + m.lost), label: `${Math.round((m.won / (m.won + m.lost)) * 100)}% (${m.won} of ${m.won + m.lost})` })),
          top,
        ),
      },
    ],
  };
  // A card titled "the top 3" that names six people reads like a mistake unless it says why: a tie at the cut-off.
  for (const c of result.categories) {
    if (c.id !== 'perfect_attendance' && c.winners.length > top) c.rule += ` ${c.winners.length} named: a tie at the cut-off.`;
  }
  return result;
}
