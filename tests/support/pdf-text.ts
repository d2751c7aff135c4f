// The text of a PDF as the tests read it back: pdfjs-dist (a maintained JavaScript library) instead of
// poppler's pdftotext, so `npm test` needs no system package but a browser. The reading runs in a child
// Node process so callers keep a synchronous helper (pdfjs is asynchronous).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const reader = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdf-text-reader.mjs');

function read(bytes: Uint8Array, which: string): string {
  return execFileSync(process.execPath, [reader, which], { input: bytes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The PDF's text, one line per baseline with the cells of a row separated by spaces; one page when asked (1-based). */
export function pdfText(bytes: Uint8Array, page?: number): string {
  return read(bytes, page ? String(page) : '');
}

/** How many pages the PDF has. */
export function pageCount(bytes: Uint8Array): number {
  return Number(read(bytes, 'count'));
}
