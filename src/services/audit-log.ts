// Reading the audit log: newest first, filtered in SQL, a page at a time. Each page continues
// from the last entry shown (its time and place in the log), so page 100 costs what page 1 does.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import type { ParsedInput } from '../shared/contract';
import { describeChange } from './change-summary';
import { lookUpNames, lookUpParties, wordEntry } from './audit-wording';
import { getChapter } from './chapter';

/** Sorts after every entry: the first page starts from the end of the log. */
const endOfLog = { at: '\uffff', seq: Number.MAX_SAFE_INTEGER };

export function listAuditLog(db: Db, input: ParsedInput<'listAuditLog'>) {
  const after = input.after ?? endOfLog;
  const where: SQL[] = [sql`(at, rowid) < (${after.at}, ${after.seq})`];
  if (input.entity !== 'all') where.push(sql`entity = ${input.entity}`);
  if (input.action !== 'all') where.push(sql`action = ${input.action}`);
  if (input.from) where.push(sql`at >= ${input.from}`);
  if (input.to) where.push(sql`at < date(${input.to}, '+1 day')`);
  // Written as in the partial index audit_log_amendments, so SQLite reads only the amendments.
  if (input.withReasonOnly) where.push(sql`reason <> ''`);
  // A slip imported in bulk has no entry of its own: the batch's entry lists it, found through the batch's items
  // (the slip's own item, or the run of consecutive ids its batch created of its kind).
  if (input.entityId) {
    where.push(sql`(entity_id = ${input.entityId} OR (entity = 'import_batch' AND entity_id IN (SELECT batch_id FROM import_batch_items WHERE ${input.entityId} BETWEEN entity_id AND coalesce(last_entity_id, entity_id) AND action = 'created')))`);
  }
  const rows = db.all<{ id: string; seq: number; at: string; action: string; entity: string; entityId: string; before: string | null; after: string | null; reason: string }>(sql`
    SELECT id, rowid AS seq, at, action, entity, entity_id AS entityId, before, after, reason FROM audit_log
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY at DESC, rowid DESC
    LIMIT ${input.limit}`);
  // In people's words: names for ids, money in the chapter's currency, days as the chapter writes them.
  const chapter = getChapter(db);
  const ctx = { currency: chapter?.currency ?? 'USD', locale: chapter?.locale ?? 'en-US', names: lookUpNames(db, rows), parties: lookUpParties(db, rows) };
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    reason: r.reason,
    change: describeChange(r.before, r.after),
    summary: wordEntry(r, ctx),
    before: r.before,
    after: r.entity === 'import_batch' ? batchShown(r.after) : r.after,
  }));
}

/**
 * An import batch's entry lists every slip it created (100,000 ids for a large file): the page shows
 * the first few of each kind and how many more; the entry itself, in the file, keeps them all.
 */
function batchShown(after: string | null): string | null {
  if (!after || after.length < 20_000) return after;
  const entry = JSON.parse(after) as { slips?: Record<string, unknown[]>; marks?: unknown[] };
  const few = (list: unknown[]) => (list.length > 5 ? [...list.slice(0, 5), `… and ${(list.length - 5).toLocaleString('en-US')} more, all kept in the audit log`] : list);
  // A slips import lists its slips by kind; an attendance import lists its marks.
  if (entry.marks) return JSON.stringify({ ...entry, marks: few(entry.marks) });
  const slips = Object.fromEntries(Object.entries(entry.slips ?? {}).map(([kind, list]) => [kind, few(list)]));
  return JSON.stringify({ ...entry, slips });
}
