// What a read may keep between two requests: an answer computed from the chapter file stays right only
// while nothing in the file has changed. SQLite says so in two numbers — this connection's change count
// (total_changes(): every row inserted, updated or deleted through it since it was opened, triggers'
// rows included, even a change later rolled back) and data_version (moves when another connection, a
// worker thread's, commits). Equal states read the same rows.
import type Database from 'better-sqlite3';
import type { Db } from './open';

const changesOf = new WeakMap<Database.Database, Database.Statement>();

/**
 * The file's state as a string, or null inside a transaction (a drizzle transaction has no client of
 * its own: what it reads may be rolled back, so nothing read there is kept).
 */
export function ledgerState(db: Db): string | null {
  const client = (db as { $client?: Database.Database }).$client;
  if (!client || typeof client.prepare !== 'function') return null;
  let changes = changesOf.get(client);
  if (!changes) changesOf.set(client, (changes = client.prepare('SELECT total_changes()').pluck()));
  return `${changes.get() as number}/${client.pragma('data_version', { simple: true }) as number}`;
}

/** The connection a state belongs to: what is kept is kept per open file. */
export function clientOf(db: Db): Database.Database | null {
  const client = (db as { $client?: Database.Database }).$client;
  return client && typeof client.prepare === 'function' ? client : null;
}
