// A document is laid out more than once when a heading moves to the next page (page-breaks.ts: the
// document, or the part of it, laid out again), and pdfmake begins each layout by measuring every piece
// of text anew: its words split, styled and their widths taken — two thirds of a pass (a weekly report of
// 200 slips: three passes, ~25 ms each). A piece's measure depends on its text and its place among the
// document's styles, which are the same on every pass of one document, so here it is taken once per
// document and each pass gets its own copy of the words: the layout uses them up (it takes words off the
// list as it fills lines, and cuts a word too long for a line in two in place). The PDF's bytes are the
// same (tests/unit/measure-once.test.ts).
import { requirePdfmake } from './pdfmake-internals';

type Word = Record<string, unknown>;
interface Leaf {
  text: unknown;
  _inlines?: Word[];
  _minWidth?: unknown;
  _maxWidth?: unknown;
}
interface Measured {
  /** The words as measured, never handed to a layout (each pass gets copies). */
  words: Word[];
  minWidth: unknown;
  maxWidth: unknown;
}
interface DocMeasureLike {
  measureLeaf(node: Leaf): Leaf;
}

/** Per document: pdfmake makes one DocMeasure for a document and keeps it through its passes (page-breaks.ts). */
const measuredBy = new WeakMap<DocMeasureLike, WeakMap<Leaf, Measured>>();
let original: DocMeasureLike['measureLeaf'] | null = null;

const copies = (words: Word[]) => words.map((word) => ({ ...word }));

function measureLeafOnce(this: DocMeasureLike, node: Leaf): Leaf {
  // A node's text is in its final form after the first pass's preprocessing (a text reference's copied in by
  // the first measure, a page reference's number written only when the page is drawn), so it is not compared.
  let measured = measuredBy.get(this);
  if (!measured) measuredBy.set(this, (measured = new WeakMap()));
  const before = measured.get(node);
  if (before) {
    node._inlines = copies(before.words);
    node._minWidth = before.minWidth;
    node._maxWidth = before.maxWidth;
    return node;
  }
  original!.call(this, node);
  const words = node._inlines ?? [];
  measured.set(node, { words, minWidth: node._minWidth, maxWidth: node._maxWidth });
  node._inlines = copies(words);
  return node;
}

/** Installs the measuring once per document (idempotent); `false` puts pdfmake's own back (for the comparison test). */
export function measureTextOncePerDocument(on = true): void {
  const DocMeasure = requirePdfmake<{ default: { prototype: DocMeasureLike } }>('pdfmake/js/DocMeasure').default;
  if (!original) original = DocMeasure.prototype.measureLeaf;
  DocMeasure.prototype.measureLeaf = on ? measureLeafOnce : original;
}
