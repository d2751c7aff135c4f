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
import { getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
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

interface InsertText {
  text: string;
  /** Per bound value: the field given (mapped for the driver), or a value computed at each call. */
  binds: Array<{ field: string; column: SQLiteColumn } | { compute: () => unknown; field: string; column: SQLiteColumn }>;
}

const insertTexts = new WeakMap<SQLiteTable, Map<string, InsertText>>();

/**
 * Inserts one row exactly as drizzle's `insert(table).values(values)` does — every column listed in
 * the table's order, a value not given takes the column's default (its SQL written in the text, a
 * plain default bound, a JavaScript default computed per row) or null — from a text built once per
 * table and set of fields given. Answers the new row's id (given, or the id column's default).
 */
export function insertRow(db: Db, table: SQLiteTable, values: Record<string, unknown>): string {
  const { text, params, id } = insertStatement(table, values);
  connectionOf(db).prepare(text).run(...params);
  return id;
}

/** The text and values {@link insertRow} runs (drizzle's own for the same insert, tests/unit/fixed-statements.test.ts). */
export function insertStatement(table: SQLiteTable, values: Record<string, unknown>): { text: string; params: unknown[]; id: string } {
  const given = Object.keys(values).filter((field) => values[field] !== undefined);
  const key = given.join(',');
  let byFields = insertTexts.get(table);
  if (!byFields) insertTexts.set(table, (byFields = new Map()));
  let built = byFields.get(key);
  if (!built) {
    const names: string[] = [];
    const slots: string[] = [];
    const binds: InsertText['binds'] = [];
    for (const [field, column] of Object.entries(getTableColumns(table)) as Array<[string, SQLiteColumn]>) {
      if ((column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert()) continue;
      names.push(`"${column.name}"`);
      if (given.includes(field)) {
        slots.push('?');
        binds.push({ field, column });
      } else if (column.default !== null && column.default !== undefined) {
        if (is(column.default, SQL)) slots.push(statementText(column.default));
        else {
          const fixed = column.default;
          slots.push('?');
          binds.push({ field, column, compute: () => fixed });
        }
      } else if (column.defaultFn !== undefined || column.onUpdateFn !== undefined) {
        const fn = (column.defaultFn ?? column.onUpdateFn)!;
        if (is(fn(), SQL)) throw new Error(`${getTableName(table)}.${column.name}: a default computed as SQL is not supported here.`);
        slots.push('?');
        binds.push({ field, column, compute: fn });
      } else slots.push('null');
    }
    built = { text: `insert into "${getTableName(table)}" (${names.join(', ')}) values (${slots.join(', ')})`, binds };
    byFields.set(key, built);
  }
  let id: unknown = values.id;
  const params = built.binds.map((b) => {
    const value = 'compute' in b ? b.compute() : values[b.field];
    if (b.field === 'id') id = value;
    return value === null ? null : b.column.mapToDriverValue(value);
  });
  return { text: built.text, params, id: id as string };
}
