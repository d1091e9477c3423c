/**
 * SQLite's part of the SQL core: a kysely SQLite dialect whose write transactions are `BEGIN IMMEDIATE` (so two
 * processes never deadlock upgrading a read lock) and whose DDL runs in transactions (atomic migrations), a
 * prepared-statement cache, and the {@link SqlDialectAdapter} (column types, driver error codes, bulk inserts).
 * @module
 */
import type { SqlDialectAdapter } from '@freehold/storage-sql';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';
import type { SqliteDatabase, SqliteStatement } from './sqlite-config.js';

/** SQLite's default limit of bind parameters per statement (since 3.32). */
const SQLITE_MAX_VARIABLES = 32_766;

/** Statements kept prepared (least recently used ones are dropped beyond this). */
const STATEMENT_CACHE_SIZE = 256;

/** A better-sqlite3 database whose `prepare` reuses compiled statements (kysely prepares on every query). */
export interface CachingDatabase {
  /** The prepared statement for `sql`, compiled once. */
  prepare(sql: string): SqliteStatement;
  /** Closes the underlying database. */
  close(): void;
}

/** Wraps `db` with a least-recently-used cache of prepared statements. */
export function cachingDatabase(db: SqliteDatabase, size = STATEMENT_CACHE_SIZE): CachingDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const begin = settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * kysely's SQLite dialect with `BEGIN IMMEDIATE` for write transactions (`BEGIN DEFERRED` for read-only ones) and
 * transactional DDL, so kysely's migrator runs each migration atomically.
 */
export class FreeholdSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  /** Creates the dialect over the database in `config`. */
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  /** The driver: kysely's SQLite driver with `BEGIN IMMEDIATE` write transactions. */
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  /** The adapter: kysely's SQLite adapter, declaring transactional DDL. */
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** The `code` of a better-sqlite3 error, if any. */
function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a unique or primary-key constraint violation. */
export function isSqliteUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** True when a read transaction could not be upgraded because another connection wrote in between. */
export function isSqliteSerializationFailure(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_BUSY_SNAPSHOT';
}

/** The schema part of SQLite's dialect: column types (SQLite integers are 64-bit) and clustered small tables. */
export const SQLITE_SCHEMA_DIALECT: Pick<SqlDialectAdapter, 'types' | 'clusteredTableSuffix'> = Object.freeze(
  {
    types: Object.freeze({ text: 'text', integer: 'integer', bigint: 'integer', json: 'text' }),
    clusteredTableSuffix: 'without rowid',
  },
);

/**
 * SQLite's {@link SqlDialectAdapter}: text/integer columns (SQLite integers are 64-bit), JSON as text, clustered
 * rollup tables (`without rowid`), and bulk inserts as one cached prepared statement run per row.
 */
export function sqliteDialectAdapter(database: CachingDatabase): SqlDialectAdapter {
  return {
    name: 'sqlite',
    ...SQLITE_SCHEMA_DIALECT,
    maxBindParameters: SQLITE_MAX_VARIABLES,
    statementErrorAbortsTransaction: false,
    supportsForUpdate: false,
    isUniqueViolation: isSqliteUniqueViolation,
    isSerializationFailure: isSqliteSerializationFailure,
    executeRepeated(_executor, sql, rows) {
      // SQLite has one connection: the unit of work's transaction is open on it, so the statement runs inside it.
      const statement = database.prepare(sql);
      for (const row of rows) statement.run(row);
    },
  };
}
