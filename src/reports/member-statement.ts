// Member statement: what a member gave and received in a period, with whom, what is open, and their score.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MemberScore, MemberTally, MemberTrend, OpenReferral, Period } from '../shared/contract';
import { dayIn } from '../shared/time-zone';
import { disputedExplanation, disputedNote } from '../shared/disputed-tyfcb';
import { dataTable, documentFrame, emptyNote, inProgress, moneyIn, usableWidth, type PageNumbering, type ReportFrame } from './layout';

/** The "with whom" tables stand side by side: each gets half the page less the gap. */
const columnGap = 16;
const halfPage = usableWidth.portrait - (usableWidth.portrait - columnGap) / 2;

export interface MemberStatementData {
  chapterName: string;
  currency: string;
  locale: string;
  period: Period;
  member: { name: string; company: string; classificationName: string };
  tally: MemberTally | null;
  trend: MemberTrend;
  /** The open referrals listed: the period's and later, at least the most recent 20 (see openReferralsOnStatement). */
  openReferrals: OpenReferral[];
  /** Every referral still open that the member gave or received, any date. */
  openReferralsTotal: number;
  /** The older open referrals not listed: how many and the first and last day they were given. */
  openReferralsNotListed: { count: number; from: string; to: string } | null;
  score: MemberScore | null;
  scorePeriod: Period;
  /** The scoring period in words ("May 2026 to October 2026: the last 6 completed calendar months, …"). */
  scorePeriodWords?: string;
  /** The scorecard profile's name, so the statement says which scheme scored it. */
  scoreProfileName?: string;
  timeZone: string;
  /** Every referral the member gave in the period, with its latest follow-up status and the TYFCB it brought. */
  referralsGiven: Array<{ meetingOn: string; receiverName: string; prospectName: string; status: string; statusOn: string | null; tyfcbMinor: number; tyfcbDisputedMinor: number }>;
}

const statusNames: Record<string, string> = { new: 'new', contacted: 'contacted', meeting_set: 'meeting set', won: 'won', lost: 'lost' };



/**
 * The line above a list of open referrals that is not all of them (a statement, a renewal pack): how many
 * are listed from which day, how many older ones are not, their days, and where every one is listed.
 */
export function openReferralsNotListedLine(listed: { count: number; from: string }, older: { count: number; from: string; to: string }, memberName: string, day: (iso: string) => string = (iso) => iso): string {
  const olderWords = older.count === 1 ? `1 older one, given ${day(older.from)}` : `${older.count} older ones, given ${day(older.from)} to ${day(older.to)}`;
  return `Listed: the ${listed.count} most recent, given ${day(listed.from)} or later. Not listed: ${olderWords}, still open \u2014 the Open referrals screen in Chapter Ledger lists every one (choose ${memberName} as the member).`;
}

export function memberStatementReport(data: MemberStatementData, producedAt: Date): TDocumentDefinitions {
  return documentFrame({ chapterName: data.chapterName, title: 'Member statement', about: data.member.name, producedAt, locale: data.locale, timeZone: data.timeZone, inProgress: inProgress(data.period, dayIn(producedAt, data.timeZone), 'period') }, memberStatementContent(data));
}

/**
 * Every member's statement in one document, each starting on a new page (one print job for the secretary).
 * `numbering`: the footer's page numbers when these statements are one part of the whole (made in parts).
 */
export function allStatementsReport(frame: ReportFrame, statements: MemberStatementData[], numbering?: PageNumbering): TDocumentDefinitions {
  const content: Content[] = statements.flatMap((data, i) => {
    const [first, ...rest] = memberStatementContent(data);
    return [{ ...(first as object), ...(i > 0 ? { pageBreak: 'before' as const } : {}) } as Content, ...rest];
  });
  return documentFrame(frame, content, numbering);
}

/** The statement's content without its page frame: the "all statements" PDF puts many in one document. */
export function memberStatementContent(data: MemberStatementData): Content[] {
  const money = moneyIn(data.currency, data.locale);
  const t = data.tally;
  const tyfcbFrom = (r: MemberStatementData['referralsGiven'][number]) =>
    r.tyfcbDisputedMinor ? `${r.tyfcbMinor ? money(r.tyfcbMinor) : '—'} (+${money(r.tyfcbDisputedMinor)} disputed)` : r.tyfcbMinor ? money(r.tyfcbMinor) : '—';
  const content: Content[] = [
    { text: data.member.name, style: 'title' },
    { text: `${data.member.company} · ${data.member.classificationName} · statement for ${data.period.from} to ${data.period.to}`, style: 'subtitle' },
  ];
  if (!t) {
    content.push(emptyNote('No activity on record for this member in the period.'));
  } else {
    const given = t.rgi + t.rgo;
    const disputedAny = t.tyfcbGeneratedDisputedSlips + t.tyfcbReceivedDisputedSlips > 0;
    const received = t.rri + t.rro;
    content.push(
      { text: 'Given and received', style: 'h2' },
      dataTable(
        ['', 'Given', 'Received', 'Balance'],
        [
          ['Referrals inside', t.rgi, t.rri, t.rgi - t.rri],
          ['Referrals outside', t.rgo, t.rro, t.rgo - t.rro],
          [{ text: 'Referrals', bold: true }, given, received, given - received],
          ['Closed business (TYFCB)', money(t.tyfcbGeneratedMinor), money(t.tyfcbReceivedMinor), money(t.tyfcbGeneratedMinor - t.tyfcbReceivedMinor)],
          ...(disputedAny
            ? [['TYFCB under dispute, left out', disputedNote(t.tyfcbGeneratedDisputedMinor, t.tyfcbGeneratedDisputedSlips, money) || 'none', disputedNote(t.tyfcbReceivedDisputedMinor, t.tyfcbReceivedDisputedSlips, money) || 'none', '—']]
            : []),
        ],
        { widths: ['*', 90, 90, 90], numeric: [1, 2, 3], bold: [2] },
      ),
      { text: `TYFCB given is business you generated for others (their slips thanking you); received is business on your own slips.${disputedAny ? ` ${disputedExplanation}` : ''}`, style: 'small', margin: [0, 4, 0, 0] },
      { text: 'Attendance and activity', style: 'h2' },
      dataTable(['Present', 'Absent', 'Late', 'Medical', 'Substitute', 'One-to-ones', 'Visitors', 'CEUs'], [[t.p, t.a, t.l, t.m, t.s, t.oneToOnes, t.visitors, t.ceus]], { numeric: [0, 1, 2, 3, 4, 5, 6, 7] }),
    );
  }
  content.push(
    { text: 'With whom', style: 'h2' },
    {
      columns: [
        [{ text: 'You referred', style: 'h3' }, data.trend.givesTo.length ? dataTable(['Member', 'Referrals'], data.trend.givesTo.map((c) => [c.name, c.referrals]), { widths: ['*', 50], numeric: [1], within: halfPage }) : emptyNote('Nobody in this period.')],
        [{ text: 'Referred you', style: 'h3' }, data.trend.receivesFrom.length ? dataTable(['Member', 'Referrals'], data.trend.receivesFrom.map((c) => [c.name, c.referrals]), { widths: ['*', 50], numeric: [1], within: halfPage }) : emptyNote('Nobody in this period.')],
      ],
      columnGap,
    },
    { text: 'One-to-ones with', style: 'h3', margin: [0, 8, 0, 2] },
    data.trend.oneToOnesWith.length
      ? dataTable(['Member', 'One-to-ones'], data.trend.oneToOnesWith.map((c) => [c.name, c.oneToOnes]), { widths: ['*', 70], numeric: [1], within: halfPage })
      : emptyNote('No one-to-one at a closed meeting in this period.'),
    { text: `Closing the loop: referrals you gave (${data.referralsGiven.length})`, style: 'h2' },
    data.referralsGiven.length
      ? dataTable(
          ['Given on', 'To', 'Prospect', 'Status now', 'Since', 'TYFCB from it'],
          data.referralsGiven.map((r) => [r.meetingOn, r.receiverName, r.prospectName, statusNames[r.status] ?? r.status, r.statusOn ?? '—', tyfcbFrom(r)]),
          { widths: [58, '*', '*', 62, 58, 0], numeric: [5] },
        )
      : emptyNote('You gave no referral in this period.'),
    ...(data.referralsGiven.length
      ? [{ text: `${data.referralsGiven.filter((r) => r.status === 'won').length} won, ${data.referralsGiven.filter((r) => r.status === 'lost').length} lost, ${data.referralsGiven.filter((r) => r.status !== 'won' && r.status !== 'lost').length} still open; the status is the receiver\u2019s latest follow-up.`, style: 'small', margin: [0, 4, 0, 0] as [number, number, number, number] }]
      : []),
    // Not the period's: every referral still open that the member gave or received, whenever it was given.
    { text: `Open referrals given or received, any date (${data.openReferralsTotal})`, style: 'h2' },
    ...(data.openReferralsNotListed
      ? [{ text: openReferralsNotListedLine({ count: data.openReferrals.length, from: data.openReferrals[0]!.meetingOn }, data.openReferralsNotListed, data.member.name), style: 'small', headlineLevel: 2, margin: [0, 0, 0, 4] as [number, number, number, number] }]
      : []),
    data.openReferrals.length
      ? dataTable(['Given on', 'From', 'To', 'Prospect', 'Status', 'Days open'], data.openReferrals.map((r) => [r.meetingOn, r.giverName, r.receiverName, r.prospectName, r.status.replace('_', ' '), r.daysOpen]), { widths: [60, '*', '*', '*', 60, 45], numeric: [5] })
      : emptyNote('None open.'),
    { text: `Scorecard (${data.scoreProfileName ? `${data.scoreProfileName}, ` : ''}${data.scorePeriod.from} to ${data.scorePeriod.to})`, style: 'h2' },
    ...(data.scorePeriodWords ? [{ text: `Scored over ${data.scorePeriodWords}`, style: 'small', headlineLevel: 2, margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
  );
  if (data.score) {
    content.push(
      { text: `${data.score.bandLabel.toUpperCase()} — ${data.score.explanation}`, bold: true, headlineLevel: 2, margin: [0, 0, 0, 4] },
      ...(data.score.nextColour ? [{ text: data.score.nextColour.text, headlineLevel: 2, margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
      dataTable(['Category', 'Measured', 'Points', 'Rule'], data.score.categories.map((c) => [c.label, c.working && c.value !== null && c.display !== '—' && c.maxPoints > 0 ? `${c.display}\n${c.working}` : c.display, c.maxPoints === 0 ? 'not scored' : `${c.points} / ${c.maxPoints}`, c.maxPoints === 0 ? '—' : c.rule]), { widths: [90, '*', 55, '*'], numeric: [2] }),
    );
  } else content.push(emptyNote('Not scored (not an active member in the scoring period).'));
  return content;
}
