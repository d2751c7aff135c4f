// Headings kept with what follows them, at the cost of a few layouts instead of one per moved heading.
// pdfmake asks the document's pageBreakBefore for each node in turn after laying the document out; at
// the first "yes" it lays the WHOLE document out again and asks again from there. "All statements"
// (60 statements, ~200 pages, a heading moved in most of them) was laid out some sixty times.
// A node of the document's outermost list that starts a new page (pageBreak 'before': a statement's first
// line, a heading already moved) begins a part of the document whose layout does not depend on anything
// before it: the pages before it can grow or shrink, its own nodes land at the same places on their
// pages. (Not so inside columns or tables, whose neighbours stay where they were: those never begin a part.) So one pass can decide
// the first move of every such part, not just the first of the document, and the next pass the second:
// the document is laid out (1 + the most moves in any one part) times, with exactly the breaks pdfmake
// would have chosen (the same questions asked of the same page positions; the report tests compare bytes).
// Better still, a document made of parts (All statements) is laid out part by part, each part again only
// when one of its own headings moves, and its pages put together after (see layoutDocument below).
// This replaces LayoutBuilder.layoutDocument with pdfmake 0.3's own code plus these changes.
import { requirePdfmake } from './pdfmake-internals';

interface LaidOutNode {
  positions: Array<{ pageNumber: number }>;
  text?: unknown;
  listMarker?: unknown;
  pageBreak?: string;
  pageBreakCalculated?: boolean;
  nodeInfo: Record<string, unknown> & { pageNumbers: number[] };
  resetXY(): void;
  [key: string]: unknown;
}
type Found = { pages: unknown[]; linearNodeList: LaidOutNode[] };
type PageBreakBefore = (nodeInfo: Record<string, unknown>, pages: { getFollowingNodesOnPage(): unknown[]; getNodesOnNextPage(): unknown[]; getPreviousNodesOnPage(): unknown[] }) => boolean;
interface LayoutBuilderLike {
  docPreprocessor: unknown;
  docMeasure: unknown;
  svgMeasure: unknown;
  tableLayouts: unknown;
  tryLayoutDocument(...args: unknown[]): Found;
}

const infoKeys = ['id', 'text', 'ul', 'ol', 'table', 'image', 'qr', 'canvas', 'svg', 'columns', 'headlineLevel', 'style', 'pageBreak', 'pageOrientation', 'width', 'height'];

/** How many times the last document was laid out, parts counted one by one (for the tests and the bench). */
export const layoutPasses = { last: 0 };

/** Told after each part of a document laid out part by part (a statement of "All statements"): parts done, parts in all. */
let onPartLaidOut: ((done: number, total: number) => void) | null = null;
export function whenPartLaidOut(listener: ((done: number, total: number) => void) | null): void {
  onPartLaidOut = listener;
}

/**
 * Asks `pageBreakBefore` about the nodes of each part of the document (parts begin at an outermost node
 * starting a new page) and marks the first node of each part it moves. True when anything moved (lay out again).
 */
export function addPageBreaks(all: LaidOutNode[], pageCount: number, pageBreakBefore: PageBreakBefore, outermost: (node: unknown) => boolean): boolean {
  const nodes = all.filter((node) => node && node.positions.length > 0 && !(node.text === '' && !node.listMarker));
  for (const node of nodes) {
    const info: Record<string, unknown> = {};
    for (const key of infoKeys) if (node[key] !== undefined) info[key] = node[key];
    info.startPosition = node.positions[0];
    info.pageNumbers = Array.from(new Set(node.positions.map((p) => p.pageNumber)));
    info.pages = pageCount;
    info.stack = Array.isArray(node.stack);
    node.nodeInfo = info as LaidOutNode['nodeInfo'];
  }
  const onPage = (from: number, to: number, page: number) => {
    const found: unknown[] = [];
    for (let i = from; i < to; i++) if (nodes[i]!.nodeInfo.pageNumbers.includes(page)) found.push(nodes[i]!.nodeInfo);
    return found;
  };
  let moved = false;
  let skipping = false;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    // A node starting a new page begins a part laid out independently of the parts before it.
    if (node.pageBreak === 'before' && outermost(node)) {
      skipping = false;
      continue;
    }
    if (skipping || node.pageBreakCalculated) continue;
    node.pageBreakCalculated = true;
    const page = node.nodeInfo.pageNumbers[0]!;
    const move = pageBreakBefore(node.nodeInfo, {
      getFollowingNodesOnPage: () => onPage(index + 1, nodes.length, page),
      getNodesOnNextPage: () => onPage(index + 1, nodes.length, page + 1),
      getPreviousNodesOnPage: () => onPage(0, index, page),
    });
    if (move) {
      node.pageBreak = 'before';
      moved = true;
      // The rest of this part lands elsewhere once this node moves: it is asked again next pass.
      skipping = true;
    }
  }
  return moved;
}

let installed = false;

/**
 * The document's outermost list cut where it starts new pages of its own (a statement's first line):
 * null when it does not (one report), or when something drawn on every page as it is made (a page
 * background) would need the document's page numbers while the parts are laid out.
 */
function partsOf(docStructure: unknown, background: unknown): unknown[][] | null {
  if (!Array.isArray(docStructure) || (background !== undefined && background !== null)) return null;
  // A page turned landscape (the quarterly audit's matrix) leaves the pages after it so: parts then depend on each other.
  if (turnsPages(docStructure)) return null;
  const parts: unknown[][] = [];
  for (const node of docStructure) {
    const starts = parts.length === 0 || (node !== null && typeof node === 'object' && (node as { pageBreak?: unknown }).pageBreak === 'before');
    if (starts) parts.push([node]);
    else parts.at(-1)!.push(node);
  }
  return parts.length > 1 ? parts : null;
}

/** Anything in the content asking for a page orientation of its own. */
function turnsPages(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(turnsPages);
  if (!node || typeof node !== 'object') return false;
  if ((node as { pageOrientation?: unknown }).pageOrientation !== undefined) return true;
  return Object.values(node).some((value) => typeof value === 'object' && value !== null && turnsPages(value));
}

/** Makes pdfmake decide page breaks part by part (see above). Idempotent. */
export function decidePageBreaksPartByPart(): void {
  if (installed) return;
  installed = true;
  const { default: LayoutBuilder } = requirePdfmake<{ default: { prototype: LayoutBuilderLike & { layoutDocument: (...args: unknown[]) => unknown } } }>('pdfmake/js/LayoutBuilder');
  const { default: DocPreprocessor } = requirePdfmake<{ default: new () => unknown }>('pdfmake/js/DocPreprocessor');
  const { default: DocMeasure } = requirePdfmake<{ default: new (...args: unknown[]) => unknown }>('pdfmake/js/DocMeasure');
  const { default: DocumentContext } = requirePdfmake<{ default: new () => { pages: unknown[]; backgroundLength: number[] } }>('pdfmake/js/DocumentContext');
  const { default: PageElementWriter } = requirePdfmake<{ default: new (context: unknown) => unknown }>('pdfmake/js/PageElementWriter');
  LayoutBuilder.prototype.layoutDocument = function (this: LayoutBuilderLike & { writer: unknown; addHeadersAndFooters(header: unknown, footer: unknown): void; addWatermark(watermark: unknown, pdfDocument: unknown, defaultStyle: unknown): void }, docStructure: unknown, pdfDocument: unknown, styleDictionary: unknown, defaultStyle: unknown, background: unknown, header: unknown, footer: unknown, watermark: unknown, pageBreakBeforeFct: unknown) {
    this.docPreprocessor = new DocPreprocessor();
    this.docMeasure = new DocMeasure(pdfDocument, styleDictionary, defaultStyle, this.svgMeasure, this.tableLayouts);
    // Laid out until no node moves; `frame` false leaves the page header, footer and watermark for later.
    const layOut = (content: unknown, frame: boolean) => {
      // The document's outermost list (pdfmake keeps these objects through its preprocessing).
      const outermost = new Set<unknown>(Array.isArray(content) ? content : [content]);
      const once = () => this.tryLayoutDocument(content, pdfDocument, styleDictionary, defaultStyle, background, frame ? header : undefined, frame ? footer : undefined, frame ? watermark : undefined);
      let result = once();
      layoutPasses.last++;
      while (typeof pageBreakBeforeFct === 'function' && addPageBreaks(result.linearNodeList, result.pages.length, pageBreakBeforeFct as PageBreakBefore, (node) => outermost.has(node))) {
        for (const node of result.linearNodeList) node.resetXY();
        result = once();
        layoutPasses.last++;
      }
      return result;
    };
    layoutPasses.last = 0;
    const parts = typeof pageBreakBeforeFct === 'function' ? partsOf(docStructure, background) : null;
    if (!parts) return layOut(docStructure, true).pages;
    // Each part laid out on its own from a fresh page (its first node then starts it without a page break),
    // so a heading moved in one statement lays out that statement again, not the whole document. The
    // pages are then put together and get their header, footer ("Page 7 of 240") and watermark at once.
    const pages: unknown[] = [];
    const backgroundLength: number[] = [];
    let last: Record<string, unknown> = {};
    for (const [i, part] of parts.entries()) {
      const first = part[0] as { pageBreak?: unknown };
      if (i > 0) delete first.pageBreak;
      try {
        const result = layOut(part, false);
        pages.push(...result.pages);
        last = (this.writer as { context(): Record<string, unknown> & { backgroundLength: number[] } }).context();
        backgroundLength.push(...(last.backgroundLength as number[]));
      } finally {
        if (i > 0) first.pageBreak = 'before';
      }
      onPartLaidOut?.(i + 1, parts.length);
    }
    // Where the last part ended, as the whole document's layout would leave it for the page frame.
    const context = Object.assign(new DocumentContext(), { pageMargins: last.pageMargins, x: last.x, y: last.y, availableWidth: last.availableWidth, availableHeight: last.availableHeight, pages, backgroundLength, page: pages.length - 1 });
    const writer = new PageElementWriter(context);
    this.writer = writer;
    this.addHeadersAndFooters(header, footer);
    this.addWatermark(watermark, pdfDocument, defaultStyle);
    return pages;
  };
}
