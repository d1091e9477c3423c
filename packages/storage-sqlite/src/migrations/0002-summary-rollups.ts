/**
 * Migration 0002: the core's summary rollups (portfolio × month and portfolio × date, by kind and category;
 * property × year by kind and category), created and filled from the transactions already stored, so a portfolio's
 * series never depends on its number of properties and a property's total over a year reads few rows.
 * @module
 */
import { addSummaryRollups, type CoreDatabase, dropSummaryRollups } from '@freehold/storage-sql';
import type { Kysely, Migration } from 'kysely';
import { SQLITE_SCHEMA_DIALECT } from '../sqlite-dialect.js';

/** Adds and fills the summary rollup tables; `down` drops them. */
export const summaryRollupsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await addSummaryRollups(db as Kysely<CoreDatabase>, SQLITE_SCHEMA_DIALECT);
  },
  async down(db: Kysely<unknown>) {
    await dropSummaryRollups(db as Kysely<CoreDatabase>);
  },
};
