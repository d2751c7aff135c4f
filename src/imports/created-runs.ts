// The slips one import creates, recorded as runs of consecutive ids: each kind of slip an import writes gets
// ids that share a random prefix of their own and end in a counter (in the file's order), so the batch keeps
// one import_batch_items row per kind, first and last id, instead of one row per slip. A 100,000-row file was
// 100,000 item rows (a fifth of the import's time); now it is at most six. What reads the items (undo, a
// slip's history, removing a member an undone import added) reads a run as every row of its table whose id
// lies from the first to the last: only this batch made ids with that prefix.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface IdRun {
  /** The next id of the run: the prefix and the counter, one more each time. */
  next(): string;
  /** The first and the last id given out (null before the first). */
  readonly first: string | null;
  readonly last: string | null;
}

/**
 * A fresh run of ids. The prefix is the first 24 characters of a random UUID ("xxxxxxxx-xxxx-4xxx-yxxx-":
 * 70 random bits, version and variant kept), the last 12 hex digits count from 0: every id is still a
 * well-formed UUID, no other run or typed slip shares the prefix, and the ids sort as text in the order given.
 */
export function idRun(): IdRun {
  const prefix = randomUUID().slice(0, 24);
  let n = 0;
  let first: string | null = null;
  let last: string | null = null;
  return {
    next() {
      const id = prefix + (n++).toString(16).padStart(12, '0');
      first ??= id;
      last = id;
      return id;
    },
    get first() {
      return first;
    },
    get last() {
      return last;
    },
  };
}

/**
 * SQL: the import batch item `item` (an alias of import_batch_items) stands for the row whose id is `id`
 * (an SQL expression): the item's one row, or one of the run from entity_id to last_entity_id.
 */
export const itemCovers = (id: string, item = 'i') => `${id} BETWEEN ${item}.entity_id AND coalesce(${item}.last_entity_id, ${item}.entity_id)`;

/** The ids one item stands for, in the order they were created: its own, or every row of its run still in `table`. */
export function idsOfItem(client: Database.Database, table: string, item: { entityId: string; lastEntityId: string | null }): string[] {
  if (!item.lastEntityId) return [item.entityId];
  return client.prepare(`SELECT id FROM ${table} WHERE id BETWEEN ? AND ? ORDER BY id`).pluck().all(item.entityId, item.lastEntityId) as string[];
}
