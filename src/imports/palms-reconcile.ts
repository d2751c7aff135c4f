// BNI Connect's "Chapter Summary PALMS Report" beside our own tallies for the same period: every
// difference by member and column, so the secretary can find what one side is missing.
import type { Db } from '../db/open';
import { memberAliases } from '../db/schema';
import type { PalmsReconciliation } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { minorDigits, parseMoney } from '../shared/money';
import { foldName } from '../shared/names';
import { requireChapter } from '../services/chapter';
import { memberTallies } from '../services/tallies';
import { readTable } from './spreadsheet';

const columns = ['P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'] as const;
type ColumnName = (typeof columns)[number];

function dateOf(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : null;
}

export async function reconcilePalms(db: Db, input: { fileName: string; contentBase64: string }): Promise<PalmsReconciliation> {
  const chapter = requireChapter(db);
  const table = await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const headerAt = table.findIndex((row) => {
    const cells = row.map((c) => c.trim().toUpperCase());
    return cells.includes('FIRST NAME') && cells.includes('RGI') && cells.includes('TYFCB');
  });
  if (headerAt < 0) throw new LedgerError('invalid_input', `${input.fileName} is not a Chapter Summary PALMS Report: no header row with First Name, RGI and TYFCB.`, 'file');
  // Parameter rows above the header: "From" and "To" (label in one cell, value in the next).
  const parameter = (label: string) => {
    for (const row of table.slice(0, headerAt)) {
      const i = row.findIndex((c) => c.trim().toLowerCase().replace(/:$/, '') === label);
      if (i >= 0) for (const value of row.slice(i + 1)) if (dateOf(value)) return dateOf(value);
    }
    return null;
  };
  const from = parameter('from');
  const to = parameter('to');
  if (!from || !to) throw new LedgerError('invalid_input', `${input.fileName} does not give its period (the From and To rows). Export the report again with its parameters.`, 'file');

  const header = table[headerAt]!.map((c) => c.trim().toUpperCase());
  const at = (name: string) => header.indexOf(name.toUpperCase());
  const first = at('FIRST NAME');
  const last = at('LAST NAME');
  const theirs = new Map<string, { name: string; values: Record<ColumnName, number> }>();
  const problems: string[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    const name = `${row[first] ?? ''} ${row[last] ?? ''}`.trim();
    if (!name || /total/i.test(name)) continue;
    const values = {} as Record<ColumnName, number>;
    for (const column of columns) {
      const raw = (row[at(column)] ?? '').trim();
      if (column === 'TYFCB') {
        const money = parseMoney(raw || '0', chapter.currency, chapter.locale, 'TYFCB');
        if (!money.ok) problems.push(`Row ${i + 1} (${name}): ${money.message}`);
        values[column] = money.ok ? money.minor : 0;
      } else values[column] = Number(raw || 0);
    }
    theirs.set(foldName(name), { name, values });
  }

  const aliases = new Map(db.select().from(memberAliases).all().map((a) => [a.alias, a.memberId]));
  const ours = memberTallies(db, { from, to });
  const differences: PalmsReconciliation['differences'] = [];
  const seen = new Set<string>();
  const digits = minorDigits(chapter.currency);
  const show = (column: ColumnName, v: number) => (column === 'TYFCB' ? (v / 10 ** digits).toFixed(2) : String(v));
  for (const m of ours) {
    const entry = theirs.get(foldName(m.name)) ?? [...theirs.entries()].find(([key]) => aliases.get(key) === m.memberId)?.[1];
    if (!entry) continue;
    seen.add(foldName(entry.name));
    const mine: Record<ColumnName, number> = { P: m.p, A: m.a, L: m.l, M: m.m, S: m.s, RGI: m.rgi, RGO: m.rgo, RRI: m.rri, RRO: m.rro, V: m.visitors, '1-2-1': m.oneToOnes, TYFCB: m.tyfcbReceivedMinor, CEU: m.ceus };
    for (const column of columns) {
      if (Math.abs(mine[column] - entry.values[column]) > 1e-9) differences.push({ name: m.name, column, bniConnect: show(column, entry.values[column]), ledger: show(column, mine[column]) });
    }
  }
  return {
    fileName: input.fileName,
    period: { from, to },
    compared: seen.size,
    differences,
    onlyInFile: [...theirs.entries()].filter(([key]) => !seen.has(key)).map(([, v]) => v.name),
    onlyInLedger: ours.filter((m) => !theirs.has(foldName(m.name)) && ![...aliases.entries()].some(([alias, id]) => id === m.memberId && theirs.has(alias))).map((m) => m.name),
    problems,
  };
}
