import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { buildFirstQuarter, okValue } from '../support/first-quarter';

// The hand-worked first quarter and its figures: tests/support/first-quarter.ts.
let opened: OpenedDatabase;
let api: Registry;
let ids: Record<string, string>;
const q1 = { from: '2026-01-01', to: '2026-03-31' };
const ok = okValue;

beforeAll(() => {
  ({ opened, api, ids } = buildFirstQuarter());
});

describe('tallies for the first quarter, worked out by hand', () => {
  it('give every member their PALMS, referrals, visitors, one-to-ones, TYFCB and CEUs', () => {
    const t = ok(api.call('tallies', q1));
    const pick = (first: string) => {
      const { memberId, firstName, lastName, name, classificationName, status, ...figures } = t.members.find((m: any) => m.firstName === first);
      return figures;
    };
    expect(pick('Ann')).toEqual({ leftDuringPeriod: false, p: 2, a: 1, l: 0, m: 0, s: 0, rgi: 2, rgo: 2, rri: 0, rro: 2, visitors: 0, oneToOnes: 1, tyfcbReceivedMinor: 9999, tyfcbGeneratedMinor: 155050, tyfcbReceivedDisputedMinor: 0, tyfcbReceivedDisputedSlips: 0, tyfcbGeneratedDisputedMinor: 0, tyfcbGeneratedDisputedSlips: 0, ceus: 1, outsideRgi: 0, outsideRgo: 0, outsideRri: 0, outsideRro: 0, outsideOneToOnes: 0, outsideTyfcbReceivedMinor: 0, outsideTyfcbGeneratedMinor: 0 });
    expect(pick('Bob')).toEqual({ leftDuringPeriod: false, p: 2, a: 1, l: 0, m: 0, s: 0, rgi: 0, rgo: 1, rri: 1, rro: 2, visitors: 0, oneToOnes: 1, tyfcbReceivedMinor: 125050, tyfcbGeneratedMinor: 0, tyfcbReceivedDisputedMinor: 0, tyfcbReceivedDisputedSlips: 0, tyfcbGeneratedDisputedMinor: 0, tyfcbGeneratedDisputedSlips: 0, ceus: 2, outsideRgi: 0, outsideRgo: 0, outsideRri: 0, outsideRro: 0, outsideOneToOnes: 0, outsideTyfcbReceivedMinor: 0, outsideTyfcbGeneratedMinor: 0 });
    expect(pick('Cat')).toEqual({ leftDuringPeriod: false, p: 1, a: 0, l: 1, m: 1, s: 0, rgi: 0, rgo: 1, rri: 1, rro: 0, visitors: 2, oneToOnes: 1, tyfcbReceivedMinor: 30000, tyfcbGeneratedMinor: 0, tyfcbReceivedDisputedMinor: 0, tyfcbReceivedDisputedSlips: 0, tyfcbGeneratedDisputedMinor: 0, tyfcbGeneratedDisputedSlips: 0, ceus: 0, outsideRgi: 0, outsideRgo: 0, outsideRri: 0, outsideRro: 0, outsideOneToOnes: 0, outsideTyfcbReceivedMinor: 0, outsideTyfcbGeneratedMinor: 0 });
    expect(pick('Dan')).toEqual({ leftDuringPeriod: true, p: 2, a: 0, l: 0, m: 0, s: 1, rgi: 0, rgo: 1, rri: 0, rro: 1, visitors: 0, oneToOnes: 1, tyfcbReceivedMinor: 0, tyfcbGeneratedMinor: 9999, tyfcbReceivedDisputedMinor: 0, tyfcbReceivedDisputedSlips: 0, tyfcbGeneratedDisputedMinor: 0, tyfcbGeneratedDisputedSlips: 0, ceus: 0, outsideRgi: 0, outsideRgo: 0, outsideRri: 0, outsideRro: 0, outsideOneToOnes: 0, outsideTyfcbReceivedMinor: 0, outsideTyfcbGeneratedMinor: 0 });
  });

  it('give chapter totals, counting each one-to-one once, and name the draft meeting that does not count', () => {
    const t = ok(api.call('tallies', q1));
    expect(t.totals).toEqual({ meetings: 3, cancelledMeetings: 1, p: 7, a: 2, l: 1, m: 1, s: 1, referralsInside: 2, referralsOutside: 5, visitors: 3, oneToOnes: 2, tyfcbMinor: 165049, tyfcbDisputedMinor: 0, tyfcbDisputedSlips: 0, ceus: 3, outsideReferralsGiven: 0, outsideReferralsReceived: 0, outsideOneToOnes: 0, outsideTyfcbReceivedMinor: 0, outsideTyfcbGeneratedMinor: 0 });
    expect(t.draftMeetings).toEqual(['2026-01-28']);
  });

  it('count one meeting as a period of one day', () => {
    const t = ok(api.call('tallies', { from: '2026-01-14', to: '2026-01-14' }));
    expect(t.totals).toMatchObject({ meetings: 1, referralsOutside: 2, tyfcbMinor: 125050, visitors: 1 });
  });

  it('leave a member who left before the period out of it', () => {
    const t = ok(api.call('tallies', { from: '2026-04-01', to: '2026-06-30' }));
    expect(t.members.map((m: any) => m.firstName)).toEqual(['Ann', 'Bob', 'Cat']);
  });

  it('refuse a period that ends before it starts', () => {
    expect(api.call('tallies', { from: '2026-03-31', to: '2026-01-01' })).toMatchObject({ ok: false, error: { field: 'to', message: 'From must be on or before To.' } });
  });
});

describe('the giver × receiver matrix', () => {
  it('holds referral counts and TYFCB money per pair', () => {
    const matrix = ok(api.call('referralMatrix', q1));
    const cell = (from: string, to: string) => matrix.cells.find((c: any) => c.giverId === ids[from] && c.receiverId === ids[to]) ?? null;
    expect(cell('Ann', 'Bob')).toMatchObject({ referrals: 3, tyfcbMinor: 125050 });
    expect(cell('Ann', 'Cat')).toMatchObject({ referrals: 1, tyfcbMinor: 30000 });
    expect(cell('Dan', 'Ann')).toMatchObject({ referrals: 1, tyfcbMinor: 9999 });
    expect(cell('Bob', 'Ann')).toMatchObject({ referrals: 1, tyfcbMinor: 0 });
    expect(cell('Cat', 'Ann')).toBeNull();
    expect(matrix.cells).toHaveLength(5);
  });
});

describe('flags', () => {
  it('at the default threshold of three referrals, find no one-way pair and nobody who only takes', () => {
    const flags = ok(api.call('reciprocityFlags', q1));
    expect(flags.oneWayPairs).toEqual([]);
    expect(flags.onlyTake).toEqual([]);
  });
});

describe('the PALMS export', () => {
  it("is BNI Connect's column order, TYFCB as the member's own slips with two decimals", () => {
    const { csv, fileName } = ok(api.call('palmsCsv', q1));
    expect(fileName).toBe('Harbour-Connectors-PALMS-2026-01-01-to-2026-03-31.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('First Name,Last Name,P,A,L,M,S,RGI,RGO,RRI,RRO,V,1-2-1,TYFCB,CEU');
    expect(lines).toContain('Ann,Test,2,1,0,0,0,2,2,0,2,0,1,99.99,1');
    expect(lines).toContain('Bob,Test,2,1,0,0,0,0,1,1,2,0,1,1250.50,2');
    expect(lines).toContain('Dan,Test,2,0,0,0,1,0,1,0,1,0,1,0.00,0');
  });
});

describe('members who gave nothing lately', () => {
  it('are counted back from the end of a past period, or from today while the period runs', async () => {
    const { reciprocityFlags } = await import('../../src/services/tallies');
    // Four weeks before 2026-02-28: since 2026-01-31. Ann gave on 02-11, Dan on 02-11, Cat last on 01-14, Bob on 01-07.
    const past = reciprocityFlags(opened.db, { from: '2026-01-01', to: '2026-02-28' }, { today: '2026-11-22' });
    expect(past.noRecentReferral.map((f) => [f.name, f.lastGivenOn])).toEqual([
      ['Bob Test', '2026-01-07'],
      ['Cat Test', '2026-01-14'],
    ]);
    // Period still running on 2026-02-20: since 2026-01-23; the same two, Dan has left since, Ann gave on 02-11.
    const running = reciprocityFlags(opened.db, { from: '2026-01-01', to: '2026-03-31' }, { today: '2026-02-20' });
    expect(running.noRecentReferral.map((f) => f.name)).toEqual(['Bob Test', 'Cat Test']);
  });
});

describe('the scorecard', () => {
  it('is grey for everyone with fewer weeks than the default profile needs', () => {
    const card = ok(api.call('scorecard', q1));
    expect(card.profileName).toBe('Chapter Ledger default (5 × 20 points)');
    expect(card.members.map((m: any) => [m.band, m.scored])).toEqual([['grey', false], ['grey', false], ['grey', false]]);
    expect(card.members[0].explanation).toBe('Not enough history yet: 3 counted weeks of the 4 a score needs.');
    expect(card.notice).toBe('Nobody has the 4 counted weeks a score needs in this period yet.');
  });

  /*
   * Q1 with the default thresholds and a one-week minimum (3 marked weeks each; the default counts every marked week):
   *   Ann: attendance (P2) of 3 = 66.67% → 0; referrals 4/3 = 1.33/week → 20; 1-2-1 1/3 → 5; CEU 1/3 → 10; visitors 0 → 0 = 35 red
   *   Bob: 67% → 0; 1/3 referrals → 0; 1-2-1 1/3 → 5; CEU 2/3 → 15; visitors 0 = 20 grey
   *   Cat: L, M, P = 100% → 20; 1/3 referrals → 0; 1-2-1 1/3 → 5; CEU 0; visitors 2 → 10 = 35 red
   *   Dan has left: not scored.
   */
  it('scores each category and explains what the next band needs', () => {
    const profile = ok(api.call('getScorecardProfile', {}));
    ok(api.call('saveScorecardProfile', { profile: { ...profile, minimumWeeks: 1 } }));
    const card = ok(api.call('scorecard', q1));
    const by = (first: string) => card.members.find((m: any) => m.name === `${first} Test`);
    expect([by('Ann').points, by('Ann').band, by('Bob').points, by('Bob').band, by('Cat').points, by('Cat').band]).toEqual([35, 'red', 20, 'grey', 35, 'red']);
    expect(by('Dan')).toBeUndefined();
    expect(by('Ann').explanation).toBe('35 points on only 3 counted weeks: red; 15 more for yellow (from 50). Few weeks: every meeting moves this score a lot (this profile scores from 1 week).');
    const attendance = by('Ann').categories.find((c: any) => c.id === 'attendance');
    expect(attendance).toMatchObject({ points: 0, maxPoints: 20, display: '67%', working: '(P 2 + L 0 + M 0 + S 0) of 3 weeks', rule: 'below every threshold → 0 points', next: '≥ 85% for 5 points' });
    const referrals = by('Ann').categories.find((c: any) => c.id === 'referrals');
    // A ratio says what it is a ratio of, in words: 4 referrals given over 3 counted weeks.
    expect(referrals).toMatchObject({ points: 20, display: '1.33', working: '4 referrals given in 3 weeks', rule: '≥ 1.25 per week → 20 points', next: null });
    expect(card.bands.map((b: any) => [b.colour, b.count])).toEqual([['green', 0], ['yellow', 0], ['red', 2], ['grey', 1]]);
    ok(api.call('saveScorecardProfile', { profile: null }));
  });

  it('refuses a profile whose bands do not go down', () => {
    const profile = ok(api.call('getScorecardProfile', {}));
    const bands = [{ colour: 'green', label: 'Green', from: 50 }, { colour: 'yellow', label: 'Yellow', from: 70 }, { colour: 'grey', label: 'Grey', from: 0 }];
    const result = api.call('saveScorecardProfile', { profile: { ...profile, bands } });
    expect(result).toMatchObject({ ok: false, error: { field: 'profile.bands', message: 'Bands must go down: each band starts below the one above it.' } });
  });
});
