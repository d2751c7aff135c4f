// PALMS summary: the per-member table of a period (the PALMS export's columns) with chapter totals.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ChapterTotals, MemberTally, Period } from '../shared/contract';
import { dataTable, documentFrame, moneyIn, type Cell, type Orientation } from './layout';

export interface PalmsData {
  chapterName: string;
  currency: string;
  locale: string;
  period: Period;
  members: MemberTally[];
  totals: ChapterTotals;
}

export const palmsHeaders = ['First Name', 'Last Name', 'P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'];

/** The per-member PALMS table with a chapter totals row; reused by the quarterly audit. */
export function palmsTable(data: Pick<PalmsData, 'currency' | 'locale' | 'members' | 'totals'>, orientation: Orientation = 'landscape'): Content {
  const money = moneyIn(data.currency, data.locale);
  const rows: Cell[][] = data.members.map((m) => [
    m.firstName,
    m.leftDuringPeriod ? `${m.lastName} (left)` : m.lastName,
    m.p, m.a, m.l, m.m, m.s, m.rgi, m.rgo, m.rri, m.rro, m.visitors, m.oneToOnes,
    money(m.tyfcbReceivedMinor),
    m.ceus,
  ]);
  const t = data.totals;
  const given = data.members.reduce((s, m) => ({ rgi: s.rgi + m.rgi, rgo: s.rgo + m.rgo, rri: s.rri + m.rri, rro: s.rro + m.rro }), { rgi: 0, rgo: 0, rri: 0, rro: 0 });
  rows.push(['Chapter', 'total', t.p, t.a, t.l, t.m, t.s, given.rgi, given.rgo, given.rri, given.rro, t.visitors, t.oneToOnes, money(t.tyfcbMinor), t.ceus]);
  return dataTable(palmsHeaders, rows, {
    widths: ['*', '*', 22, 22, 22, 22, 22, 26, 26, 26, 26, 22, 28, 70, 26],
    numeric: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    bold: [rows.length - 1],
    fontSize: 8,
    orientation,
  });
}

export function palmsSummaryReport(data: PalmsData, producedAt: Date): TDocumentDefinitions {
  return documentFrame({ chapterName: data.chapterName, title: 'PALMS summary', producedAt, locale: data.locale, landscape: true }, [
    { text: 'PALMS summary', style: 'title' },
    { text: `${data.period.from} to ${data.period.to} · ${data.totals.meetings} closed meetings · TYFCB is business received (the member's own slips)`, style: 'subtitle' },
    palmsTable(data),
    { text: "1-2-1 counts each one-to-one for both members; the total counts each once. Members marked (left) have partial figures.", style: 'small', margin: [0, 6, 0, 0] },
  ]);
}
