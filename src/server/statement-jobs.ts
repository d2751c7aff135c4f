// "All statements" and "Save each member's PDF to a folder" as jobs the screen can follow and stop. The
// statements' data is read at once on this thread (one consistent read, ~0.4 s on a ten-year chapter);
// the PDFs are made in worker threads (reports/statements-worker.ts), which say after each statement
// how far they are. With several cores the statements are shared between workers, each making its part
// of the combined PDF at the same time; the parts are put together here, in order. Workers started when
// "All statements" is chosen are warm by the time it is made (warmStatementsWorkers). The screen asks
// for the job's state every few hundred milliseconds (the contract is request and answer, in the app as
// in the harness) and may cancel it: the workers are stopped at once.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/open';
import { workerScript } from '../db/worker-script';
import type { ReportFrame } from '../reports/layout';
import type { MemberStatementData } from '../reports/member-statement';
import { mergePdfs } from '../reports/merge-pdfs';
import { pageCountSlots, stopPageCountExchange } from '../reports/page-count-exchange';
import type { StatementsMessage, StatementsWork } from '../reports/statements-worker';
import { allStatementsData, allStatementsFileName, allStatementsFrame, statementsFolderPlan } from '../services/reports';
import type { Period, StatementsJob } from '../shared/contract';
import { LedgerError } from '../shared/errors';

const statementsWorker = workerScript(() => path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'statements-worker.ts'), ['pdfmake', 'pdfkit', 'fontkit', 'bidi-js', 'dayjs']);

/** The Electron main process runs the worker as it is built beside main.js. */
export function useBuiltStatementsWorker(file: string | null): void {
  statementsWorker.useBuilt(file);
}

interface Running {
  job: StatementsJob;
  cancelled: boolean;
  /** The workers still making this job's statements (each goes back to the idle ones when its part is sent). */
  workers: Pooled[];
  /** The parts' page counts (several workers), told to stop when the job stops. */
  slots: SharedArrayBuffer | null;
  /** The files a folder job writes, in order (each statement's, then the combined one). */
  names: string[];
  /** Settled when the job has ended (done, failed or stopped). */
  finished: Promise<void>;
  settle: () => void;
}

/** The job ends (once): its workers are ended and whoever waits for it is told. */
function finishJob(running: Running, change: Partial<StatementsJob>): void {
  if (running.job.state !== 'running') return;
  running.job = { ...running.job, ...change };
  void stopWorkers(running);
  remember(running);
  running.settle();
}

const jobs = new Map<string, Running>();

// ---- the workers, started (and warmed) ahead of a job ----
interface Pooled {
  worker: Worker;
  fontsDir: string;
  /** Settled once the worker has warmed up (or ended). */
  ready: Promise<void>;
}
/**
 * Warmed workers waiting for a job, ended after five minutes unused: each holds the report engine, its
 * fonts and its compiled code (~100 MB). A job's workers end with it (by then each heap has grown to a
 * few hundred MB, mostly garbage a waiting worker would keep).
 */
const idle: Pooled[] = [];
const keptIdleMs = 5 * 60_000;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
/** Workers making a job's statements now. */
const busy = new Set<Worker>();
/** Workers being started (warmStatementsWorkers may be asked again before they are). */
let starting = 0;

/** How many statements workers are making statements now (none once every job has finished or been stopped). */
export function busyStatementsWorkers(): number {
  return busy.size;
}
/** How many started workers wait for a job. */
export function readyStatementsWorkers(): number {
  return idle.length;
}

/**
 * How many workers are started ahead: two where the computer has two cores or more. Two were measured
 * (a year of 60 statements ~2.4 s against ~3.0 s for one new worker); more would each hold ~100 MB more
 * for a gain not measured here.
 */
function wantedWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** `names`: to warm up with (the chapter's members); null: started for a job already waiting, not warmed. */
async function startWorker(fontsDir: string, names: string[] | null): Promise<Pooled> {
  const worker = await statementsWorker.start({ workerData: { fontsDir, warmUp: names !== null, names: names ?? [] } });
  let warmed = () => {};
  const ready = new Promise<void>((resolve) => (warmed = resolve));
  const pooled = { worker, fontsDir, ready };
  worker.on('message', (message: StatementsMessage) => {
    if (message.kind === 'ready') warmed();
  });
  worker.on('exit', () => {
    warmed();
    busy.delete(worker);
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
  });
  // An idle worker that fails is dropped (its exit follows); a busy one's job hears of it through its own listener.
  worker.on('error', () => {});
  return pooled;
}

/** Waiting workers do not keep the app (or a test, a tool) running, and end after five minutes. */
function keepReady(pooled: Pooled | null): void {
  if (pooled) {
    idle.push(pooled);
    // Held while it warms up (someone may be waiting for that), let go once it waits for work.
    void pooled.ready.then(() => {
      if (idle.includes(pooled)) pooled.worker.unref();
    });
  }
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    for (const p of idle.splice(0)) void p.worker.terminate();
  }, keptIdleMs);
  idleTimer.unref();
}

/**
 * Starts (and warms) the workers a job will use, ahead of it: the Reports screen asks when "All
 * statements" is chosen, so the job started a few seconds later finds them ready; they warm up with the
 * chapter's member `names`. Resolves once they are warm.
 */
export async function warmStatementsWorkers(fontsDir: string, names: string[] = []): Promise<number> {
  for (const p of idle.filter((p) => p.fontsDir !== fontsDir)) void p.worker.terminate();
  const missing = wantedWorkers() - idle.filter((p) => p.fontsDir === fontsDir).length - starting;
  if (missing > 0) {
    starting += missing;
    try {
      const started = await Promise.all(Array.from({ length: missing }, () => startWorker(fontsDir, names)));
      for (const p of started) keepReady(p);
    } finally {
      starting -= missing;
    }
  }
  // Asked again while they warm up: the answer waits for them too. Their time is counted from now again.
  const waiting = idle.filter((p) => p.fontsDir === fontsDir);
  if (waiting.length) keepReady(null);
  await Promise.all(waiting.map((p) => p.ready));
  return waiting.length;
}

/** `count` workers for a job: warmed ones first, new ones (not warmed: the job's own statements do that) for the rest. */
async function takeWorkers(count: number, fontsDir: string): Promise<Pooled[]> {
  const taken: Pooled[] = [];
  for (let i = idle.length - 1; i >= 0 && taken.length < count; i--) if (idle[i]!.fontsDir === fontsDir) taken.push(...idle.splice(i, 1));
  const fresh = await Promise.all(Array.from({ length: count - taken.length }, () => startWorker(fontsDir, null)));
  for (const p of [...taken, ...fresh]) {
    p.worker.ref();
    busy.add(p.worker);
  }
  return [...taken, ...fresh];
}

/** Finished jobs are kept to be read back, the most recent few only (a preview holds a whole PDF). */
const keptFinished = 4;

function remember(running: Running): void {
  jobs.set(running.job.id, running);
  const finished = [...jobs.values()].filter((r) => r.job.state !== 'running');
  for (const old of finished.slice(0, Math.max(finished.length - keptFinished, 0))) jobs.delete(old.job.id);
}

export interface StartStatements {
  period: Period;
  producedAt: Date;
  fontsDir: string;
  /** Write each member's PDF and the combined one into a new folder inside this one; null: the combined PDF, sent back. */
  folder: string | null;
  /** How many workers share the statements at most (the tests choose; by default those started ahead, else one). */
  workers?: number;
}

/**
 * The statements shared between `workers` workers (at most four), each with consecutive statements of
 * about the same length (the "All statements" document is their parts put together in order) and at least
 * two statements each (a part of one statement is laid out with its footer at every pass, before its page
 * count is final: page-count-exchange.ts).
 */
export function statementParts(statements: MemberStatementData[], workers: number): number[][] {
  const count = Math.max(1, Math.min(maxParts, workers, Math.floor(statements.length / 2)));
  // What a statement prints grows with its referrals listed; the rest of it is about the same for everyone.
  const weight = statements.map((s) => 30 + s.referralsGiven.length + s.openReferrals.length);
  const all = weight.reduce((a, b) => a + b, 0);
  const parts: number[][] = [[]];
  let sum = 0;
  for (const [i, w] of weight.entries()) {
    const left = statements.length - i;
    const partsLeft = count - parts.length;
    // A new part once this one holds its share, as long as every part still to come keeps two statements.
    if (partsLeft > 0 && parts.at(-1)!.length >= 2 && left >= 2 * partsLeft && sum + w / 2 > (all * parts.length) / count) parts.push([]);
    parts.at(-1)!.push(i);
    sum += w;
  }
  return parts;
}
const maxParts = 4;

/** Reads every statement's data, then makes the PDFs in workers; answers with the job at once. */
export async function startStatementsJob(db: Db, start: StartStatements): Promise<StatementsJob> {
  const { period, producedAt } = start;
  const id = randomUUID();
  let statements: MemberStatementData[];
  let frame: ReportFrame;
  let singles: string[] = [];
  let names: string[] = [];
  let combinedName: string;
  let combinedPath: string | null = null;
  let folder: string | null = null;
  if (start.folder) {
    const plan = statementsFolderPlan(db, period, start.folder, producedAt);
    folder = plan.folder;
    names = [...plan.names, plan.combinedName];
    combinedName = plan.combinedName;
    combinedPath = path.join(plan.folder, plan.combinedName);
    statements = plan.statements.map((s) => s.data);
    singles = plan.names.map((n) => path.join(plan.folder, n));
    frame = plan.frame;
  } else {
    statements = allStatementsData(db, period, producedAt, 'print').map((s) => s.data);
    combinedName = allStatementsFileName(db, period);
    frame = allStatementsFrame(db, period, producedAt);
  }
  const total = statements.length;
  let settle = () => {};
  const finished = new Promise<void>((resolve) => (settle = resolve));
  const running: Running = { job: { id, state: 'running', output: folder ? 'folder' : 'pdf', stage: folder ? 'single' : 'combined', done: 0, total, written: [], folder }, workers: [], cancelled: false, slots: null, names, finished, settle };
  remember(running);
  // Shared between the workers started ahead (warm); with none, one new worker: two cold workers each
  // load and compile the report code, which costs about what sharing saves (3.1–3.4 s against 3.0–3.1 s).
  const parts = statementParts(statements, start.workers ?? Math.max(1, idle.filter((p) => p.fontsDir === start.fontsDir).length));
  const slots = parts.length > 1 ? pageCountSlots(parts.length) : null;
  running.slots = slots;
  let workers: Pooled[];
  try {
    workers = await takeWorkers(parts.length, start.fontsDir);
  } catch (error) {
    finishJob(running, { state: 'failed', message: `The statements could not be made: ${(error as Error).message}` });
    return running.job;
  }
  running.workers = [...workers];
  if (running.cancelled) void stopWorkers(running);
  const finish = (change: Partial<StatementsJob>) => finishJob(running, change);
  // Each worker's stage and how far it is in it; the job is at the stage of the worker furthest behind.
  const stages = ['single', 'combined', 'writing'] as const;
  const at = parts.map(() => ({ stage: running.job.stage as (typeof stages)[number], done: 0 }));
  const combined: Array<Uint8Array | null> = parts.map(() => null);
  const progress = () => {
    const stage = stages[Math.min(...at.map((a) => stages.indexOf(a.stage)))]!;
    const done = at.reduce((sum, a, i) => sum + (a.stage === stage ? a.done : parts[i]!.length), 0);
    running.job = { ...running.job, stage, done: stage === 'writing' ? total : done };
  };
  const putTogether = async () => {
    const pdf = combined.length === 1 ? combined[0]! : await mergePdfs(combined as Uint8Array[], { title: `${frame.title} — ${frame.chapterName}`, author: frame.chapterName, producedAt });
    if (running.job.state !== 'running' || running.cancelled) return;
    if (combinedPath) writeFileSync(combinedPath, pdf);
    finish({
      state: 'done',
      stage: 'writing',
      done: total,
      // In the folder's order (the workers wrote theirs side by side), the combined PDF last.
      written: folder ? [...running.job.written.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name)), { name: combinedName, bytes: pdf.length }] : running.job.written,
      ...(combinedPath ? {} : { pdf: { fileName: combinedName, pdfBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('base64') } }),
    });
  };
  for (const [w, pooled] of workers.entries()) {
    const { worker } = pooled;
    const onMessage = (message: StatementsMessage) => {
      if (running.job.state !== 'running' || running.cancelled) return;
      switch (message.kind) {
        case 'progress':
          at[w] = { stage: message.stage, done: message.done };
          progress();
          return;
        case 'written': {
          // In the order of the folder's names: each worker writes its own statements' files.
          const index = parts[w]![message.index]!;
          running.job = { ...running.job, written: [...running.job.written, { name: names[index]!, bytes: message.bytes }] };
          return;
        }
        case 'combined':
          combined[w] = message.bytes;
          at[w] = { stage: 'writing', done: parts[w]!.length };
          progress();
          // Its part is made. The worker ends (its heap has grown to a few hundred MB of garbage it would
          // keep); a next job warms new ones (the Reports screen asks again when it is chosen).
          leave();
          running.workers = running.workers.filter((p) => p !== pooled);
          busy.delete(worker);
          void worker.terminate();
          if (combined.every((bytes) => bytes !== null)) {
            putTogether().catch((error: Error) => finish({ state: 'failed', message: `The statements could not be made: ${error.message}` }));
          }
          return;
        case 'failed':
          finish({ state: 'failed', message: `The statements could not be made: ${message.message}` });
          return;
      }
    };
    const onError = (error: Error) => finish({ state: 'failed', message: `The statements could not be made: ${error.message}` });
    // A worker ends before sending its part only when stopped (or when it failed).
    const onExit = () => finish(running.cancelled ? stoppedState(running) : { state: 'failed', message: 'The statements could not be made: the worker making them stopped.' });
    const leave = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ producedAt, statements: parts[w]!.map((i) => statements[i]!), singles: singles.length ? parts[w]!.map((i) => singles[i]!) : [], combined: { frame, part: slots ? { index: w, slots } : null } } satisfies StatementsWork);
  }
  return running.job;
}

/** Ends every worker still making the job's statements; a part waiting for the others' page counts is told first. */
function stopWorkers(running: Running): Promise<unknown> {
  if (running.slots) stopPageCountExchange(running.slots);
  const ending = running.workers.map((p) => p.worker.terminate());
  running.workers = [];
  return Promise.all(ending);
}

/**
 * Every member's statement as its own PDF, named "Lastname Firstname – statement – 2026 Q4.pdf", plus the
 * combined PDF for printing, written into a new folder inside `parent`: the folder job, run to its end.
 */
export async function saveAllStatements(db: Db, period: Period, parent: string, options: { fontsDir: string; producedAt?: Date }): Promise<{ folder: string; files: Array<{ name: string; bytes: number }> }> {
  const job = await runStatementsJob(db, { period, producedAt: options.producedAt ?? new Date(), fontsDir: options.fontsDir, folder: parent });
  if (job.state !== 'done' || !job.folder) throw new LedgerError('internal', job.message ?? 'The statements could not be written.', 'folder');
  return { folder: job.folder, files: job.written };
}

/** The job run to its end: what "All statements" printed in one go and "Save all statements" give. */
export async function runStatementsJob(db: Db, start: StartStatements): Promise<StatementsJob> {
  const job = await startStatementsJob(db, start);
  await jobs.get(job.id)?.finished;
  return statementsJob(job.id);
}

function requireJob(id: string): Running {
  const running = jobs.get(id);
  if (!running) throw new LedgerError('not_found', 'That statements job is not known (the app was restarted, or it finished long ago). Start it again.', 'jobId');
  return running;
}

/** How far the job is; a finished job's result (the PDF, or the files written) comes with it. */
export function statementsJob(id: string): StatementsJob {
  return requireJob(id).job;
}

/**
 * The job once it has ended, or as it is after `waitMs` if it has not: the screen follows a job with
 * this, so the finished PDF reaches it at once rather than at its next look a few hundred ms later.
 */
export async function statementsJobWhenEnded(id: string, waitMs: number): Promise<StatementsJob> {
  const running = requireJob(id);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([running.finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  return running.job;
}

/** A stopped job: what is on disk is what was written (a statement finished just as it was stopped counts too). */
function stoppedState(running: Running): Partial<StatementsJob> {
  const folder = running.job.folder;
  if (!folder) return { state: 'cancelled' };
  const written = running.names.filter((name) => existsSync(path.join(folder, name))).map((name) => ({ name, bytes: statSync(path.join(folder, name)).size }));
  return { state: 'cancelled', written: written.length >= running.job.written.length ? written : running.job.written };
}

/** Stops the job: the workers are ended, then the job says which files it had written (they stay). */
export async function cancelStatementsJob(id: string): Promise<StatementsJob> {
  const running = requireJob(id);
  if (running.job.state !== 'running') return running.job;
  running.cancelled = true;
  await stopWorkers(running);
  finishJob(running, stoppedState(running));
  return running.job;
}
