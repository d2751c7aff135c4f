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

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The weekday of an ISO day, in words ("Tuesday"), shown beside each meeting in the list. */
export function weekdayOf(day: string): string {
  return weekdayNames[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
}

/** What a meeting is found by in the list: its label as shown, its weekday and its month in words. */
export function meetingSearchText(m: Meeting, label: string): string {
  const month = monthNames[Number(m.meetingOn.slice(5, 7)) - 1] ?? '';
  return `${label} ${weekdayOf(m.meetingOn)} ${month} ${m.meetingOn.slice(0, 4)}`.toLowerCase();
}

/** Every word typed appears in what the meeting is found by: "2019-05", "tue", "may 2019", "draft". */
export function filterMeetings(meetings: Meeting[], search: string, label: (m: Meeting) => string): Meeting[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return meetings;
  return meetings.filter((m) => {
    const text = meetingSearchText(m, label(m));
    return words.every((w) => text.includes(w));
  });
}

/**
 * The day a typed date reaches back to ("2019" → 2019-01-01, "2019-05" → 2019-05-01, a whole day as
 * typed), or null when what is typed is no date. Used to load the older meetings it asks for.
 */
export function dayTypedFor(search: string): string | null {
  const t = search.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const [, y, mo = '01', d = '01'] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  return `${y}-${mo}-${d}`;
}

/** The oldest meeting day in the list (drafts left open from long ago aside), or null. */
export function oldestShown(meetings: Meeting[]): string | null {
  const closed = meetings.filter((m) => m.status !== 'draft');
  return (closed.length ? closed : meetings).reduce<string | null>((oldest, m) => (oldest === null || m.meetingOn < oldest ? m.meetingOn : oldest), null);
}

/** A typed date older than the list reaches, while older meetings exist: the day to load back to. */
export function loadBackTo(meetings: Meeting[], hasOlder: boolean, search: string): string | null {
  const day = dayTypedFor(search);
  const oldest = oldestShown(meetings);
  return day && hasOlder && oldest && day < oldest ? day : null;
}

/** The line under the list: how far back it reaches ("Showing 104 meetings back to 2024-11-26"). */
export function shownSentence(meetings: Meeting[], hasOlder: boolean): string {
  const oldest = oldestShown(meetings);
  if (!oldest) return 'No meetings yet.';
  return `Showing ${meetings.length} meeting${meetings.length === 1 ? '' : 's'} back to ${oldest}${hasOlder ? '' : ' (the first one recorded)'}.`;
}
