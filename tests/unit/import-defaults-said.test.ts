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
});
