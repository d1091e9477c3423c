import { describe, expect, test } from 'vitest';
import { planTotals } from './sql-reader.js';

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
