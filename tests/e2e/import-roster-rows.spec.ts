import { saveChapter } from '../../src/services/chapter';
import { expect, test } from './fixtures';

// A new chapter's roster with four bad rows: the six good members still come in; the bad rows are
// listed and left out; skipping Ed frees Real Estate — Residential for Dana.
const roster = [
  'First Name,Last Name,Company,Classification,Email,Phone,Joined On,Renewal Due,Status',
  'Ana,Lima,Lima Legal,Business Attorney,ana@lima.example,,2024-02-06,2027-02-06,Active',
  'Bo,Ek,Ek Bakery,Catering,bo@ek.example,,2025-03-06,2027-03-06,active',
  'Cy,Ng,Ng Photo,Photography,,,2025-05-20,,Applicant',
  'Di,Fox,Fox Photo,photography,di@fox.example,,2025-06-01,,Active',
  'Ed,Roe,Roe Realty,Real Estate — Residential,,,2026-01-13,,On leave',
  'Fay,Ho,Ho Events,Event Planning,not-an-email,,2026-01-13,,Active',
  'Gus,Li,Li Travel,Travel Agency,,,31/02/2026,,Active',
  'Dana,Ruiz,Ruiz Realty Group,Real Estate — Residential,,,2025-03-04,,Active',
  'José,Díaz,Díaz Kitchens,Kitchen Remodeling,jose@diaz.example,,2025-09-09,,Active',
  'Lucía,Fernández,Fernández Insurance,Insurance,,,2025-01-01,,Active',
].join('\n');

test('a roster with four bad rows: the good members are added, each bad row is listed, and a row can be skipped', async ({ page, harness }) => {
  saveChapter(harness.database.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByText('Roster', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Roster file').click();
  await (await chooser).setFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) });
  const card = page.getByLabel('Roster preview');
  await expect(card.getByText('4 rows have a problem and are left out')).toBeVisible();
  await expect(card.getByText('4 rows will be left out.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add 6 members' })).toBeEnabled();
  await card.getByRole('button', { name: 'Skip row 6' }).click();
  await expect(card.getByText('Row 6 (Ed Roe) is skipped, as you chose.')).toBeVisible();
  await expect(card.getByRole('table', { name: 'Members to add' })).toContainText('Dana Ruiz');
  await page.screenshot({ path: '/tmp/shots/s4-19a/roster-rows.png', fullPage: true });
  await page.getByRole('button', { name: 'Add 6 members' }).click();
  await expect(page.getByText('Added 6 members and 6 classifications; updated 0 already in the ledger. Left out 4 rows: Row 5 (Di Fox)', { exact: false })).toBeVisible();
  await expect(page.getByText('Row 6 (Ed Roe) is skipped, as you chose;', { exact: false })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s4-19a/roster-imported.png', fullPage: true });
});
