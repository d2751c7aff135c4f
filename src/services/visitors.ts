// The visitor pipeline. The visitor slips recorded at meetings are the visits; a prospect is the
// person behind them (a visitor who comes back is matched by name plus e-mail or phone), with a
// follow-up stage, the last contact and, once they apply, the member record they became.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { applications, classifications, leadershipPolicies, prospects, prospectVisits } from '../db/schema';
import type { ParsedInput, Prospect, VisitorsPipeline } from '../shared/contract';
import { addDays } from '../shared/dates';
import { openProspectStages, type ProspectStage } from '../shared/domain';
import { visitorsPageSize } from '../shared/leadership-schemas';
import { chapterToday } from './chapter';
import { LedgerError } from '../shared/errors';
import { foldName } from '../shared/names';
import { recordAudit } from './audit';
import { auditAppender } from './audit-chain';
import { addMember } from './members';
import { getLeadershipPolicies } from './leadership-policies';
import { currentSeatHolder, seatTakenMessage } from './seats';

interface UnlinkedVisit {
  id: string;
  name: string;
  company: string;
  phone: string;
  email: string;
  classificationSought: string;
  classificationId: string | null;
  invitedById: string | null;
  followUp: string;
  meetingOn: string;
}

interface ProspectKey {
  id: string;
  folded: string;
  phone: string;
  email: string;
  stage: ProspectStage;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * The same person when the names match and the contact details do not contradict each other:
 * a shared e-mail or phone, or one side recorded without any.
 */
export function samePerson(a: { name: string; email: string; phone: string }, b: { name: string; email: string; phone: string }): boolean {
  if (foldName(a.name) !== foldName(b.name)) return false;
  const aHas = a.email !== '' || a.phone !== '';
  const bHas = b.email !== '' || b.phone !== '';
  if (!aHas || !bHas) return true;
  if (a.email && b.email && a.email.toLowerCase() === b.email.toLowerCase()) return true;
  if (a.phone && b.phone && digits(a.phone) === digits(b.phone)) return true;
  return false;
}

/** Meeting-night follow-up marks, read once when the pipeline first sees a slip. */
const stageFromSlip: Record<string, ProspectStage> = {
  new: 'visited',
  contacted: 'followed_up',
  invited_back: 'invited_back',
  applied: 'visited',
  not_interested: 'not_now',
};

/** The connection under a drizzle handle or transaction (the same one: raw statements run inside the caller's transaction). */
function clientOf(db: Db): Database.Database {
  const handle = db as unknown as { $client?: Database.Database; session?: { client?: Database.Database } };
  const client = handle.$client ?? handle.session?.client;
  if (!client) throw new Error('The visitor pipeline needs the chapter file\'s own connection.');
  return client;
}

interface KnownPeople {
  /** count, newest rowid and newest change of the prospects when the map was made: a change anywhere else makes it anew. */
  generation: string;
  byName: Map<string, ProspectKey[]>;
}
/** The people already in the pipeline by folded name, kept per open file between looks (folding 50,000 names is not free). */
const knownPeople = new WeakMap<Database.Database, KnownPeople>();
// Three separate reads, so each is answered by SQLite's shortcuts (the table's count, the last rowid, the
// end of the updated_at index); as one aggregate it read every person's index entry (5 ms at 50,000, twice a save).
const generationSql =
  "SELECT (SELECT count(*) FROM prospects) || '|' || coalesce((SELECT max(rowid) FROM prospects), 0) || '|' || coalesce((SELECT max(updated_at) FROM prospects), '')";

function peopleByName(client: Database.Database): KnownPeople {
  const generation = client.prepare(generationSql).pluck().get() as string;
  const kept = knownPeople.get(client);
  if (kept && kept.generation === generation) return kept;
  const byName = new Map<string, ProspectKey[]>();
  // Newest first, as the list was searched before: the newest person of a name wins.
  const rows = client.prepare('SELECT id, name, phone, email, stage FROM prospects ORDER BY created_at DESC').all() as Array<Omit<ProspectKey, 'folded'> & { name: string }>;
  for (const p of rows) {
    const folded = foldName(p.name);
    const list = byName.get(folded);
    const key = { id: p.id, folded, phone: p.phone, email: p.email, stage: p.stage };
    if (list) list.push(key);
    else byName.set(folded, [key]);
  }
  const made = { generation, byName };
  knownPeople.set(client, made);
  return made;
}

/** While a backlog is linked a batch at a time: the newest slip change (or the time, if earlier) when its first batch began. */
const backlogSince = new WeakMap<Database.Database, string>();
const nowIso = () => new Date().toISOString();

/** A screen links new visitor slips itself while it opens up to this many; beyond, they are linked behind the screens (a file from before the pipeline, a big import). */
export const visitorSlipsLinkedWhileOpening = 500;

/** Visitor slips not yet linked to a person (the pipeline's backlog). */
export function visitorSlipsNotLinked(db: Db): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM visitors v WHERE v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM prospect_visits pv WHERE pv.visitor_id = v.id)`)!.n;
}

/**
 * What a screen does before it reads the pipeline: new visitor slips since the last look are linked
 * now when they are few (the usual case: a meeting's visitors); when there are many (an old file's
 * whole history, a large import), none are linked here and the answer is how many wait, so the screen
 * opens at once with what is linked so far and says the rest is on its way (server/visitor-linking.ts
 * links them a batch at a time behind the screens).
 */
export function lookAtVisitorSlips(tx: Db): number {
  const { through, newest } = pipelineMarks(tx);
  if (newest === null || newest < through) return 0;
  const changed = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM visitors WHERE updated_at >= ${through} LIMIT ${visitorSlipsLinkedWhileOpening + 1})`)!.n;
  if (changed <= visitorSlipsLinkedWhileOpening) {
    syncVisitorPipeline(tx);
    return 0;
  }
  // Many changed slips, but perhaps only a few not linked yet (a file whose slips were linked by a
  // version that left its mark on their shared time): counted before deciding.
  const waiting = visitorSlipsNotLinked(tx);
  if (waiting <= visitorSlipsLinkedWhileOpening) {
    syncVisitorPipeline(tx);
    return 0;
  }
  return waiting;
}

function pipelineMarks(tx: Db): { through: string; newest: string | null } {
  const through = tx.get<{ at: string | null }>(sql`SELECT pipeline_synced_through AS at FROM leadership_policies`)?.at ?? '';
  const newest = tx.get<{ at: string | null }>(sql`SELECT max(updated_at) AS at FROM visitors`)?.at ?? null;
  return { through, newest };
}

const prospectColumns = `id, name, company, phone, email, classification_sought AS classificationSought, classification_id AS classificationId,
  invited_by_id AS invitedById, stage, last_contact_on AS lastContactOn, note, member_id AS memberId, created_at AS createdAt, updated_at AS updatedAt`;

/**
 * Links visitor slips not yet in the pipeline to their person, creating the person on a first visit.
 * Slips reach the ledger on meeting night, by import or from the demo; whichever way, the pipeline
 * picks them up here, oldest visit first, in the caller's transaction. `limit`: at most that many
 * slips this time (the oldest); the look is complete (and the watermark moves) only when none is
 * left. Returns how many slips were linked or followed.
 */
export function syncVisitorPipeline(tx: Db, limit = Number.POSITIVE_INFINITY): number {
  // Only slips written or changed since the last complete look: the watermark keeps this a search, not a scan.
  const { through, newest } = pipelineMarks(tx);
  if (newest === null || newest < through) return 0;
  // Slips corrected since they were linked first: one that is no longer its person's is linked afresh below.
  const client = clientOf(tx);
  const amended = followAmendedSlips(tx, backlogSince.get(client) ?? through);
  const bounded = Number.isFinite(limit);
  const found = tx.all<UnlinkedVisit>(sql`
    SELECT v.id, v.name, v.company, v.phone, v.email, v.classification_sought AS classificationSought,
      v.classification_id AS classificationId, v.invited_by_id AS invitedById, v.follow_up AS followUp, m.meeting_on AS meetingOn
    FROM visitors v JOIN meetings m ON m.id = v.meeting_id
    WHERE v.updated_at >= ${through} AND v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM prospect_visits pv WHERE pv.visitor_id = v.id)
    ORDER BY m.meeting_on, v.created_at, v.id ${bounded ? sql`LIMIT ${limit + 1}` : sql``}`);
  const complete = !bounded || found.length <= limit;
  const unlinked = complete ? found : found.slice(0, limit);
  if (complete) backlogSince.delete(client);
  // A backlog linked a batch at a time: from the second batch on, only slips changed since the
  // first (never a slip's link is older than that) can have been corrected after their link.
  // ("~" puts the mark just past that time: a correction comes after a link, so strictly later.)
  else if (!backlogSince.has(client)) backlogSince.set(client, `${[newest, nowIso()].sort()[0]!}~`);
  // Once the clock has moved past the newest change, no slip can be written with its time any more:
  // the mark goes just past it (a "~" sorts after the time and before any later one), so the next
  // look finds nothing to do at once even when thousands of slips share that time (one bulk write).
  const mark = complete ? (newest < nowIso() ? `${newest}~` : newest) : through;
  if (mark !== through) {
    const row = tx.select({ id: leadershipPolicies.id }).from(leadershipPolicies).get();
    if (row) tx.update(leadershipPolicies).set({ pipelineSyncedThrough: mark }).where(eq(leadershipPolicies.id, row.id)).run();
    else tx.insert(leadershipPolicies).values({ pipelineSyncedThrough: mark }).run();
  }
  return amended + linkVisits(tx, unlinked);
}

/**
 * A visitor slip just written (typed on meeting night, corrected, brought back by undo, imported) is
 * linked to its person in the same transaction, so the Visitors list and This week never miss it,
 * whatever is still waiting from earlier.
 * - Nothing waiting (the usual case): the same look a screen takes — every slip since the last look,
 *   oldest visit first, corrections followed — now, in the save.
 * - A backlog waiting (an older file's history, a large import, linked behind the screens oldest
 *   first): the backlog's rule is that a person is made from their FIRST visit and later visits join
 *   them; that order matters only among slips of one name (people are matched by name, then contact
 *   details). So the waiting slips of the saved slip's name are linked first, oldest first, then the
 *   saved slip; a corrected slip already linked is followed on its own. Every other name waits for its
 *   turn in the backlog, in its own order.
 */
export function linkSavedVisitorSlips(tx: Db, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const { through } = pipelineMarks(tx);
  const changed = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM visitors WHERE updated_at >= ${through} LIMIT ${visitorSlipsLinkedWhileOpening + 1})`)!.n;
  if (changed <= visitorSlipsLinkedWhileOpening) {
    syncVisitorPipeline(tx);
    return;
  }
  const client = clientOf(tx);
  const saved = client.prepare('SELECT name FROM visitors WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').pluck().all(JSON.stringify(ids)) as string[];
  if (saved.length === 0) return;
  // A saved slip linked before and corrected now: followed at once (the person takes the corrected details, or the visit moves).
  followAmendedSlips(tx, through, ids);
  const names = new Set(saved.map(foldName));
  const sameName: string[] = [];
  const waiting = client.prepare('SELECT v.id, v.name FROM visitors v WHERE v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM prospect_visits pv WHERE pv.visitor_id = v.id)');
  for (const row of waiting.iterate() as IterableIterator<{ id: string; name: string }>) if (names.has(foldName(row.name))) sameName.push(row.id);
  linkVisits(tx, unlinkedVisits(tx, sameName));
}

/** These slips as the pipeline links them, oldest visit first (the order a person's first visit relies on). */
function unlinkedVisits(tx: Db, ids: readonly string[]): UnlinkedVisit[] {
  if (ids.length === 0) return [];
  return tx.all<UnlinkedVisit>(sql`
    SELECT v.id, v.name, v.company, v.phone, v.email, v.classification_sought AS classificationSought,
      v.classification_id AS classificationId, v.invited_by_id AS invitedById, v.follow_up AS followUp, m.meeting_on AS meetingOn
    FROM visitors v JOIN meetings m ON m.id = v.meeting_id
    WHERE v.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM prospect_visits pv WHERE pv.visitor_id = v.id)
    ORDER BY m.meeting_on, v.created_at, v.id`);
}

/** Links these slips (oldest visit first) to their person, making the person on a first visit; audited. */
function linkVisits(tx: Db, unlinked: readonly UnlinkedVisit[]): number {
  if (unlinked.length === 0) return 0;
  const client = clientOf(tx);
  // Prepared once per file (the statement cache keeps them): a backlog of 50,000 slips is 50,000 of each.
  const known = peopleByName(client);
  const readProspect = client.prepare(`SELECT ${prospectColumns} FROM prospects WHERE id = ?`);
  const insertProspect = client.prepare(
    `INSERT INTO prospects (id, name, company, phone, email, classification_sought, classification_id, invited_by_id, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${prospectColumns}`,
  );
  const link = client.prepare('INSERT INTO prospect_visits (visitor_id, prospect_id) VALUES (?, ?)');
  const fillIn = client.prepare("UPDATE prospects SET email = ?, phone = ?, company = ?, stage = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
  // A file still at a schema from before the audit chain (only the tests of older migrations look there) is audited the usual way.
  const chained = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'").get() !== undefined;
  const appendAudit = chained ? auditAppender(client) : null;
  const audit = (entry: { action: 'insert' | 'update'; entityId: string; before?: unknown; after: unknown; reason: string }) =>
    appendAudit === null ? recordAudit(tx, { ...entry, entity: 'prospect' }) : appendAudit({
      id: randomUUID(),
      action: entry.action,
      entity: 'prospect',
      entityId: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: JSON.stringify(entry.after),
      reason: entry.reason,
    });
  for (const visit of unlinked) {
    const folded = foldName(visit.name);
    const match = known.byName.get(folded)?.find((p) => samePerson({ name: visit.name, email: visit.email, phone: visit.phone }, { name: visit.name, email: p.email, phone: p.phone }));
    if (match) {
      const before = readProspect.get(match.id) as typeof prospects.$inferSelect;
      const fill = {
        ...(before.email === '' && visit.email ? { email: visit.email } : {}),
        ...(before.phone === '' && visit.phone ? { phone: visit.phone } : {}),
        ...(before.company === '' && visit.company ? { company: visit.company } : {}),
        // Someone who said "not now" and came back is back in the pipeline.
        ...(before.stage === 'not_now' ? { stage: 'visited' as const } : {}),
      };
      link.run(visit.id, match.id);
      if (Object.keys(fill).length > 0) {
        const after = { ...before, ...fill };
        fillIn.run(after.email, after.phone, after.company, after.stage, match.id);
        Object.assign(match, fill);
        audit({ action: 'update', entityId: match.id, before, after, reason: `Visited again on ${visit.meetingOn}` });
      }
      continue;
    }
    const created = insertProspect.get(
      randomUUID(),
      visit.name,
      visit.company,
      visit.phone,
      visit.email,
      visit.classificationSought,
      visit.classificationId,
      visit.invitedById,
      stageFromSlip[visit.followUp] ?? 'visited',
    ) as typeof prospects.$inferSelect;
    link.run(visit.id, created.id);
    audit({ action: 'insert', entityId: created.id, after: created, reason: `First visit on ${visit.meetingOn}` });
    const key = { id: created.id, folded, phone: created.phone, email: created.email, stage: created.stage };
    const list = known.byName.get(folded);
    // Newest first: this person is now the newest of their name.
    if (list) list.unshift(key);
    else known.byName.set(folded, [key]);
  }
  known.generation = client.prepare(generationSql).pluck().get() as string;
  return unlinked.length;
}

/**
 * A visitor slip amended after the pipeline linked it (the secretary corrects "Kara Lnd" to "Kara
 * Lind", or adds her e-mail): a person known from that one slip alone takes the corrected details.
 * When the corrected slip is now plainly someone already known (same name, contact details agree)
 * and nothing was done yet about the one-slip person (still "visited", no contact, no note, not
 * applied), the visit moves to the person already known, so one visitor is not listed twice.
 * A person whose follow-up has started keeps it. A person with several visits keeps their name;
 * a visit corrected to someone else leaves them and is linked like a new slip. Audited.
 */
function followAmendedSlips(tx: Db, through: string, only?: readonly string[]): number {
  const changed = tx.all<UnlinkedVisit & { prospectId: string; slips: number }>(sql`
    SELECT v.id, v.name, v.company, v.phone, v.email, v.classification_sought AS classificationSought,
      v.classification_id AS classificationId, v.invited_by_id AS invitedById, v.follow_up AS followUp, m.meeting_on AS meetingOn,
      pv.prospect_id AS prospectId,
      (SELECT count(*) FROM prospect_visits o CROSS JOIN visitors ov ON ov.id = o.visitor_id WHERE o.prospect_id = pv.prospect_id AND ov.deleted_at IS NULL) AS slips
    FROM visitors v JOIN meetings m ON m.id = v.meeting_id CROSS JOIN prospect_visits pv ON pv.visitor_id = v.id
    WHERE ${only ? sql`v.id IN (SELECT value FROM json_each(${JSON.stringify(only)}))` : sql`v.updated_at >= ${through}`} AND v.deleted_at IS NULL AND v.updated_at > pv.updated_at`);
  let followed = 0;
  // Each slip is followed once per change: its link remembers when it last looked.
  const looked = clientOf(tx).prepare("UPDATE prospect_visits SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE visitor_id = ?");
  for (const slip of changed) looked.run(slip.id);
  for (const slip of changed) {
    const before = tx.select().from(prospects).where(eq(prospects.id, slip.prospectId)).get();
    if (!before) continue;
    if (slip.slips > 1) {
      // One of several visits corrected to someone else ("Sam Lee" was Sam Leigh that week): that
      // visit leaves this person, who keeps the others and their follow-up, and is linked afresh.
      if (!samePerson({ name: slip.name, email: slip.email, phone: slip.phone }, before)) {
        tx.delete(prospectVisits).where(eq(prospectVisits.visitorId, slip.id)).run();
        recordAudit(tx, { action: 'update', entity: 'prospect', entityId: before.id, before: { visitorId: slip.id, meetingOn: slip.meetingOn }, reason: `Visit on ${slip.meetingOn} is no longer ${before.name}'s: the slip was corrected to ${slip.name}` });
        followed++;
      }
      continue;
    }
    if (before.memberId !== null) continue;
    const details = { name: slip.name, company: slip.company, phone: slip.phone, email: slip.email, classificationSought: slip.classificationSought };
    if (Object.entries(details).every(([k, v]) => before[k as keyof typeof details] === v)) continue;
    followed++;
    const untouched = before.stage === 'visited' && before.lastContactOn === null && before.note === '';
    const known = untouched
      ? tx
          .all<{ id: string; name: string; email: string; phone: string }>(sql`SELECT id, name, email, phone FROM prospects WHERE id <> ${before.id} ORDER BY created_at`)
          .find((p) => samePerson({ name: slip.name, email: slip.email, phone: slip.phone }, p))
      : undefined;
    if (known) {
      tx.update(prospectVisits).set({ prospectId: known.id }).where(eq(prospectVisits.visitorId, slip.id)).run();
      recordAudit(tx, { action: 'update', entity: 'prospect', entityId: known.id, after: { visitorId: slip.id, meetingOn: slip.meetingOn }, reason: `Visit on ${slip.meetingOn} joined ${known.name}: the slip was corrected to their name` });
      continue;
    }
    tx.update(prospects).set(details).where(eq(prospects.id, before.id)).run();
    recordAudit(tx, { action: 'update', entity: 'prospect', entityId: before.id, before, after: { ...before, ...details }, reason: `Visitor slip of ${slip.meetingOn} corrected` });
  }
  return followed;
}

interface ProspectRow extends Omit<Prospect, 'visits' | 'stale' | 'atVisitLimit' | 'seat'> {
  visitCount: number;
  seatStatus: string | null;
  resolvedClassificationId: string | null;
}

/** Every person with at least one live visit, with seat, visits and staleness; one query plus one for the visits. */
export function readProspects(db: Db, today: string, where: 'all' | 'open' = 'all', id?: string, ids?: readonly string[]): Prospect[] {
  if (ids && ids.length === 0) return [];
  const only = ids ? sql`p.id IN (${sql.join(ids.map((one) => sql`${one}`), sql`, `)})` : null;
  const policies = getLeadershipPolicies(db);
  const rows = db.all<ProspectRow>(sql`
    WITH pv AS (
      -- CROSS JOIN keeps SQLite from reading every visitor slip: the links lead, each slip is found by its id.
      SELECT pv.prospect_id, count(DISTINCT m.id) AS visitCount, min(m.meeting_on) AS firstVisitOn, max(m.meeting_on) AS lastVisitOn
      FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
      WHERE v.deleted_at IS NULL ${id ? sql`AND pv.prospect_id = ${id}` : only ? sql`AND pv.prospect_id IN (${sql.join(ids!.map((one) => sql`${one}`), sql`, `)})` : sql``}
      GROUP BY pv.prospect_id
    ), p AS (
      SELECT p.*, coalesce(p.classification_id, (SELECT c.id FROM classifications c WHERE c.name = p.classification_sought COLLATE NOCASE)) AS cid
      FROM prospects p
    )
    SELECT p.id, p.name, p.company, p.phone, p.email, p.classification_sought AS classificationSought, p.classification_id AS classificationId,
      p.cid AS resolvedClassificationId,
      (SELECT h.display_name FROM members h WHERE h.classification_id = p.cid AND h.status IN ('applicant', 'active', 'on_leave')) AS seatHolder,
      (SELECT h.status FROM members h WHERE h.classification_id = p.cid AND h.status IN ('applicant', 'active', 'on_leave')) AS seatStatus,
      p.invited_by_id AS invitedById, i.display_name AS invitedByName,
      p.stage, p.last_contact_on AS lastContactOn, p.note, pv.visitCount, pv.firstVisitOn, pv.lastVisitOn,
      CAST(julianday(${today}) - julianday(max(coalesce(p.last_contact_on, pv.lastVisitOn), pv.lastVisitOn)) AS INTEGER) AS daysSinceContact,
      p.member_id AS memberId, mm.status AS memberStatus
    FROM p JOIN pv ON pv.prospect_id = p.id
    LEFT JOIN members i ON i.id = p.invited_by_id
    LEFT JOIN members mm ON mm.id = p.member_id
    WHERE ${id ? sql`p.id = ${id}` : only ?? (where === 'open' ? sql`p.stage IN ('visited', 'followed_up', 'invited_back')` : sql`1 = 1`)}
    ORDER BY pv.lastVisitOn DESC, p.name COLLATE NOCASE, p.id`);
  const visits = db.all<{ prospectId: string; visitorId: string; meetingOn: string; invitedByName: string | null }>(sql`
    SELECT pv.prospect_id AS prospectId, v.id AS visitorId, m.meeting_on AS meetingOn, i.display_name AS invitedByName
    FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
    LEFT JOIN members i ON i.id = v.invited_by_id
    WHERE v.deleted_at IS NULL ${id ? sql`AND pv.prospect_id = ${id}` : ids ? sql`AND pv.prospect_id IN (${sql.join(ids.map((one) => sql`${one}`), sql`, `)})` : sql``}
    -- Two slips for one person at one meeting show as the one entered first (not whichever the plan met first).
    ORDER BY m.meeting_on, v.created_at, v.rowid`);
  const byProspect = new Map<string, Prospect['visits']>();
  for (const v of visits) {
    const list = byProspect.get(v.prospectId) ?? [];
    // Two slips for one person at one meeting are one visit.
    if (list.some((seen) => seen.meetingOn === v.meetingOn)) continue;
    list.push({ visitorId: v.visitorId, meetingOn: v.meetingOn, invitedByName: v.invitedByName });
    byProspect.set(v.prospectId, list);
  }
  const open = (stage: ProspectStage) => (openProspectStages as readonly string[]).includes(stage);
  return rows.map(({ visitCount, seatStatus, resolvedClassificationId, ...row }) => ({
    ...row,
    classificationId: resolvedClassificationId,
    seat: resolvedClassificationId === null ? 'unknown' : seatStatus === null ? 'open' : seatStatus === 'applicant' ? 'applicant' : 'held',
    // The applicant's own seat is theirs, not someone else's.
    seatHolder: row.memberId && row.memberStatus !== 'former' ? null : row.seatHolder,
    visits: byProspect.get(row.id) ?? [],
    stale: open(row.stage) && row.daysSinceContact > policies.staleFollowUpDays,
    atVisitLimit: open(row.stage) && visitCount >= policies.visitLimit,
  }));
}

interface ProspectListing {
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  classificationSought: string;
  invitedByName: string | null;
}

/**
 * Whether a visitor answers a search: every word of it is found in their name, company, e-mail,
 * the seat they want or who invited them, case and accents ignored ("maria jose" finds
 * "María José García López", "小龍" finds "李小龍"); a word of 3 digits or more may also be in the phone.
 */
export function visitorMatches(p: Omit<ProspectListing, 'id'>, search: string): boolean {
  const words = foldName(search).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const text = foldName([p.name, p.company, p.email, p.classificationSought, p.invitedByName ?? ''].join(' '));
  const phone = digits(p.phone);
  return words.every((word) => text.includes(word) || (digits(word).length >= 3 && phone.includes(digits(word))));
}

/** Whether the file keeps each person's last-visit day (every file the app opens does; only the tests of older migrations read files from before it). */
const lastVisitKept = new WeakMap<Database.Database, boolean>();
function keepsLastVisit(tx: Db): boolean {
  const client = clientOf(tx);
  let kept = lastVisitKept.get(client);
  if (kept === undefined) {
    kept = client.prepare("SELECT 1 FROM pragma_table_info('prospects') WHERE name = 'last_visit_on'").get() !== undefined;
    lastVisitKept.set(client, kept);
  }
  return kept;
}

/** The counts of a file from before the stored last-visit day, from the visits themselves. */
function countsFromVisits(tx: Db): VisitorsPipeline['conversion'] & { open: number } {
  return tx.get<VisitorsPipeline['conversion'] & { open: number }>(sql`
    SELECT count(*) AS visitors, coalesce(sum(p.member_id IS NOT NULL), 0) AS applied, coalesce(sum(p.stage = 'joined'), 0) AS joined,
      coalesce(sum(p.stage IN ('visited', 'followed_up', 'invited_back')), 0) AS open
    FROM prospects p WHERE EXISTS (SELECT 1 FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id WHERE pv.prospect_id = p.id AND v.deleted_at IS NULL)`)!;
}

export function listVisitors(
  db: Db,
  asked: Pick<ParsedInput<'listVisitors'>, 'show'> & Partial<ParsedInput<'listVisitors'>>,
  today: string = chapterToday(db),
): VisitorsPipeline {
  const input = { search: '', page: 1, pageSize: visitorsPageSize, ...asked };
  return db.transaction((tx) => {
    const waiting = lookAtVisitorSlips(tx);
    const policies = getLeadershipPolicies(tx);
    // The counts: one pass over the people's stored last-visit days (an index), not over every visit of every person.
    const counts = keepsLastVisit(tx)
      ? tx.get<VisitorsPipeline['conversion'] & { open: number }>(sql`
          SELECT count(*) AS visitors, coalesce(sum(member_id IS NOT NULL), 0) AS applied, coalesce(sum(stage = 'joined'), 0) AS joined,
            coalesce(sum(stage IN ('visited', 'followed_up', 'invited_back')), 0) AS open
          FROM prospects WHERE last_visit_on IS NOT NULL`)!
      : countsFromVisits(tx);
    const conversion = { visitors: counts.visitors, applied: counts.applied, joined: counts.joined };
    const open = input.show === 'open';
    let total: number;
    let page: number;
    let ids: string[];
    if (input.search === '') {
      // No search: the page is read in the list's order from the people's last-visit days (the first
      // pages read a page, not every visitor ever), and the count is the one above. (INDEXED BY: the
      // last-visit index gives the order and holds the stage; SQLite otherwise sorts every visitor
      // — or every open one, through the stage index — for one page: 30–60 ms at 50,000.)
      total = open ? counts.open : conversion.visitors;
      page = Math.min(input.page, Math.max(1, Math.ceil(total / input.pageSize)));
      ids = keepsLastVisit(tx)
        ? tx.all<{ id: string }>(sql`
            SELECT id FROM prospects INDEXED BY prospects_last_visit WHERE last_visit_on IS NOT NULL ${open ? sql`AND stage IN ('visited', 'followed_up', 'invited_back')` : sql``}
            ORDER BY last_visit_on DESC, name COLLATE NOCASE, id LIMIT ${input.pageSize} OFFSET ${(page - 1) * input.pageSize}`).map((r) => r.id)
        : newestVisitorsPage(tx, open, (page - 1) * input.pageSize, input.pageSize);
    } else {
      // The searchable fields of everyone in view, in the list's order; only the page asked for is read in full.
      const listing = tx.all<ProspectListing>(sql`
        WITH pv AS (
          SELECT pv.prospect_id, max(m.meeting_on) AS lastVisitOn
          FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
          WHERE v.deleted_at IS NULL GROUP BY pv.prospect_id
        )
        SELECT p.id, p.name, p.company, p.email, p.phone, p.classification_sought AS classificationSought, i.display_name AS invitedByName
        FROM prospects p JOIN pv ON pv.prospect_id = p.id LEFT JOIN members i ON i.id = p.invited_by_id
        WHERE ${open ? sql`p.stage IN ('visited', 'followed_up', 'invited_back')` : sql`1 = 1`}
        ORDER BY pv.lastVisitOn DESC, p.name COLLATE NOCASE, p.id`);
      const matching = listing.filter((p) => visitorMatches(p, input.search));
      total = matching.length;
      page = Math.min(input.page, Math.max(1, Math.ceil(total / input.pageSize)));
      ids = matching.slice((page - 1) * input.pageSize, page * input.pageSize).map((p) => p.id);
    }
    return {
      staleFollowUpDays: policies.staleFollowUpDays,
      visitLimit: policies.visitLimit,
      prospects: readProspects(tx, today, input.show, undefined, ids),
      total,
      page,
      pageSize: input.pageSize,
      conversion,
      visitorSlipsWaiting: waiting,
    };
  });
}

/**
 * One page of the visitors list (newest visit first, then by name) without reading the whole list:
 * the live visits are walked from the newest meeting back, each person taken at their first (newest)
 * visit, until the page is full and the meeting it ends in is complete (people of one meeting are in
 * name order, so a page never cuts a meeting's names in the wrong place).
 */
function newestVisitorsPage(tx: Db, open: boolean, skip: number, take: number): string[] {
  const walk = clientOf(tx).prepare(`
    SELECT pv.prospect_id AS id, m.meeting_on AS meetingOn
    FROM meetings m CROSS JOIN visitors v ON v.meeting_id = m.id CROSS JOIN prospect_visits pv ON pv.visitor_id = v.id
      CROSS JOIN prospects p ON p.id = pv.prospect_id
    WHERE v.deleted_at IS NULL ${open ? "AND p.stage IN ('visited', 'followed_up', 'invited_back')" : ''}
    ORDER BY m.meeting_on DESC`);
  const seen = new Map<string, string>();
  let lastOn: string | null = null;
  for (const row of walk.iterate() as IterableIterator<{ id: string; meetingOn: string }>) {
    if (seen.has(row.id)) continue;
    if (seen.size >= skip + take && row.meetingOn !== lastOn) break;
    seen.set(row.id, row.meetingOn);
    lastOn = row.meetingOn;
  }
  if (seen.size === 0) return [];
  const ordered = tx.all<{ id: string }>(sql`
    SELECT p.id FROM json_each(${JSON.stringify([...seen].map(([id, on]) => ({ id, on })))}) j JOIN prospects p ON p.id = j.value ->> 'id'
    ORDER BY j.value ->> 'on' DESC, p.name COLLATE NOCASE, p.id`);
  return ordered.slice(skip, skip + take).map((r) => r.id);
}

function requireProspect(db: Db, id: string, today: string): Prospect {
  lookAtVisitorSlips(db);
  const found = readProspects(db, today, 'all', id)[0];
  if (!found) throw new LedgerError('not_found', 'That visitor is not in the list any more (their visit slips may have been deleted).', 'id');
  return found;
}

/** A follow-up: the stage moves, the contact date and note are kept; audited. */
export function recordFollowUp(db: Db, input: ParsedInput<'recordFollowUp'>, today: string = chapterToday(db)): Prospect {
  return db.transaction((tx) => {
    const before = requireProspect(tx, input.id, today);
    if (input.stage === 'applied' || input.stage === 'joined') {
      throw new LedgerError('invalid_input', `Use Apply to make ${before.name} an applicant: the application then decides whether they join.`, 'stage');
    }
    if (before.memberId && before.memberStatus !== 'former') {
      throw new LedgerError('conflict', `${before.name} has applied: the membership committee's decision on the application moves them on from here.`, 'stage');
    }
    if (input.contactOn > today) throw new LedgerError('invalid_input', `Contact date cannot be in the future (today is ${today}).`, 'contactOn');
    if (input.contactOn < before.firstVisitOn) {
      throw new LedgerError('invalid_input', `Contact date cannot be before ${before.name}'s first visit (${before.firstVisitOn}).`, 'contactOn');
    }
    tx.update(prospects)
      .set({ stage: input.stage, lastContactOn: input.contactOn, note: input.note === '' ? before.note : input.note })
      .where(eq(prospects.id, input.id))
      .run();
    const after = readProspects(tx, today, 'all', input.id)[0]!;
    recordAudit(tx, {
      action: 'update',
      entity: 'prospect',
      entityId: input.id,
      before: { stage: before.stage, lastContactOn: before.lastContactOn, note: before.note },
      after: { stage: after.stage, lastContactOn: after.lastContactOn, note: after.note },
      reason: 'Follow-up recorded',
    });
    return after;
  });
}

/** "Apply": the visitor becomes an applicant holding the seat (the one-seat rule applies), linked for conversion counts. */
export function applyForSeat(db: Db, input: ParsedInput<'applyForSeat'>, today: string = chapterToday(db)): Prospect {
  return db.transaction((tx) => {
    const prospect = requireProspect(tx, input.prospectId, today);
    if (prospect.memberId && prospect.memberStatus !== 'former') {
      throw new LedgerError('conflict', `${prospect.name} has already applied.`, 'prospectId');
    }
    if (prospect.stage === 'not_a_fit') {
      throw new LedgerError('conflict', `${prospect.name} is marked "not a fit": record a follow-up with another stage first if that has changed.`, 'prospectId');
    }
    if (input.appliedOn < prospect.firstVisitOn) {
      throw new LedgerError('invalid_input', `Application date cannot be before ${prospect.name}'s first visit (${prospect.firstVisitOn}).`, 'appliedOn');
    }
    if (input.appliedOn > today) throw new LedgerError('invalid_input', `Application date cannot be in the future (today is ${today}).`, 'appliedOn');
    const seat = tx.select({ name: classifications.name }).from(classifications).where(eq(classifications.id, input.classificationId)).get();
    if (!seat) throw new LedgerError('not_found', 'Choose a classification from the list (that one does not exist).', 'classificationId');
    const holder = currentSeatHolder(tx, input.classificationId);
    if (holder) {
      throw new LedgerError(
        'seat_taken',
        `${seatTakenMessage(holder)} ${prospect.name} cannot apply for it: choose an open classification, or record them as "not now" until the seat frees.`,
        'classificationId',
      );
    }
    const member = addMember(tx, {
      firstName: input.firstName,
      lastName: input.lastName,
      company: input.company,
      classificationId: input.classificationId,
      phone: input.phone,
      email: input.email,
      status: 'applicant',
      joinedOn: input.appliedOn,
      renewalDue: null,
      sponsorId: input.sponsorId,
      leadershipRole: null,
      nameOrder: input.nameOrder,
    });
    const application = tx
      .insert(applications)
      .values({
        kind: 'membership',
        memberId: member.id,
        prospectId: prospect.id,
        classificationId: input.classificationId,
        appliedOn: input.appliedOn,
        sponsorId: input.sponsorId,
      })
      .returning()
      .get();
    recordAudit(tx, { action: 'insert', entity: 'application', entityId: application.id, after: application, reason: `${prospect.name} applied for ${seat.name}` });
    tx.update(prospects)
      .set({ stage: 'applied', memberId: member.id, lastContactOn: input.appliedOn, classificationId: input.classificationId })
      .where(eq(prospects.id, prospect.id))
      .run();
    recordAudit(tx, {
      action: 'update',
      entity: 'prospect',
      entityId: prospect.id,
      before: { stage: prospect.stage, memberId: prospect.memberId },
      after: { stage: 'applied', memberId: member.id },
      reason: `Applied for ${seat.name}`,
    });
    return readProspects(tx, today, 'all', prospect.id)[0]!;
  });
}

/** Moves a prospect's stage as a consequence of a committee decision (joined, not a fit), audited. */
export function setProspectStageFor(tx: Db, memberId: string, stage: ProspectStage, reason: string): void {
  const p = tx.select().from(prospects).where(eq(prospects.memberId, memberId)).get();
  if (!p || p.stage === stage) return;
  tx.update(prospects).set({ stage }).where(eq(prospects.id, p.id)).run();
  recordAudit(tx, { action: 'update', entity: 'prospect', entityId: p.id, before: { stage: p.stage }, after: { stage }, reason });
}

/** How many of the visitors to follow up This week lists (its card shows the first dozen and links to the rest). */
export const followUpsListed = 50;

/**
 * Visitors to follow up this week: open stages, never contacted, stale, or seen in the last week;
 * stale first, then the oldest contact. The first `limit` in full, and how many there are: a chapter
 * with a long history holds thousands of visitors never called, and This week reads only those it shows.
 */
export function visitorsToFollowUp(db: Db, today: string, limit = followUpsListed): { listed: Prospect[]; total: number } {
  const policies = getLeadershipPolicies(db);
  let chosen: Array<{ id: string }>;
  let total: number;
  if (keepsLastVisit(db)) {
    // Each open person's last visit is the day stored with them (kept by the file on every change of a
    // visit), and "days since contact" is compared as days, not computed for each of them: more than
    // N days ⇔ the contact day is before today − N, and most days first ⇔ the earliest contact day
    // first. One pass over the open people, the first 50 kept while sorting, no visit read.
    const contactDay = sql`max(coalesce(p.last_contact_on, p.last_visit_on), p.last_visit_on)`;
    const staleBefore = addDays(today, -policies.staleFollowUpDays);
    const toCall = sql`p.stage IN ('visited', 'followed_up', 'invited_back') AND p.last_visit_on IS NOT NULL
      AND (p.stage = 'visited' OR ${contactDay} < ${staleBefore} OR p.last_visit_on >= ${addDays(today, -7)})`;
    total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM prospects p WHERE ${toCall}`)!.n;
    chosen = total === 0 ? [] : db.all<{ id: string }>(sql`
      SELECT p.id FROM prospects p WHERE ${toCall}
      ORDER BY ${contactDay} < ${staleBefore} DESC, ${contactDay}, p.last_visit_on DESC, p.name COLLATE NOCASE, p.id
      LIMIT ${limit}`);
  } else {
    // A file from before the stored day (only the older migrations' tests read one): from the visits.
    const rows = db.all<{ id: string; total: number }>(sql`
      WITH pv AS (
        SELECT pv.prospect_id, max(m.meeting_on) AS lastVisitOn
        FROM prospects p CROSS JOIN prospect_visits pv ON pv.prospect_id = p.id CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
        WHERE p.stage IN ('visited', 'followed_up', 'invited_back') AND v.deleted_at IS NULL GROUP BY pv.prospect_id
      ), t AS (
        SELECT p.id, p.name, p.stage, pv.lastVisitOn,
          CAST(julianday(${today}) - julianday(max(coalesce(p.last_contact_on, pv.lastVisitOn), pv.lastVisitOn)) AS INTEGER) AS days
        FROM prospects p JOIN pv ON pv.prospect_id = p.id
      )
      SELECT id, count(*) OVER () AS total FROM t
      WHERE stage = 'visited' OR days > ${policies.staleFollowUpDays} OR lastVisitOn >= ${addDays(today, -7)}
      ORDER BY days > ${policies.staleFollowUpDays} DESC, days DESC, lastVisitOn DESC, name COLLATE NOCASE, id
      LIMIT ${limit}`);
    chosen = rows;
    total = rows[0]?.total ?? 0;
  }
  const order = new Map(chosen.map((c, i) => [c.id, i]));
  const listed = readProspects(db, today, 'all', undefined, chosen.map((c) => c.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { listed, total };
}
