import { todayIso } from '../../src/shared/dates';
import { presetPeriod } from '../../src/shared/periods';
import { loadDemoChapter } from '../../src/services/demo';
import { reciprocityFlags, referralMatrix } from '../../src/services/tallies';
import { expect, test } from './fixtures';

test('the Reciprocity screen of the demo chapter shows its top pair, its one-way pairs and who only takes', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  const period = presetPeriod('rolling_12_months', todayIso());
  const flags = reciprocityFlags(db, period);
  const { cells, members } = referralMatrix(db, period);
  const top = [...cells].sort((a, b) => b.referrals - a.referrals)[0]!;
  const name = (id: string) => members.find((m) => m.memberId === id)!.name;

  await page.goto(`${harness.openUrl}#/reciprocity`);
  await page.getByText('Last 12 months', { exact: true }).click();
  await expect(page.getByText(`Given vs received, ${period.from} to ${period.to}`)).toBeVisible();

  // The busiest pair is the darkest cell, and says so to a screen reader.
  await expect(page.getByRole('grid', { name: 'Referral matrix' }).getByLabel(new RegExp(`^${name(top.giverId)} → ${name(top.receiverId)}: ${top.referrals} referrals`))).toBeVisible();

  // The demo is built with one-way pairs and members who only take; the screen names them.
  const flagsCard = page.getByLabel('Flags');
  expect(flags.oneWayPairs.map((p) => `${p.giverName} → ${p.receiverName}`)).toContain('Priya Raman → Greg Holloway');
  for (const pair of flags.oneWayPairs) await expect(flagsCard.getByText(`${pair.giverName} → ${pair.receiverName}: ${pair.referrals}, none back`)).toBeVisible();
  expect(flags.onlyTake.map((m) => m.name)).toContain('William Ashford');
  for (const taker of flags.onlyTake) await expect(flagsCard.getByText(`${taker.name}: received ${taker.received}, gave none`)).toBeVisible();

  // Sorting by balance puts the strongest giver first.
  const table = page.getByRole('table', { name: 'Given and received per member' });
  await expect(table.getByRole('columnheader', { name: /Balance/ })).toHaveAttribute('aria-sort', 'descending');

  // The PALMS export downloads with BNI Connect's header.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PALMS CSV' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file, 'utf8').replace(/^\ufeff/, '').split('\r\n')[0]).toBe('First Name,Last Name,P,A,L,M,S,RGI,RGO,RRI,RRO,V,1-2-1,TYFCB,CEU');
  await page.screenshot({ path: 'test-results/reciprocity.png', fullPage: true });
});

test('dates typed the wrong way round on Reciprocity: the figures say they are for the last dates that were right, until the dates are fixed', async ({ page, harness }) => {
  loadDemoChapter(harness.database.db);
  await page.goto(`${harness.openUrl}#/reciprocity`);
  await page.getByText('Last quarter', { exact: true }).click();
  const q = presetPeriod('last_quarter', todayIso());
  await expect(page.getByText(`Given vs received, ${q.from} to ${q.to}`)).toBeVisible();
  await page.getByRole('textbox', { name: 'From' }).fill(q.to);
  await page.getByRole('textbox', { name: 'From' }).press('Tab');
  await page.getByRole('textbox', { name: 'To' }).fill(q.from);
  await page.getByRole('textbox', { name: 'To' }).press('Tab');
  await page.keyboard.press('Escape');
  const notApplied = page.getByLabel('Dates not applied');
  await expect(notApplied).toContainText('the last dates that were right: fix the dates above to see the period you typed.');
  await page.screenshot({ path: 'test-results/reciprocity-dates-backwards.png' });
  await page.getByRole('textbox', { name: 'To' }).fill(q.to);
  await page.getByRole('textbox', { name: 'To' }).press('Tab');
  await expect(notApplied).toHaveCount(0);
});
