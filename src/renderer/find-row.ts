// Type-to-jump in long lists (60 members): a name is found by the start of any of its words.
import { foldName } from '../shared/names';

/** The first row whose name has a word starting with each word typed ("rui" finds Dana Ruiz), or -1. */
export function findRow(roster: Array<{ name: string }>, typed: string): number {
  const words = foldName(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return -1;
  return roster.findIndex((r) => {
    const parts = foldName(r.name).split(/[\s-]+/);
    return words.every((w) => parts.some((p) => p.startsWith(w)));
  });
}
