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
