// A value read again from the ledger (the meeting sheet after each save) keeps the very objects of the
// value on screen wherever nothing in them changed: the same slip object for a slip not touched, the same
// roster array when no mark changed. The screen's parts that are memoized (each slip's row, the slip bar's
// member pickers) then redraw only what changed: after a save, the new row and the totals, not every row.
// Equality is by value, every field compared, so a changed amount, name or mark always gives a new object.

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Items of a list are matched by their id (slips: newest first, so a new one shifts every index). */
const idOf = (v: Json): string | undefined => (isObject(v) && typeof v.id === 'string' ? v.id : isObject(v) && typeof v.memberId === 'string' ? v.memberId : undefined);

/** `next`, with every part equal by value to the same part of `prev` replaced by that part of `prev`. */
export function keepUnchanged<T>(prev: T | null | undefined, next: T): T {
  return share(prev, next) as T;
}

function share(prev: Json, next: Json): Json {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const byId = new Map<string, Json>();
    for (const item of prev) {
      const id = idOf(item);
      if (id !== undefined) byId.set(id, item);
    }
    let same = prev.length === next.length;
    const out = next.map((item, i) => {
      const id = idOf(item);
      const before = id !== undefined ? byId.get(id) : prev[i];
      const kept = before === undefined ? item : share(before, item);
      if (kept !== prev[i]) same = false;
      return kept;
    });
    return same ? prev : out;
  }
  if (isObject(prev) && isObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, Json> = {};
    for (const key of keys) {
      const kept = key in prev ? share(prev[key], next[key]) : next[key];
      if (kept !== prev[key] || !(key in prev)) same = false;
      out[key] = kept;
    }
    return same ? prev : out;
  }
  return next;
}
