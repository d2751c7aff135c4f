// One definition of "members", said the same way everywhere: active and on leave are members;
// applicants hold a seat but are not members yet, so they are counted apart; former members not at all.

export const memberStatusesCounted = ['active', 'on_leave'] as const;

/** "29 members · 1 applicant", "1 member", "0 members". */
export function memberCountLabel(members: number, applicants: number): string {
  const base = `${members} member${members === 1 ? '' : 's'}`;
  return applicants > 0 ? `${base} · ${applicants} applicant${applicants === 1 ? '' : 's'}` : base;
}

/** The Members screen's line: "29 members (28 active · 1 on leave) · 1 applicant". */
export function rosterSummary(counts: { active: number; onLeave: number; applicants: number }): string {
  const members = counts.active + counts.onLeave;
  const detail = counts.onLeave > 0 ? ` (${counts.active} active · ${counts.onLeave} on leave)` : '';
  const base = `${members} member${members === 1 ? '' : 's'}${detail}`;
  return counts.applicants > 0 ? `${base} · ${counts.applicants} applicant${counts.applicants === 1 ? '' : 's'}` : base;
}
