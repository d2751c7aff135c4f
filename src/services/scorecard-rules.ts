// Scoring one member's tallies with a profile, exactly. Every measured value is a fraction of
// integers (BigInt) and every threshold is parsed from its text into one, so "is a/b at least c/d"
// is decided as a·d ≥ c·b and a value is never rounded before it is compared: 84.78 % prints as
// 85 % and scores as 84.78 %. Pure functions: no database, so the rules are tested on their own.
import type { BandColour, CountSource, Measure, PalmsLetter, ScoreCategory, ScorecardProfile } from '../shared/scorecard-profile';
import { palmsLetters, sourceNouns } from '../shared/scorecard-profile';

/** What a member did in the period: PALMS letters and counts, money in minor units. */
export interface ScoringTally {
  p: number;
  a: number;
  l: number;
  m: number;
  s: number;
  rgi: number;
  rgo: number;
  rri: number;
  rro: number;
  oneToOnes: number;
  ceus: number;
  visitors: number;
  sponsored: number;
  tyfcbGeneratedMinor: number;
  tyfcbReceivedMinor: number;
}

export interface Fraction {
  num: bigint;
  den: bigint;
}

/** "0.75" → 75/100, "6/26" → 6/26, "4.5/26" → 45/260. The text is already checked by the schema. */
/**
 * A profile's thresholds and weights are a handful of texts read for every member and category on every
 * scorecard: each is parsed once (the fractions are never changed by their users; frozen to be sure).
 */
const parsed = new Map<string, Readonly<Fraction>>();
const MOST_PARSED = 1000;

export function parseExact(text: string): Fraction {
  const known = parsed.get(text);
  if (known) return known;
  const [top, bottom] = text.trim().split('/');
  const a = decimal(top!);
  const b = bottom === undefined ? { num: 1n, den: 1n } : decimal(bottom);
  const fraction = Object.freeze({ num: a.num * b.den, den: a.den * b.num });
  if (parsed.size >= MOST_PARSED) parsed.clear();
  parsed.set(text, fraction);
  return fraction;
}

function decimal(text: string): Fraction {
  const [whole, fraction = ''] = text.split('.');
  return { num: BigInt(whole! + fraction), den: 10n ** BigInt(fraction.length) };
}

/** a ≥ b for fractions with positive denominators, in integers. */
export function atLeast(a: Fraction, b: Fraction): boolean {
  return a.num * b.den >= b.num * a.den;
}

/** Half away from zero (as the official report and a person round), to `decimals` places. */
export function printFraction(value: Fraction, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (value.num * scale * 2n + value.den) / (value.den * 2n); // floor(x·scale + ½) for x ≥ 0
  const text = scaled.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

const ceilDiv = (a: bigint, b: bigint) => (a <= 0n ? 0n : (a + b - 1n) / b);

export function countOf(tally: ScoringTally, source: CountSource): number {
  switch (source) {
    case 'referrals_given':
      return tally.rgi + tally.rgo;
    case 'referrals_given_inside':
      return tally.rgi;
    case 'referrals_given_outside':
      return tally.rgo;
    case 'referrals_received':
      return tally.rri + tally.rro;
    case 'one_to_ones':
      return tally.oneToOnes;
    case 'ceus':
      return tally.ceus;
    case 'visitors':
      return tally.visitors;
    case 'sponsored':
      return tally.sponsored;
    case 'absences':
      return tally.a;
    case 'lates':
      return tally.l;
    case 'substitutes':
      return tally.s;
    case 'medical':
      return tally.m;
  }
}

const letterCount = (tally: ScoringTally, letter: PalmsLetter) => ({ P: tally.p, A: tally.a, L: tally.l, M: tally.m, S: tally.s })[letter];

/** The weeks that count: every marked week minus the letters the profile leaves out (e.g. W − M). */
export function countedWeeks(tally: ScoringTally, weeksExclude: readonly PalmsLetter[]): number {
  return palmsLetters.filter((l) => !weeksExclude.includes(l)).reduce((sum, l) => sum + letterCount(tally, l), 0);
}

export function equivalentAbsences(tally: ScoringTally, latesPerAbsence: number, substitutesAllowed: number | null): number {
  return tally.a + (latesPerAbsence > 0 ? Math.floor(tally.l / latesPerAbsence) : 0) + (substitutesAllowed === null ? 0 : Math.max(0, tally.s - substitutesAllowed));
}

/** The measured value as an exact fraction, or null when it cannot be measured (no weeks to divide by). */
export function measure(m: Measure, tally: ScoringTally, weeks: number, minorDigits: number): Fraction | null {
  switch (m.kind) {
    case 'attendance_rate': {
      if (weeks === 0) return null;
      let total: Fraction = { num: 0n, den: 1n };
      for (const letter of palmsLetters) {
        const w = parseExact(m.weights[letter]);
        const n = BigInt(letterCount(tally, letter));
        total = { num: total.num * w.den + w.num * n * total.den, den: total.den * w.den };
      }
      return { num: 100n * total.num, den: total.den * BigInt(weeks) };
    }
    case 'equivalent_absences':
      return { num: BigInt(equivalentAbsences(tally, m.latesPerAbsence, m.substitutesAllowed)), den: 1n };
    case 'count':
      return { num: BigInt(countOf(tally, m.source)), den: 1n };
    case 'per_week':
      return weeks === 0 ? null : { num: BigInt(countOf(tally, m.source)), den: BigInt(weeks) };
    case 'money':
      // In major units, exactly: minor / 10^digits.
      return { num: BigInt(m.direction === 'generated' ? tally.tyfcbGeneratedMinor : tally.tyfcbReceivedMinor), den: 10n ** BigInt(minorDigits) };
  }
}

export function meets(category: Pick<ScoreCategory, 'direction'>, value: Fraction, at: Fraction): boolean {
  return category.direction === 'at_least' ? atLeast(value, at) : atLeast(at, value);
}

/** The threshold that scores (most points among those met), or null when none is met. */
export function scoreCategory(category: ScoreCategory, value: Fraction | null): { points: number; met: ScoreCategory['thresholds'][number] | null } {
  if (value === null) return { points: 0, met: null };
  let best: ScoreCategory['thresholds'][number] | null = null;
  for (const threshold of category.thresholds) {
    if (meets(category, value, parseExact(threshold.at)) && (!best || threshold.points > best.points)) best = threshold;
  }
  return { points: best?.points ?? 0, met: best };
}

export const categoryMax = (category: ScoreCategory) => Math.max(0, ...category.thresholds.map((x) => x.points));

export interface ScoredCategory {
  key: string;
  value: Fraction | null;
  points: number;
  met: ScoreCategory['thresholds'][number] | null;
}

export interface MemberResult {
  weeks: number;
  scored: boolean;
  points: number;
  band: BandColour;
  categories: ScoredCategory[];
}

export function bandFor(profile: ScorecardProfile, points: number): ScorecardProfile['bands'][number] {
  return profile.bands.find((b) => points >= b.from) ?? profile.bands[profile.bands.length - 1]!;
}

export function scoreMember(profile: ScorecardProfile, tally: ScoringTally, minorDigits: number): MemberResult {
  const weeks = countedWeeks(tally, profile.weeksExclude);
  const categories = profile.categories.map((category) => {
    const value = measure(category.measure, tally, weeks, minorDigits);
    return { key: category.key, value, ...scoreCategory(category, value) };
  });
  const points = categories.reduce((sum, c) => sum + c.points, 0);
  const scored = weeks >= profile.minimumWeeks;
  return { weeks, scored, points, band: scored ? bandFor(profile, points).colour : 'grey', categories };
}

/** One step on the way to the next colour: so many more of something, in the period as it stands. */
export interface PathStep {
  key: string;
  /** Extra items the member needs. */
  amount: number;
  source: CountSource;
  gain: number;
}

/**
 * The cheapest way to reach `target` points with things a member does: referrals, one-to-ones,
 * visitors, CEUs, sponsoring. Attendance and absences are history (they move only as weeks roll off)
 * and TYFCB depends on others closing business, so neither is offered as a step. Cost is the number
 * of extra items. A small multiple-choice knapsack over the categories.
 */
export function cheapestPath(profile: ScorecardProfile, tally: ScoringTally, result: MemberResult, target: number): PathStep[] | null {
  const needed = target - result.points;
  if (needed <= 0) return [];
  type Option = PathStep & { cost: number };
  const optionsByCategory: Option[][] = profile.categories.map((category, i) => {
    const current = result.categories[i]!;
    const m = category.measure;
    if (category.direction !== 'at_least' || (m.kind !== 'count' && m.kind !== 'per_week')) return [];
    if (m.kind === 'per_week' && result.weeks === 0) return [];
    // PALMS letters are history, not something a member can add this month.
    if (['absences', 'lates', 'substitutes', 'medical'].includes(m.source)) return [];
    const options: Option[] = [];
    for (const threshold of category.thresholds) {
      if (threshold.points <= current.points) continue;
      const at = parseExact(threshold.at);
      const have = BigInt(countOf(tally, m.source)) * at.den;
      // count + x ≥ t  ⇔  x ≥ t − count;  (count + x) / weeks ≥ t  ⇔  x ≥ t·weeks − count.
      const amount = ceilDiv((m.kind === 'count' ? at.num : at.num * BigInt(result.weeks)) - have, at.den);
      if (amount <= 0n) continue;
      options.push({ key: category.key, amount: Number(amount), source: m.source, gain: threshold.points - current.points, cost: Number(amount) });
    }
    return options;
  });
  // best[g] = cheapest steps reaching a gain of at least g (capped at `needed`).
  let best: Array<{ cost: number; steps: Option[] } | null> = Array.from({ length: needed + 1 }, (_, g) => (g === 0 ? { cost: 0, steps: [] } : null));
  for (const options of optionsByCategory) {
    const next = [...best];
    for (let g = 0; g <= needed; g++) {
      const from = best[g];
      if (!from) continue;
      for (const option of options) {
        const to = Math.min(needed, g + option.gain);
        const cost = from.cost + option.cost;
        const current = next[to];
        if (!current || cost < current.cost || (cost === current.cost && from.steps.length + 1 < current.steps.length)) next[to] = { cost, steps: [...from.steps, option] };
      }
    }
    best = next;
  }
  const found = best[needed];
  return found ? found.steps.map(({ cost: _cost, ...step }) => step) : null;
}

/** The tally with a path's steps added, to check a path really reaches the band it promises. */
export function withSteps(tally: ScoringTally, steps: PathStep[]): ScoringTally {
  const field: Record<CountSource, keyof ScoringTally> = {
    referrals_given: 'rgo',
    referrals_given_inside: 'rgi',
    referrals_given_outside: 'rgo',
    referrals_received: 'rro',
    one_to_ones: 'oneToOnes',
    ceus: 'ceus',
    visitors: 'visitors',
    sponsored: 'sponsored',
    absences: 'a',
    lates: 'l',
    substitutes: 's',
    medical: 'm',
  };
  const next = { ...tally };
  for (const step of steps) next[field[step.source]] += step.amount;
  return next;
}

export function stepText(step: PathStep): string {
  const noun = sourceNouns[step.source];
  return `${step.amount} more ${step.amount === 1 ? noun.one : noun.many}`;
}
