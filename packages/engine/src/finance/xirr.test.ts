import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { addDays } from '../domain/dates.js';
import { xirr } from './xirr.js';

const EXCEL_VALUES = [-10_000, 2_750, 4_250, 3_250, 2_750];
const EXCEL_DATES = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

/**
 * Σ vᵢ (1+r)^−tᵢ and Σ |vᵢ| (1+r)^−tᵢ with tᵢ = days since dates[0] / 365, computed independently and
 * scaled by a common positive factor so that extreme rates neither overflow nor underflow.
 */
function xnpvAndSize(values: readonly number[], days: readonly number[], rate: number): [number, number] {
  const logGrowth = Math.log1p(rate);
  const exponents = values.map((_, i) => (-((days[i] as number) - (days[0] as number)) / 365) * logGrowth);
  const peak = Math.max(...exponents.filter((_, i) => values[i] !== 0));
  let sum = 0;
  let size = 0;
  values.forEach((value, i) => {
    if (value === 0) return;
    const term = value * Math.exp((exponents[i] as number) - peak);
    sum += term;
    size += Math.abs(term);
  });
  return [sum, size];
}

/** Dated flows: [value, days after 2000-01-01]. */
const datedFlows = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constant(0),
      fc.double({ min: 0.01, max: 1e7, noNaN: true }),
      fc.double({ min: -1e7, max: -0.01, noNaN: true }),
    ),
    fc.integer({ min: 0, max: 12_000 }),
  ),
  { minLength: 1, maxLength: 30 },
);

/** An investment on day 0, then non-negative returns on later (or the same) days: exactly one root. */
const conventionalDated = fc
  .tuple(
    fc.double({ min: 1e3, max: 1e8, noNaN: true }),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e7, noNaN: true })),
        fc.integer({ min: 1, max: 12_000 }),
      ),
      {
        minLength: 1,
        maxLength: 40,
      },
    ),
  )
  .filter(([price, returns]) => {
    // The root lies between 1 and (Σ returns / price)^(365 / first day): keep it well inside float range.
    const total = returns.reduce((sum, [value]) => sum + value, 0);
    const firstDay = Math.min(...returns.filter(([value]) => value > 0).map(([, day]) => day));
    return total > 0 && (Math.abs(Math.log(total / price)) * 365) / firstDay < 30;
  })
  .map(([price, returns]) => [[-price, 0] as [number, number], ...returns]);

const originalTimeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe('xirr', () => {
  test("Excel's example", () => {
    expect(xirr(EXCEL_VALUES, EXCEL_DATES)).toBeCloseTo(0.373362535, 8);
    expect(xirr(EXCEL_VALUES, EXCEL_DATES, -0.5)).toBeCloseTo(0.373362535, 8);
  });

  test('null without a root', () => {
    expect(xirr([1, 2, 3], EXCEL_DATES.slice(0, 3))).toBeNull();
    expect(xirr([-1, -2], EXCEL_DATES.slice(0, 2))).toBeNull();
    // Same-day flows cancel: nothing changes sign over time.
    expect(xirr([-5, 5], ['2020-01-01', '2020-01-01'])).toBeNull();
    // −1 + 1/(1+r) − 1/(1+r)² < 0 for every r.
    expect(xirr([-1, 1, -1], ['2021-01-01', '2022-01-01', '2023-01-01'])).toBeNull();
  });

  test('with two roots, the one near the guess', () => {
    const dates = ['2021-01-01', '2022-01-01', '2023-01-01']; // 365 days apart
    expect(xirr([-100, 230, -132], dates, 0.05)).toBeCloseTo(0.1, 12);
    expect(xirr([-100, 230, -132], dates, 0.3)).toBeCloseTo(0.2, 12);
  });

  test('a zero flow on a far-off date changes nothing (no underflow of the others, no 0·∞)', () => {
    const values = [-1000, 0, 300, 400, 500];
    const dates = ['2020-01-01', '1900-01-01', '2020-07-01', '2021-01-01', '2021-07-01'];
    const withZero = xirr(values, dates) as number;
    const without = xirr([-1000, 300, 400, 500], ['2020-01-01', '2020-07-01', '2021-01-01', '2021-07-01']);
    expect(withZero).toBeCloseTo(without as number, 12);
    expect(xirr([0.01, 0, -91.4155536628404], ['2009-12-01', '2000-01-01', '2010-01-16'])).toBeGreaterThan(
      1e31,
    );
  });

  test('dates in any order; d₀ is the first in the array', () => {
    const forward = xirr([-1000, 300, 400, 500], ['2020-01-01', '2020-07-01', '2021-01-01', '2021-07-01']);
    const shuffled = xirr([-1000, 500, 300, 400], ['2020-01-01', '2021-07-01', '2020-07-01', '2021-01-01']);
    expect(shuffled).toBeCloseTo(forward as number, 12);
  });

  test('the result does not depend on the time zone', () => {
    const results = ['Pacific/Kiritimati', 'UTC', 'America/Anchorage', 'Asia/Kathmandu'].map((zone) => {
      process.env.TZ = zone;
      return xirr(EXCEL_VALUES, EXCEL_DATES);
    });
    expect(new Set(results).size).toBe(1);
  });

  test('property: always found for conventional dated flows, and xnpv is zero there', () => {
    fc.assert(
      fc.property(conventionalDated, fc.double({ min: -0.9, max: 2, noNaN: true }), (flows, guess) => {
        const values = flows.map(([value]) => value);
        const days = flows.map(([, day]) => day);
        const rate = xirr(
          values,
          days.map((day) => addDays('2000-01-01', day)),
          guess,
        );
        expect(rate).not.toBeNull();
        const [sum, size] = xnpvAndSize(values, days, rate as number);
        expect(Math.abs(sum)).toBeLessThanOrEqual(
          (1e-8 + (64 * Number.EPSILON) / (1 + (rate as number))) * size,
        );
      }),
    );
  });

  test('property: whatever it returns is a root (never NaN), and inputs are not mutated', () => {
    fc.assert(
      fc.property(datedFlows, (flows) => {
        const values = Object.freeze(flows.map(([value]) => value));
        const days = flows.map(([, day]) => day);
        const dates = Object.freeze(days.map((day) => addDays('2000-01-01', day)));
        const rate = xirr(values, dates);
        expect(values).toEqual(flows.map(([value]) => value));
        if (rate === null) return;
        expect(rate).toBeGreaterThan(-1);
        const [sum, size] = xnpvAndSize(values, days, rate);
        const longest = Math.max(...days.map((day) => Math.abs(day - (days[0] as number)))) / 365;
        expect(Math.abs(sum)).toBeLessThanOrEqual(
          (1e-8 + (4 * (longest + 1) * Number.EPSILON) / (1 + rate)) * size,
        );
      }),
    );
  });
});
