// The audit log's hash chain. Every entry carries sha256(previous entry's hash, its place in the
// chain, every column of the entry), computed by the app in the transaction that writes the entry;
// the chain's head (how many entries, the last hash) is kept apart in audit_chain, and every backup
// holds the head as it was when it was taken. Changing an entry, removing one, slipping one in, or
// emptying the log and re-creating its triggers exactly therefore no longer adds up — unless the
// tamperer also recomputes every later hash, the head, and every backup (README: what remains).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { firstRow, runStatement } from '../db/fixed-statements';
import type { Db } from '../db/open';

/** The hash "before" the first entry. */
export const chainGenesis = '';

/** Every column of an entry the chain covers (all of them but the chain columns themselves). */
export interface ChainedEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string;
  createdAt: string;
  updatedAt: string;
}

/** sha256 over the previous hash, the entry's place and its columns, in one fixed JSON layout. */
export function chainHash(previous: string, seq: number, e: ChainedEntry): string {
  const canonical = JSON.stringify([previous, seq, e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.before, e.after, e.reason, e.createdAt, e.updatedAt]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface NewAuditRow {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string;
}

interface Head {
  entries: number;
  headHash: string;
  now: string;
}

const headSql = "SELECT entries, head_hash AS headHash, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now FROM audit_chain WHERE id = 1";
const insertSql =
  'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, reason, created_at, updated_at, chain_seq, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const moveHeadSql = 'UPDATE audit_chain SET entries = ?, head_hash = ? WHERE id = 1';

function chained(head: Head, row: NewAuditRow) {
  const entry: ChainedEntry = { ...row, at: head.now, actor: 'secretary', createdAt: head.now, updatedAt: head.now };
  const seq = head.entries + 1;
  const hash = chainHash(head.headHash, seq, entry);
  return { entry, seq, hash };
}

/**
 * For the imports' bulk writes on the chapter file's own connection: one prepared insert, the head
 * read again for every entry (a primary-key lookup), so the chain is right however calls interleave.
 */
export function auditAppender(client: Database.Database): (row: NewAuditRow) => void {
  const readHead = client.prepare(headSql);
  const insert = client.prepare(insertSql);
  const moveHead = client.prepare(moveHeadSql);
  return (row) => {
    let head = readHead.get() as Head | undefined;
    if (!head) {
      startAuditChain(client);
      head = readHead.get() as Head;
    }
    const { entry: e, seq, hash } = chained(head, row);
    insert.run(e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.before, e.after, e.reason, e.createdAt, e.updatedAt, seq, hash);
    moveHead.run(seq, hash);
  };
}

/** The same for one entry written through drizzle, inside the caller's transaction. */
export function appendAuditRow(db: Db, row: NewAuditRow): void {
  let head: Head | undefined;
  try {
    head = firstRow<Head>(db, headSql);
  } catch (error) {
    if (!/no such table: audit_chain/.test(String((error as { cause?: Error }).cause?.message ?? error))) throw error;
    // A file still at a schema from before the chain (only the tests of older migrations write there).
    db.run(sql`INSERT INTO audit_log (id, action, entity, entity_id, before, after, reason) VALUES (${row.id}, ${row.action}, ${row.entity}, ${row.entityId}, ${row.before}, ${row.after}, ${row.reason})`);
    return;
  }
  if (!head) {
    const client = (db as unknown as { $client?: Database.Database }).$client;
    if (!client) throw new Error('The audit log chain has not been started on this chapter file (open it through openDatabase).');
    startAuditChain(client);
    head = firstRow<Head>(db, headSql);
  }
  const { entry: e, seq, hash } = chained(head!, row);
  // Fixed statements (prepared once, values bound): every write of the app ends here.
  runStatement(db, insertSql, e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.before, e.after, e.reason, e.createdAt, e.updatedAt, seq, hash);
  runStatement(db, moveHeadSql, seq, hash);
}

export interface StoredEntry extends ChainedEntry {
  chainSeq: number | null;
  chainHash: string | null;
}

export const storedEntriesSql = `SELECT id, at, actor, action, entity, entity_id AS entityId, before, after, reason, created_at AS createdAt, updated_at AS updatedAt,
  chain_seq AS chainSeq, chain_hash AS chainHash FROM audit_log ORDER BY rowid`;

/** The same, after one entry (its rowid): the entries written since a verified one. */
export const storedEntriesAfterSql = `SELECT id, at, actor, action, entity, entity_id AS entityId, before, after, reason, created_at AS createdAt, updated_at AS updatedAt,
  chain_seq AS chainSeq, chain_hash AS chainHash FROM audit_log WHERE rowid > ? ORDER BY rowid`;

function hasChainTable(client: Database.Database): boolean {
  return client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'").get() !== undefined;
}

/**
 * Starts the chain once, when the file is first opened by a version that keeps one: the entries
 * already there (written before the chain) are hashed in order, in memory, and their count and
 * final hash recorded as the chain's start — the entries themselves are never rewritten. The row in
 * audit_chain is the record that this was done; it is not redone. If the record is missing while
 * chained entries exist, it was removed: it is rebuilt from the entries and says so (rebuilt_at),
 * and "Verify audit log" reports it from then on.
 */
export function startAuditChain(client: Database.Database): void {
  if (!hasChainTable(client)) return; // a file at an older schema (tests of old migrations)
  client.transaction(() => {
    if (client.prepare('SELECT 1 FROM audit_chain WHERE id = 1').get()) return;
    let running = chainGenesis;
    let position = 0;
    let legacy: { entries: number; hash: string } | null = null;
    for (const row of client.prepare(storedEntriesSql).iterate() as IterableIterator<StoredEntry>) {
      position += 1;
      if (row.chainHash === null && legacy === null) {
        running = chainHash(running, position, row);
        continue;
      }
      legacy ??= { entries: position - 1, hash: running };
      running = row.chainHash ?? running;
    }
    const rebuilt = legacy !== null;
    legacy ??= { entries: position, hash: running };
    client
      .prepare("INSERT INTO audit_chain (id, entries, head_hash, legacy_entries, legacy_hash, rebuilt_at) VALUES (1, ?, ?, ?, ?, CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END)")
      .run(position, running, legacy.entries, legacy.hash, rebuilt ? 1 : 0);
  })();
}
