// Contract schemas for given vs received: tallies for a period, the giver × receiver matrix, flags.
import { z } from 'zod';
import { entityId, isoDate, optionalText } from './fields';
import { auditEntities, importFileMaxBase64, importFileMaxMb, memberStatuses } from './domain';
import { outsidePartyInput } from './meeting-schemas';
import { legacyEncodingNames, textEncodingNames } from './text-encodings';

/** A period is an inclusive range of meeting dates; only completed meetings inside it count. */
export const periodInput = z
  .object({ from: isoDate('From'), to: isoDate('To') })
  .strict()
  .refine((p) => p.from <= p.to, { error: 'From must be on or before To.', path: ['to'] });
export type Period = z.infer<typeof periodInput>;

export const memberTallyOut = z.object({
  memberId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  classificationName: z.string(),
  status: z.enum(memberStatuses),
  /** Left the chapter during the period: the figures are partial. */
  leftDuringPeriod: z.boolean(),
  p: z.number().int(),
  a: z.number().int(),
  l: z.number().int(),
  m: z.number().int(),
  s: z.number().int(),
  rgi: z.number().int(),
  rgo: z.number().int(),
  rri: z.number().int(),
  rro: z.number().int(),
  visitors: z.number().int(),
  oneToOnes: z.number().int(),
  /** Amounts on the TYFCB slips this member wrote: business that came to them. */
  tyfcbReceivedMinor: z.number().int(),
  /** Amounts on others' slips thanking this member: business they generated for others. */
  tyfcbGeneratedMinor: z.number().int(),
  /** Under an open dispute: left out of the two amounts above and shown apart until leadership resolves it. */
  tyfcbReceivedDisputedMinor: z.number().int(),
  tyfcbReceivedDisputedSlips: z.number().int(),
  tyfcbGeneratedDisputedMinor: z.number().int(),
  tyfcbGeneratedDisputedSlips: z.number().int(),
  ceus: z.number().int(),
  /**
   * Slips with someone outside the chapter (another chapter's member, a visitor, "BNI"): kept apart,
   * never in the figures above, the matrix or the scorecard. Referrals given to / received from
   * outside, by inside/outside kind; one-to-ones with outsiders; TYFCB the member closed thanking an
   * outsider (received) and business the member referred that an outsider closed (generated).
   */
  outsideRgi: z.number().int(),
  outsideRgo: z.number().int(),
  outsideRri: z.number().int(),
  outsideRro: z.number().int(),
  outsideOneToOnes: z.number().int(),
  outsideTyfcbReceivedMinor: z.number().int(),
  outsideTyfcbGeneratedMinor: z.number().int(),
});
export type MemberTally = z.infer<typeof memberTallyOut>;

export const chapterTotalsOut = z.object({
  meetings: z.number().int(),
  cancelledMeetings: z.number().int(),
  p: z.number().int(),
  a: z.number().int(),
  l: z.number().int(),
  m: z.number().int(),
  s: z.number().int(),
  referralsInside: z.number().int(),
  referralsOutside: z.number().int(),
  visitors: z.number().int(),
  /** Each one-to-one once (a member's own count includes it once for each of the two). */
  oneToOnes: z.number().int(),
  /** TYFCB that counts: slips under an open dispute are left out and shown apart (the next two). */
  tyfcbMinor: z.number().int(),
  tyfcbDisputedMinor: z.number().int(),
  tyfcbDisputedSlips: z.number().int(),
  ceus: z.number().int(),
  /** Slips with someone outside the chapter, never in the figures above. */
  outsideReferralsGiven: z.number().int(),
  outsideReferralsReceived: z.number().int(),
  outsideOneToOnes: z.number().int(),
  outsideTyfcbReceivedMinor: z.number().int(),
  outsideTyfcbGeneratedMinor: z.number().int(),
});
export type ChapterTotals = z.infer<typeof chapterTotalsOut>;

export const talliesOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  currency: z.string(),
  members: z.array(memberTallyOut),
  totals: chapterTotalsOut,
  /** Draft meetings inside the period: shown, never counted. */
  draftMeetings: z.array(z.string()),
});
export type Tallies = z.infer<typeof talliesOut>;

export const matrixOut = z.object({
  members: z.array(z.object({ memberId: z.string(), name: z.string() })),
  cells: z.array(z.object({ giverId: z.string(), receiverId: z.string(), referrals: z.number().int(), tyfcbMinor: z.number().int(), tyfcbDisputedMinor: z.number().int() })),
});
export type ReferralMatrix = z.infer<typeof matrixOut>;

export const flagsOut = z.object({
  oneWayPairs: z.array(z.object({ giverId: z.string(), giverName: z.string(), receiverId: z.string(), receiverName: z.string(), referrals: z.number().int() })),
  onlyTake: z.array(z.object({ memberId: z.string(), name: z.string(), received: z.number().int() })),
  onlyGive: z.array(z.object({ memberId: z.string(), name: z.string(), given: z.number().int() })),
  noRecentReferral: z.array(z.object({ memberId: z.string(), name: z.string(), lastGivenOn: z.string().nullable() })),
  longOpenReferrals: z.array(z.object({ id: z.string(), giverName: z.string(), receiverName: z.string(), prospectName: z.string(), meetingOn: z.string(), daysOpen: z.number().int() })),
  /** All referrals open that long, of which `longOpenReferrals` lists the oldest. */
  longOpenReferralsTotal: z.number().int().nonnegative(),
  thresholds: z.object({ oneWayMin: z.number().int(), onlyTakeMin: z.number().int(), noReferralWeeks: z.number().int(), openReferralDays: z.number().int() }),
});
export type ReciprocityFlags = z.infer<typeof flagsOut>;

export const memberTrendInput = z.object({ memberId: entityId('Member'), from: isoDate('From'), to: isoDate('To') }).strict();
export const memberTrendOut = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      given: z.number().int(),
      received: z.number().int(),
      tyfcbGeneratedMinor: z.number().int(),
      tyfcbReceivedMinor: z.number().int(),
    }),
  ),
  /** TYFCB under an open dispute in the period, left out of the months' money: as referrer and as closer. */
  tyfcbDisputed: z.object({ generatedMinor: z.number().int(), generatedSlips: z.number().int(), receivedMinor: z.number().int(), receivedSlips: z.number().int() }),
  givesTo: z.array(z.object({ memberId: z.string(), name: z.string(), referrals: z.number().int() })),
  receivesFrom: z.array(z.object({ memberId: z.string(), name: z.string(), referrals: z.number().int() })),
  /** One-to-ones at the period's closed meetings, by the other member, most first. */
  oneToOnesWith: z.array(z.object({ memberId: z.string(), name: z.string(), oneToOnes: z.number().int() })),
});
export type MemberTrend = z.infer<typeof memberTrendOut>;

export const palmsCsvOut = z.object({ fileName: z.string(), csv: z.string() });

export const bands = ['green', 'yellow', 'red', 'grey', 'black'] as const;
export type Band = (typeof bands)[number];

export const scorecardInput = z
  .object({
    from: isoDate('From').optional(),
    to: isoDate('To').optional(),
    /** The month the scoring period ends at, e.g. 2026-01; the last completed month when left out. */
    endMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'End month must be a month such as 2026-01.' })
      .optional(),
  })
  .strict()
  .default({});

export const memberScoreOut = z.object({
  memberId: z.string(),
  name: z.string(),
  status: z.enum(memberStatuses),
  /** The weeks that count under the profile (e.g. W − M). */
  meetings: z.number().int(),
  points: z.number().int(),
  maxPoints: z.number().int(),
  band: z.enum(bands),
  bandLabel: z.string(),
  /** False when the member has fewer counted weeks than the profile needs: shown grey, not scored. */
  scored: z.boolean(),
  /** Why not scored, or what the next band needs, in a sentence. */
  explanation: z.string(),
  categories: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** The exact value as a float, for sorting and charts only; scoring used the exact fraction. */
      value: z.number(),
      /** As the official report prints it: "85%", "0.77", "3", "NT$400,000". */
      display: z.string(),
      /** How it was measured: "22 of 26 weeks (P 20, L 2 × 1/2 …)". */
      working: z.string(),
      points: z.number().int(),
      maxPoints: z.number().int(),
      /** The rule that scored it, e.g. "≥ 75% → 10 points", or why none did. */
      rule: z.string(),
      /** What the next threshold needs, e.g. "1.00 per week for 20 points"; null at the top or unscored. */
      next: z.string().nullable(),
    }),
  ),
  /** The cheapest way to the next band, in the period as it stands; null at the top or when none exists. */
  nextColour: z.object({ band: z.enum(bands), bandLabel: z.string(), target: z.number().int(), text: z.string() }).nullable(),
  /** What happens when the oldest month rolls off the period, if nothing more is recorded. */
  rollOff: z.string().nullable(),
  /** The seat alert of profiles that have one ("about to open", "opens"). */
  alert: z.object({ level: z.enum(['about_to_open', 'opens']), text: z.string() }).nullable(),
});
export type MemberScore = z.infer<typeof memberScoreOut>;

export const reportKinds = ['weekly_meeting', 'slips_audit', 'palms_summary', 'member_statement', 'all_statements', 'quarterly_audit'] as const;
const producedAt = z.iso.datetime({ error: 'Produced at must be a date and time such as 2026-11-22T10:00:00Z.' }).optional();
const range = { from: isoDate('From'), to: isoDate('To') };
const ordered = (p: { from: string; to: string }) => p.from <= p.to;
const orderError = { error: 'From must be on or before To.', path: ['to'] };

export const produceReportInput = z.discriminatedUnion(
  'report',
  [
    z.object({ report: z.literal('weekly_meeting'), meetingId: entityId('Meeting'), producedAt }).strict(),
    z.object({ report: z.literal('slips_audit'), ...range, producedAt }).strict().refine(ordered, orderError),
    z.object({ report: z.literal('palms_summary'), ...range, producedAt }).strict().refine(ordered, orderError),
    z.object({ report: z.literal('member_statement'), memberId: entityId('Member'), ...range, producedAt }).strict().refine(ordered, orderError),
    /** Every member's statement in one PDF, each starting on a new page: for printing. */
    z.object({ report: z.literal('all_statements'), ...range, producedAt }).strict().refine(ordered, orderError),
    /** Any day of the quarter: the report covers that calendar quarter. */
    z.object({ report: z.literal('quarterly_audit'), from: isoDate('Quarter'), producedAt }).strict(),
  ],
  { error: `Report must be one of: ${reportKinds.join(', ')}.` },
);
export type ProduceReportInput = z.output<typeof produceReportInput>;
export const producedReportOut = z.object({ fileName: z.string(), pdfBase64: z.string() });

export const backupOut = z.object({
  name: z.string(),
  takenAt: z.string(),
  reason: z.string(),
  bytes: z.number().int(),
  /** The chapter and how many slips the backup holds, so a restore says what it brings back. */
  chapterName: z.string().nullable(),
  slipCount: z.number().int().nullable(),
});
export const backupsOut = z.object({
  folder: z.string(),
  backups: z.array(backupOut),
  /** What the backups use together, and what they may use (null: no limit). */
  totalBytes: z.number().int(),
  maxBytes: z.number().int().nullable(),
});
/** 0 = no limit; otherwise at least 100 MB, so a limit cannot leave room for nothing. */
export const backupsMaxMbField = z
  .number({ error: 'Backups may use at most must be a number of megabytes.' })
  .int({ error: 'Backups may use at most must be a whole number of megabytes.' })
  .refine((mb) => mb === 0 || (mb >= 100 && mb <= 10_000_000), { error: 'Backups may use at most must be at least 100 MB (or no limit).' });
export const setBackupLimitInput = z.object({ maxMb: backupsMaxMbField }).strict();
export const restoreBackupInput = z.object({ name: z.string({ error: 'Choose a backup.' }).min(1, { error: 'Choose a backup.' }).max(200) }).strict();
export const restoredOut = z.object({ restored: backupOut, safetyCopy: backupOut });

export { auditEntities };
export const listAuditLogInput = z
  .object({
    entity: z.enum(auditEntities, { error: 'Choose what to show.' }).default('all'),
    action: z.enum(['all', 'insert', 'update', 'delete', 'close', 'reopen', 'restore', 'import'], { error: 'Choose an action.' }).default('all'),
    from: isoDate('From').optional(),
    to: isoDate('To').optional(),
    withReasonOnly: z.boolean().default(false),
    /** One record's history (a slip, a member): its own entries and the import batch that created it. */
    entityId: z.string().min(1).max(100).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** The next page starts after this entry (the last one shown): its time and its place in the log. */
    after: z.object({ at: z.string().max(40), seq: z.number().int().min(0) }).strict().optional(),
  })
  .strict()
  .default({ entity: 'all', action: 'all', withReasonOnly: false, limit: 100 });
export const auditEntryOut = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string(),
  /** The raw field-by-field change, for "details". */
  change: z.string(),
  // ---- issue 11: the audit log in people's words (the raw before/after stay for "details") ----
  summary: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntryOut>;

const slipTypeCounts = z.object({ referral: z.number().int(), tyfcb: z.number().int(), one_to_one: z.number().int(), visitor: z.number().int(), ceu: z.number().int() });
/** How a file row stands against the ledger: the same rule for slips typed by hand and slips imported. */
export const importRowKinds = ['same', 'new', 'differs', 'problem', 'skipped'] as const;
export const importRowOut = z.object({
  row: z.number().int(),
  kind: z.enum(importRowKinds),
  slipType: z.string(),
  from: z.string(),
  to: z.string(),
  amount: z.string(),
  detail: z.string(),
  /** The difference (for "differs"), the problem (for "problem") or why it is skipped, as a sentence. */
  message: z.string(),
  /** What the secretary can fix in place: the amount, the credits, a name to map, or a row repeating another to import as a slip of its own. */
  fix: z.enum(['amount', 'credits', 'name', 'repeat']).nullable(),
  /** Who the ledger takes From and To to be: a member's name, or someone outside the chapter ("Li Wei (BNI Harbour chapter)"); '' when not understood. */
  fromIs: z.string(),
  toIs: z.string(),
  /** A new row beside a slip between the same people about another prospect or activity: the sentence naming that slip. */
  besideSlip: z.string().optional(),
});
export type ImportRow = z.infer<typeof importRowOut>;
/**
 * How an import file was read, shown in every preview before anything is imported: the text encoding
 * (null for an .xlsx workbook, whose text is always Unicode) and the sentence that says it, with a few
 * of the file's accented or non-Latin names as they were read.
 */
export const fileReadAsOut = z.object({ encoding: z.enum(textEncodingNames).nullable(), sentence: z.string() });
/** A file that is not Unicode, read in the Windows code page the secretary chose in the preview ("Read as"). */
const readAsInput = z.enum(legacyEncodingNames, { error: 'Choose how to read the file from the list.' }).optional();
export type FileReadAs = z.infer<typeof fileReadAsOut>;
/** The fields of a Slips Audit row a column can hold. */
export const slipColumnFields = ['from', 'to', 'type', 'io', 'tyfcb', 'credits', 'detail', 'date', 'business', 'classification'] as const;
export const rosterColumnFields = ['firstName', 'lastName', 'company', 'classification', 'email', 'phone', 'joinedOn', 'renewalDue', 'status'] as const;
export const attendanceColumnFields = ['firstName', 'lastName'] as const;
/**
 * Columns an import could not recognise by their header: the file's headers and, for each field, the column it
 * reads (-1 none). Blocking when a needed field is unknown (nothing is read yet). The same question in every import.
 */
const columnQuestionOut = <T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .object({
      headers: z.array(z.string()),
      blocking: z.boolean(),
      message: z.string(),
      fields: z.array(z.object({ field: z.enum(fields), label: z.string(), required: z.boolean(), at: z.number().int() })),
    })
    .nullable();
/** Which column holds which field, as chosen in the preview (index in the header row, -1 for none). */
const chosenColumns = <T extends readonly [string, ...string[]]>(fields: T) => z.partialRecord(z.enum(fields), z.number({ error: 'Choose a column.' }).int().min(-1).max(500)).optional();
export const importPreviewOut = z.object({
  fileName: z.string(),
  readAs: fileReadAsOut,
  meetingOn: z.string(),
  /** The meeting already in the ledger for that date, or "new". */
  meetingStatus: z.enum(['new', 'draft', 'completed', 'cancelled']),
  rows: z.number().int(),
  /** Rows by kind: already in the ledger, new, differs (the ledger's slip takes the file's values), problem, skipped. */
  counts: z.object({ same: z.number().int(), new: z.number().int(), differs: z.number().int(), problem: z.number().int(), skipped: z.number().int() }),
  /** New slips by type. */
  toCreate: slipTypeCounts,
  /** The rows to show, problems and differences first (a long file lists its first rows of each kind). */
  lines: z.array(importRowOut),
  /** Rows with a problem: left out of the import unless fixed. */
  problems: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** Rows shown and left out (a slip type the ledger does not keep, or skipped by the secretary). */
  skipped: z.array(z.object({ row: z.number().int(), message: z.string() })),
  unmatchedNames: z.array(z.string()),
  /** A name that matches no member written more than one way in the file ("José Díaz", "Jose Diaz"): asked once, under `name`. */
  otherSpellings: z.array(z.object({ name: z.string(), also: z.array(z.string()) })),
  /** Names two or more members' names fold to ("José Díaz", "Jose Diaz"): asked, never guessed; each with the members it could be. */
  askedNames: z.array(z.object({ name: z.string(), candidates: z.array(z.string()) })),
  /**
   * Day-first or month-first: settled by the file, chosen by the secretary, or still to ask. `warning`: the order
   * chosen makes the meeting fall on a day the chapter does not meet (a sign the other order was meant).
   */
  dateOrder: z.object({ order: z.enum(['dmy', 'mdy']).nullable(), settledBy: z.enum(['file', 'choice', 'none']), question: z.string().nullable(), warning: z.string().nullable().optional() }),
  /** Writing into a closed meeting is an amendment: one reason for the whole import. */
  reasonRequired: z.boolean(),
  /**
   * Values new slips need that the file does not give, and what is recorded instead, with how many rows
   * ("12 referrals: temperature not in the file, recorded as 3 — change them on the Meeting screen."). Each such
   * slip says so in its note.
   */
  defaults: z.array(z.string()),
  /**
   * Columns the ledger could not recognise by their header: the file's headers and, for each field,
   * the column it reads (-1 none). Blocking when From, To or Slip type is unknown (nothing is read yet).
   */
  /** The file's title names another chapter than the one open ("This file is for Harbour Connectors; …"): a warning, never a refusal. */
  chapterWarning: z.string().nullable(),
  /**
   * The file does not say which meeting it is for (no title date, rows of several dates): the preview asks for
   * the date. Blocking until one is given; kept once given so it can be changed, with a warning when the day is not
   * the chapter's meeting day.
   */
  meetingQuestion: z.object({ message: z.string(), blocking: z.boolean(), warning: z.string().nullable() }).nullable(),
  columnQuestion: columnQuestionOut(slipColumnFields),
});
export type ImportPreview = z.infer<typeof importPreviewOut>;
export const importResultOut = importPreviewOut.extend({ batchId: z.string().nullable(), created: z.number().int(), updated: z.number().int() });
const rowFix = z.object({ amount: z.string().max(40).optional(), credits: z.string().max(10).optional() }).strict();
export const importFileInput = z
  .object({
    fileName: z.string({ error: 'Choose a file.' }).trim().min(1, { error: 'Choose a file.' }).max(260),
    // An export of 100,000 slips as .xls is about 40 MB; past importFileMaxMb the file is refused unread.
    contentBase64: z
      .string({ error: 'Choose a file.' })
      .max(importFileMaxBase64, { error: `The file is too large to be a BNI Connect export (more than ${importFileMaxMb} MB). Nothing was imported.` }),
    meetingOn: isoDate('Meeting date').optional(),
    readAs: readAsInput,
    aliases: z.record(z.string().max(200), entityId('Member')).default({}),
    /** Names the secretary said are someone outside the chapter (another chapter's member, a visitor, "BNI"): remembered like aliases. */
    outsiders: z.record(z.string().max(200), outsidePartyInput).default({}),
    dateOrder: z.enum(['dmy', 'mdy'], { error: 'Choose whether the day or the month comes first.' }).optional(),
    /** File rows (as numbered in the file) the secretary chose to leave out. */
    skipRows: z.array(z.number().int().min(1)).max(200_000).default([]),
    /** File rows that repeat an earlier row word for word and that the secretary said are slips of their own. */
    repeats: z.array(z.number({ error: 'A repeated row is a row number.' }).int().min(1), { error: 'Repeated rows are a list of row numbers.' }).max(200_000).default([]),
    /** Values the secretary corrected in the preview, by file row. */
    fixes: z.record(z.string().regex(/^\d+$/), rowFix).default({}),
    reason: z.string().trim().max(500, { error: 'Keep the reason under 500 characters.' }).default(''),
    /** Which column holds which field, as chosen in the preview (index in the header row, -1 for none). */
    columns: chosenColumns(slipColumnFields),
    /** The file names another chapter and the secretary said it is this chapter's all the same. */
    anotherChapter: z.boolean({ error: 'anotherChapter must be true or false.' }).optional(),
  })
  .strict();

export const importBatchOut = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  actor: z.string(),
  meetingOn: z.string().nullable(),
  reason: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  matched: z.number().int(),
  skipped: z.number().int(),
  undoneAt: z.string().nullable(),
  /** Closed meetings this import wrote into (dates): undoing it changes them, so a reason is asked. */
  closedMeetings: z.array(z.string()),
});
export type ImportBatch = z.infer<typeof importBatchOut>;
export const undoImportInput = z
  .object({
    batchId: entityId('Import'),
    /** Needed when the import wrote into a closed meeting: the undo is an amendment, kept with this reason. */
    reason: optionalText('Reason', 300),
  })
  .strict();
export const undoImportOut = z.object({ batch: importBatchOut, tombstoned: z.number().int(), restored: z.number().int(), message: z.string() });

/** Every member's statement written as its own PDF (and one combined PDF) into a chosen folder. */
export const saveAllStatementsInput = z.object({ ...range, producedAt }).strict().refine(ordered, orderError);
export const savedStatementsOut = z.object({ folder: z.string(), files: z.array(z.object({ name: z.string(), bytes: z.number().int() })) });

/** "All statements" as a job the screen follows: one PDF to preview, or every member's PDF written to a chosen folder. */
export const startAllStatementsInput = z
  .object({ ...range, producedAt, output: z.enum(['pdf', 'folder'], { error: 'Output must be pdf or folder.' }) })
  .strict()
  .refine(ordered, orderError);
export const statementsJobInput = z.object({ jobId: z.string({ error: 'Give the job to look at.' }).min(1, { error: 'Give the job to look at.' }).max(100) }).strict();
/** How far the job is; `waitMs`: answer once the job has ended or that long has passed, whichever is first (the screen learns the end at once, not at its next look). */
export const followStatementsJobInput = statementsJobInput.extend({ waitMs: z.number({ error: 'waitMs must be a number of milliseconds.' }).int().min(0).max(5000, { error: 'Wait at most 5000 ms.' }).optional() }).strict();
export const statementsJobOut = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  output: z.enum(['pdf', 'folder']),
  /** single: writing each member's own PDF; combined: laying out the combined PDF, statement by statement; writing: its pages written out. */
  stage: z.enum(['single', 'combined', 'writing']),
  /** Statements done in the current stage, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  /** Files written so far into `folder` (also when cancelled: they stay). */
  written: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  folder: z.string().nullable(),
  message: z.string().optional(),
  /** The combined PDF, when the output is a PDF and the job is done. */
  pdf: producedReportOut.optional(),
});
export type StatementsJob = z.infer<typeof statementsJobOut>;

export const exportTablesOut = z.object({ folder: z.string(), files: z.array(z.object({ name: z.string(), rows: z.number().int() })) });

export const fileInput = z
  .object({
    fileName: z.string({ error: 'Choose a file.' }).trim().min(1, { error: 'Choose a file.' }).max(260),
    contentBase64: z
      .string({ error: 'Choose a file.' })
      .max(28_000_000, { error: 'The file is too large (more than 20 MB). Nothing was imported.' }),
    readAs: readAsInput,
  })
  .strict();
export const rosterPreviewOut = z.object({
  fileName: z.string(),
  readAs: fileReadAsOut,
  members: z.number().int(),
  alreadyMembers: z.number().int(),
  classificationsToCreate: z.array(z.string()),
  /** Each member the import adds, by row, so the secretary can skip one. */
  adds: z.array(z.object({ row: z.number().int(), name: z.string(), classification: z.string(), status: z.string(), joinedOn: z.string() })),
  /** Rows the secretary chose to skip: left out, listed. */
  skipped: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** Members already in the ledger whose details in the file differ: each change, before and after. */
  updates: z.array(z.object({ row: z.number().int(), name: z.string(), changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })) })),
  /** `field`: the cell the problem is in, when it can be corrected in the preview. */
  problems: z.array(z.object({ row: z.number().int(), message: z.string(), field: z.string().optional() })),
  dateOrder: z.object({ order: z.enum(['dmy', 'mdy']).nullable(), settledBy: z.enum(['file', 'choice', 'none']), question: z.string().nullable() }),
  columnQuestion: columnQuestionOut(rosterColumnFields),
});
const rosterCell = z.string({ error: 'A corrected value is text.' }).max(200, { error: 'A corrected value is at most 200 characters.' }).optional();
export const rosterFileInput = fileInput
  .extend({
    columns: chosenColumns(rosterColumnFields),
    dateOrder: z.enum(['dmy', 'mdy'], { error: 'Choose whether the day or the month comes first.' }).optional(),
    /** Rows to leave out, as the file numbers them (problem rows are left out anyway). */
    skipRows: z.array(z.number({ error: 'A skipped row is a row number.' }).int().min(1).max(1_000_000), { error: 'Skipped rows are a list of row numbers.' }).max(100_000).optional(),
    /** Values corrected in the preview, by row number: they stand in for the file's cells. */
    fixes: z
      .record(
        z.string().regex(/^\d{1,7}$/, { error: 'A corrected row is a row number.' }),
        z.object({ firstName: rosterCell, lastName: rosterCell, company: rosterCell, classification: rosterCell, email: rosterCell, phone: rosterCell, joinedOn: rosterCell, renewalDue: rosterCell, status: rosterCell }).strict(),
      )
      .optional(),
  })
  .strict();
export const attendancePreviewOut = z.object({
  fileName: z.string(),
  readAs: fileReadAsOut,
  period: z.object({ from: z.string(), to: z.string() }),
  /** Meeting-date columns in the file, and members it names. */
  meetings: z.number().int(),
  members: z.number().int(),
  meetingsToCreate: z.number().int(),
  marksToAdd: z.number().int(),
  marksAlreadyThere: z.number().int(),
  /** Marks the ledger already has differently: listed, left as they are. */
  differences: z.array(z.object({ name: z.string(), meetingOn: z.string(), file: z.string(), ledger: z.string() })),
  problems: z.array(z.object({ row: z.number().int(), message: z.string() })),
  dateOrder: z.object({ order: z.enum(['dmy', 'mdy']).nullable(), settledBy: z.enum(['file', 'choice', 'none']), question: z.string().nullable() }),
  columnQuestion: columnQuestionOut(attendanceColumnFields),
  /** The report's title names another chapter than the one open: a warning, never a refusal. */
  chapterWarning: z.string().nullable(),
});
export const attendanceFileInput = fileInput
  .extend({
    dateOrder: z.enum(['dmy', 'mdy'], { error: 'Choose whether the day or the month comes first.' }).optional(),
    columns: chosenColumns(attendanceColumnFields),
    /** The report names another chapter and the secretary said it is this chapter's all the same. */
    anotherChapter: z.boolean({ error: 'anotherChapter must be true or false.' }).optional(),
  })
  .strict();
export type AttendancePreview = z.infer<typeof attendancePreviewOut>;
export type RosterPreview = z.infer<typeof rosterPreviewOut>;

export const palmsReconciliationOut = z.object({
  fileName: z.string(),
  readAs: fileReadAsOut,
  period: z.object({ from: z.string(), to: z.string() }),
  compared: z.number().int(),
  /** What the check found, in one sentence: the period, then no difference / N differences across the members compared, or that no name matched. */
  headline: z.string(),
  differences: z.array(z.object({ name: z.string(), column: z.string(), bniConnect: z.string(), ledger: z.string() })),
  onlyInFile: z.array(z.string()),
  onlyInLedger: z.array(z.string()),
  /** BNI Connect's rows for people outside the chapter ("Visitors", "BNI"): not members, never compared with one. */
  outsideRows: z.array(z.string()),
  problems: z.array(z.string()),
});
export const palmsFileInput = fileInput.extend({ dateOrder: z.enum(['dmy', 'mdy'], { error: 'Choose whether the day or the month comes first.' }).optional() }).strict();
export type PalmsReconciliation = z.infer<typeof palmsReconciliationOut>;
