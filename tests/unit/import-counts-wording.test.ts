import { describe, expect, it } from 'vitest';
import { attendanceWording, rosterWording } from '../../src/renderer/import-wording';

describe('import screens count people and marks the way the secretary says them', () => {
  it('a roster with one new member says "1 member to add" and the button "Add 1 member"', () => {
    const w = rosterWording({ members: 1, alreadyMembers: 0, updates: 0 });
    expect(w.heading).toBe('1 member to add');
    expect(w.button).toBe('Add 1 member');
  });

  it('a roster whose members are all in the ledger with the same details offers no "Add 0 members" button, and says why', () => {
    const w = rosterWording({ members: 0, alreadyMembers: 35, updates: 0 });
    expect(w.heading).toBe('No new members to add');
    expect(w.button).toBeNull();
    expect(w.nothing).toMatch(/Nothing to add or update/);
    expect(w.already).toBe('35 members already in the ledger, none with details to update.');
  });

  it('a roster that only changes one phone number offers "Update 1 member", not "Add 0"', () => {
    const w = rosterWording({ members: 0, alreadyMembers: 1, updates: 1 });
    expect(w.button).toBe('Update 1 member');
    expect(w.already).toBe('1 member already in the ledger, 1 with details to update.');
    expect(rosterWording({ members: 2, alreadyMembers: 3, updates: 1 }).button).toBe('Add 2 members, update 1 member');
  });

  it('an attendance file with one new mark says "1 mark to add" and "Import 1 mark"', () => {
    const w = attendanceWording({ marksToAdd: 1, meetingsToCreate: 1, marksAlreadyThere: 0 });
    expect(w.line).toBe('1 mark to add, 1 meeting to create (closed), 0 marks already in the ledger.');
    expect(w.button).toBe('Import 1 mark');
    expect(attendanceWording({ marksToAdd: 0, meetingsToCreate: 0, marksAlreadyThere: 4 }).button).toBe('Nothing new to import');
  });
});
