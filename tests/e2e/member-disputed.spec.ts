import { sql } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { loadDemoChapter } from '../../src/services/demo';
import { disputeTyfcb } from '../../src/services/disputes';
import { todayIso } from '../../src/shared/dates';
import { formatMoney } from '../../src/shared/money';
import { expect, test } from './fixtures';

test("a disputed TYFCB is said on the member page of the member who thanked for it, not just dropped from 'Received'", async ({ page, harness }) => {
  mkdirSync('/tmp/shots/s3-18b', { recursive: true });
  const { db } = harness.database;
  loadDemoChapter(db);
  const slip = db.get<{ id: string; closerId: string; closer: string; referrer: string; amountMinor: number }>(sql`SELECT t.id, t.closer_id AS closerId,
      c.first_name || ' ' || c.last_name AS closer, r.first_name || ' ' || r.last_name AS referrer, t.amount_minor AS amountMinor
    FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id JOIN members c ON c.id = t.closer_id JOIN members r ON r.id = t.referrer_id
    WHERE t.deleted_at IS NULL AND m.status = 'completed' AND m.meeting_on <= ${todayIso()} ORDER BY m.meeting_on DESC, t.amount_minor DESC LIMIT 1`)!;
  disputeTyfcb(db, { tyfcbId: slip.id, raisedById: slip.closerId, ground: 'wrong_amount', why: 'The invoice was for less' });
  const line = `disputed: ${formatMoney(slip.amountMinor, 'USD', 'en-US')} (1 slip)`;

  await page.setViewportSize({ width: 1400, height: 1400 });
  for (const name of [slip.closer, slip.referrer]) {
    await page.goto(`${harness.openUrl}#/members`);
    await page.getByLabel('Search members').fill(name);
    await page.getByRole('table', { name: 'Members' }).getByRole('row', { name }).first().click();
    const progress = page.getByRole('region', { name: 'How am I doing' });
    await progress.getByText('Last 12 months').click();
    const tyfcb = progress.getByRole('table', { name: 'TYFCB' });
    // The closer thanked for it (received); the referrer is credited with it (given).
    const row = tyfcb.getByRole('row', { name: name === slip.closer ? /^Received/ : /^Given/ });
    await expect(row).toContainText(line);
    if (name === slip.closer) {
      await tyfcb.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/shots/s3-18b/member-disputed.png' });
    }
  }
});
