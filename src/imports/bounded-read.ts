// The read layer's limits and text decoding, applied while a file is read and before any work is
// done on its content: an import file is small (a meeting or a quarter: hundreds to a few thousand
// rows), so anything far beyond ten years of history is refused with a sentence naming the limit.
//   - unpacked bytes of an .xlsx: 50 MB in all, counted while inflating each part (a 300 KB zip bomb
//     that claims or hides 300 MB stops at 50 MB, in a fraction of a second);
//   - rows: 100,000 (ten years of weekly slips audits of a 60-member chapter is about 30,000 slips);
//   - one cell: 10,000 characters (a note is a few lines).
// Text is UTF-8, UTF-16 with a byte-order mark (Excel's "Unicode text") or a Windows code page (Excel's
// "CSV" on Windows: Windows-1252 in Western Europe and the Americas, Windows-1250 in Poland, Shift_JIS in
// Japan…, legacy-encoding.ts): decoded as what it is, never into U+FFFD replacement characters.
import { inflateRawSync } from 'node:zlib';
import { LedgerError } from '../shared/errors';
import type { LegacyEncoding, TextEncodingName } from '../shared/text-encodings';
import { decodeLegacy, guessLegacyEncoding } from './legacy-encoding';

export type { TextEncodingName } from '../shared/text-encodings';

export const importLimits = { unpackedBytes: 50 * 1024 * 1024, rows: 100_000, cellCharacters: 10_000 } as const;

/**
 * How to read a text file that is not Unicode: as the code page the secretary chose in the preview, else
 * as the one guessed from the chapter's locale and the bytes.
 */
export interface ReadChoice {
  readAs?: LegacyEncoding | undefined;
  locale?: string | undefined;
}

const refuse = (fileName: string, what: string) =>
  new LedgerError('invalid_input', `${fileName} ${what} Nothing was imported.`, 'file');

/**
 * Checks an .xlsx (a zip) part by part: each compressed part is inflated with a ceiling of what is
 * left of the 50 MB, so the check itself never holds more than the limit.
 */
export function checkZipWithinLimits(fileName: string, bytes: Buffer): void {
  const limit = importLimits.unpackedBytes;
  const tooBig = () => refuse(fileName, `unpacks to more than ${limit / 2 ** 20} MB (the limit for an import file); an export of a meeting or a quarter is far smaller.`);
  const damaged = () => refuse(fileName, 'looks like an .xlsx file but its zip structure is damaged.');
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged();
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const local = bytes.readUInt32LE(at + 42);
    const header = 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (compressed === 0xffffffff || declared === 0xffffffff) throw tooBig(); // zip64: larger than 4 GB
    if (total + declared > limit) throw tooBig();
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw damaged();
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    let actual = data.length;
    if (method === 8) {
      try {
        actual = inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooBig();
        throw damaged();
      }
    }
    total += actual;
    if (total > limit) throw tooBig();
    at += header;
  }
}

/** Rows and cells within the limits; said with the row number. */
/** `before`: rows of the same table already checked (a table read in parts): the count and row numbers go on from there. */
export function checkTableWithinLimits(fileName: string, rows: string[][], before = 0): void {
  if (before + rows.length > importLimits.rows) {
    throw refuse(fileName, `has more than ${importLimits.rows.toLocaleString('en-US')} rows (the limit for one import); import it in parts, a year at a time.`);
  }
  for (const [r, row] of rows.entries()) {
    for (const cell of row) {
      if (cell.length > importLimits.cellCharacters) {
        throw refuse(fileName, `has a cell of ${cell.length.toLocaleString('en-US')} characters in row ${before + r + 1}; a cell may hold at most ${importLimits.cellCharacters.toLocaleString('en-US')}.`);
      }
    }
  }
}

/** The text of a text file, in the encoding it was written in. */
export function decodeText(bytes: Buffer, read: ReadChoice = {}): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: new TextDecoder('utf-16le').decode(swapped), encoding: 'UTF-16BE' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: Excel on Windows writes CSV in its code page ("Zoë Müller" as 5A 6F EB … in Windows-1252).
    const encoding = read.readAs ?? guessLegacyEncoding(bytes, read.locale);
    return { text: decodeLegacy(bytes, encoding), encoding };
  }
}

/** UTF-16 has a NUL in every other byte: such a file is text with a byte-order mark, not binary. */
export const hasUtf16Bom = (bytes: Buffer) => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
