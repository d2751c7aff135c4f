// The text encodings an import file can be read in. A file that is not Unicode (Excel's plain "CSV"
// on Windows) is in the "ANSI code page" of the Windows that wrote it, which depends on the region:
// a Polish or Czech chapter's Excel writes Windows-1250, a Japanese one Shift_JIS. Plain data, no zod:
// the renderer lists these in the preview's "Read as" choice.

export const unicodeEncodings = ['UTF-8', 'UTF-16LE', 'UTF-16BE'] as const;

/** Windows' code pages for Excel's "CSV", with the label WHATWG's TextDecoder knows each by. */
export const legacyEncodings = {
  'Windows-1252': { windows: 'a Western European', label: 'windows-1252', region: 'Western European (English, German, French, Spanish, Dutch, Italian…)', script: 'latin' },
  'Windows-1250': { windows: 'a Central European', label: 'windows-1250', region: 'Central European (Polish, Czech, Slovak, Hungarian, Croatian, Romanian…)', script: 'latin' },
  'Windows-1257': { windows: 'a Baltic', label: 'windows-1257', region: 'Baltic (Estonian, Latvian, Lithuanian)', script: 'latin' },
  'Windows-1254': { windows: 'a Turkish', label: 'windows-1254', region: 'Turkish', script: 'latin' },
  'Windows-1258': { windows: 'a Vietnamese', label: 'windows-1258', region: 'Vietnamese', script: 'latin' },
  'Windows-1251': { windows: 'a Cyrillic', label: 'windows-1251', region: 'Cyrillic (Russian, Ukrainian, Bulgarian, Serbian…)', script: 'cyrillic' },
  'Windows-1253': { windows: 'a Greek', label: 'windows-1253', region: 'Greek', script: 'greek' },
  'Windows-1255': { windows: 'a Hebrew', label: 'windows-1255', region: 'Hebrew', script: 'hebrew' },
  'Windows-1256': { windows: 'an Arabic', label: 'windows-1256', region: 'Arabic, Persian, Urdu', script: 'arabic' },
  'Windows-874': { windows: 'a Thai', label: 'windows-874', region: 'Thai', script: 'thai' },
  Shift_JIS: { windows: 'a Japanese', label: 'shift_jis', region: 'Japanese', script: 'cjk' },
  GBK: { windows: 'a simplified Chinese', label: 'gbk', region: 'Chinese, simplified (mainland China, Singapore)', script: 'cjk' },
  Big5: { windows: 'a traditional Chinese', label: 'big5', region: 'Chinese, traditional (Taiwan, Hong Kong)', script: 'cjk' },
  'EUC-KR': { windows: 'a Korean', label: 'euc-kr', region: 'Korean', script: 'cjk' },
} as const;

export type LegacyEncoding = keyof typeof legacyEncodings;
export const legacyEncodingNames = Object.keys(legacyEncodings) as [LegacyEncoding, ...LegacyEncoding[]];
export const textEncodingNames = [...unicodeEncodings, ...legacyEncodingNames] as const;
export type TextEncodingName = (typeof unicodeEncodings)[number] | LegacyEncoding;

export const isLegacyEncoding = (name: string | null | undefined): name is LegacyEncoding => !!name && Object.hasOwn(legacyEncodings, name);

// Windows' ANSI code page per language (as Windows sets it for that region's users).
const codePageByLanguage: Record<string, LegacyEncoding> = {
  pl: 'Windows-1250', cs: 'Windows-1250', sk: 'Windows-1250', hu: 'Windows-1250', hr: 'Windows-1250', sl: 'Windows-1250', ro: 'Windows-1250', sq: 'Windows-1250', bs: 'Windows-1250',
  et: 'Windows-1257', lv: 'Windows-1257', lt: 'Windows-1257',
  tr: 'Windows-1254', az: 'Windows-1254',
  vi: 'Windows-1258',
  ru: 'Windows-1251', uk: 'Windows-1251', be: 'Windows-1251', bg: 'Windows-1251', sr: 'Windows-1251', mk: 'Windows-1251', kk: 'Windows-1251', ky: 'Windows-1251', mn: 'Windows-1251',
  el: 'Windows-1253',
  he: 'Windows-1255', iw: 'Windows-1255',
  ar: 'Windows-1256', fa: 'Windows-1256', ur: 'Windows-1256',
  th: 'Windows-874',
  ja: 'Shift_JIS',
  ko: 'EUC-KR',
};

/**
 * The code page Excel on Windows writes "CSV" in for a chapter of this locale ("pl-PL" → Windows-1250,
 * "zh-TW" → Big5, "sr-Latn-RS" → Windows-1250); Windows-1252 when the language has none of its own.
 */
export function codePageForLocale(locale: string | null | undefined): LegacyEncoding {
  const parts = (locale ?? '').replace(/_/g, '-').split('-');
  const language = (parts[0] ?? '').toLowerCase();
  const rest = parts.slice(1).map((p) => p.toLowerCase());
  if (language === 'zh') return rest.includes('hant') || rest.some((p) => ['tw', 'hk', 'mo'].includes(p)) ? 'Big5' : 'GBK';
  if ((language === 'sr' || language === 'bs') && rest.includes('latn')) return 'Windows-1250';
  if (language === 'sr' && rest.includes('cyrl')) return 'Windows-1251';
  return codePageByLanguage[language] ?? 'Windows-1252';
}
