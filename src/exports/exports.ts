// Getting everything out: every table as CSV (UTF-8, header row, ISO dates, money with at least two decimals and every minor digit of the currency),
// a meeting's slips in BNI Connect's audit layout, and a complete, consistent copy of the chapter file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { LedgerError } from '../shared/errors';
import { minorToPlainAmount } from '../shared/money';
import { requireChapter } from '../services/chapter';
import { requireMeeting } from '../services/meeting-guards';
import { listMeetingSlips } from '../services/slips';
import type { Slip } from '../shared/contract';

export const exportedTables = [
  'chapter', 'contact_spheres', 'classifications', 'members', 'seat_history', 'meetings', 'attendance',
  'referrals', 'tyfcb_slips', 'one_to_ones', 'one_to_one_entered_order', 'visitors', 'ceus', 'outside_parties', 'outside_party_slips', 'audit_log', 'member_aliases', 'outside_party_aliases', 'import_keys',
] as const;

/** A cell a spreadsheet would run as a formula (= + - @) is written with a leading apostrophe. */
const safe = (value: unknown): unknown => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function tableCsv(db: Db, table: (typeof exportedTables)[number]): { csv: string; rows: number } {
  const currency = requireChapter(db).currency;
  const rows = db.all<Record<string, unknown>>(sql.raw(`SELECT * FROM ${table} ORDER BY rowid`));
  const columns = rows[0] ? Object.keys(rows[0]) : (db.all<{ name: string }>(sql.raw(`SELECT name FROM pragma_table_info('${table}')`))).map((c) => c.name);
  // Money is stored in minor units; the export adds it as a decimal amount beside (two decimals, three for KWD), for spreadsheets.
  const withAmount = columns.includes('amount_minor');
  const fields = withAmount ? [...columns, 'amount'] : columns;
  const data = rows.map((row) => [...columns.map((c) => safe(row[c])), ...(withAmount ? [row.amount_minor === null ? '' : minorToPlainAmount(Number(row.amount_minor), String(row.currency ?? currency))] : [])]);
  return { csv: Papa.unparse({ fields, data }, { newline: '\r\n' }), rows: rows.length };
}

export function exportAllTables(db: Db, parentFolder: string, at = new Date()): { folder: string; files: Array<{ name: string; rows: number }> } {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-');
  const folder = path.join(parentFolder, `chapter-ledger-export-${stamp}`);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new LedgerError('conflict', `The folder ${parentFolder} cannot be written to (${(error as Error).message}). Nothing was exported.`, 'folder');
  }
  const files = exportedTables.map((table) => {
    const { csv, rows } = tableCsv(db, table);
    writeFileSync(path.join(folder, `${table}.csv`), `\ufeff${csv}`);
    return { name: `${table}.csv`, rows };
  });
  return { folder, files };
}

/** One meeting as BNI Connect's slips audit: the importer reads it back as the same slips. */
export function slipsAuditCsv(db: Db, meetingId: string): { fileName: string; csv: string } {
  const chapter = requireChapter(db);
  const meeting = requireMeeting(db, meetingId);
  const rows = listMeetingSlips(db, meetingId).reverse().map((s) => auditCsvRow(s, chapter.currency));
  const csv = Papa.unparse(
    {
      fields: ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail', 'New/Repeat'],
      data: rows.map((r) => r.map(safe)),
    },
    { newline: '\r\n' },
  );
  // The date in ISO order: whoever reads the file, day-first or month-first, reads the same meeting.
  const title = Papa.unparse([[`Slips Audit Report for ${meeting.meetingOn}`], [chapter.name], ['']], { newline: '\r\n' });
  return { fileName: `slips-audit-${meeting.meetingOn}.csv`, csv: `${title}\r\n${csv}` };
}

function auditCsvRow(s: Slip, currency: string): string[] {
  switch (s.kind) {
    case 'referral':
      return [s.giverName, s.receiverName, 'Referral', s.referralKind === 'inside' ? 'Inside' : 'Outside', '', '', s.prospectName, ''];
    case 'tyfcb':
      return [s.closerName, s.referrerName, 'TYFCB', s.tyfcbKind === 'tier3' ? 'Tier 3' : s.tyfcbKind === 'inside' ? 'Inside' : 'Outside', minorToPlainAmount(s.amountMinor, currency), '', s.note, s.business === 'repeat' ? 'Repeat' : 'New'];
    case 'one_to_one':
      return [s.memberAName, s.memberBName, 'One-to-One', '', '', '', s.note, ''];
    case 'visitor':
      return [s.invitedByName ?? '', s.name, 'Visitor', '', '', '', s.company, ''];
    case 'ceu':
      return [s.memberName, '', 'CEU', '', '', String(s.credits), s.note, ''];
    case 'outside_party':
      // The party as the slip shows it ("Li Wei (BNI Harbour chapter)", "BNI"): the import reads it back as that party.
      if (s.slipType === 'referral') return [s.fromName, s.toName, 'Referral', s.slipKind === 'inside' ? 'Inside' : 'Outside', '', '', s.prospectName, ''];
      if (s.slipType === 'tyfcb') return [s.fromName, s.toName, 'TYFCB', s.slipKind === 'tier3' ? 'Tier 3' : s.slipKind === 'inside' ? 'Inside' : 'Outside', minorToPlainAmount(s.amountMinor ?? 0, currency), '', s.note, s.business === 'repeat' ? 'Repeat' : 'New'];
      return [s.fromName, s.toName, 'One-to-One', '', '', '', s.note, ''];
  }
}
