import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { chapter } from '../db/schema';
import type { Chapter, ParsedInput } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';

const columns = {
  id: chapter.id,
  name: chapter.name,
  region: chapter.region,
  meetingWeekday: chapter.meetingWeekday,
  meetingTime: chapter.meetingTime,
  currency: chapter.currency,
  locale: chapter.locale,
  absenceLimit: chapter.absenceLimit,
  absenceWindowMonths: chapter.absenceWindowMonths,
  noReferralWeeks: chapter.noReferralWeeks,
  openReferralDays: chapter.openReferralDays,
  createdAt: chapter.createdAt,
  updatedAt: chapter.updatedAt,
};

export function getChapter(db: Db): Chapter | null {
  return db.select(columns).from(chapter).get() ?? null;
}

export function requireChapter(db: Db): Chapter {
  const found = getChapter(db);
  if (!found) throw new LedgerError('no_chapter', 'Set up the chapter first (Settings → Chapter).');
  return found;
}

export function saveChapter(db: Db, input: ParsedInput<'saveChapter'>): Chapter {
  return db.transaction((tx) => {
    const existing = getChapter(tx);
    if (existing) {
      tx.update(chapter).set(input).where(eq(chapter.id, existing.id)).run();
      const after = getChapter(tx)!;
      recordAudit(tx, { action: 'update', entity: 'chapter', entityId: existing.id, before: existing, after });
      return after;
    }
    tx.insert(chapter).values(input).run();
    const created = getChapter(tx)!;
    recordAudit(tx, { action: 'insert', entity: 'chapter', entityId: created.id, after: created });
    return created;
  });
}
