import { addDays } from '../../src/shared/dates';
import { loadDemoChapter } from '../../src/services/demo';
import { listMembers } from '../../src/services/members';
import { createMeeting } from '../../src/services/meetings';
import { saveReferral } from '../../src/services/slips';
import { expect, test } from './fixtures';

test('a chapter with 130 open referrals and a long audit log sees them a page at a time', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  const members = listMembers(db, { scope: 'current' }).filter((m) => m.status === 'active');
  const meeting = createMeeting(db, { meetingOn: addDays(new Date().toISOString().slice(0, 10), 7), confirmDate: true });
  for (let i = 0; i < 130; i++) {
    const giver = members[i % members.length]!;
    const receiver = members[(i + 1) % members.length]!;
    saveReferral(db, { meetingId: meeting.id, giverId: giver.id, receiverId: receiver.id, referralKind: 'outside', temperature: 3, prospectName: `Paged prospect ${String(i).padStart(3, '0')}`, prospectPhone: '', prospectEmail: '', note: i === 129 ? 'Called twice, left a message; '.repeat(40) : '', reason: '', confirmDuplicate: true });
  }

  await page.goto(`${harness.openUrl}#/referrals`);
  const list = page.getByRole('table', { name: 'Open referrals' });
  await expect(page.getByText(/^Referrals 1–50$/)).toBeVisible({ timeout: 30_000 });
  await expect(list.getByRole('row')).toHaveCount(51);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/^Referrals 51–100$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/open-referrals-page-2.png' });

  // The audit log: 100 entries to a page, older pages on demand, and back.
  await page.getByRole('link', { name: /^Audit log/ }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row')).toHaveCount(101);
  const newest = (await log.getByRole('row').nth(1).textContent()) ?? '';
  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByText('Page 2')).toBeVisible();
  await expect(log.getByRole('row')).toHaveCount(101);
  await page.screenshot({ path: 'test-results/audit-log-page-2.png' });
  await page.getByRole('button', { name: 'Newer' }).click();
  await expect(page.getByText('Page 1')).toBeVisible();
  await expect(log.getByRole('row').nth(1)).toHaveText(newest);

  // An entry's details open under it with the raw before and after, and close again; one at a time.
  const newestRow = log.getByRole('row').nth(1);
  await newestRow.getByRole('button', { name: /^Details of: / }).click();
  await expect(log.getByLabel('After')).toHaveCount(1);
  await expect(log.getByLabel('After')).toContainText('Paged prospect 129');
  // The details stay within the page, however long a line of them (this referral's note): the table is no wider than the window.
  expect(await log.evaluate((t) => t.getBoundingClientRect().right <= document.documentElement.clientWidth)).toBe(true);
  await expect(newestRow.getByRole('button', { name: /^Details of: / })).toHaveText('hide');
  await log.getByRole('row').nth(3).getByRole('button', { name: /^Details of: / }).click();
  await expect(log.getByLabel('After')).toHaveCount(1);
  await expect(newestRow.getByRole('button', { name: /^Details of: / })).toHaveText('details');
  await page.screenshot({ path: 'test-results/audit-log-details.png' });
  await log.getByRole('button', { name: /^Details of: / }).filter({ hasText: 'hide' }).click();
  await expect(log.getByLabel('After')).toHaveCount(0);
});
