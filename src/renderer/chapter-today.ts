// "Today" on the leadership screens is the chapter's day (its time-zone setting), the same day the
// services check dates against, so a date the form fills in by default is never refused as "future".
import { todayIso } from '../shared/dates';
import { chapterTimeZone, dayIn } from '../shared/time-zone';

let zone: string | null = null;

/** Called by the app shell whenever the chapter (and so its time-zone setting) is loaded. */
export function setChapterTimeZone(setting: string | null | undefined): void {
  zone = chapterTimeZone(setting);
}

export function chapterToday(now: Date = new Date()): string {
  return zone ? dayIn(now, zone) : todayIso(now);
}

/** The zone the screens print times in: the chapter's setting, or this computer's until a chapter is loaded. */
export function chapterZone(): string {
  return zone ?? chapterTimeZone(null);
}
