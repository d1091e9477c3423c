import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { effectiveGrossIncome, grossPotentialRent, vacancyAndCreditLoss } from './income.js';

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

describe('grossPotentialRent', () => {
  const units = [
    { marketRent: '1500.00', contractRent: '1450.00' },
    { marketRent: '1500.00', contractRent: null },
    { marketRent: '1600.50' },
  ];

  it('sums contract rent of leased units and market rent of vacant ones × months', () => {
    // (1450.00 + 1500.00 + 1600.50) × 12 = 54606.00
    expect(grossPotentialRent({ units })).toEqual({ value: '54606.00', convention: 'contract_or_market' });
    expect(grossPotentialRent({ units, months: 1 }).value).toBe('4550.50');
    expect(grossPotentialRent({ units, months: 0 }).value).toBe('0.00');
  });

  it('prices every unit at market under the market basis', () => {
    // (1500.00 + 1500.00 + 1600.50) × 3 = 13801.50
    expect(grossPotentialRent({ units, months: 3, basis: 'market' })).toEqual({
      value: '13801.50',
      convention: 'market',
    });
  });

  it('is zero for no units', () => {
    expect(grossPotentialRent({ units: [] }).value).toBe('0.00');
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => grossPotentialRent({ units: [{ marketRent: '-1.00' }] }), 'units.0.marketRent');
    expectInvalid(
      () => grossPotentialRent({ units: [{ marketRent: '1.00', contractRent: '1.001' }] }),
      'units.0.contractRent',
    );
    expectInvalid(() => grossPotentialRent({ units, months: 1.5 }), 'months');
    expectInvalid(() => grossPotentialRent({ units, months: -1 }), 'months');
    expectInvalid(() => grossPotentialRent({ units, basis: 'asking' as never }), 'basis');
    expectInvalid(() => grossPotentialRent({ units: {} as never }), 'units');
    expectInvalid(() => grossPotentialRent(null as never), '');
  });
});

describe('vacancyAndCreditLoss', () => {
  it('is GPR minus rent collected for actuals', () => {
    expect(vacancyAndCreditLoss({ grossPotentialRent: '73750.00', rentCollected: '69000.00' })).toBe(
      '4750.00',
    );
    // Back rent collected above GPR gives a negative loss.
    expect(vacancyAndCreditLoss({ grossPotentialRent: '1000.00', rentCollected: '1200.00' })).toBe('-200.00');
  });

  it('applies vacancy and credit-loss rates, rounding half-up to the cent', () => {
    expect(
      vacancyAndCreditLoss({ grossPotentialRent: '74400.00', vacancyRate: 0.05, creditLossRate: '0.01' }),
    ).toBe('4464.00');
    // 100.10 × 0.05 = 5.005 → 5.01
    expect(vacancyAndCreditLoss({ grossPotentialRent: '100.10', vacancyRate: '0.05' })).toBe('5.01');
    expect(vacancyAndCreditLoss({ grossPotentialRent: '100.00', vacancyRate: 1 })).toBe('100.00');
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => vacancyAndCreditLoss({ grossPotentialRent: '1.00' } as never), 'rentCollected');
    expectInvalid(
      () =>
        vacancyAndCreditLoss({
          grossPotentialRent: '1.00',
          rentCollected: '1.00',
          vacancyRate: 0.1,
        } as never),
      'vacancyRate',
    );
    expectInvalid(
      () => vacancyAndCreditLoss({ grossPotentialRent: '1.00', vacancyRate: 1.1 }),
      'vacancyRate',
    );
    expectInvalid(
      () => vacancyAndCreditLoss({ grossPotentialRent: '1.00', vacancyRate: -0.1 }),
      'vacancyRate',
    );
    expectInvalid(
      () => vacancyAndCreditLoss({ grossPotentialRent: '1.00', vacancyRate: Number.NaN }),
      'vacancyRate',
    );
    expectInvalid(
      () => vacancyAndCreditLoss({ grossPotentialRent: '1.00', vacancyRate: 0.6, creditLossRate: 0.5 }),
      'creditLossRate',
    );
    expectInvalid(
      () => vacancyAndCreditLoss({ grossPotentialRent: '-1.00', rentCollected: '1.00' }),
      'grossPotentialRent',
    );
    expectInvalid(
      () => vacancyAndCreditLoss({ grossPotentialRent: '1.00', rentCollected: 'ten' }),
      'rentCollected',
    );
  });
});

describe('effectiveGrossIncome', () => {
  it('is GPR − V&CL + other income', () => {
    expect(
      effectiveGrossIncome({
        grossPotentialRent: '73750.00',
        vacancyAndCreditLoss: '4750.00',
        otherIncome: '1275.00',
      }),
    ).toBe('70275.00');
    expect(effectiveGrossIncome({ grossPotentialRent: '1000.00', vacancyAndCreditLoss: '-50.00' })).toBe(
      '1050.00',
    );
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () => effectiveGrossIncome({ grossPotentialRent: '1', vacancyAndCreditLoss: '0.001' }),
      'vacancyAndCreditLoss',
    );
    expectInvalid(
      () => effectiveGrossIncome({ grossPotentialRent: '1', vacancyAndCreditLoss: '0', otherIncome: '1e2' }),
      'otherIncome',
    );
  });
});

describe('inputs', () => {
  it('are never mutated', () => {
    const units = Object.freeze([
      Object.freeze({ marketRent: '1500.00', contractRent: '1450.00' }),
      Object.freeze({ marketRent: '1.00' }),
    ]);
    const params = Object.freeze({ units, months: 12, basis: 'market' as const });
    const copy = structuredClone(params);
    grossPotentialRent(params);
    expect(params).toEqual(copy);
  });
});
