// The five slip types: record, amend, delete (as a tombstone), list and total them for a meeting.
// Every write checks the meeting (draft, or closed with a reason), the members on that date, and
// asks before saving what looks like a slip already entered tonight.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { allRows, firstRow, insertRow, statementText } from '../db/fixed-statements';
import type { Db } from '../db/open';
import { ceus, classifications, members, oneToOneEnteredOrder, oneToOnes, outsidePartySlips, referrals, tyfcbSlips, visitors } from '../db/schema';
import type { MeetingTotals, ParsedInput, RosterRow, Slip, SlipKind } from '../shared/contract';
import { LedgerError } from '../shared/errors';
import { parseMoney } from '../shared/money';
import { recordAudit } from './audit';
import { requireChapter } from './chapter';
import { requireEditable, requireMeeting } from './meeting-guards';
import { requireMemberOnDate } from './membership-on-date';
import { markWonByTyfcb, unwinIfUnthanked } from './referrals';
import { tyfcbRows } from './tyfcb-counted';
import { checkParty, partyId, partyLabel, partyLabelSql } from './outside-parties';
import { linkSavedVisitorSlips } from './visitors';
import { foldName } from '../shared/names';

const fullName = (alias: string) => sql.raw(`${alias}.display_name`);

// ---- reading ---------------------------------------------------------------------------

const referralSelect = sql`SELECT 'referral' AS kind, r.id, r.meeting_id AS meetingId, r.created_at AS createdAt,
  r.giver_id AS giverId, ${fullName('g')} AS giverName, r.receiver_id AS receiverId, ${fullName('v')} AS receiverName,
  r.kind AS referralKind, r.temperature, r.prospect_name AS prospectName, r.prospect_phone AS prospectPhone,
  r.prospect_email AS prospectEmail, r.note, r.status
  FROM referrals r JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id`;

const tyfcbSelect = sql`SELECT 'tyfcb' AS kind, t.id, t.meeting_id AS meetingId, t.created_at AS createdAt,
  t.closer_id AS closerId, ${fullName('c')} AS closerName, t.referrer_id AS referrerId, ${fullName('f')} AS referrerName,
  t.amount_minor AS amountMinor, t.currency, t.business, t.kind AS tyfcbKind, t.referral_id AS referralId, t.note
  FROM tyfcb_slips t JOIN members c ON c.id = t.closer_id JOIN members f ON f.id = t.referrer_id`;

// Shown the way it was entered: the member written first comes first (see one_to_one_entered_order).
const oneToOneSelect = sql`SELECT 'one_to_one' AS kind, o.id, o.meeting_id AS meetingId, o.created_at AS createdAt,
  CASE WHEN eo.first_member_id = o.member_b_id THEN o.member_b_id ELSE o.member_a_id END AS memberAId,
  CASE WHEN eo.first_member_id = o.member_b_id THEN ${fullName('b')} ELSE ${fullName('a')} END AS memberAName,
  CASE WHEN eo.first_member_id = o.member_b_id THEN o.member_a_id ELSE o.member_b_id END AS memberBId,
  CASE WHEN eo.first_member_id = o.member_b_id THEN ${fullName('a')} ELSE ${fullName('b')} END AS memberBName,
  o.met_on AS metOn, o.note
  FROM one_to_ones o JOIN members a ON a.id = o.member_a_id JOIN members b ON b.id = o.member_b_id
  LEFT JOIN one_to_one_entered_order eo ON eo.one_to_one_id = o.id`;

const visitorSelect = sql`SELECT 'visitor' AS kind, v.id, v.meeting_id AS meetingId, v.created_at AS createdAt,
  v.name, v.company, v.classification_sought AS classificationSought,
  (SELECT h.display_name FROM members h JOIN classifications hc ON hc.id = h.classification_id
    WHERE hc.name = v.classification_sought COLLATE NOCASE AND h.status IN ('applicant', 'active', 'on_leave')) AS seatHeldBy,
  v.invited_by_id AS invitedById, ${fullName('i')} AS invitedByName, v.phone, v.email
  FROM visitors v LEFT JOIN members i ON i.id = v.invited_by_id`;

const ceuSelect = sql`SELECT 'ceu' AS kind, e.id, e.meeting_id AS meetingId, e.created_at AS createdAt,
  e.member_id AS memberId, ${fullName('m')} AS memberName, e.credits, e.note
  FROM ceus e JOIN members m ON m.id = e.member_id`;

// A slip with someone outside the chapter on one side reads like the member-to-member slip it is:
// giver → receiver, the closer thanks the referrer, a one-to-one with the party.
const outsideSelect = sql`SELECT 'outside_party' AS kind, s.id, s.meeting_id AS meetingId, s.created_at AS createdAt,
  s.slip_type AS slipType, s.member_id AS memberId, ${fullName('m')} AS memberName, s.direction,
  s.party_id AS partyId, p.kind AS partyKind, p.name AS partyName, p.chapter_name AS partyChapter, ${partyLabelSql('p')} AS partyLabel,
  CASE WHEN (s.slip_type = 'referral' AND s.direction = 'received') OR (s.slip_type = 'tyfcb' AND s.direction = 'given')
    THEN ${partyLabelSql('p')} ELSE ${fullName('m')} END AS fromName,
  CASE WHEN (s.slip_type = 'referral' AND s.direction = 'received') OR (s.slip_type = 'tyfcb' AND s.direction = 'given')
    THEN ${fullName('m')} ELSE ${partyLabelSql('p')} END AS toName,
  s.kind AS slipKind, s.temperature, s.prospect_name AS prospectName, s.prospect_phone AS prospectPhone, s.prospect_email AS prospectEmail,
  s.amount_minor AS amountMinor, s.currency, s.business, s.met_on AS metOn, s.note
  FROM outside_party_slips s JOIN members m ON m.id = s.member_id JOIN outside_parties p ON p.id = s.party_id`;

const selects: Record<SlipKind, { select: SQL; alias: string }> = {
  referral: { select: referralSelect, alias: 'r' },
  tyfcb: { select: tyfcbSelect, alias: 't' },
  one_to_one: { select: oneToOneSelect, alias: 'o' },
  visitor: { select: visitorSelect, alias: 'v' },
  ceu: { select: ceuSelect, alias: 'e' },
  outside_party: { select: outsideSelect, alias: 's' },
};

// The slip tables share id, meeting_id and deleted_at; typed as one so the shared writes stay one function.
type SlipTable = SQLiteTable & { id: typeof referrals.id; deletedAt: typeof referrals.deletedAt; meetingId: typeof referrals.meetingId };
const tables: Record<SlipKind, SlipTable> = {
  referral: referrals,
  tyfcb: tyfcbSlips as unknown as SlipTable,
  one_to_one: oneToOnes as unknown as SlipTable,
  visitor: visitors as unknown as SlipTable,
  ceu: ceus as unknown as SlipTable,
  outside_party: outsidePartySlips as unknown as SlipTable,
};

// Each slip type's reads as fixed statements (src/db/fixed-statements.ts), their text built once:
// a save reads its slip back, and the sheet read after it lists every slip of the meeting. The
// value is bound as +? so that SQLite does not plan the join again at every call (see there).
const slipTexts = Object.fromEntries(
  Object.entries(selects).map(([kind, { select, alias }]) => {
    const text = statementText(select);
    return [
      kind,
      {
        live: `${text} WHERE ${alias}.id = +? AND ${alias}.deleted_at IS NULL`,
        any: `${text} WHERE ${alias}.id = +?`,
        ofMeeting: `${text} WHERE ${alias}.meeting_id = +? AND ${alias}.deleted_at IS NULL`,
      },
    ];
  }),
) as Record<SlipKind, { live: string; any: string; ofMeeting: string }>;

export function getSlip(db: Db, kind: SlipKind, id: string): Slip | undefined {
  return firstRow<Slip>(db, slipTexts[kind].live, id);
}

/** A slip as it reads, deleted or not: the audit log names the people of slips deleted since. */
export function slipAsRecorded(db: Db, kind: SlipKind, id: string): Slip | undefined {
  return firstRow<Slip>(db, slipTexts[kind].any, id);
}

/** Every live slip of a meeting, newest first. Six indexed queries, one per slip table. */
export function listMeetingSlips(db: Db, meetingId: string): Slip[] {
  const all: Slip[] = [];
  for (const { ofMeeting } of Object.values(slipTexts)) all.push(...allRows<Slip>(db, ofMeeting, meetingId));
  return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * A meeting's totals, counted from its live slips as {@link listMeetingSlips} read them and the ids
 * of its TYFCB slips under an open dispute ({@link disputedTyfcbIds}), and the marks of its roster:
 * the sheet has read all three already, so nothing is read again.
 */
export function meetingTotals(slips: readonly Slip[], disputedIds: readonly string[], roster: readonly RosterRow[]): MeetingTotals {
  const disputed = new Set(disputedIds);
  const totals: MeetingTotals = {
    present: 0, absent: 0, late: 0, medical: 0, substitute: 0, unmarked: 0,
    referrals: 0, referralsInside: 0, referralsOutside: 0,
    tyfcb: 0, tyfcbAmountMinor: 0, tyfcbDisputedAmountMinor: 0, tyfcbDisputedSlips: 0,
    oneToOnes: 0, visitors: 0, ceus: 0,
    outsideReferralsGiven: 0, outsideReferralsReceived: 0, outsideTyfcbAmountMinor: 0, outsideOneToOnes: 0,
  };
  for (const slip of slips) {
    switch (slip.kind) {
      case 'referral':
        totals.referrals += 1;
        if (slip.referralKind === 'inside') totals.referralsInside += 1;
        if (slip.referralKind === 'outside') totals.referralsOutside += 1;
        break;
      case 'tyfcb':
        totals.tyfcb += 1;
        // Money under an open dispute is left out of the total and shown apart (tyfcb-counted.ts).
        if (disputed.has(slip.id)) {
          totals.tyfcbDisputedAmountMinor += slip.amountMinor;
          totals.tyfcbDisputedSlips += 1;
        } else totals.tyfcbAmountMinor += slip.amountMinor;
        break;
      case 'one_to_one':
        totals.oneToOnes += 1;
        break;
      case 'visitor':
        totals.visitors += 1;
        break;
      case 'ceu':
        totals.ceus += slip.credits;
        break;
      case 'outside_party':
        if (slip.slipType === 'referral' && slip.direction === 'given') totals.outsideReferralsGiven += 1;
        if (slip.slipType === 'referral' && slip.direction === 'received') totals.outsideReferralsReceived += 1;
        if (slip.slipType === 'tyfcb') totals.outsideTyfcbAmountMinor += slip.amountMinor ?? 0;
        if (slip.slipType === 'one_to_one') totals.outsideOneToOnes += 1;
        break;
    }
  }
  for (const r of roster) {
    if (r.mark === 'P') totals.present += 1;
    else if (r.mark === 'A') totals.absent += 1;
    else if (r.mark === 'L') totals.late += 1;
    else if (r.mark === 'M') totals.medical += 1;
    else if (r.mark === 'S') totals.substitute += 1;
    else if (r.mark === null) totals.unmarked += 1;
  }
  return totals;
}

const disputedText = statementText(sql`SELECT id FROM (${tyfcbRows(sql``, sql.raw('t.meeting_id = ?'))}) WHERE disputed`);

/** The meeting's TYFCB slips under an open dispute. */
export function disputedTyfcbIds(db: Db, meetingId: string): string[] {
  return allRows<{ id: string }>(db, disputedText, meetingId).map((r) => r.id);
}

/** Descriptions of slip groups that look entered twice (same type, same members, same prospect). */
export function duplicateSlipGroups(db: Db, meetingId: string): string[] {
  return db
    .all<{ label: string }>(sql`
      SELECT g.display_name || ' → ' || v.display_name || ' (' || r.prospect_name || ') ×' || count(*) AS label
        FROM referrals r JOIN members g ON g.id = r.giver_id JOIN members v ON v.id = r.receiver_id
        WHERE r.meeting_id = ${meetingId} AND r.deleted_at IS NULL
        GROUP BY r.giver_id, r.receiver_id, lower(r.prospect_name) HAVING count(*) > 1
      UNION ALL
      SELECT 'TYFCB ' || c.display_name || ' thanks ' || f.display_name || ' ×' || count(*)
        FROM tyfcb_slips t JOIN members c ON c.id = t.closer_id JOIN members f ON f.id = t.referrer_id
        WHERE t.meeting_id = ${meetingId} AND t.deleted_at IS NULL
        GROUP BY t.closer_id, t.referrer_id, t.amount_minor HAVING count(*) > 1
      UNION ALL
      SELECT 'one-to-one ' || a.display_name || ' & ' || b.display_name || ' ×' || count(*)
        FROM one_to_ones o JOIN members a ON a.id = o.member_a_id JOIN members b ON b.id = o.member_b_id
        WHERE o.meeting_id = ${meetingId} AND o.deleted_at IS NULL
        GROUP BY o.member_a_id, o.member_b_id HAVING count(*) > 1
      UNION ALL
      SELECT 'visitor ' || v.name || ' ×' || count(*) FROM visitors v
        WHERE v.meeting_id = ${meetingId} AND v.deleted_at IS NULL GROUP BY lower(v.name) HAVING count(*) > 1`)
    .map((r) => r.label);
}

// ---- writing ---------------------------------------------------------------------------

interface WriteContext {
  meeting: ReturnType<typeof requireMeeting>;
  reason: string;
}

/** Shared shape of every save: meeting checks, duplicate check, insert or update, audit, read back. */
function saveSlip<T extends Record<string, unknown>>(
  db: Db,
  kind: SlipKind,
  input: { id?: string | undefined; meetingId: string; reason: string; confirmDuplicate: boolean },
  build: (ctx: WriteContext, tx: Db) => { values: T; duplicateOf: SQL | null; describe: string; afterWrite?: (id: string) => void },
): Slip {
  return db.transaction((tx) => {
    const meeting = requireMeeting(tx, input.meetingId);
    const before = input.id ? getSlip(tx, kind, input.id) : undefined;
    if (input.id && !before) throw new LedgerError('not_found', 'That slip no longer exists (it may have been deleted).', 'id');
    if (before && before.meetingId !== meeting.id) {
      throw new LedgerError('invalid_input', 'A slip stays with the meeting it was recorded at.', 'meetingId');
    }
    // Recording into a closed meeting, or amending one of its slips, is an amendment: it needs a reason.
    const reason = requireEditable(meeting, input.reason, tx);
    const { values, duplicateOf, describe, afterWrite } = build({ meeting, reason }, tx);
    const table = tables[kind];
    if (!input.confirmDuplicate && duplicateOf) {
      const twin = tx
        .select({ id: table.id })
        .from(table)
        .where(sql`${table.meetingId} = ${meeting.id} AND ${table.deletedAt} IS NULL AND ${duplicateOf} ${input.id ? sql`AND ${table.id} <> ${input.id}` : sql``}`)
        .get();
      if (twin) {
        throw new LedgerError('duplicate', `This looks like a slip already entered for this meeting (${describe}). Save it again anyway?`);
      }
    }
    let id = input.id;
    if (id) {
      tx.update(table).set(values).where(eq(table.id, id)).run();
    } else {
      // As drizzle's insert writes it, from a text built once per slip type (src/db/fixed-statements.ts).
      id = insertRow(tx, table, { ...values, meetingId: meeting.id });
    }
    afterWrite?.(id);
    const after = getSlip(tx, kind, id)!;
    recordAudit(tx, { action: before ? 'update' : 'insert', entity: kind, entityId: id, before, after, reason });
    // A visitor is in the Visitors list and This week as soon as their slip is saved (or corrected).
    if (kind === 'visitor') linkSavedVisitorSlips(tx, [id]);
    return after;
  });
}

function twoMembers(tx: Db, day: string, a: { id: string; field: string }, b: { id: string; field: string }, sameMessage: string, what?: string) {
  if (a.id === b.id) throw new LedgerError('invalid_input', sameMessage, b.field);
  const options = what ? { allowOnLeave: true, what } : undefined;
  return [requireMemberOnDate(tx, a.id, day, a.field, options), requireMemberOnDate(tx, b.id, day, b.field, options)] as const;
}

export function saveReferral(db: Db, input: ParsedInput<'saveReferral'>): Slip {
  return saveSlip(db, 'referral', input, ({ meeting }, tx) => {
    const [giver, receiver] = twoMembers(
      tx,
      meeting.meetingOn,
      { id: input.giverId, field: 'giverId' },
      { id: input.receiverId, field: 'receiverId' },
      'From and To must be two different members: a member cannot refer business to themselves.',
    );
    return {
      values: {
        giverId: giver.id,
        receiverId: receiver.id,
        kind: input.referralKind,
        temperature: input.temperature,
        prospectName: input.prospectName,
        prospectPhone: input.prospectPhone,
        prospectEmail: input.prospectEmail,
        note: input.note,
      },
      duplicateOf: sql`giver_id = ${giver.id} AND receiver_id = ${receiver.id} AND lower(prospect_name) = lower(${input.prospectName})`,
      describe: `${giver.name} → ${receiver.name}, ${input.prospectName}`,
    };
  });
}

export function saveTyfcb(db: Db, input: ParsedInput<'saveTyfcb'>): Slip {
  const chapter = requireChapter(db);
  return saveSlip(db, 'tyfcb', input, ({ meeting, reason }, tx) => {
    const [closer, referrer] = twoMembers(
      tx,
      meeting.meetingOn,
      { id: input.closerId, field: 'closerId' },
      { id: input.referrerId, field: 'referrerId' },
      'A member cannot thank themselves: choose the member who referred the business.',
    );
    const money = parseMoney(input.amount, chapter.currency, chapter.locale);
    if (!money.ok) throw new LedgerError('invalid_input', money.message, 'amount');
    if (money.minor === 0) throw new LedgerError('invalid_input', 'Amount must be more than zero.', 'amount');
    if (input.referralId) {
      const referral = tx.select().from(referrals).where(eq(referrals.id, input.referralId)).get();
      if (!referral || referral.deletedAt) throw new LedgerError('not_found', 'That referral no longer exists.', 'referralId');
      if (referral.giverId !== referrer.id || referral.receiverId !== closer.id) {
        throw new LedgerError('invalid_input', `That referral was not from ${referrer.name} to ${closer.name}.`, 'referralId');
      }
      // Closing the loop: business closed from a referral means the referral was won (a history entry).
      markWonByTyfcb(tx, referral.id, meeting.meetingOn, closer.id);
    }
    // An amended slip that no longer thanks the referral it thanked: that referral may go back.
    const linkedBefore = input.id ? tx.get<{ referralId: string | null }>(sql`SELECT referral_id AS referralId FROM tyfcb_slips WHERE id = ${input.id}`)?.referralId : null;
    const unlinked = linkedBefore && linkedBefore !== input.referralId ? linkedBefore : null;
    return {
      afterWrite: unlinked ? () => unwinIfUnthanked(tx, unlinked, 'No TYFCB thanks it any more: the TYFCB slip was changed to thank another referral or none', reason || 'TYFCB slip amended') : undefined,
      values: {
        closerId: closer.id,
        referrerId: referrer.id,
        amountMinor: money.minor,
        currency: chapter.currency,
        business: input.business,
        kind: input.tyfcbKind,
        referralId: input.referralId,
        note: input.note,
      },
      duplicateOf: sql`closer_id = ${closer.id} AND referrer_id = ${referrer.id} AND amount_minor = ${money.minor}`,
      describe: `${closer.name} thanks ${referrer.name}, ${input.amount}`,
    };
  });
}

export function saveOneToOne(db: Db, input: ParsedInput<'saveOneToOne'>): Slip {
  return saveSlip(db, 'one_to_one', input, ({ meeting }, tx) => {
    const metOn = input.metOn ?? meeting.meetingOn;
    if (metOn > meeting.meetingOn) {
      throw new LedgerError('invalid_input', `Met on cannot be after the meeting (${meeting.meetingOn}): record it at the next meeting.`, 'metOn');
    }
    const [a, b] = twoMembers(
      tx,
      metOn,
      { id: input.memberAId, field: 'memberAId' },
      { id: input.memberBId, field: 'memberBId' },
      'A one-to-one is between two different members.',
      'one-to-one',
    );
    // Unordered pair: stored with the smaller id first so "A met B" and "B met A" are one row.
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    return {
      values: { memberAId: first.id, memberBId: second.id, metOn, note: input.note },
      duplicateOf: sql`member_a_id = ${first.id} AND member_b_id = ${second.id}`,
      describe: `${a.name} & ${b.name}`,
      // "A met B" stays A → B on screen, whichever id sorts first.
      afterWrite: (id) =>
        tx
          .insert(oneToOneEnteredOrder)
          .values({ oneToOneId: id, firstMemberId: a.id })
          .onConflictDoUpdate({ target: oneToOneEnteredOrder.oneToOneId, set: { firstMemberId: a.id, updatedAt: new Date().toISOString() } })
          .run(),
    };
  });
}

export function saveVisitor(db: Db, input: ParsedInput<'saveVisitor'>): Slip {
  return saveSlip(db, 'visitor', input, ({ meeting }, tx) => {
    const host = input.invitedById ? requireMemberOnDate(tx, input.invitedById, meeting.meetingOn, 'invitedById') : null;
    const sought = input.classificationSought
      ? tx.select({ id: classifications.id }).from(classifications).where(sql`${classifications.name} = ${input.classificationSought} COLLATE NOCASE`).get()
      : undefined;
    return {
      values: {
        name: input.name,
        company: input.company,
        classificationSought: input.classificationSought,
        classificationId: sought?.id ?? null,
        invitedById: host?.id ?? null,
        phone: input.phone,
        email: input.email,
      },
      duplicateOf: sql`lower(name) = lower(${input.name})`,
      describe: `visitor ${input.name}`,
    };
  });
}

export function saveCeu(db: Db, input: ParsedInput<'saveCeu'>): Slip {
  return saveSlip(db, 'ceu', input, ({ meeting }, tx) => {
    const member = requireMemberOnDate(tx, input.memberId, meeting.meetingOn, 'memberId');
    return {
      values: { memberId: member.id, credits: input.credits, note: input.note },
      duplicateOf: sql`member_id = ${member.id} AND lower(note) = lower(${input.note})`,
      describe: `${member.name}, ${input.credits} credit${input.credits > 1 ? 's' : ''}`,
    };
  });
}

/**
 * A referral, TYFCB or one-to-one between a member and someone outside the chapter. The party is kept
 * as a party (never a member), so the members' tallies, matrix and scorecards never count it.
 */
export function saveOutsidePartySlip(db: Db, input: ParsedInput<'saveOutsidePartySlip'>): Slip {
  const chapter = requireChapter(db);
  return saveSlip<Record<string, unknown>>(db, 'outside_party', input, ({ meeting }, tx) => {
    const party = checkParty(input.party);
    const direction = input.slipType === 'one_to_one' ? 'with' : input.direction;
    if (direction === 'with') {
      if (input.slipType !== 'one_to_one') throw new LedgerError('invalid_input', `Say whether the member gave this ${input.slipType === 'tyfcb' ? 'business' : 'referral'} or received it.`, 'direction');
    }
    const day = input.slipType === 'one_to_one' ? (input.metOn ?? meeting.meetingOn) : meeting.meetingOn;
    if (input.slipType === 'one_to_one' && day > meeting.meetingOn) {
      throw new LedgerError('invalid_input', `Met on cannot be after the meeting (${meeting.meetingOn}): record it at the next meeting.`, 'metOn');
    }
    const member = requireMemberOnDate(tx, input.memberId, day, 'memberId', input.slipType === 'one_to_one' ? { allowOnLeave: true, what: 'one-to-one' } : undefined);
    // A member of this chapter is chosen from the list, never typed as an outsider: they would drop out of their own figures.
    if (party.kind !== 'bni') {
      const twin = tx
        .select({ first: members.firstName, last: members.lastName })
        .from(members)
        .where(sql`${members.status} IN ('active', 'on_leave')`)
        .all()
        .find((m) => foldName(`${m.first} ${m.last}`) === foldName(party.name));
      if (twin) throw new LedgerError('invalid_input', `${twin.first} ${twin.last} is a member of this chapter: choose them from the member list, not as ${party.kind === 'visitor' ? 'a visitor' : 'another chapter\'s member'}.`, 'party.name');
    }
    const label = partyLabel(party);
    const pid = partyId(tx, party);
    const base = { slipType: input.slipType, memberId: member.id, partyId: pid, direction, note: input.note };
    const same = sql`slip_type = ${input.slipType} AND member_id = ${member.id} AND party_id = ${pid} AND direction = ${direction}`;
    if (input.slipType === 'referral') {
      if (!input.prospectName) throw new LedgerError('invalid_input', 'Enter prospect name.', 'prospectName');
      const [from, to] = direction === 'given' ? [member.name, label] : [label, member.name];
      return {
        values: { ...base, kind: input.referralKind, temperature: input.temperature, prospectName: input.prospectName, prospectPhone: input.prospectPhone, prospectEmail: input.prospectEmail, amountMinor: null, currency: null, business: null, metOn: null },
        duplicateOf: sql`${same} AND lower(prospect_name) = lower(${input.prospectName})`,
        describe: `${from} → ${to}, ${input.prospectName}`,
      };
    }
    if (input.slipType === 'tyfcb') {
      const money = parseMoney(input.amount, chapter.currency, chapter.locale);
      if (!money.ok) throw new LedgerError('invalid_input', money.message, 'amount');
      if (money.minor === 0) throw new LedgerError('invalid_input', 'Amount must be more than zero.', 'amount');
      const [closer, referrer] = direction === 'received' ? [member.name, label] : [label, member.name];
      return {
        values: { ...base, kind: input.tyfcbKind, temperature: null, prospectName: '', prospectPhone: '', prospectEmail: '', amountMinor: money.minor, currency: chapter.currency, business: input.business, metOn: null },
        duplicateOf: sql`${same} AND amount_minor = ${money.minor}`,
        describe: `${closer} thanks ${referrer}, ${input.amount}`,
      };
    }
    return {
      values: { ...base, kind: '', temperature: null, prospectName: '', prospectPhone: '', prospectEmail: '', amountMinor: null, currency: null, business: null, metOn: day },
      duplicateOf: same,
      describe: `${member.name} & ${label}`,
    };
  });
}

/** Deletion is a tombstone: the row stays (for history and future replication), out of every total. */
export function deleteSlip(db: Db, input: ParsedInput<'deleteSlip'>): { done: true } {
  return db.transaction((tx) => {
    const before = getSlip(tx, input.kind, input.id);
    if (!before) throw new LedgerError('not_found', 'That slip no longer exists (it may already be deleted).', 'id');
    const reason = before.meetingId ? requireEditable(requireMeeting(tx, before.meetingId), input.reason, tx) : input.reason;
    if (input.kind === 'referral') {
      const thanked = tx.select({ n: sql<number>`count(*)` }).from(tyfcbSlips).where(sql`${tyfcbSlips.referralId} = ${input.id} AND ${tyfcbSlips.deletedAt} IS NULL`).get()!.n;
      if (thanked > 0) throw new LedgerError('conflict', 'A TYFCB slip thanks this referral: delete or unlink that slip first.', 'id');
    }
    const table = tables[input.kind];
    tx.update(table).set({ deletedAt: new Date().toISOString() }).where(eq(table.id, input.id)).run();
    recordAudit(tx, { action: 'delete', entity: input.kind, entityId: input.id, before, reason });
    if (before.kind === 'tyfcb' && before.referralId) {
      unwinIfUnthanked(tx, before.referralId, 'No TYFCB thanks it any more: the TYFCB slip was deleted', reason || 'TYFCB slip deleted');
    }
    return { done: true as const };
  });
}

/**
 * Brings back a deleted slip (the undo of a delete, or the redo of a save): the tombstone is lifted,
 * the slip counts again, and the audit log says so. A closed meeting needs a reason, as for any change.
 */
export function restoreSlip(db: Db, input: ParsedInput<'restoreSlip'>): Slip {
  return db.transaction((tx) => {
    const table = tables[input.kind];
    const row = tx.select({ id: table.id, meetingId: table.meetingId, deletedAt: table.deletedAt }).from(table).where(eq(table.id, input.id)).get();
    if (!row) throw new LedgerError('not_found', 'That slip does not exist.', 'id');
    if (!row.deletedAt) throw new LedgerError('conflict', 'That slip is not deleted: there is nothing to bring back.', 'id');
    const reason = row.meetingId ? requireEditable(requireMeeting(tx, row.meetingId), input.reason, tx) : input.reason;
    if (input.kind === 'tyfcb') {
      const linked = tx.get<{ deletedAt: string | null }>(sql`SELECT r.deleted_at AS deletedAt FROM tyfcb_slips t JOIN referrals r ON r.id = t.referral_id WHERE t.id = ${input.id}`);
      if (linked?.deletedAt) throw new LedgerError('conflict', 'The referral this TYFCB thanked was deleted since: bring that referral back first.', 'id');
    }
    tx.update(table).set({ deletedAt: null }).where(eq(table.id, input.id)).run();
    const after = getSlip(tx, input.kind, input.id)!;
    recordAudit(tx, { action: 'restore', entity: input.kind, entityId: input.id, after, reason });
    // A visit brought back is the person's again at once (a slip deleted before it was ever linked is linked now).
    if (input.kind === 'visitor') linkSavedVisitorSlips(tx, [input.id]);
    // The slip thanks its referral again: business closed from it means it was won.
    if (after.kind === 'tyfcb' && after.referralId && after.meetingId) markWonByTyfcb(tx, after.referralId, requireMeeting(tx, after.meetingId).meetingOn, after.closerId, 'id');
    return after;
  });
}
