// The PALMS check never claims agreement when it compared nobody.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { buildFirstQuarter, okValue as ok } from '../support/first-quarter';

const q1 = { fileName: 'palms-q1-2026.xls', contentBase64: readFileSync('tests/fixtures/palms-q1-2026.xls').toString('base64') };

describe('the headline of the PALMS check', () => {
  it("another chapter's report (no name matches a member) says so plainly, and does not say 'no difference'", async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    saveChapter(opened.db, { name: 'Riverside Business Builders', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
    addMember(opened.db, { firstName: 'Priya', lastName: 'Raman', company: '', classificationId: saveClassification(opened.db, { name: 'Accountant', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    const result = ok<any>(await api.callAsync('reconcilePalms', q1));
    expect(result.compared).toBe(0);
    expect(result.headline).toBe("2026-01-01 to 2026-03-31: no name in this file matched a member of this chapter, so nothing was compared. Is it another chapter's report, or the wrong file?");
    expect(result.headline).not.toMatch(/no difference/);
  });

  it('a report of the right chapter says how many members were compared and how many figures differ', async () => {
    const { api } = buildFirstQuarter();
    expect(ok<any>(await api.callAsync('reconcilePalms', q1)).headline).toBe('2026-01-01 to 2026-03-31: 2 differences across 3 members compared.');
    const own = ok<any>(api.call('palmsCsv', { from: '2026-01-01', to: '2026-03-31' }));
    const same = ok<any>(await api.callAsync('reconcilePalms', { fileName: own.fileName, contentBase64: Buffer.from(own.csv).toString('base64') }));
    expect(same.headline).toBe('2026-01-01 to 2026-03-31: no difference across 4 members compared.');
  });

  it('a report that lists nobody says so', async () => {
    const { api } = buildFirstQuarter();
    const empty = 'Chapter Summary PALMS Report\r\nFrom,2026-01-01\r\nTo,2026-03-31\r\n\r\nFirst Name,Last Name,P,A,L,M,S,RGI,RGO,RRI,RRO,V,1-2-1,TYFCB,CEU\r\n';
    const result = ok<any>(await api.callAsync('reconcilePalms', { fileName: 'palms.csv', contentBase64: Buffer.from(empty).toString('base64') }));
    expect(result.headline).toBe('2026-01-01 to 2026-03-31: the file lists no members, so nothing was compared.');
  });
});
