// The fonts a report prints with, and which of them prints a given character. DejaVu Sans Condensed
// carries Latin, Greek, Cyrillic, Armenian and Georgian; Noto Sans fonts carry Arabic, Hebrew, Thai and
// the Indic scripts; Droid Sans Fallback carries Chinese (simplified and traditional), Japanese and
// Korean in one 3.4 MB file; Noto Emoji (monochrome) carries emoji. pdfkit subsets each font into the
// PDF, so a report pays only for the glyphs it prints. Sources and licences: resources/fonts/README.md.
import path from 'node:path';
import { openSync, type Font } from 'fontkit';

export interface FontFamily {
  /** The pdfmake font name. */
  name: string;
  folder: string;
  normal: string;
  bold?: string;
  italics?: string;
  bolditalics?: string;
  /** Characters this family prints before any other family is asked (its own script). */
  prefers?: RegExp;
}

/** The Latin family every report starts in; its runs carry no font of their own. */
export const baseFont = 'DejaVu';

const noto = (name: string, script: string, bold: boolean): FontFamily => ({
  name: `Noto${name}`,
  folder: 'Noto',
  normal: `NotoSans${name}-Regular.ttf`,
  ...(bold ? { bold: `NotoSans${name}-Bold.ttf` } : {}),
  prefers: new RegExp(`\\p{Script=${script}}`, 'u'),
});

/** In the order they are asked: the first family with the glyph prints the character. */
export const fontFamilies: FontFamily[] = [
  {
    name: baseFont,
    folder: 'DejaVu',
    normal: 'DejaVuSansCondensed.ttf',
    bold: 'DejaVuSansCondensed-Bold.ttf',
    italics: 'DejaVuSansCondensed-Oblique.ttf',
    bolditalics: 'DejaVuSansCondensed-BoldOblique.ttf',
  },
  noto('Arabic', 'Arabic', true),
  noto('Hebrew', 'Hebrew', true),
  noto('Devanagari', 'Devanagari', true),
  noto('Thai', 'Thai', true),
  noto('Bengali', 'Bengali', false),
  noto('Tamil', 'Tamil', false),
  noto('Telugu', 'Telugu', false),
  noto('Gujarati', 'Gujarati', false),
  noto('Gurmukhi', 'Gurmukhi', false),
  noto('Kannada', 'Kannada', false),
  noto('Malayalam', 'Malayalam', false),
  noto('Oriya', 'Oriya', false),
  noto('Sinhala', 'Sinhala', false),
  noto('Khmer', 'Khmer', false),
  noto('Lao', 'Lao', false),
  { name: 'CJK', folder: 'DroidSansFallback', normal: 'DroidSansFallback.ttf', prefers: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u },
  // Emoji presentation characters (and regional-indicator flags) print as emoji even where DejaVu has a
  // text-style glyph; a text-style character followed by U+FE0F is handled by the caller.
  { name: 'Emoji', folder: 'NotoEmoji', normal: 'NotoEmoji-Regular.woff', prefers: /\p{Emoji_Presentation}/u },
];

/** pdfmake's font table: a family without bold or italic files prints those styles with its regular file. */
export function pdfmakeFonts(fontsDir: string): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const f of fontFamilies) {
    const file = (name: string | undefined) => path.join(fontsDir, f.folder, name ?? f.normal);
    fonts[f.name] = { normal: file(f.normal), bold: file(f.bold), italics: file(f.italics), bolditalics: file(f.bolditalics ?? f.bold) };
  }
  return fonts;
}

/** Answers "which family prints this character", opening each font file once and remembering answers. */
export class FontChooser {
  private readonly opened = new Map<string, Font>();
  private readonly chosen = new Map<string, string>();

  constructor(private readonly fontsDir: string) {}

  has(family: FontFamily, codePoint: number): boolean {
    let font = this.opened.get(family.name);
    if (!font) {
      font = openSync(path.join(this.fontsDir, family.folder, family.normal));
      this.opened.set(family.name, font);
    }
    return font.hasGlyphForCodePoint(codePoint);
  }

  /** The family for one character; `asEmoji` when U+FE0F follows it. Falls back to the base font (a box). */
  familyFor(char: string, asEmoji = false): string {
    const key = asEmoji ? `${char}\ufe0f` : char;
    const known = this.chosen.get(key);
    if (known) return known;
    const codePoint = char.codePointAt(0)!;
    const emoji = fontFamilies.find((f) => f.name === 'Emoji')!;
    const preferred = asEmoji && this.has(emoji, codePoint) ? emoji : fontFamilies.find((f) => f.prefers?.test(char) && this.has(f, codePoint));
    const family = preferred ?? fontFamilies.find((f) => this.has(f, codePoint)) ?? fontFamilies[0]!;
    this.chosen.set(key, family.name);
    return family.name;
  }
}
