// The member scorecard ("traffic light") profile: categories, thresholds, points and colour bands.
// A chapter can edit it in Settings; this file holds the schema and the documented default.
import { z } from 'zod';

export const scoreCategoryIds = ['attendance', 'referrals', 'one_to_ones', 'ceus', 'visitors', 'tyfcb', 'sponsors'] as const;
export type ScoreCategoryId = (typeof scoreCategoryIds)[number];

/** What each category measures over the scoring period; "per week" divides by the meetings the member was on the roster for. */
export const categoryMeasures: Record<ScoreCategoryId, { label: string; unit: string; perWeek: boolean; money?: boolean }> = {
  attendance: { label: 'Attendance', unit: '% of meetings (P, L, S or M)', perWeek: false },
  referrals: { label: 'Referrals given', unit: 'per week', perWeek: true },
  one_to_ones: { label: 'One-to-ones', unit: 'per week', perWeek: true },
  ceus: { label: 'CEUs', unit: 'per week', perWeek: true },
  visitors: { label: 'Visitors brought', unit: 'in the period', perWeek: false },
  tyfcb: { label: 'TYFCB generated', unit: 'in the period (chapter currency)', perWeek: false, money: true },
  sponsors: { label: 'New members sponsored', unit: 'in the period', perWeek: false },
};

const threshold = z.object({
  min: z.number({ error: 'A threshold must be a number.' }).min(0, { error: 'A threshold cannot be negative.' }),
  points: z.number({ error: 'Points must be a number.' }).int({ error: 'Points must be whole.' }).min(0).max(100),
});

export const scorecardProfileSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Give the profile a name.' }).max(80),
    bands: z
      .object({ green: z.number().int().min(0).max(200), yellow: z.number().int().min(0).max(200), red: z.number().int().min(0).max(200) })
      .refine((b) => b.green > b.yellow && b.yellow > b.red, { error: 'Bands must go down: green above yellow above red.' }),
    /** Members on the roster for fewer meetings than this are grey: "not enough history". */
    minimumMeetings: z.number().int().min(1).max(26),
    categories: z.array(
      z.object({
        id: z.enum(scoreCategoryIds),
        thresholds: z.array(threshold).max(6),
      }),
    ),
  })
  .strict();
export type ScorecardProfile = z.infer<typeof scorecardProfileSchema>;

/**
 * The default: 20 points each for attendance, referrals, one-to-ones, CEUs and visitors (100 in all);
 * green from 70, yellow from 50, red from 30, grey below. TYFCB and sponsoring are shown, not scored,
 * until a chapter gives them points. Thresholds are "at least": the highest one reached counts.
 */
export const defaultScorecardProfile: ScorecardProfile = {
  name: 'Chapter Ledger default (5 × 20 points)',
  bands: { green: 70, yellow: 50, red: 30 },
  minimumMeetings: 4,
  categories: [
    { id: 'attendance', thresholds: [{ min: 85, points: 5 }, { min: 90, points: 10 }, { min: 95, points: 15 }, { min: 100, points: 20 }] },
    { id: 'referrals', thresholds: [{ min: 0.5, points: 5 }, { min: 0.75, points: 10 }, { min: 1, points: 15 }, { min: 1.25, points: 20 }] },
    { id: 'one_to_ones', thresholds: [{ min: 0.25, points: 5 }, { min: 0.5, points: 10 }, { min: 0.75, points: 15 }, { min: 1, points: 20 }] },
    { id: 'ceus', thresholds: [{ min: 0.1, points: 5 }, { min: 0.25, points: 10 }, { min: 0.5, points: 15 }, { min: 1, points: 20 }] },
    { id: 'visitors', thresholds: [{ min: 1, points: 5 }, { min: 2, points: 10 }, { min: 3, points: 15 }, { min: 4, points: 20 }] },
    { id: 'tyfcb', thresholds: [] },
    { id: 'sponsors', thresholds: [] },
  ],
};
