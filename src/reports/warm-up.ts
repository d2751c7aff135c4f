// The report engine made ready behind the window, so the first PDF of a session costs what every later
// one does. The first document pdfmake lays out in a process runs its code cold (V8 has not compiled
// it yet) and opens the Latin fonts: about five times the CPU of the same document printed again
// (weekly report: ~1 s against ~0.2 s). A small document in the reports' own layout, printed a few
// times while nobody waits, pays that once; each pass is short and they are spaced out, so the main
// thread keeps answering the window in between. Nothing is written anywhere.
import type { Cell } from './layout';
import { dataTable, documentFrame, emptyNote } from './layout';
import { renderPdf } from './render';

function warmUpDocument(pass: number) {
  const rows: Cell[][] = Array.from({ length: 40 }, (_, i) => [`Member ${i} Lastname`, `Prospect ${pass}-${i}`, i % 3 ? 'Outside' : 'Inside', (i % 5) + 1, `$${(i * 1234.5).toFixed(2)}`]);
  rows.push([{ text: 'Total', bold: true }, '', '', 120, '$96,291.00']);
  return documentFrame({ chapterName: 'Warm-up', title: 'Warm-up', producedAt: new Date('2026-01-01T00:00:00Z'), locale: 'en-US', timeZone: 'UTC' }, [
    { text: 'Warm-up', style: 'title' },
    { text: 'Section', style: 'h2' },
    dataTable(['From', 'Prospect', 'Inside/Outside', 'Temp.', 'Amount'], rows, { widths: ['*', '*', 70, 36, 80], numeric: [3, 4], bold: [40] }),
    { text: [{ text: 'P — Present (3): ', bold: true }, 'A, B, C'], margin: [0, 0, 0, 3] },
    { text: 'Small print.', style: 'small' },
    emptyNote('None.'),
  ]);
}

/** Prints `passes` small documents, `gapMs` apart; resolves when done. Never throws (a print later would say what is wrong). */
export async function warmUpReports(fontsDir: string, passes = 8, gapMs = 40): Promise<void> {
  try {
    for (let pass = 0; pass < passes; pass++) {
      await renderPdf(warmUpDocument(pass), { fontsDir });
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  } catch {
    // Warming up is only a head start.
  }
}
