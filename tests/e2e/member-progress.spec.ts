import { sql } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { addDays, todayIso } from '../../src/shared/dates';
import { saveClassification } from '../../src/services/classifications';
import { loadDemoChapter } from '../../src/services/demo';
import { createMeeting } from '../../src/services/meetings';
import { addMember, listMembers } from '../../src/services/members';
import { saveReferral } from '../../src/services/slips';
import { expect, test } from './fixtures';

// Thirty-one more members with names in Chinese, Arabic and Hindi on top of the demo's thirty.
const extra: Array<[string, string]> = [
  ['大文', '陳'], ['美玲', '林'], ['志明', '王'], ['淑芬', '張'], ['家豪', '李'], ['怡君', '黃'], ['俊傑', '吳'], ['雅婷', '劉'], ['建宏', '蔡'], ['佩珊', '楊'],
  ['محمد', 'الحسيني'], ['فاطمة', 'العلي'], ['أحمد', 'منصور'], ['ليلى', 'حداد'], ['يوسف', 'الخطيب'], ['نور', 'سليمان'], ['خالد', 'عبد الرحمن'], ['سارة', 'القاسم'], ['عمر', 'ناصر'], ['رنا', 'جابر'],
  ['प्रिया', 'शर्मा'], ['राहुल', 'वर्मा'], ['अनीता', 'गुप्ता'], ['विकास', 'सिंह'], ['सुनीता', 'पटेल'], ['अर्जुन', 'मेहता'], ['कविता', 'जोशी'], ['रोहन', 'कपूर'], ['नेहा', 'अग्रवाल'], ['संजय', 'रेड्डी'], ['इंदिरा', 'नायर'],
];

test("a member's own page answers how am I doing, for one period, with every open referral a page at a time", async ({ page, harness }) => {
  mkdirSync('/tmp/shots/s2-14', { recursive: true });
  mkdirSync('/tmp/shots/s3-18', { recursive: true });
  const { db } = harness.database;
  loadDemoChapter(db);
  extra.forEach(([first, last], i) => {
    const seat = saveClassification(db, { name: `International seat ${i + 1}`, sphereId: null });
    addMember(db, { firstName: first, lastName: last, company: `${last} ${first} Trading Company International Ltd`, classificationId: seat.id, phone: '', email: '', status: 'active', joinedOn: '2024-01-09', renewalDue: null, sponsorId: null, leadershipRole: null, confirmJoinDate: true, nameOrder: /\p{Script=Han}/u.test(last) ? 'family_first' : null });
  });
  const current = listMembers(db, { scope: 'current' }).filter((m) => m.status !== 'applicant');
  expect(current).toHaveLength(60);
  const members = current.filter((m) => m.status === 'active');
  const chen = members.find((m) => m.lastName === '陳')!;
  // 23 referrals open for him: 12 he gave, 11 he received.
  const meeting = createMeeting(db, { meetingOn: addDays(todayIso(), 7), confirmDate: true });
  for (let i = 0; i < 23; i++) {
    const other = members.filter((m) => m.id !== chen.id)[i]!;
    const [giver, receiver] = i % 2 === 0 ? [chen, other] : [other, chen];
    saveReferral(db, { meetingId: meeting.id, giverId: giver.id, receiverId: receiver.id, referralKind: 'outside', temperature: 3, prospectName: `Prospect ${String(i + 1).padStart(2, '0')}`, prospectPhone: '', prospectEmail: '', note: '', reason: '', confirmDuplicate: true });
  }

  // Tall enough that a screenshot shows the whole drawer.
  await page.setViewportSize({ width: 1400, height: 2000 });
  await page.goto(`${harness.openUrl}#/members`);
  await page.getByLabel('Search members').fill('陳');
  await page.getByRole('table', { name: 'Members' }).getByRole('row', { name: '陳大文' }).click();
  const progress = page.getByRole('region', { name: 'How am I doing' });
  await expect(progress.getByLabel('Period of the page')).toContainText("the scorecard's period");
  // In the order a member reads them.
  // Retried until every section has its figures (each loads on its own; a quick machine read "(0)" before the count came).
  await expect(progress.getByRole('heading', { level: 5 })).toHaveText(['1. Referrals given and received', '2. Thank-you for closed business (TYFCB)', '3. What became of the referrals', '4. Open referrals (23)', '5. One-to-ones (0)', '6. Scorecard colour']);
  await expect(progress.getByLabel('Open referrals shown')).toHaveText('1–10 of 23, oldest first');
  await expect(progress.getByRole('table', { name: 'Open referrals of the member' }).getByRole('row')).toHaveCount(11);
  await page.screenshot({ path: '/tmp/shots/s2-14/member-page.png', fullPage: true });
  await progress.getByRole('button', { name: '3' }).click();
  await expect(progress.getByLabel('Open referrals shown')).toHaveText('21–23 of 23, oldest first');
  await expect(progress.getByRole('table', { name: 'Open referrals of the member' })).toContainText('received from');
  await page.screenshot({ path: '/tmp/shots/s2-14/member-page-open-3.png' });

  // One picker moves the whole page; the scorecard's period is one click away.
  await progress.getByText('Last 12 months').click();
  await expect(progress.getByLabel('Period of the page')).not.toContainText("the scorecard's period");
  await progress.getByRole('button', { name: "Back to the scorecard's period" }).click();
  await expect(progress.getByLabel('Period of the page')).toContainText("the scorecard's period");

  // Given vs received and what became of each, for a demo member with many slips.
  const busy = current
    .map((m) => ({ m, n: db.get<{ n: number }>(sql`SELECT count(*) AS n FROM referrals WHERE deleted_at IS NULL AND (giver_id = ${m.id} OR receiver_id = ${m.id})`)!.n }))
    .sort((a, b) => b.n - a.n)[0]!.m;
  const drawer = page.getByRole('dialog', { name: 'Member' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByLabel('Search members').fill(busy.lastName);
  await page.getByRole('table', { name: 'Members' }).getByRole('row', { name: busy.fullName }).first().click();
  await expect(progress.getByRole('heading', { level: 4 })).toHaveText(`How ${busy.fullName} is doing`);
  const byOutcome = progress.getByRole('table', { name: 'Referrals by outcome' });
  await expect(byOutcome.getByRole('row', { name: /^Given \(\d+\)/ })).toBeVisible();
  await expect(byOutcome.getByRole('row', { name: /^Received \(\d+\)/ })).toBeVisible();
  await expect(progress.getByText(/As the receiver: median/)).toBeVisible();
  // What became of them, where people look rather than read: won / lost / still open per month, given and received.
  for (const side of ['given', 'received']) {
    const chart = progress.getByRole('figure', { name: `Referrals ${side} by outcome per month` });
    // The legend reads as the story goes: won first, then lost, then still open.
    await expect(chart.locator('.recharts-legend-wrapper')).toHaveText(/^\s*Won\s*Lost\s*Still open\s*$/);
    expect(await chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
  }
  await progress.getByRole('figure', { name: 'Referrals given by outcome per month' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/s4-18/member-outcome-charts.png' });
  await expect(progress.getByRole('region', { name: 'One-to-ones' })).toContainText('Met with');
  // The same page on paper, for the same period.
  const download = page.waitForEvent('download');
  await progress.getByRole('button', { name: 'Member statement (PDF) for this period' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await page.screenshot({ path: '/tmp/shots/s2-14/member-page-busy.png', fullPage: true });

  // A new member with no slip at all: every part says so in words, nothing is blank.
  const newcomer = members.find((m) => m.lastName === 'الحسيني')!;
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByLabel('Search members').fill('الحسيني');
  await page.getByRole('table', { name: 'Members' }).getByRole('row', { name: newcomer.fullName }).click();
  await expect(progress.getByRole('heading', { level: 4 })).toHaveText(`How ${newcomer.fullName} is doing`);
  await expect(progress).toContainText('Gave 0 referrals, received 0 (as many given as received)');
  await expect(progress).toContainText('No referral given or received in this period.');
  await expect(progress).toContainText('No open referral');
  await expect(progress).toContainText('No one-to-one recorded at a closed meeting in this period.');
  // Not scored says why in one sentence, with no "0 of 20 points" lines that would read as a score.
  const colour = progress.getByRole('region', { name: 'Scorecard colour' });
  await expect(colour).toContainText('Not scored');
  await expect(colour).not.toContainText('of 20 points');
  await expect(progress.getByRole('heading', { name: '4. Open referrals (0)' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s2-14/member-page-none.png', fullPage: true });
});
