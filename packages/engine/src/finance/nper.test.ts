import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nper } from './nper.js';
import { pmt } from './pmt.js';

const timing = fc.constantFrom('end' as const, 'begin' as const);

describe('nper', () => {
  test('months to repay a loan, and to reach a savings target', () => {
    expect(nper(0.07 / 12, -150, 8000)).toBeCloseTo(64.07334877, 7);
    expect(nper(0.075, -2000, 0, 100_000)).toBeCloseTo(21.54494419732334, 9);
    expect(nper(0.075, -2000, 0, 100_000, 'begin')).toBeCloseTo(20.761564405189535, 9);
    expect(nper(0.1, 0, -500, 1500)).toBeCloseTo(11.526704607247604, 9);
  });

  test('a zero rate divides; zero payments at a zero rate never get there (±Infinity, as numpy)', () => {
    expect(nper(0, -100, 1000)).toBe(10);
    expect(nper(0, -0, 1000)).toBe(Number.POSITIVE_INFINITY);
    expect(nper(0, 0, 1000)).toBe(Number.NEGATIVE_INFINITY);
  });

  test('null where no number of periods gets there', () => {
    // The payment does not even cover the interest.
    expect(nper(0.01, -5, 1000)).toBeNull();
    // 0/0 at a zero rate.
    expect(nper(0, 0, 0)).toBeNull();
  });

  test('tiny rates keep full precision', () => {
    expect(nper(1e-12, -100, 1000)).toBeCloseTo(10, 9);
    expect(nper(5e-324, -100, 1000)).toBe(10);
  });

  test('property: round trip with pmt — nper(rate, pmt(rate, n, pv, fv), pv, fv) = n', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 480 }),
        fc.double({ min: 1e3, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        timing,
        (rate, periods, principal, balloonShare, when) => {
          // Past (1 + rate)^n ≈ e^10 the loan is nearly interest-only and n is ill-conditioned in pmt.
          fc.pre(rate * periods < 10);
          const balloon = -principal * balloonShare;
          const payment = pmt(rate, periods, principal, balloon, when);
          const got = nper(rate, payment, principal, balloon, when);
          expect(got).not.toBeNull();
          expect(Math.abs((got as number) - periods)).toBeLessThanOrEqual(1e-7 * periods);
        },
      ),
    );
  });

  test('property: never NaN for valid input', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.999_999, max: 1e3, noNaN: true }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        timing,
        (rate, payment, present, future, when) => {
          const periods = nper(rate, payment, present, future, when);
          expect(periods === null || !Number.isNaN(periods)).toBe(true);
        },
      ),
    );
  });
});
