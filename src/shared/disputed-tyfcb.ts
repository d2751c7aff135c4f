// How a disputed TYFCB figure reads wherever it is shown next to a total (screens and PDFs alike).
// Which slips are disputed is decided in one place: src/services/tyfcb-counted.ts.

/** "disputed: $1,200.00 (2 slips)" — the figure shown next to a total; empty when nothing is disputed. */
export function disputedNote(minor: number, slips: number, money: (minor: number) => string): string {
  if (slips === 0) return '';
  return `disputed: ${money(minor)} (${slips} slip${slips === 1 ? '' : 's'})`;
}

/** The sentence shown once wherever a disputed figure appears. */
export const disputedExplanation =
  'A TYFCB slip one of its two members has disputed is left out of the totals and shown apart until leadership resolves it: confirmed or corrected, it counts again (at the corrected amount); removed, it stays out.';
