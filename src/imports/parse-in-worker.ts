// Import files are parsed in a worker thread, so a large or hostile file never freezes the app: the
// thread that answers the window (Electron's main process, the harness) only waits for a message.
// The worker has a time limit and a memory ceiling; past either it is terminated and the secretary
// is told, in a sentence naming the limit. The read limits themselves (bounded-read.ts) still apply
// inside the worker.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { LedgerError, type LedgerErrorShape } from '../shared/errors';
import type { TextEncodingName } from './bounded-read';

/** A meeting's or a quarter's export reads in a second or two, 100,000 rows in about 1.5 s on a loaded machine. */
export const parseWorkerLimits = { timeMs: 30_000, memoryMb: 512 };

export type ParsedInWorker =
  | { ok: true; rows: string[][]; numberCells: Array<[number, number[]]>; encoding: TextEncodingName | null }
  | { ok: false; error: LedgerErrorShape };

type WorkerScript = { file: string } | { code: string };
let builtWorker: string | null = null;
let compiledSource: Promise<string> | null = null;

/** The Electron main process (and the harness, when a build exists) run the worker as it is built beside main.js. */
export function useBuiltParseWorker(file: string | null): void {
  builtWorker = file;
}

/** Without a build (tests, tools run from source), the worker's TypeScript is bundled once per process with esbuild. */
function compileSource(): Promise<string> {
  compiledSource ??= (async () => {
    const esbuild = await import('esbuild');
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.ts');
    const result = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent', external: ['esbuild'] });
    return result.outputFiles[0]!.text;
  })();
  return compiledSource;
}

async function workerScript(): Promise<WorkerScript> {
  return builtWorker ? { file: builtWorker } : { code: await compileSource() };
}

export async function parseInWorker(fileName: string, bytes: Buffer, limits = parseWorkerLimits): Promise<ParsedInWorker> {
  const script = await workerScript();
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: limits.memoryMb };
  const options = { workerData: { fileName, bytes: new Uint8Array(bytes) }, resourceLimits };
  const worker = 'file' in script ? new Worker(script.file, options) : new Worker(script.code, { ...options, eval: true });
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
