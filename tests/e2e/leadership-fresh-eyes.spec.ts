// What a fresh-eyes tester found on the leadership screens, in the committee's words: a decision date
// typed the European way must not snap back or roll over, and every missing field of a decision is shown
// at once, under its field, with nothing saved. A small chapter set up through the services (fast).
import { mkdirSync } from 'node:fs';
import { createRegistry } from '../../src/server/registry';
import { addDays, addMonths } from '../../src/shared/dates';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import { saveClassification, saveContactSphere } from '../../src/services/classifications';
import { expect, test } from './fixtures';

const shots = process.env.SHOTS_DIR ?? 'test-results';

test('a renewal decision with a date typed 14.11.2026 and no reason is refused field by field, all at once; nothing is saved', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  const { db, sqlite } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const home = saveContactSphere(db, { name: 'Home', description: '' });
  const today = chapterToday(db);
  const due = addDays(today, 20);
  const added = api.call('addMember', { firstName: 'Marcus', lastName: 'Chen', company: 'Chen & Co', classificationId: saveClassification(db, { name: 'Mortgage Broker', sphereId: home.id }).id, phone: '', email: '', status: 'active', joinedOn: '2024-01-10', renewalDue: due, sponsorId: null, leadershipRole: null });
  if (!added.ok) throw new Error(added.error.message);

  await page.goto(`${harness.openUrl}#/applications`);
  await page.getByRole('tab', { name: 'Renewals' }).click();
  await page.getByRole('button', { name: 'Renewal decision for Marcus Chen' }).click();
  const decision = page.getByRole('dialog');
  await decision.getByText('Renewed with conditions').click();
  const date = decision.getByRole('textbox', { name: 'Decision date' });
  await date.fill('14.11.2026');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  // Every problem under its own field at once; the typed date stays as typed.
  await expect(decision.getByText('Decision date must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "14.11.2026").')).toBeVisible();
  await expect(decision.getByText('Enter who is recording the decision.')).toBeVisible();
  await expect(decision.getByText('Give the reason for "Renewed with conditions".')).toBeVisible();
  await expect(decision.getByText('Write the conditions.')).toBeVisible();
  await expect(date).toHaveValue('14.11.2026');
  await page.screenshot({ path: `${shots}/decision-refused.png` });
  // A day that does not exist is not rolled over into the next month.
  await date.fill('2026-02-30');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByText('(you typed "2026-02-30")', { exact: false })).toBeVisible();
  await expect(date).toHaveValue('2026-02-30');
  expect(sqlite.prepare('SELECT count(*) FROM committee_decisions').pluck().get()).toBe(0);

  // Put right, it is saved, and the typed date is said back in words.
  await date.fill(today);
  await expect(decision.getByText(new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`)))).toBeVisible();
  await decision.getByLabel('Recorded by').fill('Nadia Haddad');
  await decision.getByRole('textbox', { name: 'Reason' }).fill('Three absences this spring.');
  await decision.getByRole('textbox', { name: 'Conditions' }).fill('Two one-to-ones a month.');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision).toBeHidden();
  expect(sqlite.prepare('SELECT outcome, decided_on AS decidedOn, reason FROM committee_decisions').all()).toEqual([{ outcome: 'renewed_with_conditions', decidedOn: today, reason: 'Three absences this spring.' }]);
  expect(sqlite.prepare('SELECT renewal_due FROM members').pluck().get()).toBe(addMonths(due, 12));
});

test('a final letter: Enter in "Reviewed by" marks it reviewed, the refusal goes when a name is typed, and a double click records it once', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  const call = (method: string, input: unknown) => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: string };
  };
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const home = saveContactSphere(db, { name: 'Home', description: '' });
  const today = chapterToday(db);
  const member = (first: string, last: string, seat: string) =>
    call('addMember', { firstName: first, lastName: last, company: `${last} & Co`, classificationId: saveClassification(db, { name: seat, sphereId: home.id }).id, phone: '', email: '', status: 'active', joinedOn: '2024-01-10', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  const greg = member('Greg', 'Holloway', 'Plumbing');
  member('Dana', 'Ruiz', 'Real Estate');
  for (const weeksAgo of [3, 2, 1]) {
    const meetingId = call('createMeeting', { meetingOn: addDays(today, -7 * weeksAgo), confirmDate: true }).id;
    call('setAttendance', { meetingId, memberId: greg, mark: 'A', substituteName: '' });
    call('markAllPresent', { meetingId });
    call('closeMeeting', { meetingId, confirmWarnings: true });
  }
  call('draftAbsenceLetters', {});

  await page.goto(`${harness.openUrl}#/applications`);
  await page.getByRole('tab', { name: 'Attendance letters' }).click();
  const letter = page.getByRole('article', { name: 'Letter to Greg Holloway' });
  const reviewer = letter.getByRole('textbox', { name: 'Reviewed by' });
  await reviewer.press('Enter');
  await expect(letter.getByText('Enter reviewed by.')).toBeVisible();
  await reviewer.pressSequentially('Nad');
  await expect(letter.getByText('Enter reviewed by.')).toBeHidden();
  await reviewer.pressSequentially('ia Haddad');
  await letter.getByRole('button', { name: 'Mark reviewed' }).dblclick();
  await expect(letter.getByText('reviewed by Nadia Haddad — to send')).toBeVisible();
  await expect(page.getByText('Letter reviewed.')).toHaveCount(1);
  const audited = () => sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'absence_letter' AND action = 'update'").pluck().get();
  expect(audited()).toBe(1);

  // Enter alone, on another letter's field, marks it reviewed too.
  sqlite.prepare("UPDATE absence_letters SET status = 'draft', reviewed_by = NULL, reviewed_on = NULL").run();
  await page.reload();
  await page.getByRole('tab', { name: 'Attendance letters' }).click();
  await letter.getByRole('textbox', { name: 'Reviewed by' }).fill('Dana Ruiz');
  await letter.getByRole('textbox', { name: 'Reviewed by' }).press('Enter');
  await expect(letter.getByText('reviewed by Dana Ruiz — to send')).toBeVisible();
});

test('in a 1280×860 window the side bar scrolls to "Applications & renewals" with the mouse; an applicant reads "Applied on", not "Joined on"', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  const { db } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const home = saveContactSphere(db, { name: 'Home', description: '' });
  const applied = addDays(chapterToday(db), -3);
  const added = api.call('addMember', { firstName: 'Liam', lastName: 'Murphy', company: 'Murphy Electrical', classificationId: saveClassification(db, { name: 'Electrician', sphereId: home.id }).id, phone: '', email: '', status: 'applicant', joinedOn: applied, renewalDue: null, sponsorId: null, leadershipRole: null });
  if (!added.ok) throw new Error(added.error.message);

  await page.goto(`${harness.openUrl}#/members`);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  const link = nav.getByRole('link', { name: /Applications & renewals/ });
  // With the mouse only: a wheel over the side bar brings the last screens into the window.
  await nav.getByRole('link', { name: /^Meeting/ }).hover();
  await page.mouse.wheel(0, 800);
  await expect.poll(async () => { const box = await link.boundingBox(); return box ? box.y + box.height : 9999; }).toBeLessThanOrEqual(860);
  await page.screenshot({ path: `${shots}/sidebar-1280x860.png` });
  const box = (await link.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('tab', { name: 'Renewals' })).toBeVisible();

  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${applied}T00:00:00Z`));
  await page.goto(`${harness.openUrl}#/members`);
  const row = page.getByRole('table', { name: 'Members' }).getByRole('row', { name: /Liam Murphy/ });
  await expect(row.getByText(`Applied on ${day}`)).toBeVisible();
  await row.getByText('Liam Murphy').click();
  await expect(page.getByText('Applied on', { exact: true })).toBeVisible();
  await expect(page.getByText('Joined on', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/applicant-applied-on.png` });
});
