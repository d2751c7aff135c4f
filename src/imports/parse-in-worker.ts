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
import { unpackRows, type PackedRows } from './packed-rows';

/** A meeting's or a quarter's export reads in a second or two, 100,000 rows in about 1.5 s on a loaded machine. */
export const parseWorkerLimits = { timeMs: 30_000, memoryMb: 512 };

export type ParsedInWorker =
  | { ok: true; rows: string[][]; numberCells: Array<[number, number[]]>; encoding: TextEncodingName | null }
  | { ok: false; error: LedgerErrorShape };
/** The worker's last message: its rows packed (packed-rows.ts). */
type WorkerDone = { ok: true; rows: PackedRows; numberCells: Array<[number, number[]]>; encoding: TextEncodingName | null } | { ok: false; error: LedgerErrorShape };
/** Rows the worker has read so far (a large text file comes in parts, in order, before its last message). */
type PartRead = { part: true; rows: PackedRows; numberCells: Array<[number, number[]]> };

const parseWorker = workerScript(() => path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.ts'), []);

/** The Electron main process (and the harness, when a build exists) run the worker as it is built beside main.js. */
export function useBuiltParseWorker(file: string | null): void {
  parseWorker.useBuilt(file);
}

/**
 * The file's bytes travel to the worker moved, not cloned: a buffer of their own (a copy, or with
 * `handOver` the caller's own buffer when it is theirs alone — never a slice of Node's shared pool) is
 * transferred, so a 31 MiB file is not held two or three times over while the worker starts.
 */
export function bytesToMove(bytes: Buffer, handOver: boolean): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength && bytes.buffer instanceof ArrayBuffer;
  return handOver && whole ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}

export async function parseInWorker(fileName: string, bytes: Buffer, read: ReadChoice = {}, limits = parseWorkerLimits, handOver = false): Promise<ParsedInWorker> {
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: limits.memoryMb };
  const moved = bytesToMove(bytes, handOver);
  const options = { workerData: { fileName, bytes: moved, read: { readAs: read.readAs, locale: read.locale } }, transferList: [moved.buffer as ArrayBuffer], resourceLimits };
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
    // The parts are put together here, in order; number cells keep their place in the whole table.
    const rows: string[][] = [];
    const numberCells: Array<[number, number[]]> = [];
    worker.on('message', (message: WorkerDone | PartRead) => {
      if ('part' in message) {
        for (const [row, columns] of message.numberCells) numberCells.push([rows.length + row, columns]);
        for (const row of unpackRows(message.rows)) rows.push(row);
        return;
      }
      if (!message.ok) return settle(() => resolve(message));
      for (const [row, columns] of message.numberCells) numberCells.push([rows.length + row, columns]);
      for (const row of unpackRows(message.rows)) rows.push(row);
      settle(() => resolve({ ok: true, rows, numberCells, encoding: message.encoding }));
    });
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
