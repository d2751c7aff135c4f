import { eq, sql } from 'drizzle-orm';
import { firstRow } from '../db/fixed-statements';
import type { Db } from '../db/open';
import { chapter } from '../db/schema';
import type { Chapter, ParsedInput } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { chapterTimeZone, dayIn } from '../shared/time-zone';
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
  nameOrder: chapter.nameOrder,
  timeZone: chapter.timeZone,
  createdAt: chapter.createdAt,
  updatedAt: chapter.updatedAt,
};

// The same columns as one fixed statement (read by nearly every call, twice by a save and its sheet).
const chapterText = `SELECT ${Object.entries(columns)
  .map(([field, column]) => `${column.name} AS ${field}`)
  .join(', ')} FROM chapter`;

export function getChapter(db: Db): Chapter | null {
  return firstRow<Chapter>(db, chapterText) ?? null;
}

/**
 * The calendar day it is now where the chapter meets: its time-zone setting, or the computer's zone
 * when unset. Every "today" of the leadership lists (follow-ups due, renewals due, absences counted,
 * "this week") is this day, so a chapter in Auckland sees Tuesday's list on Tuesday morning even when
 * the computer or the clock it reads is still on Monday in UTC.
 */
export function chapterToday(db: Db, now: Date = new Date()): string {
  return dayIn(now, chapterTimeZone(getChapter(db)?.timeZone));
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
      if (input.currency !== existing.currency) refuseCurrencyChangeOnceMoneyExists(tx, existing.currency, input.currency);
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

/**
 * Amounts are stored in the chapter's currency and never converted: once a TYFCB amount exists,
 * changing the currency would silently relabel every past amount (£4,900.50 shown as €4,900.50).
 * The locale (how numbers and dates are written) stays free to change.
 */
function refuseCurrencyChangeOnceMoneyExists(db: Db, from: string, to: string): void {
  const slips = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM tyfcb_slips WHERE deleted_at IS NULL`)!.n;
  if (slips === 0) return;
  throw new LedgerError(
    'conflict',
    `The currency cannot change from ${from} to ${to}: ${slips} TYFCB slip${slips === 1 ? ' holds an amount' : 's hold amounts'} in ${from}, and amounts are not converted — they would all be relabelled as ${to}. The number format (locale) can still change.`,
    'currency',
  );
}

/**
 * How much disk the backups may use (MB, 0 = no limit). Applied at the next backup, never at once:
 * lowering it must not delete copies the moment a number is picked in a list. Kept out of
 * getChapter, which every screen reads, so the chapter form never carries it back by accident.
 */
export function setBackupLimit(db: Db, input: ParsedInput<'setBackupLimit'>): { maxMb: number } {
  return db.transaction((tx) => {
    const existing = requireChapter(tx);
    const before = tx.select({ maxMb: chapter.backupsMaxMb }).from(chapter).get()!.maxMb;
    if (before === input.maxMb) return { maxMb: before };
    tx.update(chapter).set({ backupsMaxMb: input.maxMb }).where(eq(chapter.id, existing.id)).run();
    recordAudit(tx, { action: 'update', entity: 'chapter', entityId: existing.id, before: { backupsMaxMb: before }, after: { backupsMaxMb: input.maxMb } });
    return { maxMb: input.maxMb };
  });
}
