// A secretary half-way through adding a member presses Esc (or clicks beside the dialog): what was typed
// is not lost in one key — the dialog asks first; an empty form still closes at once.
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

test('Esc on a half-filled Add member form asks before losing what was typed; an empty one closes at once', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(`${harness.openUrl}#/members`);
  const open = page.getByRole('button', { name: 'Add member' }).first();
  const dialog = page.getByRole('dialog', { name: 'Add member' });

  // Nothing typed: Esc closes, as before.
  await open.click();
  await expect(dialog.getByLabel('First name')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Typed: Esc asks, and "Keep editing" keeps every letter.
  await open.click();
  await dialog.getByLabel('First name').fill('أميرة');
  await dialog.getByLabel('Last name').fill('Haddad');
  await dialog.getByLabel('Company').fill('Haddad Legal Partners');
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Close and lose what you typed?', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByText('Close and lose what you typed?', { exact: true })).toHaveCount(0);
  await expect(dialog.getByLabel('First name')).toHaveValue('أميرة');
  await expect(dialog.getByLabel('Company')).toHaveValue('Haddad Legal Partners');

  // The ✕ asks too; "Discard" closes, and nothing was saved.
  await dialog.getByRole('button').first().click();
  await expect(dialog.getByText('Close and lose what you typed?', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/add-member-asks.png' });
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toHaveCount(0);
  expect(harness.database.sqlite.prepare("SELECT count(*) FROM members WHERE company = 'Haddad Legal Partners'").pluck().get()).toBe(0);

  // Opened again, the form starts empty (the discarded typing does not come back by surprise).
  await open.click();
  await expect(dialog.getByLabel('First name')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
