/**
 * The small per-dialect part of the SQL storage core: column types, driver-error classification, batching limits
 * and an optional fast path for bulk inserts. Everything else (schema, queries, rollups) is shared.
 * @module
 */
import { type ColumnDataType, type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { CoreDatabase } from './sql-schema.js';

/** A column type as kysely's schema builder accepts it: a type name or a raw SQL expression. */
export type SqlColumnType = ColumnDataType | Expression<unknown>;

/** The column types the core schema uses, chosen by each dialect. */
export interface SqlColumnTypes {
  /**
   * Text that is compared and ordered: ids, dates (`YYYY-MM-DD`), instants, keys. It must compare by code point
   * (SQLite's default `BINARY`; PostgreSQL `text COLLATE "C"`), so SQL order agrees with the port's string order.
   */
  readonly text: SqlColumnType;
  /** 32-bit-or-wider integer (versions, counts, years, ranks). */
  readonly integer: SqlColumnType;
  /** 64-bit integer: money in minor units and their sums. */
  readonly bigint: SqlColumnType;
  /** The record payload: JSON text (SQLite `text`) or a JSON column type (`json`, `jsonb`). */
  readonly json: SqlColumnType;
  /**
   * Calendar dates (`transactions.date`, `valuations.date`, `leases.end_date`, `loan_events.date`); default
   * {@link SqlColumnTypes.text}. A `date` type needs a driver that returns `YYYY-MM-DD` strings and a
   * {@link SqlDialectAdapter.monthOf} that works on it.
   */
  readonly date?: SqlColumnType;
}

/** Per-dialect behaviour behind {@link createSqlRepository}. */
export interface SqlDialectAdapter {
  /** Short dialect name used in messages (`'sqlite'`, `'postgres'`). */
  readonly name: string;
  /** Column types of the core schema. */
  readonly types: SqlColumnTypes;
  /** Most bind parameters one statement may carry (SQLite 32766, PostgreSQL 65535); multi-row writes stay below. */
  readonly maxBindParameters: number;
  /**
   * True when a failed statement poisons the whole transaction (PostgreSQL): the core then wraps every write in
   * a savepoint so that a caught `ConflictError` leaves the unit of work usable. SQLite rolls back only the
   * failed statement (false).
   */
  readonly statementErrorAbortsTransaction: boolean;
  /** True when `SELECT … FOR UPDATE` is supported (PostgreSQL); SQLite's units of work are serialised anyway. */
  readonly supportsForUpdate: boolean;
  /** A table suffix for small tables clustered on their primary key (SQLite `without rowid`), if any. */
  readonly clusteredTableSuffix?: string;
  /**
   * The `YYYY-MM` month of the date column `column`, for grouping transactions by month in SQL. Default
   * `substr(column, 1, 7)` (dates as text); PostgreSQL `date` columns: `to_char(column, 'YYYY-MM')`.
   */
  monthOf?(column: string): RawBuilder<string>;
  /** True when `error` is the driver's unique-constraint or primary-key violation. */
  isUniqueViolation(error: unknown): boolean;
  /** True when `error` is a serialization failure or deadlock that a retry may resolve (maps to `ConflictError`). */
  isSerializationFailure(error: unknown): boolean;
  /**
   * Optional fast path for bulk inserts: executes the compiled single-row statement `sql` once per parameter row,
   * on the connection of the unit of work `executor` belongs to (e.g. one cached better-sqlite3 statement run in a
   * loop). Without it the core sends multi-row `INSERT`s within {@link SqlDialectAdapter.maxBindParameters}.
   */
  executeRepeated?(
    executor: Kysely<CoreDatabase>,
    sql: string,
    rows: readonly (readonly unknown[])[],
  ): void | Promise<void>;
}

/** The month expression of `dialect` for the date column `column` (default `substr(column, 1, 7)`). */
export function monthExpression(
  dialect: Pick<SqlDialectAdapter, 'monthOf'> | undefined,
  column: string,
): RawBuilder<string> {
  return dialect?.monthOf
    ? dialect.monthOf(column)
    : sql<string>`substr(${sql.ref(column)}, ${sql.lit(1)}, ${sql.lit(7)})`;
}
