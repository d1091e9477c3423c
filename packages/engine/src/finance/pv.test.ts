import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pmt } from './pmt.js';
import { pv } from './pv.js';

const timing = fc.constantFrom('end' as const, 'begin' as const);

describe('pv', () => {
  test('receiving payments is worth paying for now', () => {
    expect(pv(0.07, 20, 12_000)).toBeCloseTo(-127128.17094619398, 8);
    expect(pv(0.07, 20, 12_000, 0, 'begin')).toBeCloseTo(-136027.14291242755, 8);
    expect(pv(0.05 / 12, 120, -100, 15692.93)).toBeCloseTo(-100.00067131625819, 9);
  });

  test('zero rate and zero periods', () => {
    expect(pv(0, 300, -399.41)).toBeCloseTo(119823, 8);
    expect(pv(0.05, 0, -100, 1000)).toBe(-1000);
  });

  test('long horizons at high rates do not overflow', () => {
    expect(pv(10, 1000, -100)).toBeCloseTo(10, 9);
    expect(pv(10, 1000, -100, 0, 'begin')).toBeCloseTo(110, 9);
  });

  test('property: round trip with pmt — pv(rate, n, pmt(rate, n, pv, fv), fv) = pv', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.01, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 480 }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        timing,
        (rate, nper, present, future, when) => {
          const payment = pmt(rate, nper, present, future, when);
          const discount = (1 + rate) ** -nper;
          const scale =
            Math.abs(present) +
            Math.abs(future) * discount +
            Math.abs(payment) * nper * Math.max(1, discount);
          expect(Math.abs(pv(rate, nper, payment, future, when) - present)).toBeLessThanOrEqual(
            1e-9 * scale * Math.max(1, discount) + 1e-9,
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
        (rate, nper, payment, future, when) => {
          expect(Number.isNaN(pv(rate, nper, payment, future, when))).toBe(false);
        },
      ),
    );
  });
});
