// The secretary fixed a $0 TYFCB to 500 and a CEU with no credits to 1 in the preview, and imported. Choosing the
// same file again shows both rows in the ledger, as fixed then — not as problems to fix a second time.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

describe('rows fixed in place at an import are in the ledger the next time the same file is chosen', () => {
  it('a $0 TYFCB fixed to 500 and a CEU fixed to 1 credit come back "fixed at the import of <date>"; after undoing that import they are problems again', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    saveChapter(opened.db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
    for (const [first, last, seat] of [['Brian', 'Kowalski', 'Plumber'], ['Oliver', 'Grant', 'Electrician']] as const) {
      addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId: saveClassification(opened.db, { name: seat, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    }
    const csv = Papa.unparse([['Slips Audit Report for 11/17/2026'], ['Harbour Connectors'], [''], ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'], ['Brian Kowalski', 'Oliver Grant', 'TYFCB', 'Outside', '$0.00', '', 'Boiler job'], ['Oliver Grant', '', 'CEU', '', '', '', 'Podcast'], ['Brian Kowalski', 'Oliver Grant', 'Referral', 'Outside', '', '', 'Alvarez family']]);
    const input = { fileName: 'slips.csv', contentBase64: Buffer.from(csv).toString('base64') };
    const first = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
    expect(first.counts).toMatchObject({ problem: 2, new: 1 });
    const fixes = { '5': { amount: '500' }, '6': { credits: '1' } };
    const done = ok<any>(await api.callAsync('importSlipsAudit', { ...input, fixes }));
    expect(done.created).toBe(3);

    const today = new Date().toISOString().slice(0, 10);
    const again = ok<any>(await api.callAsync('previewSlipsAuditImport', input));
    expect(again.counts).toMatchObject({ problem: 0, new: 0, same: 3 });
    const row = (n: number) => again.lines.find((l: any) => l.row === n);
    expect(row(5)).toMatchObject({ kind: 'same', message: `Already in the ledger: fixed at the import of ${today} as $500.00.` });
    expect(row(6)).toMatchObject({ kind: 'same', message: `Already in the ledger: fixed at the import of ${today} as 1 credit.` });
    // Importing it again adds nothing.
    expect(ok<any>(await api.callAsync('importSlipsAudit', input)).created).toBe(0);
    expect(opened.sqlite.prepare('SELECT count(*) FROM tyfcb_slips WHERE deleted_at IS NULL').pluck().get()).toBe(1);

    // Once that import is undone the slips are gone, and the rows are problems to fix again.
    ok(await api.callAsync('undoImport', { batchId: done.batchId, reason: 'start over' }));
    expect(ok<any>(await api.callAsync('previewSlipsAuditImport', input)).counts).toMatchObject({ problem: 2, new: 1 });
  });
});
