// Meeting night, the traps a fresh-eyes secretary fell into: nothing she types is lost without a word.
// A referral half-typed survives a switch to a one-to-one, the Attendance tab, an undo and another
// meeting; an email typed in Phone is said and moved on one key; the substitute box follows "Mark
// everyone else present"; the meeting list is searched by date; one matching member is taken by Enter.
import type { Page } from '@playwright/test';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

const shots = '/tmp/shots/s6-a';

async function tonight(page: Page) {
  // The first sheet of a fresh harness, on a shared machine: it may take a while to come.
  await expect(page.getByRole('tab', { name: /^Slips/ })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('textbox', { name: 'Meeting date' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
}

test('a referral half-typed is kept through a one-to-one, the Attendance tab, an undo and another meeting', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  await tonight(page);
  const box = (name: string) => page.getByRole('textbox', { name, exact: true });
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  const bar = page.getByRole('form', { name: 'Slip entry' });

  await expect(box('From (giver)')).toBeFocused();
  await page.keyboard.type('dana');
  await page.keyboard.press('Enter');
  await page.keyboard.type('marcus');
  await page.keyboard.press('Enter');
  await box('Prospect').fill('Alvarez family');
  await box('Note').fill('call after 6');

  // Alt+O for a quick one-to-one: the referral is kept, and the bar says so on its type.
  await page.keyboard.press('Alt+o');
  await expect(box('Member')).toBeFocused();
  await expect(bar.getByText('Referral being typed — kept (Alt+R brings it back).', { exact: true })).toBeVisible();
  await expect(bar.getByText('Referral · kept', { exact: true })).toBeVisible();
  // The referral's note is the referral's: the one-to-one's Note is empty.
  await expect(box('Note')).toHaveValue('');
  await page.screenshot({ path: `${shots}/referral-kept.png` });
  await page.keyboard.type('priya');
  await page.keyboard.press('Enter');
  await page.keyboard.type('greg');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (1)');
  // Alt+O twice (or back and forth) changes nothing.
  await page.keyboard.press('Alt+o');
  await page.keyboard.press('Alt+r');
  await expect(box('From (giver)')).toHaveValue('Dana Ruiz');
  await expect(box('To (receiver)')).toHaveValue('Marcus Chen');
  await expect(box('Prospect')).toHaveValue('Alvarez family');
  await expect(box('Note')).toHaveValue('call after 6');
  await expect(bar.getByText('Referral being typed — kept (Alt+R brings it back).', { exact: true })).toHaveCount(0);

  // The Attendance tab and back: still there.
  await page.keyboard.press('Alt+p');
  await expect(page.getByRole('table', { name: 'Attendance' })).toBeVisible();
  await page.keyboard.press('Alt+r');
  await expect(box('Prospect')).toHaveValue('Alvarez family');

  // Ctrl+Z undoes the one-to-one, not the referral being typed.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: saved one-to-one Priya Raman & Greg Holloway.')).toBeVisible();
  await expect(slipsTab).toHaveText('Slips (0)');
  await expect(box('Prospect')).toHaveValue('Alvarez family');
  await expect(box('From (giver)')).toHaveValue('Dana Ruiz');

  // Another meeting opened: the referral comes along, and the bar says where it will be saved.
  const picker = page.getByRole('textbox', { name: 'Meeting' }).or(page.getByRole('combobox', { name: 'Meeting' }));
  const last = sqlite.prepare("SELECT meeting_on FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
  await picker.first().click();
  await page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${last}`) }).click();
  await expect(bar.getByText(new RegExp(`^Brought over from the meeting of ${tonightDay(sqlite)}`))).toBeVisible();
  await expect(box('Prospect')).toHaveValue('Alvarez family');
  await page.screenshot({ path: `${shots}/brought-over.png` });
  // Back to tonight's and saved there with Enter.
  await picker.first().click();
  await page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${tonightDay(sqlite)}`) }).click();
  await expect(box('Prospect')).toHaveValue('Alvarez family');
  await box('Note').press('Enter');
  await expect(slipsTab).toHaveText('Slips (1)');
  expect(sqlite.prepare("SELECT r.prospect_name || ' / ' || r.note FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE m.status = 'draft' AND r.deleted_at IS NULL").pluck().all()).toEqual(['Alvarez family / call after 6']);
});

function tonightDay(sqlite: import('better-sqlite3').Database): string {
  return sqlite.prepare("SELECT meeting_on FROM meetings WHERE status = 'draft' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
}

test('an email typed in Phone is said under it and moved to Email on one key; nothing is saved until then', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  await tonight(page);
  const box = (name: string) => page.getByRole('textbox', { name, exact: true });
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  const bar = page.getByRole('form', { name: 'Slip entry' });
  const visitors = () => sqlite.prepare("SELECT v.name || ' / ' || v.phone || ' / ' || v.email FROM visitors v JOIN meetings m ON m.id = v.meeting_id WHERE m.status = 'draft' AND v.deleted_at IS NULL").pluck().all();

  await page.keyboard.press('Alt+v');
  await expect(box('Visitor name')).toBeFocused();
  await page.keyboard.type('张伟 Wei Zhang');
  await box('Company').fill('Zhang Logistics');
  await box('Phone').fill('wei.zhang@zhanglogistics.example');
  await box('Phone').press('Enter');
  await expect(bar.getByText('Not saved yet: “wei.zhang@zhanglogistics.example” looks like an email address, not a phone number. Move it to Email?')).toBeVisible();
  const move = bar.getByRole('button', { name: 'Move it to Email (Enter)' });
  await expect(move).toBeFocused();
  await page.screenshot({ path: `${shots}/email-in-phone.png` });
  expect(visitors()).toEqual([]);
  // Enter (twice, as a hurried secretary does): the first moves it, the second saves the visitor.
  await page.keyboard.press('Enter');
  await expect(box('Email')).toBeFocused();
  await expect(box('Email')).toHaveValue('wei.zhang@zhanglogistics.example');
  await expect(box('Phone')).toHaveValue('');
  await expect(bar.getByText('Moved here from Phone: check it, then Enter saves the slip.', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/email-moved.png` });
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (1)');
  expect(visitors()).toEqual(['张伟 Wei Zhang /  / wei.zhang@zhanglogistics.example']);

  // Email already typed: nothing is moved over it; the cursor goes to Phone with the fix.
  await box('Visitor name').fill('Amira Haddad أميرة');
  await box('Phone').fill('amira@example.com');
  await box('Email').fill('office@haddad.example');
  await box('Email').press('Enter');
  await expect(bar.getByText('Not saved yet: Phone holds an email address, and Email already holds “office@haddad.example”. Type the phone number here, or clear it.')).toBeVisible();
  await expect(box('Phone')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('+971 4 555 0101');
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (2)');

  // The same class of trap in another type: a one-to-one's mistyped date is refused beside its field,
  // with the cursor there and a line under the bar saying the slip is not saved.
  await page.keyboard.press('Alt+o');
  await page.keyboard.type('priya');
  await page.keyboard.press('Enter');
  await page.keyboard.type('greg');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2026-13-45');
  await page.keyboard.press('Enter');
  await expect(bar.getByText('Not saved yet: the One-to-one slip is still in the bar. Change Met on (the red line under it says how), then press Enter.', { exact: true })).toBeVisible();
  await expect(box('Met on')).toBeFocused();
  await expect(box('Member')).toHaveValue('Priya Raman');
  await page.screenshot({ path: `${shots}/one-to-one-refused.png` });
  await expect(slipsTab).toHaveText('Slips (2)');
});

test('the substitute box follows "Mark everyone else present"; the meeting list is searched by date; one matching member is taken by Enter', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  // Three more years of closed meetings before the demo's quarter: the list shows the last year first.
  const first = sqlite.prepare('SELECT min(meeting_on) FROM meetings').pluck().get() as string;
  const insert = sqlite.prepare("INSERT INTO meetings (id, meeting_on, status, closed_at) VALUES (?, ?, 'completed', ?)");
  for (let w = 1; w <= 160; w++) {
    const day = new Date(Date.parse(`${first}T00:00:00Z`) - w * 7 * 86_400_000).toISOString().slice(0, 10);
    insert.run(`old-${w}`, day, `${day}T09:30:00.000Z`);
  }
  const oldest = sqlite.prepare('SELECT min(meeting_on) FROM meetings').pluck().get() as string;
  await page.goto(harness.openUrl);
  await tonight(page);
  const tonightOn = tonightDay(sqlite);

  // Attendance: S opens the substitute box; "Mark everyone else present" with the box empty closes it and
  // counts that member present; with a name typed, the substitute is recorded first.
  await page.keyboard.press('Alt+p');
  const grid = page.getByRole('table', { name: 'Attendance' });
  // The cursor starts on the first member still to mark.
  const focused = grid.locator('tbody tr:focus');
  await expect(focused).toHaveAttribute('aria-label', /: not marked$/);
  const firstName = ((await focused.getAttribute('aria-label')) ?? '').replace(/: not marked$/, '');
  const firstRow = grid.locator('tbody tr').filter({ has: page.getByText(firstName, { exact: true }) });
  await page.keyboard.press('s');
  await expect(page.getByRole('textbox', { name: `Substitute for ${firstName}` })).toBeFocused();
  await page.getByRole('button', { name: /^Mark everyone else present/ }).click();
  await expect(page.getByRole('textbox', { name: `Substitute for ${firstName}` })).toHaveCount(0);
  await expect(firstRow).toHaveAttribute('aria-label', `${firstName}: Present`);
  await page.screenshot({ path: `${shots}/substitute-closed.png` });
  // Another member: S, a name typed, then "Mark everyone else present" (after Ctrl+Z took the marks away).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(firstRow).toHaveAttribute('aria-label', `${firstName}: not marked`);
  await firstRow.focus();
  await page.keyboard.press('s');
  await page.keyboard.type('Lee Park');
  await page.getByRole('button', { name: /^Mark everyone else present/ }).click();
  await expect(page.getByRole('textbox', { name: `Substitute for ${firstName}` })).toHaveCount(0);
  await expect(firstRow).toHaveAttribute('aria-label', `${firstName}: Substitute`);
  expect(sqlite.prepare("SELECT a.mark || ' ' || a.substitute_name FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.meeting_on = ? AND a.substitute_name <> ''").pluck().all(tonightOn)).toEqual(['S Lee Park']);

  // The meeting list: the last year, and a line saying how far back it reaches.
  await page.keyboard.press('Alt+r');
  const picker = page.getByRole('combobox', { name: 'Meeting', exact: true });
  const list = page.getByRole('listbox', { name: 'Meetings' });
  await picker.click();
  const reach = page.getByRole('status').filter({ hasText: /^Showing \d+ meetings back to / });
  await expect(reach).toBeVisible();
  const before = (await reach.textContent())!;
  // "Older meetings…" loads the year before and the list stays open, saying how far back it now goes.
  await list.getByRole('option', { name: /^Older meetings… \(before / }).click();
  await expect(list).toBeVisible();
  await expect(reach).not.toHaveText(before);
  await expect(reach).toHaveText(/^Showing 1\d\d meetings back to \d{4}-\d{2}-\d{2}\.$/);
  await page.screenshot({ path: `${shots}/older-loaded.png` });
  // A month typed narrows the list to it; one older than the list offers to load back to it (Enter).
  const oldMonth = oldest.slice(0, 7);
  await picker.fill(oldMonth);
  await expect(list.getByRole('option', { name: `Load meetings back to ${oldMonth}…`, exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(reach).toHaveText(`Showing ${sqlite.prepare('SELECT count(*) FROM meetings').pluck().get()} meetings back to ${oldest} (the first one recorded).`);
  const monthCount = sqlite.prepare('SELECT count(*) FROM meetings WHERE meeting_on LIKE ?').pluck().get(`${oldMonth}%`) as number;
  await expect(list.getByRole('option')).toHaveCount(monthCount);
  await page.screenshot({ path: `${shots}/month-typed.png` });
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(new RegExp(`^${oldest.slice(0, 7)}-\\d\\d · Closed · 0 slips$`));
  // The weekday shown beside each meeting is found too: "tuesday draft" finds tonight's.
  await picker.click();
  await picker.fill('tuesday draft');
  await expect(list.getByRole('option', { name: `${tonightOn} · Draft · 0 slips`, exact: true })).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(`${tonightOn} · Draft · 0 slips`);

  // The member picker: when typing leaves one member, that line is highlighted and Enter takes it.
  const giver = page.getByRole('textbox', { name: 'From (giver)', exact: true });
  await giver.click();
  await page.keyboard.type('watan');
  const members = page.getByRole('listbox').filter({ has: page.getByRole('option', { name: /Ken Watanabe/ }) });
  await expect(members.getByRole('option', { name: /^Ken Watanabe/ })).toHaveAttribute('data-combobox-selected', 'true');
  await page.screenshot({ path: `${shots}/one-member-highlighted.png` });
  await page.keyboard.press('Enter');
  await expect(giver).toHaveValue('Ken Watanabe');
  await expect(page.getByRole('textbox', { name: 'To (receiver)', exact: true })).toBeFocused();

  // Leaving the screen with that slip half-typed asks first, naming it.
  await page.getByRole('link', { name: /^Reports/ }).first().click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave.getByText("The Meeting screen's slip bar holds a Referral slip being typed, not saved.", { exact: true })).toBeVisible();
  await leave.getByRole('button', { name: 'Leave without saving' }).click();
  // The Reports screen's member choice: one match left is highlighted, and Enter takes it.
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  await page.getByText('Member statement', { exact: true }).click();
  const member = page.getByRole('combobox', { name: 'Member', exact: true });
  await member.click();
  await page.keyboard.type('watan');
  await expect(page.getByRole('listbox').getByRole('option', { name: 'Ken Watanabe', exact: true })).toHaveAttribute('data-combobox-selected', 'true');
  await page.screenshot({ path: `${shots}/statement-member-highlighted.png` });
  await page.keyboard.press('Enter');
  await expect(member).toHaveValue('Ken Watanabe');

  // The weekly report's meeting is searched like the Meeting screen's: a month from years ago loads back to it.
  await page.getByText('Weekly meeting', { exact: true }).click();
  const reportMeeting = page.getByRole('textbox', { name: 'Meeting', exact: true }).or(page.getByRole('combobox', { name: 'Meeting', exact: true }));
  await reportMeeting.click();
  await reportMeeting.fill(oldMonth);
  const reportList = page.getByRole('listbox', { name: 'Meetings' });
  await expect(reportList.getByRole('option', { name: `Load meetings back to ${oldMonth}…`, exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(reportList.getByRole('option')).toHaveCount(monthCount);
  await page.keyboard.press('Enter');
  const chosenDay = (await reportMeeting.inputValue()).slice(0, 10);
  expect(chosenDay.slice(0, 7)).toBe(oldMonth);
  await expect(reportMeeting).toHaveValue(`${chosenDay} · closed · 0 slips`);
  await page.screenshot({ path: `${shots}/report-meeting-searched.png` });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByLabel('Report preview')).toContainText(`meeting-${chosenDay}.pdf`);
});
