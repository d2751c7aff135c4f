// The whole data model of a chapter (DESIGN.md §1). Every rule SQLite can hold lives here:
// foreign keys, CHECK constraints and the one-seat-per-classification partial unique index.
// Ids are random UUIDs so two chapters' files can be merged without collisions; every row
// carries created_at / updated_at, and slips are deleted as tombstones (deleted_at).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  auditActions,
  disputeGrounds,
  disputeResolutions,
  lostReasons,
  leadershipRoles,
  meetingStatuses,
  memberStatuses,
  nameOrders,
  palmsMarks,
  referralKinds,
  referralStatuses,
  tyfcbBusiness,
  tyfcbKinds,
  outsidePartyKinds,
  outsideSlipTypes,
  outsideDirections,
  visitorFollowUps,
  prospectStages,
  applicationKinds,
  applicationStatuses,
  decisionTopics,
  decisionOutcomes,
  letterLevels,
  letterStatuses,
  letterSentHows,
} from '../shared/domain';

const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const nowIso = () => new Date().toISOString();

const id = () => text('id').primaryKey().$defaultFn(() => randomUUID());
const timestamps = {
  createdAt: text('created_at').notNull().default(nowSql),
  updatedAt: text('updated_at').notNull().default(nowSql).$onUpdateFn(nowIso),
};
const tombstone = { deletedAt: text('deleted_at') };

/** A calendar day as YYYY-MM-DD: meetings are days, not instants. */
const isoDate = (column: string) => sql`${sql.identifier(column)} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

export const chapter = sqliteTable(
  'chapter',
  {
    id: id(),
    /** Always 1: a database file holds exactly one chapter. */
    singleton: integer('singleton').notNull().default(1).unique(),
    name: text('name').notNull(),
    region: text('region').notNull().default(''),
    /** 0 = Sunday … 6 = Saturday, as in JavaScript's Date#getDay. */
    meetingWeekday: integer('meeting_weekday').notNull(),
    meetingTime: text('meeting_time').notNull().default('07:00'),
    currency: text('currency').notNull(),
    locale: text('locale').notNull(),
    absenceLimit: integer('absence_limit').notNull().default(3),
    absenceWindowMonths: integer('absence_window_months').notNull().default(6),
    noReferralWeeks: integer('no_referral_weeks').notNull().default(4),
    openReferralDays: integer('open_referral_days').notNull().default(30),
    /** IANA time zone every printed time is in ("America/Los_Angeles"); '' means the computer's zone. */
    timeZone: text('time_zone').notNull().default(''),
    /** JSON of the scorecard profile; null means the documented default profile. */
    scorecardProfile: text('scorecard_profile'),
    /** How the chapter writes names; each member may differ (members.name_order). */
    nameOrder: text('name_order', { enum: nameOrders }).notNull().default('given_first'),
    /**
     * How much disk the backups beside the file may use, in MB (0 = no limit). A ten-year or
     * million-slip file is hundreds of MB a copy, and the rotation alone keeps up to 22 copies.
     * Checked by the contract (0, or 100 and above) rather than a CHECK, which would rebuild the table.
     */
    backupsMaxMb: integer('backups_max_mb').notNull().default(5120),
    ...timestamps,
  },
  (t) => [
    check('chapter_singleton', sql`${t.singleton} = 1`),
    check('chapter_name', sql`length(trim(${t.name})) > 0`),
    check('chapter_weekday', sql`${t.meetingWeekday} BETWEEN 0 AND 6`),
    check('chapter_time', sql`${t.meetingTime} GLOB '[0-2][0-9]:[0-5][0-9]'`),
    check('chapter_currency', sql`${t.currency} GLOB '[A-Z][A-Z][A-Z]'`),
    check('chapter_absence_limit', sql`${t.absenceLimit} >= 0`),
    check('chapter_absence_window', sql`${t.absenceWindowMonths} BETWEEN 1 AND 24`),
    check('chapter_no_referral_weeks', sql`${t.noReferralWeeks} >= 1`),
    check('chapter_open_referral_days', sql`${t.openReferralDays} >= 1`),
  ],
);

export const contactSpheres = sqliteTable(
  'contact_spheres',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('contact_spheres_name').on(sql`${t.name} COLLATE NOCASE`),
    check('contact_spheres_name_nonempty', sql`length(trim(${t.name})) > 0`),
  ],
);

export const classifications = sqliteTable(
  'classifications',
  {
    id: id(),
    name: text('name').notNull(),
    sphereId: text('sphere_id').references(() => contactSpheres.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('classifications_name').on(sql`${t.name} COLLATE NOCASE`),
    index('classifications_sphere').on(t.sphereId),
    check('classifications_name_nonempty', sql`length(trim(${t.name})) > 0`),
  ],
);

export const members = sqliteTable(
  'members',
  {
    id: id(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    company: text('company').notNull().default(''),
    classificationId: text('classification_id')
      .notNull()
      .references(() => classifications.id),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    status: text('status', { enum: memberStatuses }).notNull(),
    joinedOn: text('joined_on').notNull(),
    renewalDue: text('renewal_due'),
    leftOn: text('left_on'),
    sponsorId: text('sponsor_id').references((): any => members.id),
    leadershipRole: text('leadership_role', { enum: leadershipRoles }),
    /** null = the chapter's name order. */
    nameOrder: text('name_order', { enum: nameOrders }),
    /** The name as shown, printed and searched, and the key names sort by (family name first in both orders);
     *  kept by triggers (migration 0005+) from the names and the chapter's or member's name order. */
    displayName: text('display_name').notNull().default(''),
    sortName: text('sort_name').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    // One seat per classification: a raw INSERT of a second holder fails here, not only in the service.
    uniqueIndex('members_one_seat_per_classification')
      .on(t.classificationId)
      .where(sql`status IN ('applicant', 'active', 'on_leave')`),
    index('members_status').on(t.status),
    index('members_name').on(t.lastName, t.firstName),
    check('members_first_name', sql`length(trim(${t.firstName})) > 0`),
    check('members_last_name', sql`length(trim(${t.lastName})) > 0`),
    check('members_status', sql`${t.status} IN ('applicant', 'active', 'on_leave', 'former')`),
    check('members_joined_on', isoDate('joined_on')),
    check('members_renewal_due', sql`${t.renewalDue} IS NULL OR ${isoDate('renewal_due')}`),
    check('members_left_on', sql`(${t.status} = 'former') = (${t.leftOn} IS NOT NULL)`),
    check('members_not_own_sponsor', sql`${t.sponsorId} IS NULL OR ${t.sponsorId} <> ${t.id}`),
    check(
      'members_leadership_role',
      sql`${t.leadershipRole} IS NULL OR ${t.leadershipRole} IN ('president', 'vice_president', 'secretary_treasurer', 'membership_committee', 'visitor_host', 'education_coordinator', 'mentor_coordinator')`,
    ),
  ],
);

/** Who held which seat when. An open row (to_on null) is the current holder. */
export const seatHistory = sqliteTable(
  'seat_history',
  {
    id: id(),
    classificationId: text('classification_id')
      .notNull()
      .references(() => classifications.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    fromOn: text('from_on').notNull(),
    toOn: text('to_on'),
    ...timestamps,
  },
  (t) => [
    index('seat_history_classification').on(t.classificationId, t.fromOn),
    index('seat_history_member').on(t.memberId),
    uniqueIndex('seat_history_one_open_per_member').on(t.memberId).where(sql`to_on IS NULL`),
    check('seat_history_from_on', isoDate('from_on')),
    check('seat_history_to_on', sql`${t.toOn} IS NULL OR ${t.toOn} >= ${t.fromOn}`),
  ],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    meetingOn: text('meeting_on').notNull().unique(),
    status: text('status', { enum: meetingStatuses }).notNull().default('draft'),
    closedAt: text('closed_at'),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    // Every period query starts from "the completed meetings between two days": answered from this index alone.
    index('meetings_status_day').on(t.status, t.meetingOn, t.id),
    check('meetings_meeting_on', isoDate('meeting_on')),
    check('meetings_status', sql`${t.status} IN ('draft', 'completed', 'cancelled')`),
  ],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    mark: text('mark', { enum: palmsMarks }).notNull(),
    substituteName: text('substitute_name'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('attendance_one_mark').on(t.meetingId, t.memberId),
    index('attendance_member').on(t.memberId),
    index('attendance_meeting_marks').on(t.meetingId, t.memberId, t.mark),
    check('attendance_mark', sql`${t.mark} IN ('P', 'A', 'L', 'M', 'S')`),
    check(
      'attendance_substitute',
      sql`(${t.mark} = 'S') = (${t.substituteName} IS NOT NULL AND length(trim(${t.substituteName})) > 0)`,
    ),
  ],
);

export const referrals = sqliteTable(
  'referrals',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    giverId: text('giver_id')
      .notNull()
      .references(() => members.id),
    receiverId: text('receiver_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: referralKinds }).notNull(),
    temperature: integer('temperature').notNull(),
    prospectName: text('prospect_name').notNull(),
    prospectPhone: text('prospect_phone').notNull().default(''),
    prospectEmail: text('prospect_email').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status', { enum: referralStatuses }).notNull().default('new'),
    statusChangedAt: text('status_changed_at'),
    ...timestamps,
    ...tombstone,
  },
  (t) => [
    // Covering: the tallies read these columns per meeting without touching the table.
    index('referrals_meeting').on(t.meetingId, t.giverId, t.receiverId, t.kind, t.deletedAt),
    index('referrals_giver').on(t.giverId, t.receiverId),
    index('referrals_receiver').on(t.receiverId),
    // Open referrals by follow-up status: the list reads the referrals it shows, not every referral ever.
    index('referrals_status').on(t.status, t.meetingId).where(sql`deleted_at IS NULL`),
    check('referrals_two_members', sql`${t.giverId} <> ${t.receiverId}`),
    check('referrals_kind', sql`${t.kind} IN ('inside', 'outside')`),
    check('referrals_temperature', sql`${t.temperature} BETWEEN 1 AND 5`),
    check('referrals_prospect', sql`length(trim(${t.prospectName})) > 0`),
    check('referrals_status', sql`${t.status} IN ('new', 'contacted', 'meeting_set', 'won', 'lost')`),
  ],
);

/** Thank you for closed business: written by the closer, crediting the referrer. */
export const tyfcbSlips = sqliteTable(
  'tyfcb_slips',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    closerId: text('closer_id')
      .notNull()
      .references(() => members.id),
    referrerId: text('referrer_id')
      .notNull()
      .references(() => members.id),
    /** Integer minor units (cents, pence, paise) of `currency`. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    business: text('business', { enum: tyfcbBusiness }).notNull(),
    kind: text('kind', { enum: tyfcbKinds }).notNull(),
    referralId: text('referral_id').references(() => referrals.id),
    note: text('note').notNull().default(''),
    ...timestamps,
    ...tombstone,
  },
  (t) => [
    index('tyfcb_meeting').on(t.meetingId, t.closerId, t.referrerId, t.amountMinor, t.deletedAt),
    index('tyfcb_closer').on(t.closerId),
    index('tyfcb_referrer').on(t.referrerId),
    index('tyfcb_referral').on(t.referralId),
    check('tyfcb_two_members', sql`${t.closerId} <> ${t.referrerId}`),
    check('tyfcb_amount', sql`${t.amountMinor} >= 0 AND typeof(${t.amountMinor}) = 'integer'`),
    check('tyfcb_currency', sql`${t.currency} GLOB '[A-Z][A-Z][A-Z]'`),
    check('tyfcb_business', sql`${t.business} IN ('new', 'repeat')`),
    check('tyfcb_kind', sql`${t.kind} IN ('inside', 'outside', 'tier3')`),
  ],
);

/**
 * A referral's follow-up history: each status it was moved to, on which day, by whom, with a note.
 * The referral slip itself is the "new" step; referrals.status mirrors the latest entry.
 */
export const referralStatusHistory = sqliteTable(
  'referral_status_history',
  {
    id: id(),
    referralId: text('referral_id')
      .notNull()
      .references(() => referrals.id),
    status: text('status', { enum: referralStatuses }).notNull(),
    changedOn: text('changed_on').notNull(),
    /** The member who recorded the change (giver or receiver); null = the secretary or leadership. */
    recordedById: text('recorded_by_id').references(() => members.id),
    lostReason: text('lost_reason', { enum: lostReasons }),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('referral_status_history_referral').on(t.referralId, t.changedOn),
    index('referral_status_history_changed_on').on(t.changedOn),
    check('referral_status_history_status', sql`${t.status} IN ('new', 'contacted', 'meeting_set', 'won', 'lost')`),
    check('referral_status_history_changed_on', isoDate('changed_on')),
    // Only a lost referral has a reason (entries carried over from before the history may have none).
    check('referral_status_history_lost_reason', sql`${t.lostReason} IS NULL OR (${t.status} = 'lost' AND ${t.lostReason} IN ('price', 'timing', 'no_answer', 'not_a_fit', 'other'))`),
  ],
);

/**
 * Chapter settings kept as JSON by name (first: "outcome_rules", the stale days, integrity thresholds
 * and recognition rules). A missing row means the documented defaults.
 */
export const chapterSettings = sqliteTable(
  'chapter_settings',
  {
    name: text('name').primaryKey(),
    value: text('value').notNull(),
    ...timestamps,
  },
  (t) => [check('chapter_settings_value_json', sql`json_valid(${t.value})`)],
);

/** A TYFCB slip one of its two members says is wrong, until leadership resolves it. */
export const tyfcbDisputes = sqliteTable(
  'tyfcb_disputes',
  {
    id: id(),
    tyfcbId: text('tyfcb_id')
      .notNull()
      .references(() => tyfcbSlips.id),
    raisedById: text('raised_by_id')
      .notNull()
      .references(() => members.id),
    raisedOn: text('raised_on').notNull(),
    ground: text('ground', { enum: disputeGrounds }).notNull(),
    why: text('why').notNull(),
    resolution: text('resolution', { enum: disputeResolutions }),
    resolvedOn: text('resolved_on'),
    resolutionReason: text('resolution_reason').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('tyfcb_disputes_slip').on(t.tyfcbId, t.resolution),
    // One open dispute per slip at a time.
    uniqueIndex('tyfcb_disputes_one_open').on(t.tyfcbId).where(sql`resolution IS NULL`),
    check('tyfcb_disputes_raised_on', isoDate('raised_on')),
    check('tyfcb_disputes_ground', sql`${t.ground} IN ('wrong_referrer', 'wrong_amount', 'not_from_referral')`),
    check('tyfcb_disputes_why', sql`length(trim(${t.why})) > 0`),
    check('tyfcb_disputes_resolution', sql`${t.resolution} IS NULL OR ${t.resolution} IN ('confirmed', 'corrected', 'removed')`),
    check('tyfcb_disputes_resolved', sql`(${t.resolution} IS NULL) = (${t.resolvedOn} IS NULL)`),
  ],
);

/** An unordered pair, stored with member_a_id < member_b_id so each meeting of two is one row. */
export const oneToOnes = sqliteTable(
  'one_to_ones',
  {
    id: id(),
    meetingId: text('meeting_id').references(() => meetings.id),
    memberAId: text('member_a_id')
      .notNull()
      .references(() => members.id),
    memberBId: text('member_b_id')
      .notNull()
      .references(() => members.id),
    metOn: text('met_on').notNull(),
    note: text('note').notNull().default(''),
    ...timestamps,
    ...tombstone,
  },
  (t) => [
    index('one_to_ones_meeting').on(t.meetingId, t.memberAId, t.memberBId, t.deletedAt),
    index('one_to_ones_a').on(t.memberAId),
    index('one_to_ones_b').on(t.memberBId),
    check('one_to_ones_ordered_pair', sql`${t.memberAId} < ${t.memberBId}`),
    check('one_to_ones_met_on', isoDate('met_on')),
  ],
);

/**
 * How the secretary wrote a one-to-one ("Priya met Oliver"). The pair itself stays stored unordered
 * (smaller id first, so A–B and B–A are one pair for duplicates and tallies); the slip is shown the
 * way it was entered. A table of its own so rows written before it keep their shape untouched.
 */
export const oneToOneEnteredOrder = sqliteTable('one_to_one_entered_order', {
  oneToOneId: text('one_to_one_id')
    .primaryKey()
    .references(() => oneToOnes.id),
  firstMemberId: text('first_member_id')
    .notNull()
    .references(() => members.id),
  ...timestamps,
});

export const visitors = sqliteTable(
  'visitors',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    name: text('name').notNull(),
    company: text('company').notNull().default(''),
    classificationSought: text('classification_sought').notNull().default(''),
    classificationId: text('classification_id').references(() => classifications.id),
    invitedById: text('invited_by_id').references(() => members.id),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    followUp: text('follow_up', { enum: visitorFollowUps }).notNull().default('new'),
    note: text('note').notNull().default(''),
    ...timestamps,
    ...tombstone,
  },
  (t) => [
    index('visitors_meeting').on(t.meetingId, t.invitedById, t.deletedAt),
    index('visitors_invited_by').on(t.invitedById),
    // The visitor pipeline picks up slips written or changed since it last looked (issue 17).
    index('visitors_updated').on(t.updatedAt),
    // A person's visits lead to their slips by id: whether a slip is live and its meeting come from
    // the index alone (the Visitors list and This week count every visitor this way, issue 16).
    index('visitors_live').on(t.id, t.deletedAt, t.meetingId),
    check('visitors_name', sql`length(trim(${t.name})) > 0`),
    check(
      'visitors_follow_up',
      sql`${t.followUp} IN ('new', 'contacted', 'invited_back', 'applied', 'not_interested')`,
    ),
  ],
);

export const ceus = sqliteTable(
  'ceus',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    credits: integer('credits').notNull().default(1),
    note: text('note').notNull().default(''),
    ...timestamps,
    ...tombstone,
  },
  (t) => [
    index('ceus_meeting').on(t.meetingId, t.memberId, t.credits, t.deletedAt),
    index('ceus_member').on(t.memberId),
    check('ceus_credits', sql`${t.credits} BETWEEN 1 AND 100`),
  ],
);

/**
 * Someone who is not a member of this chapter but stands on one side of a slip: a member of another
 * chapter (name + that chapter), a visitor, or BNI Connect's "BNI" account. One row per person, found
 * again by the folded name and chapter (`match_key`), so the same person typed twice is one party.
 */
export const outsideParties = sqliteTable(
  'outside_parties',
  {
    id: id(),
    kind: text('kind', { enum: outsidePartyKinds }).notNull(),
    name: text('name').notNull(),
    chapterName: text('chapter_name').notNull().default(''),
    matchKey: text('match_key').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('outside_parties_match_key').on(t.matchKey),
    check('outside_parties_kind', sql`${t.kind} IN ('other_chapter', 'visitor', 'bni')`),
    check('outside_parties_name', sql`length(trim(${t.name})) > 0`),
    check('outside_parties_chapter', sql`(${t.kind} = 'other_chapter') = (length(trim(${t.chapterName})) > 0)`),
  ],
);

/**
 * A referral, TYFCB or one-to-one between one member of this chapter and an outside party. Kept apart
 * from the member-to-member slips so no members' tally, matrix or scorecard can count the party as a
 * member; the member's "given outside / received from outside" figures read this table.
 */
export const outsidePartySlips = sqliteTable(
  'outside_party_slips',
  {
    id: id(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    slipType: text('slip_type', { enum: outsideSlipTypes }).notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    partyId: text('party_id')
      .notNull()
      .references(() => outsideParties.id),
    direction: text('direction', { enum: outsideDirections }).notNull(),
    /** Referral inside/outside; TYFCB inside/outside/tier3; empty for a one-to-one. */
    kind: text('kind').notNull().default(''),
    temperature: integer('temperature'),
    prospectName: text('prospect_name').notNull().default(''),
    prospectPhone: text('prospect_phone').notNull().default(''),
    prospectEmail: text('prospect_email').notNull().default(''),
    /** TYFCB only: integer minor units of `currency`. */
    amountMinor: integer('amount_minor'),
    currency: text('currency'),
    business: text('business', { enum: tyfcbBusiness }),
    metOn: text('met_on'),
    note: text('note').notNull().default(''),
    ...timestamps,
    ...tombstone,
  },
  (t) => [
    index('outside_party_slips_meeting').on(t.meetingId, t.memberId, t.slipType, t.direction, t.deletedAt),
    index('outside_party_slips_member').on(t.memberId),
    index('outside_party_slips_party').on(t.partyId),
    check('outside_party_slips_type', sql`${t.slipType} IN ('referral', 'tyfcb', 'one_to_one')`),
    check('outside_party_slips_direction', sql`(${t.slipType} = 'one_to_one') = (${t.direction} = 'with') AND ${t.direction} IN ('given', 'received', 'with')`),
    check(
      'outside_party_slips_referral',
      sql`${t.slipType} <> 'referral' OR (${t.kind} IN ('inside', 'outside') AND ${t.temperature} BETWEEN 1 AND 5 AND length(trim(${t.prospectName})) > 0 AND ${t.amountMinor} IS NULL)`,
    ),
    check(
      'outside_party_slips_tyfcb',
      sql`${t.slipType} <> 'tyfcb' OR (${t.kind} IN ('inside', 'outside', 'tier3') AND ${t.amountMinor} > 0 AND typeof(${t.amountMinor}) = 'integer' AND ${t.currency} GLOB '[A-Z][A-Z][A-Z]' AND ${t.business} IN ('new', 'repeat'))`,
    ),
    check('outside_party_slips_one_to_one', sql`${t.slipType} <> 'one_to_one' OR (${t.metOn} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND ${t.amountMinor} IS NULL)`),
  ],
);

/** Append-only: triggers in a custom migration refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: text('at').notNull().default(nowSql),
    actor: text('actor').notNull().default('secretary'),
    action: text('action', { enum: auditActions }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
    reason: text('reason').notNull().default(''),
    ...timestamps,
    /** Place in the hash chain (1, 2, 3 …); null for entries written before the chain began. */
    chainSeq: integer('chain_seq'),
    /** sha256 over the previous entry's hash and every column of this entry (src/services/audit-chain.ts). */
    chainHash: text('chain_hash'),
  },
  (t) => [
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_at').on(t.at),
    // The Audit log screen's filters, newest first, a page at a time: by kind of record, and the
    // amendments (entries with a reason), which are few in a big log and must not cost a read of it all.
    index('audit_log_entity_at').on(t.entity, t.at),
    index('audit_log_amendments').on(t.at).where(sql`reason <> ''`),
    check(
      'audit_log_action',
      sql`${t.action} IN ('insert', 'update', 'delete', 'close', 'reopen', 'restore', 'import')`,
    ),
  ],
);

/**
 * The audit log's chain head, kept apart from the entries: how many entries were written and the hash
 * of the last one. A log emptied or cut short (even with its triggers re-created exactly) no longer
 * matches it. One row; entries written before the chain began are counted in legacy_* (their hash
 * is computed the same way, just not stored per entry).
 */
export const auditChain = sqliteTable(
  'audit_chain',
  {
    id: integer('id').primaryKey(),
    entries: integer('entries').notNull(),
    headHash: text('head_hash').notNull(),
    legacyEntries: integer('legacy_entries').notNull(),
    legacyHash: text('legacy_hash').notNull(),
    startedAt: text('started_at').notNull().default(nowSql),
    /** Set when the chain record was found missing while chained entries existed, and rebuilt from them. */
    rebuiltAt: text('rebuilt_at'),
  },
  (t) => [check('audit_chain_one_row', sql`${t.id} = 1`), check('audit_chain_entries', sql`${t.entries} >= ${t.legacyEntries} AND ${t.legacyEntries} >= 0`)],
);

/**
 * The last full check of the audit log's chain (every entry from the first): up to which entry it
 * verified the chain (its id, place and hash) and when, or what it found wrong. A report then verifies
 * only the entries written since, after checking that this entry is still the one the check saw, and
 * says which entries were verified when. One row, rewritten by every full check (at start-up in the
 * background, and "Verify the whole log" on the Audit log screen).
 */
export const auditChainChecks = sqliteTable(
  'audit_chain_checks',
  {
    id: integer('id').primaryKey(),
    /** When the full check ran (UTC). */
    checkedAt: text('checked_at').notNull(),
    /** 1 when every entry checked out, 0 when the check found a problem (the sentence says which). */
    ok: integer('ok').notNull(),
    /** How many entries the check verified (the place of the last one), 0 for an empty log. */
    entries: integer('entries').notNull(),
    /** The last verified entry and its chain hash (null for an empty log or a failed check). */
    entryId: text('entry_id'),
    entryHash: text('entry_hash'),
    /** What the check said, in the Audit log screen's words. */
    sentence: text('sentence').notNull(),
  },
  (t) => [check('audit_chain_checks_one_row', sql`${t.id} = 1`), check('audit_chain_checks_ok', sql`${t.ok} IN (0, 1) AND ${t.entries} >= 0`)],
);

/** A name as another system writes it ("Dan Ruiz"), remembered as meaning one member. */
export const memberAliases = sqliteTable(
  'member_aliases',
  {
    id: id(),
    /** Folded: lower case, no accents, single spaces. */
    alias: text('alias').notNull().unique(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    ...timestamps,
  },
  (t) => [check('member_aliases_alias', sql`length(trim(${t.alias})) > 0`)],
);

/**
 * A name as an import file writes it ("Tom Baker (Bay Builders)", "Sam Visitor") that the secretary
 * said is someone outside the chapter: remembered with who they are, so the next file is not asked again.
 */
export const outsidePartyAliases = sqliteTable(
  'outside_party_aliases',
  {
    id: id(),
    /** Folded as member aliases are: lower case, no accents, single spaces. */
    alias: text('alias').notNull().unique(),
    kind: text('kind', { enum: outsidePartyKinds }).notNull(),
    name: text('name').notNull(),
    chapterName: text('chapter_name').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    check('outside_party_aliases_alias', sql`length(trim(${t.alias})) > 0`),
    check('outside_party_aliases_kind', sql`${t.kind} IN ('other_chapter', 'visitor', 'bni')`),
    check('outside_party_aliases_name', sql`length(trim(${t.name})) > 0`),
    check('outside_party_aliases_chapter', sql`(${t.kind} = 'other_chapter') = (length(trim(${t.chapterName})) > 0)`),
  ],
);

/**
 * What an import already wrote: one key per imported row (a hash of the meeting date, slip type,
 * names, detail, amount, credits and the row's place among identical rows), so a file imported twice
 * adds nothing the second time.
 */
export const importKeys = sqliteTable(
  'import_keys',
  {
    key: text('key').primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    fileName: text('file_name').notNull(),
    ...timestamps,
  },
  (t) => [index('import_keys_entity').on(t.entity, t.entityId)],
);

/**
 * One file imported: who, when, which file (name and digest), into which meeting, what it did. Undoing
 * it reverses exactly its items, so an import is one unit the secretary can take back.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: id(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileDigest: text('file_digest').notNull(),
    meetingId: text('meeting_id').references(() => meetings.id),
    actor: text('actor').notNull().default('secretary'),
    reason: text('reason').notNull().default(''),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    matched: integer('matched').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    undoneAt: text('undone_at'),
    ...timestamps,
  },
  (t) => [index('import_batches_created').on(t.createdAt), check('import_batches_kind', sql`${t.kind} IN ('slips_audit', 'attendance', 'roster')`)],
);

/** What one import wrote: a row it created (undo tombstones it) or changed (undo puts `before` back). */
export const importBatchItems = sqliteTable(
  'import_batch_items',
  {
    id: id(),
    batchId: text('batch_id')
      .notNull()
      .references(() => importBatches.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /**
     * Slips an import created in one run of consecutive ids (one id prefix of the batch per kind, a counter after it):
     * the last of them; the item then stands for every row of the kind's table with an id from entity_id to this one.
     * Null: the item is the one row entity_id names.
     */
    lastEntityId: text('last_entity_id'),
    action: text('action').notNull(),
    before: text('before'),
    ...timestamps,
  },
  (t) => [index('import_batch_items_batch').on(t.batchId), check('import_batch_items_action', sql`${t.action} IN ('created', 'updated')`)],
);

// ---- leadership workflows between meetings (issue 17) ----------------------------------

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * The leadership team's policies beside the chapter's (one row; absent = the defaults). Kept apart
 * from `chapter` so the meeting-night settings stay as they are.
 */
export const leadershipPolicies = sqliteTable(
  'leadership_policies',
  {
    id: id(),
    singleton: integer('singleton').notNull().default(1).unique(),
    /** A visitor with no contact for this many days is flagged stale. */
    staleFollowUpDays: integer('stale_follow_up_days').notNull().default(7),
    /** Visits a visitor may make before being asked to apply. */
    visitLimit: integer('visit_limit').notNull().default(2),
    /** Renewing moves the due date by this many months. */
    renewalTermMonths: integer('renewal_term_months').notNull().default(12),
    /** Absences (as counted below) that draw a warning letter; 0 = none. The final letter is at the chapter's absence limit. */
    warningAt: integer('warning_at').notNull().default(2),
    /** This many lates count as one absence; 0 = lates never count. */
    latesPerAbsence: integer('lates_per_absence').notNull().default(0),
    /** Substitutes allowed in the window before each further one counts as an absence; null = no cap. */
    substituteCap: integer('substitute_cap'),
    /** Medical (excused) meetings allowed in the window before each further one counts as an absence; null = no limit. */
    medicalLimit: integer('medical_limit'),
    signatory: text('signatory').notNull().default(''),
    /** The newest visitor slip change the pipeline has taken in (updated_at); null = never looked. */
    pipelineSyncedThrough: text('pipeline_synced_through'),
    /** Letter templates; null = the built-in wording. */
    warningTemplate: text('warning_template'),
    finalTemplate: text('final_template'),
    ...timestamps,
  },
  (t) => [
    check('leadership_policies_singleton', sql`${t.singleton} = 1`),
    check('leadership_policies_stale', sql`${t.staleFollowUpDays} BETWEEN 1 AND 365`),
    check('leadership_policies_visit_limit', sql`${t.visitLimit} BETWEEN 1 AND 20`),
    check('leadership_policies_term', sql`${t.renewalTermMonths} BETWEEN 1 AND 60`),
    check('leadership_policies_warning_at', sql`${t.warningAt} BETWEEN 0 AND 26`),
    check('leadership_policies_lates', sql`${t.latesPerAbsence} BETWEEN 0 AND 26`),
    check('leadership_policies_substitutes', sql`${t.substituteCap} IS NULL OR ${t.substituteCap} BETWEEN 0 AND 26`),
    check('leadership_policies_medical', sql`${t.medicalLimit} IS NULL OR ${t.medicalLimit} BETWEEN 0 AND 26`),
  ],
);

/** A visitor as a person across visits: their follow-up stage, and the member record once they apply. */
export const prospects = sqliteTable(
  'prospects',
  {
    id: id(),
    name: text('name').notNull(),
    company: text('company').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    classificationSought: text('classification_sought').notNull().default(''),
    classificationId: text('classification_id').references(() => classifications.id),
    invitedById: text('invited_by_id').references(() => members.id),
    stage: text('stage', { enum: prospectStages }).notNull().default('visited'),
    lastContactOn: text('last_contact_on'),
    note: text('note').notNull().default(''),
    /** The applicant (later member) this visitor became: the visitor → member conversion link. */
    memberId: text('member_id').references(() => members.id),
    /**
     * The day of this person's newest live visit (null: none left, every slip deleted). Kept by the
     * file itself (triggers of migration 0018 on prospect_visits, visitors and meetings), in the
     * transaction of whatever changes a visit: linking, a slip deleted or brought back, a meeting's
     * day changed. This week and the Visitors counts read it instead of every visit of every person.
     */
    lastVisitOn: text('last_visit_on'),
    ...timestamps,
  },
  (t) => [
    index('prospects_stage').on(t.stage),
    index('prospects_member').on(t.memberId),
    index('prospects_last_visit').on(t.lastVisitOn, t.stage, t.memberId),
    // The visitor pipeline checks at every visitor saved whether anyone changed the people it keeps by name (newest change).
    index('prospects_updated').on(t.updatedAt),
    check('prospects_name', sql`length(trim(${t.name})) > 0`),
    check('prospects_stage', inList('stage', prospectStages)),
    check('prospects_last_contact_on', sql`${t.lastContactOn} IS NULL OR ${isoDate('last_contact_on')}`),
  ],
);

/** Which visitor slip (a visit) belongs to which prospect: the slips stay the record of the visits. */
export const prospectVisits = sqliteTable(
  'prospect_visits',
  {
    visitorId: text('visitor_id')
      .primaryKey()
      .references(() => visitors.id),
    prospectId: text('prospect_id')
      .notNull()
      .references(() => prospects.id),
    ...timestamps,
  },
  (t) => [index('prospect_visits_prospect').on(t.prospectId, t.visitorId)],
);

/** An application for a seat: a new member's, or a current member's change of classification. */
export const applications = sqliteTable(
  'applications',
  {
    id: id(),
    kind: text('kind', { enum: applicationKinds }).notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    prospectId: text('prospect_id').references(() => prospects.id),
    classificationId: text('classification_id')
      .notNull()
      .references(() => classifications.id),
    fromClassificationId: text('from_classification_id').references(() => classifications.id),
    appliedOn: text('applied_on').notNull(),
    sponsorId: text('sponsor_id').references(() => members.id),
    interviewOn: text('interview_on'),
    interviewers: text('interviewers').notNull().default(''),
    interviewNotes: text('interview_notes').notNull().default(''),
    referencesChecked: integer('references_checked', { mode: 'boolean' }).notNull().default(false),
    referencesNote: text('references_note').notNull().default(''),
    status: text('status', { enum: applicationStatuses }).notNull().default('pending'),
    ...timestamps,
  },
  (t) => [
    index('applications_member').on(t.memberId),
    index('applications_status').on(t.status),
    check('applications_kind', inList('kind', applicationKinds)),
    check('applications_status', inList('status', applicationStatuses)),
    check('applications_applied_on', isoDate('applied_on')),
    check('applications_interview_on', sql`${t.interviewOn} IS NULL OR ${isoDate('interview_on')}`),
    check('applications_change_from', sql`(${t.kind} = 'classification_change') = (${t.fromClassificationId} IS NOT NULL)`),
  ],
);

/** The membership committee's decisions: on applications, renewals and attendance, each with date, who and why. */
export const committeeDecisions = sqliteTable(
  'committee_decisions',
  {
    id: id(),
    topic: text('topic', { enum: decisionTopics }).notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    applicationId: text('application_id').references(() => applications.id),
    absenceLetterId: text('absence_letter_id').references((): any => absenceLetters.id),
    outcome: text('outcome', { enum: decisionOutcomes }).notNull(),
    decidedOn: text('decided_on').notNull(),
    decidedBy: text('decided_by').notNull(),
    reason: text('reason').notNull().default(''),
    conditions: text('conditions').notNull().default(''),
    /** Renewals: the due date before and after the decision. */
    renewalDueBefore: text('renewal_due_before'),
    renewalDueAfter: text('renewal_due_after'),
    ...timestamps,
  },
  (t) => [
    index('committee_decisions_member').on(t.memberId, t.decidedOn),
    index('committee_decisions_application').on(t.applicationId),
    index('committee_decisions_letter').on(t.absenceLetterId),
    check('committee_decisions_topic', inList('topic', decisionTopics)),
    check('committee_decisions_outcome', inList('outcome', decisionOutcomes)),
    check('committee_decisions_decided_on', isoDate('decided_on')),
    check('committee_decisions_decided_by', sql`length(trim(${t.decidedBy})) > 0`),
    check('committee_decisions_application', sql`(${t.topic} = 'application') = (${t.applicationId} IS NOT NULL)`),
  ],
);

/** A letter about attendance, drafted from the chapter's template when a member reaches a threshold. */
export const absenceLetters = sqliteTable(
  'absence_letters',
  {
    id: id(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    level: text('level', { enum: letterLevels }).notNull(),
    /** Absences as the policy counts them when the letter was drafted. */
    absences: integer('absences').notNull(),
    /** JSON list of { on, mark } for the meetings that counted. */
    countedMeetings: text('counted_meetings').notNull(),
    /** The meeting day the threshold was reached on. */
    reachedOn: text('reached_on').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: letterStatuses }).notNull().default('draft'),
    reviewedOn: text('reviewed_on'),
    reviewedBy: text('reviewed_by'),
    sentOn: text('sent_on'),
    sentHow: text('sent_how', { enum: letterSentHows }),
    ...timestamps,
  },
  (t) => [
    index('absence_letters_member').on(t.memberId, t.reachedOn),
    index('absence_letters_status').on(t.status),
    uniqueIndex('absence_letters_once').on(t.memberId, t.level, t.reachedOn),
    check('absence_letters_level', inList('level', letterLevels)),
    check('absence_letters_status', inList('status', letterStatuses)),
    check('absence_letters_reached_on', isoDate('reached_on')),
    check('absence_letters_body', sql`length(trim(${t.body})) > 0`),
    check('absence_letters_sent', sql`(${t.status} = 'sent') = (${t.sentOn} IS NOT NULL AND ${t.sentHow} IS NOT NULL)`),
    check('absence_letters_sent_how', sql`${t.sentHow} IS NULL OR ${inList('sent_how', letterSentHows)}`),
  ],
);
