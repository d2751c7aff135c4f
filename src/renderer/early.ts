// What the window's first screen needs, asked the moment the script starts instead of one request
// after another as the components mount. Before: the app shell asked the chapter and the status, drew,
// then fetched the Meeting screen's code, which asked the meeting list, which (answered) asked the
// sheet — four rounds in a row, each behind the drawing of the one before. Now the screen's code, the
// status, the chapter, the meeting list and the classifications are asked together, and the sheet of
// the meeting the screen will open on follows the list at once. Each answer is handed to the component
// that asks first for the same thing (`takeEarly`), once; later asks go to the ledger as before.
import type { Chapter, LedgerApi, Meeting, MeetingSheet } from '../shared/contract';
import { defaultMeeting } from '../shared/default-meeting';
import { setChapterLocale, setChapterTimeZone, chapterToday } from './chapter-today';
import { meetingsPerPage, mergeMeetingPages } from './meeting-pages';

const early = new Map<string, Promise<unknown>>();
/** Keys a component has asked for already: an early answer arriving after that is never handed out (it could be older than a save). */
const asked = new Set<string>();
let open = false;

function keep<T>(key: string, promise: Promise<T>): Promise<T> {
  // A failure is the asking component's to show (it gets the same rejected promise); not an unhandled one here.
  promise.catch(() => {});
  if (open && !asked.has(key)) early.set(key, promise);
  return promise;
}

/** The answer asked early for `key`, if no one took it yet; else `ask()` now. */
export function takeEarly<T>(key: string, ask: () => Promise<T>): Promise<T> {
  asked.add(key);
  const promise = early.get(key);
  if (!promise) return ask();
  early.delete(key);
  return promise as Promise<T>;
}

function closeEarly(): void {
  open = false;
  early.clear();
}

/** The meeting list's first page as the Meeting screen asks it (see recent-meetings.ts). */
export const firstMeetingsPage = { limit: meetingsPerPage + 1, includeDrafts: true } as const;
export const earlyKeys = {
  appStatus: 'appStatus',
  chapter: 'getChapter',
  meetings: `listMeetings:${firstMeetingsPage.limit}`,
  classifications: 'listClassifications',
  sheet: (meetingId: string) => `getMeetingSheet:${meetingId}`,
} as const;

/** The screen the window opens on, from its hash (the Meeting screen when there is none). */
export function opensOnMeetingScreen(hash: string): boolean {
  const id = hash.replace(/^#\/?/, '');
  return id === '' || id === 'meeting';
}

/**
 * Asks, all at once, what the first screen needs. `loadMeetingScreen` fetches the Meeting screen's code
 * (asked only when the window opens on it, as is every other screen's code when first shown).
 */
export function askEarly(ledger: LedgerApi, hash: string, loadMeetingScreen: () => Promise<unknown>, page: EventTarget = window): void {
  early.clear();
  asked.clear();
  open = true;
  // Only for the screen the window opens on: once the user moves elsewhere, whatever was not taken is
  // dropped (coming back later must read the ledger afresh, not these answers from start-up).
  page.addEventListener('hashchange', closeEarly, { once: true });
  keep(earlyKeys.appStatus, ledger.appStatus());
  const chapter = keep(earlyKeys.chapter, ledger.getChapter());
  if (!opensOnMeetingScreen(hash)) return;
  void loadMeetingScreen().catch(() => {});
  const meetings = keep(earlyKeys.meetings, ledger.listMeetings(firstMeetingsPage));
  keep(earlyKeys.classifications, ledger.listClassifications());
  // The sheet of the meeting the screen opens on: the same choice the screen makes (tonight's, in the
  // chapter's own day), so the screen finds it here instead of asking after the list has come.
  void Promise.all([chapter, meetings])
    .then(([c, list]: [Chapter | null, Meeting[]]) => {
      if (!c) return;
      setChapterTimeZone(c.timeZone);
      setChapterLocale(c.locale);
      const opening = defaultMeeting(mergeMeetingPages(list, meetingsPerPage).meetings, chapterToday());
      if (opening) keep<MeetingSheet>(earlyKeys.sheet(opening.id), ledger.getMeetingSheet({ meetingId: opening.id }));
    })
    .catch(() => {});
}
