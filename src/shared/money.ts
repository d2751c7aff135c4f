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

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * Parses what a secretary types ("1,250.50", "1.250,50" in de-DE, "Rs. 2,60,000", "$300") into
 * minor units. Refuses negative amounts, letters and more decimals than the currency has.
 */
export function parseMoney(text: string, currency: string, locale: string, label = 'Amount'): MoneyParse {
  const digits = minorDigits(currency);
  const { decimal, group } = separators(locale);
  let cleaned = text.trim().replace(/^(rs\.?|inr|usd|eur|gbp|[$€£₹¥])\s*/i, '').replace(/\s*(rs\.?|[$€£₹¥]|[a-z]{3})$/i, '');
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

/** The amount with exactly two decimals and no currency sign, as BNI Connect's exports write money. */
export function minorToPlainTwoDecimals(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const cents = digits === 2 ? minor : digits < 2 ? minor * 10 ** (2 - digits) : Math.round(minor / 10 ** (digits - 2));
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
