import { describe, expect, it } from 'vitest';
import { chapterTotals } from '../../src/services/tallies';
import { integrityFlags } from '../../src/services/integrity-flags';
import { okValue } from '../support/first-quarter';
import { drawnText, layoutProblems, pdfWords, squeeze } from '../support/pdf-layout';
import { buildOutcomesQuarter, firstQuarter } from '../support/outcomes-quarter';
import type { MemberOutcomesByMonth, Outcomes, PairOutcomes, Recognition, ReferralHistory } from '../../src/shared/contract';

const built = buildOutcomesQuarter();
const { api, ids, opened } = built;
const q1 = okValue<Outcomes>(api.call('outcomes', firstQuarter));
const member = (first: string) => q1.members.find((m) => m.memberId === ids[first])!;
// Read before the tests below add steps and slips to the quarter.
const byMonth = (first: string) => okValue<MemberOutcomesByMonth>(api.call('memberOutcomesByMonth', { memberId: ids[first], ...firstQuarter }));
const monthsOf = Object.fromEntries(['Ann', 'Bob', 'Cat', 'Dan'].map((who) => [who, byMonth(who)]));

describe('did the quarter’s referrals turn into business (the hand-worked quarter)', () => {
  it('counts referrals given by outcome: 2 won, 2 lost, 2 still open', () => {
    expect(q1.chapter.given).toEqual({ won: 2, lost: 2, open: 2, total: 6 });
    expect(member('Ann').given).toEqual({ won: 2, lost: 1, open: 0, total: 3 });
    expect(member('Bob').received).toEqual({ won: 2, lost: 0, open: 0, total: 2 });
    expect(member('Dan').received).toEqual({ won: 0, lost: 1, open: 0, total: 1 });
  });

  it('gives conversion as won ÷ decided and won ÷ all', () => {
    expect(q1.chapter.conversion).toBe(0.5);
    expect(q1.chapter.conversionAll).toBeCloseTo(2 / 6, 10);
    expect(member('Ann').conversionGiven).toBeCloseTo(2 / 3, 10);
    expect(member('Bob').conversionGiven).toBeNull(); // R3 is still open: nothing decided
    expect(member('Bob').conversionGivenAll).toBe(0);
  });

  it('shows the funnel: given, contacted, meeting set, won', () => {
    expect(q1.chapter.funnel).toEqual({ given: 6, contacted: 4, meetingSet: 3, won: 2 });
  });

  it('a status put back by mistake no longer counts in the funnel: won → lost → back to contacted is contacted only, new → won → back to new was never contacted', () => {
    // Worked by hand from the quarter above (funnel 6 → 4 → 3 → 2):
    //   R2 Ann→Cat contacted 01-11, lost 01-20, then Cat records won 01-22 (by mistake), lost 01-23, back to contacted 01-25:
    //     it stands at "contacted" now and is open again — still counted as contacted, never as meeting set.
    //   R3 Bob→Ann new, Ann records won 02-01 by mistake and puts it back to new 02-02: it stands at New —
    //     not contacted, no meeting set, and no "days to first contact" for Ann (her R6 alone: 2 days).
    // Funnel: given 6, contacted R1 R2 R4 R6 = 4, meeting set R1 R4 R6 = 3, won R1 R4 = 2.
    // Outcomes now: won R1 R4 = 2, lost R5 = 1, open R2 R3 R6 = 3.
    const fresh = buildOutcomesQuarter();
    const step = (key: string, status: string, on: string, by: string, extra: Record<string, unknown> = {}) =>
      okValue(fresh.api.call('setReferralStatus', { id: fresh.ids[key], status, on, recordedById: fresh.ids[by], lostReason: null, note: '', ...extra }));
    step('R2', 'won', '2026-01-22', 'Cat');
    step('R2', 'lost', '2026-01-23', 'Cat', { lostReason: 'other', note: 'Pressed the wrong status' });
    step('R2', 'contacted', '2026-01-25', 'Cat', { note: 'Still talking to them' });
    step('R3', 'won', '2026-02-01', 'Ann');
    step('R3', 'new', '2026-02-02', 'Ann', { note: 'Won was a slip of the mouse' });
    const after = okValue<Outcomes>(fresh.api.call('outcomes', firstQuarter));
    expect(after.chapter.funnel).toEqual({ given: 6, contacted: 4, meetingSet: 3, won: 2 });
    expect(after.chapter.given).toEqual({ won: 2, lost: 1, open: 3, total: 6 });
    expect(after.members.find((m) => m.memberId === fresh.ids.Ann)!.medianDaysToContact).toBe(2);
    fresh.opened.close();
  });

  it('measures median days to first contact and to close, chapter-wide and for each receiver', () => {
    expect(q1.chapter.medianDaysToContact).toBe(2);
    expect(q1.chapter.medianDaysToClose).toBe(14);
    expect(member('Bob').medianDaysToContact).toBe(1.5);
    expect(member('Bob').medianDaysToClose).toBe(14);
    expect(member('Cat').medianDaysToContact).toBe(4);
    expect(member('Cat').medianDaysToClose).toBeNull();
    expect(member('Dan').medianDaysToContact).toBeNull();
  });

  it('attributes revenue to each referrer, linked and unlinked apart, and keeps the disputed amount apart', () => {
    expect(q1.chapter).toMatchObject({ linkedMinor: 150000, unlinkedMinor: 49999, disputedMinor: 25000, totalMinor: 224999, revenuePerReferralMinor: 33333 });
    expect(member('Ann')).toMatchObject({ generatedLinkedMinor: 150000, generatedUnlinkedMinor: 30000, generatedDisputedMinor: 25000, revenuePerReferralMinor: 60000 });
    expect(member('Bob')).toMatchObject({ generatedLinkedMinor: 0, generatedUnlinkedMinor: 10000, generatedDisputedMinor: 0 });
    expect(member('Dan')).toMatchObject({ generatedUnlinkedMinor: 9999 });
    expect(member('Cat').generatedUnlinkedMinor).toBe(0); // her 40.00 slip was removed
    // The tallies leave the disputed slip out of their total and show it apart: the same split.
    const totals = chapterTotals(opened.db, firstQuarter);
    expect(totals.tyfcbMinor).toBe(q1.chapter.linkedMinor + q1.chapter.unlinkedMinor);
    expect(totals.tyfcbDisputedMinor).toBe(q1.chapter.disputedMinor);
  });

  it('ranks referrer → receiver pairs by revenue', () => {
    expect(q1.pairs.map((p) => [p.giverName, p.receiverName, p.referrals, p.won, p.revenueMinor, p.disputedMinor])).toEqual([
      ['Ann Test', 'Bob Test', 2, 2, 150000, 25000],
      ['Ann Test', 'Cat Test', 1, 0, 30000, 0],
      ['Bob Test', 'Cat Test', 0, 0, 10000, 0],
      ['Dan Test', 'Ann Test', 1, 0, 9999, 0],
    ]);
  });

  it('splits the period by month and says why referrals were lost', () => {
    expect(q1.months).toEqual([
      { month: '2026-01', given: 5, won: 2, linkedMinor: 100000, unlinkedMinor: 0, disputedMinor: 0 },
      { month: '2026-02', given: 1, won: 0, linkedMinor: 50000, unlinkedMinor: 49999, disputedMinor: 25000 },
    ]);
    expect(q1.chapter.lostReasons).toEqual({ price: 1, timing: 0, no_answer: 1, not_a_fit: 0, other: 0, not_recorded: 0 });
  });

  it('gives every referrer → receiver pair its outcomes, days and revenue, and one member’s pairs either way round', () => {
    const all = okValue<PairOutcomes>(api.call('pairOutcomes', { ...firstQuarter, memberId: null }));
    const brief = all.pairs.map((x) => `${x.giverName.split(' ')[0]}→${x.receiverName.split(' ')[0]}`);
    expect(brief).toEqual(['Ann→Bob', 'Ann→Cat', 'Bob→Cat', 'Dan→Ann', 'Bob→Ann', 'Cat→Dan']);
    const pair = (name: string) => all.pairs[brief.indexOf(name)]!;
    expect(pair('Ann→Bob')).toMatchObject({ given: { won: 2, lost: 0, open: 0, total: 2 }, conversion: 1, conversionAll: 1, medianDaysToContact: 1.5, medianDaysToClose: 14,
      linkedMinor: 150000, unlinkedMinor: 0, disputedMinor: 25000, revenuePerReferralMinor: 75000 });
    expect(pair('Ann→Cat')).toMatchObject({ given: { won: 0, lost: 1, open: 0, total: 1 }, conversion: 0, medianDaysToContact: 4, medianDaysToClose: null, unlinkedMinor: 30000, revenuePerReferralMinor: 30000 });
    expect(pair('Bob→Cat')).toMatchObject({ given: { won: 0, lost: 0, open: 0, total: 0 }, conversion: null, conversionAll: null, unlinkedMinor: 10000, revenuePerReferralMinor: null });
    expect(pair('Dan→Ann')).toMatchObject({ given: { won: 0, lost: 0, open: 1, total: 1 }, conversion: null, conversionAll: 0, medianDaysToContact: 2, unlinkedMinor: 9999 });
    expect(pair('Bob→Ann')).toMatchObject({ given: { won: 0, lost: 0, open: 1, total: 1 }, medianDaysToContact: null, linkedMinor: 0, unlinkedMinor: 0, revenuePerReferralMinor: 0 });
    expect(pair('Cat→Dan')).toMatchObject({ given: { won: 0, lost: 1, open: 0, total: 1 }, medianDaysToContact: null, unlinkedMinor: 0, disputedMinor: 0 });
    // The pairs add up to the chapter's figures.
    const sum = (f: (x: PairOutcomes['pairs'][number]) => number) => all.pairs.reduce((n, x) => n + f(x), 0);
    expect(sum((x) => x.given.total)).toBe(q1.chapter.given.total);
    expect([sum((x) => x.linkedMinor), sum((x) => x.unlinkedMinor), sum((x) => x.disputedMinor)]).toEqual([q1.chapter.linkedMinor, q1.chapter.unlinkedMinor, q1.chapter.disputedMinor]);
    const dans = okValue<PairOutcomes>(api.call('pairOutcomes', { ...firstQuarter, memberId: ids.Dan }));
    expect(dans.pairs.map((x) => `${x.giverName.split(' ')[0]}→${x.receiverName.split(' ')[0]}`)).toEqual(['Dan→Ann', 'Cat→Dan']);
  });

  it('asking for the pairs of a member who is not in the chapter says so and names the field', () => {
    const answer = api.call('pairOutcomes', { ...firstQuarter, memberId: 'no-such-member' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.field).toBe('memberId');
      expect(answer.error.message).toMatch(/not in this chapter/);
    }
  });

  it('a period with no meetings answers zeros and nulls, not errors', () => {
    const empty = okValue<Outcomes>(api.call('outcomes', { from: '2025-06-01', to: '2025-06-30' }));
    expect(empty.chapter.given.total).toBe(0);
    expect(empty.chapter.conversion).toBeNull();
    expect(empty.chapter.medianDaysToClose).toBeNull();
    expect(empty.chapter.revenuePerReferralMinor).toBeNull();
  });
});

describe('a member’s referrals by outcome, month by month (the chart on the member’s own page)', () => {
  /*
   * By the fixture: the quarter's closed meetings fall in 2026-01 (M1, M2) and 2026-02 (M3); none in March.
   * Ann  gave   R1 won, R2 lost (M1), R4 won (M2) → Jan won 2, lost 1 · Feb nothing
   *      received R3 open (M1, Bob) → Jan open 1 · R6 open (M3, Dan) → Feb open 1
   * Bob  gave   R3 open (Jan) (R7 is at M4, April: not counted) · received R1, R4 won → Jan won 2
   * Cat  gave   R5 lost (M2, Jan) · received R2 lost (Jan)
   * Dan  gave   R6 open (M3, Feb) · received R5 lost (Jan)
   */
  const z = { won: 0, lost: 0, open: 0 };
  it('counts what the member gave and received, by month and outcome, worked out by hand', () => {
    expect(monthsOf.Ann!.months).toEqual([
      { month: '2026-01', given: { won: 2, lost: 1, open: 0 }, received: { won: 0, lost: 0, open: 1 } },
      { month: '2026-02', given: z, received: { won: 0, lost: 0, open: 1 } },
    ]);
    expect(monthsOf.Bob!.months).toEqual([
      { month: '2026-01', given: { won: 0, lost: 0, open: 1 }, received: { won: 2, lost: 0, open: 0 } },
      { month: '2026-02', given: z, received: z },
    ]);
    expect(monthsOf.Cat!.months).toEqual([
      { month: '2026-01', given: { won: 0, lost: 1, open: 0 }, received: { won: 0, lost: 1, open: 0 } },
      { month: '2026-02', given: z, received: z },
    ]);
    expect(monthsOf.Dan!.months).toEqual([
      { month: '2026-01', given: z, received: { won: 0, lost: 1, open: 0 } },
      { month: '2026-02', given: { won: 0, lost: 0, open: 1 }, received: z },
    ]);
  });

  it('the months add up to the member’s row of the Outcomes table, given and received', () => {
    for (const who of ['Ann', 'Bob', 'Cat', 'Dan']) {
      const sum = (side: 'given' | 'received') =>
        monthsOf[who]!.months.reduce((s, m) => ({ won: s.won + m[side].won, lost: s.lost + m[side].lost, open: s.open + m[side].open }), { ...z });
      const row = member(who);
      expect(sum('given')).toEqual({ won: row.given.won, lost: row.given.lost, open: row.given.open });
      expect(sum('received')).toEqual({ won: row.received.won, lost: row.received.lost, open: row.received.open });
    }
  });

  it('a period with no closed meeting has no months; a member not in the chapter is refused naming the field', () => {
    expect(okValue<MemberOutcomesByMonth>(api.call('memberOutcomesByMonth', { memberId: ids.Ann, from: '2025-06-01', to: '2025-06-30' })).months).toEqual([]);
    const answer = api.call('memberOutcomesByMonth', { memberId: 'no-such-member', ...firstQuarter });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.field).toBe('memberId');
      expect(answer.error.message).toMatch(/not in this chapter/);
    }
    const backwards = api.call('memberOutcomesByMonth', { memberId: ids.Ann, from: '2026-03-31', to: '2026-01-01' });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.field).toBe('to');
  });
});

describe('a referral’s follow-up history', () => {
  it('keeps every step with its day, who recorded it and why it was lost', () => {
    const history = okValue<ReferralHistory>(api.call('referralHistory', { id: ids.R2 }));
    expect(history.entries.map((e) => [e.status, e.changedOn, e.recordedByName, e.lostReason])).toEqual([
      ['contacted', '2026-01-11', 'Cat Test', null],
      ['lost', '2026-01-20', 'Cat Test', 'price'],
    ]);
  });

  it('a TYFCB linked to a referral marks it won with the amount, and repeat business adds slips, not steps', () => {
    const r1 = okValue<ReferralHistory>(api.call('referralHistory', { id: ids.R1 }));
    expect(r1.entries.at(-1)).toMatchObject({ status: 'won', changedOn: '2026-01-14', recordedByName: 'Bob Test', note: 'TYFCB recorded' });
    expect(r1.tyfcb.map((t) => t.amountMinor)).toEqual([100000]);
    const r4 = okValue<ReferralHistory>(api.call('referralHistory', { id: ids.R4 }));
    expect(r4.entries.filter((e) => e.status === 'won')).toHaveLength(1);
    expect(r4.tyfcb.map((t) => [t.amountMinor, t.disputed])).toEqual([[50000, false], [25000, true]]);
  });

  it('“lost” asks why, and a reason on anything else is refused', () => {
    const lost = api.call('setReferralStatus', { id: ids.R3, status: 'lost', on: '2026-02-01' });
    expect(lost).toMatchObject({ ok: false, error: { field: 'lostReason' } });
    const contacted = api.call('setReferralStatus', { id: ids.R3, status: 'contacted', on: '2026-02-01', lostReason: 'price' });
    expect(contacted).toMatchObject({ ok: false, error: { field: 'lostReason' } });
  });

  it('“lost” for an “other” reason asks for the note (Other needs words), and the audit log says why it was lost', () => {
    const fresh = buildOutcomesQuarter();
    const call = (input: Record<string, unknown>) => fresh.api.call('setReferralStatus', { id: fresh.ids.R3, status: 'lost', on: '2026-02-01', recordedById: fresh.ids.Ann, lostReason: 'other', ...input });
    expect(call({ note: '' })).toMatchObject({ ok: false, error: { field: 'note', message: expect.stringContaining('Other') } });
    expect(call({ note: '   ' })).toMatchObject({ ok: false, error: { field: 'note' } });
    expect(okValue<ReferralHistory>(fresh.api.call('referralHistory', { id: fresh.ids.R3 })).entries).toEqual([]); // nothing saved
    okValue(call({ note: 'They moved abroad' }));
    const line = okValue<Array<{ reason: string; summary: string }>>(fresh.api.call('listAuditLog', { entity: 'referral', limit: 5 }))[0]!;
    expect(line.summary).toContain('status new → lost');
    expect(line.summary).toContain('lost because — → Other');
    fresh.opened.close();
  });

  it('refuses a follow-up dated before the referral, before the last step, or in the future — and changes nothing', () => {
    const before = okValue<ReferralHistory>(api.call('referralHistory', { id: ids.R6 }));
    expect(api.call('setReferralStatus', { id: ids.R6, status: 'contacted', on: '2026-02-01' })).toMatchObject({ ok: false, error: { field: 'on', message: expect.stringContaining('2026-02-04') } });
    expect(api.call('setReferralStatus', { id: ids.R6, status: 'won', on: '2026-02-05' })).toMatchObject({ ok: false, error: { field: 'on', message: expect.stringContaining('2026-02-06') } });
    expect(api.call('setReferralStatus', { id: ids.R6, status: 'won', on: '2999-01-01' })).toMatchObject({ ok: false, error: { field: 'on', message: expect.stringMatching(/^A follow-up cannot be dated after today \(\d{4}-\d{2}-\d{2}\)/) } });
    expect(api.call('setReferralStatus', { id: ids.R6, status: 'won', on: '2026-02-30' })).toMatchObject({ ok: false, error: { field: 'on' } });
    expect(okValue<ReferralHistory>(api.call('referralHistory', { id: ids.R6 }))).toEqual(before);
  });

  it('only the giver or the receiver can be named as having recorded a step', () => {
    expect(api.call('setReferralStatus', { id: ids.R6, status: 'won', on: '2026-02-10', recordedById: ids.Cat })).toMatchObject({ ok: false, error: { field: 'recordedById' } });
  });

  it('the same status twice (Enter twice) is refused unless it carries a note', () => {
    expect(api.call('setReferralStatus', { id: ids.R6, status: 'meeting_set', on: '2026-02-06' })).toMatchObject({ ok: false, error: { field: 'note' } });
  });

  it('a referral thanked by a TYFCB stays won', () => {
    expect(api.call('setReferralStatus', { id: ids.R1, status: 'lost', on: '2026-03-01', lostReason: 'other' })).toMatchObject({ ok: false, error: { field: 'status' } });
  });

  it('a TYFCB deleted by mistake takes the referral back to where it stood (meeting set); the receiver can then move it on, kept in the history', () => {
    const fresh = buildOutcomesQuarter();
    const call = (method: string, input: unknown) => fresh.api.call(method, input);
    const back = { id: fresh.ids.R1, status: 'lost', on: '2026-11-30', lostReason: 'timing', note: 'The TYFCB was on the wrong pair' };
    expect(call('setReferralStatus', { ...back, on: '2026-03-02' })).toMatchObject({ ok: false, error: { field: 'status' } });
    okValue(call('deleteSlip', { kind: 'tyfcb', id: fresh.ids.T1, reason: 'Entered on the wrong pair' }));
    expect(okValue<Outcomes>(call('outcomes', firstQuarter)).chapter.given).toEqual({ won: 1, lost: 2, open: 3, total: 6 });
    const on = okValue<ReferralHistory>(call('referralHistory', { id: fresh.ids.R1 })).entries.at(-1)!.changedOn;
    okValue(call('setReferralStatus', { ...back, on }));
    const history = okValue<ReferralHistory>(call('referralHistory', { id: fresh.ids.R1 }));
    expect(history.entries.slice(-3).map((e) => e.status)).toEqual(['won', 'meeting_set', 'lost']);
    expect(history.entries.at(-3)!.changedOn).toBe('2026-01-14');
    expect(history.tyfcb).toEqual([]);
    expect(okValue<Outcomes>(call('outcomes', firstQuarter)).chapter.given).toEqual({ won: 1, lost: 3, open: 2, total: 6 });
    fresh.opened.close();
  });

  it('every step is in the audit log with its note', () => {
    const log = opened.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'referral' AND entity_id = ? AND action = 'update' ORDER BY rowid").all(ids.R2) as Array<{ after: string }>;
    expect(log.map((l) => JSON.parse(l.after).status)).toEqual(['contacted', 'lost']);
    expect(JSON.parse(log[1]!.after).lostReason).toBe('price');
  });
});

describe('TYFCB disputes', () => {
  const dispute = (id: string | undefined) => opened.sqlite.prepare('SELECT * FROM tyfcb_disputes WHERE id = ?').get(id!) as Record<string, unknown>;

  it('records who raised it, when and why, and who resolved it how', () => {
    expect(dispute(ids.D4)).toMatchObject({ raised_by_id: ids.Bob, raised_on: '2026-02-10', ground: 'wrong_amount', resolution: null });
    expect(dispute(ids.D7)).toMatchObject({ resolution: 'corrected', resolved_on: '2026-02-18', resolution_reason: 'Invoice checked: 100.00.' });
  });

  it('a correction is an amendment of the slip with the reason in the audit log; a removal is a tombstone', () => {
    const amend = opened.sqlite.prepare("SELECT before, after, reason FROM audit_log WHERE entity = 'tyfcb' AND entity_id = ? AND action = 'update'").get(ids.T7) as { before: string; after: string; reason: string };
    expect(JSON.parse(amend.before).amountMinor).toBe(12000);
    expect(JSON.parse(amend.after).amountMinor).toBe(10000);
    expect(amend.reason).toBe('Dispute resolved (corrected): Invoice checked: 100.00.');
    const removed = opened.sqlite.prepare("SELECT reason FROM audit_log WHERE entity = 'tyfcb' AND entity_id = ? AND action = 'delete'").get(ids.T2) as { reason: string };
    expect(removed.reason).toContain('removed');
    expect(opened.sqlite.prepare('SELECT deleted_at IS NOT NULL AS gone FROM tyfcb_slips WHERE id = ?').get(ids.T2)).toEqual({ gone: 1 });
  });

  it('only the two members on the slip can dispute it, once at a time, and a resolved dispute stays resolved', () => {
    expect(api.call('disputeTyfcb', { tyfcbId: ids.T5, raisedById: ids.Dan, ground: 'wrong_amount', why: 'x' })).toMatchObject({ ok: false, error: { field: 'raisedById' } });
    expect(api.call('disputeTyfcb', { tyfcbId: ids.T4, raisedById: ids.Ann, ground: 'wrong_amount', why: 'again' })).toMatchObject({ ok: false, error: { field: 'tyfcbId' } });
    expect(api.call('disputeTyfcb', { tyfcbId: ids.T5, raisedById: ids.Cat, ground: 'wrong_amount', why: '   ' })).toMatchObject({ ok: false, error: { field: 'why' } });
    expect(api.call('resolveDispute', { id: ids.D6, resolution: 'removed', reason: 'changed my mind' })).toMatchObject({ ok: false, error: { field: 'resolution' } });
  });

  it('“corrected” needs an actual change, and a bad amount names the field and changes nothing', () => {
    expect(api.call('resolveDispute', { id: ids.D4, resolution: 'corrected', reason: 'checked' })).toMatchObject({ ok: false, error: { field: 'amount' } });
    expect(api.call('resolveDispute', { id: ids.D4, resolution: 'corrected', reason: 'checked', amount: 'twelve' })).toMatchObject({ ok: false, error: { field: 'amount' } });
    expect(dispute(ids.D4).resolution).toBeNull();
  });
});

describe('flags for leadership', () => {
  it('a referral with no follow-up for the stale days (14 by default) is stale; one updated 13 days ago is not', () => {
    const flags = integrityFlags(opened.db, firstQuarter, '2026-02-19');
    expect(flags.stale.map((s) => [s.prospectName, s.lastUpdateOn, s.daysSinceUpdate])).toEqual([['Prospect R3', '2026-01-07', 43]]);
    expect(integrityFlags(opened.db, firstQuarter, '2026-02-20').stale.map((s) => s.prospectName)).toEqual(['Prospect R3', 'Prospect R6']);
  });

  it('explains each rule with its threshold, and the thresholds are settings', () => {
    okValue(api.call('saveOutcomeRules', { rules: { concentrationMin: 3, concentrationShare: 60, pairNoTyfcbMin: 2 } }));
    const flags = integrityFlags(opened.db, firstQuarter, '2026-02-20');
    expect(flags.rules.find((r) => r.id === 'concentration')!.rule).toContain('at least 3 referrals');
    expect(flags.rules.find((r) => r.id === 'concentration')!.rule).toContain('60%');
    // Ann gave 3: 2 to Bob (67% ≥ 60%).
    expect(flags.concentration.map((c) => [c.giverName, c.receiverName, c.toReceiver, c.given])).toEqual([['Ann Test', 'Bob Test', 2, 3]]);
    // Cat and Dan traded 1 referral (R5), and T2 between them was removed: below 2. Every other pair has TYFCB.
    expect(flags.quietPairs).toEqual([]);
    okValue(api.call('saveOutcomeRules', { rules: null }));
  });
});

describe('recognition for the quarter', () => {
  const r = okValue<Recognition>(api.call('recognition', firstQuarter));
  const winners = (id: string) => r.categories.find((c) => c.id === id)!.winners.map((w) => `${w.name.split(' ')[0]} ${w.label}`);

  it('names the top givers with ties at the cut-off, and the top TYFCB without disputed amounts', () => {
    expect(winners('top_givers')).toEqual(['Ann 3 referrals', 'Bob 1 referral', 'Cat 1 referral', 'Dan 1 referral']);
    expect(winners('top_tyfcb')).toEqual(['Ann $1,800.00', 'Bob $100.00', 'Dan $99.99']);
  });

  it('a card that names more than the top 3 because of a tie says so; one that names 3 or fewer does not', () => {
    const rule = (id: string) => r.categories.find((c) => c.id === id)!.rule;
    expect(rule('top_givers')).toMatch(/the top 3, ties included\. 4 named: a tie at the cut-off\.$/);
    expect(rule('one_to_ones')).toMatch(/the top 3, ties included\.$/);
    expect(rule('top_tyfcb')).not.toContain('named: a tie');
  });

  it('perfect attendance, one-to-ones, visitors and best conversion with its minimum', () => {
    expect(winners('perfect_attendance')).toEqual(['Ann 3 of 3 meetings', 'Bob 3 of 3 meetings']);
    expect(winners('one_to_ones')).toEqual(['Ann 2 one-to-ones', 'Bob 1 one-to-one', 'Cat 1 one-to-one']);
    expect(winners('visitors')).toEqual(['Cat 1 visitor']);
    expect(winners('conversion')).toEqual(['Ann 67% (2 of 3)']);
  });

  it('when late does not count as present, only Ann kept perfect attendance', () => {
    okValue(api.call('saveOutcomeRules', { rules: { lateCountsAsPresent: false } }));
    const strict = okValue<Recognition>(api.call('recognition', firstQuarter));
    expect(strict.categories.find((c) => c.id === 'perfect_attendance')!.winners.map((w) => w.name)).toEqual(['Ann Test']);
    okValue(api.call('saveOutcomeRules', { rules: null }));
  });
});

describe('the one-page recognition PDF', () => {
  it('fits one page, names every recognised member, and no word runs over another or off the page', async () => {
    const produced = await api.callAsync('produceRecognitionPdf', { ...firstQuarter, producedAt: '2026-04-02T10:00:00.000Z' });
    const { fileName, pdfBase64 } = okValue<{ fileName: string; pdfBase64: string }>(produced);
    expect(fileName).toBe('Harbour-Connectors-recognition-2026-01-01-to-2026-03-31.pdf');
    const bytes = new Uint8Array(Buffer.from(pdfBase64, 'base64'));
    const words = pdfWords(bytes);
    expect(new Set(words.map((w) => w.page))).toEqual(new Set([1]));
    const text = squeeze(drawnText(bytes));
    for (const expected of ['Topreferralgivers', 'AnnTest3referrals', 'AnnTest$1,800.00', 'BobTest3of3meetings', 'CatTest1visitor', 'AnnTest67%(2of3)']) expect(text).toContain(expected);
    expect(layoutProblems(bytes)).toEqual([]);
  });
});
