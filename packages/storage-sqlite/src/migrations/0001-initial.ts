/**
 * Migration 0001: the version-1 core schema (every record table, the audit log, loan events, monthly rollups,
 * metadata) with SQLite's column types, and fixed query-planner statistics.
 * @module
 */
import { createCoreSchema, dropCoreSchema } from '@freehold/storage-sql';
import { type Kysely, type Migration, sql } from 'kysely';
import { SQLITE_SCHEMA_DIALECT } from '../sqlite-dialect.js';

/**
 * Planner statistics for the big tables (`sqlite_stat1` rows: index → "rows, rows per distinct prefix…"), as for
 * a large portfolio. Without statistics SQLite assumes every equality matches ten rows, and for a lookup such as
 * `portfolio_id = ? AND source = ? AND external_id IN (…500 ids)` it would walk the whole portfolio through the
 * `(portfolio_id, date)` index instead of probing the unique key — quadratic during an import. Fixed statistics
 * (SQLite's documented remedy) keep plans stable from the first row on; a later `ANALYZE` replaces them with
 * measured ones.
 */
export const PLANNER_STATISTICS: readonly (readonly [table: string, index: string, stat: string])[] = [
  ['transactions', 'transactions_portfolio_id_date_idx', '1000000 100000 30'],
  ['transactions', 'transactions_property_id_date_idx', '1000000 1000 3'],
  ['transactions', 'transactions_category_date_idx', '1000000 50000 20'],
  ['transactions', 'transactions_kind_date_idx', '1000000 100000 30'],
  ['transactions', 'transactions_unit_id_date_set_idx', '200000 200 2'],
  ['transactions', 'transactions_lease_id_date_set_idx', '200000 100 2'],
  ['transactions', 'transactions_loan_id_date_set_idx', '100000 1000 3'],
  ['transactions', 'transactions_group_id_date_set_idx', '20000 2 2'],
  ['transactions', 'transactions_portfolio_id_source_external_id_key', '1000000 100000 50000 1'],
  ['audit_entries', 'audit_entries_at_id_idx', '100000 2 1'],
  ['audit_entries', 'audit_entries_portfolio_id_at_id_idx', '100000 10000 2 1'],
  ['audit_entries', 'audit_entries_entity_type_at_id_idx', '100000 5000 2 1'],
  ['audit_entries', 'audit_entries_entity_id_at_id_idx', '100000 5 2 1'],
  ['audit_entries', 'audit_entries_actor_id_at_id_idx', '100000 1000 2 1'],
];

/** Creates `sqlite_stat1`, writes {@link PLANNER_STATISTICS}, and makes the connection reload them. */
async function writePlannerStatistics(db: Kysely<unknown>): Promise<void> {
  await sql`analyze sqlite_schema`.execute(db);
  for (const [table, index, stat] of PLANNER_STATISTICS) {
    await sql`delete from sqlite_stat1 where tbl = ${table} and idx = ${index}`.execute(db);
    await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${table}, ${index}, ${stat})`.execute(db);
  }
  await sql`analyze sqlite_schema`.execute(db);
}

/** Creates the core schema and the planner statistics; `down` drops the schema. */
export const initialMigration: Migration = {
  async up(db) {
    await createCoreSchema(db, SQLITE_SCHEMA_DIALECT);
    await writePlannerStatistics(db);
  },
  async down(db) {
    await dropCoreSchema(db);
  },
};
