// Meeting night from the keyboard, the way a secretary makes mistakes at 9 pm: every key does what it
// says, nothing typed is lost or lands in the wrong slip, and undo undoes exactly what its toast names.
import type { Page } from '@playwright/test';
import { loadDemoChapter } from '../../src/services/demo';
import { addDays, formatDay, nextWeekday, todayIso } from '../../src/shared/dates';
import { ageLabel } from '../../src/renderer/open-referrals-wording';
import { expect, test } from './fixtures';

const shots = '/tmp/shots/s2-11';

/** Tab and Enter are pressed; anything else is typed. */
async function keys(page: Page, sequence: string[]) {
  for (const k of sequence) await (k === 'Tab' || k === 'Enter' ? page.keyboard.press(k) : page.keyboard.type(k));
}

async function newMeeting(page: Page, day?: string) {
  await page.keyboard.press('Alt+n');
  const date = page.getByRole('textbox', { name: 'Meeting date' });
  await expect(date).toBeFocused();
  if (day) await date.fill(day);
  await page.keyboard.press('Enter');
}

test('every slip type saves with one Enter, never before its later fields, and the bar is ready for the next', async ({ page, harness }) => {
  test.setTimeout(180_000);
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toBeVisible();
  const meetingDay = nextWeekday(todayIso(), 2);
  const date = page.getByRole('textbox', { name: 'Meeting date' });

  // A mistyped date is refused with a sentence, not rolled over into another month.
  await newMeeting(page, '2026-13-45');
  await expect(page.getByText('Meeting date must be a real date written YYYY-MM-DD.')).toBeVisible();
  // A Sunday asks first, and Enter pressed twice does not say yes: the cursor is on "Change the date",
  // so the second Enter goes back to the date. Yes takes a deliberate Tab then Enter (or a click).
  const sunday = nextWeekday(todayIso(), 0);
  await date.fill(sunday);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${sunday} is a Sunday, and the chapter meets on Tuesdays. Create the meeting on that date anyway?`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change the date' })).toBeFocused();
  await page.screenshot({ path: `${shots}/date-asks.png` });
  await page.keyboard.press('Enter');
  await expect(date).toBeFocused();
  await expect(date).toHaveValue(sunday);
  expect(sqlite.prepare('SELECT count(*) FROM meetings WHERE meeting_on = ?').pluck().get(sunday)).toBe(0);
  await date.fill(meetingDay);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  expect(sqlite.prepare('SELECT meeting_on FROM meetings WHERE meeting_on >= ?').pluck().all(todayIso())).toEqual([meetingDay]);

  const first = (label: string) => page.getByRole('textbox', { name: label, exact: true });
  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  let saved = 0;
  const savedOne = async (firstField: string) => {
    saved++;
    await expect(slipsTab).toHaveText(`Slips (${saved})`);
    await expect(first(firstField)).toBeFocused();
    await expect(first(firstField)).toHaveValue('');
  };
  const draft = (table: string, where = '') => `SELECT s.* FROM ${table} s JOIN meetings m ON m.id = s.meeting_id WHERE m.meeting_on = '${meetingDay}' AND s.deleted_at IS NULL ${where}`;

  // Referral: Enter in a member list takes the name and moves on; Enter in the prospect saves.
  await expect(first('From (giver)')).toBeFocused();
  await keys(page, ['dana', 'Enter', 'marcus', 'Enter', 'i', 'Tab', '5', 'Tab', 'Alvarez family', 'Enter']);
  await savedOne('From (giver)');

  // TYFCB: the amount, then Enter.
  await page.keyboard.press('Alt+t');
  await expect(first('From (closed the business)')).toBeFocused();
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '1,250.50', 'Enter']);
  await savedOne('From (closed the business)');
  // "From referral": Enter in its open list takes the referral and moves on to the note; Enter with the
  // list closed saves (it used to only open the list, so the slip was never saved from there).
  await keys(page, ['marcus', 'Tab', 'dana', 'Tab', '300', 'Tab', 'Tab', 'Tab']);
  const fromReferral = page.getByRole('combobox', { name: 'From referral' });
  await expect(fromReferral).toBeFocused();
  // The pair's open referrals are asked for once both members are in: the field says when they are there.
  await expect(fromReferral).toHaveAttribute('placeholder', 'Choose the referral');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(fromReferral).toHaveValue(/\(\d{4}-\d{2}-\d{2}\)$/);
  await expect(first('Note')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(fromReferral).toBeFocused();
  await page.keyboard.press('Enter');
  await savedOne('From (closed the business)');
  expect(sqlite.prepare(draft('tyfcb_slips', 'AND s.referral_id IS NOT NULL')).all()).toHaveLength(1);
  // Editing that TYFCB shows the referral it is linked to — won now, so no longer among the open ones
  // (the field once looked empty while the link was kept).
  const slipList = page.getByRole('table', { name: 'Slips of this meeting' });
  await slipList.getByRole('row').filter({ hasText: '$300.00' }).getByRole('button', { name: /^Edit / }).click();
  await expect(fromReferral).toHaveValue(/\(\d{4}-\d{2}-\d{2}\) · won$/);
  await page.getByRole('button', { name: 'Cancel edit' }).click();
  await expect(page.getByLabel('Editing')).toHaveCount(0);
  await first('From (closed the business)').focus();

  // One-to-one: Enter in "Met with" takes the name and moves on to "Met on" — it never saves with the
  // defaults there. Enter in "Met on" saves; blank is the meeting day.
  await page.keyboard.press('Alt+o');
  await expect(first('Member')).toBeFocused();
  await keys(page, ['priya', 'Tab', 'oliver', 'Enter']);
  await expect(first('Met on')).toBeFocused();
  await page.keyboard.press('Enter');
  await savedOne('Member');
  // A date typed after "Met with" lands in this one-to-one, not in the next. A day after the meeting is
  // refused, and the cursor goes to "Met on" (the field in error), not back to the first field.
  const after = addDays(meetingDay, 1);
  const metOn = addDays(meetingDay, -3);
  await keys(page, ['oliver', 'Enter', 'dana', 'Enter', after, 'Enter']);
  await expect(page.getByText(`Met on cannot be after the meeting (${meetingDay}): record it at the next meeting.`)).toBeVisible();
  await expect(first('Met on')).toBeFocused();
  await page.screenshot({ path: `${shots}/refused-cursor-in-field.png` });
  await page.keyboard.press('ControlOrMeta+a');
  await keys(page, [metOn, 'Enter']);
  await savedOne('Member');
  const pairs = list.getByRole('row').filter({ hasText: 'One-to-one' });
  await expect(pairs).toHaveCount(2);
  await expect(pairs.first()).toContainText(/Oliver Grant\s*Dana Ruiz\s*Met /);
  // In the chapter's own date format, as every list writes a day ("Met Nov 21, 2026").
  await expect(pairs.first()).toContainText(`Met ${formatDay(metOn)}`);
  await expect(pairs.nth(1)).toContainText(/Priya Raman\s*Oliver Grant/);
  await expect(pairs.nth(1)).toContainText(`Met ${formatDay(meetingDay)}`);

  // Visitor: Enter in "Invited by" takes the host and moves on; the phone typed there is this visitor's.
  await page.keyboard.press('Alt+v');
  await expect(first('Visitor name')).toBeFocused();
  await keys(page, ['Kara Lind', 'Tab', 'Lind Roofing', 'Tab', 'Tab', 'carlos', 'Enter']);
  await expect(first('Phone')).toBeFocused();
  await keys(page, ['555 0101', 'Enter']);
  await savedOne('Visitor name');
  expect(sqlite.prepare(draft('visitors')).all()).toMatchObject([{ name: 'Kara Lind', phone: '555 0101' }]);

  // CEU: Enter in the member list moves on to "Credits"; 2 typed there replace the 1 and land in this CEU.
  await page.keyboard.press('Alt+c');
  await expect(first('Member')).toBeFocused();
  await keys(page, ['aisha', 'Enter']);
  await expect(first('Credits')).toBeFocused();
  await keys(page, ['2', 'Enter']);
  await savedOne('Member');

  // Enter twice (three times here) on a slip never saves it twice, and never saves an empty one.
  await keys(page, ['jordan', 'Enter', 'Enter']);
  await page.keyboard.press('Enter');
  await savedOne('Member');
  const ceus = sqlite.prepare(`SELECT p.first_name AS who, s.credits FROM ceus s JOIN meetings m ON m.id = s.meeting_id JOIN members p ON p.id = s.member_id WHERE m.meeting_on = ? AND s.deleted_at IS NULL ORDER BY p.first_name`).all(meetingDay);
  expect(ceus).toEqual([{ who: 'Aisha', credits: 2 }, { who: 'Jordan', credits: 1 }]);
  // The card counts credits, and says from how many slips (2 + 1 credits read "3" with no word before).
  await expect(page.getByLabel('CEUs total')).toContainText('3credits · 2 slips');
  await page.screenshot({ path: `${shots}/every-type-saved.png` });

  // Attendance: "/" jumps to a name typed (60 rows are no place to arrow through), A marks absent,
  // and Ctrl+Z takes that mark back: the member is unmarked again.
  await page.keyboard.press('Alt+p');
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Jump to member' })).toBeFocused();
  await page.keyboard.type('oliv');
  await page.keyboard.press('Enter');
  const oliver = page.getByRole('row', { name: /^Oliver Grant: / });
  await expect(oliver).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByRole('row', { name: 'Oliver Grant: Absent' })).toBeVisible();
  await page.screenshot({ path: `${shots}/attendance-jump.png` });
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: marked Oliver Grant absent.')).toBeVisible();
  await expect(page.getByRole('row', { name: 'Oliver Grant: not marked' })).toBeVisible();
  // "Mark everyone else present" is one step: Ctrl+Z takes exactly those marks away, not the mark before it.
  await page.getByRole('row', { name: /^Oliver Grant: / }).focus();
  await page.keyboard.press('a');
  await expect(page.getByRole('row', { name: 'Oliver Grant: Absent' })).toBeVisible();
  const marksOnFile = () => sqlite.prepare("SELECT count(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.meeting_on = ?").pluck().get(meetingDay) as number;
  const marksBefore = marksOnFile();
  await page.getByRole('button', { name: /^Mark everyone else present/ }).click();
  await expect(page.getByText(/^\d+ members marked present\. Ctrl\+Z takes these marks away again\.$/)).toBeVisible();
  expect(marksOnFile()).toBeGreaterThan(marksBefore);
  await page.getByRole('row', { name: 'Oliver Grant: Absent' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/^Undone: marked \d+ members present \(everyone else\)\.$/)).toBeVisible();
  await expect(page.getByRole('row', { name: 'Oliver Grant: Absent' })).toBeVisible();
  expect(marksOnFile()).toBe(marksBefore);
  await page.screenshot({ path: `${shots}/mark-all-undone.png` });

  // Open referrals: the member filter takes the match on Enter; tonight's referral (a meeting still
  // ahead, or today) says when, not "0 days"; the list says how many it holds.
  await page.keyboard.press('Control+2');
  const who = page.getByRole('combobox', { name: 'Member (given or received)' });
  await who.click();
  await page.keyboard.type('marcus');
  await page.keyboard.press('Enter');
  await expect(who).toHaveValue('Marcus Chen');
  const tonight = page.getByRole('table', { name: 'Open referrals' }).getByRole('row').filter({ hasText: 'Alvarez family' }).filter({ hasText: formatDay(meetingDay) });
  await expect(tonight).toContainText(ageLabel({ meetingOn: meetingDay, daysOpen: 0 }, todayIso()));
  const openForMarcus = sqlite.prepare("SELECT count(*) FROM referrals r JOIN meetings m ON m.id = r.meeting_id JOIN members p ON p.id IN (r.giver_id, r.receiver_id) WHERE p.first_name = 'Marcus' AND r.deleted_at IS NULL AND m.status <> 'cancelled' AND r.status IN ('new', 'contacted', 'meeting_set')").pluck().get() as number;
  await expect(page.getByLabel('How many referrals')).toContainText(`${openForMarcus} open referral${openForMarcus === 1 ? '' : 's'}`);
  await page.screenshot({ path: `${shots}/open-referrals.png` });
});

test('delete then Ctrl+Z brings back that slip and nothing else; undo walks back a save, an edit and a delete', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  await expect(page.getByRole('tab', { name: /^Slips/ })).toBeVisible();
  await newMeeting(page);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  const giver = page.getByRole('textbox', { name: 'From (giver)' });
  await expect(giver).toBeFocused();
  const referral = async (from: string, to: string, prospect: string) => {
    await page.keyboard.type(from);
    await page.keyboard.press('Tab');
    await page.keyboard.type(to);
    await page.keyboard.press('Enter'); // takes the match; the prospect is still missing, so it moves on
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(prospect);
    await page.keyboard.press('Enter');
    await expect(giver).toBeFocused();
  };
  await referral('dana', 'marcus', 'First prospect');
  await referral('priya', 'greg', 'Second prospect');
  await page.keyboard.press('Alt+c');
  await page.keyboard.type('aisha');
  await page.keyboard.press('Enter'); // takes the name, moves on to the credits
  await page.keyboard.press('Enter'); // saves
  await expect(slipsTab).toHaveText('Slips (3)');
  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  const live = () => sqlite.prepare("SELECT prospect_name FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE m.status = 'draft' AND r.deleted_at IS NULL ORDER BY prospect_name").pluck().all();

  // Delete the FIRST referral (not the last saved), then Ctrl+Z: it comes back, the CEU stays.
  await list.getByRole('button', { name: 'Delete Referral Dana Ruiz' }).click();
  await expect(slipsTab).toHaveText('Slips (2)');
  await expect(page.getByText('Deleted: referral Dana Ruiz → Marcus Chen (First prospect).')).toBeVisible();
  await page.screenshot({ path: `${shots}/deleted-with-undo.png` });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: deleted referral Dana Ruiz → Marcus Chen (First prospect).')).toBeVisible();
  await expect(slipsTab).toHaveText('Slips (3)');
  expect(live()).toEqual(['First prospect', 'Second prospect']);
  expect(sqlite.prepare("SELECT count(*) FROM ceus c JOIN meetings m ON m.id = c.meeting_id WHERE m.status = 'draft' AND c.deleted_at IS NULL").pluck().get()).toBe(1);

  // The pencil puts the cursor in the bar (not on Delete), and Enter saves the edit.
  await list.getByRole('button', { name: 'Edit Referral Priya Raman' }).click();
  await expect(giver).toBeFocused();
  await expect(giver).toHaveValue('Priya Raman');
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).fill('Second prospect, renamed');
  // Clicking another pencil with the edit unsaved asks first, instead of swapping slips silently.
  await list.getByRole('button', { name: 'Edit Referral Dana Ruiz' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave the slip being edited?' })).toBeVisible();
  await page.screenshot({ path: `${shots}/pencil-asks.png` });
  await page.keyboard.press('Enter'); // "Keep editing" has the focus
  await expect(page.getByRole('textbox', { name: 'Prospect', exact: true })).toHaveValue('Second prospect, renamed');
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).press('Enter');
  await expect(giver).toBeFocused();
  await expect(list.getByText(/Second prospect, renamed/)).toBeVisible();

  // A save, an edit (above) and a delete, then Ctrl+Z three times: each undone in reverse order.
  await page.keyboard.press('Alt+c');
  await page.keyboard.type('jordan');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(slipsTab).toHaveText('Slips (4)');
  await list.getByRole('button', { name: 'Edit Referral Priya Raman' }).click();
  await page.getByRole('textbox', { name: 'Prospect', exact: true }).fill('Second prospect, renamed again');
  await page.keyboard.press('Enter');
  await expect(list.getByText(/renamed again/)).toBeVisible();
  await list.getByRole('button', { name: 'Delete Referral Dana Ruiz' }).click();
  await expect(slipsTab).toHaveText('Slips (3)');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(slipsTab).toHaveText('Slips (4)');
  await expect(page.getByText('Undone: deleted referral Dana Ruiz → Marcus Chen (First prospect).').last()).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: edited referral Priya Raman → Greg Holloway (Second prospect, renamed).')).toBeVisible();
  expect(live()).toEqual(['First prospect', 'Second prospect, renamed']);
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: saved CEU Jordan Blake, 1 credit.')).toBeVisible();
  await expect(slipsTab).toHaveText('Slips (3)');
  // Ctrl+Shift+Z redoes the last undo.
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByText('Redone: saved CEU Jordan Blake, 1 credit.')).toBeVisible();
  await expect(slipsTab).toHaveText('Slips (4)');
  // Every undo went through the ledger: audited, no reason in a draft.
  const ceuId = sqlite.prepare("SELECT c.id FROM ceus c JOIN meetings m ON m.id = c.meeting_id JOIN members p ON p.id = c.member_id WHERE m.status = 'draft' AND p.first_name = 'Jordan'").pluck().get();
  expect(sqlite.prepare("SELECT action || ':' || reason FROM audit_log WHERE entity = 'ceu' AND entity_id = ? ORDER BY rowid").pluck().all(ceuId)).toEqual(['insert:', 'delete:', 'restore:']);
});

test('a closed meeting asks the reason for each change, in the dialog for a delete; a mistaken meeting is removed on screen', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(harness.openUrl);
  await expect(page.getByRole('tab', { name: /^Slips/ })).toBeVisible();
  // The demo's newest meeting is closed and opens by default.
  await page.getByRole('textbox', { name: 'Reason for amendments' }).waitFor();
  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  const reasonBox = page.getByRole('textbox', { name: 'Reason for amendments' });

  // Amend one slip with a reason: the reason empties after that amendment.
  await list.getByRole('button', { name: /^Edit / }).first().click();
  await reasonBox.fill('Slip misread');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(reasonBox).toHaveValue('');

  // A delete asks for its own reason, in its dialog: the earlier reason is not reused.
  await list.getByRole('button', { name: /^Delete / }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Delete a slip of a closed meeting' });
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Enter a reason: it is kept in the audit log.')).toBeVisible();
  await page.keyboard.type('Entered twice');
  await page.screenshot({ path: `${shots}/closed-delete-asks-reason.png` });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const reasons = sqlite.prepare("SELECT action, reason FROM audit_log WHERE reason <> '' AND entity <> 'meeting' ORDER BY rowid DESC LIMIT 2").all();
  expect(reasons).toEqual([
    { action: 'delete', reason: 'Entered twice' },
    { action: 'update', reason: 'Slip misread' },
  ]);

  // Ctrl+Z in a closed meeting is an amendment too: it asks its reason first, like the delete did.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  const undoDialog = page.getByRole('dialog', { name: 'Undo in a closed meeting' });
  await expect(undoDialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await expect(undoDialog).toContainText(/Undo “deleted /);
  await page.keyboard.press('Enter');
  await expect(undoDialog.getByText('Enter a reason: it is kept in the audit log.')).toBeVisible();
  await page.keyboard.type('It was not a duplicate');
  await page.screenshot({ path: `${shots}/closed-undo-asks-reason.png` });
  await page.keyboard.press('Enter');
  await expect(undoDialog).toHaveCount(0);
  await expect(page.getByText(/^Undone: deleted /)).toBeVisible();
  expect(sqlite.prepare("SELECT action || ':' || reason FROM audit_log WHERE entity <> 'meeting' ORDER BY rowid DESC LIMIT 1").pluck().get()).toBe('restore:It was not a duplicate');

  // A reason typed in the amber banner first is offered again in the delete dialog (still editable):
  // "Delete the slip" then deletes at once instead of saying "Enter a reason".
  await reasonBox.fill('Card swiped twice');
  await list.getByRole('button', { name: /^Delete / }).first().click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveValue('Card swiped twice');
  await dialog.getByRole('button', { name: 'Delete the slip' }).click();
  await expect(dialog).toHaveCount(0);
  expect(sqlite.prepare("SELECT action || ':' || reason FROM audit_log WHERE entity <> 'meeting' ORDER BY rowid DESC LIMIT 1").pluck().get()).toBe('delete:Card swiped twice');

  // A meeting typed three months ahead by mistake: asked about, then removed from the screen.
  const far = nextWeekday(addDays(todayIso(), 91), 2);
  await newMeeting(page, far);
  await expect(page.getByText(/days from today\. Create the meeting on that date anyway\?/)).toBeVisible();
  // Yes is a deliberate answer: Tab from "Change the date" to "Create it on …", then Enter.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Create it on ${far}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('This meeting is in the future')).toBeVisible();
  await page.screenshot({ path: `${shots}/future-meeting.png` });
  await page.getByRole('button', { name: 'Remove meeting…' }).click();
  // The dialog is drawn on the next frame and puts the cursor in its reason box: typed from there.
  await expect(page.getByRole('dialog').getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Wrong date typed');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`The meeting of ${formatDay(far)} is removed.`)).toBeVisible();
  expect(sqlite.prepare('SELECT count(*) FROM meetings WHERE meeting_on = ?').pluck().get(far)).toBe(0);
  expect(sqlite.prepare("SELECT reason FROM audit_log WHERE entity = 'meeting' AND action = 'delete'").pluck().get()).toBe('Wrong date typed');

  // A holiday two weeks ahead, cancelled: no "future meeting" warning any more, and no invitation to type
  // slips into a bar that is not there.
  const holiday = nextWeekday(addDays(todayIso(), 14), 2);
  await newMeeting(page, holiday);
  await expect(page.getByRole('button', { name: 'Change the date' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('This meeting is in the future')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel meeting…' }).click();
  // The dialog is drawn on the next frame and puts the cursor in its reason box: typed from there.
  await expect(page.getByRole('dialog').getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Public holiday');
  await page.keyboard.press('Enter');
  await expect(page.getByText('This meeting was cancelled: it counts nowhere and takes no slips.', { exact: false })).toBeVisible();
  await expect(page.getByText('This meeting is in the future')).toHaveCount(0);
  await expect(page.getByText(/Type the first one above/)).toHaveCount(0);
  await page.screenshot({ path: `${shots}/cancelled-meeting.png` });

  // Screens by the physical key: macOS's Option+9 types "ª" but its code is still Digit9.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ª', code: 'Digit9', altKey: true, bubbles: true, cancelable: true })));
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  // The audit log in people's words, the raw values behind "details".
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByText(/^Deleted meeting of /).first()).toBeVisible();
  await expect(log).not.toContainText('amountMinor');
  await page.screenshot({ path: `${shots}/audit-log.png` });
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('tab', { name: /^Slips/ })).toBeVisible();
});
