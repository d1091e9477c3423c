import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  type DepreciationInput,
  type DepreciationYear,
  depreciation,
  depreciationForYear,
  type PropertyClass,
  RECOVERY_PERIOD_YEARS,
} from './depreciation.js';

const cents = (value: string): bigint => BigInt(value.replace('.', ''));

function fields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const rental: DepreciationInput = {
  purchasePrice: '400000.00',
  closingCosts: '8000.00',
  landValue: '83000.00',
  placedInService: '2024-03-15',
  propertyClass: 'residential',
};

describe('depreciation: documented examples', () => {
  it('depreciation @example', () => {
    const schedule = depreciation(rental);
    expect(schedule[0]).toEqual({
      year: 2024,
      amount: '9356.06',
      accumulated: '9356.06',
      remainingBasis: '315643.94',
    });
    expect(schedule[1]?.amount).toBe('11818.18');
    expect(schedule).toHaveLength(28);
    expect(schedule.at(-1)?.year).toBe(2051);
    expect(schedule.at(-1)?.remainingBasis).toBe('0.00');
  });

  it('depreciationForYear @example', () => {
    expect(depreciationForYear({ ...rental, year: 2025 })).toBe('11818.18');
    expect(depreciationForYear({ ...rental, year: 2023 })).toBe('0.00');
  });

  it('PropertyClass, RECOVERY_PERIOD_YEARS, DepreciationInput and DepreciationYear @examples', () => {
    const propertyClass: PropertyClass = 'residential';
    expect(RECOVERY_PERIOD_YEARS[propertyClass]).toBe(27.5);
    expect(RECOVERY_PERIOD_YEARS.commercial).toBe(39);
    const first: DepreciationYear = {
      year: 2024,
      amount: '9356.06',
      accumulated: '9356.06',
      remainingBasis: '315643.94',
    };
    expect(depreciation(rental)[0]).toEqual(first);
  });
});

// IRS Pub 946 Table A-6 (27.5-year residential) and Table A-7a (39-year nonresidential), percent by month placed
// in service, published to three decimals.
const A6_YEAR1 = [3.485, 3.182, 2.879, 2.576, 2.273, 1.97, 1.667, 1.364, 1.061, 0.758, 0.455, 0.152];
const A6_YEAR28 = [1.97, 2.273, 2.576, 2.879, 3.182, 3.485, 3.636, 3.636, 3.636, 3.636, 3.636, 3.636];
const A6_YEAR29 = [0, 0, 0, 0, 0, 0, 0.152, 0.455, 0.758, 1.061, 1.364, 1.667];
const A7A_YEAR1 = [2.461, 2.247, 2.033, 1.819, 1.605, 1.391, 1.177, 0.963, 0.749, 0.535, 0.321, 0.107];
const A7A_YEAR40 = [0.107, 0.321, 0.535, 0.749, 0.963, 1.177, 1.391, 1.605, 1.819, 2.033, 2.247, 2.461];

/** Percent of the basis deducted in each recovery year, for a 1,000,000.00 building placed in `month`. */
function percents(propertyClass: PropertyClass, month: number): number[] {
  const placedInService = `2020-${String(month).padStart(2, '0')}-10`;
  const rows = depreciation({ basis: '1000000.00', landValue: '0.00', placedInService, propertyClass });
  return rows.map((row) => Number(row.amount) / 10_000);
}

describe('depreciation: agrees with the IRS tables', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('residential, placed in month %i (Table A-6)', (month) => {
    const p = percents('residential', month);
    expect(p[0]).toBeCloseTo(A6_YEAR1[month - 1] as number, 3);
    for (const middle of p.slice(1, 27)) expect(Math.abs(middle - 3.6364)).toBeLessThan(0.001);
    expect(Math.abs((p[27] ?? 0) - (A6_YEAR28[month - 1] as number))).toBeLessThanOrEqual(0.001);
    expect(Math.abs((p[28] ?? 0) - (A6_YEAR29[month - 1] as number))).toBeLessThanOrEqual(0.001);
    expect(p).toHaveLength(month <= 6 ? 28 : 29);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('commercial, placed in month %i (Table A-7a)', (month) => {
    const p = percents('commercial', month);
    // The exact mid-month fraction (12 − m + 0.5) / 468 ...
    expect(p[0]).toBeCloseTo(((12 - month + 0.5) / 468) * 100, 4);
    // ... versus A-7a, whose first and last years step by a rounded 0.214 % a month: up to 0.004 % apart
    // (January: 2.461 % printed, 11.5 / 468 = 2.4573 % exact).
    expect(Math.abs((p[0] ?? 0) - (A7A_YEAR1[month - 1] as number))).toBeLessThanOrEqual(0.004);
    for (const middle of p.slice(1, 39)) expect(Math.abs(middle - 2.5641)).toBeLessThan(0.001);
    expect(Math.abs((p[39] ?? 0) - (A7A_YEAR40[month - 1] as number))).toBeLessThanOrEqual(0.004);
    expect(p).toHaveLength(40);
  });
});

describe('depreciation: behaviour', () => {
  it('accepts basis as an alias of purchasePrice and adds closing costs to either', () => {
    const { purchasePrice: _price, ...rest } = rental;
    expect(depreciation({ ...rest, basis: '400000.00' })).toEqual(depreciation(rental));
  });

  it('gives a zero schedule when the whole cost is land', () => {
    const rows = depreciation({ ...rental, closingCosts: null, landValue: '400000.00' });
    expect(rows.every((row) => row.amount === '0.00')).toBe(true);
  });

  it('depreciationForYear is 0.00 after the recovery period and rejects a non-integer year', () => {
    expect(depreciationForYear({ ...rental, year: 2052 })).toBe('0.00');
    expect(depreciationForYear({ ...rental, year: 2051 })).toBe('8371.21');
    expect(fields(() => depreciationForYear({ ...rental, year: 2025.5 }))).toEqual(['year']);
  });

  it('rejects malformed input naming the fields', () => {
    expect(fields(() => depreciation({ ...rental, landValue: '500000.00' }))).toEqual(['landValue']);
    expect(fields(() => depreciation({ ...rental, landValue: '-1.00' }))).toEqual(['landValue']);
    expect(fields(() => depreciation({ ...rental, closingCosts: '1.234' }))).toEqual(['closingCosts']);
    expect(fields(() => depreciation({ ...rental, basis: '1.00' }))).toEqual(['basis']);
    expect(fields(() => depreciation({ ...rental, purchasePrice: undefined }))).toEqual(['purchasePrice']);
    expect(fields(() => depreciation({ ...rental, placedInService: '2025-02-30' }))).toEqual([
      'placedInService',
    ]);
    expect(
      fields(() => depreciation({ ...rental, propertyClass: 'industrial' as unknown as PropertyClass })),
    ).toEqual(['propertyClass']);
    expect(fields(() => depreciation(undefined as unknown as DepreciationInput))).toEqual(['']);
  });
});

const inputArb: fc.Arbitrary<DepreciationInput> = fc
  .record({
    price: fc.integer({ min: 0, max: 1_000_000_000_000 }),
    closing: fc.integer({ min: 0, max: 10_000_000 }),
    landShare: fc.double({ min: 0, max: 1, noNaN: true }),
    date: fc.date({ min: new Date('1987-01-01'), max: new Date('2080-12-31'), noInvalidDate: true }),
    propertyClass: fc.constantFrom<PropertyClass>('residential', 'commercial'),
  })
  .map((r) => {
    const toMoney = (c: number) => new DecimalJs(c).div(100).toFixed(2);
    return {
      purchasePrice: toMoney(r.price),
      closingCosts: toMoney(r.closing),
      landValue: toMoney(Math.floor((r.price + r.closing) * r.landShare)),
      placedInService: r.date.toISOString().slice(0, 10),
      propertyClass: r.propertyClass,
    };
  });

describe('depreciation: properties', () => {
  it('amounts add up to the depreciable basis exactly, never negative, in consecutive years', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const rows = depreciation(input);
        const basis =
          cents(input.purchasePrice as string) + cents(input.closingCosts as string) - cents(input.landValue);
        let accumulated = 0n;
        rows.forEach((row, k) => {
          expect(row.year).toBe(Number(input.placedInService.slice(0, 4)) + k);
          expect(cents(row.amount) >= 0n).toBe(true);
          accumulated += cents(row.amount);
          expect(cents(row.accumulated)).toBe(accumulated);
          expect(cents(row.remainingBasis)).toBe(basis - accumulated);
        });
        expect(accumulated).toBe(basis);
        expect(rows.at(-1)?.remainingBasis).toBe('0.00');
      }),
      { numRuns: 300 },
    );
  });

  it('each full year is the annual amount to within a cent; never mutates its input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = structuredClone(input);
        const rows = depreciation(Object.freeze(input));
        expect(input).toEqual(copy);
        const basis = new DecimalJs(input.purchasePrice as string)
          .plus(input.closingCosts as string)
          .minus(input.landValue);
        const annual = basis.div(RECOVERY_PERIOD_YEARS[input.propertyClass]);
        for (const row of rows.slice(1, -1)) expect(annual.minus(row.amount).abs().lte('0.01')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
