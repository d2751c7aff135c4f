// Guards shared by every write to a meeting: does it exist, and may it change (and why)?
import { sql } from 'drizzle-orm';
import { firstRow, statementText } from '../db/fixed-statements';
import type { Db } from '../db/open';
import { meetings } from '../db/schema';
import type { Meeting } from '../shared/contract';
import { LedgerError } from '../shared/errors';

// Written out as meetings.id: drizzle leaves a column unqualified in a one-table select, and inside
// these subqueries an unqualified id would mean the slip's own id.
const slipCount = sql<number>`(
  (SELECT count(*) FROM referrals r WHERE r.meeting_id = meetings.id AND r.deleted_at IS NULL) +
  (SELECT count(*) FROM tyfcb_slips t WHERE t.meeting_id = meetings.id AND t.deleted_at IS NULL) +
  (SELECT count(*) FROM one_to_ones o WHERE o.meeting_id = meetings.id AND o.deleted_at IS NULL) +
  (SELECT count(*) FROM visitors v WHERE v.meeting_id = meetings.id AND v.deleted_at IS NULL) +
  (SELECT count(*) FROM ceus c WHERE c.meeting_id = meetings.id AND c.deleted_at IS NULL) +
  (SELECT count(*) FROM outside_party_slips x WHERE x.meeting_id = meetings.id AND x.deleted_at IS NULL))`;

export const meetingColumns = {
  id: meetings.id,
  meetingOn: meetings.meetingOn,
  status: meetings.status,
  closedAt: meetings.closedAt,
  note: meetings.note,
  slipCount,
};

// The same columns as one fixed statement: every save and every sheet read starts here.
const meetingByIdText = `SELECT id, meeting_on AS meetingOn, status, closed_at AS closedAt, note, ${statementText(slipCount)} AS slipCount FROM meetings WHERE id = ?`;

export function requireMeeting(db: Db, id: string): Meeting {
  const found = firstRow<Meeting>(db, meetingByIdText, id);
  if (!found) throw new LedgerError('not_found', 'That meeting does not exist (was it deleted?). Pick one from the list.', 'meetingId');
  return found;
}

/**
 * Drafts change freely; a closed meeting changes only with a reason (an amendment); a cancelled
 * one not at all. A meeting re-opened after closing is still an amended meeting: a change without
 * its own reason carries the re-opening's reason, so it is never an unexplained edit and it shows in
 * the quarterly amendments. Returns the reason to log.
 */
export function requireEditable(meeting: Meeting, reason: string, db?: Db): string {
  if (meeting.status === 'cancelled') {
    throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} was cancelled: nothing can be recorded against it.`, 'meetingId');
  }
  if (meeting.status === 'completed' && reason.trim() === '') {
    throw new LedgerError(
      'reason_required',
      `The meeting of ${meeting.meetingOn} is closed: give a reason for this amendment (it is kept in the audit log).`,
      'reason',
    );
  }
  if (meeting.status === 'draft' && reason.trim() === '' && db) {
    const reopened = reopenReason(db, meeting.id);
    if (reopened !== null) return `Amendment after re-opening the meeting: ${reopened}`;
  }
  return reason;
}

/** The reason given when the meeting was last re-opened, or null if it never was. */
export function reopenReason(db: Db, meetingId: string): string | null {
  const row = firstRow<{ reason: string }>(db, "SELECT reason FROM audit_log WHERE entity = 'meeting' AND entity_id = +? AND action = 'reopen' ORDER BY rowid DESC LIMIT 1", meetingId);
  return row ? row.reason || 're-opened' : null;
}

