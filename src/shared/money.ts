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
const separatorsByLocale = new Map<string, { decimal: string; group: string; lakh: boolean }>();
function separators(locale: string): { decimal: string; group: string; lakh: boolean } {
  let found = separatorsByLocale.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      // Indian grouping (12,34,567): groups of two before the last three.
      lakh: /^12\D34\D567$/.test(new Intl.NumberFormat(locale).format(1234567)),
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
  const { decimal, group, lakh } = separators(locale);
  let cleaned = stripCurrency(normalizeDigits(text), currency, locale);
  cleaned = cleaned.replace(/^(rs\.?|inr|usd|eur|gbp|[$€£₹¥])\s*/i, '').replace(/\s*(rs\.?|[$€£₹¥]|[a-z]{3})$/i, '');
  if (cleaned === '') return { ok: false, message: `Enter ${label.toLowerCase()}, e.g. ${example(digits, decimal)}.` };
  if (cleaned.startsWith('-')) return { ok: false, message: `${label} cannot be negative.` };
  // Grouping marks: the locale's own, plus spaces and apostrophes; "," too when the decimal mark is ".".
  const groupMarks = new Set([group, ' ', '\u00a0', '\u202f', "'", ...(decimal === '.' ? [','] : [])]);
  const grouping = checkGrouping(cleaned, decimal, groupMarks, digits, lakh);
  if (grouping === 'not-grouping') return { ok: false, message: `${label} "${text.trim()}" is not an amount as this chapter writes one: write it like ${example(digits, decimal)}${digits === 0 ? ` (${currency} has no decimals)` : ` (${decimal === ',' ? 'a comma' : 'a point'} before the cents)`}.` };
  if (grouping === 'decimal-written-the-other-way') {
    // "1250.00" in a German chapter, "1250,00" in an American one: one mark followed by no more digits
    // than the currency's decimals cannot be a thousands mark, so it is the decimal point typed the other way
    // (read as it was meant instead of 100 times the amount; the row shows the amount as saved).
    cleaned = cleaned.replace(/[.,]/, '.');
  } else {
    cleaned = [...cleaned].filter((ch) => !groupMarks.has(ch)).join('');
    if (decimal !== '.') cleaned = cleaned.replace(decimal, '.');
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: `${label} must be a number, e.g. ${example(digits, decimal)}.` };
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    // "1,250.50" or "1,250" in a German chapter: the marks typed the other way round. Said with how this
    // chapter writes the amount, not as a rule about decimals the secretary did not mean to type.
    const typed = text.trim();
    const otherWay = digits > 0 && decimal === ',' && /\d,\d{3}(?!\d)/.test(typed);
    if (otherWay) {
      return { ok: false, message: `${label} "${typed}" has its marks the other way round for this chapter: write it like ${grouped(digits, locale)} (a point between thousands, a comma before the cents) or without a point, ${example(digits, decimal)}.` };
    }
    return {
      ok: false,
      message: digits === 0 ? `${label} in ${currency} has no decimals.` : `${label} can have at most ${digits} decimals in ${currency}.`,
    };
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 1e13) return { ok: false, message: `${label} is too large.` };
  return { ok: true, minor };
}

/**
 * Whether the marks in the whole part of an amount group its thousands: after the first group every
 * group has three digits (two before the last three in a chapter that writes the Indian lakh grouping, "2,60,000").
 */
function checkGrouping(text: string, decimal: string, groupMarks: Set<string>, digits: number, lakh: boolean): 'ok' | 'decimal-written-the-other-way' | 'not-grouping' {
  const decimalAt = text.indexOf(decimal);
  const whole = decimalAt === -1 || groupMarks.has(decimal) ? text : text.slice(0, decimalAt);
  const groups: string[] = [''];
  const marks: string[] = [];
  for (const ch of whole) {
    if (groupMarks.has(ch)) {
      groups.push('');
      marks.push(ch);
    } else groups[groups.length - 1] += ch;
  }
  // Nothing to group, or not digits at all ("ten dollars"): the number check that follows says what is wrong.
  if (groups.length === 1 || !groups.every((g) => /^\d+$/.test(g))) return 'ok';
  const last = groups[groups.length - 1]!;
  const grouped = groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1, -1).every((g) => g.length === 3 || (lakh && g.length === 2)) && last.length === 3;
  if (grouped) return 'ok';
  const lonePoint = marks.length === 1 && (marks[0] === '.' || marks[0] === ',') && decimalAt === -1;
  if (lonePoint && digits > 0 && last.length >= 1 && last.length <= digits) return 'decimal-written-the-other-way';
  return 'not-grouping';
}

/** How this chapter writes an amount, for a field's placeholder: "1250.50" in dollars, "1250,50" in a German chapter, "1250" in yen. */
export function amountExample(currency: string, locale: string): string {
  return example(minorDigits(currency), separators(locale).decimal);
}

/** 1250.5 as this chapter writes it with its thousands mark: "1.250,50" in a German chapter. */
function grouped(digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }).format(1250.5);
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
