/**
 * Every migration of the PostgreSQL schema, by name; names sort in the order they run.
 * @module
 */
import type { MigrationList } from '@freehold/storage-sql';
import { initialMigration } from './0001-initial.js';
import { transactionsKeysMigration } from './0002-transactions-keys.js';
import { summaryRollupsMigration } from './0003-summary-rollups.js';

/** Names of the PostgreSQL adapter's migrations, in the order they run. The schema version is their count. */
export const POSTGRES_MIGRATION_NAMES = [
  '0001-initial',
  '0002-transactions-keys',
  '0003-summary-rollups',
] as const;

/**
 * The PostgreSQL adapter's migrations for the tables in `schema` (kysely `{ up, down }` objects by name), run on a
 * kysely instance that qualifies tables with `schema` (`db.withSchema(schema)`). Exposed for tools and tests that
 * build a database at an older version; `createPostgresRepository` runs them itself.
 */
export function postgresMigrations(schema: string): MigrationList {
  return Object.freeze({
    '0001-initial': initialMigration,
    '0002-transactions-keys': transactionsKeysMigration(schema),
    '0003-summary-rollups': summaryRollupsMigration,
  });
}
