// The pages of meetings the Meeting and Reports screens offer (see recent-meetings.ts): pure, so the
// unit tests read them without a browser.
import type { Meeting } from '../shared/contract';

/** A year of weekly meetings. */
export const meetingsPerPage = 52;
/** The choice's value that fetches the next page instead of choosing a meeting. */
export const olderMeetingsValue = '__older_meetings__';

/**
 * The list to offer from one answer of listMeetings({ limit: shown + 1, includeDrafts: true }), newest
 * first: the newest `shown` meetings and every draft older than them. The answer's first `shown` rows are
 * the newest meetings whatever drafts joined it; a row after them that is no draft is the page's extra
 * one, asked for to know that older meetings exist.
 */
export function mergeMeetingPages(answer: Meeting[], shown: number): { meetings: Meeting[]; hasOlder: boolean } {
  const sorted = [...answer].sort((a, b) => (a.meetingOn < b.meetingOn ? 1 : a.meetingOn > b.meetingOn ? -1 : 0));
  return { meetings: [...sorted.slice(0, shown), ...sorted.slice(shown).filter((m) => m.status === 'draft')], hasOlder: sorted.length > shown };
}

/** The Select's options: one per meeting, and "Older meetings…" last while there are any. */
export function meetingChoices(meetings: Meeting[], hasOlder: boolean, label: (m: Meeting) => string): Array<{ value: string; label: string }> {
  return [...meetings.map((m) => ({ value: m.id, label: label(m) })), ...(hasOlder ? [{ value: olderMeetingsValue, label: `Older meetings… (before ${meetings.filter((m) => m.status !== 'draft').at(-1)?.meetingOn ?? meetings.at(-1)?.meetingOn ?? ''})` }] : [])];
}
