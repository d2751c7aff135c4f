import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

test('a secretary backs up, makes a mistake, and restores the backup; the audit log shows amendments', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(`${harness.openUrl}#/settings`);
  await page.getByRole('tab', { name: 'Backups & export' }).click();
  const backups = page.getByRole('table', { name: 'Backups' });
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('row')).toHaveCount(2);
  // How much disk the backups may use: a choice in a list, said back in one sentence.
  await expect(page.getByTestId('backups-use')).toHaveText(/^1 backup uses [\d.]+ (KB|MB) of the 5 GB allowed\.$/);
  await page.getByRole('combobox', { name: 'Backups may use at most' }).click();
  await page.getByRole('option', { name: '1 GB' }).click();
  await expect(page.getByText(/Backups may now use at most 1 GB\. The oldest go at the next backup/)).toBeVisible();
  await expect(page.getByTestId('backups-use')).toHaveText(/of the 1 GB allowed\.$/);
  await page.getByRole('table', { name: 'Backups' }).screenshot({ path: 'test-results/backups-limit.png' });
  await page.getByTestId('backups-use').locator('..').screenshot({ path: 'test-results/backups-limit-choice.png' });

  // A mistake after the backup: a classification added by accident.
  await page.getByRole('tab', { name: 'Classifications & spheres' }).click();
  const addSeat = page.getByRole('form', { name: 'Add classification' });
  await addSeat.getByLabel('New classification').fill('Mistaken seat');
  await addSeat.getByRole('button', { name: 'Add classification' }).click();
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Mistaken seat')).toBeVisible();

  await page.getByRole('tab', { name: 'Backups & export' }).click();
  await backups.getByRole('button', { name: /^Restore the backup of/ }).first().click();
  await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(/Restored the backup of/)).toBeVisible();
  await expect(backups.getByText('Before a restore')).toBeVisible();
  // The other tabs show the restored file at once, without a reload: the mistaken seat is gone from the list.
  await page.getByRole('tab', { name: 'Classifications & spheres' }).click();
  await expect(page.getByRole('table', { name: 'Classifications' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Mistaken seat')).toHaveCount(0);
  await page.reload();
  // After a reload the Settings screen is fetched and drawn again, on the tab it was at: room for a busy machine.
  await expect(page.getByRole('tab', { name: 'Classifications & spheres', selected: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Classifications' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Classifications' }).getByText('Mistaken seat')).toHaveCount(0);

  // An amendment to a closed meeting, then the audit log filtered to amendments.
  const { db } = harness.database;
  const { listMeetings } = await import('../../src/services/meetings');
  const { setAttendance } = await import('../../src/services/attendance');
  const { listMembers } = await import('../../src/services/members');
  const meeting = listMeetings(db)[0]!;
  const dana = listMembers(db, { scope: 'current' }).find((m) => m.firstName === 'Dana')!;
  setAttendance(db, { meetingId: meeting.id, memberId: dana.id, mark: 'L', substituteName: '', reason: 'Arrived after the open networking' });
  await page.goto(`${harness.openUrl}#/audit`);
  await page.getByLabel('Amendments only (changes with a reason)').check();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByText('Arrived after the open networking')).toBeVisible();
  await expect(log.getByText(/Changed attendance of Dana Ruiz on .*: mark present → late/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/audit-log.png' });
});

test('the secretary verifies the audit log: all entries check out, then an entry edited outside the app is named', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(`${harness.openUrl}#/audit`);
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(page.getByRole('status')).toContainText(/All \d+ entries check out, the last one on \d{4}-\d\d-\d\d at \d\d:\d\d [A-Z][A-Za-z0-9+:-]*/);
  await page.screenshot({ path: 'test-results/audit-log-verified.png' });

  // Someone with the file drops the triggers, edits an entry's reason and puts the triggers back exactly.
  const sqlite = harness.database.sqlite;
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string; sql: string }>;
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  sqlite.exec("UPDATE audit_log SET reason = 'Approved by the president' WHERE rowid = (SELECT rowid FROM audit_log ORDER BY rowid LIMIT 1 OFFSET 9)");
  for (const t of triggers) sqlite.exec(t.sql);
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(page.getByRole('status')).toContainText('The audit log has been tampered with');
  await expect(page.getByRole('status')).toContainText(/^.*Entry 10 \(\d{4}-\d\d-\d\d at \d\d:\d\d [A-Z][A-Za-z0-9+:-]*, “.+”\) was changed after it was written/);
  await page.screenshot({ path: 'test-results/audit-log-tampered.png' });
});
