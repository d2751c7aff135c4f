// A president picking from a list with the keyboard only: ArrowDown on a closed picker opens it on the
// current choice, the next ArrowDown moves to the line after it, Enter takes it. (With Mantine's lists
// drawn only as they open, the list opened with nothing highlighted and Enter did nothing.)
import { chapterToday } from '../../src/services/chapter';
import { loadDemoChapter } from '../../src/services/demo';
import { createMeeting } from '../../src/services/meetings';
import type { Page } from '@playwright/test';
import type { Harness } from '../../src/harness/server';
import { expect, test } from './fixtures';

test('the Quarter picker on Reports: ArrowDown opens on the current quarter, ArrowDown again and Enter take the one before it', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(`${harness.openUrl}#/reports`);
  const quarter = page.getByRole('combobox', { name: 'Quarter', exact: true });
  await expect(quarter).toHaveValue(/.+/);
  const before = await quarter.inputValue();
  await quarter.focus();
  await page.keyboard.press('ArrowDown');
  const highlighted = page.locator('[data-combobox-option][data-combobox-selected]');
  await expect(highlighted).toHaveText(before);
  await page.keyboard.press('ArrowDown');
  await expect(highlighted).not.toHaveText(before);
  const next = (await highlighted.textContent())!;
  await page.keyboard.press('Enter');
  await expect(quarter).toHaveValue(next);
  expect(next).not.toBe(before);
});

test('Settings with the keyboard: a time zone typed in part and taken from its suggestions, a week letter added to "Weeks that do not count"', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(`${harness.openUrl}#/settings`);
  const zone = page.getByRole('form', { name: 'Chapter details' }).getByLabel('Time zone', { exact: true });
  await zone.fill('');
  await zone.pressSequentially('Asia/Kol');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(zone).toHaveValue('Asia/Kolkata');
  await page.getByRole('button', { name: 'Save chapter' }).click();
  await expect(page.getByText('Chapter details saved.')).toBeVisible();
  expect(harness.database.sqlite.prepare('SELECT time_zone FROM chapter').pluck().get()).toBe('Asia/Kolkata');

  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const card = page.getByLabel('Scorecard profile');
  const weeks = card.getByLabel('Weeks that do not count', { exact: true });
  const pills = card.locator('.mantine-MultiSelect-pill');
  const before = await pills.count();
  await weeks.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.mantine-MultiSelect-option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(pills).toHaveCount(before + 1);
});

/** The demo chapter with tonight's meeting open: the slip bar ready, the cursor in "From (giver)". */
async function tonightsSlipBar(page: Page, harness: Harness) {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  await page.goto(harness.openUrl);
  const giver = page.getByRole('textbox', { name: 'From (giver)' });
  await expect(giver).toBeFocused();
  return { sqlite, giver };
}

test('meeting night: ArrowDown in an empty member field shows the roster, and Enter takes only the member shown highlighted', async ({ page, harness }) => {
  const { sqlite, giver } = await tonightsSlipBar(page, harness);
  await page.keyboard.press('ArrowDown');
  const shown = page.getByRole('option').filter({ visible: true });
  await expect(shown.first()).toBeVisible();
  // The whole roster (the demo's 29 members who can give a slip), not the twelve best matches of a typed name.
  expect(await shown.count()).toBeGreaterThan(20);
  await page.keyboard.press('ArrowDown');
  const highlighted = page.locator('[data-combobox-option][data-combobox-selected]');
  await expect(highlighted).toBeVisible();
  const name = (await highlighted.locator('p').first().textContent())!;
  await page.keyboard.press('Enter');
  await expect(giver).toHaveValue(name);
  await expect(page.getByRole('textbox', { name: 'To (receiver)' })).toBeFocused();
  // Esc closes a list; Enter in the empty field then picks no one unseen: the slip is refused, nothing saved.
  const referrals = () => sqlite.prepare('SELECT count(*) FROM referrals').pluck().get() as number;
  const before = referrals();
  await page.keyboard.press('ArrowDown');
  await expect(shown.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shown).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'To (receiver)' })).toHaveValue('');
  await expect(page.getByText('Choose to (receiver)')).toBeVisible();
  expect(referrals()).toBe(before);
});

test('meeting night: a member corrected by typing over the name keeps every letter typed ("pri" was "ri" and took Rachel Adams)', async ({ page, harness }) => {
  const { sqlite, giver } = await tonightsSlipBar(page, harness);
  await page.keyboard.type('gre');
  await page.keyboard.press('Enter');
  await expect(giver).toHaveValue('Greg Holloway');
  await page.keyboard.press('Shift+Tab');
  await expect(giver).toBeFocused();
  await page.keyboard.type('pri');
  await expect(giver).toHaveValue('pri');
  await page.keyboard.press('Enter');
  await expect(giver).toHaveValue('Priya Raman');
  await page.keyboard.type('dan');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Corrected prospect');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^Slips/ })).toHaveText('Slips (1)');
  const saved = sqlite.prepare("SELECT g.first_name AS giver, r.first_name AS receiver FROM referrals x JOIN members g ON g.id = x.giver_id JOIN members r ON r.id = x.receiver_id WHERE x.prospect_name = 'Corrected prospect'").get();
  expect(saved).toEqual({ giver: 'Priya', receiver: 'Dana' });
});
