// Puts a refusal from the ledger next to the field it names; anything else becomes a form-level message.
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
