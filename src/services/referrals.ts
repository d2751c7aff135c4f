// Closing the loop: the open referrals list and the follow-up status either member can move on.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { referrals } from '../db/schema';
import type { OpenReferral, ParsedInput } from '../shared/contract';
import { todayIso } from '../shared/dates';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';

const openReferralSelect = (today: string, byStatus = false) => sql`SELECT 'referral' AS kind, r.id, r.meeting_id AS meetingId, r.created_at AS createdAt,
  r.giver_id AS giverId, g.display_name AS giverName, r.receiver_id AS receiverId,
  v.display_name AS receiverName, r.kind AS referralKind, r.temperature, r.prospect_name AS prospectName,
  r.prospect_phone AS prospectPhone, r.prospect_email AS prospectEmail, r.note, r.status, m.meeting_on AS meetingOn,
  max(0, CAST(julianday(${today}) - julianday(m.meeting_on) AS INTEGER)) AS daysOpen
  FROM referrals r ${byStatus ? sql.raw('INDEXED BY referrals_status') : sql``} JOIN meetings m ON m.id = r.meeting_id
  JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id
  WHERE r.deleted_at IS NULL AND m.status <> 'cancelled'`;

export function listOpenReferrals(db: Db, input: ParsedInput<'listOpenReferrals'>, today = todayIso()): OpenReferral[] {
  const status = input.status === 'open' ? sql`r.status IN ('new', 'contacted', 'meeting_set')` : sql`r.status = ${input.status}`;
  const member = input.memberId ? sql`AND (r.giver_id = ${input.memberId} OR r.receiver_id = ${input.memberId})` : sql``;
  // The chapter's list reads the referrals of the status it shows, whatever the statistics say: when
  // most referrals are open SQLite would rather scan them all, the same work at best and every
  // referral ever at worst. (One member's list goes through the giver and receiver indexes.)
  // No age asked for: every referral, even one recorded at a meeting dated after today (its age is 0).
  const age = input.olderThanDays > 0 ? sql`AND julianday(${today}) - julianday(m.meeting_on) >= ${input.olderThanDays}` : sql``;
  return db.all<OpenReferral>(sql`${openReferralSelect(today, !input.memberId)} AND ${status} ${member} ${age}
    ORDER BY m.meeting_on, r.created_at, r.id LIMIT ${input.limit ?? 200} OFFSET ${input.offset ?? 0}`);
}

export function setReferralStatus(db: Db, input: ParsedInput<'setReferralStatus'>, today = todayIso()): OpenReferral {
  return db.transaction((tx) => {
    const before = tx.select().from(referrals).where(eq(referrals.id, input.id)).get();
    if (!before || before.deletedAt) throw new LedgerError('not_found', 'That referral no longer exists.', 'id');
    if (before.status !== input.status) {
      tx.update(referrals).set({ status: input.status, statusChangedAt: new Date().toISOString() }).where(eq(referrals.id, input.id)).run();
      recordAudit(tx, { action: 'update', entity: 'referral', entityId: input.id, before: { status: before.status }, after: { status: input.status }, reason: input.reason });
    }
    return tx.get<OpenReferral>(sql`${openReferralSelect(today)} AND r.id = ${input.id}`)!;
  });
}
