/**
 * `@freehold/storage-sqlite`: Freehold's embedded default storage — SQLite through better-sqlite3 and kysely, on
 * the shared SQL core of `@freehold/storage-sql` (monthly rollups, materialised loan events, keyset paging).
 * @packageDocumentation
 */
export { readStoredRow, type StoredRow, storedRowOf, tableOfEntity } from './mappers.js';
export { initialMigration } from './migrations/0001-initial.js';
export { SQLITE_MIGRATIONS } from './migrations/index.js';
export type {
  SqliteDatabase,
  SqliteRepositoryConfig,
  SqliteRunResult,
  SqliteStatement,
} from './sqlite-config.js';
export {
  type CachingDatabase,
  cachingDatabase,
  FreeholdSqliteDialect,
  isSqliteSerializationFailure,
  isSqliteUniqueViolation,
  SQLITE_SCHEMA_DIALECT,
  sqliteDialectAdapter,
} from './sqlite-dialect.js';
export { createSqliteRepository, type SqliteRepository } from './sqlite-repository.js';
