// The Import screen's history: every file imported, and "Undo this import", which takes back exactly
// what that import did: the slips it created become tombstones, the slips it changed get their old
// values back. Audited like any other change, in one transaction.
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { z } from 'zod';
import type { importBatchOut, undoImportOut } from '../shared/tally-schemas';
import { LedgerError } from '../shared/errors';
import { recordAudit } from '../services/audit';
import { findMember } from '../services/members';
import { rosterFieldWords, type RosterChange } from './roster';

type Batch = z.infer<typeof importBatchOut>;

const clientOf = (db: Db) => (db as unknown as { $client: Database.Database }).$client;

const batchSelect = `SELECT b.id, b.kind, b.file_name AS fileName, b.created_at AS importedAt, b.actor, m.meeting_on AS meetingOn, b.reason,
  b.created, b.updated, b.matched, b.skipped, b.undone_at AS undoneAt
  FROM import_batches b LEFT JOIN meetings m ON m.id = b.meeting_id`;

// The closed meetings an import wrote into: its own meeting, and the meetings of the marks it added.
const closedMeetingsSql = `SELECT m.meeting_on FROM import_batches b JOIN meetings m ON m.id = b.meeting_id WHERE b.id = @id AND m.status = 'completed'
  UNION SELECT g.meeting_on FROM import_batch_items i JOIN attendance a ON a.id = i.entity_id JOIN meetings g ON g.id = a.meeting_id
    WHERE i.batch_id = @id AND i.entity = 'attendance' AND g.status = 'completed'
  ORDER BY 1`;

function withClosedMeetings(client: Database.Database, rows: Array<Omit<Batch, 'closedMeetings'>>): Batch[] {
  const closed = client.prepare(closedMeetingsSql).pluck();
  return rows.map((b) => ({ ...b, closedMeetings: b.undoneAt ? [] : (closed.all({ id: b.id }) as string[]) }));
}

export function listImports(db: Db): Batch[] {
  const client = clientOf(db);
  return withClosedMeetings(client, client.prepare(`${batchSelect} ORDER BY b.created_at DESC, b.rowid DESC LIMIT 200`).all() as Batch[]);
}

/** "the meeting of 2026-11-17", "the meetings of 2026-01-06 and 2026-01-13", "26 meetings from 2026-01-06 to 2026-06-30". */
function meetingsWords(days: string[]): string {
  if (days.length === 1) return `the meeting of ${days[0]}`;
  if (days.length === 2) return `the meetings of ${days[0]} and ${days[1]}`;
  return `${days.length} meetings from ${days[0]} to ${days[days.length - 1]}`;
}

const slipTables: Record<string, string> = { attendance: 'attendance', referral: 'referrals', tyfcb: 'tyfcb_slips', one_to_one: 'one_to_ones', visitor: 'visitors', ceu: 'ceus', outside_party: 'outside_party_slips' };
// The columns a "differs" row may have changed, by slip type (snake_case in the table).
const restorable: Record<string, Record<string, string>> = {
  referral: { kind: 'kind', prospectName: 'prospect_name' },
  tyfcb: { kind: 'kind', business: 'business', amountMinor: 'amount_minor' },
  visitor: { company: 'company' },
  ceu: { credits: 'credits', note: 'note' },
  outside_party: { kind: 'kind', prospectName: 'prospect_name', business: 'business', amountMinor: 'amount_minor' },
};

export function undoImport(db: Db, batchId: string, givenReason = ''): z.infer<typeof undoImportOut> {
  const client = clientOf(db);
  const found = client.prepare(`${batchSelect} WHERE b.id = ?`).get(batchId) as Batch | undefined;
  if (!found) throw new LedgerError('not_found', 'That import is not in the history (was the chapter file restored from a backup?). Pick one from the list.', 'batchId');
  if (found.undoneAt) throw new LedgerError('conflict', `The import of ${found.fileName} was already undone on ${found.undoneAt.slice(0, 10)}: there is nothing left to undo.`, 'batchId');
  const [batch] = withClosedMeetings(client, [found]) as [Batch];
  // Taking slips or marks out of a closed meeting is an amendment, like any other change to it.
  const why = givenReason.trim();
  if (batch.closedMeetings.length > 0 && !why) {
    throw new LedgerError(
      'reason_required',
      `The import of ${batch.fileName} wrote into ${meetingsWords(batch.closedMeetings)}, which ${batch.closedMeetings.length === 1 ? 'is' : 'are'} closed: undoing it is an amendment. Give the reason (it is kept in the audit log with every change the undo makes). Nothing was undone.`,
      'reason',
    );
  }
  const items = client.prepare('SELECT entity, entity_id AS entityId, action, before FROM import_batch_items WHERE batch_id = ? ORDER BY rowid DESC').all(batchId) as Array<{ entity: string; entityId: string; action: string; before: string | null }>;
  const reason = `Undo of the import of ${batch.fileName} (${batch.importedAt.slice(0, 10)})${why ? `: ${why}` : ''}`;
  let tombstoned = 0;
  let restored = 0;
  // A roster import: the members it added (and the seats it created for them) go, the details it changed come back.
  const inUse: string[] = [];
  const kept: string[] = [];
  const roster = { removed: 0, restored: 0, seats: 0 };
  db.transaction((tx) => {
    const at = new Date().toISOString();
    const column: Record<string, string> = { company: 'company', email: 'email', phone: 'phone', joinedOn: 'joined_on', renewalDue: 'renewal_due' };
    for (const item of items) {
      if (item.entity === 'member') {
        const member = findMember(tx, item.entityId);
        if (!member) continue;
        if (item.action === 'created') {
          // Only a member nobody has recorded anything with since: their own seat tenure goes with them.
          client.prepare('DELETE FROM seat_history WHERE member_id = ?').run(item.entityId);
          try {
            client.prepare('DELETE FROM members WHERE id = ?').run(item.entityId);
          } catch (error) {
            if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
            inUse.push(member.fullName);
            continue;
          }
          recordAudit(tx, { action: 'delete', entity: 'member', entityId: item.entityId, before: member, reason });
          roster.removed++;
        } else {
          const change = JSON.parse(item.before ?? '{}') as RosterChange;
          const back = Object.keys(change.set).filter((f) => {
            const field = f as keyof RosterChange['set'];
            // A detail changed again by hand since the import is the secretary's: kept, and said so.
            if ((member[field] ?? null) !== (change.set[field] ?? null)) {
              kept.push(`${member.fullName}'s ${rosterFieldWords[field]} (changed since the import)`);
              return false;
            }
            return true;
          }) as Array<keyof RosterChange['set']>;
          if (back.length === 0) continue;
          client.prepare(`UPDATE members SET ${back.map((f) => `${column[f]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...back.map((f) => change.before[f] ?? null), at, item.entityId);
          recordAudit(tx, { action: 'update', entity: 'member', entityId: item.entityId, before: member, after: findMember(tx, item.entityId), reason });
          roster.restored++;
        }
        continue;
      }
      if (item.entity === 'classification') {
        const seat = client.prepare('SELECT * FROM classifications WHERE id = ?').get(item.entityId) as Record<string, unknown> | undefined;
        if (!seat) continue;
        const used = client.prepare('SELECT (SELECT count(*) FROM members WHERE classification_id = @id) + (SELECT count(*) FROM seat_history WHERE classification_id = @id) + (SELECT count(*) FROM visitors WHERE classification_id = @id)').pluck().get({ id: item.entityId }) as number;
        if (used > 0) {
          kept.push(`the classification ${String(seat.name)} (in use since)`);
          continue;
        }
        client.prepare('DELETE FROM classifications WHERE id = ?').run(item.entityId);
        recordAudit(tx, { action: 'delete', entity: 'classification', entityId: item.entityId, before: seat, reason });
        roster.seats++;
        continue;
      }
      const table = slipTables[item.entity];
      if (!table) throw new LedgerError('internal', `An import recorded a ${item.entity}, which undo does not know.`);
      const current = client.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(item.entityId) as Record<string, unknown> | undefined;
      if (!current) continue;
      if (item.entity === 'attendance') {
        // A PALMS mark has no tombstone: the mark the import added is removed, and the log keeps it.
        client.prepare('DELETE FROM attendance WHERE id = ?').run(item.entityId);
        recordAudit(tx, { action: 'delete', entity: 'attendance', entityId: item.entityId, before: current, reason });
        tombstoned++;
      } else if (item.action === 'created') {
        // A slip deleted since the import stays deleted; its tombstone is already there.
        if (current.deleted_at !== null) continue;
        client.prepare(`UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(at, at, item.entityId);
        recordAudit(tx, { action: 'delete', entity: item.entity, entityId: item.entityId, before: current, reason });
        tombstoned++;
      } else {
        const before = JSON.parse(item.before ?? '{}') as Record<string, unknown>;
        const columns = restorable[item.entity] ?? {};
        const sets = Object.keys(before).filter((k) => columns[k]);
        if (sets.length === 0) continue;
        client.prepare(`UPDATE ${table} SET ${sets.map((k) => `${columns[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...sets.map((k) => before[k]), at, item.entityId);
        recordAudit(tx, { action: 'update', entity: item.entity, entityId: item.entityId, before: Object.fromEntries(sets.map((k) => [k, current[columns[k]!]])), after: before, reason });
        restored++;
      }
    }
    if (inUse.length) {
      inUse.reverse(); // undone newest first: named in the file's order
      const names = inUse.length === 1 ? inUse[0]! : `${inUse.slice(0, -1).join(', ')} and ${inUse.at(-1)}`;
      throw new LedgerError(
        'conflict',
        `${names} ${inUse.length === 1 ? 'was' : 'were'} added by this import and ${inUse.length === 1 ? 'has' : 'have'} attendance, slips or other records since, so the import cannot be taken back: mark ${inUse.length === 1 ? 'them' : 'each'} as a former member on the Members screen instead. Nothing was undone.`,
        'batchId',
      );
    }
    client.prepare('UPDATE import_batches SET undone_at = ?, updated_at = ? WHERE id = ?').run(at, at, batchId);
  });
  const [after] = withClosedMeetings(client, [client.prepare(`${batchSelect} WHERE b.id = ?`).get(batchId) as Batch]) as [Batch];
  if (batch.kind === 'roster') {
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const parts = [
      roster.removed ? `${n(roster.removed, 'member', 'members')} it added ${roster.removed === 1 ? 'is' : 'are'} removed` : '',
      roster.restored ? `${n(roster.restored, 'member', 'members')} it changed ${roster.restored === 1 ? 'has' : 'have'} the old details back` : '',
      roster.seats ? `${n(roster.seats, 'classification', 'classifications')} it created ${roster.seats === 1 ? 'is' : 'are'} removed` : '',
    ].filter(Boolean);
    const message = `The import of ${batch.fileName} is undone: ${parts.length ? parts.join(', ') : 'nothing it wrote was still there'}.${kept.length ? ` Kept: ${kept.join('; ')}.` : ''}`;
    return { batch: after, tombstoned: roster.removed, restored: roster.restored, message };
  }
  const what = batch.kind === 'attendance' ? 'attendance mark' : 'slip';
  const parts = [tombstoned ? `${tombstoned} ${what}${tombstoned === 1 ? '' : 's'} it created ${tombstoned === 1 ? 'is' : 'are'} deleted` : '', restored ? `${restored} slip${restored === 1 ? '' : 's'} it changed ${restored === 1 ? 'has' : 'have'} the old values back` : ''].filter(Boolean);
  const message = `The import of ${batch.fileName} is undone: ${parts.length ? parts.join(' and ') : 'nothing it wrote was still there'}.${batch.meetingOn ? ` The meeting of ${batch.meetingOn} stays in the ledger.` : batch.kind === 'attendance' ? ' The meetings it created stay in the ledger.' : ''}`;
  return { batch: after, tombstoned, restored, message };
}
