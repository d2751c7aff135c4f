// "Verify audit log": walks the hash chain from the first entry to the last, compares its end with
// the chain record kept apart (audit_chain) and with the chain head every backup holds, and says in
// one sentence either that all entries check out or which entry first does not.
import Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { LedgerError } from '../shared/errors';
import { chainGenesis, chainHash, storedEntriesAfterSql, storedEntriesSql, type StoredEntry } from './audit-chain';
import { lookUpNames, lookUpParties, wordEntry } from './audit-wording';
import { getChapter } from './chapter';
import { chapterTimeZone } from '../shared/time-zone';

export type AuditProblemKind = 'changed' | 'removed' | 'inserted' | 'emptied' | 'chain_record' | 'backup';

export interface AuditVerification {
  ok: boolean;
  /** Entries found in the log. */
  entries: number;
  /** When the last entry was written (UTC), null for an empty log. */
  lastAt: string | null;
  sentence: string;
  problem: { kind: AuditProblemKind; position: number | null; at: string | null } | null;
  /** Backups whose chain the log was compared with (older backups, before the chain, have none). */
  backupsCompared: number;
}

/** A backup to compare with: the name the user sees, when it was taken, the file. */
export interface BackupToCompare {
  name: string;
  takenAt: string;
  file: string;
}

interface BackupHead extends BackupToCompare {
  entries: number;
  headHash: string;
}

const count = (n: number) => n.toLocaleString('en-US');
/**
 * "2026-11-23 at 07:31 PST": the day written the same in every locale, the time in the chapter's own
 * zone with its abbreviation, as every other printed time (a president in California reads PST).
 */
export function whenIn(timeZone: string): (at: string) => string {
  return (at) => {
    const instant = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at.replace(' ', 'T')}Z`);
    if (Number.isNaN(instant.getTime())) return at;
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')} at ${part('hour')}:${part('minute')} ${part('timeZoneName') || timeZone}`;
  };
}

/** The chain head a backup holds, read without writing; null when it has none (written before the chain) or cannot be read. */
function backupHead(b: BackupToCompare): BackupHead | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(b.file, { readonly: true, fileMustExist: true });
    const head = db.prepare('SELECT entries, head_hash AS headHash FROM audit_chain WHERE id = 1').get() as { entries: number; headHash: string } | undefined;
    return head ? { ...b, ...head } : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Where a walk of the chain starts: after a verified entry (its place, hash and rowid), instead of at the first entry. */
export interface WalkStart {
  position: number;
  running: string;
  afterRowid: number;
  /** The verified entry itself: the last entry so far, if none follows it. */
  entry: StoredEntry;
}

/** The last entry a walk reached, as a full check's checkpoint records it. */
export interface WalkEnd {
  entryId: string | null;
  entryHash: string | null;
}

export function verifyAuditLog(db: Db, backups: BackupToCompare[] = []): AuditVerification {
  return walkAuditLog(db, backups).verification;
}

/**
 * Walks the chain from the first entry, or from `start` (an entry already verified), to the end and
 * compares the end with the chain record; with backups, compares them too (full walks only).
 */
export function walkAuditLog(db: Db, backups: BackupToCompare[] = [], start?: WalkStart): { verification: AuditVerification; end: WalkEnd } {
  const when = whenIn(chapterTimeZone(getChapter(db)?.timeZone));
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new LedgerError('internal', 'Verifying the audit log needs the chapter file itself.');
  const head = client.prepare('SELECT entries, head_hash AS headHash, legacy_entries AS legacyEntries, legacy_hash AS legacyHash, started_at AS startedAt, rebuilt_at AS rebuiltAt FROM audit_chain WHERE id = 1').get() as
    | { entries: number; headHash: string; legacyEntries: number; legacyHash: string; startedAt: string; rebuiltAt: string | null }
    | undefined;
  const heads = backups.map(backupHead).filter((b): b is BackupHead => b !== null && b.entries > 0);
  const wanted = new Set(heads.map((b) => b.entries));
  const hashAt = new Map<number, string>();

  let position = start?.position ?? 0;
  let running = start?.running ?? chainGenesis;
  let last: StoredEntry | null = start?.entry ?? null;
  let lastRestoreAt = '';
  let problem: { kind: AuditProblemKind; entry: StoredEntry | null; position: number | null; text: (what: string) => string } | null = null;
  const legacyEntries = head?.legacyEntries ?? 0;

  const rows = start ? client.prepare(storedEntriesAfterSql).iterate(start.afterRowid) : client.prepare(storedEntriesSql).iterate();
  for (const row of rows as IterableIterator<StoredEntry>) {
    position += 1;
    last = row;
    if (row.action === 'restore') lastRestoreAt = row.at;
    if (position <= legacyEntries) {
      if (row.chainHash !== null) {
        problem = { kind: 'removed', entry: null, position, text: () => `Of the ${count(legacyEntries)} entries written before the chain began (${when(head!.startedAt)}), only ${count(position - 1)} are left: entries were removed.` };
        break;
      }
      running = chainHash(running, position, row);
      if (position === legacyEntries && running !== head!.legacyHash) {
        problem = { kind: 'changed', entry: null, position: null, text: () => `One of the first ${count(legacyEntries)} entries (written before the chain began, ${when(head!.startedAt)}) was changed, removed or added since; the chain cannot say which. Compare with a backup from before that day.` };
        break;
      }
    } else {
      const here = position;
      if (row.chainHash === null || row.chainSeq === null) {
        problem = { kind: 'inserted', entry: row, position, text: (what) => `Entry ${count(here)} (${what}) was not written by Chapter Ledger: it carries no chain hash, so it was added by another program.` };
        break;
      }
      if (row.chainSeq > position) {
        const gap = row.chainSeq - position;
        problem = { kind: 'removed', entry: row, position, text: (what) => `${gap === 1 ? `Entry ${count(here)} is` : `Entries ${count(here)}–${count(row.chainSeq! - 1)} are`} missing: removed from the log (the next entry left is ${what}).` };
        break;
      }
      if (row.chainSeq < position) {
        problem = { kind: 'inserted', entry: row, position, text: (what) => `Entry ${count(here)} (${what}) was inserted out of order: it was written as entry ${count(row.chainSeq!)}.` };
        break;
      }
      if (chainHash(running, row.chainSeq, row) !== row.chainHash) {
        problem = { kind: 'changed', entry: row, position, text: (what) => `Entry ${count(here)} (${what}) was changed after it was written: its contents no longer match its chain hash.` };
        break;
      }
      running = row.chainHash;
    }
    if (wanted.has(position)) hashAt.set(position, running);
  }

  if (!problem) {
    if (!head) {
      problem = { kind: 'chain_record', entry: null, position: null, text: () => 'The record of the audit log\u2019s chain is missing from the chapter file: it was removed, so entries removed from the end of the log cannot be ruled out.' };
    } else if (position < legacyEntries) {
      problem = { kind: 'removed', entry: null, position: null, text: () => `Of the ${count(legacyEntries)} entries written before the chain began (${when(head.startedAt)}), only ${count(position)} are left: entries were removed.` };
    } else if (position < head.entries) {
      const gone = head.entries - position;
      problem =
        position === 0
          ? { kind: 'emptied', entry: null, position: null, text: () => `The audit log is empty, but ${count(head.entries)} entries were written: it was emptied.` }
          : { kind: 'removed', entry: null, position: position + 1, text: () => `The log ends at entry ${count(position)}, but ${count(head.entries)} were written: the last ${gone === 1 ? 'entry was' : `${count(gone)} entries were`} removed.` };
    } else if (position > head.entries) {
      problem = { kind: 'inserted', entry: null, position: head.entries + 1, text: () => `The log holds ${count(position)} entries, but Chapter Ledger wrote ${count(head.entries)}: entries after entry ${count(head.entries)} were added by another program.` };
    } else if (running !== head.headHash) {
      problem = { kind: 'changed', entry: last, position, text: (what) => `The last entry (${what}) is not the one Chapter Ledger wrote last: the end of the log was replaced.` };
    } else if (head.rebuiltAt) {
      problem = { kind: 'chain_record', entry: null, position: null, text: () => `The record of the audit log\u2019s chain was removed from the file and rebuilt on ${when(head.rebuiltAt!)}: entries removed from the end of the log before then cannot be ruled out.` };
    }
  }

  // Every backup taken since the last restore must hold a beginning of this very log. Backups of the
  // file a restore replaced (taken before it) went another way, and are not held against it.
  let backupsCompared = 0;
  // The newest backup the log continues, named in the sentence so the president knows which file
  // it was checked against (heads are walked newest first).
  let newestCompared: BackupHead | null = null;
  if (!problem) {
    for (const b of heads.sort((x, y) => (x.takenAt < y.takenAt ? 1 : -1))) {
      const same = b.entries <= position && hashAt.get(b.entries) === b.headHash;
      if (same) {
        backupsCompared += 1;
        newestCompared ??= b;
        continue;
      }
      if (b.takenAt < lastRestoreAt) continue;
      const taken = `${b.takenAt.slice(0, 10)} ${b.takenAt.slice(11, 16)} UTC`;
      problem =
        b.entries > position
          ? { kind: 'backup', entry: null, position: position + 1, text: () => `The backup of ${taken} (${b.name}) holds ${count(b.entries)} entries, but this file holds only ${count(position)}: entries were removed after that backup was taken.` }
          : { kind: 'backup', entry: null, position: null, text: () => `The first ${count(b.entries)} entries differ from those in the backup of ${taken} (${b.name}): the log was rewritten after that backup was taken.` };
      break;
    }
  }

  const end: WalkEnd = { entryId: last?.id ?? null, entryHash: problem ? null : last ? running : null };
  if (problem) {
    const verification: AuditVerification = {
      ok: false,
      entries: position,
      lastAt: last?.at ?? null,
      sentence: problem.text(problem.entry ? describe(db, problem.entry) : ''),
      problem: { kind: problem.kind, position: problem.position, at: problem.entry?.at ?? null },
      backupsCompared,
    };
    return { verification, end };
  }
  const newestNamed = newestCompared ? `the backup of ${when(newestCompared.takenAt)} (${newestCompared.name})` : '';
  const backupsPart =
    backupsCompared === 0
      ? ''
      : backupsCompared === 1
        ? `; the log also continues ${newestNamed}, the one backup holding a chained log`
        : `; the log also continues all ${count(backupsCompared)} backups holding a chained log, the newest ${newestNamed}`;
  const sentence =
    position === 0
      ? `The audit log has no entries yet, and none were removed${backupsPart}.`
      : `All ${count(position)} ${position === 1 ? 'entry checks' : 'entries check'} out, the last one on ${when(last!.at)}${backupsPart}.`;
  return { verification: { ok: true, entries: position, lastAt: last?.at ?? null, sentence, problem: null, backupsCompared }, end };
}

/** An entry as the Audit log screen words it, with its time: "2026-11-23 at 15:31 UTC, Recorded referral …". */
function describe(db: Db, e: StoredEntry): string {
  const chapter = getChapter(db);
  const ctx = { currency: chapter?.currency ?? 'USD', locale: chapter?.locale ?? 'en-US', names: lookUpNames(db, [e]), parties: lookUpParties(db, [e]) };
  let summary: string;
  try {
    summary = wordEntry(e, ctx);
  } catch {
    summary = `${e.action} ${e.entity}`;
  }
  return `${whenIn(chapterTimeZone(chapter?.timeZone))(e.at)}, \u201c${summary}\u201d`;
}
