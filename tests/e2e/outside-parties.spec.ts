// A referral to someone of another chapter, typed at the meeting: it is kept as that person, never as
// a member, and a mistyped member's name is never turned into an outsider by Enter.
import { loadDemoChapter } from '../../src/services/demo';
import { nextWeekday, todayIso } from '../../src/shared/dates';
import { expect, test } from './fixtures';

test("Dana's referral to Li Wei of BNI Harbour is recorded as another chapter's member", async ({ page, harness }) => {
  test.setTimeout(90_000);
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  await expect(page.getByRole('tab', { name: /^Slips/ })).toBeVisible();
  await page.keyboard.press('Alt+n');
  await page.getByRole('textbox', { name: 'Meeting date' }).fill(nextWeekday(todayIso(), 2));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  const giver = page.getByRole('textbox', { name: 'From (giver)' });
  await expect(giver).toBeFocused();
  await page.keyboard.type('dana');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Li Wei');
  // No member is called Li Wei: Enter takes nobody, and the list offers people outside the chapter.
  await expect(page.getByText('No member matches "Li Wei": someone outside the chapter? Choose below (↓).')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: "Their name (other chapter)" })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/s2-19/outside-choices.png' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The name typed is kept as the outsider's name; their chapter is asked.
  await expect(page.getByRole('textbox', { name: 'Their name (other chapter)' })).toHaveValue('Li Wei');
  await page.getByRole('textbox', { name: 'Their chapter' }).fill('BNI Harbour');
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).fill('Harbour café');
  await page.screenshot({ path: '/tmp/shots/s2-19/outside-filled.png' });
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).press('Enter');

  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  await expect(list.getByText('Li Wei (BNI Harbour chapter)')).toBeVisible();
  await expect(list.getByText(/Harbour café · with another chapter/)).toBeVisible();
  // Not among the members' referrals, but not hidden either.
  await expect(page.getByLabel('Referrals total')).toContainText('0 inside · 0 outside · + 1 with people outside the chapter');
  await page.screenshot({ path: '/tmp/shots/s2-19/outside-listed.png', fullPage: true });
  expect(sqlite.prepare("SELECT p.name || ' / ' || p.chapter_name || ' / ' || s.direction FROM outside_party_slips s JOIN outside_parties p ON p.id = s.party_id").pluck().all()).toEqual(['Li Wei / BNI Harbour / given']);
  // Never a member's referral: the members' referral table is untouched.
  expect(sqlite.prepare("SELECT count(*) FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE m.meeting_on >= ?").pluck().get(todayIso())).toBe(0);
});

test('typing "Visitor" in the receiver takes "Visitor…" by Enter and the cursor waits in the visitor\'s name', async ({ page, harness }) => {
  test.setTimeout(90_000);
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  await expect(page.getByRole('tab', { name: /^Slips/ })).toBeVisible();
  await page.keyboard.press('Alt+n');
  await page.getByRole('textbox', { name: 'Meeting date' }).fill(nextWeekday(todayIso(), 2));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  await expect(page.getByRole('textbox', { name: 'From (giver)' })).toBeFocused();
  await page.keyboard.type('dana');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Visitor');
  // No member is called "Visitor": the choice of that name is highlighted, so Enter takes it.
  await expect(page.getByRole('option', { name: /^Visitor…/ })).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  const visitorName = page.getByRole('textbox', { name: "Visitor's name" });
  await expect(visitorName).toBeFocused();
  // The word typed to choose it is no one's name.
  await expect(visitorName).toHaveValue('');
  await page.keyboard.type('प्रिया शर्मा');
  await expect(visitorName).toHaveValue('प्रिया शर्मा');
  await expect(page.getByRole('textbox', { name: 'To (receiver)' })).toHaveValue('Visitor…');
  await page.screenshot({ path: '/tmp/shots/coord/visitor-name-typed.png' });
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).fill('Sharma bakery');
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).press('Enter');

  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  await expect(list.getByText(/प्रिया शर्मा/).first()).toBeVisible();
  expect(sqlite.prepare("SELECT p.name || ' / ' || p.kind || ' / ' || s.direction FROM outside_party_slips s JOIN outside_parties p ON p.id = s.party_id").pluck().all()).toEqual(['प्रिया शर्मा / visitor / given']);
});
