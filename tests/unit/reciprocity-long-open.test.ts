// Reciprocity's "Open more than N days": the oldest few are listed and the rest counted, all of them —
// a ten-year chapter said "…and 192 more" (a list cut at 200) while 11,879 referrals were open that long.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { longOpenListed } from '../../src/services/tallies';
import type { ReciprocityFlags } from '../../src/shared/contract';
import { okValue as ok } from '../support/first-quarter';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

function chapterWithOpenReferrals(perMeeting: number[], opened = openTestDb()) {
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  const ann = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Ann', 'Lee', { joinedOn: '2024-01-03' }))).id;
  const bo = ok<{ id: string }>(api.call('addMember', memberInput(seats.mortgage, 'Bo', 'Ek', { joinedOn: '2024-01-03' }))).id;
  // Wednesdays in early 2025, long before the chapter's today; one referral stays open after a week at most.
  perMeeting.forEach((count, week) => {
    const meetingOn = new Date(Date.UTC(2025, 0, 1 + 7 * week)).toISOString().slice(0, 10);
    const meetingId = ok<{ id: string }>(api.call('createMeeting', { meetingOn, confirmDate: true })).id;
    for (let i = 0; i < count; i++) ok(api.call('saveReferral', { meetingId, giverId: ann, receiverId: bo, prospectName: `Prospect ${week}.${i}` }));
    for (const memberId of [ann, bo]) ok(api.call('setAttendance', { meetingId, memberId, mark: 'P', substituteName: '' }));
    ok(api.call('closeMeeting', { meetingId }));
  });
  return api;
}
const flagsOf = (api: ReturnType<typeof testRegistry>) => ok<ReciprocityFlags>(api.call('reciprocityFlags', { from: '2025-01-01', to: '2025-03-31' }));

describe('referrals open too long, on the Reciprocity screen', () => {
  it('lists the oldest few, oldest first, and counts every one of them', () => {
    const flags = flagsOf(chapterWithOpenReferrals([3, 4, 5, 6]));
    expect(flags.longOpenReferrals).toHaveLength(longOpenListed);
    expect(flags.longOpenReferralsTotal).toBe(18);
    expect(flags.longOpenReferrals.map((r) => r.prospectName).slice(0, 4)).toEqual(['Prospect 0.0', 'Prospect 0.1', 'Prospect 0.2', 'Prospect 1.0']);
    expect(flags.longOpenReferrals.map((r) => r.meetingOn)).toEqual([...flags.longOpenReferrals.map((r) => r.meetingOn)].sort());
  });

  it('with fewer than the listed few, the count is the list', () => {
    const flags = flagsOf(chapterWithOpenReferrals([2, 1]));
    expect(flags.longOpenReferrals).toHaveLength(3);
    expect(flags.longOpenReferralsTotal).toBe(3);
  });

  it('with none, nothing is listed and none counted', () => {
    const flags = flagsOf(chapterWithOpenReferrals([]));
    expect(flags.longOpenReferrals).toEqual([]);
    expect(flags.longOpenReferralsTotal).toBe(0);
  });

  // The count is kept between visits while the chapter file is unchanged (it reads every open referral's
  // index entry: ~35 ms on a million slips); any change, here or by another program, counts again.
  it('counts again once a follow-up closes one of them, and follows another program writing to the file', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ledger-long-open-'));
    const file = path.join(folder, 'chapter.sqlite');
    const opened = openTestDb(file);
    const other = openTestDb(file);
    try {
      const api = chapterWithOpenReferrals([3, 4, 5, 6], opened);
      expect(flagsOf(api).longOpenReferralsTotal).toBe(18);
      expect(flagsOf(api).longOpenReferralsTotal).toBe(18);
      const oldest = flagsOf(api).longOpenReferrals[0]!;
      ok(api.call('setReferralStatus', { id: oldest.id, status: 'won', on: '2025-06-02' }));
      expect(flagsOf(api).longOpenReferralsTotal).toBe(17);
      // A second window (another connection) marks one lost: this one's next count sees it.
      const next = flagsOf(api).longOpenReferrals[0]!;
      ok(testRegistry(other).call('setReferralStatus', { id: next.id, status: 'lost', on: '2025-06-02', lostReason: 'timing' }));
      expect(flagsOf(api).longOpenReferralsTotal).toBe(16);
    } finally {
      other.close();
      opened.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
