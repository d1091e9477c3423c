import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planTotals, planWholeMonths } from './sql-reader.js';

describe('planTotals', () => {
  test('whole months come from the rollups', () => {
    expect(planTotals('2024-01-01', '2024-12-31')).toEqual({
      months: { first: '2024-01', last: '2024-12' },
      partial: [],
    });
    expect(planTotals('2024-02-01', '2024-02-29')).toEqual({
      months: { first: '2024-02', last: '2024-02' },
      partial: [],
    });
  });

  test('partial months at either end are aggregated from the rows', () => {
    expect(planTotals('2024-01-15', '2024-03-10')).toEqual({
      months: { first: '2024-02', last: '2024-02' },
      partial: [
        { from: '2024-01-15', to: '2024-01-31' },
        { from: '2024-03-01', to: '2024-03-10' },
      ],
    });
    expect(planTotals('2023-12-02', '2024-01-31')).toEqual({
      months: { first: '2024-01', last: '2024-01' },
      partial: [{ from: '2023-12-02', to: '2023-12-31' }],
    });
    expect(planTotals('2024-02-01', '2024-02-28')).toEqual({
      months: null,
      partial: [{ from: '2024-02-01', to: '2024-02-28' }],
    });
  });

  test('a range within one month, or two adjacent partial months, has no rollup part', () => {
    expect(planTotals('2024-05-10', '2024-05-10')).toEqual({
      months: null,
      partial: [{ from: '2024-05-10', to: '2024-05-10' }],
    });
    expect(planTotals('2024-12-31', '2025-01-01')).toEqual({
      months: null,
      partial: [
        { from: '2024-12-31', to: '2024-12-31' },
        { from: '2025-01-01', to: '2025-01-01' },
      ],
    });
  });
});

describe('planWholeMonths', () => {
  /** The months a plan covers, with multiplicity (a subtracted month counts −1). */
  function covered(first: string, last: string): Map<string, number> {
    const plan = planWholeMonths(first, last);
    const out = new Map<string, number>();
    const bump = (month: string, by: number) => {
      const next = (out.get(month) ?? 0) + by;
      if (next === 0) out.delete(month);
      else out.set(month, next);
    };
    for (const { from, to } of plan.years) {
      for (let year = Number(from); year <= Number(to); year++) {
        for (let m = 1; m <= 12; m++) bump(`${year}-${String(m).padStart(2, '0')}`, 1);
      }
    }
    for (const { from, to, sign } of plan.months) {
      for (let month = from; month <= to; month = nextMonthKey(month)) bump(month, sign);
    }
    return out;
  }
  function nextMonthKey(month: string): string {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }

  test('a trailing year ending in November reads the year minus December', () => {
    expect(planWholeMonths('2024-01', '2024-11')).toEqual({
      years: [{ from: '2024', to: '2024' }],
      months: [{ from: '2024-12', to: '2024-12', sign: -1 }],
    });
  });

  test('whole years join into one range; short spans stay months', () => {
    expect(planWholeMonths('2019-01', '2023-12')).toEqual({
      years: [{ from: '2019', to: '2023' }],
      months: [],
    });
    expect(planWholeMonths('2024-03', '2024-05')).toEqual({
      years: [],
      months: [{ from: '2024-03', to: '2024-05', sign: 1 }],
    });
    expect(planWholeMonths('2023-11', '2025-02')).toEqual({
      years: [{ from: '2024', to: '2024' }],
      months: [
        { from: '2023-11', to: '2023-12', sign: 1 },
        { from: '2025-01', to: '2025-02', sign: 1 },
      ],
    });
  });

  test('every plan covers exactly the months of its span, each once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000 * 12, max: 2030 * 12 }),
        fc.integer({ min: 0, max: 60 }),
        (start, length) => {
          const key = (index: number) =>
            `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
          const expected = new Map<string, number>();
          for (let i = start; i <= start + length; i++) expected.set(key(i), 1);
          expect(covered(key(start), key(start + length))).toEqual(expected);
        },
      ),
    );
  });
});
