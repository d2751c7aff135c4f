/**
 * The Audit log's names for what an entry is about, in the chapter's words: its badges and its "Show" list.
 * Every entity the services write has a label here; one added later without a label still reads as words
 * ("absence_letter" → "Absence letter"), never as a code in capitals.
 */
const labels: Record<string, string> = {
  all: 'Everything',
  member: 'Members',
  attendance: 'Attendance',
  referral: 'Referrals',
  tyfcb: 'TYFCB',
  one_to_one: 'One-to-ones',
  visitor: 'Visitors',
  ceu: 'CEUs',
  outside_party: 'Outside party',
  meeting: 'Meetings',
  chapter: 'Chapter details',
  classification: 'Classifications',
  contact_sphere: 'Contact spheres',
  scorecard_profile: 'Scorecard profile',
  chapter_file: 'Restores and opened files',
  tyfcb_dispute: 'TYFCB dispute',
  outcome_rules: 'Outcome rules',
  import_batch: 'Imports',
  absence_letter: 'Absence letter',
  prospect: 'Visitors and prospects',
  application: 'Applications',
  leadership_policies: 'Leadership policies',
  committee_decision: 'Committee decision',
};

export function auditEntityLabel(entity: string): string {
  const known = labels[entity];
  if (known) return known;
  const words = entity.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : entity;
}
