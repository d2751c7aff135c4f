import { scorecard } from '../../src/services/scorecard';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

test('a chair picks the US Traffic Lights preset in Settings and reads each member’s score, rule and next colour', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);

  await page.goto(`${harness.openUrl}#/settings`);
  const card = page.getByLabel('Scorecard profile');
  await card.getByRole('combobox', { name: 'Start from a preset' }).click();
  await page.getByRole('option', { name: 'US regional Traffic Lights (2025)' }).click();
  await card.getByRole('button', { name: 'Use this preset' }).click();
  await expect(card.getByText('Attendance %: (P + 1/2·L + 1/2·S) divided by weeks marked, minus M weeks.')).toBeVisible();
  await card.screenshot({ path: '/tmp/shots/i15/profile-card.png' });
  await card.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Scorecard profile "US regional Traffic Lights (2025)" saved.')).toBeVisible();

  // The screen shows what the service computes: the same chapter totals, band by band.
  const expected = scorecard(db, {});
  expect(expected.profileName).toBe('US regional Traffic Lights (2025)');
  await page.goto(`${harness.openUrl}#/scorecard`);
  await expect(page.getByText(`US regional Traffic Lights (2025) · ${expected.period.from} to ${expected.period.to}`)).toBeVisible();
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
  const month = new Date(`${label.replace(/ \(.*\)$/, '')} 1`).getMonth();
  await expect(page.getByText(/US regional Traffic Lights \(2025\) · \d{4}-\d{2}-01 to \d{4}-\d{2}-\d{2}/)).toContainText(`-${String(month + 1).padStart(2, '0')}-`);
});
