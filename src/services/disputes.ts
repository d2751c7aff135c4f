// TYFCB disputes: either member on a slip says it is wrong (who, when, why); its amount is shown
// apart from the totals until leadership resolves it: confirmed (it stands), corrected (an amendment
// to the slip, audited with the reason) or removed (a tombstone, audited with the reason).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { tyfcbDisputes, tyfcbSlips } from '../db/schema';
import type { Dispute, ParsedInput, Period } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { parseMoney } from '../shared/money';
import type { z } from 'zod';
import type { tyfcbWithDisputeOut } from '../shared/outcome-schemas';
import { recordAudit } from './audit';
import { chapterToday, requireChapter } from './chapter';
import { getSlip } from './slips';
import { unwinIfUnthanked } from './referrals';
import { requireMemberOnDate } from './membership-on-date';

const disputeSelect = sql`SELECT d.id, d.tyfcb_id AS tyfcbId, m.meeting_on AS meetingOn,
    c.first_name || ' ' || c.last_name AS closerName, f.first_name || ' ' || f.last_name AS referrerName,
    t.amount_minor AS amountMinor, t.referral_id AS referralId,
    d.raised_by_id AS raisedById, w.first_name || ' ' || w.last_name AS raisedByName, d.raised_on AS raisedOn,
    d.ground, d.why, d.resolution, d.resolved_on AS resolvedOn, d.resolution_reason AS resolutionReason
  FROM tyfcb_disputes d JOIN tyfcb_slips t ON t.id = d.tyfcb_id JOIN meetings m ON m.id = t.meeting_id
  JOIN members c ON c.id = t.closer_id JOIN members f ON f.id = t.referrer_id JOIN members w ON w.id = d.raised_by_id`;

function getDispute(db: Db, id: string): Dispute | undefined {
  return db.get<Dispute>(sql`${disputeSelect} WHERE d.id = ${id}`);
}

export function listDisputes(db: Db, state: 'open' | 'resolved' | 'all'): Dispute[] {
  const where = state === 'open' ? sql`d.resolution IS NULL` : state === 'resolved' ? sql`d.resolution IS NOT NULL` : sql`1`;
  return db.all<Dispute>(sql`${disputeSelect} WHERE ${where} ORDER BY d.resolution IS NOT NULL, d.raised_on DESC, d.created_at DESC LIMIT 500`);
}

export function listTyfcbSlips(db: Db, p: Period): Array<z.infer<typeof tyfcbWithDisputeOut>> {
  return db.all(sql`SELECT t.id, m.meeting_on AS meetingOn, t.closer_id AS closerId, c.first_name || ' ' || c.last_name AS closerName,
      t.referrer_id AS referrerId, f.first_name || ' ' || f.last_name AS referrerName, t.amount_minor AS amountMinor, t.referral_id AS referralId,
      r.prospect_name AS prospectName,
      (SELECT d.id FROM tyfcb_disputes d WHERE d.tyfcb_id = t.id AND d.resolution IS NULL) AS openDisputeId
    FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id JOIN members c ON c.id = t.closer_id JOIN members f ON f.id = t.referrer_id
    LEFT JOIN referrals r ON r.id = t.referral_id
    WHERE t.deleted_at IS NULL AND m.status <> 'cancelled' AND m.meeting_on BETWEEN ${p.from} AND ${p.to}
    ORDER BY m.meeting_on DESC, t.created_at DESC LIMIT 500`);
}

export function disputeTyfcb(db: Db, input: ParsedInput<'disputeTyfcb'>, today = chapterToday(db)): Dispute {
  return db.transaction((tx) => {
    const slip = getSlip(tx, 'tyfcb', input.tyfcbId);
    if (!slip || slip.kind !== 'tyfcb') throw new LedgerError('not_found', 'That TYFCB slip no longer exists.', 'tyfcbId');
    if (input.raisedById !== slip.closerId && input.raisedById !== slip.referrerId) {
      throw new LedgerError('invalid_input', `Only ${slip.closerName} or ${slip.referrerName}, the two members on the slip, can dispute it.`, 'raisedById');
    }
    const raisedOn = input.raisedOn ?? today;
    if (raisedOn > today) throw new LedgerError('invalid_input', `${raisedOn} is in the future: a dispute is dated the day it is raised.`, 'raisedOn');
    const meetingOn = tx.get<{ d: string }>(sql`SELECT meeting_on AS d FROM meetings WHERE id = ${slip.meetingId}`)!.d;
    if (raisedOn < meetingOn) throw new LedgerError('invalid_input', `The slip was recorded on ${meetingOn}: a dispute cannot be dated before it.`, 'raisedOn');
    const open = tx.get<{ id: string }>(sql`SELECT id FROM tyfcb_disputes WHERE tyfcb_id = ${slip.id} AND resolution IS NULL`);
    if (open) throw new LedgerError('conflict', 'This slip is already disputed: leadership resolves that dispute first.', 'tyfcbId');
    const row = tx.insert(tyfcbDisputes).values({ tyfcbId: slip.id, raisedById: input.raisedById, raisedOn, ground: input.ground, why: input.why }).returning().get();
    const after = getDispute(tx, row.id)!;
    recordAudit(tx, { action: 'insert', entity: 'tyfcb_dispute', entityId: row.id, after, reason: input.why });
    return after;
  });
}

export function resolveDispute(db: Db, input: ParsedInput<'resolveDispute'>, today = chapterToday(db)): Dispute {
  const chapter = requireChapter(db);
  return db.transaction((tx) => {
    const before = getDispute(tx, input.id);
    if (!before) throw new LedgerError('not_found', 'That dispute no longer exists.', 'id');
    if (before.resolution) throw new LedgerError('conflict', `This dispute was already resolved (${before.resolution}) on ${before.resolvedOn}.`, 'resolution');
    const resolvedOn = input.resolvedOn ?? today;
    if (resolvedOn > today) throw new LedgerError('invalid_input', `${resolvedOn} is in the future: a resolution is dated the day it is made.`, 'resolvedOn');
    if (resolvedOn < before.raisedOn) throw new LedgerError('invalid_input', `The dispute was raised on ${before.raisedOn}: it cannot be resolved before that.`, 'resolvedOn');
    const slip = getSlip(tx, 'tyfcb', before.tyfcbId);
    if (!slip || slip.kind !== 'tyfcb') throw new LedgerError('not_found', 'The disputed TYFCB slip no longer exists.', 'id');
    const why = `Dispute resolved (${input.resolution}): ${input.reason}`;

    if (input.resolution === 'corrected') {
      const changes: { amountMinor?: number; referrerId?: string; referralId?: null } = {};
      if (input.amount !== '') {
        const money = parseMoney(input.amount, chapter.currency, chapter.locale, 'Corrected amount');
        if (!money.ok) throw new LedgerError('invalid_input', money.message, 'amount');
        if (money.minor === 0) throw new LedgerError('invalid_input', 'A corrected amount must be more than zero; to take the slip out, choose Removed.', 'amount');
        if (money.minor !== slip.amountMinor) changes.amountMinor = money.minor;
      }
      if (input.referrerId && input.referrerId !== slip.referrerId) {
        if (input.referrerId === slip.closerId) throw new LedgerError('invalid_input', 'A member cannot thank themselves: choose the member who really referred the business.', 'referrerId');
        const meetingOn = tx.get<{ d: string }>(sql`SELECT meeting_on AS d FROM meetings WHERE id = ${slip.meetingId}`)!.d;
        changes.referrerId = requireMemberOnDate(tx, input.referrerId, meetingOn, 'referrerId').id;
        // The linked referral was from the old referrer: it cannot stay linked.
        if (slip.referralId) changes.referralId = null;
      }
      if (input.unlinkReferral && slip.referralId) changes.referralId = null;
      if (Object.keys(changes).length === 0) {
        throw new LedgerError('invalid_input', 'Corrected needs a change: a new amount, another referrer or unlinking the referral. If the slip is right, choose Confirmed.', 'amount');
      }
      tx.update(tyfcbSlips).set(changes).where(eq(tyfcbSlips.id, slip.id)).run();
      recordAudit(tx, { action: 'update', entity: 'tyfcb', entityId: slip.id, before: slip, after: getSlip(tx, 'tyfcb', slip.id), reason: why });
      if (changes.referralId === null && slip.referralId) {
        unwinIfUnthanked(tx, slip.referralId, 'No TYFCB thanks it any more: leadership unlinked the TYFCB slip after a dispute', why);
      }
    } else if (input.resolution === 'removed') {
      tx.update(tyfcbSlips).set({ deletedAt: new Date().toISOString() }).where(eq(tyfcbSlips.id, slip.id)).run();
      recordAudit(tx, { action: 'delete', entity: 'tyfcb', entityId: slip.id, before: slip, reason: why });
      if (slip.referralId) unwinIfUnthanked(tx, slip.referralId, 'No TYFCB thanks it any more: leadership removed the TYFCB slip after a dispute', why);
    }
    tx.update(tyfcbDisputes).set({ resolution: input.resolution, resolvedOn, resolutionReason: input.reason }).where(eq(tyfcbDisputes.id, input.id)).run();
    const after = getDispute(tx, input.id)!;
    recordAudit(tx, { action: 'update', entity: 'tyfcb_dispute', entityId: input.id, before, after, reason: why });
    return after;
  });
}
