/**
 * The rollup's exact arithmetic: amounts to integer thousandths, sums across the safe-integer boundary, and
 * formatting that agrees with the engine's `fromMinorUnits` to the last digit.
 */
import { fromMinorUnits } from '@freehold/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addUnits, amountUnits, formatUnits } from '../src/mappers.js';
import { planMonths } from '../src/monthly-totals.js';
import { type RollupBucket, RollupDelta, type RollupSource } from '../src/rollup.js';

describe('rollup units', () => {
  test('amounts become exact thousandths and count their significant decimals', () => {
    expect(amountUnits('-12.5', 't')).toEqual({ units: -12_500, decimals: 1 });
    expect(amountUnits('1000.00', 't')).toEqual({ units: 1_000_000, decimals: 0 });
    expect(amountUnits('0.001', 't')).toEqual({ units: 1, decimals: 3 });
    expect(amountUnits('-0', 't')).toEqual({ units: 0, decimals: 0 });
    expect(amountUnits('90071992547409.91', 't')).toEqual({ units: 90_071_992_547_409_910n, decimals: 2 });
    expect(() => amountUnits('1.2345', 't')).toThrow(/at most 3 decimals/);
    expect(() => amountUnits('1e3', 't')).toThrow();
    expect(() => amountUnits(12, 't')).toThrow();
  });

  test('sums stay exact across the safe-integer boundary, as numbers below it and bigints beyond', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(addUnits(max - 1, 1)).toBe(max);
    expect(addUnits(max, 1)).toBe(BigInt(max) + 1n);
    expect(addUnits(BigInt(max) + 1n, -2)).toBe(max - 1);
    expect(addUnits(-max, -max)).toBe(-2n * BigInt(max));
  });

  test('formatting agrees with the engine’s fromMinorUnits for any amount and currency digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom(0, 2, 3),
        (minor, digits) => {
          const thousandths = minor * 10n ** BigInt(3 - digits);
          const asUnits =
            thousandths >= -9007199254740991n && thousandths <= 9007199254740991n
              ? Number(thousandths)
              : thousandths;
          expect(formatUnits(asUnits, digits)).toBe(fromMinorUnits(minor, digits));
        },
      ),
    );
  });

  test('a total finer than the currency’s minor digits has no money string', () => {
    expect(formatUnits(12_345, 2)).toBeNull();
    expect(formatUnits(12_500n, 0)).toBeNull();
    expect(formatUnits(-5, 3)).toBe('-0.005');
    expect(formatUnits(-10, 2)).toBe('-0.01');
    expect(formatUnits(0, 0)).toBe('0');
  });
});

describe('rollup buckets', () => {
  const tx = (
    id: string,
    amount: string,
    category = 'rent',
    kind = 'income',
    date = '2024-03-10',
  ): RollupSource => ({
    id,
    portfolioId: 'p',
    propertyId: 'h',
    date,
    kind,
    category,
    amount,
  });
  const merged = (delta: RollupDelta, stored: Record<string, RollupBucket | null> = {}) =>
    Object.fromEntries(
      delta.changes().map((change) => [change.key[2], change.merge(stored[change.key[2]] ?? undefined)]),
    ) as Record<string, RollupBucket | null>;

  test('keep one line per slot × kind × category, sorted, and drop lines and buckets that empty', () => {
    const delta = new RollupDelta();
    delta.add(tx('a', '100.10'), 1);
    delta.add(tx('b', '-20', 'repairs', 'operating_expense', '2024-03-02'), 1);
    delta.add(tx('c', '0.005', 'late_fees'), 1);
    delta.add(tx('d', '7', 'rent', 'income', '2024-01-31'), 1);
    const buckets = merged(delta);
    expect(buckets['2024']).toEqual({
      portfolioId: 'p',
      propertyId: 'h',
      period: '2024',
      kinds: ['income', 'income', 'operating_expense'],
      categories: ['late_fees', 'rent', 'repairs'],
      // January rent; March late fees, rent, repairs.
      cells: [
        1, 1, 7_000, 1, 0, 0, 0, 3, 0, 5, 1, 1, 1, 1, 3, 1, 100_100, 1, 1, 0, 0, 3, 2, -20_000, 1, 0, 0, 0,
      ],
    });
    expect(buckets['2024-03']?.cells).toEqual([
      2, 2, -20_000, 1, 0, 0, 0, 10, 0, 5, 1, 1, 1, 1, 10, 1, 100_100, 1, 1, 0, 0,
    ]);
    expect(buckets['2024-01']?.cells).toEqual([31, 0, 7_000, 1, 0, 0, 0]);

    const undo = new RollupDelta();
    undo.add(tx('a', '100.10'), -1);
    undo.add(tx('c', '0.005', 'late_fees'), -1);
    undo.add(tx('d', '7', 'rent', 'income', '2024-01-31'), -1);
    const after = merged(undo, buckets);
    expect(after['2024']).toMatchObject({ kinds: ['operating_expense'], cells: [3, 0, -20_000, 1, 0, 0, 0] });
    expect(after['2024-01']).toBeNull();
  });

  test('refuse a transaction whose date is not a calendar date', () => {
    expect(() => new RollupDelta().add(tx('x', '1', 'rent', 'income', '2024-02-30'), 1)).toThrow(
      /calendar date/,
    );
  });
});

describe('planMonths', () => {
  test('reads whole months from year buckets and partial months at either end from month buckets', () => {
    expect(planMonths('2024-01-01', '2024-12-31')).toEqual({
      months: { first: '2024-01', last: '2024-12' },
      partial: [],
      raw: null,
    });
    expect(planMonths('2023-12-16', '2024-12-15')).toEqual({
      months: { first: '2024-01', last: '2024-11' },
      partial: [
        { month: '2023-12', first: 16, last: 31 },
        { month: '2024-12', first: 1, last: 15 },
      ],
      raw: null,
    });
    expect(planMonths('2023-12-02', '2024-01-30')).toEqual({
      months: null,
      partial: [
        { month: '2023-12', first: 2, last: 31 },
        { month: '2024-01', first: 1, last: 30 },
      ],
      raw: null,
    });
    expect(planMonths('2024-02-01', '2024-02-29').months).toEqual({ first: '2024-02', last: '2024-02' });
    expect(planMonths('2024-02-01', '2024-02-28').partial).toEqual([
      { month: '2024-02', first: 1, last: 28 },
    ]);
    expect(planMonths('2024-03-01', '2024-02-01')).toEqual({ months: null, partial: [], raw: null });
    expect(planMonths('2024-1-1', '2024-12-01')).toEqual({
      months: null,
      partial: [],
      raw: ['2024-1-1', '2024-12-01'],
    });
  });
});
