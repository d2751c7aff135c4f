/**
 * Unsaved work that leaving the screen would lose. A form registers a sentence while it holds changes
 * the ledger has not saved; the app asks before switching screens ("Stay" is the default) instead of
 * dropping them without a word.
 */
const guards = new Map<string, string>();

export function setLeaveGuard(key: string, message: string | null): void {
  if (message) guards.set(key, message);
  else guards.delete(key);
}

/** The user chose to leave without saving: nothing is held any more. */
export function clearLeaveGuards(): void {
  guards.clear();
}

/** The sentences of every form with unsaved changes, or null when nothing would be lost. */
export function leaveGuardMessage(): string | null {
  return guards.size ? [...guards.values()].join(' ') : null;
}

/** Equal as data, whatever order the keys were written in (a preset and a saved profile list them differently). */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
