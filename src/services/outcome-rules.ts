// The outcome rules: stale days, integrity thresholds and recognition minimums, kept as JSON in the
// chapter settings (no row = the documented defaults), validated by the schema the contract uses.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { chapterSettings } from '../db/schema';
import { defaultOutcomeRules, outcomeRulesSchema, type OutcomeRules } from '../shared/outcome-schemas';
import { recordAudit } from './audit';
import { requireChapter } from './chapter';

const name = 'outcome_rules';

export function getOutcomeRules(db: Db): OutcomeRules {
  const row = db.select({ value: chapterSettings.value }).from(chapterSettings).where(eq(chapterSettings.name, name)).get();
  if (!row) return defaultOutcomeRules;
  // A file written by a newer version may carry rules we do not know: then the defaults hold.
  const parsed = outcomeRulesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaultOutcomeRules;
}

export function saveOutcomeRules(db: Db, rules: OutcomeRules | null): OutcomeRules {
  return db.transaction((tx) => {
    const current = requireChapter(tx);
    const before = getOutcomeRules(tx);
    if (rules) {
      tx.insert(chapterSettings)
        .values({ name, value: JSON.stringify(rules) })
        .onConflictDoUpdate({ target: chapterSettings.name, set: { value: JSON.stringify(rules), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` } })
        .run();
    } else {
      tx.delete(chapterSettings).where(eq(chapterSettings.name, name)).run();
    }
    const after = getOutcomeRules(tx);
    recordAudit(tx, { action: 'update', entity: 'outcome_rules', entityId: current.id, before, after });
    return after;
  });
}
