import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { npv } from './npv.js';

const flows = fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 60 });

describe('npv', () => {
  test('values[0] is at t = 0 and not discounted', () => {
    expect(npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])).toBeCloseTo(3065.2226681795255, 8);
    expect(npv(0.5, [100])).toBe(100);
  });

  test("Excel's NPV discounts its first value: NPV_excel(r, v) = npv(r, [0, ...v])", () => {
    expect(npv(0.1, [0, -10_000, 3_000, 4_200, 6_800])).toBeCloseTo(1188.44, 2);
  });

  test('null at a rate of −100 %, finite just above it', () => {
    expect(npv(-1, [0, 1, 2, 3, 4])).toBeNull();
    expect(npv(-0.5, [0, 1])).toBe(2);
  });

  test('property: matches the defining sum Σ vₜ / (1 + r)^t', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 2, noNaN: true }), flows, (rate, values) => {
        let sum = 0;
        let size = 0;
        values.forEach((value, t) => {
          sum += value / (1 + rate) ** t;
          size += Math.abs(value / (1 + rate) ** t);
        });
        expect(Math.abs((npv(rate, values) as number) - sum)).toBeLessThanOrEqual(
          1e-12 * size * values.length + 1e-300,
        );
      }),
    );
  });

  test('property: inputs are never mutated, and the result is never NaN', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.999, max: 1e6, noNaN: true }), flows, (rate, values) => {
        const frozen = Object.freeze([...values]);
        const result = npv(rate, frozen);
        expect(frozen).toEqual(values);
        expect(result === null || !Number.isNaN(result)).toBe(true);
      }),
    );
  });
});
