// The handler registry: the one place a method name becomes a service call. Every host (Electron
// main, the test harness, scripts) goes through `call`, which validates the input with the
// contract, runs the service, checks the output and turns every failure into a LedgerErrorShape.
import { chapterTimeZone } from '../shared/time-zone';
import { z } from 'zod';
import type { Db } from '../db/open';
import { contract, methodNames, type MethodName, type MethodOutput, type ParsedInput } from '../shared/contract';
import { LedgerError, type FieldMessage, type LedgerErrorShape, type Result } from '../shared/errors';
import { appStatus } from '../services/app-status';
import { getChapter, saveChapter, setBackupLimit } from '../services/chapter';
import { backupLimitBytes } from '../services/backups';
import {
  deleteClassification,
  deleteContactSphere,
  listClassifications,
  listContactSpheres,
  saveClassification,
  moveClassificationsToSphere,
  saveContactSphere,
} from '../services/classifications';
import { chapterFileName, type ChapterWorkspace } from './chapter-workspace';
import { addMember, getMember, listMembers, memberNamesToWarmUp, updateMember } from '../services/members';
import { seatHistoryOf, seatMap } from '../services/seats';
import { clearAttendance, clearMarks, markAllPresent, setAttendance } from '../services/attendance';
import { cancelMeeting, changeMeetingDate, closeMeeting, createMeeting, deleteMeeting, getMeetingSheet, listMeetings, reopenMeeting } from '../services/meetings';
import { countOpenReferrals, linkTyfcbToReferral, listOpenReferrals, referralHistory, setReferralStatus } from '../services/referrals';
import { getOutcomeRules, saveOutcomeRules } from '../services/outcome-rules';
import { memberOutcomesByMonth, outcomes, pairOutcomes } from '../services/outcomes';
import { disputeTyfcb, listDisputes, listTyfcbSlips, resolveDispute } from '../services/disputes';
import { integrityFlags, staleReferrals } from '../services/integrity-flags';
import { recognition } from '../services/recognition';
import { recognitionReport } from '../reports/recognition';
import { renderPdf } from '../reports/render';
import { requireChapter } from '../services/chapter';
import { palmsCsv } from '../services/palms-export';
import { produceReport } from '../services/reports';
import { cancelStatementsJob, runStatementsJob, saveAllStatements, startStatementsJob, statementsJob, statementsJobWhenEnded, warmStatementsWorkers } from './statement-jobs';
import { listAuditLog } from '../services/audit-log';
import { fullAuditCheck } from '../services/audit-chain-checks';
import { fullAuditCheckInBackground } from '../services/audit-check-in-background';
import { importSlipsAudit, previewSlipsAudit } from '../imports/slips-audit';
import { listImports, undoImport } from '../imports/import-batches';
import { importAttendanceReport, previewAttendanceReport } from '../imports/attendance-report';
import { exportAllTables, slipsAuditCsv } from '../exports/exports';
import { importRoster, previewRoster } from '../imports/roster';
import { reconcilePalms } from '../imports/palms-reconcile';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ChapterFile } from './chapter-file';
import { sourceFontsDir } from '../db/paths';
import { getScorecardProfile, saveScorecardProfile, scorecard } from '../services/scorecard';
import { memberTrend, referralMatrix, reciprocityFlags, tallies } from '../services/tallies';
import { deleteSlip, restoreSlip, saveCeu, saveOneToOne, saveOutsidePartySlip, saveReferral, saveTyfcb, saveVisitor } from '../services/slips';
// ---- leadership workflows between meetings (issue 17) ----
import { getLeadershipPolicies, saveLeadershipPolicies } from '../services/leadership-policies';
import { applyForSeat, listVisitors, recordFollowUp } from '../services/visitors';
import { decideApplication, listApplications, requestClassificationChange, updateApplication } from '../services/applications';
import { decideRenewal, renewalsRadar } from '../services/renewals';
import { decideAttendance, draftAbsenceLetters, editAbsenceLetter, listAbsenceLetters, markAbsenceLetterSent, reviewAbsenceLetter } from '../services/absence-letters';
import { absenceLetterPdf, thisWeek } from '../services/this-week';
import { linkVisitorSlipsBehind } from './visitor-linking';
import { renewalPackPdf } from '../services/renewal-pack';
import { fileNameWords } from '../shared/file-name-words';

export interface RegistryContext {
  db: Db;
  /** The chapter file's path, shown in Settings so the secretary knows what to back up. */
  file: string;
  appVersion: string;
  /** Folder of the report fonts (resources/fonts in the tree, <resources>/fonts when packaged). */
  fontsDir?: string;
  /** The open file with its backups; hosts that hold a real file pass it (tests may not). */
  chapterFile?: ChapterFile;
  /** Shows a folder in the system's file manager (Electron); other hosts just answer the path. */
  revealFolder?: (folder: string) => void;
  /** Asks where exports go (Electron: a folder dialog). Without it, exports go beside the chapter file. */
  chooseFolder?: () => Promise<string | null>;
  /** Asks where to save a file (Electron: a save dialog). */
  chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
  /** The open chapter file among others: new chapter, recent files, the demo (hosts that can switch files). */
  workspace?: ChapterWorkspace;
  /** Asks where a new chapter file goes (Electron: a save dialog). Without it, it goes in the workspace's chapters folder. */
  chooseNewChapterFile?: (suggestedName: string) => Promise<string | null>;
  /**
   * The page says its first screen's data is drawn (Electron: the start-up checks' gate,
   * src/server/startup-gate.ts). Answers whether this call began the checks. Hosts without start-up
   * checks (the harness, tests) leave it out.
   */
  firstScreenShown?: () => boolean;
}

function requireWorkspace(ctx: RegistryContext): ChapterWorkspace {
  if (!ctx.workspace) throw new LedgerError('conflict', 'Switching chapter files needs the app (this connection holds one file only). Nothing was changed.');
  return ctx.workspace;
}

/** After a switch the new file gets its start-up backup, as at launch; a failure is said, the file is open either way. */
async function openedAnswer(workspace: ChapterWorkspace): Promise<{ file: string; chapterName: string | null; warnings: string[] }> {
  const warnings: string[] = [];
  if (!workspace.isDemo) await workspace.chapterFile.backup('startup').catch((error: Error) => warnings.push(`The start-up backup failed: ${error.message}`));
  return { file: workspace.file, chapterName: getChapter(workspace.chapterFile.db)?.name ?? null, warnings };
}

const nothingChosen = () => new LedgerError('conflict', 'No place was chosen, so nothing was exported.', 'folder');

function requireChapterFile(ctx: RegistryContext): ChapterFile {
  if (!ctx.chapterFile) throw new LedgerError('conflict', 'Backups need a chapter file on disk; this one lives in memory.');
  return ctx.chapterFile;
}

type Handlers = { [M in MethodName]: (ctx: RegistryContext, input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

const handlers: Handlers = {
  firstScreenShown: (ctx) => ({ began: ctx.firstScreenShown?.() ?? false }),
  appStatus: (ctx) => appStatus(ctx.db, { file: ctx.file, appVersion: ctx.appVersion, isDemo: ctx.workspace?.isDemo ?? false }),
  getChapter: (ctx) => getChapter(ctx.db),
  saveChapter: (ctx, input) => saveChapter(ctx.db, input),
  // ---- chapter files as documents (issue 14) ----
  openDemoChapter: (ctx) => {
    const workspace = requireWorkspace(ctx);
    workspace.openDemo();
    return openedAnswer(workspace);
  },
  listRecentChapters: (ctx) => {
    const workspace = requireWorkspace(ctx);
    return { files: workspace.listRecent(), openFile: workspace.file, demoOpen: workspace.isDemo, newFilesFolder: workspace.chaptersFolder };
  },
  newChapterFile: async (ctx, input) => {
    const workspace = requireWorkspace(ctx);
    const name = chapterFileName(input.fileName);
    const target = ctx.chooseNewChapterFile ? await ctx.chooseNewChapterFile(name) : path.join(workspace.chaptersFolder, name);
    if (!target) throw new LedgerError('conflict', 'No place was chosen, so no chapter file was created.', 'fileName');
    workspace.newChapter(target);
    return openedAnswer(workspace);
  },
  openRecentChapter: (ctx, input) => {
    const workspace = requireWorkspace(ctx);
    workspace.openRecent(input.file);
    return openedAnswer(workspace);
  },
  forgetRecentChapter: (ctx, input) => {
    requireWorkspace(ctx).forgetRecent(input.file);
    return { done: true as const };
  },
  listContactSpheres: (ctx) => listContactSpheres(ctx.db),
  saveContactSphere: (ctx, input) => saveContactSphere(ctx.db, input),
  deleteContactSphere: (ctx, input) => deleteContactSphere(ctx.db, input.id),
  listClassifications: (ctx) => listClassifications(ctx.db),
  saveClassification: (ctx, input) => saveClassification(ctx.db, input),
  moveClassificationsToSphere: (ctx, input) => moveClassificationsToSphere(ctx.db, input),
  deleteClassification: (ctx, input) => deleteClassification(ctx.db, input.id),
  listMembers: (ctx, input) => listMembers(ctx.db, input),
  getMember: (ctx, input) => getMember(ctx.db, input.id),
  addMember: (ctx, input) => addMember(ctx.db, input),
  updateMember: (ctx, input) => updateMember(ctx.db, input),
  seatMap: (ctx) => seatMap(ctx.db),
  seatHistory: (ctx, input) => seatHistoryOf(ctx.db, input.classificationId),
  listMeetings: (ctx, input) => listMeetings(ctx.db, input),
  createMeeting: (ctx, input) => createMeeting(ctx.db, input),
  getMeetingSheet: (ctx, input) => getMeetingSheet(ctx.db, input.meetingId),
  setAttendance: (ctx, input) => setAttendance(ctx.db, input),
  markAllPresent: (ctx, input) => markAllPresent(ctx.db, input.meetingId),
  closeMeeting: (ctx, input) => {
    const closed = closeMeeting(ctx.db, input);
    if (!ctx.chapterFile) return closed;
    // Every closed meeting is kept in a backup the moment it is closed. The meeting is closed either
    // way; a failed backup is said, not hidden.
    return ctx.chapterFile.backup('meeting-closed').then(
      () => closed,
      (error: Error) => ({ ...closed, warnings: [...closed.warnings, `The automatic backup failed: ${error.message}`] }),
    );
  },
  reopenMeeting: (ctx, input) => reopenMeeting(ctx.db, input),
  cancelMeeting: (ctx, input) => cancelMeeting(ctx.db, input),
  saveReferral: (ctx, input) => saveReferral(ctx.db, input),
  saveTyfcb: (ctx, input) => saveTyfcb(ctx.db, input),
  saveOneToOne: (ctx, input) => saveOneToOne(ctx.db, input),
  saveVisitor: (ctx, input) => saveVisitor(ctx.db, input),
  saveCeu: (ctx, input) => saveCeu(ctx.db, input),
  saveOutsidePartySlip: (ctx, input) => saveOutsidePartySlip(ctx.db, input),
  deleteSlip: (ctx, input) => deleteSlip(ctx.db, input),
  listOpenReferrals: (ctx, input) => listOpenReferrals(ctx.db, input),
  countOpenReferrals: (ctx, input) => countOpenReferrals(ctx.db, input),
  setReferralStatus: (ctx, input) => setReferralStatus(ctx.db, input),
  referralHistory: (ctx, input) => referralHistory(ctx.db, input.id),
  linkTyfcbToReferral: (ctx, input) => linkTyfcbToReferral(ctx.db, input),
  outcomes: (ctx, input) => outcomes(ctx.db, input),
  pairOutcomes: (ctx, input) => pairOutcomes(ctx.db, input),
  memberOutcomesByMonth: (ctx, input) => memberOutcomesByMonth(ctx.db, input),
  disputeTyfcb: (ctx, input) => disputeTyfcb(ctx.db, input),
  resolveDispute: (ctx, input) => resolveDispute(ctx.db, input),
  listDisputes: (ctx, input) => listDisputes(ctx.db, input.state),
  listTyfcbSlips: (ctx, input) => listTyfcbSlips(ctx.db, input),
  integrityFlags: (ctx, input) => integrityFlags(ctx.db, input),
  staleReferrals: (ctx, input) => staleReferrals(ctx.db, input),
  recognition: (ctx, input) => recognition(ctx.db, input),
  produceRecognitionPdf: async (ctx, input) => {
    // Gather in one read, render outside any transaction.
    const data = recognition(ctx.db, input);
    const producedAt = input.producedAt ? new Date(input.producedAt) : new Date();
    const chapter = requireChapter(ctx.db);
    const bytes = await renderPdf(recognitionReport(data, producedAt, chapterTimeZone(chapter.timeZone)), { fontsDir: ctx.fontsDir ?? sourceFontsDir });
    const slug = fileNameWords(chapter.name);
    return { fileName: `${slug}-recognition-${input.from}-to-${input.to}.pdf`, pdfBase64: bytes.toString('base64') };
  },
  getOutcomeRules: (ctx) => getOutcomeRules(ctx.db),
  saveOutcomeRules: (ctx, input) => saveOutcomeRules(ctx.db, input.rules),
  tallies: (ctx, input) => tallies(ctx.db, input),
  referralMatrix: (ctx, input) => referralMatrix(ctx.db, input),
  reciprocityFlags: (ctx, input) => reciprocityFlags(ctx.db, input),
  memberTrend: (ctx, input) => memberTrend(ctx.db, input.memberId, input),
  palmsCsv: (ctx, input) => palmsCsv(ctx.db, input),
  scorecard: (ctx, input) => scorecard(ctx.db, input),
  getScorecardProfile: (ctx) => getScorecardProfile(ctx.db),
  saveScorecardProfile: (ctx, input) => saveScorecardProfile(ctx.db, input.profile),
  produceReport: async (ctx, input) => {
    if (input.report !== 'all_statements') return produceReport(ctx.db, input, { fontsDir: ctx.fontsDir ?? sourceFontsDir });
    // Made as the Reports screen makes it (the job, its workers), to the end: the same PDF either way.
    const job = await runStatementsJob(ctx.db, { period: { from: input.from, to: input.to }, producedAt: input.producedAt ? new Date(input.producedAt) : new Date(), fontsDir: ctx.fontsDir ?? sourceFontsDir, folder: null });
    if (job.state !== 'done' || !job.pdf) throw new LedgerError('internal', job.message ?? 'The statements could not be made.');
    return job.pdf;
  },
  listBackups: (ctx) => {
    const file = requireChapterFile(ctx);
    const backups = file.listBackups();
    return { folder: file.backupsFolder, backups, totalBytes: backups.reduce((n, b) => n + b.bytes, 0), maxBytes: backupLimitBytes(file.sqlite) };
  },
  backupNow: async (ctx) => (await requireChapterFile(ctx).backup('manual'))!,
  restoreBackup: (ctx, input) => requireChapterFile(ctx).restore(input.name),
  setBackupLimit: (ctx, input) => setBackupLimit(ctx.db, input),
  revealBackupsFolder: (ctx) => {
    const folder = requireChapterFile(ctx).backupsFolder;
    ctx.revealFolder?.(folder);
    return { folder };
  },
  listAuditLog: (ctx, input) => listAuditLog(ctx.db, input),
  // The whole chain hashed again (seconds on a big file): in a worker thread when the app holds the file,
  // so the window keeps answering; recorded as the checkpoint the quarterly audit starts from.
  verifyAuditLog: (ctx) => {
    const chapterFile = ctx.chapterFile;
    if (!chapterFile) return fullAuditCheck(ctx.db);
    const backups = chapterFile.listBackups().map((b) => ({ name: b.name, takenAt: b.takenAt, file: path.join(chapterFile.backupsFolder, b.name) }));
    const db = chapterFile.db;
    return fullAuditCheckInBackground(chapterFile.file, () => (!chapterFile.isClosed && chapterFile.db === db ? db : null), backups).then((found) => found ?? fullAuditCheck(chapterFile.db, backups));
  },
  previewSlipsAuditImport: (ctx, input) => previewSlipsAudit(ctx.db, input),
  importSlipsAudit: (ctx, input) => importSlipsAudit(ctx.db, input),
  listImports: (ctx) => listImports(ctx.db),
  undoImport: (ctx, input) => undoImport(ctx.db, input.batchId, input.reason),
  // ---- issue 12: every member's statement at once ----
  saveAllStatements: async (ctx, input) => {
    // Without a folder dialog (the harness), statements go beside the chapter file on disk.
    const folder = ctx.chooseFolder ? await ctx.chooseFolder() : path.join(path.dirname(path.resolve(requireChapterFile(ctx).file)), 'exports');
    if (!folder) throw nothingChosen();
    return saveAllStatements(ctx.db, { from: input.from, to: input.to }, folder, { fontsDir: ctx.fontsDir ?? sourceFontsDir, ...(input.producedAt ? { producedAt: new Date(input.producedAt) } : {}) });
  },
  startAllStatements: async (ctx, input) => {
    const producedAt = input.producedAt ? new Date(input.producedAt) : new Date();
    const options = { period: { from: input.from, to: input.to }, producedAt, fontsDir: ctx.fontsDir ?? sourceFontsDir };
    if (input.output === 'pdf') return startStatementsJob(ctx.db, { ...options, folder: null });
    // Without a folder dialog (the harness), statements go beside the chapter file on disk.
    const folder = ctx.chooseFolder ? await ctx.chooseFolder() : path.join(path.dirname(path.resolve(requireChapterFile(ctx).file)), 'exports');
    if (!folder) throw nothingChosen();
    return startStatementsJob(ctx.db, { ...options, folder });
  },
  allStatementsJob: (_ctx, input) => (input.waitMs ? statementsJobWhenEnded(input.jobId, input.waitMs) : statementsJob(input.jobId)),
  cancelAllStatements: (_ctx, input) => cancelStatementsJob(input.jobId),
  prepareAllStatements: async (ctx) => ({ workers: await warmStatementsWorkers(ctx.fontsDir ?? sourceFontsDir, memberNamesToWarmUp(ctx.db)) }),
  exportAllTables: async (ctx) => {
    // Without a folder dialog (the harness), exports go beside the chapter file on disk.
    const folder = ctx.chooseFolder ? await ctx.chooseFolder() : path.join(path.dirname(path.resolve(requireChapterFile(ctx).file)), 'exports');
    if (!folder) throw nothingChosen();
    return exportAllTables(ctx.db, folder);
  },
  exportChapterFile: async (ctx) => {
    const file = requireChapterFile(ctx);
    const name = `chapter-ledger-copy-${new Date().toISOString().slice(0, 10)}.sqlite`;
    const target = ctx.chooseSaveFile ? await ctx.chooseSaveFile(name) : path.join(path.dirname(path.resolve(ctx.file)), 'exports', name);
    if (!target) throw nothingChosen();
    mkdirSync(path.dirname(target), { recursive: true });
    return file.copyTo(target);
  },
  exportSlipsAudit: (ctx, input) => slipsAuditCsv(ctx.db, input.meetingId),
  previewRosterImport: (ctx, input) => previewRoster(ctx.db, input),
  importRoster: (ctx, input) => importRoster(ctx.db, input),
  previewAttendanceImport: (ctx, input) => previewAttendanceReport(ctx.db, input),
  importAttendanceReport: (ctx, input) => importAttendanceReport(ctx.db, input),
  reconcilePalms: (ctx, input) => reconcilePalms(ctx.db, input),
  // ---- issue 11: meeting night ----
  restoreSlip: (ctx, input) => restoreSlip(ctx.db, input),
  clearAttendance: (ctx, input) => clearAttendance(ctx.db, input),
  clearMarks: (ctx, input) => clearMarks(ctx.db, input),
  deleteMeeting: (ctx, input) => deleteMeeting(ctx.db, input),
  changeMeetingDate: (ctx, input) => changeMeetingDate(ctx.db, input),
  // ---- leadership workflows between meetings (issue 17) ----
  getLeadershipPolicies: (ctx) => getLeadershipPolicies(ctx.db),
  saveLeadershipPolicies: (ctx, input) => saveLeadershipPolicies(ctx.db, input),
  listVisitors: (ctx, input) => linkingBehind(ctx, listVisitors(ctx.db, input)),
  recordFollowUp: (ctx, input) => recordFollowUp(ctx.db, input),
  applyForSeat: (ctx, input) => applyForSeat(ctx.db, input),
  listApplications: (ctx, input) => listApplications(ctx.db, input),
  updateApplication: (ctx, input) => updateApplication(ctx.db, input),
  decideApplication: (ctx, input) => decideApplication(ctx.db, input),
  requestClassificationChange: (ctx, input) => requestClassificationChange(ctx.db, input),
  renewalsRadar: (ctx) => renewalsRadar(ctx.db),
  decideRenewal: (ctx, input) => decideRenewal(ctx.db, input),
  listAbsenceLetters: (ctx, input) => listAbsenceLetters(ctx.db, input),
  draftAbsenceLetters: (ctx) => draftAbsenceLetters(ctx.db),
  editAbsenceLetter: (ctx, input) => editAbsenceLetter(ctx.db, input),
  reviewAbsenceLetter: (ctx, input) => reviewAbsenceLetter(ctx.db, input),
  markAbsenceLetterSent: (ctx, input) => markAbsenceLetterSent(ctx.db, input),
  decideAttendance: (ctx, input) => decideAttendance(ctx.db, input),
  absenceLetterPdf: (ctx, input) => absenceLetterPdf(ctx.db, input.id, { fontsDir: ctx.fontsDir ?? sourceFontsDir }),
  renewalPackPdf: (ctx, input) => renewalPackPdf(ctx.db, input, { fontsDir: ctx.fontsDir ?? sourceFontsDir }),
  thisWeek: (ctx) => linkingBehind(ctx, thisWeek(ctx.db)),
};

/** A screen that found a backlog of visitor slips to link answers at once; the backlog is linked behind it. */
function linkingBehind<T extends { visitorSlipsWaiting: number }>(ctx: RegistryContext, answer: T): T {
  if (answer.visitorSlipsWaiting > 0) void linkVisitorSlipsBehind(ctx, () => ctx.db, logToStderr);
  return answer;
}

export const registeredMethods = Object.keys(handlers) as MethodName[];

export interface Registry {
  /** For methods that answer at once (all but report production): the tests' path. */
  call(method: string, input: unknown): Result<unknown>;
  /** What the hosts (Electron, the harness) use: answers every method, waiting where one works asynchronously. */
  callAsync(method: string, input: unknown): Promise<Result<unknown>>;
}

export function isMethodName(name: string): name is MethodName {
  return (methodNames as readonly string[]).includes(name);
}

export function createRegistry(ctx: RegistryContext, log: (message: string, error: unknown) => void = logToStderr): Registry {
  /** Validates the input and starts the handler; returns either a refusal or the handler's raw answer. */
  const start = (method: string, rawInput: unknown): { failed: Result<never> } | { method: MethodName; value: unknown } => {
    if (!isMethodName(method)) {
      return { failed: fail({ code: 'forbidden', message: `There is no method called "${String(method).slice(0, 60)}".` }) };
    }
    let parsed: ReturnType<(typeof contract)[MethodName]['input']['safeParse']>;
    try {
      parsed = contract[method].input.safeParse(rawInput ?? undefined);
    } catch (error) {
      // A rule of the schema that itself failed on odd input (found by the fuzz test): still a refusal.
      log(`${method}: the input check failed`, error);
      return { failed: fail({ code: 'invalid_input', message: 'The input was not understood: a value is missing or has the wrong shape. Nothing was changed.' }) };
    }
    if (!parsed.success) return { failed: fail(describeIssues(parsed.error.issues)) };
    try {
      return { method, value: (handlers[method] as (c: RegistryContext, i: unknown) => unknown)(ctx, parsed.data) };
    } catch (error) {
      return { failed: fail(toErrorShape(error, method, log)) };
    }
  };
  const finish = (method: MethodName, value: unknown): Result<unknown> => {
    const checked = contract[method].output.safeParse(value);
    if (!checked.success) {
      log(`${method} returned a value outside its contract`, checked.error);
      return fail({ code: 'internal', message: 'Chapter Ledger produced an unexpected answer. Nothing was changed by it; please report this.' });
    }
    return { ok: true, value: checked.data };
  };
  return {
    call(method, rawInput) {
      const started = start(method, rawInput);
      if ('failed' in started) return started.failed;
      if (started.value instanceof Promise) throw new Error(`${method} works asynchronously: use callAsync.`);
      return finish(started.method, started.value);
    },
    async callAsync(method, rawInput) {
      const started = start(method, rawInput);
      if ('failed' in started) return started.failed;
      try {
        return finish(started.method, await started.value);
      } catch (error) {
        return fail(toErrorShape(error, method, log));
      }
    },
  };
}

const fail = (error: LedgerErrorShape): Result<never> => ({ ok: false, error });

function logToStderr(message: string, error: unknown): void {
  console.error(`[chapter-ledger] ${message}:`, error);
}

/** The first refusal, with the other fields refused by the same check: a form marks them all at once. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): LedgerErrorShape {
  const first = describeIssue(issues[0]);
  if (!first.field) return first;
  const seen = new Set([first.field]);
  const alsoFields: FieldMessage[] = [];
  for (const issue of issues.slice(1)) {
    const other = describeIssue(issue);
    if (!other.field || seen.has(other.field)) continue;
    seen.add(other.field);
    alsoFields.push({ field: other.field, message: other.message });
  }
  return alsoFields.length ? { ...first, alsoFields } : first;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): LedgerErrorShape {
  if (!issue) return { code: 'invalid_input', message: 'The input was not understood.' };
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return { code: 'invalid_input', message: `Unexpected field${issue.keys.length > 1 ? 's' : ''}: ${keys}. Remove ${issue.keys.length > 1 ? 'them' : 'it'} and try again.`, ...(issue.keys[0] ? { field: [field, issue.keys[0]].filter(Boolean).join('.') } : {}) };
  }
  if (field === '' && issue.code === 'invalid_type') {
    return { code: 'invalid_input', message: 'The input must be a set of named fields.' };
  }
  // Our schemas word their own messages; zod's defaults ("Invalid input: expected …") are reworded.
  const message = /^Invalid (input|option|value)|^Too (small|big)|^Expected/.test(issue.message) ? defaultMessage(issue, field) : issue.message;
  return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}

/** "profile.bands.green" → "Profile bands green". */
function fieldLabel(field: string): string {
  const words = field.replace(/\.(\d+)/g, ' $1').replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'The input';
}

function defaultMessage(issue: z.core.$ZodIssue, field: string): string {
  const label = fieldLabel(field);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${label} is required.` : `${label} must be ${issue.expected === 'object' ? 'a set of named fields' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.`;
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'too_small':
      return `${label} is too small (at least ${String(issue.minimum)}).`;
    case 'too_big':
      return `${label} is too large (at most ${String(issue.maximum)}).`;
    default:
      return `${label} is not valid.`;
  }
}

/** SQLite constraint names → what the rule means to the chapter, for the rare case a service missed it. */
const constraintMessages: Array<[RegExp, LedgerErrorShape]> = [
  [/members_one_seat_per_classification|members\.classification_id/, { code: 'seat_taken', message: 'That classification already has a member or applicant.', field: 'classificationId' }],
  [/UNIQUE constraint failed: classifications/, { code: 'conflict', message: 'There is already a classification with that name.', field: 'name' }],
  [/UNIQUE constraint failed: contact_spheres/, { code: 'conflict', message: 'There is already a contact sphere with that name.', field: 'name' }],
  [/FOREIGN KEY constraint failed/, { code: 'conflict', message: 'That record is linked to others, so the change was refused. Nothing was changed.' }],
];

function toErrorShape(error: unknown, method: string, log: (message: string, error: unknown) => void): LedgerErrorShape {
  if (error instanceof LedgerError) return error.toShape();
  // drizzle's raw sql`` queries wrap SQLite's error ("Failed to run the query …"); the condition is the cause's.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string' && (error as { code?: unknown }).code === undefined) return toErrorShape(cause, method, log);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    const message = String((error as Error).message);
    for (const [pattern, shape] of constraintMessages) if (pattern.test(message)) return shape;
    return { code: 'invalid_input', message: `The chapter file refused the change (${message}). Nothing was changed.` };
  }
  // Conditions of the disk and of other programs, said as they are (the message names no SQL).
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return { code: 'busy', message: 'The chapter file is busy: another program is writing to it right now. Nothing was changed; close the other program (or the other Chapter Ledger) and try again.' };
    }
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code === 'SQLITE_IOERR_WRITE' && /full|space/i.test(String((error as Error).message)))) {
      return { code: 'disk_full', message: 'The disk is full, so the change could not be saved. Nothing was changed; free some space on the disk and try again.' };
    }
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES') {
      return { code: 'read_only', message: 'The chapter file cannot be written (it or its folder is read-only). Nothing was changed; make it writable or open a copy in a folder you can write to.' };
    }
  }
  log(`${method} failed`, error);
  return { code: 'internal', message: 'Something went wrong and nothing was changed. Please try again; if it repeats, report it.' };
}
