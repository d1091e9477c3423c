import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pmt } from './pmt.js';

const timing = fc.constantFrom('end' as const, 'begin' as const);

describe('pmt', () => {
  test('the level payment of a mortgage, in arrears and in advance', () => {
    expect(pmt(0.075 / 12, 12 * 15, 200_000)).toBeCloseTo(-1854.0247200054619, 9);
    // In advance each payment is worth one period more: pmt_begin = pmt_end / (1 + rate).
    expect(pmt(0.08 / 12, 10, 10_000, 0, 'begin')).toBeCloseTo(
      pmt(0.08 / 12, 10, 10_000) / (1 + 0.08 / 12),
      9,
    );
  });

  test('a zero rate splits pv + fv evenly; a negative rate is allowed', () => {
    expect(pmt(0, 12, 1200, 600)).toBe(-150);
    expect(pmt(0, 12, 1200, 0, 'begin')).toBe(-100);
    expect(pmt(-0.01, 10, 1000)).toBeLessThan(0);
    expect(pmt(-0.01, 10, 1000)).toBeGreaterThan(-100);
  });

  test('saving towards a target: a positive fv needs a negative payment', () => {
    expect(pmt(0.06 / 12, 18 * 12, 0, 50_000)).toBeCloseTo(-129.08, 2);
  });

  test('tiny rates converge to the zero-rate payment without cancellation', () => {
    expect(pmt(1e-12, 360, 300_000)).toBeCloseTo(-300_000 / 360, 6);
    expect(pmt(5e-324, 360, 300_000)).toBe(-300_000 / 360);
  });

  test('huge growth does not overflow: the payment tends to −pv·rate/(1 + rate·w)', () => {
    expect(pmt(10, 1000, 100)).toBeCloseTo(-1000, 9);
    expect(pmt(10, 1000, 100, 5, 'begin')).toBeCloseTo(-1000 / 11, 9);
  });

  test('property: finite for every valid input (never NaN)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.999_999, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e5, noNaN: true }),
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        timing,
        (rate, nper, pv, fv, when) => {
          expect(Number.isFinite(pmt(rate, nper, pv, fv, when))).toBe(true);
        },
      ),
    );
  });

  test('property: the payment is linear in pv and fv', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 480 }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        timing,
        (rate, nper, pv, fv, when) => {
          const whole = pmt(rate, nper, pv, fv, when);
          const parts = pmt(rate, nper, pv, 0, when) + pmt(rate, nper, 0, fv, when);
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9 * (Math.abs(whole) + Math.abs(parts) + 1));
        },
      ),
    );
  });
});
