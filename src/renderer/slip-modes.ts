import type { SlipKind } from '../shared/contract';

/** The slip bar's five slip types: their names on screen and the keys that choose them. */
export const slipModes: Array<{ kind: SlipKind; label: string; hotkey: string; key: string }> = [
  { kind: 'referral', label: 'Referral', hotkey: 'alt+r', key: 'R' },
  { kind: 'tyfcb', label: 'TYFCB', hotkey: 'alt+t', key: 'T' },
  { kind: 'one_to_one', label: 'One-to-one', hotkey: 'alt+o', key: 'O' },
  { kind: 'visitor', label: 'Visitor', hotkey: 'alt+v', key: 'V' },
  { kind: 'ceu', label: 'CEU', hotkey: 'alt+c', key: 'C' },
];
