// pdfmake measures a piece of text word by word, and for every word asks the style stack 23 questions
// (font, bold, size, colour, alignment, decoration, link…) although the words of one piece of text carry
// the same style (pdfmake copies the piece's own properties onto each word). Here a word whose own
// properties and style names are those of the word before it gets the answers the word before got —
// the answer depends on nothing else: the word's own property, then its style names, then the stack,
// which is the same for the whole piece. Everything else (widths, spaces cut at a line's ends) is
// pdfmake's own TextInlines.measure, line for line. The PDF's bytes are the same (tests/unit/word-styles).
import { requirePdfmake } from './pdfmake-internals';

type Item = Record<string, unknown> & { text: string; style?: unknown };
interface StyleStack {
  getStyleProperty(item: unknown, stack: unknown, property: string, defaultValue: unknown): unknown;
}
interface PdfFont {
  lineHeight(fontSize: number): number;
}
interface Inlines {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): PdfFont };
  widthOfText(text: string, item: Item): number;
  measure(array: Item[], stack: unknown): Item[];
}

/** The questions pdfmake's measure asks of every word, with its defaults, in its order. */
const asked = ['font', 'bold', 'italics', 'alignment', 'fontSize', 'fontFeatures', 'characterSpacing', 'color', 'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage', 'linkToDestination', 'noWrap', 'opacity', 'sup', 'sub', 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces'] as const;
const defaults: unknown[] = ['Roboto', false, false, 'left', 12, null, 0, 'black', null, null, null, null, null, null, null, null, null, 1, false, false, 1, false, false];
const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

let original: Inlines['measure'] | null = null;
let Styles: StyleStack | null = null;

function measure(this: Inlines, array: Item[], stack: unknown): Item[] {
  const S = Styles!;
  if (array.length) {
    const leadingIndent = S.getStyleProperty(array[0], stack, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      array[0]!.leadingCut = -leadingIndent;
      array[0]!.leadingIndent = leadingIndent;
    }
  }
  const n = asked.length;
  let previous: unknown[] | null = null;
  let own: unknown[] = new Array(n);
  let previousStyle: unknown;
  const answers: unknown[] = new Array(n);
  let font: PdfFont | null = null;
  for (const item of array) {
    // The word's own properties before measuring fills them in.
    let same = previous !== null && item.style === previousStyle;
    for (let k = 0; k < n; k++) {
      const value = item[asked[k]!];
      if (same && value !== previous![k]) same = false;
      own[k] = value;
    }
    if (!same) {
      for (let k = 0; k < n; k++) answers[k] = S.getStyleProperty(item, stack, asked[k]!, defaults[k]);
      font = this.pdfDocument.provideFont(answers[0], answers[1], answers[2]);
      const spare: unknown[] = previous ?? new Array(n);
      previous = own;
      own = spare;
      previousStyle = item.style;
    }
    item.font = font;
    item.alignment = answers[3];
    item.fontSize = answers[4];
    item.fontFeatures = answers[5];
    item.characterSpacing = answers[6];
    item.color = answers[7];
    item.decoration = answers[8];
    item.decorationColor = answers[9];
    item.decorationStyle = answers[10];
    item.decorationThickness = answers[11];
    item.background = answers[12];
    item.link = answers[13];
    item.linkToPage = answers[14];
    item.linkToDestination = answers[15];
    item.noWrap = answers[16];
    item.opacity = answers[17];
    item.sup = answers[18];
    item.sub = answers[19];
    if (item.sup || item.sub) {
      // font size reduction taken from here: https://en.wikipedia.org/wiki/Subscript_and_superscript#Desktop_publishing
      (item.fontSize as number) *= 0.58;
    }
    const lineHeight = answers[20] as number;
    item.width = this.widthOfText(item.text, item);
    item.height = font!.lineHeight(item.fontSize as number) * lineHeight;
    if (!item.leadingCut) item.leadingCut = 0;
    if (!answers[21]) {
      const leadingSpaces = item.text.match(LEADING);
      if (leadingSpaces) (item.leadingCut as number) += this.widthOfText(leadingSpaces[0], item);
    }
    item.trailingCut = 0;
    if (!answers[22]) {
      const trailingSpaces = item.text.match(TRAILING);
      if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item);
    }
  }
  return array;
}

/** Installs the measuring that asks once per run of alike words (idempotent); `false` puts pdfmake's own back (for the comparison test). */
export function askStylesOncePerPiece(on = true): void {
  const TextInlines = requirePdfmake<{ default: { prototype: Inlines } }>('pdfmake/js/TextInlines').default;
  Styles ??= requirePdfmake<{ default: StyleStack }>('pdfmake/js/StyleContextStack').default;
  if (!original) original = TextInlines.prototype.measure;
  TextInlines.prototype.measure = on ? measure : original;
}
