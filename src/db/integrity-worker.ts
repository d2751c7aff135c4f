// The start-up integrity check's worker thread (node:worker_threads): opens the chapter file read-only
// and runs the same quick_check the open would have run, off the thread that answers the window.
// Started by check-in-background.ts; built as its own entry (out/main/integrity-worker.js).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { quickCheck } from './quick-check';

export type IntegrityFinding = { ok: true } | { ok: false; damaged: true; found: string } | { ok: false; damaged: false; reason: string };

const { file } = workerData as { file: string };
let finding: IntegrityFinding;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const found = quickCheck(db);
    finding = found === 'ok' ? { ok: true } : { ok: false, damaged: true, found };
  } finally {
    db.close();
  }
} catch (error) {
  const code = String((error as { code?: string }).code ?? '');
  // A page so damaged that SQLite stops reading is as bad as what quick_check reports; anything else
  // (the file could not be read at all from here) leaves the check to be done another way.
  finding = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' ? { ok: false, damaged: true, found: (error as Error).message } : { ok: false, damaged: false, reason: (error as Error).message };
}
parentPort!.postMessage(finding);
