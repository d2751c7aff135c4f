import { getChapter, saveChapter } from '../../src/services/chapter';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

test('a chapter in Kolkata: Settings offers "Asia/Kolkata", and the Audit log shows times there with the half-hour offset', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);

  // Typing the city's name today finds it (Intl lists it as "Asia/Calcutta").
  await page.goto(`${harness.openUrl}#/settings`);
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Kolk');
  await expect(page.getByRole('option', { name: 'Asia/Kolkata' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Asia/Calcutta' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Asia/Kolkata' }).click();
  await page.getByRole('button', { name: 'Save chapter' }).click();
  await expect.poll(() => getChapter(db)!.timeZone).toBe('Asia/Kolkata');

  // A change stored at 19:05 UTC happened at 00:35 the next day in Kolkata: the screen says so.
  const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = getChapter(db)!;
  saveChapter(db, { ...chapter, region: 'Mumbai West' });
  const last = harness.database.sqlite.prepare("SELECT at FROM audit_log ORDER BY rowid DESC LIMIT 1").pluck().get() as string;
  await page.goto(`${harness.openUrl}#/audit`);
  const log = page.getByRole('table', { name: 'Audit log' });
  const instant = new Date(/[zZ]$/.test(last) ? last : `${last.replace(' ', 'T')}Z`);
  const inKolkata = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', hour: 'numeric', minute: '2-digit' }).format(instant);
  await expect(log.getByRole('row').nth(1)).toContainText(`${inKolkata} GMT+5:30`);
  await page.screenshot({ path: '/tmp/shots/s2-12/audit-log-kolkata.png' });
});
