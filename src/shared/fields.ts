// zod building blocks whose every message names the field in the secretary's words.
import { z } from 'zod';

const typeError = (label: string, kind: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label} is required.` : `${label} must be ${kind}.`;

/** Required text, trimmed, 1..max characters. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: typeError(label, 'text') })
    .trim()
    .min(1, { error: `Enter ${label.toLowerCase()}.` })
    .max(max, { error: `${label} is too long (at most ${max} characters).` });

/**
 * A name that must be told apart from the others of its list (a classification, a contact sphere): trimmed, each
 * run of spaces written as one, in Unicode's composed form, so " Accountant  (CPA) " is the seat already there.
 */
export const listName = (label: string, max = 200) => requiredText(label, max).transform((v) => v.normalize('NFC').replace(/\s+/g, ' '));

/** Optional text: missing becomes '', trimmed, at most max characters. */
export const optionalText = (label: string, max = 500) =>
  z
    .string({ error: typeError(label, 'text') })
    .trim()
    .max(max, { error: `${label} is too long (at most ${max} characters).` })
    .default('');

export const entityId = (label: string) =>
  z
    .string({ error: typeError(label, 'chosen from the list') })
    .trim()
    .min(1, { error: `Choose ${label.toLowerCase()}.` })
    .max(64, { error: `${label} is not a valid choice.` });

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export const isoDate = (label: string) =>
  z
    .string({ error: typeError(label, 'a date') })
    .trim()
    .refine(isRealIsoDate, { error: `${label} must be a real date written YYYY-MM-DD.` });

export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const optionalEmail = (label: string) =>
  z
    .string({ error: typeError(label, 'text') })
    .trim()
    .max(254, { error: `${label} is too long.` })
    .refine((v) => v === '' || looksLikeEmail(v), {
      error: `${label} does not look like an email address (name@example.com).`,
    })
    .default('');

/** An email address as the ledger takes one: name@example.com, no spaces. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export const optionalPhone = (label: string, emailLabel = label.replace(/phone$/i, (w) => (w[0] === 'P' ? 'Email' : 'email'))) =>
  z
    .string({ error: typeError(label, 'text') })
    .trim()
    .max(40, { error: `${label} is too long (at most 40 characters).` })
    // An email typed in the phone field (the fields sit side by side): said as such, with the fix.
    .refine((v) => !v.includes('@'), {
      error: `${label} holds an email address: move it to ${emailLabel}, and type the phone number here (digits, spaces and + ( ) - . / only).`,
      abort: true,
    })
    .refine((v) => v === '' || /^[+()\d\s./-]+$/.test(v), {
      error: `${label} may hold digits, spaces and + ( ) - . / only.`,
    })
    .default('');

export const integerIn = (label: string, min: number, max: number) =>
  z
    .number({ error: typeError(label, 'a number') })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` });

export const oneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}.` });

/**
 * What is wrong with a date typed into a form, in one sentence naming the field, or null when it is fine.
 * The text is taken exactly as typed: 2026-02-30, 14.11.2026 or 05/11/2026 are refused, never rolled over
 * or read month-first. Shared by every typed date field (IsoDateField) so the rule is the same everywhere.
 */
export function datedFieldProblem(label: string, typed: string | null | undefined, required: boolean): string | null {
  const text = (typed ?? '').trim();
  if (text === '') return required ? `Enter ${label.toLowerCase()} (YYYY-MM-DD, e.g. 2026-11-14).` : null;
  return isRealIsoDate(text) ? null : `${label} must be a real date written YYYY-MM-DD, e.g. 2026-11-14 (you typed "${text}").`;
}
