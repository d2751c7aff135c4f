// BNI Connect's Chapter PALMS Attendance Report: 26 weekly columns of P/A/L/M/S become attendance
// history; meetings it names arrive closed; a second import adds nothing; undo takes the marks back.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  const dana = ok<any>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { joinedOn: '2025-01-01' })));
  const marcus = ok<any>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { joinedOn: '2026-09-01' })));
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  return { opened, api, count, dana, marcus };
}

// 26 Tuesdays from 7 July 2026, as BNI Connect heads them in a US export: MM/DD, the year from From/To.
const tuesdays = Array.from({ length: 26 }, (_, i) => addDays('2026-07-07', 7 * i));
const usHeader = tuesdays.map((d) => `${d.slice(5, 7)}/${d.slice(8, 10)}`);
const danaMarks = tuesdays.map((_, i) => ['P', 'P', 'A', 'L', 'M', 'S'][i % 6]!);
const marcusMarks = tuesdays.map((d) => (d < '2026-09-01' ? '' : 'P'));
const report = (header = usHeader, from = '07/07/2026', to = '12/29/2026') =>
  Papa.unparse([['Chapter PALMS Attendance Report'], ['From', from], ['To', to], [''], ['First Name', 'Last Name', ...header], ['Dana', 'Ruiz', ...danaMarks], ['Marcus', 'Chen', ...marcusMarks], ['Zed', 'Nobody', ...tuesdays.map(() => 'P')]], { newline: '\r\n' });
const asInput = (text: string, extra: object = {}) => ({ fileName: 'attendance.csv', contentBase64: Buffer.from(text).toString('base64'), ...extra });

describe("importing BNI Connect's attendance report", () => {
  it('26 weeks become 26 closed meetings with every mark; a name it cannot match is listed; a second import adds nothing', async () => {
    const { opened, api, count } = chapter();
    const changes = () => count('SELECT total_changes()');
    const p = ok<any>(await api.callAsync('previewAttendanceImport', asInput(report())));
    const marcusWeeks = marcusMarks.filter(Boolean).length;
    expect(p).toMatchObject({ period: { from: '2026-07-07', to: '2026-12-29' }, meetings: 26, members: 2, meetingsToCreate: 26, marksToAdd: 26 + marcusWeeks, marksAlreadyThere: 0, differences: [], dateOrder: { order: 'mdy', settledBy: 'file', question: null } });
    expect(p.problems).toEqual([{ row: 8, message: 'Row 8: "Zed Nobody" matches no member; the row is left out (add the member or map the name in a slips import first).' }]);
    const before = changes();
    const done = ok<any>(await api.callAsync('importAttendanceReport', asInput(report())));
    expect(done.batchId).toEqual(expect.any(String));
    expect(changes()).toBeGreaterThan(before);
    expect(count("SELECT count(*) FROM meetings WHERE status = 'completed'")).toBe(26);
    expect(count('SELECT count(*) FROM attendance')).toBe(26 + marcusWeeks);
    expect(count("SELECT count(*) FROM attendance WHERE mark = 'S' AND substitute_name = 'Not named in the BNI Connect report'")).toBe(danaMarks.filter((m) => m === 'S').length);
    // The marks went into meetings the import created: one audit entry for the batch lists every mark
    // (no entry per mark), and each mark's own history finds it.
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'attendance' AND action = 'import'")).toBe(0);
    const [batchEntry, ...moreBatches] = ok<any[]>(api.call('listAuditLog', { entity: 'import_batch' }));
    expect(moreBatches).toEqual([]);
    expect(batchEntry).toMatchObject({ action: 'import', entityId: done.batchId, reason: '', summary: `Imported attendance.csv: ${26 + marcusWeeks} attendance marks, in 26 meetings it created` });
    const listed = JSON.parse(batchEntry.after).marks as Array<[string, string, string, string]>;
    const stored = opened.sqlite.prepare("SELECT a.id, g.meeting_on, a.member_id, a.mark FROM attendance a JOIN meetings g ON g.id = a.meeting_id ORDER BY a.id").raw().all() as string[][];
    expect([...listed].sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual(stored);
    const oneMark = stored[0]![0]!;
    expect(ok<any[]>(api.call('listAuditLog', { entityId: oneMark })).map((e) => [e.action, e.entity, e.entityId])).toEqual([['import', 'import_batch', done.batchId]]);
    const again = ok<any>(await api.callAsync('previewAttendanceImport', asInput(report())));
    expect(again).toMatchObject({ meetingsToCreate: 0, marksToAdd: 0, marksAlreadyThere: 26 + marcusWeeks });
    expect(ok<any[]>(api.call('listImports', {}))[0]).toMatchObject({ kind: 'attendance', created: 26 + marcusWeeks });

    // The 26 meetings are closed: the undo asks why before it takes a single mark out.
    const refused = api.call('undoImport', { batchId: done.batchId });
    expect(!refused.ok && refused.error.message).toMatch(/^The import of attendance\.csv wrote into 26 meetings from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, which are closed: undoing it is an amendment\./);
    expect(count('SELECT count(*) FROM attendance')).toBe(26 + marcusWeeks);
    const undone = ok<any>(api.call('undoImport', { batchId: done.batchId, reason: "Imported the other chapter's report" }));
    // The 26 meetings it created hold nothing else: they go with the undo, audited.
    expect(undone.message).toMatch(new RegExp(`^The import of attendance\\.csv is undone: ${26 + marcusWeeks} attendance marks it created are deleted\\. The meetings it created \\(26 meetings from \\d{4}-\\d{2}-\\d{2} to \\d{4}-\\d{2}-\\d{2}\\) are removed too: nothing else was recorded in them\\.$`));
    expect(count('SELECT count(*) FROM attendance')).toBe(0);
    expect(count('SELECT count(*) FROM meetings')).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND action = 'delete' AND reason LIKE 'Undo of the import of attendance.csv%'")).toBe(26);
  });

  it('a mark added to a meeting already closed is an amendment with its own entry and reason; the rest are listed in the batch entry', async () => {
    const { api, count, dana } = chapter();
    // The meeting of 7 July was held and closed; Priya, a member since 2025, was entered in the ledger only
    // afterwards, so the closed meeting has no mark for her. The report has her every week.
    const closed = ok<any>(api.call('createMeeting', { meetingOn: '2026-07-07', confirmDate: true }));
    ok(api.call('setAttendance', { meetingId: closed.id, memberId: dana.id, mark: 'P' }));
    ok(api.call('closeMeeting', { meetingId: closed.id, confirmWarnings: true }));
    const seat = ok<any>(api.call('saveClassification', { name: 'Wedding florist', sphereId: null }));
    ok(api.call('addMember', memberInput(seat.id, 'Priya', 'Shah', { joinedOn: '2025-01-01', confirmJoinDate: true })));
    const withPriya = report().replace(/^Zed,Nobody,/m, 'Priya,Shah,');
    const marcusWeeks = marcusMarks.filter(Boolean).length;
    const done = ok<any>(await api.callAsync('importAttendanceReport', asInput(withPriya)));
    const amendments = ok<any[]>(api.call('listAuditLog', { entity: 'attendance' })).filter((e) => e.action === 'import');
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toMatchObject({ reason: 'Attendance history imported from attendance.csv' });
    expect(JSON.parse(amendments[0].after)).toMatchObject({ meetingOn: '2026-07-07', mark: 'P', importBatchId: done.batchId });
    const [batchEntry] = ok<any[]>(api.call('listAuditLog', { entity: 'import_batch' }));
    expect(batchEntry.summary).toBe(`Imported attendance.csv: ${25 + 25 + marcusWeeks} attendance marks, in 25 meetings it created`);
    expect(JSON.parse(batchEntry.after).marks).toHaveLength(25 + 25 + marcusWeeks);
    expect(count('SELECT count(*) FROM attendance')).toBe(26 + 26 + marcusWeeks);
  });

  it('a mark before a member joined is a problem, not a silent mark', async () => {
    const { api } = chapter();
    const early = report().replace(/^Marcus,Chen,,/m, 'Marcus,Chen,P,');
    const p = ok<any>(await api.callAsync('previewAttendanceImport', asInput(early)));
    expect(p.problems[0].message).toBe('Row 7 (Marcus Chen), 2026-07-07: Marcus Chen was not a member that day (joined 2026-09-01); the mark is left out.');
  });

  it('a mark the ledger already has differently is listed and left as it is', async () => {
    const { api, dana, count } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-07-07', confirmDate: true }));
    ok(api.call('setAttendance', { meetingId: meeting.id, memberId: dana.id, mark: 'A' }));
    const p = ok<any>(await api.callAsync('previewAttendanceImport', asInput(report())));
    expect(p.differences).toEqual([{ name: 'Dana Ruiz', meetingOn: '2026-07-07', file: 'P', ledger: 'A' }]);
    ok(await api.callAsync('importAttendanceReport', asInput(report())));
    expect(count(`SELECT mark FROM attendance WHERE meeting_id = '${meeting.id}' AND member_id = '${dana.id}'`)).toBe('A');
  });

  it('day-first column headers with a UK period read the same meetings', async () => {
    const { api } = chapter();
    const uk = tuesdays.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`);
    const p = ok<any>(await api.callAsync('previewAttendanceImport', asInput(report(uk, '07/07/2026', '29/12/2026'))));
    expect(p).toMatchObject({ period: { from: '2026-07-07', to: '2026-12-29' }, meetingsToCreate: 26, dateOrder: { order: 'dmy' } });
  });
});
