// A president picking from a list with the keyboard only: ArrowDown on a closed picker opens it on the
// current choice, the next ArrowDown moves to the line after it, Enter takes it. (With Mantine's lists
// drawn only as they open, the list opened with nothing highlighted and Enter did nothing.)
import { loadDemoChapter } from '../../src/services/demo';
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
