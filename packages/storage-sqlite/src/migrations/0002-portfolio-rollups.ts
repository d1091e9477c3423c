/**
 * Migration 0002: the core's portfolio rollups (portfolio × month and portfolio × date, by kind and category),
 * created and filled from the transactions already stored, so a portfolio's totals never depend on its number of
 * properties.
 * @module
 */
import { addPortfolioRollups, type CoreDatabase, dropPortfolioRollups } from '@freehold/storage-sql';
import type { Kysely, Migration } from 'kysely';
import { SQLITE_SCHEMA_DIALECT } from '../sqlite-dialect.js';

/** Adds and fills the portfolio rollup tables; `down` drops them. */
export const portfolioRollupsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await addPortfolioRollups(db as Kysely<CoreDatabase>, SQLITE_SCHEMA_DIALECT);
  },
  async down(db: Kysely<unknown>) {
    await dropPortfolioRollups(db as Kysely<CoreDatabase>);
  },
};
