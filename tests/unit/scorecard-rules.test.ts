// Scorecards that match the region's official Traffic Lights, point for point: members worked out
// by hand on and around every threshold of each preset, scored by the same rules the screen uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cheapestPath, parseExact, printFraction, scoreMember, withSteps, type ScoringTally } from '../../src/services/scorecard-rules';
import { defaultScorecardProfile, scorecardProfileSchema, taiwanSixCategories, upgradeStoredProfile, usTrafficLights2025, type ScorecardProfile } from '../../src/shared/scorecard-profile';

const zero: ScoringTally = { p: 0, a: 0, l: 0, m: 0, s: 0, rgi: 0, rgo: 0, rri: 0, rro: 0, oneToOnes: 0, ceus: 0, visitors: 0, sponsored: 0, tyfcbGeneratedMinor: 0, tyfcbReceivedMinor: 0 };
const member = (t: Partial<ScoringTally>): ScoringTally => ({ ...zero, ...t });
const pointsOf = (profile: ScorecardProfile, t: ScoringTally, digits = 2): Record<string, number | string> => {
  const r = scoreMember(profile, t, digits);
  return { ...Object.fromEntries(r.categories.map((c) => [c.key, c.points])), total: r.points, band: r.band, weeks: r.weeks };
};

describe('the presets are valid profiles', () => {
  it.each([usTrafficLights2025, taiwanSixCategories, defaultScorecardProfile])('$name', (profile) => {
    expect(scorecardProfileSchema.parse(profile)).toEqual(profile);
  });
});

describe('exact numbers', () => {
  it('reads decimals and fractions exactly, and prints half up', () => {
    expect(parseExact('0.75')).toEqual({ num: 75n, den: 100n });
    expect(parseExact('4.5/26')).toEqual({ num: 45n, den: 260n });
    expect(printFraction({ num: 1950n, den: 23n }, 0)).toBe('85'); // 84.78… prints as 85
    expect(printFraction({ num: 2n, den: 3n }, 2)).toBe('0.67');
    expect(printFraction({ num: 6n, den: 26n }, 3)).toBe('0.231');
    expect(printFraction({ num: 1n, den: 8n }, 2)).toBe('0.13'); // 0.125 half up
  });
});

describe('US regional Traffic Lights (2025), worked by hand', () => {
  const us = usTrafficLights2025;

  /*
   * The 84.78 % member, with Medical weeks: P19 A3 L1 M3 → W = 26 marked, weeks = W − M = 23.
   *   attendance (19 + ½·1) / 23 = 19.5/23 = 84.78 % → prints 85 %, but 84.78 < 85 → 10 (≥ 75)
   *   referrals 23 / 23 = 1.00 → exactly the top threshold → 20
   *   visitors 5 / 23 = 0.217: 5·26 = 130 < 6·23 = 138 (not 6 per 26), 130 ≥ 4.5·23 = 103.5 → 15
   *   one-to-ones 17 / 23 = 0.739 < 0.75, ≥ 0.50 → 10
   *   CEUs 6 / 23 = 0.261 ≥ 0.25 → 5
   *   total 10 + 20 + 15 + 10 + 5 = 60 → yellow (50–69)
   */
  it('scores 84.78 % attendance as 10, not as the 85 % it prints, and leaves Medical weeks out', () => {
    const t = member({ p: 19, a: 3, l: 1, m: 3, rgo: 23, visitors: 5, oneToOnes: 17, ceus: 6 });
    expect(pointsOf(us, t)).toEqual({ attendance: 10, referrals: 20, visitors: 15, one_to_ones: 10, ceus: 5, tyfcb: 0, total: 60, band: 'yellow', weeks: 23 });
  });

  /*
   * Late and Substitute count half: P20 L2 S2 → weeks 24, (20 + 1 + 1) / 24 = 91.67 % → 15 (not 100 % → 20).
   *   referrals 12/24 = 0.50 → 10; visitors 2/24 = 0.083: 2·26 = 52 ≥ 1.5·24 = 36, < 3·24 = 72 → 5;
   *   one-to-ones 6/24 = 0.25 → 5; CEUs 0 → 0. Total 15 + 10 + 5 + 5 = 35 → red (30–49).
   */
  it('weighs Late and Substitute weeks by half', () => {
    const t = member({ p: 20, l: 2, s: 2, rgi: 12, visitors: 2, oneToOnes: 6 });
    expect(pointsOf(us, t)).toEqual({ attendance: 15, referrals: 10, visitors: 5, one_to_ones: 5, ceus: 0, tyfcb: 0, total: 35, band: 'red', weeks: 24 });
  });

  /*
   * On every threshold exactly: P15 A1 L2 S2 → weeks 20; (15 + 1 + 1)/20 = 85 % exactly → 15;
   *   referrals 15/20 = 0.75 → 15; one-to-ones 10/20 = 0.50 → 10; CEUs 5/20 = 0.25 → 5;
   *   visitors 3/20: 3·26 = 78 ≥ 3·20 = 60, < 4.5·20 = 90 → 10. Total 55 → yellow.
   * One short of each: 14 referrals (0.70 → 10), 9 one-to-ones (0.45 → 5), 4 CEUs (0.20 → 0),
   *   P14 A2 (16/20 = 80 % → 10): 10 + 10 + 10 + 5 + 0 = 35 → red.
   */
  it('scores a member exactly on each threshold with its points, and one short with the step below', () => {
    expect(pointsOf(us, member({ p: 15, a: 1, l: 2, s: 2, rgo: 15, oneToOnes: 10, ceus: 5, visitors: 3 }))).toEqual({ attendance: 15, referrals: 15, visitors: 10, one_to_ones: 10, ceus: 5, tyfcb: 0, total: 55, band: 'yellow', weeks: 20 });
    expect(pointsOf(us, member({ p: 14, a: 2, l: 2, s: 2, rgo: 14, oneToOnes: 9, ceus: 4, visitors: 3 }))).toEqual({ attendance: 10, referrals: 10, visitors: 10, one_to_ones: 5, ceus: 0, tyfcb: 0, total: 35, band: 'red', weeks: 20 });
  });

  /*
   * Visitors on "6 per 26 weeks" exactly: 26 weeks P26, 6 visitors → 6·26 ≥ 6·26 → 20; 3 visitors → 10; 2 → 2·26 = 52 ≥ 1.5·26 = 39 → 5; 1 → 0.
   * 13 weeks and 3 visitors is 3/13 = 6/26 exactly → 20.
   */
  it('compares visitors per week with "6 per 26 weeks" as visitors × 26 ≥ 6 × weeks', () => {
    const v = (visitors: number, p = 26) => pointsOf(us, member({ p, visitors })).visitors;
    expect([v(6), v(5), v(3), v(2), v(1), v(3, 13), v(2, 13)]).toEqual([20, 15, 10, 5, 0, 20, 10]);
  });

  /* One week is enough: P1, 1 referral, 1 one-to-one, 1 CEU → 100 % 20 + 20 + 20 + 20, visitors 0 → 80 green. TYFCB shown, not scored. */
  it('scores a member with a single week', () => {
    expect(pointsOf(us, member({ p: 1, rgo: 1, oneToOnes: 1, ceus: 1, tyfcbGeneratedMinor: 5_000_00 }))).toEqual({ attendance: 20, referrals: 20, visitors: 0, one_to_ones: 20, ceus: 20, tyfcb: 0, total: 80, band: 'green', weeks: 1 });
  });

  it('does not score a member whose only weeks were Medical', () => {
    const r = scoreMember(us, member({ m: 4, rgo: 2 }), 2);
    expect([r.weeks, r.scored, r.points, r.band]).toEqual([0, false, 0, 'grey']);
  });

  /*
   * The next colour for the 55-point member above (green from 70: 15 more). Options (attendance is history):
   *   referrals 1.00 → 20 needs 20 − 15 = 5 more (+5); one-to-ones 0.75 → 15 needs 5 more (+5), 1.00 needs 10 (+10);
   *   CEUs 0.50 needs 5 (+5), 0.75 needs 10 (+10), 1.00 needs 15 (+15);
   *   visitors 4.5/26 needs v·26 ≥ 90 → v = 4, 1 more (+5); 6/26 needs v·26 ≥ 120 → v = 5, 2 more (+10).
   * Cheapest +15: 2 visitors (+10) and 5 of something for +5: 7 items; the first found is referrals.
   */
  it('finds the cheapest way to the next colour, and it really gets there', () => {
    const t = member({ p: 15, a: 1, l: 2, s: 2, rgo: 15, oneToOnes: 10, ceus: 5, visitors: 3 });
    const result = scoreMember(us, t, 2);
    const path = cheapestPath(us, t, result, 70)!;
    expect(path.map((s) => [s.key, s.amount, s.gain])).toEqual([
      ['referrals', 5, 5],
      ['visitors', 2, 10],
    ]);
    const after = scoreMember(us, withSteps(t, path), 2);
    expect([after.points, after.band]).toEqual([70, 'green']);
  });
});

describe('Taiwan six categories, worked by hand', () => {
  const tw = taiwanSixCategories;

  /*
   * P20 A1 L5 → weeks = P + A + L + M + S = 26. Equivalent absences 1 + floor(5/3) = 2 → 10.
   *   referrals 39/26 = 1.50 exactly → 20; visitors 11 → 15; one-to-ones 52/26 = 2.00 → 15; CEUs 6 → 15;
   *   TYFCB NT$2,000,000.00 exactly → 15. Total 10 + 20 + 15 + 15 + 15 + 15 = 90 → green.
   */
  it('scores a member exactly on the top thresholds, with lates turned into absences three for one', () => {
    const t = member({ p: 20, a: 1, l: 5, rgo: 39, visitors: 11, oneToOnes: 52, ceus: 6, tyfcbGeneratedMinor: 2_000_000_00 });
    expect(pointsOf(tw, t)).toEqual({ absences: 10, referrals: 20, visitors: 15, one_to_ones: 15, ceus: 15, tyfcb: 15, total: 90, band: 'green', weeks: 26 });
  });

  /*
   * Just below: P22 A1 L2 M1 → weeks 26 (M counts here). Absences 1 + floor(2/3) = 1 → 15.
   *   referrals 31/26 = 1.19 (31 < 1.2·26 = 31.2) → 10; visitors 10 → 10; one-to-ones 25/26 = 0.96 → 5;
   *   CEUs 5 → 10; TYFCB 799,999.99 → 5. Total 15 + 10 + 10 + 5 + 10 + 5 = 55 → yellow.
   * Next colour (green from 70, 15 more): 1 referral (32 ≥ 31.2 → 15, +5), 1 visitor (11 → 15, +5),
   *   1 one-to-one (26/26 = 1 → 10, +5): three items. TYFCB is never offered as a step.
   */
  it('scores a member one short of every threshold with the step below, and finds three single steps to green', () => {
    const t = member({ p: 22, a: 1, l: 2, m: 1, rgo: 31, visitors: 10, oneToOnes: 25, ceus: 5, tyfcbGeneratedMinor: 79_999_999 });
    expect(pointsOf(tw, t)).toEqual({ absences: 15, referrals: 10, visitors: 10, one_to_ones: 5, ceus: 10, tyfcb: 5, total: 55, band: 'yellow', weeks: 26 });
    const path = cheapestPath(tw, t, scoreMember(tw, t, 2), 70)!;
    expect(path.map((s) => [s.key, s.amount])).toEqual([
      ['referrals', 1],
      ['visitors', 1],
      ['one_to_ones', 1],
    ]);
    expect(scoreMember(tw, withSteps(t, path), 2).points).toBe(70);
  });

  /*
   * Black below 30: P23 A3 → 3 equivalent absences → 0; referrals 0; visitors 0; one-to-ones 13/26 = 0.50 → 5;
   * CEUs 2 → 5; TYFCB 0. Total 10 → black. A2 L6 is 2 + 2 = 4 equivalent absences → 0 as well.
   */
  it('puts a member below 30 points in black and scores lates by whole threes', () => {
    expect(pointsOf(tw, member({ p: 23, a: 3, oneToOnes: 13, ceus: 2 }))).toMatchObject({ absences: 0, one_to_ones: 5, ceus: 5, total: 10, band: 'black' });
    const abs = (a: number, l: number) => pointsOf(tw, member({ p: 10, a, l })).absences;
    expect([abs(0, 0), abs(0, 2), abs(0, 3), abs(1, 5), abs(2, 0), abs(2, 6), abs(3, 0)]).toEqual([20, 20, 15, 10, 10, 0, 0]);
  });
});

describe('the default profile and a region that writes two-thirds as 0.67', () => {
  /* Default: every marked week counts and P, L, M, S count as present. P2 A1 → 2/3 = 66.67 % → 0; 4 referrals / 3 = 1.33 → 20. */
  it('keeps the default as it scored before presets', () => {
    expect(pointsOf(defaultScorecardProfile, member({ p: 2, a: 1, rgo: 4, oneToOnes: 1, ceus: 1 }))).toMatchObject({ attendance: 0, referrals: 20, one_to_ones: 5, ceus: 10, total: 35 });
  });

  /* 4 one-to-ones in 6 weeks = 2/3 per week: it reaches "2/3" but not "0.67" (0.6667 < 0.67, although it prints 0.67). */
  it('compares 2/3 with 0.67 exactly', () => {
    const profile = (at: string): ScorecardProfile => ({ ...defaultScorecardProfile, categories: [{ ...defaultScorecardProfile.categories[2]!, thresholds: [{ at, points: 10 }] }] });
    const t = member({ p: 6, oneToOnes: 4 });
    expect(pointsOf(profile('2/3'), t).one_to_ones).toBe(10);
    expect(pointsOf(profile('0.67'), t).one_to_ones).toBe(0);
  });
});

describe('a scheme no preset covers', () => {
  /*
   * The UK scheme a Solihull chapter published in 2012 (absenteeism, referrals per week, TYFCB, visitors per week,
   * arriving on time, training; its thresholds as printed there), entered as data, with substitutes beyond 2
   * counting as absences. Testimonials are left out: the ledger does not record them.
   * P20 A1 S3 → 24 weeks; absences 1 + (3 − 2) = 2 → 5; referrals 26/24 = 1.08 → 15 (≥ 1, < 1.2);
   * TYFCB £2,500.00 → 10; visitors 3/24 = 0.125 → 5 (≥ 0.083, < 0.167); never late → 5; CEUs 2 → 10. Total 50 → yellow.
   */
  it('is entered as data: absences with substitutes capped, being on time, training counts', () => {
    const uk = scorecardProfileSchema.parse({
      ...defaultScorecardProfile,
      name: 'UK traffic lights (2012)',
      preset: null,
      categories: [
        { key: 'absences', label: 'Absenteeism', measure: { kind: 'equivalent_absences', latesPerAbsence: 0, substitutesAllowed: 2 }, direction: 'at_most', decimals: 0, thresholds: [{ at: '0', points: 15 }, { at: '1', points: 10 }, { at: '2', points: 5 }] },
        { key: 'referrals', label: 'Referrals', measure: { kind: 'per_week', source: 'referrals_given' }, direction: 'at_least', decimals: 2, thresholds: [{ at: '0.5', points: 5 }, { at: '0.75', points: 10 }, { at: '1', points: 15 }, { at: '1.2', points: 20 }] },
        { key: 'tyfcb', label: 'TYFCB', measure: { kind: 'money', direction: 'generated' }, direction: 'at_least', decimals: 0, thresholds: [{ at: '1000', points: 5 }, { at: '2500', points: 10 }, { at: '5000', points: 15 }] },
        { key: 'visitors', label: 'Visitors', measure: { kind: 'per_week', source: 'visitors' }, direction: 'at_least', decimals: 3, thresholds: [{ at: '0.083', points: 5 }, { at: '0.167', points: 10 }, { at: '0.25', points: 15 }, { at: '0.5', points: 20 }] },
        { key: 'on_time', label: 'On time', measure: { kind: 'count', source: 'lates' }, direction: 'at_most', decimals: 0, thresholds: [{ at: '0', points: 5 }] },
        { key: 'training', label: 'Training', measure: { kind: 'count', source: 'ceus' }, direction: 'at_least', decimals: 0, thresholds: [{ at: '1', points: 5 }, { at: '2', points: 10 }, { at: '3', points: 15 }] },
      ],
    });
    expect(pointsOf(uk, member({ p: 20, a: 1, s: 3, rgo: 26, tyfcbGeneratedMinor: 250_000, visitors: 3, ceus: 2 }))).toEqual({ absences: 5, referrals: 15, tyfcb: 10, visitors: 5, on_time: 5, training: 10, total: 50, band: 'yellow', weeks: 24 });
  });
});

describe('a profile saved before measures could be chosen', () => {
  it('keeps its name, bands, minimum and every threshold', () => {
    const v1 = {
      name: 'Our chapter',
      bands: { green: 75, yellow: 55, red: 35 },
      minimumMeetings: 2,
      categories: [
        { id: 'attendance', thresholds: [{ min: 100, points: 20 }, { min: 90, points: 10 }] },
        { id: 'tyfcb', thresholds: [{ min: 2500, points: 10 }] },
        { id: 'ceus', thresholds: [{ min: 0.1, points: 5 }] },
      ],
    };
    const upgraded = upgradeStoredProfile(v1)!;
    expect(upgraded.name).toBe('Our chapter');
    expect(upgraded.minimumWeeks).toBe(2);
    expect(upgraded.bands.map((b) => [b.colour, b.from])).toEqual([['green', 75], ['yellow', 55], ['red', 35], ['grey', 0]]);
    const by = (key: string) => upgraded.categories.find((c) => c.key === key)!.thresholds;
    expect([by('attendance'), by('tyfcb'), by('ceus'), by('referrals')]).toEqual([[{ at: '90', points: 10 }, { at: '100', points: 20 }], [{ at: '2500', points: 10 }], [{ at: '0.1', points: 5 }], []]);
    // TYFCB generated of $2,500.00 meets the old threshold of 2500 (major units).
    expect(pointsOf(upgraded, member({ p: 2, tyfcbGeneratedMinor: 250_000 })).tyfcb).toBe(10);
    expect(upgradeStoredProfile({ nonsense: true })).toBeNull();
  });
});

describe('properties', () => {
  const tallyArb = fc.record({
    p: fc.nat(26), a: fc.nat(6), l: fc.nat(6), m: fc.nat(6), s: fc.nat(6), rgi: fc.nat(30), rgo: fc.nat(30), rri: fc.nat(10), rro: fc.nat(10),
    oneToOnes: fc.nat(40), ceus: fc.nat(40), visitors: fc.nat(12), sponsored: fc.nat(3), tyfcbGeneratedMinor: fc.nat(1e9), tyfcbReceivedMinor: fc.nat(1e9),
  });
  const presets = fc.constantFrom(usTrafficLights2025, taiwanSixCategories, defaultScorecardProfile);

  it('scaling all counts and weeks by the same factor never changes a per-week or attendance category', () => {
    fc.assert(
      fc.property(presets, tallyArb, fc.integer({ min: 2, max: 9 }), (profile, t, k) => {
        const scaled = Object.fromEntries(Object.entries(t).map(([key, n]) => [key, n * k])) as unknown as ScoringTally;
        const a = scoreMember(profile, t, 2);
        const b = scoreMember(profile, scaled, 2);
        profile.categories.forEach((c, i) => {
          if (c.measure.kind === 'per_week' || c.measure.kind === 'attendance_rate') expect(b.categories[i]!.points).toBe(a.categories[i]!.points);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('more referrals, one-to-ones, visitors or CEUs never lower a score', () => {
    fc.assert(
      fc.property(presets, tallyArb, fc.constantFrom('rgi', 'rgo', 'oneToOnes', 'visitors', 'ceus', 'tyfcbGeneratedMinor'), fc.integer({ min: 1, max: 20 }), (profile, t, field, more) => {
        const before = scoreMember(profile, t, 2).points;
        const after = scoreMember(profile, { ...t, [field]: t[field as keyof ScoringTally] + more }, 2).points;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('a path to the next colour always reaches it', () => {
    fc.assert(
      fc.property(presets, tallyArb, (profile, t) => {
        const result = scoreMember(profile, t, 2);
        const above = [...profile.bands].reverse().find((b) => b.from > result.points);
        if (!above) return;
        const path = cheapestPath(profile, t, result, above.from);
        if (path) expect(scoreMember(profile, withSteps(t, path), 2).points).toBeGreaterThanOrEqual(above.from);
      }),
      { numRuns: 200 },
    );
  });
});
