import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { CATEGORY_KINDS, DEFAULT_METRIC_CONVENTIONS, resolveMetricConventions } from './conventions.js';

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

describe('metric conventions', () => {
  it('lists the twelve category kinds of DATA-MODEL.md', () => {
    expect(new Set(CATEGORY_KINDS).size).toBe(12);
    expect(Object.isFrozen(CATEGORY_KINDS)).toBe(true);
  });

  it('has documented, frozen defaults', () => {
    expect(DEFAULT_METRIC_CONVENTIONS).toEqual({
      capex: 'below_noi',
      capRateBasis: 'purchase_price',
      dscr: 'noi_to_debt_service',
      grmRentPeriod: 'annual',
      grmPriceBasis: 'purchase_price',
      operatingExpenseRatioBase: 'egi',
      breakEvenBase: 'gpr',
      equityMultiple: 'distributions_over_contributions',
      grossPotentialRentBasis: 'contract_or_market',
      debtServiceSource: 'transactions',
    });
    expect(Object.isFrozen(DEFAULT_METRIC_CONVENTIONS)).toBe(true);
  });

  it('merges overrides without mutating them or the defaults', () => {
    const overrides = Object.freeze({ dscr: 'rent_to_pitia', capex: undefined } as const);
    const resolved = resolveMetricConventions(overrides);
    expect(resolved).toEqual({ ...DEFAULT_METRIC_CONVENTIONS, dscr: 'rent_to_pitia' });
    expect(resolved).not.toBe(DEFAULT_METRIC_CONVENTIONS);
    expect(resolveMetricConventions(null)).toEqual(DEFAULT_METRIC_CONVENTIONS);
  });

  it('rejects unknown options and values naming the field', () => {
    expectInvalid(() => resolveMetricConventions({ dscr: 'cash_to_debt' } as never), 'conventions.dscr');
    expectInvalid(() => resolveMetricConventions({ capexInNoi: true } as never), 'conventions.capexInNoi');
    expectInvalid(() => resolveMetricConventions({ toString: 'x' } as never), 'conventions.toString');
    expectInvalid(() => resolveMetricConventions('defaults' as never), 'conventions');
  });
});
