// Helpers for the leadership workflow tests: meetings counted back from today, visitor slips
// recorded the way the secretary records them, and meetings closed with PALMS marks.
import { expect } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { addDays, todayIso } from '../../src/shared/dates';

export const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

export const refused = (result: ReturnType<Registry['call']>) => {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

export const today = () => todayIso();
export const daysAgo = (n: number) => addDays(todayIso(), -n);

export function meeting(api: Registry, on: string): string {
  return ok<{ id: string }>(api.call('createMeeting', { meetingOn: on, confirmDate: true })).id;
}

export function visit(api: Registry, meetingId: string, name: string, extra: Record<string, unknown> = {}) {
  return ok<{ id: string }>(api.call('saveVisitor', { meetingId, name, confirmDuplicate: true, ...extra }));
}

/** Closes a meeting with everyone present except the marks given (memberId → mark). */
export function closeWith(api: Registry, meetingId: string, marks: Record<string, 'A' | 'L' | 'M' | 'S'> = {}) {
  for (const [memberId, mark] of Object.entries(marks)) {
    ok(api.call('setAttendance', { meetingId, memberId, mark, substituteName: mark === 'S' ? 'Pat Rivera' : '' }));
  }
  ok(api.call('markAllPresent', { meetingId }));
  ok(api.call('closeMeeting', { meetingId, confirmWarnings: true }));
}

export function auditRows(opened: OpenedDatabase, entity: string, entityId?: string) {
  return opened.sqlite
    .prepare(`SELECT action, entity, entity_id AS entityId, before, after, reason FROM audit_log WHERE entity = ? ${entityId ? 'AND entity_id = ?' : ''} ORDER BY at, rowid`)
    .all(...(entityId ? [entity, entityId] : [entity])) as Array<{ action: string; entity: string; entityId: string; before: string | null; after: string | null; reason: string }>;
}
