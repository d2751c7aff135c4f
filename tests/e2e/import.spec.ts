import path from 'node:path';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { createMeeting } from '../../src/services/meetings';
import { saveReferral, saveTyfcb } from '../../src/services/slips';
import { expect, test } from './fixtures';

test('the secretary imports a BNI Connect slips audit file, maps one unknown name, and sees the meeting', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }

  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles(path.resolve('tests/fixtures/slips-audit-2026-11-17.xls'));
  const previewCard = page.getByLabel('Import preview');
  await expect(previewCard.getByRole('heading', { name: /Meeting of 2026-11-17/ })).toBeVisible();
  await expect(previewCard.getByText('"Testimonial" is not a slip type Chapter Ledger keeps', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 6 new' })).toBeEnabled();
  await expect(previewCard.getByText('1 problem row will be left out.')).toBeVisible();

  // "Danny Ruiz" is two letters from Dana Ruiz: the preview asks "Did you mean Dana Ruiz?" and the list offers her first.
  await expect(previewCard.getByLabel('Did you mean, for Danny Ruiz')).toHaveText('Did you mean Dana Ruiz?');
  await page.getByRole('combobox', { name: 'Map Danny Ruiz to member' }).click();
  await expect(page.getByRole('option').first()).toHaveText('Dana Ruiz');
  await page.screenshot({ path: '/tmp/shots/s4-19b/did-you-mean.png' });
  await page.getByRole('option', { name: 'Dana Ruiz' }).click();
  await expect(page.getByRole('button', { name: 'Import 7 new' })).toBeEnabled();
  // Each row says who the name was taken to be.
  await expect(page.getByRole('table', { name: 'File rows' }).getByLabel('Danny Ruiz is Dana Ruiz').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s2-19/preview-matched.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 7 new' }).click();
  await expect(page.getByText('Imported slips-audit-2026-11-17.xls into the meeting of 2026-11-17: 7 new slips, 0 updated, 0 already in the ledger, 1 row left out.', { exact: false })).toBeVisible();

  await page.goto(`${harness.openUrl}#/meeting`);
  await expect(page.getByRole('combobox', { name: 'Meeting' })).toHaveValue(/2026-11-17 · Closed · 7 slips/);
  await expect(page.getByRole('table', { name: 'Slips of this meeting' }).getByRole('row')).toHaveCount(8);
  await expect(page.getByLabel('TYFCB total')).toContainText('$1,550.50');
  // On a narrow window the imported slips' long details never cut the type label to "REFE…" or "ONE-T…".
  await page.setViewportSize({ width: 1000, height: 900 });
  const badges = page.getByRole('table', { name: 'Slips of this meeting' }).locator('.mantine-Badge-root');
  const cut = await badges.evaluateAll((els) => els.filter((b) => { const label = b.querySelector('.mantine-Badge-label') as HTMLElement; return label.scrollWidth > label.clientWidth || label.getBoundingClientRect().right > b.getBoundingClientRect().right + 0.5; }).map((b) => b.textContent));
  await page.getByRole('table', { name: 'Slips of this meeting' }).screenshot({ path: process.env.SHOT ?? '/tmp/shots/s4-19b/meeting-slip-types.png' });
  expect(cut).toEqual([]);
  await page.setViewportSize({ width: 1400, height: 900 });

  // The meeting arrived closed: taking the import back is an amendment, so the reason is asked first.
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByRole('table', { name: 'Import history' }).getByRole('button', { name: 'Undo this import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo the import of slips-audit-2026-11-17.xls?' });
  await expect(dialog).toContainText('It wrote into the meeting of 2026-11-17, which is closed');
  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await expect(dialog.getByText('Give the reason (it is kept in the audit log with every change the undo makes). Nothing was undone.', { exact: false })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s2-19/undo-asks-reason.png' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Imported before the slips were checked');
  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await expect(page.getByText('The import of slips-audit-2026-11-17.xls is undone: 7 slips it created are deleted.', { exact: false })).toBeVisible();
  await expect(dialog).toBeHidden();
});

test('the preview shows rows already in the ledger, new, differing and with a problem; one problem is fixed in place; the import is undone', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    ids[first] = addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  // Typed at the meeting: one referral and one TYFCB of $1,200.00.
  const meeting = createMeeting(db, { meetingOn: '2026-11-17' });
  saveReferral(db, { meetingId: meeting.id, giverId: ids.Dana!, receiverId: ids.Marcus!, referralKind: 'outside', temperature: 3, prospectName: 'Alvarez family', prospectPhone: '', prospectEmail: '', note: '', reason: '', confirmDuplicate: false });
  saveTyfcb(db, { meetingId: meeting.id, closerId: ids.Marcus!, referrerId: ids.Dana!, amount: '1200.00', business: 'new', tyfcbKind: 'outside', referralId: null, note: '', reason: '', confirmDuplicate: false });
  const csv = [
    'Slips Audit Report for 17/11/2026',
    'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail',
    'Dana Ruiz,Marcus Chen,Referral,Outside,,,Alvarez family',
    'Marcus Chen,Dana Ruiz,TYFCB,Outside,"$1,250.50",,New',
    'Lucía Fernández,Priya Raman,One-to-One,,,,Coffee',
    'Priya Raman,Lucía Fernández,TYFCB,Tier 3,$0.00,,Repeat',
  ].join('\r\n');

  await page.goto(`${harness.openUrl}#/import`);
  await expect(page.getByLabel('Imports').getByText('No file has been imported into this chapter yet.', { exact: false })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  // Saved by Excel on Windows as "CSV": Windows-1252, not UTF-8. The preview says so and shows the names as read.
  await (await chooser).setFiles({ name: 'night.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
  await expect(page.getByLabel('Import preview').getByLabel('How the file was read')).toContainText('Read as Windows-1252 text (Excel\'s "CSV" on a Western European Windows), because the file is not UTF-8. Names with accents or other scripts, as read: "Lucía Fernández". If a name looks wrong, choose how to read the file under "Read as", or save it from Excel as "CSV UTF-8" and choose it again.');
  await expect(page.getByLabel('Import preview').getByRole('combobox', { name: 'Read as' })).toHaveValue('Windows-1252');
  const rows = page.getByRole('table', { name: 'File rows' });
  await expect(rows.getByRole('row', { name: 'Row 3' })).toContainText('In the ledger');
  await expect(rows.getByRole('row', { name: 'Row 4' })).toContainText('Differs: the amount is $1,250.50 in the file and $1,200.00 in the ledger');
  await expect(rows.getByRole('row', { name: 'Row 5' })).toContainText('New');
  await expect(rows.getByRole('row', { name: 'Row 6' })).toContainText('Row 6: the TYFCB amount is zero: correct the amount or skip the row.');

  await page.getByLabel('Correct amount of row 6').fill('300');
  await page.getByLabel('Correct amount of row 6').press('Enter');
  await expect(rows.getByRole('row', { name: 'Row 6' })).toContainText('$300.00');
  await expect(page.getByLabel('Rows by kind')).toContainText('Problem: 0');
  await page.screenshot({ path: 'test-results/import-preview-kinds.png', fullPage: true });
  await page.screenshot({ path: '/tmp/shots/s2-13/import-read-as.png', fullPage: true });
  await page.getByRole('button', { name: 'Import 2 new, update 1' }).click();
  await expect(page.getByText('Imported night.csv into the meeting of 2026-11-17: 2 new slips, 1 updated, 1 already in the ledger.', { exact: false })).toBeVisible();

  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row', { name: 'Import of night.csv' })).toContainText('secretary');
  await history.getByRole('button', { name: 'Undo this import' }).click();
  await expect(page.getByText('The import of night.csv is undone: 2 slips it created are deleted and 1 slip it changed has the old values back. The meeting of 2026-11-17 stays in the ledger.')).toBeVisible();
  await expect(history.getByRole('row', { name: 'Import of night.csv' })).toContainText('Undone');
  await page.screenshot({ path: 'test-results/import-undone.png', fullPage: true });

  await page.goto(`${harness.openUrl}#/meeting`);
  await expect(page.getByRole('combobox', { name: 'Meeting' })).toHaveValue(/2026-11-17 · .* · 2 slips/);
  await expect(page.getByLabel('TYFCB total')).toContainText('$1,200.00');
});

test("a Polish export's headers are not recognised: the secretary says which column is From, To and Slip type, and the rows appear", async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const csv = ['Slips Audit Report for 17/11/2026', 'Od,Do,Rodzaj,Opis', 'Dana Ruiz,Marcus Chen,Referral,Alvarez family', 'Marcus Chen,Dana Ruiz,Referral,Keystone staff'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'polish.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const question = page.getByLabel('Which column is which');
  await expect(question).toContainText("The ledger does not recognise the From, To and Slip type columns in polish.csv: choose which of the file's columns are which.");
  await expect(page.getByLabel('Import preview')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/s2-19/columns-asked.png', fullPage: true });
  for (const [field, header] of [['From', 'Od (column 1)'], ['To', 'Do (column 2)'], ['Slip type', 'Rodzaj (column 3)']] as const) {
    await page.getByRole('combobox', { name: `Column for ${field}` }).click();
    await page.getByRole('option', { name: header }).click();
  }
  await expect(question).toContainText('if it holds the');
  await page.getByRole('combobox', { name: 'Column for Detail' }).click();
  await page.getByRole('option', { name: 'Opis (column 4)' }).click();
  await expect(page.getByLabel('Rows by kind')).toContainText('New: 2');
  await expect(question).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/s2-19/columns-answered.png', fullPage: true });
  await expect(page.getByRole('button', { name: 'Import 2 new' })).toBeEnabled();
});

test('the secretary checks the ledger against a BNI Connect PALMS report', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const first of ['Ann', 'Bob', 'Cat']) {
    addMember(db, { firstName: first, lastName: 'Test', company: '', classificationId: saveClassification(db, { name: `Seat ${first}`, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  await page.goto(`${harness.openUrl}#/import`);
  await page.getByText('Check against BNI Connect PALMS', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('PALMS report').click();
  await (await chooser).setFiles(path.resolve('tests/fixtures/palms-q1-2026.xls'));
  const result = page.getByLabel('Reconciliation');
  await expect(result.getByRole('heading')).toContainText('2026-01-01 to 2026-03-31');
  // The ledger has no meetings: every figure BNI Connect has is a difference, and nothing was written.
  await expect(result.getByRole('table', { name: 'Differences' }).getByRole('row', { name: /Bob Test RGO 2 0/ })).toBeVisible();
  await expect(result.getByText('Only in BNI Connect: Daniel Test, Zed Nobody', { exact: false })).toBeVisible();
});

test('two members whose names read the same (José Díaz, Jose Diaz): the preview asks which one a row means, and the answer is imported', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['José', 'Díaz', 'Florist'], ['Jose', 'Diaz', 'Plumber']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const csv = ['Slips Audit Report for 17/11/2026', 'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail', 'Dana Ruiz,José Díaz,Referral,Outside,,,Wedding flowers'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'night.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const previewCard = page.getByLabel('Import preview');
  await expect(previewCard.getByRole('heading', { name: 'Names that could be more than one member' })).toBeVisible();
  await expect(previewCard.getByText('could be Jose Diaz (Plumber) or José Díaz (Florist): which one?')).toBeVisible();
  await expect(page.getByRole('table', { name: 'File rows' }).getByRole('row', { name: 'Row 3' })).toContainText('"José Díaz" (To) could be Jose Diaz (Plumber) or José Díaz (Florist)');
  await page.screenshot({ path: '/tmp/shots/s2-13/import-asks-which-jose.png', fullPage: true });
  await page.getByRole('combobox', { name: 'Map José Díaz to member' }).click();
  await page.getByRole('option', { name: 'José Díaz (Florist)' }).click();
  await page.getByRole('button', { name: 'Import 1 new' }).click();
  await expect(page.getByText('Imported night.csv into the meeting of 2026-11-17: 1 new slip', { exact: false })).toBeVisible();
  const receiver = harness.database.sqlite.prepare("SELECT m.first_name || ' ' || m.last_name || ' (' || c.name || ')' FROM referrals r JOIN members m ON m.id = r.receiver_id JOIN classifications c ON c.id = m.classification_id").pluck().get();
  expect(receiver).toBe('José Díaz (Florist)');
});

test('the same file chosen again, then its import undone: the preview on screen reads the ledger again and offers its rows as new; the next import clears the line about the undo', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Danny', 'Ruiz', 'Roofer'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  await page.goto(`${harness.openUrl}#/import`);
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Slips audit export').click();
    await (await chooser).setFiles(path.resolve('tests/fixtures/slips-audit-2026-11-17.xls'));
  };
  await choose();
  await page.getByRole('button', { name: 'Import 7 new' }).click();
  await expect(page.getByText('Imported slips-audit-2026-11-17.xls into the meeting of 2026-11-17: 7 new slips', { exact: false })).toBeVisible();
  // The wrong file after all? Chosen again, it is all in the ledger…
  await choose();
  const kinds = page.getByLabel('Rows by kind');
  await expect(kinds).toContainText('Already in the ledger: 7');
  await expect(page.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();
  // …then the import is undone: the preview says so at once, without choosing the file again.
  await page.getByRole('table', { name: 'Import history' }).getByRole('button', { name: 'Undo this import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Undo the import of slips-audit-2026-11-17.xls?' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Imported the wrong meeting');
  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  const undoneLine = page.getByText('The import of slips-audit-2026-11-17.xls is undone', { exact: false });
  await expect(undoneLine).toBeVisible();
  await expect(kinds).toContainText('New: 7');
  await expect(kinds).toContainText('Already in the ledger: 0');
  await page.screenshot({ path: 'test-results/import-preview-after-undo.png', fullPage: true });
  // The meeting stayed (closed): the import again is an amendment with its reason.
  await page.getByRole('textbox', { name: 'Reason for this amendment' }).fill('The right file after all');
  await page.getByRole('button', { name: 'Import 7 new' }).click();
  await expect(page.getByText('Imported slips-audit-2026-11-17.xls into the meeting of 2026-11-17: 7 new slips', { exact: false })).toBeVisible();
  await expect(undoneLine).toHaveCount(0);
});

test('a line copied twice in the file is asked about, not imported twice; "Another slip" imports it when it is a second slip', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const csv = ['Slips Audit Report for 17/11/2026', 'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail', 'Dana Ruiz,Marcus Chen,Referral,Outside,,,Alvarez family', 'Marcus Chen,Dana Ruiz,TYFCB,Outside,"$1,250.50",,', 'Marcus Chen,Dana Ruiz,TYFCB,Outside,"$1,250.50",,'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'copied.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const rows = page.getByRole('table', { name: 'File rows' });
  await expect(rows.getByRole('row', { name: 'Row 5' })).toContainText('Row 5 repeats row 4 word for word (a TYFCB of $1,250.50 from Marcus Chen to Dana Ruiz).');
  await expect(page.getByRole('button', { name: 'Import 2 new' })).toBeVisible();
  await page.screenshot({ path: 'test-results/import-repeated-line.png', fullPage: true });
  await page.getByRole('button', { name: 'Import row 5 as another slip' }).click();
  await expect(rows.getByRole('row', { name: 'Row 5' })).toContainText('New');
  await page.getByRole('button', { name: 'Import 3 new' }).click();
  await expect(page.getByText('Imported copied.csv into the meeting of 2026-11-17: 3 new slips', { exact: false })).toBeVisible();
});

test('a date order answered wrongly can be changed: the answer stays on screen, and a meeting falling on a day the chapter does not meet is said', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage']] as const) {
    addMember(db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const csv = ['Slips Audit Report for 01/12/2026', 'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail', 'Dana Ruiz,Marcus Chen,Referral,Outside,,,Alvarez family'].join('\r\n');
  await page.goto(`${harness.openUrl}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Slips audit export').click();
  await (await chooser).setFiles({ name: 'dec.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText('Month first (MM/DD/YYYY)').click();
  await expect(page.getByText('Meeting of 2026-01-12')).toBeVisible();
  await expect(page.getByText('Dates read as you chose')).toBeVisible();
  await expect(page.getByText('Read this way, the meeting is on 2026-01-12, a Monday, and the chapter meets on Tuesdays: check that the dates are read the right way round.')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-date-order-answered.png', fullPage: true });
  await page.getByText('Day first (DD/MM/YYYY)').click();
  await expect(page.getByText('Meeting of 2026-12-01')).toBeVisible();
  await expect(page.getByText('Read this way, the meeting is on')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import 1 new' })).toBeEnabled();
});
