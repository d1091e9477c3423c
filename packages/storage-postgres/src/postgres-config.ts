/**
 * Configuration of the PostgreSQL adapter, and the slice of the `pg` driver it uses (declared here, so any
 * pool with this shape works: `pg.Pool`, a pool from a connection manager, a test double).
 * @module
 */
import { ValidationError } from '@freehold/engine';

/** A query as the adapter sends it: text, parameters, and the type parsers to read the result with. */
export interface PostgresQueryConfig {
  /** SQL text with `$1…$n` placeholders. */
  text: string;
  /** Parameter values. */
  values?: unknown[];
  /** Result type parsers for this query only (the adapter never touches `pg`'s global parsers). */
  types?: PostgresTypeParsers;
}

/** Per-query result type parsers, as `pg` accepts them in a query config. */
export interface PostgresTypeParsers {
  /** The parser of a column of type `oid` in `format` (`'text'` or `'binary'`). */
  getTypeParser(oid: number, format?: string): (value: string) => unknown;
}

/** What a query resolves to (the fields the adapter reads). */
export interface PostgresQueryResult {
  /** The command tag (`SELECT`, `INSERT`, `UPDATE`, …). */
  command: string;
  /** Rows affected or returned; `null` for commands without a count. */
  rowCount: number | null;
  /** Result rows, as objects keyed by column name. */
  rows: unknown[];
}

/** The slice of a pooled `pg` client the adapter uses. */
export interface PostgresPoolClient {
  /** Runs one query. */
  query(config: PostgresQueryConfig): Promise<PostgresQueryResult>;
  /** Returns the client to its pool; a truthy argument destroys it instead. */
  release(destroy?: boolean | Error): void;
}

/** The slice of a `pg.Pool` the adapter uses. */
export interface PostgresPool {
  /** Checks a client out of the pool. */
  connect(): Promise<PostgresPoolClient>;
  /** Closes every client of the pool. */
  end(): Promise<void>;
}

/**
 * A pool, or a function that creates one when the repository first needs it. A pool passed as an instance
 * belongs to the caller and is left open by `close()`; a pool created by a factory (or from a connection
 * string) belongs to the repository and is ended by `close()`.
 */
export type PostgresPoolSource = PostgresPool | (() => PostgresPool | Promise<PostgresPool>);

/** Options of {@link createPostgresRepository}. Give `connectionString` or `pool`. */
export interface PostgresRepositoryConfig {
  /** A `postgres://` URL; the adapter creates a `pg.Pool` of `poolSize` connections for it. */
  connectionString?: string;
  /** A `pg.Pool` (or any pool of the same shape), or a lazy factory of one. Wins over `connectionString`. */
  pool?: PostgresPoolSource;
  /**
   * A separate pool for the analytics reads outside units of work (`monthlyTotals`, `openAlerts`,
   * `leasesEndingBetween`, `loanEventsBetween`), e.g. to a read replica. A string is a connection URL.
   * Default: the main pool.
   */
  readPool?: PostgresPoolSource | string;
  /**
   * The PostgreSQL schema that holds Freehold's tables (created when missing), so several repositories can
   * share one database. A lower-case identifier, at most 63 characters. Default `public`.
   */
  schema?: string;
  /** Connections of each pool the adapter creates itself (default 10). Ignored for pools passed in. */
  poolSize?: number;
}

/** Default connections per pool created by the adapter. */
export const DEFAULT_POOL_SIZE = 10;

/** Default schema. */
export const DEFAULT_SCHEMA = 'public';

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name: a lower-case SQL identifier (letters, digits, `_`), at most 63 characters. */
export function checkSchemaName(schema: string): string {
  if (typeof schema !== 'string' || !SCHEMA_PATTERN.test(schema) || schema.startsWith('pg_')) {
    throw ValidationError.field(
      'schema',
      'a lower-case identifier of letters, digits and _, at most 63 characters, not starting with pg_',
      `schema: ${JSON.stringify(schema)} is not a usable PostgreSQL schema name`,
    );
  }
  return schema;
}

/** Checks `poolSize`: an integer from 1 to 1000. */
export function checkPoolSize(size: number | undefined): number {
  if (size === undefined) return DEFAULT_POOL_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw ValidationError.field('poolSize', 'an integer from 1 to 1000');
  }
  return size;
}

/** Whether `source` is a pool instance (rather than a factory). */
export function isPoolInstance(source: PostgresPoolSource): source is PostgresPool {
  return typeof source === 'object' && source !== null && typeof source.connect === 'function';
}
