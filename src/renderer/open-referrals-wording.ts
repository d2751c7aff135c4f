// What an empty Open referrals list means, in words: never "well done" while filters hide open ones.

const statusLabels: Record<string, string> = { new: 'New', contacted: 'Contacted', meeting_set: 'Meeting set', won: 'Won', lost: 'Lost' };

/**
 * Says what the empty list means: "well done" only when nothing at all is open; with a member or an age
 * chosen, it says the filter hides them and how to see them; in a chapter where no referral was ever
 * won or lost (a new one), it says what will appear here.
 */
export function emptyMessage({ memberName, status, olderThanDays, anyDecided = true }: { memberName: string | null; status: string; olderThanDays: number; anyDecided?: boolean }): string {
  const what = status === 'open' ? 'open referral' : `referral marked ${(statusLabels[status] ?? status).toLowerCase()}`;
  const filters = [memberName ? `given or received by ${memberName}` : '', olderThanDays > 0 ? `open at least ${olderThanDays} days` : ''].filter(Boolean);
  if (filters.length > 0) {
    return `No ${what} ${filters.join(' and ')}. The filters hide the others: clear the member and set "Open at least" to 0 to see them all.`;
  }
  if (status === 'open' && !anyDecided) return 'No referral yet: a referral given at a meeting is listed here until its receiver marks it won or lost.';
  return status === 'open' ? 'No referral is open: every referral has been closed — well done.' : `No ${what} yet.`;
}
