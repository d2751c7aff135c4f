// The chapter's vocabulary as closed lists, shared by the schema, the contract and the screens.

/** How names are written: "Ann Lee", or family name first as in Taiwan, Hong Kong, Japan, Korea, Hungary ("陳大文", "Kovács János"). */
export const nameOrders = ['given_first', 'family_first'] as const;
export type NameOrder = (typeof nameOrders)[number];
export const nameOrderLabels: Record<NameOrder, string> = {
  given_first: 'Given name first (Ann Lee)',
  family_first: 'Family name first (陳大文, Kovács János)',
};
export const memberStatuses = ['applicant', 'active', 'on_leave', 'former'] as const;
export type MemberStatus = (typeof memberStatuses)[number];
/** Statuses that hold (or, for an applicant, reserve) a seat. */
export const seatHoldingStatuses = ['applicant', 'active', 'on_leave'] as const;

export const memberStatusLabels: Record<MemberStatus, string> = {
  applicant: 'Applicant',
  active: 'Active',
  on_leave: 'On leave',
  former: 'Former',
};

export const leadershipRoles = [
  'president',
  'vice_president',
  'secretary_treasurer',
  'membership_committee',
  'visitor_host',
  'education_coordinator',
  'mentor_coordinator',
] as const;
export type LeadershipRole = (typeof leadershipRoles)[number];

export const leadershipRoleLabels: Record<LeadershipRole, string> = {
  president: 'President',
  vice_president: 'Vice President',
  secretary_treasurer: 'Secretary/Treasurer',
  membership_committee: 'Membership Committee',
  visitor_host: 'Visitor Host',
  education_coordinator: 'Education Coordinator',
  mentor_coordinator: 'Mentor Coordinator',
};

export const meetingStatuses = ['draft', 'completed', 'cancelled'] as const;
export const palmsMarks = ['P', 'A', 'L', 'M', 'S'] as const;
export const referralKinds = ['inside', 'outside'] as const;
export const referralStatuses = ['new', 'contacted', 'meeting_set', 'won', 'lost'] as const;
/** Why a referral was lost: asked when a referral is marked lost. */
export const lostReasons = ['price', 'timing', 'no_answer', 'not_a_fit', 'other'] as const;
export type LostReason = (typeof lostReasons)[number];
export const lostReasonLabels: Record<LostReason, string> = { price: 'Price', timing: 'Timing', no_answer: 'No answer', not_a_fit: 'Not a fit', other: 'Other' };
/** What a member says is wrong with a TYFCB slip. */
export const disputeGrounds = ['wrong_referrer', 'wrong_amount', 'not_from_referral'] as const;
export type DisputeGround = (typeof disputeGrounds)[number];
export const disputeGroundLabels: Record<DisputeGround, string> = { wrong_referrer: 'Wrong referrer', wrong_amount: 'Wrong amount', not_from_referral: 'Not from this referral' };
/** How leadership settles a dispute: the slip stands, is amended, or is removed. */
export const disputeResolutions = ['confirmed', 'corrected', 'removed'] as const;
export type DisputeResolution = (typeof disputeResolutions)[number];
export const tyfcbBusiness = ['new', 'repeat'] as const;
export const tyfcbKinds = ['inside', 'outside', 'tier3'] as const;
/** Someone on one side of a slip who is not a member of this chapter. */
export const outsidePartyKinds = ['other_chapter', 'visitor', 'bni'] as const;
export type OutsidePartyKind = (typeof outsidePartyKinds)[number];
/** The slips that may have an outside party on one side. */
export const outsideSlipTypes = ['referral', 'tyfcb', 'one_to_one'] as const;
export type OutsideSlipType = (typeof outsideSlipTypes)[number];
/**
 * Which way the slip runs for the chapter's member: a referral given to the party or received from it;
 * a TYFCB where the member referred the business (given: the party closed it and thanks the member) or
 * closed it (received: the member thanks the party); a one-to-one is simply with the party.
 */
export const outsideDirections = ['given', 'received', 'with'] as const;
export type OutsideDirection = (typeof outsideDirections)[number];
export const visitorFollowUps = ['new', 'contacted', 'invited_back', 'applied', 'not_interested'] as const;
/**
 * The largest import file read, in MB: BNI Connect's .xls export (SpreadsheetML, ~400 bytes a row) of
 * 100,000 slips — the row limit — is about 40 MB. What is read is bounded further by the row and cell
 * limits and by the reading thread's 512 MB / 30 s (src/imports/parse-in-worker.ts).
 */
export const importFileMaxMb = 100;
/** The same limit as base64 characters (what the window sends). */
export const importFileMaxBase64 = Math.ceil((importFileMaxMb * 2 ** 20) / 3) * 4;

export const auditActions = ['insert', 'update', 'delete', 'close', 'reopen', 'restore', 'import'] as const;
/** What the Audit log screen can show: everything, or one kind of record. */
export const auditEntities = ['all', 'member', 'attendance', 'referral', 'tyfcb', 'one_to_one', 'visitor', 'ceu', 'outside_party', 'meeting', 'chapter', 'classification', 'contact_sphere', 'scorecard_profile', 'chapter_file', 'tyfcb_dispute', 'outcome_rules', 'import_batch'] as const;

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

// ---- leadership workflows between meetings (issue 17) ----------------------------------
/** A visitor's follow-up stage, from the first visit to joining (or not). */
export const prospectStages = ['visited', 'followed_up', 'invited_back', 'applied', 'joined', 'not_now', 'not_a_fit'] as const;
export type ProspectStage = (typeof prospectStages)[number];
export const prospectStageLabels: Record<ProspectStage, string> = {
  visited: 'Visited',
  followed_up: 'Followed up',
  invited_back: 'Invited back',
  applied: 'Applied',
  joined: 'Joined',
  not_now: 'Not now',
  not_a_fit: 'Not a fit',
};
/** Stages someone still has to act on. */
export const openProspectStages = ['visited', 'followed_up', 'invited_back'] as const;

export const applicationKinds = ['membership', 'classification_change'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];
export const applicationStatuses = ['pending', 'deferred', 'approved', 'declined'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const decisionTopics = ['application', 'renewal', 'attendance'] as const;
export type DecisionTopic = (typeof decisionTopics)[number];
/** The membership committee's possible decisions, per topic. */
export const applicationOutcomes = ['approved', 'declined', 'deferred'] as const;
export const renewalOutcomes = ['renewed', 'renewed_with_conditions', 'not_renewed'] as const;
export const attendanceOutcomes = ['kept', 'kept_with_conditions', 'released'] as const;
export const decisionOutcomes = [...applicationOutcomes, ...renewalOutcomes, ...attendanceOutcomes] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  approved: 'Approved',
  declined: 'Declined',
  deferred: 'Deferred',
  renewed: 'Renewed',
  renewed_with_conditions: 'Renewed with conditions',
  not_renewed: 'Not renewed',
  kept: 'Kept',
  kept_with_conditions: 'Kept with conditions',
  released: 'Released',
};
/** Which decisions need a reason written (the form marks the box "Required"; the services refuse it empty). */
export function reasonRequiredFor(outcome: DecisionOutcome): boolean {
  return outcome !== 'approved' && outcome !== 'renewed' && outcome !== 'kept';
}
/** Which decisions need their conditions written. */
export function conditionsRequiredFor(outcome: DecisionOutcome): boolean {
  return outcome === 'renewed_with_conditions' || outcome === 'kept_with_conditions';
}

export const letterLevels = ['warning', 'final'] as const;
export type LetterLevel = (typeof letterLevels)[number];
export const letterStatuses = ['draft', 'reviewed', 'sent'] as const;
export type LetterStatus = (typeof letterStatuses)[number];
export const letterSentHows = ['email', 'post', 'in_person', 'phone', 'messaging'] as const;
export type LetterSentHow = (typeof letterSentHows)[number];
