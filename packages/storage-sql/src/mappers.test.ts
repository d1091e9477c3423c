import { ENTITY_SCHEMAS, StorageError, ValidationError } from '@freehold/engine';
import { createFixtureFactory } from '@freehold/engine/conformance';
import { describe, expect, test } from 'vitest';
import {
  formatMinorUnits,
  minorUnitsOf,
  recordToRow,
  rowColumns,
  rowToRecord,
  rowValues,
  toBigInt,
  toSafeNumber,
} from './mappers.js';
import { RECORD_TABLES } from './sql-schema.js';

describe('money ↔ minor units', () => {
  test.each([
    ['12.34', 2, 1234],
    ['-12.5', 2, -1250],
    ['0.00', 2, 0],
    ['-0.00', 2, 0],
    ['1250', 0, 1250],
    ['1.000', 0, 1],
    ['-0.001', 3, -1],
    ['9007199254740.991', 3, 9_007_199_254_740_991],
    ['-90071992547409.91', 2, -9_007_199_254_740_991],
  ])('%s at %i digits is %i', (amount, digits, units) => {
    expect(minorUnitsOf(amount, digits)).toBe(units);
    expect(Object.is(minorUnitsOf(amount, digits), -0)).toBe(false);
  });

  test('refuses more decimals than the currency has, malformed strings and magnitudes beyond 2^53 − 1', () => {
    expect(() => minorUnitsOf('1.234', 2)).toThrow(/at most 2 decimals/);
    expect(() => minorUnitsOf('1e3', 2)).toThrow(ValidationError);
    expect(() => minorUnitsOf(12, 2)).toThrow(ValidationError);
    expect(() => minorUnitsOf('90071992547409.92', 2)).toThrow(ValidationError);
    expect(minorUnitsOf('1.230', 2)).toBe(123);
  });

  test('formats minor units with exactly the currency digits, from numbers, bigints and digit strings', () => {
    expect(formatMinorUnits(1234, 2)).toBe('12.34');
    expect(formatMinorUnits(-5n, 2)).toBe('-0.05');
    expect(formatMinorUnits(0, 3)).toBe('0.000');
    expect(formatMinorUnits('-1250', 0)).toBe('-1250');
    expect(formatMinorUnits(18_014_398_509_481_982n, 2)).toBe('180143985094819.82');
    expect(formatMinorUnits('-18014398509481982', 3)).toBe('-18014398509481.982');
  });

  test('reads driver integers exactly', () => {
    expect(toBigInt(12)).toBe(12n);
    expect(toBigInt('-900719925474099123')).toBe(-900719925474099123n);
    expect(() => toBigInt(1.5)).toThrow(StorageError);
    expect(() => toBigInt('12.0')).toThrow(StorageError);
    expect(toSafeNumber(7n)).toBe(7);
    expect(() => toSafeNumber(2n ** 60n)).toThrow(StorageError);
  });
});

describe('rows', () => {
  test('a transaction row holds the record as JSON, its filter columns and amount_minor', () => {
    const f = createFixtureFactory();
    const property = f.property(f.portfolio());
    const transaction = f.transaction(property, { amount: '-12.30', source: 'import', externalId: 'X1' });
    const spec = RECORD_TABLES.transaction;
    const row = recordToRow(spec, transaction, 2);
    expect(JSON.parse(row.data)).toEqual(transaction);
    expect(row).toMatchObject({
      id: transaction.id,
      version: 1,
      portfolio_id: property.portfolioId,
      property_id: property.id,
      unit_id: null,
      category: 'rent',
      kind: 'income',
      source: 'import',
      external_id: 'X1',
      date: transaction.date,
      amount_minor: -1230,
    });
    expect(rowColumns(spec)).toEqual(Object.keys(row));
    expect(rowValues(spec, transaction, 2)).toEqual(Object.values(row));
  });

  test('filter columns keep only values of their type; alerts get a priority rank', () => {
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const budget = recordToRow(RECORD_TABLES.budget, f.budget(f.property(portfolio), { year: 2025 }), 2);
    expect(budget.year).toBe(2025);
    const alert = recordToRow(RECORD_TABLES.alert, f.alert(portfolio, { priority: 'critical' }), 2);
    expect(alert).toMatchObject({ priority: 'critical', priority_rank: 0, status: 'open' });
  });

  test('a value that is not a record is a ValidationError', () => {
    expect(() => recordToRow(RECORD_TABLES.user, null, 2)).toThrow(ValidationError);
    expect(() => recordToRow(RECORD_TABLES.user, { id: 'a' }, 2)).toThrow(/version/);
  });

  test('rows read back are validated with the schema of the portfolio currency and returned unchanged', () => {
    const f = createFixtureFactory();
    const yen = f.portfolio({ currency: 'JPY' });
    const transaction = f.transaction(f.property(yen), { amount: '1500' });
    expect(rowToRecord('transaction', JSON.stringify(transaction), 'JPY')).toEqual(transaction);
    // The currency is unknown without the portfolio row: any currency's schema that accepts the row will do.
    expect(rowToRecord('transaction', JSON.stringify(transaction), null)).toEqual(transaction);
    expect(() =>
      rowToRecord('transaction', JSON.stringify({ ...transaction, amount: '12.5' }), 'JPY'),
    ).toThrow(StorageError);
    expect(() => rowToRecord('transaction', '{"id":', 'USD')).toThrow(/not valid JSON/);
    expect(() => rowToRecord('transaction', '[1]', 'USD')).toThrow(/not a JSON object/);
    const user = f.user();
    expect(rowToRecord('user', user, null)).toEqual(user); // drivers that parse JSON columns hand back objects
    expect(ENTITY_SCHEMAS.user.record.safeParse(user).success).toBe(true);
  });
});
