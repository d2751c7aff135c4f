import { mkdirSync } from 'node:fs';
import { saveClassification } from '../../src/services/classifications';
import { expect, test } from './fixtures';

const shots = '/tmp/shots/s2-14';

test('a secretary creates a second chapter, switches back through Open recent, and visits the demo without touching either', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  await page.goto(harness.openUrl);
  await page.getByRole('button', { name: 'Start my chapter' }).click();
  await page.getByLabel('Chapter name').fill('Harbour Connectors 港灣');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByText('Harbour Connectors 港灣', { exact: true })).toBeVisible();
  saveClassification(harness.database.db, { name: 'Plumbing', sphereId: null });

  // File → New chapter…: a new, empty file; the start screen offers the first one back.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New chapter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New chapter' });
  await dialog.getByLabel('File name').fill('Riverside Growth');
  await dialog.getByLabel('File name').press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Chapter Ledger' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent chapters' }).getByRole('button', { name: /^Open Harbour Connectors 港灣 — chapter\.sqlite/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/new-chapter-start.png` });
  await page.getByRole('button', { name: 'Start my chapter' }).click();
  await page.getByLabel('Chapter name').fill('Riverside Growth');
  await page.getByRole('button', { name: 'Create chapter' }).click();
  await expect(page.getByText('Riverside Growth', { exact: true })).toBeVisible();
  saveClassification(harness.database.db, { name: 'Accountant', sphereId: null });
  // A new chapter's lists say what will appear, not "well done" or "pick another period".
  await page.goto(`${harness.url}/#/referrals`);
  await expect(page.getByText('No referral yet: a referral given at a meeting is listed here until its receiver marks it won or lost.')).toBeVisible();
  await page.goto(`${harness.url}/#/reciprocity`);
  await expect(page.getByText(/No closed meeting in this period: pick another period, or close a meeting on the Meeting screen/)).toBeVisible();

  // Open recent goes back to the first chapter, its data intact.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Harbour Connectors 港灣 — chapter\.sqlite/ }).click();
  await expect(page.getByText('Harbour Connectors 港灣', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Harbour Connectors 港灣 — Chapter Ledger');
  await page.goto(`${harness.url}/#/settings/seats`);
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Plumbing', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Accountant', { exact: true })).toBeHidden();

  // The demo opens as its own file, labelled; leaving it brings the real chapter back unchanged.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Explore the demo chapter' }).click();
  await expect(page.getByLabel('Demo chapter — not your data')).toBeVisible();
  await page.screenshot({ path: `${shots}/demo-header.png` });
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Riverside Growth — Riverside Growth\.sqlite/ }).click();
  await expect(page.getByText('Riverside Growth', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Demo chapter — not your data')).toBeHidden();
  await expect(page.getByLabel('Member count')).toHaveText('0 members');
  await page.goto(`${harness.url}/#/settings/seats`);
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Accountant', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Plumbing', { exact: true })).toBeHidden();
});
