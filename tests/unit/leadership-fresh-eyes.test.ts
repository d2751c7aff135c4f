// What a fresh-eyes tester found on the leadership screens, in their words: dates that changed as typed,
// a "Required" reason that was not, and an audit line that did not say whose decision it was.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { Renewals } from '../../src/shared/contract';
import { datedFieldProblem } from '../../src/shared/fields';
import { reasonRequiredFor } from '../../src/shared/domain';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { daysAgo, ok, refused, today } from '../support/leadership';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
});

const count = (table: string) => opened.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('a date typed in a leadership form is taken exactly as typed', () => {
  it('a European or impossible date is refused under the field, naming it, never rolled over or read month-first', () => {
    for (const typed of ['14.11.2026', '14/11/2026', '05/11/2026', '2026-02-30', '2026-10-32', '2026-13-45', 'tomorrow', '2026-1-5']) {
      expect(datedFieldProblem('Decision date', typed, true), typed).toBe(`Decision date must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "${typed}").`);
    }
    expect(datedFieldProblem('Decision date', ' 2026-11-14 ', true)).toBeNull();
    expect(datedFieldProblem('Decision date', '2028-02-29', true)).toBeNull();
    expect(datedFieldProblem('Decision date', '', true)).toBe('Enter decision date (YYYY-MM-DD, e.g. 2026-11-14).');
    expect(datedFieldProblem('Interview date', '', false)).toBeNull();
  });

  it('the service refuses a rolled-over renewal decision date and changes nothing', () => {
    const due = daysAgo(-20);
    const marcus = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: due })));
    const decisions = count('committee_decisions');
    for (const decidedOn of ['2026-02-30', '14.11.2026', '05/11/2026']) {
      expect(refused(api.call('decideRenewal', { memberId: marcus.id, outcome: 'renewed', decidedOn, decidedBy: 'Nadia Haddad' }))).toMatchObject({ field: 'decidedOn' });
    }
    expect(count('committee_decisions')).toBe(decisions);
    expect(ok<any>(api.call('getMember', { id: marcus.id })).member.renewalDue).toBe(due);
  });
});

describe('a committee decision whose Reason box says "Required"', () => {
  it('a renewal with conditions and an empty Reason is refused under Reason, and nothing is written', () => {
    const due = daysAgo(-20);
    const marcus = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: due })));
    const audit = count('audit_log');
    const input = { memberId: marcus.id, outcome: 'renewed_with_conditions', decidedOn: today(), decidedBy: 'Nadia Haddad', conditions: 'Two one-to-ones a month.' };
    for (const reason of [undefined, '', '   ']) {
      const err = refused(api.call('decideRenewal', { ...input, reason }));
      expect(err).toMatchObject({ field: 'reason', code: 'reason_required' });
      expect(err.message).toBe('Give the reason Marcus Chen is renewed with conditions.');
    }
    expect(count('committee_decisions')).toBe(0);
    expect(count('audit_log')).toBe(audit);
    expect(ok<any>(api.call('getMember', { id: marcus.id })).member.renewalDue).toBe(due);
  });

  it('every outcome the form marks "Required" is refused by the ledger without a reason', () => {
    expect(['approved', 'renewed', 'kept'].filter((o) => reasonRequiredFor(o as never))).toEqual([]);
    expect(['declined', 'deferred', 'renewed_with_conditions', 'not_renewed', 'kept_with_conditions', 'released'].every((o) => reasonRequiredFor(o as never))).toBe(true);
  });

  it('the audit log names the member and the outcome of a committee decision', () => {
    const marcus = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { renewalDue: daysAgo(-20) })));
    ok<Renewals>(api.call('decideRenewal', { memberId: marcus.id, outcome: 'renewed_with_conditions', decidedOn: today(), decidedBy: 'Nadia Haddad', reason: 'Three absences this spring.', conditions: 'Two one-to-ones a month.' }));
    const entries = ok<any[]>(api.call('listAuditLog', { entity: 'all' }));
    const summaries = entries.map((e) => e.summary as string);
    expect(summaries).toContain("Recorded committee decision on Marcus Chen's renewal: Renewed with conditions");
  });
});
