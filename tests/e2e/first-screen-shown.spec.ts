// The app's start-up checks (the file's check over every page, the start-up backup, the audit log's full
// check) wait until the window's first screen has its data on screen: the page says so once
// (`firstScreenShown`), after tonight's sheet has come and been drawn — never before, never twice.
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

/** In the page before the app: each registry request asked, and each answer, in order. */
const noteRequests = `(() => {
  const w = window;
  w.__requests = [];
  const fetch0 = w.fetch.bind(w);
  w.fetch = (...args) => {
    const method = String(args[0]).replace('/api/', '');
    w.__requests.push('asked ' + method);
    return fetch0(...args).then((r) => { w.__requests.push('answered ' + method); return r; });
  };
})();`;
const requests = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __requests: string[] }).__requests);

test('the page says its first screen is shown once, after tonight\'s sheet is on screen', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.addInitScript({ content: noteRequests });
  // Tonight's sheet is held back until the screen around it is drawn.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/getMeetingSheet', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(harness.openUrl);
  await expect(page.getByRole('combobox', { name: 'Meeting', exact: true })).toBeVisible();
  // Two painted frames with the screen but without its sheet: nothing said yet.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
  expect(await requests(page)).not.toContain('asked firstScreenShown');

  release();
  await expect(page.getByRole('tab', { name: /^Slips/ })).toHaveText(/^Slips \(\d+\)$/);
  await expect.poll(async () => (await requests(page)).filter((r) => r === 'asked firstScreenShown').length).toBe(1);
  const order = await requests(page);
  expect(order.indexOf('answered getMeetingSheet')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('answered getMeetingSheet')).toBeLessThan(order.indexOf('asked firstScreenShown'));

  // Moving to other screens and back does not say it again.
  await page.keyboard.press('Control+6');
  await expect(page).toHaveURL(/#\/members$/);
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('tab', { name: /^Slips/ })).toHaveText(/^Slips \(\d+\)$/);
  expect((await requests(page)).filter((r) => r === 'asked firstScreenShown')).toHaveLength(1);
});
