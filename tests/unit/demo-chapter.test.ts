import { describe, expect, it } from 'vitest';
import { loadDemoChapter } from '../../src/services/demo';
import { listMembers } from '../../src/services/members';
import { seatMap } from '../../src/services/seats';
import { openTestDb } from '../support/db';

describe('the demo chapter', () => {
  const opened = openTestDb();
  const loaded = loadDemoChapter(opened.db, '2026-11-22');
  const scalar = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;

  it('has about thirty current members, one applicant and one on leave', () => {
    const current = listMembers(opened.db, { scope: 'current' });
    expect(current.length).toBeGreaterThanOrEqual(28);
    expect(current.filter((m) => m.status === 'applicant')).toHaveLength(1);
    expect(current.filter((m) => m.status === 'on_leave')).toHaveLength(1);
    expect(loaded.members).toBe(current.length);
  });

  it('spreads seats over at least six contact spheres and leaves some open', () => {
    const map = seatMap(opened.db);
    expect(map.spheres.length).toBeGreaterThanOrEqual(6);
    expect(map.counts.open).toBeGreaterThanOrEqual(3);
    expect(map.counts.applicant).toBe(1);
  });

  it('holds thirteen completed weekly meetings with a mark for every seated member', () => {
    expect(scalar("SELECT count(*) FROM meetings WHERE status = 'completed'")).toBe(13);
    const gaps = scalar(`SELECT count(DISTINCT julianday(b.meeting_on) - julianday(a.meeting_on)) FROM meetings a JOIN meetings b ON b.meeting_on = date(a.meeting_on, '+7 days')`);
    expect(gaps).toBe(1);
    expect(scalar("SELECT max(meeting_on) < '2026-11-22' FROM meetings")).toBe(1);
    const seated = scalar("SELECT count(*) FROM members WHERE status IN ('active', 'on_leave')");
    expect(scalar('SELECT count(*) FROM attendance')).toBe(13 * seated);
    expect(scalar("SELECT count(*) FROM attendance WHERE mark = 'S' AND substitute_name IS NOT NULL")).toBeGreaterThan(0);
  });

  it('has slips of every kind, inside and outside, and every temperature', () => {
    expect(scalar("SELECT count(DISTINCT kind) FROM referrals")).toBe(2);
    expect(scalar('SELECT count(DISTINCT temperature) FROM referrals')).toBe(5);
    expect(scalar('SELECT count(*) FROM tyfcb_slips')).toBe(loaded.tyfcbSlips);
    expect(loaded.tyfcbSlips).toBeGreaterThan(10);
    expect(scalar('SELECT count(*) FROM one_to_ones')).toBeGreaterThan(40);
    expect(scalar('SELECT count(*) FROM visitors')).toBeGreaterThan(5);
    expect(scalar('SELECT count(*) FROM ceus')).toBeGreaterThan(20);
  });

  it('is shaped like a real chapter: members who only take, and one-way pairs', () => {
    const takers = scalar(`SELECT count(*) FROM members m WHERE m.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.giver_id = m.id)
      AND EXISTS (SELECT 1 FROM referrals r WHERE r.receiver_id = m.id)`);
    expect(takers).toBeGreaterThanOrEqual(3);
    const oneWay = scalar(`SELECT count(*) FROM (SELECT giver_id, receiver_id FROM referrals GROUP BY 1, 2 HAVING count(*) >= 4) p
      WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.giver_id = p.receiver_id AND r.receiver_id = p.giver_id)`);
    expect(oneWay).toBeGreaterThanOrEqual(3);
  });

  it('keeps seat history: the realtor seat had a holder before Dana Ruiz', () => {
    const history = opened.sqlite
      .prepare(`SELECT m.first_name || ' ' || m.last_name AS name, h.from_on, h.to_on FROM seat_history h
        JOIN members m ON m.id = h.member_id JOIN classifications c ON c.id = h.classification_id
        WHERE c.name = 'Real Estate — Residential' ORDER BY h.from_on`)
      .all();
    expect(history).toEqual([
      { name: 'Steve Harlan', from_on: '2019-05-07', to_on: '2025-02-25' },
      { name: 'Dana Ruiz', from_on: '2025-03-04', to_on: null },
    ]);
  });

  it('refuses to load into a file that already holds a chapter', () => {
    expect(() => loadDemoChapter(opened.db)).toThrow(/already holds a chapter/);
  });
});

describe('counts shown beside lists', () => {
  const opened = openTestDb();
  loadDemoChapter(opened.db, '2026-11-22');
  const scalar = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;

  it('each meeting in the list carries its own number of live slips', async () => {
    const { listMeetings } = await import('../../src/services/meetings');
    const [latest] = listMeetings(opened.db);
    const expected =
      scalar(`SELECT count(*) FROM referrals WHERE meeting_id = '${latest!.id}'`) +
      scalar(`SELECT count(*) FROM tyfcb_slips WHERE meeting_id = '${latest!.id}'`) +
      scalar(`SELECT count(*) FROM one_to_ones WHERE meeting_id = '${latest!.id}'`) +
      scalar(`SELECT count(*) FROM visitors WHERE meeting_id = '${latest!.id}'`) +
      scalar(`SELECT count(*) FROM ceus WHERE meeting_id = '${latest!.id}'`);
    expect(expected).toBeGreaterThan(10);
    expect(latest!.slipCount).toBe(expected);
  });

  it('each contact sphere carries its own number of classifications', async () => {
    const { listContactSpheres } = await import('../../src/services/classifications');
    const home = listContactSpheres(opened.db).find((s) => s.name === 'Home & Property')!;
    expect(home.classificationCount).toBe(8);
  });
});
