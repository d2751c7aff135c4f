// Every string a report prints becomes runs of text, each in a font that has all its glyphs, in the
// order they are seen on the page. Three things happen here, for every script a chapter writes:
//  1. Long unbroken tokens (a 300-character reason, a URL) get zero-width break opportunities, so a
//     table column can wrap them instead of being pushed off the page.
//  2. Each character goes to the first font family that has it (its own script's family first).
//  3. Right-to-left text is put in visual order with bidi-js (the Unicode Bidirectional Algorithm):
//     words are ordered here; the letters of an Arabic or Hebrew word are ordered and joined by fontkit,
//     which shapes a right-to-left run and lays it out right to left. Spaces between right-to-left
//     words are runs of their own, so fontkit never moves a space to the wrong side of a word.
import bidiFactory from 'bidi-js';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { baseFont, type FontChooser } from './fonts';

export interface TextRun {
  text: string;
  font: string;
}

const bidi = bidiFactory();

/** Scripts fontkit lays out right to left by itself. */
const rtlScript = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const anyRtl = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\u200f\u202b\u202e\u2067]/u;
/** Characters that belong to the character before them (marks, joiners, selectors, skin tones, tags). */
const attaches = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
const space = /\s/u;
/** Simple text: nothing to do beyond the base font (the fast path for most cells). */
const plainLatin = /^[\u0020-\u007e\u00a0-\u024f\u2013\u2014\u2018-\u201d\u2022\u2026\u2192\u2190\u2193\u2212\u00b7]*$/u;

export const softBreak = '\u200b';
/** A token this long gets break opportunities: after punctuation, and every `every` characters. */
const longToken = 20;
const every = 12;
const breakAfter = /[/\\\-_.@,;:+=&?|)\]}]/u;
const breakable = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\p{P}\p{S}]+$/u;

/** Zero-width break opportunities inside long unbroken Latin/Greek/Cyrillic/number tokens. */
export function withSoftBreaks(text: string): string {
  if (text.length < longToken) return text;
  return text.replace(/\S{20,}/gu, (token) => {
    if (!breakable.test(token) || /\p{Extended_Pictographic}/u.test(token)) return token;
    let out = '';
    let since = 0;
    const chars = [...token];
    chars.forEach((c, i) => {
      out += c;
      since++;
      const last = i === chars.length - 1;
      if (!last && (breakAfter.test(c) || since >= every)) {
        out += softBreak;
        since = 0;
      }
    });
    return out;
  });
}

interface Piece {
  chars: string[];
  font: string;
  level: number;
  rtl: boolean;
  space: boolean;
}

/** The runs that print `text`, left to right as they appear on the page. */
export function textRuns(input: string, fonts: FontChooser): TextRun[] {
  const text = withSoftBreaks(input);
  if (plainLatin.test(text)) return [{ text, font: baseFont }];
  const chars = [...text];
  const hasRtl = anyRtl.test(text);
  // Reports read left to right: a right-to-left name is an embedded run inside a left-to-right line.
  const levels = hasRtl ? bidi.getEmbeddingLevels(text, 'ltr').levels : null;

  const pieces: Piece[] = [];
  let unit = 0; // UTF-16 index of the current character, for bidi-js's levels
  chars.forEach((char, i) => {
    const level = levels ? levels[unit]! : 0;
    unit += char.length;
    const prev = pieces[pieces.length - 1];
    const glued = prev && (attaches.test(char) || prev.chars[prev.chars.length - 1] === '\u200d');
    if (prev && glued) {
      prev.chars.push(char);
      return;
    }
    const isSpace = space.test(char) || char === softBreak;
    const font = isSpace ? (prev && !prev.rtl ? prev.font : baseFont) : fonts.familyFor(char, chars[i + 1] === '\ufe0f');
    const rtl = rtlScript.test(char);
    if (prev && prev.font === font && prev.level === level && prev.rtl === rtl && prev.space === isSpace) {
      prev.chars.push(char);
      return;
    }
    pieces.push({ chars: [char], font, level, rtl, space: isSpace });
  });

  if (levels) reorder(pieces);
  // Neighbouring pieces in one font join again, except right-to-left words (kept apart from spaces).
  const runs: TextRun[] = [];
  let prevRtl = false;
  for (const p of pieces) {
    const last = runs[runs.length - 1];
    const piece = p.chars.join('');
    if (last && last.font === p.font && !p.rtl && !prevRtl) last.text += piece;
    else runs.push({ text: piece, font: p.font });
    prevRtl = p.rtl;
  }
  return runs;
}

/** Rule L2 of the bidi algorithm, on whole pieces: from the highest level down to the lowest odd one,
 * reverse every sequence at that level or above. A right-to-left-script piece keeps its letters in
 * logical order (fontkit reverses them); any other piece at an odd level is reversed and mirrored here;
 * an Arabic-script number (left to right, but reversed by fontkit) is handed over reversed. */
function reorder(pieces: Piece[]): void {
  const max = Math.max(...pieces.map((p) => p.level));
  const minOdd = Math.min(...pieces.map((p) => p.level).filter((l) => l % 2 === 1), Infinity);
  if (!Number.isFinite(minOdd)) return;
  for (let level = max; level >= minOdd; level--) {
    let i = 0;
    while (i < pieces.length) {
      if (pieces[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < pieces.length && pieces[j]!.level >= level) j++;
      const reversed = pieces.slice(i, j).reverse();
      pieces.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  for (const p of pieces) {
    if (p.level % 2 === 1 && !p.rtl) p.chars = p.chars.reverse().map((c) => bidi.getMirroredCharacter(c) ?? c);
    // An Arabic-Indic number ("١٬٢٥٠٫٥٥٥") reads left to right (an even level), but its digits are of the
    // Arabic script, so fontkit lays the run out right to left: given reversed, it comes out in reading order.
    else if (p.level % 2 === 0 && p.rtl) p.chars = p.chars.reverse();
  }
}

/** The document with every printed string turned into font runs (headers and footers too). */
export function localizeDocument(definition: TDocumentDefinitions, fonts: FontChooser): TDocumentDefinitions {
  const runsOf = (text: string, style: Record<string, unknown> = {}): Array<Record<string, unknown>> | null => {
    const runs = textRuns(text, fonts);
    if (runs.length === 1 && runs[0]!.font === baseFont && runs[0]!.text === text) return null;
    return runs.map((r) => ({ ...style, text: r.text, ...(r.font === baseFont ? {} : { font: r.font }) }));
  };
  const inlines = (text: unknown): unknown => {
    if (typeof text === 'string') return runsOf(text) ?? text;
    if (Array.isArray(text)) {
      return text.flatMap((el) => {
        if (typeof el === 'string') return runsOf(el) ?? [el];
        if (el && typeof el === 'object' && typeof (el as { text?: unknown }).text === 'string') {
          const { text: inner, ...style } = el as { text: string } & Record<string, unknown>;
          return runsOf(inner, style) ?? [el];
        }
        if (el && typeof el === 'object' && Array.isArray((el as { text?: unknown }).text)) return [{ ...(el as object), text: inlines((el as { text: unknown[] }).text) }];
        return [el];
      });
    }
    return text;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const runs = runsOf(node);
      return runs ? { text: runs } : node;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const n = { ...(node as Record<string, unknown>) };
    if ('text' in n) n.text = inlines(n.text);
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(n[key])) n[key] = (n[key] as unknown[]).map(walk);
    if (n.table && typeof n.table === 'object') {
      const table = n.table as { body: unknown[][] };
      n.table = { ...table, body: table.body.map((row) => row.map(walk)) };
    }
    return n;
  };
  const wrap = <F>(f: F): F => (typeof f === 'function' ? (((...args: unknown[]) => walk((f as (...a: unknown[]) => unknown)(...args))) as F) : (walk(f) as F));
  return {
    ...definition,
    content: walk(definition.content) as Content,
    ...(definition.header ? { header: wrap(definition.header) } : {}),
    ...(definition.footer ? { footer: wrap(definition.footer) } : {}),
  };
}
