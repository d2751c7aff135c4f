// A member's statement and the referrals still open: every one counted, the period's all listed with at
// least the 20 most recent, and the older rest said in words with their dates and where to see them
// (ten years of never-closed referrals were five pages of every statement, cut at 200 without a word).
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import { loadDemoChapter } from '../../src/services/demo';
import { listOpenReferrals } from '../../src/services/referrals';
import { memberStatementData, openReferralsListedAtLeast } from '../../src/services/reports';
import type { Registry } from '../../src/server/registry';
import { okValue as ok } from '../support/first-quarter';
import { openTestDb, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';

let opened: OpenedDatabase;
let api: Registry;
let priya: string;
const producedAt = '2026-11-23T18:00:00.000Z';
const november = { from: '2026-11-01', to: '2026-11-30' };

beforeAll(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  loadDemoChapter(opened.db);
  priya = opened.sqlite.prepare("SELECT id FROM members WHERE display_name = 'Priya Raman'").pluck().get() as string;
});

const everyOpen = (memberId: string) => listOpenReferrals(opened.db, { memberId, status: 'open', olderThanDays: 0, limit: 500 }, '2026-11-23');

describe("open referrals on a member's statement", () => {
  it('a month with few of its own lists the 20 most recent and says how many older ones are not listed, with their dates', () => {
    const all = everyOpen(priya);
    expect(all.length).toBeGreaterThan(openReferralsListedAtLeast);
    const data = memberStatementData(opened.db, priya, november, new Date(producedAt));
    expect(data.openReferralsTotal).toBe(all.length);
    // The newest 20, oldest first as the list reads; nothing between them and the older ones counted.
    expect(data.openReferrals.map((r) => r.id)).toEqual(all.slice(-openReferralsListedAtLeast).map((r) => r.id));
    const older = all.slice(0, all.length - openReferralsListedAtLeast);
    expect(data.openReferralsNotListed).toEqual({ count: older.length, from: older[0]!.meetingOn, to: older.at(-1)!.meetingOn });
  });

  it('a period holding more than 20 lists every one of its own, and only the older rest is counted', () => {
    const all = everyOpen(priya);
    const period = { from: all[3]!.meetingOn, to: '2026-12-31' };
    const own = all.filter((r) => r.meetingOn >= period.from);
    expect(own.length).toBeGreaterThan(openReferralsListedAtLeast);
    const data = memberStatementData(opened.db, priya, period, new Date(producedAt));
    expect(data.openReferrals.map((r) => r.id)).toEqual(own.map((r) => r.id));
    expect(data.openReferralsNotListed?.count).toBe(all.length - own.length);
    // The whole story: nothing older is left out, and there is nothing to say.
    const whole = memberStatementData(opened.db, priya, { from: '2026-01-01', to: '2026-12-31' }, new Date(producedAt));
    expect(whole.openReferrals.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(whole.openReferralsNotListed).toBeNull();
  });

  it('the printed statement counts every open referral and names the ones not listed and where to find them', async () => {
    const all = everyOpen(priya);
    const older = all.length - openReferralsListedAtLeast;
    const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'member_statement', memberId: priya, ...november, producedAt }));
    const text = pdfText(Buffer.from(value.pdfBase64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain(`Open referrals given or received, any date (${all.length})`);
    expect(text).toContain(`Listed: the 20 most recent, given ${all[older]!.meetingOn} or later. Not listed: ${older} older ones, given ${all[0]!.meetingOn} to ${all[older - 1]!.meetingOn}, still open`);
    expect(text).toContain('the Open referrals screen in Chapter Ledger lists every one (choose Priya Raman as the member)');
    // The first and the last listed rows are printed; the newest older one is not.
    const row = (r: (typeof all)[number]) => `${r.meetingOn} ${r.giverName} ${r.receiverName} ${r.prospectName}`;
    expect(text).toContain(row(all[older]!));
    expect(text).toContain(row(all.at(-1)!));
    expect(text).not.toContain(row(all[older - 1]!));
  }, 60_000);
});
