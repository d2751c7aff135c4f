// The member scorecard ("traffic light") profile: what each category measures, its thresholds and
// points, the colour bands, the period rule and the weeks that count. A chapter picks a preset in
// Settings and edits it; this file holds the schema, the presets and the upgrade of older profiles.
//
// Thresholds are written as exact decimals or fractions ("0.75", "6/26", "4.5/26") and compared
// as rationals by src/services/scorecard-rules.ts: never rounded before comparing.
import { z } from 'zod';

export const palmsLetters = ['P', 'A', 'L', 'M', 'S'] as const;
export type PalmsLetter = (typeof palmsLetters)[number];

/** What a count or a per-week rate counts, from the member's tallies in the period. */
export const countSources = [
  'referrals_given',
  'referrals_given_inside',
  'referrals_given_outside',
  'referrals_received',
  'one_to_ones',
  'ceus',
  'visitors',
  'sponsored',
  'absences',
  'lates',
  'substitutes',
  'medical',
] as const;
export type CountSource = (typeof countSources)[number];

export const sourceNouns: Record<CountSource, { one: string; many: string; label: string }> = {
  referrals_given: { one: 'referral given', many: 'referrals given', label: 'Referrals given' },
  referrals_given_inside: { one: 'inside referral given', many: 'inside referrals given', label: 'Inside referrals given' },
  referrals_given_outside: { one: 'outside referral given', many: 'outside referrals given', label: 'Outside referrals given' },
  referrals_received: { one: 'referral received', many: 'referrals received', label: 'Referrals received' },
  one_to_ones: { one: 'one-to-one', many: 'one-to-ones', label: 'One-to-ones' },
  ceus: { one: 'CEU', many: 'CEUs', label: 'CEUs' },
  visitors: { one: 'visitor brought', many: 'visitors brought', label: 'Visitors brought' },
  sponsored: { one: 'new member sponsored', many: 'new members sponsored', label: 'New members sponsored' },
  absences: { one: 'absence (A)', many: 'absences (A)', label: 'Absences' },
  lates: { one: 'late (L)', many: 'lates (L)', label: 'Lates' },
  substitutes: { one: 'substitute (S)', many: 'substitutes (S)', label: 'Substitutes' },
  medical: { one: 'medical week (M)', many: 'medical weeks (M)', label: 'Medical weeks' },
};

/** A number typed exactly: a whole number, a decimal ("0.75") or a fraction of them ("6/26", "4.5/26"). */
export const exactNumberPattern = /^\d{1,12}(\.\d{1,6})?(\/\d{1,12}(\.\d{1,6})?)?$/;
const exactNumber = (what: string) =>
  z
    .string({ error: `${what} must be a number such as 0.75 or a fraction such as 6/26.` })
    .trim()
    .regex(exactNumberPattern, { error: `${what} must be a number such as 0.75 or a fraction such as 6/26.` })
    .refine((t) => !/\/0+(\.0+)?$/.test(t), { error: `${what} cannot divide by zero.` });

const letterWeights = z.object({ P: exactNumber('A weight'), A: exactNumber('A weight'), L: exactNumber('A weight'), M: exactNumber('A weight'), S: exactNumber('A weight') }).strict();

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

export const bandColours = ['green', 'yellow', 'red', 'grey', 'black'] as const;
export type BandColour = (typeof bandColours)[number];

const threshold = z.object({ at: exactNumber('A threshold'), points: z.number({ error: 'Points must be a number.' }).int({ error: 'Points must be whole.' }).min(0).max(100) }).strict();

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
  .strict();
export type ScoreCategory = z.infer<typeof scoreCategorySchema>;

export const periodRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('completed_months'), months: z.number().int().min(1).max(24) }).strict(),
  z.object({ kind: z.literal('rolling_weeks'), weeks: z.number().int().min(1).max(104) }).strict(),
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
    minimumWeeks: z.number().int().min(1).max(26),
    period: periodRuleSchema,
    /** Highest first; a member takes the first band whose "from" their points reach. The last band starts at 0. */
    bands: z
      .array(z.object({ colour: z.enum(bandColours), label: z.string().trim().min(1).max(30), from: z.number().int().min(0).max(800) }).strict())
      .min(2)
      .max(5)
      .refine((b) => b.every((band, i) => i === 0 || b[i - 1]!.from > band.from), { error: 'Bands must go down: each band starts below the one above it.' })
      .refine((b) => b[b.length - 1]!.from === 0, { error: 'The lowest band must start at 0 points.' })
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

const t = (at: string, points: number) => ({ at, points });
const attendanceAll = { P: '1', A: '0', L: '1', M: '1', S: '1' };

/**
 * The default (the profile Chapter Ledger shipped before presets, kept so scores do not move):
 * 20 points each for attendance, referrals, one-to-ones, CEUs and visitors; green from 70, yellow
 * from 50, red from 30, grey below. Attendance counts P, L, M and S as present; per week divides
 * by every marked week. TYFCB and sponsoring are shown, not scored.
 */
export const defaultScorecardProfile: ScorecardProfile = {
  version: 2,
  name: 'Chapter Ledger default (5 × 20 points)',
  preset: 'default',
  weeksExclude: [],
  minimumWeeks: 4,
  period: { kind: 'completed_months', months: 6 },
  bands: [
    { colour: 'green', label: 'Green', from: 70 },
    { colour: 'yellow', label: 'Yellow', from: 50 },
    { colour: 'red', label: 'Red', from: 30 },
    { colour: 'grey', label: 'Grey', from: 0 },
  ],
  categories: [
    { key: 'attendance', label: 'Attendance', measure: { kind: 'attendance_rate', weights: attendanceAll }, direction: 'at_least', decimals: 0, thresholds: [t('85', 5), t('90', 10), t('95', 15), t('100', 20)] },
    { key: 'referrals', label: 'Referrals given', measure: { kind: 'per_week', source: 'referrals_given' }, direction: 'at_least', decimals: 2, thresholds: [t('0.5', 5), t('0.75', 10), t('1', 15), t('1.25', 20)] },
    { key: 'one_to_ones', label: 'One-to-ones', measure: { kind: 'per_week', source: 'one_to_ones' }, direction: 'at_least', decimals: 2, thresholds: [t('0.25', 5), t('0.5', 10), t('0.75', 15), t('1', 20)] },
    { key: 'ceus', label: 'CEUs', measure: { kind: 'per_week', source: 'ceus' }, direction: 'at_least', decimals: 2, thresholds: [t('0.1', 5), t('0.25', 10), t('0.5', 15), t('1', 20)] },
    { key: 'visitors', label: 'Visitors brought', measure: { kind: 'count', source: 'visitors' }, direction: 'at_least', decimals: 0, thresholds: [t('1', 5), t('2', 10), t('3', 15), t('4', 20)] },
    { key: 'tyfcb', label: 'TYFCB generated', measure: { kind: 'money', direction: 'generated' }, direction: 'at_least', decimals: 0, thresholds: [] },
    { key: 'sponsors', label: 'New members sponsored', measure: { kind: 'count', source: 'sponsored' }, direction: 'at_least', decimals: 0, thresholds: [] },
  ],
  seatAlert: null,
};

/*
 * US regional Traffic Lights (2025), as issue 15 recovers them from a region's published figures, and
 * as public BNI material describes the same scheme:
 *  - BNI Connect support, "Member Traffic Lights and Referrals" (support.bniconnect.com, 2026): scored over
 *    the previous completed six-month period, countable weeks taken from the PALMS report;
 *  - BNI Heartland blog "Scales and the Power of One Report" (2020): 20 points in each of attendance,
 *    referrals, visitors, one-to-ones and CEUs; full marks at 1 meeting, 1 referral, 1 one-to-one and
 *    1 CEU per week and 1 visitor a month (= 6 per 26 weeks, the visitor top threshold below);
 *  - bni.com "BNI Tools: The Traffic Lights": grey / red / amber (yellow) / green bands.
 * Weeks = W − M; L and S count half; TYFCB is shown, not scored; a single week is enough to be scored.
 */
export const usTrafficLights2025: ScorecardProfile = {
  version: 2,
  name: 'US regional Traffic Lights (2025)',
  preset: 'us_2025',
  weeksExclude: ['M'],
  minimumWeeks: 1,
  period: { kind: 'completed_months', months: 6 },
  bands: [
    { colour: 'green', label: 'Green', from: 70 },
    { colour: 'yellow', label: 'Yellow', from: 50 },
    { colour: 'red', label: 'Red', from: 30 },
    { colour: 'grey', label: 'Grey', from: 0 },
  ],
  categories: [
    { key: 'attendance', label: 'Attendance', measure: { kind: 'attendance_rate', weights: { P: '1', A: '0', L: '1/2', M: '0', S: '1/2' } }, direction: 'at_least', decimals: 0, thresholds: [t('75', 10), t('85', 15), t('95', 20)] },
    { key: 'referrals', label: 'Referrals given', measure: { kind: 'per_week', source: 'referrals_given' }, direction: 'at_least', decimals: 2, thresholds: [t('0.25', 5), t('0.5', 10), t('0.75', 15), t('1', 20)] },
    { key: 'visitors', label: 'Visitors', measure: { kind: 'per_week', source: 'visitors' }, direction: 'at_least', decimals: 3, thresholds: [t('1.5/26', 5), t('3/26', 10), t('4.5/26', 15), t('6/26', 20)] },
    { key: 'one_to_ones', label: 'One-to-ones', measure: { kind: 'per_week', source: 'one_to_ones' }, direction: 'at_least', decimals: 2, thresholds: [t('0.25', 5), t('0.5', 10), t('0.75', 15), t('1', 20)] },
    { key: 'ceus', label: 'CEUs', measure: { kind: 'per_week', source: 'ceus' }, direction: 'at_least', decimals: 2, thresholds: [t('0.25', 5), t('0.5', 10), t('0.75', 15), t('1', 20)] },
    { key: 'tyfcb', label: 'TYFCB generated', measure: { kind: 'money', direction: 'generated' }, direction: 'at_least', decimals: 0, thresholds: [] },
  ],
  seatAlert: null,
};

/*
 * Taiwan six categories, as issue 15 gives them (from a public chapter tool whose scorer matched the
 * official data). Weeks = P + A + L + M + S. Equivalent absences = A + floor(L / 3). Unlike the UK
 * scheme in the Solihull chapter's 2012 write-up (absenteeism, on time, testimonials), nothing here
 * needs testimonials, which the ledger does not record.
 */
export const taiwanSixCategories: ScorecardProfile = {
  version: 2,
  name: 'Taiwan six categories',
  preset: 'taiwan_6',
  weeksExclude: [],
  minimumWeeks: 1,
  period: { kind: 'completed_months', months: 6 },
  bands: [
    { colour: 'green', label: 'Green', from: 70 },
    { colour: 'yellow', label: 'Yellow', from: 50 },
    { colour: 'red', label: 'Red', from: 30 },
    { colour: 'black', label: 'Black', from: 0 },
  ],
  categories: [
    { key: 'absences', label: 'Absences', measure: { kind: 'equivalent_absences', latesPerAbsence: 3, substitutesAllowed: null }, direction: 'at_most', decimals: 0, thresholds: [t('0', 20), t('1', 15), t('2', 10)] },
    { key: 'referrals', label: 'Referrals given', measure: { kind: 'per_week', source: 'referrals_given' }, direction: 'at_least', decimals: 2, thresholds: [t('0.6', 5), t('0.8', 10), t('1.2', 15), t('1.5', 20)] },
    { key: 'visitors', label: 'Visitors', measure: { kind: 'count', source: 'visitors' }, direction: 'at_least', decimals: 0, thresholds: [t('7', 10), t('11', 15)] },
    { key: 'one_to_ones', label: 'One-to-ones', measure: { kind: 'per_week', source: 'one_to_ones' }, direction: 'at_least', decimals: 2, thresholds: [t('0.5', 5), t('1', 10), t('2', 15)] },
    { key: 'ceus', label: 'CEUs', measure: { kind: 'count', source: 'ceus' }, direction: 'at_least', decimals: 0, thresholds: [t('2', 5), t('4', 10), t('6', 15)] },
    { key: 'tyfcb', label: 'TYFCB generated', measure: { kind: 'money', direction: 'generated' }, direction: 'at_least', decimals: 0, thresholds: [t('400000', 5), t('800000', 10), t('2000000', 15)] },
  ],
  seatAlert: { absencesAt: 4, latesPerAbsence: 3, substitutesAt: 8 },
};

export const scorecardPresets = [
  { id: 'us_2025', label: usTrafficLights2025.name, profile: usTrafficLights2025 },
  { id: 'taiwan_6', label: taiwanSixCategories.name, profile: taiwanSixCategories },
  { id: 'default', label: defaultScorecardProfile.name, profile: defaultScorecardProfile },
] as const;

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

/** One sentence a chair can read aloud: what the category measures. */
export function describeMeasure(category: Pick<ScoreCategory, 'measure' | 'direction'>, weeksExclude: readonly PalmsLetter[]): string {
  const weeks = weeksExclude.length ? `weeks marked, minus ${weeksExclude.join(' and ')} weeks` : 'every week marked (P, A, L, M or S)';
  const m = category.measure;
  switch (m.kind) {
    case 'attendance_rate': {
      const parts = palmsLetters.filter((l) => m.weights[l] !== '0').map((l) => (m.weights[l] === '1' ? l : `${m.weights[l]}·${l}`));
      return `Attendance %: (${parts.join(' + ') || '0'}) divided by ${weeks}.`;
    }
    case 'equivalent_absences': {
      const parts = ['A'];
      if (m.latesPerAbsence > 0) parts.push(m.latesPerAbsence === 1 ? 'each L' : `one for every ${m.latesPerAbsence} L`);
      if (m.substitutesAllowed !== null) parts.push(`each S beyond ${m.substitutesAllowed}`);
      return `Equivalent absences in the period: ${parts.join(' + ')}; fewer is better.`;
    }
    case 'count':
      return `${sourceNouns[m.source].label} in the period, a count${category.direction === 'at_most' ? '; fewer is better' : ''}.`;
    case 'per_week':
      return `${sourceNouns[m.source].label} per week: the count divided by ${weeks}${category.direction === 'at_most' ? '; fewer is better' : ''}.`;
    case 'money':
      return m.direction === 'generated' ? 'TYFCB generated for others in the period (thanked on their slips), in the chapter currency.' : 'TYFCB received in the period (the slips the member wrote), in the chapter currency.';
  }
}

export function describePeriodRule(rule: PeriodRule): string {
  switch (rule.kind) {
    case 'completed_months':
      return `the last ${rule.months} completed calendar month${rule.months === 1 ? '' : 's'}`;
    case 'rolling_weeks':
      return `the ${rule.weeks} weeks up to the end of the chosen month`;
    case 'dates':
      return `${rule.from} to ${rule.to}`;
  }
}
