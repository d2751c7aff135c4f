// The meeting lifecycle: draft → completed (closed) or cancelled, and the meeting sheet the
// secretary works from. A closed meeting changes only with a reason, recorded in the audit log.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { attendance, meetings, members } from '../db/schema';
import type { Meeting, MeetingSheet, ParsedInput } from '../shared/contract';
import { addDays, nextWeekday, todayIso } from '../shared/dates';
import { weekdayNames } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { rosterFor } from './attendance';
import { recordAudit } from './audit';
import { chapterToday, requireChapter } from './chapter';
import { requireMeeting } from './meeting-guards';
import { disputedTyfcbIds, duplicateSlipGroups, listMeetingSlips, meetingTotals } from './slips';

/**
 * The newest meetings first (a page of them), each with its slip count. The counts come from one
 * grouped read of the page's slips, not five counting subqueries per meeting.
 */
export function listMeetings(db: Db, input: Partial<ParsedInput<'listMeetings'>> = {}): Meeting[] {
  const before = input.before ? sql`WHERE meeting_on < ${input.before}` : sql``;
  // With includeDrafts, every draft joins the page (a meeting left open long ago is still one click away).
  const drafts = input.includeDrafts ? sql`UNION SELECT id, meeting_on, status, closed_at, note FROM meetings WHERE status = 'draft'` : sql``;
  return db.all<Meeting>(sql`
    WITH page AS (SELECT * FROM (SELECT id, meeting_on, status, closed_at, note FROM meetings ${before} ORDER BY meeting_on DESC LIMIT ${input.limit ?? 1000}) ${drafts}),
    slips AS (
      SELECT meeting_id FROM referrals WHERE deleted_at IS NULL AND meeting_id IN (SELECT id FROM page)
      UNION ALL SELECT meeting_id FROM tyfcb_slips WHERE deleted_at IS NULL AND meeting_id IN (SELECT id FROM page)
      UNION ALL SELECT meeting_id FROM one_to_ones WHERE deleted_at IS NULL AND meeting_id IN (SELECT id FROM page)
      UNION ALL SELECT meeting_id FROM visitors WHERE deleted_at IS NULL AND meeting_id IN (SELECT id FROM page)
      UNION ALL SELECT meeting_id FROM ceus WHERE deleted_at IS NULL AND meeting_id IN (SELECT id FROM page)
      UNION ALL SELECT meeting_id FROM outside_party_slips WHERE deleted_at IS NULL AND meeting_id IN (SELECT id FROM page)),
    counts AS (SELECT meeting_id, count(*) AS n FROM slips GROUP BY meeting_id)
    SELECT page.id, page.meeting_on AS meetingOn, page.status, page.closed_at AS closedAt, page.note, coalesce(counts.n, 0) AS slipCount
    FROM page LEFT JOIN counts ON counts.meeting_id = page.id
    ORDER BY page.meeting_on DESC`);
}

/** Within this many days ahead a meeting date needs no confirmation (a week, so next week's meeting is fine). */
export const meetingDaysAheadWithoutAsking = 7;

/**
 * Why a meeting date deserves a second look, or null: a day that is not the chapter's meeting day,
 * or more than a week ahead (a typo that lands months away would otherwise open by default).
 */
export function unusualMeetingDate(meetingOn: string, meetingWeekday: number, today = todayIso()): string | null {
  const weekday = new Date(`${meetingOn}T00:00:00Z`).getUTCDay();
  const reasons: string[] = [];
  if (weekday !== meetingWeekday) reasons.push(`${meetingOn} is a ${weekdayNames[weekday]}, and the chapter meets on ${weekdayNames[meetingWeekday]}s`);
  if (meetingOn > addDays(today, meetingDaysAheadWithoutAsking)) {
    const days = Math.round((Date.parse(`${meetingOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    reasons.push(`${meetingOn} is ${days} days from today`);
  }
  return reasons.length ? `${reasons.join('; ')}. Create the meeting on that date anyway?` : null;
}

export function createMeeting(db: Db, input: ParsedInput<'createMeeting'>): Meeting {
  const chapter = requireChapter(db);
  const meetingOn = input.meetingOn ?? nextWeekday(chapterToday(db), chapter.meetingWeekday);
  const unusual = unusualMeetingDate(meetingOn, chapter.meetingWeekday, chapterToday(db));
  if (unusual && !input.confirmDate) throw new LedgerError('needs_confirmation', unusual, 'meetingOn');
  return db.transaction((tx) => {
    const existing = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.meetingOn, meetingOn)).get();
    if (existing) throw new LedgerError('conflict', `There is already a meeting on ${meetingOn}: open it from the list.`, 'meetingOn');
    const created = tx.insert(meetings).values({ meetingOn }).returning({ id: meetings.id }).get();
    // Members on leave are excused by default (M); the secretary can still change it.
    const onLeave = tx
      .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}` })
      .from(members)
      .where(sql`${members.status} = 'on_leave' AND ${members.joinedOn} <= ${meetingOn}`)
      .all();
    const meeting = requireMeeting(tx, created.id);
    recordAudit(tx, { action: 'insert', entity: 'meeting', entityId: created.id, after: meeting });
    for (const m of onLeave) {
      const mark = tx.insert(attendance).values({ meetingId: created.id, memberId: m.id, mark: 'M' }).returning().get();
      recordAudit(tx, { action: 'insert', entity: 'attendance', entityId: mark.id, after: { ...mark, memberName: m.name, meetingOn }, reason: 'Excused by default: the member is on leave' });
    }
    return meeting;
  });
}

export function getMeetingSheet(db: Db, meetingId: string): MeetingSheet {
  const chapter = requireChapter(db);
  const meeting = requireMeeting(db, meetingId);
  const roster = rosterFor(db, meeting, chapter);
  const slips = listMeetingSlips(db, meetingId);
  const disputed = disputedTyfcbIds(db, meetingId);
  return {
    meeting,
    currency: chapter.currency,
    locale: chapter.locale,
    absenceLimit: chapter.absenceLimit,
    roster,
    slips,
    // Counted from the slips and marks just read, not read again.
    totals: meetingTotals(slips, disputed, roster),
    disputedTyfcbIds: disputed,
  };
}

export function closeMeeting(db: Db, input: ParsedInput<'closeMeeting'>) {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const meeting = requireMeeting(tx, input.meetingId);
    if (meeting.status !== 'draft') {
      throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} is already ${meeting.status === 'completed' ? 'closed' : 'cancelled'}.`, 'meetingId');
    }
    // A meeting is closed on or after its day: one dated later (a typo, or next week's typed ahead)
    // would otherwise count in "figures to today" before it was held. The day is the chapter's.
    const today = chapterToday(tx);
    if (meeting.meetingOn > today) {
      throw new LedgerError(
        'invalid_input',
        `The meeting of ${meeting.meetingOn} has not been held yet (today is ${today} where the chapter meets): close it on or after its day, or correct its date if it is wrong. Nothing was closed.`,
        'meetingId',
      );
    }
    const unmarked = rosterFor(tx, meeting, chapter).filter((r) => r.mark === null);
    if (unmarked.length > 0) {
      const names = unmarked.slice(0, 6).map((r) => r.name).join(', ');
      throw new LedgerError(
        'incomplete',
        `${unmarked.length} member${unmarked.length > 1 ? 's have' : ' has'} no attendance mark yet: ${names}${unmarked.length > 6 ? '…' : ''}. Mark them, then close.`,
        'attendance',
      );
    }
    const warnings = duplicateSlipGroups(tx, meeting.id);
    if (warnings.length > 0 && !input.confirmWarnings) {
      throw new LedgerError('needs_confirmation', `These slips look duplicated: ${warnings.join('; ')}. Close anyway?`);
    }
    tx.update(meetings).set({ status: 'completed', closedAt: new Date().toISOString() }).where(eq(meetings.id, meeting.id)).run();
    const after = requireMeeting(tx, meeting.id);
    recordAudit(tx, { action: 'close', entity: 'meeting', entityId: meeting.id, before: meeting, after });
    return { meeting: after, warnings };
  });
}

export function reopenMeeting(db: Db, input: ParsedInput<'reopenMeeting'>): Meeting {
  return setStatus(db, input.meetingId, 'draft', input.reason, 'reopen');
}

export function cancelMeeting(db: Db, input: ParsedInput<'cancelMeeting'>): Meeting {
  const meeting = requireMeeting(db, input.meetingId);
  if (meeting.status === 'completed') {
    throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} is closed: re-open it before cancelling it.`, 'meetingId');
  }
  if (meeting.slipCount > 0) {
    throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} has ${meeting.slipCount === 1 ? '1 slip' : `${meeting.slipCount} slips`}: delete or move ${meeting.slipCount === 1 ? 'it' : 'them'} before cancelling it.`, 'meetingId');
  }
  return setStatus(db, input.meetingId, 'cancelled', input.reason, 'update');
}

function setStatus(db: Db, meetingId: string, status: 'draft' | 'cancelled', reason: string, action: 'reopen' | 'update'): Meeting {
  return db.transaction((tx) => {
    const before = requireMeeting(tx, meetingId);
    if (before.status === status) {
      throw new LedgerError('conflict', `The meeting of ${before.meetingOn} is already ${status === 'draft' ? 'open for editing' : 'cancelled'}.`, 'meetingId');
    }
    tx.update(meetings).set({ status, closedAt: null }).where(eq(meetings.id, meetingId)).run();
    const after = requireMeeting(tx, meetingId);
    recordAudit(tx, { action, entity: 'meeting', entityId: meetingId, before, after, reason });
    return after;
  });
}

/**
 * Removes a meeting created by mistake (a mistyped date): only a draft that never held a slip, and
 * whose only attendance marks are the automatic "on leave" excuses. Anything else is cancelled instead,
 * so what was recorded stays. The meeting and those marks are kept in the audit log.
 */
/**
 * A meeting not yet closed moves to another day: a date mistyped, or next week's meeting created
 * ahead and held tonight. Everyone marked or on a slip must be a member on the new day; the same
 * second look as a new meeting's date; one audit entry with the day before and after.
 */
export function changeMeetingDate(db: Db, input: ParsedInput<'changeMeetingDate'>): Meeting {
  const chapter = requireChapter(db);
  return db.transaction((tx) => {
    const meeting = requireMeeting(tx, input.meetingId);
    if (meeting.status !== 'draft') {
      throw new LedgerError(
        'conflict',
        `The meeting of ${meeting.meetingOn} is ${meeting.status === 'completed' ? 'closed: re-open it first to change its date' : 'cancelled: its date stays as it was'}. Nothing was changed.`,
        'meetingOn',
      );
    }
    if (input.meetingOn === meeting.meetingOn) return meeting;
    const unusual = unusualMeetingDate(input.meetingOn, chapter.meetingWeekday, chapterToday(tx));
    if (unusual && !input.confirmDate) throw new LedgerError('needs_confirmation', unusual.replace('Create the meeting on that date anyway?', 'Move the meeting to that date anyway?'), 'meetingOn');
    const existing = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.meetingOn, input.meetingOn)).get();
    if (existing) throw new LedgerError('conflict', `There is already a meeting on ${input.meetingOn}: choose another date, or open that meeting from the list. Nothing was changed.`, 'meetingOn');
    // Everyone the meeting holds (marks and live slips) must be a member on the new day.
    const notThen = tx.all<{ name: string; joinedOn: string; leftOn: string | null }>(sql`
      SELECT DISTINCT m.display_name AS name, m.joined_on AS joinedOn, m.left_on AS leftOn
        FROM (
          SELECT member_id AS id FROM attendance WHERE meeting_id = ${meeting.id}
          UNION SELECT giver_id FROM referrals WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT receiver_id FROM referrals WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT closer_id FROM tyfcb_slips WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT referrer_id FROM tyfcb_slips WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT member_a_id FROM one_to_ones WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT member_b_id FROM one_to_ones WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT invited_by_id FROM visitors WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
          UNION SELECT member_id FROM ceus WHERE meeting_id = ${meeting.id} AND deleted_at IS NULL
        ) used JOIN members m ON m.id = used.id
       WHERE m.joined_on > ${input.meetingOn} OR (m.left_on IS NOT NULL AND m.left_on <= ${input.meetingOn})
       ORDER BY m.display_name`);
    if (notThen.length > 0) {
      const who = notThen
        .slice(0, 4)
        .map((m) => (m.joinedOn > input.meetingOn ? `${m.name} joined on ${m.joinedOn}` : `${m.name} left on ${m.leftOn}`))
        .join('; ');
      throw new LedgerError(
        'conflict',
        `The meeting cannot move to ${input.meetingOn}: ${who}${notThen.length > 4 ? ` (and ${notThen.length - 4} more)` : ''}, and they have a mark or a slip at this meeting. Choose a date when they were members, or correct their dates in Members. Nothing was changed.`,
        'meetingOn',
      );
    }
    tx.update(meetings).set({ meetingOn: input.meetingOn }).where(eq(meetings.id, meeting.id)).run();
    const after = requireMeeting(tx, meeting.id);
    recordAudit(tx, { action: 'update', entity: 'meeting', entityId: meeting.id, before: meeting, after });
    return after;
  });
}

export function deleteMeeting(db: Db, input: ParsedInput<'deleteMeeting'>): { done: true } {
  return db.transaction((tx) => {
    const meeting = requireMeeting(tx, input.meetingId);
    if (meeting.status !== 'draft') {
      throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} is ${meeting.status === 'completed' ? 'closed' : 'cancelled'}: only a draft can be removed.`, 'meetingId');
    }
    const everSlips = tx.get<{ n: number }>(sql`SELECT
      (SELECT count(*) FROM referrals WHERE meeting_id = ${meeting.id}) + (SELECT count(*) FROM tyfcb_slips WHERE meeting_id = ${meeting.id}) +
      (SELECT count(*) FROM one_to_ones WHERE meeting_id = ${meeting.id}) + (SELECT count(*) FROM visitors WHERE meeting_id = ${meeting.id}) +
      (SELECT count(*) FROM ceus WHERE meeting_id = ${meeting.id}) + (SELECT count(*) FROM outside_party_slips WHERE meeting_id = ${meeting.id}) AS n`)!.n;
    if (everSlips > 0) {
      throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} has held slips (even if deleted since): cancel it instead, so its history stays.`, 'meetingId');
    }
    const marks = tx.all<{ id: string; memberId: string; mark: string; substituteName: string | null; status: string; name: string }>(sql`
      SELECT a.id, a.member_id AS memberId, a.mark, a.substitute_name AS substituteName, m.status, m.display_name AS name
        FROM attendance a JOIN members m ON m.id = a.member_id WHERE a.meeting_id = ${meeting.id}`);
    const marked = marks.filter((a) => !(a.mark === 'M' && a.status === 'on_leave'));
    if (marked.length > 0) {
      throw new LedgerError('conflict', `The meeting of ${meeting.meetingOn} already has attendance marked for ${marked.length} member${marked.length > 1 ? 's' : ''}: cancel it instead.`, 'meetingId');
    }
    for (const a of marks) {
      tx.delete(attendance).where(eq(attendance.id, a.id)).run();
      recordAudit(tx, { action: 'delete', entity: 'attendance', entityId: a.id, before: { ...a, meetingOn: meeting.meetingOn, memberName: a.name }, reason: input.reason || 'Meeting removed' });
    }
    tx.delete(meetings).where(eq(meetings.id, meeting.id)).run();
    recordAudit(tx, { action: 'delete', entity: 'meeting', entityId: meeting.id, before: meeting, reason: input.reason });
    return { done: true as const };
  });
}
