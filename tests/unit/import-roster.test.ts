import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const roster = readFileSync('tests/fixtures/roster.csv');
const file = (bytes: Buffer) => ({ fileName: 'roster.csv', contentBase64: bytes.toString('base64') });

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  return { opened, api, count };
}

describe('importing a roster', () => {
  it('previews members to add, seats to create, and every problem by row', async () => {
    const { api, count } = chapter();
    const before = count('SELECT total_changes()');
    const p = ok<any>(await api.callAsync('previewRosterImport', file(roster)));
    expect(p.alreadyMembers).toBe(1);
    expect(p.classificationsToCreate).toEqual(['Business Attorney', 'Catering', 'Photography']);
    expect(p.problems.map((x: any) => x.message)).toEqual([
      'Row 5 (Di Fox): photography is also given to Cy Ng earlier in the file: one seat per classification.',
      'Row 6 (Ed Roe): Real Estate — Residential is held by Dana Ruiz since 2025-03-04.',
      'Row 7 (Fay Ho): Email does not look like an email address (name@example.com).',
      'Row 8 (Gus Li): joined on "31/02/2026" is not a date (use 2026-03-04 or 04/03/2026).',
    ]);
    expect(p.members).toBe(3);
    // Dana is already a member: the file's company is shown as a change, not ignored.
    expect(p.updates).toEqual([{ row: 9, name: 'Dana Ruiz', changes: [{ field: 'company', from: 'Ruiz Ltd', to: 'Ruiz Realty Group' }] }]);
    // 06/03/2025 reads both ways and nothing else in the file settles it: the preview asks.
    expect(p.dateOrder).toEqual({ order: null, settledBy: 'none', question: "The file's dates do not say which comes first: 06/03/2025 is 6 March 2025 if the day comes first, or 3 June 2025 if the month comes first. Choose how this file writes dates." });
    expect(count('SELECT total_changes()')).toBe(before);
  });

  it('imports every good row in one transaction, leaves the four problem rows out and lists each; the file again adds nobody', async () => {
    const { api, count } = chapter();
    const before = count('SELECT count(*) FROM members');
    // The date order is a question about the whole file: that one waits for the answer.
    expect(await api.callAsync('importRoster', file(roster))).toMatchObject({ ok: false, error: { field: 'dateOrder' } });
    expect(count('SELECT count(*) FROM members')).toBe(before);
    const result = ok<any>(await api.callAsync('importRoster', { ...file(roster), dateOrder: 'dmy' }));
    expect(result).toMatchObject({ imported: 3, updated: 1 });
    expect(result.problems.map((p: any) => p.row)).toEqual([5, 6, 7, 8]);
    const members = ok<any[]>(api.call('listMembers', { scope: 'all' }));
    expect(members.find((m) => m.firstName === 'Bo')).toMatchObject({ classificationName: 'Catering', joinedOn: '2025-03-06', renewalDue: '2027-03-06', status: 'active' });
    expect(members.find((m) => m.firstName === 'Cy')).toMatchObject({ status: 'applicant', classificationName: 'Photography' });
    expect(members.find((m) => m.firstName === 'Gus')).toBeUndefined();
    expect(ok<any[]>(api.call('listImports', {}))[0]).toMatchObject({ created: 3, updated: 1, skipped: 4 });
    // Importing the same roster again adds nobody.
    const again = ok<any>(await api.callAsync('importRoster', { ...file(roster), dateOrder: 'dmy' }));
    expect(again).toMatchObject({ imported: 0, updated: 0, updates: [], alreadyMembers: 4 });
  });

  it('a file without the roster columns gets a plain message', async () => {
    const { api } = chapter();
    const result = await api.callAsync('previewRosterImport', file(Buffer.from('Name,Amount\nDana,12\n')));
    expect(result).toMatchObject({ ok: false, error: { message: 'roster.csv is not a roster: no header row with First Name and Last Name. Nothing was imported.' } });
  });

  it('an en-US roster: 01/15/2025 settles month first, so 04/03/2025 is 3 April', async () => {
    const { api } = chapter();
    const us = 'First Name,Last Name,Classification,Joined On,Renewal Due\nAna,Lima,Business Attorney,01/15/2025,04/03/2026\nBo,Ek,Catering,04/03/2025,\n';
    const p = ok<any>(await api.callAsync('previewRosterImport', file(Buffer.from(us))));
    expect(p).toMatchObject({ problems: [], members: 2, dateOrder: { order: 'mdy', settledBy: 'file', question: null } });
    ok(await api.callAsync('importRoster', file(Buffer.from(us))));
    const members = ok<any[]>(api.call('listMembers', { scope: 'all' }));
    expect(members.find((m) => m.firstName === 'Ana')).toMatchObject({ joinedOn: '2025-01-15', renewalDue: '2026-04-03' });
    expect(members.find((m) => m.firstName === 'Bo')).toMatchObject({ joinedOn: '2025-04-03' });
  });

  it('a roster update changes members already present, audited, and never blanks a detail the file leaves empty', async () => {
    const { opened, api } = chapter();
    const update = 'First Name,Last Name,Company,Classification,Email,Phone,Renewal Due\nDANA,ruiz,Ruiz Realty Group,Real Estate — Residential,dana@ruiz.example,,2027-03-04\n';
    const p = ok<any>(await api.callAsync('previewRosterImport', file(Buffer.from(update))));
    expect(p).toMatchObject({ members: 0, alreadyMembers: 1, problems: [] });
    expect(p.updates[0].changes).toEqual([
      { field: 'company', from: 'Ruiz Ltd', to: 'Ruiz Realty Group' },
      { field: 'email', from: '', to: 'dana@ruiz.example' },
      { field: 'renewal due', from: '', to: '2027-03-04' },
    ]);
    expect(ok<any>(await api.callAsync('importRoster', file(Buffer.from(update))))).toMatchObject({ imported: 0, updated: 1 });
    const dana = ok<any[]>(api.call('listMembers', { scope: 'all' })).find((m) => m.firstName === 'Dana');
    expect(dana).toMatchObject({ company: 'Ruiz Realty Group', email: 'dana@ruiz.example', renewalDue: '2027-03-04', joinedOn: '2025-03-04', status: 'active' });
    expect(opened.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'member' AND action = 'update'").pluck().get()).toBe(1);
    // A bad email in an update is a problem row, and the member is left as they are.
    const bad = ok<any>(await api.callAsync('previewRosterImport', file(Buffer.from(update.replace('dana@ruiz.example', 'not-an-email')))));
    expect(bad.problems).toEqual([{ row: 2, message: 'Row 2 (DANA ruiz): Email does not look like an email address (name@example.com).', field: 'email' }]);
  });

  it('the Audit log says which file a roster import came from: "Imported from roster-nov.csv" on every member it recorded or changed, and on a new classification', async () => {
    const { opened, api } = chapter();
    const csv = 'First Name,Last Name,Company,Classification,Email,Phone,Joined On,Status\nDana,Ruiz,Ruiz Ltd,Real Estate — Residential,,555-0101,,\nHelen,Park,Park Bakes,Bakery,,,2025-06-01,Active\n';
    const named = { fileName: 'roster-nov.csv', contentBase64: Buffer.from(csv).toString('base64') };
    expect(ok<any>(await api.callAsync('importRoster', named))).toMatchObject({ imported: 1, updated: 1 });
    const rows = opened.sqlite.prepare("SELECT entity, action, reason FROM audit_log WHERE entity IN ('member', 'classification') ORDER BY rowid").all() as Array<{ entity: string; action: string; reason: string }>;
    const fromFile = rows.filter((r) => r.reason === 'Imported from roster-nov.csv').map((r) => `${r.action} ${r.entity}`);
    expect(fromFile.sort()).toEqual(['insert classification', 'insert member', 'update member']);
    // Dana typed in by hand before the import keeps her own entry, with no reason.
    expect(rows.filter((r) => r.entity === 'member' && r.action === 'insert' && r.reason === '')).toHaveLength(1);
  });

  it('a roster import can be undone from the history: the members it added go, the details it changed come back', async () => {
    const { opened, api, count } = chapter();
    const before = { members: count('SELECT count(*) FROM members'), seats: count('SELECT count(*) FROM classifications') };
    const fixed = Buffer.from(roster.toString('utf8').split('\n').filter((line) => !/^(Di|Ed|Fay|Gus),/.test(line)).join('\n'));
    ok(await api.callAsync('importRoster', { ...file(fixed), dateOrder: 'dmy' }));
    const [batch] = ok<any[]>(api.call('listImports', {}));
    expect(batch).toMatchObject({ kind: 'roster', fileName: 'roster.csv', meetingOn: null, created: 3, updated: 1, matched: 0, undoneAt: null, closedMeetings: [] });
    const undone = ok<any>(api.call('undoImport', { batchId: batch.id }));
    expect(undone.message).toBe('The import of roster.csv is undone: 3 members it added are removed, 1 member it changed has the old details back, 3 classifications it created are removed.');
    expect(count('SELECT count(*) FROM members')).toBe(before.members);
    expect(count('SELECT count(*) FROM classifications')).toBe(before.seats);
    expect(ok<any[]>(api.call('listMembers', { scope: 'all' })).find((m) => m.firstName === 'Dana')).toMatchObject({ company: 'Ruiz Ltd' });
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'member' AND action = 'delete' AND reason LIKE 'Undo of the import of roster.csv%'")).toBe(3);
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'member' AND action = 'update' AND reason LIKE 'Undo of the import of roster.csv%'")).toBe(1);
    expect(api.call('undoImport', { batchId: batch.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(opened.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it("a detail the secretary changed by hand after the roster import stays when the import is undone, and the message says so", async () => {
    const { api } = chapter();
    const update = 'First Name,Last Name,Company,Classification\nDana,Ruiz,Ruiz Realty Group,Real Estate — Residential\n';
    ok(await api.callAsync('importRoster', file(Buffer.from(update))));
    const [batch] = ok<any[]>(api.call('listImports', {}));
    const dana = ok<any[]>(api.call('listMembers', { scope: 'all' })).find((m) => m.firstName === 'Dana');
    ok(api.call('updateMember', { ...memberFields(dana), company: 'Ruiz & Daughters Realty' }));
    const undone = ok<any>(api.call('undoImport', { batchId: batch.id }));
    expect(undone.message).toBe("The import of roster.csv is undone: nothing it wrote was still there. Kept: Dana Ruiz's company (changed since the import).");
    expect(ok<any[]>(api.call('listMembers', { scope: 'all' })).find((m) => m.firstName === 'Dana')).toMatchObject({ company: 'Ruiz & Daughters Realty' });
  });

  it('a member the roster added who has been marked at a meeting since keeps the import in place, with a sentence, and nothing is undone', async () => {
    const { api, count } = chapter();
    const us = 'First Name,Last Name,Classification,Joined On\nAna,Lima,Business Attorney,2025-01-15\nBo,Ek,Catering,2025-04-03\n';
    ok(await api.callAsync('importRoster', file(Buffer.from(us))));
    const [batch] = ok<any[]>(api.call('listImports', {}));
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17', confirmDate: true }));
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    const members = count('SELECT count(*) FROM members');
    const refused = api.call('undoImport', { batchId: batch.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Ana Lima (1 attendance mark) and Bo Ek (1 attendance mark) were added by this import and have records since, so the import cannot be taken back: delete those records first (or undo the import that brought them in), or mark each as a former member on the Members screen instead. Nothing was undone.' } });
    expect(count('SELECT count(*) FROM members')).toBe(members);
    expect(count('SELECT count(*) FROM seat_history')).toBeGreaterThanOrEqual(members);
    expect(ok<any[]>(api.call('listImports', {}))[0].undoneAt).toBeNull();
  });

  it('a member the roster added whose only slips came from a slips import undone since still goes with the roster undo (20 referrals, one run of ids)', async () => {
    const { api, count } = chapter();
    const fixed = Buffer.from(roster.toString('utf8').split('\n').filter((line) => !/^(Di|Ed|Fay|Gus),/.test(line)).join('\n'));
    ok(await api.callAsync('importRoster', { ...file(fixed), dateOrder: 'dmy' }));
    const [rosterBatch] = ok<any[]>(api.call('listImports', {}));
    ok(api.call('createMeeting', { meetingOn: '2026-11-17', confirmDate: true }));
    const rows = Array.from({ length: 20 }, (_, i) => ['Ana Lima', 'Dana Ruiz', 'Referral', 'Outside', '', '', `Lima prospect ${i + 1}`]);
    const csv = Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Chapter'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ...rows], { newline: '\r\n' });
    const slips = ok<any>(await api.callAsync('importSlipsAudit', { fileName: 'night.csv', contentBase64: Buffer.from(csv).toString('base64') }));
    expect(slips.created).toBe(20);
    ok(api.call('undoImport', { batchId: slips.batchId }));
    expect(count("SELECT count(*) FROM referrals WHERE deleted_at IS NOT NULL AND prospect_name LIKE 'Lima prospect %'")).toBe(20);
    const undone = ok<any>(api.call('undoImport', { batchId: rosterBatch.id }));
    expect(undone.message).toBe('The import of roster.csv is undone: 3 members it added are removed, 1 member it changed has the old details back, 3 classifications it created are removed.');
    expect(count("SELECT count(*) FROM members WHERE first_name = 'Ana'")).toBe(0);
    // The slips nobody typed went with her, each removal in the audit log.
    expect(count("SELECT count(*) FROM referrals WHERE prospect_name LIKE 'Lima prospect %'")).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'referral' AND reason LIKE '%a slip of an import undone earlier, removed with the member it names'")).toBe(20);
  });
});

/** A member as listed, back as the updateMember input. */
function memberFields(m: any) {
  return { id: m.id, firstName: m.firstName, lastName: m.lastName, company: m.company, classificationId: m.classificationId, phone: m.phone, email: m.email, status: m.status, joinedOn: m.joinedOn, renewalDue: m.renewalDue, sponsorId: m.sponsorId ?? null, leadershipRole: m.leadershipRole ?? null, leftOn: m.leftOn ?? null };
}
