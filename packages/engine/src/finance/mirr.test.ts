import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mirr } from './mirr.js';

describe('mirr', () => {
  test("numpy-financial's examples", () => {
    expect(mirr([-100, 50, -60, 70], 0.1, 0.12)).toBeCloseTo(-0.03909366594356467, 14);
    expect(mirr([-4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000], 0.08, 0.055)).toBeCloseTo(
      0.06659717503155349,
      14,
    );
  });

  test('each flow keeps its period: splitting into inflows and outflows loses the timing', () => {
    // A naive version would discount the −60 as if it were paid at t = 1 or t = 0.
    const kept = mirr([-100, 50, -60, 70], 0.1, 0.12) as number;
    const early = mirr([-100, -60, 50, 70], 0.1, 0.12) as number;
    expect(kept).toBeGreaterThan(early);
  });

  test('null without both signs, or at a rate of −100 %', () => {
    expect(mirr([-100, -50, -60, -70], 0.1, 0.12)).toBeNull();
    expect(mirr([100, 50, 60, 70], 0.1, 0.12)).toBeNull();
    expect(mirr([0, 0], 0.1, 0.12)).toBeNull();
    expect(mirr([-100, 150], -1, 0.12)).toBeNull();
    expect(mirr([-100, 150], 0.1, -1)).toBeNull();
  });

  test('sums beyond the float range fall back to logarithms', () => {
    const values = Array.from({ length: 400 }, (_, t) => (t === 0 ? -1e6 : 1e5));
    // At −90 % the inflows compound to Σ 1e5·0.1^k ≈ 1e6/9 against outflows of 1e6.
    const result = mirr(values, -0.9, -0.9) as number;
    expect(result).toBeCloseTo((1 / 9) ** (1 / 399) - 1, 12);
  });

  test('property: matches the definition (FV₊ / |PV₋|)^(1/(n−1)) − 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(0),
            fc.double({ min: 0.01, max: 1e6, noNaN: true }),
            fc.double({ min: -1e6, max: -0.01, noNaN: true }),
          ),
          { minLength: 2, maxLength: 40 },
        ),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (values, financeRate, reinvestRate) => {
          const got = mirr(values, financeRate, reinvestRate);
          const n = values.length;
          let futureInflows = 0;
          let presentOutflows = 0;
          values.forEach((value, t) => {
            if (value > 0) futureInflows += value * (1 + reinvestRate) ** (n - 1 - t);
            if (value < 0) presentOutflows += value / (1 + financeRate) ** t;
          });
          if (futureInflows === 0 || presentOutflows === 0) {
            expect(got).toBeNull();
            return;
          }
          const want = (futureInflows / -presentOutflows) ** (1 / (n - 1)) - 1;
          expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
        },
      ),
    );
  });
});
