// PALMS summary: the per-member table of a period (the PALMS export's columns) with chapter totals.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ChapterTotals, MemberTally, Period } from '../shared/contract';
import { dayIn } from '../shared/time-zone';
import { disputedExplanation, disputedNote } from '../shared/disputed-tyfcb';
import { dataTable, documentFrame, inProgress, moneyIn, type Cell, type Orientation } from './layout';

export interface PalmsData {
  chapterName: string;
  currency: string;
  locale: string;
  period: Period;
  members: MemberTally[];
  totals: ChapterTotals;
  timeZone: string;
}

export const palmsHeaders = ['First Name', 'Last Name', 'P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'];

/**
 * The per-member PALMS table; its total row is the sum of each column, and the notes under it say
 * what the chapter's own figures count beyond that sum (a one-to-one counts once for the chapter and
 * once for each of its two members; a visitor may have no host member). Reused by the quarterly audit.
 */
export function palmsTable(data: Pick<PalmsData, 'currency' | 'locale' | 'members' | 'totals'>, orientation: Orientation = 'landscape'): Content[] {
  const money = moneyIn(data.currency, data.locale);
  const rows: Cell[][] = data.members.map((m) => [
    m.firstName,
    m.leftDuringPeriod ? `${m.lastName} (left)` : m.lastName,
    m.p, m.a, m.l, m.m, m.s, m.rgi, m.rgo, m.rri, m.rro, m.visitors, m.oneToOnes,
    money(m.tyfcbReceivedMinor),
    m.ceus,
  ]);
  const sum = (pick: (m: MemberTally) => number) => data.members.reduce((s, m) => s + pick(m), 0);
  const c = {
    p: sum((m) => m.p), a: sum((m) => m.a), l: sum((m) => m.l), m: sum((m) => m.m), s: sum((m) => m.s),
    rgi: sum((m) => m.rgi), rgo: sum((m) => m.rgo), rri: sum((m) => m.rri), rro: sum((m) => m.rro),
    visitors: sum((m) => m.visitors), oneToOnes: sum((m) => m.oneToOnes), tyfcb: sum((m) => m.tyfcbReceivedMinor), ceus: sum((m) => m.ceus),
  };
  rows.push(['Total', '(sum of rows)', c.p, c.a, c.l, c.m, c.s, c.rgi, c.rgo, c.rri, c.rro, c.visitors, c.oneToOnes, money(c.tyfcb), c.ceus]);
  const t = data.totals;
  const notes: string[] = [
    `1-2-1: ${c.oneToOnes} participations in ${t.oneToOnes} one-to-one${t.oneToOnes === 1 ? '' : 's'} (each one-to-one counts for both members).`,
  ];
  if (t.visitors !== c.visitors) notes.push(`V: ${t.visitors} visitors came; ${t.visitors - c.visitors} of them had no host member, so no row counts them.`);
  if (t.tyfcbMinor !== c.tyfcb) notes.push(`TYFCB: the chapter's total is ${money(t.tyfcbMinor)}; ${money(t.tyfcbMinor - c.tyfcb)} of it is on slips by people not listed here.`);
  if (t.tyfcbDisputedSlips > 0) {
    const who = data.members.filter((m) => m.tyfcbReceivedDisputedSlips > 0).map((m) => `${m.name} ${money(m.tyfcbReceivedDisputedMinor)}`);
    notes.push(`TYFCB ${disputedNote(t.tyfcbDisputedMinor, t.tyfcbDisputedSlips, money)}, not in the column or the total${who.length ? ` (${who.join(', ')})` : ''}. ${disputedExplanation}`);
  }
  if (t.ceus !== c.ceus) notes.push(`CEU: the chapter's total is ${t.ceus}; ${t.ceus - c.ceus} are logged by people not listed here.`);
  if (t.p !== c.p || t.a !== c.a || t.l !== c.l || t.m !== c.m || t.s !== c.s) notes.push(`PALMS: the chapter's marks are P ${t.p}, A ${t.a}, L ${t.l}, M ${t.m}, S ${t.s}, including people not listed here.`);
  return [
    dataTable(palmsHeaders, rows, {
      widths: ['*', '*', 22, 22, 22, 22, 22, 26, 26, 26, 26, 22, 28, 70, 26],
      numeric: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
      bold: [rows.length - 1],
      fontSize: 8,
      orientation,
    }),
    { text: notes.join(' '), style: 'small', margin: [0, 4, 0, 0] },
  ];
}

export function palmsSummaryReport(data: PalmsData, producedAt: Date): TDocumentDefinitions {
  return documentFrame({ chapterName: data.chapterName, title: 'PALMS summary', producedAt, locale: data.locale, timeZone: data.timeZone, landscape: true, inProgress: inProgress(data.period, dayIn(producedAt, data.timeZone), 'period') }, [
    { text: 'PALMS summary', style: 'title' },
    { text: `${data.period.from} to ${data.period.to} · ${data.totals.meetings} closed meetings · TYFCB is business received (the member's own slips)`, style: 'subtitle' },
    ...palmsTable(data),
    { text: 'Members marked (left) have partial figures.', style: 'small', margin: [0, 2, 0, 0] },
  ]);
}
