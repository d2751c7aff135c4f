// The renewal review pack the membership committee reads before deciding: the member's 12 months
// month by month, the scorecard colour's trend, attendance letters, open referrals, earlier
// decisions, and the decision fields to fill in. Landscape, so the month table reads across.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { decisionOutcomeLabels, type DecisionOutcome } from '../shared/domain';
import { formatDay } from '../shared/dates';
import type { RenewalPackData } from '../services/renewal-pack';
import { dataTable, documentFrame, emptyNote, moneyIn, usableWidth } from './layout';
import { openReferralsNotListedLine } from './member-statement';

const bandFill: Record<string, { fill: string; text: string }> = {
  green: { fill: '#d3f9d8', text: '#2b8a3e' },
  yellow: { fill: '#fff3bf', text: '#e67700' },
  red: { fill: '#ffe3e3', text: '#c92a2a' },
  grey: { fill: '#e9ecef', text: '#495057' },
  black: { fill: '#343a40', text: '#ffffff' },
};

const monthLabel = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

const sentHowWords: Record<string, string> = { email: 'e-mail', post: 'post', in_person: 'in person', phone: 'phone', messaging: 'messaging' };
const topicWords: Record<string, string> = { application: 'Application', renewal: 'Renewal', attendance: 'Attendance' };
const statusWords: Record<string, string> = { active: 'active', on_leave: 'on leave', applicant: 'applicant', former: 'former' };

export function renewalPackReport(data: RenewalPackData, producedAt: Date): TDocumentDefinitions {
  const money = moneyIn(data.currency, data.locale);
  const day = (d: string | null) => (d ? formatDay(d, data.locale) : '—');
  const m = data.member;
  const t = data.totals;
  const first = data.months[0]!.month;
  const last = data.months[data.months.length - 1]!.month;

  const monthRows = data.months.map((row) => [
    `${monthLabel(row.month, data.locale)}${row.partial ? ' (so far)' : ''}`,
    row.meetings,
    row.p,
    row.a,
    row.l,
    row.m,
    row.s,
    row.marks || '—',
    row.referralsGiven,
    row.referralsReceived,
    money(row.tyfcbGeneratedMinor),
    money(row.tyfcbReceivedMinor),
    row.oneToOnes,
    row.visitors,
    row.ceus,
    row.score ? (row.score.scored ? { text: `${row.score.bandLabel} ${row.score.points}`, bold: true, color: bandFill[row.score.band]?.text ?? '#212529' } : 'not scored') : '—',
  ]);
  const totalRow = [
    { text: '12 months', bold: true },
    t.meetings,
    t.p,
    t.a,
    t.l,
    t.m,
    t.s,
    '',
    t.referralsGiven,
    t.referralsReceived,
    money(t.tyfcbGeneratedMinor),
    money(t.tyfcbReceivedMinor),
    t.oneToOnes,
    t.visitors,
    t.ceus,
    '',
  ];

  // The colour trend as a strip of 12 coloured cells, oldest first.
  const stripWidth = (usableWidth.landscape - 12 * 6) / 12;
  const trend: Content = {
    table: {
      widths: data.months.map(() => stripWidth),
      body: [
        data.months.map((row): TableCell => ({ text: monthLabel(row.month, data.locale), style: 'th', alignment: 'center' })),
        data.months.map((row): TableCell => {
          const colours = row.score?.scored ? bandFill[row.score.band] : undefined;
          return {
            text: row.score?.scored ? `${row.score.bandLabel}\n${row.score.points} / ${row.score.maxPoints}` : 'not scored',
            alignment: 'center',
            bold: Boolean(row.score?.scored),
            fillColor: colours?.fill ?? '#f8f9fa',
            color: colours?.text ?? '#868e96',
          };
        }),
      ],
    },
    layout: { hLineWidth: () => 0.3, vLineWidth: () => 0.3, hLineColor: () => '#ced4da', vLineColor: () => '#ced4da' },
  };
  const scored = data.months.filter((row) => row.score?.scored);
  const trendWords =
    scored.length < 2
      ? 'Too few scored months to speak of a trend.'
      : (() => {
          const a = scored[0]!.score!;
          const b = scored[scored.length - 1]!.score!;
          const move = b.points > a.points ? 'up' : b.points < a.points ? 'down' : 'level';
          return `From ${a.bandLabel.toLowerCase()} (${a.points}) in ${monthLabel(scored[0]!.month, data.locale)} to ${b.bandLabel.toLowerCase()} (${b.points}) in ${monthLabel(scored[scored.length - 1]!.month, data.locale)}: ${move}.`;
        })();

  const content: Content[] = [
    { text: `Renewal review: ${m.name}`, style: 'title' },
    {
      text: [
        `${m.company} · ${m.classificationName} · ${statusWords[m.status] ?? m.status} · member since ${day(m.joinedOn)}`,
        m.sponsorName ? ` · sponsored by ${m.sponsorName}` : '',
        `\nRenewal due ${day(m.renewalDue)} · the 12 months ${monthLabel(first, data.locale)} to ${monthLabel(last, data.locale)} (${day(data.period.from)} to ${day(data.period.to)})`,
        // An overdue renewal's figures stop at the due date; the letters and decisions run on to today.
        data.period.to < data.producedOn ? `\nFigures to the due date; attendance letters and committee decisions up to ${day(data.producedOn)}, the day this pack was produced.` : '',
      ],
      style: 'subtitle',
    },
    { text: 'Month by month', style: 'h2', margin: [0, 0, 0, 6] },
    dataTable(
      ['Month', 'Meetings', 'P', 'A', 'L', 'M', 'S', 'PALMS', 'Referrals given', 'Referrals received', 'TYFCB generated', 'TYFCB received', 'One-to-ones', 'Visitors', 'CEUs', 'Scorecard'],
      [...monthRows, totalRow],
      { orientation: 'landscape', widths: [70, 0, 0, 0, 0, 0, 0, '*', 0, 0, 0, 0, 0, 0, 0, 66], numeric: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14], bold: [monthRows.length], fontSize: 8 },
    ),
    {
      text: 'Closed meetings only; P present, A absent, L late, M medical, S substitute, in meeting order. TYFCB generated is business the member passed to others (their slips thanking the member); received is business on the member\u2019s own slips. Visitors are the visitors the member brought. The scorecard column is the colour as it stood with that month as the last of the scoring period.',
      style: 'small',
      margin: [0, 4, 0, 0],
    },
    { text: `Scorecard trend (${data.scoreProfileName})`, style: 'h2' },
    trend,
    { text: trendWords, margin: [0, 4, 0, 0] },

    { text: `Attendance letters (${data.letters.length})`, style: 'h2', pageBreak: 'before' },
    data.letters.length
      ? dataTable(
          ['Reached on', 'Letter', 'Absences', 'Status', 'Sent on', 'How', 'Committee'],
          data.letters.map((l) => [
            day(l.reachedOn),
            l.level === 'final' ? 'final letter' : 'warning',
            l.absences,
            l.status,
            day(l.sentOn),
            l.sentHow ? (sentHowWords[l.sentHow] ?? l.sentHow) : '—',
            l.decision ? `${decisionOutcomeLabels[l.decision.outcome as DecisionOutcome]} (${day(l.decision.decidedOn)})` : l.level === 'final' ? 'to decide' : '—',
          ]),
          { orientation: 'landscape', widths: [80, 70, 0, 60, 80, 70, '*'], numeric: [2] },
        )
      : emptyNote(data.period.to < data.producedOn ? `No attendance letter from ${day(data.period.from)} to ${day(data.producedOn)}.` : 'No attendance letter in these 12 months.'),
    // Not the 12 months': every referral still open that the member gave or received, whenever it was given.
    { text: `Open referrals given or received, any date (${data.openReferralsTotal})`, style: 'h2' },
    ...(data.openReferralsNotListed
      ? [{ text: openReferralsNotListedLine({ count: data.openReferrals.length, from: data.openReferrals[0]!.meetingOn }, data.openReferralsNotListed, m.name, day), style: 'small', headlineLevel: 2, margin: [0, 0, 0, 4] as [number, number, number, number] }]
      : []),
    data.openReferrals.length
      ? dataTable(
          ['Given on', 'From', 'To', 'Prospect', 'Status', 'Days open'],
          data.openReferrals.map((r) => [day(r.meetingOn), r.giverName, r.receiverName, r.prospectName, r.status.replace('_', ' '), r.daysOpen]),
          { orientation: 'landscape', widths: [80, '*', '*', '*', 70, 0], numeric: [5] },
        )
      : emptyNote('None open.'),
    { text: `Earlier committee decisions (${data.decisions.length})`, style: 'h2' },
    data.decisions.length
      ? dataTable(
          ['Decided on', 'About', 'Decision', 'Recorded by', 'Reason or conditions', 'Due date'],
          data.decisions.map((d) => [
            day(d.decidedOn),
            topicWords[d.topic] ?? d.topic,
            decisionOutcomeLabels[d.outcome as DecisionOutcome],
            d.decidedBy,
            [d.reason, d.conditions].filter(Boolean).join(' · ') || '—',
            d.renewalDueBefore || d.renewalDueAfter ? `${day(d.renewalDueBefore)} → ${day(d.renewalDueAfter)}` : '—',
          ]),
          { orientation: 'landscape', widths: [70, 70, 110, 100, '*', 150] },
        )
      : emptyNote('No earlier decision on record.'),

    // The decision block stays together: moved whole to the next page rather than split.
    {
      unbreakable: true,
      stack: [
        { text: "The committee's decision", style: 'h2' },
        {
          text: `Renewing moves the due date by the chapter's term of ${data.termMonths} months from the old due date${data.renewedDue ? `: from ${day(m.renewalDue)} to ${day(data.renewedDue)}` : ''}. Not renewing makes the member former on the day chosen and frees the ${m.classificationName} seat.`,
          margin: [0, 0, 0, 6],
        },
        {
          table: {
            widths: [150, '*', 130, 150],
            body: [
              ['Decision', '\u2610 Renew      \u2610 Renew with conditions      \u2610 Not renewed', 'Decided on', ''],
              ['Conditions (renew with conditions)', '', 'Recorded by', ''],
              ['Reason (not renewed)', '', 'Leaves on (not renewed)', ''],
              ['Committee members present', '', '', ''],
            ].map((row) => row.map((text, i): TableCell => ({ text, bold: i % 2 === 0, margin: [0, 5, 0, 5] }))),
          },
          layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#adb5bd' },
        },
        { text: 'Record the decision in Chapter Ledger (Applications & renewals → Renewals → Decide) so the due date moves, or the seat is freed, with its audit entry.', style: 'small', margin: [0, 6, 0, 0] },
      ],
    },
  ];

  return documentFrame({ chapterName: data.chapterName, title: 'Renewal review pack', producedAt, locale: data.locale, timeZone: data.timeZone, landscape: true }, content);
}
