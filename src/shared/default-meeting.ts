// Which meeting the Meeting screen opens on: tonight's, never a future one by accident.
import { addDays } from './dates';

interface MeetingLike {
  id: string;
  meetingOn: string;
  status: 'draft' | 'completed' | 'cancelled';
}

/**
 * Today's meeting; else the newest draft up to today (a meeting not yet closed); else a draft in the
 * coming week (prepared ahead); else the newest meeting up to today. A mistyped date months ahead is
 * never chosen unless it is the only meeting there is.
 */
export function defaultMeeting<T extends MeetingLike>(meetings: readonly T[], today: string): T | undefined {
  const live = meetings.filter((m) => m.status !== 'cancelled');
  const newestFirst = [...live].sort((a, b) => (a.meetingOn < b.meetingOn ? 1 : -1));
  return (
    newestFirst.find((m) => m.meetingOn === today) ??
    newestFirst.find((m) => m.status === 'draft' && m.meetingOn <= today) ??
    [...newestFirst].reverse().find((m) => m.status === 'draft' && m.meetingOn > today && m.meetingOn <= addDays(today, 7)) ??
    newestFirst.find((m) => m.meetingOn <= today) ??
    [...newestFirst].reverse()[0] ??
    meetings[0]
  );
}
