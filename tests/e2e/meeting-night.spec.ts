import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addMember } from '../../src/services/members';
import { listClassifications } from '../../src/services/classifications';
import { loadDemoChapter } from '../../src/services/demo';
import { expect, test } from './fixtures';

/** Keys that are not names or free text: what the secretary presses to move, choose and save. */
class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.count++;
    await this.page.keyboard.press(key);
  }
  /** Names and free text: typed, not counted. */
  async type(text: string) {
    await this.page.keyboard.type(text);
  }
}

const referrals: Array<[string, string, 'i' | 'o', string, string]> = [
  ['Dana Ruiz', 'Marcus Chen', 'o', '4', 'Alvarez family'],
  ['Marcus Chen', 'Dana Ruiz', 'i', '5', 'Keystone staff move'],
  ['Priya Raman', 'Greg Holloway', 'o', '3', 'Cole Hardware'],
  ['Nadia Haddad', 'William Ashford', 'o', '2', 'Evergreen Café'],
  ['Lucia Fernandez', 'Sofia Rossi', 'o', '5', 'Harper wedding'],
  ['Sofia Rossi', 'Chloe Dubois', 'o', '4', 'Quinn Brewing party'],
  ['Jordan Blake', 'Ken Watanabe', 'i', '3', 'Blake IT website'],
  ['Ken Watanabe', 'Grace Nguyen', 'o', '2', 'Ortiz Salon logo'],
  ['Aisha Bello', 'Samuel Okafor', 'o', '4', 'Santos Fitness'],
  ['Hannah Schmidt', 'Priya Raman', 'o', '5', 'Foster Logistics'],
  ['Tom OBrien', 'Carlos Mendoza', 'o', '3', 'Park family'],
  ['Carlos Mendoza', 'Tom OBrien', 'o', '1', 'Walsh family'],
  ['Derek Stone', 'Jose Muller', 'o', '2', 'Vance Auto Body'],
  ['Fatima Zahra', 'Nadia Haddad', 'o', '4', 'Reed Pharmacy'],
  ['Isaac Levi', 'Lucia Fernandez', 'o', '3', 'Young Music School gala'],
  ['Mei Lin', 'Dana Ruiz', 'o', '4', 'Nash Architects'],
  ['Peter Novak', 'Zoe Martin', 'o', '2', 'Klein Bakery'],
  ['Zoe Martin', 'Peter Novak', 'i', '3', 'Buzzline flyers'],
  ['Oliver Grant', 'Mei Lin', 'o', '4', 'Jensen Farms'],
  ['Amara Obi', 'Aisha Bello', 'o', '5', 'Morgan Veterinary'],
];
const tyfcbs: Array<[string, string, string, number]> = [
  ['Marcus Chen', 'Dana Ruiz', '1,250.50', 125050],
  ['Greg Holloway', 'Priya Raman', '3200', 320000],
  ['Sofia Rossi', 'Lucia Fernandez', '899.99', 89999],
  ['Samuel Okafor', 'Aisha Bello', '150', 15000],
  ['Priya Raman', 'Hannah Schmidt', '2,400.00', 240000],
  ['Carlos Mendoza', 'Tom OBrien', '675.25', 67525],
  ['Ken Watanabe', 'Jordan Blake', '4,800', 480000],
  ['Dana Ruiz', 'Mei Lin', '12,000.10', 1200010],
];
const oneToOnes: Array<[string, string]> = [
  ['Dana Ruiz', 'Oliver Grant'],
  ['Priya Raman', 'Ravi Patel'],
  ['Lucia Fernandez', 'Isaac Levi'],
  ['Jordan Blake', 'Zoe Martin'],
  ['Nadia Haddad', 'Fatima Zahra'],
  ['Amara Obi', 'Samuel Okafor'],
];
const visitors: Array<[string, string, string, string]> = [
  ['Kara Lind', 'Lind Roofing Co.', 'Roofing', 'Carlos Mendoza'],
  ['Ben Foster', 'Wanderlust Travel', 'Travel Agency', 'Sofia Rossi'],
  ['Noah Kim', 'Kim Tax Services', 'Tax Preparation', 'Priya Raman'],
];
const ceus: Array<[string, string]> = [
  ['Aisha Bello', 'Podcast episode'],
  ['Jordan Blake', 'Online training'],
  ['Emily Carter', 'Regional workshop'],
];

test('a secretary records a whole meeting with the keyboard only, and a closed meeting takes amendments with a reason', async ({ page, harness }) => {
  // 40 slips typed key by key: about 2 min on a quiet 2-core machine, over 4 min when it is shared.
  test.setTimeout(600_000);
  const { db } = harness.database;
  loadDemoChapter(db);
  const training = listClassifications(db).find((c) => c.name === 'Personal Training')!;
  addMember(db, { firstName: 'Amara', lastName: 'Obi', company: 'FitLife Training', classificationId: training.id, phone: '', email: '', status: 'active', joinedOn: '2026-01-06', renewalDue: null, sponsorId: null, leadershipRole: null, confirmJoinDate: true });
  // The meeting is tonight: the chapter meets on today's weekday (a meeting dated later cannot be closed).
  harness.database.sqlite.prepare('UPDATE chapter SET meeting_weekday = ?').run(new Date().getDay());

  await page.goto(harness.openUrl);
  const keys = new Keys(page);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });

  // A new meeting: Alt+N, Enter takes the default date (the chapter's next meeting day).
  await expect(slipsTab).toBeVisible();
  await keys.press('Alt+n');
  await expect(page.getByRole('textbox', { name: 'Meeting date' })).toBeFocused();
  await keys.press('Enter');
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  // PALMS for 30 members: one key each.
  await keys.press('Alt+p');
  const grid = page.getByRole('table', { name: 'Attendance' });
  await expect(grid.getByRole('row')).toHaveCount(31);
  // The grid opens on the first member still to mark; the member on leave (already excused) may sort
  // above: go up to the first row, then one key per member, top to bottom.
  const firstRow = grid.getByRole('row').nth(1);
  for (let i = 0; i < 30 && !(await firstRow.evaluate((el) => el === document.activeElement)); i++) await keys.press('ArrowUp');
  await expect(firstRow).toBeFocused();
  const pattern = 'PPPAPPPLPPPPSPPPPPPMPPPPAPPPPP';
  const expected: Record<'P' | 'A' | 'L' | 'M' | 'S', number> = { P: 0, A: 0, L: 0, M: 0, S: 0 };
  for (const mark of pattern) {
    expected[mark as keyof typeof expected]++;
    await keys.press(mark.toLowerCase());
    if (mark === 'S') {
      await expect(page.getByRole('textbox', { name: /^Substitute for/ })).toBeFocused();
      // The move into the box is said beside it, with what Enter and Esc do.
      await expect(page.getByText(/^S: who sat in for .+\? Enter records it · Esc goes back$/)).toBeVisible();
      await keys.type('Pat Rivera');
      await keys.press('Enter');
    }
  }
  const attendance = page.getByLabel('Attendance total');
  await expect(attendance).toContainText(`P ${expected.P} · A ${expected.A} · L ${expected.L} · M ${expected.M} · S ${expected.S}`);
  await expect(attendance).toContainText(`${expected.P + expected.L + expected.S} / 30`);

  // 40 slips of every type.
  const started = Date.now();
  let saved = 0;
  const waitForSave = async () => {
    saved++;
    await expect(slipsTab).toHaveText(`Slips (${saved})`);
  };
  const member = async (name: string) => {
    await keys.type(name);
    await keys.press('Tab');
  };

  await keys.press('Alt+r');
  await expect(page.getByRole('textbox', { name: 'From (giver)' })).toBeFocused();
  const referralKeys: number[] = [];
  for (const [from, to, kind, temperature, prospect] of referrals) {
    const before = keys.count;
    await member(from);
    await member(to);
    await keys.press(kind);
    await keys.press('Tab');
    await keys.press(temperature);
    await keys.press('Tab');
    await keys.type(prospect);
    await keys.press('Enter');
    referralKeys.push(keys.count - before);
    await waitForSave();
  }

  // Keys beyond names and free text, per slip, for each type (the bench prints the largest of each).
  const typeKeys: Record<'referral' | 'tyfcb' | 'oneToOne' | 'visitor' | 'ceu', number[]> = { referral: referralKeys, tyfcb: [], oneToOne: [], visitor: [], ceu: [] };
  await keys.press('Alt+t');
  for (const [from, thanking, amount] of tyfcbs) {
    const before = keys.count;
    await member(from);
    await member(thanking);
    await keys.type(amount);
    await keys.press('Enter');
    typeKeys.tyfcb.push(keys.count - before);
    await waitForSave();
  }

  await keys.press('Alt+o');
  for (const [a, b] of oneToOnes) {
    const before = keys.count;
    await member(a);
    await keys.type(b);
    // Enter in the list takes the match and moves on to "Met on" (blank = the meeting day); Enter there saves.
    await keys.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Met on' })).toBeFocused();
    await keys.press('Enter');
    typeKeys.oneToOne.push(keys.count - before);
    await waitForSave();
  }

  await keys.press('Alt+v');
  for (const [name, company, seat, host] of visitors) {
    const before = keys.count;
    await keys.type(name);
    await keys.press('Tab');
    await keys.type(company);
    await keys.press('Tab');
    await keys.type(seat);
    await keys.press('Escape');
    await keys.press('Tab');
    await keys.type(host);
    // Enter takes the host and moves on to the phone; Enter there saves.
    await keys.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Phone' })).toBeFocused();
    await keys.press('Enter');
    typeKeys.visitor.push(keys.count - before);
    await waitForSave();
  }

  await keys.press('Alt+c');
  for (const [who, note] of ceus) {
    const before = keys.count;
    await member(who);
    await keys.press('Tab');
    await keys.type(note);
    await keys.press('Enter');
    typeKeys.ceu.push(keys.count - before);
    await waitForSave();
  }
  const slipSeconds = (Date.now() - started) / 1000;

  // What is on screen is what was typed.
  const inside = referrals.filter((r) => r[2] === 'i').length;
  await expect(page.getByLabel('Referrals total')).toContainText(`${referrals.length}${inside} inside · ${referrals.length - inside} outside`);
  const tyfcbTotal = tyfcbs.reduce((sum, t) => sum + t[3], 0);
  const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(tyfcbTotal / 100);
  await expect(page.getByLabel('TYFCB total')).toContainText(`${dollars}${tyfcbs.length} slips`);
  await expect(page.getByLabel('One-to-ones total')).toContainText(String(oneToOnes.length));
  await expect(page.getByLabel('Visitors total')).toContainText(String(visitors.length));
  await expect(page.getByLabel('CEUs total')).toContainText(`${ceus.length}credits · ${ceus.length} slips`);
  await expect(page.getByRole('table', { name: 'Slips of this meeting' }).getByRole('row')).toHaveCount(41);
  const stored = harness.database.sqlite.prepare("SELECT sum(amount_minor) FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id WHERE m.status = 'draft'").pluck().get();
  expect(stored).toBe(tyfcbTotal);

  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/meeting-night-figures.json',
    JSON.stringify({ slips: saved, slipSeconds, keysPerReferral: Math.max(...referralKeys), keysPerSlip: Object.fromEntries(Object.entries(typeKeys).map(([k, v]) => [k, Math.max(...v)])), totalKeys: keys.count }, null, 2),
  );
  expect(Math.max(...referralKeys)).toBeLessThanOrEqual(10);

  // Close: Alt+L. The app offers the weekly report; Enter saves it as a PDF.
  await keys.press('Alt+l');
  await expect(page.getByText('Closed', { exact: true })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Meeting closed' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save weekly report (PDF)' }).click();
  const pdf = readFileSync(await (await download).path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // A closed meeting refuses a silent edit...
  await page.getByRole('button', { name: 'Edit Referral Dana Ruiz' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Temperature (1–5)' }).getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/is closed: give a reason for this amendment/)).toBeVisible();
  const temperature = () => harness.database.sqlite.prepare("SELECT temperature FROM referrals WHERE prospect_name = 'Alvarez family' AND deleted_at IS NULL ORDER BY created_at DESC").pluck().get();
  expect(temperature()).toBe(4);

  // ...and records an amendment with its reason.
  await page.getByRole('textbox', { name: 'Reason for amendments' }).fill('Slip misread: the lead is cold');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  expect(temperature()).toBe(1);
  const amendment = harness.database.sqlite.prepare("SELECT reason, before, after FROM audit_log WHERE entity = 'referral' AND action = 'update' ORDER BY at DESC").get() as { reason: string; before: string; after: string };
  expect(amendment.reason).toBe('Slip misread: the lead is cold');
  expect(JSON.parse(amendment.before).temperature).toBe(4);
  expect(JSON.parse(amendment.after).temperature).toBe(1);
});

test('Ctrl+Z undoes the last slip saved, and only that one', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(harness.openUrl);
  const slipsTab = page.getByRole('tab', { name: /^Slips/ });
  await expect(slipsTab).toBeVisible();
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('textbox', { name: 'Meeting date' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'From (giver)' })).toBeFocused();
  for (const [from, to, prospect] of [['dana', 'marcus', 'First prospect'], ['priya', 'greg', 'Second prospect']]) {
    await page.keyboard.type(from!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(to!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(prospect!);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'From (giver)' })).toBeFocused();
  }
  await expect(slipsTab).toHaveText('Slips (2)');
  await page.keyboard.press('Control+z');
  await expect(slipsTab).toHaveText('Slips (1)');
  const list = page.getByRole('table', { name: 'Slips of this meeting' });
  await expect(list.getByText('First prospect', { exact: false })).toBeVisible();
  await expect(list.getByText('Second prospect', { exact: false })).toHaveCount(0);
  // A draft's undo is not an amendment: no reason is recorded.
  const reason = harness.database.sqlite.prepare("SELECT reason FROM audit_log WHERE action = 'delete' AND entity = 'referral'").pluck().get();
  expect(reason).toBe('');
});
