import path from 'node:path';
import Papa from 'papaparse';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { createMeeting } from '../../src/services/meetings';
import { addMember } from '../../src/services/members';
import { saveCeu } from '../../src/services/slips';
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

test('a roster with four bad rows: the good members are added, each bad row is listed, a row can be skipped and a date corrected in place', async ({ page, harness }) => {
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
  // Gus's impossible date is corrected in place.
  await card.getByLabel('Correct joined on of row 8').fill('2026-02-28');
  await card.getByLabel('Correct joined on of row 8').press('Enter');
  await expect(page.getByRole('button', { name: 'Add 7 members' })).toBeEnabled();
  await expect(card.getByRole('table', { name: 'Members to add' })).toContainText('2026-02-28');
  await page.screenshot({ path: '/tmp/shots/s4-19a/roster-rows.png', fullPage: true });
  await page.getByRole('button', { name: 'Add 7 members' }).click();
  await expect(page.getByText('Added 7 members and 7 classifications; updated 0 already in the ledger. Left out 3 rows: Row 5 (Di Fox)', { exact: false })).toBeVisible();
  await expect(page.getByText('Row 6 (Ed Roe) is skipped, as you chose;', { exact: false })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s4-19a/roster-imported.png', fullPage: true });
});

const harbour = { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 } as const;

test('"José Díaz" and "Jose Diaz" with no such member are asked once; the PALMS check of another chapter says no name matched', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, harbour);
  addMember(db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId: saveClassification(db, { name: 'Realtor', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  const slips = Papa.unparse([['Slips Audit Report for 2026-11-17'], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ['José Díaz', 'Dana Ruiz', 'Referral', 'Outside', '', '', 'Kitchen remodel lead'], ['Dana Ruiz', 'Jose Diaz', 'One-to-One', '', '', '', 'Lunch']]);
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'slips.csv', mimeType: 'text/csv', buffer: Buffer.from(slips) });
  const card = page.getByLabel('Import preview');
  await expect(card.getByRole('combobox', { name: 'Map José Díaz to member' })).toBeVisible();
  await expect(card.getByRole('combobox', { name: 'Map Jose Diaz to member' })).toHaveCount(0);
  await expect(card.getByText('also written “Jose Diaz” in this file: one answer for all')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s4-19a/one-name-two-spellings.png', fullPage: true });

  await page.getByText('Check against BNI Connect PALMS', { exact: true }).click();
  const palms = page.waitForEvent('filechooser');
  await page.getByLabel('PALMS report').click();
  await (await palms).setFiles(path.resolve('tests/fixtures/palms-q1-2026.xls'));
  await expect(page.getByLabel('Reconciliation').getByRole('heading')).toHaveText("2026-01-01 to 2026-03-31: no name in this file matched a member of this chapter, so nothing was compared. Is it another chapter's report, or the wrong file?");
  await page.screenshot({ path: '/tmp/shots/s4-19a/palms-no-name-matched.png', fullPage: true });
});

test("a CEU for another activity than the one typed is shown as new, naming the typed one, and importing keeps both", async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, harbour);
  const priya = addMember(db, { firstName: 'Priya', lastName: 'Raman', company: '', classificationId: saveClassification(db, { name: 'Accountant', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  const meeting = createMeeting(db, { meetingOn: '2026-11-17' });
  saveCeu(db, { meetingId: meeting.id, memberId: priya.id, credits: 1, note: 'Chapter education slot', reason: '', confirmDuplicate: false });
  const slips = Papa.unparse([['Slips Audit Report for 2026-11-17'], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ['Priya Raman', '', 'CEU', '', '', '2', 'Podcast & webinar']]);
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'slips.csv', mimeType: 'text/csv', buffer: Buffer.from(slips) });
  const rows = page.getByRole('table', { name: 'File rows' });
  await expect(rows.getByRole('row', { name: 'Row 5' })).toContainText(`New: the ledger already has Priya Raman's CEU for "Chapter education slot" (1 credit) at this meeting; this row is for another activity`);
  await expect(page.getByLabel('Rows by kind')).toContainText('Differs: 0');
  await page.screenshot({ path: '/tmp/shots/s4-19a/ceu-other-activity.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 1 new' }).click();
  await expect(page.getByText('Imported slips.csv into the meeting of 2026-11-17: 1 new slip', { exact: false })).toBeVisible();
  // The secretary chooses the same file again right after: a new preview, the row now in the ledger. (A browser
  // only reports a choice that changes the chooser's value, so the chooser must have let go of the first one.)
  await expect(page.locator('input[type="file"]')).toHaveValue('');
  const again = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await again).setFiles({ name: 'slips.csv', mimeType: 'text/csv', buffer: Buffer.from(slips) });
  await expect(rows.getByRole('row', { name: 'Row 5' })).toContainText('In the ledger');
  await page.screenshot({ path: '/tmp/shots/s4-19a/same-file-again.png', fullPage: true });
});

test('a $0 TYFCB corrected to 500 at the import is "In the ledger" when the same file is chosen again, saying it was fixed then', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, harbour);
  for (const [first, last, seat] of [['Brian', 'Kowalski', 'Plumber'], ['Oliver', 'Grant', 'Electrician']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const slips = Papa.unparse([['Slips Audit Report for 2026-11-17'], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ['Brian Kowalski', 'Oliver Grant', 'TYFCB', 'Outside', '0', '', 'Boiler job']]);
  await page.goto(`${harness.openUrl}#/import`);
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Slips audit export').click();
    await (await chooser).setFiles({ name: 'slips.csv', mimeType: 'text/csv', buffer: Buffer.from(slips) });
  };
  await choose();
  await page.getByLabel('Correct amount of row 5').fill('500');
  await page.getByLabel('Correct amount of row 5').press('Enter');
  await page.getByRole('button', { name: 'Import 1 new' }).click();
  await expect(page.getByText('Imported slips.csv into the meeting of 2026-11-17', { exact: false })).toBeVisible();
  await choose();
  const row = page.getByRole('table', { name: 'File rows' }).getByRole('row', { name: 'Row 5' });
  await expect(row).toContainText('In the ledger');
  await expect(row).toContainText(`Fixed at the import of ${new Date().toISOString().slice(0, 10)} as $500.00.`);
  await page.screenshot({ path: '/tmp/shots/s4-19a/fixed-row-again.png', fullPage: true });
});
