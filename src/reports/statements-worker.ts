// Member statements made into PDFs in worker threads (node:worker_threads), so "All statements" and
// "Save each member's PDF to a folder" (tens of seconds on a ten-year chapter on a slow machine) never
// hold up the window: the main thread keeps answering, tells the screen how far the work is, and can
// stop it at once (the worker is terminated). The data is read by the main thread first (one
// consistent read) and handed over; the definitions are built here from it, as the main thread would.
// On a computer with several cores the statements are shared between workers (server/statement-jobs.ts):
// each makes its own members' PDFs and its part of the combined one, whose footers count the whole
// document's pages (page-count-exchange.ts); the parts are then put together on the main thread.
// A worker lives on between jobs (a few minutes) and warms up as it starts: a fresh thread runs the
// report code cold (V8 has compiled none of it) and opens the fonts, which made a job of 60 statements
// take about twice its warm time. The Reports screen starts them when "All statements" is chosen.
// Built as its own entry (out/main/statements-worker.js).
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportFrame } from './layout';
import { allStatementsReport, memberStatementReport, type MemberStatementData } from './member-statement';
import { numberingOfPart } from './page-count-exchange';
import { whenPartLaidOut } from './page-breaks';
import { renderPdf } from './render';
import { warmUpStatements } from './warm-up';

export interface StatementsWork {
  producedAt: Date;
  /** This worker's statements (all of them, or its part), in the document's order. */
  statements: MemberStatementData[];
  /** Each statement's own PDF is written to the path at its index (none: only the combined PDF). */
  singles: string[];
  /** The combined PDF's page frame; `part`: these statements are part `index` of the whole, numbered through `slots`. */
  combined: { frame: ReportFrame; part: { index: number; slots: SharedArrayBuffer } | null };
}

export type StatementsMessage =
  | { kind: 'progress'; stage: 'single' | 'combined' | 'writing'; done: number; total: number }
  | { kind: 'written'; index: number; path: string; bytes: number }
  | { kind: 'combined'; bytes: Uint8Array }
  | { kind: 'failed'; message: string }
  | { kind: 'ready' };

/** `warmUp`: started ahead of a job, warmed with the chapter's member `names` (false: started for a job already waiting, whose statements warm it up). */
const { fontsDir, warmUp, names } = workerData as { fontsDir: string; warmUp: boolean; names: string[] };
const send = (message: StatementsMessage) => parentPort!.postMessage(message);

async function make(work: StatementsWork): Promise<void> {
  const options = { fontsDir };
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
  const { part } = work.combined;
  try {
    const bytes = await renderPdf(allStatementsReport(work.combined.frame, work.statements, part ? numberingOfPart(part.slots, part.index) : undefined), options);
    // A copy of its own (a Buffer may share its memory with others), moved to the main thread.
    const out = new Uint8Array(bytes);
    parentPort!.postMessage({ kind: 'combined', bytes: out } satisfies StatementsMessage, [out.buffer as ArrayBuffer]);
  } finally {
    whenPartLaidOut(null);
  }
}

// Warmed while no job waits (a job sent meanwhile ends the warm-up at its next pass); one job at a time.
// Six passes (~2.4 s, while the secretary chooses the period): a year of 60 statements then took
// 1.66–1.81 s against 1.85–2.14 s after four (ten-year chapter, two workers, interleaved runs); eight
// gained nothing more.
const warmUpPasses = 6;
let jobSent = false;
const warm = (warmUp ? warmUpStatements(fontsDir, warmUpPasses, () => jobSent, names) : Promise.resolve()).then(() => send({ kind: 'ready' }));
let queue: Promise<void> = warm;
parentPort!.on('message', (work: StatementsWork) => {
  jobSent = true;
  queue = queue.then(() => make(work)).catch((error: Error) => send({ kind: 'failed', message: error.message }));
});
