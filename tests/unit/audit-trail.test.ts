import { describe, expect, it } from 'vitest';
import { addMember, updateMember } from '../../src/services/members';
import { memberInput, openTestDb, smallChapter } from '../support/db';

describe('changes to members are in the audit log', () => {
  it('a status change records who it was before and after', () => {
    const opened = openTestDb();
    const seats = smallChapter(opened);
    const dana = addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz'));
    updateMember(opened.db, { ...memberInput(seats.realEstate, 'Dana', 'Ruiz'), id: dana.id, status: 'on_leave', leftOn: null });
    const entries = opened.sqlite
      .prepare("SELECT action, before, after FROM audit_log WHERE entity = 'member' AND entity_id = ? ORDER BY at, rowid")
      .all(dana.id) as Array<{ action: string; before: string | null; after: string }>;
    expect(entries.map((e) => e.action)).toEqual(['insert', 'update']);
    expect(JSON.parse(entries[1]!.before!).status).toBe('active');
    expect(JSON.parse(entries[1]!.after).status).toBe('on_leave');
  });

  it('a refused change leaves neither the member nor the log touched', () => {
    const opened = openTestDb();
    const seats = smallChapter(opened);
    addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz'));
    const count = () => opened.sqlite.prepare('SELECT (SELECT count(*) FROM members) || \'/\' || (SELECT count(*) FROM audit_log) || \'/\' || (SELECT count(*) FROM seat_history)').pluck().get();
    const before = count();
    expect(() => addMember(opened.db, memberInput(seats.realEstate, 'Sam', 'Second'))).toThrow(/held by Dana Ruiz/);
    expect(count()).toBe(before);
  });
});
