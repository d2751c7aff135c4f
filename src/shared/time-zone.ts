// The chapter's time zone: an IANA name ("America/Los_Angeles"). Every printed time is in it, with
// its abbreviation; an empty setting means the computer's own zone.

/**
 * The computer's time zone, as the operating system reports it. Building the formatter that says so
 * costs ~0.4 ms, and every save and every analytic screen asks for the chapter's day: the answer is
 * kept until the process's TZ setting changes (the only way the zone changes under a running Node;
 * the tests move it that way).
 */
let systemZone: { tz: string | undefined; zone: string } | null = null;
export function systemTimeZone(): string {
  const tz = typeof process === 'undefined' ? undefined : process.env?.TZ;
  if (systemZone && systemZone.tz === tz) return systemZone.zone;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  systemZone = { tz, zone };
  return zone;
}

/** True when this computer knows `name` as an IANA time zone. */
export function isKnownTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  return dayFormat(name) !== null;
}

// Building an Intl.DateTimeFormat costs far more than using one, and every save asks the chapter's
// day: one formatter per zone, kept (null: a zone this computer does not know).
const dayFormats = new Map<string, Intl.DateTimeFormat | null>();
function dayFormat(timeZone: string): Intl.DateTimeFormat | null {
  let found = dayFormats.get(timeZone);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      found = null;
    }
    dayFormats.set(timeZone, found);
  }
  return found;
}

/** The zone a chapter's times print in: its setting, or the computer's. */
export function chapterTimeZone(setting: string | null | undefined): string {
  return setting && isKnownTimeZone(setting) ? setting : systemTimeZone();
}

/** "Nov 23, 2026, 8:32 PM PST": date and time in the zone, with the zone's abbreviation. */
export function formatInstant(at: Date, locale: string, timeZone: string): string {
  const { when, zoneName } = instantFormats(locale, timeZone);
  const zone = zoneName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${when.format(at)} ${zone}`;
}

// The audit log prints a hundred times a page: its two formatters were built afresh for each (a third of the
// screen's script time on a ten-year chapter). Kept per locale and zone, as the day's formatter is.
const instantFormatters = new Map<string, { when: Intl.DateTimeFormat; zoneName: Intl.DateTimeFormat }>();
function instantFormats(locale: string, timeZone: string) {
  const key = `${locale}\u0000${timeZone}`;
  let found = instantFormatters.get(key);
  if (!found) {
    // Built before it is kept: a locale or zone Intl refuses throws here each time, as it did, and is never kept.
    found = { when: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }), zoneName: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }) };
    instantFormatters.set(key, found);
  }
  return found;
}

/** The calendar day (YYYY-MM-DD) it is at `at` in the zone. */
export function dayIn(at: Date, timeZone: string): string {
  const format = dayFormat(timeZone);
  // An unknown zone throws as Intl itself does (callers pass a zone chapterTimeZone checked).
  return (format ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);
}

/** An instant as the ledger stores it: ISO with a zone, or SQLite's "2026-11-23 15:31:00" (UTC). */
export function storedInstant(at: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at.replace(' ', 'T')}Z`);
}

// Intl lists some zones by their old CLDR names ("Asia/Calcutta"); people look for today's IANA name.
const currentNames: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** A zone under the name people use today ("Asia/Kolkata" for "Asia/Calcutta"), when this computer knows it. */
export function currentZoneName(name: string): string {
  const current = currentNames[name];
  return current && isKnownTimeZone(current) ? current : name;
}

/** A zone as this computer spells it, under today's name: "europe/berlin" is saved as Europe/Berlin. */
export function canonicalZoneName(name: string): string {
  return currentZoneName(dayFormat(name)?.resolvedOptions().timeZone ?? name);
}

/**
 * The zones the Settings picker offers: every zone this computer knows, under today's names (Asia/Kolkata,
 * Europe/Kyiv, Asia/Ho_Chi_Minh), the computer's own first, each once.
 */
export function timeZoneChoices(known: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []): string[] {
  const own = currentZoneName(systemTimeZone());
  return [...new Set([own, ...known.map(currentZoneName)])];
}
