// The roster, and the seat rules that go with joining, leaving and moving.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { classifications, contactSpheres, meetings, members } from '../db/schema';
import { formatDay } from '../shared/dates';
import type { Member, MemberDetail, ParsedInput } from '../shared/contract';
import { leadershipRoleLabels, seatHoldingStatuses, type LeadershipRole, type MemberStatus } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { chapterToday } from './chapter';
import { recordAudit } from './audit';
import { requireClassification } from './classifications';
import { closeTenure, currentSeatHolder, followJoinDate, openTenure, seatTakenMessage, tenuresOfMember } from './seats';

const sponsor = alias(members, 'sponsor');

const memberColumns = {
  id: members.id,
  firstName: members.firstName,
  lastName: members.lastName,
  fullName: members.displayName,
  company: members.company,
  classificationId: members.classificationId,
  classificationName: classifications.name,
  sphereName: contactSpheres.name,
  phone: members.phone,
  email: members.email,
  status: members.status,
  joinedOn: members.joinedOn,
  renewalDue: members.renewalDue,
  leftOn: members.leftOn,
  sponsorId: members.sponsorId,
  sponsorName: sql<string | null>`${sponsor.displayName}`,
  leadershipRole: members.leadershipRole,
  nameOrder: members.nameOrder,
  createdAt: members.createdAt,
  updatedAt: members.updatedAt,
};

function memberQuery(db: Db) {
  return db
    .select(memberColumns)
    .from(members)
    .innerJoin(classifications, eq(classifications.id, members.classificationId))
    .leftJoin(contactSpheres, eq(contactSpheres.id, classifications.sphereId))
    .leftJoin(sponsor, eq(sponsor.id, members.sponsorId));
}

/** The current members' names as they print: what the report engine warms up with (the fonts of their scripts). */
export function memberNamesToWarmUp(db: Db): string[] {
  return db
    .select({ name: members.displayName })
    .from(members)
    .where(inArray(members.status, [...seatHoldingStatuses]))
    .all()
    .map((m) => m.name);
}

export function listMembers(db: Db, input: ParsedInput<'listMembers'>): Member[] {
  const statuses: readonly MemberStatus[] =
    input.scope === 'current'
      ? seatHoldingStatuses
      : input.scope === 'all'
        ? ['applicant', 'active', 'on_leave', 'former']
        : [input.scope];
  return memberQuery(db)
    .where(inArray(members.status, [...statuses]))
    .orderBy(sql`${members.sortName} COLLATE NOCASE`)
    .all();
}

export function findMember(db: Db, id: string): Member | undefined {
  return memberQuery(db).where(eq(members.id, id)).get();
}

/** These members at once (a statement for each of them): the rows `findMember` gives, by id. */
export function membersById(db: Db, ids: readonly string[]): Map<string, Member> {
  if (ids.length === 0) return new Map();
  return new Map(memberQuery(db).where(inArray(members.id, [...ids])).all().map((m) => [m.id, m]));
}

export function requireMember(db: Db, id: string, field = 'id'): Member {
  const found = findMember(db, id);
  if (!found) throw new LedgerError('not_found', 'Choose a member from the list (that one does not exist).', field);
  return found;
}

export function getMember(db: Db, id: string): MemberDetail {
  const member = requireMember(db, id);
  const sponsored = db
    .select({ id: members.id, name: members.displayName })
    .from(members)
    .where(eq(members.sponsorId, id))
    .orderBy(asc(members.joinedOn))
    .all();
  return { member, seatHistory: tenuresOfMember(db, id), sponsored };
}

const holdsSeat = (status: MemberStatus) => (seatHoldingStatuses as readonly string[]).includes(status);

function refuseIfSeatTaken(db: Db, classificationId: string, exceptMemberId?: string, prefix = ''): void {
  const holder = currentSeatHolder(db, classificationId, exceptMemberId);
  if (holder) throw new LedgerError('seat_taken', prefix + seatTakenMessage(holder), 'classificationId');
}

function checkDates(input: { joinedOn: string; renewalDue: string | null; leftOn?: string | null }): void {
  if (input.renewalDue && input.renewalDue < input.joinedOn) {
    throw new LedgerError('invalid_input', 'Renewal due cannot be before the day the member joined.', 'renewalDue');
  }
  if (input.leftOn && input.leftOn < input.joinedOn) {
    throw new LedgerError('invalid_input', 'Left on cannot be before the day the member joined.', 'leftOn');
  }
}

/**
 * A join date that counts the member in meetings already held asks first: it changes those weeks'
 * attendance counts (a draft meeting lists them as unmarked) and every scorecard and report over them.
 * `until` is where the member's membership began before this change (today for a new member): only
 * the meetings between the new date and then are new to them. Cancelled meetings count for nobody.
 */
function askBeforeBackdating(db: Db, joinedOn: string, until: string, confirmed: boolean | undefined): void {
  if (confirmed || joinedOn >= until) return;
  const held = db
    .select({ count: sql<number>`count(*)`, first: sql<string | null>`min(${meetings.meetingOn})`, last: sql<string | null>`max(${meetings.meetingOn})` })
    .from(meetings)
    .where(and(sql`${meetings.meetingOn} >= ${joinedOn}`, sql`${meetings.meetingOn} < ${until}`, sql`${meetings.status} <> 'cancelled'`))
    .get()!;
  if (held.count === 0) return;
  const firstEver = db.select({ day: sql<string | null>`min(${meetings.meetingOn})` }).from(meetings).where(sql`${meetings.status} <> 'cancelled'`).get()!.day;
  const before = firstEver && joinedOn < firstEver ? `, before the chapter's first meeting in the ledger (${formatDay(firstEver)})` : '';
  const span = held.count === 1 ? `the meeting of ${formatDay(held.first)}` : `${held.count} meetings already held (${formatDay(held.first)} to ${formatDay(held.last)})`;
  throw new LedgerError(
    'needs_confirmation',
    // A closed meeting's roster is the marks it was closed with (attendance.ts): said, so nobody expects the
    // member to appear there (a president looked for them in a closed meeting the old sentence said counted them).
    `Joined on ${formatDay(joinedOn)}${before} makes this member a member at ${span}: a meeting still open lists them as unmarked; a closed meeting keeps the roster it was closed with — re-open it to mark them or record their slips there. Save with this join date?`,
    'joinedOn',
  );
}

/**
 * A join date moved later than meetings at which the member already has marks or slips asks first too:
 * those records stay, but the seat reads open until the new date and a meeting still open drops them
 * (a tester moved a year-long member's date forward and only "Saved" was said).
 */
function askBeforeLaterJoin(db: Db, memberId: string, name: string, from: string, joinedOn: string, confirmed: boolean | undefined): void {
  if (confirmed || joinedOn <= from) return;
  const on = (table: string, ...columns: string[]) =>
    columns.map((c) => sql`SELECT meeting_id FROM ${sql.raw(table)} WHERE ${sql.raw(c)} = ${memberId}${sql.raw(table === 'attendance' ? '' : ' AND deleted_at IS NULL')}`);
  const parts = [on('attendance', 'member_id'), on('referrals', 'giver_id', 'receiver_id'), on('tyfcb_slips', 'closer_id', 'referrer_id'), on('one_to_ones', 'member_a_id', 'member_b_id'), on('ceus', 'member_id'), on('visitors', 'invited_by_id'), on('outside_party_slips', 'member_id')].flat();
  const held = db.get<{ count: number; first: string | null; last: string | null }>(sql`
    SELECT count(*) AS count, min(m.meeting_on) AS first, max(m.meeting_on) AS last FROM meetings m
    WHERE m.status <> 'cancelled' AND m.meeting_on >= ${from} AND m.meeting_on < ${joinedOn}
      AND m.id IN (${sql.join(parts, sql` UNION `)})`)!;
  if (held.count === 0) return;
  const span = held.count === 1 ? `the meeting of ${formatDay(held.first)}` : `${held.count} meetings (${formatDay(held.first)} to ${formatDay(held.last)})`;
  throw new LedgerError(
    'needs_confirmation',
    `Joined on ${formatDay(joinedOn)} is after ${span} at which ${name} already has attendance marks or slips: those stay recorded, but the seat's history shows it open until ${formatDay(joinedOn)} and a meeting still open no longer lists them. Save with this join date?`,
    'joinedOn',
  );
}

/** Roles one person holds at a time: the signatures on the quarterly audit name them. */
const singleHolderRoles = new Set<LeadershipRole>(['president', 'vice_president', 'secretary_treasurer']);

function checkRole(db: Db, role: LeadershipRole | null | undefined, status: MemberStatus, memberId?: string): void {
  if (!role || !singleHolderRoles.has(role) || !holdsSeat(status)) return;
  const holder = db
    .select({ id: members.id, name: members.displayName })
    .from(members)
    .where(and(eq(members.leadershipRole, role), inArray(members.status, [...seatHoldingStatuses])))
    .all()
    .find((m) => m.id !== memberId);
  if (holder) {
    throw new LedgerError(
      'conflict',
      `${holder.name} is already ${leadershipRoleLabels[role]}: take the role from ${holder.name} first (a chapter has one ${leadershipRoleLabels[role]}, who signs the quarterly audit).`,
      'leadershipRole',
    );
  }
}

function checkSponsor(db: Db, sponsorId: string | null, memberId?: string): void {
  if (!sponsorId) return;
  if (sponsorId === memberId) throw new LedgerError('invalid_input', 'A member cannot sponsor themselves.', 'sponsorId');
  requireMember(db, sponsorId, 'sponsorId');
}

/** `reason` goes with the audit entry: a roster import gives "Imported from roster.csv". */
export function addMember(db: Db, input: ParsedInput<'addMember'>, reason = ''): Member {
  return db.transaction((tx) => {
    requireClassification(tx, input.classificationId);
    checkSponsor(tx, input.sponsorId);
    checkRole(tx, input.leadershipRole, input.status);
    checkDates(input);
    if (holdsSeat(input.status)) refuseIfSeatTaken(tx, input.classificationId);
    const { confirmJoinDate, ...fields } = input;
    if (input.status !== 'applicant') askBeforeBackdating(tx, input.joinedOn, chapterToday(tx), confirmJoinDate);
    const leftOn = input.status === 'former' ? chapterToday(tx) : null;
    const created = tx
      .insert(members)
      .values({ ...fields, leftOn })
      .returning({ id: members.id })
      .get();
    openTenure(tx, created.id, input.classificationId, input.joinedOn);
    if (leftOn) closeTenure(tx, created.id, leftOn);
    const after = findMember(tx, created.id)!;
    recordAudit(tx, { action: 'insert', entity: 'member', entityId: created.id, after, reason });
    return after;
  });
}

export function updateMember(db: Db, input: ParsedInput<'updateMember'>, reason = ''): Member {
  return db.transaction((tx) => {
    const before = requireMember(tx, input.id);
    requireClassification(tx, input.classificationId);
    checkSponsor(tx, input.sponsorId, input.id);
    checkRole(tx, input.leadershipRole, input.status, input.id);

    const wasHolding = holdsSeat(before.status);
    const willHold = holdsSeat(input.status);
    const moves = input.classificationId !== before.classificationId;
    const today = chapterToday(tx);
    const leftOn = willHold ? null : (input.leftOn ?? before.leftOn ?? today);
    checkDates({ ...input, leftOn });
    // An applicant is on no roster: their join date reaches back over nothing until they are seated.
    if (input.status !== 'applicant') askBeforeBackdating(tx, input.joinedOn, before.status !== 'applicant' && before.joinedOn < today ? before.joinedOn : today, input.confirmJoinDate);
    if (input.status !== 'applicant' && before.status !== 'applicant') askBeforeLaterJoin(tx, input.id, before.fullName, before.joinedOn, input.joinedOn, input.confirmJoinDate);

    if (willHold && (moves || !wasHolding)) {
      refuseIfSeatTaken(tx, input.classificationId, input.id, moves && wasHolding ? 'Cannot move: ' : '');
    }

    const { id, confirmJoinDate: _confirmed, ...fields } = input;
    tx.update(members)
      .set({ ...fields, leftOn })
      .where(eq(members.id, id))
      .run();

    // A corrected join date carries the first seat's start with it (before any move below).
    followJoinDate(tx, id, before.joinedOn, input.joinedOn);
    // Seat history: close the old tenure when leaving or moving; open one when seated anew.
    if (wasHolding && (!willHold || moves)) closeTenure(tx, id, willHold ? today : leftOn!);
    if (willHold && (!wasHolding || moves)) openTenure(tx, id, input.classificationId, wasHolding ? today : today > input.joinedOn ? today : input.joinedOn);

    const after = findMember(tx, id)!;
    recordAudit(tx, { action: 'update', entity: 'member', entityId: id, before, after, reason });
    return after;
  });
}
