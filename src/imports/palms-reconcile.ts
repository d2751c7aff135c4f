// BNI Connect's "Chapter Summary PALMS Report" beside our own tallies for the same period: every
// difference by member and column, so the secretary can find what one side is missing.
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { PalmsReconciliation } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import type { LegacyEncoding } from '../shared/text-encodings';
import { minorToPlainAmount } from '../shared/money';
import { foldName } from '../shared/names';
import { requireChapter } from '../services/chapter';
import { memberTallies } from '../services/tallies';
import { palmsFiguresOf, palmsOutsideRows } from '../services/palms-export';
import { dateIn, describeBothReadings, fileDateOrder, parseDateText, readAmount, readCount, type DateOrder } from './file-values';
import { couldBe, memberNames } from './member-names';
import { isNumberCell, readAsOf, readTable } from './spreadsheet';

const columns = ['P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'] as const;
type ColumnName = (typeof columns)[number];

// BNI Connect's own rows for people outside the chapter: visitors' referrals and the "BNI" account.
const outsideRowNames = new Set(['visitors', 'visitor', 'bni', 'besucher', 'visiteurs', 'visitantes']);

/**
 * The report's period from its From and To rows, read in the file's own date order: any day above 12
 * settles it; else the only order in which From comes before To; else the secretary says.
 */
function periodOf(fileName: string, fromText: string | null, toText: string | null, chosen: DateOrder | undefined): { from: string; to: string } | null {
  if (fromText === null || toText === null) {
    // The ledger's own PALMS export names its period in the file name ("…-PALMS-2026-01-01-to-2026-03-31.csv").
    const named = /(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})/.exec(fileName);
    return named && parseDateText(named[1]!).iso && parseDateText(named[2]!).iso ? { from: named[1]!, to: named[2]! } : null;
  }
  const detected = fileDateOrder([fromText, toText]);
  const read = (order: DateOrder | null) => ({ from: dateIn(fromText, order), to: dateIn(toText, order) });
  const ordered = (r: { from: string | null; to: string | null }) => r.from !== null && r.to !== null && r.from <= r.to;
  if (detected.order) return ordered(read(detected.order)) ? (read(detected.order) as { from: string; to: string }) : null;
  if (ordered(read(null))) return read(null) as { from: string; to: string };
  if (chosen) return ordered(read(chosen)) ? (read(chosen) as { from: string; to: string }) : null;
  const dmy = ordered(read('dmy'));
  const mdy = ordered(read('mdy'));
  if (dmy !== mdy) return read(dmy ? 'dmy' : 'mdy') as { from: string; to: string };
  if (dmy && mdy && detected.example) {
    throw new LedgerError('invalid_input', `${fileName} gives its period as ${fromText} to ${toText}: ${describeBothReadings(detected.example)}. Choose how this file writes dates.`, 'dateOrder');
  }
  return null;
}

export async function reconcilePalms(db: Db, input: { fileName: string; contentBase64: string; dateOrder?: DateOrder | undefined; readAs?: LegacyEncoding | undefined }): Promise<PalmsReconciliation> {
  const chapter = requireChapter(db);
  const table = await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'), { readAs: input.readAs, locale: chapter.locale }, undefined, { handOver: true });
  const headerAt = table.findIndex((row) => {
    const cells = row.map((c) => c.trim().toUpperCase());
    return cells.includes('FIRST NAME') && cells.includes('RGI') && cells.includes('TYFCB');
  });
  if (headerAt < 0) throw new LedgerError('invalid_input', `${input.fileName} is not a Chapter Summary PALMS Report: no header row with First Name, RGI and TYFCB.`, 'file');
  // Parameter rows above the header: "From" and "To" (label in one cell, value in the next).
  const parameter = (labels: string[]) => {
    for (const row of table.slice(0, headerAt)) {
      const i = row.findIndex((c) => labels.includes(c.trim().toLowerCase().replace(/:$/, '')));
      if (i >= 0) for (const value of row.slice(i + 1)) if (value.trim()) return value.trim();
    }
    return null;
  };
  const period = periodOf(input.fileName, parameter(['from', 'von', 'de', 'desde', 'du']), parameter(['to', 'bis', 'à', 'hasta', 'au', 'a']), input.dateOrder);
  if (!period) throw new LedgerError('invalid_input', `${input.fileName} does not give its period (the From and To rows). Export the report again with its parameters.`, 'file');
  const { from, to } = period;

  const header = table[headerAt]!.map((c) => c.trim().toUpperCase());
  const at = (name: string) => header.indexOf(name.toUpperCase());
  const first = at('FIRST NAME');
  const last = at('LAST NAME');
  const theirs: Array<{ row: number; name: string; values: Record<ColumnName, number> }> = [];
  const outsideRows: string[] = [];
  const outsideValues = new Map<'visitor' | 'bni', { name: string; values: Record<ColumnName, number> }>();
  const problems: string[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    const name = `${row[first] ?? ''} ${row[last] ?? ''}`.trim();
    if (!name || /total/i.test(name)) continue;
    // Numbers as the file writes them: a Number cell is a number; text by its own punctuation.
    const values = {} as Record<ColumnName, number>;
    for (const column of columns) {
      const raw = (row[at(column)] ?? '').trim();
      const numberCell = isNumberCell(row, at(column));
      if (column === 'TYFCB') {
        const money = raw ? readAmount(raw, chapter.currency, 'the TYFCB amount', numberCell) : ({ ok: true, minor: 0 } as const);
        if (!money.ok) problems.push(`Row ${i + 1} (${name}): ${money.message}.`);
        values[column] = money.ok ? money.minor : 0;
      } else {
        const n = raw ? readCount(raw, numberCell) : 0;
        if (n === null) problems.push(`Row ${i + 1} (${name}): ${column} "${raw}" is not a number.`);
        values[column] = n ?? 0;
      }
    }
    if (outsideRowNames.has(foldName(name)) || outsideRowNames.has(foldName(String(row[first] ?? '')))) {
      // Not a member: compared with what the ledger holds for visitors or the BNI account, never with a member.
      outsideRows.push(name);
      outsideValues.set(/^bni$/i.test(foldName(name)) ? 'bni' : 'visitor', { name, values });
      continue;
    }
    theirs.push({ row: i + 1, name, values });
  }

  // Each row's member, matched as every import matches names: a name two members share is asked about.
  const names = memberNames((db as unknown as { $client: Database.Database }).$client);
  const rowsOf = new Map<string, typeof theirs>();
  const onlyInFile: string[] = [];
  const askedAbout = new Set<string>();
  for (const entry of theirs) {
    const found = names.match(entry.name);
    if (found.kind === 'member') rowsOf.set(found.id, [...(rowsOf.get(found.id) ?? []), entry]);
    else if (found.kind === 'none') onlyInFile.push(entry.name);
    else {
      for (const c of found.candidates) askedAbout.add(c.id);
      problems.push(`Row ${entry.row} (${entry.name}) ${couldBe(found.candidates)}. It is not compared with ${found.candidates.length === 2 ? 'either' : 'any of them'} (map the name in a slips import first).`);
    }
  }
  const ours = memberTallies(db, { from, to });
  const differences: PalmsReconciliation['differences'] = [];
  let compared = 0;
  // TYFCB as BNI Connect writes money, with every minor digit of the chapter's currency (1250.555 dinars, never 1250.56).
  const show = (column: ColumnName, v: number) => (column === 'TYFCB' ? minorToPlainAmount(v, chapter.currency) : String(v));
  for (const m of ours) {
    const entries = rowsOf.get(m.memberId) ?? [];
    if (entries.length > 1) {
      problems.push(`Rows ${entries.map((e) => `${e.row} (${e.name})`).join(' and ')} are ${entries.length === 2 ? 'both' : 'all'} read as ${m.name}: none of them is compared (the ledger will not guess which one is theirs).`);
      continue;
    }
    const entry = entries[0];
    if (!entry) continue;
    compared++;
    // As BNI Connect counts them: the member's slips with people outside the chapter included.
    const mine: Record<ColumnName, number> = palmsFiguresOf(m);
    for (const column of columns) {
      if (Math.abs(mine[column] - entry.values[column]) > 1e-9) {
        // The ledger leaves a disputed TYFCB out of the member's figure; BNI Connect does not know of the dispute.
        const disputed = column === 'TYFCB' && m.tyfcbReceivedDisputedSlips > 0 ? ` (+ ${show(column, m.tyfcbReceivedDisputedMinor)} under dispute, not counted)` : '';
        differences.push({ name: m.name, column, bniConnect: show(column, entry.values[column]), ledger: show(column, mine[column]) + disputed });
      }
    }
  }
  // A row matched to a member with no figures in the period (not in the chapter then) is the file's alone.
  const inLedger = new Set(ours.map((m) => m.memberId));
  for (const [id, entries] of rowsOf) if (!inLedger.has(id)) onlyInFile.push(...entries.map((e) => e.name));
  // The report's "Visitors" and "BNI" rows against the ledger's slips with visitors and the BNI account.
  const ledgerOutside = new Map(palmsOutsideRows(db, { from, to }).map((o) => [o.kind, o]));
  for (const kind of ['visitor', 'bni'] as const) {
    const theirsRow = outsideValues.get(kind);
    const oursRow = ledgerOutside.get(kind);
    if (!theirsRow && !oursRow) continue;
    const name = theirsRow?.name ?? oursRow!.name;
    for (const column of columns) {
      const a = theirsRow?.values[column] ?? 0;
      const b = oursRow?.values[column] ?? 0;
      if (Math.abs(a - b) > 1e-9) differences.push({ name, column, bniConnect: show(column, a), ledger: show(column, b) });
    }
  }
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  // Zero members compared is never "no difference": no name matched (another chapter's report?), or none could be compared, or the file lists nobody.
  const headline =
    compared > 0
      ? `${from} to ${to}: ${differences.length === 0 ? 'no difference' : n(differences.length, 'difference', 'differences')} across ${n(compared, 'member', 'members')} compared.`
      : theirs.length === 0
        ? `${from} to ${to}: the file lists no members, so nothing was compared.`
        : rowsOf.size === 0 && askedAbout.size === 0
          ? `${from} to ${to}: no name in this file matched a member of this chapter, so nothing was compared. Is it another chapter's report, or the wrong file?`
          : `${from} to ${to}: no member could be compared (see below), so this is not a check that the figures agree.`;
  return {
    fileName: input.fileName,
    readAs: readAsOf(table, { headerAt, columns: [first, last] }),
    period: { from, to },
    compared,
    headline,
    differences,
    onlyInFile,
    onlyInLedger: ours.filter((m) => !rowsOf.has(m.memberId) && !askedAbout.has(m.memberId)).map((m) => m.name),
    outsideRows,
    problems,
  };
}
