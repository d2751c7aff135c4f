// Contract schemas for referral outcomes: follow-up history, conversion and revenue by referrer,
// TYFCB disputes, integrity flags, recognition and the rules (settings) behind them.
import { z } from 'zod';
import { disputeGrounds, disputeResolutions, lostReasons, referralStatuses } from './domain';
import { entityId, integerIn, isoDate, oneOf, optionalText, requiredText } from './fields';
import { periodInput } from './tally-schemas';

// ---- rules (settings) ------------------------------------------------------------------

export const outcomeRulesSchema = z
  .object({
    staleDays: integerIn('Days without a status update before a referral is stale', 1, 365).default(14),
    concentrationShare: integerIn('Share of one member’s referrals going to one receiver (%)', 50, 100).default(60),
    concentrationMin: integerIn('Referrals a member must give before concentration is judged', 2, 500).default(6),
    pairNoTyfcbMin: integerIn('Referrals between two members with no TYFCB either way', 2, 500).default(6),
    spikeFactor: integerIn('Weekly spike: times the member’s usual weekly rate', 2, 50).default(3),
    spikeMin: integerIn('Weekly spike: at least this many referrals in one meeting', 2, 500).default(5),
    spikeBaselineWeeks: integerIn('Weeks of history that set a member’s usual rate', 4, 104).default(26),
    recognitionTop: integerIn('Members recognised per category', 1, 10).default(3),
    conversionMinDecided: integerIn('Decided referrals needed for best conversion', 1, 100).default(3),
    lateCountsAsPresent: z.boolean({ error: 'Late counts as present must be yes or no.' }).default(true),
  })
  .strict();
export type OutcomeRules = z.output<typeof outcomeRulesSchema>;
export const defaultOutcomeRules: OutcomeRules = outcomeRulesSchema.parse({});

// ---- follow-up history -----------------------------------------------------------------

export const statusEntryOut = z.object({
  id: z.string(),
  status: z.enum(referralStatuses),
  changedOn: z.string(),
  recordedById: z.string().nullable(),
  recordedByName: z.string().nullable(),
  lostReason: z.enum(lostReasons).nullable(),
  note: z.string(),
});
export type StatusEntry = z.infer<typeof statusEntryOut>;

export const linkedTyfcbOut = z.object({
  id: z.string(),
  meetingOn: z.string(),
  amountMinor: z.number().int(),
  business: z.string(),
  disputed: z.boolean(),
});

export const referralHistoryOut = z.object({
  referralId: z.string(),
  givenOn: z.string(),
  giverId: z.string(),
  giverName: z.string(),
  receiverId: z.string(),
  receiverName: z.string(),
  prospectName: z.string(),
  status: z.enum(referralStatuses),
  entries: z.array(statusEntryOut),
  tyfcb: z.array(linkedTyfcbOut),
  /** TYFCB slips from the receiver thanking the giver with no referral linked: candidates to link. */
  unlinkedTyfcb: z.array(linkedTyfcbOut),
  currency: z.string(),
});
export type ReferralHistory = z.infer<typeof referralHistoryOut>;

export const linkTyfcbInput = z
  .object({ tyfcbId: entityId('TYFCB slip'), referralId: entityId('Referral'), reason: optionalText('Reason', 300) })
  .strict();

// ---- outcomes --------------------------------------------------------------------------

const ratio = z.number().nullable();
const byOutcome = z.object({ won: z.number().int(), lost: z.number().int(), open: z.number().int(), total: z.number().int() });

export const outcomeFiguresOut = z.object({
  given: byOutcome,
  received: byOutcome,
  /** won ÷ (won + lost), null before anything is decided. */
  conversionGiven: ratio,
  /** won ÷ all given. */
  conversionGivenAll: ratio,
  conversionReceived: ratio,
  conversionReceivedAll: ratio,
  /** As the receiver: median days from the referral's meeting to its first contact, and to won. */
  medianDaysToContact: ratio,
  medianDaysToClose: ratio,
  /** TYFCB credited to this member as referrer, split: linked to a referral, unlinked, under dispute. */
  generatedLinkedMinor: z.number().int(),
  generatedUnlinkedMinor: z.number().int(),
  generatedDisputedMinor: z.number().int(),
  /** (linked + unlinked) ÷ referrals given, rounded to a minor unit; null when none was given. */
  revenuePerReferralMinor: z.number().int().nullable(),
});
export type OutcomeFigures = z.infer<typeof outcomeFiguresOut>;

export const memberOutcomeOut = outcomeFiguresOut.extend({ memberId: z.string(), name: z.string() });
export type MemberOutcome = z.infer<typeof memberOutcomeOut>;

export const outcomesOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  currency: z.string(),
  locale: z.string(),
  chapter: z.object({
    given: byOutcome,
    /** The funnel: referrals that reached each stage (a later stage counts for the earlier ones). */
    funnel: z.object({ given: z.number().int(), contacted: z.number().int(), meetingSet: z.number().int(), won: z.number().int() }),
    conversion: ratio,
    conversionAll: ratio,
    medianDaysToContact: ratio,
    medianDaysToClose: ratio,
    lostReasons: z.record(z.enum([...lostReasons, 'not_recorded'] as const), z.number().int()),
    linkedMinor: z.number().int(),
    unlinkedMinor: z.number().int(),
    disputedMinor: z.number().int(),
    totalMinor: z.number().int(),
    revenuePerReferralMinor: z.number().int().nullable(),
  }),
  members: z.array(memberOutcomeOut),
  pairs: z.array(
    z.object({
      giverId: z.string(),
      giverName: z.string(),
      receiverId: z.string(),
      receiverName: z.string(),
      referrals: z.number().int(),
      won: z.number().int(),
      revenueMinor: z.number().int(),
      disputedMinor: z.number().int(),
    }),
  ),
  months: z.array(z.object({ month: z.string(), given: z.number().int(), won: z.number().int(), linkedMinor: z.number().int(), unlinkedMinor: z.number().int(), disputedMinor: z.number().int() })),
});
export type Outcomes = z.infer<typeof outcomesOut>;

/** Every referrer → receiver pair of a period, or one member's pairs (either way round). */
export const pairOutcomesInput = z
  .object({ from: isoDate('From'), to: isoDate('To'), memberId: entityId('Member').nullable() })
  .strict()
  .refine((p) => p.from <= p.to, { error: 'From must be on or before To.', path: ['to'] });

export const pairOutcomeOut = z.object({
  giverId: z.string(),
  giverName: z.string(),
  receiverId: z.string(),
  receiverName: z.string(),
  /** Referrals the giver gave the receiver in the period, by outcome now. */
  given: byOutcome,
  conversion: ratio,
  conversionAll: ratio,
  /** The receiver's median days from these referrals' meetings to first contact, and to won. */
  medianDaysToContact: ratio,
  medianDaysToClose: ratio,
  /** TYFCB the receiver credited to the giver at the period's meetings: linked, unlinked, under dispute. */
  linkedMinor: z.number().int(),
  unlinkedMinor: z.number().int(),
  disputedMinor: z.number().int(),
  revenuePerReferralMinor: z.number().int().nullable(),
});
export const pairOutcomesOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  currency: z.string(),
  locale: z.string(),
  memberId: z.string().nullable(),
  pairs: z.array(pairOutcomeOut),
});
export type PairOutcomes = z.infer<typeof pairOutcomesOut>;

/** One member's referrals by month of the meeting they were given at, by outcome now, given and received. */
export const memberOutcomesByMonthInput = z
  .object({ memberId: entityId('Member'), from: isoDate('From'), to: isoDate('To') })
  .strict()
  .refine((p) => p.from <= p.to, { error: 'From must be on or before To.', path: ['to'] });
const wonLostOpen = z.object({ won: z.number().int(), lost: z.number().int(), open: z.number().int() });
export const memberOutcomesByMonthOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  memberId: z.string(),
  /** Every month with a closed meeting in the period, oldest first (zeros where the member had none). */
  months: z.array(z.object({ month: z.string(), given: wonLostOpen, received: wonLostOpen })),
});
export type MemberOutcomesByMonth = z.infer<typeof memberOutcomesByMonthOut>;

// ---- disputes --------------------------------------------------------------------------

export const disputeTyfcbInput = z
  .object({
    tyfcbId: entityId('TYFCB slip'),
    raisedById: entityId('Raised by'),
    raisedOn: isoDate('Raised on').optional(),
    ground: oneOf('What is wrong', disputeGrounds),
    why: requiredText('Why', 500),
  })
  .strict();

export const resolveDisputeInput = z
  .object({
    id: entityId('Dispute'),
    resolution: oneOf('Resolution', disputeResolutions),
    reason: requiredText('Reason', 500),
    resolvedOn: isoDate('Resolved on').optional(),
    /** Corrected: the amount as it should read, in the chapter currency (blank keeps it). */
    amount: optionalText('Corrected amount', 40),
    /** Corrected: the member who really referred the business (null keeps the referrer). */
    referrerId: entityId('Corrected referrer').nullable().default(null),
    /** Corrected: the slip did not come from the linked referral. */
    unlinkReferral: z.boolean({ error: 'Unlink referral must be yes or no.' }).default(false),
  })
  .strict();

export const disputeOut = z.object({
  id: z.string(),
  tyfcbId: z.string(),
  meetingOn: z.string(),
  closerName: z.string(),
  referrerName: z.string(),
  amountMinor: z.number().int(),
  referralId: z.string().nullable(),
  raisedById: z.string(),
  raisedByName: z.string(),
  raisedOn: z.string(),
  ground: z.enum(disputeGrounds),
  why: z.string(),
  resolution: z.enum(disputeResolutions).nullable(),
  resolvedOn: z.string().nullable(),
  resolutionReason: z.string(),
});
export type Dispute = z.infer<typeof disputeOut>;

export const listDisputesInput = z
  .object({ state: oneOf('Which disputes', ['open', 'resolved', 'all'] as const).default('open') })
  .strict()
  .default({ state: 'open' });

export const tyfcbWithDisputeOut = z.object({
  id: z.string(),
  meetingOn: z.string(),
  closerId: z.string(),
  closerName: z.string(),
  referrerId: z.string(),
  referrerName: z.string(),
  amountMinor: z.number().int(),
  referralId: z.string().nullable(),
  prospectName: z.string().nullable(),
  openDisputeId: z.string().nullable(),
});
export const listTyfcbInput = periodInput;

// ---- flags -----------------------------------------------------------------------------

const staleReferralOut = z.object({
  referralId: z.string(),
  giverName: z.string(),
  receiverId: z.string(),
  receiverName: z.string(),
  prospectName: z.string(),
  status: z.enum(referralStatuses),
  lastUpdateOn: z.string(),
  daysSinceUpdate: z.number().int(),
});
export const integrityFlagsOut = z.object({
  rules: z.array(z.object({ id: z.enum(['stale', 'concentration', 'quiet_pair', 'spike']), title: z.string(), rule: z.string() })),
  stale: z.array(staleReferralOut),
  concentration: z.array(z.object({ giverId: z.string(), giverName: z.string(), receiverName: z.string(), toReceiver: z.number().int(), given: z.number().int(), share: z.number() })),
  quietPairs: z.array(z.object({ aName: z.string(), bName: z.string(), referrals: z.number().int() })),
  spikes: z.array(z.object({ memberId: z.string(), name: z.string(), meetingOn: z.string(), referrals: z.number().int(), usualPerWeek: z.number() })),
});
export type IntegrityFlags = z.infer<typeof integrityFlagsOut>;

/** Stale referrals, a page at a time: the most recently gone quiet first (default), or the quiet longest first. */
export const staleOrders = ['recent', 'oldest'] as const;
export const staleReferralsInput = z
  .object({
    order: oneOf('Order', staleOrders).default('recent'),
    offset: integerIn('Rows to skip', 0, 10_000_000).default(0),
    limit: integerIn('Rows per page', 1, 200).default(50),
  })
  .strict()
  .default({ order: 'recent', offset: 0, limit: 50 });
export const staleReferralsOut = z.object({
  /** Every stale referral, all pages together. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  order: z.enum(staleOrders),
  staleDays: z.number().int(),
  rows: z.array(staleReferralOut),
});
export type StaleReferrals = z.infer<typeof staleReferralsOut>;

// ---- recognition -----------------------------------------------------------------------

export const recognitionCategories = ['top_givers', 'top_tyfcb', 'perfect_attendance', 'one_to_ones', 'visitors', 'conversion'] as const;
export const recognitionOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  chapterName: z.string(),
  currency: z.string(),
  locale: z.string(),
  meetings: z.number().int(),
  categories: z.array(
    z.object({
      id: z.enum(recognitionCategories),
      title: z.string(),
      rule: z.string(),
      winners: z.array(z.object({ memberId: z.string(), name: z.string(), value: z.number(), label: z.string() })),
    }),
  ),
});
export type Recognition = z.infer<typeof recognitionOut>;
export const recognitionPdfInput = z
  .object({ from: isoDate('From'), to: isoDate('To'), producedAt: z.string().datetime({ error: 'Produced at must be a timestamp.' }).optional() })
  .strict()
  .refine((p) => p.from <= p.to, { error: 'From must be on or before To.', path: ['to'] });
