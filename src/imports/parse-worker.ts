// The import parser's worker thread (node:worker_threads): reads one file into rows, off the thread
// that answers the window, and posts the rows back. Started and, past its time limit, terminated by
// parse-in-worker.ts. Built as its own entry (out/main/parse-worker.js) beside the Electron main.
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../shared/errors';
import type { ReadChoice } from './bounded-read';
import { encodingOf, numberCellsOf, readTableHere } from './spreadsheet';

const { fileName, bytes, read } = workerData as { fileName: string; bytes: Uint8Array; read: ReadChoice };
readTableHere(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), read).then(
  (table) => parentPort!.postMessage({ ok: true, rows: table, numberCells: numberCellsOf(table), encoding: encodingOf(table) }),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      error: error instanceof LedgerError ? error.toShape() : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    }),
);
