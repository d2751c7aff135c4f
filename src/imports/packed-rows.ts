// How the parse worker's rows travel to the thread that imports them. A Slips Audit export writes the
// same few dozen names, slip types and "Inside"/"Outside" on every row: sent as rows of strings, each
// of 100,000 rows' cells arrived as a string of its own (700,000 strings, ~35 MB of the import's
// memory, and most of the message's copying time). Packed, each distinct cell text of a part travels
// once, and the cells are numbers into that list; unpacked, the rows share those strings.

export interface PackedRows {
  /** Each distinct cell text of the part, once. */
  texts: string[];
  /** Per row, how many cells it has. */
  widths: Uint32Array;
  /** Every cell in row order, as its index in `texts`. */
  cells: Uint32Array;
}

export function packRows(rows: string[][]): PackedRows {
  const texts: string[] = [];
  const indexOf = new Map<string, number>();
  let total = 0;
  for (const row of rows) total += row.length;
  const widths = new Uint32Array(rows.length);
  const cells = new Uint32Array(total);
  let at = 0;
  rows.forEach((row, r) => {
    widths[r] = row.length;
    for (const text of row) {
      let index = indexOf.get(text);
      if (index === undefined) {
        index = texts.length;
        texts.push(text);
        indexOf.set(text, index);
      }
      cells[at++] = index;
    }
  });
  return { texts, widths, cells };
}

/** The rows again; cells with the same text share one string. */
export function unpackRows({ texts, widths, cells }: PackedRows): string[][] {
  const rows: string[][] = [];
  let at = 0;
  for (const width of widths) {
    // Made at its exact width (a row grown by push keeps room for 17 cells: ~8 MB more over 100,000 rows).
    const row: string[] = new Array<string>(width);
    for (let c = 0; c < width; c++) row[c] = texts[cells[at++]!]!;
    rows.push(row);
  }
  return rows;
}
