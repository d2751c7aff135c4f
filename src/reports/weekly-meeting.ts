// Weekly meeting report: attendance by letter, visitors, every slip by type, the week beside the year.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ChapterTotals, MeetingSheet, Slip } from '../shared/contract';
import { formatDay } from '../shared/dates';
import { disputedExplanation, disputedNote } from '../shared/disputed-tyfcb';
import { dataTable, documentFrame, emptyNote, moneyIn, type ReportFrame } from './layout';

export interface WeeklyMeetingData {
  chapterName: string;
  sheet: MeetingSheet;
  /** Completed meetings from 1 January to this meeting's date. */
  yearToDate: ChapterTotals;
  /** The chapter's time zone (IANA). */
  timeZone: string;
}

const markNames = { P: 'Present', A: 'Absent', L: 'Late', M: 'Medical', S: 'Substitute' } as const;
const only = <K extends Slip['kind']>(slips: Slip[], kind: K) => slips.filter((s): s is Extract<Slip, { kind: K }> => s.kind === kind).reverse();

export function weeklyMeetingReport(data: WeeklyMeetingData, producedAt: Date): TDocumentDefinitions {
  const { sheet, yearToDate } = data;
  const money = moneyIn(sheet.currency, sheet.locale);
  const draft = sheet.meeting.status === 'draft';
  const frame: ReportFrame = { chapterName: data.chapterName, title: 'Weekly meeting report', producedAt, locale: sheet.locale, timeZone: data.timeZone, draft };
  const t = sheet.totals;

  const attendance: Content[] = (Object.keys(markNames) as Array<keyof typeof markNames>).map((letter) => {
    const rows = sheet.roster.filter((r) => r.mark === letter);
    const names = rows.map((r) => (letter === 'S' && r.substituteName ? `${r.name} (substitute: ${r.substituteName})` : r.name));
    return { text: [{ text: `${letter} — ${markNames[letter]} (${rows.length}): `, bold: true }, names.length ? names.join(', ') : '—'], margin: [0, 0, 0, 3] };
  });
  const unmarked = sheet.roster.filter((r) => r.mark === null);
  if (unmarked.length) attendance.push({ text: [{ text: `Not marked (${unmarked.length}): `, bold: true, color: '#c92a2a' }, unmarked.map((r) => r.name).join(', ')] });

  const visitors = only(sheet.slips, 'visitor');
  const referrals = only(sheet.slips, 'referral');
  const tyfcbs = only(sheet.slips, 'tyfcb');
  const oneToOnes = only(sheet.slips, 'one_to_one');
  const ceus = only(sheet.slips, 'ceu');
  const outside = only(sheet.slips, 'outside_party');
  const outsideType = { referral: 'Referral', tyfcb: 'TYFCB', one_to_one: 'One-to-one' } as const;
  const sum = (...n: number[]) => n.reduce((a, b) => a + b, 0);
  const disputed = new Set(sheet.disputedTyfcbIds);

  return documentFrame(frame, [
    { text: 'Weekly meeting report', style: 'title' },
    {
      text: `${formatDay(sheet.meeting.meetingOn, sheet.locale)} · ${draft ? 'DRAFT — not closed yet, figures may change' : sheet.meeting.status === 'cancelled' ? 'Cancelled' : 'Closed'}`,
      style: 'subtitle',
    },
    { text: 'This week and the year to date', style: 'h2' },
    dataTable(
      ['', 'This meeting', `Year to date (closed meetings to ${sheet.meeting.meetingOn})`],
      [
        ['Meetings', 1, yearToDate.meetings],
        ['Present / absent / late / medical / substitute', `${t.present} / ${t.absent} / ${t.late} / ${t.medical} / ${t.substitute}`, `${yearToDate.p} / ${yearToDate.a} / ${yearToDate.l} / ${yearToDate.m} / ${yearToDate.s}`],
        ['Referrals (inside + outside)', `${t.referrals} (${t.referralsInside} + ${t.referralsOutside})`, `${sum(yearToDate.referralsInside, yearToDate.referralsOutside)} (${yearToDate.referralsInside} + ${yearToDate.referralsOutside})`],
        ['TYFCB', money(t.tyfcbAmountMinor), money(yearToDate.tyfcbMinor)],
        ...(t.tyfcbDisputedSlips || yearToDate.tyfcbDisputedSlips
          ? [['TYFCB under dispute, left out', disputedNote(t.tyfcbDisputedAmountMinor, t.tyfcbDisputedSlips, money) || 'none', disputedNote(yearToDate.tyfcbDisputedMinor, yearToDate.tyfcbDisputedSlips, money) || 'none']]
          : []),
        ['One-to-ones', t.oneToOnes, yearToDate.oneToOnes],
        ['Visitors', t.visitors, yearToDate.visitors],
        ['CEUs', t.ceus, yearToDate.ceus],
      ],
      { widths: ['*', 110, 170], numeric: [1, 2] },
    ),
    ...(t.tyfcbDisputedSlips || yearToDate.tyfcbDisputedSlips ? [{ text: disputedExplanation, style: 'small', margin: [0, 4, 0, 0] } as Content] : []),
    { text: 'Attendance (PALMS)', style: 'h2' },
    ...attendance,
    { text: `Visitors (${visitors.length})`, style: 'h2' },
    visitors.length
      ? dataTable(['Visitor', 'Company', 'Classification sought', 'Invited by'], visitors.map((v) => [v.name, v.company, v.classificationSought + (v.seatHeldBy ? ` (held by ${v.seatHeldBy})` : ''), v.invitedByName ?? '—']), { widths: ['*', '*', '*', '*'] })
      : emptyNote('No visitors.'),
    { text: `Referrals (${referrals.length})`, style: 'h2' },
    referrals.length
      ? dataTable(['From', 'To', 'Inside/Outside', 'Temp.', 'Prospect'], referrals.map((r) => [r.giverName, r.receiverName, r.referralKind === 'inside' ? 'Inside' : 'Outside', r.temperature, r.prospectName]), { widths: ['*', '*', 70, 36, '*'], numeric: [3] })
      : emptyNote('No referrals.'),
    { text: `Thank you for closed business (${tyfcbs.length})`, style: 'h2' },
    tyfcbs.length
      ? dataTable(
          ['From (closed)', 'Thanking (referred)', 'New/Repeat', 'Type', 'Amount'],
          [
            ...tyfcbs.map((s) => [s.closerName, s.referrerName, s.business === 'new' ? 'New' : 'Repeat', s.tyfcbKind === 'tier3' ? 'Tier 3' : s.tyfcbKind === 'inside' ? 'Inside' : 'Outside', disputed.has(s.id) ? `${money(s.amountMinor)} (disputed)` : money(s.amountMinor)]),
            [{ text: 'Total', bold: true }, '', '', '', money(t.tyfcbAmountMinor)],
            ...(t.tyfcbDisputedSlips ? [['Under dispute, not in the total', '', '', '', money(t.tyfcbDisputedAmountMinor)]] : []),
          ],
          { widths: ['*', '*', 60, 50, 80], numeric: [4], bold: [tyfcbs.length] },
        )
      : emptyNote('No TYFCB slips.'),
    { text: `One-to-ones (${oneToOnes.length})`, style: 'h2' },
    oneToOnes.length ? dataTable(['Member', 'Met with', 'Met on', 'Note'], oneToOnes.map((o) => [o.memberAName, o.memberBName, o.metOn, o.note]), { widths: ['*', '*', 70, '*'] }) : emptyNote('No one-to-ones.'),
    // Never in the members' figures above: listed on their own so the week's slips are all on paper.
    ...(outside.length
      ? [
          { text: `With people outside the chapter (${outside.length})`, style: 'h2' } as Content,
          dataTable(
            ['From', 'To', 'Slip', 'Detail'],
            outside.map((o) => [o.fromName, o.toName, outsideType[o.slipType], o.slipType === 'tyfcb' ? money(o.amountMinor ?? 0) : o.slipType === 'referral' ? o.prospectName : `Met ${o.metOn ?? ''}`]),
            { widths: ['*', '*', 60, '*'] },
          ),
        ]
      : []),
    { text: `CEUs (${t.ceus} credits)`, style: 'h2' },
    ceus.length ? dataTable(['Member', 'Credits', 'Note'], ceus.map((c) => [c.memberName, c.credits, c.note]), { widths: ['*', 50, '*'], numeric: [1] }) : emptyNote('No CEUs.'),
  ]);
}
