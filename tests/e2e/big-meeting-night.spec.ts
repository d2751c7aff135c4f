// A big night (more than 60 slips) draws only the slips in view (@tanstack/react-virtual), so the
// Meeting screen opens without drawing every row. Every slip must still be reachable: scrolled to the
// bottom the first slip of the night is there, and its Edit button opens it in the slip bar.
import { sql } from 'drizzle-orm';
import { loadDemoChapter } from '../../src/services/demo';
import { getMeetingSheet } from '../../src/services/meetings';
import { listMembers } from '../../src/services/members';
import { saveReferral } from '../../src/services/slips';
import { expect, test } from './fixtures';

test('a night of 150 slips opens with only the slips in view drawn, and the first slip of the night is reached by scrolling and edited', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  const [giver, receiver] = listMembers(db, { scope: 'current' }).filter((m) => m.status === 'active');
  const latest = db.get<{ id: string; meetingOn: string }>(sql`SELECT id, meeting_on AS meetingOn FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1`)!;
  const before = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM referrals WHERE meeting_id = ${latest.id} AND deleted_at IS NULL`)!.n;
  for (let i = 1; i <= 150 - before; i++) {
    saveReferral(db, { meetingId: latest.id, giverId: giver!.id, receiverId: receiver!.id, referralKind: 'outside', temperature: 3, prospectName: `Prospect number ${i}`, prospectPhone: '', prospectEmail: '', note: '', reason: 'Slips handed in late', confirmDuplicate: true });
  }
  const total = getMeetingSheet(db, latest.id).slips.length;
  expect(total).toBeGreaterThan(60);

  await page.goto(`${harness.openUrl}#/meeting`);
  const slips = page.getByRole('table', { name: 'Slips of this meeting' });
  await expect(page.getByRole('tab', { name: `Slips (${total})`, exact: true })).toBeVisible();
  await expect(slips).toHaveAttribute('aria-rowcount', String(total + 1));
  const drawn = await slips.locator('tbody tr[data-index]').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(total);

  // The list is newest first: the night's first slip is the last row, drawn once scrolled to.
  const lastRow = slips.locator(`tbody tr[data-index="${total - 1}"]`);
  await expect(lastRow).toHaveCount(0);
  for (let i = 0; i < 40 && (await lastRow.count()) === 0; i++) await page.mouse.wheel(0, 1500);
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toHaveAttribute('aria-rowindex', String(total + 1));
  await page.screenshot({ path: '/tmp/shots/s6-f/big-night-scrolled.png' });
  // Its Edit button puts that slip in the slip bar, as on any night.
  const kind = (await lastRow.locator('td').first().innerText()).trim().toLowerCase();
  await lastRow.getByRole('button', { name: /^Edit / }).click();
  await expect(page.getByLabel('Editing', { exact: true })).toContainText(new RegExp(`^Editing an? ${kind} slip`, 'i'));
  await expect(page.getByRole('button', { name: 'Save changes', exact: true })).toBeVisible();
});
