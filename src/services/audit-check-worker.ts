// The audit log's full check in a worker thread (node:worker_threads), on a read-only connection of its
// own, so a check that hashes every entry again (seconds on a big file) never holds up the window.
// Started by audit-check-in-background.ts after the start-up check; built as its own entry
// (out/main/audit-check-worker.js). It only reads: the checkpoint is written by the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../db/schema';
import type { Db } from '../db/open';
import { walkAuditLog, type BackupToCompare } from './verify-audit-log';

const { file, backups } = workerData as { file: string; backups: BackupToCompare[] };
try {
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const db = drizzle(client, { schema }) as unknown as Db;
    (db as unknown as { $client: Database.Database }).$client = client;
    // One read transaction: the walk sees the log as it was when it began, however the app writes meanwhile.
    const result = client.transaction(() => walkAuditLog(db, backups))();
    parentPort!.postMessage({ ok: true, ...result });
  } finally {
    client.close();
  }
} catch (error) {
  parentPort!.postMessage({ ok: false, reason: (error as Error).message });
}
