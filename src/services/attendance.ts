// PALMS attendance: one mark per member per meeting, and the absence policy checked as it is typed.
import { and, eq } from 'drizzle-orm';
import { allRows } from '../db/fixed-statements';
import type { Db } from '../db/open';
import { attendance } from '../db/schema';
import type { Chapter, Meeting, ParsedInput, RosterRow } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';
import { requireChapter } from './chapter';
import { requireEditable, requireMeeting } from './meeting-guards';
import { requireMemberOnDate } from './membership-on-date';

interface RosterSqlRow {
  memberId: string;
  name: string;
  company: string;
  classificationName: string;
  status: RosterRow['status'];
  mark: RosterRow['mark'];
  substituteName: string | null;
  priorAbsences: number;
}

// Absences are counted once for everyone, from the few meetings in the policy window (CROSS JOIN
// keeps that order whatever the planner guesses): counting per member through each member's whole
// attendance history cost ~60 × 520 rows on a ten-year file, on every save of the Meeting screen.
// A fixed statement (read after every save): its text is written once, its values bound by name,
// as +@name so that SQLite does not plan the query again at every call (src/db/fixed-statements.ts).
const rosterText = `
    WITH in_window AS (
      SELECT id FROM meetings
       WHERE status = 'completed' AND id <> +@meetingId
         AND meeting_on > date(@meetingOn, @window) AND meeting_on <= +@meetingOn),
    absences AS (
      SELECT pa.member_id AS memberId, count(*) AS n FROM in_window w CROSS JOIN attendance pa
       WHERE pa.meeting_id = w.id AND pa.mark = 'A' GROUP BY pa.member_id)
    SELECT m.id AS memberId, m.display_name AS name, m.company AS company,
           c.name AS classificationName, m.status AS status, a.mark AS mark, a.substitute_name AS substituteName,
           coalesce(ab.n, 0) AS priorAbsences
    FROM members m
    JOIN classifications c ON c.id = m.classification_id
    LEFT JOIN attendance a ON a.member_id = m.id AND a.meeting_id = +@meetingId
    LEFT JOIN absences ab ON ab.memberId = m.id
    WHERE a.id IS NOT NULL
       OR (+@status = 'draft'
           AND m.status <> 'applicant' AND m.joined_on <= +@meetingOn AND (m.left_on IS NULL OR m.left_on > +@meetingOn))
    ORDER BY m.sort_name COLLATE NOCASE`;

/**
 * Ordered like the Members screen (last name, then first name), so the paper sign-in sheet and the
 * screen agree. Everyone who was a member on the meeting date (joined on or before it, not yet left), plus anyone
 * already marked, with their absences in the policy window ending on this meeting. One query.
 * A closed (or cancelled) meeting keeps the roster it was closed with — closing needs every member
 * marked, so that roster is exactly its attendance rows: a member added later with an earlier join
 * date (a roster import of history) never shows there as "unmarked".
 */
export function rosterFor(db: Db, meeting: Meeting, chapter: Chapter): RosterRow[] {
  const rows = allRows<RosterSqlRow>(db, rosterText, {
    meetingId: meeting.id,
    meetingOn: meeting.meetingOn,
    window: `-${chapter.absenceWindowMonths} months`,
    status: meeting.status,
  });
  return rows.map((r) => {
    const absencesInWindow = r.priorAbsences + (r.mark === 'A' ? 1 : 0);
    return {
      memberId: r.memberId,
      name: r.name,
      company: r.company,
      classificationName: r.classificationName,
      status: r.status,
      mark: r.mark,
      substituteName: r.substituteName,
      absencesInWindow,
      overAbsenceLimit: absencesInWindow > chapter.absenceLimit,
    };
  });
}

export function setAttendance(db: Db, input: ParsedInput<'setAttendance'>): RosterRow {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const meeting = requireMeeting(tx, input.meetingId);
    const reason = requireEditable(meeting, input.reason, tx);
    const member = requireMemberOnDate(tx, input.memberId, meeting.meetingOn, 'memberId', { allowOnLeave: true });
    // The audit entry names the member and the meeting, so an amendment reads on its own.
    const described = <T extends object>(row: T) => ({ ...row, memberName: member.name, meetingOn: meeting.meetingOn });
    const substituteName = input.mark === 'S' ? input.substituteName : '';
    if (input.mark === 'S' && substituteName === '') {
      throw new LedgerError('invalid_input', 'Enter the name of the substitute who came instead.', 'substituteName');
    }
    const where = and(eq(attendance.meetingId, meeting.id), eq(attendance.memberId, input.memberId));
    const before = tx.select().from(attendance).where(where).get();
    const values = { mark: input.mark, substituteName: substituteName || null };
    if (before) {
      if (before.mark !== values.mark || before.substituteName !== values.substituteName) {
        tx.update(attendance).set(values).where(where).run();
        const after = tx.select().from(attendance).where(where).get();
        recordAudit(tx, { action: 'update', entity: 'attendance', entityId: before.id, before: described(before), after: after && described(after), reason });
      }
    } else {
      const after = tx.insert(attendance).values({ meetingId: meeting.id, memberId: input.memberId, ...values }).returning().get();
      recordAudit(tx, { action: 'insert', entity: 'attendance', entityId: after.id, after: described(after), reason });
    }
    return rosterFor(tx, meeting, chapter).find((r) => r.memberId === input.memberId)!;
  });
}

/** Marks every unmarked member present and says who, so the Meeting screen can undo exactly those marks. */
export function markAllPresent(db: Db, meetingId: string): { marked: number; memberIds: string[] } {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const meeting = requireMeeting(tx, meetingId);
    if (meeting.status !== 'draft') {
      throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} is closed: change marks one at a time, with a reason.`, 'meetingId');
    }
    const unmarked = rosterFor(tx, meeting, chapter).filter((r) => r.mark === null);
    const reason = requireEditable(meeting, '', tx);
    for (const row of unmarked) {
      const after = tx.insert(attendance).values({ meetingId, memberId: row.memberId, mark: 'P' }).returning().get();
      recordAudit(tx, { action: 'insert', entity: 'attendance', entityId: after.id, after: { ...after, memberName: row.name, meetingOn: meeting.meetingOn }, reason });
    }
    return { marked: unmarked.length, memberIds: unmarked.map((r) => r.memberId) };
  });
}

/**
 * Takes a member's mark away again (the undo of a first mark): the member is unmarked, as before.
 * Audited like any change; a closed meeting needs a reason.
 */
export function clearAttendance(db: Db, input: ParsedInput<'clearAttendance'>): RosterRow {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const meeting = requireMeeting(tx, input.meetingId);
    const reason = requireEditable(meeting, input.reason, tx);
    const member = requireMemberOnDate(tx, input.memberId, meeting.meetingOn, 'memberId', { allowOnLeave: true });
    const where = and(eq(attendance.meetingId, meeting.id), eq(attendance.memberId, input.memberId));
    const before = tx.select().from(attendance).where(where).get();
    if (before) {
      tx.delete(attendance).where(where).run();
      recordAudit(tx, { action: 'delete', entity: 'attendance', entityId: before.id, before: { ...before, memberName: member.name, meetingOn: meeting.meetingOn }, reason });
    }
    // A member who is not on this meeting's roster has no mark to take away (found by the fuzz test:
    // the mark was deleted and the answer then broke the contract).
    const row = rosterFor(tx, meeting, chapter).find((r) => r.memberId === input.memberId);
    if (!row) throw new LedgerError('not_found', `${member.name} is not on the roster of the meeting of ${meeting.meetingOn}, so there is no mark to take away.`, 'memberId');
    return row;
  });
}

/**
 * Takes several members' marks away again in one transaction (the undo of "Mark everyone else present"):
 * each removal audited like a single one; a closed meeting needs a reason. A member with no mark is left
 * as is; a member not on this meeting's roster is refused and nothing changes.
 */
export function clearMarks(db: Db, input: ParsedInput<'clearMarks'>): { cleared: number } {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const meeting = requireMeeting(tx, input.meetingId);
    const reason = requireEditable(meeting, input.reason, tx);
    const onRoster = new Set(rosterFor(tx, meeting, chapter).map((r) => r.memberId));
    let cleared = 0;
    for (const memberId of new Set(input.memberIds)) {
      const member = requireMemberOnDate(tx, memberId, meeting.meetingOn, 'memberIds', { allowOnLeave: true });
      if (!onRoster.has(memberId)) throw new LedgerError('not_found', `${member.name} is not on the roster of the meeting of ${meeting.meetingOn}, so there is no mark to take away.`, 'memberIds');
      const where = and(eq(attendance.meetingId, meeting.id), eq(attendance.memberId, memberId));
      const before = tx.select().from(attendance).where(where).get();
      if (!before) continue;
      tx.delete(attendance).where(where).run();
      recordAudit(tx, { action: 'delete', entity: 'attendance', entityId: before.id, before: { ...before, memberName: member.name, meetingOn: meeting.meetingOn }, reason });
      cleared++;
    }
    return { cleared };
  });
}
