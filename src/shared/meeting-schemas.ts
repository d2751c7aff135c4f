// Contract schemas for meeting night: the meeting, PALMS attendance and the five slip types.
import { z } from 'zod';
import { entityId, integerIn, isoDate, oneOf, optionalEmail, optionalPhone, optionalText, requiredText } from './fields';
import { lostReasons, meetingStatuses, memberStatuses, outsideDirections, outsidePartyKinds, outsideSlipTypes, palmsMarks, referralKinds, referralStatuses, tyfcbBusiness, tyfcbKinds } from './domain';

/** Required when the meeting is closed: the amendment's reason goes to the audit log. */
const reason = optionalText('Reason', 300);
/** The secretary already confirmed that a look-alike slip is not a duplicate. */
const confirmDuplicate = z.boolean({ error: 'Confirm duplicate must be true or false.' }).default(false);

export const meetingOut = z.object({
  id: z.string(),
  meetingOn: z.string(),
  status: z.enum(meetingStatuses),
  closedAt: z.string().nullable(),
  note: z.string(),
  slipCount: z.number().int(),
});
export type Meeting = z.infer<typeof meetingOut>;

export const createMeetingInput = z
  .object({
    meetingOn: isoDate('Meeting date').optional(),
    /** The secretary confirmed a date that is not the meeting day or is more than a week ahead. */
    confirmDate: z.boolean({ error: 'Confirm date must be true or false.' }).optional(),
  })
  .strict()
  .default({});

export const listMeetingsInput = z
  .object({
    /** A page: the newest `limit` meetings, or those before a day (the next page). */
    limit: integerIn('Meetings per page', 1, 1000).default(1000),
    before: isoDate('Before').optional(),
    /** Every draft as well, however old (the Meeting and Reports screens: the recent page and any meeting left open). */
    includeDrafts: z.boolean({ error: 'Include drafts must be true or false.' }).optional(),
  })
  .strict()
  .default({ limit: 1000 });

export const meetingRef = z.object({ meetingId: entityId('Meeting') }).strict();

export const rosterRowOut = z.object({
  memberId: z.string(),
  name: z.string(),
  company: z.string(),
  classificationName: z.string(),
  status: z.enum(memberStatuses),
  mark: z.enum(palmsMarks).nullable(),
  substituteName: z.string().nullable(),
  /** Absences in the policy window ending on this meeting, this one included. */
  absencesInWindow: z.number().int(),
  overAbsenceLimit: z.boolean(),
});
export type RosterRow = z.infer<typeof rosterRowOut>;

const slipBase = { id: z.string(), meetingId: z.string().nullable(), createdAt: z.string() };

export const referralSlipOut = z.object({
  kind: z.literal('referral'),
  ...slipBase,
  giverId: z.string(),
  giverName: z.string(),
  receiverId: z.string(),
  receiverName: z.string(),
  referralKind: z.enum(referralKinds),
  temperature: z.number().int(),
  prospectName: z.string(),
  prospectPhone: z.string(),
  prospectEmail: z.string(),
  note: z.string(),
  status: z.enum(referralStatuses),
});
export const tyfcbSlipOut = z.object({
  kind: z.literal('tyfcb'),
  ...slipBase,
  closerId: z.string(),
  closerName: z.string(),
  referrerId: z.string(),
  referrerName: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  business: z.enum(tyfcbBusiness),
  tyfcbKind: z.enum(tyfcbKinds),
  referralId: z.string().nullable(),
  note: z.string(),
});
export const oneToOneSlipOut = z.object({
  kind: z.literal('one_to_one'),
  ...slipBase,
  memberAId: z.string(),
  memberAName: z.string(),
  memberBId: z.string(),
  memberBName: z.string(),
  metOn: z.string(),
  note: z.string(),
});
export const visitorSlipOut = z.object({
  kind: z.literal('visitor'),
  ...slipBase,
  name: z.string(),
  company: z.string(),
  classificationSought: z.string(),
  /** Who holds the seat the visitor wants, if anyone: the secretary should know. */
  seatHeldBy: z.string().nullable(),
  invitedById: z.string().nullable(),
  invitedByName: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
});
export const ceuSlipOut = z.object({
  kind: z.literal('ceu'),
  ...slipBase,
  memberId: z.string(),
  memberName: z.string(),
  credits: z.number().int(),
  note: z.string(),
});
/**
 * A referral, TYFCB or one-to-one with someone outside the chapter on one side. `fromName`/`toName`
 * read as the slip reads (giver → receiver; the closer thanks the referrer; met with), the party shown
 * as "Li Wei (BNI Harbour chapter)", "Sam Doe (visitor)" or "BNI".
 */
export const outsidePartySlipOut = z.object({
  kind: z.literal('outside_party'),
  ...slipBase,
  slipType: z.enum(outsideSlipTypes),
  memberId: z.string(),
  memberName: z.string(),
  direction: z.enum(outsideDirections),
  partyId: z.string(),
  partyKind: z.enum(outsidePartyKinds),
  partyName: z.string(),
  partyChapter: z.string(),
  partyLabel: z.string(),
  fromName: z.string(),
  toName: z.string(),
  /** Referral inside/outside, TYFCB inside/outside/tier3, '' for a one-to-one. */
  slipKind: z.string(),
  temperature: z.number().int().nullable(),
  prospectName: z.string(),
  prospectPhone: z.string(),
  prospectEmail: z.string(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  business: z.enum(tyfcbBusiness).nullable(),
  metOn: z.string().nullable(),
  note: z.string(),
});
export type OutsidePartySlip = z.infer<typeof outsidePartySlipOut>;
export const slipOut = z.discriminatedUnion('kind', [referralSlipOut, tyfcbSlipOut, oneToOneSlipOut, visitorSlipOut, ceuSlipOut, outsidePartySlipOut]);
export type Slip = z.infer<typeof slipOut>;
export type SlipKind = Slip['kind'];
export const slipKinds = ['referral', 'tyfcb', 'one_to_one', 'visitor', 'ceu', 'outside_party'] as const satisfies readonly SlipKind[];

export const meetingTotalsOut = z.object({
  present: z.number().int(),
  absent: z.number().int(),
  late: z.number().int(),
  medical: z.number().int(),
  substitute: z.number().int(),
  unmarked: z.number().int(),
  referrals: z.number().int(),
  referralsInside: z.number().int(),
  referralsOutside: z.number().int(),
  tyfcb: z.number().int(),
  tyfcbAmountMinor: z.number().int(),
  /** TYFCB slips of this meeting under an open dispute: left out of tyfcbAmountMinor, shown apart. */
  tyfcbDisputedAmountMinor: z.number().int(),
  tyfcbDisputedSlips: z.number().int(),
  oneToOnes: z.number().int(),
  visitors: z.number().int(),
  ceus: z.number().int(),
  /** Slips with someone outside the chapter on one side (never in the member figures above). */
  outsideReferralsGiven: z.number().int(),
  outsideReferralsReceived: z.number().int(),
  outsideTyfcbAmountMinor: z.number().int(),
  outsideOneToOnes: z.number().int(),
});
export type MeetingTotals = z.infer<typeof meetingTotalsOut>;

export const meetingSheetOut = z.object({
  meeting: meetingOut,
  currency: z.string(),
  locale: z.string(),
  absenceLimit: z.number().int(),
  roster: z.array(rosterRowOut),
  slips: z.array(slipOut),
  totals: meetingTotalsOut,
  /** The TYFCB slips among `slips` under an open dispute (marked on the sheet and the weekly report). */
  disputedTyfcbIds: z.array(z.string()),
});
export type MeetingSheet = z.infer<typeof meetingSheetOut>;

export const setAttendanceInput = z
  .object({
    meetingId: entityId('Meeting'),
    memberId: entityId('Member'),
    mark: oneOf('Attendance mark', palmsMarks),
    substituteName: optionalText('Substitute', 120),
    reason,
  })
  .strict();

export const clearAttendanceInput = z
  .object({ meetingId: entityId('Meeting'), memberId: entityId('Member'), reason })
  .strict();

export const clearMarksInput = z
  .object({
    meetingId: entityId('Meeting'),
    memberIds: z.array(entityId('Member'), { error: 'Members must be a list of members.' }).min(1, { error: 'Members: choose at least one member.' }).max(1000, { error: 'Members: at most 1000 at once.' }),
    reason,
  })
  .strict();

export const closeMeetingInput = z
  .object({ meetingId: entityId('Meeting'), confirmWarnings: z.boolean().default(false) })
  .strict();
export const closeMeetingOut = z.object({ meeting: meetingOut, warnings: z.array(z.string()) });

export const reopenMeetingInput = z.object({ meetingId: entityId('Meeting'), reason: requiredText('Reason', 300) }).strict();

export const saveReferralInput = z
  .object({
    id: entityId('Referral').optional(),
    meetingId: entityId('Meeting'),
    giverId: entityId('From (giver)'),
    receiverId: entityId('To (receiver)'),
    referralKind: oneOf('Inside / outside', referralKinds).default('outside'),
    temperature: integerIn('Temperature', 1, 5).default(3),
    prospectName: requiredText('Prospect name', 120),
    prospectPhone: optionalPhone('Prospect phone'),
    prospectEmail: optionalEmail('Prospect email'),
    note: optionalText('Note', 1000),
    reason,
    confirmDuplicate,
  })
  .strict();

export const saveTyfcbInput = z
  .object({
    id: entityId('TYFCB slip').optional(),
    meetingId: entityId('Meeting'),
    closerId: entityId('From (closed the business)'),
    referrerId: entityId('Thanking (referrer)'),
    /** As typed, in the chapter currency: parsed to minor units by the service. */
    amount: z.string({ error: 'Amount must be text such as 1250.50.' }).max(40, { error: 'Amount is too long.' }),
    business: oneOf('New / repeat', tyfcbBusiness).default('new'),
    tyfcbKind: oneOf('Inside / outside / tier 3', tyfcbKinds).default('outside'),
    referralId: entityId('Referral').nullable().default(null),
    note: optionalText('Note', 1000),
    reason,
    confirmDuplicate,
  })
  .strict();

export const saveOneToOneInput = z
  .object({
    id: entityId('One-to-one').optional(),
    meetingId: entityId('Meeting'),
    memberAId: entityId('Member'),
    memberBId: entityId('Met with'),
    metOn: isoDate('Met on').optional(),
    note: optionalText('Note', 1000),
    reason,
    confirmDuplicate,
  })
  .strict();

export const saveVisitorInput = z
  .object({
    id: entityId('Visitor').optional(),
    meetingId: entityId('Meeting'),
    name: requiredText('Visitor name', 120),
    company: optionalText('Company', 120),
    classificationSought: optionalText('Classification sought', 100),
    invitedById: entityId('Invited by').nullable().default(null),
    phone: optionalPhone('Phone'),
    email: optionalEmail('Email'),
    reason,
    confirmDuplicate,
  })
  .strict();

export const saveCeuInput = z
  .object({
    id: entityId('CEU').optional(),
    meetingId: entityId('Meeting'),
    memberId: entityId('Member'),
    credits: integerIn('Credits', 1, 100).default(1),
    note: optionalText('Note', 1000),
    reason,
    confirmDuplicate,
  })
  .strict();

/** Who the outside party is: another chapter's member (name + chapter), a visitor, or the "BNI" account. */
export const outsidePartyInput = z
  .object({
    kind: oneOf('Outside party', outsidePartyKinds),
    name: optionalText('Outside party name', 120),
    chapterName: optionalText('Their chapter', 120),
  })
  .strict();
export type OutsidePartyInput = z.infer<typeof outsidePartyInput>;

/**
 * Record or amend a slip between a member and an outside party. The fields a type does not use are
 * ignored; the ones it needs are checked by the service with a sentence naming the field.
 */
export const saveOutsidePartySlipInput = z
  .object({
    id: entityId('Slip').optional(),
    meetingId: entityId('Meeting'),
    slipType: oneOf('Slip type', outsideSlipTypes),
    memberId: entityId('Member'),
    direction: oneOf('Direction', outsideDirections),
    party: outsidePartyInput,
    referralKind: oneOf('Inside / outside', referralKinds).default('outside'),
    temperature: integerIn('Temperature', 1, 5).default(3),
    prospectName: optionalText('Prospect name', 120),
    prospectPhone: optionalPhone('Prospect phone'),
    prospectEmail: optionalEmail('Prospect email'),
    amount: z.string({ error: 'Amount must be text such as 1250.50.' }).max(40, { error: 'Amount is too long.' }).default(''),
    business: oneOf('New / repeat', tyfcbBusiness).default('new'),
    tyfcbKind: oneOf('Inside / outside / tier 3', tyfcbKinds).default('outside'),
    metOn: isoDate('Met on').optional(),
    note: optionalText('Note', 1000),
    reason,
    confirmDuplicate,
  })
  .strict();

export const deleteMeetingInput = z.object({ meetingId: entityId('Meeting'), reason }).strict();
export const changeMeetingDateInput = z
  .object({
    meetingId: entityId('Meeting'),
    meetingOn: isoDate('Meeting date'),
    /** The secretary confirmed a date that is not the meeting day or is more than a week ahead. */
    confirmDate: z.boolean({ error: 'Confirm date must be true or false.' }).optional(),
  })
  .strict();

export const deleteSlipInput = z
  .object({ kind: oneOf('Slip type', slipKinds), id: entityId('Slip'), reason })
  .strict();

/** The same filters as the list, without the page. */
export const countOpenReferralsInput = z
  .object({
    memberId: entityId('Member').nullable().default(null),
    status: oneOf('Status', ['open', ...referralStatuses] as const).default('open'),
    olderThanDays: integerIn('Older than (days)', 0, 3650).default(0),
  })
  .strict()
  .default({ memberId: null, status: 'open', olderThanDays: 0 });

export const listOpenReferralsInput = z
  .object({
    memberId: entityId('Member').nullable().default(null),
    status: oneOf('Status', ['open', ...referralStatuses] as const).default('open'),
    olderThanDays: integerIn('Older than (days)', 0, 3650).default(0),
    /** A page of the list: at most `limit` rows (200 unless asked), after skipping `offset`. */
    limit: integerIn('Rows per page', 1, 500).optional(),
    offset: integerIn('Rows to skip', 0, 10_000_000).optional(),
  })
  .strict()
  .default({ memberId: null, status: 'open', olderThanDays: 0 });

export const openReferralOut = referralSlipOut.extend({
  meetingOn: z.string(),
  daysOpen: z.number().int(),
  /** The day of the latest follow-up entry, or the meeting's day when nothing was recorded yet. */
  lastUpdateOn: z.string(),
  daysSinceUpdate: z.number().int(),
});
export type OpenReferral = z.infer<typeof openReferralOut>;

export const setReferralStatusInput = z
  .object({
    id: entityId('Referral'),
    status: oneOf('Follow-up status', referralStatuses),
    /** The day it happened; today when left out. */
    on: isoDate('Date of the change').optional(),
    /** The giver or the receiver; null when the secretary or leadership records it. */
    recordedById: entityId('Recorded by').nullable().default(null),
    lostReason: oneOf('Why it was lost', lostReasons).nullable().default(null),
    note: optionalText('Note', 500),
    reason,
  })
  .strict();
