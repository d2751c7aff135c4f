// The chapter's time zone: an IANA name ("America/Los_Angeles"). Every printed time is in it, with
// its abbreviation; an empty setting means the computer's own zone.

/** The computer's time zone, as the operating system reports it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True when this computer knows `name` as an IANA time zone. */
export function isKnownTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone a chapter's times print in: its setting, or the computer's. */
export function chapterTimeZone(setting: string | null | undefined): string {
  return setting && isKnownTimeZone(setting) ? setting : systemTimeZone();
}

/** "Nov 23, 2026, 8:32 PM PST": date and time in the zone, with the zone's abbreviation. */
export function formatInstant(at: Date, locale: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${parts} ${zone}`;
}

/** The calendar day (YYYY-MM-DD) it is at `at` in the zone. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
