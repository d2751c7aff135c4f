// Settings in tabs: the president opens Settings and finds each part by its tab; the address names the
// tab, so Back, a reload and a link land on the same part.
import { loadDemoChapter } from '../../src/services/demo';
import { deleteSlip, restoreSlip } from '../../src/services/slips';
import { expect, test } from './fixtures';

test('Settings opens on the chapter details; each tab has its own address that Back and a reload keep', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(harness.openUrl);
  // The shortcuts answer once the app is on screen (its side bar).
  await expect(page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /Settings/ })).toBeVisible();
  await page.keyboard.press('Control+Digit8');
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('tab', { name: 'Chapter', selected: true })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Chapter details' })).toBeVisible();
  await expect(page.getByText('Everything lives in this one file on this computer.')).toBeVisible();
  // Only the open tab is drawn: the other parts are not on the page yet.
  await expect(page.getByRole('table', { name: 'Classifications' })).toHaveCount(0);
  await expect(page.getByLabel('Scorecard profile')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/settings-tab-chapter.png' });

  await page.getByRole('tab', { name: 'Classifications & spheres' }).click();
  await expect(page).toHaveURL(/#\/settings\/seats$/);
  await expect(page.getByRole('table', { name: 'Classifications' })).toBeVisible();
  await page.getByRole('tab', { name: 'Backups & export' }).click();
  await expect(page).toHaveURL(/#\/settings\/backups$/);
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Classifications' })).toBeHidden();
  await page.screenshot({ path: 'test-results/settings-tab-backups.png' });

  // Back goes to the tab before; a reload stays on it.
  await page.goBack();
  await expect(page).toHaveURL(/#\/settings\/seats$/);
  await expect(page.getByRole('tab', { name: 'Classifications & spheres', selected: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Classifications' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Classifications & spheres', selected: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Classifications' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Settings/ })).toHaveAttribute('data-active', 'true');

  // Another screen and back by its shortcut: Settings opens on the chapter details again.
  await page.keyboard.press('Control+Digit1');
  await expect(page.getByRole('textbox', { name: 'From (giver)' }).or(page.getByRole('combobox', { name: 'Meeting' })).first()).toBeVisible();
  await page.keyboard.press('Control+Digit8');
  await expect(page.getByRole('tab', { name: 'Chapter', selected: true })).toBeVisible();

  // A chapter detail typed but not saved is asked about before another screen drops it; saved, nothing is asked.
  const region = page.getByRole('form', { name: 'Chapter details' }).getByLabel('Region');
  await region.fill('Harbour County');
  await page.getByRole('tab', { name: 'Backups & export' }).click();
  await page.keyboard.press('Control+Digit6');
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toContainText('The chapter details have changes that are not saved.');
  await dialog.getByRole('button', { name: 'Stay and save' }).click();
  // Back on the chapter details, their Save button in view with the cursor on it: Enter saves.
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(region).toHaveValue('Harbour County');
  await expect(page.getByRole('button', { name: 'Save chapter' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Save chapter' })).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Chapter details saved.')).toBeVisible();
  await page.keyboard.press('Control+Digit6');
  await expect(page).toHaveURL(/#\/members$/);
  await expect(dialog).toHaveCount(0);
  expect(harness.database.sqlite.prepare('SELECT region FROM chapter').pluck().get()).toBe('Harbour County');
  await page.keyboard.press('Control+Digit8');

  // An address naming no tab opens the chapter details rather than an empty page.
  await page.goto(`${harness.openUrl}#/settings/nothing-here`);
  await expect(page.getByRole('form', { name: 'Chapter details' })).toBeVisible();
});

test('a chapter form saved with two mistakes marks both at once and puts the cursor on the first, in view', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.setViewportSize({ width: 1280, height: 640 });
  await page.goto(`${harness.openUrl}#/settings`);
  const form = page.getByRole('form', { name: 'Chapter details' });
  const name = form.getByLabel('Chapter name');
  const time = form.getByLabel('Meeting time');
  await name.fill('');
  await time.fill('7am');
  // Saved from the foot of the form, the chapter name scrolled out of sight under the top bar.
  await page.getByRole('button', { name: 'Save chapter' }).scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Save chapter' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Meeting time must be a time like 07:00 (24-hour clock).')).toBeVisible();
  await expect(name).toBeFocused();
  // Empty, the field shows its example as an example, not as a name that looks typed.
  await expect(name).toHaveValue('');
  await expect(name).toHaveAttribute('placeholder', /^e\.g\. /);
  await expect(name).toBeInViewport({ ratio: 1 });
  // Below the fixed top bar, not under it.
  const bar = await page.locator('header').first().boundingBox();
  const box = await name.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
  await page.screenshot({ path: 'test-results/settings-chapter-two-mistakes.png' });
  // A refused currency is brought into view with its message readable: its suggestion list is not opened over it.
  await name.fill('Riverside Business Builders');
  await time.fill('7:00');
  // "eur" matches the suggestion EUR, and is refused: the chapter's slips are in USD.
  await form.getByLabel('Currency').fill('eur');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save chapter' }).click();
  await expect(form.getByLabel('Currency')).toHaveAttribute('aria-invalid', 'true');
  const refusal = form.locator('.mantine-InputWrapper-error').filter({ hasText: /USD/ });
  await expect(refusal).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(form.getByLabel('Currency')).toBeInViewport();
  // Nothing was saved.
  expect(harness.database.sqlite.prepare('SELECT name FROM chapter').pluck().get()).not.toBe('');
});

test('a German chapter reads its backups in its own date and number format', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  harness.database.sqlite.prepare(`UPDATE chapter SET locale = 'de-DE', currency = 'EUR'`).run();
  await page.goto(`${harness.openUrl}#/settings/backups`);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backed up: /)).toBeVisible();
  const row = page.getByRole('row', { name: /By hand/ }).first();
  // 24.11.2026, not 11/24/2026; the slip count with a German thousands point when it has one.
  await expect(row).toContainText(/\b\d{2}\.\d{2}\.\d{4}\b/);
  await expect(row).not.toContainText(/\d{1,2}\/\d{1,2}\/\d{4}/);
  // Its size with a decimal comma ("1,4 MB"), on one line.
  await expect(row.getByRole('cell', { name: /^\d+(,\d)? (KB|MB)$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/settings-backups-de.png' });
  // The audit log and a slip's history write their times as the chapter does too: 24.11.2026, 21:14.
  await page.keyboard.press('Control+9');
  const firstWhen = page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1).getByRole('cell').first();
  await expect(firstWhen).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await page.screenshot({ path: 'test-results/audit-log-de.png' });
  // A CEU slip of the meeting the screen opens on deleted and brought back: its history has two entries.
  const ceu = harness.database.sqlite.prepare("SELECT c.id, p.display_name AS name FROM ceus c JOIN members p ON p.id = c.member_id JOIN meetings m ON m.id = c.meeting_id WHERE c.deleted_at IS NULL ORDER BY m.meeting_on DESC LIMIT 1").get() as { id: string; name: string };
  deleteSlip(harness.database.db, { kind: 'ceu', id: ceu.id, reason: 'Entered twice by mistake' });
  restoreSlip(harness.database.db, { kind: 'ceu', id: ceu.id, reason: 'Entered twice by mistake' });
  await page.keyboard.press('Control+1');
  // A one-to-one's day as the chapter writes days ("Met 21. Nov. 2026", not "Met 2026-11-21").
  await expect(page.getByRole('row', { name: /^One-to-one / }).first()).toContainText(/Met \d{1,2}\. \p{L}+\.? 2026/u);
  await page.getByRole('button', { name: `History of CEU ${ceu.name}`, exact: true }).click();
  await expect(page.getByLabel('History of this slip')).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
});
