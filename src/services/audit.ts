// Writes to the append-only audit log. Called inside the caller's transaction so the change
// and its record land together or not at all.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import type { auditActions } from '../shared/domain';
import { appendAuditRow } from './audit-chain';

export interface AuditEntry {
  action: (typeof auditActions)[number];
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

export function recordAudit(db: Db, entry: AuditEntry): void {
  appendAuditRow(db, {
    id: randomUUID(),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    reason: entry.reason ?? '',
  });
}
