import { scorecard } from '../../src/services/scorecard';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

test('a chair picks the US Traffic Lights preset in Settings and reads each member’s score, rule and next colour', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);

  await page.goto(`${harness.openUrl}#/settings`);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const card = page.getByLabel('Scorecard profile');
  await card.getByRole('combobox', { name: 'Start from a preset' }).selectOption({ label: 'US regional Traffic Lights (2025)' });
  await card.getByRole('button', { name: 'Use this preset' }).click();
  await expect(card.getByText('Attendance %: (P + 1/2·L + 1/2·S) divided by weeks marked, minus M weeks.')).toBeVisible();
  await card.screenshot({ path: '/tmp/shots/i15/profile-card.png' });
  await card.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Scorecard profile "US regional Traffic Lights (2025)" saved.')).toBeVisible();

  // The screen shows what the service computes: the same chapter totals, band by band.
  const expected = scorecard(db, {});
  expect(expected.profileName).toBe('US regional Traffic Lights (2025)');
  await page.goto(`${harness.openUrl}#/scorecard`);
  await expect(page.getByText(`US regional Traffic Lights (2025) · scored over ${expected.periodWords}`)).toBeVisible();
  for (const band of expected.bands) await expect(page.getByLabel(`${band.label} members`)).toHaveText(String(band.count));

  // The top scorer's row opens on Enter with the rule behind each category.
  const top = [...expected.members].sort((a, b) => b.points - a.points)[0]!;
  const row = page.getByRole('table', { name: 'Scorecard' }).getByRole('row').nth(1);
  await expect(row).toContainText(top.name);
  await row.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByLabel(`Score of ${top.name}`);
  await expect(detail.getByText(top.explanation)).toBeVisible();
  await expect(detail).toContainText(top.categories[0]!.rule);
  await page.screenshot({ path: '/tmp/shots/i15/scorecard.png', fullPage: true });

  // An earlier month: the period moves with it.
  await page.getByRole('combobox', { name: 'Period ends with' }).click();
  const earlier = page.getByRole('option').nth(6);
  const label = (await earlier.textContent())!;
  await earlier.click();
  await expect(page.getByText(/US regional Traffic Lights \(2025\) · scored over /)).toContainText(`ending with ${label.replace(/ \(.*\)$/, '')}.`);
});

test('a preset applied in Settings but not saved is not lost without a word when the chair goes to another screen', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  const before = scorecard(db, {}).profileName;

  await page.goto(`${harness.openUrl}#/settings`);
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const card = page.getByLabel('Scorecard profile');
  const presets = card.getByRole('combobox', { name: 'Start from a preset' });
  await presets.selectOption((await presets.locator('option', { hasText: /^Taiwan six categories/ }).getAttribute('value'))!);
  await card.getByRole('button', { name: 'Use this preset' }).click();
  // The card says at once that the preset is only in the form.
  await expect(card.getByRole('alert', { name: 'Not saved yet' })).toContainText(`still use "${before}" until you press Save profile`);
  await card.getByRole('alert', { name: 'Not saved yet' }).screenshot({ path: '/tmp/shots/s2-12/unsaved-profile.png' });
  // A look at another tab of Settings is not leaving: the preset is still in the form when the chair comes back.
  await page.getByRole('tab', { name: 'Backups & export' }).click();
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toHaveCount(0);
  // Still asked when leaving Settings from that other tab.
  await page.keyboard.press('Control+Digit6');
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Stay and save' }).click();
  // Staying shows the form that holds the changes, its Save profile button in view with the cursor on it.
  await expect(page).toHaveURL(/#\/settings\/scorecard$/);
  await expect(card.getByRole('textbox', { name: 'Profile name' })).toHaveValue('Taiwan six categories');
  await expect(card.getByRole('button', { name: 'Save profile' })).toBeFocused();
  await expect(card.getByRole('button', { name: 'Save profile' })).toBeInViewport();

  // Going to the Scorecard screen asks; Enter keeps the chair on Settings with the preset still in the form.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^Scorecard/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toContainText(`The scorecard profile "Taiwan six categories" has changes that are not saved; the scorecard still uses "${before}".`);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/settings\/scorecard$/);
  await expect(card.getByRole('textbox', { name: 'Profile name' })).toHaveValue('Taiwan six categories');

  // Leaving on purpose drops the changes: the saved profile still scores.
  await page.keyboard.press('Control+Digit4');
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page).toHaveURL(/#\/scorecard$/);
  await expect(page.getByText(new RegExp(`^${before.replace(/[()]/g, '\\$&')} · `))).toBeVisible();
  expect(scorecard(db, {}).profileName).toBe(before);
  // The default profile's YELLOW badge is printed whole, never "YELLO…".
  await page.screenshot({ path: '/tmp/shots/s2-12/scorecard-default.png', fullPage: true });

  // Saved, nothing is asked any more.
  await page.goto(`${harness.openUrl}#/settings/scorecard`);
  await card.getByRole('button', { name: 'Discard changes' }).waitFor({ state: 'detached' });
  await card.getByRole('textbox', { name: 'Profile name' }).fill('Our own');
  await card.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Scorecard profile "Our own" saved.')).toBeVisible();
  await expect(card.getByRole('alert', { name: 'Not saved yet' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: /^Scorecard/ }).click();
  await expect(page).toHaveURL(/#\/scorecard$/);
  await expect(dialog).toHaveCount(0);
});
