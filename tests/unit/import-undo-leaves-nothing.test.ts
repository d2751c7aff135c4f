// Undoing an import leaves the ledger as it was before it: a meeting the import created goes when
// nothing else was recorded in it, and a roster import whose members were used only by an import that
// was itself undone can be undone too. When something does hold on, the sentence says what.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const roster = ['First Name,Last Name,Classification,Joined On', 'Ana,Lima,Business Attorney,2025-01-15', 'Bo,Ek,Catering,2025-04-03'].join('\n');
const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
const night = [
  ['Ana Lima', 'Bo Ek', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['Bo Ek', 'Ana Lima', 'TYFCB', 'Outside', '1250.50', '', 'New'],
  ['Ana Lima', '', 'CEU', '', '', '2', 'Podcast'],
];
const slips = Papa.unparse([['Slips Audit Report for 2026-11-17'], ['Harbour Connectors'], [''], header, ...night], { newline: '\r\n' });
const input = (fileName: string, text: string, extra: object = {}) => ({ fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra });

function emptyChapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  return { opened, api, count };
}
const batchOf = (api: Registry, fileName: string) => ok<any[]>(api.call('listImports', {})).find((b) => b.fileName === fileName);

describe('undo leaves nothing of the import behind', () => {
  it('a new chapter: roster, then a slips file into a new meeting; undoing the slips removes the meeting it created, and then the roster can be undone too', async () => {
    const { opened, api, count } = emptyChapter();
    ok(await api.callAsync('importRoster', input('roster.csv', roster)));
    const done = ok<any>(await api.callAsync('importSlipsAudit', input('slips.csv', slips)));
    expect(done).toMatchObject({ created: 3, meetingOn: '2026-11-17', meetingStatus: 'completed' });
    expect(count('SELECT count(*) FROM meetings')).toBe(1);

    const undone = ok<any>(api.call('undoImport', { batchId: done.batchId, reason: 'Wrong week' }));
    expect(undone.message).toBe('The import of slips.csv is undone: 3 slips it created are deleted. The meeting it created (2026-11-17) is removed too: nothing else was recorded in it.');
    expect(count('SELECT count(*) FROM meetings')).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE entity = 'meeting' AND action = 'delete' AND reason LIKE 'Undo of the import of slips.csv (%): Wrong week'")).toBe(1);
    // The history still says which meeting the import was for.
    expect(batchOf(api, 'slips.csv')).toMatchObject({ meetingOn: '2026-11-17', closedMeetings: [] });

    const rosterUndone = ok<any>(api.call('undoImport', { batchId: batchOf(api, 'roster.csv').id }));
    expect(rosterUndone.message).toMatch(/^The import of roster\.csv is undone: 2 members it added are removed/);
    expect(count('SELECT count(*) FROM members')).toBe(0);
    expect(opened.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // And the slips file can be imported again later into a fresh meeting (after the roster again).
    ok(await api.callAsync('importRoster', input('roster.csv', roster)));
    expect(ok<any>(await api.callAsync('importSlipsAudit', input('slips.csv', slips))).created).toBe(3);
  });

  it('a meeting the import created stays when a slip was typed into it since, and the undo says why', async () => {
    const { api, count } = emptyChapter();
    ok(await api.callAsync('importRoster', input('roster.csv', roster)));
    const done = ok<any>(await api.callAsync('importSlipsAudit', input('slips.csv', slips)));
    const [ana, bo] = ok<any[]>(api.call('listMembers', { scope: 'all' })).sort((a, b) => a.firstName.localeCompare(b.firstName));
    const meetingId = count("SELECT id FROM meetings WHERE meeting_on = '2026-11-17'") as unknown as string;
    ok(api.call('saveOneToOne', { meetingId, memberAId: ana.id, memberBId: bo.id, reason: 'Typed late' }));
    const undone = ok<any>(api.call('undoImport', { batchId: done.batchId, reason: 'Wrong week' }));
    expect(undone.message).toBe('The import of slips.csv is undone: 3 slips it created are deleted. The meeting of 2026-11-17, which it created, stays in the ledger: other slips, attendance or follow-ups were recorded in it since.');
    expect(count('SELECT count(*) FROM meetings')).toBe(1);
    // The roster undo is refused, and the sentence names what holds each member.
    const refused = api.call('undoImport', { batchId: batchOf(api, 'roster.csv').id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Ana Lima (1 slip) and Bo Ek (1 slip) were added by this import and have records since, so the import cannot be taken back: delete those records first (or undo the import that brought them in), or mark each as a former member on the Members screen instead. Nothing was undone.' } });
    expect(count('SELECT count(*) FROM members')).toBe(2);
  });

  it('slips imported into a meeting typed before are deleted by the undo, the meeting stays; the roster whose members only those slips named can then be undone', async () => {
    const { opened, api, count } = emptyChapter();
    ok(await api.callAsync('importRoster', input('roster.csv', roster)));
    ok(api.call('createMeeting', { meetingOn: '2026-11-17', confirmDate: true }));
    const done = ok<any>(await api.callAsync('importSlipsAudit', input('slips.csv', slips)));
    const undone = ok<any>(api.call('undoImport', { batchId: done.batchId }));
    expect(undone.message).toBe('The import of slips.csv is undone: 3 slips it created are deleted. The meeting of 2026-11-17 stays in the ledger.');
    const rosterUndone = ok<any>(api.call('undoImport', { batchId: batchOf(api, 'roster.csv').id }));
    expect(rosterUndone.message).toMatch(/2 members it added are removed/);
    expect(count('SELECT count(*) FROM members')).toBe(0);
    expect(count('SELECT count(*) FROM referrals') + count('SELECT count(*) FROM tyfcb_slips') + count('SELECT count(*) FROM ceus')).toBe(0);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'delete' AND reason LIKE '%a slip of an import undone earlier, removed with the member it names'")).toBe(3);
    expect(count('SELECT count(*) FROM meetings')).toBe(1);
    expect(opened.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});
