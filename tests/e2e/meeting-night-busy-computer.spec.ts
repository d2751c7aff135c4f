// Meeting night on a slow or busy laptop: the secretary types ahead of the screen. Every key must land where
// the cursor was when it was pressed, and every Enter that should save must save, however late the page's
// own work runs. Two traps seen in CI runs without a trace (keys sent as fast as a quick typist):
// a late "cursor to the first field" pulled the cursor back after Enter had taken a member, and a save still
// on its way after 300 ms disabled the Save button, so the next slip's Enter did nothing.
import type { Page } from '@playwright/test';
import { chapterToday } from '../../src/services/chapter';
import { loadDemoChapter } from '../../src/services/demo';
import { createMeeting } from '../../src/services/meetings';
import type { Harness } from '../../src/harness/server';
import { expect, test } from './fixtures';

/** Tab and Enter are pressed; anything else is typed. */
async function keys(page: Page, sequence: string[]) {
  for (const k of sequence) await (k === 'Tab' || k === 'Enter' || k === 'ArrowDown' ? page.keyboard.press(k) : page.keyboard.type(k));
}

/**
 * A busy machine runs the page's short timers late, after keys already typed (Chromium serves input
 * first): every zero-delay timer is run 250 ms late, all the time.
 */
async function runTimersLate(page: Page) {
  await page.addInitScript(() => {
    const original = window.setTimeout;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => original(fn, !ms || ms <= 0 ? 250 : ms, ...rest)) as typeof window.setTimeout;
    // Frames come late too: a list opened by a key is drawn a quarter of a second after it.
    const frame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback: FrameRequestCallback) => frame((t) => void original(() => callback(t), 250));
  });
}

/** The demo chapter, tonight's meeting open as a draft, the page's short timers run late: the slip bar ready. */
async function tonightOnABusyComputer(page: Page, harness: Harness) {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  await runTimersLate(page);
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toHaveText('Slips (0)');
  return { sqlite, slipsTab };
}

const tonight = `SELECT s.* FROM %T s JOIN meetings m ON m.id = s.meeting_id WHERE m.status = 'draft' AND s.deleted_at IS NULL`;

test('on a busy computer, a member taken by Enter keeps the cursor on the next field, and the credits, date and amount typed there are saved', async ({ page, harness }) => {
  const { sqlite, slipsTab } = await tonightOnABusyComputer(page, harness);
  const rows = (table: string) => sqlite.prepare(tonight.replace('%T', table)).all() as Array<Record<string, unknown>>;

  // CEU: the type switched and the member taken by Enter before the page's own timers have run.
  await page.keyboard.press('Alt+c');
  await keys(page, ['dana', 'Enter']);
  await expect(page.getByRole('textbox', { name: 'Credits', exact: true })).toBeFocused();
  await keys(page, ['2', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (1)');
  expect(rows('ceus').map((r) => r.credits)).toEqual([2]);

  // One-to-one: Enter takes the second member and moves on to "Met on"; the date typed there is kept.
  await page.keyboard.press('Alt+o');
  await keys(page, ['dana', 'Tab', 'marcus', 'Enter']);
  await expect(page.getByRole('textbox', { name: 'Met on' })).toBeFocused();
  const metOn = chapterToday(harness.database.db);
  await keys(page, [metOn, 'Enter']);
  await expect(slipsTab).toHaveText('Slips (2)');
  expect(rows('one_to_ones').map((r) => r.met_on)).toEqual([metOn]);

  // TYFCB straight after: the amount lands in Amount, not in a member picker.
  await page.keyboard.press('Alt+t');
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '300', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (3)');
  expect(rows('tyfcb_slips').map((r) => r.amount_minor)).toEqual([30000]);

  // The referral it came from, chosen with ArrowDown and Enter at once: the list opened by ArrowDown
  // highlights its first line a moment later, and Enter before that used to do nothing.
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '120', 'Tab', 'Tab', 'Tab']);
  const fromReferral = page.getByRole('combobox', { name: 'From referral' });
  await expect(fromReferral).toBeFocused();
  await expect(fromReferral).toHaveAttribute('placeholder', 'Choose the referral');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(fromReferral).toHaveValue(/\(\d{4}-\d{2}-\d{2}\)$/);
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (4)');
  expect(sqlite.prepare(`${tonight.replace('%T', 'tyfcb_slips')} AND s.referral_id IS NOT NULL`).all().map((r) => (r as { amount_minor: number }).amount_minor)).toEqual([12000]);
});

test('Enter saves the next slip while the one before is still on its way', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toHaveText('Slips (0)');
  // A slow disk or a busy laptop: the meeting's figures come back 1.5 s after each save.
  await page.route('**/api/getMeetingSheet', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const giver = page.getByRole('textbox', { name: 'From (giver)' });
  await expect(giver).toBeFocused();
  await keys(page, ['dana', 'Tab', 'marcus', 'Enter', 'Tab', 'Tab', 'First prospect', 'Enter']);
  await expect(giver).toBeFocused();
  // The first save is still being shown (its figures not back yet); the second slip is typed and Enter pressed.
  await page.waitForTimeout(400);
  await keys(page, ['priya', 'Tab', 'greg', 'Enter', 'Tab', 'Tab', 'Second prospect', 'Enter']);
  await expect(giver).toBeFocused();
  await expect(giver).toHaveValue('');
  await expect(slipsTab).toHaveText('Slips (2)');
  const prospects = sqlite.prepare(`${tonight.replace('%T', 'referrals')} ORDER BY s.prospect_name`).all() as Array<{ prospect_name: string }>;
  expect(prospects.map((r) => r.prospect_name)).toEqual(['First prospect', 'Second prospect']);

  // A TYFCB whose pair's open referrals are slow to come: Tab from the last choice always reaches
  // "From referral" (it used to be switched off until they came, and Tab skipped it to the note).
  await page.route('**/api/listOpenReferrals', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.keyboard.press('Alt+t');
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '300', 'Tab', 'Tab', 'Tab']);
  const fromReferral = page.getByRole('combobox', { name: 'From referral' });
  await expect(fromReferral).toBeFocused();
  await expect(fromReferral).toHaveAttribute('placeholder', 'Choose the referral');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(fromReferral).toHaveValue(/\(\d{4}-\d{2}-\d{2}\)$/);
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (3)');
  expect(sqlite.prepare(`${tonight.replace('%T', 'tyfcb_slips')} AND s.referral_id IS NOT NULL`).all()).toHaveLength(1);

  // The same keys before the pair's referrals have come: there is nothing to choose yet, so Enter saves the
  // TYFCB as it stands (it used to do nothing, and the next TYFCB typed overwrote it).
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '75', 'Tab', 'Tab', 'Tab', 'ArrowDown', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (4)');
  expect(sqlite.prepare(`${tonight.replace('%T', 'tyfcb_slips')} AND s.amount_minor = 7500 AND s.referral_id IS NULL`).all()).toHaveLength(1);
});

test('a slip refused after the secretary has moved on waits in red: the next slip is typed and saved where it was typed, and a late "Already entered?" never catches an Enter', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toHaveText('Slips (0)');
  // A slow laptop: every save's answer comes a second late.
  await page.route(/\/api\/save(OneToOne|Ceu)$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  // A one-to-one with a US date (refused: the field asks YYYY-MM-DD), and straight on, before the answer, a referral.
  await page.keyboard.press('Alt+o');
  await keys(page, ['priya', 'Tab', 'greg', 'Enter', '11/20/2026', 'Enter']);
  await page.keyboard.press('Alt+r');
  const giver = page.getByRole('textbox', { name: 'From (giver)' });
  await expect(giver).toBeFocused();
  await keys(page, ['dana', 'Tab', 'marcus', 'Enter', 'Tab', 'Tab', 'Late answer prospect', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (1)');
  const refused = page.getByRole('alert').filter({ hasText: 'A One-to-one slip was not saved' });
  await expect(refused).toBeVisible();
  // The bar stayed on the referral the whole time: nothing typed went into the one-to-one.
  await expect(page.getByRole('radio', { name: 'Referral' })).toBeChecked();
  expect(sqlite.prepare(`${tonight.replace('%T', 'referrals')}`).all().map((r) => (r as { prospect_name: string }).prospect_name)).toEqual(['Late answer prospect']);
  // Brought back, it is as typed, and says what to change.
  await refused.getByRole('button', { name: /^Bring it back/ }).click();
  await expect(page.getByRole('textbox', { name: 'Met on' })).toHaveValue('11/20/2026');

  // A CEU typed twice (the same member and credits): "Already entered?" starts on "No, go back", so an Enter
  // pressed twice, or meant for the next slip, never saves the duplicate.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+c');
  await keys(page, ['aisha', 'Enter', '2', 'Enter']);
  await expect(slipsTab).toHaveText('Slips (2)');
  await keys(page, ['aisha', 'Enter', '2', 'Enter']);
  const question = page.getByRole('dialog', { name: 'Already entered?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'No, go back' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(slipsTab).toHaveText('Slips (2)');
  expect(sqlite.prepare(`${tonight.replace('%T', 'ceus')}`).all()).toHaveLength(1);
  // Saving anyway is deliberate: Enter again asks again; Tab to "Save anyway", Enter.
  await page.keyboard.press('Enter');
  await expect(question).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Save anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (3)');
});

test('the slip bar drawn late never takes the cursor out of a dialog opened meanwhile', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  createMeeting(db, { meetingOn: chapterToday(db), confirmDate: true });
  // The meeting's slips come 1.5 s after the screen: the secretary presses Alt+N before they are drawn.
  await page.route('**/api/getMeetingSheet', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(harness.openUrl);
  await expect(page.getByRole('button', { name: 'Remove meeting…' }).or(page.getByText('Draft', { exact: true })).first()).toBeVisible();
  await page.keyboard.press('Alt+n');
  const date = page.getByRole('textbox', { name: 'Meeting date' });
  await expect(date).toBeFocused();
  // The bar appears behind the dialog; the cursor stays in the date.
  await expect(page.getByRole('textbox', { name: 'From (giver)' })).toBeVisible();
  await expect(date).toBeFocused();
  await page.keyboard.type('2026-12-01');
  await expect(date).toHaveValue('2026-12-01');
});

test('on a busy computer, the classification a visitor seeks, typed in part, is taken from its list by Enter, and the inviter typed next lands in Invited by', async ({ page, harness }) => {
  const { sqlite, slipsTab } = await tonightOnABusyComputer(page, harness);
  await page.keyboard.press('Alt+v');
  const visitorName = page.getByRole('textbox', { name: 'Visitor name' });
  await expect(visitorName).toBeFocused();
  // "pho" shows Photography: Enter takes it (it saved the visitor as wanting "pho", with no inviter).
  await keys(page, ['أمل حداد', 'Tab', 'Haddad Trading', 'Tab', 'pho', 'Enter', 'dana', 'Enter']);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (1)');
  // The next one with the arrows, the inviter typed at once after Enter.
  await expect(visitorName).toBeFocused();
  await keys(page, ['प्रिया शर्मा', 'Tab', 'Tab', 'inter', 'ArrowDown', 'Enter', 'priya', 'Enter']);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (2)');
  // Tab takes the classification shown too; one the chapter does not have is kept, and Enter moves on to the inviter.
  await keys(page, ['Tab Visitor', 'Tab', 'Tab', 'plumb', 'Tab', 'greg', 'Enter']);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (3)');
  await keys(page, ['Bee Visitor', 'Tab', 'Tab', 'Beekeeper', 'Enter', 'dana', 'Enter']);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (4)');
  // A slip typed and cleared with Esc leaves no classification behind: Enter in the next one's empty field saves it without one.
  await keys(page, ['Wrong One', 'Tab', 'Tab', 'pho', 'Enter', 'gre', 'Enter']);
  await page.keyboard.press('Escape');
  await expect(visitorName).toHaveValue('');
  await keys(page, ['Empty Seeker', 'Tab', 'Tab']);
  await expect(page.getByLabel('Classification sought', { exact: true }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (5)');
  const visitors = sqlite
    .prepare(`SELECT v.name, v.classification_sought AS sought, i.first_name AS inviter FROM visitors v JOIN meetings m ON m.id = v.meeting_id LEFT JOIN members i ON i.id = v.invited_by_id WHERE m.status = 'draft' AND v.deleted_at IS NULL ORDER BY v.rowid`)
    .all();
  expect(visitors).toEqual([
    { name: 'أمل حداد', sought: 'Photography', inviter: 'Dana' },
    { name: 'प्रिया शर्मा', sought: 'Interior Design', inviter: 'Priya' },
    { name: 'Tab Visitor', sought: 'Plumbing', inviter: 'Greg' },
    { name: 'Bee Visitor', sought: 'Beekeeper', inviter: 'Dana' },
    { name: 'Empty Seeker', sought: '', inviter: null },
  ]);
});
