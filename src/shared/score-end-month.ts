// Which month a scorecard ends with, shared by the server (Scorecard screen, statements, quarterly
// audit) and the member page, so a member reading their page beside their statement sees one colour.
import dayjs from 'dayjs';
import { addDays } from './dates';

/** The month before today's: the last completed month. */
export const lastCompletedMonth = (today: string) => dayjs(today).startOf('month').subtract(1, 'month').format('YYYY-MM');

/**
 * The month a report's scorecard ends with: the last month completed by the report's end, or by
 * today while the report's period is still running (the screen: by today).
 */
export function scoreEndMonth(reportTo: string | null, today: string): string {
  const after = reportTo === null ? today : addDays(reportTo, 1);
  return lastCompletedMonth(after < today ? after : today);
}
