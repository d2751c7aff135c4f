// A meeting created on the suggested day ahead but held tonight used to be stranded: it could not be
// closed ("has not been held yet … correct its date") and nothing on screen changed its date.
import { mkdirSync } from 'node:fs';
import { createRegistry } from '../../src/server/registry';
import { addDays } from '../../src/shared/dates';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import { saveClassification, saveContactSphere } from '../../src/services/classifications';
import { expect, test } from './fixtures';

const shots = process.env.SHOTS_DIR ?? 'test-results';

test("the secretary moves a meeting created two days ahead to tonight; a mistyped date is refused; its slip goes with it", async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  const { db } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  const today = chapterToday(db);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  // The chapter meets on today's weekday; the meeting was created two days ahead by mistake.
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: weekday, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const home = saveContactSphere(db, { name: 'Home', description: '' });
  const member = (first: string, last: string, seat: string) => {
    const r = api.call('addMember', { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: home.id }).id, phone: '', email: '', status: 'active', joinedOn: '2024-01-10', renewalDue: null, sponsorId: null, leadershipRole: null, confirmJoinDate: true });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { id: string }).id;
  };
  const dana = member('Dana', 'Ruiz', 'Realtor');
  const marcus = member('Marcus', 'Chen', 'Mortgage Broker');
  const ahead = addDays(today, 2);
  const created = api.call('createMeeting', { meetingOn: ahead, confirmDate: true });
  if (!created.ok) throw new Error(created.error.message);
  const meetingId = (created.value as { id: string }).id;
  api.call('saveReferral', { meetingId, giverId: dana, receiverId: marcus, prospectName: 'Lin family' });

  await page.goto(`${harness.openUrl}#/meeting`);
  await page.getByRole('button', { name: 'Change date…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change the meeting date' });
  const date = dialog.getByRole('textbox', { name: 'Meeting date' });
  await expect(date).toHaveValue(ahead);
  await date.fill('2026-13-45');
  await date.press('Enter');
  await expect(dialog.getByText('Meeting date must be a real date written YYYY-MM-DD.')).toBeVisible();
  const still = api.call('getMeetingSheet', { meetingId });
  expect(still.ok && (still.value as { meeting: { meetingOn: string } }).meeting.meetingOn).toBe(ahead);
  await date.fill(today);
  await page.screenshot({ path: `${shots}/change-meeting-date.png` });
  await date.press('Enter');
  await expect(page.getByText('The meeting has its new date; its marks and slips moved with it.')).toBeVisible();
  await expect(page.getByText('Lin family')).toBeVisible();
  const sheet = api.call('getMeetingSheet', { meetingId });
  expect(sheet.ok && (sheet.value as { meeting: { meetingOn: string } }).meeting.meetingOn).toBe(today);
});
