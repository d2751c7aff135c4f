// Open referrals filtered to Status = Won (or Lost) lists referrals that are no longer open: their badge
// says what became of them, never an open age such as "34 days".
import { describe, expect, it } from 'vitest';
import { ageLabel, referralFlags } from '../../src/renderer/open-referrals-wording';

describe('Open referrals filtered to won or lost', () => {
  it('a won or lost referral given 34 days ago shows "won" / "lost", not "34 days", and is never red or stale', () => {
    const today = '2026-11-23';
    const row = { meetingOn: '2026-10-20', daysOpen: 34, daysSinceUpdate: 30 };
    expect(ageLabel({ ...row, status: 'won' }, today)).toBe('won');
    expect(ageLabel({ ...row, status: 'lost' }, today)).toBe('lost');
    expect(referralFlags({ ...row, status: 'won' }, { openReferralDays: 30, staleDays: 14 }, today)).toEqual({ overdue: false, stale: false });
    // Still open: the open age stays.
    expect(ageLabel({ ...row, status: 'contacted' }, today)).toBe('34 days');
  });
});
