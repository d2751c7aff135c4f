// An older chapter file opened for the first time: its 720 visitor slips were never matched to people,
// and the app matches them behind the screens. Meanwhile Visitors and This week list tonight's two
// visitors (matched when they were saved), say plainly that the lists are incomplete and how many
// slips remain — never "0 visitors" — and complete themselves when the matching is done.
// The screens' later answers are held until the first one has been looked at, so what is checked
// first is always the state before any matching: no timing is assumed.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { visitors } from '../../src/db/schema';
import { createRegistry } from '../../src/server/registry';
import { addDays } from '../../src/shared/dates';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import type { Harness } from '../../src/harness/server';
import { expect, test } from './fixtures';

const shots = process.env.SHOTS_DIR ?? 'test-results';

function olderFileWithTonight(harness: Harness) {
  const { db } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  const call = (method: string, input: unknown) => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: string };
  };
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const today = chapterToday(db);
  // Twelve earlier meetings of sixty visitors each, written straight into the file as an older version left them.
  const slips = [];
  for (let week = 12; week >= 1; week--) {
    const meetingId = call('createMeeting', { meetingOn: addDays(today, -7 * week), confirmDate: true }).id;
    for (let i = 0; i < 60; i++) slips.push({ meetingId, name: `Guest ${week}-${i} Visitor`, company: `Firm ${week}-${i}` });
  }
  db.insert(visitors).values(slips).run();
  // Tonight's two visitors, typed on the Meeting screen.
  const tonight = call('createMeeting', { meetingOn: today, confirmDate: true }).id;
  call('saveVisitor', { meetingId: tonight, name: 'Yuki Tanaka', company: 'Tanaka Design', confirmDuplicate: true });
  call('saveVisitor', { meetingId: tonight, name: 'عمر الفاروق', company: 'Al Farouk Travel', confirmDuplicate: true });
}

/** Lets the first answer of `method` through at once and holds every later one until `release` is called. */
async function holdAfterFirst(page: Page, method: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(`**/api/${method}`, async (route) => {
    if (first) {
      first = false;
      await route.continue();
      return;
    }
    await held;
    await route.continue();
  });
  return release;
}

test('Visitors while earlier slips are being matched: tonight\'s two visitors, "2 visitors so far" and how many slips remain; then the whole list by itself', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  olderFileWithTonight(harness);
  const release = await holdAfterFirst(page, 'listVisitors');
  await page.goto(`${harness.openUrl}#/visitors`);

  const notice = page.getByRole('status').filter({ hasText: 'The visitor lists are not complete yet' });
  await expect(notice).toContainText('720 visitor slips from earlier meetings are still being matched to the visitors behind them');
  await expect(page.getByText('2 visitors so far', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/^0 visitors/)).toHaveCount(0);
  const rows = page.getByTestId('visitor-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Yuki Tanaka');
  await expect(rows.nth(1)).toContainText('عمر الفاروق');
  await page.screenshot({ path: `${shots}/visitors-while-matching.png`, fullPage: true });

  // The screen asks again by itself until the matching is done; nobody presses anything.
  release();
  await expect(notice).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByText('722 visitors', { exact: true })).toBeVisible();
  await expect(page.getByText('Showing 1–50 of 722 visitors, newest visit first', { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(50);
  await page.screenshot({ path: `${shots}/visitors-matched.png`, fullPage: true });
});

test('This week while earlier slips are being matched: the visitors to call so far, marked "so far", and the whole count by itself', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  olderFileWithTonight(harness);
  const release = await holdAfterFirst(page, 'thisWeek');
  await page.goto(`${harness.openUrl}#/this-week`);

  await expect(page.getByRole('status').filter({ hasText: 'The visitor lists are not complete yet' })).toContainText('720 visitor slips from earlier meetings');
  const card = page.getByRole('region', { name: 'Visitors to follow up' });
  await expect(card.getByText('2 so far', { exact: true })).toBeVisible();
  await expect(card.getByText('Yuki Tanaka', { exact: true })).toBeVisible();
  await expect(card.getByText('عمر الفاروق', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/this-week-while-matching.png`, fullPage: true });

  release();
  await expect(page.getByRole('status').filter({ hasText: 'The visitor lists are not complete yet' })).toHaveCount(0, { timeout: 90_000 });
  await expect(card.getByText('722', { exact: true })).toBeVisible();
  await expect(card.getByText('and 710 more on the Visitors screen (To follow up)', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/this-week-matched.png`, fullPage: true });
});
