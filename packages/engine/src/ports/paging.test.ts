import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors.js';
import { checkListQuery, decodeCursor, encodeCursor, pageSize } from './paging.js';

describe('paging rules shared by every adapter', () => {
  test('cursors belong to one query scope and carry the sort key', () => {
    const cursor = encodeCursor('list:transaction', ['2024-01-01', 'id-1']);
    expect(decodeCursor(cursor, 'list:transaction', 2)).toEqual(['2024-01-01', 'id-1']);
    expect(decodeCursor(cursor, 'list:transaction')).toEqual(['2024-01-01', 'id-1']);
    expect(() => decodeCursor(cursor, 'list:valuation', 2)).toThrow(ValidationError);
    expect(() => decodeCursor(cursor, 'list:transaction', 1)).toThrow(ValidationError);
    for (const bad of ['garbage', 'null', '7', '{"scope":"list:transaction","after":[1]}']) {
      expect(() => decodeCursor(bad, 'list:transaction')).toThrow(/cursor/);
    }
  });

  test('page sizes are integers from 1 to 1000, 100 by default', () => {
    expect(pageSize(undefined)).toBe(100);
    expect(pageSize(1000)).toBe(1000);
    for (const bad of [0, 1001, 2.5, Number.NaN]) expect(() => pageSize(bad)).toThrow(ValidationError);
  });

  test('list queries filter only on declared fields and bound dates only on dated types', () => {
    expect(
      checkListQuery('transaction', { where: { propertyId: 'p', unitId: undefined }, limit: 5 }),
    ).toEqual({
      where: [['propertyId', 'p']],
      dated: true,
      dateFrom: undefined,
      dateTo: undefined,
      size: 5,
    });
    expect(() => checkListQuery('transaction', { where: { payee: 'x' } as never })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'where.payee' })] }),
    );
    expect(() => checkListQuery('property', { dateFrom: '2024-01-01' } as never)).toThrow(/no date/);
  });
});
