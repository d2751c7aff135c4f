// The quarterly audit a president signs: who signs (from the leadership roles, names printed, on the
// summary page), what is still running (in progress on every page), what is due (renewals, overdue
// first), what became of the referrals (closing the loop), and times in the chapter's own time zone.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open';
import { sourceFontsDir } from '../../src/db/paths';
import { PDFDocument } from 'pdf-lib';
import { saveAllStatements } from '../../src/server/statement-jobs';
import { okValue as ok } from '../support/first-quarter';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';
import type { Registry } from '../../src/server/registry';

let api: Registry;
let db: Db;
const ids: Record<string, string> = {};

async function text(input: Record<string, unknown>, producedAt: string): Promise<string> {
  const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { producedAt, ...input }));
  return pdfText(Buffer.from(value.pdfBase64, 'base64'));
}

beforeAll(() => {
  const opened = openTestDb();
  db = opened.db;
  api = testRegistry(opened);
  const seats = smallChapter(opened);
  const chapter = ok(api.call('getChapter', {}));
  ok(api.call('saveChapter', { ...pick(chapter), timeZone: 'America/Los_Angeles' }));
  const seat = (name: string) => ok(api.call('saveClassification', { name, sphereId: null })).id as string;
  const add = (first: string, classificationId: string, extra: Record<string, unknown> = {}) => (ids[first] = ok(api.call('addMember', memberInput(classificationId, first, 'Lee', { joinedOn: '2025-01-01', ...extra }))).id);
  add('Pat', seats.florist, { leadershipRole: 'president', renewalDue: '2026-11-30' });
  add('Sam', seats.realEstate, { leadershipRole: 'secretary_treasurer', renewalDue: '2027-02-10' });
  add('Kim', seats.mortgage, { renewalDue: '2026-10-15' });
  add('Ray', seat('Dentist'), { renewalDue: '2027-05-01' });
  const meeting = ok(api.call('createMeeting', { meetingOn: '2026-10-07' })).id as string;
  for (const who of ['Pat', 'Sam', 'Kim', 'Ray']) ok(api.call('setAttendance', { meetingId: meeting, memberId: ids[who], mark: 'P', substituteName: '' }));
  const ref = (from: string, to: string, prospect: string) => ok(api.call('saveReferral', { meetingId: meeting, giverId: ids[from], receiverId: ids[to], prospectName: prospect })).id as string;
  const won = ref('Pat', 'Sam', 'Won prospect');
  const lost = ref('Pat', 'Kim', 'Lost prospect');
  ref('Pat', 'Ray', 'Open prospect');
  ok(api.call('saveTyfcb', { meetingId: meeting, closerId: ids.Sam, referrerId: ids.Pat, amount: '1200.00', referralId: won }));
  ok(api.call('saveTyfcb', { meetingId: meeting, closerId: ids.Kim, referrerId: ids.Ray, amount: '300.00' }));
  ok(api.call('closeMeeting', { meetingId: meeting }));
  ok(api.call('setReferralStatus', { id: lost, status: 'lost', lostReason: 'price', note: 'Went with a competitor' }));
});

function pick(chapter: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = chapter;
  return rest;
}

describe('the quarterly audit a president signs', () => {
  let audit: string;
  beforeAll(async () => {
    // Produced on 23 November at 04:32 UTC: still 22 November in California.
    audit = await text({ report: 'quarterly_audit', from: '2026-10-01' }, '2026-11-23T04:32:00.000Z');
  }, 60_000);

  it('marks every page of a quarter produced before it ends as in progress, with the day in California', () => {
    const pages = audit.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain('In progress: figures to Nov 22, 2026; the quarter ends Dec 31, 2026');
  });

  it("prints the production time in the chapter's time zone with its abbreviation", () => {
    expect(audit).toContain('Produced Nov 22, 2026, 8:32 PM PST');
    expect(audit).not.toContain('UTC');
  });

  it('puts the signatures, with the leadership team\u2019s names, on the summary page; a vacant role is marked', () => {
    const summary = audit.split('\f').find((p) => p.includes('Summary'))!;
    expect(summary).toContain('Signatures');
    expect(summary).toMatch(/Pat Lee\s+\(vacant\)\s+Sam Lee/);
    expect(summary).toMatch(/President\s+Vice President\s+Secretary\/Treasurer/);
  });

  it('lists renewals due this quarter or next, overdue ones first', () => {
    const flags = audit.slice(audit.indexOf('Renewals due this quarter or next'));
    const order = ['Kim Lee', 'Pat Lee', 'Sam Lee'].map((name) => flags.indexOf(name));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(flags).toMatch(/Kim Lee\s+2026-10-15\s+OVERDUE/);
    expect(flags).toMatch(/Pat Lee\s+2026-11-30\s+this quarter/);
    expect(flags).toMatch(/Sam Lee\s+2027-02-10\s+next quarter/);
    expect(flags.slice(0, flags.indexOf('Open seats'))).not.toContain('Ray Lee');
  });

  it('closes the loop: referrals given by outcome and TYFCB linked to a referral or not', () => {
    expect(audit).toMatch(/Won \(business closed\)\s+1\s+33\.3%/);
    expect(audit).toMatch(/Lost\s+1\s+33\.3%/);
    expect(audit).toMatch(/Still open \(new, contacted, meeting set\)\s+1\s+33\.3%/);
    expect(audit).toMatch(/Linked to a referral slip\s+1\s+\$1,200\.00/);
    expect(audit).toMatch(/Not linked to a referral\s+1\s+\$300\.00/);
  });

  it('a quarter produced after it ended carries no in-progress notice', async () => {
    const later = await text({ report: 'quarterly_audit', from: '2026-10-01' }, '2027-01-05T18:00:00.000Z');
    expect(later).not.toContain('In progress');
  });
});

describe("a member's statement closes the loop", () => {
  it('lists the referrals the member gave with what became of each', async () => {
    const statement = await text({ report: 'member_statement', memberId: ids.Pat, from: '2026-10-01', to: '2026-12-31' }, '2026-11-23T04:32:00.000Z');
    expect(statement).toContain('Closing the loop: referrals you gave (3)');
    expect(statement).toMatch(/2026-10-07\s+Sam Lee\s+Won prospect\s+won\s+\d{4}-\d{2}-\d{2}\s+\$1,200\.00/);
    expect(statement).toMatch(/Kim Lee\s+Lost prospect\s+lost\s+\d{4}-\d{2}-\d{2}\s+—/);
    expect(statement).toMatch(/Ray Lee\s+Open prospect\s+new/);
    expect(statement).toContain('1 won, 1 lost, 1 still open');
    // The open list below is not the period's three: it says it holds every open referral, given or received, any date.
    expect(statement).toMatch(/Open referrals given or received, any date \(\d+\)/);
    expect(statement).not.toMatch(/Open referrals \(\d+\)/);
    expect(statement).toContain('In progress: figures to Nov 22, 2026; the period ends Dec 31, 2026');
  }, 60_000);
});

describe("the chapter's time zone", () => {
  it('refuses a zone this computer does not know, naming the field, and keeps the saved one', () => {
    const chapter = ok(api.call('getChapter', {}));
    const result = api.call('saveChapter', { ...pick(chapter), timeZone: 'Mars/Olympus_Mons' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe('timeZone');
      expect(result.error.message).toMatch(/Time zone is not one this computer knows/);
    }
    expect(ok(api.call('getChapter', {})).timeZone).toBe('America/Los_Angeles');
  });

  it('is kept when a form leaves it out, so other settings never reset it', () => {
    const { timeZone: _tz, ...withoutZone } = pick(ok(api.call('getChapter', {})));
    ok(api.call('saveChapter', { ...withoutZone, absenceLimit: 4 }));
    expect(ok(api.call('getChapter', {})).timeZone).toBe('America/Los_Angeles');
  });
});

describe("every member's statement at once", () => {
  it('one PDF for printing: each member starts on a new page, in family-name order', async () => {
    const value = ok<{ fileName: string; pdfBase64: string }>(await api.callAsync('produceReport', { report: 'all_statements', from: '2026-10-01', to: '2026-12-31', producedAt: '2027-01-05T18:00:00.000Z' }));
    expect(value.fileName).toBe('Harbour-Connectors-statements-2026-Q4.pdf');
    const pages = pdfText(Buffer.from(value.pdfBase64, 'base64')).split('\f');
    // The member's name is the first line of the page its statement starts on.
    const starts = ['Kim Lee', 'Pat Lee', 'Ray Lee', 'Sam Lee'].map((name) => pages.findIndex((p) => p.split('\n').map((l) => l.trim()).filter(Boolean)[1] === name));
    expect(starts.every((i) => i >= 0)).toBe(true);
    expect(new Set(starts).size).toBe(4);
    for (const page of pages.filter((p) => p.trim())) expect(page).toContain('Member statements · 2026 Q4');
  }, 60_000);

  it('one PDF per member into a folder, named for the member and the quarter, plus the combined one', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'ledger-statements-'));
    const { folder, files } = await saveAllStatements(db, { from: '2026-10-01', to: '2026-12-31' }, parent, { fontsDir: sourceFontsDir, producedAt: new Date('2027-01-05T18:00:00.000Z') });
    expect(files.map((f) => f.name).sort()).toEqual(['All statements – 2026 Q4.pdf', 'Lee Kim – statement – 2026 Q4.pdf', 'Lee Pat – statement – 2026 Q4.pdf', 'Lee Ray – statement – 2026 Q4.pdf', 'Lee Sam – statement – 2026 Q4.pdf']);
    expect(readdirSync(folder).sort()).toEqual(files.map((f) => f.name).sort());
    expect(pdfText(readFileSync(path.join(folder, 'Lee Pat – statement – 2026 Q4.pdf')))).toContain('Closing the loop: referrals you gave (3)');
    // Each file's own title names its member (a PDF viewer's window, a mail attachment), the combined one the chapter.
    const title = async (name: string) => (await PDFDocument.load(readFileSync(path.join(folder, name)))).getTitle();
    expect(await title('Lee Pat – statement – 2026 Q4.pdf')).toBe('Member statement — Pat Lee — Harbour Connectors');
    expect(await title('All statements – 2026 Q4.pdf')).toBe('Member statements · 2026 Q4 — Harbour Connectors');
  }, 60_000);

  it('a period with no members says so, naming the field, and writes nothing', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'ledger-statements-'));
    await expect(saveAllStatements(db, { from: '2020-01-01', to: '2020-03-31' }, parent, { fontsDir: sourceFontsDir })).rejects.toMatchObject({ field: 'from', message: expect.stringMatching(/Nobody was a member between 2020-01-01 and 2020-03-31/) });
    expect(readdirSync(parent)).toEqual([]);
  });
});
