// The app's screens and the digit that opens each. Shared by the renderer (its own key handler) and
// Electron's application menu (CmdOrCtrl+digit accelerators), so the two never disagree.
export const screenKeys = [
  { id: 'meeting', label: 'Meeting', digit: '1' },
  { id: 'referrals', label: 'Open referrals', digit: '2' },
  // Every digit is taken: Outcomes is reached from the list and the Go menu, without a shortcut.
  { id: 'outcomes', label: 'Outcomes', digit: null },
  { id: 'reciprocity', label: 'Reciprocity', digit: '3' },
  { id: 'scorecard', label: 'Scorecard', digit: '4' },
  { id: 'reports', label: 'Reports', digit: '5' },
  { id: 'members', label: 'Members', digit: '6' },
  { id: 'seats', label: 'Seat map', digit: '7' },
  { id: 'settings', label: 'Settings', digit: '8' },
  { id: 'audit', label: 'Audit log', digit: '9' },
  { id: 'import', label: 'Import', digit: '0' },
] as const;

/** The leadership's screens between meetings (issue 17): in the side bar's second group and the Go menu, without a digit (all ten are taken). */
export const leadershipScreenKeys = [
  { id: 'this-week', label: 'This week' },
  { id: 'visitors', label: 'Visitors' },
  { id: 'applications', label: 'Applications & renewals' },
] as const;

/** Settings' tabs, each at its own address: #/settings for the first, #/settings/<id> for the others. */
export const settingsTabs = [
  { value: 'chapter', label: 'Chapter' },
  { value: 'seats', label: 'Classifications & spheres' },
  { value: 'scorecard', label: 'Scorecard' },
  { value: 'backups', label: 'Backups & export' },
] as const;

export type ScreenKeyId = (typeof screenKeys)[number]['id'] | (typeof leadershipScreenKeys)[number]['id'];

interface KeyLike {
  code: string;
  key?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The screen a key press asks for, by the physical key (event.code), never the typed character: on
 * macOS Option+1 types "¡" and Cmd+1 is the menu's; on an AZERTY keyboard the digits need Shift.
 * Ctrl+digit (Cmd+digit on macOS) and Alt+digit (Option+digit) both open a screen.
 */
export function screenForKey(event: KeyLike): ScreenKeyId | null {
  const match = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
  if (!match) return null;
  const withMod = (event.ctrlKey || event.metaKey) && !event.altKey;
  const withAlt = event.altKey && !event.ctrlKey && !event.metaKey;
  if (!withMod && !withAlt) return null;
  return screenKeys.find((s) => s.digit === match[1])?.id ?? null;
}

/** How the shortcut is written for this platform: "⌘1" on macOS, "Ctrl+1" elsewhere. */
export function screenShortcutLabel(digit: string, mac: boolean): string {
  return mac ? `⌘${digit}` : `Ctrl+${digit}`;
}
