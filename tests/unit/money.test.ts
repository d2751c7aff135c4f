import { describe, expect, it } from 'vitest';
import { formatMoney, minorToMajor, parseMoney } from '../../src/shared/money';

describe('typing an amount', () => {
  it.each([
    ['1,250.50', 'USD', 'en-US', 125050],
    ['$1,250.50', 'USD', 'en-US', 125050],
    ['300', 'USD', 'en-US', 30000],
    ['0.1', 'USD', 'en-US', 10],
    ['1.250,50', 'EUR', 'de-DE', 125050],
    ['1250,5', 'EUR', 'de-DE', 125050],
    ['Rs. 2,60,000.00', 'INR', 'en-IN', 26000000],
    ['£99.99', 'GBP', 'en-GB', 9999],
    ['5000', 'JPY', 'ja-JP', 5000],
  ])('%s in %s (%s) is %i minor units', (text, currency, locale, minor) => {
    expect(parseMoney(text, currency, locale)).toEqual({ ok: true, minor });
  });

  it.each([
    ['12.345', 'USD', 'en-US', 'Amount can have at most 2 decimals in USD.'],
    ['-50', 'USD', 'en-US', 'Amount cannot be negative.'],
    ['ten dollars', 'USD', 'en-US', 'Amount must be a number, e.g. 1250.50.'],
    ['', 'USD', 'en-US', 'Enter amount, e.g. 1250.50.'],
    ['12.5', 'JPY', 'ja-JP', 'Amount in JPY has no decimals.'],
  ])('%s in %s is refused: %s', (text, currency, locale, message) => {
    expect(parseMoney(text, currency, locale)).toEqual({ ok: false, message });
  });

  // A German secretary typing the placeholder's way, an American one the European way: a lone mark before the cents
  // cannot be a thousands mark, so the amount is read as meant, never as a hundred times it.
  it.each([
    ['1250.00', 'EUR', 'de-DE', 125000],
    ['499.99', 'EUR', 'de-DE', 49999],
    ['1.25', 'EUR', 'de-DE', 125],
    ['1.250', 'EUR', 'de-DE', 125000],
    ['1.000.000', 'EUR', 'de-DE', 100000000],
    ['1250,00', 'USD', 'en-US', 125000],
    ['12,5', 'USD', 'en-US', 1250],
    ['1,250', 'USD', 'en-US', 125000],
    ['2,60,000', 'INR', 'en-IN', 26000000],
    ["1'250.50", 'CHF', 'de-CH', 125050],
    ['1 250,50', 'EUR', 'fr-FR', 125050],
  ])('%s in %s (%s) is %i minor units, whichever way the decimal point was typed', (text, currency, locale, minor) => {
    expect(parseMoney(text, currency, locale)).toEqual({ ok: true, minor });
  });

  it.each([
    ['12.50.000', 'EUR', 'de-DE', 'Amount "12.50.000" is not an amount as this chapter writes one: write it like 1250,50 (a comma before the cents).'],
    ['1,2,3', 'USD', 'en-US', 'Amount "1,2,3" is not an amount as this chapter writes one: write it like 1250.50 (a point before the cents).'],
    ['1,25', 'JPY', 'ja-JP', 'Amount "1,25" is not an amount as this chapter writes one: write it like 1250 (JPY has no decimals).'],
  ])('%s in %s (%s), whose marks group nothing, is refused with the way to write it', (text, currency, locale, message) => {
    expect(parseMoney(text, currency, locale)).toEqual({ ok: false, message });
  });

  // An American habit in a German chapter: refused (never read as 1,25050 €), and told how this chapter writes it.
  it.each([
    ['1,250.50', 'Amount "1,250.50" has its marks the other way round for this chapter: write it like 1.250,50 (a point between thousands, a comma before the cents) or without a point, 1250,50.'],
    ['1,250', 'Amount "1,250" has its marks the other way round for this chapter: write it like 1.250,50 (a point between thousands, a comma before the cents) or without a point, 1250,50.'],
  ])('%s in a German chapter is refused with how this chapter writes an amount', (text, message) => {
    expect(parseMoney(text, 'EUR', 'de-DE')).toEqual({ ok: false, message });
  });

  it('formats minor units in the chapter currency and locale', () => {
    expect(formatMoney(125050, 'USD', 'en-US')).toBe('$1,250.50');
    expect(formatMoney(125050, 'EUR', 'de-DE')).toBe('1.250,50\u00a0€');
    expect(formatMoney(26000000, 'INR', 'en-IN')).toBe('₹2,60,000.00');
  });
});

describe('the revenue-by-month chart draws amounts in the currency’s own unit', () => {
  it('yen have no minor digits, dollars two, dinars three: the axis shows 1200 yen, 12 dollars, 1.25 dinars', () => {
    expect(minorToMajor(1200, 'JPY')).toBe(1200);
    expect(minorToMajor(1200, 'USD')).toBe(12);
    expect(minorToMajor(1250, 'KWD')).toBe(1.25);
  });
});
