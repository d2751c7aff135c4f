// drizzle's better-sqlite3 driver prepares (parses and plans) every statement anew each time a query
// runs — on a meeting night's save, a third of the service's own time went into preparing the same
// few dozen statement texts again and again. The client drizzle is given here keeps the prepared
// statements of the recent texts (values are bound, not written in, so the texts repeat) and hands
// them out again. Only drizzle's own queries go through it: code that holds a statement of its own
// (`$client.prepare(...)`, the imports' bulk writers) gets a fresh one as before.
import type Database from 'better-sqlite3';

/** Distinct statement texts kept per file; the least recently used goes first. */
export const STATEMENTS_KEPT = 400;

/**
 * A view of `sqlite` whose `prepare` answers a kept statement for a text it has seen, reset to
 * plain rows (drizzle switches its statements to arrays for typed selects). A statement still busy
 * (being iterated) is never handed out twice: the caller gets a fresh one.
 */
export function withStatementCache(sqlite: Database.Database, kept = STATEMENTS_KEPT): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string): Database.Statement => {
    const found = statements.get(text);
    if (found && !found.busy) {
      // Most recently used last: Map keeps insertion order.
      statements.delete(text);
      statements.set(text, found);
      if (found.reader) found.raw(false);
      return found;
    }
    const statement = sqlite.prepare(text);
    if (!found) {
      statements.set(text, statement);
      if (statements.size > kept) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
