// Settings → Scorecard profile, the mistakes a chapter makes while editing it: every refusal names the
// category and the field, and nothing is saved (the chapter keeps scoring with the profile it had).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { taiwanSixCategories, usTrafficLights2025, type ScorecardProfile } from '../../src/shared/scorecard-profile';
import { openTestDb, smallChapter, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

let api: Registry;
const edit = (from: ScorecardProfile, change: (p: any) => void): ScorecardProfile => {
  const copy = structuredClone(from) as any;
  change(copy);
  return copy;
};
/** Saving is refused with this sentence on this field, and the chapter still has the US profile. */
const refused = (profile: ScorecardProfile, field: string, message: string) => {
  expect(api.call('saveScorecardProfile', { profile })).toMatchObject({ ok: false, error: { field: `profile.${field}`, message } });
  expect(ok(api.call('getScorecardProfile', {}))).toEqual(usTrafficLights2025);
};

beforeEach(() => {
  const opened = openTestDb();
  api = testRegistry(opened);
  smallChapter(opened);
  ok(api.call('saveScorecardProfile', { profile: usTrafficLights2025 }));
});

describe('thresholds out of order', () => {
  it('refuses attendance 75, 85, 0.95 (a fraction typed among percentages) and names Attendance', () => {
    refused(
      edit(usTrafficLights2025, (p) => (p.categories[0].thresholds[2].at = '0.95')),
      'categories.0.thresholds.2.at',
      'Attendance: each threshold must be higher than the one before (75, 85, then 0.95?).',
    );
  });
  it('refuses referrals given 0.25, 0.75, 0.5 in the wrong order', () => {
    refused(
      edit(usTrafficLights2025, (p) => ([p.categories[1].thresholds[1].at, p.categories[1].thresholds[2].at] = ['0.75', '0.5'])),
      'categories.1.thresholds.2.at',
      'Referrals given: each threshold must be higher than the one before (0.25, 0.75, then 0.5?).',
    );
  });
  it('refuses a higher threshold that scores fewer points, but keeps "at most" absences (0 → 20, 1 → 15, 2 → 10)', () => {
    refused(
      edit(usTrafficLights2025, (p) => (p.categories[2].thresholds[3].points = 10)),
      'categories.2.thresholds.3.points',
      'Visitors: a higher threshold must score at least as many points (4.5/26 → 15, then 6/26 → 10?).',
    );
    expect(ok(api.call('saveScorecardProfile', { profile: taiwanSixCategories })).name).toBe('Taiwan six categories');
    const wrongAtMost = edit(taiwanSixCategories, (p) => (p.categories[0].thresholds[2].points = 25));
    expect(api.call('saveScorecardProfile', { profile: wrongAtMost })).toMatchObject({
      ok: false,
      error: { field: 'profile.categories.0.thresholds.2.points', message: 'Absences: for "at most", a higher threshold must score no more points (1 → 15, then 2 → 25?).' },
    });
    expect(ok(api.call('getScorecardProfile', {}))).toEqual(taiwanSixCategories);
  });
  it('refuses an attendance threshold above 100 %, and attendance written as fractions (0.75, 0.85, 0.95)', () => {
    refused(edit(usTrafficLights2025, (p) => (p.categories[0].thresholds[2].at = '105')), 'categories.0.thresholds.2.at', 'Attendance: attendance is a percentage, so a threshold cannot be above 100 (105).');
    refused(
      edit(usTrafficLights2025, (p) => p.categories[0].thresholds.forEach((t: any, i: number) => (t.at = ['0.75', '0.85', '0.95'][i]))),
      'categories.0.thresholds.0.at',
      'Attendance: attendance is a percentage, so write 95 for 95 %, not a fraction such as 0.75.',
    );
  });
});

describe('an empty or 0 period length or weeks needed', () => {
  it('refuses an emptied "Months" or 0 months instead of saving 1', () => {
    refused(edit(usTrafficLights2025, (p) => (p.period.months = null)), 'period.months', 'Months is required (1–24).');
    refused(edit(usTrafficLights2025, (p) => (p.period.months = 0)), 'period.months', 'Months is required (1–24).');
    refused(edit(usTrafficLights2025, (p) => (p.period.months = 36)), 'period.months', 'Months must be 24 or fewer.');
  });
  it('refuses empty rolling "Weeks" and an emptied or 0 "Weeks needed"', () => {
    refused(edit(usTrafficLights2025, (p) => (p.period = { kind: 'rolling_weeks', weeks: null })), 'period.weeks', 'Weeks is required (1–104).');
    refused(edit(usTrafficLights2025, (p) => (p.minimumWeeks = null)), 'minimumWeeks', 'Weeks needed is required (1–26).');
    refused(edit(usTrafficLights2025, (p) => (p.minimumWeeks = 0)), 'minimumWeeks', 'Weeks needed is required (1–26).');
  });
});

describe('a threshold cleared in the editor', () => {
  it('refuses "Referrals given" with threshold 1 empty instead of dropping that level and shifting the others', () => {
    refused(edit(usTrafficLights2025, (p) => (p.categories[1].thresholds[0].at = '')), 'categories.1.thresholds.0.at', 'Referrals given: threshold 1 is empty — fill it or remove the level.');
    refused(edit(usTrafficLights2025, (p) => (p.categories[2].thresholds[3].at = '   ')), 'categories.2.thresholds.3.at', 'Visitors: threshold 4 is empty — fill it or remove the level.');
  });
  it('saves once the level is removed: three referral levels left, each with its own points', () => {
    const removed = edit(usTrafficLights2025, (p) => p.categories[1].thresholds.splice(0, 1));
    expect(ok(api.call('saveScorecardProfile', { profile: removed })).categories[1].thresholds).toEqual([
      { at: '0.5', points: 10 },
      { at: '0.75', points: 15 },
      { at: '1', points: 20 },
    ]);
  });
});

describe('every refusal names the category and the field', () => {
  it('names the category for a threshold in German number format, a bad weight and fractional points', () => {
    refused(edit(usTrafficLights2025, (p) => (p.categories[3].thresholds[1].at = '0,5')), 'categories.3.thresholds.1.at', 'One-to-ones: threshold 2 must be a number such as 0.75 or a fraction such as 6/26.');
    refused(edit(usTrafficLights2025, (p) => (p.categories[2].thresholds[0].at = '6/0')), 'categories.2.thresholds.0.at', 'Visitors: threshold 1 cannot divide by zero.');
    refused(edit(usTrafficLights2025, (p) => (p.categories[0].measure.weights.L = 'half')), 'categories.0.measure.weights.L', 'Attendance: the weight of L must be a number such as 0.75 or a fraction such as 6/26.');
    refused(edit(usTrafficLights2025, (p) => (p.categories[4].thresholds[0].points = 2.5)), 'categories.4.thresholds.0.points', 'CEUs: the points of threshold 1 must be a whole number from 0 to 100.');
  });
  it('names a category written in Chinese', () => {
    refused(edit(usTrafficLights2025, (p) => ((p.categories[1].label = '引薦'), (p.categories[1].thresholds[2].at = ''))), 'categories.1.thresholds.2.at', '引薦: threshold 3 is empty — fill it or remove the level.');
  });
});

describe('the Taiwan preset in a chapter that does not count in NT$', () => {
  it('says its money thresholds are NT$ amounts, next to the preset name and under TYFCB', async () => {
    const { presetMoneyLabel, presetMoneyNote } = await import('../../src/shared/scorecard-presets');
    const tyfcb = taiwanSixCategories.categories.find((c) => c.key === 'tyfcb')!;
    expect(presetMoneyLabel('taiwan_6', 'USD')).toBe(' (money thresholds in NT$)');
    expect(presetMoneyNote('taiwan_6', tyfcb, 'USD')).toBe('These thresholds come from the Taiwan six categories preset and are NT$ (TWD) amounts; this chapter counts in USD, so change them to USD amounts.');
    // A Taiwanese chapter, another preset, or a category that is not money: nothing to say.
    expect([presetMoneyLabel('taiwan_6', 'TWD'), presetMoneyLabel('us_2025', 'USD')]).toEqual(['', '']);
    expect([presetMoneyNote('taiwan_6', tyfcb, 'TWD'), presetMoneyNote('us_2025', tyfcb, 'USD'), presetMoneyNote('taiwan_6', taiwanSixCategories.categories[1]!, 'USD')]).toEqual([null, null, null]);
  });
});
