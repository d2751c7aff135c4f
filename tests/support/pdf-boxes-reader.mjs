// Prints every text run of a PDF as JSON, in drawing order, with its box in points from the page's
// top-left corner (pdfjs-dist; no system package). Input on stdin. Used by tests/support/pdf-layout.ts.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const runs = [];
for (let number = 1; number <= doc.numPages; number++) {
  const page = await doc.getPage(number);
  const [, , pageWidth, pageHeight] = page.view;
  const content = await page.getTextContent({ disableNormalization: true });
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [scaleX, skewY, , scaleY, x, y] = item.transform;
    // A rotated run (the DRAFT watermark) has a skew; its box is not a line of the report.
    const height = item.height || Math.abs(scaleY);
    runs.push({ page: number, pageWidth, pageHeight, xMin: x, xMax: x + item.width, yMin: pageHeight - y - height * 0.8, yMax: pageHeight - y + height * 0.2, text: item.str, rotated: Math.abs(skewY) > 0.01 || scaleX < 0 });
  }
}
process.stdout.write(JSON.stringify(runs));
