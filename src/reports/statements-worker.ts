// Member statements made into PDFs in a worker thread (node:worker_threads), so "All statements" and
// "Save each member's PDF to a folder" (tens of seconds on a ten-year chapter on a slow machine) never
// hold up the window: the main thread keeps answering, tells the screen how far the work is, and can
// stop it at once (the worker is terminated). The data is read by the main thread first (one
// consistent read) and handed over; the definitions are built here from it, as the main thread would.
// Started by statements-in-worker.ts; built as its own entry (out/main/statements-worker.js).
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportFrame } from './layout';
import { allStatementsReport, memberStatementReport, type MemberStatementData } from './member-statement';
import { whenPartLaidOut } from './page-breaks';
import { renderPdf } from './render';

export interface StatementsWork {
  fontsDir: string;
  producedAt: Date;
  statements: MemberStatementData[];
  /** Each statement's own PDF is written to the path at its index (none: only the combined PDF). */
  singles: string[];
  /** The combined PDF's page frame; `path` writes it there, else its bytes are sent back. */
  combined: { frame: ReportFrame; path: string | null };
}

export type StatementsMessage =
  | { kind: 'progress'; stage: 'single' | 'combined' | 'writing'; done: number; total: number }
  | { kind: 'written'; index: number; path: string; bytes: number }
  | { kind: 'combined'; bytes: Uint8Array | null; size: number }
  | { kind: 'failed'; message: string };

const work = workerData as StatementsWork;
const send = (message: StatementsMessage) => parentPort!.postMessage(message);

// A CommonJS bundle has no top-level await.
void (async () => {
  try {
    const options = { fontsDir: work.fontsDir };
    const total = work.statements.length;
    for (const [index, path] of work.singles.entries()) {
      send({ kind: 'progress', stage: 'single', done: index, total });
      const bytes = await renderPdf(memberStatementReport(work.statements[index]!, work.producedAt), options);
      writeFileSync(path, bytes);
      send({ kind: 'written', index, path, bytes: bytes.length });
    }
    send({ kind: 'progress', stage: 'combined', done: 0, total });
    whenPartLaidOut((done, parts) => {
      send(done === parts ? { kind: 'progress', stage: 'writing', done: total, total } : { kind: 'progress', stage: 'combined', done, total });
    });
    const bytes = await renderPdf(allStatementsReport(work.combined.frame, work.statements), options);
    if (work.combined.path) writeFileSync(work.combined.path, bytes);
    // A copy of its own (a Buffer may share its memory with others), moved to the main thread.
    const out = work.combined.path ? null : new Uint8Array(bytes);
    parentPort!.postMessage({ kind: 'combined', bytes: out, size: bytes.length } satisfies StatementsMessage, out ? [out.buffer as ArrayBuffer] : []);
  } catch (error) {
    send({ kind: 'failed', message: (error as Error).message });
  }
})();
