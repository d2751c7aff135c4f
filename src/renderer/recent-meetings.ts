// The meetings the Meeting and Reports screens offer in their meeting choice: the most recent year (52
// meetings) and every draft however old, newest first, with "Older meetings…" at the end to fetch the
// year before, and so on. A ten-year chapter's 520 meetings (with their slip counts) are no longer read
// and put into one list each time the screen opens or a slip is saved; a normal night is unchanged,
// tonight's meeting and the open drafts are all in the first page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting } from '../shared/contract';
import { ledger } from './client';
import { earlyKeys, firstMeetingsPage, takeEarly } from './early';
import { meetingsPerPage, mergeMeetingPages, oldestShown } from './meeting-pages';

export { meetingsPerPage, mergeMeetingPages, olderMeetingsValue } from './meeting-pages';

/**
 * useQuery's shape (data, error, loading, reload, patch) plus the older pages on demand. `include`: a
 * meeting the screen was opened on (Reports from an old meeting's Print), listed even when older.
 */
export function useRecentMeetings(include: string | null = null) {
  const [data, setData] = useState<Meeting[]>();
  const [hasOlder, setHasOlder] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  /** How many of the newest meetings are shown: a reload keeps the older pages the user fetched. */
  const shown = useRef(meetingsPerPage);
  const reload = useCallback(async (): Promise<{ meetings: Meeting[]; hasOlder: boolean } | null> => {
    setLoading(true);
    try {
      const limit = Math.min(1000, shown.current + 1);
      // The first page may have been asked as the window opened (early.ts): the same question.
      const ask = () => ledger.listMeetings({ limit, includeDrafts: true });
      const answer = limit === firstMeetingsPage.limit ? await takeEarly(earlyKeys.meetings, ask) : await ask();
      const merged = mergeMeetingPages(answer, Math.min(shown.current, limit));
      if (include && !merged.meetings.some((m) => m.id === include)) {
        const opened = (await ledger.getMeetingSheet({ meetingId: include })).meeting;
        merged.meetings = mergeMeetingPages([...merged.meetings, opened], merged.meetings.length + 1).meetings;
      }
      setData(merged.meetings);
      setHasOlder(merged.hasOlder);
      setError(null);
      return merged;
    } catch (e) {
      setError(e as Error);
      return null;
    } finally {
      setLoading(false);
    }
  }, [include]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const showOlder = useCallback(async () => {
    shown.current += meetingsPerPage;
    await reload();
  }, [reload]);
  /** Older pages until the list reaches back to a day (a date typed in the meeting choice: "2019-05"). */
  const showBackTo = useCallback(
    async (day: string) => {
      let list = data ?? [];
      for (let i = 0; i < 40 && shown.current < 1000; i++) {
        const oldest = oldestShown(list);
        if (oldest !== null && oldest <= day) break;
        // About as many weekly meetings as lie between the oldest shown and that day, in whole pages.
        const weeks = oldest ? Math.ceil((Date.parse(oldest) - Date.parse(day)) / (7 * 86_400_000)) + 1 : meetingsPerPage;
        shown.current += Math.max(1, Math.ceil(weeks / meetingsPerPage)) * meetingsPerPage;
        const merged = await reload();
        if (!merged || !merged.hasOlder) break;
        list = merged.meetings;
      }
    },
    [reload, data],
  );
  return { data, error, loading, reload, patch: setData, hasOlder, showOlder, showBackTo };
}
