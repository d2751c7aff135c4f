// Report data and production. Every number comes from the services the screens use (tallies,
// meeting sheet, flags, seat map); the report modules only lay it out.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../db/open';
import { clientOf, ledgerState } from '../db/ledger-state';
import type { Member, MemberScore, MemberTally, MemberTrend, Period, ProduceReportInput } from '../shared/contract';
import { chapterTimeZone, dayIn } from '../shared/time-zone';
import { addDays, addMonths } from '../shared/dates';
import { quarterLabel, quarterOf } from '../shared/periods';
import { allStatementsReport, memberStatementReport, type MemberStatementData } from '../reports/member-statement';
import { inProgress, type ReportFrame } from '../reports/layout';
import { LedgerError } from '../shared/errors';
import { palmsSummaryReport } from '../reports/palms-summary';
import { quarterlyAuditReport, type QuarterlyAuditData } from '../reports/quarterly-audit';
import { renderPdf } from '../reports/render';
import { slipsAuditReport } from '../reports/slips-audit';
import { weeklyMeetingReport } from '../reports/weekly-meeting';
import { getChapter, requireChapter } from './chapter';
import { getMeetingSheet } from './meetings';
import { membersById, requireMember } from './members';
import { openReferralsCountedByMember, openReferralsListed, openReferralsListedByMember, type OpenReferralsListed } from './referrals';
import { memberScore, scorecard, scoreEndMonth } from './scorecard';
import { seatMap } from './seats';
import { listMeetingSlips } from './slips';
import { chapterTotals, memberTallies, memberTrend, memberTrends, oneWayPairsOf, referralMatrix } from './tallies';
import { lookUpNames, lookUpParties, wordEntry } from './audit-wording';
import { endOfDayInstant, membersOnDay, openSeatsOnDay, outcomesOnDay } from './state-on-day';
import { tyfcbRows } from './tyfcb-counted';
import { auditChainForReport } from './audit-chain-checks';
import { fileNameWords } from '../shared/file-name-words';

export interface ProduceOptions {
  fontsDir: string;
  /** Defaults to now; fixed in tests so the same data gives the same bytes. */
  producedAt?: Date;
}

export async function produceReport(db: Db, input: ProduceReportInput, options: ProduceOptions): Promise<{ fileName: string; pdfBase64: string }> {
  const producedAt = input.producedAt ? new Date(input.producedAt) : (options.producedAt ?? new Date());
  // Gather synchronously (one consistent read), then render outside any transaction.
  const { definition, fileName } = reportDefinition(db, input, producedAt);
  const bytes = await renderPdf(definition, { fontsDir: options.fontsDir });
  return { fileName, pdfBase64: bytes.toString('base64') };
}

export function reportDefinition(db: Db, input: ProduceReportInput, producedAt: Date): { definition: TDocumentDefinitions; fileName: string } {
  const chapter = requireChapter(db);
  const timeZone = chapterTimeZone(chapter.timeZone);
  const slug = fileNameWords(chapter.name);
  switch (input.report) {
    case 'weekly_meeting': {
      const sheet = getMeetingSheet(db, input.meetingId);
      const yearToDate = chapterTotals(db, { from: `${sheet.meeting.meetingOn.slice(0, 4)}-01-01`, to: sheet.meeting.meetingOn });
      return { definition: weeklyMeetingReport({ chapterName: chapter.name, sheet, yearToDate, timeZone }, producedAt), fileName: `${slug}-meeting-${sheet.meeting.meetingOn}.pdf` };
    }
    case 'slips_audit': {
      const period = { from: input.from, to: input.to };
      return { definition: slipsAuditReport({ chapterName: chapter.name, currency: chapter.currency, locale: chapter.locale, period, meetings: slipsByMeeting(db, toToday(period, dayIn(producedAt, timeZone))), timeZone }, producedAt), fileName: `${slug}-slips-audit-${period.from}-to-${period.to}.pdf` };
    }
    case 'palms_summary': {
      const period = { from: input.from, to: input.to };
      const figures = toToday(period, dayIn(producedAt, timeZone));
      const data = { chapterName: chapter.name, currency: chapter.currency, locale: chapter.locale, period, members: memberTallies(db, figures), totals: chapterTotals(db, figures), timeZone };
      return { definition: palmsSummaryReport(data, producedAt), fileName: `${slug}-PALMS-${period.from}-to-${period.to}.pdf` };
    }
    case 'member_statement': {
      const member = requireMember(db, input.memberId, 'memberId');
      const period = { from: input.from, to: input.to };
      const data = memberStatementData(db, member.id, period, producedAt, statementsSharedWhileUnchanged(db, period, producedAt));
      return { definition: memberStatementReport(data, producedAt), fileName: `${slug}-statement-${fileNameWords(member.fullName)}-${input.from}-to-${input.to}.pdf` };
    }
    case 'all_statements': {
      const period = { from: input.from, to: input.to };
      return { definition: allStatementsDefinition(db, period, producedAt), fileName: allStatementsFileName(db, period) };
    }
    case 'quarterly_audit': {
      const data = quarterlyAuditData(db, input.from, producedAt);
      return { definition: quarterlyAuditReport(data, producedAt), fileName: `${slug}-audit-${data.quarterLabel.replace(' ', '-')}.pdf` };
    }
  }
}

/**
 * The part of a period whose figures exist: up to today while it runs. A meeting dated later cannot be
 * closed, and one closed before that rule (or imported) stays out of "figures to today".
 */
export function toToday(period: Period, today: string): Period {
  return period.to > today ? { from: period.from, to: today } : period;
}

/** "2026 Q4" for a calendar quarter, else "2026-10-01 to 2026-11-15". */
function periodName(period: Period): string {
  const q = quarterOf(period.from);
  return q.from === period.from && q.to === period.to ? `${q.from.slice(0, 4)} Q${(Number(q.from.slice(5, 7)) + 2) / 3}` : `${period.from} to ${period.to}`;
}

/**
 * What every statement of a period shares, read once: the period's tallies, every member's months and
 * counterparties, open referrals counted and listed, referrals given, the members themselves (a query
 * each for everyone) and the scorecard. "All statements" of a year on a ten-year chapter read its data
 * in ~100 ms, against ~180 ms with a member's lists read member by member (its job waits for this read).
 */
export interface StatementShared {
  tallies: MemberTally[];
  /** Every member's months and counterparties over the period's figures (grouped queries, not one set per member). */
  trendOf: (memberId: string) => MemberTrend;
  /** Every member's open referrals counted (one grouped query) and listed (one ranking query, read at the first statement asking). */
  openListedOf: (memberId: string) => OpenReferralsListed;
  /** The members themselves and the referrals each gave in the period (a query each for everyone, read at the first statement asking). */
  memberOf: (memberId: string) => Member | undefined;
  givenOf: (memberId: string) => ReferralGiven[];
  /** The chapter, its time zone and today, and the period as counted (to today). */
  context: ReturnType<typeof statementContext>;
  /** The member's score and the scoring period, as the Scorecard screen shows them. */
  scoreOf: (memberId: string) => { profileName: string; period: Period; periodWords: string; score: MemberScore | null };
}

function statementContext(db: Db, period: Period, producedAt: Date) {
  const chapter = requireChapter(db);
  const timeZone = chapterTimeZone(chapter.timeZone);
  const today = dayIn(producedAt, timeZone);
  return { chapter, timeZone, today, figures: toToday(period, today), endMonth: scoreEndMonth(period.to, today) };
}

/** The period's tallies and the whole chapter's scorecard, once, for every member's statement. */
export function statementsShared(db: Db, period: Period, producedAt: Date): StatementShared {
  const context = statementContext(db, period, producedAt);
  const { today, figures, endMonth } = context;
  const card = scorecard(db, { endMonth }, today);
  const scores = new Map(card.members.map((m) => [m.memberId, m]));
  const counted = openReferralsCountedByMember(db, period);
  let listed: Map<string, OpenReferralsListed> | null = null;
  const noneOpen: OpenReferralsListed = { openReferrals: [], openReferralsTotal: 0, openReferralsNotListed: null };
  const openListedOf = (id: string) => (listed ??= openReferralsListedByMember(db, period, today, counted)).get(id) ?? noneOpen;
  const tallies = memberTallies(db, figures);
  let people: Map<string, Member> | null = null;
  const memberOf = (id: string) => (people ??= membersById(db, tallies.map((t) => t.memberId))).get(id);
  let given: Map<string, ReferralGiven[]> | null = null;
  const givenOf = (id: string) => {
    if (!given) {
      given = new Map();
      for (const { giverId, ...row } of referralsGiven(db, null, figures)) {
        const list = given.get(giverId);
        if (list) list.push(row);
        else given.set(giverId, [row]);
      }
    }
    return given.get(id) ?? [];
  };
  return { tallies, context, memberOf, givenOf, trendOf: memberTrends(db, figures, null).of, openListedOf, scoreOf: (id) => ({ profileName: card.profileName, period: card.period, periodWords: card.periodWords, score: scores.get(id) ?? null }) };
}

/**
 * Statements asked one by one (the secretary previewing or saving each member's statement in turn, a
 * request each): the second one for the same period computes the period's tallies and the chapter's
 * scorecard for everyone, and the next ones use them while the chapter file is unchanged (ledgerState:
 * any write through this file's connection or another's commit makes them be read again). The first
 * one reads only its own member's score, as a single statement always did. Per open file, one period kept.
 */
const keptShared = new WeakMap<object, { key: string; shared: StatementShared | null }>();
export function statementsSharedWhileUnchanged(db: Db, period: Period, producedAt: Date): StatementShared | undefined {
  const client = clientOf(db);
  const state = ledgerState(db);
  if (!client || state === null) return undefined;
  const { today } = statementContext(db, period, producedAt);
  const key = `${state}|${period.from}|${period.to}|${today}`;
  const kept = keptShared.get(client);
  if (kept?.key !== key) {
    keptShared.set(client, { key, shared: null });
    return undefined;
  }
  return (kept.shared ??= statementsShared(db, period, producedAt));
}

/**
 * Every member's statement data for a period, members by family name (everyone with a row in the
 * period's tallies): what is shared computed once, then each member's own lists.
 */
export function allStatementsData(db: Db, period: Period, producedAt: Date, action: 'print' | 'write'): Array<{ memberId: string; lastName: string; firstName: string; data: MemberStatementData }> {
  const shared = statementsShared(db, period, producedAt);
  const members = [...shared.tallies].sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));
  if (members.length === 0) throw new LedgerError('not_found', `Nobody was a member between ${period.from} and ${period.to}: there is no statement to ${action}. Choose another period.`, 'from');
  return members.map((m) => ({ memberId: m.memberId, lastName: m.lastName, firstName: m.firstName, data: memberStatementData(db, m.memberId, period, producedAt, shared) }));
}

/** Every member's statement in one document, each starting on a new page (one print job for the secretary). */
export function allStatementsDefinition(db: Db, period: Period, producedAt: Date, statements = allStatementsData(db, period, producedAt, 'print')): TDocumentDefinitions {
  return allStatementsReport(allStatementsFrame(db, period, producedAt), statements.map((s) => s.data));
}

/** The page frame of "All statements" for a period (what allStatementsReport needs besides the statements). */
export function allStatementsFrame(db: Db, period: Period, producedAt: Date): ReportFrame {
  const { chapter, timeZone, today } = statementContext(db, period, producedAt);
  return { chapterName: chapter.name, title: `Member statements · ${periodName(period)}`, producedAt, locale: chapter.locale, timeZone, inProgress: inProgress(period, today, 'period') };
}

/**
 * What "Save each member's PDF to a folder" writes: the statements' data (read now), the new folder inside
 * `parent` (made now), each statement's file name in order and the combined PDF's.
 */
export function statementsFolderPlan(db: Db, period: Period, parent: string, producedAt: Date) {
  const chapter = requireChapter(db);
  const label = periodName(period);
  const statements = allStatementsData(db, period, producedAt, 'write');
  const safe = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  // A folder of its own each time: written again into the last run's folder, a stopped run would leave last
  // time's files beside this one's (and the screen could not tell them apart), and a finished one would
  // replace them without a word. "… (2)" when the folder is there already with files in it.
  const wanted = path.join(parent, safe(`${chapter.name} statements ${label}`));
  let folder = wanted;
  for (let n = 2; existsSync(folder) && readdirSync(folder).length > 0; n++) folder = `${wanted} (${n})`;
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new LedgerError('conflict', `The folder ${parent} cannot be written to (${(error as Error).message}). No statement was written.`, 'folder');
  }
  // Two members with the same name get "(2)" rather than one overwriting the other.
  const seen = new Set<string>();
  const unique = (wanted: string) => {
    let name = wanted;
    for (let n = 2; seen.has(name); n++) name = wanted.replace(/\.pdf$/, ` (${n}).pdf`);
    seen.add(name);
    return name;
  };
  const names = statements.map((s) => unique(`${safe(`${s.lastName} ${s.firstName}`)} – statement – ${safe(label)}.pdf`));
  return { folder, statements, names, combinedName: unique(`All statements – ${safe(label)}.pdf`), frame: allStatementsFrame(db, period, producedAt) };
}

/** The file name "All statements" as one PDF is offered under. */
export function allStatementsFileName(db: Db, period: Period): string {
  const slug = fileNameWords(requireChapter(db).name);
  return `${slug}-statements-${periodName(period).replace(/\s+/g, '-')}.pdf`;
}

/**
 * One member's statement data: the same tallies, trend, open referrals and score the screens show.
 * Alone (one statement), only this member is scored; with `shared` (all statements), the period's
 * tallies and scorecard computed once for everyone are used.
 */
export function memberStatementData(db: Db, memberId: string, period: Period, producedAt: Date, shared?: StatementShared): MemberStatementData {
  const { chapter, timeZone, today, figures, endMonth } = shared?.context ?? statementContext(db, period, producedAt);
  const member = shared?.memberOf(memberId) ?? requireMember(db, memberId, 'memberId');
  const card = shared ? shared.scoreOf(member.id) : memberScore(db, member.id, { endMonth }, today);
  const tallies = shared?.tallies ?? memberTallies(db, figures);
  return {
    chapterName: chapter.name,
    currency: chapter.currency,
    locale: chapter.locale,
    timeZone,
    period,
    member: { name: member.fullName, company: member.company, classificationName: member.classificationName },
    tally: tallies.find((m) => m.memberId === member.id) ?? null,
    trend: shared ? shared.trendOf(member.id) : memberTrend(db, member.id, figures),
    ...(shared ? shared.openListedOf(member.id) : openReferralsListed(db, member.id, period, today)),
    score: card.score,
    scorePeriod: card.period,
    scorePeriodWords: card.periodWords,
    scoreProfileName: card.profileName,
    referralsGiven: (shared ? shared.givenOf(member.id) : referralsGiven(db, member.id, figures).map(({ giverId: _, ...given }) => given)).map((r) => ({ ...r, statusOn: r.statusSinceOn ?? (r.statusChangedAt ? dayIn(new Date(r.statusChangedAt), timeZone) : null) })),
  };
}

/** A statement (and a renewal pack) lists at least this many open referrals: see `openReferralsListed`. */
export { openReferralsListedAtLeast } from './referrals';

type ReferralGiven = { meetingOn: string; receiverName: string; prospectName: string; status: string; statusChangedAt: string | null; statusSinceOn: string | null; tyfcbMinor: number; tyfcbDisputedMinor: number };

/**
 * The referrals a member gave at the period's closed meetings, with their latest status and the TYFCB
 * linked to each, in the order given (ties in the order entered); `null`: every member's, by giver.
 */
function referralsGiven(db: Db, memberId: string | null, period: Period): Array<ReferralGiven & { giverId: string }> {
  return db.all<ReferralGiven & { giverId: string }>(sql`
    SELECT r.giver_id AS giverId, g.meeting_on AS meetingOn, m.display_name AS receiverName, r.prospect_name AS prospectName,
      r.status AS status, r.status_changed_at AS statusChangedAt,
      -- The day the referral came to its status: the first entry of the run of that status at the end of its history
      -- (later notes keep the status), as typed in the history ("WON 2026-11-17"), never the day it was keyed in.
      coalesce((SELECT min(h.changed_on) FROM referral_status_history h WHERE h.referral_id = r.id AND h.status = r.status
        AND NOT EXISTS (SELECT 1 FROM referral_status_history h2 WHERE h2.referral_id = r.id AND h2.status <> r.status
          AND (h2.changed_on, h2.created_at, h2.rowid) > (h.changed_on, h.created_at, h.rowid))),
        -- Never followed up: new since the meeting it was given at.
        CASE WHEN r.status = 'new' THEN g.meeting_on END) AS statusSinceOn,
      coalesce((SELECT sum(CASE WHEN disputed THEN 0 ELSE amount_minor END) FROM (${tyfcbRows(sql``, sql`t.referral_id = r.id`)})), 0) AS tyfcbMinor,
      coalesce((SELECT sum(CASE WHEN disputed THEN amount_minor ELSE 0 END) FROM (${tyfcbRows(sql``, sql`t.referral_id = r.id`)})), 0) AS tyfcbDisputedMinor
    FROM referrals r JOIN meetings g ON g.id = r.meeting_id JOIN members m ON m.id = r.receiver_id
    WHERE ${memberId === null ? sql`1` : sql`r.giver_id = ${memberId}`} AND r.deleted_at IS NULL AND g.status = 'completed' AND g.meeting_on BETWEEN ${period.from} AND ${period.to}
    ORDER BY ${memberId === null ? sql`r.giver_id, ` : sql``}g.meeting_on, r.created_at, r.rowid`);
}

/** Every live slip of the period's closed meetings, meeting by meeting, in the order entered. */
export function slipsByMeeting(db: Db, period: Period) {
  const meetings = db.all<{ id: string; meetingOn: string }>(sql`SELECT id, meeting_on AS meetingOn FROM meetings
    WHERE status = 'completed' AND meeting_on BETWEEN ${period.from} AND ${period.to} ORDER BY meeting_on`);
  return meetings.map((m) => ({ meetingOn: m.meetingOn, slips: listMeetingSlips(db, m.id).reverse() }));
}

export function quarterlyAuditData(db: Db, anyDayInQuarter: string, producedAt: Date): QuarterlyAuditData {
  const chapter = requireChapter(db);
  const period = quarterOf(anyDayInQuarter);
  const previousPeriod = quarterOf(addDays(period.from, -1));
  const next = quarterOf(addDays(period.to, 1));
  const timeZone = chapterTimeZone(chapter.timeZone);
  const today = dayIn(producedAt, timeZone);
  // A closed quarter is reported as it stood at its end (members, renewals, roles, seats, outcomes),
  // so printing it again later gives the same pages and fingerprint; a running one as it stands today.
  const closed = period.to < today;
  const asOfDay = closed ? period.to : today;
  const asOfInstant = closed ? endOfDayInstant(period.to, timeZone) : null;
  const onDay = membersOnDay(db, asOfDay, asOfInstant);
  // The figures: the whole quarter once it is over, else up to today (a meeting dated later is no figure yet).
  const figures = toToday(period, today);
  const windowStart = addMonths(period.to, -chapter.absenceWindowMonths);
  const absenceBreaches = db.all<{ name: string; absences: number }>(sql`
    SELECT m.display_name AS name, count(*) AS absences
    FROM attendance a JOIN meetings g ON g.id = a.meeting_id JOIN members m ON m.id = a.member_id
    WHERE a.mark = 'A' AND g.status = 'completed' AND g.meeting_on > ${windowStart} AND g.meeting_on <= ${figures.to}
    GROUP BY m.id HAVING count(*) > ${chapter.absenceLimit} ORDER BY absences DESC, m.sort_name`);
  // Due this quarter or next, and any renewal still open from before (overdue): earliest first. Once
  // the quarter is over, whatever fell due in it and was not renewed by its end is overdue.
  const overdueBefore = closed ? addDays(period.to, 1) : today;
  const renewalsDue = onDay
    .filter((m): m is typeof m & { renewalDue: string } => m.renewalDue !== null && m.renewalDue <= next.to)
    .sort((a, b) => (a.renewalDue === b.renewalDue ? a.sortName.localeCompare(b.sortName) : a.renewalDue < b.renewalDue ? -1 : 1))
    .map((m) => ({ name: m.name, renewalDue: m.renewalDue, when: m.renewalDue < overdueBefore ? ('overdue' as const) : m.renewalDue <= period.to ? ('this quarter' as const) : ('next quarter' as const) }));
  const roles = [['president', 'President'], ['vice_president', 'Vice President'], ['secretary_treasurer', 'Secretary/Treasurer']] as const;
  const signatories = roles.map(([role, label]) => ({ role: label, name: onDay.find((m) => m.leadershipRole === role)?.name ?? null }));
  // Outcomes: a closed quarter's as they stood at its end (the follow-up history), else the latest.
  const outcomes = outcomesOnDay(db, figures, closed ? asOfDay : null);
  // Disputed slips are in neither line: they are shown apart (the same definition as every total).
  const linked = db.get<{ linkedMinor: number | null; linkedSlips: number | null; unlinkedMinor: number | null; unlinkedSlips: number | null }>(sql`
    SELECT sum(CASE WHEN referral_id IS NOT NULL THEN amount_minor END) AS linkedMinor, sum(referral_id IS NOT NULL) AS linkedSlips,
      sum(CASE WHEN referral_id IS NULL THEN amount_minor END) AS unlinkedMinor, sum(referral_id IS NULL) AS unlinkedSlips
    FROM (${tyfcbRows(sql`JOIN meetings g ON g.id = t.meeting_id`, sql`g.status = 'completed' AND g.meeting_on BETWEEN ${period.from} AND ${period.to}`)})
    WHERE NOT disputed`);
  // Each slip of the quarter still under dispute, so the signatories see what is left out and why.
  const disputedSlips = db.all<QuarterlyAuditData['disputedSlips'][number]>(sql`
    SELECT g.meeting_on AS meetingOn, c.display_name AS closerName, f.display_name AS referrerName, ty.amount_minor AS amountMinor,
      w.display_name AS raisedByName, d.raised_on AS raisedOn, d.ground, d.why
    FROM (${tyfcbRows(sql`JOIN meetings g ON g.id = t.meeting_id`, sql`g.status = 'completed' AND g.meeting_on BETWEEN ${period.from} AND ${period.to}`)}) ty
    JOIN tyfcb_disputes d ON d.tyfcb_id = ty.id AND d.resolution IS NULL
    JOIN meetings g ON g.id = ty.meeting_id JOIN members c ON c.id = ty.closer_id JOIN members f ON f.id = ty.referrer_id JOIN members w ON w.id = d.raised_by_id
    WHERE ty.disputed ORDER BY g.meeting_on, d.raised_on`);
  const closingTheLoop = {
    ...outcomes,
    linkedTyfcbMinor: linked?.linkedMinor ?? 0,
    linkedSlips: linked?.linkedSlips ?? 0,
    unlinkedTyfcbMinor: linked?.unlinkedMinor ?? 0,
    unlinkedSlips: linked?.unlinkedSlips ?? 0,
  };
  const openSeats = closed
    ? openSeatsOnDay(db, period.to, asOfInstant!)
    : seatMap(db)
        .spheres.map((s) => ({ sphere: s.name, classifications: s.classifications.filter((c) => c.seat === 'open').map((c) => c.name) }))
        .filter((s) => s.classifications.length > 0);
  const amendments = amendmentsIn(db, period);
  // The same scorecard the screen and the statements show: the profile's period ending with the last
  // month completed by the quarter's end (or by today, while the quarter runs), members as on that day.
  const card = scorecard(db, { endMonth: scoreEndMonth(period.to, today) }, today, closed ? { membersOn: asOfDay, recordedAt: asOfInstant } : {});
  // Members' statuses as they were on the day the report is as of (a member who left later still counts).
  const statusThen = new Map(onDay.map((m) => [m.id, m.status]));
  // The quarter's member tallies and matrix, computed once for the members table, the matrix and the flags.
  const tallied = memberTallies(db, figures);
  const matrix = referralMatrix(db, figures, tallied);
  const members = tallied.map((m) => (closed ? { ...m, status: statusThen.get(m.memberId) ?? (m.status === 'active' || m.status === 'on_leave' ? ('former' as const) : m.status) } : m));
  // Only the one-way pairs are printed: the screen's other flags (every member's last referral ever,
  // long-open referrals) read the whole history and are not computed here.
  const oneWayMin = 3;
  const flags = { oneWayPairs: oneWayPairsOf(tallied, matrix, oneWayMin), thresholds: { oneWayMin, onlyTakeMin: 3, noReferralWeeks: chapter.noReferralWeeks, openReferralDays: chapter.openReferralDays } };
  const base = {
    chapterName: chapter.name,
    region: chapter.region,
    currency: chapter.currency,
    locale: chapter.locale,
    timeZone,
    quarterLabel: quarterLabel(period),
    period,
    asOf: { day: asOfDay, closed },
    previousPeriod,
    totals: chapterTotals(db, figures),
    previousTotals: chapterTotals(db, previousPeriod),
    members,
    matrix,
    // Only what the report prints: the lists that depend on today (long-open referrals…) are the screen's.
    flags: { oneWayPairs: flags.oneWayPairs, thresholds: flags.thresholds },
    absenceLimit: chapter.absenceLimit,
    absenceWindowMonths: chapter.absenceWindowMonths,
    absenceBreaches,
    renewalsDue,
    openSeats,
    amendments,
    scorecard: { profileName: card.profileName, period: card.period, periodWords: card.periodWords, bands: card.bands.map((b) => ({ label: b.label, count: b.count })), notScored: card.notScored },
    signatories,
    closingTheLoop,
    disputedSlips,
  };
  // The audit log's chain as it stands when the report is produced: outside the fingerprint, which is
  // about the quarter's figures, while the log grows with every later change. The entries the last
  // full check verified are taken from its checkpoint; those written since are verified now.
  const client = (db as unknown as { $client?: unknown }).$client;
  const check = client ? auditChainForReport(db) : null;
  return { ...base, fingerprint: fingerprint(base), ...(check ? { auditLog: { ok: check.ok, sentence: check.sentence } } : {}) };
}

/** A short, readable digest of the report's data: same data, same fingerprint. */
export function fingerprint(data: unknown): string {
  const hex = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

const slipEntities = ['referral', 'tyfcb', 'one_to_one', 'visitor', 'ceu', 'outside_party', 'attendance'];

/**
 * Changes to closed meetings in the period: each carries the reason the ledger demanded, and names
 * the meeting it changed. A change counts only when its meeting had been closed before it (a meeting
 * re-opened to fix it still counts); an automatic mark on a draft meeting, such as "excused by
 * default: on leave", is no amendment. A referral's follow-up status (a one-field change with no slip
 * snapshot) is not an amendment either.
 */
export function amendmentsIn(db: Db, period: Period) {
  const table = (entity: string) => ({ referral: 'referrals', tyfcb: 'tyfcb_slips', one_to_one: 'one_to_ones', visitor: 'visitors', ceu: 'ceus', outside_party: 'outside_party_slips', attendance: 'attendance' })[entity]!;
  const lookup = sql.join(
    slipEntities.map((e) => sql`WHEN ${e} THEN (SELECT x.meeting_id FROM ${sql.identifier(table(e))} x WHERE x.id = a.entity_id)`),
    sql` `,
  );
  const rows = db.all<{ at: string; entity: string; entityId: string; action: string; reason: string; before: string | null; after: string | null; meetingOn: string | null }>(sql`
    WITH e AS (
      SELECT a.rowid AS rid, a.at, a.entity, a.entity_id AS entityId, a.action, a.reason, a.before, a.after,
        CASE WHEN a.entity = 'meeting' THEN a.entity_id
             ELSE coalesce(json_extract(coalesce(a.after, a.before), '$.meetingId'), json_extract(coalesce(a.after, a.before), '$.meeting_id'), CASE a.entity ${lookup} END) END AS mid
      FROM audit_log a
      WHERE a.at >= ${period.from} AND a.at < ${addDays(period.to, 1)} AND a.reason <> ''
        AND ((a.entity IN (${sql.join(slipEntities.map((e) => sql`${e}`), sql`, `)}) AND NOT (a.entity = 'referral' AND a.action = 'update' AND json_extract(coalesce(a.before, a.after), '$.giverId') IS NULL))
             OR (a.entity = 'meeting' AND a.action = 'reopen')))
    SELECT e.at, e.entity, e.entityId, e.action, e.reason, e.before, e.after, coalesce(g.meeting_on, json_extract(coalesce(e.after, e.before), '$.meetingOn')) AS meetingOn
    FROM e LEFT JOIN meetings g ON g.id = e.mid
    WHERE e.entity = 'meeting'
       OR EXISTS (SELECT 1 FROM audit_log c WHERE c.entity = 'meeting' AND c.entity_id = e.mid AND c.action IN ('close', 'reopen') AND c.rowid < e.rid)
       -- Meetings closed without a "close" entry (the demo's, an import's history) count from their closing time.
       OR (NOT EXISTS (SELECT 1 FROM audit_log c WHERE c.entity = 'meeting' AND c.entity_id = e.mid AND c.action = 'close')
           AND g.closed_at IS NOT NULL AND g.closed_at <= e.at)
    ORDER BY e.at, e.rid`);
  // The same words as the Audit log screen ("amount $7,580.00 → $5,780.00"), never the stored field names.
  const chapter = getChapter(db);
  const ctx = { currency: chapter?.currency ?? 'USD', locale: chapter?.locale ?? 'en-US', names: lookUpNames(db, rows), parties: lookUpParties(db, rows) };
  return rows.map((r) => ({ at: r.at, entity: r.entity, action: r.action, reason: r.reason, meetingOn: r.meetingOn ?? '', summary: wordEntry(r, ctx) }));
}
