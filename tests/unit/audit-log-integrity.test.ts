import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry, type Registry } from '../../src/server/registry';
import { backupsFolder } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';
import { amendmentsIn } from '../../src/services/reports';
import { methodNames, type MethodName } from '../../src/shared/methods';
import { okValue as ok } from '../support/first-quarter';
import { attendanceReportCsv, rosterCsv, slipsAuditCsv } from '../support/import-files';

/*
 * The audit log is the chapter's memory of every change: nothing writes past it, and every method
 * that changes the chapter leaves an entry.
 */
const files: ChapterFile[] = [];
afterAll(() => files.forEach((f) => f.close()));

function demo() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-audit-')), 'chapter-ledger.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  files.push(chapter);
  chapter.sqlite.pragma('synchronous = OFF'); // speed only: the tests are about what is written, not power cuts
  loadDemoChapter(chapter.db, '2026-11-22');
  mkdirSync(backupsFolder(file), { recursive: true });
  const api = createRegistry({ get db() { return chapter.db; }, file, appVersion: 'test', chapterFile: chapter }, () => {});
  const one = <T = string>(sql: string, ...args: unknown[]) => chapter.sqlite.prepare(sql).pluck().get(...args) as T;
  const auditCount = () => one<number>('SELECT count(*) FROM audit_log');
  return { file, chapter, api, one, auditCount };
}

const activeNames = (chapter: ChapterFile) => chapter.sqlite.prepare("SELECT first_name || ' ' || last_name FROM members WHERE status = 'active' ORDER BY last_name LIMIT 4").pluck().all() as string[];
const chapterRow = (one: (sql: string) => unknown, sql: string) => String(one(sql)).split('|');
const call = async (api: Registry, method: MethodName, input: unknown) => ok<any>(await api.callAsync(method, input));

describe('the audit log cannot be written over', () => {
  const { chapter, auditCount } = demo();
  const run = (sql: string) => () => chapter.sqlite.prepare(sql).run();

  it('INSERT OR REPLACE with the id of an existing entry is refused, and the entry stays as it was', () => {
    const before = chapter.sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid LIMIT 1').get();
    const count = auditCount();
    expect(run("INSERT OR REPLACE INTO audit_log (id, action, entity, entity_id, reason) SELECT id, 'update', 'member', 'x', 'rewritten' FROM audit_log")).toThrow(/append-only: an existing entry cannot be replaced/);
    expect(run("REPLACE INTO audit_log (id, action, entity, entity_id) SELECT id, 'delete', 'member', 'x' FROM audit_log LIMIT 1")).toThrow(/append-only/);
    expect(run("INSERT OR IGNORE INTO audit_log (id, action, entity, entity_id) SELECT id, 'delete', 'member', 'x' FROM audit_log LIMIT 1")).toThrow(/append-only/);
    expect(chapter.sqlite.prepare('SELECT * FROM audit_log ORDER BY rowid LIMIT 1').get()).toEqual(before);
    expect(auditCount()).toBe(count);
  });

  it('a new entry that reuses the row number of an old one is refused too', () => {
    expect(run("INSERT OR REPLACE INTO audit_log (rowid, id, action, entity, entity_id) VALUES (1, 'fresh-id', 'delete', 'member', 'x')")).toThrow(/append-only/);
  });

  it('an ordinary new entry is still written', () => {
    const count = auditCount();
    expect(run("INSERT INTO audit_log (id, action, entity, entity_id) VALUES ('brand-new', 'update', 'member', 'x')")).not.toThrow();
    expect(auditCount()).toBe(count + 1);
  });
});

describe('the gaps the log used to have', () => {
  it('a change after re-opening a meeting carries the re-opening reason and is listed among the amendments', async () => {
    const { api, one } = demo();
    const meetingId = one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1");
    const memberId = one("SELECT member_id FROM attendance WHERE meeting_id = ? AND mark = 'P' LIMIT 1", meetingId);
    await call(api, 'reopenMeeting', { meetingId, reason: 'Marks were entered for the wrong week' });
    await call(api, 'setAttendance', { meetingId, memberId, mark: 'A' });
    const slipId = one("SELECT id FROM ceus WHERE meeting_id = ? AND deleted_at IS NULL LIMIT 1", meetingId);
    if (slipId) await call(api, 'deleteSlip', { kind: 'ceu', id: slipId });
    const reasons = api.call('listAuditLog', { withReasonOnly: true, limit: 5 });
    expect(ok<any[]>(reasons).filter((r) => /^Amendment after re-opening the meeting: Marks were entered for the wrong week$/.test(r.reason)).length).toBe(slipId ? 2 : 1);
    const today = new Date().toISOString().slice(0, 10);
    const amendments = amendmentsIn(files.at(-1)!.db, { from: today, to: today });
    expect(amendments.map((a) => a.entity)).toEqual(expect.arrayContaining(['meeting', 'attendance']));
  });

  it('an import into a cancelled meeting is refused and writes nothing', async () => {
    const { api, one, auditCount } = demo();
    const meetingId = ok<any>(await api.callAsync('createMeeting', { meetingOn: '2026-12-15', confirmDate: true })).id;
    await call(api, 'cancelMeeting', { meetingId, reason: 'Public holiday' });
    const csv = slipsAuditCsv('2026-12-15', activeNames(files.at(-1)!));
    const count = auditCount();
    const result = await api.callAsync('importSlipsAudit', { fileName: 'slips.csv', contentBase64: csv.toString('base64') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/cancelled/);
    expect(auditCount()).toBe(count);
    expect(one<number>('SELECT count(*) FROM referrals WHERE meeting_id = ?', meetingId)).toBe(0);
  });

  it('a new meeting excuses members on leave, and each of those marks is in the log', async () => {
    const { api, one } = demo();
    const meeting = await call(api, 'createMeeting', { meetingOn: '2026-12-01', confirmDate: true });
    const marks = one<number>("SELECT count(*) FROM attendance WHERE meeting_id = ?", meeting.id);
    expect(marks).toBeGreaterThan(0);
    const logged = one<number>("SELECT count(*) FROM audit_log WHERE entity = 'attendance' AND entity_id IN (SELECT id FROM attendance WHERE meeting_id = ?)", meeting.id);
    expect(logged).toBe(marks);
  });

  it('deleting a contact sphere logs every classification it leaves without a sphere', async () => {
    const { api, one } = demo();
    const sphere = one("SELECT sphere_id FROM classifications WHERE sphere_id IS NOT NULL GROUP BY sphere_id ORDER BY count(*) DESC LIMIT 1");
    const seats = one<number>('SELECT count(*) FROM classifications WHERE sphere_id = ?', sphere);
    await call(api, 'deleteContactSphere', { id: sphere });
    expect(one<number>("SELECT count(*) FROM audit_log WHERE entity = 'classification' AND reason LIKE 'The contact sphere % was deleted'")).toBe(seats);
  });
});

/*
 * Every method that changes the chapter, called once with a real payload on the demo chapter: the
 * audit log must grow each time. Methods that only read must change nothing at all. A method added
 * to the contract must be listed on one side or the other, so a new write path cannot slip past.
 */
type Payloads = (ctx: ReturnType<typeof demo>) => unknown | Promise<unknown>;
const writes: Partial<Record<MethodName, Payloads>> = {
  saveChapter: ({ api }) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = ok<any>(api.call('getChapter', {}));
    return { ...chapter, region: 'Harbour North' };
  },
  saveContactSphere: () => ({ name: 'Weddings', description: 'Everything for the big day' }),
  deleteContactSphere: ({ one }) => ({ id: one('SELECT id FROM contact_spheres LIMIT 1') }),
  saveClassification: () => ({ name: 'Beekeeper', sphereId: null }),
  deleteClassification: async ({ api }) => ({ id: (await call(api, 'saveClassification', { name: 'Chimney Sweep', sphereId: null })).id }),
  moveClassificationsToSphere: ({ one }) => {
    const sphereId = one('SELECT id FROM contact_spheres ORDER BY name LIMIT 1');
    return { classificationIds: [one('SELECT id FROM classifications WHERE sphere_id IS NOT ? ORDER BY name LIMIT 1', sphereId)], sphereId };
  },
  addMember: async ({ api }) => ({ firstName: '美玲', lastName: '王', company: 'Wang Tea House', classificationId: (await call(api, 'saveClassification', { name: 'Tea Merchant', sphereId: null })).id, phone: '', email: '', status: 'active', joinedOn: '2026-11-01', renewalDue: null, sponsorId: null, leadershipRole: null, confirmJoinDate: true }),
  updateMember: ({ api, one }) => {
    const { member } = ok<any>(api.call('getMember', { id: one("SELECT id FROM members WHERE status = 'active' LIMIT 1") }));
    return { id: member.id, firstName: member.firstName, lastName: member.lastName, company: `${member.company} GmbH`, classificationId: member.classificationId, phone: member.phone, email: member.email, status: member.status, joinedOn: member.joinedOn, renewalDue: member.renewalDue, sponsorId: member.sponsorId, leadershipRole: member.leadershipRole };
  },
  setBackupLimit: () => ({ maxMb: 1024 }),
  createMeeting: () => ({ meetingOn: '2026-12-08', confirmDate: true }),
  setAttendance: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' LIMIT 1"), memberId: one("SELECT member_id FROM attendance WHERE mark = 'P' AND meeting_id = (SELECT id FROM meetings WHERE status = 'completed' LIMIT 1) LIMIT 1"), mark: 'L', reason: 'Came in after the open networking' }),
  markAllPresent: async ({ api }) => ({ meetingId: (await call(api, 'createMeeting', { meetingOn: '2026-12-15', confirmDate: true })).id }),
  closeMeeting: async ({ api }) => {
    // Before the demo's quarter (a meeting dated after today cannot be closed).
    const meetingId = (await call(api, 'createMeeting', { meetingOn: '2024-12-17', confirmDate: true })).id;
    await call(api, 'markAllPresent', { meetingId });
    return { meetingId, confirmWarnings: true };
  },
  reopenMeeting: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' LIMIT 1"), reason: 'A slip was missed' }),
  cancelMeeting: async ({ api }) => ({ meetingId: (await call(api, 'createMeeting', { meetingOn: '2026-12-29', confirmDate: true })).id, reason: 'Christmas week' }),
  saveReferral: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), giverId: one("SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1"), receiverId: one("SELECT id FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1"), prospectName: 'أحمد الخطيب', reason: 'Handed in late', confirmDuplicate: true }),
  saveTyfcb: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), closerId: one("SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1"), referrerId: one("SELECT id FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1"), amount: '1250.50', reason: 'Handed in late', confirmDuplicate: true }),
  saveOneToOne: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), memberAId: one("SELECT id FROM members WHERE status = 'active' ORDER BY id LIMIT 1"), memberBId: one("SELECT id FROM members WHERE status = 'active' ORDER BY id DESC LIMIT 1"), metOn: one("SELECT meeting_on FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), reason: 'Handed in late', confirmDuplicate: true }),
  saveVisitor: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), name: 'प्रिया शर्मा', invitedById: one("SELECT id FROM members WHERE status = 'active' LIMIT 1"), reason: 'Signed the visitor book late', confirmDuplicate: true }),
  saveOutsidePartySlip: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), slipType: 'referral', memberId: one("SELECT id FROM members WHERE status = 'active' LIMIT 1"), direction: 'given', party: { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' }, prospectName: 'Harbour café', reason: 'Handed in late', confirmDuplicate: true }),
  saveCeu: ({ one }) => ({ meetingId: one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), memberId: one("SELECT id FROM members WHERE status = 'active' LIMIT 1"), credits: 1, reason: 'Podcast logged late', confirmDuplicate: true }),
  deleteSlip: ({ one }) => ({ kind: 'visitor', id: one('SELECT id FROM visitors WHERE deleted_at IS NULL LIMIT 1'), reason: 'Entered twice' }),
  setReferralStatus: ({ one }) => ({ id: one("SELECT id FROM referrals WHERE status = 'new' LIMIT 1"), status: 'contacted', reason: 'Called on Monday' }),
  saveScorecardProfile: ({ api }) => {
    const profile = ok<any>(api.call('getScorecardProfile', {}));
    return { profile: { ...profile, name: `${profile.name ?? 'Profile'} (edited)` } };
  },
  importSlipsAudit: ({ chapter }) => ({ fileName: 'slips.csv', contentBase64: slipsAuditCsv('2026-12-15', activeNames(chapter)).toString('base64'), aliases: {} }),
  undoImport: async ({ api, chapter }) => {
    const imported = await call(api, 'importSlipsAudit', { fileName: 'slips.csv', contentBase64: slipsAuditCsv('2026-12-15', activeNames(chapter)).toString('base64'), aliases: {} });
    // The import created its meeting closed: undoing it is an amendment and needs a reason.
    return { batchId: imported.batchId, reason: 'Imported the wrong week' };
  },
  importRoster: () => ({ fileName: 'roster.csv', contentBase64: rosterCsv([['Zoë', 'Müller', 'Piano Teacher'], ['Arjun', 'Mehta', 'Solar Installer']]).toString('base64') }),
  importAttendanceReport: ({ chapter }) => ({ fileName: 'attendance.csv', contentBase64: attendanceReportCsv(['2026-12-01', '2026-12-08'], activeNames(chapter)).toString('base64') }),
  restoreBackup: async ({ api }) => ({ name: (await call(api, 'backupNow', {})).name }),
  restoreSlip: async ({ api, one }) => {
    const id = one('SELECT id FROM visitors WHERE deleted_at IS NULL ORDER BY id LIMIT 1');
    await call(api, 'deleteSlip', { kind: 'visitor', id, reason: 'Entered twice' });
    return { kind: 'visitor', id, reason: 'It was not a duplicate after all' };
  },
  clearAttendance: async ({ api }) => {
    const meetingId = (await call(api, 'createMeeting', { meetingOn: '2026-12-15', confirmDate: true })).id;
    await call(api, 'markAllPresent', { meetingId });
    const sheet = await call(api, 'getMeetingSheet', { meetingId });
    return { meetingId, memberId: sheet.roster[0].memberId };
  },
  clearMarks: async ({ api }) => {
    const meetingId = (await call(api, 'createMeeting', { meetingOn: '2026-12-15', confirmDate: true })).id;
    const { memberIds } = await call(api, 'markAllPresent', { meetingId });
    return { meetingId, memberIds };
  },
  deleteMeeting: async ({ api }) => ({ meetingId: (await call(api, 'createMeeting', { meetingOn: '2026-12-15', confirmDate: true })).id }),
  changeMeetingDate: async ({ api }) => ({ meetingId: (await call(api, 'createMeeting', { meetingOn: '2027-01-12', confirmDate: true })).id, meetingOn: '2027-01-19', confirmDate: true }),
  linkTyfcbToReferral: async ({ api, one }) => {
    const ref = chapterRow(one, "SELECT r.id || '|' || r.giver_id || '|' || r.receiver_id || '|' || r.meeting_id FROM referrals r JOIN meetings m ON m.id = r.meeting_id WHERE m.status = 'completed' AND r.deleted_at IS NULL AND r.status <> 'won' AND r.status <> 'lost' ORDER BY m.meeting_on DESC LIMIT 1");
    const slip = await call(api, 'saveTyfcb', { meetingId: ref[3], closerId: ref[2], referrerId: ref[1], amount: '480', reason: 'Handed in late', confirmDuplicate: true });
    return { tyfcbId: slip.id, referralId: ref[0], reason: 'The business came from that referral' };
  },
  disputeTyfcb: ({ one }) => {
    const t = chapterRow(one, "SELECT id || '|' || closer_id FROM tyfcb_slips WHERE deleted_at IS NULL ORDER BY id LIMIT 1");
    return { tyfcbId: t[0], raisedById: t[1], ground: 'wrong_amount', why: 'The invoice says 1,200, not 12,000' };
  },
  resolveDispute: async ({ api, one }) => {
    const t = chapterRow(one, "SELECT id || '|' || closer_id FROM tyfcb_slips WHERE deleted_at IS NULL ORDER BY id LIMIT 1");
    const dispute = await call(api, 'disputeTyfcb', { tyfcbId: t[0], raisedById: t[1], ground: 'wrong_amount', why: 'The invoice says 1,200, not 12,000' });
    return { id: dispute.id, resolution: 'confirmed', reason: 'The invoice was checked' };
  },
  saveOutcomeRules: ({ api }) => ({ rules: { ...ok<any>(api.call('getOutcomeRules', {})), staleDays: 21 } }),
  // ---- leadership workflows between meetings (issue 17) ----
  saveLeadershipPolicies: ({ api }) => {
    const { absenceLimit: _l, absenceWindowMonths: _w, ...policies } = ok<any>(api.call('getLeadershipPolicies', {}));
    return { ...policies, visitLimit: 3 };
  },
  // A visitor slip saved through the app is linked to its person in its own save; one written into the
  // file some other way (an older version, a tool) is taken in by the next look at the pipeline.
  listVisitors: ({ one }) => {
    one("INSERT INTO visitors (id, meeting_id, name) VALUES ('slip-from-elsewhere', (SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1), '李小龍') RETURNING id");
    return { show: 'all' };
  },
  thisWeek: ({ one }) => {
    one("INSERT INTO visitors (id, meeting_id, name) VALUES ('slip-from-elsewhere', (SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1), 'عمر الفاروق') RETURNING id");
    return {};
  },
  recordFollowUp: async ({ api }) => ({ id: (await call(api, 'listVisitors', { show: 'open' })).prospects[0].id, stage: 'followed_up', contactOn: new Date().toISOString().slice(0, 10), note: 'Called' }),
  applyForSeat: async ({ api }) => {
    const p = (await call(api, 'listVisitors', { show: 'open' })).prospects.find((x: any) => x.seat === 'open');
    return { prospectId: p.id, firstName: p.name.split(' ')[0], lastName: p.name.split(' ').slice(1).join(' ') || 'Visitor', classificationId: p.classificationId, appliedOn: new Date().toISOString().slice(0, 10) };
  },
  updateApplication: async ({ api }) => ({ id: (await call(api, 'listApplications', { show: 'waiting' }))[0].id, interviewOn: '2026-11-20', interviewers: 'Nadia Haddad', referencesChecked: true }),
  decideApplication: async ({ api }) => ({ id: (await call(api, 'listApplications', { show: 'waiting' }))[0].id, outcome: 'approved', decidedOn: new Date().toISOString().slice(0, 10), decidedBy: 'Nadia Haddad' }),
  requestClassificationChange: ({ one }) => ({ memberId: one("SELECT id FROM members WHERE status = 'active' LIMIT 1"), classificationId: one("SELECT c.id FROM classifications c WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classification_id = c.id AND m.status IN ('applicant', 'active', 'on_leave')) LIMIT 1"), appliedOn: '2026-11-20' }),
  decideRenewal: async ({ api }) => ({ memberId: (await call(api, 'renewalsRadar', {})).rows[0].memberId, outcome: 'renewed', decidedOn: new Date().toISOString().slice(0, 10), decidedBy: 'Nadia Haddad' }),
  // Drafts only what became due: two absences for a member with a clean record make a warning due.
  draftAbsenceLetters: async ({ api, one }) => {
    const memberId = one("SELECT id FROM members m WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.member_id = m.id AND a.mark <> 'P') LIMIT 1");
    for (const meetingId of [one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1"), one("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1 OFFSET 1")]) {
      await call(api, 'setAttendance', { meetingId, memberId, mark: 'A', reason: 'Was marked present by mistake' });
    }
    return {};
  },
  editAbsenceLetter: async ({ api }) => ({ id: (await call(api, 'listAbsenceLetters', { show: 'to_review' }))[0].id, body: 'Dear member, we missed you.' }),
  reviewAbsenceLetter: async ({ api }) => ({ id: (await call(api, 'listAbsenceLetters', { show: 'to_review' }))[0].id, reviewedBy: 'Dana Ruiz', reviewedOn: new Date().toISOString().slice(0, 10) }),
  markAbsenceLetterSent: async ({ api }) => {
    const id = (await call(api, 'listAbsenceLetters', { show: 'to_review' }))[0].id;
    await call(api, 'reviewAbsenceLetter', { id, reviewedBy: 'Dana Ruiz', reviewedOn: new Date().toISOString().slice(0, 10) });
    return { id, sentOn: new Date().toISOString().slice(0, 10), sentHow: 'email' };
  },
  decideAttendance: async ({ api }) => ({ letterId: (await call(api, 'listAbsenceLetters', {})).find((l: any) => l.level === 'final' && !l.decision).id, outcome: 'kept_with_conditions', decidedOn: new Date().toISOString().slice(0, 10), decidedBy: 'Nadia Haddad', reason: 'Two absences were for a family illness', conditions: 'No absence in the next three months' }),
};
/** Methods that only read (or write files outside the chapter: backups, exports). */
const reads: MethodName[] = [
  'appStatus', 'getChapter', 'listContactSpheres', 'listClassifications', 'listMembers', 'getMember', 'seatMap', 'seatHistory', 'listMeetings', 'getMeetingSheet',
  'listOpenReferrals', 'countOpenReferrals', 'tallies', 'referralMatrix', 'reciprocityFlags', 'memberTrend', 'palmsCsv', 'scorecard', 'getScorecardProfile', 'produceReport', 'listBackups',
  'backupNow', 'revealBackupsFolder', 'listAuditLog', 'previewSlipsAuditImport', 'listImports', 'previewAttendanceImport',
  'referralHistory', 'outcomes', 'pairOutcomes', 'memberOutcomesByMonth', 'listDisputes', 'listTyfcbSlips', 'integrityFlags', 'staleReferrals', 'recognition', 'produceRecognitionPdf', 'getOutcomeRules', 'exportAllTables', 'exportChapterFile', 'exportSlipsAudit', 'previewRosterImport', 'reconcilePalms',
  // Chapter files as documents: they switch the open file (the demo fills its own file only) and write
  // the recent list outside every chapter file; without the app's workspace they refuse.
  'openDemoChapter', 'listRecentChapters', 'newChapterFile', 'openRecentChapter', 'forgetRecentChapter',
  // ---- leadership workflows between meetings (issue 17) ----
  'getLeadershipPolicies', 'listApplications', 'renewalsRadar', 'listAbsenceLetters', 'absenceLetterPdf', 'renewalPackPdf',
  // ---- issue 12: writes PDF files outside the chapter (also as a job followed from the Reports screen) ----
  'saveAllStatements', 'startAllStatements', 'allStatementsJob', 'cancelAllStatements',
  // ---- issue 16: starts the workers "All statements" will use (nothing in the chapter is read or written) ----
  'prepareAllStatements',
  // ---- issue 13: reads the chain and the backups ----
  'verifyAuditLog',
  // ---- issue 16: the page says its first screen is drawn (the start-up checks begin; nothing in the chapter changes) ----
  'firstScreenShown',
];

describe('every method that changes the chapter writes its audit entry', () => {
  it('every contract method is listed either as a write (with a payload) or as a read', () => {
    const listed = new Set<string>([...Object.keys(writes), ...reads]);
    expect(methodNames.filter((m) => !listed.has(m))).toEqual([]);
  });

  it.each(Object.keys(writes).map((m) => [m]))('%s leaves an entry in the audit log', async (method) => {
    const ctx = demo();
    const input = await writes[method as MethodName]!(ctx);
    const before = ctx.auditCount();
    const result = await ctx.api.callAsync(method, input);
    expect(result, JSON.stringify(result).slice(0, 400)).toMatchObject({ ok: true });
    expect(ctx.auditCount()).toBeGreaterThan(before);
    // …and the entry is chained: the log still checks out from the first entry to the last.
    const verified = ok<any>(await ctx.api.callAsync('verifyAuditLog', {}));
    expect(verified.sentence).toMatch(/^All [\d,]+ entries check out/);
    expect(verified.entries).toBe(ctx.auditCount());
  }, 20_000);
});
