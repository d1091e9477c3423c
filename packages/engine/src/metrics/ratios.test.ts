import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { breakEvenRatio, grossRentMultiplier, operatingExpenseRatio } from './ratios.js';

function expectInvalid(run: () => unknown, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  expect((caught as ValidationError).fields).toContain(field);
}

describe('grossRentMultiplier', () => {
  it('divides price by annual rent by default, by monthly rent on request', () => {
    expect(grossRentMultiplier({ price: '640000.00', annualGrossRent: '73750.00' })).toEqual({
      value: 64000000 / 7375000,
      convention: 'annual',
    });
    expect(grossRentMultiplier({ price: '640000.00', monthlyGrossRent: '6000.00' })).toEqual({
      value: 64000000 / 7200000,
      convention: 'annual',
    });
    expect(
      grossRentMultiplier({ price: '640000.00', monthlyGrossRent: '6000.00', rentPeriod: 'monthly' }),
    ).toEqual({
      value: 64000000 / 600000,
      convention: 'monthly',
    });
    expect(
      grossRentMultiplier({ price: '640000.00', annualGrossRent: '73750.00', rentPeriod: 'monthly' }).value,
    ).toBe((64000000 * 12) / 7375000);
    expect(grossRentMultiplier({ price: '1.00', annualGrossRent: '0.00' }).value).toBeNull();
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => grossRentMultiplier({ price: '1.00' }), 'annualGrossRent');
    expectInvalid(
      () => grossRentMultiplier({ price: '1.00', annualGrossRent: '1.00', monthlyGrossRent: '1.00' }),
      'monthlyGrossRent',
    );
    expectInvalid(() => grossRentMultiplier({ price: '-1.00', annualGrossRent: '1.00' }), 'price');
    expectInvalid(() => grossRentMultiplier({ price: '1.00', annualGrossRent: '-1.00' }), 'annualGrossRent');
    expectInvalid(
      () => grossRentMultiplier({ price: '1.00', annualGrossRent: '1.00', rentPeriod: 'weekly' as never }),
      'rentPeriod',
    );
  });
});

describe('operatingExpenseRatio', () => {
  it('divides by EGI by default, by GPR on request', () => {
    expect(
      operatingExpenseRatio({ operatingExpenses: '18030.50', effectiveGrossIncome: '70275.00' }),
    ).toEqual({
      value: 1803050 / 7027500,
      convention: 'egi',
    });
    expect(
      operatingExpenseRatio({ operatingExpenses: '18030.50', grossPotentialRent: '73750.00', base: 'gpr' }),
    ).toEqual({
      value: 1803050 / 7375000,
      convention: 'gpr',
    });
    expect(
      operatingExpenseRatio({ operatingExpenses: '1.00', effectiveGrossIncome: '0.00' }).value,
    ).toBeNull();
  });

  it('requires the income its base names', () => {
    expectInvalid(
      () => operatingExpenseRatio({ operatingExpenses: '1.00', grossPotentialRent: '1.00' }),
      'effectiveGrossIncome',
    );
    expectInvalid(
      () => operatingExpenseRatio({ operatingExpenses: '1.00', effectiveGrossIncome: '1.00', base: 'gpr' }),
      'grossPotentialRent',
    );
  });
});

describe('breakEvenRatio', () => {
  it('is (OpEx + debt service) / GPR by default, / EGI on request', () => {
    expect(
      breakEvenRatio({
        operatingExpenses: '18030.50',
        debtService: '36407.16',
        grossPotentialRent: '73750.00',
      }),
    ).toEqual({
      value: 5443766 / 7375000,
      convention: 'gpr',
    });
    expect(
      breakEvenRatio({
        operatingExpenses: '18030.50',
        debtService: '36407.16',
        effectiveGrossIncome: '70275.00',
        base: 'egi',
      }),
    ).toEqual({ value: 5443766 / 7027500, convention: 'egi' });
    expect(
      breakEvenRatio({ operatingExpenses: '1.00', debtService: '1.00', grossPotentialRent: '0.00' }).value,
    ).toBeNull();
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () => breakEvenRatio({ operatingExpenses: '1.00', debtService: '-1.00', grossPotentialRent: '1.00' }),
      'debtService',
    );
    expectInvalid(
      () => breakEvenRatio({ operatingExpenses: '1.00', debtService: '1.00', base: 'noi' as never }),
      'base',
    );
  });
});

describe('scale invariance of the ratios', () => {
  it('OER, break-even and GRM do not change when every amount is multiplied by k', () => {
    const money = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        money,
        fc.integer({ min: 2, max: 100_000 }),
        (opex, debt, income, price, k) => {
          const m = (cents: number, factor: number) => fromMinorUnits(BigInt(cents) * BigInt(factor));
          const at = (f: number) => ({
            oer: operatingExpenseRatio({ operatingExpenses: m(opex, f), effectiveGrossIncome: m(income, f) }),
            breakEven: breakEvenRatio({
              operatingExpenses: m(opex, f),
              debtService: m(debt, f),
              grossPotentialRent: m(income, f),
            }),
            grm: grossRentMultiplier({
              price: m(price, f),
              annualGrossRent: m(income, f),
              rentPeriod: 'monthly',
            }),
          });
          expect(at(k)).toEqual(at(1));
        },
      ),
    );
  });
});
