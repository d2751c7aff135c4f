// "1 day ago", not "1 days ago"; "today", not "0 days ago" (a fresh-eyes trial of the Visitors screen read both).

/** A number of days: "1 day", "12 days". */
export const dayCount = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** How long ago a day was: "today", "yesterday", "12 days ago"; a day ahead (a date typed for later) "in 3 days". */
export function daysAgo(n: number): string {
  if (n === 0) return 'today';
  if (n === 1) return 'yesterday';
  if (n < 0) return `in ${dayCount(-n)}`;
  return `${dayCount(n)} ago`;
}
