import { foldName } from './names';

/** Letters to change, add or remove to turn one folded name into the other (Levenshtein, two rows). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * The members a misspelled name most likely means ("Nadia Hadad" → Nadia Haddad), closest first: names
 * compared folded (case and accents do not count), within about one letter in five; only those tied closest, at most `limit`.
 */
export function closestMembers<T extends { fullName: string }>(written: string, members: readonly T[], limit = 3): T[] {
  const folded = foldName(written);
  if (!folded) return [];
  return members
    .map((m) => {
      const name = foldName(m.fullName);
      return { m, name, d: editDistance(folded, name) };
    })
    .filter(({ name, d }) => d > 0 && d <= Math.max(1, Math.floor(Math.max(folded.length, name.length) / 5)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    // Only the closest: "Nadia Hadad" is one letter from Nadia Haddad, two from Nadia Hamid; Haddad alone is offered.
    .filter(({ d }, _i, all) => d === all[0]!.d)
    .slice(0, limit)
    .map(({ m }) => m);
}

/** A member in the "Map to member" list says when they are not a current member: "Steve Harlan (left 2026-05-01)", "Liam Murphy (applicant)". */
export function memberChoiceLabel(m: { fullName: string; status: string; leftOn: string | null; classificationName: string }, sameNameCount = 1): string {
  const parts: string[] = [];
  if (sameNameCount > 1) parts.push(m.classificationName);
  if (m.status === 'former') parts.push(m.leftOn ? `left ${m.leftOn}` : 'former member');
  else if (m.status === 'applicant') parts.push('applicant');
  else if (m.status === 'on_leave') parts.push('on leave');
  return parts.length ? `${m.fullName} (${parts.join(', ')})` : m.fullName;
}
