// The demo chapter's leadership lists: visitors in every follow-up stage, the applicant's file with
// an interview, an overdue renewal beside the ones coming due, and absence letters drafted from
// the demo's attendance (one already reviewed and sent). Written through the same services.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { applications, prospects } from '../db/schema';
import { addDays } from '../shared/dates';
import { draftAbsenceLetters, markAbsenceLetterSent, reviewAbsenceLetter } from './absence-letters';
import { memberUpdate } from './applications';
import { recordAudit } from './audit';
import { getLeadershipPolicies, saveLeadershipPolicies } from './leadership-policies';
import { requireMember, updateMember } from './members';
import { readProspects, syncVisitorPipeline } from './visitors';

export function seedLeadershipDemo(tx: Db, today: string, memberIds: Map<string, string>): void {
  const { absenceLimit: _limit, absenceWindowMonths: _window, ...policies } = getLeadershipPolicies(tx);
  saveLeadershipPolicies(tx, { ...policies, signatory: 'Nadia Haddad, Membership Committee' });
  syncVisitorPipeline(tx);

  // Follow-ups: the most recent visitors called this week, some older ones left to go stale.
  const open = readProspects(tx, today, 'open');
  open.forEach((p, i) => {
    if (i % 3 === 2) return;
    const contactOn = i % 3 === 0 ? addDays(p.lastVisitOn, 2) : addDays(p.lastVisitOn, 1);
    if (contactOn > today) return;
    const note = i % 3 === 0 ? 'Called after the meeting; wants to come back with questions about the seat.' : 'Sent the chapter overview by e-mail.';
    tx.update(prospects).set({ lastContactOn: contactOn, note }).where(eq(prospects.id, p.id)).run();
    recordAudit(tx, { action: 'update', entity: 'prospect', entityId: p.id, before: { lastContactOn: p.lastContactOn }, after: { lastContactOn: contactOn, note }, reason: 'Follow-up recorded' });
  });

  // The applicant's file: sponsored, interviewed last week, references still to check.
  const liam = memberIds.get('Liam Murphy');
  if (liam) {
    const member = requireMember(tx, liam);
    const row = tx
      .insert(applications)
      .values({
        kind: 'membership',
        memberId: liam,
        classificationId: member.classificationId,
        appliedOn: member.joinedOn,
        sponsorId: member.sponsorId,
        interviewOn: addDays(today, -7),
        interviewers: 'Nadia Haddad, Marcus Chen',
        interviewNotes: 'Twelve years in roofing, family business; keen on the Home & Property power team.',
      })
      .returning()
      .get();
    recordAudit(tx, { action: 'insert', entity: 'application', entityId: row.id, after: row, reason: `${member.fullName} applied for ${member.classificationName}` });
  }

  // One renewal slipped past its date.
  const brian = memberIds.get('Brian Kowalski');
  if (brian) updateMember(tx, { ...memberUpdate(requireMember(tx, brian)), renewalDue: addDays(today, -9) });

  // Attendance letters from the demo's own absences; the oldest has been reviewed and sent.
  const { drafted } = draftAbsenceLetters(tx, today);
  const first = drafted.at(-1);
  if (first) {
    reviewAbsenceLetter(tx, { id: first.id, reviewedBy: 'Nadia Haddad', reviewedOn: first.reachedOn }, today);
    markAbsenceLetterSent(tx, { id: first.id, sentOn: first.reachedOn, sentHow: 'email' }, today);
  }
}
