// Puts a refusal from the ledger next to the field it names; anything else becomes a form-level message.
import { useState } from 'react';
import { LedgerError } from '../shared/errors';

export function applyLedgerError(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  knownFields: readonly string[],
): string | null {
  if (error instanceof LedgerError && error.field && knownFields.includes(error.field)) {
    setFieldError(error.field, error.message);
    return null;
  }
  return error instanceof Error ? error.message : String(error);
}


/**
 * The submit of a ledger form: a saving flag, and a refusal put next to its field (or above the
 * buttons when it names no field of this form).
 */
export function useLedgerSubmit(setFieldError: (field: string, message: string) => void, knownFields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const run = async (save: () => Promise<void>) => {
    setSaving(true);
    setFormError(null);
    try {
      await save();
    } catch (error) {
      setFormError(applyLedgerError(error, setFieldError, knownFields));
    } finally {
      setSaving(false);
    }
  };
  return { saving, formError, run };
}
