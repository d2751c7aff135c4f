import { expect, test } from './fixtures';

test('a new secretary is guided from an empty chapter to the first meeting, keyboard in the forms', async ({ page, harness }) => {
  await page.goto(harness.openUrl);
  await page.getByRole('button', { name: 'Start my chapter' }).click();
  await page.getByLabel('Chapter name').fill('Taipei Xinyi Connectors');
  await page.getByRole('button', { name: 'Create chapter' }).click();

  // The empty Meeting screen says what comes first, and nothing is ticked yet.
  const guide = page.getByRole('region', { name: 'Getting started' });
  await expect(guide).toBeVisible();
  await expect(guide.getByLabel('to do')).toHaveCount(3);
  await guide.getByRole('link', { name: 'Set up classifications and contact spheres' }).click();

  // Seats first, then several put in one contact sphere in one step.
  const addSphere = page.getByRole('form', { name: 'Add contact sphere' });
  await addSphere.getByLabel('New contact sphere').fill('Business services');
  await addSphere.getByLabel('New contact sphere').press('Enter');
  const addSeat = page.getByRole('form', { name: 'Add classification' });
  for (const name of ['Accountant', 'Plumbing', '會計師 Accountant (Chinese)']) {
    await addSeat.getByLabel('New classification').fill(name);
    await addSeat.getByLabel('New classification').press('Enter');
    await expect(page.getByRole('table', { name: 'Classifications' }).getByText(name, { exact: true })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: 'Tick every classification' }).check();
  await page.getByRole('combobox', { name: 'Contact sphere for the ticked classifications' }).click();
  await page.getByRole('option', { name: 'Business services' }).click();
  await page.getByRole('button', { name: 'Move 3' }).click();
  await expect(page.getByText('3 classifications now in Business services.')).toBeVisible();
  await expect(page.getByText('Business services (3)')).toBeVisible();

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

  await page.getByRole('link', { name: /Meeting/ }).click();
  await expect(guide.getByLabel('done')).toHaveCount(2);
  await guide.getByRole('button', { name: 'First meeting' }).click();
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(guide).toBeHidden();
  await page.screenshot({ path: 'test-results/first-meeting.png' });
});
