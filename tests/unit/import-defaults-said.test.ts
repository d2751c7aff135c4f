// A Slips Audit file does not give a referral's temperature, the day a one-to-one met, and sometimes inside or
// outside or new or repeat business. Nothing is filled in silently: the preview and the result say which value was
// recorded for how many rows, and each such slip says so in its note, where the secretary sees and changes it.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const ids: Record<string, string> = {};
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['Priya', 'Raman', 'Accountant']] as const) {
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(opened.db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const one = (sql: string) => opened.sqlite.prepare(sql).pluck().get();
  return { api, ids, one };
}
const night = Papa.unparse(
  [
    ['Slips Audit Report for 17/11/2026'],
    ['Harbour Connectors'],
    [''],
    ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'],
    ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family'],
    ['Marcus Chen', 'Dana Ruiz', 'Referral', '', '', '', 'Keystone staff'],
    ['Marcus Chen', 'Dana Ruiz', 'TYFCB', 'Outside', '$1,250.50', '', ''],
    ['Priya Raman', 'Dana Ruiz', 'One-to-One', '', '', '', 'Coffee at the harbour'],
  ],
  { newline: '\r\n' },
);
const input = { fileName: 'night.csv', contentBase64: Buffer.from(night).toString('base64') };
const said = [
  '2 referrals: temperature not in the file, recorded as 3 — change them on the Meeting screen.',
  '1 referral: inside or outside not in the file, recorded as outside — change it on the Meeting screen.',
  '1 TYFCB: new or repeat not in the file, recorded as new business — change it on the Meeting screen.',
  "1 one-to-one: the day they met is not in the file, recorded as the meeting's date (2026-11-17) — change it on the Meeting screen.",
];

describe('values the file does not give are said, never filled in silently', () => {
  it('the preview and the result say which value was recorded for how many rows; each slip says so in its note', async () => {
    const { api, one } = chapter();
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
    expect(preview.defaults).toEqual(said);
    const done = ok<any>(await (api as Registry).callAsync('importSlipsAudit', input));
    expect(done).toMatchObject({ created: 4, defaults: said });
    expect(one("SELECT note FROM referrals WHERE prospect_name = 'Alvarez family'")).toBe('Imported from BNI Connect: temperature not in the file, recorded as 3.');
    expect(one("SELECT note FROM referrals WHERE prospect_name = 'Keystone staff'")).toBe('Imported from BNI Connect: temperature not in the file, recorded as 3; inside or outside not in the file, recorded as outside.');
    expect(one('SELECT note FROM tyfcb_slips')).toBe('Imported from BNI Connect: new or repeat not in the file, recorded as new business.');
    // The file's own Detail stays first in the note.
    expect(one('SELECT note FROM one_to_ones')).toBe("Coffee at the harbour — Imported from BNI Connect: the day they met is not in the file, recorded as the meeting's date (2026-11-17).");

    // The same file again adds nothing and has nothing to say.
    const again = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
    expect(again).toMatchObject({ counts: { new: 0, same: 4 }, defaults: [] });
  });

  it('a slip typed by hand with its own temperature is matched, not given a default', async () => {
    const { api, ids } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    ok(api.call('saveReferral', { meetingId: meeting.id, giverId: ids.Dana, receiverId: ids.Marcus, referralKind: 'outside', temperature: 5, prospectName: 'Alvarez family' }));
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
    expect(preview.counts).toMatchObject({ same: 1, new: 3 });
    expect(preview.defaults[0]).toBe('1 referral: temperature not in the file, recorded as 3 — change it on the Meeting screen.');
  });

  it('in a long file every slip gets the note of its own row, whatever the rows around it lack (rows of every kind, interleaved, twice over)', async () => {
    const { api, one } = chapter();
    const kinds: string[][] = [
      ['Dana Ruiz', 'Marcus Chen', 'Referral', 'Outside', '', '', 'Alvarez family'],
      ['Marcus Chen', 'Dana Ruiz', 'Referral', '', '', '', 'Keystone staff'],
      ['Priya Raman', 'Dana Ruiz', 'Referral', 'Inside', '', '', ''],
      ['Marcus Chen', 'Priya Raman', 'TYFCB', 'Outside', '$1,250.50', '', ''],
      ['Marcus Chen', 'Dana Ruiz', 'TYFCB', '', '$80.00', '', 'Repeat order'],
      ['Dana Ruiz', 'Priya Raman', 'TYFCB', 'Inside', '$99.00', '', 'Repeat order'],
      ['Priya Raman', 'Marcus Chen', 'One-to-One', '', '', '', 'Coffee at the harbour'],
      ['Dana Ruiz', 'Marcus Chen', 'One-to-One', '', '', '', 'Met 16/11/2026'],
      ['Marcus Chen', 'Priya Raman', 'One-to-One', '', '', '', 'Met 20/11/2026'],
    ];
    const rows = [...kinds, ...kinds].map((r, i) => [...r.slice(0, 6), r[6] && !r[6].startsWith('Met') ? `${r[6]} ${i}` : r[6]!]);
    const file = Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ...rows], { newline: '\r\n' });
    // Four rows of the second half repeat the first half word for word (no Detail of their own to tell them apart, or a
    // one-to-one's date): asked about, then imported as slips of their own.
    const asked = ok<any>(await api.callAsync('previewSlipsAuditImport', { fileName: 'long.csv', contentBase64: Buffer.from(file).toString('base64') }));
    expect(asked.problems.map((p: { row: number }) => p.row)).toEqual([16, 17, 21, 22]);
    const done = ok<any>(await api.callAsync('importSlipsAudit', { fileName: 'long.csv', contentBase64: Buffer.from(file).toString('base64'), repeats: [16, 17, 21, 22] }));
    expect(done.created).toBe(18);
    const mark = (words: string[]) => `Imported from BNI Connect: ${words.join('; ')}.`;
    const temp = 'temperature not in the file, recorded as 3';
    const io = 'inside or outside not in the file, recorded as outside';
    for (const i of [0, 9]) {
      expect(one(`SELECT note FROM referrals WHERE prospect_name = 'Alvarez family ${i}'`)).toBe(mark([temp]));
      expect(one(`SELECT note FROM referrals WHERE prospect_name = 'Keystone staff ${i + 1}'`)).toBe(mark([temp, io]));
      expect(one(`SELECT note FROM tyfcb_slips WHERE amount_minor = 8000 AND note LIKE 'Repeat order ${i + 4} %'`)).toBe(`Repeat order ${i + 4} — ${mark(['new or repeat not in the file, recorded as repeat business (the Detail says repeat)', io])}`);
      expect(one(`SELECT note FROM tyfcb_slips WHERE amount_minor = 9900 AND note LIKE 'Repeat order ${i + 5} %'`)).toBe(`Repeat order ${i + 5} — ${mark(['new or repeat not in the file, recorded as repeat business (the Detail says repeat)'])}`);
      expect(one(`SELECT note FROM one_to_ones WHERE note LIKE 'Coffee at the harbour ${i + 6} %'`)).toBe(`Coffee at the harbour ${i + 6} — ${mark(["the day they met is not in the file, recorded as the meeting's date (2026-11-17)"])}`);
    }
    expect(one("SELECT count(*) FROM referrals WHERE prospect_name = 'From BNI Connect' AND note = 'Imported from BNI Connect: temperature not in the file, recorded as 3; no prospect in the file, recorded as \"From BNI Connect\".'")).toBe(2);
    expect(one("SELECT count(*) FROM tyfcb_slips WHERE amount_minor = 125050 AND note = 'Imported from BNI Connect: new or repeat not in the file, recorded as new business.'")).toBe(2);
    expect(one("SELECT count(*) FROM one_to_ones WHERE met_on = '2026-11-16' AND note = 'Met 16/11/2026'")).toBe(2);
    expect(one("SELECT count(*) FROM one_to_ones WHERE met_on = '2026-11-17' AND note = 'Met 20/11/2026 — Imported from BNI Connect: the day they met in the file is after the meeting, recorded as the meeting''s date (2026-11-17).'")).toBe(2);
    expect(done.defaults).toEqual([
      '6 referrals: temperature not in the file, recorded as 3 — change them on the Meeting screen.',
      '2 referrals: inside or outside not in the file, recorded as outside — change them on the Meeting screen.',
      '2 referrals: no prospect in the file, recorded as "From BNI Connect" — change them on the Meeting screen.',
      '2 TYFCBs: new or repeat not in the file, recorded as new business — change them on the Meeting screen.',
      '4 TYFCBs: new or repeat not in the file, recorded as repeat business (the Detail says repeat) — change them on the Meeting screen.',
      '2 TYFCBs: inside or outside not in the file, recorded as outside — change them on the Meeting screen.',
      "2 one-to-ones: the day they met is not in the file, recorded as the meeting's date (2026-11-17) — change them on the Meeting screen.",
      "2 one-to-ones: the day they met in the file is after the meeting, recorded as the meeting's date (2026-11-17) — change them on the Meeting screen.",
    ]);
  });
});
