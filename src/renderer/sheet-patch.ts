// The meeting sheet on screen, changed at once by a slip the ledger has just saved or deleted: the new
// row shows as soon as the save answers, without waiting for the whole sheet to be read again. The sheet
// is still read again right after (its totals, attendance and tonight's count come from the ledger), and
// that answer replaces this one; the rows it did not change keep their objects (keep-unchanged.ts).
import type { MeetingSheet, Slip } from '../shared/contract';

/** The ledger's order of a meeting's slips (services/slips.ts listMeetingSlips): newest first, then by id. */
export function newestFirst(a: Slip, b: Slip): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The sheet with `slip` (just saved: new, or amended) in its list, in the ledger's order; any other meeting's sheet as it was. */
export function withSlipSaved(sheet: MeetingSheet | null, slip: Slip): MeetingSheet | null {
  if (!sheet || slip.meetingId !== sheet.meeting.id) return sheet;
  const known = sheet.slips.some((s) => s.id === slip.id);
  const slips = (known ? sheet.slips.map((s) => (s.id === slip.id ? slip : s)) : [slip, ...sheet.slips]).sort(newestFirst);
  return { ...sheet, slips, meeting: { ...sheet.meeting, slipCount: sheet.meeting.slipCount + (known ? 0 : 1) } };
}

/** The sheet without the slip just deleted. */
export function withSlipDeleted(sheet: MeetingSheet | null, slipId: string): MeetingSheet | null {
  if (!sheet || !sheet.slips.some((s) => s.id === slipId)) return sheet;
  return { ...sheet, slips: sheet.slips.filter((s) => s.id !== slipId), meeting: { ...sheet.meeting, slipCount: Math.max(0, sheet.meeting.slipCount - 1) } };
}
