// A one-to-one from the Slips Audit file keeps the file's order: From "Brian Kowalski", To "Oliver Grant" shows as
// "Brian Kowalski & Oliver Grant" on the Meeting screen, as the preview showed it and as a typed slip would.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { listMeetingSlips } from '../../src/services/slips';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Brian', 'Kowalski', 'Plumber'], ['Oliver', 'Grant', 'Electrician']] as const) {
    addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(opened.db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  return { api, opened };
}
const file = (day: string, from: string, to: string, detail = 'Coffee') =>
  ({ fileName: `${day}.csv`, contentBase64: Buffer.from(Papa.unparse([[`Slips Audit Report for ${day}`], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], [from, to, 'One-to-One', '', '', '', detail]])).toString('base64') });

describe('an imported one-to-one keeps the order the file gives', () => {
  it('From Brian, To Oliver shows "Brian Kowalski & Oliver Grant"; the next week From Oliver, To Brian shows Oliver first', async () => {
    const { api, opened } = chapter();
    // Two weeks, the two members swapped: whichever of them the ledger's ids put first, one week would show reversed.
    for (const [day, from, to] of [['2026-11-17', 'Brian Kowalski', 'Oliver Grant'], ['2026-11-24', 'Oliver Grant', 'Brian Kowalski']] as const) {
      const input = file(day, from, to);
      const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
      expect(preview.counts.new).toBe(1);
      const done = ok<any>(await api.callAsync('importSlipsAudit', input));
      expect(done.created).toBe(1);
      const meetingId = opened.sqlite.prepare('SELECT id FROM meetings WHERE meeting_on = ?').pluck().get(day) as string;
      const [slip] = listMeetingSlips(opened.db, meetingId) as any[];
      expect(`${slip.memberAName} & ${slip.memberBName}`).toBe(`${from} & ${to}`);
      // The same file again finds it in the ledger.
      expect(ok<any>(await api.callAsync('previewSlipsAuditImport', input)).counts).toMatchObject({ same: 1, new: 0 });
    }
  });

  it('undoing the import removes the one-to-one and the meeting it made, order and all', async () => {
    const { api, opened } = chapter();
    const done = ok<any>(await api.callAsync('importSlipsAudit', file('2026-11-17', 'Brian Kowalski', 'Oliver Grant')));
    ok(await api.callAsync('undoImport', { batchId: done.batchId, reason: 'wrong file' }));
    const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM one_to_ones')).toBe(0);
    expect(count('SELECT count(*) FROM one_to_one_entered_order')).toBe(0);
    expect(count("SELECT count(*) FROM meetings WHERE meeting_on = '2026-11-17'")).toBe(0);
  });

  it('a Detail saying "Met 11/16/2026" gives the day they met, read in the file\'s own day/month order; without one the meeting\'s date is used and the note says so', async () => {
    const { api, opened } = chapter();
    const one = (sql: string, ...args: unknown[]) => opened.sqlite.prepare(sql).get(...args) as { met_on: string; note: string };
    // Month first (the title's 11/17/2026 says so).
    const us = file('11/17/2026', 'Brian Kowalski', 'Oliver Grant', 'Met 11/16/2026');
    expect(ok<any>(await api.callAsync('previewSlipsAuditImport', us)).defaults).toEqual([]);
    ok(await api.callAsync('importSlipsAudit', us));
    expect(one("SELECT o.met_on, o.note FROM one_to_ones o JOIN meetings m ON m.id = o.meeting_id WHERE m.meeting_on = '2026-11-17'")).toEqual({ met_on: '2026-11-16', note: 'Met 11/16/2026' });
    // Day first (the title's 24/11/2026): "Met 05/11/2026" is the fifth of November, not the eleventh of May.
    ok(await api.callAsync('importSlipsAudit', file('24/11/2026', 'Oliver Grant', 'Brian Kowalski', 'Met 05/11/2026 for lunch')));
    expect(one("SELECT o.met_on FROM one_to_ones o JOIN meetings m ON m.id = o.meeting_id WHERE m.meeting_on = '2026-11-24'").met_on).toBe('2026-11-05');
    // No date in the Detail: the meeting's date, said in the note.
    ok(await api.callAsync('importSlipsAudit', file('2026-12-01', 'Brian Kowalski', 'Oliver Grant', 'Coffee')));
    expect(one("SELECT o.met_on, o.note FROM one_to_ones o JOIN meetings m ON m.id = o.meeting_id WHERE m.meeting_on = '2026-12-01'")).toEqual({ met_on: '2026-12-01', note: "Coffee — Imported from BNI Connect: the day they met is not in the file, recorded as the meeting's date (2026-12-01)." });
    // A day after the meeting ("Met 2026-11-12" on the slips of 2026-11-10) cannot be the day they met: the meeting's date,
    // and the note says the file's day was not taken (not that the file has none).
    const late = file('2026-11-10', 'Brian Kowalski', 'Oliver Grant', 'Met 2026-11-12');
    expect(ok<any>(await api.callAsync('previewSlipsAuditImport', late)).defaults.join(' ')).toContain('after the meeting');
    ok(await api.callAsync('importSlipsAudit', late));
    expect(one("SELECT o.met_on, o.note FROM one_to_ones o JOIN meetings m ON m.id = o.meeting_id WHERE m.meeting_on = '2026-11-10'")).toEqual({ met_on: '2026-11-10', note: "Met 2026-11-12 — Imported from BNI Connect: the day they met in the file is after the meeting, recorded as the meeting's date (2026-11-10)." });
  });
});
