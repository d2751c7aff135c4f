// A German chapter's secretary types an amount the way the field's old grey example showed it ("1250.00"):
// it must be saved as 1.250,00 €, never as 125.000,00 € (a hundred times the business, found by a
// fresh-eyes trial); the example now shows how this chapter writes an amount.
import type { Page } from '@playwright/test';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { createMeeting } from '../../src/services/meetings';
import { expect, test } from './fixtures';

async function keys(page: Page, sequence: string[]) {
  for (const k of sequence) await (k === 'Tab' || k === 'Enter' ? page.keyboard.press(k) : page.keyboard.type(k));
}

test('in a German chapter "1250.00" and "499.99" are saved as 1.250,00 € and 499,99 €, and the amount field shows 1250,50 as its example', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  saveChapter(db, { name: 'Hafen Unternehmer', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'EUR', locale: 'de-DE', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Makler'], ['Marcus', 'Müller', 'Finanzierung']] as const) {
    const classificationId = saveClassification(db, { name: seat, sphereId: null }).id;
    addMember(db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toBeVisible();

  await page.keyboard.press('Alt+t');
  await expect(page.getByRole('textbox', { name: 'From (closed the business)', exact: true })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Amount (EUR)', exact: true })).toHaveAttribute('placeholder', '1250,50');
  await keys(page, ['dana', 'Tab', 'marcus', 'Tab', '1250.00', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (1)');
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '499.99', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (2)');
  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  await expect(list).toContainText('1.250,00 €');
  await expect(list).toContainText('499,99 €');
  await expect(list).not.toContainText('125.000,00 €');
  await expect(page.getByLabel('TYFCB total')).toContainText('1.749,99 €');
  expect(sqlite.prepare('SELECT amount_minor FROM tyfcb_slips WHERE deleted_at IS NULL ORDER BY amount_minor').pluck().all()).toEqual([49999, 125000]);
  await page.screenshot({ path: 'test-results/amount-german-chapter.png', fullPage: true });
});

test('half a CEU credit typed "0,5" or "1.5" is refused under Credits with the slip kept in the bar, never saved as 5 or 15 credits', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  saveChapter(db, { name: 'Hafen Unternehmer', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'EUR', locale: 'de-DE', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  addMember(db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId: saveClassification(db, { name: 'Makler', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toBeVisible();
  await page.keyboard.press('Alt+c');
  const credits = page.getByRole('textbox', { name: 'Credits', exact: true });
  await keys(page, ['dana', 'Enter']);
  await expect(credits).toBeFocused();
  await keys(page, ['0,5', 'Enter']);
  await expect(page.getByText('Credits are whole numbers from 1 to 100 (you typed "0,5"): a part of a credit cannot be recorded; type 1 for one session.', { exact: true })).toBeVisible();
  await expect(credits).toBeFocused();
  await expect(credits).toHaveValue('0,5');
  await credits.fill('1.5');
  await credits.press('Enter');
  await expect(page.getByText('Credits are whole numbers from 1 to 100 (you typed "1.5"): a part of a credit cannot be recorded; type 1 for one session.', { exact: true })).toBeVisible();
  await expect(slipsTab).toHaveText('Slips (0)');
  expect(sqlite.prepare('SELECT COUNT(*) FROM ceus').pluck().get()).toBe(0);
  await page.screenshot({ path: 'test-results/ceu-half-credit.png', fullPage: true });
  await credits.fill('2');
  await credits.press('Enter');
  await expect(slipsTab).toHaveText('Slips (1)');
  expect(sqlite.prepare('SELECT credits FROM ceus WHERE deleted_at IS NULL').pluck().all()).toEqual([2]);
});
