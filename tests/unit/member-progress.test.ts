// A member's "how am I doing" page and statement: one-to-ones with whom, for the page's period.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { memberTrend } from '../../src/services/tallies';
import { buildFirstQuarter, okValue as ok } from '../support/first-quarter';
import { memberInput } from '../support/db';
import { pdfText } from '../support/pdf-text';

const q1 = { from: '2026-01-01', to: '2026-03-31' };
let quarter: ReturnType<typeof buildFirstQuarter>;
let chen = '';

beforeAll(() => {
  quarter = buildFirstQuarter();
  const { api, ids, opened } = quarter;
  const meetingOn = (day: string) => opened.db.get<{ id: string }>(sql`SELECT id FROM meetings WHERE meeting_on = ${day}`)!.id;
  const seat = ok(api.call('saveClassification', { name: 'Tea importer 茶', sphereId: null })).id;
  chen = ok(api.call('addMember', memberInput(seat, '大文', '陳', { joinedOn: '2025-01-01', nameOrder: 'family_first', confirmJoinDate: true }))).id;
  // At the closed M1 (an amendment, with its reason): Ann met Cat, and 陳大文 met Ann (he is stored on either side).
  ok(api.call('saveOneToOne', { meetingId: meetingOn('2026-01-07'), memberAId: ids.Ann, memberBId: ids.Cat, reason: 'Slip found after closing' }));
  ok(api.call('saveOneToOne', { meetingId: meetingOn('2026-01-07'), memberAId: chen, memberBId: ids.Ann, reason: 'Slip found after closing' }));
  // Entered by mistake and deleted: not a one-to-one.
  const mistaken = ok(api.call('saveOneToOne', { meetingId: meetingOn('2026-02-11'), memberAId: ids.Ann, memberBId: ids.Cat, reason: 'Wrong pair' })).id as string;
  ok(api.call('deleteSlip', { kind: 'one_to_one', id: mistaken, reason: 'Entered twice' }));
  // On the draft M4: does not count until the meeting is closed.
  ok(api.call('saveOneToOne', { meetingId: meetingOn('2026-01-28'), memberAId: ids.Ann, memberBId: ids.Dan }));
});

describe('one-to-ones with whom, on the member page', () => {
  it('lists each member met at a closed meeting of the period, whichever side of the slip, most first; deleted and draft ones left out', () => {
    const { opened, ids } = quarter;
    const ann = memberTrend(opened.db, ids.Ann!, q1).oneToOnesWith;
    expect(ann.map((c) => [c.name, c.oneToOnes])).toEqual([
      ['Bob Test', 1],
      ['Cat Test', 1],
      ['陳大文', 1],
    ]);
    expect(memberTrend(opened.db, chen, q1).oneToOnesWith.map((c) => [c.name, c.oneToOnes])).toEqual([['Ann Test', 1]]);
    expect(memberTrend(opened.db, ids.Cat!, q1).oneToOnesWith.map((c) => [c.name, c.oneToOnes])).toEqual([
      ['Ann Test', 1],
      ['Dan Test', 1],
    ]);
  });

  it('follows the period: nothing outside it, and an empty list (not an error) for a member who met nobody', () => {
    const { opened, ids } = quarter;
    expect(memberTrend(opened.db, ids.Ann!, { from: '2026-04-01', to: '2026-06-30' }).oneToOnesWith).toEqual([]);
    expect(memberTrend(opened.db, ids.Ann!, { from: '2026-02-01', to: '2026-03-31' }).oneToOnesWith).toEqual([]);
  });

  it("prints the same list on the member's statement for the period", async () => {
    const { api, ids } = quarter;
    const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'member_statement', memberId: ids.Ann, ...q1, producedAt: '2026-04-02T09:30:00.000Z' }));
    const text = pdfText(Buffer.from(value.pdfBase64, 'base64'));
    const part = text.slice(text.indexOf('One-to-ones with'));
    expect(part).toMatch(/^One-to-ones with\s+Member\s+One-to-ones\s+Bob Test\s+1\s+Cat Test\s+1\s+陳大文\s+1/);
    const dan = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'member_statement', memberId: ids.Bob, from: '2026-02-01', to: '2026-03-31', producedAt: '2026-04-02T09:30:00.000Z' }));
    expect(pdfText(Buffer.from(dan.pdfBase64, 'base64'))).toContain('No one-to-one at a closed meeting in this period.');
  });
});
