// Which Windows code page a text file that is not Unicode was written in. Excel's plain "CSV" is in the
// code page of the Windows that saved it, and the bytes alone rarely settle it: "Łukasz" in Windows-1250
// is "£ukasz" in Windows-1252, while Czech or Hungarian names read as plausible Western letters either
// way. So every plausible reading is tried on the lines that hold non-ASCII bytes and the one that
// leaves the fewest things no name holds wins; on a tie the chapter's own region decides (a Polish
// chapter's files are Windows-1250, a Japanese one's Shift_JIS), then chardet (a port of Mozilla's
// detector), which also proposes the readings to try. Whatever is chosen, the preview shows names as
// read and lets the secretary read the file as another.
import { analyse } from 'chardet';
import { codePageForLocale, legacyEncodings, type LegacyEncoding } from '../shared/text-encodings';

const decoderOf = (encoding: LegacyEncoding, fatal = false) => new TextDecoder(legacyEncodings[encoding].label, { fatal });

/** The bytes read in a code page; a multi-byte one (Shift_JIS, GBK, Big5, EUC-KR) throws on an invalid sequence when fatal. */
export const decodeLegacy = (bytes: Uint8Array, encoding: LegacyEncoding, fatal = false): string => decoderOf(encoding, fatal).decode(bytes);

const isMultiByte = (encoding: LegacyEncoding) => legacyEncodings[encoding].script === 'cjk';

// chardet's names for what Windows writes (ISO-8859-x is its name for the code page's near twin).
const fromChardet: Record<string, LegacyEncoding> = {
  'ISO-8859-1': 'Windows-1252', 'windows-1252': 'Windows-1252', 'ISO-8859-2': 'Windows-1250', 'windows-1250': 'Windows-1250',
  'ISO-8859-5': 'Windows-1251', 'KOI8-R': 'Windows-1251', 'windows-1251': 'Windows-1251', 'ISO-8859-7': 'Windows-1253', 'windows-1253': 'Windows-1253',
  'ISO-8859-8': 'Windows-1255', 'windows-1255': 'Windows-1255', 'ISO-8859-6': 'Windows-1256', 'windows-1256': 'Windows-1256', 'ISO-8859-9': 'Windows-1254',
  'windows-1254': 'Windows-1254', 'windows-1257': 'Windows-1257', Shift_JIS: 'Shift_JIS', GB18030: 'GBK', Big5: 'Big5', 'EUC-KR': 'EUC-KR',
};

/** The lines that hold a byte outside ASCII, up to this much: all a choice can turn on (headers and amounts read alike every way). */
const sampleBytes = 64 * 1024;

function linesBeyondAscii(bytes: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  while (start < bytes.length && size < sampleBytes) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end + 1);
    if (line.some((b) => b > 0x7f)) {
      kept.push(line);
      size += line.length;
    }
    start = end + 1;
  }
  return Buffer.concat(kept);
}

const families: Array<[string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
];
const familyOf = (c: string) => families.find(([, re]) => re.test(c))?.[0] ?? null;

/**
 * What no name holds, counted in one reading of the text: an undefined byte; a symbol, superscript or
 * fraction touching a letter ("Ma³gorzata", "£ukasz"); half-width katakana (Shift_JIS's reading of a
 * single accented byte); letters of two scripts in one word ("Fran輟is"); a word of three or more
 * accented Latin letters and no plain one ("Èâàí", Cyrillic read as Western).
 */
export function oddities(text: string): number {
  let odd = 0;
  const chars = [...text];
  let run = 0;
  chars.forEach((c, i) => {
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    const code = c.codePointAt(0)!;
    if ((code >= 0x80 && code <= 0x9f) || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) odd += 1;
    else if (code >= 0xff61 && code <= 0xff9f) odd += 1;
    else if (code > 0x7f && /[\p{S}\p{No}¿¡ªº]/u.test(c) && (/\p{L}/u.test(before) || /\p{L}/u.test(after))) odd += 1;
    else if (/\p{L}/u.test(c) && /\p{L}/u.test(before)) {
      const here = familyOf(c);
      const there = familyOf(before);
      if (here && there && here !== there) odd += 1;
    }
    // Runs of accented Latin letters (À–ÿ) with no plain letter beside them.
    if (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) run += 1;
    else {
      if (run >= 3 && !/[A-Za-z]/.test(c) && !/[A-Za-z]/.test(chars[i - run - 1] ?? '')) odd += 1;
      run = 0;
    }
  });
  return odd;
}

/**
 * The code page a text file that is not UTF-8 was most likely written in: each plausible reading (the
 * chapter's own, chardet's candidates, Western and Central European) decoded, a multi-byte one only if
 * it decodes without an invalid byte, and the one with the fewest oddities wins; a tie goes to the
 * chapter's own, then to Western European (the most common), then to chardet's order.
 */
export function guessLegacyEncoding(bytes: Uint8Array, locale: string | null | undefined): LegacyEncoding {
  const sample = linesBeyondAscii(bytes);
  const home = codePageForLocale(locale);
  const named = analyse(sample)
    .map((m) => fromChardet[m.name])
    .filter((e): e is LegacyEncoding => e !== undefined);
  const candidates = [...new Set<LegacyEncoding>([home, 'Windows-1252', ...named, 'Windows-1250'])];
  let best: { encoding: LegacyEncoding; odd: number } | null = null;
  for (const encoding of candidates) {
    let text: string;
    try {
      text = decodeLegacy(sample, encoding, isMultiByte(encoding));
    } catch {
      continue; // an invalid sequence: not this multi-byte code page
    }
    const odd = oddities(text);
    if (!best || odd < best.odd) best = { encoding, odd };
    if (odd === 0) break;
  }
  return best?.encoding ?? 'Windows-1252';
}
