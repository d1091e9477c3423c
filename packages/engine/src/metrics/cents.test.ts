import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, fromMinorUnits, isDecimalString, parseMoney } from '../domain/money.js';
import { CentsTotal, formatCents, multiplyCents, ratio, scanCents } from './cents.js';

describe('scanCents', () => {
  it('reads exactly what parseMoney accepts, as integer cents', () => {
    const candidates = fc.oneof(
      fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map((c) => fromMinorUnits(c)),
      fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map((c) => fromMinorUnits(c).replace(/0$/, '')),
      fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map((c) => fromMinorUnits(c).replace(/\.\d\d$/, '')),
      fc.stringMatching(/^-?[0-9.]{0,8}$/),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        let expected: bigint | undefined;
        try {
          expected = BigInt(parseMoney(text, 'amount').times(100).toFixed(0));
        } catch {
          expected = undefined;
        }
        const scanned = scanCents(text);
        expect(scanned === undefined ? undefined : BigInt(scanned)).toEqual(expected);
        if (scanned !== undefined) expect(isDecimalString(text)).toBe(true);
      }),
    );
  });

  it('uses a number up to 13 integer digits, a bigint beyond, and never −0', () => {
    expect(scanCents('9999999999999.99')).toBe(999999999999999);
    expect(scanCents('99999999999999.99')).toBe(9999999999999999n);
    expect(Object.is(scanCents('-0.00'), 0)).toBe(true);
    for (const bad of ['', '-', '1.', '.5', '01', '1.234', '1,00', ' 1', '1e2', '+1', '--1', '1.-1']) {
      expect(scanCents(bad), bad).toBeUndefined();
    }
  });
});

describe('CentsTotal', () => {
  it('sums exactly across the float/bigint boundary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.maxSafeInteger(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }))),
        (values) => {
          const total = new CentsTotal();
          for (const value of values) total.add(value);
          expect(total.total()).toBe(values.reduce<bigint>((sum, v) => sum + BigInt(v), 0n));
        },
      ),
    );
  });
});

describe('formatCents, ratio, multiplyCents', () => {
  it('formats like fromMinorUnits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), (c) => {
        expect(formatCents(c)).toBe(fromMinorUnits(c));
      }),
    );
    expect(formatCents(-5n)).toBe('-0.05');
    expect(formatCents(0n)).toBe('0.00');
  });

  it('divides exactly once, null on zero, also beyond the safe range', () => {
    expect(ratio(1n, 0n)).toBeNull();
    expect(ratio(0n, 7n)).toBe(0);
    expect(ratio(1n, 3n)).toBe(1 / 3);
    expect(ratio(10n ** 30n, 3n * 10n ** 30n)).toBe(1 / 3);
    expect(ratio(-(10n ** 20n), 4n * 10n ** 20n)).toBe(-0.25);
  });

  it('rounds a product half-up to the cent', () => {
    expect(multiplyCents(1n, new Decimal('0.5'))).toBe(1n);
    expect(multiplyCents(-1n, new Decimal('0.5'))).toBe(-1n);
    expect(multiplyCents(3n, new Decimal('0.5'))).toBe(2n);
    expect(multiplyCents(10n ** 30n, new Decimal('0.25'))).toBe(25n * 10n ** 28n);
  });
});
