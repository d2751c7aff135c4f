import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { weekdayNames } from '../../src/shared/domain';
import { expect, test } from './fixtures';

/** Every key pressed in the keyboard-only part; names and free text are counted apart. */
class Keys {
  moves = 0;
  typed = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.moves++;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.typed += [...text].length;
    await this.page.keyboard.type(text);
  }
}

// Seven more members, one seat each, typed with the keyboard only: 陳大文 (added first) makes eight.
const more: Array<[string, string, string, string]> = [
  ['Ana', 'Souza', 'Souza Contabilidade', 'Bookkeeper'],
  ['Omar', 'Haddad', 'Haddad Legal', 'Lawyer'],
  ['Priya', 'Sharma', 'Sharma Dental', 'Dentist'],
  ['Lucía', 'Fernández', 'Casa Lucía', 'Caterer'],
  ['Kenji', 'Watanabe', 'Watanabe Photo', 'Photographer'],
  ['Fatima', 'Zahra', 'Zahra Insurance', 'Insurance'],
  ['Tom', "O'Brien", "O'Brien Roofing", 'Roofer'],
];

test('a new secretary is guided from an empty chapter of eight members to the first meeting and its weekly report, keyboard in the forms', async ({ page, harness }) => {
  test.setTimeout(300_000);
  await page.goto(harness.openUrl);
  const started = Date.now();
  await page.getByRole('button', { name: 'Start my chapter' }).click();
  await page.getByLabel('Chapter name').fill('Taipei Xinyi Connectors');
  // The chapter meets today's weekday, so its first meeting is tonight (a meeting dated after today cannot be closed).
  await page.getByRole('combobox', { name: 'Meeting day' }).selectOption({ label: weekdayNames[new Date().getDay()]! });
  await page.getByRole('button', { name: 'Create chapter' }).click();

  // The empty Meeting screen says what comes first, and nothing is ticked yet.
  const guide = page.getByRole('region', { name: 'Getting started' });
  await expect(guide).toBeVisible();
  await expect(guide.getByLabel('to do')).toHaveCount(3);
  await guide.getByRole('link', { name: 'Set up classifications and contact spheres' }).click();
  await expect(page).toHaveURL(/#\/settings\/seats$/);

  // Seats first, then several put in one contact sphere in one step.
  const addSphere = page.getByRole('form', { name: 'Add contact sphere' });
  await addSphere.getByLabel('New contact sphere').fill('Business services');
  await addSphere.getByLabel('New contact sphere').press('Enter');
  const addSeat = page.getByRole('form', { name: 'Add classification' });
  for (const name of ['Plumbing', '會計師 Accountant (Chinese)', ...more.map((m) => m[3])]) {
    await addSeat.getByLabel('New classification').fill(name);
    await addSeat.getByLabel('New classification').press('Enter');
    await expect(page.getByRole('table', { name: 'Classifications' }).getByText(name, { exact: true })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: 'Tick every classification' }).check();
  await page.getByRole('combobox', { name: 'Contact sphere for the ticked classifications' }).selectOption({ label: 'Business services' });
  await page.getByRole('button', { name: 'Move 9' }).click();
  await expect(page.getByText('9 classifications now in Business services.')).toBeVisible();
  await expect(page.getByText('Business services (9)')).toBeVisible();

  await page.getByRole('link', { name: /Meeting/ }).click();
  await expect(guide.getByLabel('done')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/guided-start.png' });
  await guide.getByRole('link', { name: 'Add members' }).click();

  // "plum" then Enter takes the only matching seat, and does not send the form half-filled.
  await page.getByRole('button', { name: 'Add member' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByLabel('First name').fill('大文');
  await dialog.getByLabel('Last name').fill('陳');
  const seat = dialog.getByRole('combobox', { name: 'Classification' });
  await seat.fill('plum');
  await seat.press('Enter');
  await expect(seat).toHaveValue('Plumbing — open');
  await expect(dialog).toBeVisible();
  // 陳 is the family name: written first, with no space, as he writes it.
  await expect(page.getByRole('listbox', { name: 'Classification' })).toBeHidden();
  await dialog.getByRole('combobox', { name: 'Name order' }).click();
  await page.getByRole('option', { name: /^Family name first/ }).click();
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Members' }).getByText('陳大文')).toBeVisible();

  // Seven more with the keyboard only: N opens the form, Tab moves, the seat's first letters and Enter
  // take it, Enter again saves.
  const keys = new Keys(page);
  const membersTable = page.getByRole('table', { name: 'Members' });
  for (const [first, last, company, seatName] of more) {
    await keys.press('n');
    await expect(dialog.getByLabel('First name')).toBeFocused();
    await keys.type(first);
    await keys.press('Tab');
    await keys.type(last);
    await keys.press('Tab');
    await keys.type(company);
    await keys.press('Tab');
    await keys.type(seatName.slice(0, 5));
    await keys.press('Enter');
    await expect(seat).toHaveValue(`${seatName} — open`);
    await keys.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(membersTable.getByText(`${first} ${last}`, { exact: true })).toBeVisible();
  }
  const memberKeys = keys.moves;

  await page.getByRole('link', { name: /Meeting/ }).click();
  await expect(page.getByLabel('Member count')).toHaveText('8 members');
  await expect(guide.getByLabel('done')).toHaveCount(2);
  await guide.getByRole('button', { name: 'First meeting' }).click();
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(guide).toBeHidden();
  await page.screenshot({ path: 'test-results/first-meeting.png' });

  // The first meeting, keyboard only: one key per member for attendance, close, save the weekly report.
  await keys.press('Alt+p');
  const grid = page.getByRole('table', { name: 'Attendance' });
  await expect(grid.getByRole('row')).toHaveCount(9);
  await expect(grid.getByRole('row').nth(1)).toBeFocused();
  for (const mark of 'PPPPPPAP') await keys.press(mark.toLowerCase());
  await expect(page.getByLabel('Attendance total')).toContainText('7 / 8');
  await keys.press('Alt+l');
  const closedDialog = page.getByRole('dialog', { name: 'Meeting closed' });
  await expect(closedDialog.getByRole('button', { name: 'Save weekly report (PDF)' })).toBeFocused();
  const download = page.waitForEvent('download');
  await keys.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  const seconds = (Date.now() - started) / 1000;
  await expect(page.getByText('Closed', { exact: true })).toBeVisible();

  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/guided-start-figures.json', JSON.stringify({ members: 8, seconds, keysKeyboardPart: keys.moves, keysPerMember: memberKeys / more.length, typedCharacters: keys.typed, keyboardMembers: more.length }));
});
