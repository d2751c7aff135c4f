// Applications for a seat and the membership committee's decisions on them. Approval makes the
// applicant an active member from a join date; declining frees the seat; a current member's change
// of classification goes through the same decision. Every step is audited.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { applications, committeeDecisions } from '../db/schema';
import type { Application, Decision, Member, ParsedInput } from '../shared/contract';
import { addMonths } from '../shared/dates';
import type { DecisionOutcome, DecisionTopic } from '../shared/domain';
import { chapterToday } from './chapter';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';
import { requireClassification } from './classifications';
import { getLeadershipPolicies } from './leadership-policies';
import { requireMember, updateMember } from './members';
import { currentSeatHolder, seatTakenMessage } from './seats';
import { setProspectStageFor } from './visitors';

/** The member's current fields as updateMember takes them, to change only what a decision changes. */
export function memberUpdate(member: Member) {
  return {
    id: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    company: member.company,
    classificationId: member.classificationId,
    phone: member.phone,
    email: member.email,
    status: member.status,
    joinedOn: member.joinedOn,
    renewalDue: member.renewalDue,
    sponsorId: member.sponsorId,
    leadershipRole: member.leadershipRole,
    leftOn: member.leftOn,
  };
}

const decisionSelect = sql`SELECT d.id, d.topic, d.member_id AS memberId, m.display_name AS memberName,
  d.outcome, d.decided_on AS decidedOn, d.decided_by AS decidedBy, d.reason, d.conditions,
  d.renewal_due_before AS renewalDueBefore, d.renewal_due_after AS renewalDueAfter
  FROM committee_decisions d JOIN members m ON m.id = d.member_id`;

const decisionApplicationSelect = sql`SELECT d.application_id AS applicationId, d.id, d.topic, d.member_id AS memberId, m.display_name AS memberName,
  d.outcome, d.decided_on AS decidedOn, d.decided_by AS decidedBy, d.reason, d.conditions,
  d.renewal_due_before AS renewalDueBefore, d.renewal_due_after AS renewalDueAfter
  FROM committee_decisions d JOIN members m ON m.id = d.member_id`;

export function readDecisions(db: Db, where: ReturnType<typeof sql>, limit = 500): Decision[] {
  return db.all<Decision>(sql`${decisionSelect} WHERE ${where} ORDER BY d.decided_on DESC, d.created_at DESC LIMIT ${limit}`);
}

/** Writes one committee decision and its audit row. */
export function recordDecision(
  tx: Db,
  values: {
    topic: DecisionTopic;
    memberId: string;
    outcome: DecisionOutcome;
    decidedOn: string;
    decidedBy: string;
    reason: string;
    conditions?: string;
    applicationId?: string;
    absenceLetterId?: string;
    renewalDueBefore?: string | null;
    renewalDueAfter?: string | null;
  },
): string {
  const row = tx.insert(committeeDecisions).values(values).returning().get();
  recordAudit(tx, { action: 'insert', entity: 'committee_decision', entityId: row.id, after: row, reason: values.reason });
  return row.id;
}

function nextStep(a: { status: string; interviewOn: string | null; referencesChecked: boolean; lastDecidedOn: string | null }, today: string): string {
  if (a.status === 'approved' || a.status === 'declined') return 'Decided.';
  const deferred = a.status === 'deferred' ? `Deferred on ${a.lastDecidedOn}. ` : '';
  if (!a.interviewOn) return `${deferred}Set an interview date.`;
  if (a.interviewOn > today) return `${deferred}Interview on ${a.interviewOn}.`;
  if (!a.referencesChecked) return `${deferred}Check references.`;
  return `${deferred}Ready for the committee's decision.`;
}

interface ApplicationRow extends Omit<Application, 'referencesChecked' | 'nextStep' | 'decisions'> {
  referencesChecked: number;
}

export function readApplications(db: Db, today: string, filter: 'waiting' | 'all' = 'all', id?: string): Application[] {
  const rows = db.all<ApplicationRow>(sql`
    SELECT a.id, a.kind, a.member_id AS memberId, m.display_name AS memberName, m.company, m.status AS memberStatus,
      a.prospect_id AS prospectId,
      (SELECT count(DISTINCT v.meeting_id) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id WHERE pv.prospect_id = a.prospect_id AND v.deleted_at IS NULL) AS visits,
      a.classification_id AS classificationId, c.name AS classificationName, fc.name AS fromClassificationName,
      a.applied_on AS appliedOn, CAST(julianday(${today}) - julianday(a.applied_on) AS INTEGER) AS daysWaiting,
      a.sponsor_id AS sponsorId, s.display_name AS sponsorName,
      a.interview_on AS interviewOn, a.interviewers, a.interview_notes AS interviewNotes,
      a.references_checked AS referencesChecked, a.references_note AS referencesNote, a.status
    FROM applications a
    JOIN members m ON m.id = a.member_id
    JOIN classifications c ON c.id = a.classification_id
    LEFT JOIN classifications fc ON fc.id = a.from_classification_id
    LEFT JOIN members s ON s.id = a.sponsor_id
    WHERE ${id ? sql`a.id = ${id}` : filter === 'waiting' ? sql`a.status IN ('pending', 'deferred')` : sql`1 = 1`}
    ORDER BY a.status IN ('pending', 'deferred') DESC, a.applied_on, m.sort_name COLLATE NOCASE`);
  const decisions = db.all<Decision & { applicationId: string }>(
    sql`${decisionApplicationSelect} WHERE ${id ? sql`d.application_id = ${id}` : sql`d.application_id IS NOT NULL`} ORDER BY d.decided_on DESC, d.created_at DESC`,
  );
  const byApplication = new Map<string, Decision[]>();
  for (const { applicationId, ...d } of decisions) byApplication.set(applicationId, [...(byApplication.get(applicationId) ?? []), d]);
  return rows.map((row) => {
    const own = byApplication.get(row.id) ?? [];
    const referencesChecked = row.referencesChecked === 1;
    return { ...row, referencesChecked, decisions: own, nextStep: nextStep({ ...row, referencesChecked, lastDecidedOn: own[0]?.decidedOn ?? null }, today) };
  });
}

export function listApplications(db: Db, input: ParsedInput<'listApplications'>, today: string = chapterToday(db)): Application[] {
  return readApplications(db, today, input.show);
}

function requireApplication(db: Db, id: string, today: string): Application {
  const found = readApplications(db, today, 'all', id)[0];
  if (!found) throw new LedgerError('not_found', 'That application does not exist.', 'id');
  return found;
}

function requireUndecided(application: Application): void {
  if (application.status === 'approved' || application.status === 'declined') {
    throw new LedgerError('conflict', `The committee already ${application.status} ${application.memberName}'s application; it is closed.`, 'id');
  }
}

/** The applicant's file: sponsor, interview and references. */
export function updateApplication(db: Db, input: ParsedInput<'updateApplication'>, today: string = chapterToday(db)): Application {
  return db.transaction((tx) => {
    const before = requireApplication(tx, input.id, today);
    requireUndecided(before);
    if (input.interviewOn && input.interviewOn < before.appliedOn) {
      throw new LedgerError('invalid_input', `Interview date cannot be before the application (${before.appliedOn}).`, 'interviewOn');
    }
    if (input.sponsorId) {
      if (input.sponsorId === before.memberId) throw new LedgerError('invalid_input', 'An applicant cannot sponsor themselves.', 'sponsorId');
      requireMember(tx, input.sponsorId, 'sponsorId');
    }
    const { id, ...fields } = input;
    tx.update(applications).set(fields).where(eq(applications.id, id)).run();
    const after = requireApplication(tx, id, today);
    recordAudit(tx, { action: 'update', entity: 'application', entityId: id, before: { ...before, decisions: undefined }, after: { ...after, decisions: undefined } });
    return after;
  });
}

/** The committee decides: approved, declined or deferred, with date, who and why. */
export function decideApplication(db: Db, input: ParsedInput<'decideApplication'>, today: string = chapterToday(db)): Application {
  return db.transaction((tx) => {
    const application = requireApplication(tx, input.id, today);
    requireUndecided(application);
    if (input.decidedOn < application.appliedOn) {
      throw new LedgerError('invalid_input', `Decision date cannot be before the application (${application.appliedOn}).`, 'decidedOn');
    }
    if (input.decidedOn > today) throw new LedgerError('invalid_input', `Decision date cannot be in the future (today is ${today}).`, 'decidedOn');
    if (input.outcome !== 'approved' && input.reason === '') {
      throw new LedgerError('reason_required', `Give the reason the application was ${input.outcome}: the applicant and the chapter will ask.`, 'reason');
    }
    const member = requireMember(tx, application.memberId);
    if (application.kind === 'membership') {
      if (input.outcome === 'approved') {
        const joinedOn = input.joinedOn ?? input.decidedOn;
        if (joinedOn < application.appliedOn) {
          throw new LedgerError('invalid_input', `Join date cannot be before the application (${application.appliedOn}).`, 'joinedOn');
        }
        const term = getLeadershipPolicies(tx).renewalTermMonths;
        // The decision names the join date; approving it is the confirmation a back-dated join date asks for.
        updateMember(tx, { ...memberUpdate(member), status: 'active', joinedOn, renewalDue: addMonths(joinedOn, term), sponsorId: application.sponsorId ?? member.sponsorId, leftOn: null, confirmJoinDate: true });
        setProspectStageFor(tx, member.id, 'joined', `Application approved on ${input.decidedOn}`);
      } else if (input.outcome === 'declined') {
        // Declining frees the seat: the applicant's record stays, as a former applicant.
        updateMember(tx, { ...memberUpdate(member), status: 'former', leftOn: input.decidedOn });
        setProspectStageFor(tx, member.id, 'not_a_fit', `Application declined on ${input.decidedOn}`);
      }
    } else if (input.outcome === 'approved') {
      const holder = currentSeatHolder(tx, application.classificationId, member.id);
      if (holder) {
        throw new LedgerError('seat_taken', `${seatTakenMessage(holder)} ${member.fullName} cannot move there until it frees.`, 'outcome');
      }
      updateMember(tx, { ...memberUpdate(member), classificationId: application.classificationId });
    }
    recordDecision(tx, {
      topic: 'application',
      memberId: member.id,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      decidedBy: input.decidedBy,
      reason: input.reason,
      applicationId: application.id,
    });
    tx.update(applications).set({ status: input.outcome }).where(eq(applications.id, application.id)).run();
    recordAudit(tx, { action: 'update', entity: 'application', entityId: application.id, before: { status: application.status }, after: { status: input.outcome }, reason: input.reason });
    return requireApplication(tx, application.id, today);
  });
}

/** A current member asks to change classification: checked now, decided by the committee like an application. */
export function requestClassificationChange(db: Db, input: ParsedInput<'requestClassificationChange'>, today: string = chapterToday(db)): Application {
  return db.transaction((tx) => {
    const member = requireMember(tx, input.memberId, 'memberId');
    if (member.status !== 'active' && member.status !== 'on_leave') {
      throw new LedgerError('invalid_input', `${member.fullName} is ${member.status === 'applicant' ? 'an applicant' : 'a former member'}: only a current member can change classification.`, 'memberId');
    }
    const target = requireClassification(tx, input.classificationId);
    if (input.classificationId === member.classificationId) {
      throw new LedgerError('invalid_input', `${member.fullName} already holds ${member.classificationName}.`, 'classificationId');
    }
    if (input.appliedOn > today) throw new LedgerError('invalid_input', `Request date cannot be in the future (today is ${today}).`, 'appliedOn');
    const holder = currentSeatHolder(tx, input.classificationId, member.id);
    if (holder) throw new LedgerError('seat_taken', `${seatTakenMessage(holder)} ${member.fullName} cannot ask to move there.`, 'classificationId');
    const pending = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM applications WHERE member_id = ${member.id} AND status IN ('pending', 'deferred')`)!.n;
    if (pending > 0) throw new LedgerError('conflict', `${member.fullName} already has a request waiting for the committee.`, 'memberId');
    const row = tx
      .insert(applications)
      .values({
        kind: 'classification_change',
        memberId: member.id,
        classificationId: target.id,
        fromClassificationId: member.classificationId,
        appliedOn: input.appliedOn,
        sponsorId: member.sponsorId,
        interviewNotes: input.reason,
      })
      .returning()
      .get();
    recordAudit(tx, { action: 'insert', entity: 'application', entityId: row.id, after: row, reason: `${member.fullName} asks to move from ${member.classificationName} to ${target.name}` });
    return requireApplication(tx, row.id, today);
  });
}
