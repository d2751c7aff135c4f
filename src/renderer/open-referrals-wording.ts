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

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** Whole days from one ISO day to another (UTC calendar days, as the ledger counts them). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * How long a referral has been open, in words. A referral recorded at a meeting dated after today is not
 * "0 days" old: it says when that meeting is ("meeting in 6 days").
 */
export function ageLabel(r: { meetingOn: string; daysOpen: number; status?: string }, today: string): string {
  // A won or lost referral is not open: no "34 days" open age, just what became of it.
  if (r.status === 'won' || r.status === 'lost') return r.status;
  if (r.meetingOn > today) return `meeting in ${days(daysBetween(today, r.meetingOn))}`;
  return days(r.daysOpen);
}

const stillOpen = ['new', 'contacted', 'meeting_set'];

/**
 * The two flags of the list, each with one definition used both by the badges and by the sentence at the
 * top of the screen: "overdue" (given more than the chapter's "days a referral may stay open" ago) and
 * "stale" (no follow-up recorded for the outcome rules' stale days).
 */
export function referralFlags(
  r: { meetingOn: string; status: string; daysOpen: number; daysSinceUpdate: number },
  rules: { openReferralDays: number; staleDays: number | null },
  today: string,
): { overdue: boolean; stale: boolean } {
  const open = stillOpen.includes(r.status) && r.meetingOn <= today;
  return { overdue: open && r.daysOpen > rules.openReferralDays, stale: open && rules.staleDays !== null && r.daysSinceUpdate >= rules.staleDays };
}

/** The sentence at the top of Open referrals: what the red and the "stale" badges mean, with the same numbers. */
export function flagLegend(rules: { openReferralDays: number; staleDays: number | null }): string {
  const overdue = `Red: open more than ${days(rules.openReferralDays)} since the meeting it was given at (Settings: days a referral may stay open).`;
  const stale = rules.staleDays === null ? '' : ` Stale: no follow-up recorded for ${days(rules.staleDays)} or more (Outcomes: rules).`;
  return `${overdue}${stale} Either member can move a referral along.`;
}

/** "152 open referrals · showing 1–50", saying how many are recorded for a meeting ahead. */
export function totalLine({ total, future, status, from, to }: { total: number; future: number; status: string; from: number; to: number }): string {
  const plural = total === 1 ? '' : 's';
  const head = status === 'open' ? `${total} open referral${plural}` : `${total} referral${plural} marked ${(statusLabels[status] ?? status).toLowerCase()}`;
  const ahead = future > 0 ? ` (${future} at a meeting still ahead)` : '';
  const page = total > to - from + 1 && to >= from ? ` · showing ${from}–${to}` : '';
  return `${head}${ahead}${page}`;
}
