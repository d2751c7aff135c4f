// The Import screen's history: every file imported, and "Undo this import", which takes back exactly
// what that import did: the slips it created become tombstones, the slips it changed get their old
// values back. Audited like any other change, in one transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { z } from 'zod';
import type { importBatchOut, undoImportOut } from '../shared/tally-schemas';
import { LedgerError } from '../shared/errors';
import { recordAudit } from '../services/audit';
import { findMember } from '../services/members';
import { rosterFieldWords, type RosterChange } from './roster';
import { idsOfItem, itemCovers } from './created-runs';

type Batch = z.infer<typeof importBatchOut>;

const clientOf = (db: Db) => (db as unknown as { $client: Database.Database }).$client;

// A meeting the import created and its undo removed is no longer in meetings: the batch keeps its date.
const batchSelect = `SELECT b.id, b.kind, b.file_name AS fileName, b.created_at AS importedAt, b.actor,
  coalesce(m.meeting_on, (SELECT json_extract(r.before, '$.meetingOn') FROM import_batch_items r WHERE r.batch_id = b.id AND r.entity = 'meeting' LIMIT 1)) AS meetingOn, b.reason,
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
  // Newest first; a run of slips the import created (one item per kind) is each of its slips, newest first too.
  const items = (client.prepare('SELECT entity, entity_id AS entityId, last_entity_id AS lastEntityId, action, before FROM import_batch_items WHERE batch_id = ? ORDER BY rowid DESC').all(batchId) as Array<{ entity: string; entityId: string; lastEntityId: string | null; action: string; before: string | null }>).flatMap((item) =>
    item.lastEntityId ? idsOfItem(client, slipTables[item.entity] ?? 'no_such_table', item).reverse().map((entityId) => ({ ...item, entityId })) : [item],
  );
  const reason = `Undo of the import of ${batch.fileName} (${batch.importedAt.slice(0, 10)})${why ? `: ${why}` : ''}`;
  let tombstoned = 0;
  let restored = 0;
  // A roster import: the members it added (and the seats it created for them) go, the details it changed come back.
  const inUse: string[] = [];
  const kept: string[] = [];
  const roster = { removed: 0, restored: 0, seats: 0 };
  // Meetings this import wrote into: a meeting it created goes with the undo when nothing else lives in it.
  const touched = new Set<string>();
  const batchMeeting = client.prepare('SELECT meeting_id FROM import_batches WHERE id = ?').pluck().get(batchId) as string | null;
  if (batchMeeting) touched.add(batchMeeting);
  const meetings = { removed: [] as string[], keptCreated: [] as string[], keptBefore: [] as string[] };
  db.transaction((tx) => {
    const at = new Date().toISOString();
    const column: Record<string, string> = { company: 'company', email: 'email', phone: 'phone', joinedOn: 'joined_on', renewalDue: 'renewal_due' };
    for (const item of items) {
      if (item.entity === 'meeting') continue; // the date of a meeting an earlier undo removed
      if (item.entity === 'member') {
        const member = findMember(tx, item.entityId);
        if (!member) continue;
        if (item.action === 'created') {
          // Only a member nobody has recorded anything with since: their own seat tenure goes with them,
          // and so do slips that only an import, itself undone since, ever recorded with them.
          const blocks = removeAddedMember(tx, client, item.entityId, member, reason);
          if (blocks) {
            inUse.push(`${member.fullName} (${blocks})`);
            continue;
          }
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
        touched.add(String(current.meeting_id));
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
        `${names} ${inUse.length === 1 ? 'was' : 'were'} added by this import and ${inUse.length === 1 ? 'has' : 'have'} records since, so the import cannot be taken back: delete those records first (or undo the import that brought them in), or mark ${inUse.length === 1 ? 'them' : 'each'} as a former member on the Members screen instead. Nothing was undone.`,
        'batchId',
      );
    }
    client.prepare('UPDATE import_batches SET undone_at = ?, updated_at = ? WHERE id = ?').run(at, at, batchId);
    for (const meetingId of touched) removeCreatedMeeting(tx, client, batchId, meetingId, reason, meetings);
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
  const sorted = (list: string[]) => [...list].sort();
  const meetingWords = [
    meetings.removed.length ? ` ${meetings.removed.length === 1 ? 'The meeting' : 'The meetings'} it created (${meetingsList(sorted(meetings.removed))}) ${meetings.removed.length === 1 ? 'is' : 'are'} removed too: nothing else was recorded in ${meetings.removed.length === 1 ? 'it' : 'them'}.` : '',
    meetings.keptCreated.length ? ` ${meetingsWords(sorted(meetings.keptCreated)).replace(/^the/, 'The')}, which it created, ${meetings.keptCreated.length === 1 ? 'stays' : 'stay'} in the ledger: other slips, attendance or follow-ups were recorded in ${meetings.keptCreated.length === 1 ? 'it' : 'them'} since.` : '',
    meetings.keptBefore.length ? ` ${meetingsWords(sorted(meetings.keptBefore)).replace(/^the/, 'The')} ${meetings.keptBefore.length === 1 ? 'stays' : 'stay'} in the ledger.` : '',
  ].join('');
  const message = `The import of ${batch.fileName} is undone: ${parts.length ? parts.join(' and ') : 'nothing it wrote was still there'}.${meetingWords}`;
  return { batch: after, tombstoned, restored, message };
}

/** "2026-11-17", "2026-11-10 and 2026-11-17", "26 meetings from 2026-07-07 to 2026-12-29" → as a short list. */
function meetingsList(days: string[]): string {
  if (days.length <= 2) return days.join(' and ');
  return `${days.length} meetings from ${days[0]} to ${days[days.length - 1]}`;
}

const meetingTables = ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus', 'outside_party_slips'] as const;

/**
 * A meeting the undone import created (its "import" entry in the audit log names the batch) is taken
 * out with the undo when nothing else lives in it any more: no slip but the ones this import created
 * (deleted by the undo just now), no attendance, no other import. The slips' rows go with it (their
 * deletion is already in the audit log with their full values); the meeting's removal is audited, and
 * the batch keeps its date for the history. When anything else refers to it, it stays, and is named.
 */
function removeCreatedMeeting(tx: Db, client: Database.Database, batchId: string, meetingId: string, reason: string, out: { removed: string[]; keptCreated: string[]; keptBefore: string[] }): void {
  const meeting = client.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as Record<string, unknown> & { meeting_on: string } | undefined;
  if (!meeting) return;
  const entries = client.prepare("SELECT after FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'import'").pluck().all(meetingId) as Array<string | null>;
  const createdHere = entries.some((after) => {
    try {
      return (JSON.parse(after ?? '{}') as { importBatchId?: string }).importBatchId === batchId;
    } catch {
      return false;
    }
  });
  if (!createdHere) {
    out.keptBefore.push(meeting.meeting_on);
    return;
  }
  const created = client.prepare("SELECT entity, entity_id AS entityId, last_entity_id AS lastEntityId FROM import_batch_items WHERE batch_id = ? AND action = 'created'").all(batchId) as Array<{ entity: string; entityId: string; lastEntityId: string | null }>;
  const ours = new Set(created.flatMap((item) => (item.lastEntityId ? idsOfItem(client, slipTables[item.entity] ?? 'no_such_table', item) : [item.entityId])));
  let others = (client.prepare('SELECT count(*) FROM attendance WHERE meeting_id = ?').pluck().get(meetingId) as number) + (client.prepare('SELECT count(*) FROM import_batches WHERE meeting_id = ? AND id <> ?').pluck().get(meetingId, batchId) as number);
  const slips: Array<{ table: string; id: string }> = [];
  for (const table of meetingTables) {
    for (const id of client.prepare(`SELECT id FROM ${table} WHERE meeting_id = ?`).pluck().all(meetingId) as string[]) {
      if (ours.has(id)) slips.push({ table, id });
      else others++;
    }
  }
  if (others > 0) {
    out.keptCreated.push(meeting.meeting_on);
    return;
  }
  // A follow-up, dispute or visit recorded on one of these slips since also keeps the meeting: the
  // deletes run in a savepoint and a refused foreign key puts everything back as it was.
  try {
    client.transaction(() => {
      for (const s of slips) {
        if (s.table === 'one_to_ones') client.prepare('DELETE FROM one_to_one_entered_order WHERE one_to_one_id = ?').run(s.id);
        client.prepare(`DELETE FROM ${s.table} WHERE id = ?`).run(s.id);
      }
      client.prepare('UPDATE import_batches SET meeting_id = NULL WHERE id = ?').run(batchId);
      client.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    })();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    out.keptCreated.push(meeting.meeting_on);
    return;
  }
  client.prepare("INSERT INTO import_batch_items (id, batch_id, entity, entity_id, action, before) VALUES (?, ?, 'meeting', ?, 'created', ?)").run(randomUUID(), batchId, meetingId, JSON.stringify({ meetingOn: meeting.meeting_on }));
  recordAudit(tx, { action: 'delete', entity: 'meeting', entityId: meetingId, before: { id: meetingId, meetingOn: meeting.meeting_on, status: meeting.status, closedAt: meeting.closed_at, note: meeting.note, slipsRemovedWithIt: slips.length }, reason });
  out.removed.push(meeting.meeting_on);
}

// Where a member can be named on a slip.
const memberColumns: Array<[table: string, columns: string[], entity: string]> = [
  ['referrals', ['giver_id', 'receiver_id'], 'referral'],
  ['tyfcb_slips', ['closer_id', 'referrer_id'], 'tyfcb'],
  ['one_to_ones', ['member_a_id', 'member_b_id'], 'one_to_one'],
  ['visitors', ['invited_by_id'], 'visitor'],
  ['ceus', ['member_id'], 'ceu'],
  ['outside_party_slips', ['member_id'], 'outside_party'],
];
/** SQL: the row of `table` is a slip an import created and an undo of that import deleted. */
const undoneImportSlip = (table: string) => `EXISTS (SELECT 1 FROM import_batch_items i JOIN import_batches b ON b.id = i.batch_id WHERE b.undone_at IS NOT NULL AND i.action = 'created' AND ${itemCovers(`${table}.id`)})`;

/**
 * Takes out a member a roster import added: their seat tenure, the answers remembered for their
 * name, and slips deleted by the undo of an import that recorded them (nobody typed those; each
 * removal is audited), then the member. Anything else recorded with them since keeps the member:
 * nothing is removed and the answer says what holds them ("2 attendance marks, 1 slip").
 */
function removeAddedMember(tx: Db, client: Database.Database, memberId: string, member: unknown, reason: string): string | null {
  try {
    client.transaction(() => {
      for (const [table, columns, entity] of memberColumns) {
        const rows = client.prepare(`SELECT * FROM ${table} WHERE (${columns.map((c) => `${c} = @m`).join(' OR ')}) AND deleted_at IS NOT NULL AND ${undoneImportSlip(table)}`).all({ m: memberId }) as Array<Record<string, unknown> & { id: string }>;
        for (const row of rows) {
          if (table === 'one_to_ones') client.prepare('DELETE FROM one_to_one_entered_order WHERE one_to_one_id = ?').run(row.id);
          client.prepare(`DELETE FROM ${table} WHERE id = ?`).run(row.id);
          recordAudit(tx, { action: 'delete', entity, entityId: row.id, before: row, reason: `${reason}: a slip of an import undone earlier, removed with the member it names` });
        }
      }
      client.prepare('DELETE FROM member_aliases WHERE member_id = ?').run(memberId);
      client.prepare('DELETE FROM seat_history WHERE member_id = ?').run(memberId);
      client.prepare('DELETE FROM members WHERE id = ?').run(memberId);
      recordAudit(tx, { action: 'delete', entity: 'member', entityId: memberId, before: member, reason });
    })();
    return null;
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
  }
  // What holds them, in words.
  const count = (text: string) => client.prepare(text).pluck().get({ m: memberId }) as number;
  const marks = count('SELECT count(*) FROM attendance WHERE member_id = @m');
  let live = 0;
  let deleted = 0;
  for (const [table, columns] of memberColumns) {
    const who = columns.map((c) => `${c} = @m`).join(' OR ');
    live += count(`SELECT count(*) FROM ${table} WHERE (${who}) AND deleted_at IS NULL`);
    deleted += count(`SELECT count(*) FROM ${table} WHERE (${who}) AND deleted_at IS NOT NULL AND NOT ${undoneImportSlip(table)}`);
  }
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [marks ? n(marks, 'attendance mark', 'attendance marks') : '', live ? n(live, 'slip', 'slips') : '', deleted ? n(deleted, 'deleted slip kept as history', 'deleted slips kept as history') : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'applications, prospects or other records';
}
