// The file's CHECK rules that name a column's allowed values (`status IN ('new', 'contacted', 'meeting_set', 'won', 'lost')`)
// stored as the same rules written out as comparisons (`status = 'new' OR status = 'contacted' OR …`).
//
// Why: SQLite runs a CHECK's list of more than two values by building a temporary b-tree of the values, afresh for
// every row written (opened, filled, searched, closed: EXPLAIN shows OpenEphemeral with no Once). A referral's insert
// spent 27% of its instructions on it (callgrind, 10,000 referrals into the ten-year chapter: 726 M → 527 M), and
// an import of 100,000 slips writes 60,000 rows into such tables. Comparisons are evaluated in place.
//
// How: SQLite's documented procedure for changes that leave every stored row as it is
// (https://www.sqlite.org/lang_altertable.html#otheralter, "removing CHECK … constraints"): the table's CREATE
// statement in sqlite_schema is rewritten, the schema version moved on (other connections read it afresh) and the
// schema reloaded here (writable_schema = RESET), in one transaction. The rules accept and refuse exactly the same
// values (NULL included: `NULL = 'a' OR …` is NULL, which a CHECK lets through, as `NULL IN (…)` is), so no row
// needs checking; the rewritten statements are parsed before the transaction commits, and a statement that does not
// parse rolls everything back. The migrations and src/db/schema.ts keep the IN lists drizzle-kit writes: a table a
// later migration creates again is rewritten at the next open, as a file from before this change is at its first.
import type Database from 'better-sqlite3';

/** `"t"."c" IN ('a', 'b', 'c')` or `"c" IN (…)`: a column and a list of more than two quoted values (no quotes inside). */
const valueList = /((?:"[A-Za-z_][A-Za-z0-9_]*"\.)?"[A-Za-z_][A-Za-z0-9_]*") IN \(('[^']*'(?:, '[^']*'){2,})\)/g;

/** A table's CREATE statement with every CHECK value list of three or more written as comparisons (unchanged when it has none). */
export function withComparisons(createTable: string): string {
  return createTable.replace(valueList, (_all, column: string, list: string) => `(${list.split(', ').map((value) => `${column} = ${value}`).join(' OR ')})`);
}

/**
 * Rewrites the tables whose CHECK rules still hold value lists; returns their names (none: nothing was written).
 * Run on the file's own connection once its migrations are applied, before anything else uses it.
 */
export function storeChecksAsComparisons(sqlite: Database.Database): string[] {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
  const changed = tables.map((t) => ({ name: t.name, sql: withComparisons(t.sql) })).filter((t, i) => t.sql !== tables[i]!.sql);
  if (changed.length === 0) return [];
  // better-sqlite3 opens files in SQLite's defensive mode, which refuses writes to sqlite_schema; lifted for this
  // one transaction only.
  sqlite.unsafeMode(true);
  let committed = false;
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const version = sqlite.pragma('schema_version', { simple: true }) as number;
      sqlite.pragma('writable_schema = ON');
      const write = sqlite.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?");
      for (const t of changed) write.run(t.sql, t.name);
      sqlite.pragma(`schema_version = ${version + 1}`);
      sqlite.pragma('writable_schema = RESET'); // off again, and this connection reads the schema afresh
      // Every rewritten statement parses (a table that cannot be read would leave the file unopenable).
      for (const t of changed) sqlite.prepare(`SELECT * FROM "${t.name}" LIMIT 0`).all();
      sqlite.exec('COMMIT');
      committed = true;
    } finally {
      if (!committed) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        sqlite.pragma('writable_schema = RESET');
      }
    }
  } finally {
    sqlite.unsafeMode(false);
  }
  return changed.map((t) => t.name);
}
