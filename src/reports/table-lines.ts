// A grid's rules drawn whole. pdfmake draws a table's rules cell by cell: one short line per cell side,
// each a vector of its own with its width, dash, join, cap and colour written again. The quarterly audit's
// referral matrix (60 members: ~3,900 vertical and ~3,900 horizontal pieces) spent half its PDF time on them.
// A table marked `wholeRules: true` gets the same lines as pdfmake works them out (its own code is asked:
// same place, width and colour), but pieces that continue each other are drawn as one line:
//  - a row's horizontal rule, whose pieces meet end to end, is one line per run of the same style;
//  - a column's vertical rule is one line per page from the first body row's piece to the last (pdfmake's
//    per-row pieces overlap end to end, so their union is the whole line); the header row's own pieces
//    are left as pdfmake draws them, so a header repeated on the next page keeps them.
// What a page shows is the same (page images compared pixel for pixel at 60, 150 and 300 dpi): cell
// backgrounds are painted beneath everything on the page either way, and no text reaches a rule. Only a
// table that asks for it is drawn this way; every other table's bytes are pdfmake's own
// (tests/unit/pdf-engine-shortcuts.test.ts).
import { requirePdfmake } from './pdfmake-internals';

interface LineVector {
  type: 'line';
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  lineWidth: number;
  dash?: unknown;
  lineColor?: unknown;
}
interface Writer {
  transactionLevel?: number;
  context(): { x: number; page: number; inSnakingColumns?(): boolean };
  addVector(vector: LineVector, ignoreContextX: boolean, ignoreContextY: boolean, index?: number | null, forcePage?: number): unknown;
}
interface Processor {
  tableNode: { table: { wholeRules?: boolean } };
  headerRows: number;
  /** The rules waiting to be drawn whole (ours). */
  wholeRules?: Array<{ page: number; line: LineVector }>;
  drawVerticalLine(x: number, y0: number, y1: number, col: number, writer: Writer, row: number, before: number | null): void;
  drawHorizontalLine(lineIndex: number, writer: Writer, overrideY?: number, moveDown?: boolean, forcePage?: number): void;
  endTable(writer: Writer): void;
}

let original: { drawVerticalLine: Processor['drawVerticalLine']; drawHorizontalLine: Processor['drawHorizontalLine']; endTable: Processor['endTable'] } | null = null;
let proto: Processor | null = null;

function drawVerticalLine(this: Processor, x: number, y0: number, y1: number, col: number, writer: Writer, row: number, before: number | null): void {
  const context = writer.context();
  if (!this.tableNode.table.wholeRules || row < this.headerRows || writer.transactionLevel || context.inSnakingColumns?.()) {
    original!.drawVerticalLine.call(this, x, y0, y1, col, writer, row, before);
    return;
  }
  // pdfmake's own code decides width, dash and colour; its line is caught instead of added.
  let caught: LineVector | null = null;
  const catcher = { addVector: (vector: LineVector) => (caught = vector) } as unknown as Writer;
  original!.drawVerticalLine.call(this, x, y0, y1, col, catcher, row, before);
  if (!caught) return;
  const line = caught as LineVector;
  // As addVector(…, false, true) would place it: x from the writer's context, y as given.
  line.x1 += context.x;
  line.x2 += context.x;
  (this.wholeRules ??= []).push({ page: context.page, line });
}

const sameStyle = (a: LineVector, b: LineVector) => a.x1 === b.x1 && a.lineWidth === b.lineWidth && a.lineColor === b.lineColor && JSON.stringify(a.dash) === JSON.stringify(b.dash);

function endTable(this: Processor, writer: Writer): void {
  const rules = this.wholeRules;
  if (rules && rules.length) {
    this.wholeRules = [];
    // By page and column, top to bottom; a line that starts at or above where the run ends joins it.
    const runs: Array<{ page: number; line: LineVector }> = [];
    const sorted = [...rules].sort((a, b) => a.page - b.page || a.line.x1 - b.line.x1 || a.line.y1 - b.line.y1);
    for (const r of sorted) {
      const run = runs[runs.length - 1];
      if (run && run.page === r.page && sameStyle(run.line, r.line) && r.line.y1 <= run.line.y2) run.line.y2 = Math.max(run.line.y2, r.line.y2);
      else runs.push({ page: r.page, line: { ...r.line } });
    }
    for (const run of runs) writer.addVector(run.line, true, true, undefined, run.page);
  }
  original!.endTable.call(this, writer);
}

type AddVectorArgs = [LineVector, boolean, boolean, number | null | undefined, number | undefined];

/** A row's horizontal rule, which pdfmake draws cell by cell, end to end: the cells' pieces in one line each run. */
function drawHorizontalLine(this: Processor, lineIndex: number, writer: Writer, overrideY?: number, moveDown = true, forcePage?: number): void {
  if (!this.tableNode.table.wholeRules || writer.transactionLevel) {
    original!.drawHorizontalLine.call(this, lineIndex, writer, overrideY, moveDown, forcePage);
    return;
  }
  const pieces: AddVectorArgs[] = [];
  const flush = () => {
    let run: AddVectorArgs | null = null;
    for (const piece of pieces) {
      const [line, ix, iy, index, page] = piece;
      if (run && run[1] === ix && run[2] === iy && run[3] === index && run[4] === page && run[0].y1 === line.y1 && run[0].lineWidth === line.lineWidth && run[0].lineColor === line.lineColor && JSON.stringify(run[0].dash) === JSON.stringify(line.dash) && run[0].x2 === line.x1) {
        run[0].x2 = line.x2;
        continue;
      }
      if (run) writer.addVector(...run);
      run = [{ ...line }, ix, iy, index, page];
    }
    if (run) writer.addVector(...run);
    pieces.length = 0;
  };
  // pdfmake's own code works the pieces out; they are added (joined) before it moves the writer down.
  const catcher = {
    addVector: (...args: AddVectorArgs) => pieces.push(args),
    context: () => {
      flush();
      return writer.context();
    },
  } as unknown as Writer;
  original!.drawHorizontalLine.call(this, lineIndex, catcher, overrideY, moveDown, forcePage);
  flush();
}

/** Installs (or with `on = false` removes) whole rules for tables that ask for them. Idempotent. */
export function wholeTableRules(on = true): void {
  if (!proto) {
    proto = requirePdfmake<{ default: { prototype: Processor } }>('pdfmake/js/TableProcessor').default.prototype;
    original = { drawVerticalLine: proto.drawVerticalLine, drawHorizontalLine: proto.drawHorizontalLine, endTable: proto.endTable };
  }
  proto.drawVerticalLine = on ? drawVerticalLine : original!.drawVerticalLine;
  proto.drawHorizontalLine = on ? drawHorizontalLine : original!.drawHorizontalLine;
  proto.endTable = on ? endTable : original!.endTable;
}
