// The member scorecard: tallies of the previous completed six months (by default) scored with the
// chapter's profile. The figures come from the tallies service; only ~60 member rows are scored here.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { chapter as chapterTable } from '../db/schema';
import type { Band, MemberScore, Period } from '../shared/contract';
import { todayIso } from '../shared/dates';
import { LedgerError } from '../shared/errors';
import { formatMoney, minorDigits } from '../shared/money';
import { previousSixMonths } from '../shared/periods';
import { categoryMeasures, defaultScorecardProfile, scorecardProfileSchema, type ScoreCategoryId, type ScorecardProfile } from '../shared/scorecard-profile';
import { recordAudit } from './audit';
import { requireChapter } from './chapter';
import { memberTallies } from './tallies';

export function getScorecardProfile(db: Db): ScorecardProfile {
  const row = db.select({ profile: chapterTable.scorecardProfile }).from(chapterTable).get();
  if (!row?.profile) return defaultScorecardProfile;
  const parsed = scorecardProfileSchema.safeParse(JSON.parse(row.profile));
  return parsed.success ? parsed.data : defaultScorecardProfile;
}

export function saveScorecardProfile(db: Db, profile: ScorecardProfile | null): ScorecardProfile {
  return db.transaction((tx) => {
    const chapter = requireChapter(tx);
    const before = getScorecardProfile(tx);
    tx.update(chapterTable)
      .set({ scorecardProfile: profile ? JSON.stringify(profile) : null })
      .where(eq(chapterTable.id, chapter.id))
      .run();
    const after = getScorecardProfile(tx);
    recordAudit(tx, { action: 'update', entity: 'scorecard_profile', entityId: chapter.id, before, after });
    return after;
  });
}

interface Measured {
  value: number;
  display: string;
}

export function scorecard(db: Db, input: { from?: string | undefined; to?: string | undefined }, today = todayIso()) {
  const chapter = requireChapter(db);
  const period: Period = input.from && input.to ? { from: input.from, to: input.to } : previousSixMonths(today);
  if (period.from > period.to) throw new LedgerError('invalid_input', 'From must be on or before To.', 'to');
  const profile = getScorecardProfile(db);
  const sponsored = new Map(
    db
      .all<{ sponsorId: string; n: number }>(sql`SELECT sponsor_id AS sponsorId, count(*) AS n FROM members
        WHERE sponsor_id IS NOT NULL AND status <> 'applicant' AND joined_on BETWEEN ${period.from} AND ${period.to} GROUP BY sponsor_id`)
      .map((r) => [r.sponsorId, r.n]),
  );
  const money = (minor: number) => formatMoney(minor, chapter.currency, chapter.locale);
  const maxPoints = profile.categories.reduce((sum, c) => sum + Math.max(0, ...c.thresholds.map((t) => t.points)), 0);

  const members: MemberScore[] = memberTallies(db, period)
    .filter((m) => m.status === 'active' || m.status === 'on_leave')
    .map((m) => {
      const meetings = m.p + m.a + m.l + m.m + m.s;
      const perWeek = (n: number) => (meetings === 0 ? 0 : n / meetings);
      const measured: Record<ScoreCategoryId, Measured> = {
        attendance: { value: meetings === 0 ? 0 : (100 * (meetings - m.a)) / meetings, display: '' },
        referrals: { value: perWeek(m.rgi + m.rgo), display: '' },
        one_to_ones: { value: perWeek(m.oneToOnes), display: '' },
        ceus: { value: perWeek(m.ceus), display: '' },
        visitors: { value: m.visitors, display: `${m.visitors}` },
        tyfcb: { value: m.tyfcbGeneratedMinor / 10 ** minorDigits(chapter.currency), display: money(m.tyfcbGeneratedMinor) },
        sponsors: { value: sponsored.get(m.memberId) ?? 0, display: `${sponsored.get(m.memberId) ?? 0}` },
      };
      measured.attendance.display = `${Math.round(measured.attendance.value)}% (${m.a} absent of ${meetings})`;
      measured.referrals.display = `${measured.referrals.value.toFixed(2)}/week (${m.rgi + m.rgo})`;
      measured.one_to_ones.display = `${measured.one_to_ones.value.toFixed(2)}/week (${m.oneToOnes})`;
      measured.ceus.display = `${measured.ceus.value.toFixed(2)}/week (${m.ceus})`;

      const categories = profile.categories.map((category) => {
        const { value, display } = measured[category.id];
        const sorted = [...category.thresholds].sort((a, b) => a.min - b.min);
        // Rounded to 2 decimals first so 0.9999… per week reaches a threshold of 1 as a person would expect.
        const comparable = Math.round(value * 100) / 100;
        const reached = sorted.filter((t) => comparable >= t.min).pop();
        const next = sorted.find((t) => comparable < t.min && t.points > (reached?.points ?? 0));
        const measure = categoryMeasures[category.id];
        return {
          id: category.id,
          label: measure.label,
          value,
          display,
          points: reached?.points ?? 0,
          maxPoints: Math.max(0, ...sorted.map((t) => t.points)),
          next: next ? `${measure.money ? money(Math.round(next.min * 10 ** minorDigits(chapter.currency))) : formatThreshold(next.min)} ${measure.unit} for ${next.points} points` : null,
        };
      });
      const points = categories.reduce((sum, c) => sum + c.points, 0);
      const band: Band = meetings < profile.minimumMeetings ? 'grey' : points >= profile.bands.green ? 'green' : points >= profile.bands.yellow ? 'yellow' : points >= profile.bands.red ? 'red' : 'grey';
      return { memberId: m.memberId, name: m.name, status: m.status, meetings, points, maxPoints, band, categories, explanation: explain(band, points, meetings, profile) };
    });
  return { profileName: profile.name, period, bands: profile.bands, members };
}

function formatThreshold(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function explain(band: Band, points: number, meetings: number, profile: ScorecardProfile): string {
  if (meetings < profile.minimumMeetings) {
    return `Not enough history yet: on the roster for ${meetings} of the ${profile.minimumMeetings} meetings a score needs.`;
  }
  const { green, yellow, red } = profile.bands;
  if (band === 'green') return `${points} points: green (from ${green}).`;
  const [nextBand, needed] = band === 'yellow' ? ['green', green] : band === 'red' ? ['yellow', yellow] : ['red', red];
  return `${points} points: ${needed - points} more for ${nextBand} (from ${needed}).`;
}
