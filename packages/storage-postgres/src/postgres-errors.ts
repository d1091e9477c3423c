/**
 * Translation of `pg` driver errors into Freehold's typed errors: callers branch on `code`, never on a
 * driver message. The driver error is always kept as `cause`.
 * @module
 */
import { ConflictError, FreeholdError, StorageError } from '@freehold/engine';

/** SQLSTATE codes the adapter recognises. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  tooManyConnections: '53300',
  adminShutdown: '57P01',
  crashShutdown: '57P02',
  cannotConnectNow: '57P03',
  invalidSchemaName: '3F000',
  undefinedTable: '42P01',
} as const;

/** Node socket error codes that mean the server could not be reached or the connection broke. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** The SQLSTATE (`23505`) or Node error code (`ECONNREFUSED`) of a driver error, if it has one. */
export function driverErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether `error` means the connection to the server failed or broke (not a problem with the statement). */
export function isConnectionError(error: unknown): boolean {
  const code = driverErrorCode(error);
  if (code !== undefined) {
    if (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08')) return true;
    if (
      code === SQLSTATE.tooManyConnections ||
      code === SQLSTATE.adminShutdown ||
      code === SQLSTATE.crashShutdown ||
      code === SQLSTATE.cannotConnectNow
    ) {
      return true;
    }
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
    message,
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Turns a driver error into a Freehold error, keeping it as `cause`:
 * - unique violation (23505) → `ConflictError` naming the constraint;
 * - serialization failure (40001) and deadlock (40P01) → `ConflictError` (retry the unit of work);
 * - connection failures (refused, reset, server shutting down, too many connections) → `StorageError`;
 * - anything else → `StorageError`.
 * Freehold errors pass through unchanged. `context` (e.g. `insert transaction`) prefixes the message.
 */
export function translatePostgresError(error: unknown, context?: string): FreeholdError {
  if (error instanceof FreeholdError) return error;
  const prefix = context ? `${context}: ` : '';
  const code = driverErrorCode(error);
  if (code === SQLSTATE.uniqueViolation) {
    const constraint = (error as { constraint?: unknown }).constraint;
    const detail = (error as { detail?: unknown }).detail;
    const what = typeof detail === 'string' && detail !== '' ? detail : describe(error);
    const named = typeof constraint === 'string' ? ` (${constraint})` : '';
    return new ConflictError(`${prefix}already exists${named}: ${what}`, { cause: error });
  }
  if (code === SQLSTATE.serializationFailure || code === SQLSTATE.deadlockDetected) {
    return new ConflictError(`${prefix}concurrent update, retry the unit of work: ${describe(error)}`, {
      cause: error,
    });
  }
  if (isConnectionError(error)) {
    return new StorageError(`${prefix}PostgreSQL connection failed: ${describe(error)}`, { cause: error });
  }
  const state = code === undefined ? '' : ` [${code}]`;
  return new StorageError(`${prefix}PostgreSQL error${state}: ${describe(error)}`, { cause: error });
}
