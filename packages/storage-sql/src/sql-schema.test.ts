import { DATED_TYPES, FILTER_FIELDS, type RecordType, UNIQUE_KEYS } from '@freehold/engine';
import { describe, expect, test } from 'vitest';
import { columnOf, RECORD_TABLES, recordIndexes } from './sql-schema.js';

const TYPES = Object.keys(FILTER_FIELDS) as RecordType[];

describe('core schema', () => {
  test('every record type has a table with a column for each filter field', () => {
    expect(Object.keys(RECORD_TABLES).sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) {
      const columns = RECORD_TABLES[type].columns.map((column) => column.field);
      for (const field of FILTER_FIELDS[type]) expect(columns, `${type}.${field}`).toContain(field);
      expect(RECORD_TABLES[type].dated, type).toBe((DATED_TYPES as readonly string[]).includes(type));
    }
    expect(columnOf('portfolioId')).toBe('portfolio_id');
    expect(columnOf('dedupeKey')).toBe('dedupe_key');
  });

  test('every unique key of the port is a unique index, and every filter field is indexed', () => {
    const indexes = recordIndexes();
    for (const [type, keys] of Object.entries(UNIQUE_KEYS) as [
      RecordType,
      readonly (readonly string[])[],
    ][]) {
      for (const key of keys) {
        const columns = key.map(columnOf);
        expect(
          indexes.some(
            (index) =>
              index.unique &&
              index.table === RECORD_TABLES[type].table &&
              index.columns.join() === columns.join(),
          ),
          `${type} (${key.join(', ')})`,
        ).toBe(true);
      }
    }
    for (const type of TYPES) {
      const table = RECORD_TABLES[type].table;
      for (const field of FILTER_FIELDS[type]) {
        const column = columnOf(field);
        expect(
          indexes.some((index) => index.table === table && index.columns.slice(0, 3).includes(column)),
          `${type}.${field} is indexed`,
        ).toBe(true);
      }
    }
  });

  test('index names are unique and fit PostgreSQL’s 63-character identifiers', () => {
    const names = recordIndexes().map((index) => index.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length, name).toBeLessThanOrEqual(63);
  });
});
