// Puts a refusal from the ledger next to the field it names; anything else becomes a form-level message.
import { useState } from 'react';
import { LedgerError } from '../shared/errors';
import { showWhenDrawn } from './after-paint';

/**
 * Marks every field the refusal names (the ledger checks a whole form at once and says so), and returns
 * what belongs above the buttons: the message of a refusal that names no field of this form, else null.
 */
export function applyLedgerError(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  knownFields: readonly string[],
): string | null {
  if (error instanceof LedgerError && error.field && knownFields.includes(error.field)) {
    setFieldError(error.field, error.message);
    const unplaced: string[] = [];
    for (const other of error.alsoFields ?? []) {
      if (knownFields.includes(other.field)) setFieldError(other.field, other.message);
      else unplaced.push(other.message);
    }
    return unplaced.length ? unplaced.join(' ') : null;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * After a refusal, the first field marked wrong is brought into view and given the cursor: the secretary
 * pressed Save at the foot of a long form, and the message beside a field at its top was out of sight
 * (under the fixed top bar, found by a fresh-eyes trial of Settings).
 */
export function showFirstInvalidField(form: HTMLFormElement | null | undefined): void {
  if (!form) return;
  // The marks are drawn by React's next pass. A field with suggestions opens its list on focus, over its own
  // message (the currency refusal was hidden so): it is brought into view without the cursor.
  showWhenDrawn(
    () => form.querySelector<HTMLElement>('[aria-invalid="true"]'),
    (field) => field.getAttribute('aria-haspopup') !== 'listbox' && field.getAttribute('role') !== 'combobox',
  );
}

/**
 * The submit of a ledger form: a saving flag, and a refusal put next to its field (or above the
 * buttons when it names no field of this form).
 */
export function useLedgerSubmit(setFieldError: (field: string, message: string) => void, knownFields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const run = async (save: () => Promise<void>) => {
    // The form being saved: the button or the field the secretary pressed Enter in is inside it.
    const form = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
    setSaving(true);
    setFormError(null);
    try {
      await save();
    } catch (error) {
      setFormError(applyLedgerError(error, setFieldError, knownFields));
      showFirstInvalidField(form);
    } finally {
      setSaving(false);
    }
  };
  return { saving, formError, run };
}
