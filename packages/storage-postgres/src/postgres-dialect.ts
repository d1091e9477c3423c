/**
 * PostgreSQL's part of the SQL storage core: column types, driver-error classification and limits.
 * @module
 */
import type { CoreDatabase, SqlDialectAdapter } from '@freehold/storage-sql';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { insertWithUnnest } from './postgres-bulk-insert.js';
import { driverErrorCode, SQLSTATE } from './postgres-errors.js';

/**
 * The PostgreSQL dialect adapter of `@freehold/storage-sql`:
 * - text compares by code point (`COLLATE "C"`), as the port's string order requires;
 * - money in `bigint` minor units; record payloads in `json` (validated, but stored as written: unlike `jsonb`
 *   it keeps key order, so records and snapshots come back byte-for-byte as they were written);
 * - a failed statement aborts the transaction, so the core wraps writes in savepoints;
 * - multi-row inserts go through `unnest` arrays (see `postgres-bulk-insert.ts`);
 * - 23505 is a unique violation, 40001 and 40P01 are retryable conflicts.
 */
export const POSTGRES_DIALECT: SqlDialectAdapter = Object.freeze({
  name: 'postgres',
  types: Object.freeze({
    text: sql`text collate "C"`,
    integer: 'integer',
    bigint: 'bigint',
    json: 'json',
  }),
  maxBindParameters: 65_535,
  statementErrorAbortsTransaction: true,
  supportsForUpdate: true,
  isUniqueViolation(error: unknown): boolean {
    return driverErrorCode(error) === SQLSTATE.uniqueViolation;
  },
  isSerializationFailure(error: unknown): boolean {
    const code = driverErrorCode(error);
    return code === SQLSTATE.serializationFailure || code === SQLSTATE.deadlockDetected;
  },
  async executeRepeated(
    executor: Kysely<CoreDatabase>,
    singleRowSql: string,
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    if (await insertWithUnnest(executor, singleRowSql, rows)) return;
    // Not a plain single-row insert (never expected): run it once per row.
    for (const row of rows) await executor.executeQuery(CompiledQuery.raw(singleRowSql, [...row]));
  },
});
