// Quarterly audit report: what a president and a secretary/treasurer sign. Every figure comes from
// the tallies service; the cover carries a fingerprint of exactly the data the report was made from.
import type { Content, Table, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ChapterTotals, MemberTally, Period, ReciprocityFlags, ReferralMatrix } from '../shared/contract';
import { dayIn } from '../shared/time-zone';
import { disputeGroundLabels, type DisputeGround } from '../shared/domain';
import { disputedExplanation, disputedNote } from '../shared/disputed-tyfcb';
import { dataTable, documentFrame, emptyNote, fitText, inProgress, inProgressLabel, moneyIn, producedLabel, textWidth, usableWidth, type Cell } from './layout';
import { palmsTable } from './palms-summary';

export interface QuarterlyAuditData {
  chapterName: string;
  region: string;
  currency: string;
  locale: string;
  /** The chapter's time zone (IANA): the production time and amendment times print in it. */
  timeZone: string;
  quarterLabel: string;
  period: Period;
  /** The day the report is as of: a closed quarter's last day (members, renewals, seats, outcomes as then), else today. */
  asOf?: { day: string; closed: boolean };
  previousPeriod: Period;
  totals: ChapterTotals;
  previousTotals: ChapterTotals;
  members: MemberTally[];
  matrix: ReferralMatrix;
  flags: Pick<ReciprocityFlags, 'oneWayPairs' | 'thresholds'>;
  absenceLimit: number;
  absenceWindowMonths: number;
  absenceBreaches: Array<{ name: string; absences: number }>;
  /** Renewals due by the end of next quarter that are not yet done, overdue ones first. */
  renewalsDue: Array<{ name: string; renewalDue: string; when: 'overdue' | 'this quarter' | 'next quarter' }>;
  openSeats: Array<{ sphere: string; classifications: string[] }>;
  amendments: Array<{ at: string; entity: string; action: string; reason: string; meetingOn?: string; summary: string }>;
  /** Who signs: the leadership team's president, vice president and secretary/treasurer (null: vacant). */
  signatories: Array<{ role: string; name: string | null }>;
  /** Referrals given in the quarter by their latest follow-up status, and TYFCB linked to a referral or not. */
  closingTheLoop: { won: number; lost: number; open: number; linkedTyfcbMinor: number; linkedSlips: number; unlinkedTyfcbMinor: number; unlinkedSlips: number };
  /** The quarter's TYFCB slips still under dispute: left out of every TYFCB figure above, listed for the signatories. */
  disputedSlips: Array<{ meetingOn: string; closerName: string; referrerName: string; amountMinor: number; raisedByName: string; raisedOn: string; ground: DisputeGround; why: string }>;
  fingerprint: string;
  /** The audit log's hash chain: which entries were verified when (the last full check and now), or where it is broken (absent when it could not be read). */
  auditLog?: { ok: boolean; sentence: string };
  /** The scorecard at the quarter's end, with the profile that scored it. */
  scorecard?: { profileName: string; period: Period; periodWords?: string; bands: Array<{ label: string; count: number }>; notScored: number };
}

export function attendanceRate(t: ChapterTotals): number {
  const marks = t.p + t.a + t.l + t.m + t.s;
  return marks === 0 ? 0 : (t.p + t.l + t.s) / marks;
}

export function quarterlyAuditReport(data: QuarterlyAuditData, producedAt: Date): TDocumentDefinitions {
  const money = moneyIn(data.currency, data.locale);
  const t = data.totals;
  const p = data.previousTotals;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  // A quarter with no closed meeting has no figures to compare: it says so instead of 0 or a percentage.
  const noMeetings = 'no meetings';
  const nowEmpty = t.meetings === 0;
  const beforeEmpty = p.meetings === 0;
  const summaryRow = (label: string, now: number, before: number, format: (n: number) => string = String): Cell[] => [
    label,
    nowEmpty ? noMeetings : format(now),
    beforeEmpty ? noMeetings : format(before),
    nowEmpty || beforeEmpty ? '—' : now === before ? '=' : `${now > before ? '+' : '−'}${format(Math.abs(now - before))}`,
  ];
  const rateNow = attendanceRate(t);
  const rateBefore = attendanceRate(p);
  const progress = inProgress(data.period, dayIn(producedAt, data.timeZone), 'quarter');
  const closedOn = data.asOf?.closed ? data.asOf.day : null;

  const gaveNothing = data.members.filter((m) => (m.status === 'active' || m.status === 'on_leave') && m.rgi + m.rgo === 0).map((m) => m.name);

  const cover: Content[] = [
    { text: 'Quarterly audit report', fontSize: 26, bold: true, margin: [0, 150, 0, 8] },
    { text: data.chapterName, fontSize: 16, color: '#0b7285' },
    ...(data.region ? [{ text: data.region, fontSize: 11, color: '#495057' }] : []),
    { text: `${data.quarterLabel} · ${data.period.from} to ${data.period.to}`, fontSize: 13, margin: [0, 24, 0, 4] },
    ...(progress ? [{ text: inProgressLabel(progress, data.locale), fontSize: 11, bold: true, color: '#c92a2a', margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
    { text: `Produced ${producedLabel(producedAt, data.locale, data.timeZone)}`, fontSize: 10, color: '#495057' },
    { text: `Data fingerprint ${data.fingerprint}`, fontSize: 10, color: '#495057', margin: [0, 2, 0, 0] },
    {
      text: `The fingerprint is computed from every figure in this report. A report produced again from the same data shows the same fingerprint; any change to the quarter\u2019s slips, attendance or members changes it.${closedOn ? ` The quarter is over: members, renewals, roles, open seats and follow-up outcomes are as they stood at its end (${closedOn}), so printing it again later gives the same report.` : ''}`,
      style: 'small',
      margin: [0, 18, 0, 0],
    },
    ...(data.auditLog
      ? [{ text: data.auditLog.sentence, style: 'small', bold: !data.auditLog.ok, color: data.auditLog.ok ? '#495057' : '#c92a2a', margin: [0, 6, 0, 0] as [number, number, number, number] }]
      : []),
  ];

  const loop = data.closingTheLoop;
  const given = loop.won + loop.lost + loop.open;
  const summary: Content[] = [
    { text: 'Summary', style: 'h2', pageBreak: 'before' },
    dataTable(
      ['', data.quarterLabel, `Previous quarter (${data.previousPeriod.from} to ${data.previousPeriod.to})`, 'Change'],
      [
        summaryRow('Meetings held', t.meetings, p.meetings),
        summaryRow('Meetings cancelled', t.cancelledMeetings, p.cancelledMeetings),
        ['Attendance rate (P, L, S of all marks)', nowEmpty ? noMeetings : pct(rateNow), beforeEmpty ? noMeetings : pct(rateBefore), nowEmpty || beforeEmpty ? '—' : `${rateNow >= rateBefore ? '+' : '−'}${(100 * Math.abs(rateNow - rateBefore)).toFixed(1)} pts`],
        summaryRow('Referrals inside', t.referralsInside, p.referralsInside),
        summaryRow('Referrals outside', t.referralsOutside, p.referralsOutside),
        summaryRow('TYFCB', t.tyfcbMinor, p.tyfcbMinor, money),
        ['TYFCB under dispute, left out', nowEmpty ? noMeetings : disputedNote(t.tyfcbDisputedMinor, t.tyfcbDisputedSlips, money) || 'none', beforeEmpty ? noMeetings : disputedNote(p.tyfcbDisputedMinor, p.tyfcbDisputedSlips, money) || 'none', '—'],
        summaryRow('Visitors', t.visitors, p.visitors),
        summaryRow('One-to-ones (each counted once)', t.oneToOnes, p.oneToOnes),
        summaryRow('CEUs', t.ceus, p.ceus),
      ],
      { widths: ['*', 90, 150, 80], numeric: [1, 2, 3] },
    ),
    ...(beforeEmpty ? [{ text: 'The previous quarter had no closed meeting, so there is nothing to compare with.', style: 'small', margin: [0, 4, 0, 0] as [number, number, number, number] }] : []),
    ...(data.scorecard
      ? [
          { text: `Scorecard: ${data.scorecard.profileName} (${data.scorecard.period.from} to ${data.scorecard.period.to})`, style: 'h3' } as Content,
          ...(data.scorecard.periodWords ? [{ text: `Scored over ${data.scorecard.periodWords} Members as scored on the Scorecard screen for that month.`, style: 'small', margin: [0, 0, 0, 3] as [number, number, number, number] } as Content] : []),
          dataTable([...data.scorecard.bands.map((b) => b.label), 'Not scored'], [[...data.scorecard.bands.map((b) => b.count), data.scorecard.notScored]], { numeric: data.scorecard.bands.map((_, i) => i).concat(data.scorecard.bands.length) }),
        ]
      : []),
    { text: 'Closing the loop', style: 'h2' },
    dataTable(
      ['Referrals given this quarter', 'Referrals', 'Share'],
      [
        ['Won (business closed)', loop.won, given ? pct(loop.won / given) : '—'],
        ['Lost', loop.lost, given ? pct(loop.lost / given) : '—'],
        ['Still open (new, contacted, meeting set)', loop.open, given ? pct(loop.open / given) : '—'],
        ['Total', given, given ? '100.0%' : '—'],
      ],
      { widths: ['*', 70, 70], numeric: [1, 2], bold: [3] },
    ),
    { text: ' ', fontSize: 4 },
    dataTable(
      ['TYFCB this quarter', 'Slips', 'Amount'],
      [
        ['Linked to a referral slip', loop.linkedSlips, money(loop.linkedTyfcbMinor)],
        ['Not linked to a referral', loop.unlinkedSlips, money(loop.unlinkedTyfcbMinor)],
        ['Total', loop.linkedSlips + loop.unlinkedSlips, money(loop.linkedTyfcbMinor + loop.unlinkedTyfcbMinor)],
        ['Under dispute (not in the total)', data.disputedSlips.length, money(data.disputedSlips.reduce((sum, d) => sum + d.amountMinor, 0))],
      ],
      { widths: ['*', 70, 100], numeric: [1, 2], bold: [2] },
    ),
    ...(data.disputedSlips.length
      ? [
          { text: `TYFCB under dispute (${data.disputedSlips.length})`, style: 'h3' } as Content,
          dataTable(
            ['Meeting', 'Closed by', 'Thanking', 'Amount', 'Disputed by, on', 'Why'],
            data.disputedSlips.map((d) => [d.meetingOn, d.closerName, d.referrerName, money(d.amountMinor), `${d.raisedByName}, ${d.raisedOn}`, `${disputeGroundLabels[d.ground]}: ${d.why}`]),
            { widths: [56, '*', '*', 66, 90, '*'], numeric: [3] },
          ),
        ]
      : []),
    { text: disputedExplanation, style: 'small', margin: [0, 4, 0, 0] },
    { text: closedOn ? `Outcomes are each referral\u2019s follow-up status at the quarter\u2019s end (${closedOn}).` : 'Outcomes are each referral\u2019s latest follow-up status on the day this report was produced.', style: 'small', margin: [0, 4, 0, 0] },
    signatures(data.signatories),
  ];
  const renewalLabel = { overdue: 'OVERDUE', 'this quarter': 'this quarter', 'next quarter': 'next quarter' } as const;

  return documentFrame({ chapterName: data.chapterName, title: `Quarterly audit report · ${data.quarterLabel}`, producedAt, locale: data.locale, timeZone: data.timeZone, inProgress: progress }, [
    ...cover,
    ...summary,
    { text: 'Per member', style: 'h2', pageBreak: 'before', pageOrientation: 'landscape' },
    ...palmsTable({ currency: data.currency, locale: data.locale, members: data.members, totals: t }, 'landscape'),
    { text: 'TYFCB is business received (the member\u2019s own slips). Only closed meetings count; drafts and cancelled meetings are left out.', style: 'small', margin: [0, 2, 0, 0] },
    ...matrixPage(data.matrix),
    { text: 'Flags', style: 'h2', pageBreak: 'before', pageOrientation: 'portrait' },
    { text: `Absence policy (more than ${data.absenceLimit} in ${data.absenceWindowMonths} months at the quarter's end)`, style: 'h3' },
    data.absenceBreaches.length ? dataTable(['Member', 'Absences'], data.absenceBreaches.map((b) => [b.name, b.absences]), { widths: ['*', 80], numeric: [1] }) : emptyNote('Nobody.'),
    { text: closedOn ? `Renewals at the quarter\u2019s end (${closedOn}): overdue, then due next quarter` : 'Renewals due this quarter or next (overdue first)', style: 'h3' },
    data.renewalsDue.length
      ? dataTable(['Member', 'Renewal due', 'When'], data.renewalsDue.map((r) => [r.name, r.renewalDue, r.when === 'overdue' ? { text: renewalLabel[r.when], bold: true, color: '#c92a2a' } : renewalLabel[r.when]]), { widths: ['*', 90, 90] })
      : emptyNote('None.'),
    { text: closedOn ? `Open seats at the quarter\u2019s end (${closedOn}), by contact sphere` : 'Open seats by contact sphere', style: 'h3' },
    data.openSeats.length ? dataTable(['Contact sphere', 'Open classifications'], data.openSeats.map((s) => [s.sphere, s.classifications.join(', ')]), { widths: [140, '*'] }) : emptyNote('Every seat is taken.'),
    { text: `One-way pairs (${data.flags.thresholds.oneWayMin} or more referrals, none back)`, style: 'h3' },
    data.flags.oneWayPairs.length ? dataTable(['Gave', 'Received', 'Referrals'], data.flags.oneWayPairs.map((f) => [f.giverName, f.receiverName, f.referrals]), { widths: ['*', '*', 70], numeric: [2] }) : emptyNote('None.'),
    { text: 'Members who gave no referral this quarter', style: 'h3' },
    gaveNothing.length ? { text: gaveNothing.join(', '), margin: [0, 0, 0, 6] } : emptyNote('None.'),
    { text: `Amendments to closed meetings (${data.amendments.length})`, style: 'h2' },
    data.amendments.length
      ? dataTable([`When (${zoneAbbreviation(producedAt, data.timeZone)})`, 'Meeting', 'What', 'Change', 'Reason'], data.amendments.map((a) => [localTime(a.at, data.timeZone), a.meetingOn || '—', `${a.entity.replace('_', '-')} ${a.action}`, a.summary, a.reason]), { widths: [72, 52, 70, '*', '*'], fontSize: 8 })
      : emptyNote('No amendment was made to a closed meeting this quarter.'),
  ]);
}

/** One formatter per zone (a busy quarter lists thousands of amendments; making a formatter is the cost). */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-23 08:32" in the chapter's zone, from an audit-log instant. */
export function localTime(at: string, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

function zoneAbbreviation(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * Signature lines for the leadership team, with their names printed, kept together and placed on the
 * summary page (never a page of their own). A vacant role still gets a line, marked vacant.
 */
function signatures(signatories: QuarterlyAuditData['signatories']): Content {
  return {
    unbreakable: true,
    stack: [
      { text: 'Signatures', style: 'h2', margin: [0, 18, 0, 2] },
      { text: 'We have checked the figures in this report against the chapter\u2019s records.', style: 'small', margin: [0, 0, 0, 4] },
      {
        columns: signatories.map((s) => ({
          stack: [
            { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 150, y2: 0, lineWidth: 0.7 }], margin: [0, 30, 0, 4] },
            { text: s.name ?? '(vacant)', bold: true, color: s.name ? '#000000' : '#868e96' },
            { text: s.role, style: 'small' },
            { text: 'Date: ____________', style: 'small', margin: [0, 6, 0, 0] },
          ],
        })),
        columnGap: 20,
      },
    ],
  };
}

/**
 * Giver × receiver on one landscape page, even at 60 members: receivers are numbered columns,
 * givers rows carry the number and the name, shortened to the name column when they must be (the
 * key below the matrix then gives every full name); the type shrinks until the widest count fits.
 */
export function matrixPage(matrix: ReferralMatrix): Content[] {
  const n = matrix.members.length;
  const title: Content = { text: 'Who referred whom (referral counts)', style: 'h2', pageBreak: 'before', pageOrientation: 'landscape', margin: [0, 0, 0, 4] };
  if (n === 0) return [title, emptyNote('No members in this quarter.')];
  const pad = 1;
  const rule = 0.25;
  const counts = new Map(matrix.cells.map((c) => [`${c.giverId}>${c.receiverId}`, c.referrals]));
  const max = Math.max(1, ...matrix.cells.map((c) => c.referrals));
  // Each member's row and column sums in one pass over the cells (not a pass per member: 3,600 cells at 60).
  const given = new Map<string, number>();
  const received = new Map<string, number>();
  for (const c of matrix.cells) {
    given.set(c.giverId, (given.get(c.giverId) ?? 0) + c.referrals);
    received.set(c.receiverId, (received.get(c.receiverId) ?? 0) + c.referrals);
  }
  const givenBy = (id: string) => given.get(id) ?? 0;
  const receivedBy = (id: string) => received.get(id) ?? 0;
  const total = matrix.cells.reduce((s, c) => s + c.referrals, 0);
  const nameWidth = n > 45 ? 96 : n > 30 ? 110 : 130;
  const givenWidth = Math.ceil(Math.max(textWidth('Given', 7.5, true), textWidth(String(total), 7.5, true))) + 1;
  const countWidth = (usableWidth.landscape - nameWidth - givenWidth - (n + 2) * 2 * pad - (n + 3) * rule) / n;
  const widest = Math.max(textWidth(String(n), 1, true), ...matrix.members.map((m) => textWidth(String(receivedBy(m.memberId)), 1, true)));
  const fontSize = Math.min(n > 45 ? 5 : n > 30 ? 6.2 : 7.5, Math.floor((countWidth / widest) * 10) / 10);
  // Rows as tight as the type allows, so 60 givers fit one landscape page.
  const lineHeight = 1;
  let shortened = false;
  const label = (i: number, name: string) => {
    const text = fitText(`${i + 1}  ${name}`, nameWidth, fontSize);
    if (text !== `${i + 1}  ${name}`) shortened = true;
    return text;
  };
  const body: TableCell[][] = [
    // The header and the totals row keep the document's line height (1.15); the givers' rows are tight.
    [{ text: 'Giver ↓  Receiver →', bold: true, alignment: 'left', noWrap: true }, ...matrix.members.map((_, i) => ({ text: String(i + 1), bold: true, lineHeight: 1.15 })), { text: 'Given', bold: true, alignment: 'right' as const, lineHeight: 1.15 }],
    ...matrix.members.map((giver, gi) => {
      // The type size, line height, centring and black come from the table (below): a cell carries only
      // what differs, so pdfmake's style lookups stay short across 3,600 cells.
      const row = matrix.members.map((receiver): TableCell => {
        const v = counts.get(`${giver.memberId}>${receiver.memberId}`) ?? 0;
        const fill = giver.memberId === receiver.memberId ? '#dee2e6' : v ? shade(v / max) : undefined;
        if (!v) return fill ? { text: '', fillColor: fill } : { text: '' };
        return v / max > 0.6 ? { text: String(v), fillColor: fill, color: '#ffffff' } : { text: String(v), fillColor: fill };
      });
      return [{ text: label(gi, giver.name), alignment: 'left' as const, noWrap: true }, ...row, { text: String(givenBy(giver.memberId)), alignment: 'right' as const, bold: true }];
    }),
    [
      { text: 'Received', bold: true, alignment: 'left', lineHeight: 1.15 },
      ...matrix.members.map((m) => ({ text: String(receivedBy(m.memberId)), bold: true, lineHeight: 1.15 })),
      { text: String(total), bold: true, alignment: 'right' as const, lineHeight: 1.15 },
    ],
  ];
  const key: Content[] = shortened
    ? [
        { text: 'Members by number', style: 'h3' },
        { text: matrix.members.map((m, i) => `${i + 1} ${m.name}`).join('  ·  '), fontSize: Math.max(fontSize, 6), lineHeight: 1 },
      ]
    : [];
  return [
    title,
    {
      fontSize,
      lineHeight,
      alignment: 'center',
      color: '#000000',
      // Its 3,900 cell-high vertical rules drawn as 63 whole lines (table-lines.ts): half this page's time otherwise.
      table: { headerRows: 1, widths: [nameWidth, ...matrix.members.map(() => countWidth), givenWidth], body, wholeRules: true } as Table,
      layout: { hLineWidth: () => rule, vLineWidth: () => rule, hLineColor: () => '#ced4da', vLineColor: () => '#ced4da', paddingTop: () => 0.4, paddingBottom: () => 0.2, paddingLeft: () => pad, paddingRight: () => pad },
    },
    ...key,
  ];
}

/** Light to dark teal with the count, as on the Reciprocity screen. */
function shade(share: number): string {
  const mix = (a: number, b: number) => Math.round(a + (b - a) * (0.15 + 0.85 * share));
  const [r, g, b] = [mix(255, 12), mix(255, 166), mix(255, 120)];
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
