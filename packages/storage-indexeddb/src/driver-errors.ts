/**
 * Translation of IndexedDB's `DOMException`s into Freehold's typed errors: a unique-key violation becomes a
 * `ConflictError`, anything else a `StorageError`, always with the driver error as `cause`. Callers branch on
 * `code`, never on a browser's message.
 * @internal
 * @module
 */
import { FreeholdError, StorageError } from '@freehold/engine';

/** The `name` of a `DOMException` (or of any error-like value), if it has one. */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  const { name } = error as { name: unknown };
  return typeof name === 'string' ? name : undefined;
}

/** True for IndexedDB's unique-key violation (a duplicate primary key or unique index key). */
export function isConstraintError(error: unknown): boolean {
  return errorName(error) === 'ConstraintError';
}

/** True when the browser refused a write for lack of space. */
export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError';
}

/**
 * A `StorageError` for a failed IndexedDB operation (`what` says which), naming the quota when it ran out.
 * Freehold errors pass through unchanged.
 */
export function toStorageError(error: unknown, what: string): FreeholdError {
  if (error instanceof FreeholdError) return error;
  if (isQuotaError(error)) {
    return new StorageError(`${what}: the browser's storage quota is exhausted; nothing was written`, {
      cause: error,
    });
  }
  const name = errorName(error);
  if (name === 'TransactionInactiveError' || name === 'InvalidStateError') {
    return new StorageError(
      `${what}: the IndexedDB transaction is no longer active (inside a unit of work await only its own methods)`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StorageError(`${what}: ${detail}`, { cause: error });
}
