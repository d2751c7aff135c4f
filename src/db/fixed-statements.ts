// A meeting night's hot path (save a slip, then read tonight's sheet back) runs the same dozen
// statements again and again. Written with drizzle's sql`` or its query builder, each call built
// its text anew from the fragments (a quarter of a save's JavaScript time on the ten-year file)
// before the statement cache could hand out the prepared statement. The statements here are
// turned into text once, when the module loads; a call prepares nothing (the statement cache keeps
// the prepared statement for its text) and only binds its values.
//
// A value is written `+?` (or `+@name`) where a join or an ordered query compares it. SQLite
// (3.54 as better-sqlite3 builds it) plans such a statement again whenever a new value is bound,
// because its planner looked at the value, and better-sqlite3 binds anew at every call: each read
// of the Meeting sheet paid the planning of its seven joins again, more than half its time
// (0.9 of 1.7 ms in the slip lists and the roster on the ten-year file). The unary plus leaves the
// value as it is and makes it an expression the planner does not look into; the plans are the
// same (the indexes are used as before; tests/unit/query-plans.test.ts checks them).
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

const dialect = new SQLiteSyncDialect();

/** The text of a fragment that binds no values (its values are `?` in the text, bound at the call). */
export function statementText(fragment: SQL): string {
  const query = dialect.sqlToQuery(fragment);
  if (query.params.length > 0) throw new Error('A fixed statement binds its values at the call: write them as ? in the text.');
  return query.sql;
}

/**
 * The connection behind a Db or a transaction on it (a transaction shares its database's
 * connection, so a statement run here is inside the transaction). On a file opened by
 * openDatabase this is the connection with the statement cache.
 */
export function connectionOf(db: Db): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

/** Every row of a fixed statement, as plain named fields. */
export function allRows<T>(db: Db, text: string, ...values: unknown[]): T[] {
  return connectionOf(db).prepare(text).all(...values) as T[];
}

/** The first row of a fixed statement, or undefined. */
export function firstRow<T>(db: Db, text: string, ...values: unknown[]): T | undefined {
  return connectionOf(db).prepare(text).get(...values) as T | undefined;
}

/** Runs a fixed statement that writes. */
export function runStatement(db: Db, text: string, ...values: unknown[]): Database.RunResult {
  return connectionOf(db).prepare(text).run(...values);
}
