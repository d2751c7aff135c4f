// Money is an integer number of minor units (cents, pence, paise) plus the chapter's currency.
// Typed amounts are parsed as text, never through floating point, so "1,250.50" is exactly 125050.

// Building an Intl.NumberFormat costs far more than using one: keep one per currency and locale.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = make()));
  return found;
}

// resolvedOptions() builds a fresh object each call: an import of 100,000 amounts asks once per currency.
const digitsByCurrency = new Map<string, number>();
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = formatter(`digits:${currency}`, () => new Intl.NumberFormat('en', { style: 'currency', currency })).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

// A locale's marks and a currency's signs never change while the app runs: worked out once each
// (building the formatters cost about 1.5 ms a TYFCB slip, most of what saving one took).
const separatorsByLocale = new Map<string, { decimal: string; group: string }>();
function separators(locale: string): { decimal: string; group: string } {
  let found = separatorsByLocale.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorsByLocale.set(locale, found);
  }
  return found;
}

/**
 * Digits as ASCII and marks as the locale writes them: full-width "￥１，２５５" (NFKC), Arabic-Indic
 * "١٫٢٥٥" and Devanagari "१२५५" digits, without the invisible direction marks right-to-left text carries.
 */
function normalizeDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966))
    .trim();
}

/** The currency's own signs as this locale and English print them ("￥", "د.ك.", "BHD", "BD"), taken off either end. */
const signsByCurrency = new Map<string, string[]>();
function currencySigns(currency: string, locale: string): string[] {
  const key = `${currency} ${locale}`;
  const known = signsByCurrency.get(key);
  if (known) return known;
  const signs = new Set<string>([currency]);
  for (const loc of [locale, 'en']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
      try {
        const parts = new Intl.NumberFormat(loc, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
        const sign = parts.find((p) => p.type === 'currency')?.value;
        if (sign) signs.add(normalizeDigits(sign));
      } catch {
        // An engine without narrowSymbol: the other forms still apply.
      }
    }
  }
  const longestFirst = [...signs].sort((a, b) => b.length - a.length);
  signsByCurrency.set(key, longestFirst);
  return longestFirst;
}

function stripCurrency(text: string, currency: string, locale: string): string {
  let cleaned = text;
  for (const sign of currencySigns(currency, locale)) {
    if (cleaned.startsWith(sign)) cleaned = cleaned.slice(sign.length).trim();
    if (cleaned.endsWith(sign)) cleaned = cleaned.slice(0, -sign.length).trim();
  }
  return cleaned;
}

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * Parses what a secretary types ("1,250.50", "1.250,50" in de-DE, "Rs. 2,60,000", "$300") into
 * minor units. Refuses negative amounts, letters and more decimals than the currency has.
 */
export function parseMoney(text: string, currency: string, locale: string, label = 'Amount'): MoneyParse {
  const digits = minorDigits(currency);
  const { decimal, group } = separators(locale);
  let cleaned = stripCurrency(normalizeDigits(text), currency, locale);
  cleaned = cleaned.replace(/^(rs\.?|inr|usd|eur|gbp|[$€£₹¥])\s*/i, '').replace(/\s*(rs\.?|[$€£₹¥]|[a-z]{3})$/i, '');
  if (cleaned === '') return { ok: false, message: `Enter ${label.toLowerCase()}, e.g. ${example(digits, decimal)}.` };
  if (cleaned.startsWith('-')) return { ok: false, message: `${label} cannot be negative.` };
  // Grouping marks: the locale's own, plus spaces and apostrophes; "," too when the decimal mark is ".".
  const groupMarks = new Set([group, ' ', '\u00a0', '\u202f', "'", ...(decimal === '.' ? [','] : [])]);
  cleaned = [...cleaned].filter((ch) => !groupMarks.has(ch)).join('');
  if (decimal !== '.') cleaned = cleaned.replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: `${label} must be a number, e.g. ${example(digits, decimal)}.` };
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${label} in ${currency} has no decimals.` : `${label} can have at most ${digits} decimals in ${currency}.`,
    };
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 1e13) return { ok: false, message: `${label} is too large.` };
  return { ok: true, minor };
}

function example(digits: number, decimal: string): string {
  return digits === 0 ? '1250' : `1250${decimal}${'5'.padEnd(digits, '0')}`;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return formatter(`money:${currency}:${locale}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(minor / 10 ** digits);
}

/** The amount as the secretary would type it back in (for editing a saved slip). */
export function minorToInput(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
}

/**
 * The amount with no currency sign, as BNI Connect's exports write money: at least two decimals, and
 * every minor digit the currency has (a KWD or BHD amount keeps its third decimal; nothing is rounded).
 */
export function minorToPlainAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const shown = Math.max(2, digits);
  const scaled = BigInt(minor) * 10n ** BigInt(shown - digits);
  const sign = scaled < 0n ? '-' : '';
  const abs = (scaled < 0n ? -scaled : scaled).toString().padStart(shown + 1, '0');
  return `${sign}${abs.slice(0, -shown)}.${abs.slice(-shown)}`;
}

/** Minor units as a plain number in the currency's main unit, for a chart's axis (¥1,200 is 1200, KWD 1.250 is 1.25). */
export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}
