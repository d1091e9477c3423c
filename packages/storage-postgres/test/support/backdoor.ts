/**
 * The conformance kit's back door for PostgreSQL: reads what was stored with raw SQL on a separate `pg` pool
 * (bypassing the adapter), and checks that the row's typed columns agree with the record payload it holds.
 */
import { currencyMinorDigits, type EntityType, type Repository } from '@freehold/engine';
import type { RepositoryBackdoor } from '@freehold/engine/conformance';
import { RECORD_TABLES } from '@freehold/storage-sql';
import type pg from 'pg';
import type { PostgresRepository } from '../../src/index.js';

/** A stored row as raw SQL returns it, and the record its `data` column holds. */
export interface StoredRow {
  /** Every column of the row (`bigint` as text, `json` parsed). */
  readonly row: Record<string, unknown>;
  /** The record or audit entry held in `data`. */
  readonly record: Record<string, unknown>;
}

/** Integer minor units of a money string at `digits` decimals, as text (`"-12.5"`, 2 → `"-1250"`). */
function minorUnitsText(amount: string, digits: number): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const text = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return negative && text !== '0' ? `-${text}` : text;
}

function fail(type: string, id: string, what: string): never {
  throw new Error(`back door: stored ${type} ${id}: ${what}`);
}

/** Checks the typed columns the core copies out of the record against the record itself. */
function checkColumns(
  type: EntityType,
  id: string,
  row: Record<string, unknown>,
  record: Record<string, unknown>,
) {
  if (record.id !== id || row.id !== id)
    fail(type, id, `ids differ (${String(row.id)}, ${String(record.id)})`);
  if (type === 'auditEntry') return;
  if (row.version !== record.version)
    fail(type, id, `version column ${String(row.version)} ≠ ${String(record.version)}`);
  const spec = RECORD_TABLES[type];
  for (const column of spec.columns) {
    const value = record[column.field] ?? null;
    const stored = row[column.column] ?? null;
    if (typeof value === 'string' || typeof value === 'number' || value === null) {
      if (stored !== value)
        fail(type, id, `column ${column.column} ${JSON.stringify(stored)} ≠ ${JSON.stringify(value)}`);
    }
  }
}

/**
 * A back door over `pool` (a plain `pg.Pool` to the same database). `read` looks the row up in the repository's
 * schema, returns `{ row, record }`, and throws when the row's columns disagree with its payload.
 */
export function postgresBackdoor(pool: pg.Pool): RepositoryBackdoor {
  return {
    async read(type: EntityType, id: string, repo: Repository): Promise<StoredRow | null> {
      const { schema } = repo as PostgresRepository;
      const table = type === 'auditEntry' ? 'audit_entries' : RECORD_TABLES[type].table;
      const { rows } = await pool.query<Record<string, unknown>>(
        `SELECT * FROM "${schema}"."${table}" WHERE id = $1`,
        [id],
      );
      const [row, extra] = rows;
      if (!row) return null;
      if (extra) fail(type, id, 'more than one row');
      const record = row.data as Record<string, unknown>;
      checkColumns(type, id, row, record);
      if (type === 'transaction') {
        // The amount is also kept as integer minor units at the portfolio currency's digits (USD's 2 while the
        // portfolio row is absent).
        const found = await pool.query<{ currency: string }>(
          `SELECT currency FROM "${schema}".portfolios WHERE id = $1`,
          [row.portfolio_id],
        );
        const digits = currencyMinorDigits(found.rows[0]?.currency ?? 'USD');
        const expected = minorUnitsText(String(record.amount), digits);
        if (String(row.amount_minor) !== expected) {
          fail(
            type,
            id,
            `amount_minor ${String(row.amount_minor)} ≠ ${expected} (amount ${String(record.amount)})`,
          );
        }
      }
      return { row, record };
    },
  };
}
