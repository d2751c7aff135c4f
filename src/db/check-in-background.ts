// The start-up integrity check, run in a worker thread on a read-only connection of its own, so the
// window shows the Meeting screen at once while SQLite reads every page of the file (seconds at a
// million slips). The worker is built beside the Electron main (out/main/integrity-worker.js); run from
// source (tests, tools) its TypeScript is bundled once per process with esbuild.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrityFinding } from './integrity-worker';
import { workerScript } from './worker-script';

export type { IntegrityFinding };

const integrityWorker = workerScript(() => path.join(path.dirname(fileURLToPath(import.meta.url)), 'integrity-worker.ts'), ['better-sqlite3']);

/** The Electron main process runs the worker as it is built beside main.js. */
export function useBuiltIntegrityWorker(file: string | null): void {
  integrityWorker.useBuilt(file);
}

/**
 * Checks `file` off the main thread. Never rejects: a worker that cannot start or stops on its own
 * answers "not checked" (damaged: false) with the reason, and the caller checks another way.
 */
export async function checkInBackground(file: string): Promise<IntegrityFinding> {
  try {
    const workerData = { file: path.resolve(file) };
    const worker = await integrityWorker.start({ workerData });
    return await new Promise<IntegrityFinding>((resolve) => {
      let settled = false;
      const settle = (finding: IntegrityFinding) => {
        if (settled) return;
        settled = true;
        resolve(finding);
        void worker.terminate();
      };
      worker.once('message', settle);
      worker.once('error', (error) => settle({ ok: false, damaged: false, reason: error.message }));
      worker.once('exit', (code) => settle({ ok: false, damaged: false, reason: `the check stopped (exit code ${code})` }));
    });
  } catch (error) {
    return { ok: false, damaged: false, reason: (error as Error).message };
  }
}
