import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays } from '../domain/dates.js';
import { npv } from './npv.js';
import { xnpv } from './xnpv.js';

const EXCEL_VALUES = [-10_000, 2_750, 4_250, 3_250, 2_750];
const EXCEL_DATES = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xnpv', () => {
  test("Excel's example", () => {
    expect(xnpv(0.09, EXCEL_VALUES, EXCEL_DATES)).toBeCloseTo(2086.6476, 4);
  });

  test('d₀ is the first date in the array, not the earliest; same-day flows just add', () => {
    // The second flow is a year before d₀, so it is compounded, not discounted.
    expect(xnpv(0.1, [100, -50], ['2022-01-01', '2021-01-01'])).toBeCloseTo(100 - 50 * 1.1, 12);
    expect(xnpv(0.1, [-100, 60, 50], ['2021-01-01', '2022-01-01', '2022-01-01'])).toBeCloseTo(
      -100 + 110 / 1.1,
      12,
    );
  });

  test('days are whole calendar days counted on actual/365 (a leap day counts)', () => {
    expect(xnpv(0.1, [0, 1], ['2024-01-01', '2025-01-01'])).toBeCloseTo(1.1 ** (-366 / 365), 15);
  });

  test('a zero flow on a far-off date changes nothing, even where its factor overflows', () => {
    const value = xnpv(1e6, [-1, 0, 2], ['2000-01-01', '1000-01-01', '2001-01-01']);
    expect(value).toBeCloseTo(-1 + 2 * (1 + 1e6) ** (-366 / 365), 15);
  });

  test('null at −100 %', () => {
    expect(xnpv(-1, EXCEL_VALUES, EXCEL_DATES)).toBeNull();
  });

  test('property: flows exactly 365 days apart give npv', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (rate, values) => {
          const dates = values.map((_, t) => addDays('2001-03-15', 365 * t));
          const dated = xnpv(rate, values, dates) as number;
          const periodic = npv(rate, values) as number;
          const size = values.reduce((sum, value, t) => sum + Math.abs(value) / (1 + rate) ** t, 0);
          expect(Math.abs(dated - periodic)).toBeLessThanOrEqual(1e-12 * size * values.length + 1e-300);
        },
      ),
    );
  });

  test('property: never NaN; inputs not mutated', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.999, max: 1e3, noNaN: true }),
        fc.array(
          fc.tuple(
            fc.double({ min: -1e9, max: 1e9, noNaN: true }),
            fc.integer({ min: -20_000, max: 20_000 }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (rate, flows) => {
          const values = Object.freeze(flows.map(([value]) => value));
          const dates = Object.freeze(flows.map(([, day]) => addDays('2000-01-01', day)));
          const result = xnpv(rate, values, dates);
          expect(result === null || !Number.isNaN(result)).toBe(true);
          expect(values).toEqual(flows.map(([value]) => value));
        },
      ),
    );
  });
});
