// A Slips Audit file whose lines repeat word for word (a line copied twice while the file was tidied in a
// spreadsheet): BNI Connect lists each slip once, so the repeat is asked about, never imported as a second
// slip unasked — a $1,250.50 TYFCB must not be counted twice. The secretary may say it is another slip.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
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
  for (const [first, last, seat] of [['Chloé', 'Dubois', 'Realtor'], ['José', 'Müller-Łukasz', 'Mortgage'], ['王', '芳', 'Accountant']] as const) {
    ids[first] = addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(opened.db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  }
  const one = (sql: string) => opened.sqlite.prepare(sql).pluck().get();
  return { api, ids, one };
}

const lines = [
  ['Chloé Dubois', 'José Müller-Łukasz', 'Referral', 'Outside', '', '', 'Alvarez family'],
  ['José Müller-Łukasz', 'Chloé Dubois', 'TYFCB', 'Outside', '$1,250.50', '', ''],
  ['王 芳', 'Chloé Dubois', 'One-to-One', '', '', '', 'Coffee'],
  ['Chloé Dubois', '', 'CEU', '', '', '2', 'Webinar'],
];
// Rows 5–8 as above; rows 9–11 copy rows 5, 6 and 8; row 12 is the TYFCB again with another amount (a slip of its own).
const file = (extra: object = {}) => ({
  fileName: 'dec.csv',
  contentBase64: Buffer.from(
    Papa.unparse([['Slips Audit Report for 17/11/2026'], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ...lines, lines[0]!, lines[1]!, lines[3]!, ['José Müller-Łukasz', 'Chloé Dubois', 'TYFCB', 'Outside', '$80.00', '', '']], { newline: '\r\n' }),
  ).toString('base64'),
  ...extra,
});

describe('lines repeated word for word in one Slips Audit file', () => {
  it('are asked about in the preview and left out of the import: the TYFCB is counted once', async () => {
    const { api, one } = chapter();
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', file()));
    expect(preview.counts).toMatchObject({ new: 5, problem: 3 });
    expect(preview.problems).toEqual([
      { row: 9, message: 'Row 9 repeats row 5 word for word (a Referral from Chloé Dubois to José Müller-Łukasz). BNI Connect lists each slip once, so it is most likely a line copied twice: skip it, or choose "Another slip" if it is a second slip.' },
      { row: 10, message: 'Row 10 repeats row 6 word for word (a TYFCB of $1,250.50 from José Müller-Łukasz to Chloé Dubois). BNI Connect lists each slip once, so it is most likely a line copied twice: skip it, or choose "Another slip" if it is a second slip.' },
      { row: 11, message: 'Row 11 repeats row 8 word for word (a CEU of 2 credits by Chloé Dubois). BNI Connect lists each slip once, so it is most likely a line copied twice: skip it, or choose "Another slip" if it is a second slip.' },
    ]);
    expect(preview.lines.filter((l: { kind: string }) => l.kind === 'problem').map((l: { fix: string }) => l.fix)).toEqual(['repeat', 'repeat', 'repeat']);
    const done = ok<any>(await api.callAsync('importSlipsAudit', file()));
    expect(done.created).toBe(5);
    expect(one('SELECT sum(amount_minor) FROM tyfcb_slips')).toBe(125050 + 8000);
    expect(one('SELECT count(*) FROM referrals')).toBe(1);
    expect(one('SELECT sum(credits) FROM ceus')).toBe(2);
    // The same file again: the slips it made are in the ledger; the repeats are still asked, still left out.
    const again = ok<any>(await api.callAsync('previewSlipsAuditImport', file()));
    expect(again.counts).toMatchObject({ same: 5, new: 0, problem: 3 });
  });

  it('a repeat the secretary says is another slip is imported as one, and the file read again finds both in the ledger', async () => {
    const { api, one } = chapter();
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', file({ repeats: [10] })));
    expect(preview.counts).toMatchObject({ new: 6, problem: 2 });
    const done = ok<any>(await api.callAsync('importSlipsAudit', file({ repeats: [10] })));
    expect(done.created).toBe(6);
    expect(one('SELECT sum(amount_minor) FROM tyfcb_slips')).toBe(2 * 125050 + 8000);
    // Read again, each TYFCB row finds its own slip; only the two rows never imported are asked about.
    const again = ok<any>(await api.callAsync('previewSlipsAuditImport', file()));
    expect(again.counts).toMatchObject({ same: 6, new: 0, problem: 2 });
    expect(again.problems.map((p: { row: number }) => p.row)).toEqual([9, 11]);
  });

  it('a repeat of a slip typed at the meeting is asked about too; the typed slip stays the only one', async () => {
    const { api, ids, one } = chapter();
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-17' }));
    ok(api.call('saveTyfcb', { meetingId: meeting.id, closerId: ids['José'], referrerId: ids['Chloé'], amount: '1250.50', business: 'new', tyfcbKind: 'outside' }));
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', file()));
    expect(preview.counts).toMatchObject({ same: 1, new: 4, problem: 3 });
    ok<any>(await api.callAsync('importSlipsAudit', file()));
    expect(one('SELECT count(*) FROM tyfcb_slips WHERE amount_minor = 125050')).toBe(1);
  });

  it('rows that differ only in how the amount is written are not repeats ("1,250.50" and "1.250,50" are two lines)', async () => {
    const { api } = chapter();
    const rows = [
      ['José Müller-Łukasz', 'Chloé Dubois', 'TYFCB', 'Outside', '1,250.50', '', ''],
      ['José Müller-Łukasz', 'Chloé Dubois', 'TYFCB', 'Outside', '1.250,50', '', ''],
    ];
    const text = Papa.unparse([['Slips Audit Report for 17/11/2026'], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ...rows]);
    const preview = ok<any>(await api.callAsync('previewSlipsAuditImport', { fileName: 'two.csv', contentBase64: Buffer.from(text).toString('base64') }));
    expect(preview.counts).toMatchObject({ new: 2, problem: 0 });
  });
});
