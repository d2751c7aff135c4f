// A disputed TYFCB is shown apart everywhere until leadership resolves it: every total leaves it out and
// a "disputed: $X (n slips)" figure stands next to it (tallies, Reciprocity's matrix, PALMS, the meeting
// sheet, the weekly report, the quarterly audit, member statements). Resolved, it moves into the total
// (confirmed, corrected at its new amount) or stays out (removed).
//
// Figures from the hand-worked quarter (tests/support/outcomes-quarter.ts), with T4 (Bob's 250.00 slip
// thanking Ann, linked to R4, at M3 2026-02-04) under an open dispute raised by Bob:
//   Q1 TYFCB counted: T1 100000 + T3 50000 + T5 30000 + T6 9999 + T7 10000 (as corrected) = 199999; disputed T4 25000 (1 slip).
//   T2 (40.00) was removed by an earlier resolution: in neither figure.
//   Ann generated 100000 + 50000 + 30000 = 180000, disputed 25000 · Bob received T1 + T3 = 150000, disputed 25000.
//   Matrix Ann → Bob (referrer → closer): 150000 counted, 25000 disputed.
//   M3's sheet: T3 50000 + T5 30000 + T6 9999 + T7 10000 = 99999 counted, T4 25000 disputed.
//   Year to date at M3 (01-01 to 02-04) = the quarter's: 199999 and 25000.
//   Closing the loop: linked T1 + T3 = 150000 (2 slips), unlinked T5 + T6 + T7 = 49999 (3 slips), under dispute 1.
// Resolved: confirmed → 224999, nothing disputed; corrected to 150.00 → 214999; removed → 199999, nothing disputed.
import { describe, expect, it } from 'vitest';
import type { MeetingSheet, MemberTally, ReferralMatrix, Tallies } from '../../src/shared/contract';
import type { Registry } from '../../src/server/registry';
import { memberTrend } from '../../src/services/tallies';
import { okValue as ok } from '../support/first-quarter';
import { buildOutcomesQuarter, firstQuarter } from '../support/outcomes-quarter';
import { pdfText } from '../support/pdf-text';

const producedAt = '2026-04-02T09:30:00.000Z';
const explanation = 'A TYFCB slip one of its two members has disputed is left out of the totals';

async function pdf(api: Registry, input: Record<string, unknown>): Promise<string> {
  const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { producedAt, ...input }));
  // Squeezed to single spaces: cells read as "TYFCB $1,999.99" and wrapped sentences as one line.
  return pdfText(Buffer.from(value.pdfBase64, 'base64')).replace(/\s+/g, ' ');
}

// Each variant is built once (through the real services) and shared by the tests that read it.
const built = new Map<string, ReturnType<typeof buildOutcomesQuarter>>();
function quarter(resolution?: { resolution: 'confirmed' | 'corrected' | 'removed'; amount?: string }) {
  const key = JSON.stringify(resolution ?? null);
  if (!built.has(key)) built.set(key, build(resolution));
  return view(built.get(key)!);
}

function build(resolution?: { resolution: 'confirmed' | 'corrected' | 'removed'; amount?: string }) {
  const built = buildOutcomesQuarter();
  if (resolution) ok(built.api.call('resolveDispute', { id: built.ids.D4, resolvedOn: '2026-02-20', reason: 'Invoice checked with both members.', ...resolution }));
  return built;
}

function view(built: ReturnType<typeof buildOutcomesQuarter>) {
  const { api, ids } = built;
  const tallies = ok<Tallies>(api.call('tallies', firstQuarter));
  const member = (first: string) => tallies.members.find((m) => m.memberId === ids[first]) as MemberTally;
  const sheet = ok<MeetingSheet>(api.call('getMeetingSheet', { meetingId: ids['2026-02-04'] }));
  const matrix = ok<ReferralMatrix>(api.call('referralMatrix', firstQuarter));
  const cell = matrix.cells.find((c) => c.giverId === ids.Ann && c.receiverId === ids.Bob)!;
  return { ...built, tallies, member, sheet, cell };
}

describe('a disputed TYFCB in the tallies, Reciprocity and the meeting sheet', () => {
  it('leaves the disputed slip out of every total and shows it apart', () => {
    const q = quarter();
    expect(q.tallies.totals).toMatchObject({ tyfcbMinor: 199999, tyfcbDisputedMinor: 25000, tyfcbDisputedSlips: 1 });
    expect(q.member('Ann')).toMatchObject({ tyfcbGeneratedMinor: 180000, tyfcbGeneratedDisputedMinor: 25000, tyfcbGeneratedDisputedSlips: 1, tyfcbReceivedDisputedSlips: 0 });
    expect(q.member('Bob')).toMatchObject({ tyfcbReceivedMinor: 150000, tyfcbReceivedDisputedMinor: 25000, tyfcbReceivedDisputedSlips: 1, tyfcbGeneratedDisputedSlips: 0 });
    expect(q.cell).toMatchObject({ tyfcbMinor: 150000, tyfcbDisputedMinor: 25000 });
    expect(q.sheet.totals).toMatchObject({ tyfcb: 5, tyfcbAmountMinor: 99999, tyfcbDisputedAmountMinor: 25000, tyfcbDisputedSlips: 1 });
    expect(q.sheet.disputedTyfcbIds).toEqual([q.ids.T4]);
    const feb = memberTrend(q.opened.db, q.ids.Ann!, firstQuarter).months.find((m) => m.month === '2026-02')!;
    expect(feb.tyfcbGeneratedMinor).toBe(80000); // T3 + T5; T4 is disputed
  });

  it('a member’s own page says what is under dispute on both sides: the thanker (Bob, who closed it) and the member credited (Ann)', () => {
    // T4 M3 Ann ← Bob 250.00, disputed by Bob and still open: Bob received it, Ann generated it.
    // Bob's received total drops from 1,750.00 to 1,500.00 — the 250.00 must be said, not vanish.
    const q = quarter();
    const bob = memberTrend(q.opened.db, q.ids.Bob!, firstQuarter);
    expect(bob.months.reduce((s, m) => s + m.tyfcbReceivedMinor, 0)).toBe(150000);
    expect(bob.tyfcbDisputed).toEqual({ generatedMinor: 0, generatedSlips: 0, receivedMinor: 25000, receivedSlips: 1 });
    expect(memberTrend(q.opened.db, q.ids.Ann!, firstQuarter).tyfcbDisputed).toEqual({ generatedMinor: 25000, generatedSlips: 1, receivedMinor: 0, receivedSlips: 0 });
    // Once leadership confirms it, it counts again and nothing is shown apart.
    const confirmed = quarter({ resolution: 'confirmed' });
    expect(memberTrend(confirmed.opened.db, confirmed.ids.Bob!, firstQuarter).tyfcbDisputed).toEqual({ generatedMinor: 0, generatedSlips: 0, receivedMinor: 0, receivedSlips: 0 });
  });

  it('the sum of the members’ figures and the disputed amounts is every live slip, whatever the dispute', () => {
    const q = quarter();
    const sum = (pick: (m: MemberTally) => number) => q.tallies.members.reduce((s, m) => s + pick(m), 0);
    expect(sum((m) => m.tyfcbReceivedMinor)).toBe(q.tallies.totals.tyfcbMinor);
    expect(sum((m) => m.tyfcbGeneratedDisputedMinor)).toBe(q.tallies.totals.tyfcbDisputedMinor);
    expect(sum((m) => m.tyfcbReceivedDisputedSlips)).toBe(q.tallies.totals.tyfcbDisputedSlips);
  });

  it('confirmed: the slip counts again in every total and nothing is shown apart', () => {
    const q = quarter({ resolution: 'confirmed' });
    expect(q.tallies.totals).toMatchObject({ tyfcbMinor: 224999, tyfcbDisputedMinor: 0, tyfcbDisputedSlips: 0 });
    expect(q.member('Ann')).toMatchObject({ tyfcbGeneratedMinor: 205000, tyfcbGeneratedDisputedMinor: 0 });
    expect(q.member('Bob')).toMatchObject({ tyfcbReceivedMinor: 175000, tyfcbReceivedDisputedMinor: 0 });
    expect(q.cell).toMatchObject({ tyfcbMinor: 175000, tyfcbDisputedMinor: 0 });
    expect(q.sheet.totals).toMatchObject({ tyfcbAmountMinor: 124999, tyfcbDisputedSlips: 0 });
    expect(q.sheet.disputedTyfcbIds).toEqual([]);
  });

  it('corrected to 150.00: the corrected amount goes into the total', () => {
    const q = quarter({ resolution: 'corrected', amount: '150.00' });
    expect(q.tallies.totals).toMatchObject({ tyfcbMinor: 214999, tyfcbDisputedMinor: 0, tyfcbDisputedSlips: 0 });
    expect(q.member('Ann').tyfcbGeneratedMinor).toBe(195000);
    expect(q.sheet.totals).toMatchObject({ tyfcbAmountMinor: 114999, tyfcbDisputedSlips: 0 });
  });

  it('removed: the slip stays out of the total and is no longer shown as disputed', () => {
    const q = quarter({ resolution: 'removed' });
    expect(q.tallies.totals).toMatchObject({ tyfcbMinor: 199999, tyfcbDisputedMinor: 0, tyfcbDisputedSlips: 0 });
    expect(q.member('Bob')).toMatchObject({ tyfcbReceivedMinor: 150000, tyfcbReceivedDisputedSlips: 0 });
    expect(q.sheet.totals).toMatchObject({ tyfcb: 4, tyfcbAmountMinor: 99999, tyfcbDisputedSlips: 0 });
  });

  it('the PALMS CSV leaves a disputed amount out of the member’s TYFCB column', () => {
    const q = quarter();
    const csv = ok<{ csv: string }>(q.api.call('palmsCsv', firstQuarter)).csv;
    const bob = csv.split('\r\n').find((line) => line.startsWith('Bob,'))!;
    expect(bob.split(',').at(-2)).toBe('1500.00');
    const confirmed = ok<{ csv: string }>(quarter({ resolution: 'confirmed' }).api.call('palmsCsv', firstQuarter)).csv;
    expect(confirmed.split('\r\n').find((line) => line.startsWith('Bob,'))!.split(',').at(-2)).toBe('1750.00');
  });
});

describe('a disputed TYFCB in the PDF reports', () => {
  it('the quarterly audit shows the total, what is in dispute and each disputed slip for the signatories', async () => {
    const q = quarter();
    const text = await pdf(q.api, { report: 'quarterly_audit', from: '2026-02-11' });
    expect(text).toContain('TYFCB $1,999.99 no meetings');
    expect(text).toContain('TYFCB under dispute, left out disputed: $250.00 (1 slip)');
    expect(text).toContain('Total 5 $1,999.99');
    expect(text).toContain('Under dispute (not in the total) 1 $250.00');
    expect(text).toContain('TYFCB under dispute (1)');
    expect(text).toMatch(/2026-02-04 Bob Test Ann Test \$250\.00 Bob Test, 2026-02-10/);
    expect(text).toContain('Wrong amount: The second job was 150, not 250.');
    expect(text).toContain(explanation);
    // Per member (PALMS table): Bob's column leaves it out, the note names it.
    expect(text).toMatch(/TYFCB disputed: \$250\.00 \(1 slip\), not in the column or the total \(Bob Test \$250\.00\)/);

    const confirmed = await pdf(quarter({ resolution: 'confirmed' }).api, { report: 'quarterly_audit', from: '2026-02-11' });
    expect(confirmed).toContain('TYFCB $2,249.99 no meetings');
    expect(confirmed).toContain('TYFCB under dispute, left out none');
    expect(confirmed).toContain('Under dispute (not in the total) 0 $0.00');
    expect(confirmed).not.toContain('TYFCB under dispute (1)');

  });

  it('the weekly report marks the disputed slip and keeps it out of the meeting’s and the year’s totals', async () => {
    const q = quarter();
    const text = await pdf(q.api, { report: 'weekly_meeting', meetingId: q.ids['2026-02-04'] });
    expect(text).toContain('TYFCB $999.99 $1,999.99');
    expect(text).toContain('TYFCB under dispute, left out disputed: $250.00 (1 slip) disputed: $250.00 (1 slip)');
    expect(text).toContain('$250.00 (disputed)');
    expect(text).toContain('Under dispute, not in the total $250.00');
    expect(text).toContain(explanation);

    const c = quarter({ resolution: 'corrected', amount: '150.00' });
    const corrected = await pdf(c.api, { report: 'weekly_meeting', meetingId: c.ids['2026-02-04'] });
    expect(corrected).toContain('TYFCB $1,149.99 $2,149.99');
    expect(corrected).not.toContain('(disputed)');
    expect(corrected).not.toContain(explanation);
  });

  it('the PALMS summary leaves the disputed amount out of the column and names it under the table', async () => {
    const q = quarter();
    const text = await pdf(q.api, { report: 'palms_summary', ...firstQuarter });
    expect(text).toMatch(/Bob Test( \d+){11} \$1,500\.00/);
    expect(text).toContain('TYFCB disputed: $250.00 (1 slip), not in the column or the total (Bob Test $250.00).');
    const confirmed = await pdf(quarter({ resolution: 'confirmed' }).api, { report: 'palms_summary', ...firstQuarter });
    expect(confirmed).toMatch(/Bob Test( \d+){11} \$1,750\.00/);
    expect(confirmed).not.toContain('disputed:');
  });

  it('member statements: the giver and the closer each see the total and what is in dispute', async () => {
    const q = quarter();
    const ann = await pdf(q.api, { report: 'member_statement', memberId: q.ids.Ann, ...firstQuarter });
    expect(ann).toContain('Closed business (TYFCB) $1,800.00');
    expect(ann).toContain('TYFCB under dispute, left out disputed: $250.00 (1 slip) none');
    expect(ann).toContain('$500.00 (+$250.00 disputed)'); // R4: T3 counted, T4 disputed
    expect(ann).toContain(explanation);
    const bob = await pdf(q.api, { report: 'member_statement', memberId: q.ids.Bob, ...firstQuarter });
    expect(bob).toMatch(/Closed business \(TYFCB\) \$100\.00 \$1,500\.00/);
    expect(bob).toContain('TYFCB under dispute, left out none disputed: $250.00 (1 slip)');

    const r = quarter({ resolution: 'removed' });
    const removed = await pdf(r.api, { report: 'member_statement', memberId: r.ids.Ann, ...firstQuarter });
    expect(removed).toContain('Closed business (TYFCB) $1,800.00');
    expect(removed).not.toContain('under dispute');
    expect(removed).not.toContain('disputed)');
  });
});

describe('the days a dispute was raised and resolved, as typed', () => {
  it('a day that does not exist or has not come yet is refused with the field named, and nothing is recorded', () => {
    const fresh = buildOutcomesQuarter();
    const raise = (raisedOn: string) => fresh.api.call('disputeTyfcb', { tyfcbId: fresh.ids.T5, raisedById: fresh.ids.Cat, raisedOn, ground: 'wrong_amount', why: 'Invoice was 200.00.' });
    expect(raise('2026-02-30')).toMatchObject({ ok: false, error: { field: 'raisedOn' } });
    expect(raise('2999-12-25')).toMatchObject({ ok: false, error: { field: 'raisedOn', message: expect.stringContaining('in the future') } });
    expect(raise('2026-02-01')).toMatchObject({ ok: false, error: { field: 'raisedOn', message: expect.stringContaining('cannot be dated before it') } });
    expect(fresh.opened.sqlite.prepare('SELECT count(*) AS n FROM tyfcb_disputes WHERE tyfcb_id = ?').get(fresh.ids.T5)).toEqual({ n: 0 });
    // The last day of February stays itself; 2026 has no 29 February to roll over into March.
    const id = ok<{ id: string; raisedOn: string }>(raise('2026-02-28')).id;
    expect(ok<Array<{ id: string; raisedOn: string }>>(fresh.api.call('listDisputes', { state: 'open' })).find((d) => d.id === id)).toMatchObject({ raisedOn: '2026-02-28' });
    const resolve = (resolvedOn: string) => fresh.api.call('resolveDispute', { id, resolution: 'confirmed', reason: 'Checked.', resolvedOn });
    expect(resolve('2026-02-29')).toMatchObject({ ok: false, error: { field: 'resolvedOn' } });
    expect(resolve('2026-02-27')).toMatchObject({ ok: false, error: { field: 'resolvedOn', message: expect.stringContaining('raised on 2026-02-28') } });
    ok(resolve('2026-03-02'));
    fresh.opened.close();
  });
});

describe('what is wrong with a disputed slip is the member\'s own choice', () => {
  it('a dispute filed without choosing what is wrong is refused naming "What is wrong", and nothing is recorded', () => {
    const fresh = buildOutcomesQuarter();
    const refused = fresh.api.call('disputeTyfcb', { tyfcbId: fresh.ids.T5, raisedById: fresh.ids.Cat, raisedOn: '2026-02-28', why: 'He did not refer this.' });
    expect(refused).toMatchObject({ ok: false, error: { field: 'ground', message: expect.stringContaining('What is wrong') } });
    expect(fresh.opened.sqlite.prepare('SELECT count(*) AS n FROM tyfcb_disputes WHERE tyfcb_id = ?').get(fresh.ids.T5)).toEqual({ n: 0 });
    // Chosen "not from this referral", it is recorded as that, not as a wrong amount.
    const id = ok<{ id: string }>(fresh.api.call('disputeTyfcb', { tyfcbId: fresh.ids.T5, raisedById: fresh.ids.Cat, raisedOn: '2026-02-28', ground: 'wrong_referrer', why: 'He did not refer this.' })).id;
    expect(ok<Array<{ id: string; ground: string }>>(fresh.api.call('listDisputes', { state: 'open' })).find((d) => d.id === id)).toMatchObject({ ground: 'wrong_referrer' });
    fresh.opened.close();
  });
});
