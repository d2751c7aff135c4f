// A chapter that has had hundreds of visitors: the Visitors screen shows them 50 at a time and
// finds one by a few letters typed without accents; "Apply" splits a one-line name sensibly
// (María José García López keeps both family names, 李小龍 is family name first) and lets the
// secretary correct the split before the applicant is made.
import { mkdirSync } from 'node:fs';
import { visitors } from '../../src/db/schema';
import { createRegistry } from '../../src/server/registry';
import { addDays, formatDay } from '../../src/shared/dates';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import { saveClassification, saveContactSphere } from '../../src/services/classifications';
import { expect, test } from './fixtures';

const shots = process.env.SHOTS_DIR ?? 'test-results';

test('hundreds of visitors are shown 50 at a time and found by a search; Apply splits their names, and the split can be corrected', async ({ page, harness }) => {
  mkdirSync(shots, { recursive: true });
  const { db } = harness.database;
  const api = createRegistry({ db, file: 'e2e', appVersion: 'e2e' }, () => {});
  const call = (method: string, input: unknown) => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: string };
  };
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const home = saveContactSphere(db, { name: 'Health', description: '' });
  saveClassification(db, { name: 'Dentist', sphereId: home.id });
  saveClassification(db, { name: 'Martial Arts School', sphereId: home.id });
  const today = chapterToday(db);
  // Ten past meetings of twelve visitors each, written straight into the file (fast), and the two to find at the oldest.
  const slips = [];
  for (let week = 10; week >= 1; week--) {
    const meetingId = call('createMeeting', { meetingOn: addDays(today, -7 * week), confirmDate: true }).id;
    for (let i = 0; i < 12; i++) slips.push({ meetingId, name: `Guest ${week}-${i} Visitor`, company: `Firm ${week}-${i}` });
  }
  db.insert(visitors).values(slips).run();
  const oldest = call('createMeeting', { meetingOn: addDays(today, -77), confirmDate: true }).id;
  call('saveVisitor', { meetingId: oldest, name: 'María José García López', company: 'Clínica Sonrisa', classificationSought: 'Dentist', confirmDuplicate: true });
  call('saveVisitor', { meetingId: oldest, name: '李小龍', company: 'Dragon Kung Fu', classificationSought: 'Martial Arts School', confirmDuplicate: true });

  await page.goto(`${harness.openUrl}#/visitors`);
  await expect(page.getByText('Showing 1–50 of 122 visitors, newest visit first')).toBeVisible();
  await expect(page.getByTestId('visitor-row')).toHaveCount(50);
  await page.getByRole('button', { name: 'Page 3' }).click();
  await expect(page.getByText('Showing 101–122 of 122 visitors, newest visit first')).toBeVisible();
  await expect(page.getByTestId('visitor-row').filter({ hasText: '李小龍' })).toBeVisible();
  await page.screenshot({ path: `${shots}/visitors-page-3.png`, fullPage: true });

  // Typed without accents, and found from page 3: the list goes back to its first page.
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'Search visitors' })).toBeFocused();
  await page.keyboard.type('maria jose');
  await expect(page.getByText('1 visitor matching “maria jose”')).toBeVisible();
  await expect(page.getByTestId('visitor-row')).toHaveCount(1);
  await page.screenshot({ path: `${shots}/visitors-search.png`, fullPage: true });
  // Her visit is written the chapter's way (a US chapter: "Sep 9, 2026", never the ISO day), and with no follow-up on
  // record the column says so and counts from the visit ("never" beside a stage read as a contradiction).
  const maria = page.getByTestId('visitor-row');
  const visited = addDays(today, -77);
  await expect(maria).toContainText(formatDay(visited, 'en-US'));
  await expect(maria).not.toContainText(visited);
  await expect(maria).toContainText('No follow-up yet');
  await expect(maria).toContainText(/stale · 77 days|visited 77 days ago/);
  await expect(maria).not.toContainText('never');

  await page.getByRole('button', { name: 'Apply: María José García López' }).click();
  let apply = page.getByRole('dialog');
  await expect(apply.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue('María José');
  await expect(apply.getByRole('textbox', { name: 'Last name', exact: true })).toHaveValue('García López');
  await expect(apply.getByTestId('name-check')).toContainText('Shown in the roster as María José García López. A Spanish or Portuguese name: the last two words are the family names.');
  await page.screenshot({ path: `${shots}/apply-maria-jose.png`, fullPage: true });
  await apply.getByRole('button', { name: 'Make applicant' }).click();
  await expect(apply).toBeHidden();

  // 李小龍: family name first. Say the secretary learns the split is wrong: Swap, then put it right by hand.
  await page.getByRole('textbox', { name: 'Search visitors' }).fill('小龍');
  await page.getByRole('button', { name: 'Apply: 李小龍' }).click();
  apply = page.getByRole('dialog');
  await expect(apply.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue('小龍');
  await expect(apply.getByRole('textbox', { name: 'Last name', exact: true })).toHaveValue('李');
  await expect(apply.getByTestId('name-check')).toContainText('Shown in the roster as 李小龍.');
  await apply.getByRole('button', { name: 'Swap first and last name' }).click();
  await expect(apply.getByRole('textbox', { name: 'First name', exact: true })).toHaveValue('李');
  await expect(apply.getByTestId('name-check')).toContainText('Shown in the roster as 小龍李.');
  await apply.getByRole('button', { name: 'Swap first and last name' }).click();
  await expect(apply.getByTestId('name-check')).toContainText('Shown in the roster as 李小龍.');
  await page.screenshot({ path: `${shots}/apply-li.png`, fullPage: true });
  await apply.getByRole('button', { name: 'Make applicant' }).click();
  await expect(apply).toBeHidden();

  // The notification of the last Apply may still be up ("… is now an applicant"); the roster row is the exact name.
  await page.getByRole('link', { name: /^Members/ }).click();
  await expect(page.getByText('María José García López', { exact: true })).toBeVisible();
  await expect(page.getByText('李小龍', { exact: true })).toBeVisible();

  // This week lists the twelve to call first and says how many more wait on the Visitors screen.
  await page.getByRole('link', { name: /This week/ }).click();
  const followUps = page.getByRole('region', { name: 'Visitors to follow up' });
  await expect(followUps.getByRole('listitem')).toHaveCount(12);
  await expect(followUps.getByRole('link', { name: 'and 108 more on the Visitors screen (To follow up)' })).toBeVisible();
  await page.screenshot({ path: `${shots}/this-week-many-visitors.png`, fullPage: true });
});
