// A Slips Audit file written as one batch: one audit entry for the batch that lists every slip it
// created (each slip's history still finds it), the file read once between preview and import unless
// something changed in between, and files the size of a large export accepted.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { verifyAuditLog } from '../../src/services/verify-audit-log';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const slipsFile = (rows: string[][]) => Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Harbour Connectors'], [''], header, ...rows], { newline: '\r\n' });
const asInput = (fileName: string, text: string, extra: Record<string, unknown> = {}) => ({ fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra });

const night = [
  ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['Marcus Chen', 'Dana Ruiz', 'Referral', 'Inside', '', '', 'Keystone staff relocation'],
  ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '$1,250.50', '', 'New'],
  ['Lucía Fernández', 'Priya Raman', 'One-to-One', '', '', '', 'Coffee at the harbour'],
  ['Dana Ruiz', 'Kara Lind', 'Visitor', '', '', '', 'Lind Roofing Co.'],
  ['Priya Raman', '', 'CEU', '', '', '2', 'Podcast'],
  ['Dana Ruiz', 'Li Wei', 'Referral', 'Outside', '', '', 'Chapter: BNI Harbour; Wei family'],
];

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  return { opened, api, ids, count };
}
const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));
const importFile = async (api: Registry, input: object) => ok<any>(await api.callAsync('importSlipsAudit', input));

describe('a history import is one audit entry that lists every slip it created', () => {
  it('into a new meeting: one entry for the batch (and one for the meeting), no entry per slip; the Audit log says what came in', async () => {
    const { opened, api, count } = chapter();
    const entriesBefore = count('SELECT count(*) FROM audit_log');
    const done = await importFile(api, asInput('night.csv', slipsFile(night)));
    expect(done).toMatchObject({ created: 7, meetingStatus: 'completed' });
    expect(count('SELECT count(*) FROM audit_log') - entriesBefore).toBe(2);
    const [batchEntry] = ok<any[]>(api.call('listAuditLog', { entity: 'import_batch' }));
    expect(batchEntry).toMatchObject({ action: 'import', entityId: done.batchId, reason: '' });
    expect(batchEntry.summary).toBe('Imported night.csv into the meeting of Nov 17, 2026: 7 slips (2 referrals, 1 TYFCB, 1 one-to-one, 1 visitor, 1 CEU, 1 slip with someone outside the chapter)');
    // Every slip the batch wrote is listed in the entry, with the file's row.
    const listed = JSON.parse(batchEntry.after).slips as Record<string, Array<[string, number]>>;
    const items = opened.sqlite.prepare("SELECT entity, entity_id AS id FROM import_batch_items WHERE batch_id = ? AND action = 'created' ORDER BY entity, entity_id").all(done.batchId) as Array<{ entity: string; id: string }>;
    expect(Object.entries(listed).flatMap(([entity, list]) => list.map(([id]) => ({ entity, id }))).sort((a, b) => a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id))).toEqual(items);
    expect(Object.values(listed).flat().map(([, row]) => row).sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    // The chain holds: the batch entry is written like every other.
    expect(verifyAuditLog(opened.db)).toMatchObject({ ok: true });
  });

  it("a slip's own history shows the import it came from, and later changes to it", async () => {
    const { opened, api } = chapter();
    const done = await importFile(api, asInput('night.csv', slipsFile(night)));
    const ceu = opened.sqlite.prepare('SELECT id, meeting_id AS meetingId, member_id AS memberId FROM ceus').get() as { id: string; meetingId: string; memberId: string };
    const ceuId = ceu.id;
    ok(api.call('saveCeu', { ...ceu, credits: 3, note: 'Podcast', reason: 'Three credits, says the certificate' }));
    const history = ok<any[]>(api.call('listAuditLog', { entityId: ceuId }));
    expect(history.map((e) => [e.action, e.entity])).toEqual([
      ['update', 'ceu'],
      ['import', 'import_batch'],
    ]);
    expect(history[1]).toMatchObject({ entityId: done.batchId, summary: expect.stringMatching(/^Imported night\.csv into the meeting of /) });
    // Another import's slips are not in this slip's history.
    const referralId = opened.sqlite.prepare('SELECT id FROM referrals LIMIT 1').pluck().get() as string;
    expect(ok<any[]>(api.call('listAuditLog', { entityId: referralId })).map((e) => e.entityId)).toEqual([done.batchId]);
  });

  it('into a closed meeting every slip is still its own amendment, with the reason (the quarterly audit lists each)', async () => {
    const { api, count } = chapter();
    const first = await importFile(api, asInput('night.csv', slipsFile(night.slice(0, 2))));
    expect(first.meetingStatus).toBe('completed');
    const late = await importFile(api, asInput('late.csv', slipsFile(night), { reason: 'Handed in a week late' }));
    expect(late.created).toBe(5);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'import' AND reason = 'Handed in a week late' AND entity <> 'import_batch'")).toBe(5);
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'import_batch' AND entity_id = '" + late.batchId + "'")).toBe(0);
  });
});

describe('the file is read once between preview and import', () => {
  it('a slip typed between the preview and the import is matched, not doubled (the import reads the ledger again)', async () => {
    const { api, ids, count } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    const input = asInput('night.csv', slipsFile(night));
    expect((await preview(api, input)).counts).toMatchObject({ new: 7, same: 0 });
    ok(api.call('saveCeu', { meetingId: meeting.id, memberId: ids.Priya, credits: 2, note: 'Podcast' }));
    const done = await importFile(api, input);
    expect(done).toMatchObject({ created: 6, counts: { same: 1 } });
    expect(count('SELECT count(*) FROM ceus WHERE deleted_at IS NULL')).toBe(1);
  });

  it('an answer changed after the preview (a row skipped) is what the import follows', async () => {
    const { api, count } = chapter();
    const input = asInput('night.csv', slipsFile(night));
    await preview(api, input);
    const done = await importFile(api, { ...input, skipRows: [10] });
    expect(done).toMatchObject({ created: 6, counts: { skipped: 1 } });
    expect(count('SELECT count(*) FROM ceus')).toBe(0);
  });

  it('the reason typed after the preview is kept (it does not change what the file holds)', async () => {
    const { api, count } = chapter();
    await importFile(api, asInput('first.csv', slipsFile(night.slice(0, 1))));
    const input = asInput('late.csv', slipsFile(night));
    expect(await preview(api, input)).toMatchObject({ reasonRequired: true });
    expect(await importFile(api, { ...input, reason: 'Typed late' })).toMatchObject({ created: 6 });
    expect(count("SELECT count(*) FROM audit_log WHERE reason = 'Typed late'")).toBe(6);
  });
});
