import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chapterTotals, memberTallies, referralMatrix } from '../../src/services/tallies';
import { openTestDb } from '../support/db';

/*
 * Random chapters written straight into the tables (the rules of entry are tested elsewhere);
 * what is checked here is the arithmetic of the tallies for any period.
 */
const chapterArb = fc.record({
  members: fc.integer({ min: 2, max: 7 }),
  meetings: fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }), status: fc.constantFrom('completed', 'completed', 'draft', 'cancelled') }), { minLength: 1, maxLength: 8 }),
  referrals: fc.array(fc.record({ meeting: fc.nat(), giver: fc.nat(), hop: fc.integer({ min: 1, max: 6 }), inside: fc.boolean(), deleted: fc.boolean() }), { maxLength: 40 }),
  tyfcbs: fc.array(fc.record({ meeting: fc.nat(), closer: fc.nat(), hop: fc.integer({ min: 1, max: 6 }), amount: fc.integer({ min: 1, max: 5_000_000 }) }), { maxLength: 20 }),
  from: fc.integer({ min: 0, max: 120 }),
  length: fc.integer({ min: 0, max: 120 }),
});

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

type ChapterSpec = typeof chapterArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: ChapterSpec) {
  const opened = openTestDb();
  const db = opened.sqlite;
  db.exec("INSERT INTO chapter (id, name, meeting_weekday, currency, locale) VALUES ('c', 'Prop', 2, 'USD', 'en-US')");
  const members: string[] = [];
  for (let i = 0; i < spec.members; i++) {
    db.prepare("INSERT INTO classifications (id, name) VALUES (?, ?)").run(`c${i}`, `Seat ${i}`);
    db.prepare("INSERT INTO members (id, first_name, last_name, classification_id, status, joined_on) VALUES (?, 'M', ?, ?, 'active', '2025-01-01')").run(`m${i}`, String(i), `c${i}`);
    members.push(`m${i}`);
  }
  const meetings: string[] = [];
  const usedDays = new Set<number>();
  for (const [i, m] of spec.meetings.entries()) {
    if (usedDays.has(m.day)) continue;
    usedDays.add(m.day);
    db.prepare('INSERT INTO meetings (id, meeting_on, status) VALUES (?, ?, ?)').run(`g${i}`, day(m.day), m.status);
    meetings.push(`g${i}`);
  }
  for (const [i, r] of spec.referrals.entries()) {
    const giver = r.giver % members.length;
    const receiver = (giver + (r.hop % (members.length - 1 || 1) || 1)) % members.length;
    if (giver === receiver) continue;
    db.prepare("INSERT INTO referrals (id, meeting_id, giver_id, receiver_id, kind, temperature, prospect_name, deleted_at) VALUES (?, ?, ?, ?, ?, 3, 'P', ?)").run(
      `r${i}`, meetings[r.meeting % meetings.length], members[giver], members[receiver], r.inside ? 'inside' : 'outside', r.deleted ? '2026-01-01' : null);
  }
  for (const [i, t] of spec.tyfcbs.entries()) {
    const closer = t.closer % members.length;
    const referrer = (closer + (t.hop % (members.length - 1 || 1) || 1)) % members.length;
    if (closer === referrer) continue;
    db.prepare("INSERT INTO tyfcb_slips (id, meeting_id, closer_id, referrer_id, amount_minor, currency, business, kind) VALUES (?, ?, ?, ?, ?, 'USD', 'new', 'outside')").run(
      `t${i}`, meetings[t.meeting % meetings.length], members[closer], members[referrer], t.amount);
  }
  return opened;
}

const periodOf = (spec: { from: number; length: number }) => ({ from: day(spec.from), to: day(spec.from + spec.length) });
const sum = <T>(items: T[], f: (t: T) => number) => items.reduce((s, t) => s + f(t), 0);

describe('tallies of any chapter, for any period', () => {
  it('total given equals total received, inside and outside, and money generated equals money received', () => {
    fc.assert(
      fc.property(chapterArb, (spec) => {
        const opened = build(spec);
        const rows = memberTallies(opened.db, periodOf(spec));
        expect(sum(rows, (m) => m.rgi)).toBe(sum(rows, (m) => m.rri));
        expect(sum(rows, (m) => m.rgo)).toBe(sum(rows, (m) => m.rro));
        expect(sum(rows, (m) => m.tyfcbGeneratedMinor)).toBe(sum(rows, (m) => m.tyfcbReceivedMinor));
        const totals = chapterTotals(opened.db, periodOf(spec));
        expect(totals.referralsInside + totals.referralsOutside).toBe(sum(rows, (m) => m.rgi + m.rgo));
        expect(totals.tyfcbMinor).toBe(sum(rows, (m) => m.tyfcbReceivedMinor));
        opened.close();
      }),
      { numRuns: 60 },
    );
  });

  it('matrix rows sum to referrals given and columns to referrals received', () => {
    fc.assert(
      fc.property(chapterArb, (spec) => {
        const opened = build(spec);
        const period = periodOf(spec);
        const rows = memberTallies(opened.db, period);
        const { cells } = referralMatrix(opened.db, period);
        for (const m of rows) {
          expect(sum(cells.filter((c) => c.giverId === m.memberId), (c) => c.referrals)).toBe(m.rgi + m.rgo);
          expect(sum(cells.filter((c) => c.receiverId === m.memberId), (c) => c.referrals)).toBe(m.rri + m.rro);
          expect(sum(cells.filter((c) => c.giverId === m.memberId), (c) => c.tyfcbMinor)).toBe(m.tyfcbGeneratedMinor);
          expect(sum(cells.filter((c) => c.receiverId === m.memberId), (c) => c.tyfcbMinor)).toBe(m.tyfcbReceivedMinor);
        }
        opened.close();
      }),
      { numRuns: 60 },
    );
  });

  it('slips at a draft or cancelled meeting change nothing', () => {
    fc.assert(
      fc.property(chapterArb, fc.constantFrom('draft', 'cancelled'), fc.integer({ min: 1, max: 10 }), (spec, status, extra) => {
        const opened = build(spec);
        const period = { from: '2025-01-01', to: '2027-12-31' };
        const before = { rows: memberTallies(opened.db, period), totals: chapterTotals(opened.db, period) };
        opened.sqlite.prepare("INSERT INTO meetings (id, meeting_on, status) VALUES ('extra', '2026-12-30', ?)").run(status);
        for (let i = 0; i < extra; i++) {
          opened.sqlite.prepare("INSERT INTO referrals (id, meeting_id, giver_id, receiver_id, kind, temperature, prospect_name) VALUES (?, 'extra', 'm0', 'm1', 'outside', 3, 'X')").run(`x${i}`);
          opened.sqlite.prepare("INSERT INTO tyfcb_slips (id, meeting_id, closer_id, referrer_id, amount_minor, currency, business, kind) VALUES (?, 'extra', 'm1', 'm0', 1000, 'USD', 'new', 'outside')").run(`y${i}`);
          if (i < spec.members) opened.sqlite.prepare("INSERT INTO attendance (id, meeting_id, member_id, mark) VALUES (?, 'extra', ?, 'A')").run(`z${i}`, `m${i}`);
        }
        const after = { rows: memberTallies(opened.db, period), totals: chapterTotals(opened.db, period) };
        expect(after.rows).toEqual(before.rows);
        expect({ ...after.totals, cancelledMeetings: 0 }).toEqual({ ...before.totals, cancelledMeetings: 0 });
        opened.close();
      }),
      { numRuns: 40 },
    );
  });
});
