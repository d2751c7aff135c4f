import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { expect, test } from './fixtures';

// The fresh-eyes tester's file: "Tom Baker (Bay Builders)" and "Sam Visitor" are outside the chapter, but the file does not say so.
const file = [
  'Slips Audit Report for 17/11/2026,,,,,,',
  'Harbour Connectors,,,,,,',
  ',,,,,,',
  'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail',
  'Dana Ruiz,Marcus Chen,Referral,Outside,,,Kitchen remodel lead',
  'Dana Ruiz,Tom Baker (Bay Builders),Referral,Outside,,,Referral to another chapter',
  'Sam Visitor,Marcus Chen,Referral,Outside,,,Visitor gave a referral',
].join('\r\n');

test("a name outside the chapter is said to be another chapter's member or a visitor, as in the slip bar, and imported as that party", async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Riverside Business Builders', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'slips-accents-outsiders.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  // The file's title names another chapter: the import waits until the secretary says the file is theirs.
  await expect(page.getByRole('alert', { name: "Another chapter's file?" })).toContainText('This file is for Harbour Connectors; the open chapter is Riverside Business Builders.');
  await expect(page.getByRole('button', { name: 'Import 1 new' })).toBeDisabled();
  await expect(page.getByText('This file names another chapter: tick "It is our file: import it into this chapter anyway" above to import it.')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-another-chapter-held.png', fullPage: true });
  await page.getByRole('checkbox', { name: 'It is our file: import it into this chapter anyway' }).check();
  await expect(page.getByRole('button', { name: 'Import 1 new' })).toBeEnabled();

  await page.getByRole('combobox', { name: 'Map Tom Baker (Bay Builders) to member' }).click();
  await expect(page.getByRole('option', { name: 'Visitor…' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'BNI' })).toBeVisible();
  await page.getByRole('option', { name: 'Other chapter…' }).click();
  const who = page.getByLabel('Who Tom Baker (Bay Builders) is');
  // The file's "Tom Baker (Bay Builders)" is read as a name and a chapter, ready to correct.
  await expect(who.getByRole('textbox', { name: 'Name' })).toHaveValue('Tom Baker');
  await expect(who.getByRole('textbox', { name: 'Their chapter' })).toHaveValue('Bay Builders');
  await who.getByRole('textbox', { name: 'Their chapter' }).fill('');
  await expect(who.getByText('Enter the chapter Tom Baker belongs to (e.g. BNI Harbour).')).toBeVisible();
  await expect(who.getByRole('button', { name: 'Use' })).toBeDisabled();
  await who.getByRole('textbox', { name: 'Their chapter' }).fill('BNI Bay Builders');
  await who.getByRole('button', { name: 'Use' }).click();
  await expect(page.getByRole('button', { name: 'Import 2 new' })).toBeEnabled();

  await page.getByRole('combobox', { name: 'Map Sam Visitor to member' }).click();
  await page.getByRole('option', { name: 'Visitor…' }).click();
  await page.getByLabel('Who Sam Visitor is').getByRole('textbox', { name: "Visitor's name" }).press('Enter');
  await expect(page.getByRole('button', { name: 'Import 3 new' })).toBeEnabled();
  const rows = page.getByRole('table', { name: 'File rows' });
  await expect(rows.getByLabel('Tom Baker (Bay Builders) is Tom Baker (BNI Bay Builders chapter)')).toBeVisible();
  await expect(rows.getByLabel('Sam Visitor is Sam Visitor (visitor)')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s3-19/outsiders-said.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 3 new' }).click();
  await expect(page.getByText('Imported slips-accents-outsiders.csv into the meeting of 2026-11-17: 3 new slips', { exact: false })).toBeVisible();
});
