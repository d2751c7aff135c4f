// The scorecard through the registry, on a real chapter file: the month a period ends with, presets
// chosen in Settings, a profile saved before presets, a member who joined three weeks ago, an empty
// chapter, the seat alert, and what the oldest month rolling off does to a member's colour.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { scorecard } from '../../src/services/scorecard';
import { taiwanSixCategories, usTrafficLights2025 } from '../../src/shared/scorecard-profile';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

/*
 * Six months of Wednesdays, 2025-08-06 … 2026-01-28: 26 meetings (Aug 4, Sep 4, Oct 5, Nov 4, Dec 5, Jan 4).
 *   Eve  P every week; 2 referrals to Gus at each of the 22 meetings after August (44); visitors 2, 2, 2, 1 at
 *        the August meetings (7) and 1 at each September meeting (4): 11 in all; CEUs 3 + 3 in January (6).
 *   Gus  A at the first three meetings, L at the next two, P after: 3 + floor(2/3) = 3 equivalent absences.
 *   Fay  joined 2026-01-08: P at the three meetings since (Jan 14, 21, 28).
 */
function sixMonths(): { opened: OpenedDatabase; api: Registry; ids: Record<string, string> } {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  const dentist = ok(api.call('saveClassification', { name: 'Dentist', sphereId: null })).id;
  const ids: Record<string, string> = {
    Eve: ok(api.call('addMember', memberInput(seats.florist, 'Eve', 'Lind', { joinedOn: '2025-01-01' }))).id,
    Gus: ok(api.call('addMember', memberInput(dentist, 'Gus', 'Moreau', { joinedOn: '2025-01-01' }))).id,
    Fay: ok(api.call('addMember', memberInput(seats.realEstate, 'Fay', 'Okafor', { joinedOn: '2026-01-08' }))).id,
  };
  const days: string[] = [];
  for (let d = new Date('2025-08-06T00:00:00Z'); d <= new Date('2026-01-28T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 7)) days.push(d.toISOString().slice(0, 10));
  let n = 0;
  days.forEach((day, i) => {
    const meetingId = ok(api.call('createMeeting', { meetingOn: day })).id;
    const mark = (who: string, letter: string) => ok(api.call('setAttendance', { meetingId, memberId: ids[who], mark: letter, substituteName: '' }));
    mark('Eve', 'P');
    mark('Gus', i < 3 ? 'A' : i < 5 ? 'L' : 'P');
    if (day >= '2026-01-08') mark('Fay', 'P');
    if (day >= '2025-09-01') for (let k = 0; k < 2; k++) ok(api.call('saveReferral', { meetingId, giverId: ids.Eve, receiverId: ids.Gus, referralKind: 'outside', prospectName: `Prospect ${++n}` }));
    const visitors = day < '2025-09-01' ? [2, 2, 2, 1][i]! : day < '2025-10-01' ? 1 : 0;
    for (let v = 0; v < visitors; v++) ok(api.call('saveVisitor', { meetingId, name: `Guest ${++n}`, invitedById: ids.Eve }));
    if (day === '2026-01-07' || day === '2026-01-14') ok(api.call('saveCeu', { meetingId, memberId: ids.Eve, credits: 3 }));
    ok(api.call('closeMeeting', { meetingId }));
  });
  return { opened, api, ids };
}

let opened: OpenedDatabase;
let api: Registry;
const january = { endMonth: '2026-01' };
const by = (card: any, first: string) => card.members.find((m: any) => m.name.startsWith(first));

beforeAll(() => {
  ({ opened, api } = sixMonths());
});

describe('choosing the month the period ends with', () => {
  it('scores the last six completed months, by default the months before today', () => {
    const card = scorecard(opened.db, {}, '2026-02-10');
    expect([card.period, card.endMonth, card.periodRule]).toEqual([{ from: '2025-08-01', to: '2026-01-31' }, '2026-01', 'the last 6 completed calendar months']);
    const chosen = ok(api.call('scorecard', { endMonth: '2025-12' }));
    expect(chosen.period).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });

  it('refuses a month that is not one, naming the field', () => {
    expect(api.call('scorecard', { endMonth: '2026-13' })).toMatchObject({ ok: false, error: { field: 'endMonth', message: 'End month must be a month such as 2026-01.' } });
  });
});

describe('the Taiwan preset chosen in Settings', () => {
  it('is saved through the audit log and scores every member with its reasons', () => {
    const before = opened.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'scorecard_profile'`)!.n;
    ok(api.call('saveScorecardProfile', { profile: taiwanSixCategories }));
    expect(opened.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'scorecard_profile'`)!.n).toBe(before + 1);
    const card = ok(api.call('scorecard', january));
    expect(card.profileName).toBe('Taiwan six categories');
    /*
     * Eve, 26 weeks: absences 0 → 20; referrals 44/26 = 1.69 → 20; visitors 11 → 15; one-to-ones 0 → 0; CEUs 6 → 15;
     * TYFCB 0 → 0. Total 70 → green, exactly on the band.
     */
    const eve = by(card, 'Eve');
    expect([eve.points, eve.band, eve.meetings]).toEqual([70, 'green', 26]);
    expect(eve.categories.map((c: any) => [c.id, c.display, c.points])).toEqual([
      ['absences', '0', 20],
      ['referrals', '1.69', 20],
      ['visitors', '11', 15],
      ['one_to_ones', '0.00', 0],
      ['ceus', '6', 15],
      ['tyfcb', '$0.00', 0],
    ]);
    expect(eve.categories[0].rule).toBe('≤ 0 → 20 points');
    expect(eve.nextColour).toBeNull();
    /*
     * When August 2025 rolls off (period Sep–Feb, out on 1 March 2026), the months that stay: 22 weeks, 44 referrals = 2.00 → 20,
     * visitors 4 → 0, CEUs 6 → 15, absences 0 → 20: 55 → yellow.
     */
    // Seen in February 2026, while January ends the latest card: what next month's roll-off would do.
    expect(by(scorecard(opened.db, january, '2026-02-10'), 'Eve').rollOff).toBe('If nothing more is recorded, you drop to yellow on 1 March 2026, when August 2025 rolls off (the months that stay score 55).');
    // Seen today, months later (the months after January are on record): no forecast naming a day already past.
    expect(eve.rollOff).toBeNull();
    // Gus: 3 A + floor(2 L / 3) = 3 equivalent absences: 0 points, and one more opens the seat.
    const gus = by(card, 'Gus');
    expect(gus.alert).toEqual({ level: 'about_to_open', text: 'The seat is about to open: 3 equivalent absences; 4 opens it.' });
    expect(gus.categories[0]).toMatchObject({ display: '3', points: 0, working: 'A 3 + L 2 ÷ 3 rounded down' });
    expect(card.bands.map((b: any) => [b.label, b.count])).toEqual([['Green', 1], ['Yellow', 0], ['Red', 0], ['Black', 2]]);
  });

  /* Fay joined three weeks ago: 3 weeks P; absences 0 → 20, nothing else → 20 points: black. One week is enough to score here. */
  it('scores a member who joined three weeks ago on her three weeks, and says what gets her to red', () => {
    ok(api.call('saveScorecardProfile', { profile: taiwanSixCategories }));
    const fay = by(ok(api.call('scorecard', january)), 'Fay');
    expect([fay.meetings, fay.scored, fay.points, fay.band]).toEqual([3, true, 20, 'black']);
    // Red from 30: 10 more. One-to-ones 2/3 ≥ 0.5 → 5 (2 items), CEUs 2 → 5 (2 items): 4 items; or referrals 3·0.8 = 2.4 → 3 → 10 (3 items).
    expect(fay.nextColour.text).toBe('10 more points for red (from 30): 3 more referrals given in the period would do it.');
    // A colour earned on three weeks says so: the basis is part of the sentence, with a word on how thin it is.
    expect(fay.explanation).toBe('20 points on only 3 counted weeks: black; 10 more for red (from 30). Few weeks: every meeting moves this score a lot (this profile scores from 1 week).');
  });
});

describe('the US preset and the default', () => {
  it('does not score a member with fewer weeks than the default needs, and says why', () => {
    ok(api.call('saveScorecardProfile', { profile: null }));
    const fay = by(ok(api.call('scorecard', january)), 'Fay');
    expect([fay.scored, fay.band, fay.bandLabel, fay.explanation]).toEqual([false, 'grey', 'Not scored', 'Not enough history yet: 3 counted weeks of the 4 a score needs.']);
  });

  /*
   * US: Gus, weeks = 26 (no M). Attendance (21 + ½·2) / 26 = 22/26 = 84.62 % → prints 85 %, scores 10 (≥ 75, < 85).
   * Received 44 referrals but gave none → 0; visitors, one-to-ones, CEUs 0. Total 10 → grey.
   */
  it('prints 84.62 % as 85 % and scores it as 10', () => {
    ok(api.call('saveScorecardProfile', { profile: usTrafficLights2025 }));
    const gus = by(ok(api.call('scorecard', january)), 'Gus');
    expect(gus.categories[0]).toMatchObject({ display: '85%', points: 10, rule: '≥ 75% → 10 points', working: '(P 21 + L 2 × 1/2 + S 0 × 1/2) of 26 weeks (marked minus M)' });
    expect([gus.points, gus.band]).toEqual([10, 'grey']);
    ok(api.call('saveScorecardProfile', { profile: null }));
  });
});

describe('profiles', () => {
  it('a profile saved before measures could be chosen still scores, with its own thresholds', () => {
    const v1 = { name: 'Harbour rules', bands: { green: 60, yellow: 40, red: 20 }, minimumMeetings: 3, categories: [{ id: 'visitors', thresholds: [{ min: 10, points: 25 }] }, { id: 'attendance', thresholds: [{ min: 100, points: 20 }] }] };
    opened.db.run(sql`UPDATE chapter SET scorecard_profile = ${JSON.stringify(v1)}`);
    const profile = ok(api.call('getScorecardProfile', {}));
    expect([profile.version, profile.name, profile.minimumWeeks, profile.bands[0].from]).toEqual([2, 'Harbour rules', 3, 60]);
    // Eve: 11 visitors ≥ 10 → 25, 100 % attendance → 20: 45 → yellow (from 40).
    const eve = by(ok(api.call('scorecard', january)), 'Eve');
    expect([eve.points, eve.band]).toEqual([45, 'yellow']);
    ok(api.call('saveScorecardProfile', { profile: null }));
  });

  it('refuses a threshold that is not a number, naming the field, and keeps the saved profile', () => {
    const bad = structuredClone(usTrafficLights2025) as any;
    bad.categories[1].thresholds[0].at = '0,25';
    expect(api.call('saveScorecardProfile', { profile: bad })).toMatchObject({ ok: false, error: { field: 'profile.categories.1.thresholds.0.at', message: 'Referrals given: threshold 1 must be a number such as 0.75 or a fraction such as 6/26.' } });
    expect(ok(api.call('getScorecardProfile', {})).name).toBe('Chapter Ledger default (5 × 20 points)');
  });
});

describe('an empty chapter', () => {
  it('explains there is nobody to score, then that no meeting is closed', () => {
    const fresh = openTestDb();
    const freshApi = testRegistry(fresh);
    const seats = smallChapter(fresh);
    const empty = ok(freshApi.call('scorecard', january));
    expect([empty.members, empty.notice]).toEqual([[], 'Nobody to score yet: add the chapter\u2019s members on the Members screen.']);
    ok(freshApi.call('addMember', memberInput(seats.florist, 'Ana', 'Sousa')));
    expect(ok(freshApi.call('scorecard', january)).notice).toBe('No closed meeting between 2025-08-01 and 2026-01-31: close a meeting on the Meeting screen, or choose another month.');
  });
});

describe('the quarterly audit', () => {
  it('carries the scorecard at the quarter’s end with the profile’s name', async () => {
    const { quarterlyAuditData } = await import('../../src/services/reports');
    ok(api.call('saveScorecardProfile', { profile: taiwanSixCategories }));
    const data = quarterlyAuditData(opened.db, '2025-12-15', new Date('2026-01-05T10:00:00Z'));
    // Q4 2025 ends in December: the period is July–December; Eve (70) green, Fay not yet a member, Gus black.
    expect(data.scorecard).toEqual({
      profileName: 'Taiwan six categories',
      period: { from: '2025-07-01', to: '2025-12-31' },
      periodWords: 'July 2025 to December 2025: the last 6 completed calendar months, ending with December 2025.',
      bands: [{ label: 'Green', count: 0 }, { label: 'Yellow', count: 1 }, { label: 'Red', count: 0 }, { label: 'Black', count: 1 }],
      notScored: 0,
    });
    ok(api.call('saveScorecardProfile', { profile: null }));
  });
});
