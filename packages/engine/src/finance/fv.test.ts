import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fv } from './fv.js';
import { pmt } from './pmt.js';

const timing = fc.constantFrom('end' as const, 'begin' as const);

describe('fv', () => {
  test('savings grow; a loan balance is the negative future value', () => {
    expect(fv(0.05 / 12, 120, -100, -100)).toBeCloseTo(15692.928894335748, 8);
    expect(fv(0.075, 20, -2000, 0, 'begin')).toBeCloseTo(93105.06487352114, 8);
    const payment = pmt(0.06 / 12, 360, 200_000);
    expect(fv(0.06 / 12, 360, payment, 200_000)).toBeCloseTo(0, 6);
    expect(fv(0.06 / 12, 120, payment, 200_000)).toBeLessThan(0);
  });

  test('zero periods leave −pv; a zero rate adds the payments', () => {
    expect(fv(0.05, 0, -100, 1000)).toBe(-1000);
    expect(fv(0, 10, -100, -1000)).toBe(2000);
  });

  test('a value beyond the float range is ±Infinity, never NaN', () => {
    expect(fv(10, 400, -1, -1)).toBe(Number.POSITIVE_INFINITY);
    expect(fv(10, 400, 1, 1)).toBe(Number.NEGATIVE_INFINITY);
    // pv·(1+r)^n and pmt·annuity both overflow with opposite signs yet cancel exactly:
    expect(fv(1, 2000, -1, 1)).toBe(0);
  });

  test('property: round trip with pmt — fv(rate, n, pmt(rate, n, pv, fv), pv) = fv', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.01, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 480 }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        timing,
        (rate, nper, pv, target, when) => {
          const payment = pmt(rate, nper, pv, target, when);
          const growth = (1 + rate) ** nper;
          const scale =
            Math.abs(pv) * growth + Math.abs(target) + Math.abs(payment) * nper * Math.max(1, growth);
          expect(Math.abs(fv(rate, nper, payment, pv, when) - target)).toBeLessThanOrEqual(
            1e-9 * scale + 1e-9,
          );
        },
      ),
    );
  });

  test('property: never NaN for valid input', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.999_999, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        timing,
        (rate, nper, payment, pv, when) => {
          expect(Number.isNaN(fv(rate, nper, payment, pv, when))).toBe(false);
        },
      ),
    );
  });
});
