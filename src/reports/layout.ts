// What every report shares: the page frame (chapter and title in the header, "Page n of m" and the
// production time in the footer, DRAFT across draft pages), the styles, and tables whose header row
// repeats on every page and whose numbers are right-aligned.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDay } from '../shared/dates';
import { formatMoney } from '../shared/money';
import { formatInstant } from '../shared/time-zone';

export interface ReportFrame {
  chapterName: string;
  title: string;
  /** When the report was produced: printed in the footer and written as the PDF's creation date. */
  producedAt: Date;
  locale: string;
  /** The chapter's time zone (IANA): the production time prints in it. */
  timeZone: string;
  draft?: boolean;
  landscape?: boolean;
  /** A period not yet ended when the report was produced: marked on every page. */
  inProgress?: InProgress | null;
  /** Whom the report is about, in the PDF's title (a viewer's window, a file list): "Member statement — Dana Ruiz — …". */
  about?: string;
}

export interface InProgress {
  /** The last day the figures cover (the production day). */
  through: string;
  /** The period's last day. */
  ends: string;
  /** "quarter", "period". */
  what: string;
}

/** The period is still running on the day the report is produced (in the chapter's zone). */
export function inProgress(period: { to: string }, producedDay: string, what: string): InProgress | null {
  return producedDay < period.to ? { through: producedDay, ends: period.to, what } : null;
}

export function inProgressLabel(p: InProgress, locale: string): string {
  return `In progress: figures to ${formatDay(p.through, locale)}; the ${p.what} ends ${formatDay(p.ends, locale)}`;
}

export function producedLabel(at: Date, locale: string, timeZone: string): string {
  return formatInstant(at, locale, timeZone);
}

/**
 * Headings (h2/h3) are marked as level-1 headlines; the lines that introduce a table (a note, a score
 * sentence) can be marked level 2 by the report. A heading is moved to the next page when nothing but
 * its own introduction would follow it on this one: never a heading alone at a page's foot.
 */
function markHeadings(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(markHeadings);
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  const styles = Array.isArray(n.style) ? n.style : [n.style];
  if ((styles.includes('h2') || styles.includes('h3')) && n.headlineLevel === undefined) n.headlineLevel = 1;
  if (Array.isArray(n.stack)) markHeadings(n.stack);
  if (Array.isArray(n.columns)) markHeadings(n.columns);
}

type Headline = { headlineLevel?: unknown; text?: unknown; image?: unknown; canvas?: unknown; svg?: unknown; style?: unknown; startPosition?: { pageNumber?: number; top?: number } };
const pageFrameStyles = new Set(['headerChapter', 'headerTitle', 'inProgress', 'footer']);
/** Something printed in the page's body (a line, a table cell, a picture): not a container (tables and stacks print through their cells), not the page header or footer. */
const printed = (f: Headline) => (f.text !== undefined || f.image !== undefined || f.canvas !== undefined || f.svg !== undefined) && !(Array.isArray(f.style) ? f.style : [f.style]).some((s) => pageFrameStyles.has(s as string));
export function keepHeadingWithWhatFollows(node: Headline, following: () => Headline[], nextPage: () => Headline[]): boolean {
  if (node.headlineLevel !== 1) return false;
  const after = following();
  // A table's header row and the row kept with it (keepWithHeaderRows) are laid out as one block; when the block
  // does not fit at the page's foot pdfmake draws it on the next page, but its cells keep the places of the try:
  // the header row and the first row at one and the same top, on this page. Such a row is not printed here (a
  // statement's "One-to-ones with" was left alone at the foot of a page, its table on the next).
  const headerTops = new Set(after.filter((f) => f.headlineLevel === 2 && f.startPosition?.top !== undefined).map((f) => f.startPosition!.top));
  const triedHere = (f: Headline) => f.headlineLevel !== 2 && f.startPosition?.top !== undefined && headerTops.has(f.startPosition.top);
  return after.every((f) => !printed(f) || f.headlineLevel === 2 || triedHere(f)) && nextPage().some(printed);
}

/** The footer's page numbers: the document's own, or (one part of a document made in parts) the whole document's. */
export type PageNumbering = (currentPage: number, pageCount: number) => { page: number; of: number };
const ownPageNumbers: PageNumbering = (page, of) => ({ page, of });

export function documentFrame(frame: ReportFrame, content: Content[], numbering: PageNumbering = ownPageNumbers): TDocumentDefinitions {
  markHeadings(content);
  const produced = producedLabel(frame.producedAt, frame.locale, frame.timeZone);
  const notice = frame.inProgress ? inProgressLabel(frame.inProgress, frame.locale) : null;
  return {
    pageSize: 'A4',
    pageOrientation: frame.landscape ? 'landscape' : 'portrait',
    pageMargins: [36, 54, 36, 42],
    info: {
      title: frame.about ? `${frame.title} — ${frame.about} — ${frame.chapterName}` : `${frame.title} — ${frame.chapterName}`,
      author: frame.chapterName,
      creator: 'Chapter Ledger',
      producer: 'Chapter Ledger',
      // Fixed, not "now": the same data and the same production time give the same bytes.
      creationDate: frame.producedAt,
      modDate: frame.producedAt,
    },
    header: () => ({
      margin: [36, notice ? 14 : 22, 36, 0],
      stack: [
        {
          columns: [
            { text: frame.chapterName, style: 'headerChapter' },
            { text: frame.draft ? `${frame.title} — DRAFT` : frame.title, style: 'headerTitle', alignment: 'right' },
          ],
        },
        ...(notice ? [{ text: notice, style: 'inProgress', margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
      ],
    }),
    footer: (currentPage: number, pageCount: number) => {
      const { page, of } = numbering(currentPage, pageCount);
      return {
        margin: [36, 12, 36, 0],
        columns: [
          { text: `Produced ${produced} with Chapter Ledger`, style: 'footer' },
          { text: `Page ${page} of ${of}`, style: 'footer', alignment: 'right' },
        ],
      };
    },
    ...(frame.draft ? { watermark: { text: 'DRAFT', color: '#c92a2a', opacity: 0.12, bold: true } } : {}),
    pageBreakBefore: (node, pages) => keepHeadingWithWhatFollows(node, pages.getFollowingNodesOnPage, pages.getNodesOnNextPage),
    defaultStyle: { font: 'DejaVu', fontSize: 9, lineHeight: 1.15 },
    styles: {
      headerChapter: { fontSize: 9, bold: true, color: '#0b7285' },
      headerTitle: { fontSize: 9, color: '#495057' },
      footer: { fontSize: 7.5, color: '#868e96' },
      inProgress: { fontSize: 8.5, bold: true, color: '#c92a2a' },
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

/** Printable width of an A4 page inside the report margins (36 pt each side), in points. */
export const usableWidth = { portrait: 595.28 - 72, landscape: 841.89 - 72 } as const;
export type Orientation = keyof typeof usableWidth;
/** Left and right padding of every table cell: part of each column's share of the page. */
export const cellPadding = 3;

/**
 * Column widths: a number is a fixed width in points; `'*'` marks a flexible column (a name, a
 * prospect, a reason) that shares what the fixed and numeric columns leave, by weight (`{ flex: 2 }`
 * takes twice a `'*'`'s share). Numeric columns are never narrower than their widest value or header word.
 */
export type ColumnWidth = number | '*' | { flex: number };

export interface TableOptions {
  widths?: ColumnWidth[];
  /** Columns whose cells are numbers or money: right-aligned, header too. */
  numeric?: number[];
  /** Rows (by index in `rows`) printed bold, such as a totals row. */
  bold?: number[];
  fontSize?: number;
  /** The page the table is printed on; the widths add up to its printable width. Portrait unless said. */
  orientation?: Orientation;
  /** Keep this many points of the page free (a table printed in a column of its page). */
  within?: number;
}

// Advance widths of DejaVu Sans Condensed (regular and bold) for ASCII 32-126, in thousandths of the
// font size, read from the font files (tests/unit/report-layout.test.ts checks them against fontkit).
const asciiWidths = {
  normal: [286,360,414,754,572,855,702,247,351,351,450,754,286,325,286,303,572,572,572,572,572,572,572,572,572,572,303,303,754,754,754,478,900,615,617,628,693,568,518,697,677,265,265,590,501,776,673,708,542,708,625,571,549,659,615,890,616,549,616,351,303,351,754,450,450,551,571,495,571,554,316,571,570,250,250,521,250,876,570,550,571,571,370,469,353,570,532,736,532,532,472,572,303,572,754],
  bold: [313,410,469,754,626,901,785,275,411,411,470,754,342,374,342,329,626,626,626,626,626,626,626,626,626,626,360,360,754,754,754,522,900,696,686,660,747,615,615,738,753,334,334,697,573,896,753,765,659,765,693,648,614,730,696,993,694,651,652,411,329,411,754,450,450,607,644,533,644,610,391,644,641,308,308,598,308,938,641,618,644,644,444,536,430,641,586,831,580,586,523,641,329,641,754],
};

/** The printed width of `text` in points: exact for ASCII in DejaVu, a full em (the widest) for anything else. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = bold ? asciiWidths.bold : asciiWidths.normal;
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x200b) continue;
    thousandths += code >= 32 && code < 127 ? table[code - 32]! : 1000;
  }
  return (thousandths * fontSize) / 1000;
}

/** Shortened with an ellipsis to fit `width`; the full text must be printed elsewhere on the page. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize, bold) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}

const cellText = (value: Cell): string => (typeof value === 'object' && value !== null ? value.text : value === null || value === undefined ? '' : String(value));

/** Every column's width in points, adding up (with cell padding) to the page's printable width. */
export function columnWidths(headers: string[], rows: Cell[][], options: TableOptions): number[] {
  const fontSize = options.fontSize ?? 9;
  const available = usableWidth[options.orientation ?? 'portrait'] - (options.within ?? 0) - headers.length * 2 * cellPadding;
  const numeric = new Set(options.numeric ?? []);
  const specs: ColumnWidth[] = options.widths ?? headers.map((_, i) => (numeric.has(i) ? 0 : '*'));
  const widths = specs.map((spec, i) => {
    if (typeof spec !== 'number') return 0;
    if (!numeric.has(i)) return spec;
    // Numbers never wrap: the widest value (bold, as in a totals row) or the widest header word.
    const widest = Math.max(...rows.map((r) => textWidth(cellText(r[i]), fontSize, true)), ...(headers[i] ?? '').split(/\s+/).map((w) => textWidth(w, fontSize, true)));
    return Math.max(spec, Math.ceil(widest) + 1);
  });
  const weight = (spec: ColumnWidth) => (spec === '*' ? 1 : typeof spec === 'object' ? spec.flex : 0);
  const weights = specs.reduce((sum: number, spec) => sum + weight(spec), 0);
  const left = available - widths.reduce((a, b) => a + b, 0);
  return specs.map((spec, i) => (weight(spec) ? Math.floor((Math.max(left, 0) * weight(spec)) / weights * 100) / 100 : widths[i]!));
}

/** A table that splits across pages with its header row repeated; widths always in points. */
export function dataTable(headers: string[], rows: Cell[][], options: TableOptions = {}): Content {
  const numeric = new Set(options.numeric ?? []);
  const bold = new Set(options.bold ?? []);
  // A cell carries only what differs from the document's defaults (left-aligned, not bold, the table's
  // type size): every style property on a cell is another push and lookup in pdfmake's style stack,
  // hundreds of times over in a long table.
  const cell = (value: Cell, column: number, row: number): TableCell => {
    const base = typeof value === 'object' && value !== null ? value : { text: value === null || value === undefined ? '' : String(value) };
    const isBold = base.bold ?? bold.has(row);
    return { ...base, bold: isBold || undefined, ...(numeric.has(column) ? { alignment: 'right' as const, noWrap: true } : {}) };
  };
  return {
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
    table: {
      headerRows: 1,
      // A row is never split across pages, and the header row never stands alone at a page's foot.
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: columnWidths(headers, rows, options),
      body: [
        // Header cells count as a heading's introduction: a heading followed on its page by nothing but a header row moves on.
        headers.map((h, i) => ({ text: h, style: 'th', headlineLevel: 2, alignment: numeric.has(i) ? 'right' : 'left', ...(options.fontSize ? { fontSize: options.fontSize } : {}) })),
        ...rows.map((r, ri) => r.map((v, ci) => cell(v, ci, ri))),
      ],
    },
    layout: {
      hLineWidth: (i: number) => (i === 0 || i === 1 ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => '#ced4da',
      paddingLeft: () => cellPadding,
      paddingRight: () => cellPadding,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
  };
}

export const moneyIn = (currency: string, locale: string) => (minor: number) => formatMoney(minor, currency, locale);

export function emptyNote(text: string): Content {
  return { text, style: 'muted', italics: true, margin: [0, 0, 0, 6] };
}
