import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { appreciation, equity } from './equity.js';

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

describe('equity', () => {
  it('is value − Σ loan balances, × ownership share', () => {
    expect(equity({ value: '680000.00', loanBalances: ['470376.52'] })).toBe('209623.48');
    expect(equity({ value: '680000.00', loanBalances: ['470376.52', '50000.00'] })).toBe('159623.48');
    expect(equity({ value: '680000.00', loanBalances: [] })).toBe('680000.00');
    // 209,623.48 × 1/3 = 69,874.4933… → 69,874.49
    expect(equity({ value: '680000.00', loanBalances: ['470376.52'], ownershipShare: '0.3333333333' })).toBe(
      '69874.49',
    );
    // Half-up at the half cent: 0.01 × 0.5 = 0.005 → 0.01; −0.005 → −0.01
    expect(equity({ value: '0.01', loanBalances: [], ownershipShare: 0.5 })).toBe('0.01');
    expect(equity({ value: '0.00', loanBalances: ['0.01'], ownershipShare: 0.5 })).toBe('-0.01');
    expect(equity({ value: '100.00', loanBalances: ['150.00'], ownershipShare: 0 })).toBe('0.00');
  });

  it('is negative when under water', () => {
    expect(equity({ value: '300000.00', loanBalances: ['320000.00'] })).toBe('-20000.00');
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => equity({ value: '-1.00', loanBalances: [] }), 'value');
    expectInvalid(() => equity({ value: '1.00', loanBalances: ['1.00', '-2.00'] }), 'loanBalances.1');
    expectInvalid(() => equity({ value: '1.00', loanBalances: [], ownershipShare: 2 }), 'ownershipShare');
    expectInvalid(
      () => equity({ value: '1.00', loanBalances: [], ownershipShare: 'half' }),
      'ownershipShare',
    );
    expectInvalid(() => equity({ value: '1.00' } as never), 'loanBalances');
  });
});

describe('appreciation', () => {
  it('is the change in value and its rate', () => {
    expect(appreciation({ startValue: '640000.00', endValue: '680000.00' })).toEqual({
      amount: '40000.00',
      rate: 0.0625,
    });
    expect(appreciation({ startValue: '200000.00', endValue: '190000.00' })).toEqual({
      amount: '-10000.00',
      rate: -0.05,
    });
    expect(appreciation({ startValue: '0.00', endValue: '1.00' })).toEqual({ amount: '1.00', rate: null });
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => appreciation({ startValue: '-1.00', endValue: '1.00' }), 'startValue');
    expectInvalid(() => appreciation({ startValue: '1.00', endValue: '1.000' }), 'endValue');
  });
});

describe('inputs', () => {
  it('are never mutated', () => {
    const params = Object.freeze({
      value: '680000.00',
      loanBalances: Object.freeze(['470376.52', '1.00']),
      ownershipShare: '0.5',
    });
    const copy = structuredClone(params);
    equity(params);
    expect(params).toEqual(copy);
  });
});
