// "Today" on the leadership screens is the chapter's day (its time-zone setting), the same day the
// services check dates against, so a date the form fills in by default is never refused as "future".
import { todayIso } from '../shared/dates';
import { chapterTimeZone, dayIn } from '../shared/time-zone';

let zone: string | null = null;
let locale: string | null = null;

/** Called by the app shell whenever the chapter (and so its time-zone setting) is loaded. */
export function setChapterTimeZone(setting: string | null | undefined): void {
  zone = chapterTimeZone(setting);
}

/** Called with the time zone: the chapter's locale, in which every screen writes dates, times and numbers. */
export function setChapterLocale(setting: string | null | undefined): void {
  locale = setting || null;
}

/** The chapter's locale ("de-DE": 24.11.2026, 1,4 MB), or this computer's language until a chapter is loaded. */
export function chapterLocale(): string {
  return locale ?? (typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US');
}

export function chapterToday(now: Date = new Date()): string {
  return zone ? dayIn(now, zone) : todayIso(now);
}

/** The zone the screens print times in: the chapter's setting, or this computer's until a chapter is loaded. */
export function chapterZone(): string {
  return zone ?? chapterTimeZone(null);
}
