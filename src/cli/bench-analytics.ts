// The analytic queries issue 16 times at 1M slips, each with its raw query (./bench-raw-queries): the
// service as the screens call it, and the SQL that gives the same figures with nothing around it.
import type Database from 'better-sqlite3';
import dayjs from 'dayjs';
import type { Db } from '../db/open';
import type { Period } from '../shared/contract';
import { integrityFlags } from '../services/integrity-flags';
import { outcomes } from '../services/outcomes';
import { recognition } from '../services/recognition';
import { getScorecardProfile, scorecard, scoringPeriod } from '../services/scorecard';
import { chapterTotals, memberTallies, referralMatrix } from '../services/tallies';
import { rawQueries, replay, statementsSentBy } from './bench-raw-queries';

export interface AnalyticFigure {
  name: string;
  service: () => unknown;
  raw: () => unknown;
  /** What the raw query is, in words. */
  rawIs: string;
}

/** The same day a month later (dayjs's rule, as the scorecard rolls its oldest month off). */
const monthLater = (day: string) => dayjs(day).add(1, 'month').format('YYYY-MM-DD');

export function analyticFigures(db: Db, sqlite: Database.Database, quarter: Period, sixMonths: Period, lastMeeting: string): AnalyticFigure[] {
  const raw = rawQueries(sqlite);
  const profileEnd = quarter.to.slice(0, 7);
  const profile = getScorecardProfile(db);
  const profilePeriod = scoringPeriod(profile, profileEnd);
  const staysFrom = profile.period.kind !== 'dates' && monthLater(profilePeriod.from) <= profilePeriod.to ? monthLater(profilePeriod.from) : null;
  // The scorecard needs each member's tallies for its period and for the months that stay when the
  // oldest rolls off (a rolling profile), and who sponsored whom in it: one pass and one small read.
  const rawScorecard = (p: Period, staysFrom: string | null) => () => [staysFrom ? raw.talliesSplit(p, staysFrom) : raw.tallies(p), raw.sponsored(p)];
  const sent = (run: () => unknown) => replay(sqlite, statementsSentBy(sqlite, run));
  return [
    { name: 'per-member tallies + chapter totals, one quarter', service: () => [memberTallies(db, quarter), chapterTotals(db, quarter)], raw: () => [raw.tallies(quarter), raw.totals(quarter)], rawIs: 'hand-written: one GROUP BY per slip table + the totals' },
    { name: 'giver × receiver matrix, one quarter', service: () => referralMatrix(db, quarter), raw: () => [raw.matrix(quarter), raw.members(quarter)], rawIs: 'hand-written: the pairs + the members listed' },
    { name: 'outcomes (conversion, medians, revenue by referrer, pairs, months), one quarter', service: () => outcomes(db, quarter), raw: sent(() => outcomes(db, quarter)), rawIs: "the service's own statements alone" },
    { name: 'integrity flags (stale, concentration, quiet pairs, spikes), one quarter', service: () => integrityFlags(db, quarter, lastMeeting), raw: sent(() => integrityFlags(db, quarter, lastMeeting)), rawIs: "the service's own statements alone" },
    { name: 'recognition, one quarter', service: () => recognition(db, quarter), raw: sent(() => recognition(db, quarter)), rawIs: "the service's own statements alone" },
    { name: 'scorecard, six months', service: () => scorecard(db, sixMonths), raw: rawScorecard(sixMonths, null), rawIs: 'hand-written: the tallies + sponsors' },
    // The profile's own period ending with the quarter's last month, plus the months that stay when the oldest rolls off.
    {
      name: "scorecard by the profile, with next month's roll-off",
      service: () => scorecard(db, { endMonth: profileEnd }),
      raw: rawScorecard(profilePeriod, staysFrom),
      rawIs: 'hand-written: the tallies of the period and of the months that stay, one pass + sponsors',
    },
  ];
}
