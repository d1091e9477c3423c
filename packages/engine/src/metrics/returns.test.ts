import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { capRate, cashOnCash, equityMultiple, totalReturn } from './returns.js';

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

describe('capRate', () => {
  it('divides annual NOI by the purchase price by default', () => {
    expect(
      capRate({ netOperatingIncome: '52244.50', purchasePrice: '640000.00', currentValue: '680000.00' }),
    ).toEqual({
      value: 5224450 / 64000000,
      convention: 'purchase_price',
    });
  });

  it('divides by the current value on that basis', () => {
    expect(
      capRate({
        netOperatingIncome: '52244.50',
        purchasePrice: '640000.00',
        currentValue: '680000.00',
        basis: 'current_value',
      }),
    ).toEqual({ value: 5224450 / 68000000, convention: 'current_value' });
    expect(capRate({ netOperatingIncome: '-1000.00', purchasePrice: '100000.00' }).value).toBe(-0.01);
  });

  it('is null for a zero price', () => {
    expect(capRate({ netOperatingIncome: '1000.00', purchasePrice: '0.00' }).value).toBeNull();
    expect(capRate({ netOperatingIncome: '0.00', purchasePrice: '0' }).value).toBeNull();
  });

  it('rejects a missing or negative price naming the field', () => {
    expectInvalid(() => capRate({ netOperatingIncome: '1.00', currentValue: '1.00' }), 'purchasePrice');
    expectInvalid(
      () => capRate({ netOperatingIncome: '1.00', purchasePrice: '1.00', basis: 'current_value' }),
      'currentValue',
    );
    expectInvalid(() => capRate({ netOperatingIncome: '1.00', purchasePrice: '-1.00' }), 'purchasePrice');
    expectInvalid(
      () => capRate({ netOperatingIncome: 1 as never, purchasePrice: '1.00' }),
      'netOperatingIncome',
    );
    expectInvalid(
      () => capRate({ netOperatingIncome: '1.00', purchasePrice: '1.00', basis: 'market' as never }),
      'basis',
    );
  });
});

describe('cashOnCash', () => {
  it('divides annual cash flow by cash invested', () => {
    expect(cashOnCash({ annualCashFlow: '14437.34', totalCashInvested: '170000.00' })).toBe(
      1443734 / 17000000,
    );
    expect(cashOnCash({ annualCashFlow: '-5000.00', totalCashInvested: '100000.00' })).toBe(-0.05);
    expect(cashOnCash({ annualCashFlow: '5000.00', totalCashInvested: '0.00' })).toBeNull();
  });

  it('rejects negative cash invested', () => {
    expectInvalid(
      () => cashOnCash({ annualCashFlow: '1.00', totalCashInvested: '-1.00' }),
      'totalCashInvested',
    );
  });
});

describe('totalReturn', () => {
  it('adds cash flow, principal paydown and appreciation', () => {
    expect(
      totalReturn({
        cashFlow: '14437.34',
        principalPaydown: '5632.42',
        appreciation: '25000.00',
        totalCashInvested: '170000.00',
      }),
    ).toEqual({ amount: '45069.76', rate: 4506976 / 17000000 });
    expect(
      totalReturn({ cashFlow: '-1000.00', appreciation: '-9000.00', totalCashInvested: '100000.00' }),
    ).toEqual({
      amount: '-10000.00',
      rate: -0.1,
    });
    expect(
      totalReturn({ cashFlow: '1.00', appreciation: '0.00', totalCashInvested: '0.00' }).rate,
    ).toBeNull();
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () => totalReturn({ cashFlow: '1.00', totalCashInvested: '1.00' } as never),
      'appreciation',
    );
    expectInvalid(
      () =>
        totalReturn({
          cashFlow: '1.00',
          principalPaydown: '0.5.0',
          appreciation: '1.00',
          totalCashInvested: '1.00',
        }),
      'principalPaydown',
    );
  });
});

describe('equityMultiple', () => {
  it('is distributions / contributions by default', () => {
    expect(equityMultiple({ totalDistributions: '340000.00', totalContributions: '170000.00' })).toEqual({
      value: 2,
      convention: 'distributions_over_contributions',
    });
    expect(equityMultiple({ totalDistributions: '1.00', totalContributions: '0.00' }).value).toBeNull();
  });

  it('adds current equity under the other convention', () => {
    expect(
      equityMultiple({
        totalDistributions: '4000.00',
        totalContributions: '170000.00',
        currentEquity: '209623.48',
        convention: 'distributions_and_equity_over_contributions',
      }),
    ).toEqual({ value: 21362348 / 17000000, convention: 'distributions_and_equity_over_contributions' });
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () =>
        equityMultiple({
          totalDistributions: '1.00',
          totalContributions: '1.00',
          convention: 'distributions_and_equity_over_contributions',
        }),
      'currentEquity',
    );
    expectInvalid(
      () => equityMultiple({ totalDistributions: '-1.00', totalContributions: '1.00' }),
      'totalDistributions',
    );
    expectInvalid(
      () => equityMultiple({ totalDistributions: '1.00', totalContributions: '-1.00' }),
      'totalContributions',
    );
  });
});

describe('scale invariance of the return ratios', () => {
  const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
  const positive = fc.integer({ min: 0, max: 1_000_000_000 });
  it('cap rate and cash-on-cash do not change when every amount is multiplied by k', () => {
    fc.assert(
      fc.property(
        amount,
        positive,
        amount,
        positive,
        fc.integer({ min: 2, max: 100_000 }),
        (noi, price, flow, invested, k) => {
          const m = (cents: number, factor: number) => fromMinorUnits(BigInt(cents) * BigInt(factor));
          expect(capRate({ netOperatingIncome: m(noi, k), purchasePrice: m(price, k) })).toEqual(
            capRate({ netOperatingIncome: m(noi, 1), purchasePrice: m(price, 1) }),
          );
          expect(cashOnCash({ annualCashFlow: m(flow, k), totalCashInvested: m(invested, k) })).toEqual(
            cashOnCash({ annualCashFlow: m(flow, 1), totalCashInvested: m(invested, 1) }),
          );
        },
      ),
    );
  });
});
