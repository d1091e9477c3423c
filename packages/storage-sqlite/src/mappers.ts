/**
 * Raw SQLite rows → plain values, for looking at what is stored without the repository (back doors, tools):
 * integers come back from better-sqlite3 as bigints (the adapter reads with safe integers) and the record as
 * JSON text. The repository itself maps rows through `@freehold/storage-sql`'s mappers.
 * @module
 */
import { type EntityType, ValidationError } from '@freehold/engine';
import { AUDIT_TABLE, parseStoredJson, recordTableOf } from '@freehold/storage-sql';
import type { SqliteDatabase } from './sqlite-config.js';

/** A stored row as plain values: bigints within ±(2^53 − 1) as numbers, the `data` JSON parsed. */
export type StoredRow = Record<string, unknown>;

/** Converts one raw row: safe bigints to numbers (larger ones stay bigints), `data` parsed from JSON. */
export function storedRowOf(row: Record<string, unknown>): StoredRow {
  const out: StoredRow = {};
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'bigint') {
      out[column] =
        value >= -9_007_199_254_740_991n && value <= 9_007_199_254_740_991n ? Number(value) : value;
    } else if (column === 'data') {
      out[column] = parseStoredJson(value, 'row');
    } else {
      out[column] = value;
    }
  }
  return out;
}

/** The table holding entity type `type` (`auditEntry` → the audit log). */
export function tableOfEntity(type: EntityType): string {
  if (type === 'auditEntry') return AUDIT_TABLE;
  const spec = recordTableOf(type);
  if (!spec) throw ValidationError.field('type', 'an entity type such as property or transaction');
  return spec.table;
}

/**
 * Reads the stored row of `type`/`id` with raw SQL on `database` (a better-sqlite3 connection to the same file),
 * every column included, or `null`.
 */
export function readStoredRow(database: SqliteDatabase, type: EntityType, id: string): StoredRow | null {
  const statement = database.prepare(`select * from "${tableOfEntity(type)}" where id = ?`);
  const row = statement.get(id) as Record<string, unknown> | undefined;
  return row === undefined ? null : storedRowOf(row);
}
