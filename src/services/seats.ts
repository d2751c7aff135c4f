// Seats: one per classification. Who holds each, who held it when, and the seat map by sphere.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { classifications, contactSpheres, members, seatHistory } from '../db/schema';
import type { Classification, SeatMap, SeatState, SeatTenure } from '../shared/contract';
import { seatHoldingStatuses } from '../shared/domain';
import { LedgerError } from '../shared/errors';

const holderName = sql<string>`${members.displayName}`;

/**
 * Every classification with its seat state, in one query: the partial unique index guarantees
 * at most one seat-holding member per classification, so the left join yields one row each.
 */
export function listClassificationsWithSeats(db: Db): Classification[] {
  const rows = db
    .select({
      id: classifications.id,
      name: classifications.name,
      sphereId: classifications.sphereId,
      sphereName: contactSpheres.name,
      memberId: members.id,
      memberName: holderName,
      company: members.company,
      status: members.status,
      since: sql<string | null>`(SELECT from_on FROM seat_history h WHERE h.member_id = members.id AND h.to_on IS NULL)`,
      joinedOn: members.joinedOn,
    })
    .from(classifications)
    .leftJoin(contactSpheres, eq(contactSpheres.id, classifications.sphereId))
    .leftJoin(
      members,
      and(eq(members.classificationId, classifications.id), inArray(members.status, [...seatHoldingStatuses])),
    )
    .orderBy(sql`${classifications.name} COLLATE NOCASE`)
    .all();

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    sphereId: row.sphereId,
    sphereName: row.sphereName,
    seat: seatStateOf(row.status),
    holder:
      row.memberId && row.status
        ? {
            memberId: row.memberId,
            name: row.memberName,
            company: row.company ?? '',
            status: row.status,
            since: row.since ?? row.joinedOn ?? '',
          }
        : null,
  }));
}

function seatStateOf(status: string | null): SeatState {
  if (status === null) return 'open';
  return status === 'applicant' ? 'applicant' : 'held';
}

export function seatMap(db: Db): SeatMap {
  const spheres = db
    .select({ id: contactSpheres.id, name: contactSpheres.name, description: contactSpheres.description })
    .from(contactSpheres)
    .orderBy(sql`${contactSpheres.name} COLLATE NOCASE`)
    .all();
  const all = listClassificationsWithSeats(db);
  const groups: SeatMap['spheres'] = spheres.map((sphere) => ({
    ...sphere,
    classifications: all.filter((c) => c.sphereId === sphere.id),
  }));
  const unassigned = all.filter((c) => c.sphereId === null);
  if (unassigned.length > 0) {
    groups.push({ id: null, name: 'No contact sphere', description: 'Classifications not yet in a power team.', classifications: unassigned });
  }
  const counts = { held: 0, applicant: 0, open: 0 };
  for (const c of all) counts[c.seat] += 1;
  return { spheres: groups, counts };
}

/** The member currently holding (or reserving) a classification's seat, if any. */
export function currentSeatHolder(db: Db, classificationId: string, exceptMemberId?: string) {
  const row = db
    .select({
      id: members.id,
      name: holderName,
      status: members.status,
      joinedOn: members.joinedOn,
      classificationName: classifications.name,
      since: seatHistory.fromOn,
    })
    .from(members)
    .innerJoin(classifications, eq(classifications.id, members.classificationId))
    .leftJoin(seatHistory, and(eq(seatHistory.memberId, members.id), isNull(seatHistory.toOn)))
    .where(
      and(
        eq(members.classificationId, classificationId),
        inArray(members.status, [...seatHoldingStatuses]),
        exceptMemberId ? sql`${members.id} <> ${exceptMemberId}` : undefined,
      ),
    )
    .get();
  return row ? { ...row, since: row.since ?? row.joinedOn } : null;
}

/** "Real Estate — Residential is held by Dana Ruiz since 2025-03-04." */
export function seatTakenMessage(holder: NonNullable<ReturnType<typeof currentSeatHolder>>): string {
  const verb = holder.status === 'applicant' ? 'is reserved by applicant' : 'is held by';
  const leave = holder.status === 'on_leave' ? ' (on leave)' : '';
  return `${holder.classificationName} ${verb} ${holder.name}${leave} since ${holder.since}.`;
}

export function openTenure(db: Db, memberId: string, classificationId: string, fromOn: string): void {
  db.insert(seatHistory).values({ memberId, classificationId, fromOn }).run();
}

/**
 * A corrected join date moves the start of the member's first seat with it, when that seat began on
 * the old join date (it was opened from it): the member's page must not keep saying "Real estate
 * agent, 2001-02-01 – now" after 2001 was corrected to 2026. A start that would reach back into
 * another member's time in the same seat is refused: one of the two dates is wrong.
 */
export function followJoinDate(db: Db, memberId: string, oldJoinedOn: string, newJoinedOn: string): void {
  if (oldJoinedOn === newJoinedOn) return;
  const first = db
    .select({ id: seatHistory.id, classificationId: seatHistory.classificationId, fromOn: seatHistory.fromOn, toOn: seatHistory.toOn, seat: classifications.name })
    .from(seatHistory)
    .innerJoin(classifications, eq(classifications.id, seatHistory.classificationId))
    .where(eq(seatHistory.memberId, memberId))
    .orderBy(asc(seatHistory.fromOn), asc(sql`${seatHistory}.rowid`))
    .limit(1)
    .get();
  if (!first || first.fromOn !== oldJoinedOn) return;
  if (first.toOn !== null && first.toOn < newJoinedOn) {
    throw new LedgerError('conflict', `Joined on ${newJoinedOn} is after this member left the ${first.seat} seat (${first.toOn}): correct the join date or the seat history. Nothing was changed.`, 'joinedOn');
  }
  const overlap = db
    .select({ name: members.displayName, fromOn: seatHistory.fromOn, toOn: seatHistory.toOn })
    .from(seatHistory)
    .innerJoin(members, eq(members.id, seatHistory.memberId))
    .where(
      and(
        eq(seatHistory.classificationId, first.classificationId),
        sql`${seatHistory.memberId} <> ${memberId}`,
        sql`coalesce(${seatHistory.toOn}, '9999-12-31') > ${newJoinedOn}`,
        sql`${seatHistory.fromOn} < ${first.fromOn}`,
      ),
    )
    .get();
  if (overlap) {
    throw new LedgerError(
      'conflict',
      `Joined on ${newJoinedOn} is before ${overlap.name} left the ${first.seat} seat (${overlap.toOn ?? 'still holding it'}): correct one of the two dates. Nothing was changed.`,
      'joinedOn',
    );
  }
  db.update(seatHistory).set({ fromOn: newJoinedOn }).where(eq(seatHistory.id, first.id)).run();
}

/** Closes the member's open tenure; a tenure can't end before it began. */
export function closeTenure(db: Db, memberId: string, toOn: string): void {
  db.update(seatHistory)
    .set({ toOn: sql`max(${seatHistory.fromOn}, ${toOn})` })
    .where(and(eq(seatHistory.memberId, memberId), isNull(seatHistory.toOn)))
    .run();
}

/** Tenures matching `where`, newest first: one query for a seat's history and for a member's seats. */
function tenures(db: Db, where: SQL): SeatTenure[] {
  return db
    .select({
      classificationId: seatHistory.classificationId,
      classificationName: classifications.name,
      memberId: seatHistory.memberId,
      memberName: holderName,
      fromOn: seatHistory.fromOn,
      toOn: seatHistory.toOn,
    })
    .from(seatHistory)
    .innerJoin(classifications, eq(classifications.id, seatHistory.classificationId))
    .innerJoin(members, eq(members.id, seatHistory.memberId))
    .where(where)
    .orderBy(sql`${seatHistory.fromOn} DESC`, asc(seatHistory.createdAt))
    .all();
}

export const seatHistoryOf = (db: Db, classificationId: string) => tenures(db, eq(seatHistory.classificationId, classificationId));

export const tenuresOfMember = (db: Db, memberId: string) => tenures(db, eq(seatHistory.memberId, memberId));
