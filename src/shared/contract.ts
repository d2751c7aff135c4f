// The one contract: every method the renderer may call, with zod schemas for its input and
// output. Main, preload, the test harness, the renderer's client and the tests derive from it.
import { z } from 'zod';
import {
  entityId,
  integerIn,
  isoDate,
  oneOf,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  listName,
} from './fields';
import { leadershipRoles, memberStatuses, nameOrders } from './domain';
import { canonicalZoneName, isKnownTimeZone } from './time-zone';
import { methodNames, type MethodName } from './methods';
import {
  clearAttendanceInput,
  clearMarksInput,
  closeMeetingInput,
  closeMeetingOut,
  createMeetingInput,
  deleteMeetingInput, changeMeetingDateInput,
  deleteSlipInput,
  listMeetingsInput,
  listOpenReferralsInput,
  countOpenReferralsInput,
  meetingOut,
  meetingRef,
  meetingSheetOut,
  openReferralOut,
  reopenMeetingInput,
  rosterRowOut,
  saveCeuInput,
  saveOutsidePartySlipInput,
  saveOneToOneInput,
  saveReferralInput,
  saveTyfcbInput,
  saveVisitorInput,
  setAttendanceInput,
  setReferralStatusInput,
  slipOut,
} from './meeting-schemas';

export * from './meeting-schemas';
export * from './tally-schemas';
import { palmsReconciliationOut, palmsFileInput, attendanceFileInput, rosterFileInput, attendancePreviewOut, rosterPreviewOut, exportTablesOut, importFileInput, importPreviewOut, importResultOut, importBatchOut, undoImportInput, undoImportOut, auditEntryOut, listAuditLogInput, backupOut, backupsOut, setBackupLimitInput, restoreBackupInput, restoredOut, produceReportInput, producedReportOut, flagsOut, matrixOut, memberScoreOut, memberTrendInput, memberTrendOut, palmsCsvOut, periodInput, scorecardInput, talliesOut } from './tally-schemas';
import { bands as scoreBands, followStatementsJobInput, saveAllStatementsInput, savedStatementsOut, startAllStatementsInput, statementsJobInput, statementsJobOut } from './tally-schemas';
export * from './outcome-schemas';
import { disputeOut, disputeTyfcbInput, integrityFlagsOut, linkTyfcbInput, listDisputesInput, listTyfcbInput, outcomeRulesSchema, outcomesOut, memberOutcomesByMonthInput, memberOutcomesByMonthOut, pairOutcomesInput, pairOutcomesOut, recognitionOut, recognitionPdfInput, referralHistoryOut, resolveDisputeInput, staleReferralsInput, staleReferralsOut, tyfcbWithDisputeOut } from './outcome-schemas';
import { scorecardProfileInputSchema, scorecardProfileSchema } from './scorecard-profile';
// ---- leadership workflows between meetings (issue 17) ----
export * from './leadership-schemas';
import * as leadership from './leadership-schemas';

export { defaultScorecardProfile, scorecardPresets, type ScorecardProfile } from './scorecard-profile';

export { methodNames, type MethodName };

const none = z.object({}).strict().default({});
const byId = (label: string) => z.object({ id: entityId(label) }).strict();
const done = z.object({ done: z.literal(true) });

// ---- chapter ---------------------------------------------------------------------------

export const chapterInput = z
  .object({
    name: requiredText('Chapter name', 120),
    region: optionalText('Region', 120),
    meetingWeekday: integerIn('Meeting day', 0, 6),
    meetingTime: z
      .string({ error: 'Meeting time must be a time like 07:00.' })
      .trim()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: 'Meeting time must be a time like 07:00 (24-hour clock).' })
      // "7:00" is how most people type seven o'clock: saved as 07:00.
      .transform((v) => v.padStart(5, '0')),
    currency: z
      .string({ error: 'Currency must be a three-letter code such as USD.' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: 'Currency must be a three-letter ISO code such as USD, EUR, GBP or INR.' })
      .refine(isKnownCurrency, { error: 'Currency is not a currency code this computer knows (try USD, EUR, GBP, INR).' }),
    locale: z
      .string({ error: 'Locale must be text such as en-US.' })
      .trim()
      .min(2, { error: 'Enter a locale such as en-US or de-DE.' })
      .max(35, { error: 'Locale is too long.' })
      .refine(isKnownLocale, { error: 'Locale is not recognised: use a tag such as en-US, en-GB, de-DE or hi-IN.' })
      // Typed in any case ("EN-gb"), saved as the tag is written (en-GB), as the currency is upper-cased.
      .transform((v) => Intl.getCanonicalLocales(v)[0]!),
    absenceLimit: integerIn('Absences allowed', 0, 26).default(3),
    absenceWindowMonths: integerIn('Absence window (months)', 1, 24).default(6),
    noReferralWeeks: integerIn('Weeks without a referral before a flag', 1, 52).default(4),
    openReferralDays: integerIn('Days a referral may stay open', 1, 365).default(30),
    /** Left out: unchanged (given name first for a new chapter). */
    nameOrder: oneOf('Name order', nameOrders).optional(),
    // The chapter's time zone; empty means the computer's own, left out keeps what is saved.
    timeZone: z
      .string({ error: 'Time zone must be text such as America/Los_Angeles.' })
      .trim()
      .max(64, { error: 'Time zone is too long.' })
      .refine((v) => v === '' || isKnownTimeZone(v), { error: 'Time zone is not one this computer knows: use a name such as America/Los_Angeles, Europe/Berlin or Asia/Kolkata.' })
      // Typed in any case ("europe/berlin"), saved and shown as the zone is spelled (as the currency is upper-cased).
      .transform((v) => (v === '' ? v : canonicalZoneName(v)))
      .optional(),
  })
  .strict();
export type ChapterInput = z.input<typeof chapterInput>;

function isKnownCurrency(code: string): boolean {
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return /^[A-Z]{3}$/.test(code);
  }
}

/** A well-formed tag this computer can write dates and money in ("xx-YY" and "klingon" are well-formed, and not). */
function isKnownLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

export const chapterOut = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  meetingWeekday: z.number().int(),
  meetingTime: z.string(),
  currency: z.string(),
  locale: z.string(),
  absenceLimit: z.number().int(),
  absenceWindowMonths: z.number().int(),
  noReferralWeeks: z.number().int(),
  openReferralDays: z.number().int(),
  nameOrder: z.enum(nameOrders),
  timeZone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Chapter = z.infer<typeof chapterOut>;

// ---- contact spheres and classifications -----------------------------------------------

export const contactSphereInput = z
  .object({
    id: entityId('Contact sphere').optional(),
    name: listName('Contact sphere name', 80),
    description: optionalText('Description', 300),
  })
  .strict();

export const contactSphereOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  classificationCount: z.number().int(),
});
export type ContactSphere = z.infer<typeof contactSphereOut>;

export const classificationInput = z
  .object({
    id: entityId('Classification').optional(),
    name: listName('Classification name', 100),
    sphereId: entityId('Contact sphere').nullable().default(null),
  })
  .strict();

/** Several classifications put in one contact sphere (or none) at once: setting up a chapter's seats. */
export const moveClassificationsInput = z
  .object({
    classificationIds: z.array(entityId('Classification')).min(1, 'Tick at least one classification to move.').max(500),
    sphereId: entityId('Contact sphere').nullable(),
  })
  .strict();

export const seatStates = ['held', 'applicant', 'open'] as const;
export type SeatState = (typeof seatStates)[number];

export const seatHolderOut = z.object({
  memberId: z.string(),
  name: z.string(),
  company: z.string(),
  status: z.enum(memberStatuses),
  since: z.string(),
});

export const classificationOut = z.object({
  id: z.string(),
  name: z.string(),
  sphereId: z.string().nullable(),
  sphereName: z.string().nullable(),
  seat: z.enum(seatStates),
  holder: seatHolderOut.nullable(),
});
export type Classification = z.infer<typeof classificationOut>;

export const seatMapOut = z.object({
  spheres: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      description: z.string(),
      classifications: z.array(classificationOut),
    }),
  ),
  counts: z.object({ held: z.number().int(), applicant: z.number().int(), open: z.number().int() }),
});
export type SeatMap = z.infer<typeof seatMapOut>;

export const seatTenureOut = z.object({
  classificationId: z.string(),
  classificationName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
});
export type SeatTenure = z.infer<typeof seatTenureOut>;

// ---- members ---------------------------------------------------------------------------

const memberFields = {
  firstName: requiredText('First name', 80),
  lastName: requiredText('Last name', 80),
  company: optionalText('Company', 120),
  classificationId: entityId('Classification'),
  phone: optionalPhone('Phone'),
  email: optionalEmail('Email'),
  status: oneOf('Status', memberStatuses).default('active'),
  joinedOn: isoDate('Joined on'),
  renewalDue: isoDate('Renewal due').nullable().default(null),
  sponsorId: entityId('Sponsor').nullable().default(null),
  leadershipRole: oneOf('Leadership role', leadershipRoles).nullable().default(null),
  /** null = as the chapter writes names; left out = unchanged (null for a new member). */
  nameOrder: oneOf('Name order', nameOrders).nullable().optional(),
  /** The secretary confirmed a join date that counts the member in meetings already held. */
  confirmJoinDate: z.boolean({ error: 'Confirm join date must be true or false.' }).optional(),
};

export const addMemberInput = z.object(memberFields).strict();
export type AddMemberInput = z.input<typeof addMemberInput>;

export const updateMemberInput = z
  .object({
    id: entityId('Member'),
    ...memberFields,
    /** The day a member left; defaults to today when the status becomes former. */
    leftOn: isoDate('Left on').nullable().default(null),
  })
  .strict();
export type UpdateMemberInput = z.input<typeof updateMemberInput>;

export const memberOut = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  company: z.string(),
  classificationId: z.string(),
  classificationName: z.string(),
  sphereName: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  status: z.enum(memberStatuses),
  joinedOn: z.string(),
  renewalDue: z.string().nullable(),
  leftOn: z.string().nullable(),
  sponsorId: z.string().nullable(),
  sponsorName: z.string().nullable(),
  leadershipRole: z.enum(leadershipRoles).nullable(),
  nameOrder: z.enum(nameOrders).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof memberOut>;

export const listMembersInput = z
  .object({
    /** current = everyone holding or reserving a seat; all = including former members. */
    scope: oneOf('Which members', ['current', 'all', ...memberStatuses] as const).default('current'),
  })
  .strict()
  .default({ scope: 'current' });

export const memberDetailOut = z.object({
  member: memberOut,
  seatHistory: z.array(seatTenureOut),
  sponsored: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MemberDetail = z.infer<typeof memberDetailOut>;

// ---- app -------------------------------------------------------------------------------

export const appStatusOut = z.object({
  appVersion: z.string(),
  databaseFile: z.string(),
  hasChapter: z.boolean(),
  /** Active and on-leave members: applicants are not members yet. */
  memberCount: z.number().int(),
  /** Applicants, counted apart (issue 11: one definition of members). */
  applicantCount: z.number().int(),
  /** The open file is the demo chapter's own file: the header says "Demo chapter — not your data". */
  isDemo: z.boolean(),
});
export type AppStatus = z.infer<typeof appStatusOut>;

export const demoOut = z.object({
  members: z.number().int(),
  meetings: z.number().int(),
  referrals: z.number().int(),
  tyfcbSlips: z.number().int(),
});

// ---- chapter files as documents (issue 14) ----
const chapterFilePath = z.string({ error: 'File is required.' }).min(1, 'File is required.').max(4096, 'File is too long a path.');
export const recentChapterOut = z.object({ file: z.string(), chapterName: z.string().nullable(), openedAt: z.string(), missing: z.boolean(), open: z.boolean() });
export type RecentChapterOut = z.infer<typeof recentChapterOut>;
export const recentChaptersOut = z.object({ files: z.array(recentChapterOut), openFile: z.string(), demoOpen: z.boolean(), newFilesFolder: z.string() });
export const newChapterFileInput = z.object({ fileName: z.string({ error: 'File name is required.' }).max(120, 'File name is too long: at most 120 characters.') }).strict();
export const chapterFileRef = z.object({ file: chapterFilePath }).strict();
export const openedChapterFileOut = z.object({ file: z.string(), chapterName: z.string().nullable(), warnings: z.array(z.string()) });

// ---- the contract ----------------------------------------------------------------------

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the reader of the contract. */
  summary: string;
}

export const auditVerificationOut = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  lastAt: z.string().nullable(),
  sentence: z.string(),
  problem: z.object({ kind: z.enum(['changed', 'removed', 'inserted', 'emptied', 'chain_record', 'backup']), position: z.number().int().nullable(), at: z.string().nullable() }).nullable(),
  backupsCompared: z.number().int(),
});
export type AuditVerification = z.infer<typeof auditVerificationOut>;

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({
  input,
  output,
  summary,
});

export const contract = {
  appStatus: method(none, appStatusOut, 'Which file is open and whether it holds a chapter yet.'),
  firstScreenShown: method(none, z.object({ began: z.boolean() }), "The window's first screen has its data on screen: the start-up checks may begin (began: whether this call began them)."),
  getChapter: method(none, chapterOut.nullable(), 'The chapter, or null on a new file.'),
  saveChapter: method(chapterInput, chapterOut, 'Create or update the chapter details and policies.'),
  openDemoChapter: method(none, openedChapterFileOut, 'Open the demo chapter in its own file (never the open chapter file).'),
  listRecentChapters: method(none, recentChaptersOut, 'The recent chapter files (kept outside every chapter file), newest first.'),
  newChapterFile: method(newChapterFileInput, openedChapterFileOut, 'Create a new, empty chapter file and open it in place of the open one.'),
  openRecentChapter: method(chapterFileRef, openedChapterFileOut, 'Open a chapter file from the recent list in place of the open one.'),
  forgetRecentChapter: method(chapterFileRef, done, 'Take a file off the recent list (the file is not touched).'),
  listContactSpheres: method(none, z.array(contactSphereOut), 'Contact spheres with their classification counts.'),
  saveContactSphere: method(contactSphereInput, contactSphereOut, 'Create (no id) or rename a contact sphere.'),
  deleteContactSphere: method(byId('Contact sphere'), done, 'Remove a sphere; its classifications become unassigned.'),
  listClassifications: method(none, z.array(classificationOut), 'Every classification with its seat state.'),
  saveClassification: method(classificationInput, classificationOut, 'Create (no id) or edit a classification.'),
  deleteClassification: method(byId('Classification'), done, 'Remove a classification nobody ever held.'),
  moveClassificationsToSphere: method(moveClassificationsInput, z.array(classificationOut), 'Put several classifications in one contact sphere (or none) in one step.'),
  listMembers: method(listMembersInput, z.array(memberOut), 'The roster, current members by default.'),
  getMember: method(byId('Member'), memberDetailOut, 'One member with the seats they held.'),
  addMember: method(addMemberInput, memberOut, 'Seat a new member or applicant (one per classification).'),
  updateMember: method(updateMemberInput, memberOut, 'Edit a member, change status or classification.'),
  seatMap: method(none, seatMapOut, 'Classifications by contact sphere: held, applicant or open.'),
  seatHistory: method(
    z.object({ classificationId: entityId('Classification') }).strict(),
    z.array(seatTenureOut),
    'Who held a classification, and when.',
  ),
  listMeetings: method(listMeetingsInput, z.array(meetingOut), 'The newest meetings first (1,000 unless asked), with their slip counts.'),
  createMeeting: method(createMeetingInput, meetingOut, "Create a meeting (default: the chapter's next meeting day)."),
  getMeetingSheet: method(meetingRef, meetingSheetOut, 'One meeting: attendance roster, slips and running totals.'),
  setAttendance: method(setAttendanceInput, rosterRowOut, 'Set one PALMS mark (a reason is needed once closed).'),
  markAllPresent: method(meetingRef, z.object({ marked: z.number().int(), memberIds: z.array(z.string()) }), 'Mark every unmarked member present; says who.'),
  closeMeeting: method(closeMeetingInput, closeMeetingOut, 'Check completeness, then lock the meeting.'),
  reopenMeeting: method(reopenMeetingInput, meetingOut, 'Re-open a closed meeting, with a logged reason.'),
  cancelMeeting: method(reopenMeetingInput, meetingOut, 'Cancel a meeting (holiday): it counts nowhere.'),
  saveReferral: method(saveReferralInput, slipOut, 'Record (no id) or amend a referral slip.'),
  saveTyfcb: method(saveTyfcbInput, slipOut, 'Record or amend a thank-you-for-closed-business slip.'),
  saveOneToOne: method(saveOneToOneInput, slipOut, 'Record or amend a one-to-one.'),
  saveVisitor: method(saveVisitorInput, slipOut, 'Record or amend a visitor.'),
  saveCeu: method(saveCeuInput, slipOut, 'Record or amend a CEU credit.'),
  saveOutsidePartySlip: method(saveOutsidePartySlipInput, slipOut, 'Record (no id) or amend a referral, TYFCB or one-to-one between a member and someone outside the chapter.'),
  deleteSlip: method(deleteSlipInput, z.object({ done: z.literal(true) }), 'Delete a slip (a reason is needed once closed).'),
  listOpenReferrals: method(listOpenReferralsInput, z.array(openReferralOut), 'Referrals to follow up, oldest first.'),
  countOpenReferrals: method(countOpenReferralsInput, z.object({ total: z.number().int(), future: z.number().int() }), 'How many referrals the Open referrals list holds with these filters, all pages together.'),
  setReferralStatus: method(setReferralStatusInput, openReferralOut, 'Move a referral along: contacted, meeting set, won, lost.'),
  referralHistory: method(byId('Referral'), referralHistoryOut, 'A referral’s follow-up history and the TYFCB slips linked to it.'),
  linkTyfcbToReferral: method(linkTyfcbInput, referralHistoryOut, 'Link an existing TYFCB slip to the referral it came from (marks it won).'),
  outcomes: method(periodInput, outcomesOut, 'Conversion, days to contact and close, revenue by referrer (linked, unlinked, disputed) for a period.'),
  pairOutcomes: method(pairOutcomesInput, pairOutcomesOut, 'Every referrer → receiver pair of a period, or one member’s pairs: referrals by outcome, conversion, days, revenue.'),
  memberOutcomesByMonth: method(memberOutcomesByMonthInput, memberOutcomesByMonthOut, 'One member’s referrals given and received by month, by outcome now (won, lost, open).'),
  disputeTyfcb: method(disputeTyfcbInput, disputeOut, 'Either member marks a TYFCB slip disputed: who, when, why.'),
  resolveDispute: method(resolveDisputeInput, disputeOut, 'Leadership resolves a dispute: confirmed, corrected (an amendment) or removed.'),
  listDisputes: method(listDisputesInput, z.array(disputeOut), 'TYFCB disputes, open ones first.'),
  listTyfcbSlips: method(listTyfcbInput, z.array(tyfcbWithDisputeOut), 'The period’s TYFCB slips with any open dispute.'),
  integrityFlags: method(periodInput, integrityFlagsOut, 'Stale referrals and patterns that suggest slips written for points, each with its rule.'),
  staleReferrals: method(staleReferralsInput, staleReferralsOut, 'Every stale referral (no follow-up for the stale days), a page at a time, the most recently gone quiet first or the quiet longest first, with the total.'),
  recognition: method(periodInput, recognitionOut, 'Who to recognise for a month or quarter, by the chapter’s rules.'),
  produceRecognitionPdf: method(recognitionPdfInput, producedReportOut, 'The one-page recognition PDF for a month or quarter.'),
  getOutcomeRules: method(none, outcomeRulesSchema, 'Stale days, integrity thresholds and recognition rules (the defaults until edited).'),
  saveOutcomeRules: method(z.object({ rules: outcomeRulesSchema.nullable() }).strict(), outcomeRulesSchema, 'Save the outcome rules, or null to go back to the defaults.'),
  tallies: method(periodInput, talliesOut, 'Per-member PALMS, referrals, visitors, 1-2-1s, TYFCB and CEUs for a period.'),
  referralMatrix: method(periodInput, matrixOut, 'Giver × receiver referral counts and TYFCB money for a period.'),
  reciprocityFlags: method(periodInput, flagsOut, 'One-way pairs, takers, silent members, long-open referrals.'),
  memberTrend: method(memberTrendInput, memberTrendOut, "A member's given vs received by month, and counterparties."),
  palmsCsv: method(periodInput, palmsCsvOut, "The period's per-member table as CSV, in BNI Connect's PALMS columns."),
  scorecard: method(
    scorecardInput,
    z.object({
      profileName: z.string(),
      period: z.object({ from: z.string(), to: z.string() }),
      /** The profile's period rule in words, e.g. "the last 6 completed calendar months". */
      periodRule: z.string(),
      /** The period and its rule in one sentence, the same on the screen, the statements and the audit. */
      periodWords: z.string(),
      /** The month the period ends at (YYYY-MM). */
      endMonth: z.string(),
      bands: z.array(z.object({ colour: z.enum(scoreBands), label: z.string(), from: z.number().int(), count: z.number().int() })),
      /** Members shown but not scored (not enough weeks). */
      notScored: z.number().int(),
      /** Each category's rule in a sentence, in the profile's order. */
      categories: z.array(z.object({ id: z.string(), label: z.string(), measure: z.string(), maxPoints: z.number().int() })),
      /** Why there is nothing to score, in a sentence a chair understands; null when members are scored. */
      notice: z.string().nullable(),
      members: z.array(memberScoreOut),
    }),
    'Every member scored with the chapter profile over its period (or the dates given), with reasons and the next colour.',
  ),
  getScorecardProfile: method(none, scorecardProfileSchema, "The chapter's scorecard profile (the default until edited)."),
  saveScorecardProfile: method(
    z.object({ profile: scorecardProfileInputSchema.nullable() }).strict(),
    scorecardProfileSchema,
    'Save an edited scorecard profile, or null to go back to the default.',
  ),
  produceReport: method(produceReportInput, producedReportOut, 'A PDF report (weekly meeting, slips audit, PALMS, member statement, all statements in one PDF, quarterly audit).'),
  listBackups: method(none, backupsOut, 'The backups folder and its backups, newest first.'),
  backupNow: method(none, backupOut, 'Take a backup now (SQLite online backup).'),
  restoreBackup: method(restoreBackupInput, restoredOut, 'Check a backup, back up the current file, then restore it.'),
  revealBackupsFolder: method(none, z.object({ folder: z.string() }), 'Show the backups folder in the file manager.'),
  setBackupLimit: method(setBackupLimitInput, z.object({ maxMb: z.number().int() }), 'How much disk the backups may use (MB, 0 = no limit); applied at the next backup, the newest two always kept.'),
  listAuditLog: method(listAuditLogInput, z.array(auditEntryOut), 'The audit log, newest first, with filters.'),
  previewSlipsAuditImport: method(importFileInput, importPreviewOut, 'Read a BNI Connect slips audit export: what would be created, matched, refused.'),
  importSlipsAudit: method(importFileInput, importResultOut, 'Import a previewed slips audit export in one transaction: new rows created, differing slips updated, problem rows left out.'),
  listImports: method(none, z.array(importBatchOut), 'Files imported, newest first: file, date, who, counts, undone or not.'),
  undoImport: method(undoImportInput, undoImportOut, 'Undo one import: tombstone the slips it created, put back the slips it changed, audited.'),
  exportAllTables: method(none, exportTablesOut, 'Every table as CSV, one file each, into a folder the user chooses.'),
  exportChapterFile: method(none, z.object({ file: z.string(), bytes: z.number().int() }), 'A complete copy of the chapter file, to open on another computer.'),
  exportSlipsAudit: method(meetingRef, palmsCsvOut, "A meeting's slips as CSV in BNI Connect's slips audit layout."),
  previewRosterImport: method(rosterFileInput, rosterPreviewOut, 'Read a roster file: members to add, seats to create, problems by row.'),
  importRoster: method(rosterFileInput, rosterPreviewOut.extend({ imported: z.number().int(), updated: z.number().int() }), 'Import a previewed roster in one transaction.'),
  previewAttendanceImport: method(attendanceFileInput, attendancePreviewOut, "Read BNI Connect's Chapter PALMS Attendance Report: meetings to create, marks to add, differences, problems."),
  importAttendanceReport: method(attendanceFileInput, attendancePreviewOut.extend({ batchId: z.string().nullable() }), 'Import attendance history as one undoable batch: missing meetings arrive closed, existing marks are left as they are.'),
  reconcilePalms: method(palmsFileInput, palmsReconciliationOut, "BNI Connect's PALMS report beside our tallies: every difference by member and column."),
  // ---- issue 11: meeting night without traps (undo that is a real change, removing a mistaken meeting) ----
  restoreSlip: method(deleteSlipInput, slipOut, 'Bring back a deleted slip (undo of a delete); a reason is needed once closed.'),
  clearAttendance: method(clearAttendanceInput, rosterRowOut, "Take a member's mark away again (undo of a first mark)."),
  clearMarks: method(clearMarksInput, z.object({ cleared: z.number().int() }), 'Take several marks away in one go (undo of "Mark everyone else present").'),
  deleteMeeting: method(deleteMeetingInput, z.object({ done: z.literal(true) }), 'Remove a draft meeting created by mistake (no slips, no marks).'),
  changeMeetingDate: method(changeMeetingDateInput, meetingOut, 'Move a meeting not yet closed to another day (a mistyped date, or next week\'s meeting held tonight).'),
  // ---- leadership workflows between meetings (issue 17) ----
  getLeadershipPolicies: method(none, leadership.leadershipPoliciesOut, 'Follow-up, visit limit, renewal term and absence-letter policies (defaults until saved).'),
  saveLeadershipPolicies: method(leadership.saveLeadershipPoliciesInput, leadership.leadershipPoliciesOut, 'Save the leadership policies and letter templates.'),
  listVisitors: method(leadership.listVisitorsInput, leadership.visitorsOut, 'Every visitor with their visits, seat, stage and staleness (new visitor slips join the pipeline first).'),
  recordFollowUp: method(leadership.recordFollowUpInput, leadership.prospectOut, "Record a follow-up: the visitor's new stage, the contact date and a note."),
  applyForSeat: method(leadership.applyForSeatInput, leadership.prospectOut, 'Make a visitor an applicant holding the seat (one per classification).'),
  listApplications: method(leadership.listApplicationsInput, z.array(leadership.applicationOut), 'Applications and classification changes, waiting first, with their decisions.'),
  updateApplication: method(leadership.updateApplicationInput, leadership.applicationOut, "The applicant's file: sponsor, interview, references."),
  decideApplication: method(leadership.decideApplicationInput, leadership.applicationOut, "The committee's decision: approve (member from a join date), decline (seat freed) or defer."),
  requestClassificationChange: method(leadership.requestClassificationChangeInput, leadership.applicationOut, "A current member's request to change classification, for the committee."),
  renewalsRadar: method(none, leadership.renewalsOut, 'Renewals overdue and due in 30, 60, 90 days, with recent decisions.'),
  decideRenewal: method(leadership.decideRenewalInput, leadership.renewalsOut, 'Renew (due date moves by the term), renew with conditions, or not renew (former, seat freed).'),
  listAbsenceLetters: method(leadership.listAbsenceLettersInput, z.array(leadership.absenceLetterOut), 'Absence letters, per member or waiting for review.'),
  draftAbsenceLetters: method(none, leadership.draftAbsenceLettersOut, 'Draft a letter for each member who reached an attendance threshold and has none yet.'),
  editAbsenceLetter: method(leadership.editAbsenceLetterInput, leadership.absenceLetterOut, "Change a letter's text before it is sent (a reviewed letter needs review again)."),
  reviewAbsenceLetter: method(leadership.reviewAbsenceLetterInput, leadership.absenceLetterOut, 'Leadership has read the letter: it may be sent.'),
  markAbsenceLetterSent: method(leadership.markLetterSentInput, leadership.absenceLetterOut, 'The letter went out: when and how.'),
  decideAttendance: method(leadership.decideAttendanceInput, leadership.absenceLetterOut, "The committee's decision after a final attendance letter: keep, keep with conditions, or release the seat."),
  absenceLetterPdf: method(byId('Letter'), producedReportOut, 'An absence letter as a PDF to print or attach.'),
  renewalPackPdf: method(leadership.renewalPackInput, producedReportOut, "A member's renewal review pack as a PDF: 12 months month by month, scorecard trend, letters, open referrals, decision fields."),
  thisWeek: method(none, leadership.thisWeekOut, "The leadership's lists: follow-ups, applicants, renewals, letters, open seats, silent members, and the weekly summary text."),
  // ---- issue 12: reports a president signs (every member's statement at once) ----
  saveAllStatements: method(saveAllStatementsInput, savedStatementsOut, "Every member's statement as its own PDF, plus one combined PDF, into a folder the user chooses."),
  startAllStatements: method(startAllStatementsInput, statementsJobOut, "Start making every member's statement (one PDF, or each member's PDF into a folder the user chooses) behind the window; answers with the job to follow."),
  allStatementsJob: method(followStatementsJobInput, statementsJobOut, 'How far an all-statements job is (statement 12 of 60…); when done, its PDF or the files written. With waitMs, answers as soon as the job ends, else after waitMs.'),
  cancelAllStatements: method(statementsJobInput, statementsJobOut, 'Stop an all-statements job at once; files already written stay and are listed.'),
  prepareAllStatements: method(none, z.object({ workers: z.number().int() }), 'Start the workers that make all statements now, so the job started a few seconds later finds them warm (the Reports screen asks when "All statements" is chosen); answers once they are ready.'),
  // ---- issue 13: the audit log's hash chain ----
  verifyAuditLog: method(none, auditVerificationOut, 'Walk the audit log\'s hash chain and compare it with the backups: all entries check out, or the first one changed, removed or inserted.'),
} satisfies Record<MethodName, MethodSpec>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

/** The typed client every host offers the renderer. */
export type LedgerApi = { [M in MethodName]: (input?: MethodInput<M>) => Promise<MethodOutput<M>> };
