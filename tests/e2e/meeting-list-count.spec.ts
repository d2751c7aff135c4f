// After a slip is saved or deleted only tonight's meeting is read again (not every meeting in the
// file, which on a ten-year chapter was most of the time from Enter to the new row) — and the
// meeting list still says how many slips tonight's meeting holds, other meetings untouched.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chapterToday } from '../../src/services/chapter';
import { loadDemoChapter } from '../../src/services/demo';
import { createMeeting } from '../../src/services/meetings';
import { expect, test } from './fixtures';

/** Referrals typed in the slip bar, each From, To, prospect and Enter; the bar empty again after each. */
async function typeReferrals(page: Page, slips: Array<[from: string, to: string, prospect: string]>) {
  const giver = page.getByRole('textbox', { name: 'From (giver)' });
  for (const [from, to, prospect] of slips) {
    await page.keyboard.type(from);
    await page.keyboard.press('Tab');
    await page.keyboard.type(to);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(prospect);
    await page.keyboard.press('Enter');
    await expect(giver).toBeFocused();
    await expect(giver).toHaveValue('');
  }
}

test('the meeting list counts the slip just saved, and the one just deleted, without reloading every meeting', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  const listCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/listMeetings')) listCalls.push(r.url());
  });
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toBeVisible();
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('textbox', { name: 'Meeting date' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'From (giver)' })).toBeFocused();
  const picker = page.getByRole('combobox', { name: 'Meeting', exact: true });
  await expect(picker).toHaveValue(/ · Draft · 0 slips$/);
  const callsBefore = listCalls.length;

  await typeReferrals(page, [['dana', 'marcus', 'Familie Müller'], ['priya', 'greg', '李家装修']]);
  await expect(slipsTab).toHaveText('Slips (2)');
  await expect(picker).toHaveValue(/ · Draft · 2 slips$/);
  // Deleted again (Ctrl+Z of the last save): one slip.
  await page.keyboard.press('Control+z');
  await expect(slipsTab).toHaveText('Slips (1)');
  await page.getByRole('button', { name: /^Delete Referral/ }).first().click();
  await expect(slipsTab).toHaveText('Slips (0)');
  await expect(picker).toHaveValue(/ · Draft · 0 slips$/);
  // The other meetings are still listed as they were, and the whole list was not asked for on each save or delete.
  await picker.click();
  await expect(page.getByRole('option', { name: / · Draft · 0 slips$/ })).toHaveCount(1);
  const meetings = harness.database.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
  expect(meetings).toBeGreaterThan(1);
  await expect(page.getByRole('option')).toHaveCount(meetings);
  expect(listCalls.length - callsBefore).toBeLessThanOrEqual(1);
  // The list closed holds only the meeting shown; opened, any meeting can be chosen.
  await page.getByRole('option', { name: / · Closed · / }).first().click();
  await expect(picker).toHaveValue(/ · Closed · \d+ slips?$/);
  await expect(slipsTab).not.toHaveText('Slips (0)');
  mkdirSync('test-results', { recursive: true });
  await picker.click();
  await page.screenshot({ path: 'test-results/meeting-list-count.png' });
});

test('two slips typed faster than the screen refreshes still do not reload every meeting', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  createMeeting(harness.database.db, { meetingOn: chapterToday(harness.database.db), confirmDate: true });
  const listCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/listMeetings')) listCalls.push(r.url());
  });
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toHaveText('Slips (0)');
  const picker = page.getByRole('combobox', { name: 'Meeting', exact: true });
  await expect(picker).toHaveValue(/ · Draft · 0 slips$/);
  const callsBefore = listCalls.length;
  // A busy laptop: each meeting refresh after a save comes back 800 ms late, so the second slip's
  // refresh overtakes the first one's.
  await page.route('**/api/getMeetingSheet', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await typeReferrals(page, [['dana', 'marcus', 'First prospect'], ['priya', 'greg', 'Second prospect']]);
  await expect(slipsTab).toHaveText('Slips (2)');
  await expect(picker).toHaveValue(/ · Draft · 2 slips$/);
  expect(listCalls.length - callsBefore).toBe(0);
});
