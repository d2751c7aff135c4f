// The roster and the attendance report ask "Which column is which?" as the Slips Audit import does, and the
// attendance report warns when it is another chapter's.
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { expect, test } from './fixtures';

const harbour = { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 };

test('a Polish roster: the secretary points at First Name, Last Name and Classification, and the members appear', async ({ page, harness }) => {
  saveChapter(harness.database.db, harbour);
  const csv = ['Imię,Nazwisko,Firma,Branża', 'Ana,Lima,Lima Law,Business Attorney', 'Bo,Ek,Ek Catering,Catering'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByText('Roster', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Roster file').click();
  await (await chooser).setFiles({ name: 'czlonkowie.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const question = page.getByLabel('Which column is which');
  await expect(question).toContainText("The ledger does not recognise the First Name, Last Name and Classification columns in czlonkowie.csv: choose which of the file's columns are which.");
  await expect(page.getByLabel('Roster preview')).toHaveCount(0);
  for (const [field, header] of [['First Name', 'Imię (column 1)'], ['Last Name', 'Nazwisko (column 2)'], ['Classification', 'Branża (column 4)']] as const) {
    await page.getByRole('combobox', { name: `Column for ${field}` }).click();
    await page.getByRole('option', { name: header }).click();
  }
  await expect(page.getByLabel('Members to add')).toContainText('Ana Lima');
  await expect(question).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/s4-19b/roster-columns-answered.png', fullPage: true });
  await page.getByRole('button', { name: 'Add 2 members' }).click();
  await expect(page.getByText('Added 2 members and 2 classifications')).toBeVisible();
  // The header counts them at once, without leaving the Import screen.
  await expect(page.getByLabel('Member count')).toHaveText('2 members');
  // The same people again, under English headers: nothing to add or change, so no "Add 0 members" button.
  const again = page.waitForEvent('filechooser');
  await page.getByLabel('Roster file').click();
  await (await again).setFiles({ name: 'roster-again.csv', mimeType: 'text/csv', buffer: Buffer.from('First Name,Last Name,Classification\r\nAna,Lima,Business Attorney\r\n') });
  const preview = page.getByLabel('Roster preview');
  await expect(preview.getByRole('heading', { name: 'No new members to add' })).toBeVisible();
  await expect(preview).toContainText('1 member already in the ledger, none with details to update.');
  await expect(preview.getByLabel('Nothing to import')).toHaveText('Nothing to add or update: every member in this file is already in the ledger with the same details.');
  await expect(preview.getByRole('button', { name: /^Add / })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/s4-19b/roster-nothing-to-add.png', fullPage: true });
  // The Audit log says which file the members came from.
  await page.goto(`${harness.openUrl}#/audit`);
  await expect(page.getByRole('row', { name: /Recorded member Ana Lima/ })).toContainText('Imported from czlonkowie.csv');
  await page.screenshot({ path: '/tmp/shots/s4-19b/audit-roster-import.png' });
});

test("another chapter's attendance report in Polish: the warning shows, the secretary points at the name columns, and the marks are imported once the secretary says the report is theirs", async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, harbour);
  addMember(db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId: saveClassification(db, { name: 'Realtor', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  const csv = ['Chapter PALMS Attendance Report', 'Bay Builders', 'From,07/07/2026', 'To,07/21/2026', '', 'Imię,Nazwisko,07/07,07/14,07/21', 'Dana,Ruiz,P,A,P'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByText('Attendance report', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Attendance report', { exact: true }).last().click();
  await (await chooser).setFiles({ name: 'obecnosc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('This file is for Bay Builders; the open chapter is Harbour Connectors.')).toBeVisible();
  for (const [field, header] of [['First Name', 'Imię (column 1)'], ['Last Name', 'Nazwisko (column 2)']] as const) {
    await page.getByRole('combobox', { name: `Column for ${field}` }).click();
    await page.getByRole('option', { name: header }).click();
  }
  await expect(page.getByLabel('Attendance preview')).toContainText('3 marks to add');
  // Held until the secretary says the report is theirs all the same.
  await expect(page.getByRole('button', { name: 'Import 3 marks' })).toBeDisabled();
  await expect(page.getByText('This file names another chapter: tick "It is our file: import it into this chapter anyway" above to import it.')).toBeVisible();
  await page.screenshot({ path: 'test-results/attendance-other-chapter.png', fullPage: true });
  await page.getByRole('checkbox', { name: 'It is our file: import it into this chapter anyway' }).check();
  await page.getByRole('button', { name: 'Import 3 marks' }).click();
  await expect(page.getByText('Imported 3 attendance marks from obecnosc.csv')).toBeVisible();
});

test('an attendance report chosen again after its import, then the import undone: the preview reads the ledger again and offers its marks to add', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, harbour);
  addMember(db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId: saveClassification(db, { name: 'Realtor', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  const csv = ['Chapter PALMS Attendance Report', 'Harbour Connectors', 'From,07/07/2026', 'To,07/21/2026', '', 'First Name,Last Name,07/07,07/14,07/21', 'Dana,Ruiz,P,A,P'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByText('Attendance report', { exact: true }).click();
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Attendance report', { exact: true }).last().click();
    await (await chooser).setFiles({ name: 'attendance-july.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  };
  await choose();
  await page.getByRole('button', { name: 'Import 3 marks' }).click();
  await expect(page.getByText('Imported 3 attendance marks from attendance-july.csv, with 3 meetings recorded as closed.', { exact: false })).toBeVisible();
  await choose();
  const preview = page.getByLabel('Attendance preview');
  await expect(preview).toContainText('0 marks to add, 0 meetings to create (closed), 3 marks already in the ledger.');
  await page.getByRole('table', { name: 'Import history' }).getByRole('button', { name: 'Undo this import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo the import of attendance-july.csv?' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Wrong month');
  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await expect(page.getByText('The import of attendance-july.csv is undone', { exact: false })).toBeVisible();
  await expect(preview).toContainText('3 marks to add, 3 meetings to create (closed), 0 marks already in the ledger.');
  await expect(page.getByRole('button', { name: 'Import 3 marks' })).toBeEnabled();
});
