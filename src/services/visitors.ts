// The visitor pipeline. The visitor slips recorded at meetings are the visits; a prospect is the
// person behind them (a visitor who comes back is matched by name plus e-mail or phone), with a
// follow-up stage, the last contact and, once they apply, the member record they became.
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

/**
 * Links every visitor slip not yet in the pipeline to its person, creating the person on a first
 * visit. Slips reach the ledger on meeting night, by import or from the demo; whichever way, the
 * pipeline picks them up here, oldest visit first, in the caller's transaction.
 */
export function syncVisitorPipeline(tx: Db): number {
  // Only slips written or changed since the last look: the watermark keeps this a search, not a scan.
  const through = tx.get<{ at: string | null }>(sql`SELECT pipeline_synced_through AS at FROM leadership_policies`)?.at ?? '';
  const newest = tx.get<{ at: string | null }>(sql`SELECT max(updated_at) AS at FROM visitors`)?.at ?? null;
  if (newest === null || newest < through) return 0;
  // Slips corrected since the last look first: one that is no longer its person's is linked afresh below.
  const amended = followAmendedSlips(tx, through);
  const unlinked = tx.all<UnlinkedVisit>(sql`
    SELECT v.id, v.name, v.company, v.phone, v.email, v.classification_sought AS classificationSought,
      v.classification_id AS classificationId, v.invited_by_id AS invitedById, v.follow_up AS followUp, m.meeting_on AS meetingOn
    FROM visitors v JOIN meetings m ON m.id = v.meeting_id
    WHERE v.updated_at >= ${through} AND v.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM prospect_visits pv WHERE pv.visitor_id = v.id)
    ORDER BY m.meeting_on, v.created_at, v.id`);
  if (newest !== through) {
    const row = tx.select({ id: leadershipPolicies.id }).from(leadershipPolicies).get();
    if (row) tx.update(leadershipPolicies).set({ pipelineSyncedThrough: newest }).where(eq(leadershipPolicies.id, row.id)).run();
    else tx.insert(leadershipPolicies).values({ pipelineSyncedThrough: newest }).run();
  }
  if (unlinked.length === 0) return amended;
  const known: ProspectKey[] = tx
    .all<Omit<ProspectKey, 'folded'> & { name: string }>(sql`SELECT id, name, phone, email, stage FROM prospects ORDER BY created_at DESC`)
    .map((p) => ({ id: p.id, folded: foldName(p.name), phone: p.phone, email: p.email, stage: p.stage }));
  for (const visit of unlinked) {
    const folded = foldName(visit.name);
    const match = known.find((p) => p.folded === folded && samePerson({ name: visit.name, email: visit.email, phone: visit.phone }, { name: visit.name, email: p.email, phone: p.phone }));
    if (match) {
      const before = tx.select().from(prospects).where(eq(prospects.id, match.id)).get()!;
      const fill = {
        ...(before.email === '' && visit.email ? { email: visit.email } : {}),
        ...(before.phone === '' && visit.phone ? { phone: visit.phone } : {}),
        ...(before.company === '' && visit.company ? { company: visit.company } : {}),
        // Someone who said "not now" and came back is back in the pipeline.
        ...(before.stage === 'not_now' ? { stage: 'visited' as const } : {}),
      };
      tx.insert(prospectVisits).values({ visitorId: visit.id, prospectId: match.id }).run();
      if (Object.keys(fill).length > 0) {
        tx.update(prospects).set(fill).where(eq(prospects.id, match.id)).run();
        Object.assign(match, fill);
        recordAudit(tx, { action: 'update', entity: 'prospect', entityId: match.id, before, after: { ...before, ...fill }, reason: `Visited again on ${visit.meetingOn}` });
      }
      continue;
    }
    const created = tx
      .insert(prospects)
      .values({
        name: visit.name,
        company: visit.company,
        phone: visit.phone,
        email: visit.email,
        classificationSought: visit.classificationSought,
        classificationId: visit.classificationId,
        invitedById: visit.invitedById,
        stage: stageFromSlip[visit.followUp] ?? 'visited',
      })
      .returning()
      .get();
    tx.insert(prospectVisits).values({ visitorId: visit.id, prospectId: created.id }).run();
    recordAudit(tx, { action: 'insert', entity: 'prospect', entityId: created.id, after: created, reason: `First visit on ${visit.meetingOn}` });
    known.unshift({ id: created.id, folded, phone: created.phone, email: created.email, stage: created.stage });
  }
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
function followAmendedSlips(tx: Db, through: string): number {
  const changed = tx.all<UnlinkedVisit & { prospectId: string; slips: number }>(sql`
    SELECT v.id, v.name, v.company, v.phone, v.email, v.classification_sought AS classificationSought,
      v.classification_id AS classificationId, v.invited_by_id AS invitedById, v.follow_up AS followUp, m.meeting_on AS meetingOn,
      pv.prospect_id AS prospectId,
      (SELECT count(*) FROM prospect_visits o CROSS JOIN visitors ov ON ov.id = o.visitor_id WHERE o.prospect_id = pv.prospect_id AND ov.deleted_at IS NULL) AS slips
    FROM visitors v JOIN meetings m ON m.id = v.meeting_id CROSS JOIN prospect_visits pv ON pv.visitor_id = v.id
    WHERE v.updated_at >= ${through} AND v.deleted_at IS NULL`);
  let followed = 0;
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
      WHERE v.deleted_at IS NULL GROUP BY pv.prospect_id
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
    ORDER BY pv.lastVisitOn DESC, p.name COLLATE NOCASE`);
  const visits = db.all<{ prospectId: string; visitorId: string; meetingOn: string; invitedByName: string | null }>(sql`
    SELECT pv.prospect_id AS prospectId, v.id AS visitorId, m.meeting_on AS meetingOn, i.display_name AS invitedByName
    FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
    LEFT JOIN members i ON i.id = v.invited_by_id
    WHERE v.deleted_at IS NULL ${id ? sql`AND pv.prospect_id = ${id}` : ids ? sql`AND pv.prospect_id IN (${sql.join(ids.map((one) => sql`${one}`), sql`, `)})` : sql``}
    ORDER BY m.meeting_on`);
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

export function listVisitors(
  db: Db,
  asked: Pick<ParsedInput<'listVisitors'>, 'show'> & Partial<ParsedInput<'listVisitors'>>,
  today: string = chapterToday(db),
): VisitorsPipeline {
  const input = { search: '', page: 1, pageSize: visitorsPageSize, ...asked };
  return db.transaction((tx) => {
    syncVisitorPipeline(tx);
    const policies = getLeadershipPolicies(tx);
    const conversion = tx.get<VisitorsPipeline['conversion']>(sql`
      SELECT count(*) AS visitors,
        coalesce(sum(p.member_id IS NOT NULL), 0) AS applied,
        coalesce(sum(p.stage = 'joined'), 0) AS joined
      FROM prospects p WHERE EXISTS (SELECT 1 FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id WHERE pv.prospect_id = p.id AND v.deleted_at IS NULL)`)!;
    // The searchable fields of everyone in view, in the list's order; only the page asked for is read in full.
    const listing = tx.all<ProspectListing>(sql`
      WITH pv AS (
        SELECT pv.prospect_id, max(m.meeting_on) AS lastVisitOn
        FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id
        WHERE v.deleted_at IS NULL GROUP BY pv.prospect_id
      )
      SELECT p.id, p.name, p.company, p.email, p.phone, p.classification_sought AS classificationSought, i.display_name AS invitedByName
      FROM prospects p JOIN pv ON pv.prospect_id = p.id LEFT JOIN members i ON i.id = p.invited_by_id
      WHERE ${input.show === 'open' ? sql`p.stage IN ('visited', 'followed_up', 'invited_back')` : sql`1 = 1`}
      ORDER BY pv.lastVisitOn DESC, p.name COLLATE NOCASE`);
    const matching = input.search === '' ? listing : listing.filter((p) => visitorMatches(p, input.search));
    const lastPage = Math.max(1, Math.ceil(matching.length / input.pageSize));
    const page = Math.min(input.page, lastPage);
    const ids = matching.slice((page - 1) * input.pageSize, page * input.pageSize).map((p) => p.id);
    return {
      staleFollowUpDays: policies.staleFollowUpDays,
      visitLimit: policies.visitLimit,
      prospects: readProspects(tx, today, input.show, undefined, ids),
      total: matching.length,
      page,
      pageSize: input.pageSize,
      conversion,
    };
  });
}

function requireProspect(db: Db, id: string, today: string): Prospect {
  syncVisitorPipeline(db);
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

/** Visitors to follow up this week: open stages, stale first, then the oldest contact. */
export function visitorsToFollowUp(db: Db, today: string): Prospect[] {
  return readProspects(db, today, 'open')
    .filter((p) => p.stage === 'visited' || p.stale || p.lastVisitOn >= addDays(today, -7))
    .sort((a, b) => Number(b.stale) - Number(a.stale) || b.daysSinceContact - a.daysSinceContact);
}
