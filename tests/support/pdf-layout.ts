// What a reader sees on the printed page, read back from the PDF itself with pdfjs-dist: every text
// run's box and the text in drawing order. The reading runs in a child Node process (pdfjs is
// asynchronous) so the helpers stay synchronous, as tests/support/pdf-text.ts does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const reader = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdf-boxes-reader.mjs');

export interface Word { page: number; pageWidth: number; pageHeight: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string; rotated: boolean }

/** Every text run with its box (points, from the top-left of its page), in drawing order. */
export function pdfWords(bytes: Uint8Array): Word[] {
  return JSON.parse(execFileSync(process.execPath, [reader], { input: bytes, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Word[];
}

/** Text in the order it was drawn (cell by cell), with all whitespace and soft breaks removed. */
export function drawnText(bytes: Uint8Array): string {
  return squeeze(pdfWords(bytes).map((w) => w.text).join(''));
}

export const squeeze = (s: string) => s.replace(/[\s\u200b]+/gu, '');

/** The report's side margins (36 pt), less half a point for rounding. */
const margin = 36 - 0.5;

export interface LayoutProblem { page: number; problem: string }

/**
 * Everything a reader could miss: a word drawn beyond the left or right margin or below the page, and
 * two words drawn over each other (a name over a count). A DRAFT watermark is not a word of the report.
 */
export function layoutProblems(bytes: Uint8Array): LayoutProblem[] {
  return problemsIn(pdfWords(bytes));
}

export function problemsIn(all: Word[]): LayoutProblem[] {
  const words = all.filter((w) => !w.rotated && w.text.trim() !== '');
  const problems: LayoutProblem[] = [];
  for (const w of words) {
    if (w.xMin < margin || w.xMax > w.pageWidth - margin) problems.push({ page: w.page, problem: `"${w.text.slice(0, 40)}" runs off the side (x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} of ${w.pageWidth.toFixed(1)})` });
    if (w.yMax > w.pageHeight) problems.push({ page: w.page, problem: `"${w.text.slice(0, 40)}" runs off the bottom` });
  }
  const byPage = new Map<number, Word[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const [page, list] of byPage) {
    const sorted = [...list].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.yMin < a.yMax - 0.5; j++) {
        const b = sorted[j]!;
        const overlapX = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const overlapY = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        // Half the smaller glyph height: stacked lines of tight rows touch, overprinted words overlap.
        if (overlapX > 0.5 && overlapY > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) problems.push({ page, problem: `"${a.text.slice(0, 30)}" is drawn over "${b.text.slice(0, 30)}"` });
      }
    }
  }
  return problems;
}

/** Every table in the definition has widths in points (no '*' or 'auto' left for pdfmake to stretch). */
export function flexibleWidths(definition: TDocumentDefinitions): string[] {
  const found: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.table && typeof n.table === 'object') {
      const widths = (n.table as { widths?: unknown[] }).widths;
      if (!widths || widths.some((w) => typeof w !== 'number')) found.push(`${where}: widths ${JSON.stringify(widths)}`);
      (n.table as { body: unknown[][] }).body.forEach((row, r) => row.forEach((c, k) => walk(c, `${where}.body[${r}][${k}]`)));
    }
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (n[key]) walk(n[key], `${where}.${key}`);
  };
  walk(definition.content, 'content');
  return found;
}
