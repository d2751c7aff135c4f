// "Since" on a member statement is the day the referral's history says it came to its status, as typed
// ("WON 2026-01-14 · TYFCB recorded"), never the day somebody keyed it in. A TYFCB recorded late, at an
// earlier meeting, wins its referral on that meeting's day, and the statement says so.
import { describe, expect, it } from 'vitest';
import { memberStatementData } from '../../src/services/reports';
import type { ReferralHistory } from '../../src/shared/contract';
import { okValue } from '../support/first-quarter';
import { buildOutcomesQuarter, firstQuarter } from '../support/outcomes-quarter';

describe('closing the loop on a member statement: one date for each status', () => {
  it('a referral won by a TYFCB recorded today at an earlier meeting is "won since" that meeting, the day its history shows', () => {
    const q = buildOutcomesQuarter();
    const history = (key: string) => okValue<ReferralHistory>(q.api.call('referralHistory', { id: q.ids[key] }));
    const statement = (member: string) => memberStatementData(q.opened.db, q.ids[member]!, firstQuarter, new Date('2026-04-02T09:30:00Z')).referralsGiven;
    // The whole quarter was keyed in today; none of these days is today.
    // R1 was thanked by T1 at the 2026-01-14 meeting: its history says WON 2026-01-14, and so does Ann's statement.
    expect(history('R1').entries.filter((e) => e.status === 'won').map((e) => e.changedOn)).toEqual(['2026-01-14']);
    const since = (member: string) => statement(member).map((r) => `${r.prospectName}: ${r.status} since ${r.statusOn}`);
    // R4 was won by hand on 02-04; two later TYFCBs thanked it again, the first "won" stands. R2 lost 01-20.
    expect(since('Ann')).toEqual(['Prospect R1: won since 2026-01-14', 'Prospect R2: lost since 2026-01-20', 'Prospect R4: won since 2026-02-04']);
    // Never followed up: new since the meeting it was given at, not "—".
    expect(since('Bob')).toEqual(['Prospect R3: new since 2026-01-07']);
    expect(since('Cat')).toEqual(['Prospect R5: lost since 2026-01-28']);
    q.opened.close();
  });
});
