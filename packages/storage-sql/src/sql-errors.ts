/**
 * Translation of driver errors into Freehold's typed errors: callers branch on `code`, never on a driver message.
 * @module
 */
import { ConflictError, FreeholdError, StorageError } from '@freehold/engine';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/** The message of any thrown value. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns `error` into a Freehold error: Freehold errors pass through unchanged; a unique or primary-key violation
 * becomes a `ConflictError`, a serialization failure or deadlock a `ConflictError` (retry), anything else a
 * `StorageError` — always with the driver's error as `cause`. `what` names the operation in the message.
 */
export function translateDriverError(
  dialect: SqlDialectAdapter,
  error: unknown,
  what: string,
): FreeholdError {
  if (error instanceof FreeholdError) return error;
  if (dialect.isUniqueViolation(error)) {
    return new ConflictError(`${what}: the id or a unique key is already taken (${messageOf(error)})`, {
      cause: error,
    });
  }
  if (dialect.isSerializationFailure(error)) {
    return new ConflictError(
      `${what}: a concurrent unit of work collided with this one; retry (${messageOf(error)})`,
      {
        cause: error,
      },
    );
  }
  return new StorageError(`${what} failed on ${dialect.name}: ${messageOf(error)}`, { cause: error });
}
