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
/** What measuring sets on a word (its own value of these is replaced). */
const measured = new Set(['text', 'font', ...asked.slice(3, 20), 'width', 'height', 'leadingCut', 'trailingCut']);
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
  for (let i = 0; i < array.length; i++) {
    const item = array[i]!;
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
    // The measured word made whole at once, in one shape, rather than the word pdfmake split off given
    // twenty more properties one by one (V8 grew each word's property store several times: an eighth of
    // all the memory a statement's PDF allocated). Its other own properties (its style's) follow.
    const word: Item = {
      text: item.text,
      font,
      alignment: answers[3],
      fontSize: answers[4],
      fontFeatures: answers[5],
      characterSpacing: answers[6],
      color: answers[7],
      decoration: answers[8],
      decorationColor: answers[9],
      decorationStyle: answers[10],
      decorationThickness: answers[11],
      background: answers[12],
      link: answers[13],
      linkToPage: answers[14],
      linkToDestination: answers[15],
      noWrap: answers[16],
      opacity: answers[17],
      sup: answers[18],
      sub: answers[19],
      width: 0,
      height: 0,
      leadingCut: item.leadingCut || 0,
      trailingCut: 0,
    };
    for (const key in item) if (!measured.has(key)) word[key] = item[key];
    array[i] = word;
    if (word.sup || word.sub) {
      // font size reduction taken from here: https://en.wikipedia.org/wiki/Subscript_and_superscript#Desktop_publishing
      (word.fontSize as number) *= 0.58;
    }
    const lineHeight = answers[20] as number;
    word.width = this.widthOfText(word.text, word);
    word.height = font!.lineHeight(word.fontSize as number) * lineHeight;
    if (!answers[21]) {
      const leadingSpaces = word.text.match(LEADING);
      if (leadingSpaces) (word.leadingCut as number) += this.widthOfText(leadingSpaces[0], word);
    }
    if (!answers[22]) {
      const trailingSpaces = word.text.match(TRAILING);
      if (trailingSpaces) word.trailingCut = this.widthOfText(trailingSpaces[0], word);
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
