import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { irr, irrRoots } from './irr.js';
import { npv } from './npv.js';

/** Money amounts: zero, or between a cent and ten million, either sign. */
const amount = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.double({ min: 0.01, max: 1e7, noNaN: true }), weight: 4 },
  { arbitrary: fc.double({ min: -1e7, max: -0.01, noNaN: true }), weight: 4 },
);
const anyFlows = fc.array(amount, { minLength: 1, maxLength: 40 });

/** An investment, then non-negative returns (one sign change: exactly one IRR). */
const conventional = fc
  .tuple(
    fc.double({ min: 1e3, max: 1e8, noNaN: true }),
    fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e7, noNaN: true })), {
      minLength: 1,
      maxLength: 400,
    }),
  )
  .filter(([, returns]) => returns.some((value) => value > 0))
  .map(([price, returns]) => [-price, ...returns]);

/** A property bought, run with occasional capital expenditure (negative years), and sold. */
const property = fc
  .record({
    price: fc.double({ min: 1e5, max: 5e7, noNaN: true }),
    cap: fc.double({ min: 0.03, max: 0.1, noNaN: true }),
    growth: fc.double({ min: -0.03, max: 0.05, noNaN: true }),
    capex: fc.array(fc.double({ min: 0, max: 0.4, noNaN: true }), { minLength: 2, maxLength: 30 }),
    exit: fc.double({ min: 0.2, max: 2, noNaN: true }),
  })
  .map(({ price, cap, growth, capex, exit }) => {
    const flows = [-price];
    capex.forEach((share, year) => {
      const noi = price * cap * (1 + growth) ** year;
      flows.push(noi - (share > 0.3 ? price * (share - 0.3) * 3 : 0));
    });
    flows[flows.length - 1] = (flows[flows.length - 1] as number) + price * exit;
    return flows;
  });

/** Σ vₜ/(1+r)^t and the size of its terms Σ |vₜ|/(1+r)^t, evaluated independently of the engine. */
function npvAndSize(values: readonly number[], rate: number): [number, number] {
  const logDiscount = -Math.log1p(rate);
  let sum = 0;
  let size = 0;
  values.forEach((value, t) => {
    const term = value * Math.exp(t * logDiscount);
    sum += term;
    size += Math.abs(term);
  });
  return [sum, size];
}

/**
 * The NPV is zero at `rate` relative to the size of its terms. Near −100 % the float `rate` itself pins
 * `1 + rate` down only to ε/(1 + rate) relatively, and the t-th term moves t times as much.
 */
function expectRoot(values: readonly number[], rate: number): void {
  const [sum, size] = npvAndSize(values, rate);
  const representation = (4 * values.length * Number.EPSILON) / (1 + rate);
  expect(Math.abs(sum), `NPV at ${rate}`).toBeLessThanOrEqual((1e-8 + representation) * size);
}

describe('irr', () => {
  test("numpy-financial's examples", () => {
    expect(irr([-100, 39, 59, 55, 20])).toBeCloseTo(0.28095, 5);
    expect(irr([-100, 0, 0, 74])).toBeCloseTo(-0.0955, 4);
    expect(irr([-100, 100, 0, -7])).toBeCloseTo(-0.0833, 4);
    expect(irr([-100, 100, 0, 7])).toBeCloseTo(0.06206, 5);
    expect(irr([-5, 10.5, 1, -8, 1])).toBeCloseTo(0.0886, 4);
  });

  test('several roots: the smallest non-negative, else the one closest to zero (numpy-financial)', () => {
    expect(irrRoots([-5, 10.5, 1, -8, 1]).length).toBe(3);
    expect(irr([-5, 10.5, 1, -8, 1])).toBeCloseTo(0.08859833852775535, 12);
    // −100 + 230/(1+r) − 132/(1+r)²: roots 10 % and 20 %.
    expect(irrRoots([-100, 230, -132])).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.2, 12)]);
    expect(irr([-100, 230, -132])).toBeCloseTo(0.1, 12);
    // All roots negative: the one closest to zero.
    const roots = irrRoots([-100, 100, 0, -7]);
    expect(roots.every((root) => root < 0)).toBe(true);
    expect(irr([-100, 100, 0, -7])).toBe(roots[roots.length - 1]);
  });

  test('null (and no roots) when the NPV never reaches zero', () => {
    expect(irr([1, 2, 3])).toBeNull();
    expect(irr([-1, -2, -3])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
    expect(irr([-100])).toBeNull();
    // Signs change twice but −1 + 1/(1+r) − 1/(1+r)² < 0 for every r > −1.
    expect(irr([-1, 1, -1])).toBeNull();
    expect(irrRoots([-1, 1, -1])).toEqual([]);
  });

  test('leading and trailing zeros do not change the rate', () => {
    expect(irr([0, 0, -100, 110])).toBeCloseTo(0.1, 14);
    expect(irr([-100, 110, 0, 0, 0])).toBeCloseTo(0.1, 14);
  });

  test('a root next to −100 % and rates above 100 %', () => {
    const nearMinusOne = [-3000, 2.4e-7, 4.2e-16, 5.4e-25];
    const rate = irr(nearMinusOne) as number;
    expect(rate).toBeGreaterThan(-1);
    expect(rate).toBeLessThan(-0.999_999_999);
    expectRoot(nearMinusOne, rate);
    expect(irr([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e30])).toBeCloseTo(999, 9);
  });

  test('a root too close to −100 % for a float rate (1 + r below ~1e-16) is not reported', () => {
    expect(irrRoots([-1000, 5e-324])).toEqual([]);
    expect(irr([-1000, 5e-324])).toBeNull();
  });

  test('flows near the float limits are rescaled, not overflowed', () => {
    expect(irr([-1e300, 1.1e300])).toBeCloseTo(0.1, 14);
    expect(irr([-1e-300, 1.1e-300])).toBeCloseTo(0.1, 14);
  });

  test('a 30-year monthly series (361 flows) converges', () => {
    const flows = [-1_512_235, ...Array.from({ length: 359 }, () => 6578.67), 6578.67 + 3_000_000];
    const rate = irr(flows) as number;
    expect(rate).toBeGreaterThan(0);
    expectRoot(flows, rate);
  });

  test('property: exactly one root for conventional flows, and the NPV is zero there', () => {
    fc.assert(
      fc.property(conventional, (values) => {
        const rate = irr(values);
        expect(rate).not.toBeNull();
        expectRoot(values, rate as number);
        expect(irrRoots(values)).toEqual([rate]);
      }),
    );
  });

  test('property: every root is a root, irr is one of them (numpy-financial’s pick), all sorted', () => {
    fc.assert(
      fc.property(fc.oneof(anyFlows, property), (values) => {
        const roots = irrRoots(values);
        const rate = irr(values);
        for (const root of roots) expectRoot(values, root);
        for (let i = 1; i < roots.length; i++) expect(roots[i]).toBeGreaterThan(roots[i - 1] as number);
        if (roots.length === 0) {
          expect(rate).toBeNull();
          return;
        }
        const nonNegative = roots.filter((root) => root >= 0);
        expect(rate).toBe(nonNegative.length > 0 ? nonNegative[0] : roots[roots.length - 1]);
        expect(npv(rate as number, values)).not.toBeNull();
      }),
    );
  });

  test('property: no root is missed — every sign change of the NPV on a fine grid holds one', () => {
    fc.assert(
      fc.property(fc.oneof(anyFlows, property), (values) => {
        const roots = irrRoots(values);
        let previous: [number, number] | null = null;
        for (let k = 0; k <= 400; k++) {
          const rate = Math.expm1(-4 + (7 * k) / 400); // −98 % … +1,900 %
          const [sum, size] = npvAndSize(values, rate);
          if (Math.abs(sum) <= 1e-9 * size) {
            previous = null;
            continue;
          }
          if (previous !== null && sum > 0 !== previous[1] > 0) {
            const [from] = previous;
            expect(
              roots.some((root) => root >= from && root <= rate),
              `a root between ${from} and ${rate}`,
            ).toBe(true);
          }
          previous = [rate, sum];
        }
      }),
    );
  });

  test('property: scaling or negating the flows does not move the roots; inputs are not mutated', () => {
    fc.assert(
      fc.property(fc.oneof(anyFlows, property), fc.constantFrom(-1, 1e-3, 7, 1e6), (values, factor) => {
        const frozen = Object.freeze([...values]);
        const roots = irrRoots(frozen);
        expect(frozen).toEqual(values);
        const scaled = irrRoots(values.map((value) => value * factor));
        expect(scaled.length).toBe(roots.length);
        scaled.forEach((root, i) => {
          expect(Math.abs(root - (roots[i] as number))).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(root)),
          );
        });
      }),
    );
  });
});
