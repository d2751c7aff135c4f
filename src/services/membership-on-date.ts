// Who may appear on a slip of a given day: members on that day (active, or on leave where allowed).
import { firstRow } from '../db/fixed-statements';
import type { Db } from '../db/open';
import { LedgerError } from '../shared/errors';

export interface MemberOnDate {
  id: string;
  name: string;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "20 Nov 2026" from 2026-11-20: unambiguous in every chapter, unlike 11/20 or 20/11. */
export function shortDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[m! - 1]} ${y}`;
}

// A fixed statement: every slip saved checks one or two members.
const memberByIdText = 'SELECT id, first_name AS first, last_name AS last, status, joined_on AS joinedOn, left_on AS leftOn FROM members WHERE id = ?';

export function requireMemberOnDate(
  db: Db,
  memberId: string,
  day: string,
  field: string,
  options: { allowOnLeave?: boolean; what?: string } = { allowOnLeave: true },
): MemberOnDate {
  // The slip's own day names the event: "the one-to-one on 20 Nov", else "this meeting (2026-11-25)".
  const event = options.what ? `the ${options.what} on ${shortDay(day)}` : `this meeting (${day})`;
  const m = firstRow<{ id: string; first: string; last: string; status: string; joinedOn: string; leftOn: string | null }>(db, memberByIdText, memberId);
  if (!m) throw new LedgerError('not_found', 'Choose a member from the list (that one does not exist).', field);
  const name = `${m.first} ${m.last}`;
  if (m.status === 'applicant') {
    throw new LedgerError('invalid_input', `${name} is still an applicant: slips start once they join.`, field);
  }
  if (m.joinedOn > day) {
    throw new LedgerError(
      'invalid_input',
      `${name} joined on ${m.joinedOn}, after ${event}. If they were a member then, set the join date earlier in Members.`,
      field,
    );
  }
  if (m.leftOn !== null && m.leftOn <= day) {
    throw new LedgerError('invalid_input', `${name} left the chapter on ${m.leftOn}: former members keep their history but take no new slips.`, field);
  }
  if (m.status === 'on_leave' && options.allowOnLeave === false) {
    throw new LedgerError('invalid_input', `${name} is on leave.`, field);
  }
  return { id: m.id, name };
}
