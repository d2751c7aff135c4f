// What every report shares: the page frame (chapter and title in the header, "Page n of m" and the
// production time in the footer, DRAFT across draft pages), the styles, and tables whose header row
// repeats on every page and whose numbers are right-aligned.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatMoney } from '../shared/money';

export interface ReportFrame {
  chapterName: string;
  title: string;
  /** When the report was produced: printed in the footer and written as the PDF's creation date. */
  producedAt: Date;
  locale: string;
  draft?: boolean;
  landscape?: boolean;
}

export function producedLabel(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(at) + ' UTC';
}

export function documentFrame(frame: ReportFrame, content: Content[]): TDocumentDefinitions {
  const produced = producedLabel(frame.producedAt, frame.locale);
  return {
    pageSize: 'A4',
    pageOrientation: frame.landscape ? 'landscape' : 'portrait',
    pageMargins: [36, 54, 36, 42],
    info: {
      title: `${frame.title} — ${frame.chapterName}`,
      author: frame.chapterName,
      creator: 'Chapter Ledger',
      producer: 'Chapter Ledger',
      // Fixed, not "now": the same data and the same production time give the same bytes.
      creationDate: frame.producedAt,
      modDate: frame.producedAt,
    },
    header: () => ({
      margin: [36, 22, 36, 0],
      columns: [
        { text: frame.chapterName, style: 'headerChapter' },
        { text: frame.draft ? `${frame.title} — DRAFT` : frame.title, style: 'headerTitle', alignment: 'right' },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [36, 12, 36, 0],
      columns: [
        { text: `Produced ${produced} with Chapter Ledger`, style: 'footer' },
        { text: `Page ${currentPage} of ${pageCount}`, style: 'footer', alignment: 'right' },
      ],
    }),
    ...(frame.draft ? { watermark: { text: 'DRAFT', color: '#c92a2a', opacity: 0.12, bold: true } } : {}),
    defaultStyle: { font: 'DejaVu', fontSize: 9, lineHeight: 1.15 },
    styles: {
      headerChapter: { fontSize: 9, bold: true, color: '#0b7285' },
      headerTitle: { fontSize: 9, color: '#495057' },
      footer: { fontSize: 7.5, color: '#868e96' },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 10, color: '#495057', margin: [0, 0, 0, 12] },
      h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6], color: '#212529' },
      h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 4] },
      th: { bold: true, fontSize: 8, color: '#343a40', fillColor: '#e9ecef' },
      small: { fontSize: 7.5, color: '#495057' },
      muted: { color: '#868e96' },
      total: { bold: true },
    },
    content,
  };
}

export type Cell = string | number | null | undefined | { text: string; bold?: boolean; color?: string };

export interface TableOptions {
  widths?: Array<string | number>;
  /** Columns whose cells are numbers or money: right-aligned, header too. */
  numeric?: number[];
  /** Rows (by index in `rows`) printed bold, such as a totals row. */
  bold?: number[];
  fontSize?: number;
}

/** A table that splits across pages with its header row repeated. */
export function dataTable(headers: string[], rows: Cell[][], options: TableOptions = {}): Content {
  const numeric = new Set(options.numeric ?? []);
  const bold = new Set(options.bold ?? []);
  const cell = (value: Cell, column: number, row: number): TableCell => {
    const base = typeof value === 'object' && value !== null ? value : { text: value === null || value === undefined ? '' : String(value) };
    return { ...base, alignment: numeric.has(column) ? 'right' : 'left', bold: base.bold ?? bold.has(row), ...(options.fontSize ? { fontSize: options.fontSize } : {}) };
  };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: options.widths ?? headers.map(() => '*'),
      body: [
        headers.map((h, i) => ({ text: h, style: 'th', alignment: numeric.has(i) ? 'right' : 'left', ...(options.fontSize ? { fontSize: options.fontSize } : {}) })),
        ...rows.map((r, ri) => r.map((v, ci) => cell(v, ci, ri))),
      ],
    },
    layout: {
      hLineWidth: (i: number) => (i === 0 || i === 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#ced4da',
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
  };
}

export const moneyIn = (currency: string, locale: string) => (minor: number) => formatMoney(minor, currency, locale);

export function emptyNote(text: string): Content {
  return { text, style: 'muted', italics: true, margin: [0, 0, 0, 6] };
}
