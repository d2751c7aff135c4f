// Reads a PDF's text with pdfjs-dist (no system package needed) and prints it laid out roughly as
// poppler's `pdftotext -layout` does: one line per baseline, cells of a row separated by spaces.
// Run as a child process so the tests can keep a synchronous pdfText(); the PDF on stdin, every page
// on stdout, each ending with a form feed.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const pages = Array.from({ length: doc.numPages }, (_, i) => i + 1);
const out = [];
for (const number of pages) {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  // Group the runs by baseline (y), then order each line left to right.
  const lines = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [, , , scaleY, x, y] = item.transform;
    const size = Math.abs(scaleY) || 10;
    let line = lines.find((l) => Math.abs(l.y - y) < size * 0.4);
    if (!line) lines.push((line = { y, items: [] }));
    line.items.push({ x, end: x + item.width, size, str: item.str });
  }
  lines.sort((a, b) => b.y - a.y);
  const left = Math.min(...lines.flatMap((l) => l.items.map((i) => i.x)));
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    // Indented lines keep their indent (a wrapped cell's second line starts under its column).
    const first = line.items[0];
    let text = ' '.repeat(Math.max(0, Math.round((first.x - left) / (first.size * 0.5))));
    let end = -Infinity;
    for (const item of line.items) {
      const gap = item.x - end;
      // A gap wider than a third of the font size is a space; a wide one (between columns) is two or more.
      if (text.trim() !== '' && gap > item.size * 0.3) text += ' '.repeat(Math.max(1, Math.min(8, Math.round(gap / (item.size * 0.5)))));
      text += item.str;
      end = Math.max(end, item.end);
    }
    out.push(text);
  }
  out.push('\f');
}
process.stdout.write(out.join('\n'));
