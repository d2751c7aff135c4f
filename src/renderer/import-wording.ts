/** Counts on the import screens, in the secretary's words: "1 member", "2 members", never "1 members". */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface RosterCounts {
  members: number;
  alreadyMembers: number;
  updates: number;
}

/**
 * The roster preview's heading, its line about members already in the ledger, and its button.
 * `button` is null when the file adds and changes nobody: the screen then says so instead of offering "Add 0 members".
 */
export function rosterWording(c: RosterCounts): { heading: string; already: string; button: string | null; nothing: string | null } {
  const heading = c.members === 0 ? 'No new members to add' : `${counted(c.members, 'member')} to add`;
  const already =
    c.alreadyMembers === 0
      ? 'Nobody in the file is in the ledger yet.'
      : `${counted(c.alreadyMembers, 'member')} already in the ledger, ${c.updates === 0 ? 'none' : c.updates} with details to update.`;
  if (c.members === 0 && c.updates === 0) {
    return { heading, already, button: null, nothing: 'Nothing to add or update: every member in this file is already in the ledger with the same details.' };
  }
  const button =
    c.updates === 0
      ? `Add ${counted(c.members, 'member')}`
      : c.members === 0
        ? `Update ${counted(c.updates, 'member')}`
        : `Add ${counted(c.members, 'member')}, update ${counted(c.updates, 'member')}`;
  return { heading, already, button, nothing: null };
}

/** The attendance preview's count line and button ("Import 1 mark"). */
export function attendanceWording(c: { marksToAdd: number; meetingsToCreate: number; marksAlreadyThere: number }): { line: string; button: string } {
  return {
    line: `${counted(c.marksToAdd, 'mark')} to add, ${counted(c.meetingsToCreate, 'meeting')} to create (closed), ${counted(c.marksAlreadyThere, 'mark')} already in the ledger.`,
    button: c.marksToAdd === 0 ? 'Nothing new to import' : `Import ${counted(c.marksToAdd, 'mark')}`,
  };
}
