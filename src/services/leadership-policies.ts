// The leadership team's policies: follow-up, visit limit, renewal term, and how attendance is
// counted for absence letters. One row; a file that never saved them gets the defaults.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { leadershipPolicies } from '../db/schema';
import type { LeadershipPolicies, ParsedInput } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';
import { requireChapter } from './chapter';

export const defaultWarningTemplate = `Dear {member},

Our attendance records show {count} absences in the last {window} months: {dates}.

The chapter's policy is {policy}. Please help us keep you from reaching that number.

We value you in {chapter}. If something makes it hard to attend, please tell us: a substitute can come in your place.

Kind regards,
{signatory}`;

export const defaultFinalTemplate = `Dear {member},

Our attendance records show {count} absences in the last {window} months: {dates}.

The chapter's policy is {policy}. You have reached that number, so the membership committee will review your membership and contact you about its decision.

If there are circumstances the committee should know about, please write to us before it meets.

Kind regards,
{signatory}`;

export function getLeadershipPolicies(db: Db): LeadershipPolicies {
  const chapter = requireChapter(db);
  const row = db.select().from(leadershipPolicies).get();
  return {
    staleFollowUpDays: row?.staleFollowUpDays ?? 7,
    visitLimit: row?.visitLimit ?? 2,
    renewalTermMonths: row?.renewalTermMonths ?? 12,
    warningAt: row?.warningAt ?? 2,
    latesPerAbsence: row?.latesPerAbsence ?? 0,
    substituteCap: row ? row.substituteCap : null,
    medicalLimit: row ? row.medicalLimit : null,
    signatory: row?.signatory ?? '',
    warningTemplate: row?.warningTemplate ?? defaultWarningTemplate,
    finalTemplate: row?.finalTemplate ?? defaultFinalTemplate,
    absenceLimit: chapter.absenceLimit,
    absenceWindowMonths: chapter.absenceWindowMonths,
  };
}

export function saveLeadershipPolicies(db: Db, input: ParsedInput<'saveLeadershipPolicies'>): LeadershipPolicies {
  return db.transaction((tx) => {
    const before = getLeadershipPolicies(tx);
    if (input.warningAt > 0 && before.absenceLimit > 0 && input.warningAt >= before.absenceLimit) {
      throw new LedgerError(
        'invalid_input',
        `Warning letter at absence must be below the chapter's absence limit (${before.absenceLimit}), or 0 for no warning letter.`,
        'warningAt',
      );
    }
    const existing = tx.select({ id: leadershipPolicies.id }).from(leadershipPolicies).get();
    if (existing) tx.update(leadershipPolicies).set(input).where(eq(leadershipPolicies.id, existing.id)).run();
    else tx.insert(leadershipPolicies).values(input).run();
    const after = getLeadershipPolicies(tx);
    const id = tx.select({ id: leadershipPolicies.id }).from(leadershipPolicies).get()!.id;
    recordAudit(tx, { action: existing ? 'update' : 'insert', entity: 'leadership_policies', entityId: id, before, after });
    return after;
  });
}
