// A roster from a spreadsheet or CSV: first name, last name, company, classification, email, phone,
// joined on, renewal due, status. Classifications are matched or created; members already in the
// ledger (same name) take the file's newer details; a bad row (seat taken, date that is no date, two
// members sharing the name) is a problem row: listed, left out, never a reason to refuse the others.
// The secretary can also skip any row; a skipped row takes no seat, so skipping one of two rows
// claiming a classification lets the other in.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { classifications, members } from '../db/schema';
import { addMemberInput, updateMemberInput, type RosterPreview } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import type { LegacyEncoding } from '../shared/text-encodings';
import { foldName } from '../shared/names';
import { chapterToday, getChapter } from '../services/chapter';
import { saveClassification } from '../services/classifications';
import { addMember, findMember, updateMember } from '../services/members';
import { currentSeatHolder, seatTakenMessage } from '../services/seats';
import { dateIn, describeBothReadings, fileDateOrder, sentence, type DateOrder } from './file-values';
import { couldBe, nameKey } from './member-names';
import { readAsOf, readTable } from './spreadsheet';
import { findColumns, type ColumnSpec } from './column-mapping';

// Header words in English, German, French, Spanish, Dutch, Italian and Portuguese rosters.
const columnNames = {
  firstName: ['first name', 'firstname', 'first', 'vorname', 'prénom', 'prenom', 'nombre', 'voornaam', 'nome', 'primeiro nome'],
  lastName: ['last name', 'lastname', 'last', 'surname', 'nachname', 'nom', 'nom de famille', 'apellido', 'apellidos', 'achternaam', 'cognome', 'sobrenome', 'apelido'],
  company: ['company', 'business', 'company name', 'firma', 'unternehmen', 'entreprise', 'société', 'empresa', 'bedrijf', 'azienda', 'società'],
  classification: ['classification', 'category', 'profession', 'klassifizierung', 'branche', 'catégorie', 'clasificación', 'classificatie', 'categorie', 'classificazione', 'categoria', 'classificação'],
  email: ['email', 'e-mail', 'email address', 'e-mail-adresse', 'courriel', 'correo', 'correo electrónico'],
  phone: ['phone', 'phone number', 'mobile', 'telefon', 'téléphone', 'teléfono', 'telefoon', 'telefono', 'telefone', 'celular'],
  joinedOn: ['joined on', 'joined', 'join date', 'member since', 'mitglied seit', 'eintrittsdatum', "date d'adhésion", 'membre depuis', 'fecha de ingreso', 'miembro desde', 'lid sinds', 'socio dal', 'membro desde'],
  renewalDue: ['renewal due', 'renewal', 'renewal date', 'due date', 'verlängerung', 'renouvellement', 'renovación', 'verlenging', 'rinnovo', 'renovação'],
  status: ['status', 'membership status', 'statut', 'estado', 'stato', 'situação'],
} as const;
type Column = keyof typeof columnNames;
/** First Name, Last Name and Classification are needed; the others are read when the file has them. */
const rosterColumns: ColumnSpec<Column> = {
  names: columnNames,
  order: ['firstName', 'lastName', 'classification', 'company', 'email', 'phone', 'joinedOn', 'renewalDue', 'status'],
  labels: { firstName: 'First Name', lastName: 'Last Name', company: 'Company', classification: 'Classification', email: 'Email', phone: 'Phone', joinedOn: 'Joined On', renewalDue: 'Renewal Due', status: 'Status' },
  required: ['firstName', 'lastName', 'classification'],
  notFound: 'is not a roster: no header row with First Name and Last Name',
};

const statuses: Record<string, 'active' | 'applicant' | 'on_leave' | 'former'> = {
  active: 'active', member: 'active', applicant: 'applicant', pending: 'applicant', 'on leave': 'on_leave', leave: 'on_leave', 'on_leave': 'on_leave', former: 'former', dropped: 'former', inactive: 'former',
};

interface Planned {
  row: number;
  classification: string;
  input: Parameters<typeof addMember>[1] & { classificationName: string };
}

/** A member already in the ledger whose details in the file differ: shown as a diff, then updated. */
interface PlannedUpdate {
  row: number;
  input: ReturnType<typeof updateMemberInput.parse>;
}

// Details a roster may update on a member already present; an empty cell never blanks one out.
const updatable = ['company', 'email', 'phone', 'joinedOn', 'renewalDue'] as const;
const fieldWords: Record<(typeof updatable)[number], string> = { company: 'company', email: 'email', phone: 'phone', joinedOn: 'joined on', renewalDue: 'renewal due' };

interface RosterInput {
  fileName: string;
  contentBase64: string;
  /** A file that is not Unicode, read in the code page the secretary chose in the preview. */
  readAs?: LegacyEncoding | undefined;
  dateOrder?: DateOrder | undefined;
  /** Rows (as the file numbers them) the secretary chose to leave out. */
  skipRows?: number[] | undefined;
  /** Columns the secretary pointed at in the preview, by field: the column's index in the header row, -1 for none. */
  columns?: Partial<Record<Column, number>> | undefined;
  /** Values corrected in the preview, by row: they stand in for the file's cells (the file is not changed). */
  fixes?: Record<string, Partial<Record<FixableField, string>>> | undefined;
}

/** Cells a problem row can have corrected in the preview. */
export const fixableFields = ['firstName', 'lastName', 'company', 'classification', 'email', 'phone', 'joinedOn', 'renewalDue', 'status'] as const;
type FixableField = (typeof fixableFields)[number];
const fixableField = (key: unknown): Column | null => ((fixableFields as readonly unknown[]).includes(key) ? (key as Column) : null);

async function analyse(db: Db, { fileName, contentBase64, readAs, dateOrder, skipRows, columns, fixes }: RosterInput): Promise<{ preview: RosterPreview; planned: Planned[]; updates: PlannedUpdate[] }> {
  const table = await readTable(fileName, Buffer.from(contentBase64, 'base64'), { readAs, locale: getChapter(db)?.locale }, undefined, { handOver: true });
  // Columns by their header (in the languages BNI Connect exports in), else as the secretary pointed in the preview.
  const { headerAt, columns: at, question: columnQuestion } = findColumns(fileName, table, rosterColumns, columns);
  if (columnQuestion?.blocking) {
    // Nothing can be read until First Name, Last Name and Classification are known: the preview asks.
    return {
      planned: [],
      updates: [],
      preview: { fileName, readAs: readAsOf(table, { headerAt, columns: [at.firstName, at.lastName] }), members: 0, alreadyMembers: 0, adds: [], updates: [], classificationsToCreate: [], problems: [], skipped: [], dateOrder: { order: null, settledBy: 'none', question: null }, columnQuestion },
    };
  }

  // Members by folded name; two members can share one ("José Díaz", "Jose Diaz"): such a row is asked about.
  const existingMembers = new Map<string, Array<{ id: string; name: string; seat: string }>>();
  const seatNames = new Map(db.select({ id: classifications.id, name: classifications.name }).from(classifications).all().map((c) => [c.id, c.name]));
  for (const m of db.select({ id: members.id, first: members.firstName, last: members.lastName, seat: members.classificationId }).from(members).all()) {
    const key = nameKey(`${m.first} ${m.last}`);
    existingMembers.set(key, [...(existingMembers.get(key) ?? []), { id: m.id, name: `${m.first} ${m.last}`, seat: (m.seat && seatNames.get(m.seat)) || 'no seat' }]);
  }
  // Dates in the file's own order: any day above 12 in its date columns settles it; else the secretary says.
  const dateTexts = table.slice(headerAt + 1).flatMap((row) => [at.joinedOn, at.renewalDue].filter((i) => i >= 0).map((i) => row[i] ?? ''));
  const detected = fileDateOrder(dateTexts);
  const order: DateOrder | null = detected.order ?? dateOrder ?? null;
  const question = !order && detected.example ? `${sentence(`The file's dates do not say which comes first: ${describeBothReadings(detected.example)}`)} Choose how this file writes dates.` : null;
  // Until the secretary answers, the preview reads day first; the import waits for the answer.
  const toIsoDate = (text: string) => dateIn(text, order ?? 'dmy');
  // A member with no "Joined on" joins today: the chapter's day, not the computer's (a Taipei chapter's Tuesday morning is Monday in UTC).
  const today = chapterToday(db);
  const updates: PlannedUpdate[] = [];
  const updateLines: RosterPreview['updates'] = [];
  const existingSeats = new Map(db.select({ id: classifications.id, name: classifications.name }).from(classifications).all().map((c) => [foldName(c.name), c]));
  const seatsTakenInFile = new Map<string, string>();
  const problems: RosterPreview['problems'] = [];
  const planned: Planned[] = [];
  const newClassifications = new Set<string>();
  let alreadyMembers = 0;
  const rowOfMember = new Map<string, { row: number; name: string }>();
  const skip = new Set(skipRows ?? []);
  const newNames = new Map<string, { row: number; name: string }>();
  const skipped: RosterPreview['skipped'] = [];
  const adds: RosterPreview['adds'] = [];

  for (let i = headerAt + 1; i < table.length; i++) {
    const row = table[i] ?? [];
    const rowNumber = i + 1;
    // A value the secretary corrected in the preview stands in for the file's cell.
    const fixed = fixes?.[String(rowNumber)] ?? {};
    const cell = (k: Column) => (fixed[k as FixableField] ?? (at[k] >= 0 ? (row[at[k]] ?? '') : '')).trim();
    if (row.every((c) => c.trim() === '')) continue;
    const first = cell('firstName');
    const last = cell('lastName');
    const name = `${first} ${last}`.trim();
    if (skip.has(rowNumber)) {
      skipped.push({ row: rowNumber, message: `Row ${rowNumber} (${name || 'no name'}) is skipped, as you chose.` });
      continue;
    }
    const sameName = existingMembers.get(nameKey(name)) ?? [];
    if (sameName.length > 1) {
      alreadyMembers++;
      problems.push({ row: rowNumber, message: `Row ${rowNumber} (${name}) ${couldBe(sameName)}. The ledger will not guess which one this row updates, so the row is left out: change that member on the Members screen.` });
      continue;
    }
    const existingId = sameName[0]?.id;
    const earlier = existingId ? rowOfMember.get(existingId) : undefined;
    if (earlier) {
      problems.push({ row: rowNumber, message: `Row ${rowNumber} (${name}): row ${earlier.row} (${earlier.name}) is also read as the member ${sameName[0]!.name}; the ledger will not guess which row holds their details, so this row is left out: skip one of the two rows.` });
      continue;
    }
    if (existingId) {
      rowOfMember.set(existingId, { row: rowNumber, name });
      alreadyMembers++;
      const before = findMember(db, existingId)!;
      const fromFile = { company: cell('company'), email: cell('email'), phone: cell('phone'), joinedOn: cell('joinedOn') ? toIsoDate(cell('joinedOn')) : '', renewalDue: cell('renewalDue') ? toIsoDate(cell('renewalDue')) : '' };
      const changes: RosterPreview['updates'][number]['changes'] = [];
      const rowProblems: Array<{ text: string; field: Column | null }> = [];
      const next: Record<string, unknown> = {};
      for (const field of updatable) {
        const value = fromFile[field];
        if (value === null) rowProblems.push({ text: `${fieldWords[field]} "${cell(field)}" is not a date (use 2026-03-04 or 04/03/2026)`, field });
        else if (value !== '' && value !== (before[field] ?? '')) {
          changes.push({ field: fieldWords[field], from: before[field] ?? '', to: value });
          next[field] = value;
        }
      }
      if (changes.length && !rowProblems.length) {
        const checked = updateMemberInput.safeParse({ id: before.id, firstName: before.firstName, lastName: before.lastName, company: before.company, classificationId: before.classificationId, phone: before.phone, email: before.email, status: before.status, joinedOn: before.joinedOn, renewalDue: before.renewalDue, sponsorId: before.sponsorId ?? null, leadershipRole: before.leadershipRole ?? null, leftOn: before.leftOn, ...next });
        if (!checked.success) for (const issue of checked.error.issues) rowProblems.push({ text: issue.message.replace(/\.$/, ''), field: fixableField(issue.path[0]) });
        else {
          updates.push({ row: rowNumber, input: checked.data });
          updateLines.push({ row: rowNumber, name: before.fullName, changes });
        }
      }
      for (const p of rowProblems) problems.push({ row: rowNumber, message: `Row ${rowNumber} (${name}): ${p.text}.`, ...(p.field ? { field: p.field } : {}) });
      continue;
    }
    // Two rows of one new person ("José Díaz" and "Jose Diaz") would become two members nobody can tell apart.
    const twin = newNames.get(nameKey(name));
    if (twin && name) {
      problems.push({ row: rowNumber, message: `Row ${rowNumber} (${name}): row ${twin.row} (${twin.name}) reads as the same person (the names differ only in accents, case or spacing), so this row is left out: skip one of the two rows or correct the name.` });
      continue;
    }
    if (name) newNames.set(nameKey(name), { row: rowNumber, name });
    const classification = cell('classification');
    const status = statuses[cell('status').toLowerCase()] ?? (cell('status') ? null : 'active');
    const joinedOn = cell('joinedOn') ? toIsoDate(cell('joinedOn')) : today;
    const renewalDue = cell('renewalDue') ? toIsoDate(cell('renewalDue')) : null;
    const rowProblems: Array<{ text: string; field: Column | null }> = [];
    if (!status) rowProblems.push({ text: `status "${cell('status')}" is not one of active, applicant, on leave, former`, field: 'status' });
    if (!joinedOn) rowProblems.push({ text: `joined on "${cell('joinedOn')}" is not a date (use 2026-03-04 or 04/03/2026)`, field: 'joinedOn' });
    if (cell('renewalDue') && !renewalDue) rowProblems.push({ text: `renewal due "${cell('renewalDue')}" is not a date`, field: 'renewalDue' });
    if (!classification) rowProblems.push({ text: 'classification is empty', field: 'classification' });

    const input = {
      firstName: first,
      lastName: last,
      company: cell('company'),
      classificationId: 'pending',
      phone: cell('phone'),
      email: cell('email'),
      status: status ?? 'active',
      joinedOn: joinedOn ?? '',
      renewalDue,
      sponsorId: null,
      leadershipRole: null,
    };
    // The same checks a member typed in the app gets, with the same sentences.
    const checked = addMemberInput.safeParse(input);
    // Dates already have their own sentence above (with the spellings this importer accepts).
    const datesFlagged = !joinedOn || (cell('renewalDue') !== '' && !renewalDue);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        if (datesFlagged && (issue.path[0] === 'joinedOn' || issue.path[0] === 'renewalDue')) continue;
        rowProblems.push({ text: issue.message.replace(/\.$/, ''), field: fixableField(issue.path[0]) });
      }
    }

    const seatKey = foldName(classification);
    const holdsSeat = status !== 'former';
    if (classification && holdsSeat) {
      const inFile = seatsTakenInFile.get(seatKey);
      const existing = existingSeats.get(seatKey);
      const holder = existing ? currentSeatHolder(db, existing.id) : null;
      if (inFile) rowProblems.push({ text: `${classification} is also given to ${inFile} earlier in the file: one seat per classification`, field: 'classification' });
      else if (holder) rowProblems.push({ text: seatTakenMessage(holder).replace(/\.$/, ''), field: 'classification' });
      else seatsTakenInFile.set(seatKey, name);
    }
    for (const p of rowProblems) problems.push({ row: rowNumber, message: `Row ${rowNumber} (${name || 'no name'}): ${p.text}.`, ...(p.field ? { field: p.field } : {}) });
    if (rowProblems.length) continue;
    if (!existingSeats.has(seatKey)) newClassifications.add(classification);
    planned.push({ row: rowNumber, classification, input: { ...(checked.success ? checked.data : input), classificationName: classification } as Planned['input'] });
    adds.push({ row: rowNumber, name, classification, status: status ?? 'active', joinedOn: joinedOn ?? '' });
  }
  return {
    planned,
    updates,
    preview: { fileName, readAs: readAsOf(table, { headerAt, columns: [at.firstName, at.lastName] }), members: planned.length, alreadyMembers, adds, updates: updateLines, classificationsToCreate: [...newClassifications], problems, skipped, dateOrder: { order, settledBy: detected.order ? 'file' : dateOrder ? 'choice' : 'none', question }, columnQuestion },
  };
}

export async function previewRoster(db: Db, input: RosterInput): Promise<RosterPreview> {
  return (await analyse(db, input)).preview;
}

/** The details a roster import changed on a member, as the Import history keeps them for undo. */
export interface RosterChange {
  before: Partial<Record<(typeof updatable)[number], string | null>>;
  set: Partial<Record<(typeof updatable)[number], string | null>>;
}
export const rosterFields = updatable;
export const rosterFieldWords = fieldWords;

export async function importRoster(db: Db, input: RosterInput): Promise<RosterPreview & { imported: number; updated: number }> {
  const { preview, planned, updates } = await analyse(db, input);
  // Problem rows and skipped rows are left out (the answer lists each); the others are imported.
  if (preview.columnQuestion?.blocking) {
    throw new LedgerError('invalid_input', `${preview.columnQuestion.message.replace(/\.$/, '')} before importing. Nothing was imported.`, 'columns');
  }
  if (preview.dateOrder.question) {
    throw new LedgerError('invalid_input', `${preview.dateOrder.question.replace(/\.$/, '')} before importing. Nothing was imported.`, 'dateOrder');
  }
  // Nothing to add or change (every row already there, left out or skipped): no empty entry in the history.
  if (planned.length === 0 && updates.length === 0) return { ...preview, imported: 0, updated: 0 };
  db.transaction((tx) => {
    // One batch in the Import screen's history: what it added and changed, so it can be undone as a whole.
    const batchId = randomUUID();
    // Each member and classification it adds or changes says, in the Audit log, which file it came from.
    const why = `Imported from ${input.fileName}`;
    const digest = createHash('sha256').update(Buffer.from(input.contentBase64, 'base64')).digest('hex');
    tx.run(sql`INSERT INTO import_batches (id, kind, file_name, file_digest, meeting_id, reason, created, updated, matched, skipped)
      VALUES (${batchId}, 'roster', ${input.fileName}, ${digest}, NULL, '', ${planned.length}, ${updates.length}, ${preview.alreadyMembers - updates.length}, ${preview.problems.length + preview.skipped.length})`);
    const item = (entity: string, entityId: string, action: 'created' | 'updated', before: string | null = null) =>
      tx.run(sql`INSERT INTO import_batch_items (id, batch_id, entity, entity_id, action, before) VALUES (${randomUUID()}, ${batchId}, ${entity}, ${entityId}, ${action}, ${before})`);
    const seats = new Map(tx.select({ id: classifications.id, name: classifications.name }).from(classifications).all().map((c) => [foldName(c.name), c.id]));
    for (const p of planned) {
      const key = foldName(p.classification);
      let classificationId = seats.get(key);
      if (!classificationId) {
        classificationId = saveClassification(tx, { name: p.classification, sphereId: null }, why).id;
        seats.set(key, classificationId);
        item('classification', classificationId, 'created');
      }
      const { classificationName: _name, ...member } = p.input;
      // The preview showed each join date before the import: importing is the confirmation.
      item('member', addMember(tx, { ...member, classificationId, confirmJoinDate: true }, why).id, 'created');
    }
    // Members already present take the file's newer details, each change audited by the members service.
    for (const u of updates) {
      const before = findMember(tx, u.input.id)!;
      const change: RosterChange = { before: {}, set: {} };
      for (const field of updatable) {
        if ((u.input[field] ?? null) === (before[field] ?? null)) continue;
        change.before[field] = before[field] ?? null;
        change.set[field] = u.input[field] ?? null;
      }
      updateMember(tx, { ...u.input, confirmJoinDate: true }, why);
      item('member', u.input.id, 'updated', JSON.stringify(change));
    }
  });
  return { ...preview, imported: planned.length, updated: updates.length };
}
