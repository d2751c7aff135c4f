// Runs the audit log's full check (audit-check-worker.ts) off the main thread and records its outcome as
// the file's checkpoint (audit-chain-checks.ts). Built beside the Electron main as audit-check-worker.js;
// run from source (tests, tools) its TypeScript is bundled once per process with esbuild, as the
// start-up integrity check's worker is.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open';
import { workerScript } from '../db/worker-script';
import type { AuditVerification } from '../shared/contract';
import { fullAuditCheck, recordFullCheck } from './audit-chain-checks';
import type { BackupToCompare, WalkEnd } from './verify-audit-log';

const auditCheckWorker = workerScript(() => path.join(path.dirname(fileURLToPath(import.meta.url)), 'audit-check-worker.ts'), ['better-sqlite3']);

/** The Electron main process runs the worker as it is built beside main.js. */
export function useBuiltAuditCheckWorker(file: string | null): void {
  auditCheckWorker.useBuilt(file);
}

type WorkerAnswer = { ok: true; verification: AuditVerification; end: WalkEnd } | { ok: false; reason: string };

function walkInWorker(file: string, backups: BackupToCompare[]): Promise<WorkerAnswer> {
  return (async () => {
    const workerData = { file: path.resolve(file), backups };
    const worker = await auditCheckWorker.start({ workerData });
    return new Promise<WorkerAnswer>((resolve) => {
      let settled = false;
      const settle = (answer: WorkerAnswer) => {
        if (settled) return;
        settled = true;
        resolve(answer);
        void worker.terminate();
      };
      worker.once('message', settle);
      worker.once('error', (error) => settle({ ok: false, reason: error.message }));
      worker.once('exit', (code) => settle({ ok: false, reason: `the check stopped (exit code ${code})` }));
    });
  })().catch((error: Error) => ({ ok: false as const, reason: error.message }));
}

/**
 * The whole chain walked in a worker, then recorded here on the file's own connection (`db()` is asked
 * for again afterwards: a restore may have swapped the file meanwhile, and then nothing is recorded).
 * If the worker cannot run, the check runs here instead (slower, but never skipped).
 */
export async function fullAuditCheckInBackground(file: string, db: () => Db | null, backups: BackupToCompare[] = [], at: () => Date = () => new Date()): Promise<AuditVerification | null> {
  const answer = await walkInWorker(file, backups);
  const now = db();
  if (!now) return null;
  if (!answer.ok) return fullAuditCheck(now, backups, at());
  recordFullCheck(now, answer.verification, answer.end, at().toISOString());
  return answer.verification;
}
