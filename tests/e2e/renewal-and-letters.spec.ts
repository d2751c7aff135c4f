// The membership committee's two errands between meetings, as the leadership does them: a renewal
// read from its review pack and renewed, and a third absence marked on meeting night that becomes a
// final letter, reviewed and marked sent. A small chapter set up through the services (no demo: fast).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRegistry } from '../../src/server/registry';
import { addDays, addMonths } from '../../src/shared/dates';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import { saveClassification, saveContactSphere } from '../../src/services/classifications';
import { pdfText } from '../support/pdf-text';
import { expect, test } from './fixtures';

const shots = process.env.SHOTS_DIR ?? 'test-results';

test('a renewal is read from its pack and renewed; a third absence becomes a final letter, reviewed and marked sent', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  const { db, sqlite } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  const call = (method: string, input: unknown) => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: string };
  };
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const home = saveContactSphere(db, { name: 'Home', description: '' });
  const seat = (name: string) => saveClassification(db, { name, sphereId: home.id }).id;
  const today = chapterToday(db);
  const member = (first: string, last: string, classificationId: string, renewalDue: string | null) =>
    call('addMember', { firstName: first, lastName: last, company: `${last} & Co`, classificationId, phone: '', email: '', status: 'active', joinedOn: '2024-01-10', renewalDue, sponsorId: null, leadershipRole: null }).id;
  const greg = member('Greg', 'Holloway', seat('Plumbing'), addDays(today, 200));
  const marcus = member('Marcus', 'Chen', seat('Mortgage Broker'), addDays(today, 20));
  const dana = member('Dana', 'Ruiz', seat('Real Estate'), addDays(today, 150));
  // Two absences already on record; tonight's meeting has everyone but Greg marked present.
  for (const weeksAgo of [3, 2]) {
    const meetingId = call('createMeeting', { meetingOn: addDays(today, -7 * weeksAgo), confirmDate: true }).id;
    call('setAttendance', { meetingId, memberId: greg, mark: 'A', substituteName: '' });
    call('saveReferral', { meetingId, giverId: dana, receiverId: marcus, prospectName: `Prospect ${weeksAgo}` });
    call('markAllPresent', { meetingId });
    call('closeMeeting', { meetingId, confirmWarnings: true });
  }
  const tonight = call('createMeeting', { meetingOn: today, confirmDate: true }).id;
  for (const id of [marcus, dana]) call('setAttendance', { meetingId: tonight, memberId: id, mark: 'P', substituteName: '' });

  // Renewals: Marcus is due in 20 days. The pack downloads; the committee reads it, then renews.
  await page.goto(`${harness.openUrl}#/applications`);
  await page.getByRole('tab', { name: 'Renewals' }).click();
  const radar = page.getByRole('table', { name: 'Renewals radar' });
  await expect(radar.getByText('in 20 days')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Review pack for Marcus Chen' }).click();
  const pack = readFileSync(await (await download).path());
  const text = pdfText(pack);
  expect(text).toContain('Renewal review: Marcus Chen');
  expect(text).toMatch(/12 months 2 2 0 0 0 0 0 2/); // two meetings, present at both, two referrals received
  expect(text).toContain(`to ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${addMonths(addDays(today, 20), 12)}T00:00:00Z`))}`);
  await page.screenshot({ path: `${shots}/renewal-radar.png`, fullPage: true });

  await page.getByRole('button', { name: 'Renewal decision for Marcus Chen' }).click();
  const decision = page.getByRole('dialog');
  await expect(decision.getByLabel('Recorded by')).toBeFocused();
  await page.keyboard.type('Nadia Haddad');
  await page.keyboard.press('Enter');
  await expect(decision).toBeHidden();
  await expect(page.getByRole('table', { name: 'Recent renewal decisions' }).getByText(`next due ${addMonths(addDays(today, 20), 12)}`)).toBeVisible();
  await expect(radar.getByText('Marcus Chen')).toBeHidden();
  await page.screenshot({ path: `${shots}/renewal-decided.png`, fullPage: true });

  // Meeting night: Greg is marked absent with the keyboard, and the meeting is closed.
  await page.getByRole('link', { name: /^Meeting/ }).first().click();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await page.keyboard.press('Alt+p');
  await page.keyboard.press('/');
  await page.keyboard.type('greg');
  await page.keyboard.press('Enter');
  await page.keyboard.press('a');
  await expect(page.getByRole('row', { name: 'Greg Holloway: Absent' })).toBeVisible();
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('dialog', { name: 'Meeting closed' })).toBeVisible();
  await page.keyboard.press('Escape');

  // This week lists the final letter to review; the letter is reviewed and marked sent.
  await page.getByRole('link', { name: /This week/ }).click();
  await expect(page.getByRole('region', { name: 'Letters to review' }).getByText(/Greg Holloway/)).toBeVisible();
  await page.getByRole('link', { name: /Applications & renewals/ }).click();
  await page.getByRole('tab', { name: 'Attendance letters' }).click();
  const letter = page.getByRole('article', { name: 'Letter to Greg Holloway' });
  await expect(letter.getByText('final letter · 3 absences')).toBeVisible();
  await expect(letter.getByText('committee to decide')).toBeVisible();
  // Reviewed without a name: refused under the field, nothing changes.
  await letter.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(letter.getByText('Enter reviewed by.')).toBeVisible();
  await letter.getByLabel('Reviewed by').fill('Nadia Haddad');
  await letter.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(letter.getByText('reviewed by Nadia Haddad — to send')).toBeVisible();
  await letter.getByRole('combobox', { name: 'Sent how' }).click();
  await page.getByRole('option', { name: 'Post' }).click();
  await letter.getByRole('button', { name: 'Mark sent today' }).click();
  await expect(letter.getByText(`sent ${today} (Post)`)).toBeVisible();
  await page.screenshot({ path: `${shots}/letter-sent.png`, fullPage: true });

  const row = sqlite.prepare('SELECT level, absences, status, reviewed_by AS reviewedBy, sent_on AS sentOn, sent_how AS sentHow FROM absence_letters WHERE member_id = ?').all(greg);
  expect(row).toEqual([{ level: 'final', absences: 3, status: 'sent', reviewedBy: 'Nadia Haddad', sentOn: today, sentHow: 'post' }]);
  expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'absence_letter'").pluck().get()).toBe(3);
});
