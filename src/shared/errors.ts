// Errors cross every boundary (IPC, HTTP, tests) as this plain shape, never as a stack trace.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'seat_taken'
  | 'conflict'
  | 'duplicate'
  | 'reason_required'
  | 'incomplete'
  | 'needs_confirmation'
  | 'no_chapter'
  | 'not_a_database'
  | 'damaged'
  | 'newer_database'
  | 'locked'
  | 'busy'
  | 'disk_full'
  | 'read_only'
  | 'forbidden'
  | 'internal';

export interface LedgerErrorShape {
  code: ErrorCode;
  message: string;
  /** Dotted path of the input field the message is about, when there is one. */
  field?: string;
  /** Other fields the same check refused, so a form marks every one at once (not one per attempt). */
  alsoFields?: FieldMessage[];
}

export interface FieldMessage {
  field: string;
  message: string;
}

export class LedgerError extends Error implements LedgerErrorShape {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly alsoFields?: FieldMessage[];
  constructor(code: ErrorCode, message: string, field?: string, alsoFields?: FieldMessage[]) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (alsoFields?.length) this.alsoFields = alsoFields;
  }
  toShape(): LedgerErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.alsoFields ? { alsoFields: this.alsoFields } : {}),
    };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorShape };

export function isLedgerErrorShape(value: unknown): value is LedgerErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LedgerErrorShape).code === 'string' &&
    typeof (value as LedgerErrorShape).message === 'string'
  );
}
