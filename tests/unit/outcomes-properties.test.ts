import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomes } from '../../src/services/outcomes';
import { chapterTotals, memberTallies } from '../../src/services/tallies';
import { openTestDb } from '../support/db';

/*
 * Random chapters written straight into the tables (the rules of entry are tested elsewhere): referrals
 * with any status and history, TYFCB slips linked or not, some deleted, some under an open or a resolved
 * dispute. What is checked is the bookkeeping of the outcomes for any period.
 */
const statuses = ['new', 'contacted', 'meeting_set', 'won', 'lost'] as const;
const chapterArb = fc.record({
  members: fc.integer({ min: 2, max: 6 }),
  meetings: fc.array(fc.record({ day: fc.integer({ min: 0, max: 90 }), status: fc.constantFrom('completed', 'completed', 'draft', 'cancelled') }), { minLength: 1, maxLength: 6 }),
  referrals: fc.array(
    fc.record({ meeting: fc.nat(), giver: fc.nat(), hop: fc.integer({ min: 1, max: 5 }), status: fc.constantFrom(...statuses), steps: fc.array(fc.record({ status: fc.constantFrom(...statuses), after: fc.integer({ min: 0, max: 40 }) }), { maxLength: 3 }), deleted: fc.boolean() }),
    { maxLength: 30 },
  ),
  tyfcbs: fc.array(fc.record({ meeting: fc.nat(), referral: fc.oneof(fc.constant(null), fc.nat()), closer: fc.nat(), hop: fc.integer({ min: 1, max: 5 }), amount: fc.integer({ min: 1, max: 5_000_000 }), dispute: fc.constantFrom('none', 'open', 'resolved'), deleted: fc.boolean() }), { maxLength: 20 }),
  from: fc.integer({ min: 0, max: 90 }),
  length: fc.integer({ min: 0, max: 90 }),
});
type Spec = typeof chapterArb extends fc.Arbitrary<infer T> ? T : never;
const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

function build(spec: Spec) {
  const opened = openTestDb();
  const db = opened.sqlite;
  db.exec("INSERT INTO chapter (id, name, meeting_weekday, currency, locale) VALUES ('c', 'Prop', 2, 'USD', 'en-US')");
  const members: string[] = [];
  for (let i = 0; i < spec.members; i++) {
    db.prepare('INSERT INTO classifications (id, name) VALUES (?, ?)').run(`c${i}`, `Seat ${i}`);
    db.prepare("INSERT INTO members (id, first_name, last_name, classification_id, status, joined_on) VALUES (?, 'M', ?, ?, 'active', '2025-01-01')").run(`m${i}`, String(i), `c${i}`);
    members.push(`m${i}`);
  }
  const meetings: Array<{ id: string; day: number }> = [];
  const used = new Set<number>();
  for (const [i, m] of spec.meetings.entries()) {
    if (used.has(m.day)) continue;
    used.add(m.day);
    db.prepare('INSERT INTO meetings (id, meeting_on, status) VALUES (?, ?, ?)').run(`g${i}`, day(m.day), m.status);
    meetings.push({ id: `g${i}`, day: m.day });
  }
  const referrals: Array<{ id: string; giver: string; receiver: string; day: number }> = [];
  for (const [i, r] of spec.referrals.entries()) {
    const g = r.giver % members.length;
    const v = (g + (r.hop % (members.length - 1) || 1)) % members.length;
    if (g === v) continue;
    const meeting = meetings[r.meeting % meetings.length]!;
    db.prepare("INSERT INTO referrals (id, meeting_id, giver_id, receiver_id, kind, temperature, prospect_name, status, deleted_at) VALUES (?, ?, ?, ?, 'outside', 3, 'P', ?, ?)").run(
      `r${i}`, meeting.id, members[g], members[v], r.status, r.deleted ? '2026-01-01' : null);
    let at = meeting.day;
    for (const [k, step] of [...r.steps, { status: r.status, after: 1 }].entries()) {
      at += step.after;
      db.prepare('INSERT INTO referral_status_history (id, referral_id, status, changed_on, lost_reason) VALUES (?, ?, ?, ?, ?)').run(`h${i}-${k}`, `r${i}`, step.status, day(at), step.status === 'lost' ? 'other' : null);
    }
    referrals.push({ id: `r${i}`, giver: members[g]!, receiver: members[v]!, day: meeting.day });
  }
  for (const [i, t] of spec.tyfcbs.entries()) {
    const linked = t.referral !== null && referrals.length > 0 ? referrals[t.referral % referrals.length]! : null;
    const closer = linked ? linked.receiver : members[t.closer % members.length]!;
    const referrer = linked ? linked.giver : members[(t.closer + (t.hop % (members.length - 1) || 1)) % members.length]!;
    if (closer === referrer) continue;
    const meeting = meetings[t.meeting % meetings.length]!;
    db.prepare("INSERT INTO tyfcb_slips (id, meeting_id, closer_id, referrer_id, amount_minor, currency, business, kind, referral_id, deleted_at) VALUES (?, ?, ?, ?, ?, 'USD', 'new', 'outside', ?, ?)").run(
      `t${i}`, meeting.id, closer, referrer, t.amount, linked?.id ?? null, t.deleted ? '2026-01-01' : null);
    if (t.dispute !== 'none') {
      db.prepare("INSERT INTO tyfcb_disputes (id, tyfcb_id, raised_by_id, raised_on, ground, why, resolution, resolved_on) VALUES (?, ?, ?, '2026-05-01', 'wrong_amount', 'x', ?, ?)").run(
        `d${i}`, `t${i}`, closer, t.dispute === 'resolved' ? 'confirmed' : null, t.dispute === 'resolved' ? '2026-05-02' : null);
    }
  }
  return opened;
}

const periodOf = (spec: { from: number; length: number }) => ({ from: day(spec.from), to: day(spec.from + spec.length) });
const sum = <T>(items: T[], f: (t: T) => number) => items.reduce((s, t) => s + f(t), 0);

describe('outcome bookkeeping holds for any chapter and any period', () => {
  it('revenue attributed to referrers (linked) + unlinked + under dispute = the period’s total TYFCB, per member and for the chapter', () => {
    fc.assert(
      fc.property(chapterArb, (spec) => {
        const opened = build(spec);
        const p = periodOf(spec);
        const o = outcomes(opened.db, p);
        // The tallies' total leaves disputed slips out and shows them apart: counted + disputed = every live slip.
        const totals = chapterTotals(opened.db, p);
        const total = totals.tyfcbMinor + totals.tyfcbDisputedMinor;
        expect(o.chapter.linkedMinor + o.chapter.unlinkedMinor).toBe(totals.tyfcbMinor);
        expect(o.chapter.disputedMinor).toBe(totals.tyfcbDisputedMinor);
        expect(o.chapter.totalMinor).toBe(total);
        expect(sum(o.members, (m) => m.generatedLinkedMinor + m.generatedUnlinkedMinor + m.generatedDisputedMinor)).toBe(total);
        const tallies = new Map(memberTallies(opened.db, p).map((m) => [m.memberId, m]));
        for (const m of o.members) {
          expect(m.generatedLinkedMinor + m.generatedUnlinkedMinor).toBe(tallies.get(m.memberId)?.tyfcbGeneratedMinor ?? 0);
          expect(m.generatedDisputedMinor).toBe(tallies.get(m.memberId)?.tyfcbGeneratedDisputedMinor ?? 0);
        }
        expect(sum(o.months, (m) => m.linkedMinor + m.unlinkedMinor + m.disputedMinor)).toBe(total);
        opened.close();
      }),
      { numRuns: 25 },
    );
  });

  it('won + lost + open = referrals given (= the tallies’ RGI + RGO), and the funnel only narrows', () => {
    fc.assert(
      fc.property(chapterArb, (spec) => {
        const opened = build(spec);
        const p = periodOf(spec);
        const o = outcomes(opened.db, p);
        const tallies = new Map(memberTallies(opened.db, p).map((m) => [m.memberId, m]));
        for (const m of o.members) {
          expect(m.given.won + m.given.lost + m.given.open).toBe(m.given.total);
          expect(m.given.total).toBe((tallies.get(m.memberId)?.rgi ?? 0) + (tallies.get(m.memberId)?.rgo ?? 0));
          expect(m.received.total).toBe((tallies.get(m.memberId)?.rri ?? 0) + (tallies.get(m.memberId)?.rro ?? 0));
          if (m.conversionGiven !== null) expect(m.conversionGiven).toBeGreaterThanOrEqual(m.conversionGivenAll!);
        }
        const c = o.chapter;
        expect(c.given.won + c.given.lost + c.given.open).toBe(c.given.total);
        expect(sum(o.members, (m) => m.given.total)).toBe(c.given.total);
        expect(sum(o.members, (m) => m.received.total)).toBe(c.given.total);
        expect(c.funnel.given).toBeGreaterThanOrEqual(c.funnel.contacted);
        expect(c.funnel.contacted).toBeGreaterThanOrEqual(c.funnel.meetingSet);
        expect(c.funnel.meetingSet).toBeGreaterThanOrEqual(c.funnel.won);
        expect(sum(Object.values(c.lostReasons), (n) => n)).toBe(c.given.lost);
        opened.close();
      }),
      { numRuns: 25 },
    );
  });
});
