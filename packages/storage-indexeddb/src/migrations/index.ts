/**
 * The schema migrations of the IndexedDB adapter, in order. The IndexedDB version of a database is the number of
 * steps applied to it.
 * @module
 */
import { recordsMigration } from './0001-records.js';
import { aggregatesMigration } from './0002-aggregates.js';
import type { Migration } from './migration.js';

export type { Migration, MigrationContext } from './migration.js';

/** Every migration, version 1 first. */
export const MIGRATIONS: readonly Migration[] = [recordsMigration, aggregatesMigration];

/** The schema version this code writes: the version of its last migration. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;
