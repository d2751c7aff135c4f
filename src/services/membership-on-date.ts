// Who may appear on a slip of a given day: members on that day (active, or on leave where allowed).
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { members } from '../db/schema';
import { LedgerError } from '../shared/errors';

export interface MemberOnDate {
  id: string;
  name: string;
}

export function requireMemberOnDate(
  db: Db,
  memberId: string,
  day: string,
  field: string,
  options: { allowOnLeave?: boolean } = { allowOnLeave: true },
): MemberOnDate {
  const m = db
    .select({ id: members.id, first: members.firstName, last: members.lastName, status: members.status, joinedOn: members.joinedOn, leftOn: members.leftOn })
    .from(members)
    .where(eq(members.id, memberId))
    .get();
  if (!m) throw new LedgerError('not_found', 'Choose a member from the list (that one does not exist).', field);
  const name = `${m.first} ${m.last}`;
  if (m.status === 'applicant') {
    throw new LedgerError('invalid_input', `${name} is still an applicant: slips start once they join.`, field);
  }
  if (m.joinedOn > day) throw new LedgerError('invalid_input', `${name} joined on ${m.joinedOn}, after this meeting (${day}).`, field);
  if (m.leftOn !== null && m.leftOn <= day) {
    throw new LedgerError('invalid_input', `${name} left the chapter on ${m.leftOn}: former members keep their history but take no new slips.`, field);
  }
  if (m.status === 'on_leave' && options.allowOnLeave === false) {
    throw new LedgerError('invalid_input', `${name} is on leave.`, field);
  }
  return { id: m.id, name };
}
