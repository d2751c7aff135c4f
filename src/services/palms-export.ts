// The per-member table as CSV in BNI Connect's PALMS column order, for chapters that also keep
// the official platform or a spreadsheet. TYFCB is the member's own slips (business they received).
import Papa from 'papaparse';
import type { Db } from '../db/open';
import type { Period } from '../shared/contract';
import { minorToPlainAmount } from '../shared/money';
import { requireChapter } from './chapter';
import { memberTallies } from './tallies';

export const palmsColumns = ['First Name', 'Last Name', 'P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'] as const;

export function palmsCsv(db: Db, p: Period): { fileName: string; csv: string } {
  const chapter = requireChapter(db);
  const rows = memberTallies(db, p).map((m) => [
    m.firstName,
    m.lastName,
    m.p,
    m.a,
    m.l,
    m.m,
    m.s,
    m.rgi,
    m.rgo,
    m.rri,
    m.rro,
    m.visitors,
    m.oneToOnes,
    minorToPlainAmount(m.tyfcbReceivedMinor, chapter.currency),
    m.ceus,
  ]);
  // A leading = + - @ would make a spreadsheet run the cell as a formula: quote-escape it.
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  const csv = Papa.unparse({ fields: [...palmsColumns], data: safe }, { newline: '\r\n' });
  const slug = chapter.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return { fileName: `${slug}-PALMS-${p.from}-to-${p.to}.csv`, csv };
}
