// Contact spheres (power teams) and the classifications (seats) grouped in them.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { classifications, contactSpheres, members, seatHistory, visitors } from '../db/schema';
import type { Classification, ContactSphere, ParsedInput } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';
import { listClassificationsWithSeats } from './seats';

/**
 * Two names for one seat or sphere: the same once spaces, letter case (in any script) and composed/decomposed
 * accents are set aside — also against a name saved before names were tidied (a chapter's seats are a few dozen).
 */
function sameListName(a: string, b: string): boolean {
  const key = (n: string) => n.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return key(a) === key(b);
}

export function listContactSpheres(db: Db): ContactSphere[] {
  return db
    .select({
      id: contactSpheres.id,
      name: contactSpheres.name,
      description: contactSpheres.description,
      // contact_spheres.id spelled out: drizzle would leave it unqualified, and c.id would shadow it.
      classificationCount: sql<number>`(SELECT count(*) FROM classifications c WHERE c.sphere_id = contact_spheres.id)`,
    })
    .from(contactSpheres)
    .orderBy(sql`${contactSpheres.name} COLLATE NOCASE`)
    .all();
}

function sphereById(db: Db, id: string): ContactSphere | undefined {
  return listContactSpheres(db).find((s) => s.id === id);
}

export function saveContactSphere(db: Db, input: ParsedInput<'saveContactSphere'>): ContactSphere {
  return db.transaction((tx) => {
    const clash = tx.select({ id: contactSpheres.id, name: contactSpheres.name }).from(contactSpheres).all().find((s) => s.id !== input.id && sameListName(s.name, input.name));
    if (clash) {
      throw new LedgerError('conflict', `There is already a contact sphere called "${input.name}".`, 'name');
    }
    if (input.id) {
      const before = sphereById(tx, input.id);
      if (!before) throw new LedgerError('not_found', 'That contact sphere no longer exists.', 'id');
      tx.update(contactSpheres)
        .set({ name: input.name, description: input.description })
        .where(eq(contactSpheres.id, input.id))
        .run();
      const after = sphereById(tx, input.id)!;
      recordAudit(tx, { action: 'update', entity: 'contact_sphere', entityId: input.id, before, after });
      return after;
    }
    const created = tx
      .insert(contactSpheres)
      .values({ name: input.name, description: input.description })
      .returning({ id: contactSpheres.id })
      .get();
    const after = sphereById(tx, created.id)!;
    recordAudit(tx, { action: 'insert', entity: 'contact_sphere', entityId: created.id, after });
    return after;
  });
}

export function deleteContactSphere(db: Db, id: string): { done: true } {
  return db.transaction((tx) => {
    const before = sphereById(tx, id);
    if (!before) throw new LedgerError('not_found', 'That contact sphere no longer exists.', 'id');
    // Each classification that leaves the sphere is a change of its own, in the log with the sphere's name.
    const moved = tx.select().from(classifications).where(eq(classifications.sphereId, id)).all();
    tx.update(classifications).set({ sphereId: null }).where(eq(classifications.sphereId, id)).run();
    for (const c of moved) {
      recordAudit(tx, { action: 'update', entity: 'classification', entityId: c.id, before: c, after: { ...c, sphereId: null }, reason: `The contact sphere ${before.name} was deleted` });
    }
    tx.delete(contactSpheres).where(eq(contactSpheres.id, id)).run();
    recordAudit(tx, { action: 'delete', entity: 'contact_sphere', entityId: id, before });
    return { done: true as const };
  });
}

export function listClassifications(db: Db): Classification[] {
  return listClassificationsWithSeats(db);
}

function classificationById(db: Db, id: string): Classification | undefined {
  return listClassificationsWithSeats(db).find((c) => c.id === id);
}

export function requireClassification(db: Db, id: string, field = 'classificationId') {
  const found = db.select().from(classifications).where(eq(classifications.id, id)).get();
  if (!found) throw new LedgerError('not_found', 'Choose a classification from the list (that one does not exist).', field);
  return found;
}

export function saveClassification(db: Db, input: ParsedInput<'saveClassification'>, reason = ''): Classification {
  return db.transaction((tx) => {
    const clash = tx.select({ id: classifications.id, name: classifications.name }).from(classifications).all().find((c) => c.id !== input.id && sameListName(c.name, input.name));
    if (clash) {
      throw new LedgerError('conflict', `There is already a classification called "${input.name}".`, 'name');
    }
    if (input.sphereId && !sphereById(tx, input.sphereId)) {
      throw new LedgerError('not_found', 'Choose a contact sphere from the list (that one does not exist).', 'sphereId');
    }
    if (input.id) {
      const before = classificationById(tx, input.id);
      if (!before) throw new LedgerError('not_found', 'That classification no longer exists.', 'id');
      tx.update(classifications)
        .set({ name: input.name, sphereId: input.sphereId })
        .where(eq(classifications.id, input.id))
        .run();
      const after = classificationById(tx, input.id)!;
      recordAudit(tx, { action: 'update', entity: 'classification', entityId: input.id, before, after });
      return after;
    }
    const created = tx
      .insert(classifications)
      .values({ name: input.name, sphereId: input.sphereId })
      .returning({ id: classifications.id })
      .get();
    const after = classificationById(tx, created.id)!;
    recordAudit(tx, { action: 'insert', entity: 'classification', entityId: created.id, after, reason });
    return after;
  });
}

/** Several classifications into one sphere in one transaction: every one is moved, or none (one audit entry each). */
export function moveClassificationsToSphere(db: Db, input: ParsedInput<'moveClassificationsToSphere'>): Classification[] {
  return db.transaction((tx) => {
    if (input.sphereId && !sphereById(tx, input.sphereId)) {
      throw new LedgerError('not_found', 'Choose a contact sphere from the list (that one does not exist).', 'sphereId');
    }
    const all = new Map(listClassificationsWithSeats(tx).map((c) => [c.id, c]));
    const ids = [...new Set(input.classificationIds)];
    const missing = ids.filter((id) => !all.has(id));
    if (missing.length > 0) {
      throw new LedgerError('not_found', `${missing.length} of the ticked classifications no longer exist: refresh the list and tick them again.`, 'classificationIds');
    }
    for (const id of ids) {
      const before = all.get(id)!;
      if (before.sphereId === input.sphereId) continue;
      tx.update(classifications).set({ sphereId: input.sphereId }).where(eq(classifications.id, id)).run();
      recordAudit(tx, { action: 'update', entity: 'classification', entityId: id, before, after: classificationById(tx, id)! });
    }
    const after = new Map(listClassificationsWithSeats(tx).map((c) => [c.id, c]));
    return ids.map((id) => after.get(id)!);
  });
}

/** "A", "A and B", "A, B and 3 others". */
function listed(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return names.length === 3 ? `${names[0]}, ${names[1]} and ${names[2]}` : `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}

/** Only a classification nobody ever held can go: history must keep who held which seat. */
export function deleteClassification(db: Db, id: string): { done: true } {
  return db.transaction((tx) => {
    const before = classificationById(tx, id);
    if (!before) throw new LedgerError('not_found', 'That classification no longer exists.', 'id');
    // Said as it is: who holds the seat, who held it, who seeks it (a move to another sphere would not help).
    const holders = tx.select({ id: members.id, name: members.displayName, status: members.status }).from(members).where(eq(members.classificationId, id)).orderBy(members.sortName).all();
    const current = holders.filter((m) => m.status !== 'former');
    // Everyone who ever held it (their seat history, or a former member still filed under it), less those holding it now.
    const everHeld = new Set([...tx.selectDistinct({ id: seatHistory.memberId }).from(seatHistory).where(eq(seatHistory.classificationId, id)).all().map((r) => r.id), ...holders.map((m) => m.id)]);
    for (const m of current) everHeld.delete(m.id);
    const past = everHeld.size;
    const visitorCount = tx.select({ n: sql<number>`count(*)` }).from(visitors).where(eq(visitors.classificationId, id)).get()!.n;
    if (current.length + past + visitorCount > 0) {
      const parts: string[] = [];
      if (current.length) parts.push(`it is the seat of ${listed(current.map((m) => m.name))}`);
      if (past > 0) parts.push(`${past} member${past === 1 ? '' : 's'} held it before`);
      if (visitorCount > 0) parts.push(`${visitorCount} visitor${visitorCount === 1 ? '' : 's'} sought it`);
      throw new LedgerError(
        'conflict',
        `${before.name} cannot be removed: ${parts.join(', and ')}, and the chapter's history keeps who held which seat. Nothing was removed; a classification nobody has held can be removed.`,
        'id',
      );
    }
    tx.delete(classifications).where(eq(classifications.id, id)).run();
    recordAudit(tx, { action: 'delete', entity: 'classification', entityId: id, before });
    return { done: true as const };
  });
}
