// A member statement says what the Scorecard screen says about that member, now that a statement scores only
// its own member and "All statements" computes the chapter's tallies and scorecard once for everyone (issue 16).
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';
import { allStatementsData, memberStatementData } from '../../src/services/reports';
import { scorecard, scoreEndMonth } from '../../src/services/scorecard';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';
import { pdfText } from '../support/pdf-text';

const today = '2026-11-23';
const producedAt = new Date(`${today}T18:00:00.000Z`);
// The last closed quarter: its statements are scored over the profile's months up to the quarter's end.
const quarter = { from: '2026-07-01', to: '2026-09-30' };

let opened: OpenedDatabase;
let api: Registry;
beforeAll(() => {
  opened = openTestDb();
  loadDemoChapter(opened.db, today);
  api = testRegistry(opened);
});

/** What the Scorecard screen shows when the secretary picks the month the statements' scores end with. */
const screen = () => scorecard(opened.db, { endMonth: scoreEndMonth(quarter.to, today) }, today);

function leave(memberId: string, leftOn: string) {
  const m = ok<{ member: Record<string, unknown> }>(api.call('getMember', { id: memberId })).member;
  ok(api.call('updateMember', { id: m.id, firstName: m.firstName, lastName: m.lastName, company: m.company, classificationId: m.classificationId, phone: m.phone, email: m.email, status: 'former', leftOn, joinedOn: m.joinedOn, renewalDue: m.renewalDue, sponsorId: m.sponsorId, leadershipRole: null }));
}

describe("a member's statement and the Scorecard screen", () => {
  it('shows every member the points, colour, categories and next colour the Scorecard screen shows them', () => {
    const card = screen();
    expect(card.members.length).toBeGreaterThan(10);
    for (const row of card.members) {
      const statement = memberStatementData(opened.db, row.memberId, quarter, producedAt);
      expect(statement.score, row.name).toEqual(row);
      expect(statement.scorePeriod).toEqual(card.period);
      expect(statement.scorePeriodWords).toBe(card.periodWords);
      expect(statement.scoreProfileName).toBe(card.profileName);
    }
  });

  it('still scores a member who left after the scorecard period, on the screen and on her statement, as the region lists that month', () => {
    // A member with figures in the quarter leaves in October: September's scorecard is about months she was there.
    const leaving = screen().members.find((m) => m.scored && m.status === 'active' && !/president|secretary/i.test(m.name))!;
    leave(leaving.memberId, '2026-10-15');
    const row = screen().members.find((r) => r.memberId === leaving.memberId);
    expect(row, 'the member who left in October').toBeDefined();
    expect(row!.points).toBe(leaving.points);
    expect(row!.band).toBe(leaving.band);
    expect(memberStatementData(opened.db, leaving.memberId, quarter, producedAt).score).toEqual(row);
  });

  it('says "not scored" on the statement of a member who had left by the end of the scorecard period, whom the screen does not score', () => {
    const leaving = screen().members.find((m) => m.scored && m.status === 'active' && !/president|secretary/i.test(m.name))!;
    leave(leaving.memberId, '2026-09-15');
    const card = screen();
    expect(card.members.map((r) => r.memberId)).not.toContain(leaving.memberId);
    const scored = new Set(card.members.map((m) => m.memberId));
    const all = allStatementsData(opened.db, quarter, producedAt, 'print');
    const unscored = all.filter((s) => !scored.has(s.memberId));
    expect(unscored.map((s) => s.memberId)).toContain(leaving.memberId);
    for (const s of unscored) {
      const statement = memberStatementData(opened.db, s.memberId, quarter, producedAt);
      expect(statement.score).toBeNull();
      expect(statement.tally).toEqual(s.data.tally);
    }
  });

  it("prints the same figures in 'All statements' as in each member's own statement", () => {
    const all = allStatementsData(opened.db, quarter, producedAt, 'print');
    expect(all.length).toBeGreaterThan(10);
    for (const s of all) expect(s.data, s.data.member.name).toEqual(memberStatementData(opened.db, s.memberId, quarter, producedAt));
  });

  it("the printed statement reads the member's colour and each category's points as the screen does", async () => {
    const row = screen().members.find((m) => m.scored && m.categories.some((c) => c.points > 0))!;
    const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'member_statement', memberId: row.memberId, ...quarter, producedAt: producedAt.toISOString() }));
    const text = pdfText(Buffer.from(value.pdfBase64, 'base64'));
    expect(text).toContain(`${row.bandLabel.toUpperCase()} —`);
    for (const c of row.categories.filter((c) => c.maxPoints > 0)) expect(text).toMatch(new RegExp(`${c.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?${c.points} / ${c.maxPoints}`));
  });
});
