/**
 * The SQLite adapter's migrations, in the order they run. The schema version of a database is the number of
 * these it has executed; add new ones at the end with a name that sorts last (`0002-…`).
 * @module
 */
import type { MigrationList } from '@freehold/storage-sql';
import { initialMigration } from './0001-initial.js';
import { summaryRollupsMigration } from './0002-summary-rollups.js';

/** Every migration of this build, by name. */
export const SQLITE_MIGRATIONS: MigrationList = Object.freeze({
  '0001-initial': initialMigration,
  '0002-summary-rollups': summaryRollupsMigration,
});
