// The slip bar keeps one half-typed slip per slip type: switching type (Alt+R/T/O/V/C, a click on the
// type, the pencil on another slip) sets the one being typed aside and brings back the one of the type
// switched to, so a referral left half-typed for a quick one-to-one is still there on Alt+R. Pure, so
// the unit tests read it without a browser.
import type { SlipKind } from '../shared/contract';

export type EntryKind = Exclude<SlipKind, 'outside_party'>;
export type KeptDrafts<D> = Partial<Record<EntryKind, D>>;

export const slipTypeWords: Record<EntryKind, string> = { referral: 'Referral', tyfcb: 'TYFCB', one_to_one: 'One-to-one', visitor: 'Visitor', ceu: 'CEU' };
const hotkeyLetters: Record<EntryKind, string> = { referral: 'R', tyfcb: 'T', one_to_one: 'O', visitor: 'V', ceu: 'C' };

/**
 * Switching the bar from one type to another: what is typed in `from` is kept (if anything is typed), and
 * `to` gets back its own kept slip, or an empty one (null). A slip being edited is never set aside here
 * (the bar asks to finish or cancel the edit first).
 */
export function switchSlipType<D>(from: EntryKind, current: D, to: EntryKind, kept: KeptDrafts<D>, typed: (d: D) => boolean): { draft: D | null; kept: KeptDrafts<D> } {
  if (from === to) return { draft: current, kept };
  const next: KeptDrafts<D> = { ...kept };
  if (typed(current)) next[from] = current;
  else delete next[from];
  const back = next[to] ?? null;
  delete next[to];
  return { draft: back, kept: next };
}

/** The types holding a kept slip, in the bar's order. */
export function keptKinds<D>(kept: KeptDrafts<D>): EntryKind[] {
  return (Object.keys(slipTypeWords) as EntryKind[]).filter((k) => kept[k] !== undefined);
}

/** The sentence under the type switch: "Referral being typed — kept (Alt+R brings it back)." */
export function keptSentence<D>(kept: KeptDrafts<D>): string | null {
  const kinds = keptKinds(kept);
  if (kinds.length === 0) return null;
  const parts = kinds.map((k) => `${slipTypeWords[k]} being typed — kept (Alt+${hotkeyLetters[k]} brings it back)`);
  return `${parts.join('; ')}.`;
}

/** What leaving the Meeting screen would drop, for the app's "Leave without saving?" question; null if nothing. */
export function unsavedSentence<D>(current: { kind: EntryKind; typed: boolean; editing: boolean }, kept: KeptDrafts<D>): string | null {
  const kinds = [...(current.typed ? [current.kind] : []), ...keptKinds(kept).filter((k) => k !== current.kind || !current.typed)];
  if (kinds.length === 0) return null;
  const what = kinds.map((k) => (k === current.kind && current.editing ? `changes to a ${slipTypeWords[k]} slip` : `a ${slipTypeWords[k]} slip being typed`));
  return `The Meeting screen's slip bar holds ${what.join(', ')}, not saved.`;
}

/** The slip bar's fields by the names refusals use, as their labels read on screen. */
export const slipFieldLabels: Record<string, string> = {
  giverId: 'From (giver)',
  receiverId: 'To (receiver)',
  referralKind: 'Inside / outside',
  temperature: 'Temperature',
  prospectName: 'Prospect',
  prospectPhone: 'Prospect phone',
  prospectEmail: 'Prospect email',
  note: 'Note',
  closerId: 'From (closed the business)',
  referrerId: 'Thanking (referrer)',
  amount: 'Amount',
  business: 'New / repeat',
  tyfcbKind: 'Inside / outside / tier 3',
  referralId: 'From referral',
  memberAId: 'Member',
  memberBId: 'Met with',
  metOn: 'Met on',
  name: 'Visitor name',
  company: 'Company',
  classificationSought: 'Classification sought',
  invitedById: 'Invited by',
  phone: 'Phone',
  email: 'Email',
  memberId: 'Member',
  credits: 'Credits',
  'party.name': 'Their name',
  'party.chapterName': 'Their chapter',
};

/** The phone fields of each slip type, with the email field beside them. */
const phoneFields: Partial<Record<EntryKind, { phone: 'phone' | 'prospectPhone'; email: 'email' | 'prospectEmail' }>> = {
  visitor: { phone: 'phone', email: 'email' },
  referral: { phone: 'prospectPhone', email: 'prospectEmail' },
};

/**
 * An email address typed in a slip's phone field (they sit side by side): what to say and offer before
 * anything is sent. `canMove`: Email is empty, so the address can go there with one key.
 */
export function emailInPhone(kind: SlipKind, d: { phone: string; email: string; prospectPhone: string; prospectEmail: string }, isEmail: (v: string) => boolean): { phone: string; email: string; value: string; canMove: boolean; sentence: string } | null {
  const f = phoneFields[kind as EntryKind];
  if (!f) return null;
  const value = d[f.phone].trim();
  if (!value.includes('@')) return null;
  const emailNow = d[f.email].trim();
  const phoneLabel = slipFieldLabels[f.phone]!;
  const emailLabel = slipFieldLabels[f.email]!;
  const canMove = emailNow === '' && isEmail(value);
  const sentence = canMove
    ? `Not saved yet: “${value}” looks like an email address, not a phone number. Move it to ${emailLabel}?`
    : emailNow === ''
      ? `Not saved yet: ${phoneLabel} holds “${value}”, which is not a phone number. Type the phone number here (digits, spaces and + ( ) - . / only), or clear it.`
      : `Not saved yet: ${phoneLabel} holds an email address, and ${emailLabel} already holds “${emailNow}”. Type the phone number here, or clear it.`;
  return { phone: f.phone, email: f.email, value, canMove, sentence };
}

/** A refusal in a sentence that says the slip is not saved and names its field as it reads on screen. */
export function refusalSentence(kind: SlipKind, message: string, field?: string): string {
  const type = slipTypeWords[kind as EntryKind] ?? 'slip';
  const where = field && slipFieldLabels[field] ? ` — see ${slipFieldLabels[field]}` : '';
  return `This ${type} slip is not saved yet${where}: ${message}`;
}
