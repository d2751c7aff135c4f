import { mkdirSync } from 'node:fs';
import { todayIso } from '../../src/shared/dates';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

const shots = process.env.SHOTS_DIR ?? 'test-results';

test('a visitor who came twice applies, is interviewed, approved, and appears in the roster and the seat map; This week lists what is due', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  loadDemoChapter(harness.database.db);

  // This week: the leadership's lists, and the summary ready to paste.
  await page.goto(`${harness.openUrl}#/this-week`);
  await expect(page.getByRole('heading', { name: 'This week' })).toBeVisible();
  const applicants = page.getByRole('region', { name: 'Applicants waiting' });
  await expect(applicants.getByText('Liam Murphy')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Renewals due' }).getByText('Brian Kowalski')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Letters to review' }).getByText('final letter')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Open seats by contact sphere' }).getByText('Personal Training · 1 visitor interested')).toBeVisible();
  await expect(page.getByLabel('Weekly summary text')).toHaveValue(/Referrals: \d+ \(\d+ inside, \d+ outside\)/);
  await page.screenshot({ path: `${shots}/this-week.png`, fullPage: true });

  // Visitors: Amara Obi came twice for the open Personal Training seat.
  await page.getByRole('link', { name: /Visitors/ }).first().click();
  const amara = page.getByTestId('visitor-row').filter({ hasText: 'Amara Obi' });
  await expect(amara.getByText('seat open')).toBeVisible();
  await expect(amara.getByText('ask to apply')).toBeVisible();
  await page.screenshot({ path: `${shots}/visitors.png`, fullPage: true });

  await amara.getByRole('button', { name: 'Follow up Amara Obi' }).click();
  const followUp = page.getByRole('dialog');
  await followUp.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(followUp).toBeHidden();
  await expect(amara.getByText('Followed up')).toBeVisible();

  await amara.getByRole('button', { name: 'Apply: Amara Obi' }).click();
  const apply = page.getByRole('dialog');
  await expect(apply.getByLabel('First name')).toHaveValue('Amara');
  await apply.getByRole('button', { name: 'Make applicant' }).click();
  await expect(apply).toBeHidden();
  await expect(amara.getByText('Applied')).toBeVisible();

  // The applicant's file and the committee's decision.
  await page.getByRole('link', { name: /Applications & renewals/ }).click();
  const file = page.getByRole('article', { name: 'Application of Amara Obi' });
  await expect(file.getByText('Next: Set an interview date.')).toBeVisible();
  await file.getByRole('button', { name: "Applicant's file" }).click();
  const fileForm = page.getByRole('dialog');
  await fileForm.getByRole('textbox', { name: 'Interview date' }).fill(todayIso());
  await fileForm.getByLabel('Interviewers').fill('Nadia Haddad, Marcus Chen');
  await fileForm.getByLabel('References checked').check();
  await fileForm.getByRole('button', { name: 'Save file' }).click();
  await expect(fileForm).toBeHidden();
  await expect(file.getByText("Next: Ready for the committee's decision.")).toBeVisible();
  await page.screenshot({ path: `${shots}/applications.png`, fullPage: true });

  await file.getByRole('button', { name: 'Record decision' }).click();
  const decision = page.getByRole('dialog');
  // Recorded by is required: the refusal sits next to the field.
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByText('Enter who is recording the decision.')).toBeVisible();
  await decision.getByLabel('Recorded by').fill('Nadia Haddad');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision).toBeHidden();
  await expect(page.getByRole('table', { name: 'Decided applications' }).getByText('Amara Obi')).toBeVisible();

  // An active member in the roster, holding the seat on the seat map.
  await page.getByRole('link', { name: /Members/ }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Amara Obi' }).getByText('Active')).toBeVisible();
  await page.getByRole('link', { name: /Seat map/ }).click();
  await expect(page.getByText('Personal Training', { exact: true }).locator('xpath=..').getByText('Amara Obi')).toBeVisible();

  // The letters and renewals tabs, for the record.
  await page.getByRole('link', { name: /Applications & renewals/ }).click();
  await page.getByRole('tab', { name: 'Renewals' }).click();
  await expect(page.getByRole('table', { name: 'Renewals radar' }).getByText('Brian Kowalski')).toBeVisible();
  await page.screenshot({ path: `${shots}/renewals.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Attendance letters' }).click();
  await expect(page.getByRole('article', { name: 'Letter to Brian Kowalski' })).toBeVisible();
  // A draft meeting's absences are not counted yet, and the screen says so (a secretary expected tonight's to count).
  await expect(page.getByLabel('How letters are drafted')).toContainText("Only closed meetings count: tonight's absences count once the meeting is closed.");
  await page.screenshot({ path: `${shots}/letters.png`, fullPage: true });
});
