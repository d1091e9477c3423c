import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pmt } from './pmt.js';
import { rate } from './rate.js';

const timing = fc.constantFrom('end' as const, 'begin' as const);
/** Money amounts: zero, or between a tenth of a cent and a million, either sign. */
const amount = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
  fc.double({ min: -1e6, max: -1e-3, noNaN: true }),
);

describe('rate', () => {
  test('solves to full precision (numpy-financial stops at a step of 1e-6)', () => {
    expect(rate(10, 0, -3500, 10_000)).toBeCloseTo(0.11069085371075281, 15);
    expect(rate(360, -1547.79, 260_500)).toBeCloseTo(0.004930006818968965, 15);
    expect(rate(10, 20, -3500, 10_000, 'begin')).toBeCloseTo(0.11485915316199118, 15);
  });

  test('a zero rate when the payments just add up', () => {
    expect(Math.abs(rate(10, -100, 1000) as number)).toBeLessThan(1e-14);
    expect(Math.abs(rate(10, -1e12, 1e13, 0, 'begin') as number)).toBeLessThan(1e-14);
  });

  test('a negative rate when the money shrinks', () => {
    expect(rate(2, 0, -593.06, 214.07)).toBeCloseTo(-0.39920184833258954, 14);
  });

  test('null when pv, pmt and fv all have the same sign (no rate solves it)', () => {
    expect(rate(12, 400, 10_000, 5_000)).toBeNull();
    expect(rate(12, 400, 10_000, 5_000, 'begin')).toBeNull();
    expect(rate(2, 0, -13.65, -329.67)).toBeNull();
    expect(rate(12, 0, 0, 0)).toBeNull();
  });

  test('with two roots, the one nearer the guess', () => {
    // Flows −100, +230, −132 (pv, pmt, pmt + fv) are worth zero at 10 % and at 20 %.
    expect(rate(2, 230, -100, -362, 'end', 0.05)).toBeCloseTo(0.1, 12);
    expect(rate(2, 230, -100, -362, 'end', 0.3)).toBeCloseTo(0.2, 12);
  });

  test('tol loosens the answer, maxIter bounds the work', () => {
    const loose = rate(360, -1547.79, 260_500, 0, 'end', 0.1, 1e-6) as number;
    expect(Math.abs(loose - 0.004930006818968965)).toBeLessThanOrEqual(1e-6);
    expect(rate(360, -1547.79, 260_500, 0, 'end', 0.1, 1e-14, 1)).toBeNull();
  });

  test('property: round trip with pmt on loans (a unique root)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 480 }),
        fc.double({ min: 1e3, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        timing,
        (periodic, nper, principal, balloonShare, when) => {
          // One payment in advance repays everything at once: every rate balances, so there is no answer.
          fc.pre(nper > 1 || when === 'end');
          const balloon = -principal * balloonShare;
          const payment = pmt(periodic, nper, principal, balloon, when);
          const got = rate(nper, payment, principal, balloon, when);
          expect(got).not.toBeNull();
          expect(Math.abs((got as number) - periodic)).toBeLessThanOrEqual(1e-9 * periodic);
        },
      ),
    );
  });

  test('property: never NaN; a returned rate solves the equation', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600, noNaN: true }),
        amount,
        amount,
        amount,
        timing,
        (nper, payment, present, future, when) => {
          const got = rate(nper, payment, present, future, when);
          if (got === null) return;
          expect(Number.isNaN(got)).toBe(false);
          // The equation holds at the rate found, relative to the size of its terms: in present-value
          // form for rates ≥ 0 and in numpy-financial's future-value form below (both stay finite).
          const w = when === 'begin' ? 1 : 0;
          const logGrowth = Math.log1p(got);
          const terms =
            got >= 0
              ? [
                  future * Math.exp(-nper * logGrowth),
                  present,
                  got === 0
                    ? payment * nper
                    : (payment * (1 + got * w) * -Math.expm1(-nper * logGrowth)) / got,
                ]
              : [
                  future,
                  present * Math.exp(nper * logGrowth),
                  (payment * (1 + got * w) * Math.expm1(nper * logGrowth)) / got,
                ];
          const residual = terms.reduce((sum, term) => sum + term, 0);
          const size = terms.reduce((sum, term) => sum + Math.abs(term), 0);
          // Near −100 % a float rate pins 1 + rate down only to ε/(1 + rate), relatively.
          const representation = (4 * nper * Number.EPSILON) / (1 + got);
          expect(Math.abs(residual)).toBeLessThanOrEqual((1e-6 + representation) * size);
        },
      ),
    );
  });
});
