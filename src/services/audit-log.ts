// Reading the audit log: newest first, filtered, each change described in a line.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import type { ParsedInput } from '../shared/contract';
import { describeChange } from './change-summary';

export function listAuditLog(db: Db, input: ParsedInput<'listAuditLog'>) {
  const rows = db.all<{ id: string; at: string; action: string; entity: string; entityId: string; before: string | null; after: string | null; reason: string }>(sql`
    SELECT id, at, action, entity, entity_id AS entityId, before, after, reason FROM audit_log
    WHERE (${input.entity} = 'all' OR entity = ${input.entity})
      AND (${input.action} = 'all' OR action = ${input.action})
      AND (${input.from ?? ''} = '' OR at >= ${input.from ?? ''})
      AND (${input.to ?? ''} = '' OR at < date(${input.to ?? '9999-12-31'}, '+1 day'))
      AND (${input.withReasonOnly ? 1 : 0} = 0 OR reason <> '')
    ORDER BY at DESC, rowid DESC
    LIMIT ${input.limit}`);
  return rows.map((r) => ({ id: r.id, at: r.at, action: r.action, entity: r.entity, entityId: r.entityId, reason: r.reason, change: describeChange(r.before, r.after) }));
}
