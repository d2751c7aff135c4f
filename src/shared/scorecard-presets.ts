// Scorecard presets and the words the screens use for measures and periods. No zod here: the
// renderer loads this file; the schema that checks a profile is ./scorecard-profile.
import type { PeriodRule, ScoreCategory, ScorecardProfile } from './scorecard-profile';

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

export const bandColours = ['green', 'yellow', 'red', 'grey', 'black'] as const;
export type BandColour = (typeof bandColours)[number];

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

/** The currency a preset's money thresholds are written in, when it has one (Taiwan: NT$). */
const presetMoney: Record<string, { code: string; symbol: string }> = { taiwan_6: { code: 'TWD', symbol: 'NT$' } };

/** "(money thresholds in NT$)" next to a preset's name when the chapter keeps its books in another currency. */
export function presetMoneyLabel(presetId: string, chapterCurrency: string | null | undefined): string {
  const money = presetMoney[presetId];
  return money && chapterCurrency && chapterCurrency !== money.code ? ` (money thresholds in ${money.symbol})` : '';
}

/** The warning under a money category of a preset whose thresholds are in another currency than the chapter's, or null. */
export function presetMoneyNote(preset: string | null, category: Pick<ScoreCategory, 'measure' | 'thresholds'>, chapterCurrency: string | null | undefined): string | null {
  const money = preset ? presetMoney[preset] : undefined;
  if (!money || !chapterCurrency || chapterCurrency === money.code || category.measure.kind !== 'money' || category.thresholds.length === 0) return null;
  return `These thresholds come from the ${taiwanSixCategories.name} preset and are ${money.symbol} (${money.code}) amounts; this chapter counts in ${chapterCurrency}, so change them to ${chapterCurrency} amounts.`;
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
