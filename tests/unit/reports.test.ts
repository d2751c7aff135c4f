import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceFontsDir } from '../../src/db/paths';
import { renderPdf } from '../../src/reports/render';
import type { Registry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';
import { addMember } from '../../src/services/members';
import { saveClassification } from '../../src/services/classifications';
import { saveChapter } from '../../src/services/chapter';
import { chapterTotals, memberTallies } from '../../src/services/tallies';
import { formatMoney } from '../../src/shared/money';
import { openTestDb, testRegistry } from '../support/db';
import { pageCount, pdfText } from '../support/pdf-text';
import { buildFirstQuarter, okValue as ok } from '../support/first-quarter';

const producedAt = '2026-04-02T09:30:00.000Z';

async function produce(api: Registry, input: Record<string, unknown>): Promise<{ fileName: string; bytes: Buffer }> {
  const value = ok<{ fileName: string; pdfBase64: string }>(await api.callAsync('produceReport', { producedAt, ...input }));
  return { fileName: value.fileName, bytes: Buffer.from(value.pdfBase64, 'base64') };
}

let quarter: ReturnType<typeof buildFirstQuarter>;
beforeAll(() => {
  quarter = buildFirstQuarter();
});
const q1 = { from: '2026-01-01', to: '2026-03-31' };

describe('the quarterly audit report', () => {
  it('reconciles with the tallies service to the cent', async () => {
    const { bytes, fileName } = await produce(quarter.api, { report: 'quarterly_audit', from: '2026-02-11' });
    expect(fileName).toBe('Harbour-Connectors-audit-Q1-2026.pdf');
    const text = pdfText(bytes);
    const totals = chapterTotals(quarter.opened.db, q1);
    const money = (minor: number) => formatMoney(minor, 'USD', 'en-US');
    // Worked by hand in tests/support/first-quarter.ts: $1,650.49 of TYFCB, 3 meetings, 1 cancelled.
    expect(money(totals.tyfcbMinor)).toBe('$1,650.49');
    // The previous quarter (Q4 2025) had no meeting: it says so instead of comparing with zeros.
    expect(text).toMatch(/Meetings held\s+3\s+no meetings\s+—/);
    expect(text).toMatch(/Meetings cancelled\s+1\s+no meetings\s+—/);
    expect(text).toMatch(/TYFCB\s+\$1,650\.49\s+no meetings\s+—/);
    expect(text).toMatch(/Referrals inside\s+2\s+no meetings/);
    expect(text).toMatch(/Referrals outside\s+5\s+no meetings/);
    expect(text).toMatch(/Attendance rate \(P, L, S of all marks\)\s+75\.0%\s+no meetings\s+—/);
    expect(text).not.toContain(" pts");
    // Attendance rate: P, L, S of all marks = (7 + 1 + 1) / 12.
    expect(text).toMatch(/Attendance rate \(P, L, S of all marks\)\s+75\.0%/);
    // The per-member table is the tallies service's, row by row, with the chapter total.
    for (const m of memberTallies(quarter.opened.db, q1)) {
      const figures = [m.p, m.a, m.l, m.m, m.s, m.rgi, m.rgo, m.rri, m.rro, m.visitors, m.oneToOnes].join('\\s+');
      // A member who left is marked "(left)" after the name.
      expect(text).toMatch(new RegExp(`${m.firstName}\\s+Test(\\s+\\(left\\))?\\s+${figures}\\s+${money(m.tyfcbReceivedMinor).replace('$', '\\$')}\\s+${m.ceus}`));
    }
    expect(text).toMatch(/Dan\s+Test \(left\)/);
    // The total row is the sum of each column; the note says what the chapter counts beyond it.
    expect(text).toMatch(/Total\s+\(sum of rows\)\s+7\s+2\s+1\s+1\s+1\s+2\s+5\s+2\s+5\s+2\s+4\s+\$1,650\.49\s+3/);
    expect(text).toContain('1-2-1: 4 participations in 2 one-to-ones (each one-to-one counts for both members).');
    expect(text).toContain('V: 3 visitors came; 1 of them had no host member, so no row counts them.');
    expect(text).toContain('Data fingerprint');
    expect(text).toContain('President');
    expect(text).toContain('Secretary/Treasurer');
  });

  it("lists the quarter's amendments to closed meetings with their reasons", async () => {
    const { api, ids } = quarter;
    const meeting = ok<any[]>(api.call('listMeetings', {})).find((m) => m.meetingOn === '2026-01-14');
    const slip = ok<any>(api.call('getMeetingSheet', { meetingId: meeting.id })).slips.find((s: any) => s.kind === 'referral' && s.giverId === ids.Cat);
    ok(api.call('saveReferral', { id: slip.id, meetingId: meeting.id, giverId: ids.Cat, receiverId: ids.Dan, referralKind: 'outside', temperature: 1, prospectName: slip.prospectName, reason: 'Slip misread at the meeting' }));
    // The audit log's clock is today's; the report of today's quarter carries the amendment.
    const today = new Date().toISOString().slice(0, 10);
    const { bytes } = await produce(api, { report: 'quarterly_audit', from: today });
    const text = pdfText(bytes);
    expect(text).toContain('Slip misread at the meeting');
    expect(text).toMatch(/temperature 3 → 1/);
  });

  it('prints an amended TYFCB amount as the Audit log screen says it ($7,580.00 → $5,780.00), never a stored field like amountMinor', async () => {
    const { api } = quarter;
    const meetings = ok<any[]>(api.call('listMeetings', {})).filter((m) => m.status === 'completed');
    const found = meetings.map((m) => ({ m, slip: ok<any>(api.call('getMeetingSheet', { meetingId: m.id })).slips.find((s: any) => s.kind === 'tyfcb') })).find((x) => x.slip)!;
    const { m, slip } = found;
    ok(api.call('saveTyfcb', { id: slip.id, meetingId: m.id, closerId: slip.closerId, referrerId: slip.referrerId, amount: '7580.00', business: slip.business, reason: 'Typed from the wrong slip' }));
    ok(api.call('saveTyfcb', { id: slip.id, meetingId: m.id, closerId: slip.closerId, referrerId: slip.referrerId, amount: '5780.00', business: slip.business, reason: 'Digits swapped on the slip' }));
    const today = new Date().toISOString().slice(0, 10);
    const text = pdfText((await produce(api, { report: 'quarterly_audit', from: today })).bytes).replace(/\s+/g, ' ');
    expect(text).toContain('$7,580.00 → $5,780.00');
    expect(text).not.toMatch(/amountMinor|758000/);
    const screen = ok<any[]>(api.call('listAuditLog', { entity: 'tyfcb', limit: 5 })).find((e) => e.reason === 'Digits swapped on the slip');
    expect(screen.summary).toContain('$7,580.00 → $5,780.00');
  });

  it('is reproducible: the same data and production time give the same bytes', async () => {
    const first = await produce(quarter.api, { report: 'quarterly_audit', from: '2026-01-01' });
    const second = await produce(quarter.api, { report: 'quarterly_audit', from: '2026-01-01' });
    expect(createHash('sha256').update(second.bytes).digest('hex')).toBe(createHash('sha256').update(first.bytes).digest('hex'));
    const later = await produce(quarter.api, { report: 'quarterly_audit', from: '2026-01-01', producedAt: '2026-04-03T09:30:00.000Z' });
    expect(later.bytes.equals(first.bytes)).toBe(false);
  });
});

describe('the weekly meeting report', () => {
  it('gives attendance by letter with substitutes, every slip by type, and the week beside the year', async () => {
    const meetings = ok<any[]>(quarter.api.call('listMeetings', {}));
    const m1 = meetings.find((m) => m.meetingOn === '2026-01-07');
    const text = pdfText((await produce(quarter.api, { report: 'weekly_meeting', meetingId: m1.id })).bytes);
    expect(text).toMatch(/P — Present \(1\): Ann Test/);
    expect(text).toMatch(/A — Absent \(1\): Bob Test/);
    expect(text).toMatch(/S — Substitute \(1\): Dan Test \(substitute: Pat\)/);
    expect(text).toMatch(/Referrals \(3\)/);
    expect(text).toMatch(/Referrals \(inside \+ outside\)\s+3 \(1 \+ 2\)\s+3 \(1 \+ 2\)/);
    expect(text).not.toContain('DRAFT');
  });

  it('says DRAFT on every page of a meeting not yet closed', async () => {
    const draft = ok<any[]>(quarter.api.call('listMeetings', {})).find((m) => m.status === 'draft');
    const { bytes } = await produce(quarter.api, { report: 'weekly_meeting', meetingId: draft.id });
    for (let page = 1; page <= pageCount(bytes); page++) expect(pdfText(bytes, page)).toContain('DRAFT');
  });
});

describe('the slips audit, PALMS summary and member statement', () => {
  it('the slips audit lists every slip in BNI Connect columns with totals', async () => {
    const text = pdfText((await produce(quarter.api, { report: 'slips_audit', ...q1 })).bytes);
    expect(text).toMatch(/From\s+To\s+Slip Type\s+Inside\/Outside\s+TYFCB\s+CEU Credits\s+Detail/);
    expect(text).toMatch(/Bob Test\s+Ann Test\s+TYFCB\s+Outside\s+\$1,250\.50/);
    expect(text).toMatch(/7\s+3\s+\$1,650\.49\s+2\s+3\s+2\s+3/);
  });

  it('the PALMS summary is the per-member table with chapter totals', async () => {
    const text = pdfText((await produce(quarter.api, { report: 'palms_summary', ...q1 })).bytes);
    expect(text).toMatch(/Ann\s+Test\s+2\s+1\s+0\s+0\s+0\s+2\s+2\s+0\s+2\s+0\s+1\s+\$99\.99\s+1/);
    expect(text).toMatch(/Dan\s+Test \(left\)/);
  });

  it("a member's statement shows given and received, with whom", async () => {
    const text = pdfText((await produce(quarter.api, { report: 'member_statement', memberId: quarter.ids.Ann, ...q1 })).bytes);
    expect(text).toMatch(/Referrals\s+4\s+2\s+2/);
    expect(text).toMatch(/Closed business \(TYFCB\)\s+\$1,550\.50\s+\$99\.99\s+\$1,450\.51/);
    expect(text).toMatch(/Bob Test\s+3/);
  });
});

describe('money and names in any chapter', () => {
  it.each([
    ['USD', 'en-US', 26000000, '$260,000.00'],
    ['EUR', 'de-DE', 26000000, '260.000,00 €'],
    ['GBP', 'en-GB', 26000000, '£260,000.00'],
    ['INR', 'en-IN', 26000000, '₹2,60,000.00'],
  ])('%s (%s) amounts print as the locale writes them, and accented names survive', async (currency, locale, minor, printed) => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    saveChapter(opened.db, { name: 'Zürich Łódź Connect', region: '', meetingWeekday: 3, meetingTime: '07:00', currency, locale, absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
    const seat = (name: string) => saveClassification(opened.db, { name, sphereId: null }).id;
    const jose = addMember(opened.db, { firstName: 'José', lastName: 'Müller-Łukasz', company: 'Façade & Co', classificationId: seat('Auto'), phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    const zoe = addMember(opened.db, { firstName: 'Zoë', lastName: 'Ødegård', company: '', classificationId: seat('Law'), phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-18' }));
    ok(api.call('saveTyfcb', { meetingId: meeting.id, closerId: jose.id, referrerId: zoe.id, amount: (minor / 100).toFixed(2).replace('.', locale === 'de-DE' ? ',' : '.') }));
    const text = pdfText((await produce(api, { report: 'weekly_meeting', meetingId: meeting.id })).bytes);
    expect(text).toContain(printed.replace('\u00a0', ' '));
    expect(text).toContain('José Müller-Łukasz');
    expect(text).toContain('Zoë Ødegård');
    expect(text).toContain('Zürich Łódź Connect');
  });
});

describe('a 60-member chapter', () => {
  it("fits the quarter's matrix on one landscape page with every name", async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db, '2026-11-22');
    for (let i = 0; i < 30; i++) {
      addMember(opened.db, { firstName: `Extra${i}`, lastName: `Member${i}`, company: '', classificationId: saveClassification(opened.db, { name: `Extra seat ${i}`, sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null, confirmJoinDate: true });
    }
    const { bytes } = await produce(api, { report: 'quarterly_audit', from: '2026-10-01' });
    // Read once, split into pages (pdfText ends every page with a form feed).
    const pages = pdfText(bytes).split('\f');
    const matrixPage = pages.findIndex((p) => p.includes('Who referred whom'));
    const text = pages[matrixPage]!;
    const names = memberTallies(opened.db, { from: '2026-10-01', to: '2026-12-31' }).map((m) => m.name);
    expect(names.length).toBeGreaterThanOrEqual(59);
    for (const name of names) expect(text).toContain(name);
    // The page after the matrix is the flags page: the matrix did not spill over.
    expect(pages[matrixPage + 1]).toContain('Flags');
  }, 30_000);
});

describe('what a report may load', () => {
  it('fetches no URL and reads no file outside the fonts folder', async () => {
    await expect(renderPdf({ content: [{ image: 'https://example.com/logo.png' }], defaultStyle: { font: 'DejaVu' } }, { fontsDir: sourceFontsDir })).rejects.toThrow();
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }], defaultStyle: { font: 'DejaVu' } }, { fontsDir: sourceFontsDir })).rejects.toThrow();
  });
});

describe('names that look like code', () => {
  it('print as the text they are', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    saveChapter(opened.db, { name: '<b>Chapter</b>', region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
    const seat = saveClassification(opened.db, { name: 'Seat', sphereId: null }).id;
    addMember(opened.db, { firstName: '<script>alert(1)</script>', lastName: "O'Neil; DROP TABLE members", company: '', classificationId: seat, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
    const meeting = ok<any>(api.call('createMeeting', { meetingOn: '2026-11-18' }));
    const text = pdfText((await produce(api, { report: 'weekly_meeting', meetingId: meeting.id })).bytes);
    expect(text).toContain("<script>alert(1)</script> O'Neil; DROP TABLE members");
    expect(text).toContain('<b>Chapter</b>');
  });
});
