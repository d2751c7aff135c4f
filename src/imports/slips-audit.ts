// BNI Connect's "Slips Audit Report" export → one meeting's slips. Preview and commit share one
// analysis: what the secretary confirms is exactly what was previewed. The commit is one transaction.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { ceus, importKeys, meetings, memberAliases, members, oneToOnes, referrals, tyfcbSlips, visitors } from '../db/schema';
import type { ImportPreview } from '../shared/contract';
import { isRealIsoDate } from '../shared/fields';
import { LedgerError } from '../shared/errors';
import { parseMoney } from '../shared/money';
import { foldName } from '../shared/names';
import { recordAudit } from '../services/audit';
import { requireChapter } from '../services/chapter';
import { readTable, type Table } from './spreadsheet';

type SlipType = 'referral' | 'tyfcb' | 'one_to_one' | 'visitor' | 'ceu';
const typeNames: Record<string, SlipType> = {
  referral: 'referral',
  tyfcb: 'tyfcb',
  'one-to-one': 'one_to_one',
  'one to one': 'one_to_one',
  '1-2-1': 'one_to_one',
  visitor: 'visitor',
  ceu: 'ceu',
};
const headerNames = { from: 'from', to: 'to', type: 'slip type', io: 'inside/outside', tyfcb: 'tyfcb', credits: 'ceu credits', detail: 'detail' } as const;

interface Row {
  row: number;
  type: SlipType | null;
  typeText: string;
  from: string;
  to: string;
  io: string;
  amount: string;
  credits: string;
  detail: string;
}

interface Analysis {
  preview: ImportPreview;
  /** Rows ready to write, with resolved members and their import key. */
  ready: Array<Row & { key: string; fromId: string | null; toId: string | null; amountMinor: number; creditCount: number }>;
}

export interface ImportInput {
  fileName: string;
  contentBase64: string;
  meetingOn?: string | undefined;
  /** Names the secretary mapped to members in the preview: remembered for the next import. */
  aliases?: Record<string, string>;
}

async function analyse(db: Db, input: ImportInput): Promise<Analysis> {
  const chapter = requireChapter(db);
  const table = await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const { headerAt, columns } = findHeader(input.fileName, table);
  const meetingOn = input.meetingOn || findReportDate(table.slice(0, headerAt));
  if (!meetingOn) {
    throw new LedgerError('invalid_input', `${input.fileName} does not say which meeting it is for (no "Slips Audit Report for DD/MM/YYYY" title). Choose the meeting date.`, 'meetingOn');
  }
  const names = memberIndex(db, input.aliases ?? {});
  const rows = dataRows(table, headerAt, columns);
  const problems: ImportPreview['problems'] = [];
  const skipped: ImportPreview['skipped'] = [];
  const unmatched = new Set<string>();
  const seen = new Map<string, number>();
  const existingKeys = new Set(db.select({ key: importKeys.key }).from(importKeys).all().map((k) => k.key));
  const ready: Analysis['ready'] = [];
  let alreadyImported = 0;
  const counts: Record<SlipType, number> = { referral: 0, tyfcb: 0, one_to_one: 0, visitor: 0, ceu: 0 };

  for (const r of rows) {
    // A slip type this ledger does not keep is shown and skipped, not a reason to refuse the file.
    if (!r.type) {
      skipped.push({ row: r.row, message: `Row ${r.row}: "${r.typeText}" is not a slip type Chapter Ledger keeps (Referral, TYFCB, One-to-One, Visitor, CEU); the row is skipped.` });
      continue;
    }
    const rowProblems: string[] = [];
    const member = (name: string, role: string, required: boolean) => {
      if (!name) {
        if (required) rowProblems.push(`${role} is empty`);
        return null;
      }
      const id = names.get(foldName(name));
      if (!id) {
        unmatched.add(name);
        rowProblems.push(`"${name}" (${role}) matches no member`);
      }
      return id ?? null;
    };
    const fromId = member(r.from, 'From', r.type !== 'visitor');
    const toId = r.type === 'visitor' ? null : member(r.to, 'To', r.type !== 'ceu');
    if (r.type === 'visitor' && !r.to) rowProblems.push('the visitor has no name (To is empty)');
    let amountMinor = 0;
    if (r.type === 'tyfcb') {
      const money = parseMoney(r.amount, chapter.currency, chapter.locale, 'TYFCB amount');
      if (!money.ok) rowProblems.push(money.message);
      else if (money.minor === 0) rowProblems.push('TYFCB amount is zero');
      else amountMinor = money.minor;
    }
    const creditCount = r.type === 'ceu' ? Math.max(1, Math.round(Number(r.credits) || 1)) : 0;
    if (fromId && toId && fromId === toId) rowProblems.push('From and To are the same member');

    for (const p of rowProblems) problems.push({ row: r.row, message: `Row ${r.row}: ${p}.` });
    if (rowProblems.length) continue;
    // The slip's identity uses the members it resolved to, not the spelling in the file: an alias, a
    // capitalisation or a re-export from this ledger all name the same slip.
    const inOut = r.type === 'referral' ? kindOf(r.io) : r.type === 'tyfcb' ? tyfcbKindOf(r.io) : '';
    const pair = r.type === 'one_to_one' ? [fromId ?? '', toId ?? ''].sort() : [fromId ?? '', r.type === 'visitor' ? foldName(r.to) : (toId ?? '')];
    const identity = [meetingOn, r.type, ...pair, inOut, amountMinor, creditCount, r.detail].join('|');
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    const key = createHash('sha256').update(`${identity}|${occurrence}`).digest('hex');
    if (existingKeys.has(key)) {
      alreadyImported++;
      continue;
    }
    counts[r.type!]++;
    ready.push({ ...r, key, fromId, toId, amountMinor, creditCount });
  }
  const meeting = db.select({ status: meetings.status }).from(meetings).where(eq(meetings.meetingOn, meetingOn)).get();
  return {
    ready,
    preview: {
      fileName: input.fileName,
      meetingOn,
      meetingStatus: meeting?.status ?? 'new',
      rows: rows.length,
      toCreate: counts,
      alreadyImported,
      problems,
      skipped,
      unmatchedNames: [...unmatched].sort(),
    },
  };
}

function findHeader(fileName: string, table: Table): { headerAt: number; columns: Record<keyof typeof headerNames, number> } {
  for (let i = 0; i < Math.min(table.length, 40); i++) {
    const cells = (table[i] ?? []).map((c) => c.trim().toLowerCase());
    if (cells.includes('from') && cells.includes('to') && cells.includes('slip type')) {
      const columns = Object.fromEntries(Object.entries(headerNames).map(([k, name]) => [k, cells.indexOf(name)])) as Record<keyof typeof headerNames, number>;
      return { headerAt: i, columns };
    }
  }
  throw new LedgerError('invalid_input', `${fileName} is not a Slips Audit Report: no header row with From, To and Slip Type. Nothing was imported.`, 'file');
}

function findReportDate(titleRows: Table): string | null {
  for (const cell of titleRows.flat()) {
    const m = /slips audit report for\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/i.exec(cell);
    if (m) {
      const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
      if (isRealIsoDate(iso)) return iso;
    }
  }
  return null;
}

function dataRows(table: Table, headerAt: number, columns: Record<keyof typeof headerNames, number>): Row[] {
  const cell = (row: string[], key: keyof typeof headerNames) => (columns[key] >= 0 ? (row[columns[key]] ?? '').trim() : '');
  const rows: Row[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const typeText = cell(row, 'type');
    // Totals and summary lines at the end carry no slip type.
    if (!typeText && /total/i.test(row.join(' '))) continue;
    if (!typeText && !cell(row, 'from') && !cell(row, 'to')) continue;
    rows.push({
      row: i + 1,
      type: typeNames[typeText.toLowerCase()] ?? null,
      typeText,
      from: cell(row, 'from'),
      to: cell(row, 'to'),
      io: cell(row, 'io'),
      amount: cell(row, 'tyfcb'),
      credits: cell(row, 'credits'),
      detail: cell(row, 'detail'),
    });
  }
  return rows;
}

/** Every member's folded full name, plus remembered aliases and the ones mapped in this preview. */
function memberIndex(db: Db, mapped: Record<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const m of db.select({ id: members.id, first: members.firstName, last: members.lastName }).from(members).all()) index.set(foldName(`${m.first} ${m.last}`), m.id);
  for (const a of db.select().from(memberAliases).all()) index.set(a.alias, a.memberId);
  const known = new Set(db.select({ id: members.id }).from(members).all().map((m) => m.id));
  for (const [name, id] of Object.entries(mapped)) {
    if (!known.has(id)) throw new LedgerError('not_found', `"${name}" was mapped to a member who does not exist. Choose again.`, 'aliases');
    index.set(foldName(name), id);
  }
  return index;
}

export async function previewSlipsAudit(db: Db, input: ImportInput): Promise<ImportPreview> {
  return (await analyse(db, input)).preview;
}

const kindOf = (io: string): 'inside' | 'outside' => (/^in/i.test(io) ? 'inside' : 'outside');
const tyfcbKindOf = (io: string): 'inside' | 'outside' | 'tier3' => (/tier/i.test(io) ? 'tier3' : /^in/i.test(io) ? 'inside' : 'outside');

export async function importSlipsAudit(db: Db, input: ImportInput): Promise<ImportPreview & { imported: number }> {
  const { preview, ready } = await analyse(db, input);
  if (preview.problems.length > 0) {
    throw new LedgerError('conflict', `${preview.problems.length} row${preview.problems.length > 1 ? 's have' : ' has'} a problem: fix ${preview.problems.length > 1 ? 'them' : 'it'} (or map the names) before importing. Nothing was imported.`);
  }
  const chapter = requireChapter(db);
  const reason = `Imported from ${input.fileName}`;
  // All or nothing: the meeting, every slip, the aliases and the import keys in one transaction.
  db.transaction((tx) => {
    for (const [name, memberId] of Object.entries(input.aliases ?? {})) {
      tx.insert(memberAliases).values({ alias: foldName(name), memberId }).onConflictDoUpdate({ target: memberAliases.alias, set: { memberId } }).run();
    }
    let meeting = tx.select().from(meetings).where(eq(meetings.meetingOn, preview.meetingOn)).get();
    if (!meeting) {
      // History from BNI Connect is a meeting that already took place: it arrives closed.
      meeting = tx.insert(meetings).values({ meetingOn: preview.meetingOn, status: 'completed', closedAt: new Date().toISOString(), note: reason }).returning().get();
      recordAudit(tx, { action: 'import', entity: 'meeting', entityId: meeting.id, after: meeting, reason });
    }
    for (const r of ready) {
      const meetingId = meeting.id;
      let entity: string;
      let entityId: string;
      switch (r.type) {
        case 'referral':
          entity = 'referral';
          entityId = tx.insert(referrals).values({ meetingId, giverId: r.fromId!, receiverId: r.toId!, kind: kindOf(r.io), temperature: 3, prospectName: r.detail || 'From BNI Connect', note: reason }).returning({ id: referrals.id }).get().id;
          break;
        case 'tyfcb':
          entity = 'tyfcb';
          entityId = tx.insert(tyfcbSlips).values({ meetingId, closerId: r.fromId!, referrerId: r.toId!, amountMinor: r.amountMinor, currency: chapter.currency, business: /repeat/i.test(r.detail) ? 'repeat' : 'new', kind: tyfcbKindOf(r.io), note: r.detail }).returning({ id: tyfcbSlips.id }).get().id;
          break;
        case 'one_to_one': {
          const [a, b] = [r.fromId!, r.toId!].sort() as [string, string];
          entity = 'one_to_one';
          entityId = tx.insert(oneToOnes).values({ meetingId, memberAId: a, memberBId: b, metOn: preview.meetingOn, note: r.detail }).returning({ id: oneToOnes.id }).get().id;
          break;
        }
        case 'visitor':
          entity = 'visitor';
          entityId = tx.insert(visitors).values({ meetingId, name: r.to, company: r.detail, invitedById: r.fromId }).returning({ id: visitors.id }).get().id;
          break;
        case 'ceu':
          entity = 'ceu';
          entityId = tx.insert(ceus).values({ meetingId, memberId: r.fromId!, credits: Math.min(100, r.creditCount), note: r.detail }).returning({ id: ceus.id }).get().id;
          break;
        default:
          throw new LedgerError('internal', 'An unknown slip type reached the import.');
      }
      tx.insert(importKeys).values({ key: r.key, entity, entityId, fileName: input.fileName }).run();
      recordAudit(tx, { action: 'import', entity, entityId, after: { ...r, key: undefined }, reason });
    }
  });
  return { ...preview, imported: ready.length };
}
