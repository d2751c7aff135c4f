// The member scorecard: the chapter profile's period (by default the last six completed months),
// each member's tallies scored exactly by ./scorecard-rules, the cheapest way to the next colour and
// what the oldest month rolling off will do. The figures come from the tallies service; only the
// ~60 member rows are scored here.
import dayjs from 'dayjs';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { chapter as chapterTable } from '../db/schema';
import type { MemberScore, Period } from '../shared/contract';
import { lastCompletedMonth, scoreEndMonth } from '../shared/score-end-month';
import { LedgerError } from '../shared/errors';
import { formatMoney, minorDigits } from '../shared/money';
import { defaultScorecardProfile, describeMeasure, describePeriodRule, sourceNouns, upgradeStoredProfile, type ScoreCategory, type ScorecardProfile } from '../shared/scorecard-profile';
import { recordAudit } from './audit';
import { chapterToday, requireChapter } from './chapter';
import { bandFor, categoryMax, cheapestPath, parseExact, printFraction, scoreMember, stepText, type Fraction, type MemberResult, type ScoringTally } from './scorecard-rules';
import { membersOnDay } from './state-on-day';

export { lastCompletedMonth, scoreEndMonth };
import { memberTallies } from './tallies';

export function getScorecardProfile(db: Db): ScorecardProfile {
  const row = db.select({ profile: chapterTable.scorecardProfile }).from(chapterTable).get();
  if (!row?.profile) return defaultScorecardProfile;
  let stored: unknown;
  try {
    stored = JSON.parse(row.profile);
  } catch {
    return defaultScorecardProfile;
  }
  return upgradeStoredProfile(stored) ?? defaultScorecardProfile;
}

export function saveScorecardProfile(db: Db, profile: ScorecardProfile | null): ScorecardProfile {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const before = getScorecardProfile(tx);
    tx.update(chapterTable)
      .set({ scorecardProfile: profile ? JSON.stringify(profile) : null })
      .where(eq(chapterTable.id, chapter.id))
      .run();
    const after = getScorecardProfile(tx);
    recordAudit(tx, { action: 'update', entity: 'scorecard_profile', entityId: chapter.id, before, after });
    return after;
  });
}

const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** The period the profile scores when the period ends with `endMonth` (YYYY-MM). */
export function scoringPeriod(profile: ScorecardProfile, endMonth: string): Period {
  const end = dayjs(`${endMonth}-01`).endOf('month');
  switch (profile.period.kind) {
    case 'completed_months':
      return { from: fmt(end.subtract(profile.period.months - 1, 'month').startOf('month')), to: fmt(end) };
    case 'rolling_weeks':
      return { from: fmt(end.subtract(7 * profile.period.weeks - 1, 'day')), to: fmt(end) };
    case 'dates':
      return { from: profile.period.from, to: profile.period.to };
  }
}

const monthName = (day: string) => dayjs(day).format('MMMM YYYY');
const longDay = (day: string) => dayjs(day).format('D MMMM YYYY');

/** "May 2026 to October 2026: the last 6 completed calendar months, ending with October 2026." */
export function scorePeriodWords(profile: ScorecardProfile, period: Period, endMonth: string, chosenDates: boolean): string {
  if (chosenDates || profile.period.kind === 'dates') return `${longDay(period.from)} to ${longDay(period.to)}: the dates chosen.`;
  const span = `${monthName(period.from)} to ${monthName(period.to)}`;
  if (profile.period.kind === 'completed_months') return `${span}: ${describePeriodRule(profile.period)}, ending with ${monthName(`${endMonth}-01`)}.`;
  return `${longDay(period.from)} to ${longDay(period.to)}: the ${profile.period.weeks} weeks up to the end of ${monthName(`${endMonth}-01`)}.`;
}

export interface ScorecardOptions {
  /** Score the members on this day (joined by it, not yet left) instead of today's roster… */
  membersOn?: string;
  /** …with their status as recorded at this instant (a closed quarter's end). */
  recordedAt?: string | null;
  /**
   * Score this one member only (a member statement): their row is the screen's row, figure for figure,
   * but the bands' counts and the notice then describe that one member. Use memberScore.
   */
  onlyMemberId?: string;
}

export function scorecard(db: Db, input: { from?: string | undefined; to?: string | undefined; endMonth?: string | undefined }, today = chapterToday(db), options: ScorecardOptions = {}) {
  const chapter = requireChapter(db);
  const profile = getScorecardProfile(db);
  const endMonth = input.endMonth ?? (input.to ? input.to.slice(0, 7) : scoreEndMonth(null, today));
  const period: Period = input.from && input.to ? { from: input.from, to: input.to } : scoringPeriod(profile, endMonth);
  if (period.from > period.to) throw new LedgerError('invalid_input', 'From must be on or before To.', 'to');
  const digits = minorDigits(chapter.currency);
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);

  const sponsoredIn = (p: Period) =>
    new Map(
      db
        .all<{ sponsorId: string; n: number }>(sql`SELECT sponsor_id AS sponsorId, count(*) AS n FROM members
          WHERE sponsor_id IS NOT NULL AND status <> 'applicant' AND joined_on BETWEEN ${p.from} AND ${p.to} GROUP BY sponsor_id`)
        .map((r) => [r.sponsorId, r.n]),
    );
  const scoringTallies = (p: Period) => {
    const sponsored = sponsoredIn(p);
    return new Map(memberTallies(db, p).map((m) => [m.memberId, { ...m, sponsored: sponsored.get(m.memberId) ?? 0 }]));
  };
  const inPeriod = scoringTallies(period);
  // The members scored are the members on the period's last day (today while it runs), as the region's
  // Traffic Lights for that month list them: a member who left since is still scored for the months she
  // was there, and one who joined since is not on a scorecard of months before her (the quarterly audit
  // passes the quarter's end, with statuses as recorded then).
  const membersOn = options.membersOn ?? (period.to < today ? period.to : today);
  const onDay = new Map(membersOnDay(db, membersOn, options.recordedAt ?? null).map((m) => [m.id, m.status]));
  const tallies = [...inPeriod.values()].filter((m) => onDay.has(m.memberId)).map((m) => ({ ...m, status: onDay.get(m.memberId)! as typeof m.status }));
  const scored = options.onlyMemberId ? tallies.filter((m) => m.memberId === options.onlyMemberId) : tallies;

  // The oldest month rolls off: the months that stay, scored as they stand. Fixed dates never roll.
  // Every tally is a sum, so the months that stay are the period minus its oldest month: one query
  // over one month instead of another over five.
  // Only while that day is still ahead: a scorecard of earlier months ("Last quarter") has no "if nothing
  // more is recorded" — the months after it are already on record, and the day named would be past.
  const rolling = profile.period.kind !== 'dates' && !(input.from && input.to);
  const staysFrom = fmt(dayjs(period.from).add(1, 'month'));
  const rollsOffOn = fmt(dayjs(period.to).add(1, 'month').endOf('month').add(1, 'day'));
  let remainingTallies: Map<string, ScoringTally> | null = null;
  if (rolling && staysFrom <= period.to && rollsOffOn > today) {
    const oldest = scoringTallies({ from: period.from, to: fmt(dayjs(staysFrom).subtract(1, 'day')) });
    remainingTallies = new Map([...inPeriod].map(([id, t]) => [id, minus(t, oldest.get(id))]));
  }
  // The roll-off sentence's month and day, worded once for every member.
  const rollOffWords = { month: monthName(period.from), on: longDay(rollsOffOn) };

  const maxPoints = profile.categories.reduce((sum, c) => sum + categoryMax(c), 0);
  // Each threshold's words ("≥ 1/4 (0.25) per week", "$5,000.00") are the same on every member's row: worded once.
  const thresholdWords = new Map<ScoreCategory, Map<string, string>>();
  const members: MemberScore[] = scored.map((tally) => {
    const result = scoreMember(profile, tally, digits);
    const categories = profile.categories.map((category, i) => describeCategory(category, result.categories[i]!, tally, result.weeks, profile, money, digits, thresholdWords));
    const band = result.scored ? bandFor(profile, result.points) : null;
    const above = band ? profile.bands[profile.bands.indexOf(band) - 1] : undefined;
    let nextColour: MemberScore['nextColour'] = null;
    if (band && above) {
      const steps = cheapestPath(profile, tally, result, above.from);
      const needed = above.from - result.points;
      nextColour = {
        band: above.colour,
        bandLabel: above.label,
        target: above.from,
        text: steps
          ? `${needed} more point${needed === 1 ? '' : 's'} for ${above.label.toLowerCase()} (from ${above.from}): ${joinAnd(steps.map(stepText))} in the period would do it.`
          : `${needed} more point${needed === 1 ? '' : 's'} for ${above.label.toLowerCase()} (from ${above.from}): more referrals, one-to-ones, visitors or CEUs alone cannot reach it in this period; attendance and absences change only as weeks roll off.`,
      };
    }
    const later = remainingTallies?.get(tally.memberId);
    const rollOff = later && band ? rollOffText(profile, result, scoreMember(profile, later, digits), rollOffWords) : null;
    return {
      memberId: tally.memberId,
      name: tally.name,
      status: tally.status,
      meetings: result.weeks,
      points: result.points,
      maxPoints,
      band: result.band,
      bandLabel: band?.label ?? 'Not scored',
      scored: result.scored,
      explanation: explain(profile, result, band, above),
      categories,
      nextColour,
      rollOff,
      alert: seatAlert(profile, tally),
    };
  });

  const notScored = members.filter((m) => !m.scored).length;
  const notice = noticeFor(db, period, members.length, notScored, profile);
  return {
    profileName: profile.name,
    period,
    periodRule: input.from && input.to ? 'the dates chosen' : describePeriodRule(profile.period),
    periodWords: scorePeriodWords(profile, period, endMonth, Boolean(input.from && input.to)),
    endMonth,
    bands: profile.bands.map((b) => ({ colour: b.colour, label: b.label, from: b.from, count: members.filter((m) => m.scored && m.band === b.colour).length })),
    notScored,
    categories: profile.categories.map((c) => ({ id: c.key, label: c.label, measure: describeMeasure(c, profile.weeksExclude), maxPoints: categoryMax(c) })),
    notice,
    members,
  };
}

/**
 * One member's score, exactly as the Scorecard screen's row for them (same profile, period, tallies and
 * rules), without scoring the whole chapter: what a member statement prints. Null when the member is not
 * scored in that period (not an active member then).
 */
export function memberScore(db: Db, memberId: string, input: { endMonth: string }, today = chapterToday(db), options: Omit<ScorecardOptions, 'onlyMemberId'> = {}) {
  const card = scorecard(db, input, today, { ...options, onlyMemberId: memberId });
  return { profileName: card.profileName, period: card.period, periodWords: card.periodWords, score: card.members[0] ?? null };
}

const tallyFields = ['p', 'a', 'l', 'm', 's', 'rgi', 'rgo', 'rri', 'rro', 'oneToOnes', 'ceus', 'visitors', 'sponsored', 'tyfcbGeneratedMinor', 'tyfcbReceivedMinor'] as const satisfies ReadonlyArray<keyof ScoringTally>;

function minus(whole: ScoringTally, part: ScoringTally | undefined): ScoringTally {
  const rest = { ...whole };
  if (part) for (const field of tallyFields) rest[field] = whole[field] - part[field];
  return rest;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function toFloat(f: Fraction | null): number {
  return f === null ? 0 : Number(f.num) / Number(f.den);
}

function describeCategory(
  category: ScoreCategory,
  scored: MemberResult['categories'][number],
  tally: ScoringTally,
  weeks: number,
  profile: ScorecardProfile,
  money: (minor: number) => string,
  digits: number,
  worded: Map<ScoreCategory, Map<string, string>> = new Map(),
): MemberScore['categories'][number] {
  const { value, points, met } = scored;
  const m = category.measure;
  const max = categoryMax(category);
  const minor = m.kind === 'money' ? (m.direction === 'generated' ? tally.tyfcbGeneratedMinor : tally.tyfcbReceivedMinor) : 0;
  const display = value === null ? '—' : m.kind === 'money' ? money(minor) : `${printFraction(value, category.decimals)}${m.kind === 'attendance_rate' ? '%' : ''}`;
  const thresholdText = (at: string) => {
    let mine = worded.get(category);
    if (!mine) worded.set(category, (mine = new Map()));
    const known = mine.get(at);
    if (known !== undefined) return known;
    const text = wordThreshold(at);
    mine.set(at, text);
    return text;
  };
  const wordThreshold = (at: string) => {
    const f = parseExact(at);
    if (m.kind === 'money') return money(Number((f.num * 10n ** BigInt(digits)) / f.den));
    const unit = m.kind === 'attendance_rate' ? '%' : m.kind === 'per_week' ? ' per week' : '';
    return `${at.includes('/') ? `${at} (${printFraction(f, Math.max(category.decimals, 2))})` : at}${unit}`;
  };
  const sign = category.direction === 'at_least' ? '≥' : '≤';
  const rule = max === 0 ? 'shown, not scored by this profile' : value === null ? 'no counted weeks to measure' : met ? `${sign} ${thresholdText(met.at)} → ${points} points` : 'below every threshold → 0 points';
  const better = category.thresholds.filter((x) => x.points > points).sort((a, b) => a.points - b.points)[0];
  return {
    id: category.key,
    label: category.label,
    value: toFloat(value),
    display,
    working: working(category, tally, weeks, profile),
    points,
    maxPoints: max,
    rule,
    next: better && value !== null ? `${sign} ${thresholdText(better.at)} for ${better.points} points` : null,
  };
}

function working(category: ScoreCategory, tally: ScoringTally, weeks: number, profile: ScorecardProfile): string {
  const m = category.measure;
  const weeksText = `${weeks} week${weeks === 1 ? '' : 's'}${profile.weeksExclude.length ? ` (marked minus ${profile.weeksExclude.join(', ')})` : ''}`;
  switch (m.kind) {
    case 'attendance_rate': {
      const parts = (['P', 'A', 'L', 'M', 'S'] as const)
        .filter((l) => m.weights[l] !== '0')
        .map((l) => {
          const n = { P: tally.p, A: tally.a, L: tally.l, M: tally.m, S: tally.s }[l];
          return m.weights[l] === '1' ? `${l} ${n}` : `${l} ${n} × ${m.weights[l]}`;
        });
      return `(${parts.join(' + ')}) of ${weeksText}`;
    }
    case 'equivalent_absences': {
      const parts = [`A ${tally.a}`];
      if (m.latesPerAbsence > 0) parts.push(`L ${tally.l} ÷ ${m.latesPerAbsence} rounded down`);
      if (m.substitutesAllowed !== null) parts.push(`S ${tally.s} beyond ${m.substitutesAllowed}`);
      return parts.join(' + ');
    }
    case 'count':
      return `${countOfText(category, tally)} in the period`;
    case 'per_week':
      // The ratio's basis in words: "10 referrals given in 13 weeks", never a bare "0.77".
      return `${countOfText(category, tally)} in ${weeksText}`;
    case 'money':
      return m.direction === 'generated' ? 'TYFCB generated for others' : 'TYFCB received';
  }
}

function countOfText(category: ScoreCategory, tally: ScoringTally): string {
  const m = category.measure;
  if (m.kind !== 'per_week' && m.kind !== 'count') return '';
  const n = { referrals_given: tally.rgi + tally.rgo, referrals_given_inside: tally.rgi, referrals_given_outside: tally.rgo, referrals_received: tally.rri + tally.rro, one_to_ones: tally.oneToOnes, ceus: tally.ceus, visitors: tally.visitors, sponsored: tally.sponsored, absences: tally.a, lates: tally.l, substitutes: tally.s, medical: tally.m }[m.source];
  return `${n} ${n === 1 ? sourceNouns[m.source].one : sourceNouns[m.source].many}`;
}

/** Fewer counted weeks than this (about a month of meetings) and the explanation says the score is thin. */
const fewWeeks = 4;

function explain(profile: ScorecardProfile, result: MemberResult, band: ScorecardProfile['bands'][number] | null, above: ScorecardProfile['bands'][number] | undefined): string {
  if (!band) {
    return result.weeks === 0
      ? `Not scored: no counted weeks in the period${profile.weeksExclude.length ? ` (${profile.weeksExclude.join(', ')} weeks do not count)` : ''}.`
      : `Not enough history yet: ${result.weeks} counted week${result.weeks === 1 ? '' : 's'} of the ${profile.minimumWeeks} a score needs.`;
  }
  // The basis is always said: a colour earned on one or two weeks is not the same as one earned on twenty.
  const basis = `${result.points} points on ${result.weeks < fewWeeks ? 'only ' : ''}${result.weeks} counted week${result.weeks === 1 ? '' : 's'}`;
  const few = result.weeks < fewWeeks ? ` Few weeks: every meeting moves this score a lot (this profile scores from ${profile.minimumWeeks} week${profile.minimumWeeks === 1 ? '' : 's'}).` : '';
  if (!above) return `${basis}: ${band.label.toLowerCase()} (from ${band.from}).${few}`;
  return `${basis}: ${band.label.toLowerCase()}; ${above.from - result.points} more for ${above.label.toLowerCase()} (from ${above.from}).${few}`;
}

function rollOffText(profile: ScorecardProfile, now: MemberResult, later: MemberResult, words: { month: string; on: string }): string {
  const { month, on } = words;
  if (!later.scored) return `When ${month} rolls off on ${on}, the months that stay hold too few weeks to score unless new weeks are marked.`;
  const rank = (colour: string) => profile.bands.findIndex((b) => b.colour === colour);
  const laterBand = bandFor(profile, later.points);
  const diff = rank(laterBand.colour) - rank(now.band);
  if (diff > 0) return `If nothing more is recorded, you drop to ${laterBand.label.toLowerCase()} on ${on}, when ${month} rolls off (the months that stay score ${later.points}).`;
  if (diff < 0) return `When ${month} rolls off on ${on}, the months that stay score ${later.points}: ${laterBand.label.toLowerCase()}.`;
  return `When ${month} rolls off on ${on}, the months that stay still score ${laterBand.label.toLowerCase()} (${later.points} points).`;
}

function seatAlert(profile: ScorecardProfile, tally: ScoringTally): MemberScore['alert'] {
  const alert = profile.seatAlert;
  if (!alert) return null;
  const absences = tally.a + (alert.latesPerAbsence > 0 ? Math.floor(tally.l / alert.latesPerAbsence) : 0);
  const reasons: Array<{ level: 'opens' | 'about_to_open'; text: string }> = [];
  if (alert.absencesAt !== null) {
    if (absences >= alert.absencesAt) reasons.push({ level: 'opens', text: `The seat opens: ${absences} equivalent absences (from ${alert.absencesAt}).` });
    else if (absences === alert.absencesAt - 1) reasons.push({ level: 'about_to_open', text: `The seat is about to open: ${absences} equivalent absences; ${alert.absencesAt} opens it.` });
  }
  if (alert.substitutesAt !== null) {
    if (tally.s >= alert.substitutesAt) reasons.push({ level: 'opens', text: `The seat opens: ${tally.s} substitutes (from ${alert.substitutesAt}).` });
    else if (tally.s === alert.substitutesAt - 1) reasons.push({ level: 'about_to_open', text: `The seat is about to open: ${tally.s} substitutes; ${alert.substitutesAt} opens it.` });
  }
  if (reasons.length === 0) return null;
  const level = reasons.some((r) => r.level === 'opens') ? 'opens' : 'about_to_open';
  return { level, text: reasons.map((r) => r.text).join(' ') };
}

function noticeFor(db: Db, period: Period, members: number, notScored: number, profile: ScorecardProfile): string | null {
  if (members > 0 && notScored < members) return null;
  const meetings = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM meetings WHERE status = 'completed' AND meeting_on BETWEEN ${period.from} AND ${period.to}`)!.n;
  const roster = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM members WHERE status IN ('active', 'on_leave')`)!.n;
  if (roster === 0) return 'Nobody to score yet: add the chapter\u2019s members on the Members screen.';
  if (meetings === 0) return `No closed meeting between ${period.from} and ${period.to}: close a meeting on the Meeting screen, or choose another month.`;
  if (members === 0) return `No active member was on the roster between ${period.from} and ${period.to}.`;
  return `Nobody has the ${profile.minimumWeeks} counted week${profile.minimumWeeks === 1 ? '' : 's'} a score needs in this period yet.`;
}

