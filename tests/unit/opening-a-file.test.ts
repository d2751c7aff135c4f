import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db';

const tempFile = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'ledger-open-')), name);

describe('opening a chapter file', () => {
  it('a new file is migrated, in WAL mode with foreign keys enforced', () => {
    const opened = openTestDb(tempFile('chapter.sqlite'));
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['chapter', 'members', 'seat_history', 'meetings', 'attendance', 'referrals', 'tyfcb_slips', 'one_to_ones', 'visitors', 'ceus', 'audit_log', 'contact_spheres', 'classifications']),
    );
    opened.close();
  });

  it('opening the same file twice migrates once and keeps the data', () => {
    const file = tempFile('chapter.sqlite');
    const first = openTestDb(file);
    first.sqlite.prepare("INSERT INTO contact_spheres (id, name) VALUES ('s1', 'Home')").run();
    first.close();
    const second = openTestDb(file);
    expect(second.sqlite.prepare('SELECT name FROM contact_spheres').pluck().all()).toEqual(['Home']);
    second.close();
  });

  it('a file written by a newer Chapter Ledger is refused with a plain message and left unchanged', () => {
    const file = tempFile('from-the-future.sqlite');
    const opened = openTestDb(file);
    opened.sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Date.now() + 10 ** 11);
    opened.close();
    expect(() => openTestDb(file)).toThrow(/written by a newer version of Chapter Ledger/);
  });

  it('a file that is not a database is refused with a plain message', () => {
    const file = tempFile('notes.sqlite');
    writeFileSync(file, 'Minutes of the meeting: nothing to see here.\n'.repeat(200));
    expect(() => openTestDb(file)).toThrow(/is not a Chapter Ledger file/);
  });
});

describe('rules the database holds on its own', () => {
  const opened = openTestDb();
  const run = (sql: string) => () => opened.sqlite.prepare(sql).run();
  opened.sqlite.exec(`
    INSERT INTO classifications (id, name) VALUES ('c1', 'Florist'), ('c2', 'Dentist');
    INSERT INTO members (id, first_name, last_name, classification_id, status, joined_on) VALUES
      ('m1', 'Ann', 'A', 'c1', 'active', '2025-01-01'), ('m2', 'Bob', 'B', 'c2', 'active', '2025-01-01');
    INSERT INTO meetings (id, meeting_on) VALUES ('g1', '2026-11-17');
  `);

  it('a referral to yourself is refused', () => {
    expect(run("INSERT INTO referrals (id, meeting_id, giver_id, receiver_id, kind, temperature, prospect_name) VALUES ('r1', 'g1', 'm1', 'm1', 'inside', 3, 'X')")).toThrow(/CHECK constraint failed: referrals_two_members/);
  });
  it('a temperature outside 1–5 is refused', () => {
    expect(run("INSERT INTO referrals (id, meeting_id, giver_id, receiver_id, kind, temperature, prospect_name) VALUES ('r2', 'g1', 'm1', 'm2', 'inside', 6, 'X')")).toThrow(/referrals_temperature/);
  });
  it('a negative or fractional TYFCB amount is refused', () => {
    const insert = (amount: string) => run(`INSERT INTO tyfcb_slips (id, meeting_id, closer_id, referrer_id, amount_minor, currency, business, kind) VALUES ('t-${amount}', 'g1', 'm1', 'm2', ${amount}, 'USD', 'new', 'outside')`);
    expect(insert('-1')).toThrow(/tyfcb_amount/);
    expect(insert('10.5')).toThrow(/tyfcb_amount/);
    expect(insert('125000')).not.toThrow();
  });
  it('only the PALMS letters are attendance marks, and S needs the substitute', () => {
    expect(run("INSERT INTO attendance (id, meeting_id, member_id, mark) VALUES ('a1', 'g1', 'm1', 'X')")).toThrow(/attendance_mark/);
    expect(run("INSERT INTO attendance (id, meeting_id, member_id, mark) VALUES ('a2', 'g1', 'm1', 'S')")).toThrow(/attendance_substitute/);
    expect(run("INSERT INTO attendance (id, meeting_id, member_id, mark, substitute_name) VALUES ('a3', 'g1', 'm1', 'S', 'Pat')")).not.toThrow();
  });
  it('a slip naming a member who does not exist is refused', () => {
    expect(run("INSERT INTO ceus (id, meeting_id, member_id) VALUES ('e1', 'g1', 'ghost')")).toThrow(/FOREIGN KEY/);
  });
  it('the audit log cannot be edited or emptied', () => {
    opened.sqlite.prepare("INSERT INTO audit_log (id, action, entity, entity_id) VALUES ('l1', 'insert', 'member', 'm1')").run();
    expect(run("UPDATE audit_log SET reason = 'tampered'")).toThrow(/append-only/);
    expect(run('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});
