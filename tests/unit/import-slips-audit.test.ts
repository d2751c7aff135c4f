import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const xls = readFileSync('tests/fixtures/slips-audit-2026-11-17.xls');
const csv = readFileSync('tests/fixtures/slips-audit-2026-11-17.csv');

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Lucía', 'Fernández', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const count = (table: string) => opened.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { opened, api, ids, changes, count };
}

const file = (fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({ fileName, contentBase64: bytes.toString('base64'), ...extra });
const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));

describe("importing BNI Connect's slips audit export", () => {
  it.each([
    ['SpreadsheetML .xls', xls],
    ['CSV', csv],
  ])('a %s file is previewed: the meeting, what will be created, the unmatched name and the skipped row', async (_kind, bytes) => {
    const { api, changes } = chapter();
    const before = changes();
    const p = await preview(api, file('report.xls', bytes));
    expect(p).toMatchObject({
      meetingOn: '2026-11-17',
      meetingStatus: 'new',
      rows: 8,
      counts: { same: 0, new: 6, differs: 0, problem: 1, skipped: 1 },
      toCreate: { referral: 2, tyfcb: 2, one_to_one: 1, visitor: 0, ceu: 1 },
      unmatchedNames: ['Danny Ruiz'],
    });
    expect(p.problems).toEqual([{ row: expect.any(Number), message: expect.stringMatching(/"Danny Ruiz" \(From\) matches no member/) }]);
    expect(p.skipped).toEqual([{ row: expect.any(Number), message: expect.stringMatching(/"Testimonial" is not a slip type Chapter Ledger keeps/) }]);
    expect(changes()).toBe(before);
  });

  it('a row whose name matches no member is left out and listed; the other rows are imported', async () => {
    const { api, count } = chapter();
    const result = ok<any>(await api.callAsync('importSlipsAudit', file('report.xls', xls)));
    expect(result).toMatchObject({ created: 6, updated: 0, counts: { new: 6, problem: 1, skipped: 1 } });
    expect(result.problems[0].message).toMatch(/^Row \d+: "Danny Ruiz" \(From\) matches no member: map the name to a member or skip the row\.$/);
    expect(count('visitors')).toBe(0);
    // Mapped afterwards, the visitor row is the only new one: the six already imported are matched.
    const { ids } = { ids: Object.fromEntries((ok<any[]>(api.call('listMembers', { scope: 'all' }))).map((m) => [m.firstName, m.id])) };
    const later = await preview(api, file('report.xls', xls, { aliases: { 'Danny Ruiz': ids.Dana } }));
    expect(later.counts).toEqual({ same: 6, new: 1, differs: 0, problem: 0, skipped: 1 });
    // The preview says which member each name was taken to be: Danny Ruiz is Dana Ruiz.
    const danny = later.lines.find((l: any) => l.from === 'Danny Ruiz');
    expect(danny).toMatchObject({ fromIs: 'Dana Ruiz', kind: 'new' });
    expect(later.lines.filter((l: any) => l.kind !== 'skipped').every((l: any) => l.fromIs !== '')).toBe(true);
  });

  it('with the name mapped, imports everything in one go, remembers the alias, and a second import adds nothing', async () => {
    const { api, ids, count } = chapter();
    const mapped = file('report.xls', xls, { aliases: { 'Danny Ruiz': ids.Dana } });
    const result = ok<any>(await api.callAsync('importSlipsAudit', mapped));
    expect(result.created).toBe(7);
    expect([count('referrals'), count('tyfcb_slips'), count('one_to_ones'), count('visitors'), count('ceus')]).toEqual([2, 2, 1, 1, 1]);
    const meeting = ok<any[]>(api.call('listMeetings', {}))[0];
    expect(meeting).toMatchObject({ meetingOn: '2026-11-17', status: 'completed', slipCount: 7 });
    const sheet = ok<any>(api.call('getMeetingSheet', { meetingId: meeting.id }));
    expect(sheet.totals.tyfcbAmountMinor).toBe(155050);
    expect(sheet.slips.find((s: any) => s.kind === 'tyfcb' && s.tyfcbKind === 'tier3')).toMatchObject({ closerName: 'Priya Raman', referrerName: 'Lucía Fernández', business: 'repeat', amountMinor: 30000 });
    expect(sheet.slips.find((s: any) => s.kind === 'visitor')).toMatchObject({ name: 'Kara Lind', invitedByName: 'Dana Ruiz', company: 'Lind Roofing Co.' });

    // The alias is remembered: the same file previews clean, and everything is already there.
    const again = await preview(api, file('report.xls', xls));
    expect(again).toMatchObject({ unmatchedNames: [], problems: [], counts: { same: 7, new: 0, differs: 0 }, toCreate: { referral: 0, tyfcb: 0, one_to_one: 0, visitor: 0, ceu: 0 }, meetingStatus: 'completed', reasonRequired: false });
    expect(ok<any>(await api.callAsync('importSlipsAudit', file('report.xls', xls)))).toMatchObject({ created: 0, batchId: null });
    // The CSV of the same report is recognised as the same slips.
    expect((await preview(api, file('report.csv', csv))).counts.same).toBe(7);
    expect(count('referrals')).toBe(2);
  });

  it('every slip the import writes carries the moment of the import as its time of entry and of last change', async () => {
    const { api, ids, opened } = chapter();
    const started = new Date().toISOString();
    ok(await api.callAsync('importSlipsAudit', file('report.xls', xls, { aliases: { 'Danny Ruiz': ids.Dana } })));
    const ended = new Date().toISOString();
    const times = opened.sqlite
      .prepare(
        `SELECT created_at AS c, updated_at AS u FROM referrals UNION ALL SELECT created_at, updated_at FROM tyfcb_slips UNION ALL SELECT created_at, updated_at FROM one_to_ones
         UNION ALL SELECT created_at, updated_at FROM visitors UNION ALL SELECT created_at, updated_at FROM ceus UNION ALL SELECT created_at, updated_at FROM one_to_one_entered_order`,
      )
      .all() as Array<{ c: string; u: string }>;
    expect(times).toHaveLength(8);
    const stamps = new Set(times.flatMap((t) => [t.c, t.u]));
    expect(stamps.size).toBe(1);
    const [stamp] = [...stamps] as [string];
    // Written as the columns' own default writes it (strftime '%Y-%m-%dT%H:%M:%fZ'), so it sorts with slips typed at the meeting.
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(stamp >= started && stamp <= ended).toBe(true);
  });

  it('an .xlsx re-save of the report reads the same', async () => {
    const { api } = chapter();
    const rows = Papa.parse<string[]>(csv.toString('utf8')).data.filter((r) => r.length > 1);
    const xlsx = await writeXlsxFile(rows.map((r) => r.map((value) => ({ value })))).toBuffer();
    const p = await preview(api, file('report.xlsx', xlsx));
    expect(p).toMatchObject({ meetingOn: '2026-11-17', toCreate: { referral: 2, tyfcb: 2, one_to_one: 1, ceu: 1 }, unmatchedNames: ['Danny Ruiz'] });
  });
});

describe('a file that is not what it claims', () => {
  it.each([
    ['truncated XML', xls.subarray(0, 1500), /is not a complete spreadsheet file/],
    ['a CSV without the report header', Buffer.from('Name,Amount\nDana,12\n'), /is not a Slips Audit Report: no header row with From, To and Slip Type/],
    ['a binary file renamed .xls', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 9, 9]), /is not a spreadsheet \(it is a binary file\)/],
    ['an old binary Excel file', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), /old binary Excel file/],
    ['XML that is not a workbook', Buffer.from('<?xml version="1.0"?><html><body>hello</body></html>'), /is XML but not a spreadsheet/],
    ['an empty file', Buffer.alloc(0), /is empty/],
  ])('%s gets a plain message and changes nothing', async (_what, bytes, message) => {
    const { api, changes } = chapter();
    const before = changes();
    for (const method of ['previewSlipsAuditImport', 'importSlipsAudit']) {
      const result = await api.callAsync(method, file('report.xls', bytes));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(message);
      expect(!result.ok && result.error.message).not.toMatch(/\n\s+at /);
    }
    expect(changes()).toBe(before);
  });

  it('a 101 MB file is refused before it is read', async () => {
    const { api, changes } = chapter();
    const before = changes();
    const result = await api.callAsync('importSlipsAudit', { fileName: 'huge.xls', contentBase64: 'A'.repeat(Math.ceil((101 * 2 ** 20 * 4) / 3)) });
    expect(result).toMatchObject({ ok: false, error: { field: 'contentBase64', message: 'The file is too large to be a BNI Connect export (more than 100 MB). Nothing was imported.' } });
    expect(changes()).toBe(before);
  });

  it('a report without a date asks for the meeting date', async () => {
    const { api } = chapter();
    const undated = Buffer.from(csv.toString('utf8').replace('Slips Audit Report for 17/11/2026', 'Slips Audit Report'));
    expect((await preview(api, file('report.csv', undated))).meetingQuestion).toMatchObject({ blocking: true });
    expect(await api.callAsync('importSlipsAudit', file('report.csv', undated))).toMatchObject({ ok: false, error: { field: 'meetingOn' } });
    expect((await preview(api, file('report.csv', undated, { meetingOn: '2026-11-10' }))).meetingOn).toBe('2026-11-10');
  });
});

// A file as the secretary saves it from BNI Connect, with the columns the tester's file had.
const sheet = (lines: string[], title: string | null = 'Slips Audit Report for 2026-11-24') =>
  Buffer.from([...(title ? [title, 'Harbour Connectors', ''] : []), 'Date,Slip Type,From,To,Detail,Amount,New/Repeat,Inside/Outside', ...lines].join('\r\n'));

describe('amounts, new or repeat business and dates as the file writes them (a USD chapter)', () => {
  it('a TYFCB written in rupees or euros is a problem row naming the currency; dollars and plain numbers pass', async () => {
    const { api, count } = chapter();
    const p = await preview(
      api,
      file('f5.csv', sheet(['11/24/2026,TYFCB,Marcus Chen,Dana Ruiz,,"₹1,25,000",New,Outside', '11/24/2026,TYFCB,Dana Ruiz,Marcus Chen,,"1.250,50 €",New,Outside', '11/24/2026,TYFCB,Priya Raman,Dana Ruiz,,"$1,250.50",New,Outside', '11/24/2026,TYFCB,Dana Ruiz,Priya Raman,,"300 USD",New,Outside', '11/24/2026,TYFCB,Lucía Fernández,Dana Ruiz,,980.00,New,Outside'])),
    );
    expect(p.problems).toEqual([
      { row: 5, message: 'Row 5: the TYFCB amount ₹1,25,000 is in INR; this chapter keeps USD: fix the amount or skip the row.' },
      { row: 6, message: 'Row 6: the TYFCB amount 1.250,50 € is in EUR; this chapter keeps USD: fix the amount or skip the row.' },
    ]);
    expect(p.toCreate.tyfcb).toBe(3);
    await api.callAsync('importSlipsAudit', file('f5.csv', sheet(['11/24/2026,TYFCB,Marcus Chen,Dana Ruiz,,"₹1,25,000",New,Outside'])));
    expect(count('tyfcb_slips')).toBe(0);
  });

  it('a "Repeat" TYFCB is saved as repeat business, and a slip typed as new business shows as differing', async () => {
    const { api, opened } = chapter();
    const business = () => opened.sqlite.prepare('SELECT business FROM tyfcb_slips ORDER BY amount_minor').pluck().all();
    const rows = ['11/24/2026,TYFCB,Dana Ruiz,Marcus Chen,,"$3,100.00",Repeat,Inside', '11/24/2026,TYFCB,Marcus Chen,Dana Ruiz,,"$1,250.50",Neu,Outside'];
    ok(await api.callAsync('importSlipsAudit', file('f5.csv', sheet(rows))));
    expect(business()).toEqual(['new', 'repeat']);

    const typed = chapter();
    const meeting = ok<any>(typed.api.call('createMeeting', { meetingOn: '2026-11-24' }));
    ok(typed.api.call('saveTyfcb', { meetingId: meeting.id, closerId: typed.ids.Dana, referrerId: typed.ids.Marcus, amount: '3100.00', tyfcbKind: 'inside', business: 'new' }));
    const p = await preview(typed.api, file('f5.csv', sheet(rows.slice(0, 1))));
    expect(p.counts).toMatchObject({ differs: 1, new: 0, same: 0 });
    expect(p.lines[0].message).toBe('Differs: it is repeat business in the file and new business in the ledger; importing puts the file\'s values on the ledger\'s slip.');
    ok(await typed.api.callAsync('importSlipsAudit', file('f5.csv', sheet(rows.slice(0, 1)))));
    expect(typed.opened.sqlite.prepare('SELECT business FROM tyfcb_slips').pluck().get()).toBe('repeat');
  });

  it('a file without the "Slips Audit Report for" title line is for the meeting its rows are dated; rows of two dates ask for the meeting date', async () => {
    const { api, changes } = chapter();
    const rows = ['11/24/2026,TYFCB,Marcus Chen,Dana Ruiz,,"$1,250.50",New,Outside', '11/24/2026,One-to-One,Priya Raman,Dana Ruiz,,,,'];
    const p = await preview(api, file('f2.csv', sheet(rows, null)));
    expect(p).toMatchObject({ meetingOn: '2026-11-24', counts: { new: 2, problem: 0 } });
    const before = changes();
    const mixed = await api.callAsync('importSlipsAudit', file('f2.csv', sheet([...rows, '11/17/2026,Referral,Dana Ruiz,Marcus Chen,Oak Realty,,,Outside'], null)));
    expect(mixed).toMatchObject({ ok: false, error: { field: 'meetingOn', message: 'f2.csv does not say which meeting it is for: it has no title line with a date and its Date column holds 2 different dates. Enter the date of the meeting these slips are from before importing. Nothing was imported.' } });
    expect(changes()).toBe(before);
  });

  it('a row dated another day than the meeting is a problem row, and CEU credits of 1.5 in the Amount column say why they are refused', async () => {
    const { api } = chapter();
    const p = await preview(api, file('f5.csv', sheet(['11/24/2026,CEU,Dana Ruiz,,Podcast on referrals,1.5,,', '03/04/2026,Referral,Dana Ruiz,Marcus Chen,Birch Dental,,,Outside', '13/04/2026,Referral,Marcus Chen,Dana Ruiz,Pine Motors,,,Outside', '11/24/2026,Referral,Priya Raman,Dana Ruiz,Oak Realty,,,Outside'])));
    expect(p.problems).toEqual([
      { row: 5, message: 'Row 5: CEU credits are 1.5, but the ledger keeps whole credits (1 to 100): correct them or skip the row.' },
      { row: 6, message: "Row 6: its Date 03/04/2026 is not the meeting's date (2026-11-24): correct the date or skip the row." },
      { row: 7, message: "Row 7: its Date 13/04/2026 is not the meeting's date (2026-11-24): correct the date or skip the row." },
    ]);
    expect(p.counts).toMatchObject({ new: 1, problem: 3 });
  });
});
