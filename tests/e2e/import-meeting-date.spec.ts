// A Slips Audit file exported in Dutch with no date in its title: the preview asks which meeting it is for,
// refuses a date not written YYYY-MM-DD, and imports into the meeting of the date given.
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { expect, test } from './fixtures';

test('a Dutch file that names no meeting: the secretary types the meeting date and the slips are imported into it', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Haven Ondernemers', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'EUR', locale: 'nl-NL', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Daan', 'de Vries', 'Makelaar'], ['Sanne', 'Bakker', 'Hypotheken']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const csv = ['Slips Audit Rapport', 'Haven Ondernemers', '', 'Van,Aan,Soort,Binnen/Buiten,Bedrag,Omschrijving', 'Daan de Vries,Sanne Bakker,Referentie,Binnen,,Familie Jansen', 'Sanne Bakker,Daan de Vries,TYFCB,Buiten,"1.250,50",Dakkapel'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'rapport.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const question = page.getByLabel('Which meeting is this file for');
  await expect(question).toContainText('rapport.csv does not say which meeting it is for: it has no title line with a date and no Date column.');
  await expect(page.getByLabel('Import preview')).toHaveCount(0);
  const field = page.getByRole('textbox', { name: 'Meeting date' });
  await field.fill('10-11-2026');
  await field.press('Enter');
  await expect(question).toContainText('Meeting date must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "10-11-2026").');
  await page.screenshot({ path: '/tmp/shots/s4-19b/meeting-date-asked.png', fullPage: true });

  await field.fill('2026-11-10');
  await page.getByRole('button', { name: 'Use this date' }).click();
  const preview = page.getByLabel('Import preview');
  await expect(preview).toContainText('Meeting of 2026-11-10');
  await expect(page.getByLabel('Rows by kind')).toContainText('New: 2');
  // What the file does not give is said before anything is written, with how many rows.
  const defaults = page.getByRole('alert', { name: 'Not in the file: recorded as the ledger would for a typed slip' });
  await expect(defaults).toContainText('1 referral: temperature not in the file, recorded as 3 — change it on the Meeting screen.');
  await expect(defaults).toContainText('1 TYFCB: new or repeat not in the file, recorded as new business — change it on the Meeting screen.');
  await page.screenshot({ path: '/tmp/shots/s4-19b/meeting-date-given.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 2 new' }).click();
  await expect(page.getByText('Imported rapport.csv into the meeting of 2026-11-10: 2 new slips')).toBeVisible();
  await expect(page.getByText('1 referral: temperature not in the file, recorded as 3 — change it on the Meeting screen.')).toBeVisible();
  // The slip itself says so on the Meeting screen.
  await page.goto(`${harness.openUrl}#/meeting`);
  await expect(page.getByRole('combobox', { name: 'Meeting' })).toHaveValue(/2026-11-10 · Closed · 2 slips/);
  await expect(page.getByRole('table', { name: 'Slips of this meeting' })).toContainText('Imported from BNI Connect: temperature not in the file, recorded as 3.');
  await page.screenshot({ path: '/tmp/shots/s4-19b/meeting-slip-marked.png', fullPage: true });
});
