// "All statements" and "Save each member's PDF to a folder" as jobs the screen can follow and stop. The
// statements' data is read at once on this thread (one consistent read, ~1 s on a ten-year chapter);
// the PDFs are made in a worker thread (reports/statements-worker.ts), which says after each statement
// how far it is. The screen asks for the job's state every few hundred milliseconds (the contract is
// request and answer, in the app as in the harness) and may cancel it: the worker is stopped at once.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/open';
import { workerScript } from '../db/worker-script';
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
  worker: Worker | null;
  cancelled: boolean;
}

const jobs = new Map<string, Running>();
/** Worker threads started and not yet ended. */
const live = new Set<Worker>();

/** How many statements workers are still running (none once every job has finished or been stopped). */
export function liveStatementsWorkers(): number {
  return live.size;
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
}

/** Reads every statement's data, then makes the PDFs in a worker; answers with the job at once. */
export async function startStatementsJob(db: Db, start: StartStatements): Promise<StatementsJob> {
  const { period, producedAt } = start;
  const id = randomUUID();
  let work: StatementsWork;
  let names: string[] = [];
  let combinedName: string;
  let folder: string | null = null;
  if (start.folder) {
    const plan = statementsFolderPlan(db, period, start.folder, producedAt);
    folder = plan.folder;
    names = [...plan.names, plan.combinedName];
    combinedName = plan.combinedName;
    work = { fontsDir: start.fontsDir, producedAt, statements: plan.statements.map((s) => s.data), singles: plan.names.map((n) => path.join(plan.folder, n)), combined: { frame: plan.frame, path: path.join(plan.folder, plan.combinedName) } };
  } else {
    const statements = allStatementsData(db, period, producedAt, 'print');
    combinedName = allStatementsFileName(db, period);
    work = { fontsDir: start.fontsDir, producedAt, statements: statements.map((s) => s.data), singles: [], combined: { frame: allStatementsFrame(db, period, producedAt), path: null } };
  }
  const total = work.statements.length;
  const running: Running = { job: { id, state: 'running', output: folder ? 'folder' : 'pdf', stage: folder ? 'single' : 'combined', done: 0, total, written: [], folder }, worker: null, cancelled: false };
  remember(running);
  let worker: Worker;
  try {
    worker = await statementsWorker.start({ workerData: work });
  } catch (error) {
    running.job = { ...running.job, state: 'failed', message: `The statements could not be made: ${(error as Error).message}` };
    remember(running);
    return running.job;
  }
  running.worker = worker;
  live.add(worker);
  worker.on('exit', () => live.delete(worker));
  if (running.cancelled) void worker.terminate();
  const finish = (change: Partial<StatementsJob>) => {
    if (running.job.state !== 'running') return;
    running.job = { ...running.job, ...change };
    running.worker = null;
    remember(running);
  };
  worker.on('message', (message: StatementsMessage) => {
    if (running.job.state !== 'running' || running.cancelled) return;
    switch (message.kind) {
      case 'progress':
        running.job = { ...running.job, stage: message.stage, done: message.done, total: message.total };
        return;
      case 'written':
        running.job = { ...running.job, written: [...running.job.written, { name: names[message.index]!, bytes: message.bytes }] };
        return;
      case 'combined':
        finish({
          state: 'done',
          stage: 'writing',
          done: total,
          written: folder ? [...running.job.written, { name: combinedName, bytes: message.size }] : running.job.written,
          ...(message.bytes ? { pdf: { fileName: combinedName, pdfBase64: Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length).toString('base64') } } : {}),
        });
        void worker.terminate();
        return;
      case 'failed':
        finish({ state: 'failed', message: `The statements could not be made: ${message.message}` });
        void worker.terminate();
        return;
    }
  });
  worker.on('error', (error) => finish({ state: 'failed', message: `The statements could not be made: ${error.message}` }));
  worker.on('exit', () => finish(running.cancelled ? stoppedState(running, folder, names) : { state: 'failed', message: 'The statements could not be made: the worker making them stopped.' }));
  return running.job;
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

/** A stopped job: what is on disk is what was written (a statement finished just as it was stopped counts too). */
function stoppedState(running: Running, folder: string | null, names: string[]): Partial<StatementsJob> {
  if (!folder) return { state: 'cancelled' };
  const written = names.filter((name) => existsSync(path.join(folder, name))).map((name) => ({ name, bytes: statSync(path.join(folder, name)).size }));
  return { state: 'cancelled', written: written.length >= running.job.written.length ? written : running.job.written };
}

/** Stops the job: the worker is ended, then the job says which files it had written (they stay). */
export async function cancelStatementsJob(id: string): Promise<StatementsJob> {
  const running = requireJob(id);
  if (running.job.state !== 'running') return running.job;
  running.cancelled = true;
  const worker = running.worker;
  if (worker) await worker.terminate();
  else running.job = { ...running.job, state: 'cancelled' };
  return running.job;
}
