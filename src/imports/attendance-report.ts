// BNI Connect's "Chapter PALMS Attendance Report": First Name | Last Name | one column per meeting
// date (P, A, L, M, S), the year from its From and To rows. It fills attendance history: meetings it
// names that the ledger lacks arrive closed; marks the ledger lacks are added; marks the ledger already
// has are left as they are (a different one is listed). One batch, undoable like a slips import.
import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import type { AttendancePreview } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import type { LegacyEncoding } from '../shared/text-encodings';
import { couldBe, memberNames } from './member-names';
import { requireChapter } from '../services/chapter';
import { auditAppender } from '../services/audit-chain';
import { dateIn, describeBothReadings, parseDateText, sentence, type DateOrder } from './file-values';
import { readAsOf, readTable, type Table } from './spreadsheet';
import { findColumns, type ColumnSpec } from './column-mapping';
import { anotherChapterOverride, chapterWarningOf, otherReportNamedIn, palmsSummaryNamedIn, refuseUnconfirmedChapter } from './chapter-of-file';

const marks = new Set(['P', 'A', 'L', 'M', 'S']);
// When BNI Connect marks a substitute it does not name them; the ledger needs a name for an S.
const unnamedSubstitute = 'Not named in the BNI Connect report';

interface Input {
  fileName: string;
  contentBase64: string;
  /** A file that is not Unicode, read in the code page the secretary chose in the preview. */
  readAs?: LegacyEncoding | undefined;
  dateOrder?: DateOrder | undefined;
  /** Columns the secretary pointed at in the preview, by field: the column's index in the header row, -1 for none. */
  columns?: Partial<Record<'firstName' | 'lastName', number>> | undefined;
  /** The secretary said a file naming another chapter is this chapter's (see refuseUnconfirmedChapter). */
  anotherChapter?: boolean | undefined;
}

// First Name and Last Name in English, German, French, Spanish, Dutch, Italian and Portuguese reports; every
// other header with a digit in it is a meeting's date.
const attendanceColumns: ColumnSpec<'firstName' | 'lastName'> = {
  names: {
    firstName: ['first name', 'firstname', 'vorname', 'prénom', 'prenom', 'nombre', 'voornaam', 'nome', 'primeiro nome'],
    lastName: ['last name', 'lastname', 'surname', 'nachname', 'nom', 'nom de famille', 'apellido', 'apellidos', 'achternaam', 'cognome', 'sobrenome', 'apelido'],
  },
  order: ['firstName', 'lastName'],
  labels: { firstName: 'First Name', lastName: 'Last Name' },
  required: ['firstName', 'lastName'],
  notFound: 'is not a Chapter PALMS Attendance Report: no header row with First Name and Last Name',
  known: (header) => /\d/.test(header),
};

interface Planned {
  meetingOn: string;
  memberId: string;
  mark: string;
}

const clientOf = (db: Db) => (db as unknown as { $client: Database.Database }).$client;

function parameter(table: Table, headerAt: number, labels: string[]): string | null {
  for (const row of table.slice(0, headerAt)) {
    const i = row.findIndex((c) => labels.includes(c.trim().toLowerCase().replace(/:$/, '')));
    if (i >= 0) for (const value of row.slice(i + 1)) if (value.trim()) return value.trim();
  }
  return null;
}

/** A column header as a meeting date: a full date, or day and month with the year from the report's period. */
function columnDates(headers: string[], period: { from: string; to: string }, chosen: DateOrder | undefined) {
  const years = [...new Set([period.from.slice(0, 4), period.to.slice(0, 4)])];
  const read = (text: string, order: DateOrder | null): string | null => {
    const full = dateIn(text, order);
    if (full) return full;
    const short = /^(\d{1,2})[/.-](\d{1,2})\.?$/.exec(text.trim());
    if (!short || !order) return null;
    for (const year of years) {
      const iso = dateIn(`${short[1]}/${short[2]}/${year}`, order);
      if (iso && iso >= period.from && iso <= period.to) return iso;
    }
    return null;
  };
  const fits = (order: DateOrder) => headers.every((h) => read(h, order) !== null);
  // The order that reads every column as a day inside the report's period; asked only if both do.
  const candidates = (['dmy', 'mdy'] as const).filter(fits);
  const order: DateOrder | null = candidates.length === 1 ? candidates[0]! : chosen && candidates.includes(chosen) ? chosen : null;
  const ambiguous = candidates.length === 2 && !chosen;
  const example = headers.find((h) => /^\d{1,2}[/.-]\d{1,2}/.test(h.trim()) && !parseDateText(h).iso);
  return { dates: headers.map((h) => (order ? read(h, order) : null)), order, ambiguous, example, settled: candidates.length === 1 };
}

async function analyse(db: Db, input: Input) {
  const chapter = requireChapter(db);
  const client = clientOf(db);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const table = await readTable(input.fileName, bytes, { readAs: input.readAs, locale: chapter.locale });
  // First Name and Last Name by their header (in the languages BNI Connect exports in), else as the secretary pointed.
  const found = findColumns(input.fileName, table, attendanceColumns, input.columns);
  const { headerAt, columns: named } = found;
  // The Chapter Summary PALMS Report has First Name and Last Name too, then totals where the meetings would be.
  if (palmsSummaryNamedIn(table.slice(0, Math.max(headerAt, 0)))) throw new LedgerError('invalid_input', `${input.fileName}: ${otherReportNamedIn(table.slice(0, headerAt), 'attendance')} Nothing was imported.`, 'file');
  // Chosen on the wrong tab (a Slips Audit Report): said before the question about its columns.
  const otherReport = found.question?.blocking ? otherReportNamedIn(table.slice(0, headerAt), 'attendance') : null;
  const columnQuestion = found.question && otherReport ? { ...found.question, message: `${otherReport} ${found.question.message}` } : found.question;
  // The report's title block names its chapter: another chapter's report is warned about, never refused.
  const chapterWarning = chapterWarningOf(table.slice(0, headerAt), chapter.name);
  if (columnQuestion?.blocking) {
    // Nothing can be read until First Name and Last Name are known: the preview asks, showing the file's headers.
    const asking: AttendancePreview = {
      fileName: input.fileName, readAs: readAsOf(table, { headerAt, columns: [named.firstName, named.lastName] }), period: { from: '', to: '' }, meetings: 0, members: 0, meetingsToCreate: 0, marksToAdd: 0, marksAlreadyThere: 0,
      differences: [], problems: [], dateOrder: { order: null, settledBy: 'none', question: null }, columnQuestion, chapterWarning,
    };
    return { preview: asking, planned: [] as Planned[], meetingRows: new Map<string, { id: string; meetingOn: string; status: string }>(), digest: createHash('sha256').update(bytes).digest('hex') };
  }
  const header = table[headerAt]!.map((c) => c.trim());
  const first = named.firstName;
  const last = named.lastName;
  const dateColumns = header.map((h, i) => ({ h, i })).filter(({ h, i }) => i !== first && i !== last && /\d/.test(h));
  if (dateColumns.length === 0) throw new LedgerError('invalid_input', `${input.fileName} has no meeting-date columns after First Name and Last Name. Nothing was imported.`, 'file');

  const fromText = parameter(table, headerAt, ['from', 'von', 'de', 'desde', 'du']);
  const toText = parameter(table, headerAt, ['to', 'bis', 'à', 'hasta', 'au', 'a']);
  // The period's own dates: ISO, or the same day-or-month-first question as the columns.
  const periodFor = (order: DateOrder | null) => (fromText && toText ? { from: dateIn(fromText, order), to: dateIn(toText, order) } : null);
  let period: { from: string; to: string } | null = null;
  for (const order of [null, input.dateOrder ?? null, 'mdy', 'dmy'] as const) {
    const p = periodFor(order);
    if (p?.from && p.to && p.from <= p.to) {
      period = p as { from: string; to: string };
      break;
    }
  }
  if (!period) throw new LedgerError('invalid_input', `${input.fileName} does not give its period (the From and To rows), which the meeting dates need for their year. Export the report again with its parameters.`, 'file');
  const columns = columnDates(
    dateColumns.map((c) => c.h),
    period,
    input.dateOrder,
  );
  const question = columns.ambiguous && columns.example ? `${sentence(`The meeting dates in the columns do not say which comes first: ${describeBothReadings({ text: columns.example, dmy: columnDates([columns.example], period, 'dmy').dates[0] ?? '', mdy: columnDates([columns.example], period, 'mdy').dates[0] ?? '' })}`)} Choose how this file writes dates.` : null;
  if (!columns.order && !columns.ambiguous) {
    throw new LedgerError('invalid_input', `${input.fileName}: the column dates (${dateColumns.slice(0, 3).map((c) => c.h).join(', ')}…) do not all fall between ${period.from} and ${period.to}. Export the report again. Nothing was imported.`, 'file');
  }
  const order = columns.order ?? 'dmy';
  const dates = columns.order ? columns.dates : columnDates(dateColumns.map((c) => c.h), period, 'dmy').dates;

  const names = memberNames(client);
  const roster = new Map((client.prepare("SELECT id, first_name || ' ' || last_name AS name, status, joined_on AS joinedOn, left_on AS leftOn FROM members").all() as Array<{ id: string; name: string; status: string; joinedOn: string; leftOn: string | null }>).map((m) => [m.id, m]));
  const meetingRows = new Map((client.prepare('SELECT id, meeting_on AS meetingOn, status FROM meetings').all() as Array<{ id: string; meetingOn: string; status: string }>).map((m) => [m.meetingOn, m]));
  const existing = new Map((client.prepare('SELECT g.meeting_on AS meetingOn, a.member_id AS memberId, a.mark FROM attendance a JOIN meetings g ON g.id = a.meeting_id').all() as Array<{ meetingOn: string; memberId: string; mark: string }>).map((a) => [`${a.meetingOn}|${a.memberId}`, a.mark]));

  const problems: AttendancePreview['problems'] = [];
  const differences: AttendancePreview['differences'] = [];
  const planned: Planned[] = [];
  let same = 0;
  let members = 0;
  for (let r = headerAt + 1; r < table.length; r++) {
    const row = table[r] ?? [];
    const name = `${row[first] ?? ''} ${row[last] ?? ''}`.trim();
    if (!name || /total/i.test(name)) continue;
    const found = names.match(name);
    if (found.kind === 'ambiguous') {
      problems.push({ row: r + 1, message: `Row ${r + 1}: "${name}" ${couldBe(found.candidates)}. The row is left out rather than credited to one of them by guess (map the name in a slips import first, then import this file again).` });
      continue;
    }
    if (found.kind === 'none') {
      problems.push({ row: r + 1, message: `Row ${r + 1}: "${name}" matches no member; the row is left out (add the member or map the name in a slips import first).` });
      continue;
    }
    const memberId = found.id;
    members++;
    const m = roster.get(memberId)!;
    dateColumns.forEach(({ i }, k) => {
      const meetingOn = dates[k]!;
      const mark = (row[i] ?? '').trim().toUpperCase();
      if (!mark) return;
      if (!marks.has(mark)) {
        problems.push({ row: r + 1, message: `Row ${r + 1} (${name}), ${meetingOn}: "${row[i]}" is not a PALMS mark (P, A, L, M or S); it is left out.` });
        return;
      }
      if (m.joinedOn > meetingOn || (m.leftOn !== null && m.leftOn <= meetingOn) || m.status === 'applicant') {
        problems.push({ row: r + 1, message: `Row ${r + 1} (${name}), ${meetingOn}: ${m.name} was not a member that day (joined ${m.joinedOn}${m.leftOn ? `, left ${m.leftOn}` : ''}); the mark is left out.` });
        return;
      }
      if (meetingRows.get(meetingOn)?.status === 'cancelled') return;
      const had = existing.get(`${meetingOn}|${memberId}`);
      if (had === mark) same++;
      else if (had) differences.push({ name: m.name, meetingOn, file: mark, ledger: had });
      else planned.push({ meetingOn, memberId, mark });
    });
  }
  const newMeetings = [...new Set(planned.map((p) => p.meetingOn))].filter((d) => !meetingRows.has(d)).sort();
  const preview: AttendancePreview = {
    fileName: input.fileName,
    readAs: readAsOf(table, { headerAt, columns: [named.firstName, named.lastName] }),
    period,
    meetings: dates.length,
    members,
    meetingsToCreate: newMeetings.length,
    marksToAdd: planned.length,
    marksAlreadyThere: same,
    differences,
    problems,
    dateOrder: { order: columns.order ? order : null, settledBy: columns.settled ? 'file' : input.dateOrder ? 'choice' : 'none', question },
    columnQuestion,
    chapterWarning,
  };
  return { preview, planned, meetingRows, digest: createHash('sha256').update(bytes).digest('hex') };
}

export async function previewAttendanceReport(db: Db, input: Input): Promise<AttendancePreview> {
  return (await analyse(db, input)).preview;
}

export async function importAttendanceReport(db: Db, input: Input): Promise<AttendancePreview & { batchId: string | null }> {
  const { preview, planned, meetingRows, digest } = await analyse(db, input);
  if (preview.columnQuestion?.blocking) throw new LedgerError('invalid_input', `${preview.columnQuestion.message.replace(/\.$/, '')} before importing. Nothing was imported.`, 'columns');
  if (preview.dateOrder.question) throw new LedgerError('invalid_input', `${preview.dateOrder.question.replace(/\.$/, '')} before importing. Nothing was imported.`, 'dateOrder');
  refuseUnconfirmedChapter(preview.chapterWarning, input.anotherChapter);
  if (planned.length === 0) return { ...preview, batchId: null };
  const client = clientOf(db);
  const batchId = randomUUID();
  const appendAudit = auditAppender(client);
  const audit = { run: (id: string, action: string, entity: string, entityId: string, before: string | null, after: string | null, reason: string) => appendAudit({ id, action, entity, entityId, before, after, reason }) };
  const addMeeting = client.prepare("INSERT INTO meetings (id, meeting_on, status, closed_at, note) VALUES (?, ?, 'completed', ?, ?)");
  const addMark = client.prepare('INSERT INTO attendance (id, meeting_id, member_id, mark, substitute_name) VALUES (?, ?, ?, ?, ?)');
  const item = client.prepare("INSERT INTO import_batch_items (id, batch_id, entity, entity_id, action) VALUES (?, ?, ?, ?, 'created')");
  // Marks into a meeting this import creates (or one still open) are listed in the batch's one audit entry
  // ([mark id, meeting day, member id, mark]); a mark added to a meeting already closed is an amendment and
  // keeps its own entry with the reason, as the quarterly audit lists amendments one by one.
  const listed: Array<[string, string, string, string]> = [];
  client.transaction(() => {
    client.prepare("INSERT INTO import_batches (id, kind, file_name, file_digest, created, matched, skipped) VALUES (?, 'attendance', ?, ?, ?, ?, ?)").run(batchId, input.fileName, digest, planned.length, preview.marksAlreadyThere, preview.problems.length + preview.differences.length);
    const ids = new Map([...meetingRows].map(([day, m]) => [day, m.id]));
    for (const p of planned) {
      let meetingId = ids.get(p.meetingOn);
      if (!meetingId) {
        // History from BNI Connect is a meeting that already took place: it arrives closed.
        meetingId = randomUUID();
        const note = `Imported from ${input.fileName}`;
        addMeeting.run(meetingId, p.meetingOn, new Date().toISOString(), note);
        audit.run(randomUUID(), 'import', 'meeting', meetingId, null, JSON.stringify({ id: meetingId, meetingOn: p.meetingOn, status: 'completed', note, importBatchId: batchId }), '');
        ids.set(p.meetingOn, meetingId);
      }
      const id = randomUUID();
      const substitute = p.mark === 'S' ? unnamedSubstitute : null;
      addMark.run(id, meetingId, p.memberId, p.mark, substitute);
      item.run(randomUUID(), batchId, 'attendance', id);
      // A mark added to a meeting that was already closed is an amendment, and says where it came from.
      if (meetingRows.get(p.meetingOn)?.status === 'completed') {
        audit.run(randomUUID(), 'import', 'attendance', id, null, JSON.stringify({ id, meetingId, meetingOn: p.meetingOn, memberId: p.memberId, mark: p.mark, substituteName: substitute, importBatchId: batchId, fileName: input.fileName }), `Attendance history imported from ${input.fileName}`);
      } else listed.push([id, p.meetingOn, p.memberId, p.mark]);
    }
    if (listed.length > 0) {
      const meetingsCreated = [...ids.keys()].filter((day) => !meetingRows.has(day)).length;
      const override = anotherChapterOverride(preview.chapterWarning);
      audit.run(randomUUID(), 'import', 'import_batch', batchId, null, JSON.stringify({ id: batchId, kind: 'attendance', fileName: input.fileName, created: listed.length, meetingsCreated, counts: { attendance: listed.length }, substituteName: unnamedSubstitute, ...(override ? { anotherChapter: override } : {}), marks: listed }), '');
    }
  })();
  return { ...preview, batchId };
}
