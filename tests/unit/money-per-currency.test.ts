import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAllTables } from '../../src/exports/exports';
import { saveChapter, getChapter } from '../../src/services/chapter';
import { addMember } from '../../src/services/members';
import { formatMoney, minorDigits, minorToInput, minorToPlainAmount, parseMoney } from '../../src/shared/money';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { squeeze } from '../support/pdf-layout';
import { pdfText } from '../support/pdf-text';

/** Currencies with 0, 2 and 3 minor digits, each in a locale that writes it. */
const chapters = [
  { currency: 'JPY', locale: 'ja-JP', digits: 0 },
  { currency: 'USD', locale: 'en-US', digits: 2 },
  { currency: 'EUR', locale: 'de-DE', digits: 2 },
  { currency: 'INR', locale: 'en-IN', digits: 2 },
  { currency: 'KWD', locale: 'ar-KW', digits: 3 },
  { currency: 'BHD', locale: 'en-BH', digits: 3 },
] as const;

/** The plain amount read back with string arithmetic only, so a float can never hide a lost digit. */
const plainToMinor = (plain: string, digits: number) => {
  const [whole, fraction = ''] = plain.split('.');
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  expect(fraction.slice(digits).replace(/0/g, '')).toBe(''); // no digit beyond the currency's own
  return Number(BigInt(whole!) * 10n ** BigInt(digits) + BigInt(kept || '0'));
};

/** A chapter in the currency with one closed meeting and one TYFCB typed as the screen offers it. */
function closedMeetingWithTyfcb(currency: string, locale: string, digits: number) {
    const opened = openTestDb();
    const seats = smallChapter(opened);
    saveChapter(opened.db, { ...getChapter(opened.db)!, currency, locale });
    const api = testRegistry(opened);
    const a = addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz'));
    const b = addMember(opened.db, memberInput(seats.mortgage, 'Marcus', 'Chen'));
    const meeting = api.call('createMeeting', { meetingOn: '2026-03-04', confirmDate: true });
    if (!meeting.ok) throw new Error(meeting.error.message);
    const meetingId = (meeting.value as { id: string }).id;
    const minor = digits === 0 ? 125_050 : digits === 2 ? 125_055 : 1_250_555;
    const saved = api.call('saveTyfcb', { meetingId, closerId: b.id, referrerId: a.id, amount: minorToInput(minor, currency, locale), business: 'new', tyfcbKind: 'outside', referralId: null, note: '' });
    if (!saved.ok) throw new Error(saved.error.message);
    const present = api.call('markAllPresent', { meetingId });
    if (!present.ok) throw new Error(present.error.message);
    const closed = api.call('closeMeeting', { meetingId, confirmWarnings: true });
    if (!closed.ok) throw new Error(closed.error.message);
    return { api, minor, meetingId };
}

describe('money keeps every minor digit of its currency', () => {
  it.each(chapters)('$currency has $digits minor digits', ({ currency, digits }) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it.each(chapters)('$currency: what the screen shows and what editing offers read back to the same amount', ({ currency, locale }) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (minor) => {
        expect(parseMoney(minorToInput(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
        expect(parseMoney(formatMoney(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
      }),
      { numRuns: 300 },
    );
  });

  it.each(chapters)('$currency: the CSV amount column holds exactly the stored amount', ({ currency, digits }) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (minor) => {
        const plain = minorToPlainAmount(minor, currency);
        expect(plain).toMatch(digits === 3 ? /^\d+\.\d{3}$/ : /^\d+\.\d{2}$/);
        expect(plainToMinor(plain, digits)).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });

  it('a refused amount names the currency rule: no decimals in JPY, at most 3 in KWD', () => {
    expect(parseMoney('12.5', 'JPY', 'ja-JP')).toMatchObject({ ok: false });
    expect(parseMoney('1.2345', 'KWD', 'ar-KW')).toMatchObject({ ok: false, message: expect.stringContaining('3 decimals') });
    expect(parseMoney('1.255', 'KWD', 'en-US')).toEqual({ ok: true, minor: 1255 });
  });

  it.each(chapters)('$currency chapter: a TYFCB typed at the meeting is stored, totalled and exported to the last digit', ({ currency, locale, digits }) => {
    const opened = openTestDb();
    const seats = smallChapter(opened);
    saveChapter(opened.db, { ...getChapter(opened.db)!, currency, locale });
    const api = testRegistry(opened);
    const a = addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz'));
    const b = addMember(opened.db, memberInput(seats.mortgage, 'Marcus', 'Chen'));
    const meeting = api.call('createMeeting', { meetingOn: '2026-03-04', confirmDate: true });
    if (!meeting.ok) throw new Error(meeting.error.message);
    const meetingId = (meeting.value as { id: string }).id;
    const minor = digits === 0 ? 125_050 : digits === 2 ? 125_055 : 1_250_555;
    const typed = minorToInput(minor, currency, locale);
    const saved = api.call('saveTyfcb', { meetingId, closerId: b.id, referrerId: a.id, amount: typed, business: 'new', tyfcbKind: 'outside', referralId: null, note: '' });
    if (!saved.ok) throw new Error(`${currency} ${typed}: ${saved.error.message}`);
    const sheet = api.call('getMeetingSheet', { meetingId });
    expect(sheet.ok && (sheet.value as { totals: { tyfcbAmountMinor: number } }).totals.tyfcbAmountMinor).toBe(minor);
    const exported = exportAllTables(opened.db, mkdtempSync(path.join(tmpdir(), 'ledger-money-')));
    const csv = readFileSync(path.join(exported.folder, 'tyfcb_slips.csv'), 'utf8');
    expect(csv).toContain(`,${minorToPlainAmount(minor, currency)}`);
  });

  it.each(chapters)('$currency chapter: the PALMS check reads BNI Connect\'s TYFCB to the last digit and shows both sides with every digit', async ({ currency, locale, digits }) => {
    const { api, minor } = closedMeetingWithTyfcb(currency, locale, digits);
    // The ledger's own PALMS CSV, read back as if BNI Connect had written it: nothing differs.
    const own = api.call('palmsCsv', { from: '2026-03-01', to: '2026-03-31' });
    if (!own.ok) throw new Error(own.error.message);
    const { csv, fileName } = own.value as { csv: string; fileName: string };
    const reconcile = async (text: string) => {
      const result = await api.callAsync('reconcilePalms', { fileName, contentBase64: Buffer.from(text).toString('base64') });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { differences: Array<{ name: string; column: string; bniConnect: string; ledger: string }>; problems: string[] };
    };
    expect(await reconcile(csv)).toMatchObject({ differences: [], problems: [] });
    // BNI Connect one minor unit higher (1 yen, 1 cent, 1 fils): one difference, each side with every digit.
    const plain = minorToPlainAmount(minor, currency);
    expect(csv).toContain(`,${plain},`);
    const result = await reconcile(csv.replace(`,${plain},`, `,${minorToPlainAmount(minor + 1, currency)},`));
    expect(result.differences).toHaveLength(1);
    const [difference] = result.differences;
    expect(difference!.column).toBe('TYFCB');
    expect(plainToMinor(difference!.bniConnect, digits)).toBe(minor + 1);
    expect(plainToMinor(difference!.ledger, digits)).toBe(minor);
  });

  it.each(chapters)('$currency chapter: the weekly report PDF prints the TYFCB with every digit of the currency', async ({ currency, locale, digits }) => {
    const { api, minor, meetingId } = closedMeetingWithTyfcb(currency, locale, digits);
    const produced = await api.callAsync('produceReport', { report: 'weekly_meeting', meetingId, producedAt: '2026-03-05T09:00:00.000Z' });
    if (!produced.ok) throw new Error(produced.error.message);
    const text = squeeze(pdfText(Buffer.from((produced.value as { pdfBase64: string }).pdfBase64, 'base64')));
    // The number as the chapter's locale writes it, in reading order ("١٬٢٥٠٫٥٥٥" in Kuwait, "1.250,55" in Germany,
    // "125,050" yen); the sign's place on the page follows the script (an Arabic sign is read right to left).
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
    expect(formatMoney(minor, currency, locale)).toContain(number);
    expect(text.replace(/[\u200e\u200f\u061c]/gu, '')).toContain(squeeze(number));
  });
});
