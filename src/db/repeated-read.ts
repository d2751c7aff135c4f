// Reads a screen repeats with new values (a period, a day): SQLite prepares the statement once per
// open file and runs it again with the new values. For the long statements of the Outcomes screen,
// preparing (parsing and planning) costs about a quarter of answering.
import type Database from 'better-sqlite3';
import { type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

const dialect = new SQLiteSyncDialect();
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Each caller has a handful of statement texts (values are bound, not written in); a bound all the same. */
const MOST_PER_FILE = 64;

function statementFor(db: Db, query: SQL): { statement: Database.Statement; params: unknown[] } | null {
  // Only the file's own connection has a client; inside a drizzle transaction the read goes the usual way.
  const client = (db as { $client?: Database.Database }).$client;
  if (!client || typeof client.prepare !== 'function') return null;
  const { sql: text, params } = dialect.sqlToQuery(query);
  let statements = prepared.get(client);
  if (!statements) prepared.set(client, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) {
    if (statements.size >= MOST_PER_FILE) statements.clear();
    statement = client.prepare(text);
    statements.set(text, statement);
  }
  return { statement, params };
}

export function repeatedAll<T>(db: Db, query: SQL): T[] {
  const found = statementFor(db, query);
  return found ? (found.statement.all(...found.params) as T[]) : db.all<T>(query);
}

export function repeatedGet<T>(db: Db, query: SQL): T | undefined {
  const found = statementFor(db, query);
  return found ? (found.statement.get(...found.params) as T | undefined) : db.get<T>(query);
}
