// Numbers and dates as a file writes them, whatever the chapter's own locale: BNI Connect exports in
// the running user's format, so a German secretary may import a file an American officer downloaded.
// A Number cell is a number; a text amount is read by its own punctuation; a date by the file's own
// order (day or month first), settled by any day above 12 in the file, otherwise asked.
import { isRealIsoDate } from '../shared/fields';
import { minorDigits } from '../shared/money';

export type AmountReading = { ok: true; minor: number } | { ok: false; message: string };

// Currency signs and codes BNI Connect and spreadsheets put before or after an amount.
const currencyMarks = /^(?:[A-Z]{3}|NT\$|HK\$|S\$|A\$|C\$|R\$|Rs\.?|kr|zł|[$€£₹¥￥₩₽₺฿₫₱])\s*|\s*(?:[A-Z]{3}|Rs\.?|kr|zł|[$€£₹¥￥₩₽₺฿₫₱])$/i;

// Which currencies a sign may stand for: "$" is the chapter's own in USD, CAD, AUD…; "€" only in EUR.
const signCurrencies: Record<string, string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP', 'BRL'],
  'nt$': ['TWD'], 'hk$': ['HKD'], 's$': ['SGD'], 'a$': ['AUD'], 'c$': ['CAD'], 'r$': ['BRL'],
  '€': ['EUR'], '£': ['GBP'], '₹': ['INR'], rs: ['INR', 'PKR', 'LKR', 'NPR'], 'rs.': ['INR', 'PKR', 'LKR', 'NPR'],
  '¥': ['JPY', 'CNY'], '￥': ['JPY', 'CNY'], '₩': ['KRW'], '₽': ['RUB'], '₺': ['TRY'], '฿': ['THB'], '₫': ['VND'], '₱': ['PHP'],
  kr: ['SEK', 'NOK', 'DKK', 'ISK'], 'zł': ['PLN'],
};
// Three letters are a currency only when they are a real ISO code ("EUR", "usd"): "abc" in an amount cell is not money in "ABC".
const isoCodes = new Set(Intl.supportedValuesOf('currency'));
const notACurrency = (mark: string) => /^[a-z]{3}$/i.test(mark) && !isoCodes.has(mark.toUpperCase());

/** The currency a sign or code names when it cannot be the chapter's own; null when it can. */
function foreignCurrency(mark: string, currency: string): string | null {
  const key = mark.toLowerCase();
  const own = currency.toUpperCase();
  if (/^[a-z]{3}$/i.test(mark) && !signCurrencies[key]) return mark.toUpperCase() === own ? null : mark.toUpperCase();
  const may = signCurrencies[key];
  if (!may || may.includes(own)) return null;
  return may.length === 1 ? may[0]! : (signWords[key] ?? mark);
}
const signWords: Record<string, string> = { $: 'dollars', '¥': 'yen or yuan', '￥': 'yen or yuan', rs: 'rupees', 'rs.': 'rupees', kr: 'kronor or kroner' };

/**
 * Whose money an amount's sign says it is: 'own' (the chapter's currency, or a sign that may stand for
 * it), 'none' (no sign or code: a bare number), else the other currency's name ("dollars", "GBP").
 */
export function amountCurrency(text: string, currency: string): string {
  const mark = currencyMarks.exec(text.trim().replace(/[\u00a0\u202f]/g, ' '))?.[0]?.trim();
  if (!mark || notACurrency(mark)) return 'none';
  return foreignCurrency(mark, currency) ?? 'own';
}

/**
 * An amount read by its own punctuation: "$1,250.50", "1.250,50 €", "₹1,25,000", "1 250,50", "1'250.50",
 * "664582.00". A single mark followed by exactly three digits ("1,250") is a thousands mark unless the
 * currency itself has three decimals, where the reading is truly ambiguous and the row asks.
 * `numberCell`: the spreadsheet stored a number, written with "." and no grouping.
 */
export function readAmount(text: string, currency: string, label: string, numberCell = false): AmountReading {
  const digits = minorDigits(currency);
  let t = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  for (let i = 0; i < 2; i++) {
    const mark = currencyMarks.exec(t)?.[0]?.trim();
    if (mark && notACurrency(mark)) break;
    const foreign = mark ? foreignCurrency(mark, currency) : null;
    if (foreign) return { ok: false, message: `${label} ${text.trim()} is in ${foreign}; this chapter keeps ${currency}: fix the amount or skip the row` };
    t = t.replace(currencyMarks, '').trim();
  }
  if (t === '') return { ok: false, message: `${label} is empty` };
  if (/^[-−(]/.test(t)) return { ok: false, message: `${label} "${text.trim()}" is negative` };
  let whole: string;
  let fraction: string;
  if (numberCell) {
    const m = /^(\d+)(?:\.(\d+))?(?:[eE][+-]?\d+)?$/.exec(t);
    if (!m || /e/i.test(t)) {
      const n = Number(t);
      if (!Number.isFinite(n)) return { ok: false, message: `${label} "${text.trim()}" is not a number` };
      [whole, fraction = ''] = n.toFixed(Math.max(digits, 0)).split('.') as [string, string?];
    } else {
      whole = m[1]!;
      fraction = m[2] ?? '';
    }
  } else {
    const compact = t.replace(/[ ']/g, '');
    if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return { ok: false, message: `${label} "${text.trim()}" is not an amount` };
    const marks = [...compact].filter((c) => c === '.' || c === ',');
    const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
    let decimalAt = -1;
    if (marks.length > 0) {
      const kinds = new Set(marks);
      const after = compact.length - last - 1;
      if (kinds.size === 2) decimalAt = last; // "1.250,50" or "1,250.50": the last mark is the decimal one.
      else if (marks.length > 1) decimalAt = -1; // "1,25,000" or "1.250.000": grouping only.
      else if (after !== 3) decimalAt = last; // "1250,5", "12.50"
      else if (digits === 3 && last <= 3 && !/^0+$/.test(compact.slice(0, last))) {
        // "1.250" in dinars: a thousands mark or three decimals; only the secretary knows.
        const [int, frac] = [compact.slice(0, last), compact.slice(last + 1)];
        return { ok: false, message: `${label} "${text.trim()}" could be ${int}${frac} or ${int}.${frac} ${currency}: correct it as ${int}${frac}.000 or ${int}.${frac}0` };
      } else if (digits === 3) decimalAt = last; // "1250.000" (four digits before the mark) or "0.250" (no number starts with a zero thousands group): decimals.
      else decimalAt = -1; // "1,250" in a currency with 0 or 2 decimals can only be one thousand two hundred fifty.
    }
    const intPart = decimalAt >= 0 ? compact.slice(0, decimalAt) : compact;
    fraction = decimalAt >= 0 ? compact.slice(decimalAt + 1) : '';
    const groupMark = intPart.match(/[.,]/)?.[0];
    if (groupMark) {
      const groups = intPart.split(groupMark);
      // Western (1,250,000) or Indian (12,50,000) grouping; anything else is not a number someone wrote.
      const western = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
      const indian = groups.length >= 2 && groups.at(-1)!.length === 3 && groups.slice(1, -1).every((g) => g.length === 2) && groups[0]!.length <= 2;
      if (groups.some((g) => !/^\d+$/.test(g)) || new Set(intPart.match(/[.,]/g)).size > 1 || (!western && !indian)) {
        return { ok: false, message: `${label} "${text.trim()}" is not an amount` };
      }
    }
    whole = intPart.replace(/[.,]/g, '');
    if (!/^\d*$/.test(fraction)) return { ok: false, message: `${label} "${text.trim()}" is not an amount` };
  }
  // Decimals beyond the currency's are kept only when they are zeros ("664582.00" in yen): nothing is rounded.
  if (fraction.length > digits) {
    if (/^0*$/.test(fraction.slice(digits))) fraction = fraction.slice(0, digits);
    else return { ok: false, message: digits === 0 ? `${label} "${text.trim()}" has decimals, but ${currency} has none` : `${label} "${text.trim()}" has more than ${digits} decimals, which ${currency} does not have` };
  }
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > 1e13) return { ok: false, message: `${label} "${text.trim()}" is too large` };
  return { ok: true, minor };
}

/** A plain count ("2", "1.5", "1,5"): decimals as the file wrote them; never rounded. */
export function readCount(text: string, numberCell = false): number | null {
  const t = text.trim();
  if (!t) return null;
  const normal = numberCell ? t : t.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

export type DateOrder = 'dmy' | 'mdy';

/** A date the file wrote with day and month as numbers. ISO and year-first dates need no order. */
export interface DateText {
  text: string;
  iso: string | null;
  /** Readings when the order matters: both set means the text alone cannot tell. */
  dmy: string | null;
  mdy: string | null;
}

const pad = (n: string) => n.padStart(2, '0');

export function parseDateText(raw: string): DateText {
  const text = raw.trim();
  const isoLike = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (isoLike) {
    const iso = `${isoLike[1]}-${isoLike[2]}-${isoLike[3]}`;
    return { text, iso: isRealIsoDate(iso) ? iso : null, dmy: null, mdy: null };
  }
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (ymd) {
    const iso = `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}`;
    return { text, iso: isRealIsoDate(iso) ? iso : null, dmy: null, mdy: null };
  }
  const ab = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(text);
  if (ab) {
    const dmy = `${ab[3]}-${pad(ab[2]!)}-${pad(ab[1]!)}`;
    const mdy = `${ab[3]}-${pad(ab[1]!)}-${pad(ab[2]!)}`;
    const d = isRealIsoDate(dmy) ? dmy : null;
    const m = isRealIsoDate(mdy) ? mdy : null;
    // The same day either way (05/05/2026) needs no order.
    if (d && d === m) return { text, iso: d, dmy: null, mdy: null };
    return { text, iso: null, dmy: d, mdy: m };
  }
  return { text, iso: null, dmy: null, mdy: null };
}

export interface FileDateOrder {
  /** The order the file's own dates settle, or null when every date reads both ways. */
  order: DateOrder | null;
  /** Dates that fit neither the settled order: each one is a problem. */
  conflicting: boolean;
  /** An example of a date that reads both ways, to show in the preview. */
  example: { text: string; dmy: string; mdy: string } | null;
}

/** The file's convention, from all the day-and-month dates it holds: any day above 12 settles it. */
export function fileDateOrder(texts: string[]): FileDateOrder {
  let dayFirst = false;
  let monthFirst = false;
  let example: FileDateOrder['example'] = null;
  for (const raw of texts) {
    const d = parseDateText(raw);
    if (d.dmy && !d.mdy) dayFirst = true;
    else if (d.mdy && !d.dmy) monthFirst = true;
    else if (d.dmy && d.mdy && !example) example = { text: d.text, dmy: d.dmy, mdy: d.mdy };
  }
  if (dayFirst && monthFirst) return { order: null, conflicting: true, example };
  return { order: dayFirst ? 'dmy' : monthFirst ? 'mdy' : null, conflicting: false, example };
}

/** The date in the given order; null when it is not a date, or when it needs an order nobody gave. */
export function dateIn(raw: string, order: DateOrder | null): string | null {
  const d = parseDateText(raw);
  if (d.iso) return d.iso;
  if (!order) return null;
  return order === 'dmy' ? d.dmy : d.mdy;
}

/** "04/03/2025 is 4 March 2025 (day first) or 3 April 2025 (month first)". */
export function describeBothReadings(example: { text: string; dmy: string; mdy: string }): string {
  return `${example.text} is ${longDate(example.dmy)} if the day comes first, or ${longDate(example.mdy)} if the month comes first`;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

/** Joins sentence parts and ends with exactly one full stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, '');
  return `${t}.`;
}
