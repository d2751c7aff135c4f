// A file Excel saved as plain "CSV" is in the code page of the Windows that saved it: Windows-1250 in
// Poland or Czechia, Shift_JIS in Japan, Big5 in Taiwan, Windows-1251 in Russia. The secretary's names
// must arrive as typed — "Łukasz", never "£ukasz" — and where the bytes cannot say which it was, the
// preview says how it read them and the secretary can choose another reading, which the import then uses.
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { guessLegacyEncoding } from '../../src/imports/legacy-encoding';
import { encodeIn } from '../support/code-pages';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const rosterHeader = 'First Name,Last Name,Company,Classification,Joined On,Status';
const rosterOf = (people: Array<[string, string, string]>) => [rosterHeader, ...people.map(([first, last, seat]) => `${first},${last},,${seat},2025-03-04,Active`)].join('\r\n') + '\r\n';
const input = (fileName: string, bytes: Buffer, extra: object = {}) => ({ fileName, contentBase64: bytes.toString('base64'), ...extra });

function chapterIn(locale: string, currency: string) {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency, locale, absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const names = () => (opened.sqlite.prepare('SELECT first_name || \' \' || last_name FROM members ORDER BY last_name').pluck().all() as string[]);
  return { api, changes, names };
}

const polish: Array<[string, string, string]> = [
  ['Łukasz', 'Wójcik', 'Hydraulik'],
  ['Małgorzata', 'Żółkiewska', 'Księgowa'],
  ['Paweł', 'Brzęczyszczykiewicz', 'Stolarz'],
];
const czech: Array<[string, string, string]> = [
  ['Zdeněk', 'Růžička', 'Truhlář'],
  ['Jiří', 'Dvořák', 'Účetní'],
];
const western: Array<[string, string, string]> = [
  ['Ana', 'Peña', 'Florist'],
  ['François', 'Lefèvre', 'Baker'],
];

describe('files saved as CSV by Excel on Windows in other regions', () => {
  it('a Polish chapter imports its roster saved by a Polish Excel (Windows-1250): Łukasz, Małgorzata and Paweł arrive as typed', async () => {
    const { api, names } = chapterIn('pl-PL', 'PLN');
    const file = input('członkowie.csv', encodeIn(rosterOf(polish), 'windows-1250'));
    const preview = ok<any>(await api.callAsync('previewRosterImport', file));
    expect(preview.readAs.encoding).toBe('Windows-1250');
    expect(preview.readAs.sentence).toContain('Read as Windows-1250 text (Excel\'s "CSV" on a Central European Windows), because the file is not UTF-8. Names with accents or other scripts, as read: "Łukasz", "Wójcik", "Małgorzata".');
    expect(preview.adds.map((a: any) => a.name)).toEqual(['Łukasz Wójcik', 'Małgorzata Żółkiewska', 'Paweł Brzęczyszczykiewicz']);
    ok(await api.callAsync('importRoster', file));
    expect(names()).toEqual(['Paweł Brzęczyszczykiewicz', 'Łukasz Wójcik', 'Małgorzata Żółkiewska'].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!, 'en')));
  });

  it('the same Polish file in an American chapter is still read as Windows-1250: "£ukasz" and "Ma³gorzata" are not names', async () => {
    const { api } = chapterIn('en-US', 'USD');
    const preview = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', encodeIn(rosterOf(polish), 'windows-1250'))));
    expect(preview.readAs.encoding).toBe('Windows-1250');
    expect(preview.adds.map((a: any) => a.name)).toContain('Łukasz Wójcik');
  });

  it('a Czech file in a Western chapter reads as plausible Western letters; the preview says so, and "Read as Windows-1250" imports Zdeněk Růžička as typed', async () => {
    const { api, names, changes } = chapterIn('en-GB', 'GBP');
    const bytes = encodeIn(rosterOf(czech), 'windows-1250');
    const first = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', bytes)));
    expect(first.readAs.encoding).toBe('Windows-1252');
    expect(first.readAs.sentence).toContain('"Zdenìk", "Rùžièka"');
    expect(first.readAs.sentence).toContain('choose how to read the file under "Read as"');
    const before = changes();
    const chosen = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', bytes, { readAs: 'Windows-1250' })));
    expect(chosen.readAs.encoding).toBe('Windows-1250');
    expect(chosen.adds.map((a: any) => a.name)).toEqual(['Zdeněk Růžička', 'Jiří Dvořák']);
    expect(changes()).toBe(before);
    ok(await api.callAsync('importRoster', input('roster.csv', bytes, { readAs: 'Windows-1250' })));
    expect(names()).toEqual(['Jiří Dvořák', 'Zdeněk Růžička']);
  });

  it('a Western file in a Polish chapter can be read the other way: "Peńa" becomes Peña when Windows-1252 is chosen', async () => {
    const { api } = chapterIn('pl-PL', 'PLN');
    const bytes = encodeIn(rosterOf(western), 'windows-1252');
    const guessed = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', bytes)));
    expect(guessed.readAs.encoding).toBe('Windows-1250');
    expect(guessed.adds.map((a: any) => a.name)).toContain('Ana Peńa');
    const chosen = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', bytes, { readAs: 'Windows-1252' })));
    expect(chosen.adds.map((a: any) => a.name)).toEqual(['Ana Peña', 'François Lefèvre']);
  });

  it('a Japanese chapter reads Shift_JIS, a Taiwanese one Big5, a Korean one EUC-KR, a mainland one GBK', async () => {
    const cases = [
      ['ja-JP', 'JPY', 'shift_jis', 'Shift_JIS', [['太郎', '山田', '税理士'], ['花子', '佐藤', '司法書士']]],
      ['zh-TW', 'TWD', 'big5', 'Big5', [['大文', '陳', '會計師'], ['美玲', '林', '花店']]],
      ['ko-KR', 'KRW', 'euc-kr', 'EUC-KR', [['민준', '김', '세무사'], ['서연', '이', '꽃집']]],
      ['zh-CN', 'CNY', 'gbk', 'GBK', [['伟', '王', '会计师'], ['芳', '李', '花店']]],
    ] as const;
    for (const [locale, currency, label, encoding, people] of cases) {
      const { api } = chapterIn(locale, currency);
      const preview = ok<any>(await api.callAsync('previewRosterImport', input('roster.csv', encodeIn(rosterOf(people as unknown as Array<[string, string, string]>), label))));
      expect(preview.readAs.encoding, locale).toBe(encoding);
      expect(preview.adds.map((a: any) => a.name), locale).toEqual(people.map(([first, last]) => `${first} ${last}`));
    }
  });

  it('a Russian or Greek file in a German chapter is read in its own script, never as "Èâàí Ïåòðîâ"', () => {
    const russian = encodeIn(rosterOf([['Иван', 'Петров', 'Бухгалтер'], ['Мария', 'Смирнова', 'Флорист'], ['Ольга', 'Кузнецова', 'Юрист']]), 'windows-1251');
    expect(guessLegacyEncoding(russian, 'de-DE')).toBe('Windows-1251');
    const greek = encodeIn(rosterOf([['Γιώργος', 'Παπαδόπουλος', 'Λογιστής'], ['Μαρία', 'Κωνσταντίνου', 'Ανθοπώλης'], ['Νίκος', 'Γεωργίου', 'Δικηγόρος']]), 'windows-1253');
    expect(guessLegacyEncoding(greek, 'de-DE')).toBe('Windows-1253');
    const arabic = encodeIn(rosterOf([['محمد', 'الأحمد', 'محاسب'], ['فاطمة', 'الزهراء', 'محامية']]), 'windows-1256');
    expect(guessLegacyEncoding(arabic, 'en-US')).toBe('Windows-1256');
    // …and a German file in a German chapter stays Windows-1252.
    const german = encodeIn(rosterOf([['Jürgen', 'Großmann', 'Bäcker'], ['Zoë', 'Müller', 'Floristin'], ['Björn', 'Ölschläger', 'Steuerberater']]), 'windows-1252');
    expect(guessLegacyEncoding(german, 'de-DE')).toBe('Windows-1252');
  });

  it('a Japanese or Korean file in an American chapter is read in its own script; a Western file in a Japanese or Russian chapter stays Western', () => {
    expect(guessLegacyEncoding(encodeIn(rosterOf([['太郎', '山田', '税理士'], ['花子', '佐藤', '司法書士']]), 'shift_jis'), 'en-US')).toBe('Shift_JIS');
    expect(guessLegacyEncoding(encodeIn(rosterOf([['민준', '김', '세무사'], ['서연', '이', '꽃집']]), 'euc-kr'), 'en-US')).toBe('EUC-KR');
    // "François" read as Shift_JIS would be "Fran輟is", as Windows-1251 "Peсa": letters of two scripts in one word.
    expect(guessLegacyEncoding(encodeIn(rosterOf(western), 'windows-1252'), 'ja-JP')).toBe('Windows-1252');
    expect(guessLegacyEncoding(encodeIn(rosterOf(western), 'windows-1252'), 'ru-RU')).toBe('Windows-1252');
  });

  it('a reading that is not in the list is refused, naming the field, and nothing is read or written', async () => {
    const { api, changes } = chapterIn('en-US', 'USD');
    const before = changes();
    const refused = await api.callAsync('previewRosterImport', input('roster.csv', encodeIn(rosterOf(western), 'windows-1252'), { readAs: 'Latin-9' }));
    expect(refused).toMatchObject({ ok: false, error: { field: 'readAs', message: 'Choose how to read the file from the list.' } });
    expect(changes()).toBe(before);
  });

  it('the slips audit import reads and imports in the chosen code page too (the preview and the import agree)', async () => {
    const { api } = chapterIn('en-US', 'USD');
    const csv = ['Slips Audit Report for 17/11/2026', 'From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail', 'Zdeněk Růžička,Jiří Dvořák,One-to-One,,,,Káva'].join('\r\n');
    const bytes = encodeIn(csv, 'windows-1250');
    const guessed = ok<any>(await api.callAsync('previewSlipsAuditImport', input('slips.csv', bytes, { meetingOn: '2026-11-17' })));
    const chosen = ok<any>(await api.callAsync('previewSlipsAuditImport', input('slips.csv', bytes, { meetingOn: '2026-11-17', readAs: 'Windows-1250' })));
    expect(guessed.readAs.encoding).toBe('Windows-1252');
    expect(chosen.readAs.encoding).toBe('Windows-1250');
    expect(chosen.readAs.sentence).toContain('"Zdeněk Růžička", "Jiří Dvořák"');
  });
});
