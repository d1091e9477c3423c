/**
 * Freehold's typed errors. Callers branch on {@link FreeholdError.code}, never on a message.
 * @module
 */

/** The closed set of error codes every Freehold error carries. */
export type FreeholdErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PERMISSION'
  | 'STORAGE'
  | 'CALCULATION';

/** Base class of every error Freehold throws on purpose. */
export class FreeholdError extends Error {
  /** Stable, machine-readable kind of failure. */
  readonly code: FreeholdErrorCode;

  constructor(code: FreeholdErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** One failed check: where (a dotted field path such as `leases.0.rent`) and what was expected there. */
export interface ValidationIssue {
  /** Dotted path of the failing field; `''` for the input as a whole. */
  readonly path: string;
  /** What the field must be, in words (`"a decimal string with at most 2 decimals"`). */
  readonly expected: string;
  /** Human-readable description of the failure. */
  readonly message: string;
}

/** Input was malformed: names every failing field and what was expected. Nothing was written. */
export class ValidationError extends FreeholdError {
  /** Every failing field, in input order. Never empty. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[] | ValidationIssue, options?: { cause?: unknown }) {
    const list = Array.isArray(issues) ? issues : [issues as ValidationIssue];
    super('VALIDATION', formatIssues(list), options);
    this.issues = list;
  }

  /** The failing field paths. */
  get fields(): string[] {
    return this.issues.map((issue) => issue.path);
  }

  /** Shorthand for a single failing field. */
  static field(path: string, expected: string, message?: string): ValidationError {
    return new ValidationError({
      path,
      expected,
      message: message ?? `${path || 'input'}: expected ${expected}`,
    });
  }
}

function formatIssues(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return 'invalid input';
  return issues.map((issue) => issue.message).join('; ');
}

/** A record that was asked for does not exist (or is not visible to the actor). */
export class NotFoundError extends FreeholdError {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
    options?: { cause?: unknown },
  ) {
    super('NOT_FOUND', `${entityType} ${entityId} not found`, options);
  }
}

/** A write collided with existing state: a stale version, or an id or unique key already taken. */
export class ConflictError extends FreeholdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFLICT', message, options);
  }
}

/** The acting user's role does not allow the operation. */
export class PermissionError extends FreeholdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('PERMISSION', message, options);
  }
}

/** The storage layer failed (driver error, quota, aborted transaction); nothing was written. */
export class StorageError extends FreeholdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORAGE', message, options);
  }
}

/** A calculation cannot produce a meaningful result for well-formed input (e.g. a loan that never amortises). */
export class CalculationError extends FreeholdError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CALCULATION', message, options);
  }
}

/** True when `error` is a Freehold error with the given code. */
export function isFreeholdError(error: unknown, code?: FreeholdErrorCode): error is FreeholdError {
  return error instanceof FreeholdError && (code === undefined || error.code === code);
}
