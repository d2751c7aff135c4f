// The membership committee's renewal review pack: one member's last 12 calendar months, month by
// month (PALMS with the letters in meeting order, referrals, TYFCB, one-to-ones, visitors brought,
// CEUs, the scorecard colour as it stood at each month's end), the attendance letters, the open
// referrals, earlier renewal decisions, and the decision fields the committee fills in. The figures
// are the tallies' own (the same rules as the member statement and the scorecard: closed meetings,
// live slips); one grouped query reads the member's months.
import dayjs from 'dayjs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import type { AbsenceLetter, Decision, MemberScore, Period } from '../shared/contract';
import { addMonths } from '../shared/dates';
import { chapterTimeZone, dayIn } from '../shared/time-zone';
import { renewalPackReport } from '../reports/renewal-pack';
import { renderPdf } from '../reports/render';
import { readLetters } from './absence-letters';
import { readDecisions } from './applications';
import { requireChapter } from './chapter';
import { getLeadershipPolicies } from './leadership-policies';
import { requireMember } from './members';
import { openReferralsListed, type OpenReferralsListed } from './referrals';
import { scorecard } from './scorecard';
import { fileNameWords } from '../shared/file-name-words';

export interface RenewalPackMonth {
  /** YYYY-MM */
  month: string;
  meetings: number;
  p: number;
  a: number;
  l: number;
  m: number;
  s: number;
  /** The PALMS letters of the month's closed meetings, in meeting order ("PPLA"). */
  marks: string;
  referralsGiven: number;
  referralsReceived: number;
  tyfcbGeneratedMinor: number;
  tyfcbReceivedMinor: number;
  oneToOnes: number;
  visitors: number;
  ceus: number;
  /** The scorecard as it stood with this month as the period's last; null when not scored. */
  score: { band: MemberScore['band']; bandLabel: string; points: number; maxPoints: number; scored: boolean } | null;
  /** The month is still running on the day the pack is produced. */
  partial: boolean;
}

export interface RenewalPackData extends OpenReferralsListed {
  chapterName: string;
  currency: string;
  locale: string;
  timeZone: string;
  member: { id: string; name: string; company: string; classificationName: string; status: string; joinedOn: string; renewalDue: string | null; sponsorName: string | null };
  period: Period;
  producedOn: string;
  termMonths: number;
  /** The due date a renewal would set (the term counted from the old due date, as decideRenewal does). */
  renewedDue: string | null;
  months: RenewalPackMonth[];
  totals: Omit<RenewalPackMonth, 'month' | 'marks' | 'score' | 'partial'>;
  scoreProfileName: string;
  letters: AbsenceLetter[];
  decisions: Decision[];
}

const monthsEnding = (lastMonth: string, count: number) => Array.from({ length: count }, (_, i) => dayjs(`${lastMonth}-01`).subtract(count - 1 - i, 'month').format('YYYY-MM'));

/**
 * The pack for the renewal due on the member's due date: the 12 calendar months up to the due date,
 * or up to today (in the chapter's zone) when the due date is still ahead.
 */
export function renewalPackData(db: Db, memberId: string, producedAt: Date): RenewalPackData {
  const chapter = requireChapter(db);
  const timeZone = chapterTimeZone(chapter.timeZone);
  const today = dayIn(producedAt, timeZone);
  const member = requireMember(db, memberId, 'memberId');
  const to = member.renewalDue && member.renewalDue < today ? member.renewalDue : today;
  const monthKeys = monthsEnding(to.slice(0, 7), 12);
  const period: Period = { from: `${monthKeys[0]}-01`, to };

  const rows = db.all<Omit<RenewalPackMonth, 'marks' | 'score' | 'partial'>>(sql`
    WITH pm AS (SELECT id, meeting_on FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${period.from} AND ${period.to}),
    ev AS (
      SELECT substr(pm.meeting_on, 1, 7) AS month, 1 AS meetings, a.mark = 'P' AS p, a.mark = 'A' AS a, a.mark = 'L' AS l, a.mark = 'M' AS m, a.mark = 'S' AS s,
             0 AS rg, 0 AS rr, 0 AS tg, 0 AS tr, 0 AS oto, 0 AS vis, 0 AS ceu
        FROM attendance a JOIN pm ON pm.id = a.meeting_id WHERE a.member_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
        FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND r.giver_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
        FROM referrals r JOIN pm ON pm.id = r.meeting_id WHERE r.deleted_at IS NULL AND r.receiver_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 0, t.amount_minor, 0, 0, 0, 0
        FROM tyfcb_slips t JOIN pm ON pm.id = t.meeting_id WHERE t.deleted_at IS NULL AND t.referrer_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 0, 0, t.amount_minor, 0, 0, 0
        FROM tyfcb_slips t JOIN pm ON pm.id = t.meeting_id WHERE t.deleted_at IS NULL AND t.closer_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
        FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id WHERE o.deleted_at IS NULL AND o.member_a_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
        FROM one_to_ones o JOIN pm ON pm.id = o.meeting_id WHERE o.deleted_at IS NULL AND o.member_b_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
        FROM visitors v JOIN pm ON pm.id = v.meeting_id WHERE v.deleted_at IS NULL AND v.invited_by_id = ${member.id}
      UNION ALL SELECT substr(pm.meeting_on, 1, 7), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, e.credits
        FROM ceus e JOIN pm ON pm.id = e.meeting_id WHERE e.deleted_at IS NULL AND e.member_id = ${member.id})
    SELECT month, sum(meetings) AS meetings, sum(p) AS p, sum(a) AS a, sum(l) AS l, sum(m) AS m, sum(s) AS s,
      sum(rg) AS referralsGiven, sum(rr) AS referralsReceived, sum(tg) AS tyfcbGeneratedMinor, sum(tr) AS tyfcbReceivedMinor,
      sum(oto) AS oneToOnes, sum(vis) AS visitors, sum(ceu) AS ceus
    FROM ev GROUP BY month`);
  const marks = db.all<{ month: string; marks: string }>(sql`
    SELECT month, group_concat(mark, '') AS marks FROM (
      SELECT substr(g.meeting_on, 1, 7) AS month, a.mark AS mark FROM attendance a JOIN meetings g ON g.id = a.meeting_id
      WHERE a.member_id = ${member.id} AND g.status = 'completed' AND g.meeting_on BETWEEN ${period.from} AND ${period.to}
      ORDER BY g.meeting_on)
    GROUP BY month`);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const marksByMonth = new Map(marks.map((r) => [r.month, r.marks]));

  // The scorecard colour month by month: the chapter's own scorecard with each month as the last of
  // its period, so every colour here is the colour the Scorecard screen showed for that month.
  let profileName = '';
  const scoreFor = (month: string): RenewalPackMonth['score'] => {
    const card = scorecard(db, { endMonth: month }, today);
    profileName = card.profileName;
    const mine = card.members.find((m) => m.memberId === member.id);
    return mine ? { band: mine.band, bandLabel: mine.bandLabel, points: mine.points, maxPoints: mine.maxPoints, scored: mine.scored } : null;
  };

  const empty = { meetings: 0, p: 0, a: 0, l: 0, m: 0, s: 0, referralsGiven: 0, referralsReceived: 0, tyfcbGeneratedMinor: 0, tyfcbReceivedMinor: 0, oneToOnes: 0, visitors: 0, ceus: 0 };
  const months: RenewalPackMonth[] = monthKeys.map((month) => ({
    ...empty,
    ...byMonth.get(month),
    month,
    marks: marksByMonth.get(month) ?? '',
    score: scoreFor(month),
    partial: month === today.slice(0, 7) && to === today && dayjs(today).endOf('month').format('YYYY-MM-DD') !== today,
  }));
  const totals = { ...empty };
  for (const month of months) for (const key of Object.keys(empty) as Array<keyof typeof empty>) totals[key] += month[key];

  const sponsorName = member.sponsorId ? (db.get<{ name: string }>(sql`SELECT display_name AS name FROM members WHERE id = ${member.sponsorId}`)?.name ?? null) : null;
  const termMonths = getLeadershipPolicies(db).renewalTermMonths;
  return {
    chapterName: chapter.name,
    currency: chapter.currency,
    locale: chapter.locale,
    timeZone,
    member: {
      id: member.id,
      name: member.fullName,
      company: member.company,
      classificationName: member.classificationName,
      status: member.status,
      joinedOn: member.joinedOn,
      renewalDue: member.renewalDue,
      sponsorName,
    },
    period,
    producedOn: today,
    termMonths,
    renewedDue: member.renewalDue ? addMonths(member.renewalDue, termMonths) : null,
    months,
    totals,
    scoreProfileName: profileName,
    // Letters drafted or sent from the start of the 12 months up to the day the pack is produced, newest
    // first: a final letter sent after an overdue renewal's due date is exactly what the committee must see.
    letters: readLetters(db, sql`l.member_id = ${member.id} AND (l.reached_on BETWEEN ${period.from} AND ${today} OR l.sent_on BETWEEN ${period.from} AND ${today})`),
    // As on the member's statement: every open one counted, the 12 months' (and later) listed, at least the 20 most recent.
    ...openReferralsListed(db, member.id, period, today),
    decisions: readDecisions(db, sql`d.member_id = ${member.id}`, 20),
  };
}

/** The pack as a PDF (data read first, rendered outside any transaction). */
export async function renewalPackPdf(db: Db, input: { memberId: string; producedAt?: string | undefined }, options: { fontsDir: string; producedAt?: Date }): Promise<{ fileName: string; pdfBase64: string }> {
  const producedAt = input.producedAt ? new Date(input.producedAt) : (options.producedAt ?? new Date());
  const data = renewalPackData(db, input.memberId, producedAt);
  const bytes = await renderPdf(renewalPackReport(data, producedAt), { fontsDir: options.fontsDir });
  const slug = fileNameWords;
  return { fileName: `${slug(data.chapterName)}-renewal-pack-${slug(data.member.name)}-${data.period.to}.pdf`, pdfBase64: bytes.toString('base64') };
}
