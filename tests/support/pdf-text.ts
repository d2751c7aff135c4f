// The text of a PDF as the tests read it back: pdfjs-dist (a maintained JavaScript library) instead of
// poppler's pdftotext, so `npm test` needs no system package but a browser. The reading runs in a child
// Node process so callers keep a synchronous helper (pdfjs is asynchronous); each PDF is read once and
// its pages kept, since tests often look at one page after another.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const reader = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdf-text-reader.mjs');
const read = new Map<string, string[]>();

function pagesOf(bytes: Uint8Array): string[] {
  const key = createHash('sha256').update(bytes).digest('hex');
  let pages = read.get(key);
  if (!pages) {
    const text = execFileSync(process.execPath, [reader], { input: bytes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // The reader ends every page with a form feed, as pdftotext does.
    pages = text.split('\f').slice(0, -1);
    read.set(key, pages);
  }
  return pages;
}

/** The PDF's text, one line per baseline with the cells of a row separated by spaces; one page when asked (1-based). */
export function pdfText(bytes: Uint8Array, page?: number): string {
  const pages = pagesOf(bytes);
  if (page === undefined) return pages.join('\f');
  if (page < 1 || page > pages.length) throw new Error(`The PDF has ${pages.length} pages; there is no page ${page}.`);
  return pages[page - 1]!;
}

/** How many pages the PDF has. */
export function pageCount(bytes: Uint8Array): number {
  return pagesOf(bytes).length;
}
