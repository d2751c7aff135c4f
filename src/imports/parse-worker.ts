// The import parser's worker thread (node:worker_threads): reads one file into rows, off the thread
// that answers the window, and posts the rows back. Started and, past its time limit, terminated by
// parse-in-worker.ts. Built as its own entry (out/main/parse-worker.js) beside the Electron main.
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../shared/errors';
import type { ReadChoice } from './bounded-read';
import { packRows } from './packed-rows';
import { encodingOf, numberCellsOf, parseRead, readBytes, RowStream, type Table } from './spreadsheet';

const data = workerData as { fileName: string; bytes: Uint8Array | null; read: ReadChoice };
const { fileName, read } = data;
/** Rows go packed (packed-rows.ts): each distinct text once, the cells as numbers, whose buffers move instead of being copied. */
const post = (message: Record<string, unknown>, table: Table) => {
  const rows = packRows(table);
  parentPort!.postMessage({ ...message, rows, numberCells: numberCellsOf(table) }, [rows.widths.buffer as ArrayBuffer, rows.cells.buffer as ArrayBuffer]);
};
const posted = (table: Table) => post({ ok: true, encoding: encodingOf(table) }, table);
// The bytes are let go once decoded: a text file's rows are parsed from its text alone, so a large file is not held twice.
const decoded = readBytes(fileName, Buffer.from(data.bytes!.buffer, data.bytes!.byteOffset, data.bytes!.byteLength), read);
data.bytes = null;
// A text file's rows go back in parts as they are read: this thread never holds the whole table beside the text.
const stream = new RowStream(fileName, (rows) => post({ part: true }, rows));
decoded.then((file) => posted(parseRead(fileName, file, stream))).catch((error: unknown) =>
  parentPort!.postMessage({
    ok: false,
    error: error instanceof LedgerError ? error.toShape() : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  }),
);
