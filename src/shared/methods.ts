// The method names alone, with no dependency, so the sandboxed preload can expose exactly
// these without bundling zod. contract.ts `satisfies Record<MethodName, …>` keeps both in step.
export const methodNames = [
  'appStatus',
  'getChapter',
  'saveChapter',
  'loadDemoChapter',
  'listContactSpheres',
  'saveContactSphere',
  'deleteContactSphere',
  'listClassifications',
  'saveClassification',
  'deleteClassification',
  'listMembers',
  'getMember',
  'addMember',
  'updateMember',
  'seatMap',
  'seatHistory',
  'listMeetings',
  'createMeeting',
  'getMeetingSheet',
  'setAttendance',
  'markAllPresent',
  'closeMeeting',
  'reopenMeeting',
  'cancelMeeting',
  'saveReferral',
  'saveTyfcb',
  'saveOneToOne',
  'saveVisitor',
  'saveCeu',
  'deleteSlip',
  'listOpenReferrals',
  'setReferralStatus',
] as const;

export type MethodName = (typeof methodNames)[number];

export const ipcChannel = (method: MethodName) => `ledger:${method}`;
