// Import files are parsed in a worker thread, so a large or hostile file never freezes the app: the
// thread that answers the window (Electron's main process, the harness) only waits for a message.
// The worker has a time limit and a memory ceiling; past either it is terminated and the secretary
// is told, in a sentence naming the limit. The read limits themselves (bounded-read.ts) still apply
// inside the worker.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { workerScript } from '../db/worker-script';
import { LedgerError, type LedgerErrorShape } from '../shared/errors';
import type { ReadChoice, TextEncodingName } from './bounded-read';

/** A meeting's or a quarter's export reads in a second or two, 100,000 rows in about 1.5 s on a loaded machine. */
export const parseWorkerLimits = { timeMs: 30_000, memoryMb: 512 };

export type ParsedInWorker =
  | { ok: true; rows: string[][]; numberCells: Array<[number, number[]]>; encoding: TextEncodingName | null }
  | { ok: false; error: LedgerErrorShape };

const parseWorker = workerScript(() => path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.ts'), []);

/** The Electron main process (and the harness, when a build exists) run the worker as it is built beside main.js. */
export function useBuiltParseWorker(file: string | null): void {
  parseWorker.useBuilt(file);
}

export async function parseInWorker(fileName: string, bytes: Buffer, read: ReadChoice = {}, limits = parseWorkerLimits): Promise<ParsedInWorker> {
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: limits.memoryMb };
  const options = { workerData: { fileName, bytes: new Uint8Array(bytes), read: { readAs: read.readAs, locale: read.locale } }, resourceLimits };
  const worker = await parseWorker.start(options);
  return new Promise<ParsedInWorker>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new LedgerError('invalid_input', `${fileName} took longer than ${limits.timeMs / 1000} seconds to read, so reading it was stopped (the limit for an import file; an export of a meeting or a quarter reads in a second or two). Export a shorter period and import that. Nothing was imported.`, 'file')),
        ),
      limits.timeMs,
    );
    worker.once('message', (message: ParsedInWorker) => settle(() => resolve(message)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new LedgerError('invalid_input', `${fileName} needs more than ${limits.memoryMb} MB of memory to read (the limit for an import file), so reading it was stopped. Export a shorter period and import that. Nothing was imported.`, 'file')
            : new LedgerError('internal', `${fileName} could not be read: the reader stopped (${error.message}). Nothing was imported.`, 'file'),
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new LedgerError('internal', `${fileName} could not be read: the reader stopped (exit code ${code}). Nothing was imported.`, 'file'))));
  });
}
