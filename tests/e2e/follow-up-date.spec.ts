import { sql } from 'drizzle-orm';
import { addDays, todayIso } from '../../src/shared/dates';
import { loadDemoChapter } from '../../src/services/demo';
import { listMembers } from '../../src/services/members';
import { saveReferral } from '../../src/services/slips';
import { expect, test } from './fixtures';

test('a follow-up dated after today, or on a day that does not exist, keeps what was typed, says why under the field, and saves nothing', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  const active = listMembers(db, { scope: 'current' }).filter((m) => m.status === 'active');
  const receiver = active.find((m) => m.fullName === 'Lucía Fernández');
  const giver = active.find((m) => m !== receiver);
  const latest = db.get<{ id: string }>(sql`SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1`)!;
  const referral = saveReferral(db, { meetingId: latest.id, giverId: giver!.id, receiverId: receiver!.id, referralKind: 'outside', temperature: 3, prospectName: 'Quince Bakery', prospectPhone: '', prospectEmail: '', note: '', reason: 'Slip handed in late', confirmDuplicate: false });
  const steps = () => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM referral_status_history WHERE referral_id = ${referral.id}`)!.n;

  await page.goto(`${harness.openUrl}#/referrals`);
  // Typed without the accent, as on a keyboard without one: "lucia fern" still finds Lucía Fernández.
  await page.getByRole('combobox', { name: 'Member (given or received)' }).fill('lucia fern');
  await page.getByRole('option', { name: receiver!.fullName }).click();
  await page.getByRole('combobox', { name: 'Status of Quince Bakery' }).selectOption({ label: 'Contacted' });
  const dialog = page.getByRole('dialog');
  const on = dialog.getByRole('textbox', { name: 'On' });

  // Next week, typed by mistake for last week: it was once turned into another day and saved.
  const nextWeek = addDays(todayIso(), 7);
  await on.fill(nextWeek);
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(dialog.getByText(/^A follow-up cannot be dated after today \(\d{4}-\d{2}-\d{2}\)/)).toBeVisible();
  await expect(on).toHaveValue(nextWeek);
  await page.screenshot({ path: '/tmp/shots/s3-18b/follow-up-future.png' });

  await on.fill('2026-02-30');
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(dialog.getByText('The follow-up day must be a real date written YYYY-MM-DD')).toBeVisible();
  await expect(on).toHaveValue('2026-02-30');
  expect(steps()).toBe(0); // nothing saved

  // Corrected to today: saved, once.
  await on.fill(todayIso());
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(dialog).toBeHidden();
  expect(steps()).toBe(1);

  // Lost for "Other" with no note: the note is asked for. Once saved, the count drops with the list.
  const heading = page.getByText(/^\d+ open referrals?\b/);
  const before = Number((await heading.textContent())!.match(/^(\d+)/)![1]);
  await page.getByRole('combobox', { name: 'Status of Quince Bakery' }).selectOption({ label: 'Lost' });
  await dialog.getByRole('combobox', { name: 'Why was it lost?' }).click();
  await page.getByRole('option', { name: 'Other', exact: true }).click();
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(dialog.getByText('“Other” needs a few words: say in the note why it was lost.')).toBeVisible();
  expect(steps()).toBe(1);
  await dialog.getByLabel('Note').fill('They closed the shop');
  await dialog.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Status of Quince Bakery' })).toHaveCount(0);
  await expect(heading).toHaveText(new RegExp(`^${before - 1} open referral`));
});
