/**
 * Schema version 2 (PostgreSQL only): the transactions table's primary key becomes `(portfolio_id, date, id)` —
 * it includes `date`, so monthly RANGE partitioning on `date` can be switched on later (docs/postgres.md), and it
 * serves the portfolio-and-date range scans, so the core's `(portfolio_id, date, id)` index goes. A unique index
 * keeps `id` unique on its own. Works on a populated table (one rewrite of the key).
 * @module
 */
import type { CoreDatabase } from '@freehold/storage-sql';
import { type Kysely, type Migration, sql } from 'kysely';

/** Name of the transactions primary key: `(portfolio_id, date, id)`. */
export const TRANSACTIONS_PRIMARY_KEY = 'transactions_pkey';
/** Unique index keeping transaction ids unique on their own (the primary key includes `date`). */
export const TRANSACTIONS_ID_INDEX = 'transactions_id_key';
/** The core's index that the new primary key makes redundant. */
const REDUNDANT_INDEX = 'transactions_portfolio_id_date_id_idx';

/**
 * The migration for the tables in `schema`. It receives a schema-qualifying kysely instance; its statements are
 * raw DDL, so they name the schema themselves.
 */
export function transactionsKeysMigration(schema: string): Migration {
  const transactions = sql.id(schema, 'transactions');
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const core = db as Kysely<CoreDatabase>;
      await sql`create unique index ${sql.id(TRANSACTIONS_ID_INDEX)} on ${transactions} (id)`.execute(core);
      await sql`alter table ${transactions} drop constraint ${sql.id(TRANSACTIONS_PRIMARY_KEY)}`.execute(
        core,
      );
      await sql`alter table ${transactions}
        add constraint ${sql.id(TRANSACTIONS_PRIMARY_KEY)} primary key (portfolio_id, date, id)`.execute(
        core,
      );
      await sql`drop index if exists ${sql.id(schema, REDUNDANT_INDEX)}`.execute(core);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      const core = db as Kysely<CoreDatabase>;
      await sql`create index ${sql.id(REDUNDANT_INDEX)} on ${transactions} (portfolio_id, date, id)`.execute(
        core,
      );
      await sql`alter table ${transactions} drop constraint ${sql.id(TRANSACTIONS_PRIMARY_KEY)}`.execute(
        core,
      );
      await sql`alter table ${transactions} add constraint ${sql.id(TRANSACTIONS_PRIMARY_KEY)} primary key (id)`.execute(
        core,
      );
      await sql`drop index ${sql.id(schema, TRANSACTIONS_ID_INDEX)}`.execute(core);
    },
  };
}
