// "All statements" reads every member's lists with a few grouped queries (months, counterparties, open
// referrals counted) instead of the same queries once per member. A member's page in it must be exactly
// the statement printed for that member alone: the same months, the same people given to and received
// from, the same open referrals listed and the same "older ones not listed" line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import { writeChapterHistory } from '../../src/cli/chapter-history';
import type { Registry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';
import { allStatementsData, memberStatementData } from '../../src/services/reports';
import { addDays, todayIso } from '../../src/shared/dates';
import { openTestDb, testRegistry } from '../support/db';

const producedAt = new Date('2026-11-23T18:00:00.000Z');

function expectEachAsAlone(opened: OpenedDatabase, period: { from: string; to: string }) {
  const all = allStatementsData(opened.db, period, producedAt, 'print');
  expect(all.length).toBeGreaterThan(0);
  for (const s of all) expect(s.data).toEqual(memberStatementData(opened.db, s.memberId, period, producedAt));
  return all.map((s) => s.data);
}

describe('all statements read together: each member page is that member’s own statement', () => {
  let opened: OpenedDatabase;
  beforeAll(() => {
    opened = openTestDb();
    loadDemoChapter(opened.db);
    // A TYFCB slip of October under dispute: left out of both members' money, shown apart on both sides.
    const slip = opened.sqlite.prepare("SELECT t.id, t.closer_id AS closerId FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id WHERE t.deleted_at IS NULL AND m.meeting_on BETWEEN '2026-10-01' AND '2026-10-31' LIMIT 1").get() as { id: string; closerId: string };
    const raised = testRegistry(opened).call('disputeTyfcb', { tyfcbId: slip.id, raisedById: slip.closerId, ground: 'wrong_amount', why: 'The invoice says less.' });
    expect(raised.ok).toBe(true);
  });
  afterAll(() => opened.close());

  it('the demo chapter, for a month, a quarter and everything so far', () => {
    for (const period of [{ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-07-01', to: '2026-09-30' }, { from: '2000-01-01', to: '2026-12-31' }]) {
      const pages = expectEachAsAlone(opened, period);
      // Not an empty comparison: the pages carry months, counterparties and referrals.
      expect(pages.some((p) => p.trend.months.some((m) => m.given > 0))).toBe(true);
      expect(pages.some((p) => p.trend.givesTo.length > 0 && p.trend.oneToOnesWith.length > 0)).toBe(true);
    }
    const october = expectEachAsAlone(opened, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.filter((p) => p.trend.tyfcbDisputed.generatedSlips + p.trend.tyfcbDisputed.receivedSlips > 0)).toHaveLength(2);
  });
});

describe('three years of a 30-member chapter with referrals left open for years', () => {
  let opened: OpenedDatabase;
  let api: Registry;
  let lastMeetingOn: string;
  beforeAll(() => {
    opened = openTestDb();
    api = testRegistry(opened);
    lastMeetingOn = writeChapterHistory(api, { members: 30, weeks: 156, slipsPerMeeting: 10, firstMeetingOn: addDays(todayIso(), -7 * 157), seed: 7 }).lastMeetingOn;
  });
  afterAll(() => opened.close());

  it('a year: the older open referrals are counted apart, the most recent listed, the same as one by one', () => {
    const pages = expectEachAsAlone(opened, { from: addDays(lastMeetingOn, -364), to: lastMeetingOn });
    // Members whose older open referrals are partly listed and partly counted apart ("and 14 older, from … to …").
    const partly = pages.filter((p) => p.openReferralsNotListed && p.openReferrals.some((r) => r.meetingOn < p.period.from));
    expect(partly.length).toBeGreaterThan(0);
  });

  it('a period starting on a day open referrals were given: those count as the period’s, not as older ones', () => {
    const day = opened.sqlite.prepare("SELECT m.meeting_on FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE r.deleted_at IS NULL AND r.status IN ('new', 'contacted', 'meeting_set') ORDER BY m.meeting_on DESC LIMIT 1 OFFSET 250").pluck().get() as string;
    const pages = expectEachAsAlone(opened, { from: day, to: lastMeetingOn });
    expect(pages.some((p) => p.openReferrals.some((r) => r.meetingOn === day))).toBe(true);
    // Some members have more than twenty of the period's own, so none older is listed and every older one is counted apart.
    expect(pages.some((p) => p.openReferralsNotListed && p.openReferrals.length > 20 && p.openReferrals.every((r) => r.meetingOn >= day))).toBe(true);
  });

  it('a quarter with nothing in it yet, and a week', () => {
    expectEachAsAlone(opened, { from: addDays(lastMeetingOn, 1), to: addDays(lastMeetingOn, 90) });
    expectEachAsAlone(opened, { from: addDays(lastMeetingOn, -6), to: lastMeetingOn });
  });
});
