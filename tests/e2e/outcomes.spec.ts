import { sql } from 'drizzle-orm';
import { loadDemoChapter } from '../../src/services/demo';
import { listMembers } from '../../src/services/members';
import { saveReferral } from '../../src/services/slips';
import { staleReferrals } from '../../src/services/integrity-flags';
import { expect, test } from './fixtures';

test('the receiver moves a referral to won, the TYFCB is recorded, disputed and resolved, and Outcomes shows it', async ({ page, harness }) => {
  const { db } = harness.database;
  loadDemoChapter(db);
  const [giver, receiver] = listMembers(db, { scope: 'current' }).filter((m) => m.status === 'active');
  const latest = db.get<{ id: string; meetingOn: string }>(sql`SELECT id, meeting_on AS meetingOn FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1`)!;
  saveReferral(db, { meetingId: latest.id, giverId: giver!.id, receiverId: receiver!.id, referralKind: 'outside', temperature: 4, prospectName: 'Zephyr Lighting', prospectPhone: '', prospectEmail: '', note: '', reason: 'Slip handed in late', confirmDuplicate: false });

  await page.goto(`${harness.openUrl}#/referrals`);
  await page.getByRole('combobox', { name: 'Member (given or received)' }).fill(receiver!.fullName);
  await page.getByRole('option', { name: receiver!.fullName }).click();
  const move = async (status: string) => {
    await page.getByRole('combobox', { name: 'Status of Zephyr Lighting' }).selectOption({ label: status });
    await expect(page.getByRole('dialog')).toContainText(`Follow up: Zephyr Lighting · ${giver!.fullName} → ${receiver!.fullName}`);
  };

  await move('Contacted');
  await page.getByLabel('Note').fill('Called, sent a quote');
  await page.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await move('Lost');
  await page.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('dialog').getByText('Say why it was lost')).toBeVisible(); // asked, nothing saved
  await page.getByRole('button', { name: 'Cancel' }).click();

  await move('Meeting set');
  await page.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await move('Won');
  await expect(page.getByRole('dialog').getByLabel('Follow-up history', { exact: true })).toContainText('Called, sent a quote');
  await page.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByText('Won — well done')).toBeVisible();
  await page.getByLabel(/^Amount/).fill('2,400.00');
  await page.getByRole('button', { name: 'Record TYFCB' }).click();
  await expect(page.getByText(`TYFCB of 2,400.00 recorded at the meeting of ${latest.meetingOn}.`)).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('TYFCB: $2,400.00');
  await page.screenshot({ path: '/tmp/shots/i18/follow-up-won.png' });
  await page.getByRole('button', { name: 'Done' }).click();

  // Outcomes: the giver's slip is disputed by the receiver, then leadership corrects it.
  await page.goto(`${harness.openUrl}#/outcomes`);
  await expect(page.getByRole('table', { name: 'Outcomes by member' })).toBeVisible();
  // A president checking the signed audit against this screen is told why won/lost/open may differ.
  await expect(page.getByText(/each with its status today \(the quarterly audit prints the status each had at the quarter's end/)).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/i18/outcomes.png', fullPage: true });
  // Every pair: the giver's pairs, this referral won and its TYFCB among them.
  await page.getByRole('combobox', { name: 'Pairs of' }).fill(giver!.fullName);
  await page.getByRole('option', { name: giver!.fullName }).click();
  const pairRow = page.getByRole('table', { name: 'Every pair' }).getByRole('row', { name: new RegExp(`^${giver!.firstName}.* → ${receiver!.firstName}`) });
  await expect(pairRow).toContainText('$2,400.00');
  await pairRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/i18/pairs.png', fullPage: true });
  await page.getByRole('tab', { name: 'TYFCB disputes' }).click();
  await page.getByRole('button', { name: `Dispute ${receiver!.fullName} thanks ${giver!.fullName} $2,400.00` }).click();
  await page.getByLabel('Why').fill('Invoice was 2,000.00');
  // Nothing is chosen for the member: filing without saying what is wrong is refused under the field.
  await expect(page.getByRole('combobox', { name: 'What is wrong' })).toHaveValue('');
  await page.getByRole('button', { name: 'Mark disputed' }).click();
  await expect(page.getByText('Choose what is wrong with the slip: wrong referrer, wrong amount or not from this referral.')).toBeVisible();
  await page.getByRole('combobox', { name: 'What is wrong' }).click();
  await page.getByRole('option', { name: 'Wrong amount' }).click();
  // A day that does not exist is refused under its field, as typed — never rolled over into March.
  const raisedOn = page.getByRole('textbox', { name: 'Raised on' });
  await raisedOn.fill('2026-02-30');
  await page.getByRole('button', { name: 'Mark disputed' }).click();
  await expect(page.getByText('Raised on must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "2026-02-30").')).toBeVisible();
  await expect(raisedOn).toHaveValue('2026-02-30');
  await page.screenshot({ path: '/tmp/shots/s4-18/dispute-bad-date.png' });
  await raisedOn.fill(latest.meetingOn);
  await page.getByRole('button', { name: 'Mark disputed' }).click();
  const open = page.getByRole('table', { name: 'Open disputes' });
  await expect(open).toContainText('Invoice was 2,000.00');
  await open.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('combobox', { name: 'Resolution' }).click();
  await page.getByRole('option', { name: /^Corrected/ }).click();
  await page.getByLabel(/^Corrected amount/).fill('2000');
  await page.getByLabel('Reason (kept in the audit log)').fill('Invoice checked');
  await page.getByRole('button', { name: 'Resolve dispute' }).click();
  await expect(page.getByText(/corrected.*Invoice checked/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'TYFCB slips' })).toContainText('$2,000.00');
  await page.screenshot({ path: '/tmp/shots/i18/disputes.png', fullPage: true });
  // Back on the figures, every pair reads the corrected amount: the pairs are asked again after the change, not kept from before it.
  await page.getByRole('tab', { name: 'Conversion & revenue' }).click();
  const pairAfter = page.getByRole('table', { name: 'Every pair' }).getByRole('row', { name: new RegExp(`^${giver!.firstName}.* → ${receiver!.firstName}`) });
  await expect(pairAfter).toContainText('$2,000.00');
  await expect(pairAfter).not.toContainText('$2,400.00');

  await page.getByRole('tab', { name: 'Flags' }).click();
  await expect(page.getByText(/^Rule: An open referral/)).toBeVisible();
  // Stale referrals: the total, 50 a page, the most recently quiet first; the oldest a click away.
  const stale = staleReferrals(db, { order: 'recent', offset: 0, limit: 50 });
  const count = page.getByTestId('stale-count');
  await expect(count).toHaveText(`${stale.total.toLocaleString('en-US')} stale referrals · showing 1–${Math.min(50, stale.total)}`);
  await expect(page.getByText(`last update ${stale.rows[0]!.lastUpdateOn} (${stale.rows[0]!.daysSinceUpdate} days)`).first()).toBeVisible();
  if (stale.total > 50) {
    await page.getByRole('button', { name: 'Page 2' }).click();
    await expect(count).toHaveText(new RegExp(`· showing 51–${Math.min(100, stale.total)}$`));
  }
  await page.getByText('Quiet longest first').click();
  await expect(count).toHaveText(new RegExp('· showing 1–'));
  const oldest = staleReferrals(db, { order: 'oldest', offset: 0, limit: 1 }).rows[0]!;
  await expect(page.getByText(`last update ${oldest.lastUpdateOn} (${oldest.daysSinceUpdate} days)`).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/s4-18/flags.png', fullPage: true });

  // The period's dates are read as typed: Christmas stays Christmas; a day that does not exist is refused under its field.
  const to = page.getByRole('textbox', { name: 'To' });
  const from = page.getByRole('textbox', { name: 'From' });
  await to.fill('2026-12-25');
  await expect(to).toHaveValue('2026-12-25');
  await expect(page.getByRole('radio', { name: 'Dates…' })).toBeChecked();
  await from.fill('2026-02-30');
  await from.press('Tab');
  await expect(page.getByText('From must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "2026-02-30").')).toBeVisible();
  await expect(from).toHaveValue('2026-02-30');
  await expect(to).toHaveValue('2026-12-25');
  await page.screenshot({ path: '/tmp/shots/s4-18/period-bad-date.png' });
  // Every tab still holds the last right period's figures: each says so while the From date is wrong.
  const lastRight = page.getByText(/^Figures below are for \d{4}-\d{2}-\d{2} to 2026-12-25, the last dates that were right/);
  for (const tab of ['Flags', 'TYFCB disputes', 'Recognition', 'Conversion & revenue']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(lastRight, tab).toBeVisible();
  }
  await page.screenshot({ path: '/tmp/shots/s4-18/period-bad-date-figures.png' });
  await from.fill('2026-10-01');
  await expect(page.getByText('From must be a real date')).toBeHidden();
  await expect(lastRight).toBeHidden();
  await page.getByRole('tab', { name: 'Recognition' }).click();
  await expect(page.getByText('Top referral givers')).toBeVisible();
  await expect(page.getByText('Perfect attendance')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/i18/recognition.png', fullPage: true });
});
