// The per-member table as CSV in BNI Connect's PALMS column order, for chapters that also keep
// the official platform or a spreadsheet. TYFCB is the member's own slips (business they received).
//
// BNI Connect counts a member's slips with people outside the chapter in that member's PALMS columns
// (a referral given to another chapter's member is still a referral given), and lists what visitors
// and the "BNI" account did on rows of their own. The ledger keeps those slips apart from the members'
// figures (never in the tallies, matrix or scorecard), and adds them back only here, where the report
// is BNI Connect's: the export and the PALMS check read the same rows.
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import type { MemberTally, Period } from '../shared/contract';
import { minorToPlainAmount } from '../shared/money';
import { requireChapter } from './chapter';
import { memberTallies } from './tallies';
import { fileNameWords } from '../shared/file-name-words';

export const palmsColumns = ['First Name', 'Last Name', 'P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'] as const;
export const palmsFigureColumns = ['P', 'A', 'L', 'M', 'S', 'RGI', 'RGO', 'RRI', 'RRO', 'V', '1-2-1', 'TYFCB', 'CEU'] as const;
export type PalmsColumn = (typeof palmsFigureColumns)[number];
export type PalmsFigures = Record<PalmsColumn, number>;

/** A member's PALMS figures as BNI Connect counts them: their slips with outsiders included. */
export function palmsFiguresOf(m: MemberTally): PalmsFigures {
  return {
    P: m.p, A: m.a, L: m.l, M: m.m, S: m.s,
    RGI: m.rgi + m.outsideRgi, RGO: m.rgo + m.outsideRgo, RRI: m.rri + m.outsideRri, RRO: m.rro + m.outsideRro,
    V: m.visitors, '1-2-1': m.oneToOnes + m.outsideOneToOnes, TYFCB: m.tyfcbReceivedMinor + m.outsideTyfcbReceivedMinor, CEU: m.ceus,
  };
}

/**
 * BNI Connect's "Visitors" and "BNI" rows, from the ledger: what visitors (or the BNI account) gave
 * the chapter's members (their RGI/RGO), received from them (RRI/RRO), closed and thanked a member
 * for (TYFCB), and one-to-ones with them. Only kinds that have slips in the period.
 */
export function palmsOutsideRows(db: Db, p: Period): Array<{ kind: 'visitor' | 'bni'; name: string; values: PalmsFigures }> {
  const rows = db.all<{ kind: 'visitor' | 'bni'; rgi: number; rgo: number; rri: number; rro: number; oto: number; tyfcb: number }>(sql`
    SELECT pa.kind,
      sum(s.slip_type = 'referral' AND s.direction = 'received' AND s.kind = 'inside') AS rgi,
      sum(s.slip_type = 'referral' AND s.direction = 'received' AND s.kind = 'outside') AS rgo,
      sum(s.slip_type = 'referral' AND s.direction = 'given' AND s.kind = 'inside') AS rri,
      sum(s.slip_type = 'referral' AND s.direction = 'given' AND s.kind = 'outside') AS rro,
      sum(s.slip_type = 'one_to_one') AS oto,
      sum(CASE WHEN s.slip_type = 'tyfcb' AND s.direction = 'given' THEN s.amount_minor ELSE 0 END) AS tyfcb
    FROM outside_party_slips s JOIN outside_parties pa ON pa.id = s.party_id
    JOIN meetings mt ON mt.id = s.meeting_id AND mt.status = 'completed' AND mt.meeting_on BETWEEN ${p.from} AND ${p.to}
    WHERE s.deleted_at IS NULL AND pa.kind IN ('visitor', 'bni')
    GROUP BY pa.kind ORDER BY pa.kind DESC`);
  return rows.map((r) => ({
    kind: r.kind,
    name: r.kind === 'visitor' ? 'Visitors' : 'BNI',
    values: { P: 0, A: 0, L: 0, M: 0, S: 0, RGI: r.rgi, RGO: r.rgo, RRI: r.rri, RRO: r.rro, V: 0, '1-2-1': r.oto, TYFCB: r.tyfcb, CEU: 0 },
  }));
}

export function palmsCsv(db: Db, p: Period): { fileName: string; csv: string } {
  const chapter = requireChapter(db);
  const line = (first: string, last: string, f: PalmsFigures) => [first, last, ...palmsFigureColumns.map((c) => (c === 'TYFCB' ? minorToPlainAmount(f.TYFCB, chapter.currency) : f[c]))];
  const rows = [
    ...memberTallies(db, p).map((m) => line(m.firstName, m.lastName, palmsFiguresOf(m))),
    // As BNI Connect writes them: the name in First Name, Last Name empty.
    ...palmsOutsideRows(db, p).map((o) => line(o.name, '', o.values)),
  ];
  // A leading = + - @ would make a spreadsheet run the cell as a formula: quote-escape it.
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  const csv = Papa.unparse({ fields: [...palmsColumns], data: safe }, { newline: '\r\n' });
  const slug = fileNameWords(chapter.name);
  return { fileName: `${slug}-PALMS-${p.from}-to-${p.to}.csv`, csv };
}
