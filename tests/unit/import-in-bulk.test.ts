// A Slips Audit file written as one batch: one audit entry for the batch that lists every slip it
// created (each slip's history still finds it), the file read once between preview and import unless
// something changed in between, and files the size of a large export accepted.
import type Database from 'better-sqlite3';
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
/** The slips the batch's items stand for (a run of ids is every row of its kind's table from its first id to its last). */
function createdBy(sqlite: Database.Database, batchId: string): Array<{ entity: string; id: string }> {
  const tables = { referral: 'referrals', tyfcb: 'tyfcb_slips', one_to_one: 'one_to_ones', visitor: 'visitors', ceu: 'ceus', outside_party: 'outside_party_slips' };
  const union = Object.entries(tables)
    .map(([entity, table]) => `SELECT i.entity, t.id FROM import_batch_items i JOIN ${table} t ON t.id BETWEEN i.entity_id AND coalesce(i.last_entity_id, i.entity_id) WHERE i.batch_id = @batchId AND i.action = 'created' AND i.entity = '${entity}'`)
    .join(' UNION ALL ');
  return sqlite.prepare(`SELECT entity, id FROM (${union}) ORDER BY entity, id`).all({ batchId }) as Array<{ entity: string; id: string }>;
}
const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));
const importFile = async (api: Registry, input: object) => ok<any>(await api.callAsync('importSlipsAudit', input));

describe('a history import is one audit entry that lists every slip it created', () => {
  it('into a new meeting: one entry for the batch (and one for the meeting), no entry per slip; the Audit log says what came in', async () => {
    const { opened, api, count } = chapter();
    const entriesBefore = count('SELECT count(*) FROM audit_log');
    const done = await importFile(api, asInput('night.csv', slipsFile(night)));
    expect(done).toMatchObject({ created: 7, meetingStatus: 'completed' });
    // One for the meeting, one for the batch, and one for the visitor Kara Lind joining the Visitors list (a
    // week's visitors are linked at the import since c70b0a0): none for the slips themselves.
    expect(count('SELECT count(*) FROM audit_log') - entriesBefore).toBe(3);
    expect(opened.sqlite.prepare('SELECT action, entity FROM audit_log ORDER BY rowid DESC LIMIT 3').all()).toEqual([
      { action: 'insert', entity: 'prospect' },
      { action: 'import', entity: 'import_batch' },
      { action: 'import', entity: 'meeting' },
    ]);
    const [batchEntry] = ok<any[]>(api.call('listAuditLog', { entity: 'import_batch' }));
    expect(batchEntry).toMatchObject({ action: 'import', entityId: done.batchId, reason: '' });
    expect(batchEntry.summary).toBe('Imported night.csv into the meeting of Nov 17, 2026: 7 slips (2 referrals, 1 TYFCB, 1 one-to-one, 1 visitor, 1 CEU, 1 slip with someone outside the chapter)');
    // Every slip the batch wrote is listed in the entry, with the file's row.
    const listed = JSON.parse(batchEntry.after).slips as Record<string, Array<[string, number]>>;
    // …and in the batch's items: one item per kind (its run of ids), covering exactly those slips.
    expect(count(`SELECT count(*) FROM import_batch_items WHERE batch_id = '${done.batchId}' AND action = 'created'`)).toBe(6);
    const items = createdBy(opened.sqlite, done.batchId);
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

describe('a big import keeps one record per kind of slip, and still knows each of its slips', () => {
  // 40 referrals and 20 CEUs a night: enough that a run of ids passes 0f → 10 and 1f → 20 in its counter.
  const bigNight = (detail: string) => [
    ...Array.from({ length: 40 }, (_, i) => [i % 2 ? 'Dana Ruiz' : 'Marcus Chen', i % 2 ? 'Marcus Chen' : 'Dana Ruiz', 'Referral', 'Outside', '', '', `${detail} prospect ${i + 1}`]),
    ...Array.from({ length: 20 }, (_, i) => ['Priya Raman', '', 'CEU', '', '', '1', `${detail} course ${i + 1}`]),
  ];
  const fileFor = (day: string, detail: string) => Papa.unparse([[`Slips Audit Report for ${day}`], ['Harbour Connectors'], [''], header, ...bigNight(detail)], { newline: '\r\n' });

  it('two nights imported one after the other: undoing the first takes back its 60 slips and not one of the second; each slip\'s history names its own import', async () => {
    const { opened, api, count } = chapter();
    const first = await importFile(api, asInput('first.csv', fileFor('10/11/2026', 'First'), { dateOrder: 'dmy' }));
    const second = await importFile(api, asInput('second.csv', fileFor('17/11/2026', 'Second')));
    expect([first.created, second.created]).toEqual([60, 60]);
    // One item per kind and import, not one per slip.
    expect(count(`SELECT count(*) FROM import_batch_items WHERE batch_id = '${first.batchId}'`)).toBe(2);
    expect(createdBy(opened.sqlite, first.batchId)).toHaveLength(60);
    expect(createdBy(opened.sqlite, second.batchId)).toHaveLength(60);
    // The 17th referral of each night (past the first sixteen ids of its run) finds its own import only.
    const referral = (night: string, n: number) => opened.sqlite.prepare('SELECT id FROM referrals WHERE prospect_name = ?').pluck().get(`${night} prospect ${n}`) as string;
    for (const [night, batch] of [['First', first.batchId], ['Second', second.batchId]] as const) {
      for (const n of [1, 17, 40]) expect(ok<any[]>(api.call('listAuditLog', { entityId: referral(night, n) })).map((e) => e.entityId)).toEqual([batch]);
    }
    const undone = ok<any>(api.call('undoImport', { batchId: first.batchId, reason: 'Imported into the wrong chapter' }));
    expect(undone.tombstoned).toBe(60);
    // The meeting the first import created held nothing else: it went with the undo, and its slips with it.
    expect(undone.message).toContain('The meeting it created (2026-11-10) is removed too');
    expect(count("SELECT count(*) FROM referrals WHERE prospect_name LIKE 'First %'")).toBe(0);
    expect(count("SELECT count(*) FROM ceus WHERE note LIKE 'First %'")).toBe(0);
    expect(count("SELECT count(*) FROM referrals WHERE deleted_at IS NULL AND prospect_name LIKE 'Second %'")).toBe(40);
    expect(count("SELECT count(*) FROM ceus WHERE deleted_at IS NULL AND note LIKE 'Second %'")).toBe(20);
    // Each slip the undo took back has its own audited deletion.
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity IN ('referral', 'ceu') AND reason LIKE 'Undo of the import of first.csv%'")).toBe(60);
    expect(verifyAuditLog(opened.db)).toMatchObject({ ok: true });
  });

  it('a file of 2,100 rows is written with a larger page cache, and the chapter has its own cache size back afterwards', async () => {
    const { opened, api, count } = chapter();
    const before = opened.sqlite.pragma('cache_size', { simple: true });
    const rows = Array.from({ length: 2_100 }, (_, i) => ['Priya Raman', '', 'CEU', '', '', '1', `Course ${i + 1}`]);
    const done = await importFile(api, asInput('year.csv', Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Harbour Connectors'], [''], header, ...rows], { newline: '\r\n' })));
    expect(done.created).toBe(2_100);
    expect(count('SELECT count(*) FROM ceus WHERE deleted_at IS NULL')).toBe(2_100);
    expect(opened.sqlite.pragma('cache_size', { simple: true })).toBe(before);
  });

  it('the same big file again after an undo creates its slips again, as a new run of its own that the undone one does not cover', async () => {
    const { opened, api, count } = chapter();
    const input = asInput('night.csv', fileFor('17/11/2026', 'Night'));
    const once = await importFile(api, input);
    ok(api.call('undoImport', { batchId: once.batchId, reason: 'Wrong file' }));
    const again = await importFile(api, { ...input, reason: 'The right file after all' });
    expect(again.created).toBe(60);
    expect(createdBy(opened.sqlite, once.batchId).filter((s) => createdBy(opened.sqlite, again.batchId).some((t) => t.id === s.id))).toEqual([]);
    // The undo removed the meeting the first import had created, with its slips: only the second import's are left.
    expect(count('SELECT count(*) FROM referrals WHERE deleted_at IS NULL')).toBe(40);
    expect(count('SELECT count(*) FROM referrals')).toBe(40);
    expect(createdBy(opened.sqlite, once.batchId)).toEqual([]);
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
