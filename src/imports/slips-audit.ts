// BNI Connect's "Slips Audit Report" export → one meeting's slips. Preview and import share one
// analysis: every file row is matched against the slips already in that meeting (typed or imported,
// by the same rule) and shown as already in the ledger, new, differs or problem. The import writes the
// new and differing rows in one transaction as one batch that can be undone; problem rows are left out
// and listed, never a reason to refuse the others.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { refreshPlannerStatistics } from '../db/statistics';
import type { ImportPreview, ImportRow } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import type { LegacyEncoding } from '../shared/text-encodings';
import { formatMoney } from '../shared/money';
import { foldName } from '../shared/names';
import { couldBe, memberNames, nameKey, spellingOf, withSeats } from './member-names';
import { chapterToday, requireChapter } from '../services/chapter';
import { titleDateOf } from './title-date';
import { anotherChapterOverride, chapterWarningOf, otherReportNamedIn, refuseUnconfirmedChapter } from './chapter-of-file';
import { findColumns, type ColumnSpec } from './column-mapping';
import { auditAppender } from '../services/audit-chain';
import { linkSavedVisitorSlips, visitorSlipsLinkedWhileOpening } from '../services/visitors';
import { idRun, type IdRun } from './created-runs';
import { checkParty, partyFromText, partyLabel, partyMatchKey, type OutsideParty } from '../services/outside-parties';
import { amountCurrency, describeBothReadings, fileDateOrder, dateIn, parseDateText, readAmount, readCount, sentence, type DateOrder } from './file-values';
import { ledgerSlipsOf, matchRows, type Difference, type LedgerSlip, type Match, type SlipFacts, type SlipType } from './slip-matching';
import { isNumberCell, readAsOf, readTable, type Table } from './spreadsheet';

// Slip-type names as BNI Connect writes them, in the languages its exports come in.
const typeNames: Record<string, SlipType> = {
  referral: 'referral', referrals: 'referral', empfehlung: 'referral', recommandation: 'referral', referencia: 'referral', 'référence': 'referral', referencias: 'referral',
  // Dutch, Italian, Portuguese
  referentie: 'referral', doorverwijzing: 'referral', aanbeveling: 'referral', referenza: 'referral', segnalazione: 'referral', 'referência': 'referral', indicação: 'referral', indicacao: 'referral',
  tyfcb: 'tyfcb', 'thank you for closed business': 'tyfcb', gfab: 'tyfcb', 'merci pour les affaires conclues': 'tyfcb',
  'bedankt voor gesloten zaken': 'tyfcb', 'grazie per gli affari conclusi': 'tyfcb', 'obrigado pelos negócios fechados': 'tyfcb',
  'one-to-one': 'one_to_one', 'one to one': 'one_to_one', '1-2-1': 'one_to_one', '1-to-1': 'one_to_one', '1:1': 'one_to_one', 'tête-à-tête': 'one_to_one', 'uno a uno': 'one_to_one', '1zu1': 'one_to_one', 'eins-zu-eins': 'one_to_one',
  'een-op-een': 'one_to_one', 'één-op-één': 'one_to_one', '1-op-1': 'one_to_one', '1 op 1': 'one_to_one', 'uno-a-uno': 'one_to_one', '1 a 1': 'one_to_one', '1-a-1': 'one_to_one', 'um a um': 'one_to_one', 'um-a-um': 'one_to_one',
  visitor: 'visitor', besucher: 'visitor', visiteur: 'visitor', visitante: 'visitor', invitado: 'visitor', bezoeker: 'visitor', gast: 'visitor', visitatore: 'visitor', ospite: 'visitor',
  ceu: 'ceu', 'ceu credit': 'ceu', 'continuing education': 'ceu',
};
// Column headers in English, German, French, Spanish, Dutch, Italian and Portuguese exports.
const headerNames = {
  from: ['from', 'von', 'de', 'desde', 'van', 'da'],
  to: ['to', 'an', 'à', 'a', 'para', 'aan'],
  type: ['slip type', 'type', 'belegart', 'typ', 'type de fiche', 'tipo', 'tipo de ficha', 'soort', 'type slip', 'sliptype', 'tipo di scheda', 'tipo de slip'],
  io: ['inside/outside', 'intern/extern', 'interne/externe', 'interno/externo', 'in/out', 'binnen/buiten', 'interno/esterno'],
  date: ['date', 'datum', 'fecha', 'data'],
  business: ['new/repeat', 'new or repeat', 'neu/wiederholung', 'neu/wiederholt', 'nouveau/répété', 'nouvelle/répétée', 'nuevo/repetido', 'nuevo/recurrente', 'nieuw/herhaling', 'nieuw/herhaald', 'nuovo/ripetuto', 'novo/repetido', 'novo/recorrente'],
  tyfcb: ['tyfcb', 'amount', 'betrag', 'montant', 'importe', 'gfab', 'bedrag', 'importo', 'valor', 'quantia'],
  credits: ['ceu credits', 'ceu', 'credits', 'ceu-punkte', 'crédits ceu', 'créditos ceu', 'ceu-punten', 'crediti ceu'],
  detail: ['detail', 'details', 'detail/comments', 'beschreibung', 'détail', 'detalle', 'omschrijving', 'dettaglio', 'dettagli', 'detalhe', 'detalhes'],
  classification: ['classification', 'classification sought', 'klassifizierung', 'branche', 'clasificación', 'classificatie', 'classificazione', 'classificação'],
} as const;
type Column = keyof typeof headerNames;
const columnOrder: Column[] = ['from', 'to', 'type', 'io', 'tyfcb', 'credits', 'detail', 'date', 'business', 'classification'];
const columnLabels: Record<Column, string> = { from: 'From', to: 'To', type: 'Slip type', io: 'Inside/Outside', date: 'Date', business: 'New/Repeat', tyfcb: 'TYFCB amount', credits: 'CEU credits', detail: 'Detail', classification: 'Classification sought' };
const requiredColumns: Column[] = ['from', 'to', 'type'];
type MeetingQuestion = NonNullable<ImportPreview['meetingQuestion']>;
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const typeLabel: Record<SlipType, string> = { referral: 'Referral', tyfcb: 'TYFCB', one_to_one: 'One-to-One', visitor: 'Visitor', ceu: 'CEU' };

interface Row {
  row: number;
  type: SlipType | null;
  typeText: string;
  from: string;
  to: string;
  io: string;
  /** The row's own Date cell as written. */
  date: string;
  /** The New/Repeat cell as written. */
  business: string;
  amount: string;
  amountIsNumber: boolean;
  credits: string;
  creditsIsNumber: boolean;
  detail: string;
  /** A visitor's classification sought, when the export has the column. */
  classification: string;
}

/** A row before its checks: the fields it gains when it passes them, still empty. */
type NotReadyYet = { [K in Exclude<keyof ReadyRow, keyof Row | 'amountMinor' | 'creditCount'>]: ReadyRow[K] };

/** A row that passed its checks: the members it names, and its values read. */
interface ReadyRow extends Row {
  type: SlipType;
  fromId: string | null;
  toId: string | null;
  /** Someone outside the chapter on that side (another chapter's member, a visitor, "BNI"). */
  fromParty: OutsideParty | null;
  toParty: OutsideParty | null;
  /** What the ledger understood each name as: a member's name, or the party as the slip shows it. */
  fromIs: string;
  toIs: string;
  /** The Detail as the prospect (or note), without BNI Connect's "Chapter: …" cue. */
  prospectText: string;
  amountMinor: number;
  creditCount: number;
  /** A one-to-one's day, when its Detail names one ("Met 11/16/2026"), read in the file's day/month order. */
  metOn: string | null;
  /** A day the Detail names that falls after the meeting (not taken: a slip handed in cannot report a meeting still ahead). */
  metOnAfterMeeting: string | null;
}

export interface ImportInput {
  fileName: string;
  contentBase64: string;
  /** A file that is not Unicode, read in the code page the secretary chose in the preview. */
  readAs?: LegacyEncoding | undefined;
  meetingOn?: string | undefined;
  /** Names the secretary mapped to members in the preview: remembered for the next import. */
  aliases?: Record<string, string>;
  /** Names the secretary said are someone outside the chapter: remembered for the next import. */
  outsiders?: Record<string, OutsideParty> | undefined;
  dateOrder?: DateOrder | undefined;
  skipRows?: number[];
  /** Rows that repeat an earlier row word for word and that the secretary said are slips of their own. */
  repeats?: number[];
  fixes?: Record<string, { amount?: string | undefined; credits?: string | undefined }>;
  reason?: string;
  /** The secretary said a file naming another chapter is this chapter's (see refuseUnconfirmedChapter). */
  anotherChapter?: boolean | undefined;
  /** Columns the secretary pointed at in the preview, by field: the column's index in the header row, -1 for none. */
  columns?: Partial<Record<Column, number>> | undefined;
}

interface Analysis {
  preview: ImportPreview;
  meeting: { id: string; status: string } | null;
  matches: Array<Match<ReadyRow>>;
  digest: string;
  /** The file, the secretary's answers and the ledger as this analysis read them (see analysisKey). */
  key: string;
}

/**
 * What an analysis depends on: the file's bytes, every answer given in the preview (names mapped, rows
 * skipped, fixes, columns, date order; not the reason, which only the write uses), and the ledger's state
 * — this connection's change count and SQLite's data_version (another connection's commit) — and the
 * chapter's day (a date asked for must not be after it). Equal keys
 * read the same rows against the same ledger, so the import reuses the preview's analysis instead of
 * reading and matching a 100,000-row file a second time.
 */
const hashedPart = 2 ** 20;
function analysisKey(db: Db, input: ImportInput, fileHash = fileHashOf(input)): string {
  const client = clientOf(db);
  const { contentBase64: _content, reason: _reason, anotherChapter: _anotherChapter, ...answers } = input;
  const changes = client.prepare('SELECT total_changes()').pluck().get() as number;
  const version = client.pragma('data_version', { simple: true }) as number;
  return createHash('sha256').update(`${fileHash}\u0000${JSON.stringify(answers)}\u0000${changes}\u0000${version}\u0000${chapterToday(db)}`).digest('hex');
}

/** The file's part of the key: its text hashed a megabyte at a time (hashed whole, a 40 MB export was first copied whole, a memory peak). */
function fileHashOf(input: ImportInput): string {
  const hash = createHash('sha256');
  for (let at = 0; at < input.contentBase64.length; at += hashedPart) hash.update(input.contentBase64.slice(at, at + hashedPart));
  return hash.digest('hex');
}

/** The last preview's analysis, per chapter file connection: one at a time, dropped by the import. */
const lastAnalysis = new WeakMap<Database.Database, Analysis>();

/** The better-sqlite3 handle under drizzle: bulk writes prepare each statement once. */
function clientOf(db: Db): Database.Database {
  const client = (db as unknown as { $client?: Database.Database }).$client;
  if (!client) throw new LedgerError('internal', 'An import needs the chapter file itself, not a transaction inside another change.');
  return client;
}

const lineLimit = 500;

async function analyse(db: Db, input: ImportInput): Promise<Analysis> {
  const chapter = requireChapter(db);
  const client = clientOf(db);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const digest = createHash('sha256').update(bytes).digest('hex');
  // The bytes move to the parse worker (digest taken first), and the table is let go once its rows are read:
  // a 100,000-row file is not held twice (bytes and their copy; cells and rows).
  const reading = readTable(input.fileName, bytes, { readAs: input.readAs, locale: chapter.locale }, undefined, { handOver: true });
  // While the worker reads the file, this thread hashes it for the analysis key (~50 ms of a 40 MB export's preview).
  // One turn of the event loop first, so the worker has been started (from source, it is bundled first); a file
  // refused meanwhile is answered at `await reading` below, not reported as a failure nobody waited for.
  reading.catch(() => undefined);
  await new Promise(setImmediate);
  const fileHash = fileHashOf(input);
  let table: Table | null = await reading;
  // Everything below reads the ledger synchronously, in the state this key names.
  const key = analysisKey(db, input, fileHash);
  const found = findHeader(input.fileName, table, input.columns);
  const { headerAt, columns } = found;
  // Chosen on the wrong tab (the attendance report): said before the question about its columns.
  const otherReport = found.columnQuestion?.blocking ? otherReportNamedIn(table.slice(0, headerAt), 'slips_audit') : null;
  const columnQuestion = found.columnQuestion && otherReport ? { ...found.columnQuestion, message: `${otherReport} ${found.columnQuestion.message}` } : found.columnQuestion;
  const readAs = readAsOf(table, { headerAt, columns: [columns.from, columns.to] });
  const chapterWarning = chapterWarningOf(table.slice(0, headerAt), chapter.name);
  // A preview that must ask before anything is matched (which column is which; which meeting): no rows matched yet.
  const asking = (rowCount: number, dateOrder: ImportPreview['dateOrder'], meetingQuestion: ImportPreview['meetingQuestion']) => ({
    meeting: null,
    matches: [],
    key,
    digest,
    preview: {
      fileName: input.fileName, readAs, meetingOn: '', meetingStatus: 'new' as const, rows: rowCount, counts: { same: 0, new: 0, differs: 0, problem: 0, skipped: 0 },
      toCreate: { referral: 0, tyfcb: 0, one_to_one: 0, visitor: 0, ceu: 0 }, lines: [], problems: [], skipped: [], unmatchedNames: [], otherSpellings: [], askedNames: [],
      dateOrder, reasonRequired: false, defaults: [], columnQuestion, meetingQuestion, chapterWarning,
    },
  });
  // Nothing can be read until From, To and Slip type are known: the preview asks, showing the file's headers.
  if (columnQuestion?.blocking) return asking(0, { order: null, settledBy: 'none', question: null }, null);

  // The date in the title is read with the file's own convention, which only the file can settle.
  // The title is found by content (the title block's line with one date), so a translated title reads too.
  const titleDate = titleDateOf(table.slice(0, headerAt));
  const title = titleDate.text;
  const rows = dataRows(table, headerAt, columns);
  table = null;
  // Without a title the rows' own Date column names the meeting, when every row gives the same date.
  const rowDates = rows.map((r) => r.date);
  const fromRows = !title && rows.length > 0 && rowDates.every((d) => d !== '');
  // An ambiguous title date (10/11/2026) is settled by the rows' dates when they settle it without conflict.
  const titleOrder = title ? fileDateOrder([title]) : null;
  const withRows = title && !titleOrder!.order ? fileDateOrder([title, ...rowDates.filter((d) => d !== '')]) : null;
  const dateTexts = title ? [title] : fromRows ? rowDates : [];
  const detected = withRows?.order && !withRows.conflicting ? withRows : fileDateOrder(dateTexts);
  const given = input.meetingOn ?? null;
  const order: DateOrder | null = detected.order ?? input.dateOrder ?? null;
  const settledBy: ImportPreview['dateOrder']['settledBy'] = detected.order ? 'file' : input.dateOrder ? 'choice' : 'none';
  const needsOrder = dateTexts.length > 0 && !detected.order && !input.dateOrder && !!detected.example;
  // The meeting the file itself names (its title, else its rows' one date); the secretary's date when it names none.
  let fileMeeting = title ? dateIn(title, order) : null;
  let rowsSay = '';
  if (!fileMeeting && fromRows) {
    const read = new Set(rowDates.map((d) => dateIn(d, order ?? (needsOrder ? 'dmy' : null))));
    if (read.size === 1 && !read.has(null)) fileMeeting = [...read][0]!;
    else rowsSay = detected.conflicting ? 'mixes day-first and month-first dates' : read.has(null) ? 'holds a date that cannot be read' : `holds ${read.size} different dates`;
  }
  if (!fileMeeting && needsOrder && title) {
    // Both readings are real dates: the preview asks, the import waits for the answer.
    fileMeeting = dateIn(title, 'dmy');
  }
  const meetingOn = given || fileMeeting;
  // When the file does not say which meeting it is for, the preview asks for the date (and keeps the field, to change it).
  let meetingQuestion: MeetingQuestion | null = null;
  if (!fileMeeting) {
    const why = titleDate.why ?? (title ? `its title date ${title} cannot be read` : 'it has no title line with a date');
    const rowsWhy = columns.date < 0 ? 'and no Date column' : rowsSay ? `and its Date column ${rowsSay}` : rows.length === 0 ? 'and no rows' : 'and some rows have no date';
    meetingQuestion = {
      message: `${input.fileName} does not say which meeting it is for: ${why} ${rowsWhy}. Enter the date of the meeting these slips are from.`,
      blocking: !meetingOn,
      warning: null,
    };
  }
  if (given && meetingQuestion) {
    // The date the preview asked for, by the chapter's day: a meeting already held, on a day the chapter meets (else a warning).
    const today = chapterToday(db);
    if (given > today) throw new LedgerError('invalid_input', `The meeting date ${given} is after today (${today}): a Slips Audit file lists the slips of a meeting already held. Enter that meeting's date.`, 'meetingOn');
    const weekday = new Date(`${given}T00:00:00Z`).getUTCDay();
    if (weekday !== chapter.meetingWeekday) meetingQuestion.warning = `${given} is a ${weekdayNames[weekday]}, and the chapter meets on ${weekdayNames[chapter.meetingWeekday]}s: check the date before importing.`;
  }
  // Nothing is matched until the meeting is known: the preview asks for its date.
  if (!meetingOn) return asking(rows.length, { order, settledBy, question: null }, meetingQuestion);
  // A date the secretary typed needs no order; the rows' dates are then checked against it either way.
  const question = needsOrder && !given && detected.example ? `${sentence(`The ${title ? "report's date" : "rows' date"} ${describeBothReadings(detected.example)}`)} Choose how this file writes dates.` : null;

  const meetingRow = client.prepare('SELECT id, status FROM meetings WHERE meeting_on = ?').get(meetingOn) as { id: string; status: string } | undefined;
  if (meetingRow?.status === 'cancelled') {
    throw new LedgerError('conflict', `The meeting of ${meetingOn} was cancelled: nothing can be recorded against it, so this file cannot be imported into it.`, 'meetingOn');
  }
  const names = memberNames(client, input.aliases ?? {});
  const outsiders = outsiderNames(client, input.outsiders ?? {});
  // The same few dozen names on every row: fold each spelling once.
  const folded = new Map<string, string>();
  const fold = (text: string) => {
    let f = folded.get(text);
    if (f === undefined) folded.set(text, (f = foldName(text)));
    return f;
  };
  const roster = memberDates(client);
  // Each row's own date, read by the file's convention (the title's, else what the rows' dates settle).
  const rowOrder = order ?? fileDateOrder(rowDates.filter((d) => d !== '')).order;
  const onMeetingDay = (text: string) => {
    const d = parseDateText(text);
    const reading = d.iso ?? (rowOrder ? (rowOrder === 'dmy' ? d.dmy : d.mdy) : null);
    return reading ? reading === meetingOn : d.dmy === meetingOn || d.mdy === meetingOn;
  };
  const skipRows = new Set(input.skipRows ?? []);
  const fixes = input.fixes ?? {};
  let fixedSame = 0;
  let fixedRows: Map<number, { type: SlipType; value: number; on: string }> | null = null;
  const fixedEarlier = () => (fixedRows ??= rowsFixedEarlier(client, digest));
  const unmatched = new Set<string>();
  // A name no member has, however the file spells it ("José Díaz", "Jose Diaz"): asked once, under the
  // first spelling; the answer covers every spelling that reads the same.
  const spellingsOf = new Map<string, string[]>();
  const noMember = (name: string) => {
    const key = fold(name);
    const list = spellingsOf.get(key);
    if (!list) {
      spellingsOf.set(key, [name]);
      unmatched.add(name);
    } else if (!list.includes(name)) list.push(name);
  };
  const asked = new Map<string, string[]>();
  const problems: ImportPreview['problems'] = [];
  const skipped: ImportPreview['skipped'] = [];
  const lines: ImportRow[] = [];
  const ready: ReadyRow[] = [];
  // The meeting's slips, and what the matching rule compares per ready row: let go after matching (the import writes from the rows).
  const ledger = meetingRow ? ledgerSlipsOf(client, meetingRow.id) : [];
  const readyFacts: SlipFacts[] = [];
  // A file whose amounts with a sign are all in another currency ("$1,250.50" in a euro chapter) writes its
  // bare numbers ("300") in that currency too, most likely: asked, not taken as euros. Where some amount
  // carries the chapter's own sign, a bare number is read as the chapter's own money.
  const amountSigns = rows.filter((r) => r.type === 'tyfcb').map((r) => amountCurrency(r.amount, chapter.currency));
  const otherCurrency = amountSigns.includes('own') ? null : (amountSigns.find((sign) => sign !== 'none') ?? null);

  for (const r of rows) {
    const shown = { row: r.row, slipType: r.type ? typeLabel[r.type] : r.typeText, from: r.from, to: r.to, amount: r.amount || r.credits, detail: r.detail, fromIs: '', toIs: '' };
    if (!r.type) {
      const message = `Row ${r.row}: "${r.typeText}" is not a slip type Chapter Ledger keeps (Referral, TYFCB, One-to-One, Visitor, CEU); the row is skipped.`;
      skipped.push({ row: r.row, message });
      lines.push({ ...shown, kind: 'skipped', message, fix: null });
      continue;
    }
    if (skipRows.has(r.row)) {
      const message = `Row ${r.row} is skipped, as you chose.`;
      skipped.push({ row: r.row, message });
      lines.push({ ...shown, kind: 'skipped', message, fix: null });
      continue;
    }
    const rowProblems: string[] = [];
    let fix: ImportRow['fix'] = null;
    // Referrals, TYFCBs and one-to-ones may have someone outside the chapter on one side, as BNI Connect marks them.
    const mayHaveOutsider = r.type === 'referral' || r.type === 'tyfcb' || r.type === 'one_to_one';
    const parties: { from: OutsideParty | null; to: OutsideParty | null } = { from: null, to: null };
    const member = (name: string, role: 'From' | 'To', required: boolean) => {
      if (!name) {
        if (required) rowProblems.push(`${role} is empty`);
        return null;
      }
      const found = names.match(name);
      if (found.kind === 'ambiguous') {
        // Two members whose names fold to this spelling: asked, never credited to one by guess.
        unmatched.add(name);
        asked.set(name, withSeats(found.candidates));
        fix = 'name';
        rowProblems.push(`"${name}" (${role}) ${couldBe(found.candidates)}. Map the name to the right member or skip the row`);
        return null;
      }
      // The secretary's answer for this spelling (now or remembered) comes first, then what the file itself says.
      const said = found.kind === 'none' ? outsiders.get(name) : null;
      if (said && !mayHaveOutsider) {
        fix = 'name';
        rowProblems.push(`"${name}" (${role}) was said to be someone outside the chapter, but a ${typeLabel[r.type!]} slip needs a member of this chapter there: map the name to a member or skip the row`);
        return null;
      }
      const party = said ?? (found.kind === 'none' && mayHaveOutsider ? partyFromText(name, r.detail) : null);
      if (party) {
        // A member of this chapter marked as an outsider would drop out of their own figures: asked, not guessed.
        const twin = party.kind === 'bni' ? null : names.match(party.name);
        if (twin && twin.kind !== 'none') rowProblems.push(`${party.name} is a member of this chapter, but the file marks them as ${party.kind === 'visitor' ? 'a visitor' : "another chapter's member"}: correct the file or skip the row`);
        parties[role === 'From' ? 'from' : 'to'] = party;
        return null;
      }
      if (found.kind === 'none') {
        noMember(name);
        fix = 'name';
        rowProblems.push(`"${name}" (${role}) matches no member: ${mayHaveOutsider ? 'map the name to a member or to someone outside the chapter (another chapter, a visitor, BNI), or skip the row' : 'map the name to a member or skip the row'}`);
        return null;
      }
      const id = found.id;
      // Membership on the meeting's date: the same rule as a slip typed at the meeting.
      const m = roster.get(id)!;
      if (m.status === 'applicant') rowProblems.push(`${m.name} is still an applicant on ${meetingOn}: slips start once they join`);
      else if (m.joinedOn > meetingOn!) rowProblems.push(`${m.name} joined on ${m.joinedOn}, after this meeting (${meetingOn})`);
      else if (m.leftOn !== null && m.leftOn <= meetingOn!) rowProblems.push(`${m.name} left the chapter on ${m.leftOn}, before this meeting (${meetingOn}), and was not a member that day`);
      return id;
    };
    const fromId = member(r.from, 'From', r.type !== 'visitor');
    const toId = r.type === 'visitor' ? null : member(r.to, 'To', r.type !== 'ceu');
    if (r.date && !onMeetingDay(r.date)) rowProblems.push(`its Date ${r.date} is not the meeting's date (${meetingOn}): correct the date or skip the row`);
    if (r.type === 'visitor' && !r.to) rowProblems.push('the visitor has no name (To is empty)');
    const fixed = fixes[String(r.row)] ?? {};
    let amountMinor = 0;
    if (r.type === 'tyfcb') {
      const text = fixed.amount ?? r.amount;
      const money = readAmount(text, chapter.currency, 'the TYFCB amount', fixed.amount === undefined && r.amountIsNumber);
      if (!money.ok) {
        rowProblems.push(money.message);
        fix = 'amount';
      } else if (money.minor === 0) {
        rowProblems.push('the TYFCB amount is zero: correct the amount or skip the row');
        fix = 'amount';
      } else if (otherCurrency && fixed.amount === undefined && amountCurrency(text, chapter.currency) === 'none') {
        rowProblems.push(`the TYFCB amount ${text.trim()} has no currency sign, and this file writes its other amounts in ${otherCurrency}; this chapter keeps ${chapter.currency}: type the amount in ${chapter.currency} or skip the row`);
        fix = 'amount';
      } else amountMinor = money.minor;
      if (r.business && !businessOf(r.business)) rowProblems.push(`New/Repeat "${r.business}" is neither New nor Repeat: correct it in the file or skip the row`);
    }
    let creditCount = 0;
    if (r.type === 'ceu') {
      // The file's credits as written, or a problem: never rounded, never filled in.
      // A file with no credits column writes a CEU's credits in its Amount column.
      const inAmount = columns.credits < 0 && !r.credits;
      const text = fixed.credits ?? (inAmount ? r.amount : r.credits);
      const credits = readCount(text, fixed.credits === undefined && (inAmount ? r.amountIsNumber : r.creditsIsNumber));
      if (credits === null) rowProblems.push(text ? `CEU credits "${text}" are not a number: correct them or skip the row` : 'CEU credits are empty: enter them or skip the row');
      else if (!Number.isInteger(credits)) rowProblems.push(`CEU credits are ${text}, but the ledger keeps whole credits (1 to 100): correct them or skip the row`);
      else if (credits < 1 || credits > 100) rowProblems.push(`CEU credits are ${text}: a CEU slip has 1 to 100 credits; correct them or skip the row`);
      else creditCount = credits;
      if (creditCount === 0) fix = 'credits';
    }
    if (fromId && toId && fromId === toId) rowProblems.push('From and To are the same member');
    if (parties.from && parties.to) rowProblems.push('both From and To are outside the chapter: a slip needs a member of this chapter on one side');
    const fromIs = parties.from ? partyLabel(parties.from) : fromId ? roster.get(fromId)!.name : '';
    const toIs = parties.to ? partyLabel(parties.to) : toId ? roster.get(toId)!.name : '';
    shown.fromIs = fromIs;
    shown.toIs = toIs;

    // A $0 TYFCB or a CEU without credits fixed in place at an earlier import of this very file, whose slip is
    // still in the ledger: in the ledger, as fixed then, not a problem again.
    const fixedThen = rowProblems.length && (fix === 'amount' || fix === 'credits') ? fixedEarlier().get(r.row) : undefined;
    if (fixedThen && fixedThen.type === r.type && Object.keys(fixed).length === 0) {
      const value = fixedThen.type === 'tyfcb' ? formatMoney(fixedThen.value, chapter.currency, chapter.locale) : `${fixedThen.value} ${fixedThen.value === 1 ? 'credit' : 'credits'}`;
      lines.push({ ...shown, kind: 'same', message: `Already in the ledger: fixed at the import of ${fixedThen.on} as ${value}.`, fix: null });
      fixedSame++;
      continue;
    }
    if (rowProblems.length) {
      const message = `Row ${r.row}: ${rowProblems.join('; ')}.`;
      problems.push({ row: r.row, message });
      lines.push({ ...shown, kind: 'problem', message, fix: fix ?? null });
      continue;
    }
    // Someone outside the chapter stands in the slip's facts by their party key, where a member's id would be.
    const from = parties.from ? `party:${partyMatchKey(parties.from)}` : fromId;
    const to = parties.to ? `party:${partyMatchKey(parties.to)}` : toId;
    // "Chapter: BNI Harbour" in the Detail says who the outsider is; the rest of the Detail is the prospect.
    const prospectText = parties.from || parties.to ? withoutChapterCue(r.detail) : r.detail;
    // What the matching rule compares: only needed when the meeting holds slips to compare with.
    if (ledger.length > 0) {
      readyFacts.push(
        r.type === 'referral'
          ? { type: 'referral', parties: [from!, to!], kind: r.io ? kindOf(r.io) : '', text: foldName(prospectText), amountMinor: null, credits: null }
          : r.type === 'tyfcb'
            ? { type: 'tyfcb', parties: [from!, to!], kind: r.io ? tyfcbKindOf(r.io) : '', business: r.business ? (businessOf(r.business) ?? '') : '', text: '', amountMinor, credits: null }
            : r.type === 'one_to_one'
              ? { type: 'one_to_one', parties: [from!, to!].sort() as [string, string], kind: '', text: '', amountMinor: null, credits: null }
              : r.type === 'visitor'
                ? { type: 'visitor', parties: [fromId ?? '', fold(r.to)], kind: '', text: foldName(r.detail), amountMinor: null, credits: null }
                : { type: 'ceu', parties: [fromId!, ''], kind: '', text: foldName(r.detail), amountMinor: null, credits: creditCount },
      );
    }
    const named = r.type === 'one_to_one' ? dayInDetail(r.detail, rowOrder) : null;
    const metOn = named && named <= meetingOn ? named : null;
    const metOnAfterMeeting = named && named > meetingOn ? named : null;
    // The row itself becomes the ready row (not a copy of it): 100,000 rows are held once.
    ready.push(Object.assign(r, { type: r.type, fromId, toId, fromParty: parties.from, toParty: parties.to, fromIs, toIs, prospectText, amountMinor, creditCount, metOn, metOnAfterMeeting }));
  }

  // A meeting with no slips yet (a history imported, tonight's first file): every row is new, nothing to compare.
  const matched: Array<Match<ReadyRow>> = ledger.length > 0 ? matchRows(ready, readyFacts, ledger) : ready.map((row) => ({ row, kind: 'new' }));
  // A new row that repeats an earlier row of the file word for word is asked about, never made a second slip unasked
  // (a $1,250 TYFCB counted twice): BNI Connect lists each slip once, so it is most likely a line copied twice.
  const repeated = repeatsOf(ready);
  const confirmedRepeats = new Set(input.repeats ?? []);
  const matches = matched.filter((m) => {
    const first = repeated.get(m.row.row);
    if (m.kind !== 'new' || first === undefined || confirmedRepeats.has(m.row.row)) return true;
    const r = m.row;
    const what = r.type === 'tyfcb' ? `a TYFCB of ${formatMoney(r.amountMinor, chapter.currency, chapter.locale)}` : r.type === 'ceu' ? `a CEU of ${r.creditCount} ${r.creditCount === 1 ? 'credit' : 'credits'}` : `a ${typeLabel[r.type]}`;
    const people = r.type === 'ceu' || r.type === 'visitor' ? ` by ${r.fromIs || r.from}` : ` from ${r.fromIs || r.from} to ${r.toIs || r.to}`;
    const message = `Row ${r.row} repeats row ${first} word for word (${what}${people}). BNI Connect lists each slip once, so it is most likely a line copied twice: skip it, or choose "Another slip" if it is a second slip.`;
    problems.push({ row: r.row, message });
    lines.push({ row: r.row, kind: 'problem', slipType: typeLabel[r.type], from: r.from, to: r.to, amount: r.amount || r.credits, detail: r.detail, message, fix: 'repeat', fromIs: r.fromIs, toIs: r.toIs });
    return false;
  });
  const counts = { same: fixedSame, new: 0, differs: 0, problem: problems.length, skipped: skipped.length };
  const toCreate: ImportPreview['toCreate'] = { referral: 0, tyfcb: 0, one_to_one: 0, visitor: 0, ceu: 0 };
  for (const m of matches) {
    counts[m.kind]++;
    if (m.kind === 'new') toCreate[m.row.type]++;
    // Only the rows the preview shows are written out as lines: a long file lists its first of each kind.
    if (counts[m.kind] > lineLimit) continue;
    const r = m.row;
    const amount = r.type === 'tyfcb' ? formatMoney(r.amountMinor, chapter.currency, chapter.locale) : r.type === 'ceu' ? String(r.creditCount) : '';
    const party = r.fromParty ?? r.toParty;
    const outsider = party ? ` It is with someone outside the chapter (${partyWords(party)}): kept as that party, never counted as a member.` : '';
    const message = (m.kind === 'same' ? 'Already in the ledger.' : m.kind === 'new' ? newWords(m.beside, r) : describeDifferences(m.differences, chapter.currency, chapter.locale)) + outsider;
    lines.push({ row: r.row, kind: m.kind, slipType: typeLabel[r.type], from: r.from, to: r.to, amount, detail: r.detail, message, fix: null, fromIs: r.fromIs, toIs: r.toIs, ...(m.kind === 'new' && m.beside ? { besideSlip: newWords(m.beside, r) } : {}) });
  }
  const order2: Record<ImportRow['kind'], number> = { problem: 0, differs: 1, new: 2, skipped: 3, same: 4 };
  const perKind = new Map<string, number>();
  const shownLines = lines
    .sort((a, b) => order2[a.kind] - order2[b.kind] || a.row - b.row)
    .filter((l) => {
      const n = (perKind.get(l.kind) ?? 0) + 1;
      perKind.set(l.kind, n);
      return n <= lineLimit;
    });
  const meetingStatus = (meetingRow?.status ?? 'new') as ImportPreview['meetingStatus'];
  return {
    meeting: meetingRow ?? null,
    matches,
    key,
    digest,
    preview: {
      fileName: input.fileName,
      readAs,
      meetingOn,
      meetingStatus,
      rows: rows.length,
      counts,
      toCreate,
      lines: shownLines,
      problems,
      skipped,
      unmatchedNames: [...unmatched].sort(),
      otherSpellings: [...spellingsOf.values()].filter((list) => list.length > 1 && unmatched.has(list[0]!)).map(([name, ...also]) => ({ name: name!, also })).sort((a, b) => a.name.localeCompare(b.name)),
      askedNames: [...asked.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, candidates]) => ({ name, candidates })),
      dateOrder: { order, settledBy, question, ...(settledBy === 'choice' && !given ? { warning: offDayWarning(meetingOn, chapter.meetingWeekday) } : {}) },
      reasonRequired: meetingStatus === 'completed' && counts.new + counts.differs > 0,
      defaults: defaultsSaid(matches.filter((m) => m.kind === 'new').map((m) => m.row), meetingOn),
      columnQuestion,
      meetingQuestion,
      chapterWarning,
    },
  };
}

/** The file's meeting read in the order the secretary chose, on a day the chapter does not meet: said, as the other order may have been meant. */
function offDayWarning(meetingOn: string, meetingWeekday: number): string | null {
  const weekday = new Date(`${meetingOn}T00:00:00Z`).getUTCDay();
  return weekday === meetingWeekday ? null : `Read this way, the meeting is on ${meetingOn}, a ${weekdayNames[weekday]}, and the chapter meets on ${weekdayNames[meetingWeekday]}s: check that the dates are read the right way round.`;
}

/**
 * The rows that repeat an earlier row of the file word for word, each with the first row it repeats: every
 * cell the same (type, From, To, Inside/Outside, New/Repeat, amount, credits, Detail, Date, classification), and
 * the same amount and credits as read (a Number cell "1.250" and a text "1.250" corrected to 1250 are two amounts).
 * Found through the Detail (a string the row already holds), so 100,000 rows add no key of their own.
 */
function repeatsOf(rows: ReadyRow[]): Map<number, number> {
  const byDetail = new Map<string, ReadyRow | ReadyRow[]>();
  const repeats = new Map<number, number>();
  const same = (a: ReadyRow, b: ReadyRow) =>
    a.typeText === b.typeText && a.from === b.from && a.to === b.to && a.io === b.io && a.business === b.business && a.amount === b.amount && a.amountMinor === b.amountMinor && a.credits === b.credits && a.creditCount === b.creditCount && a.date === b.date && a.classification === b.classification;
  for (const r of rows) {
    const earlier = byDetail.get(r.detail);
    if (earlier === undefined) {
      byDetail.set(r.detail, r);
      continue;
    }
    const list = Array.isArray(earlier) ? earlier : [earlier];
    const first = list.find((e) => same(e, r));
    if (first) repeats.set(r.row, first.row);
    else if (Array.isArray(earlier)) earlier.push(r);
    else byDetail.set(r.detail, [earlier, r]);
  }
  return repeats;
}

/**
 * "New: not in the ledger yet." — and when the meeting holds a slip between the same people about
 * another prospect or activity, that slip is named, so a row that is really the same slip spelled
 * differently can be skipped instead of doubling it.
 */
function newWords(beside: LedgerSlip | undefined, row: ReadyRow): string {
  if (!beside) return 'New: not in the ledger yet.';
  const what =
    beside.type === 'ceu'
      ? `${row.fromIs}'s CEU for "${beside.textRaw}" (${beside.credits} credit${beside.credits === 1 ? '' : 's'}) at this meeting; this row is for another activity`
      : `a referral from ${row.fromIs} to ${row.toIs} for "${beside.textRaw}" at this meeting; this row is for another prospect`;
  return `New: the ledger already has ${what}, so it is kept as a separate slip and the ledger's slip is left as it is. If it is the same slip written differently, skip this row.`;
}

const withoutChapterCue = (detail: string) => detail.replace(/(?:^|[\s;,])(?:other chapter|chapter|kapitel|chapitre|cap[ií]tulo)\s*:\s*[^;,\n]+[;,]?/i, ' ').trim();

/** "Li Wei of the BNI Harbour chapter", "Sam Doe, a visitor", "BNI Connect's BNI account". */
function partyWords(p: OutsideParty): string {
  if (p.kind === 'bni') return "BNI Connect's BNI account";
  if (p.kind === 'visitor') return `${p.name}, a visitor`;
  return `${partyLabel(p)}, another chapter's member`;
}

function describeDifferences(list: Difference[], currency: string, locale: string): string {
  const parts = list.map((d) => {
    switch (d.field) {
      case 'amount':
        return `the amount is ${formatMoney(Number(d.file), currency, locale)} in the file and ${formatMoney(Number(d.ledger), currency, locale)} in the ledger`;
      case 'credits':
        return `the credits are ${d.file} in the file and ${d.ledger} in the ledger`;
      case 'business':
        return `it is ${d.file} business in the file and ${d.ledger} business in the ledger`;
      case 'kind':
        return `it is ${kindWords[String(d.file)] ?? d.file} in the file and ${kindWords[String(d.ledger)] ?? d.ledger} in the ledger`;
      case 'text':
        return `the detail reads differently in the ledger ("${d.ledger}")`;
    }
  });
  return sentence(`Differs: ${parts.join('; ')}; importing puts the file's values on the ledger's slip`);
}
const kindWords: Record<string, string> = { inside: 'inside', outside: 'outside', tier3: 'third-tier' };

/** The Slips Audit's columns: From, To and Slip type are needed; the others are read when the file has them. */
const slipColumns: ColumnSpec<Column> = {
  names: headerNames,
  order: columnOrder,
  labels: columnLabels,
  required: requiredColumns,
  notFound: 'is not a Slips Audit Report: no header row with From, To and Slip Type',
};
const findHeader = (fileName: string, table: Table, chosen: Partial<Record<Column, number>> = {}) => {
  const { headerAt, columns, question } = findColumns(fileName, table, slipColumns, chosen);
  return { headerAt, columns, columnQuestion: question };
};

// A spreadsheet program adds an apostrophe before a cell that would run as a formula; the value is what follows.
const unguard = (text: string) => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

function dataRows(table: Table, headerAt: number, columns: Record<Column, number>): Row[] {
  const cell = (row: string[], key: Column) => (columns[key] >= 0 ? unguard((row[columns[key]] ?? '').trim()) : '');
  const rows: Array<Row & NotReadyYet> = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const typeText = cell(row, 'type');
    // Totals and summary lines at the end carry no slip type.
    if (!typeText && /total|summe|gesamt/i.test(row.join(' '))) continue;
    if (!typeText && !cell(row, 'from') && !cell(row, 'to')) continue;
    rows.push({
      row: i + 1,
      type: typeNames[typeText.toLowerCase()] ?? null,
      typeText,
      from: cell(row, 'from'),
      to: cell(row, 'to'),
      io: cell(row, 'io'),
      date: cell(row, 'date'),
      business: cell(row, 'business'),
      amount: cell(row, 'tyfcb'),
      amountIsNumber: isNumberCell(row, columns.tyfcb),
      credits: cell(row, 'credits'),
      creditsIsNumber: isNumberCell(row, columns.credits),
      detail: cell(row, 'detail'),
      classification: cell(row, 'classification'),
      // The fields a ready row gains, there from the start: each of 100,000 rows then holds them in itself,
      // not in a second array of properties added later (~11 MB of a large import's memory). Not the two
      // numbers: a field set to 0 here and later to an amount stored as a double changes its kind, and V8
      // then rebuilds every row (measured: +200 ms over 100,000 rows).
      fromId: null,
      toId: null,
      fromParty: null,
      toParty: null,
      fromIs: '',
      toIs: '',
      prospectText: '',
      metOn: null,
      metOnAfterMeeting: null,
    });
  }
  return rows;
}

/**
 * Names the secretary said are someone outside the chapter: the ones said in this preview (by the
 * file's spelling, else folded) and the ones remembered from earlier imports (folded). Each is checked
 * as a party typed in the slip bar is, the sentence naming the name.
 */
function outsiderNames(client: Database.Database, said: Record<string, OutsideParty>) {
  const remembered = new Map(
    (client.prepare('SELECT alias, kind, name, chapter_name AS chapterName FROM outside_party_aliases').all() as Array<OutsideParty & { alias: string }>).map((a) => [a.alias, { kind: a.kind, name: a.name, chapterName: a.chapterName }]),
  );
  const bySpelling = new Map<string, OutsideParty>();
  const byKey = new Map<string, OutsideParty>();
  for (const [name, party] of Object.entries(said)) {
    const p = checkParty(party, `outsiders.${name}`);
    bySpelling.set(spellingOf(name), p);
    byKey.set(nameKey(name), p);
  }
  return { get: (name: string): OutsideParty | null => bySpelling.get(spellingOf(name)) ?? byKey.get(nameKey(name)) ?? remembered.get(nameKey(name)) ?? null };
}

/** Every member's folded full name, plus remembered aliases and the ones mapped in this preview. */
function memberDates(client: Database.Database) {
  const rows = client.prepare("SELECT id, first_name || ' ' || last_name AS name, status, joined_on AS joinedOn, left_on AS leftOn FROM members").all() as Array<{ id: string; name: string; status: string; joinedOn: string; leftOn: string | null }>;
  return new Map(rows.map((r) => [r.id, r]));
}

export async function previewSlipsAudit(db: Db, input: ImportInput): Promise<ImportPreview> {
  const analysis = await analyse(db, input);
  lastAnalysis.set(clientOf(db), analysis);
  return analysis.preview;
}

const kindOf = (io: string): 'inside' | 'outside' => (/^(in|intern|binnen)/i.test(io) ? 'inside' : 'outside');
/** "New", "Repeat", "Neu", "Wiederholung", "Nouveau", "Répété", "Nuevo", "Repetido", "Nieuw", "Herhaling", "Nuovo", "Ripetuto", "Novo": null when it is neither. */
const businessOf = (text: string): 'new' | 'repeat' | null =>
  /^(repeat|wiederhol|r[ée]p[ée]t|repetid|recurrent|recorrent|herhal|ripetut)/i.test(text.trim()) ? 'repeat' : /^(new|neu|nouve|nuev|nieuw|nuov|novo|nova)/i.test(text.trim()) ? 'new' : null;
const tyfcbKindOf = (io: string): 'inside' | 'outside' | 'tier3' => (/tier|3/i.test(io) ? 'tier3' : /^(in|intern|binnen)/i.test(io) ? 'inside' : 'outside');

/**
 * The values a new slip needs that the file does not give, and what the ledger records instead (the same as a
 * slip typed without them): each listed in the preview and the result with how many rows, and written on the
 * slip itself so the secretary sees it there and can change it.
 */
/**
 * The TYFCBs and CEUs that earlier imports of this same file (not undone) made from its rows and that are still in
 * the ledger, by file row: which rows a later import finds in the ledger even though the file still has them wrong.
 * The batch's audit entry lists each slip it made with its file row (or, into a closed meeting, each slip's own entry).
 */
function rowsFixedEarlier(client: Database.Database, digest: string): Map<number, { type: SlipType; value: number; on: string }> {
  const out = new Map<number, { type: SlipType; value: number; on: string }>();
  const live = {
    tyfcb: client.prepare('SELECT amount_minor FROM tyfcb_slips WHERE id = ? AND deleted_at IS NULL').pluck(),
    ceu: client.prepare('SELECT credits FROM ceus WHERE id = ? AND deleted_at IS NULL').pluck(),
  };
  const batches = client.prepare("SELECT id, substr(created_at, 1, 10) AS on_day FROM import_batches WHERE kind = 'slips_audit' AND file_digest = ? AND undone_at IS NULL ORDER BY created_at").all(digest) as Array<{ id: string; on_day: string }>;
  for (const b of batches) {
    const made: Array<[string, string, number]> = [];
    const whole = client.prepare("SELECT after FROM audit_log WHERE action = 'import' AND entity = 'import_batch' AND entity_id = ?").pluck().get(b.id) as string | undefined;
    const slips = whole ? ((JSON.parse(whole) as { slips?: Record<string, Array<[string, number]>> }).slips ?? {}) : {};
    for (const [entity, list] of Object.entries(slips)) for (const [id, row] of list) made.push([entity, id, row]);
    for (const e of client.prepare("SELECT entity, entity_id AS id, json_extract(after, '$.row') AS row FROM audit_log WHERE action = 'import' AND entity IN ('tyfcb', 'ceu') AND json_extract(after, '$.importBatchId') = ?").all(b.id) as Array<{ entity: string; id: string; row: number }>) made.push([e.entity, e.id, e.row]);
    for (const [entity, id, row] of made) {
      if (entity !== 'tyfcb' && entity !== 'ceu') continue;
      const value = live[entity].get(id) as number | undefined;
      if (value !== undefined) out.set(row, { type: entity, value, on: b.on_day });
    }
  }
  return out;
}

/**
 * The day a one-to-one's Detail names ("Met 11/16/2026", "Coffee 2026-11-16"), read as the file's other dates
 * are (its day/month order; a date only one way can be real needs none). The caller does not take a day after the meeting.
 */
function dayInDetail(detail: string, order: DateOrder | null): string | null {
  const found = /(?<!\d)(\d{4}-\d{2}-\d{2}|\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?!\d)/.exec(detail);
  if (!found) return null;
  const d = parseDateText(found[1]!);
  const day = d.iso ?? (order ? (order === 'dmy' ? d.dmy : d.mdy) : d.dmy && !d.mdy ? d.dmy : d.mdy && !d.dmy ? d.mdy : null);
  return day ?? null;
}

type Filled = { key: string; type: SlipType; words: string };
function filledIn(r: ReadyRow, meetingOn: string): Filled[] {
  const out: Filled[] = [];
  const add = (key: string, words: string) => out.push({ key: `${r.type}.${key}`, type: r.type, words });
  if (r.type === 'referral') {
    add('temperature', 'temperature not in the file, recorded as 3');
    if (!r.io) add('kind', 'inside or outside not in the file, recorded as outside');
    if (!r.prospectText) add('prospect', 'no prospect in the file, recorded as "From BNI Connect"');
  } else if (r.type === 'tyfcb') {
    if (!r.business) add(`business`, /repeat|wiederhol/i.test(r.detail) ? 'new or repeat not in the file, recorded as repeat business (the Detail says repeat)' : 'new or repeat not in the file, recorded as new business');
    if (!r.io) add('kind', 'inside or outside not in the file, recorded as outside');
  } else if (r.type === 'one_to_one' && r.metOnAfterMeeting) {
    add('metOnLate', `the day they met in the file is after the meeting, recorded as the meeting's date (${meetingOn})`);
  } else if (r.type === 'one_to_one' && !r.metOn) {
    add('metOn', `the day they met is not in the file, recorded as the meeting's date (${meetingOn})`);
  }
  return out;
}

/**
 * filledIn and the note's mark for a row, worked out once per kind of row: what filledIn reads of a row is its type,
 * whether Inside/Outside, the prospect, New/Repeat and the day met are given, a "repeat" in the Detail, and the meeting's
 * date — a 100,000-row file has a handful of such kinds (it was a list, its objects and its sentence built twice a row).
 */
const filledByKind = new Map<string, { filled: readonly Filled[]; mark: string }>();
function filledOf(r: ReadyRow, meetingOn: string): { filled: readonly Filled[]; mark: string } {
  const kind =
    r.type === 'referral'
      ? `${!r.io}|${!r.prospectText}`
      : r.type === 'tyfcb'
        ? `${!r.io}|${!r.business}|${!r.business && /repeat|wiederhol/i.test(r.detail)}`
        : r.type === 'one_to_one'
          ? `${!!r.metOnAfterMeeting}|${!r.metOn}`
          : '';
  const key = `${meetingOn}|${r.type}|${kind}`;
  let found = filledByKind.get(key);
  if (!found) {
    if (filledByKind.size >= 256) filledByKind.clear(); // a chapter's history imported week by week: each meeting has its own
    const filled = filledIn(r, meetingOn);
    found = { filled, mark: filled.length ? `Imported from BNI Connect: ${filled.map((f) => f.words).join('; ')}.` : '' };
    filledByKind.set(key, found);
  }
  return found;
}
const slipNouns: Record<SlipType, [string, string]> = { referral: ['referral', 'referrals'], tyfcb: ['TYFCB', 'TYFCBs'], one_to_one: ['one-to-one', 'one-to-ones'], visitor: ['visitor', 'visitors'], ceu: ['CEU', 'CEUs'] };

/** "12 referrals: temperature not in the file, recorded as 3 — change them on the Meeting screen." */
function defaultsSaid(rows: ReadyRow[], meetingOn: string): string[] {
  const counts = new Map<string, { type: SlipType; words: string; n: number }>();
  for (const r of rows)
    for (const f of filledOf(r, meetingOn).filled) {
      const key = `${f.key}|${f.words}`;
      const c = counts.get(key) ?? { type: f.type, words: f.words, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  return [...counts.values()].map((c) => `${c.n} ${slipNouns[c.type][c.n === 1 ? 0 : 1]}: ${c.words} — change ${c.n === 1 ? 'it' : 'them'} on the Meeting screen.`);
}
/** What the slip itself says about the values it was given: its note, with the file's Detail kept first. */
function markedNote(r: ReadyRow, note: string, meetingOn: string): string {
  const { mark } = filledOf(r, meetingOn);
  if (!mark) return note;
  return note ? `${note} — ${mark}` : mark;
}

/** Rows above which an import writes with a larger page cache, and that cache (negative: KiB). */
const largeImportRows = 2_000;
const largeImportCacheKib = -32_768;

export interface ImportResult extends ImportPreview {
  batchId: string | null;
  created: number;
  updated: number;
}

/**
 * Writes the previewed file: new rows become slips, differing rows put the file's values on the
 * matching slip, rows already in the ledger are left alone, problem rows are left out (and listed).
 * One transaction, one batch; into a closed meeting it is an amendment with one reason.
 */
export async function importSlipsAudit(db: Db, input: ImportInput): Promise<ImportResult> {
  // The preview just shown, when nothing it depends on has changed since (the file is read and matched once).
  const previewed = lastAnalysis.get(clientOf(db));
  lastAnalysis.delete(clientOf(db));
  const { preview, matches, meeting: found, digest } = previewed && previewed.key === analysisKey(db, input) ? previewed : await analyse(db, input);
  if (preview.columnQuestion?.blocking) {
    throw new LedgerError('invalid_input', `${preview.columnQuestion.message.replace(/\.$/, '')} before importing. Nothing was imported.`, 'columns');
  }
  if (preview.meetingQuestion?.blocking) {
    throw new LedgerError('invalid_input', `${preview.meetingQuestion.message.replace(/\.$/, '')} before importing. Nothing was imported.`, 'meetingOn');
  }
  if (preview.dateOrder.question) {
    throw new LedgerError('invalid_input', `${preview.dateOrder.question.replace(/\.$/, '')} before importing. Nothing was imported.`, 'dateOrder');
  }
  refuseUnconfirmedChapter(preview.chapterWarning, input.anotherChapter);
  const reason = (input.reason ?? '').trim();
  if (preview.reasonRequired && !reason) {
    throw new LedgerError('reason_required', `The meeting of ${preview.meetingOn} is closed: importing into it is an amendment. Give one reason for this import (it is kept with every slip it changes). Nothing was imported.`, 'reason');
  }
  const toWrite = matches.filter((m) => m.kind !== 'same');
  if (toWrite.length === 0) return { ...preview, batchId: null, created: 0, updated: 0 };

  const chapter = requireChapter(db);
  const client = clientOf(db);
  const auditReason = found?.status === 'completed' ? reason : '';
  const now = () => new Date().toISOString();
  const insert = {
    meeting: client.prepare("INSERT INTO meetings (id, meeting_on, status, closed_at, note) VALUES (?, ?, 'completed', ?, ?)"),
    referral: client.prepare('INSERT INTO referrals (id, meeting_id, giver_id, receiver_id, kind, temperature, prospect_name, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 3, ?, ?, ?, ?)'),
    tyfcb: client.prepare('INSERT INTO tyfcb_slips (id, meeting_id, closer_id, referrer_id, amount_minor, currency, business, kind, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    one_to_one: client.prepare('INSERT INTO one_to_ones (id, meeting_id, member_a_id, member_b_id, met_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    // The file's From is the member written first, as on a typed slip (the pair itself is kept in id order).
    oneToOneOrder: client.prepare('INSERT INTO one_to_one_entered_order (one_to_one_id, first_member_id, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    visitor: client.prepare('INSERT INTO visitors (id, meeting_id, name, company, classification_sought, invited_by_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    ceu: client.prepare('INSERT INTO ceus (id, meeting_id, member_id, credits, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    outside: client.prepare('INSERT INTO outside_party_slips (id, meeting_id, slip_type, member_id, party_id, direction, kind, temperature, prospect_name, amount_minor, currency, business, met_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    party: client.prepare('INSERT INTO outside_parties (id, kind, name, chapter_name, match_key) VALUES (?, ?, ?, ?, ?)'),
    audit: auditAppender(client),
    batch: client.prepare("INSERT INTO import_batches (id, kind, file_name, file_digest, meeting_id, reason, created, updated, matched, skipped) VALUES (?, 'slips_audit', ?, ?, ?, ?, ?, ?, ?, ?)"),
    item: client.prepare('INSERT INTO import_batch_items (id, batch_id, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?, ?)'),
    createdRun: client.prepare("INSERT INTO import_batch_items (id, batch_id, entity, entity_id, last_entity_id, action) VALUES (?, ?, ?, ?, ?, 'created')"),
    outsiderAlias: client.prepare('INSERT INTO outside_party_aliases (id, alias, kind, name, chapter_name) VALUES (?, ?, ?, ?, ?) ON CONFLICT (alias) DO UPDATE SET kind = excluded.kind, name = excluded.name, chapter_name = excluded.chapter_name, updated_at = excluded.updated_at'),
    alias: client.prepare('INSERT INTO member_aliases (id, alias, member_id) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET member_id = excluded.member_id, updated_at = excluded.updated_at'),
  };
  const update = {
    referral: client.prepare('UPDATE referrals SET kind = ?, prospect_name = ?, updated_at = ? WHERE id = ?'),
    tyfcb: client.prepare('UPDATE tyfcb_slips SET kind = ?, business = ?, amount_minor = ?, updated_at = ? WHERE id = ?'),
    visitor: client.prepare('UPDATE visitors SET company = ?, updated_at = ? WHERE id = ?'),
    ceu: client.prepare('UPDATE ceus SET credits = ?, note = ?, updated_at = ? WHERE id = ?'),
    outsideReferral: client.prepare('UPDATE outside_party_slips SET kind = ?, prospect_name = ?, updated_at = ? WHERE id = ?'),
    outsideTyfcb: client.prepare('UPDATE outside_party_slips SET kind = ?, business = ?, amount_minor = ?, updated_at = ? WHERE id = ?'),
  };
  const findParty = client.prepare('SELECT id FROM outside_parties WHERE match_key = ?');
  /** The party's row, created the first time it appears (one row per person, as when typed). */
  const partyIdOf = (p: OutsideParty) => {
    const key = partyMatchKey(p);
    const found = findParty.get(key) as { id: string } | undefined;
    if (found) return found.id;
    const id = randomUUID();
    insert.party.run(id, p.kind, p.name, p.chapterName, key);
    return id;
  };
  const audit = (action: string, entity: string, entityId: string, before: unknown, after: unknown, why: string) =>
    insert.audit({ id: randomUUID(), action, entity, entityId, before: before === undefined ? null : JSON.stringify(before), after: after === undefined ? null : JSON.stringify(after), reason: why });

  const batchId = randomUUID();
  let created = 0;
  let updated = 0;
  // Into a closed meeting an import is an amendment: every slip gets its own entry with the reason, as
  // the quarterly audit lists amendments one by one. Otherwise the batch's one entry lists every slip it
  // created (by kind: [id, file row]); a slip's own history finds it through import_batch_items.
  const entryPerSlip = found?.status === 'completed';
  const listed: Record<string, Array<[string, number]>> = {};
  // The slips of each kind get consecutive ids (a prefix of their own, a counter in the file's order), so the
  // batch records them as one item per kind, first to last id, instead of one item per slip.
  const runs = new Map<string, IdRun>();
  const newId = (entity: string) => {
    let run = runs.get(entity);
    if (!run) runs.set(entity, (run = idRun()));
    return run.next();
  };
  const createdSlip = (entity: string, id: string, after: Record<string, unknown>, row: number) => {
    if (entryPerSlip) audit('import', entity, id, undefined, { id, ...after, importBatchId: batchId, fileName: input.fileName, row }, auditReason);
    else (listed[entity] ??= []).push([id, row]);
    created++;
  };
  const visitorSlips: string[] = [];
  // A large file touches more of the chapter's index pages than the page cache it was opened with (better-sqlite3's
  // 16 MB) holds, and reads them again and again: 32 MiB while it writes (100,000 rows into the ten-year chapter: import CPU
  // 4.7–5.7 → 3.7–4.3 s, peak memory unchanged), the chapter's own size again afterwards.
  const cacheBefore = client.pragma('cache_size', { simple: true }) as number;
  if (toWrite.length > largeImportRows) client.pragma(`cache_size = ${largeImportCacheKib}`);
  try {
    // All or nothing: the meeting, every slip, the aliases, the batch and its items in one transaction.
    client.transaction(() => {
      // The slips' time of writing, given once: the column default computes and formats the clock for every row (13% of
      // a referral's insert). One import is one moment; the file's order stays in the slips' ids and row order.
      const stamp = now();
      // The secretary's answers are kept: by the exact spelling when two members share its fold, else folded.
      const names = memberNames(client);
      for (const [name, memberId] of Object.entries(input.aliases ?? {})) insert.alias.run(randomUUID(), names.aliasKey(name), memberId);
      for (const [name, party] of Object.entries(input.outsiders ?? {})) {
        const p = checkParty(party, `outsiders.${name}`);
        insert.outsiderAlias.run(randomUUID(), nameKey(name), p.kind, p.name, p.chapterName);
      }
      let meetingId = found?.id;
      if (!meetingId) {
        // History from BNI Connect is a meeting that already took place: it arrives closed.
        meetingId = randomUUID();
        const note = `Imported from ${input.fileName}`;
        insert.meeting.run(meetingId, preview.meetingOn, now(), note);
        audit('import', 'meeting', meetingId, undefined, { id: meetingId, meetingOn: preview.meetingOn, status: 'completed', note, importBatchId: batchId }, '');
      }
      insert.batch.run(batchId, input.fileName, digest, meetingId, reason, 0, 0, 0, 0);
      const trail = { importBatchId: batchId, fileName: input.fileName };
      for (const m of toWrite) {
        const r = m.row;
        if (m.kind === 'new' && (r.fromParty || r.toParty)) {
          // A slip with someone outside the chapter: stored as that party, beside (never among) the members' slips.
          const id = newId('outside_party');
          const party = (r.fromParty ?? r.toParty)!;
          const memberId = (r.fromParty ? r.toId : r.fromId)!;
          const slipType = r.type as 'referral' | 'tyfcb' | 'one_to_one';
          // Referral From gives to To; a TYFCB's From closed the business and thanks To, who referred it.
          const direction = slipType === 'one_to_one' ? 'with' : slipType === 'referral' ? (r.fromParty ? 'received' : 'given') : r.fromParty ? 'given' : 'received';
          const kind = slipType === 'referral' ? kindOf(r.io) : slipType === 'tyfcb' ? tyfcbKindOf(r.io) : '';
          const business = slipType === 'tyfcb' ? ((r.business ? businessOf(r.business) : null) ?? (/repeat|wiederhol/i.test(r.detail) ? 'repeat' : 'new')) : null;
          const prospectName = slipType === 'referral' ? r.prospectText || 'From BNI Connect' : '';
          const note = markedNote(r, slipType === 'referral' ? '' : r.prospectText, preview.meetingOn);
          const pid = partyIdOf(party);
          insert.outside.run(id, meetingId, slipType, memberId, pid, direction, kind, slipType === 'referral' ? 3 : null, prospectName, slipType === 'tyfcb' ? r.amountMinor : null, slipType === 'tyfcb' ? chapter.currency : null, business, slipType === 'one_to_one' ? (r.metOn ?? preview.meetingOn) : null, note, stamp, stamp);
          const after = {
            slipType, memberId, partyId: pid, partyKind: party.kind, partyName: party.name, partyChapter: party.chapterName, direction, fromName: r.fromIs, toName: r.toIs, kind,
            ...(slipType === 'referral' ? { prospectName, temperature: 3 } : slipType === 'tyfcb' ? { amountMinor: r.amountMinor, currency: chapter.currency, business } : { metOn: r.metOn ?? preview.meetingOn }),
            note,
          };
          createdSlip('outside_party', id, { meetingId, ...after }, r.row);
        } else if (m.kind === 'new') {
          const id = newId(r.type);
          let entity: string;
          let after: Record<string, unknown>;
          switch (r.type) {
            case 'referral': {
              entity = 'referral';
              after = { giverId: r.fromId, receiverId: r.toId, kind: kindOf(r.io), temperature: 3, prospectName: r.detail || 'From BNI Connect', note: markedNote(r, '', preview.meetingOn) };
              insert.referral.run(id, meetingId, r.fromId, r.toId, after.kind, after.prospectName, after.note, stamp, stamp);
              break;
            }
            case 'tyfcb':
              entity = 'tyfcb';
              after = { closerId: r.fromId, referrerId: r.toId, amountMinor: r.amountMinor, currency: chapter.currency, business: (r.business ? businessOf(r.business) : null) ?? (/repeat|wiederhol/i.test(r.detail) ? 'repeat' : 'new'), kind: tyfcbKindOf(r.io), note: markedNote(r, r.detail, preview.meetingOn) };
              insert.tyfcb.run(id, meetingId, r.fromId, r.toId, r.amountMinor, chapter.currency, after.business, after.kind, after.note, stamp, stamp);
              break;
            case 'one_to_one': {
              const [a, b] = [r.fromId!, r.toId!].sort() as [string, string];
              entity = 'one_to_one';
              after = { memberAId: a, memberBId: b, metOn: r.metOn ?? preview.meetingOn, note: markedNote(r, r.detail, preview.meetingOn) };
              insert.one_to_one.run(id, meetingId, a, b, after.metOn, after.note, stamp, stamp);
              insert.oneToOneOrder.run(id, r.fromId!, stamp, stamp);
              break;
            }
            case 'visitor':
              entity = 'visitor';
              after = { name: r.to, company: r.detail, classificationSought: r.classification, invitedById: r.fromId };
              insert.visitor.run(id, meetingId, r.to, r.detail, r.classification, r.fromId, stamp, stamp);
              visitorSlips.push(id);
              break;
            case 'ceu':
              entity = 'ceu';
              after = { memberId: r.fromId, credits: r.creditCount, note: r.detail };
              insert.ceu.run(id, meetingId, r.fromId, r.creditCount, r.detail, stamp, stamp);
              break;
          }
          createdSlip(entity, id, { meetingId, ...after }, r.row);
        } else if (m.kind === 'differs') {
          const s = m.slip;
          const before = snapshot(s);
          const t = now();
          let after: Record<string, unknown>;
          if (s.outside) {
            // The same fields as a members' slip may differ in; the parties themselves matched.
            if (s.type === 'referral') {
              after = { kind: r.io ? kindOf(r.io) : s.kindRaw, prospectName: r.prospectText || s.textRaw };
              update.outsideReferral.run(after.kind, after.prospectName, t, s.id);
            } else if (s.type === 'tyfcb') {
              after = { kind: r.io ? tyfcbKindOf(r.io) : s.kindRaw, business: r.business ? businessOf(r.business) : s.business, amountMinor: r.amountMinor };
              update.outsideTyfcb.run(after.kind, after.business, after.amountMinor, t, s.id);
            } else continue;
            insert.item.run(randomUUID(), batchId, 'outside_party', s.id, 'updated', JSON.stringify(before));
            audit('update', 'outside_party', s.id, { ...before, slipType: s.type, fromName: r.fromIs, toName: r.toIs }, { ...after, slipType: s.type, fromName: r.fromIs, toName: r.toIs, ...trail, row: r.row }, auditReason);
            updated++;
            continue;
          }
          switch (s.type) {
            case 'referral':
              after = { kind: r.io ? kindOf(r.io) : s.kindRaw, prospectName: r.detail || s.textRaw };
              update.referral.run(after.kind, after.prospectName, t, s.id);
              break;
            case 'tyfcb':
              after = { kind: r.io ? tyfcbKindOf(r.io) : s.kindRaw, business: r.business ? businessOf(r.business) : s.business, amountMinor: r.amountMinor };
              update.tyfcb.run(after.kind, after.business, after.amountMinor, t, s.id);
              break;
            case 'visitor':
              after = { company: r.detail || s.textRaw };
              update.visitor.run(after.company, t, s.id);
              visitorSlips.push(s.id);
              break;
            case 'ceu':
              // The activity as the file spells it when it is the same one (a typo fixed); never another activity's.
              after = { credits: r.creditCount, note: r.detail || s.textRaw };
              update.ceu.run(r.creditCount, after.note, t, s.id);
              break;
            case 'one_to_one':
              // A one-to-one has nothing the file can differ in once its two members match.
              continue;
          }
          insert.item.run(randomUUID(), batchId, s.type, s.id, 'updated', JSON.stringify(before));
          audit('update', s.type, s.id, before, { ...after, ...trail, row: r.row }, auditReason);
          updated++;
        }
      }
      for (const [entity, run] of runs) if (run.first && run.last) insert.createdRun.run(randomUUID(), batchId, entity, run.first, run.last);
      if (!entryPerSlip && created > 0) {
        const counts = Object.fromEntries(Object.entries(listed).map(([entity, list]) => [entity, list.length]));
        const override = anotherChapterOverride(preview.chapterWarning);
        audit('import', 'import_batch', batchId, undefined, { id: batchId, fileName: input.fileName, meetingId, meetingOn: preview.meetingOn, created, counts, ...(override ? { anotherChapter: override } : {}), slips: listed }, '');
      }
      client.prepare('UPDATE import_batches SET created = ?, updated = ?, matched = ?, skipped = ? WHERE id = ?').run(created, updated, preview.counts.same, preview.counts.problem + preview.counts.skipped, batchId);
      // A week's visitors are in the Visitors list as soon as it is imported; a whole history's
      // (thousands) are linked behind the screens, oldest first, like an older file's.
      if (visitorSlips.length <= visitorSlipsLinkedWhileOpening) linkSavedVisitorSlips(db, visitorSlips);
    })();
  } finally {
    client.pragma(`cache_size = ${cacheBefore}`);
  }
  refreshPlannerStatistics(db); // an import is a large change: the planner's statistics follow it
  return { ...preview, meetingStatus: found ? preview.meetingStatus : 'completed', batchId, created, updated };
}

/** The stored fields a "differs" row may change, as they were: what undo puts back. */
function snapshot(s: LedgerSlip): Record<string, unknown> {
  switch (s.type) {
    case 'referral':
      return { kind: s.kindRaw, prospectName: s.textRaw };
    case 'tyfcb':
      return { kind: s.kindRaw, business: s.business, amountMinor: s.amountMinor };
    case 'visitor':
      return { company: s.textRaw };
    case 'ceu':
      return { credits: s.credits, note: s.textRaw };
    case 'one_to_one':
      return {};
  }
}
