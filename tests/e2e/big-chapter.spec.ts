// A 60-member chapter on the screens that draw one thing per member or per pair of members: the referral
// heatmap (3,600 cells, one readout instead of a tooltip per cell) and the Members list (only the rows in
// view are drawn), with long names and names in Chinese, Arabic and Hindi.
import { writeChapterHistory } from '../../src/cli/chapter-history';
import { createRegistry } from '../../src/server/registry';
import { addDays, todayIso } from '../../src/shared/dates';
import { expect, test } from './fixtures';

test('a 60-member chapter reads the heatmap cell by cell, scrolls through every member, and reaches meetings from years ago', async ({ page, harness }) => {
  const api = createRegistry({ db: harness.database.db, file: harness.workspace.file, appVersion: 'test' }, () => {});
  const call = (method: string, input: unknown): any => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  writeChapterHistory(api, { members: 56, weeks: 6, slipsPerMeeting: 40, firstMeetingOn: addDays(todayIso(), -7 * 6) });
  const classificationId = call('saveClassification', { name: 'Translator', sphereId: null }).id;
  const extra = [
    ['Maximiliane-Theodora', 'von Hohenzollern-Sigmaringen-Wittelsbach', 'Internationale Übersetzungs- und Dolmetscherdienste GmbH & Co. KG'],
    ['فاطمة', 'الزهراء', 'مكتب الترجمة العربية'],
    ['प्रिया', 'शर्मा', 'अनुवाद सेवाएँ'],
    ['王', '小明', '北京翻译公司'],
  ];
  for (const [i, [firstName, lastName, company]] of extra.entries()) {
    const id = call('addMember', { firstName, lastName, company, classificationId: i === 0 ? classificationId : call('saveClassification', { name: `Translator ${i}`, sphereId: null }).id, joinedOn: addDays(todayIso(), -7 * 7), renewalDue: addDays(todayIso(), 300), confirmJoinDate: true }).id;
    expect(id).toBeTruthy();
  }

  // Two years of older meetings, held before this history (cancelled: the chapter's book starts here).
  const oldest = addDays(todayIso(), -7 * 6 - 7 * 60);
  for (let w = 0; w < 60; w++) call('cancelMeeting', { meetingId: call('createMeeting', { meetingOn: addDays(oldest, 7 * w), confirmDate: true }).id, reason: 'Before the ledger' });

  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${harness.openUrl}#/reciprocity`);
  await page.getByText('Last 12 months', { exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Referral matrix' });
  await expect(grid.getByRole('rowheader')).toHaveCount(60, { timeout: 60_000 });
  const readout = page.getByTestId('heatmap-readout');
  await expect(readout).toHaveText(/Point at a cell, or Tab into the grid/);

  // Pointing at a cell reads it out in the one line above the grid (no tooltip per cell).
  const busiest = grid.locator('td[data-cell]').filter({ hasText: /^[1-9]/ }).first();
  const label = (await busiest.getAttribute('aria-label'))!;
  expect(label).toMatch(/ → .+: [1-9]\d* referrals?/);
  await busiest.hover();
  await expect(readout).toHaveText(label);
  await page.screenshot({ path: '/tmp/shots/s4-16b/heatmap-after-hover.png' });

  // The keyboard: the grid is one Tab stop, the arrow keys move, the readout follows.
  await page.mouse.move(0, 0);
  const first = grid.locator('td[data-cell="0-0"]');
  await first.focus();
  await expect(readout).toHaveText(/\(no referrals to oneself\)$/);
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('td[data-cell="0-1"]')).toBeFocused();
  await expect(readout).toHaveText((await grid.locator('td[data-cell="0-1"]').getAttribute('aria-label'))!);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(grid.locator('td[data-cell="1-59"]')).toBeFocused();
  await expect(grid.locator('td[tabindex="0"]')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/shots/s4-16b/heatmap-after-keyboard.png' });

  // Members: 60 of them, long names and names in Arabic, Hindi and Chinese; only the rows in view are drawn.
  await page.getByRole('link', { name: /^Members/ }).click();
  const table = page.getByRole('table', { name: 'Members' });
  await expect(table).toHaveAttribute('aria-rowcount', '61');
  await expect(table.locator('tbody tr[data-index="0"]')).toBeVisible();
  const drawn = await table.locator('tbody tr[data-index]').count();
  expect(drawn).toBeLessThan(40);
  expect(drawn).toBeGreaterThan(8);
  await page.screenshot({ path: '/tmp/shots/s4-16b/members-after-top.png' });
  // Down from the top row reaches the last member, scrolling the rows in as it goes.
  await table.locator('tbody tr[data-index="0"]').focus();
  await page.keyboard.press('End');
  await expect(table.locator('tbody tr[data-index="59"]')).toBeFocused();
  await expect(table.locator('tbody tr[data-index="0"]')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/s4-16b/members-after-end.png' });
  // Searching still finds members who are not drawn, by any script.
  for (const name of ['Maximiliane-Theodora von Hohenzollern-Sigmaringen-Wittelsbach', 'فاطمة الزهراء', 'प्रिया शर्मा', '王 小明']) {
    await page.getByLabel('Search members').fill(name.split(' ')[0]!);
    await expect(table.getByRole('row', { name, exact: true })).toBeVisible();
  }
  await page.getByLabel('Search members').fill('');
  await page.evaluate(() => window.scrollTo(0, 1400));
  await page.screenshot({ path: '/tmp/shots/s4-16b/members-after-scrolled.png' });

  // The Meeting screen: tonight's meeting as always; the last year in the list, then "Older meetings…".
  await page.getByRole('link', { name: /^Meeting/ }).first().click();
  const choice = page.getByRole('combobox', { name: 'Meeting', exact: true });
  await expect(choice).toHaveValue(/ · /);
  await choice.click();
  await expect(page.getByRole('option')).toHaveCount(53);
  await expect(page.getByRole('option', { name: oldest })).toHaveCount(0);
  const older = page.getByRole('option', { name: /^Older meetings… \(before / });
  await older.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/s4-16b/meeting-older-choice.png' });
  await older.click();
  await choice.click();
  await expect(page.getByRole('option', { name: new RegExp(`^${oldest} · `) })).toBeAttached();
  await page.screenshot({ path: '/tmp/shots/s4-16b/meeting-older.png' });
});
