/**
 * `@freehold/storage-postgres`: Freehold's storage adapter for PostgreSQL (`pg` + kysely) — connection pooling, an
 * optional read pool for analytics, a schema per repository, migrations run forward on open — built on the
 * shared SQL storage core `@freehold/storage-sql`.
 * @packageDocumentation
 */

export { parseInt8 } from './mappers.js';
export { POSTGRES_MIGRATION_NAMES, postgresMigrations } from './migrations/index.js';
export {
  DEFAULT_POOL_SIZE,
  DEFAULT_SCHEMA,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresPoolSource,
  type PostgresQueryConfig,
  type PostgresQueryResult,
  type PostgresRepositoryConfig,
  type PostgresTypeParsers,
} from './postgres-config.js';
export { POSTGRES_DIALECT } from './postgres-dialect.js';
export { isConnectionError, translatePostgresError } from './postgres-errors.js';
export {
  createPostgresRepository,
  POSTGRES_CAPABILITIES,
  type PostgresRepository,
} from './postgres-repository.js';
