// pdfmake writes every word of a line as its own piece of PDF text: for each word it saves the graphics
// state, sets the colour, the opacity, the transform, begins a text object, names the font, writes the
// glyphs, ends it and restores (its own TODO: "lines without differently styled inlines should be written
// to pdf as one stream"). A statement has thousands of words in its tables; this was ~20 % of its PDF time.
// Here the words that follow each other on a line in the same font, size, colour and opacity, with nothing
// else attached (no link, decoration, background, super/subscript, spacing, font features, page number),
// are written as one piece of text starting where the first word starts. The page looks the same: pdfkit
// lays a piece of text out word by word (split at spaces, each word kerned on its own, exactly as when it
// is written alone), and every glyph advances by the width pdfmake measured, so each word starts where
// pdfmake placed it (checked for every word: the next word must start exactly where the previous one
// ends, else it is written alone as before). A word ending without a space (a long token broken by a soft
// break, a change of script) is never joined to the next: pdfkit would lay the two out as one word.
import { requirePdfmake } from './pdfmake-internals';

interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  height?: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  _pageNodeRef?: unknown;
  decoration?: unknown;
  background?: unknown;
  sup?: unknown;
  sub?: unknown;
  justifyShift?: unknown;
}
interface Line {
  inlines: Inline[];
  _pageNodeRef?: unknown;
}
type RenderLine = (this: unknown, line: Line, x: number, y: number) => void;

/** Nothing but glyphs: no link, decoration, background, raised/lowered text, spacing, features or page reference. */
const plain = (i: Inline) =>
  !i.link && !i.linkToPage && !i.linkToDestination && !i._pageNodeRef && !i.decoration && !i.background && !i.sup && !i.sub && !i.characterSpacing && !i.fontFeatures && !i.justifyShift && !i.text.includes('\n');

/** `next` prints as the continuation of `last`: same look, starting exactly where `last` ends, after a space. */
export function continues(last: Inline, next: Inline): boolean {
  return (
    last.font === next.font &&
    last.fontSize === next.fontSize &&
    last.color === next.color &&
    (last.opacity ?? 1) === (next.opacity ?? 1) &&
    last.height === next.height &&
    last.text.endsWith(' ') &&
    plain(last) &&
    plain(next) &&
    Math.abs(last.x + last.width - next.x) < 1e-9
  );
}

/** The line's words, runs of words that continue each other joined into one; the same array when none do. */
export function joinedInlines(inlines: Inline[]): Inline[] {
  let joined: Inline[] | null = null;
  for (let i = 1; i < inlines.length; i++) {
    const last = joined ? joined[joined.length - 1]! : inlines[i - 1]!;
    const next = inlines[i]!;
    if (continues(last, next)) {
      joined ??= inlines.slice(0, i);
      joined[joined.length - 1] = { ...last, text: last.text + next.text, width: last.width + next.width };
    } else if (joined) joined.push(next);
  }
  return joined ?? inlines;
}

let original: RenderLine | null = null;

/** Installs the joined writing in pdfmake's renderer (idempotent); `false` puts pdfmake's own back (for the comparison tests). */
export function writeWholeLines(on = true): void {
  const Renderer = requirePdfmake<{ default: { prototype: { renderLine: RenderLine } } }>('pdfmake/js/Renderer').default;
  if (!original) original = Renderer.prototype.renderLine;
  const own = original;
  Renderer.prototype.renderLine = on
    ? function (this: unknown, line: Line, x: number, y: number) {
        if (line._pageNodeRef || line.inlines.length < 2) return own.call(this, line, x, y);
        const inlines = joinedInlines(line.inlines);
        if (inlines === line.inlines) return own.call(this, line, x, y);
        // The line as pdfmake made it (its id, outline, heights), with the joined words while it is
        // written, then its own words back. (Not a view made with Object.create(line): every line would
        // become a prototype with an object shape of its own, and V8 would keep recompiling the writer.)
        const words = line.inlines;
        line.inlines = inlines;
        try {
          return own.call(this, line, x, y);
        } finally {
          line.inlines = words;
        }
      }
    : own;
}
