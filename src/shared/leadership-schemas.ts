// Contract schemas for the leadership team's work between meetings (issue 17): the visitor
// pipeline, applications, renewals, absence letters and the "This week" lists.
import { z } from 'zod';
import { entityId, integerIn, isoDate, oneOf, optionalEmail, optionalPhone, optionalText, requiredText } from './fields';
import {
  applicationKinds,
  applicationOutcomes,
  applicationStatuses,
  attendanceOutcomes,
  decisionOutcomes,
  decisionTopics,
  letterLevels,
  letterSentHows,
  letterStatuses,
  memberStatuses,
  nameOrders,
  prospectStages,
  renewalOutcomes,
} from './domain';

// ---- policies --------------------------------------------------------------------------

export const leadershipPoliciesFields = {
  staleFollowUpDays: integerIn('Days before a visitor is stale', 1, 365),
  visitLimit: integerIn('Visits before applying', 1, 20),
  renewalTermMonths: integerIn('Renewal term (months)', 1, 60),
  warningAt: integerIn('Warning letter at absence', 0, 26),
  latesPerAbsence: integerIn('Lates that make one absence', 0, 26),
  substituteCap: integerIn('Substitutes allowed', 0, 26).nullable(),
  medicalLimit: integerIn('Medical leaves allowed', 0, 26).nullable(),
  signatory: optionalText('Signatory', 200),
  warningTemplate: requiredText('Warning letter template', 5000),
  finalTemplate: requiredText('Final letter template', 5000),
};
export const leadershipPoliciesOut = z.object({
  staleFollowUpDays: z.number().int(),
  visitLimit: z.number().int(),
  renewalTermMonths: z.number().int(),
  warningAt: z.number().int(),
  latesPerAbsence: z.number().int(),
  substituteCap: z.number().int().nullable(),
  medicalLimit: z.number().int().nullable(),
  signatory: z.string(),
  warningTemplate: z.string(),
  finalTemplate: z.string(),
  /** From the chapter's settings: the final letter goes at this many absences in this window. */
  absenceLimit: z.number().int(),
  absenceWindowMonths: z.number().int(),
});
export type LeadershipPolicies = z.infer<typeof leadershipPoliciesOut>;
export const saveLeadershipPoliciesInput = z.object(leadershipPoliciesFields).strict();

// ---- visitors ----------------------------------------------------------------------------

export const prospectVisitOut = z.object({
  visitorId: z.string(),
  meetingOn: z.string(),
  invitedByName: z.string().nullable(),
});
export const prospectOut = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string(),
  phone: z.string(),
  email: z.string(),
  classificationSought: z.string(),
  classificationId: z.string().nullable(),
  /** open, held (by seatHolder), applicant (reserved), or unknown when the classification is not one of ours. */
  seat: z.enum(['open', 'held', 'applicant', 'unknown']),
  seatHolder: z.string().nullable(),
  invitedById: z.string().nullable(),
  invitedByName: z.string().nullable(),
  stage: z.enum(prospectStages),
  lastContactOn: z.string().nullable(),
  note: z.string(),
  visits: z.array(prospectVisitOut),
  firstVisitOn: z.string(),
  lastVisitOn: z.string(),
  /** Days since the last contact (or the last visit when never contacted). */
  daysSinceContact: z.number().int(),
  stale: z.boolean(),
  atVisitLimit: z.boolean(),
  memberId: z.string().nullable(),
  memberStatus: z.enum(memberStatuses).nullable(),
});
export type Prospect = z.infer<typeof prospectOut>;
export const visitorsOut = z.object({
  staleFollowUpDays: z.number().int(),
  visitLimit: z.number().int(),
  /** One page of the visitors that match the search, newest visit first. */
  prospects: z.array(prospectOut),
  /** How many visitors match (all pages), the page shown (the last one when the asked page is past it) and its size. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Visitors who became members (joined) out of everyone who visited: the conversion count. */
  conversion: z.object({ visitors: z.number().int(), applied: z.number().int(), joined: z.number().int() }),
  /** Visitor slips not linked to a person yet (a backlog being linked behind the screens); 0 when the list is complete. */
  visitorSlipsWaiting: z.number().int(),
});
export type VisitorsPipeline = z.infer<typeof visitorsOut>;

export const visitorsPageSize = 50;

export const listVisitorsInput = z
  .object({
    show: oneOf('Which visitors', ['open', 'all'] as const).default('all'),
    /** Words found in the name, company, e-mail, seat wanted or who invited them (case and accents ignored), or digits of the phone. */
    search: optionalText('Search', 100),
    page: integerIn('Page', 1, 100_000).default(1),
    pageSize: integerIn('Visitors per page', 10, 200).default(visitorsPageSize),
  })
  .strict()
  .default({ show: 'all', search: '', page: 1, pageSize: visitorsPageSize });

export const recordFollowUpInput = z
  .object({
    id: entityId('Visitor'),
    stage: oneOf('Stage', prospectStages),
    contactOn: isoDate('Contact date'),
    note: optionalText('Note', 1000),
  })
  .strict();

export const applyForSeatInput = z
  .object({
    prospectId: entityId('Visitor'),
    firstName: requiredText('First name', 80),
    lastName: requiredText('Last name', 80),
    company: optionalText('Company', 120),
    phone: optionalPhone('Phone'),
    email: optionalEmail('Email'),
    classificationId: entityId('Classification'),
    sponsorId: entityId('Sponsor').nullable().default(null),
    appliedOn: isoDate('Application date'),
    /** How the member's name is written; null = as the chapter writes names. */
    nameOrder: oneOf('Name order', nameOrders).nullable().default(null),
  })
  .strict();

// ---- applications and decisions --------------------------------------------------------

export const decisionOut = z.object({
  id: z.string(),
  topic: z.enum(decisionTopics),
  memberId: z.string(),
  memberName: z.string(),
  outcome: z.enum(decisionOutcomes),
  decidedOn: z.string(),
  decidedBy: z.string(),
  reason: z.string(),
  conditions: z.string(),
  renewalDueBefore: z.string().nullable(),
  renewalDueAfter: z.string().nullable(),
});
export type Decision = z.infer<typeof decisionOut>;

export const applicationOut = z.object({
  id: z.string(),
  kind: z.enum(applicationKinds),
  memberId: z.string(),
  memberName: z.string(),
  company: z.string(),
  memberStatus: z.enum(memberStatuses),
  prospectId: z.string().nullable(),
  visits: z.number().int(),
  classificationId: z.string(),
  classificationName: z.string(),
  fromClassificationName: z.string().nullable(),
  appliedOn: z.string(),
  daysWaiting: z.number().int(),
  sponsorId: z.string().nullable(),
  sponsorName: z.string().nullable(),
  interviewOn: z.string().nullable(),
  interviewers: z.string(),
  interviewNotes: z.string(),
  referencesChecked: z.boolean(),
  referencesNote: z.string(),
  status: z.enum(applicationStatuses),
  /** What the committee still needs before deciding, in words. */
  nextStep: z.string(),
  decisions: z.array(decisionOut),
});
export type Application = z.infer<typeof applicationOut>;

export const listApplicationsInput = z
  .object({ show: oneOf('Which applications', ['waiting', 'all'] as const).default('all') })
  .strict()
  .default({ show: 'all' });

export const updateApplicationInput = z
  .object({
    id: entityId('Application'),
    sponsorId: entityId('Sponsor').nullable().default(null),
    interviewOn: isoDate('Interview date').nullable().default(null),
    interviewers: optionalText('Interviewers', 300),
    interviewNotes: optionalText('Interview notes', 4000),
    referencesChecked: z.boolean({ error: 'References checked must be yes or no.' }).default(false),
    referencesNote: optionalText('References note', 2000),
  })
  .strict();

const decisionBase = {
  decidedOn: isoDate('Decision date'),
  decidedBy: requiredText('Recorded by', 120),
  reason: optionalText('Reason', 2000),
};

export const decideApplicationInput = z
  .object({
    id: entityId('Application'),
    outcome: oneOf('Decision', applicationOutcomes),
    ...decisionBase,
    /** Approval: the day the new member joins (default: the decision date). */
    joinedOn: isoDate('Join date').nullable().default(null),
  })
  .strict();

export const requestClassificationChangeInput = z
  .object({
    memberId: entityId('Member'),
    classificationId: entityId('New classification'),
    appliedOn: isoDate('Request date'),
    reason: optionalText('Reason', 1000),
  })
  .strict();

// ---- renewals ----------------------------------------------------------------------------

export const renewalBuckets = ['overdue', 'due_30', 'due_60', 'due_90'] as const;
export const renewalRowOut = z.object({
  memberId: z.string(),
  name: z.string(),
  company: z.string(),
  classificationName: z.string(),
  status: z.enum(memberStatuses),
  renewalDue: z.string(),
  daysUntilDue: z.number().int(),
  bucket: z.enum(renewalBuckets),
  lastDecision: decisionOut.nullable(),
});
export type RenewalRow = z.infer<typeof renewalRowOut>;
export const renewalsOut = z.object({
  renewalTermMonths: z.number().int(),
  rows: z.array(renewalRowOut),
  counts: z.object({ overdue: z.number().int(), due_30: z.number().int(), due_60: z.number().int(), due_90: z.number().int() }),
  /** Members holding a seat with no renewal date at all: the radar cannot see them. */
  withoutDueDate: z.array(z.object({ memberId: z.string(), name: z.string() })),
  recentDecisions: z.array(decisionOut),
});
export type Renewals = z.infer<typeof renewalsOut>;

export const decideRenewalInput = z
  .object({
    memberId: entityId('Member'),
    outcome: oneOf('Decision', renewalOutcomes),
    ...decisionBase,
    conditions: optionalText('Conditions', 2000),
    /** Not renewed: the day they become former (default: the decision date). */
    leftOn: isoDate('Leaves on').nullable().default(null),
  })
  .strict();

/** The renewal review pack of one member (the 12 months up to the due date, or up to today). */
export const renewalPackInput = z
  .object({
    memberId: entityId('Member'),
    producedAt: z.iso.datetime({ error: 'Produced at must be a date and time such as 2026-11-22T10:00:00Z.' }).optional(),
  })
  .strict();

// ---- absence letters -------------------------------------------------------------------

export const absenceLetterOut = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  level: z.enum(letterLevels),
  absences: z.number().int(),
  countedMeetings: z.array(z.object({ on: z.string(), mark: z.string() })),
  reachedOn: z.string(),
  body: z.string(),
  status: z.enum(letterStatuses),
  reviewedOn: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  sentOn: z.string().nullable(),
  sentHow: z.enum(letterSentHows).nullable(),
  /** A final letter opens a committee decision; this is it, once made. */
  decision: decisionOut.nullable(),
  createdAt: z.string(),
});
export type AbsenceLetter = z.infer<typeof absenceLetterOut>;

export const listAbsenceLettersInput = z
  .object({
    memberId: entityId('Member').optional(),
    show: oneOf('Which letters', ['to_review', 'all'] as const).default('all'),
  })
  .strict()
  .default({ show: 'all' });

export const draftAbsenceLettersOut = z.object({ drafted: z.array(absenceLetterOut) });

export const editAbsenceLetterInput = z
  .object({ id: entityId('Letter'), body: requiredText('Letter text', 10000) })
  .strict();
export const reviewAbsenceLetterInput = z
  .object({ id: entityId('Letter'), reviewedBy: requiredText('Reviewed by', 120), reviewedOn: isoDate('Review date') })
  .strict();
export const markLetterSentInput = z
  .object({ id: entityId('Letter'), sentOn: isoDate('Sent on'), sentHow: oneOf('Sent how', letterSentHows) })
  .strict();
export const decideAttendanceInput = z
  .object({
    letterId: entityId('Letter'),
    outcome: oneOf('Decision', attendanceOutcomes),
    ...decisionBase,
    conditions: optionalText('Conditions', 2000),
  })
  .strict();

// ---- this week ---------------------------------------------------------------------------

export const thisWeekOut = z.object({
  today: z.string(),
  /** The first of them (stale first, then the oldest contact); `visitorsToFollowUpTotal` counts them all. */
  visitorsToFollowUp: z.array(prospectOut),
  visitorsToFollowUpTotal: z.number().int(),
  /** Visitor slips not linked to a person yet (a backlog being linked behind the screens); 0 when the lists are complete. */
  visitorSlipsWaiting: z.number().int(),
  applicantsWaiting: z.array(applicationOut),
  renewalsDue: z.array(renewalRowOut),
  lettersToReview: z.array(absenceLetterOut),
  committeeToDecide: z.array(absenceLetterOut),
  openSeats: z.array(z.object({ sphereName: z.string(), classifications: z.array(z.object({ id: z.string(), name: z.string(), visitorsInterested: z.number().int() })) })),
  noRecentReferral: z.array(z.object({ memberId: z.string(), name: z.string(), lastGivenOn: z.string().nullable() })),
  noReferralWeeks: z.number().int(),
  /** Plain text for the chapter's messaging group. */
  summaryText: z.string(),
  isEmptyChapter: z.boolean(),
});
export type ThisWeek = z.infer<typeof thisWeekOut>;
