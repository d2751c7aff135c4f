// Reads what BNI Connect and spreadsheets export into rows of text: SpreadsheetML 2003 (the ".xls"
// that is really XML), .xlsx, and CSV. The format is read from the bytes, not trusted from the name.
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { Parser as SaxParser } from 'saxen';
import { readSheet } from 'read-excel-file/node';
import { importFileMaxMb } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import type { FileReadAs } from '../shared/tally-schemas';
import { checkTableWithinLimits, checkZipWithinLimits, decodeText, hasUtf16Bom, importLimits, type ReadChoice, type TextEncodingName } from './bounded-read';
import { parseInWorker, type parseWorkerLimits } from './parse-in-worker';
import { legacyEncodings } from '../shared/text-encodings';

export const MAX_IMPORT_BYTES = importFileMaxMb * 1024 * 1024;

export type Table = string[][];

// Cells the spreadsheet itself typed as numbers (SpreadsheetML ss:Type="Number", an .xlsx number):
// their text is a plain "1250.5", never a locale's "1.250,5". Kept per row so slices of a table keep it.
const numberColumns = new WeakMap<string[], Set<number>>();
export const isNumberCell = (row: string[] | undefined, column: number): boolean => (row ? (numberColumns.get(row)?.has(column) ?? false) : false);
function markNumber(row: string[], column: number): void {
  let set = numberColumns.get(row);
  if (!set) numberColumns.set(row, (set = new Set()));
  set.add(column);
}

/**
 * Reads an import file into rows in a worker thread (parse-in-worker.ts): the thread answering the
 * window only waits. The size checks run here first, so a too-large file is not even copied over.
 * `handOver`: the caller is done with `bytes` — they move to the worker instead of being copied
 * (afterwards `bytes` is empty), so a large file is not held twice while it is read.
 */
export async function readTable(fileName: string, bytes: Buffer, read: ReadChoice = {}, limits?: typeof parseWorkerLimits, { handOver = false }: { handOver?: boolean } = {}): Promise<Table> {
  refuseBySize(fileName, bytes);
  const parsed = await parseInWorker(fileName, bytes, read, limits, handOver);
  if (!parsed.ok) throw new LedgerError(parsed.error.code, parsed.error.message, parsed.error.field);
  // What travels back is plain rows; the number cells and the encoding are marked again on this side.
  for (const [row, columns] of parsed.numberCells) for (const column of columns) markNumber(parsed.rows[row]!, column);
  if (parsed.encoding) encodings.set(parsed.rows, parsed.encoding);
  return parsed.rows;
}

/** Cells typed as numbers, per row, for the trip back from the worker. */
export function numberCellsOf(table: Table): Array<[number, number[]]> {
  const cells: Array<[number, number[]]> = [];
  table.forEach((row, index) => {
    const set = numberColumns.get(row);
    if (set) cells.push([index, [...set]]);
  });
  return cells;
}

function refuseBySize(fileName: string, bytes: Buffer): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new LedgerError('invalid_input', `${fileName} is ${(bytes.length / 2 ** 20).toFixed(0)} MB, more than the ${importFileMaxMb} MB an import file may be (an export of 100,000 slips is about 40 MB). Nothing was imported.`, 'file');
  }
  if (bytes.length === 0) throw new LedgerError('invalid_input', `${fileName} is empty. Nothing was imported.`, 'file');
}

/** The parse itself, on the calling thread: what the worker runs. */
export async function readTableHere(fileName: string, bytes: Buffer, read: ReadChoice = {}): Promise<Table> {
  return parseRead(fileName, await readBytes(fileName, bytes, read));
}

/**
 * A file's bytes checked and, for a text file, decoded: after this the bytes are no longer needed (the
 * worker lets go of its copy before the rows are parsed, so a 31 MiB file is not held beside its text).
 */
export type FileRead = { table: Table } | { text: string; encoding: TextEncodingName } | { utf8: Buffer; encoding: 'UTF-8' };

export async function readBytes(fileName: string, bytes: Buffer, read: ReadChoice = {}): Promise<FileRead> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new LedgerError('invalid_input', `${fileName} is ${(bytes.length / 2 ** 20).toFixed(0)} MB, more than the ${importFileMaxMb} MB an import file may be (an export of 100,000 slips is about 40 MB). Nothing was imported.`, 'file');
  }
  if (bytes.length === 0) throw new LedgerError('invalid_input', `${fileName} is empty. Nothing was imported.`, 'file');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    checkZipWithinLimits(fileName, bytes);
    return { table: bounded(fileName, await readXlsx(fileName, bytes)) };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw new LedgerError('invalid_input', `${fileName} is an old binary Excel file. Open it in a spreadsheet program and save it as .xlsx or .csv, then import that.`, 'file');
  }
  if (!hasUtf16Bom(bytes) && bytes.subarray(0, 4096).includes(0)) {
    throw new LedgerError('invalid_input', `${fileName} is not a spreadsheet (it is a binary file). Export the report from BNI Connect again and import that file.`, 'file');
  }
  // UTF-8 (what BNI Connect and Excel's "CSV UTF-8" write) is read one byte per character, each cell decoded on its
  // own: a 31 MiB export with one "€" in it is then 31 MiB of text, not a 62 MiB UTF-16 string. The markup and the
  // separators are ASCII, which never occurs inside a UTF-8 character, so no character is cut in two.
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { utf8: body, encoding: 'UTF-8' };
  const { text, encoding } = decodeText(bytes, read);
  return { text: text.replace(/^\ufeff/, ''), encoding };
}

/**
 * The text of a large file made in the JS heap, in parts joined once, not as Node's one "external" string:
 * that one is a single 31 MB block from the C allocator, which the process keeps after the worker is done
 * with it (measured: the import's peak ~35 MB higher). Node makes an external string from 1 MB up.
 */
const heapStringBytes = 512 * 1024;
function latin1InHeap(bytes: Buffer): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += heapStringBytes) parts.push(bytes.toString('latin1', at, Math.min(at + heapStringBytes, bytes.length)));
  return parts.join('');
}

/**
 * Rows handed on while a text file is still being read, a part at a time, each part checked against the limits first:
 * the parse worker posts them as they come, so it never holds a 100,000-row table beside the file's text (the
 * rows arrive in order; a file refused later is refused whole, and nothing read from it is kept).
 */
export class RowStream {
  /** Rows already handed on. */
  sent = 0;
  constructor(
    private readonly fileName: string,
    private readonly emit: (rows: Table) => void,
    readonly partRows = 2_000,
  ) {}
  /** Hands on the rows (checked, counted after the ones sent before); `rows` is emptied in place. */
  send(rows: Table): void {
    checkTableWithinLimits(this.fileName, rows, this.sent);
    const part = rows.splice(0);
    this.sent += part.length;
    this.emit(part);
  }
}

/**
 * The rows of a file read by readBytes. With a stream, a text file's rows may be handed on to it in parts as they
 * are read; what is returned is then the rows not yet handed on (else all of them).
 */
export function parseRead(fileName: string, file: FileRead, stream?: RowStream): Table {
  if ('table' in file) return file.table;
  let rest: Table;
  if ('utf8' in file) {
    // A UTF-8 spreadsheet is read from its bytes a part at a time: its text is never made whole (a 31 MiB
    // .xls was 31 MiB of text beside its bytes, and twice that while the text was joined).
    const bytes = file.utf8;
    let at = 0;
    while (at < bytes.length && (bytes[at] === 0x20 || (bytes[at]! >= 0x09 && bytes[at]! <= 0x0d))) at++;
    rest = bytes[at] === 0x3c ? readSpreadsheetMl(fileName, latin1Parts(bytes), unpackUtf8, stream) : readCsv(latin1InHeap(bytes), unpackUtf8, stream);
  } else {
    const { text } = file;
    rest = text.trimStart().startsWith('<') ? readSpreadsheetMl(fileName, text, (cell) => cell, stream) : readCsv(text, (cell) => cell, stream);
  }
  const table = bounded(fileName, rest, stream?.sent ?? 0);
  encodings.set(table, file.encoding);
  return table;
}

/**
 * The bytes read one byte per character (see readBytes: the markup is ASCII), about half a megabyte at a time,
 * each part ending just after a tag's ">": the parser then holds nothing over to the next part, which it would
 * join to it (a joined string read a character at a time made the whole read ~20% slower).
 */
function* latin1Parts(bytes: Buffer): Generator<string> {
  for (let at = 0; at < bytes.length; ) {
    let end = Math.min(at + heapStringBytes, bytes.length);
    if (end < bytes.length) {
      const close = bytes.lastIndexOf(0x3e, end - 1);
      if (close >= at) end = close + 1;
    }
    yield bytes.toString('latin1', at, end);
    at = end;
  }
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<Table> {
  try {
    const rows = await readSheet(bytes);
    return rows.map((row) => {
      const cells = row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)));
      row.forEach((cell, column) => typeof cell === 'number' && markNumber(cells, column));
      return cells;
    });
  } catch {
    throw new LedgerError('invalid_input', `${fileName} looks like an .xlsx file but cannot be read (it may be damaged). Nothing was imported.`, 'file');
  }
}

const highByte = /[\x80-\xff]/;
/** Text of a UTF-8 file read one byte per character (readBytes), as the characters it encodes. */
const unpackUtf8 = (text: string) => (highByte.test(text) ? Buffer.from(text, 'latin1').toString('utf8') : text);

/**
 * CSV read row by row, stopping at the row limit instead of after reading everything; handed on in parts to a stream.
 * `unpack`: each cell as the characters it encodes (before anything trims it: a UTF-8 "à" ends in the byte A0, which
 * read one byte per character is a no-break space).
 */
function readCsv(text: string, unpack: (cell: string) => string, stream?: RowStream): Table {
  const rows: Table = [];
  let over = false;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      if ((stream?.sent ?? 0) + rows.length >= importLimits.rows) {
        over = true;
        parser.abort();
        return;
      }
      rows.push(result.data.map((cell) => unpack(String(cell ?? ''))));
      if (stream && rows.length >= stream.partRows) stream.send(rows);
    },
  });
  if (over) rows.push([]); // one row past the limit: refused by the table check with the limit named
  return rows;
}

function bounded(fileName: string, table: Table, before = 0): Table {
  checkTableWithinLimits(fileName, table, before);
  return table;
}

/** The text encoding a text file was read in ("UTF-8", "UTF-16LE", "Windows-1252"); null for .xlsx. */
const encodings = new WeakMap<Table, TextEncodingName>();
export const encodingOf = (table: Table): TextEncodingName | null => encodings.get(table) ?? null;

/**
 * What every import preview says about how the file was read, before anything is imported: the
 * encoding, and up to three of the file's names with accents or other scripts exactly as they were
 * read, so "Zoë Müller" read wrongly is seen before it reaches the ledger. A file that is not UTF-8 is
 * read in a Windows code page (Excel's "CSV" on Windows, legacy-encoding.ts): the sentence names it, and
 * says how to read it another way or get a UTF-8 file instead.
 */
export function readAsOf(table: Table, names?: { headerAt: number; columns: number[] }): FileReadAs {
  const encoding = encodingOf(table);
  const examples: string[] = [];
  // Only names are examples: the file's name columns (From, To, First Name, Last Name) when they are known, and
  // never a cell with a digit in it ("1.250,50 €" is an amount, "12.03.2026" a date, whatever the column).
  const nameColumns = names ? names.columns.filter((c) => c >= 0) : null;
  const rows = names ? table.slice(names.headerAt + 1) : table;
  for (const row of rows) {
    const cells = nameColumns ? nameColumns.map((c) => row[c] ?? '') : row;
    for (const raw of cells) {
      const cell = raw.trim();
      if (examples.length < 3 && cell.length <= 40 && /[^\x00-\x7f]/.test(cell) && !/\d/.test(cell) && !examples.includes(cell)) examples.push(cell);
    }
    if (examples.length >= 3) break;
  }
  const seen = examples.length > 0 ? ` Names with accents or other scripts, as read: ${examples.map((e) => `"${e}"`).join(', ')}.` : '';
  switch (encoding) {
    case null:
      return { encoding, sentence: `Read as an Excel workbook (.xlsx): its text is Unicode, so names arrive as they were typed.${seen}` };
    case 'UTF-8':
      return { encoding, sentence: `Read as UTF-8 text.${seen}` };
    case 'UTF-16LE':
    case 'UTF-16BE':
      return { encoding, sentence: `Read as UTF-16 text (Excel's "Unicode text").${seen}` };
    default: {
      // A Windows code page: which one, and why, and how to read it otherwise.
      return {
        encoding,
        sentence: `Read as ${encoding} text (Excel's "CSV" on ${legacyEncodings[encoding].windows} Windows), because the file is not UTF-8.${seen} If a name looks wrong, choose how to read the file under "Read as", or save it from Excel as "CSV UTF-8" and choose it again.`,
      };
    }
  }
}

/**
 * SpreadsheetML 2003: <Workbook><Worksheet ss:Name><Table><Row><Cell ss:Index ss:MergeAcross><Data ss:Type>.
 * ss:Index jumps to a 1-based column; ss:MergeAcross makes a cell span more columns. Read as a stream of
 * tags (saxen, the XML reader read-excel-file already brings), never as a document tree: an export of
 * 100,000 rows is 40 MB of XML, which as a tree needed over 700 MB and 13 s; as a stream it is the rows.
 * The "Report" worksheet, else the first; its first Table. Reading stops one row past the row limit.
 * With a stream, the first "Report" worksheet's rows are handed on in parts as they are read (that sheet is the
 * answer whatever follows); another first sheet is held until the end, as a later "Report" would replace it.
 */
function readSpreadsheetMl(fileName: string, xml: string | Iterable<string>, unpack: (text: string) => string, stream?: RowStream): Table {
  const incomplete = () => new LedgerError('invalid_input', `${fileName} is not a complete spreadsheet file: it ends before the report does, or it was damaged on the way. Download it again from BNI Connect. Nothing was imported.`, 'file');
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  // Excel writes every attribute with the ss: prefix; another prefix (or none) is found by its local name.
  // Read once per cell of a 100,000-row file: no array of entries is made for it.
  const attribute = (attrs: Record<string, string>, name: string) => {
    const usual = attrs[`ss:${name}`];
    if (usual !== undefined) return usual;
    for (const key in attrs) if (local(key) === name) return attrs[key];
    return undefined;
  };
  let sawWorkbook = false;
  let workbookClosed = false;
  let sheets = 0;
  let first: Table | null = null;
  let report: Table | null = null;
  // The worksheet being read (null: one not wanted), and whether its first Table is done.
  let rows: Table | null = null;
  /** The sheet being read when it is the one handed on to the stream. */
  let streamed: Table | null = null;
  let tableSeen = false;
  let inTable = false;
  let cells: string[] | null = null;
  let column = 0;
  let cell: { at: number; span: number; type: string | undefined; text: string; inData: boolean } | null = null;
  let depth = 0;
  let over = false;
  const parser = new SaxParser();
  parser.on('openTag', (name, attrs, decode, selfClosing) => {
    if (!selfClosing) depth++;
    switch (local(name)) {
      case 'Workbook':
        sawWorkbook = true;
        break;
      case 'Worksheet': {
        sheets++;
        const named = attribute(attrs(), 'Name');
        const sheetName = named === undefined ? undefined : decode(unpack(named));
        const wanted = sheets === 1 || (sheetName === 'Report' && report === null);
        rows = wanted ? [] : null;
        streamed = null;
        if (rows && sheetName === 'Report') {
          report = rows;
          if (stream) streamed = rows;
        }
        if (rows && sheets === 1) first = rows;
        tableSeen = false;
        break;
      }
      case 'Table':
        inTable = rows !== null && !tableSeen;
        tableSeen = true;
        break;
      case 'Row':
        if (!inTable) break;
        cells = [];
        column = 0;
        if (selfClosing) endRow();
        break;
      case 'Cell': {
        if (!cells) break;
        const all = attrs();
        const index = Number(attribute(all, 'Index'));
        if (Number.isInteger(index) && index > 0) column = index - 1;
        cell = { at: column, span: Number(attribute(all, 'MergeAcross')) || 0, type: undefined, text: '', inData: false };
        if (selfClosing) endCell();
        break;
      }
      case 'Data':
        if (!cell) break;
        cell.type = attribute(attrs(), 'Type');
        cell.inData = !selfClosing;
        break;
    }
  });
  const endCell = () => {
    if (!cells || !cell) return;
    const value = cell.type === 'DateTime' ? cell.text.slice(0, 10) : cell.text;
    while (cells.length < cell.at) cells.push('');
    cells[cell.at] = value.trim();
    if (cell.type === 'Number') markNumber(cells, cell.at);
    column = cell.at + 1 + cell.span;
    cell = null;
  };
  const endRow = () => {
    if (!cells || !rows) return;
    const sent = rows === streamed ? stream!.sent : 0;
    if (sent + rows.length >= importLimits.rows) {
      over = true;
      parser.stop();
    }
    rows.push(cells);
    cells = null;
    if (rows === streamed && !over && rows.length >= stream!.partRows) stream!.send(rows);
  };
  parser.on('text', (text, decode) => {
    if (cell?.inData) cell.text += decode(unpack(text));
  });
  parser.on('cdata', (text) => {
    if (cell?.inData) cell.text += unpack(text);
  });
  parser.on('closeTag', (name, _decode, selfClosing) => {
    if (!selfClosing) depth--;
    switch (local(name)) {
      case 'Data':
        if (cell) cell.inData = false;
        break;
      case 'Cell':
        if (!selfClosing) endCell();
        break;
      case 'Row':
        if (!selfClosing) endRow();
        break;
      case 'Table':
        inTable = false;
        break;
      case 'Worksheet':
        rows = null;
        streamed = null;
        break;
      case 'Workbook':
        workbookClosed = true;
        break;
    }
  });
  parser.on('error', () => {
    throw incomplete();
  });
  if (typeof xml === 'string') parser.parse(xml);
  else {
    // Written in parts: a tag or a text cut at a part's end is held by the parser until the next part.
    for (const part of xml) {
      parser.write(part);
      if (over) break;
    }
    if (!over) parser.end();
  }
  const table: Table | null = report ?? first;
  if (over && table) return table; // one row past the limit: refused by the table check with the limit named
  if (!sawWorkbook) throw new LedgerError('invalid_input', `${fileName} is XML but not a spreadsheet (no Workbook). Nothing was imported.`, 'file');
  if (!workbookClosed || depth !== 0) throw incomplete();
  if (sheets === 0 || !table) throw new LedgerError('invalid_input', `${fileName} has no worksheet. Nothing was imported.`, 'file');
  return table;
}
