import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { encodeIn } from '../support/code-pages';
import { expect, test } from './fixtures';

// A Czech member's Excel saved the slips as plain "CSV" (Windows-1250) for a chapter in London. Read the
// Western way the names are plausible letters ("Zdenìk Rùžièka") that match nobody; the secretary sees
// them in the preview, reads the file as Central European, and the slips go to the right members.
test('a slips file saved by a Czech Excel is read as Central European when the secretary chooses it, and imports to the right members', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Thames Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'GBP', locale: 'en-GB', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Zdeněk', 'Růžička', 'Carpenter'], ['Jiří', 'Dvořák', 'Accountant'], ['Pavel', 'Novák', 'Florist']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const csv = ['Slips Audit Report for 17/11/2026', 'Thames Connectors', '', 'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail', 'Zdeněk Růžička,Jiří Dvořák,One-to-One,,,,Káva u Dvořáka', 'Jiří Dvořák,Pavel Novák,Referral,Inside,,,Kuchyně'].join('\r\n');

  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'schůzka.csv', mimeType: 'text/csv', buffer: encodeIn(csv, 'windows-1250') });
  const previewCard = page.getByLabel('Import preview');
  const readAs = previewCard.getByLabel('How the file was read');
  await expect(readAs).toContainText('Read as Windows-1252 text (Excel\'s "CSV" on a Western European Windows), because the file is not UTF-8. Names with accents or other scripts, as read: "Zdenìk Rùžièka", "Jiøí Dvoøák", "Pavel Novák".');
  await expect(page.getByRole('button', { name: /^Import \d+ new/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/import-code-page-western.png', fullPage: true });

  await readAs.getByRole('combobox', { name: 'Read as' }).selectOption('Windows-1250');
  await expect(readAs).toContainText('Read as Windows-1250 text (Excel\'s "CSV" on a Central European Windows), because the file is not UTF-8. Names with accents or other scripts, as read: "Zdeněk Růžička", "Jiří Dvořák", "Pavel Novák".');
  await expect(readAs.getByRole('combobox', { name: 'Read as' })).toHaveValue('Windows-1250');
  await page.screenshot({ path: 'test-results/import-code-page-central.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 2 new' }).click();
  await expect(page.getByText('Imported schůzka.csv into the meeting of 2026-11-17: 2 new slips, 0 updated, 0 already in the ledger.', { exact: false })).toBeVisible();
  // The referral's detail is stored as typed in Prague, not as "Kuchynì".
  const stored = harness.database.sqlite.prepare("SELECT prospect_name FROM referrals").pluck().all();
  expect(stored).toEqual(['Kuchyně']);
});
