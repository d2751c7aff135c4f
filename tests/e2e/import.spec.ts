import path from 'node:path';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { expect, test } from './fixtures';

test('the secretary imports a BNI Connect slips audit file, maps one unknown name, and sees the meeting', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }

  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles(path.resolve('tests/fixtures/slips-audit-2026-11-17.xls'));
  const previewCard = page.getByLabel('Import preview');
  await expect(previewCard.getByRole('heading', { name: /Meeting of 2026-11-17/ })).toBeVisible();
  await expect(previewCard.getByText('"Testimonial" is not a slip type Chapter Ledger keeps', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 6 slips' })).toBeDisabled();

  await page.getByRole('combobox', { name: 'Map Danny Ruiz to member' }).click();
  await page.getByRole('option', { name: 'Dana Ruiz' }).click();
  await expect(page.getByRole('button', { name: 'Import 7 slips' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/import-preview.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 7 slips' }).click();
  await expect(page.getByText('Imported 7 slips into the meeting of 2026-11-17.')).toBeVisible();

  await page.goto(`${harness.openUrl}#/meeting`);
  await expect(page.getByRole('combobox', { name: 'Meeting' })).toHaveValue(/2026-11-17 · Closed · 7 slips/);
  await expect(page.getByRole('table', { name: 'Slips of this meeting' }).getByRole('row')).toHaveCount(8);
  await expect(page.getByLabel('TYFCB total')).toContainText('$1,550.50');
});

test('the secretary checks the ledger against a BNI Connect PALMS report', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const first of ['Ann', 'Bob', 'Cat']) {
    addMember(db, { firstName: first, lastName: 'Test', company: '', classificationId: saveClassification(db, { name: `Seat ${first}`, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByText('Check against BNI Connect PALMS', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('PALMS report').click();
  await (await chooser).setFiles(path.resolve('tests/fixtures/palms-q1-2026.xls'));
  const result = page.getByLabel('Reconciliation');
  await expect(result.getByRole('heading')).toContainText('2026-01-01 to 2026-03-31');
  // The ledger has no meetings: every figure BNI Connect has is a difference, and nothing was written.
  await expect(result.getByRole('table', { name: 'Differences' }).getByRole('row', { name: /Bob Test RGO 2 0/ })).toBeVisible();
  await expect(result.getByText('Only in BNI Connect: Daniel Test, Zed Nobody', { exact: false })).toBeVisible();
});
