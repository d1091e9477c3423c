/**
 * Schema version 3: the core's portfolio rollups (portfolio × month and portfolio × date, by kind and category),
 * created and filled from the transactions already stored, so a portfolio's totals never depend on its number of
 * properties.
 * @module
 */
import { addPortfolioRollups, type CoreDatabase, dropPortfolioRollups } from '@freehold/storage-sql';
import type { Kysely, Migration } from 'kysely';
import { POSTGRES_DIALECT } from '../postgres-dialect.js';

/** Adds and fills the portfolio rollup tables; `down` drops them. */
export const portfolioRollupsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await addPortfolioRollups(db as Kysely<CoreDatabase>, POSTGRES_DIALECT);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await dropPortfolioRollups(db as Kysely<CoreDatabase>);
  },
};
