// The chapter president sets up seats in Settings on a sixty-seat chapter: ticks two classifications one by
// one and moves them into a contact sphere, moves another with its own picker, removes an empty seat, and
// is told why a held seat cannot be removed — the rows (plain elements since Settings opened too slowly)
// do what Mantine's did.
import { mkdirSync } from 'node:fs';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

test('classifications are ticked, moved into a sphere one by one or together, and removed; a held seat stays with the reason', async ({ page, harness }) => {
  const { db, sqlite } = harness.database;
  loadDemoChapter(db);
  await page.goto(`${harness.openUrl}#/settings`);
  await page.getByRole('tab', { name: 'Classifications & spheres' }).click();
  const table = page.getByRole('table', { name: 'Classifications' });
  await expect(table.getByRole('row')).not.toHaveCount(0);
  const addSeat = page.getByRole('form', { name: 'Add classification' });
  for (const name of ['室内设计 Interior (Chinese)', 'محاسبة Accounting (Arabic)', 'बीमा Insurance (Hindi)']) {
    await addSeat.getByLabel('New classification').fill(name);
    await addSeat.getByLabel('New classification').press('Enter');
    await expect(table.getByRole('row', { name: new RegExp(name.split(' ')[0]!) })).toBeVisible();
    await expect(page.getByText(`${name} is added.`)).toBeVisible();
  }
  // Enter pressed once more on the box the add just emptied: nothing is added and nothing is said in red.
  const seats = () => sqlite.prepare('SELECT count(*) FROM classifications').pluck().get() as number;
  const seatCount = seats();
  await addSeat.getByLabel('New classification').press('Enter');
  await page.waitForTimeout(300);
  expect(seats()).toBe(seatCount);
  await expect(addSeat.getByLabel('New classification')).not.toHaveAttribute('aria-invalid', 'true');
  // Enter pressed twice quickly on a new name adds it once.
  await addSeat.getByLabel('New classification').fill('Pest Control');
  await addSeat.getByLabel('New classification').press('Enter');
  await addSeat.getByLabel('New classification').press('Enter');
  await expect(table.getByRole('row', { name: /Pest Control/ })).toBeVisible();
  // The second press before the first is saved (both at once here): still one seat, and no "already exists".
  await addSeat.getByLabel('New classification').fill('Window Cleaning');
  await addSeat.evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(table.getByRole('row', { name: /Window Cleaning/ })).toBeVisible();
  await page.waitForTimeout(300);
  expect(seats()).toBe(seatCount + 2);
  await expect(addSeat.getByLabel('New classification')).not.toHaveAttribute('aria-invalid', 'true');
  const sphereOf = (name: string) => sqlite.prepare('SELECT s.name FROM classifications c LEFT JOIN contact_spheres s ON s.id = c.sphere_id WHERE c.name = ?').pluck().get(name) as string | null;
  const spheres = sqlite.prepare('SELECT name FROM contact_spheres ORDER BY name').pluck().all() as string[];
  const [first, second] = spheres as [string, string];

  // One row's own picker: the Hindi seat into the first sphere.
  await page.getByRole('combobox', { name: 'Contact sphere of बीमा Insurance (Hindi)' }).selectOption({ label: first });
  await expect.poll(() => sphereOf('बीमा Insurance (Hindi)')).toBe(first);
  await expect(page.getByRole('combobox', { name: 'Contact sphere of बीमा Insurance (Hindi)' })).toHaveValue(/.+/);

  // With the arrow keys the row's picker shows each sphere in turn and files the seat once, on Enter (it
  // re-filed it at every key, an audit entry apiece); Esc puts the picker back; leaving it takes the choice.
  const rowPicker = page.getByRole('combobox', { name: 'Contact sphere of बीमा Insurance (Hindi)' });
  const entries = () => sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  const logged = entries();
  await rowPicker.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  expect(sphereOf('बीमा Insurance (Hindi)')).toBe(first);
  expect(entries()).toBe(logged);
  const shown = (await rowPicker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.textContent)) as string;
  expect(shown).not.toBe(first);
  await page.keyboard.press('Escape');
  await expect(rowPicker.locator('option:checked')).toHaveText(first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => sphereOf('बीमा Insurance (Hindi)')).not.toBe(first);
  const filed = sphereOf('बीमा Insurance (Hindi)')!;
  await expect(rowPicker.locator('option:checked')).toHaveText(filed);
  expect(entries()).toBe(logged + 1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect.poll(() => sphereOf('बीमा Insurance (Hindi)')).toBe(first);
  expect(entries()).toBe(logged + 2);

  // Two ticked one by one, moved together into the second sphere.
  await expect(page.getByText('Tick classifications to put several in one contact sphere at once.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Tick 室内设计 Interior (Chinese)' }).check();
  await page.getByRole('checkbox', { name: 'Tick محاسبة Accounting (Arabic)' }).check();
  await expect(page.getByText('2 ticked: put them in')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Tick every classification' })).toHaveAttribute('data-indeterminate', 'true');
  await page.getByRole('combobox', { name: 'Contact sphere for the ticked classifications' }).selectOption({ label: second });
  await page.getByRole('button', { name: 'Move 2' }).click();
  await expect(page.getByText(`2 classifications now in ${second}.`)).toBeVisible();
  expect([sphereOf('室内设计 Interior (Chinese)'), sphereOf('محاسبة Accounting (Arabic)')]).toEqual([second, second]);
  await expect(page.getByRole('checkbox', { name: 'Tick 室内设计 Interior (Chinese)' })).not.toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Contact sphere of محاسبة Accounting (Arabic)' })).toHaveValue(/.+/);

  // An empty seat removed; a held one refused with the reason, and still listed.
  await page.getByRole('button', { name: 'Remove محاسبة Accounting (Arabic)' }).click();
  await expect(table.getByRole('row', { name: /محاسبة/ })).toHaveCount(0);
  await expect(page.getByText('محاسبة Accounting (Arabic) is removed.')).toBeVisible();
  const held = sqlite.prepare(`SELECT c.name FROM classifications c JOIN members m ON m.classification_id = c.id AND m.status = 'active' ORDER BY c.name LIMIT 1`).pluck().get() as string;
  const holder = sqlite.prepare(`SELECT m.display_name FROM members m JOIN classifications c ON c.id = m.classification_id WHERE c.name = ? AND m.status <> 'former' ORDER BY m.sort_name LIMIT 1`).pluck().get(held) as string;
  await page.getByRole('button', { name: `Remove ${held}`, exact: true }).click();
  // Said as it is: whose seat it is (not "move it to another contact sphere", which would not help).
  await expect(page.getByText(`${held} cannot be removed: it is the seat of ${holder}`)).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(held.replace(/[()]/g, '.')) })).toBeVisible();
  expect(sqlite.prepare('SELECT count(*) FROM classifications WHERE name = ?').pluck().get(held)).toBe(1);
  // A contact sphere removed: the president is told its classifications are now in no sphere.
  const inSecond = sqlite.prepare('SELECT count(*) FROM classifications c JOIN contact_spheres s ON s.id = c.sphere_id WHERE s.name = ?').pluck().get(second) as number;
  await page.getByRole('button', { name: `Remove sphere ${second}` }).click();
  // Asked first, since its classifications leave it; "Keep it" changes nothing.
  const asked = page.getByRole('dialog', { name: `Remove the contact sphere ${second}?` });
  await expect(asked).toContainText(`Its ${inSecond} classifications stay, in no contact sphere`);
  await asked.getByRole('button', { name: 'Keep it' }).click();
  await expect(asked).toBeHidden();
  expect(sphereOf('室内设计 Interior (Chinese)')).toBe(second);
  await page.getByRole('button', { name: `Remove sphere ${second}` }).click();
  await asked.getByRole('button', { name: `Remove ${second}` }).click();
  await expect(page.getByText(`${second} is removed; its ${inSecond} classifications are now in no contact sphere.`)).toBeVisible();
  expect(sphereOf('室内设计 Interior (Chinese)')).toBeNull();
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/settings-classifications.png', fullPage: true });
  await page.getByRole('group', { name: 'Move ticked classifications' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/settings-classifications-rows.png' });
});
