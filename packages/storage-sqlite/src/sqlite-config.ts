/**
 * Configuration of the SQLite adapter, and the slice of better-sqlite3 it uses (declared here, so the adapter
 * depends on the driver's behaviour, not on its type package).
 * @module
 */
import type { MigrationList } from '@freehold/storage-sql';

/** The result of running a statement. */
export interface SqliteRunResult {
  /** Rows changed. */
  readonly changes: number | bigint;
  /** Row id of the last insert. */
  readonly lastInsertRowid: number | bigint;
}

/** The slice of a better-sqlite3 `Statement` the adapter (and kysely) use. */
export interface SqliteStatement {
  /** True when the statement returns rows. */
  readonly reader: boolean;
  /** Runs the statement and returns every row. */
  all(...parameters: unknown[]): unknown[];
  /** Runs the statement and returns the first row. */
  get(...parameters: unknown[]): unknown;
  /** Runs a statement that returns no rows. */
  run(...parameters: unknown[]): SqliteRunResult;
  /** Iterates over the rows. */
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
}

/** The slice of a better-sqlite3 `Database` the adapter uses. */
export interface SqliteDatabase {
  /** Compiles a statement. */
  prepare(sql: string): SqliteStatement;
  /** Runs a PRAGMA (`simple` returns the first column of the first row). */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Makes statements prepared from now on return integers as bigints. */
  defaultSafeIntegers(toggle?: boolean): unknown;
  /** Closes the connection. */
  close(): unknown;
  /** True for an in-memory database. */
  readonly memory: boolean;
  /** True when opened read-only. */
  readonly readonly: boolean;
}

/** Options of {@link createSqliteRepository}: give exactly one of `filename` and `database`. */
export interface SqliteRepositoryConfig {
  /** A database file (created when missing, unless `readonly`), or `':memory:'`. */
  readonly filename?: string;
  /**
   * An open better-sqlite3 database, or a function returning one (called once, on open). The repository takes
   * it over: it sets its pragmas and closes it on `close()`.
   */
  readonly database?: SqliteDatabase | (() => SqliteDatabase | Promise<SqliteDatabase>);
  /**
   * Open read-only: nothing is migrated or written, and every unit of work that writes fails with a
   * `StorageError`. The database must already be at this build's schema version.
   */
  readonly readonly?: boolean;
  /** How long a statement waits for another connection's lock before failing, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
  /** Page cache size in KiB (default 65536, i.e. 64 MiB). */
  readonly cacheSizeKiB?: number;
  /**
   * The migrations to run (default {@link SQLITE_MIGRATIONS}). Meant for tests that simulate an older or newer
   * build; an application never sets it.
   */
  readonly migrations?: MigrationList;
}
