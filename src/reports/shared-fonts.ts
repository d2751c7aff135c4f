// Fonts opened once per process instead of once per PDF. pdfmake hands pdfkit a font file path for each
// document, and pdfkit reads and parses the file again every time (the Latin family, the scripts a
// name needs, the 3.4 MB CJK font): about 190 ms of every member statement, most of its time, and 60
// statements pay it 60 times. Here pdfmake's document asks for a font and gets one made from a fontkit
// font parsed once, with the word widths it already measured; the subset embedded in each PDF is still
// the document's own, so the bytes are the same as before (the report tests compare them).
// It touches pdfmake's PDFDocument.provideFont and the font table pdfkit embeds from (_fontFamilies),
// exactly as pdfkit's own font() fills it; tests/unit/reports.test.ts checks identical bytes.
import { requirePdfmake } from './pdfmake-internals';
import { openSync, type Font } from 'fontkit';

interface PdfkitFont {
  name?: string;
  layoutCache?: Record<string, unknown>;
}
interface PdfmakeDocument {
  fontCache: Record<string, Record<string, PdfkitFont>>;
  _fontFamilies: Record<string, PdfkitFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
  validateLocalFile(file: string): void;
  font(src: string): { _font: PdfkitFont };
}

/** Word widths measured per font file; dropped when they grow past this many words (memory stays bounded). */
const maxCachedWords = 50_000;
const opened = new Map<string, { font: Font; words: Record<string, unknown>; count: () => number }>();

function openShared(file: string) {
  let entry = opened.get(file);
  if (!entry) {
    const font = openSync(file);
    const words: Record<string, unknown> = Object.create(null);
    entry = { font, words, count: () => Object.keys(words).length };
    opened.set(file, entry);
  }
  return entry;
}

let installed = false;

/** Makes every later pdfmake document take its fonts from the shared ones. Idempotent. */
export function shareFontsAcrossDocuments(): void {
  if (installed) return;
  installed = true;
  const { default: PDFDocument } = requirePdfmake<{ default: { prototype: PdfmakeDocument & { provideFont(family: string, bold: boolean, italics: boolean): PdfkitFont } } }>('pdfmake/js/PDFDocument');
  const original = PDFDocument.prototype.provideFont;
  type EmbeddedFontClass = new (document: PdfmakeDocument, font: Font, id: string) => PdfkitFont;
  let EmbeddedFont: EmbeddedFontClass | null = null;
  PDFDocument.prototype.provideFont = function (this: PdfmakeDocument, family: string, bold: boolean, italics: boolean): PdfkitFont {
    const type = this.getFontType(bold, italics);
    const file = this.getFontFile(family, bold, italics);
    const known = this.fontCache[family]?.[type];
    if (known || typeof file !== 'string') return known ?? original.call(this, family, bold, italics);
    if (!EmbeddedFont) {
      // The first font ever is opened by pdfkit itself; its class makes the shared ones after.
      const font = original.call(this, family, bold, italics);
      EmbeddedFont = font.constructor as EmbeddedFontClass;
      return font;
    }
    this.validateLocalFile(file);
    // As pdfkit's font(file): one font per file in this document (a family's bold may be its regular file).
    let font = this._fontFamilies[file];
    if (!font) {
      if (openShared(file).count() > maxCachedWords) opened.delete(file);
      const entry = openShared(file);
      font = new EmbeddedFont(this, entry.font, `F${++this._fontCount}`);
      font.layoutCache = entry.words;
      this._fontFamilies[file] = font;
      if (font.name && !this._fontFamilies[font.name]) this._fontFamilies[font.name] = font;
    }
    (this.fontCache[family] ??= {})[type] = font;
    return font;
  };
}
