// The renewals radar and the committee's renewal decisions. Renewing moves the due date by the
// chapter's term; not renewing makes the member former on a date and frees the seat.
import { reasonRequiredFor } from '../shared/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import type { ParsedInput, RenewalRow, Renewals } from '../shared/contract';
import { addDays, addMonths } from '../shared/dates';
import { chapterToday } from './chapter';
import { LedgerError } from '../shared/errors';
import { memberUpdate, readDecisions, recordDecision } from './applications';
import { getLeadershipPolicies } from './leadership-policies';
import { requireMember, updateMember } from './members';

const bucketOf = (days: number): RenewalRow['bucket'] => (days < 0 ? 'overdue' : days <= 30 ? 'due_30' : days <= 60 ? 'due_60' : 'due_90');

export function renewalsRadar(db: Db, today: string = chapterToday(db)): Renewals {
  const policies = getLeadershipPolicies(db);
  const horizon = addDays(today, 90);
  const rows = db.all<Omit<RenewalRow, 'bucket' | 'lastDecision'>>(sql`
    SELECT m.id AS memberId, m.display_name AS name, m.company, c.name AS classificationName, m.status,
      m.renewal_due AS renewalDue, CAST(julianday(m.renewal_due) - julianday(${today}) AS INTEGER) AS daysUntilDue
    FROM members m JOIN classifications c ON c.id = m.classification_id
    WHERE m.status IN ('active', 'on_leave') AND m.renewal_due IS NOT NULL AND m.renewal_due <= ${horizon}
    ORDER BY m.renewal_due, m.sort_name COLLATE NOCASE`);
  const ids = rows.map((r) => r.memberId);
  const last = new Map<string, ReturnType<typeof readDecisions>[number]>();
  if (ids.length > 0) {
    for (const d of readDecisions(db, sql`d.topic = 'renewal' AND d.member_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)) {
      if (!last.has(d.memberId)) last.set(d.memberId, d);
    }
  }
  const withBuckets = rows.map((r) => ({ ...r, bucket: bucketOf(r.daysUntilDue), lastDecision: last.get(r.memberId) ?? null }));
  const counts = { overdue: 0, due_30: 0, due_60: 0, due_90: 0 };
  for (const r of withBuckets) counts[r.bucket] += 1;
  const withoutDueDate = db.all<{ memberId: string; name: string }>(sql`
    SELECT id AS memberId, display_name AS name FROM members
    WHERE status IN ('active', 'on_leave') AND renewal_due IS NULL ORDER BY sort_name COLLATE NOCASE`);
  return {
    renewalTermMonths: policies.renewalTermMonths,
    rows: withBuckets,
    counts,
    withoutDueDate,
    recentDecisions: readDecisions(db, sql`d.topic = 'renewal'`, 20),
  };
}

export function decideRenewal(db: Db, input: ParsedInput<'decideRenewal'>, today: string = chapterToday(db)): Renewals {
  db.transaction((tx) => {
    const member = requireMember(tx, input.memberId, 'memberId');
    if (member.status !== 'active' && member.status !== 'on_leave') {
      throw new LedgerError('invalid_input', `${member.fullName} is ${member.status === 'applicant' ? 'an applicant' : 'a former member'}: only a current member is renewed.`, 'memberId');
    }
    if (input.decidedOn > today) throw new LedgerError('invalid_input', `Decision date cannot be in the future (today is ${today}).`, 'decidedOn');
    if (input.decidedOn < member.joinedOn) throw new LedgerError('invalid_input', `Decision date cannot be before ${member.fullName} joined (${member.joinedOn}).`, 'decidedOn');
    if (input.outcome === 'renewed_with_conditions' && input.conditions === '') {
      throw new LedgerError('invalid_input', 'Write the conditions of the renewal (for example: two one-to-ones a month, no more than one absence a quarter).', 'conditions');
    }
    if (reasonRequiredFor(input.outcome) && input.reason.trim() === '') {
      throw new LedgerError(
        'reason_required',
        input.outcome === 'not_renewed' ? `Give the reason ${member.fullName} is not renewed.` : `Give the reason ${member.fullName} is renewed with conditions.`,
        'reason',
      );
    }
    const before = member.renewalDue;
    let after: string | null = before;
    if (input.outcome === 'not_renewed') {
      const leftOn = input.leftOn ?? input.decidedOn;
      if (leftOn < member.joinedOn) throw new LedgerError('invalid_input', `Leaves on cannot be before ${member.fullName} joined (${member.joinedOn}).`, 'leftOn');
      updateMember(tx, { ...memberUpdate(member), status: 'former', leftOn });
    } else {
      // The term runs on from the due date, not from the day the committee met.
      after = addMonths(before ?? input.decidedOn, getLeadershipPolicies(tx).renewalTermMonths);
      updateMember(tx, { ...memberUpdate(member), renewalDue: after });
    }
    recordDecision(tx, {
      topic: 'renewal',
      memberId: member.id,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      decidedBy: input.decidedBy,
      reason: input.reason,
      conditions: input.conditions,
      renewalDueBefore: before,
      renewalDueAfter: after,
    });
  });
  return renewalsRadar(db, today);
}
