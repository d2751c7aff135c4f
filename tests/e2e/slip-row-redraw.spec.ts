// The Meeting screen redraws only what a save changed (memoized rows, the sheet's unchanged parts kept,
// the saved slip shown from the save's answer). What the secretary sees must still be exactly what the
// ledger holds: a slip edited shows its new amount in its row and in the total, a slip deleted and
// brought back shows as it was, Enter pressed twice records one slip.
import type { Page } from '@playwright/test';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

const shots = '/tmp/shots/s5-b';

async function keys(page: Page, sequence: string[]) {
  for (const k of sequence) await (k === 'Tab' || k === 'Enter' ? page.keyboard.press(k) : page.keyboard.type(k));
}

test('a slip edited shows its new amount at once, in its row and the total; deleted and undone it comes back as edited', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toBeVisible();
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('textbox', { name: 'Meeting date' })).toBeFocused();
  await page.keyboard.press('Enter');
  const tonightsAmounts = () => sqlite.prepare("SELECT t.amount_minor FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id WHERE m.status = 'draft' AND t.deleted_at IS NULL").pluck().all();
  const giver = page.getByRole('textbox', { name: 'From (giver)', exact: true });
  await expect(giver).toBeFocused();

  // A referral, then Enter again on the emptied bar: one slip, not two.
  await keys(page, ['dana', 'Tab', 'marcus', 'Tab', 'Tab', 'Tab', 'Alvarez family', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (1)');
  await expect(giver).toHaveValue('');
  await page.keyboard.press('Enter');
  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  const referralRow = list.getByRole('row').filter({ hasText: 'Alvarez family' });
  await expect(referralRow).toHaveCount(1);
  // Each button of a row says what it does under the pointer (one tooltip serves the whole list).
  await referralRow.getByRole('button', { name: 'Edit Referral Dana Ruiz', exact: true }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Edit', { useInnerText: true });
  await referralRow.getByRole('button', { name: 'History of Referral Dana Ruiz', exact: true }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('History', { useInnerText: true });
  await page.screenshot({ path: '/tmp/shots/s7-a/row-tooltip.png' });
  await page.mouse.move(5, 5);
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  // A TYFCB of 1,250.00: its row and the total.
  await page.keyboard.press('Alt+t');
  const closer = page.getByRole('textbox', { name: 'From (closed the business)', exact: true });
  await expect(closer).toBeFocused();
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '1250', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (2)');
  const tyfcbRow = list.getByRole('row').filter({ has: page.getByRole('button', { name: 'Edit TYFCB Marcus Chen', exact: true }) });
  await expect(tyfcbRow).toContainText('$1,250.00');
  await expect(page.getByLabel('TYFCB total')).toContainText('$1,250.00');
  await expect(closer).toHaveValue('');

  // Edited to 980.00: the row and the total say so, the other row is untouched.
  await tyfcbRow.getByRole('button', { name: 'Edit TYFCB Marcus Chen', exact: true }).click();
  const amount = page.getByRole('textbox', { name: 'Amount (USD)', exact: true });
  await expect(amount).toHaveValue('1250.00');
  await amount.fill('980');
  await amount.press('Enter');
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(tyfcbRow).toContainText('$980.00');
  await expect(tyfcbRow).not.toContainText('$1,250.00');
  await expect(page.getByLabel('TYFCB total')).toContainText('$980.00');
  await expect(referralRow).toContainText('Dana Ruiz');
  await expect(slipsTab).toHaveText('Slips (2)');
  expect(tonightsAmounts()).toEqual([98000]);
  await page.screenshot({ path: `${shots}/edited-amount.png` });

  // Deleted, then Ctrl+Z: back with the edited amount; then Ctrl+Z again undoes the edit itself.
  await tyfcbRow.getByRole('button', { name: 'Delete TYFCB Marcus Chen', exact: true }).click();
  await expect(slipsTab).toHaveText('Slips (1)');
  await expect(tyfcbRow).toHaveCount(0);
  await expect(page.getByLabel('TYFCB total')).toContainText('$0.00');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(slipsTab).toHaveText('Slips (2)');
  await expect(tyfcbRow).toContainText('$980.00');
  await expect(page.getByLabel('TYFCB total')).toContainText('$980.00');
  await page.keyboard.press('Control+z');
  await expect(tyfcbRow).toContainText('$1,250.00');
  await expect(page.getByLabel('TYFCB total')).toContainText('$1,250.00');
  expect(tonightsAmounts()).toEqual([125000]);
  await page.screenshot({ path: `${shots}/undone-edit.png` });

  // The slip's own history, in the chapter's words, newest first: from the row's History button.
  await tyfcbRow.getByRole('button', { name: 'History of TYFCB Marcus Chen', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'History of the TYFCB Marcus Chen thanks Dana Ruiz, $1,250.00' });
  const history = drawer.getByLabel('History of this slip');
  await expect(history.getByText('Recorded TYFCB Marcus Chen thanks Dana Ruiz, $1,250.00', { exact: true })).toBeVisible();
  await expect(history.getByText('Changed TYFCB Marcus Chen thanks Dana Ruiz, $980.00: amount $1,250.00 → $980.00', { exact: true })).toBeVisible();
  await expect(history.getByText('Deleted TYFCB Marcus Chen thanks Dana Ruiz, $980.00', { exact: true })).toBeVisible();
  await expect(history.getByText('Brought back TYFCB Marcus Chen thanks Dana Ruiz, $980.00', { exact: true })).toBeVisible();
  await expect(history.getByText('Changed TYFCB Marcus Chen thanks Dana Ruiz, $1,250.00: amount $980.00 → $1,250.00', { exact: true })).toBeVisible();
  // Only this slip's entries: not the referral typed the same night, not the meeting's.
  await expect(history.getByText('Alvarez family', { exact: false })).toHaveCount(0);
  await expect(history.getByText('meeting', { exact: false })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/slip-history.png` });
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
});
