import { showWhenDrawn } from './after-paint';

/**
 * Unsaved work that leaving the screen would lose. A form registers a sentence while it holds changes
 * the ledger has not saved; the app asks before switching screens ("Stay" is the default) instead of
 * dropping them without a word.
 */
/** Where a form's changes are saved: its Save button, and the address of the tab it is on (Settings' tabs). */
export interface SaveAt {
  buttonId: string;
  hash: string;
}

const guards = new Map<string, { message: string; saveAt: SaveAt | null }>();

export function setLeaveGuard(key: string, message: string | null, saveAt: SaveAt | null = null): void {
  if (message) guards.set(key, { message, saveAt });
  else guards.delete(key);
}

/**
 * "Stay and save": the first guarded form's tab is shown and its Save button scrolled into view and focused
 * (Enter saves). The question may have been asked from another tab, where the form is hidden.
 */
export function showSaveButton(): void {
  const saveAt = [...guards.values()].find((g) => g.saveAt)?.saveAt;
  if (!saveAt) return;
  if (window.location.hash !== saveAt.hash) window.location.hash = saveAt.hash;
  // The tab is drawn on the hash change: the button is shown once it is (visible, not on a hidden tab).
  showWhenDrawn(() => {
    const button = document.getElementById(saveAt.buttonId);
    return button && button.offsetParent !== null ? button : null;
  });
}

/** The user chose to leave without saving: nothing is held any more. */
export function clearLeaveGuards(): void {
  guards.clear();
}

/** The sentences of every form with unsaved changes, or null when nothing would be lost. */
export function leaveGuardMessage(): string | null {
  return guards.size ? [...guards.values()].map((g) => g.message).join(' ') : null;
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
