import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../domain/money.js';
import { isFreeholdError } from '../errors.js';
import {
  applyRatio,
  assertSafeCents,
  type CentsRatio,
  centsFromBig,
  centsRatio,
  divRoundHalfUp,
  divRoundHalfUpBig,
  formatCents,
  gcdBig,
  levelPaymentCents,
} from './amortization-cents.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('integer-cent arithmetic', () => {
  it('documented @examples', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUpBig(5n, 2n)).toBe(3n);
    expect(centsFromBig(123n)).toBe(123);
    expect(assertSafeCents(100)).toBe(100);
    expect(formatCents(-123456)).toBe('-1234.56');
    expect(formatCents(5)).toBe('0.05');
    expect(gcdBig(12n, -18n)).toBe(6n);
    const sixAndAHalfPercentMonthly: CentsRatio = centsRatio(65n, 12000n);
    expect(sixAndAHalfPercentMonthly).toMatchObject({ numBig: 13n, denBig: 2400n, num: 13, den: 2400 });
    expect(applyRatio(30000000, centsRatio(65n, 12000n))).toBe(162500);
    expect(levelPaymentCents(30000000, centsRatio(65n, 12000n), 360)).toBe(189620);
  });

  it('rounds exact halves away from zero', () => {
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUp(4, 3)).toBe(1);
    expect(divRoundHalfUp(-4, 3)).toBe(-1);
    expect(Object.is(divRoundHalfUp(-1, 3), 0)).toBe(true); // never -0
    expect(divRoundHalfUpBig(5n, 2n)).toBe(3n);
    expect(divRoundHalfUpBig(-5n, 2n)).toBe(-3n);
  });

  it('number division agrees with bigint division across the whole safe range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX + 10_000_000_000, max: MAX - 10_000_000_000 }),
        fc.integer({ min: 1, max: 10_000_000_000 }),
        (n, d) => {
          expect(BigInt(divRoundHalfUp(n, d))).toBe(divRoundHalfUpBig(BigInt(n), BigInt(d)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('applyRatio is exact on both its number and bigint paths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX, max: MAX }),
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 22n }),
        (balance, num, den) => {
          const expected = divRoundHalfUpBig(BigInt(balance) * num, den);
          const inRange = expected <= BigInt(MAX) && expected >= -BigInt(MAX);
          if (inRange) expect(BigInt(applyRatio(balance, centsRatio(num, den)))).toBe(expected);
          else expect(() => applyRatio(balance, centsRatio(num, den))).toThrow(/exceeds/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('formats cents like formatMoney', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (c) => {
        expect(formatCents(c)).toBe(formatMoney(new DecimalJs(c).div(100)));
      }),
      { numRuns: 2000 },
    );
    expect(formatCents(-0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-123456)).toBe('-1234.56');
  });

  it('gcd and range checks', () => {
    expect(gcdBig(12n, -18n)).toBe(6n);
    expect(gcdBig(0n, 7n)).toBe(7n);
    let caught: unknown;
    try {
      centsFromBig(BigInt(MAX) + 1n);
    } catch (error) {
      caught = error;
    }
    expect(isFreeholdError(caught, 'CALCULATION')).toBe(true);
  });

  it('the level payment is the exactly rounded annuity payment', () => {
    const D = DecimalJs.clone({ precision: 100 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000_000 }),
        fc.integer({ min: -99_999, max: 500_000 }),
        fc.integer({ min: 1, max: 600 }),
        (balance, rateMillionths, months) => {
          const i = new D(rateMillionths).div(1_000_000).div(12);
          const exact = i.isZero()
            ? new D(balance).div(months)
            : new D(balance).times(i).div(new D(1).minus(i.plus(1).pow(-months)));
          const expected = exact.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber();
          const ratio = centsRatio(BigInt(rateMillionths), 12_000_000n);
          expect(levelPaymentCents(balance, ratio, months)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
    // the half-cent payment of conformance case amort-028: 199996.20 / 360 = 555.545 → 555.55
    expect(levelPaymentCents(19_999_620, centsRatio(0n, 12n), 360)).toBe(55_555);
  });
});
