// A Slips Audit row with someone outside the chapter whose name the file does not mark ("Tom Baker
// (Bay Builders)", "Sam Visitor"): the secretary says who they are in the preview — another chapter's
// member, a visitor, or BNI — as in the Meeting slip bar. The slip is kept as that party (never in the
// members' figures) and the answer is remembered for that spelling, like a member alias.
import { describe, expect, it } from 'vitest';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

// The fresh-eyes tester's file, as BNI Connect writes it (accents, a visitor, another chapter's member).
const file = `Slips Audit Report for 17/11/2026,,,,,,
Harbour Connectors,,,,,,
,,,,,,
From,To,Slip Type,Inside/Outside,TYFCB,CEU Credits,Detail
José Díaz,Dana Ruiz,Referral,Outside,,,Kitchen remodel lead
Jose Diaz,Marcus Chen,TYFCB,Outside,$400.00,,Thanks for the job
Dana Ruiz,Jose Diaz,One-to-One,,,,Lunch
Dana Ruiz,Tom Baker (Bay Builders),Referral,Outside,,,Referral to another chapter
Sam Visitor,Marcus Chen,Referral,Outside,,,Visitor gave a referral
Marcus Chen,Helen Grant,Visitor,,,,Grant Accounting
Lucia Fernandez,Priya Raman,TYFCB,Inside,75.25,,Small job
,,,,,,
Total,,,,$475.25,,
`;
// The file's title names Harbour Connectors (the neighbouring chapter's name on a shared export): said to be ours, except where that is what is tested.
const input = (extra: Record<string, unknown> = {}) => ({ fileName: 'slips-accents-outsiders.csv', contentBase64: Buffer.from(file).toString('base64'), anotherChapter: true, ...extra });
const tom = { kind: 'other_chapter', name: 'Tom Baker', chapterName: 'Bay Builders' } as const;
const sam = { kind: 'visitor', name: 'Sam Visitor', chapterName: '' } as const;

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Riverside Business Builders', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Dana', 'Ruiz', 'Realtor'], ['Marcus', 'Chen', 'Mortgage'], ['José', 'Díaz', 'Plumber'], ['Lucia', 'Fernandez', 'Florist'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  return { api, count };
}

describe('a name in the import that is someone outside the chapter', () => {
  it('can be said to be another chapter\'s member or a visitor: the slips are kept as those parties, not in members\' figures, and importing again adds 0', async () => {
    const { api, count } = chapter();
    const first = ok<any>(await api.callAsync('previewSlipsAuditImport', input()));
    expect(first.unmatchedNames).toEqual(['Sam Visitor', 'Tom Baker (Bay Builders)']);
    expect(first.counts).toMatchObject({ new: 5, problem: 2 });
    expect(first.problems.find((p: any) => p.row === 8).message).toBe('Row 8: "Tom Baker (Bay Builders)" (To) matches no member: map the name to a member or to someone outside the chapter (another chapter, a visitor, BNI), or skip the row.');

    const said = { outsiders: { 'Tom Baker (Bay Builders)': tom, 'Sam Visitor': sam } };
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', input(said)));
    expect(p.counts).toEqual({ same: 0, new: 7, differs: 0, problem: 0, skipped: 0 });
    expect(p.unmatchedNames).toEqual([]);
    const row = (n: number) => p.lines.find((l: any) => l.row === n);
    expect(row(8)).toMatchObject({ fromIs: 'Dana Ruiz', toIs: 'Tom Baker (Bay Builders chapter)' });
    expect(row(8).message).toContain('kept as that party, never counted as a member');
    expect(row(9)).toMatchObject({ fromIs: 'Sam Visitor (visitor)', toIs: 'Marcus Chen' });

    const done = ok<any>(await api.callAsync('importSlipsAudit', input({ ...said, reason: '' })));
    expect(done.created).toBe(7);
    expect(count("SELECT count(*) FROM outside_party_slips s JOIN outside_parties p ON p.id = s.party_id WHERE p.kind = 'other_chapter' AND p.name = 'Tom Baker' AND p.chapter_name = 'Bay Builders' AND s.direction = 'given'")).toBe(1);
    expect(count("SELECT count(*) FROM outside_party_slips s JOIN outside_parties p ON p.id = s.party_id WHERE p.kind = 'visitor' AND s.direction = 'received'")).toBe(1);
    // Only José's referral to Dana is between members.
    expect(count('SELECT count(*) FROM referrals')).toBe(1);

    const t = ok<any>(api.call('tallies', { from: '2026-10-01', to: '2026-12-31' }));
    const by = (first: string) => t.members.find((m: any) => m.firstName === first);
    expect(by('Dana')).toMatchObject({ rgo: 0, outsideRgo: 1 });
    expect(by('Marcus')).toMatchObject({ rro: 0, outsideRro: 1 });
    const matrix = ok<any>(api.call('referralMatrix', { from: '2026-10-01', to: '2026-12-31' }));
    // The matrix holds members only: one referral between them (José → Dana), none with Tom or Sam.
    expect(matrix.cells.reduce((n: number, c: any) => n + c.referrals, 0)).toBe(1);

    // The answers are remembered for those spellings: the same file next time asks nothing and adds 0.
    const again = ok<any>(await api.callAsync('previewSlipsAuditImport', input()));
    expect(again.unmatchedNames).toEqual([]);
    expect(again.counts).toEqual({ same: 7, new: 0, differs: 0, problem: 0, skipped: 0 });
    expect(ok<any>(await api.callAsync('importSlipsAudit', input({ reason: 'Same file again' }))).created).toBe(0);
    expect(count('SELECT count(*) FROM outside_party_slips')).toBe(2);
    expect(count('SELECT count(*) FROM outside_parties')).toBe(2);
  });

  it('a name said to be BNI is the one BNI account', async () => {
    const { api, count } = chapter();
    const done = ok<any>(await api.callAsync('importSlipsAudit', input({ outsiders: { 'Tom Baker (Bay Builders)': { kind: 'bni', name: '', chapterName: '' } }, skipRows: [9] })));
    expect(done.created).toBe(6);
    expect(count("SELECT count(*) FROM outside_party_slips s JOIN outside_parties p ON p.id = s.party_id WHERE p.kind = 'bni'")).toBe(1);
  });

  it("another chapter's member without their chapter is refused under that name, and nothing is imported", async () => {
    const { api, count } = chapter();
    const r = await api.callAsync('importSlipsAudit', input({ outsiders: { 'Tom Baker (Bay Builders)': { kind: 'other_chapter', name: 'Tom Baker', chapterName: '  ' } }, skipRows: [9] }));
    expect(r.ok).toBe(false);
    expect((r as any).error).toMatchObject({ field: 'outsiders.Tom Baker (Bay Builders).chapterName', message: 'Enter the chapter Tom Baker belongs to (e.g. BNI Harbour).' });
    expect(count('SELECT count(*) FROM meetings') + count('SELECT count(*) FROM referrals') + count('SELECT count(*) FROM outside_party_aliases')).toBe(0);
  });

  it("a member of this chapter said to be an outsider is a problem row that says so; a member's own name stays that member", async () => {
    const { api } = chapter();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', input({ outsiders: { 'Tom Baker (Bay Builders)': { kind: 'other_chapter', name: 'Priya Raman', chapterName: 'Bay Builders' }, 'Sam Visitor': sam, 'Marcus Chen': sam } })));
    // "Marcus Chen" is a member: the member wins, never turned into an outsider.
    expect(p.lines.find((l: any) => l.row === 10)).toMatchObject({ kind: 'new', fromIs: 'Marcus Chen' });
    expect(p.problems.map((x: any) => x.row)).toEqual([8]);
    expect(p.problems[0].message).toContain("Priya Raman is a member of this chapter, but the file marks them as another chapter's member");
  });

  it("a file whose title names another chapter is previewed with a warning, and imported only once the secretary says it is theirs; the same chapter however written is not warned about", async () => {
    const { api, count } = chapter();
    const p = ok<any>(await api.callAsync('previewSlipsAuditImport', input({ skipRows: [8, 9] })));
    expect(p.chapterWarning).toBe('This file is for Harbour Connectors; the open chapter is Riverside Business Builders. Check that this is the right file (or the right chapter file is open) before importing.');
    const slips = () => count('SELECT (SELECT count(*) FROM referrals) + (SELECT count(*) FROM tyfcb_slips) + (SELECT count(*) FROM one_to_ones) + (SELECT count(*) FROM visitors) + (SELECT count(*) FROM ceus) + (SELECT count(*) FROM outside_party_slips) + (SELECT count(*) FROM meetings)');
    const before = slips();
    // Not said: refused with what to do, and nothing written.
    const refused = await api.callAsync('importSlipsAudit', input({ skipRows: [8, 9], anotherChapter: undefined }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.field).toBe('anotherChapter');
      expect(refused.error.message).toBe('This file is for Harbour Connectors; the open chapter is Riverside Business Builders. Nothing was imported. If it is the right file, tick "It is our file: import it into this chapter anyway" and import again; if not, choose this chapter\'s file (or open the right chapter file).');
    }
    expect(slips()).toBe(before);
    expect(ok<any>(await api.callAsync('importSlipsAudit', input({ skipRows: [8, 9], anotherChapter: true }))).created).toBe(5);
    // The audit log (and the quarterly audit's amendments) says whose file it was and on whose word it came in.
    const [entry] = ok<any[]>(api.call('listAuditLog', { entity: 'import_batch' }));
    expect(entry.summary).toMatch(/: 5 slips \(.*\)\. This file is for Harbour Connectors; the open chapter is Riverside Business Builders\. Imported on the secretary's word that it is this chapter's file\.$/);
    const ours = (title: string) => ({ fileName: 'ours.csv', contentBase64: Buffer.from(file.replace('Harbour Connectors,,,,,,', title)).toString('base64'), skipRows: [8, 9] });
    expect(ok<any>(await api.callAsync('previewSlipsAuditImport', ours('BNI riverside business builders Chapter,,,,,,'))).chapterWarning).toBeNull();
    expect(ok<any>(await api.callAsync('previewSlipsAuditImport', ours(',,,,,,'))).chapterWarning).toBeNull();
  });
});
