// The renewal review pack the membership committee reads: 12 months month by month, reconciled with
// the member statement and the scorecard for the same member, and read back from the PDF.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import type { AbsenceLetter, Renewals } from '../../src/shared/contract';
import { getChapter, saveChapter } from '../../src/services/chapter';
import { loadDemoChapter } from '../../src/services/demo';
import { renewalPackData, type RenewalPackData } from '../../src/services/renewal-pack';
import { listOpenReferrals } from '../../src/services/referrals';
import { memberStatementData } from '../../src/services/reports';
import { scorecard } from '../../src/services/scorecard';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { closeWith, meeting, ok, refused } from '../support/leadership';
import { pageCount, pdfText } from '../support/pdf-text';

let opened: OpenedDatabase;
let api: Registry;
const producedAt = new Date('2026-11-20T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(producedAt);
  opened = openTestDb();
  api = testRegistry(opened);
});
afterEach(() => vi.useRealTimers());

/** What the statement and the scorecard say for the same member and period: the pack must agree. */
function expectReconciled(pack: RenewalPackData, scores: 'every month' | 'last month' = 'every month') {
  const statement = memberStatementData(opened.db, pack.member.id, pack.period, producedAt);
  const t = statement.tally;
  const zero = { p: 0, a: 0, l: 0, m: 0, s: 0, rgi: 0, rgo: 0, rri: 0, rro: 0, tyfcbGeneratedMinor: 0, tyfcbReceivedMinor: 0, oneToOnes: 0, visitors: 0, ceus: 0 };
  const s = t ?? zero;
  expect({
    p: pack.totals.p,
    a: pack.totals.a,
    l: pack.totals.l,
    m: pack.totals.m,
    s: pack.totals.s,
    given: pack.totals.referralsGiven,
    received: pack.totals.referralsReceived,
    generated: pack.totals.tyfcbGeneratedMinor,
    receivedMoney: pack.totals.tyfcbReceivedMinor,
    oneToOnes: pack.totals.oneToOnes,
    visitors: pack.totals.visitors,
    ceus: pack.totals.ceus,
  }).toEqual({
    p: s.p,
    a: s.a,
    l: s.l,
    m: s.m,
    s: s.s,
    given: s.rgi + s.rgo,
    received: s.rri + s.rro,
    generated: s.tyfcbGeneratedMinor,
    receivedMoney: s.tyfcbReceivedMinor,
    oneToOnes: s.oneToOnes,
    visitors: s.visitors,
    ceus: s.ceus,
  });
  // The month sums are the month rows: nothing counted twice between months.
  expect(pack.totals.meetings).toBe(pack.months.reduce((n, m) => n + m.meetings, 0));
  expect(pack.months.map((m) => m.marks).join('').length).toBe(pack.totals.meetings);
  // Each month's colour is the Scorecard screen's colour with that month as the period's last.
  for (const month of scores === 'every month' ? pack.months : pack.months.slice(-1)) {
    const mine = scorecard(opened.db, { endMonth: month.month }, pack.producedOn).members.find((m) => m.memberId === pack.member.id);
    expect(month.score, month.month).toEqual(mine ? { band: mine.band, bandLabel: mine.bandLabel, points: mine.points, maxPoints: mine.maxPoints, scored: mine.scored } : null);
  }
  expect(pack.openReferrals.map((r) => r.id)).toEqual(statement.openReferrals.map((r) => r.id));
}

async function packPdf(memberId: string): Promise<Uint8Array> {
  const result = await api.callAsync('renewalPackPdf', { memberId, producedAt: producedAt.toISOString() });
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from((result.value as { pdfBase64: string }).pdfBase64, 'base64');
}

describe('a renewal review pack for one member', () => {
  let dana: string;
  let marcus: string;
  let lee: string;

  beforeEach(() => {
    const seats = smallChapter(opened);
    const { id: _id, createdAt: _c, updatedAt: _u, ...chapter } = getChapter(opened.db)!;
    saveChapter(opened.db, { ...chapter, timeZone: 'Europe/London' });
    dana = ok<{ id: string }>(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz', { renewalDue: '2026-11-30' }))).id;
    marcus = ok<{ id: string }>(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { sponsorId: null }))).id;
    lee = ok<{ id: string }>(api.call('addMember', memberInput(seats.florist, '小龍', '李'))).id;

    // Last November: outside the 12 months (December to November).
    closeWith(api, meeting(api, '2025-11-26'), { [dana]: 'A' });
    closeWith(api, meeting(api, '2026-09-02'), { [dana]: 'A' });
    const sep9 = meeting(api, '2026-09-09');
    ok(api.call('saveReferral', { meetingId: sep9, giverId: dana, receiverId: marcus, prospectName: 'Harbour Bakery' }));
    ok(api.call('saveReferral', { meetingId: sep9, giverId: lee, receiverId: dana, prospectName: 'Pier Florists' }));
    ok(api.call('saveTyfcb', { meetingId: sep9, closerId: marcus, referrerId: dana, amount: '1250.50' }));
    ok(api.call('saveOneToOne', { meetingId: sep9, memberAId: lee, memberBId: dana }));
    ok(api.call('saveVisitor', { meetingId: sep9, name: 'Amara Obi', invitedById: dana }));
    ok(api.call('saveCeu', { meetingId: sep9, memberId: dana, credits: 2 }));
    closeWith(api, sep9, { [dana]: 'L' });
    closeWith(api, meeting(api, '2026-09-16'));
    closeWith(api, meeting(api, '2026-10-07'), { [dana]: 'A' });
    // The second absence in the window: a warning letter, reviewed and sent.
    const [warning] = ok<{ drafted: AbsenceLetter[] }>(api.call('draftAbsenceLetters', {})).drafted;
    ok(api.call('reviewAbsenceLetter', { id: warning!.id, reviewedBy: 'Nadia Haddad', reviewedOn: '2026-10-08' }));
    ok(api.call('markAbsenceLetterSent', { id: warning!.id, sentOn: '2026-10-09', sentHow: 'email' }));
    closeWith(api, meeting(api, '2026-10-14'), { [dana]: 'S' });
    const nov4 = meeting(api, '2026-11-04');
    ok(api.call('saveTyfcb', { meetingId: nov4, closerId: dana, referrerId: marcus, amount: '300' }));
    closeWith(api, nov4, { [dana]: 'M' });
    closeWith(api, meeting(api, '2026-11-11'));
    // Still open on the day of the pack: not counted anywhere.
    const nov18 = meeting(api, '2026-11-18');
    ok(api.call('saveReferral', { meetingId: nov18, giverId: dana, receiverId: marcus, prospectName: 'Not yet closed' }));
  });

  it('shows each month: PALMS with the letters in meeting order, referrals, TYFCB, one-to-ones, visitors brought, CEUs', () => {
    const pack = renewalPackData(opened.db, dana, producedAt);
    expect(pack.period).toEqual({ from: '2025-12-01', to: '2026-11-20' });
    expect(pack.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const [sep, oct, nov] = pack.months.slice(-3);
    expect(sep).toMatchObject({ meetings: 3, p: 1, a: 1, l: 1, m: 0, s: 0, marks: 'ALP', referralsGiven: 1, referralsReceived: 1, tyfcbGeneratedMinor: 125050, tyfcbReceivedMinor: 0, oneToOnes: 1, visitors: 1, ceus: 2, partial: false });
    expect(oct).toMatchObject({ meetings: 2, a: 1, s: 1, marks: 'AS' });
    expect(nov).toMatchObject({ meetings: 2, p: 1, m: 1, marks: 'MP', tyfcbReceivedMinor: 30000, referralsGiven: 0, partial: true });
    expect(pack.months[0]).toMatchObject({ meetings: 0, marks: '' });
    expect(pack.totals).toMatchObject({ meetings: 7, a: 2, referralsGiven: 1, tyfcbGeneratedMinor: 125050, tyfcbReceivedMinor: 30000 });
    expect(pack.letters.map((l) => [l.level, l.reachedOn, l.sentOn, l.sentHow])).toEqual([['warning', '2026-10-07', '2026-10-09', 'email']]);
    expect(pack.renewedDue).toBe('2027-11-30');
    expectReconciled(pack);
  });

  it('a renewal already overdue covers the 12 months up to its due date', () => {
    const { id: _i, ...member } = ok<any>(api.call('getMember', { id: dana })).member;
    ok(api.call('updateMember', { ...memberInput(member.classificationId, 'Dana', 'Ruiz', { renewalDue: '2026-10-10' }), id: dana }));
    const pack = renewalPackData(opened.db, dana, producedAt);
    expect(pack.period).toEqual({ from: '2025-11-01', to: '2026-10-10' });
    expect(pack.months[0]).toMatchObject({ month: '2025-11', a: 1, marks: 'A' });
    expect(pack.months.at(-1)).toMatchObject({ month: '2026-10', marks: 'A', partial: false });
    expectReconciled(pack);
  });

  it('an overdue renewal\'s pack still shows the attendance letter sent 3 days after the due date, and says its window in words', async () => {
    const { id: _i, ...member } = ok<any>(api.call('getMember', { id: dana })).member;
    ok(api.call('updateMember', { ...memberInput(member.classificationId, 'Dana', 'Ruiz', { renewalDue: '2026-10-06' }), id: dana }));
    const [letter] = ok<AbsenceLetter[]>(api.call('listAbsenceLetters', { memberId: dana }));
    const pack = renewalPackData(opened.db, dana, producedAt);
    expect(pack.period.to).toBe('2026-10-06');
    // Reached on 2026-10-07 and sent on 2026-10-09: both after the due date, both in the pack.
    expect(pack.letters.map((l) => [l.id, l.sentOn])).toEqual([[letter!.id, '2026-10-09']]);
    const overdue = await packPdf(dana);
    if (process.env.PACK_PDF_OVERDUE) writeFileSync(process.env.PACK_PDF_OVERDUE, overdue);
    const text = pdfText(overdue);
    expect(text).toContain('Figures to the due date; attendance letters and committee decisions up to Nov 20, 2026, the day this pack was produced.');
    expect(text).toMatch(/Oct 7, 2026\s+warning/);
  });

  it('prints as a PDF whose every figure reads back, with the decision fields to fill in', async () => {
    const bytes = await packPdf(dana);
    if (process.env.PACK_PDF) writeFileSync(process.env.PACK_PDF, bytes);
    expect(pageCount(bytes)).toBe(2);
    const first = pdfText(bytes, 1);
    expect(first).toContain('Renewal review: Dana Ruiz');
    expect(first).toContain('Renewal due Nov 30, 2026');
    expect(first).toMatch(/Sep 2026 3 1 1 1 0 0 ALP 1 1 \$1,250\.50 \$0\.00 1 1 2/);
    expect(first).toMatch(/Nov 2026 \(so far\) 2 1 0 0 1 0 MP 0 0 \$0\.00 \$300\.00 0 0 0/);
    expect(first).toMatch(/12 months 7 2 2 1 1 1 1 1 \$1,250\.50 \$300\.00 1 1 2/);
    expect(first).toContain('Scorecard trend');
    const second = pdfText(bytes, 2);
    expect(second).toMatch(/Attendance letters \(1\)/);
    expect(second).toMatch(/Oct 7, 2026 warning 2 sent Oct 9, 2026 e-mail/);
    expect(second).toContain('Pier Florists');
    expect(second).toContain(ok<any>(api.call('getMember', { id: lee })).member.fullName);
    expect(second).toContain("The committee's decision");
    expect(second).toContain('from Nov 30, 2026 to Nov 30, 2027');
    expect(second).toMatch(/Renew\s+☐ Renew with conditions\s+☐ Not renewed/);

    // The member statement for the same period prints the same money and the same attendance.
    const statement = await api.callAsync('produceReport', { report: 'member_statement', memberId: dana, from: '2025-12-01', to: '2026-11-20', producedAt: producedAt.toISOString() });
    if (!statement.ok) throw new Error(statement.error.message);
    const statementText = pdfText(Buffer.from((statement.value as { pdfBase64: string }).pdfBase64, 'base64'));
    expect(statementText).toMatch(/Closed business \(TYFCB\) \$1,250\.50 \$300\.00/);
    expect(statementText).toMatch(/Present Absent Late Medical Substitute One-to-ones Visitors CEUs\s+2 2 1 1 1 1 1 2/);
  });

  it('a member with 230 referrals still open from before the 12 months: all counted, the 20 most recent listed, the older ones said with their days (no silent cut at 200)', async () => {
    // Two closed meetings before the 12 months, 115 referrals each still open (half given by 李小龍, half to him).
    for (const on of ['2025-09-03', '2025-10-01']) {
      const id = meeting(api, on);
      for (let i = 0; i < 115; i++) {
        const [giverId, receiverId] = i % 2 ? [lee, dana] : [dana, lee];
        ok(api.call('saveReferral', { meetingId: id, giverId, receiverId, prospectName: `Old prospect ${on} #${String(i + 1).padStart(3, '0')}` }));
      }
      closeWith(api, id);
    }
    const pack = renewalPackData(opened.db, dana, producedAt);
    expect(pack.period).toEqual({ from: '2025-12-01', to: '2026-11-20' });
    // 230 old ones + Harbour Bakery, Pier Florists (September) + Not yet closed (November's draft meeting).
    expect(pack.openReferralsTotal).toBe(233);
    expect(pack.openReferrals).toHaveLength(20);
    expect(pack.openReferrals.slice(-3).map((r) => r.prospectName)).toEqual(['Harbour Bakery', 'Pier Florists', 'Not yet closed']);
    // Topped up with the 17 most recent older ones (October 1st's), as the Open referrals screen orders every one.
    const every = listOpenReferrals(opened.db, { memberId: dana, status: 'open', olderThanDays: 0, limit: 500 }, '2026-11-20');
    expect(every).toHaveLength(233);
    expect(pack.openReferrals.map((r) => r.id)).toEqual(every.slice(-20).map((r) => r.id));
    expect(pack.openReferrals.slice(0, 17).every((r) => r.meetingOn === '2025-10-01')).toBe(true);
    const firstListed = pack.openReferrals[0]!.prospectName;
    const lastNotListed = every.at(-21)!.prospectName;
    expect(pack.openReferralsNotListed).toEqual({ count: 213, from: '2025-09-03', to: '2025-10-01' });
    expectReconciled(pack, 'last month');

    const bytes = await packPdf(dana);
    if (process.env.PACK_PDF_MANY) writeFileSync(process.env.PACK_PDF_MANY, bytes);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Open referrals given or received, any date (233)');
    expect(text).toContain('Listed: the 20 most recent, given Oct 1, 2025 or later. Not listed: 213 older ones, given Sep 3, 2025 to Oct 1, 2025, still open — the Open referrals screen in Chapter Ledger lists every one (choose Dana Ruiz as the member).');
    expect(text).toContain(firstListed);
    expect(text).not.toContain(lastNotListed);
    expect(text).toContain('Not yet closed');
  });

  it('a member who does not exist is refused naming the member, and nothing is printed', async () => {
    const result = await api.callAsync('renewalPackPdf', { memberId: 'no-such-member' });
    expect(refused(result as ReturnType<Registry['call']>)).toMatchObject({ field: 'memberId' });
  });
});

describe('the demo chapter', () => {
  it("every renewal on the radar has a pack that agrees with the member's statement and scorecard", async () => {
    loadDemoChapter(opened.db, '2026-11-20');
    const radar = ok<Renewals>(api.call('renewalsRadar', {}));
    expect(radar.rows.length).toBeGreaterThanOrEqual(5);
    for (const [i, row] of radar.rows.entries()) {
      const pack = renewalPackData(opened.db, row.memberId, producedAt);
      expect(pack.totals.meetings, row.name).toBeGreaterThan(0);
      expect(pack.months.filter((m) => m.score?.scored).length, row.name).toBeGreaterThan(0);
      // Every month's colour for the first; the last month's for the others (the scorecard is the slow part).
      expectReconciled(pack, i === 0 ? 'every month' : 'last month');
    }
    if (process.env.PACK_PDF_DEMO) writeFileSync(process.env.PACK_PDF_DEMO, await packPdf(radar.rows[0]!.memberId));
  });
});
