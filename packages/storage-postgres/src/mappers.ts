/**
 * PostgreSQL values → JS values (records ↔ rows are the SQL core's mappers): per-query type parsers that keep
 * calendar dates as `YYYY-MM-DD` text (never a JS `Date`, so no time-zone shift), timestamps as text, and 64-bit
 * integers and numerics exact.
 * @module
 */
import type { PostgresTypeParsers } from './postgres-config.js';

/** Type OIDs the adapter parses itself (from `pg_type`). */
export const PG_OID = {
  int8: 20,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
} as const;

/**
 * A 64-bit integer (`bigint`, `count(*)`) as a JS number when it is a safe integer, otherwise as its exact
 * decimal text (mappers read both exactly with `BigInt(value)`).
 */
export function parseInt8(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

const keepText = (text: string): string => text;

/**
 * The parsers the adapter passes with every query: `date`, `timestamp` and `timestamptz` stay text, `int8`
 * goes through {@link parseInt8}, `numeric` stays exact text (pg's default); every other type uses `fallback`.
 */
export function createTypeParsers(fallback: PostgresTypeParsers): PostgresTypeParsers {
  return {
    getTypeParser(oid: number, format?: string) {
      if (format === undefined || format === 'text') {
        switch (oid) {
          case PG_OID.date:
          case PG_OID.timestamp:
          case PG_OID.timestamptz:
          case PG_OID.numeric:
            return keepText;
          case PG_OID.int8:
            return parseInt8;
        }
      }
      return fallback.getTypeParser(oid, format);
    },
  };
}
