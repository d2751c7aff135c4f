// The audit log's full check and its checkpoint. Walking the whole chain takes seconds on a big file
// (every entry hashed again), so a full check — at start-up behind the window, or "Verify audit log" on
// the Audit log screen — records how far it verified the chain: the last entry's id, place and hash,
// and when (audit_chain_checks). A report then verifies only what was written since: it first checks
// that the recorded entry is still there, in its place, with the same hash, and that its contents still
// give that hash; then it walks every later entry to the chain's head. Its sentence says exactly which
// entries were verified when. A change to an older entry is found by the next full check, which
// records the break, and every report after that says so.
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { AuditVerification } from '../shared/contract';
import { chapterTimeZone } from '../shared/time-zone';
import { chainGenesis, chainHash, type StoredEntry } from './audit-chain';
import { getChapter } from './chapter';
import { walkAuditLog, whenIn, type BackupToCompare, type WalkEnd } from './verify-audit-log';

export interface FullCheck {
  checkedAt: string;
  ok: boolean;
  entries: number;
  entryId: string | null;
  entryHash: string | null;
  sentence: string;
}

/** What a report prints about the chain, and how it was verified. */
export interface ReportedChain {
  ok: boolean;
  sentence: string;
  /** Entries verified by the full check it relies on (0: none), and those verified now. */
  fromFullCheck: number;
  verifiedNow: number;
  /** When that full check ran (UTC); null when the report checked the whole log itself. */
  fullCheckAt: string | null;
}



function clientOf(db: Db): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new Error('The audit log check needs the chapter file itself.');
  return client;
}

/** The last full check recorded in the file, or null if none ran yet (or the file predates the record). */
export function lastFullCheck(db: Db): FullCheck | null {
  let row: { checkedAt: string; ok: number; entries: number; entryId: string | null; entryHash: string | null; sentence: string } | undefined;
  try {
    row = clientOf(db).prepare('SELECT checked_at AS checkedAt, ok, entries, entry_id AS entryId, entry_hash AS entryHash, sentence FROM audit_chain_checks WHERE id = 1').get() as typeof row;
  } catch (error) {
    if (/no such table: audit_chain_checks/.test(String((error as Error).message))) return null;
    throw error;
  }
  return row ? { ...row, ok: row.ok === 1 } : null;
}

/**
 * Records a full check's outcome as the file's checkpoint. A check that ran on another connection (the
 * start-up worker) is recorded only if its last entry is still there with the hash it verified — if
 * not, something changed the log meanwhile, and the record is left for the next full check.
 */
export function recordFullCheck(db: Db, verification: AuditVerification, end: WalkEnd, checkedAt: string): boolean {
  const client = clientOf(db);
  try {
    client.prepare('SELECT 1 FROM audit_chain_checks LIMIT 1').get();
  } catch {
    return false; // a file at a schema before the record (tests of older migrations)
  }
  if (verification.ok && end.entryId !== null) {
    const now = client.prepare('SELECT chain_seq AS seq, chain_hash AS hash FROM audit_log WHERE id = ?').get(end.entryId) as { seq: number | null; hash: string | null } | undefined;
    if (!now || now.seq !== verification.entries || now.hash !== end.entryHash) return false;
  }
  client
    .prepare('INSERT OR REPLACE INTO audit_chain_checks (id, checked_at, ok, entries, entry_id, entry_hash, sentence) VALUES (1, ?, ?, ?, ?, ?, ?)')
    .run(checkedAt, verification.ok ? 1 : 0, verification.entries, verification.ok ? end.entryId : null, verification.ok ? end.entryHash : null, verification.sentence);
  return true;
}

/** "Verify audit log": the whole chain from the first entry (and the backups), recorded as the checkpoint. */
export function fullAuditCheck(db: Db, backups: BackupToCompare[] = [], at = new Date()): AuditVerification {
  const { verification, end } = walkAuditLog(db, backups);
  recordFullCheck(db, verification, end, at.toISOString());
  return verification;
}

/**
 * The chain as a report states it: the entries the last full check verified (if that check's last entry
 * is still exactly as it saw it), and every entry written since, verified now. Without a usable
 * checkpoint the whole log is verified now (and recorded). A break the last full check found is
 * reported as found, with when.
 */
export function auditChainForReport(db: Db): ReportedChain {
  const client = clientOf(db);
  const chapter = getChapter(db);
  const when = whenIn(chapterTimeZone(chapter?.timeZone));
  // Counts written as the chapter writes numbers (64.886 in a German chapter, as its money is).
  const count = (n: number) => n.toLocaleString(chapter?.locale ?? 'en-US');
  const checked = lastFullCheck(db);
  if (checked && !checked.ok) {
    return { ok: false, sentence: `Audit log chain broken, found by the full check of ${when(checked.checkedAt)}: ${checked.sentence}`, fromFullCheck: 0, verifiedNow: 0, fullCheckAt: checked.checkedAt };
  }
  const since = checked && checked.entries > 0 && checked.entryId !== null && checked.entryHash !== null ? startAfter(client, checked) : null;
  if (!since) {
    // Recorded at the time it really ran (a report may be produced "as of" another time).
    const verification = fullAuditCheck(db, [], new Date());
    const all = verification.entries;
    const sentence = !verification.ok
      ? `Audit log chain broken: ${verification.sentence}`
      : all === 0
        ? 'Audit log chain verified when this report was produced: the log has no entries yet, and none were removed.'
        : `Audit log chain verified in full when this report was produced: entries 1\u2013${count(all)} check out. The last entry was written on ${when(verification.lastAt!)}.`;
    return { ok: verification.ok, sentence, fromFullCheck: 0, verifiedNow: all, fullCheckAt: null };
  }
  const { verification } = walkAuditLog(db, [], since);
  if (!verification.ok) return { ok: false, sentence: `Audit log chain broken: ${verification.sentence}`, fromFullCheck: checked!.entries, verifiedNow: verification.entries - checked!.entries, fullCheckAt: checked!.checkedAt };
  const full = checked!.entries;
  const added = verification.entries - full;
  const verified =
    added === 0
      ? `entries 1\u2013${count(full)} by the full check of ${when(checked!.checkedAt)}; none written since (checked when this report was produced)`
      : `entries 1\u2013${count(verification.entries)}: 1\u2013${count(full)} by the full check of ${when(checked!.checkedAt)}, and the ${added === 1 ? `one written since (${count(full + 1)})` : `${count(added)} written since (${count(full + 1)}\u2013${count(verification.entries)})`} when this report was produced`;
  return {
    ok: true,
    sentence: `Audit log chain verified: ${verified}. The last entry was written on ${when(verification.lastAt!)}.`,
    fromFullCheck: full,
    verifiedNow: added,
    fullCheckAt: checked!.checkedAt,
  };
}

/**
 * Where a report's walk starts: right after the full check's last entry — if that entry is still there,
 * in the same place, with the same hash, and its contents still hash to it from the entry before.
 * Anything else (the entry changed, moved or gone; the record itself edited) means the checkpoint
 * cannot be trusted, and the caller verifies the whole log instead.
 */
function startAfter(client: Database.Database, checked: FullCheck) {
  const entry = client
    .prepare(`SELECT rowid AS rid, id, at, actor, action, entity, entity_id AS entityId, before, after, reason, created_at AS createdAt, updated_at AS updatedAt,
      chain_seq AS chainSeq, chain_hash AS chainHash FROM audit_log WHERE id = ?`)
    .get(checked.entryId) as (StoredEntry & { rid: number }) | undefined;
  if (!entry || entry.chainSeq !== checked.entries || entry.chainHash !== checked.entryHash) return null;
  const head = client.prepare('SELECT legacy_entries AS legacyEntries, legacy_hash AS legacyHash FROM audit_chain WHERE id = 1').get() as { legacyEntries: number; legacyHash: string } | undefined;
  if (!head || checked.entries <= head.legacyEntries) return null;
  let previous: string;
  if (checked.entries - 1 === head.legacyEntries) previous = head.legacyEntries === 0 ? chainGenesis : head.legacyHash;
  else {
    const before = client.prepare('SELECT chain_hash AS hash FROM audit_log WHERE rowid < ? ORDER BY rowid DESC LIMIT 1').get(entry.rid) as { hash: string | null } | undefined;
    if (!before?.hash) return null;
    previous = before.hash;
  }
  const { rid, ...stored } = entry;
  if (chainHash(previous, checked.entries, stored) !== checked.entryHash) return null;
  return { position: checked.entries, running: checked.entryHash!, afterRowid: rid, entry: stored };
}
