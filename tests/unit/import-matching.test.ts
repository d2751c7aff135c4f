// A Slips Audit file against the ledger: rows already there (typed or imported), new, differing or
// with a problem; closed meetings take amendments with one reason; an import is one undoable unit.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { amendmentsIn } from '../../src/services/reports';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const slipsFile = (title: string, rows: string[][]) => Papa.unparse([[title], ['Harbour Connectors'], [''], header, ...rows, [''], ['Total']], { newline: '\r\n' });
const asInput = (fileName: string, text: string, extra: Record<string, unknown> = {}) => ({ fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra });

// The meeting of 17 November 2026 as BNI Connect lists it.
const night = [
  ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['Marcus Chen', 'Dana Ruiz', 'Referral', 'Inside', '', '', 'Keystone staff relocation'],
  ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '$1,250.50', '', 'New'],
  ['Lucía Fernández', 'Priya Raman', 'One-to-One', '', '', '', 'Coffee at the harbour'],
  ['Dana Ruiz', 'Kara Lind', 'Visitor', '', '', '', 'Lind Roofing Co.'],
  ['Priya Raman', '', 'CEU', '', '', '2', 'Podcast'],
];

function chapter(currency = 'USD', locale = 'en-US') {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency, locale, absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  const changes = () => count('SELECT total_changes()');
  return { opened, api, ids, count, changes };
}

const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));
const importFile = async (api: Registry, input: object) => ok<any>(await api.callAsync('importSlipsAudit', input));

/** The secretary types the night's slips at the meeting, as the Meeting screen does. */
function typeTheNight(api: Registry, ids: Record<string, string>) {
  const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
  const m = { meetingId: meeting.id };
  ok(api.call('saveReferral', { ...m, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'outside', prospectName: 'Alvarez family' }));
  ok(api.call('saveReferral', { ...m, giverId: ids.Marcus, receiverId: ids.Dana, referralKind: 'inside', prospectName: 'Keystone staff relocation' }));
  ok(api.call('saveTyfcb', { ...m, closerId: ids.Marcus, referrerId: ids.Dana, amount: '1250.50', tyfcbKind: 'outside' }));
  ok(api.call('saveOneToOne', { ...m, memberAId: ids.Lucía, memberBId: ids.Priya }));
  ok(api.call('saveVisitor', { ...m, name: 'Kara Lind', company: 'Lind Roofing Co.', invitedById: ids.Dana }));
  ok(api.call('saveCeu', { ...m, memberId: ids.Priya, credits: 2 }));
  return meeting;
}

const liveSlips = (count: (sql: string) => number) =>
  ['referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus'].reduce((sum, t) => sum + count(`SELECT count(*) FROM ${t} WHERE deleted_at IS NULL`), 0);

describe('matching, not doubling', () => {
  it('a meeting typed by hand and then imported from BNI Connect adds nothing: every row is already in the ledger', async () => {
    const { api, ids, count, changes } = chapter();
    typeTheNight(api, ids);
    const before = changes();
    const p = await preview(api, asInput('report.csv', slipsFile('Slips Audit Report for 17/11/2026', night)));
    expect(p.counts).toEqual({ same: 6, new: 0, differs: 0, problem: 0, skipped: 0 });
    expect(p.lines.every((l: any) => l.kind === 'same' && l.message === 'Already in the ledger.')).toBe(true);
    expect(await importFile(api, asInput('report.csv', slipsFile('Slips Audit Report for 17/11/2026', night)))).toMatchObject({ created: 0, updated: 0, batchId: null });
    expect(changes()).toBe(before);
    expect(liveSlips(count)).toBe(6);
  });

  it('the same file imported twice adds nothing the second time', async () => {
    const { api, count } = chapter();
    const text = slipsFile('Slips Audit Report for 17/11/2026', night);
    expect((await importFile(api, asInput('report.csv', text))).created).toBe(6);
    const again = await preview(api, asInput('report.csv', text));
    expect(again.counts).toMatchObject({ same: 6, new: 0, differs: 0 });
    expect((await importFile(api, asInput('report.csv', text))).created).toBe(0);
    expect(liveSlips(count)).toBe(6);
    expect(count('SELECT count(*) FROM import_batches')).toBe(1);
  });

  it('two referrals between the same members for two prospects each find their own slip', async () => {
    const { api, ids } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    ok(api.call('saveReferral', { meetingId: meeting.id, giverId: ids.Dana, receiverId: ids.Marcus, prospectName: 'Bravo Ltd' }));
    ok(api.call('saveReferral', { meetingId: meeting.id, giverId: ids.Dana, receiverId: ids.Marcus, prospectName: 'Alpha Ltd' }));
    const p = await preview(api, asInput('r.csv', slipsFile('Slips Audit Report for 17/11/2026', [['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alpha Ltd'], ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Bravo Ltd']])));
    expect(p.counts).toMatchObject({ same: 2, new: 0, differs: 0 });
  });

  it('a row whose amount differs from the typed slip shows the difference, and importing puts the file amount on that slip', async () => {
    const { api, ids, count } = chapter();
    typeTheNight(api, ids);
    const changed = night.map((r) => (r[2] === 'TYFCB' ? [...r.slice(0, 4), '$1,300.00', ...r.slice(5)] : r));
    const p = await preview(api, asInput('report.csv', slipsFile('Slips Audit Report for 17/11/2026', changed)));
    expect(p.counts).toMatchObject({ same: 5, differs: 1, new: 0 });
    expect(p.lines[0]).toMatchObject({ kind: 'differs', message: "Differs: the amount is $1,300.00 in the file and $1,250.50 in the ledger; importing puts the file's values on the ledger's slip." });
    expect(await importFile(api, asInput('report.csv', slipsFile('Slips Audit Report for 17/11/2026', changed)))).toMatchObject({ created: 0, updated: 1 });
    expect(count('SELECT amount_minor FROM tyfcb_slips')).toBe(130000);
    expect(count('SELECT count(*) FROM tyfcb_slips')).toBe(1);
  });
});

describe('importing into a closed meeting is an amendment with one reason', () => {
  it('asks for one reason, then records every new and changed slip in the audit log and the quarterly amendments', async () => {
    const { opened, api, ids, count, changes } = chapter();
    const meeting = typeTheNight(api, ids);
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    ok(api.call('closeMeeting', { meetingId: meeting.id, confirmWarnings: true }));
    const rows = [...night.map((r) => (r[2] === 'CEU' ? [...r.slice(0, 5), '3', r[6]!] : r)), ['Priya Raman', 'Lucía Fernández', 'TYFCB', 'Tier 3', '300', '', 'Repeat']];
    const text = slipsFile('Slips Audit Report for 17/11/2026', rows);
    const p = await preview(api, asInput('late.csv', text));
    expect(p).toMatchObject({ meetingStatus: 'completed', reasonRequired: true, counts: { same: 5, new: 1, differs: 1 } });

    const before = changes();
    const refused = await api.callAsync('importSlipsAudit', asInput('late.csv', text));
    expect(refused).toMatchObject({ ok: false, error: { code: 'reason_required', field: 'reason' } });
    expect(!refused.ok && refused.error.message).toBe('The meeting of 2026-11-17 is closed: importing into it is an amendment. Give one reason for this import (it is kept with every slip it changes). Nothing was imported.');
    expect(changes()).toBe(before);

    const done = await importFile(api, asInput('late.csv', text, { reason: 'Slips from BNI Connect not typed on the night' }));
    expect(done).toMatchObject({ created: 1, updated: 1 });
    const logged = opened.sqlite.prepare("SELECT action, entity, reason FROM audit_log WHERE reason = 'Slips from BNI Connect not typed on the night' ORDER BY rowid").all();
    expect(logged).toEqual(
      expect.arrayContaining([
        { action: 'update', entity: 'ceu', reason: 'Slips from BNI Connect not typed on the night' },
        { action: 'import', entity: 'tyfcb', reason: 'Slips from BNI Connect not typed on the night' },
      ]),
    );
    expect(logged).toHaveLength(2);
    const amendments = amendmentsIn(opened.db, { from: '2000-01-01', to: '2100-12-31' });
    expect(amendments.filter((a) => a.reason === 'Slips from BNI Connect not typed on the night')).toHaveLength(2);
    expect(count('SELECT credits FROM ceus')).toBe(3);
  });

  it('undoing an import into a closed meeting asks for a reason first, changes nothing without it, and the undo is an amendment with that reason', async () => {
    const { opened, api, ids, count, changes } = chapter();
    const meeting = typeTheNight(api, ids);
    ok(api.call('markAllPresent', { meetingId: meeting.id }));
    ok(api.call('closeMeeting', { meetingId: meeting.id, confirmWarnings: true }));
    const late = [['Priya Raman', 'Lucía Fernández', 'TYFCB', 'Tier 3', '300', '', 'Repeat']];
    const done = await importFile(api, asInput('late.csv', slipsFile('Slips Audit Report for 17/11/2026', late), { reason: 'Slip handed in a week late' }));
    expect(ok<any[]>(api.call('listImports', {}))[0].closedMeetings).toEqual(['2026-11-17']);

    const before = changes();
    for (const reason of [undefined, '   ']) {
      const refused = api.call('undoImport', { batchId: done.batchId, ...(reason === undefined ? {} : { reason }) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'reason_required', field: 'reason' } });
      expect(!refused.ok && refused.error.message).toBe('The import of late.csv wrote into the meeting of 2026-11-17, which is closed: undoing it is an amendment. Give the reason (it is kept in the audit log with every change the undo makes). Nothing was undone.');
    }
    expect(changes()).toBe(before);
    expect(count("SELECT count(*) FROM tyfcb_slips WHERE deleted_at IS NULL AND kind = 'tier3'")).toBe(1);

    ok(api.call('undoImport', { batchId: done.batchId, reason: 'The slip was torn up: Priya closed no deal' }));
    expect(count("SELECT count(*) FROM tyfcb_slips WHERE deleted_at IS NULL AND kind = 'tier3'")).toBe(0);
    const amendments = amendmentsIn(opened.db, { from: '2000-01-01', to: '2100-12-31' }).filter((a) => a.reason.startsWith('Undo of the import of late.csv'));
    expect(amendments).toEqual([expect.objectContaining({ action: 'delete', meetingOn: '2026-11-17', reason: expect.stringMatching(/^Undo of the import of late\.csv \(\d{4}-\d{2}-\d{2}\): The slip was torn up: Priya closed no deal$/) })]);
    // Once undone, the history no longer offers it, so nothing more is asked.
    expect(ok<any[]>(api.call('listImports', {}))[0]).toMatchObject({ closedMeetings: [], undoneAt: expect.any(String) });
  });

  it('importing history into a new meeting is no amendment: the meeting arrives closed, no reason asked', async () => {
    const { opened, api } = chapter();
    const done = await importFile(api, asInput('history.csv', slipsFile('Slips Audit Report for 17/11/2026', night)));
    expect(done).toMatchObject({ created: 6, meetingStatus: 'completed' });
    expect(amendmentsIn(opened.db, { from: '2000-01-01', to: '2100-12-31' })).toEqual([]);
  });
});

describe('an import is one unit that can be undone', () => {
  it('the history lists the file, date, who and counts; undo tombstones exactly what it created, audited', async () => {
    const { api, ids, count } = chapter();
    // One slip typed by hand before the import: undo must leave it.
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    ok(api.call('saveOneToOne', { meetingId: meeting.id, memberAId: ids.Lucía, memberBId: ids.Priya }));
    const done = await importFile(api, asInput('night.csv', slipsFile('Slips Audit Report for 17/11/2026', night)));
    expect(done).toMatchObject({ created: 5, counts: { same: 1 } });
    const [batch] = ok<any[]>(api.call('listImports', {}));
    expect(batch).toMatchObject({ id: done.batchId, fileName: 'night.csv', actor: 'secretary', meetingOn: '2026-11-17', created: 5, updated: 0, matched: 1, skipped: 0, undoneAt: null });
    expect(batch.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const undone = ok<any>(api.call('undoImport', { batchId: done.batchId }));
    expect(undone.message).toBe('The import of night.csv is undone: 5 slips it created are deleted. The meeting of 2026-11-17 stays in the ledger.');
    expect(liveSlips(count)).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND reason LIKE 'Undo of the import of night.csv%'")).toBe(5);
    expect(ok<any[]>(api.call('listImports', {}))[0].undoneAt).not.toBeNull();

    const twice = api.call('undoImport', { batchId: done.batchId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Imported again after the undo: the five are new again, the typed one is still matched.
    expect((await preview(api, asInput('night.csv', slipsFile('Slips Audit Report for 17/11/2026', night)))).counts).toMatchObject({ same: 1, new: 5 });
  });

  it('undo puts back the values an import changed', async () => {
    const { api, ids, count } = chapter();
    typeTheNight(api, ids);
    const changed = night.map((r) => (r[2] === 'TYFCB' ? [...r.slice(0, 4), '$1,300.00', ...r.slice(5)] : r));
    const done = await importFile(api, asInput('fix.csv', slipsFile('Slips Audit Report for 17/11/2026', changed)));
    expect(count('SELECT amount_minor FROM tyfcb_slips')).toBe(130000);
    expect(ok<any>(api.call('undoImport', { batchId: done.batchId })).restored).toBe(1);
    expect(count('SELECT amount_minor FROM tyfcb_slips WHERE deleted_at IS NULL')).toBe(125050);
    expect(liveSlips(count)).toBe(6);
  });
});

describe('a problem row never blocks the others', () => {
  it('a zero TYFCB, unreadable credits and a member who had left are problem rows; the rest import; each can be fixed or skipped', async () => {
    const { opened, api, ids, count } = chapter();
    opened.sqlite.prepare("UPDATE members SET status = 'former', left_on = '2026-09-30' WHERE id = ?").run(ids.Lucía);
    const rows = [
      ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family'],
      ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '$0.00', '', 'New'],
      ['Priya Raman', '', 'CEU', '', '', '0', 'Podcast'],
      ['Dana Ruiz', '', 'CEU', '', '', '1.5', 'Webinar'],
      ['Marcus Chen', '', 'CEU', '', '', '', 'Book'],
      ['Lucía Fernández', 'Priya Raman', 'One-to-One', '', '', '', 'Coffee'],
    ];
    const text = slipsFile('Slips Audit Report for 17/11/2026', rows);
    const p = await preview(api, asInput('n.csv', text));
    expect(p.counts).toMatchObject({ new: 1, problem: 5 });
    const messages = p.problems.map((x: any) => x.message);
    expect(messages).toEqual([
      'Row 6: the TYFCB amount is zero: correct the amount or skip the row.',
      'Row 7: CEU credits are 0: a CEU slip has 1 to 100 credits; correct them or skip the row.',
      'Row 8: CEU credits are 1.5, but the ledger keeps whole credits (1 to 100): correct them or skip the row.',
      'Row 9: CEU credits are empty: enter them or skip the row.',
      'Row 10: Lucía Fernández left the chapter on 2026-09-30, before this meeting (2026-11-17), and was not a member that day.',
    ]);
    for (const m of messages) expect(m).not.toMatch(/\.\.|\.:/);
    expect(p.lines.filter((l: any) => l.kind === 'problem').map((l: any) => l.fix)).toEqual(['amount', 'credits', 'credits', 'credits', null]);

    // Fix two in place, skip one, leave two: the import writes three and lists what it left out.
    const done = await importFile(api, asInput('n.csv', text, { fixes: { '6': { amount: '450' }, '8': { credits: '2' } }, skipRows: [9] }));
    expect(done).toMatchObject({ created: 3, counts: { new: 3, problem: 2, skipped: 1 } });
    expect(count('SELECT amount_minor FROM tyfcb_slips')).toBe(45000);
    expect(count('SELECT credits FROM ceus')).toBe(2);
    expect(count('SELECT count(*) FROM one_to_ones')).toBe(0);
  });

  it('a visitor keeps the classification sought when the export has the column', async () => {
    const { api, count } = chapter();
    const text = Papa.unparse([['Slips Audit Report for 17/11/2026'], [''], [...header, 'Classification'], ['Dana Ruiz', 'Kara Lind', 'Visitor', '', '', '', 'Lind Roofing Co.', 'Roofing']]);
    await importFile(api, asInput('v.csv', text));
    expect(count("SELECT classification_sought FROM visitors WHERE name = 'Kara Lind'")).toBe('Roofing');
  });

  it('CEU credits are kept exactly as the file writes them', async () => {
    const { api, count } = chapter();
    await importFile(api, asInput('c.csv', slipsFile('Slips Audit Report for 17/11/2026', [['Priya Raman', '', 'CEU', '', '', '3', 'Course']])));
    expect(count('SELECT credits FROM ceus')).toBe(3);
  });
});

describe('numbers and dates from the file, not the chapter', () => {
  const amounts: Array<[string, string]> = [
    ['1,250.50', 'US and UK'],
    ["1'250.50", 'Swiss'],
    ['1.250,50', 'German'],
    ['1 250,50', 'French spacing'],
    ['1250.5', 'plain'],
  ];
  const chapters: Array<[string, string]> = [
    ['USD', 'en-US'],
    ['GBP', 'en-GB'],
    ['EUR', 'de-DE'],
    ['TWD', 'zh-TW'],
  ];
  for (const [currency, locale] of chapters) {
    it(`a ${locale} chapter (${currency}) reads US, UK and German amounts by their own punctuation`, async () => {
      const { api } = chapter(currency, locale);
      const rows = amounts.map(([amount]) => ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', amount, '', '']);
      const p = await preview(api, asInput('a.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
      expect(p.counts).toMatchObject({ new: 5, problem: 0 });
      const done = await importFile(api, asInput('a.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
      expect(done.created).toBe(5);
    });
  }

  it('a ja-JP chapter (JPY) takes "664582.00" and "¥125,050" as yen, and refuses dollars and real decimals with a sentence', async () => {
    const { api, count } = chapter('JPY', 'ja-JP');
    const rows = [
      ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '664582.00', '', ''],
      ['Dana Ruiz', 'Marcus Chen', 'TYFCB', 'Outside', '¥125,050', '', ''],
      ['Priya Raman', 'Dana Ruiz', 'TYFCB', 'Outside', '$1,250.50', '', ''],
      ['Dana Ruiz', 'Priya Raman', 'TYFCB', 'Outside', '1250.50', '', ''],
    ];
    const p = await preview(api, asInput('j.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
    expect(p.problems).toEqual([{ row: 7, message: 'Row 7: the TYFCB amount $1,250.50 is in dollars; this chapter keeps JPY: fix the amount or skip the row.' }, { row: 8, message: 'Row 8: the TYFCB amount "1250.50" has decimals, but JPY has none.' }]);
    await importFile(api, asInput('j.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
    expect(count('SELECT sum(amount_minor) FROM tyfcb_slips')).toBe(664582 + 125050);
  });

  it('an amount cell of letters ("abc", "12 abc") is not an amount, not money in a currency "ABC"; a real code still is ("GBP 300")', async () => {
    const { api } = chapter('USD', 'en-US');
    const rows = [
      ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', 'abc', '', ''],
      ['Dana Ruiz', 'Marcus Chen', 'TYFCB', 'Outside', '12 abc', '', ''],
      ['Priya Raman', 'Dana Ruiz', 'TYFCB', 'Outside', 'GBP 300', '', ''],
      ['Dana Ruiz', 'Priya Raman', 'TYFCB', 'Outside', 'usd 40.50', '', ''],
    ];
    const p = await preview(api, asInput('letters.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
    expect(p.problems).toEqual([
      { row: 5, message: 'Row 5: the TYFCB amount "abc" is not an amount.' },
      { row: 6, message: 'Row 6: the TYFCB amount "12 abc" is not an amount.' },
      { row: 7, message: 'Row 7: the TYFCB amount GBP 300 is in GBP; this chapter keeps USD: fix the amount or skip the row.' },
    ]);
    expect(p.counts).toMatchObject({ new: 1, problem: 3 });
  });

  it('a euro chapter importing a file in dollars: a bare "300" beside "$1,250.50" is asked, not taken as 300 €; typed in euros, it is taken', async () => {
    const { api, count } = chapter('EUR', 'de-DE');
    const rows = [
      ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '$1,250.50', '', ''],
      ['Dana Ruiz', 'Marcus Chen', 'TYFCB', 'Outside', '300', '', ''],
    ];
    const file = asInput('usd.csv', slipsFile('Slips Audit Report for 17/11/2026', rows));
    const p = await preview(api, file);
    expect(p.problems).toEqual([
      { row: 5, message: 'Row 5: the TYFCB amount $1,250.50 is in dollars; this chapter keeps EUR: fix the amount or skip the row.' },
      { row: 6, message: 'Row 6: the TYFCB amount 300 has no currency sign, and this file writes its other amounts in dollars; this chapter keeps EUR: type the amount in EUR or skip the row.' },
    ]);
    // The secretary types both in euros: taken as typed.
    await importFile(api, { ...file, fixes: { '5': { amount: '1.150,00' }, '6': { amount: '276,00' } } });
    expect(count('SELECT sum(amount_minor) FROM tyfcb_slips')).toBe(115000 + 27600);
  });

  it('a bare amount in a file that also writes the chapter\'s own sign is the chapter\'s money (a euro file with "€" on some amounts only)', async () => {
    const { api, count } = chapter('EUR', 'de-DE');
    const rows = [
      ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '1.250,50 €', '', ''],
      ['Dana Ruiz', 'Marcus Chen', 'TYFCB', 'Outside', '300', '', ''],
    ];
    const p = await preview(api, asInput('eur.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
    expect(p.counts).toMatchObject({ new: 2, problem: 0 });
    await importFile(api, asInput('eur.csv', slipsFile('Slips Audit Report for 17/11/2026', rows)));
    expect(count('SELECT sum(amount_minor) FROM tyfcb_slips')).toBe(125050 + 30000);
  });

  it('an INR chapter reads "₹1,25,000" with Indian grouping', async () => {
    const { api, count } = chapter('INR', 'en-IN');
    await importFile(api, asInput('i.csv', slipsFile('Slips Audit Report for 17/11/2026', [['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '₹1,25,000', '', '']])));
    expect(count('SELECT amount_minor FROM tyfcb_slips')).toBe(12_500_000);
  });

  it('a SpreadsheetML Number cell is a number in a de-DE chapter (664582 is not read 100× too large)', async () => {
    const { api, count } = chapter('EUR', 'de-DE');
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Report"><Table>
<Row><Cell><Data ss:Type="String">Slips Audit Report for 17/11/2026</Data></Cell></Row>
<Row>${header.map((h) => `<Cell><Data ss:Type="String">${h}</Data></Cell>`).join('')}</Row>
<Row><Cell><Data ss:Type="String">Marcus Chen</Data></Cell><Cell><Data ss:Type="String">Dana Ruiz</Data></Cell><Cell><Data ss:Type="String">TYFCB</Data></Cell><Cell><Data ss:Type="String">Outside</Data></Cell><Cell><Data ss:Type="Number">664582.5</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">Dana Ruiz</Data></Cell><Cell><Data ss:Type="String">Marcus Chen</Data></Cell><Cell><Data ss:Type="String">TYFCB</Data></Cell><Cell><Data ss:Type="String">Outside</Data></Cell><Cell><Data ss:Type="Number">1.25</Data></Cell></Row>
</Table></Worksheet></Workbook>`;
    await importFile(api, asInput('r.xls', xml));
    expect(count('SELECT group_concat(amount_minor) FROM (SELECT amount_minor FROM tyfcb_slips ORDER BY amount_minor DESC)')).toBe('66458250,125');
  });

  it('in a currency with three decimals, a Number cell "1.250" is one and a quarter, and the same text asks how to read it', async () => {
    const { api, count } = chapter('KWD', 'ar-KW');
    const cell = (type: string, value: string) => `<Cell><Data ss:Type="${type}">${value}</Data></Cell>`;
    const row = (amountCell: string) => `<Row>${cell('String', 'Marcus Chen')}${cell('String', 'Dana Ruiz')}${cell('String', 'TYFCB')}${cell('String', 'Outside')}${amountCell}</Row>`;
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Report"><Table>
<Row>${cell('String', 'Slips Audit Report for 17/11/2026')}</Row><Row>${header.map((h) => cell('String', h)).join('')}</Row>
${row(cell('Number', '1.250'))}${row(cell('String', '1.250'))}</Table></Worksheet></Workbook>`;
    const p = await preview(api, asInput('k.xls', xml));
    expect(p.problems).toEqual([{ row: 4, message: 'Row 4: the TYFCB amount "1.250" could be 1250 or 1.250 KWD: correct it as 1250.000 or 1.2500.' }]);
    await importFile(api, asInput('k.xls', xml, { fixes: { '4': { amount: '1250.000' } } }));
    expect(count('SELECT group_concat(amount_minor) FROM (SELECT amount_minor FROM tyfcb_slips ORDER BY amount_minor)')).toBe('1250,1250000');
  });

  it('a US date in the title (11/17/2026) is read as 17 November in any chapter', async () => {
    for (const [currency, locale] of [['EUR', 'de-DE'], ['GBP', 'en-GB'], ['USD', 'en-US']] as const) {
      const { api } = chapter(currency, locale);
      expect((await preview(api, asInput('u.csv', slipsFile('Slips Audit Report for 11/17/2026', night)))).meetingOn).toBe('2026-11-17');
    }
  });

  it('a date that reads both ways is asked, with both readings, and the answer decides', async () => {
    const { api, changes } = chapter();
    const text = slipsFile('Slips Audit Report for 04/03/2026', night.slice(0, 1));
    const p = await preview(api, asInput('q.csv', text));
    expect(p.dateOrder).toEqual({ order: null, settledBy: 'none', question: 'The report\'s date 04/03/2026 is 4 March 2026 if the day comes first, or 3 April 2026 if the month comes first. Choose how this file writes dates.' });
    const before = changes();
    expect(await api.callAsync('importSlipsAudit', asInput('q.csv', text))).toMatchObject({ ok: false, error: { field: 'dateOrder' } });
    expect(changes()).toBe(before);
    const answered = await preview(api, asInput('q.csv', text, { dateOrder: 'mdy' }));
    expect(answered).toMatchObject({ meetingOn: '2026-04-03', dateOrder: { order: 'mdy', settledBy: 'choice', question: null } });
  });

  it('the order chosen is said again with the meeting\'s weekday when it is not the chapter\'s day (01/12/2026 month first is a Monday; the chapter meets on Tuesdays)', async () => {
    const { api } = chapter();
    const text = slipsFile('Slips Audit Report for 01/12/2026', night.slice(0, 1));
    const monthFirst = await preview(api, asInput('d.csv', text, { dateOrder: 'mdy' }));
    expect(monthFirst).toMatchObject({ meetingOn: '2026-01-12', dateOrder: { order: 'mdy', settledBy: 'choice', question: null, warning: 'Read this way, the meeting is on 2026-01-12, a Monday, and the chapter meets on Tuesdays: check that the dates are read the right way round.' } });
    const dayFirst = await preview(api, asInput('d.csv', text, { dateOrder: 'dmy' }));
    expect(dayFirst).toMatchObject({ meetingOn: '2026-12-01', dateOrder: { order: 'dmy', settledBy: 'choice', question: null, warning: null } });
  });

  it('a German export: translated headers and slip types', async () => {
    const { api } = chapter('EUR', 'de-DE');
    const text = Papa.unparse([['Slips Audit Report für 17.11.2026'], [''], ['Von', 'An', 'Belegart', 'Intern/Extern', 'Betrag', 'CEU', 'Beschreibung'], ['Dana Ruiz', 'Marcus Chen', 'Empfehlung', 'Extern', '', '', 'Familie Alvarez'], ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Extern', '1.250,50 €', '', '']]);
    const p = await preview(api, asInput('de.csv', text));
    expect(p).toMatchObject({ meetingOn: '2026-11-17', counts: { new: 2, problem: 0 }, toCreate: { referral: 1, tyfcb: 1 } });
  });
});

describe('a column whose header the ledger does not recognise is pointed at by the secretary', () => {
  const polish = Papa.unparse([['Slips Audit Report for 17/11/2026'], [''], ['Od', 'Do', 'Rodzaj', 'Wewnątrz/Na zewnątrz', 'Kwota', 'Credits', 'Opis'], ...night], { newline: '\r\n' });

  it('a Polish export (a language the ledger does not read): the preview asks which column is From, To and Slip type, imports nothing until told, then reads every row', async () => {
    const { api, changes, count } = chapter();
    const before = changes();
    const asked = await preview(api, asInput('polish.csv', polish));
    expect(asked.columnQuestion).toMatchObject({
      blocking: true,
      headers: ['Od', 'Do', 'Rodzaj', 'Wewnątrz/Na zewnątrz', 'Kwota', 'Credits', 'Opis'],
      message: "The ledger does not recognise the From, To and Slip type columns in polish.csv: choose which of the file's columns are which.",
    });
    expect(asked.counts).toEqual({ same: 0, new: 0, differs: 0, problem: 0, skipped: 0 });
    const refused = await api.callAsync('importSlipsAudit', asInput('polish.csv', polish));
    expect(refused).toMatchObject({ ok: false, error: { field: 'columns' } });
    expect(changes()).toBe(before);

    // "Credits" is recognised by itself; the secretary points at the other six.
    const columns = { from: 0, to: 1, type: 2, io: 3, tyfcb: 4, detail: 6 };
    const answered = await preview(api, asInput('polish.csv', polish, { columns }));
    expect(answered.columnQuestion).toBeNull();
    expect(answered.counts).toEqual({ same: 0, new: 6, differs: 0, problem: 0, skipped: 0 });
    expect(answered.lines.find((l: any) => l.slipType === 'TYFCB')).toMatchObject({ from: 'Marcus Chen', amount: '$1,250.50' });
    expect((await importFile(api, asInput('polish.csv', polish, { columns }))).created).toBe(6);
    expect(count('SELECT amount_minor FROM tyfcb_slips')).toBe(125050);
  });

  it('an amount column headed "Value" is asked about without blocking; until it is pointed at, the TYFCB row is a problem, then it is new', async () => {
    const { api } = chapter();
    const valued = Papa.unparse([['Slips Audit Report for 17/11/2026'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'Value', 'CEU Credits', 'Detail'], ...night], { newline: '\r\n' });
    const asked = await preview(api, asInput('valued.csv', valued));
    expect(asked.columnQuestion).toMatchObject({ blocking: false, message: 'The file has a column the ledger does not recognise ("Value"): if it holds the TYFCB amount, Date, New/Repeat or another field, choose it below.' });
    expect(asked.counts).toMatchObject({ new: 5, problem: 1 });
    const answered = await preview(api, asInput('valued.csv', valued, { columns: { tyfcb: 4 } }));
    expect(answered.columnQuestion).toBeNull();
    expect(answered.counts).toMatchObject({ new: 6, problem: 0 });
  });

  it('a column number past the end of the header is refused with a sentence', async () => {
    const { api } = chapter();
    const result = await api.callAsync('previewSlipsAuditImport', asInput('polish.csv', polish, { columns: { from: 0, to: 1, type: 9 } }));
    expect(result).toMatchObject({ ok: false, error: { field: 'columns', message: 'polish.csv has 7 columns: choose the Slip type column again.' } });
  });
});
