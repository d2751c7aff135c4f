// The member scorecard ("traffic light") profile schema: what each category measures, its thresholds
// and points, the colour bands, the period rule and the weeks that count; and the upgrade of profiles
// stored before measures could be chosen. Presets and the words the screens use are in
// ./scorecard-presets (no zod there: the renderer loads it).
//
// Thresholds are written as exact decimals or fractions ("0.75", "6/26", "4.5/26") and compared
// as rationals by src/services/scorecard-rules.ts: never rounded before comparing.
import { z } from 'zod';
import { bandColours, countSources, defaultScorecardProfile, palmsLetters } from './scorecard-presets';

export { bandColours, countSources, defaultScorecardProfile, describeMeasure, describePeriodRule, palmsLetters, scorecardPresets, sourceNouns, taiwanSixCategories, usTrafficLights2025 } from './scorecard-presets';
export type { BandColour, CountSource, PalmsLetter } from './scorecard-presets';

/** A number typed exactly: a whole number, a decimal ("0.75") or a fraction of them ("6/26", "4.5/26"). */
export const exactNumberPattern = /^\d{1,12}(\.\d{1,6})?(\/\d{1,12}(\.\d{1,6})?)?$/;
// Weights and thresholds are checked with the category (checkCategory below), so the sentence names it.
const exactText = z.string({ error: 'A threshold or weight must be written as text such as 0.75 or 6/26.' }).trim();
const letterWeights = z.object({ P: exactText, A: exactText, L: exactText, M: exactText, S: exactText }).strict();

export const measureSchema = z.discriminatedUnion('kind', [
  /** 100 × Σ weight(letter) × count(letter) / weeks. */
  z.object({ kind: z.literal('attendance_rate'), weights: letterWeights }).strict(),
  /** A + floor(L / latesPerAbsence) + max(0, S − substitutesAllowed); 0 and null switch a part off. */
  z
    .object({
      kind: z.literal('equivalent_absences'),
      latesPerAbsence: z.number().int().min(0).max(52),
      substitutesAllowed: z.number().int().min(0).max(52).nullable(),
    })
    .strict(),
  z.object({ kind: z.literal('count'), source: z.enum(countSources) }).strict(),
  z.object({ kind: z.literal('per_week'), source: z.enum(countSources) }).strict(),
  /** TYFCB in the period, in the chapter currency: generated for others, or received (the slips the member wrote). */
  z.object({ kind: z.literal('money'), direction: z.enum(['generated', 'received']) }).strict(),
]);
export type Measure = z.infer<typeof measureSchema>;

const threshold = z.object({ at: exactText, points: z.number({ error: 'Points must be a number.' }) }).strict();

/** Why a typed number is refused ("is empty", …), or null when it is a number such as 0.75 or 6/26. */
function exactProblem(text: string): string | null {
  if (text.trim() === '') return 'is empty';
  if (!exactNumberPattern.test(text.trim())) return 'must be a number such as 0.75 or a fraction such as 6/26';
  if (/\/0+(\.0+)?$/.test(text.trim())) return 'cannot divide by zero';
  return null;
}

/** Each threshold and weight of a category, in a sentence that names the category, the field and the fix. */
function checkCategory(category: { label: string; measure: Measure; thresholds: Array<{ at: string; points: number }> }, ctx: z.RefinementCtx): void {
  const name = category.label.trim() || 'This category';
  category.thresholds.forEach((t, j) => {
    const problem = exactProblem(t.at);
    if (problem) {
      const fix = problem === 'is empty' ? ' — fill it or remove the level' : '';
      ctx.addIssue({ code: 'custom', path: ['thresholds', j, 'at'], message: `${name}: threshold ${j + 1} ${problem}${fix}.` });
    }
    if (!Number.isInteger(t.points) || t.points < 0 || t.points > 100) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', j, 'points'], message: `${name}: the points of threshold ${j + 1} must be a whole number from 0 to 100.` });
    }
  });
  if (category.measure.kind === 'attendance_rate') {
    for (const letter of palmsLetters) {
      const problem = exactProblem(category.measure.weights[letter]);
      if (problem) ctx.addIssue({ code: 'custom', path: ['measure', 'weights', letter], message: `${name}: the weight of ${letter} ${problem}.` });
    }
  }
}

export const scoreCategorySchema = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'A category key is lower-case letters, digits and _.' }),
    label: z.string().trim().min(1, { error: 'Give the category a name.' }).max(60),
    measure: measureSchema,
    /** at_least: more is better (the highest threshold reached scores); at_most: less is better. */
    direction: z.enum(['at_least', 'at_most']),
    thresholds: z.array(threshold).max(8),
    /** Decimals the official report prints the value with (0 for %, 2 or 3 for per-week rates). */
    decimals: z.number().int().min(0).max(3),
  })
  .strict()
  .superRefine(checkCategory);
export type ScoreCategory = z.infer<typeof scoreCategorySchema>;

/** A whole number the form requires: "Months is required (1–24)." when empty, 0 or out of range. */
const wholeFrom1 = (field: string, max: number) => {
  const message = `${field} is required (1–${max}).`;
  return z.number({ error: message }).int({ error: `${field} must be a whole number (1–${max}).` }).min(1, { error: message }).max(max, { error: `${field} must be ${max} or fewer.` });
};

export const periodRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('completed_months'), months: wholeFrom1('Months', 24) }).strict(),
  z.object({ kind: z.literal('rolling_weeks'), weeks: wholeFrom1('Weeks', 104) }).strict(),
  z
    .object({ kind: z.literal('dates'), from: z.iso.date({ error: 'From must be a date such as 2026-01-01.' }), to: z.iso.date({ error: 'To must be a date such as 2026-06-30.' }) })
    .strict()
    .refine((p) => p.from <= p.to, { error: 'From must be on or before To.', path: ['to'] }),
]);
export type PeriodRule = z.infer<typeof periodRuleSchema>;

export const scorecardProfileSchema = z
  .object({
    version: z.literal(2),
    name: z.string().trim().min(1, { error: 'Give the profile a name.' }).max(80),
    /** The preset it started from, if any (shown, never used to score). */
    preset: z.string().max(40).nullable(),
    /** Letters whose weeks do not count as weeks (e.g. M: "weeks = W − M"). Per-week rates and attendance divide by the weeks that count. */
    weeksExclude: z.array(z.enum(palmsLetters)).max(4),
    /** Members with fewer counted weeks than this are not scored ("not enough history"). */
    minimumWeeks: wholeFrom1('Weeks needed', 26),
    period: periodRuleSchema,
    /** Highest first; a member takes the first band whose "from" their points reach. The last band starts at 0. */
    bands: z
      .array(z.object({ colour: z.enum(bandColours), label: z.string().trim().min(1).max(30), from: z.number().int().min(0).max(800) }).strict())
      .min(2)
      .max(5)
      .refine((b) => b.every((band, i) => i === 0 || b[i - 1]!.from > band.from), { error: 'Bands must go down: each band starts below the one above it.' })
      .refine((b) => b.length === 0 || b[b.length - 1]!.from === 0, { error: 'The lowest band must start at 0 points.' })
      .refine((b) => new Set(b.map((x) => x.colour)).size === b.length, { error: 'Each band needs its own colour.' }),
    categories: z
      .array(scoreCategorySchema)
      .max(12)
      .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { error: 'Two categories have the same key.' }),
    /** The seat opens at this many equivalent absences (or substitutes); "about to open" one short. */
    seatAlert: z
      .object({ absencesAt: z.number().int().min(1).max(52).nullable(), latesPerAbsence: z.number().int().min(0).max(52), substitutesAt: z.number().int().min(1).max(52).nullable() })
      .strict()
      .nullable(),
  })
  .strict();
export type ScorecardProfile = z.infer<typeof scorecardProfileSchema>;

/** An exact threshold as a fraction of BigInts ("4.5/26" → 45/260); the text already matched exactNumberPattern. */
function exactFraction(text: string): { num: bigint; den: bigint } {
  const part = (t: string) => {
    const [whole, decimals = ''] = t.split('.');
    return { num: BigInt(whole! + decimals), den: 10n ** BigInt(decimals.length) };
  };
  const [top, bottom] = text.trim().split('/');
  const a = part(top!);
  const b = bottom === undefined ? { num: 1n, den: 1n } : part(bottom);
  return { num: a.num * b.den, den: a.den * b.num };
}
const compareExact = (x: string, y: string) => {
  const a = exactFraction(x);
  const b = exactFraction(y);
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
};

/**
 * Rules a profile must keep when it is saved (not when it is read, so a profile stored before them
 * still scores as it did): in each category the thresholds are listed from the lowest to the highest,
 * a harder threshold scores at least as many points (at most: a lower one), and attendance thresholds
 * are percentages (0–100). Every sentence names the category.
 */
function checkEditingRules(profile: ScorecardProfile, ctx: z.RefinementCtx): void {
  profile.categories.forEach((category, c) => {
    const list = category.thresholds;
    // A threshold that is not a number has its own refusal already (this rule runs after it).
    if (!list.every((x) => typeof x?.at === 'string' && exactNumberPattern.test(x.at.trim()) && !/\/0+(\.0+)?$/.test(x.at.trim()))) return;
    const at = (j: number) => ['categories', c, 'thresholds', j, 'at'];
    for (let j = 1; j < list.length; j++) {
      if (compareExact(list[j]!.at, list[j - 1]!.at) <= 0) {
        const shown = list.slice(0, j + 1).map((x) => x.at.trim());
        ctx.addIssue({ code: 'custom', path: at(j), message: `${category.label}: each threshold must be higher than the one before (${shown.slice(0, -1).join(', ')}, then ${shown[j]}?).` });
        return;
      }
    }
    for (let j = 1; j < list.length; j++) {
      const [before, now] = [list[j - 1]!, list[j]!];
      const wrong = category.direction === 'at_least' ? now.points < before.points : now.points > before.points;
      if (wrong) {
        const rule = category.direction === 'at_least' ? 'a higher threshold must score at least as many points' : 'for "at most", a higher threshold must score no more points';
        ctx.addIssue({ code: 'custom', path: ['categories', c, 'thresholds', j, 'points'], message: `${category.label}: ${rule} (${before.at.trim()} → ${before.points}, then ${now.at.trim()} → ${now.points}?).` });
        return;
      }
    }
    if (category.measure.kind === 'attendance_rate') {
      const j = list.findIndex((x) => compareExact(x.at, '100') > 0);
      if (j >= 0) {
        ctx.addIssue({ code: 'custom', path: at(j), message: `${category.label}: attendance is a percentage, so a threshold cannot be above 100 (${list[j]!.at.trim()}).` });
        return;
      }
      const k = list.findIndex((x) => compareExact(x.at, '0') > 0 && compareExact(x.at, '1') < 0);
      if (k >= 0) {
        const text = list[k]!.at.trim();
        ctx.addIssue({ code: 'custom', path: at(k), message: `${category.label}: attendance is a percentage, so write 95 for 95 %, not a fraction such as ${text}.` });
        return;
      }
    }
  });
}

/** The profile as the Settings screen saves it: the stored shape plus the editing rules above. */
export const scorecardProfileInputSchema = scorecardProfileSchema.superRefine(checkEditingRules);

/** The first stored shape (thresholds only, measures fixed in code). */
const profileV1Schema = z.object({
  name: z.string(),
  bands: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  minimumMeetings: z.number().int().min(1).max(26),
  categories: z.array(z.object({ id: z.string(), thresholds: z.array(z.object({ min: z.number().min(0), points: z.number().int().min(0).max(100) })) })),
});

/** A plain decimal for a stored number, without exponent notation (0.1 → "0.1", 1e-7 → "0.0000001"). */
function decimalText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Reads a stored profile of any version. A first-version profile keeps its name, bands, minimum and
 * every threshold; its measures become the ones the code applied then (see the default above), so a
 * chapter's scores do not move except where the old code rounded before comparing.
 */
export function upgradeStoredProfile(stored: unknown): ScorecardProfile | null {
  const current = scorecardProfileSchema.safeParse(stored);
  if (current.success) return current.data;
  const old = profileV1Schema.safeParse(stored);
  if (!old.success) return null;
  const v1 = old.data;
  const upgraded: ScorecardProfile = {
    ...defaultScorecardProfile,
    name: v1.name,
    preset: null,
    minimumWeeks: v1.minimumMeetings,
    bands: [
      { colour: 'green', label: 'Green', from: v1.bands.green },
      { colour: 'yellow', label: 'Yellow', from: v1.bands.yellow },
      { colour: 'red', label: 'Red', from: v1.bands.red },
      { colour: 'grey', label: 'Grey', from: 0 },
    ],
    categories: defaultScorecardProfile.categories.map((category) => {
      const saved = v1.categories.find((c) => c.id === category.key);
      if (!saved) return { ...category, thresholds: [] };
      return { ...category, thresholds: [...saved.thresholds].sort((a, b) => a.min - b.min).map((x) => ({ at: decimalText(x.min), points: x.points })) };
    }),
  };
  const checked = scorecardProfileSchema.safeParse(upgraded);
  return checked.success ? checked.data : null;
}

