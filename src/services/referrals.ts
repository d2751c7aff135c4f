// Closing the loop: the open referrals list, the follow-up status either member can move on, and
// the follow-up history (each change with its day, who recorded it, a note, and why it was lost).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { referralStatusHistory, referrals, tyfcbSlips } from '../db/schema';
import type { OpenReferral, ParsedInput, Period, ReferralHistory } from '../shared/contract';
import type { LostReason, referralStatuses } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { recordAudit } from './audit';
import { chapterToday, requireChapter } from './chapter';

type ReferralStatus = (typeof referralStatuses)[number];

/** The day of a referral's latest follow-up entry, or its meeting's day when none was recorded. */
const lastUpdateSql = sql`coalesce((SELECT max(h.changed_on) FROM referral_status_history h WHERE h.referral_id = r.id), m.meeting_on)`;

const openReferralSelect = (today: string) => sql`SELECT 'referral' AS kind, r.id, r.meeting_id AS meetingId, r.created_at AS createdAt,
  r.giver_id AS giverId, g.display_name AS giverName, r.receiver_id AS receiverId,
  v.display_name AS receiverName, r.kind AS referralKind, r.temperature, r.prospect_name AS prospectName,
  r.prospect_phone AS prospectPhone, r.prospect_email AS prospectEmail, r.note, r.status, m.meeting_on AS meetingOn,
  max(0, CAST(julianday(${today}) - julianday(m.meeting_on) AS INTEGER)) AS daysOpen,
  ${lastUpdateSql} AS lastUpdateOn,
  max(0, CAST(julianday(${today}) - julianday(${lastUpdateSql}) AS INTEGER)) AS daysSinceUpdate
  FROM referrals r JOIN meetings m ON m.id = r.meeting_id
  JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id
  WHERE r.deleted_at IS NULL AND m.status <> 'cancelled'`;

/**
 * The referrals with their meetings, for the list and its count. One member's go through the giver and
 * receiver indexes. The chapter's are read meeting by meeting in date order, each meeting's through the
 * (status, meeting) index: the page is then the first meetings' referrals (SQLite stops at the page's
 * end) and the count reads the index alone — left to itself SQLite read every open referral's row and
 * sorted them all for a page of 50 (1M-slip file, 437,000 open: 380 ms for the page, 230 ms for the count).
 */
function referralsWithMeetings(memberId: string | null | undefined) {
  return memberId
    ? sql`referrals r JOIN meetings m ON m.id = r.meeting_id`
    : sql`meetings m CROSS JOIN referrals r INDEXED BY referrals_status ON r.meeting_id = m.id`;
}

export function listOpenReferrals(db: Db, input: ParsedInput<'listOpenReferrals'>, today = chapterToday(db)): OpenReferral[] {
  const status = input.status === 'open' ? sql`r.status IN ('new', 'contacted', 'meeting_set')` : sql`r.status = ${input.status}`;
  const member = input.memberId ? sql`AND (r.giver_id = ${input.memberId} OR r.receiver_id = ${input.memberId})` : sql``;
  // The chapter's list reads the referrals of the status it shows, whatever the statistics say: when
  // most referrals are open SQLite would rather scan them all, the same work at best and every
  // referral ever at worst. (One member's list goes through the giver and receiver indexes.)
  // No age asked for: every referral, even one recorded at a meeting dated after today (its age is 0).
  const age = input.olderThanDays > 0 ? sql`AND julianday(${today}) - julianday(m.meeting_on) >= ${input.olderThanDays}` : sql``;
  // The page's referrals are chosen first from the referrals and their meetings alone; only those rows then get
  // their names and follow-up days (a correlated look-up each): a member's statement skipping 400 older ones
  // computed all 400 before the offset dropped them.
  const page = sql`SELECT r.id FROM ${referralsWithMeetings(input.memberId)}
    WHERE r.deleted_at IS NULL AND m.status <> 'cancelled' AND ${status} ${member} ${age}
    ORDER BY m.meeting_on, r.created_at, r.rowid LIMIT ${input.limit ?? 200} OFFSET ${input.offset ?? 0}`;
  // Ties (two slips saved in the same millisecond) in the order they were entered (rowid), never by the random id.
  return db.all<OpenReferral>(sql`${openReferralSelect(today)} AND r.id IN (${page}) ORDER BY m.meeting_on, r.created_at, r.rowid`);
}

/**
 * How many referrals the Open referrals list holds with these filters (every page together), and how
 * many of them are recorded at a meeting dated after today, so the screen can say "152 open referrals".
 */
export function countOpenReferrals(db: Db, input: ParsedInput<'countOpenReferrals'>, today = chapterToday(db)): { total: number; future: number } {
  const status = input.status === 'open' ? sql`r.status IN ('new', 'contacted', 'meeting_set')` : sql`r.status = ${input.status}`;
  const member = input.memberId ? sql`AND (r.giver_id = ${input.memberId} OR r.receiver_id = ${input.memberId})` : sql``;
  const age = input.olderThanDays > 0 ? sql`AND julianday(${today}) - julianday(m.meeting_on) >= ${input.olderThanDays}` : sql``;
  const row = db.get<{ total: number; future: number | null }>(sql`SELECT count(*) AS total, sum(m.meeting_on > ${today}) AS future
    FROM ${referralsWithMeetings(input.memberId)}
    WHERE r.deleted_at IS NULL AND m.status <> 'cancelled' AND ${status} ${member} ${age}`);
  return { total: row?.total ?? 0, future: row?.future ?? 0 };
}

interface ReferralRow {
  id: string;
  giverId: string;
  receiverId: string;
  giverName: string;
  receiverName: string;
  status: ReferralStatus;
  meetingOn: string;
  deletedAt: string | null;
  lastUpdateOn: string | null;
}

export function requireReferral(db: Db, id: string, field = 'id'): ReferralRow {
  const row = db.get<ReferralRow>(sql`SELECT r.id, r.giver_id AS giverId, r.receiver_id AS receiverId, r.status, r.deleted_at AS deletedAt,
      g.first_name || ' ' || g.last_name AS giverName, v.first_name || ' ' || v.last_name AS receiverName, m.meeting_on AS meetingOn,
      (SELECT max(h.changed_on) FROM referral_status_history h WHERE h.referral_id = r.id) AS lastUpdateOn
    FROM referrals r JOIN meetings m ON m.id = r.meeting_id JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id
    WHERE r.id = ${id}`);
  if (!row || row.deletedAt) throw new LedgerError('not_found', 'That referral no longer exists.', field);
  return row;
}

export interface StatusChange {
  status: ReferralStatus;
  on: string;
  recordedById: string | null;
  lostReason: LostReason | null;
  note: string;
  /** Why, for the audit log. */
  reason: string;
}

/**
 * Appends one follow-up entry and moves the referral's status with it, audited. Inside the caller's
 * transaction. Refuses days before the referral or before the latest entry (the history runs forward).
 */
export function appendStatus(tx: Db, referral: ReferralRow, change: StatusChange): void {
  if (change.on < referral.meetingOn) {
    throw new LedgerError('invalid_input', `The referral was given on ${referral.meetingOn}: a follow-up cannot be dated before it.`, 'on');
  }
  if (referral.lastUpdateOn && change.on < referral.lastUpdateOn) {
    throw new LedgerError('invalid_input', `The last follow-up was recorded on ${referral.lastUpdateOn}: date this one on or after it.`, 'on');
  }
  const entry = tx
    .insert(referralStatusHistory)
    .values({ referralId: referral.id, status: change.status, changedOn: change.on, recordedById: change.recordedById, lostReason: change.lostReason, note: change.note })
    .returning()
    .get();
  if (referral.status !== change.status) {
    tx.update(referrals).set({ status: change.status, statusChangedAt: new Date().toISOString() }).where(eq(referrals.id, referral.id)).run();
  }
  recordAudit(tx, {
    action: 'update',
    entity: 'referral',
    entityId: referral.id,
    before: { status: referral.status },
    after: { status: change.status, changedOn: change.on, recordedById: change.recordedById, lostReason: change.lostReason, note: change.note, historyEntryId: entry.id },
    reason: change.reason,
  });
}

export function setReferralStatus(db: Db, input: ParsedInput<'setReferralStatus'>, today = chapterToday(db)): OpenReferral {
  return db.transaction((tx) => {
    const referral = requireReferral(tx, input.id);
    const on = input.on ?? today;
    if (on > today) throw new LedgerError('invalid_input', `A follow-up cannot be dated after today (${today}): ${on} has not happened yet.`, 'on');
    if (input.status === 'lost' && !input.lostReason) {
      throw new LedgerError('invalid_input', 'Say why it was lost: price, timing, no answer, not a fit or other.', 'lostReason');
    }
    if (input.status !== 'lost' && input.lostReason) {
      throw new LedgerError('invalid_input', 'Only a lost referral has a reason for being lost: clear it or choose Lost.', 'lostReason');
    }
    if (input.recordedById && input.recordedById !== referral.giverId && input.recordedById !== referral.receiverId) {
      throw new LedgerError('invalid_input', `Recorded by must be ${referral.giverName} or ${referral.receiverName} (or leave it for the secretary).`, 'recordedById');
    }
    if (input.status === referral.status && input.note === '') {
      throw new LedgerError('invalid_input', 'The referral already has this status: add a note to record a follow-up without a new status.', 'note');
    }
    if (referral.status === 'won' && input.status !== 'won') {
      const thanked = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM tyfcb_slips WHERE referral_id = ${referral.id} AND deleted_at IS NULL`)!.n;
      if (thanked > 0) {
        throw new LedgerError('conflict', 'A TYFCB slip thanks this referral, so it stays won: resolve a dispute on that slip to unlink or remove it first.', 'status');
      }
    }
    if (input.status === 'lost' && input.lostReason === 'other' && input.note.trim() === '') {
      throw new LedgerError('invalid_input', '“Other” needs a few words: say in the note why it was lost.', 'note');
    }
    appendStatus(tx, referral, { status: input.status, on, recordedById: input.recordedById, lostReason: input.lostReason, note: input.note, reason: input.reason || input.note });
    return tx.get<OpenReferral>(sql`${openReferralSelect(today)} AND r.id = ${input.id}`)!;
  });
}

const tyfcbOfReferralSql = (where: ReturnType<typeof sql>) => sql`SELECT t.id, m.meeting_on AS meetingOn, t.amount_minor AS amountMinor, t.business,
    EXISTS (SELECT 1 FROM tyfcb_disputes d WHERE d.tyfcb_id = t.id AND d.resolution IS NULL) AS disputed
  FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id WHERE t.deleted_at IS NULL AND m.status <> 'cancelled' AND ${where} ORDER BY m.meeting_on, t.created_at`;

export function referralHistory(db: Db, id: string): ReferralHistory {
  const chapter = requireChapter(db);
  const referral = requireReferral(db, id);
  const prospect = db.get<{ name: string }>(sql`SELECT prospect_name AS name FROM referrals WHERE id = ${id}`)!.name;
  const entries = db.all<ReferralHistory['entries'][number]>(sql`SELECT h.id, h.status, h.changed_on AS changedOn, h.recorded_by_id AS recordedById,
      CASE WHEN w.id IS NULL THEN NULL ELSE w.first_name || ' ' || w.last_name END AS recordedByName, h.lost_reason AS lostReason, h.note
    FROM referral_status_history h LEFT JOIN members w ON w.id = h.recorded_by_id
    WHERE h.referral_id = ${id} ORDER BY h.changed_on, h.created_at, h.rowid`);
  const asBool = (rows: Array<Omit<ReferralHistory['tyfcb'][number], 'disputed'> & { disputed: number | boolean }>) => rows.map((r) => ({ ...r, disputed: Boolean(r.disputed) }));
  return {
    referralId: id,
    givenOn: referral.meetingOn,
    giverId: referral.giverId,
    giverName: referral.giverName,
    receiverId: referral.receiverId,
    receiverName: referral.receiverName,
    prospectName: prospect,
    status: referral.status,
    entries,
    tyfcb: asBool(db.all(tyfcbOfReferralSql(sql`t.referral_id = ${id}`))),
    unlinkedTyfcb: asBool(db.all(tyfcbOfReferralSql(sql`t.referral_id IS NULL AND t.closer_id = ${referral.receiverId} AND t.referrer_id = ${referral.giverId} AND m.meeting_on >= ${referral.meetingOn}`))),
    currency: chapter.currency,
  };
}

/**
 * Business closed from a referral means the referral was won: a TYFCB slip linked to a referral that
 * is not won yet adds a "won" entry, dated the TYFCB's meeting (or the latest entry's day if later).
 */
export function markWonByTyfcb(tx: Db, referralId: string, meetingOn: string, closerId: string, field = 'referralId'): void {
  const referral = requireReferral(tx, referralId, field);
  if (meetingOn < referral.meetingOn) {
    throw new LedgerError('invalid_input', `That referral was given on ${referral.meetingOn}, after this TYFCB's meeting (${meetingOn}).`, field);
  }
  if (referral.status === 'won') return;
  const on = referral.lastUpdateOn && referral.lastUpdateOn > meetingOn ? referral.lastUpdateOn : meetingOn;
  appendStatus(tx, referral, { status: 'won', on, recordedById: closerId, lostReason: null, note: tyfcbWonNote, reason: tyfcbWonNote });
}

/** The note of the "won" entry a TYFCB writes: how the history tells business-made wins from wins set by hand. */
export const tyfcbWonNote = 'TYFCB recorded';

/**
 * The last live TYFCB thanking a referral went (deleted, removed after a dispute, unlinked from it).
 * If that business is what made the referral won, the referral goes back to the stage it stood at
 * before: the status of the history entry before the TYFCB's "won" (New when there is none; a lost
 * one keeps its reason), as a new entry dated today (or the latest entry's day if that is later),
 * audited, in the caller's transaction. A referral the receiver had marked won by hand before any
 * TYFCB thanked it stays won (that was their word, not the slip's); so does one still thanked by
 * another slip. Bringing the slip back (undo) links it again and marks the referral won again.
 */
export function unwinIfUnthanked(tx: Db, referralId: string, note: string, reason: string): void {
  const referral = requireReferral(tx, referralId);
  if (referral.status !== 'won') return;
  const thanked = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM tyfcb_slips WHERE referral_id = ${referralId} AND deleted_at IS NULL`)!.n;
  if (thanked > 0) return;
  const entries = tx.all<{ status: ReferralStatus; lostReason: LostReason | null; note: string }>(sql`SELECT status, lost_reason AS lostReason, note
    FROM referral_status_history WHERE referral_id = ${referralId} ORDER BY changed_on DESC, created_at DESC, rowid DESC`);
  // The run of "won" entries at the end of the history (later notes keep the status); its first one made it won.
  let run = 0;
  while (run < entries.length && entries[run]!.status === 'won') run++;
  if (run === 0 || entries[run - 1]!.note !== tyfcbWonNote) return;
  const before = entries[run] ?? { status: 'new' as const, lostReason: null };
  const today = chapterToday(tx);
  const on = referral.lastUpdateOn && referral.lastUpdateOn > today ? referral.lastUpdateOn : today;
  appendStatus(tx, referral, { status: before.status, on, recordedById: null, lostReason: before.status === 'lost' ? before.lostReason : null, note, reason });
}

export function linkTyfcbToReferral(db: Db, input: ParsedInput<'linkTyfcbToReferral'>): ReferralHistory {
  db.transaction((tx) => {
    const slip = tx.get<{ id: string; closerId: string; referrerId: string; referralId: string | null; meetingOn: string; meetingStatus: string; deletedAt: string | null }>(sql`
      SELECT t.id, t.closer_id AS closerId, t.referrer_id AS referrerId, t.referral_id AS referralId, t.deleted_at AS deletedAt,
        m.meeting_on AS meetingOn, m.status AS meetingStatus
      FROM tyfcb_slips t JOIN meetings m ON m.id = t.meeting_id WHERE t.id = ${input.tyfcbId}`);
    if (!slip || slip.deletedAt) throw new LedgerError('not_found', 'That TYFCB slip no longer exists.', 'tyfcbId');
    if (slip.referralId === input.referralId) return;
    if (slip.referralId) throw new LedgerError('conflict', 'That TYFCB slip is already linked to another referral.', 'tyfcbId');
    const referral = requireReferral(tx, input.referralId, 'referralId');
    if (referral.giverId !== slip.referrerId || referral.receiverId !== slip.closerId) {
      throw new LedgerError('invalid_input', `That TYFCB slip is not ${referral.receiverName} thanking ${referral.giverName}.`, 'tyfcbId');
    }
    if (slip.meetingStatus === 'completed' && input.reason.trim() === '') {
      throw new LedgerError('reason_required', `The TYFCB slip was recorded at the closed meeting of ${slip.meetingOn}: give a reason for linking it (it is kept in the audit log).`, 'reason');
    }
    markWonByTyfcb(tx, referral.id, slip.meetingOn, slip.closerId, 'tyfcbId');
    tx.update(tyfcbSlips).set({ referralId: referral.id }).where(eq(tyfcbSlips.id, slip.id)).run();
    recordAudit(tx, { action: 'update', entity: 'tyfcb', entityId: slip.id, before: { referralId: null }, after: { referralId: referral.id }, reason: input.reason || 'Linked to the referral it came from' });
  });
  return referralHistory(db, input.referralId);
}

/** The open referrals a printed page lists for a member, with how many there are in all and the older ones not listed. */
export interface OpenReferralsListed {
  /** The period's and later, at least the most recent `openReferralsListedAtLeast`, oldest first. */
  openReferrals: OpenReferral[];
  /** Every referral still open that the member gave or received, any date. */
  openReferralsTotal: number;
  /** The older open referrals not listed: how many and the first and last day they were given. */
  openReferralsNotListed: { count: number; from: string; to: string } | null;
}

/** A member's open referrals counted: all of them, and those given before the period with their first and last day. */
export interface OpenReferralsCounted {
  total: number;
  before: { count: number; first: string | null; last: string | null };
}

/**
 * Every member's open referrals counted at once, as `openReferralsListed` counts one member's (given or
 * received, any date; a referral to oneself, were there one, counted once): "All statements" asks one
 * grouped query instead of two per member. Members with none are not in the map.
 */
export function openReferralsCountedByMember(db: Db, period: Period): Map<string, OpenReferralsCounted> {
  const rows = db.all<{ memberId: string; total: number; count: number; first: string | null; last: string | null }>(sql`
    WITH open AS (SELECT r.giver_id, r.receiver_id, m.meeting_on FROM referrals r JOIN meetings m ON m.id = r.meeting_id
      WHERE r.deleted_at IS NULL AND m.status <> 'cancelled' AND r.status IN ('new', 'contacted', 'meeting_set')),
    sides AS (SELECT giver_id AS member_id, meeting_on FROM open UNION ALL SELECT receiver_id, meeting_on FROM open WHERE receiver_id <> giver_id)
    SELECT member_id AS memberId, count(*) AS total, coalesce(sum(meeting_on < ${period.from}), 0) AS count,
      min(CASE WHEN meeting_on < ${period.from} THEN meeting_on END) AS first, max(CASE WHEN meeting_on < ${period.from} THEN meeting_on END) AS last
    FROM sides GROUP BY member_id`);
  return new Map(rows.map((r) => [r.memberId, { total: r.total, before: { count: r.count, first: r.first, last: r.last } }]));
}

/** A statement or a renewal pack lists at least this many open referrals (the most recent) when the period has fewer. */
export const openReferralsListedAtLeast = 20;

/**
 * The open referrals a member's statement and renewal pack list: every one given at a meeting of the period or later, and the most
 * recent before it up to `openReferralsListedAtLeast` rows; the older rest is counted with its dates (ten
 * years of never-closed referrals were 200 rows, five pages, on every statement, and cut there unsaid).
 */
export function openReferralsListed(db: Db, memberId: string, period: Period, today: string, counted?: OpenReferralsCounted): OpenReferralsListed {
  const filter = { memberId, status: 'open' as const, olderThanDays: 0 };
  const { total, before } = counted ?? {
    total: countOpenReferrals(db, filter, today).total,
    // Those given before the period: counted with their first and last day, the same filter as the count above.
    before: db.get<OpenReferralsCounted['before']>(sql`SELECT count(*) AS count, min(m.meeting_on) AS first, max(m.meeting_on) AS last
    FROM referrals r JOIN meetings m ON m.id = r.meeting_id
    WHERE r.deleted_at IS NULL AND m.status <> 'cancelled' AND r.status IN ('new', 'contacted', 'meeting_set')
      AND (r.giver_id = ${memberId} OR r.receiver_id = ${memberId}) AND m.meeting_on < ${period.from}`)!,
  };
  const { from } = listingOf({ total, before });
  const rows = total > from ? listOpenReferrals(db, { ...filter, offset: from, limit: total - from }, today) : [];
  return listedFrom(rows, { total, before });
}

/**
 * Which of a member's open referrals (oldest first) a statement lists: the rows from `from` on. The most
 * recent older ones make up at least the minimum, so `skipped` older ones are left out from the list's
 * start; with older ones both listed and not, the list is read from one row earlier (`from`), the newest
 * of those not listed, whose day the statement says.
 */
function listingOf({ total, before }: OpenReferralsCounted): { from: number; skipped: number } {
  const olderListed = Math.min(before.count, Math.max(openReferralsListedAtLeast - (total - before.count), 0));
  const skipped = before.count - olderListed;
  return { from: olderListed && skipped ? skipped - 1 : skipped, skipped };
}

/** The listing from a member's open referrals read from `listingOf(counted).from` on. */
function listedFrom(rows: OpenReferral[], counted: OpenReferralsCounted): OpenReferralsListed {
  const { from, skipped } = listingOf(counted);
  const { total, before } = counted;
  const listed = from < skipped ? rows.slice(1) : rows;
  if (!skipped) return { openReferrals: listed, openReferralsTotal: total, openReferralsNotListed: null };
  const lastSkipped = from < skipped ? rows[0]!.meetingOn : before.last!;
  return { openReferrals: listed, openReferralsTotal: total, openReferralsNotListed: { count: skipped, from: before.first!, to: lastSkipped } };
}

/**
 * Every member's listing at once, as `openReferralsListed` makes one member's (the same rows, in the same
 * order), from the counts of `openReferralsCountedByMember`. A member whose list is exactly the open
 * referrals given at the period's meetings or later (the period has the minimum, or there is nothing older)
 * is read from one query of those referrals for everyone; the others (a quiet member, whose list reaches
 * back before the period) one by one as before. "All statements" for a year of a ten-year chapter read
 * 60 list queries (~1.7 ms each, most of the time its data took); now one and a few.
 */
export function openReferralsListedByMember(db: Db, period: Period, today: string, counted: Map<string, OpenReferralsCounted>): Map<string, OpenReferralsListed> {
  const recent = new Map<string, OpenReferral[]>();
  for (const [memberId, c] of counted) if (listingOf(c).from === c.before.count) recent.set(memberId, []);
  if (recent.size) {
    // Oldest first, as each member's list; each referral goes to the lists of both its members.
    const rows = db.all<OpenReferral>(sql`${openReferralSelect(today)} AND r.status IN ('new', 'contacted', 'meeting_set') AND m.meeting_on >= ${period.from}
      ORDER BY m.meeting_on, r.created_at, r.rowid`);
    for (const row of rows) {
      recent.get(row.giverId)?.push(row);
      if (row.receiverId !== row.giverId) recent.get(row.receiverId)?.push(row);
    }
  }
  return new Map([...counted].map(([memberId, c]) => [memberId, recent.has(memberId) ? listedFrom(recent.get(memberId)!, c) : openReferralsListed(db, memberId, period, today, c)]));
}
