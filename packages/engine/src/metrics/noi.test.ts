import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { cashFlowBeforeTax } from './cash-flow.js';
import type { MetricTransaction } from './inputs.js';
import { netOperatingIncome, operatingExpenses } from './noi.js';

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

describe('operatingExpenses', () => {
  const transactions: MetricTransaction[] = [
    { date: '2024-12-31', amount: '-99.99', category: 'repairs', kind: 'operating_expense' },
    { date: '2025-01-10', amount: '-3000.00', category: 'taxes', kind: 'operating_expense' },
    { date: '2025-02-10', amount: '-2400.00', category: 'insurance', kind: 'operating_expense' },
    { date: '2025-02-11', amount: '120.00', category: 'insurance', kind: 'operating_expense' },
    { date: '2025-02-15', amount: '-3033.93', category: 'mortgage', kind: 'debt_service_interest' },
    { date: '2025-03-01', amount: '-1400.00', category: 'roof', kind: 'capital_expenditure' },
    { date: '2025-03-01', amount: '1450.00', category: 'rent', kind: 'income' },
  ];

  it('is the positive magnitude of operating-expense amounts only', () => {
    // 99.99 + 3000.00 + 2400.00 − 120.00
    expect(operatingExpenses({ transactions })).toBe('5379.99');
    expect(operatingExpenses({ transactions, from: '2025-01', to: '2025-01' })).toBe('3000.00');
    expect(operatingExpenses({ transactions, from: '2025-02' })).toBe('2280.00');
    expect(operatingExpenses({ transactions: [] })).toBe('0.00');
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => operatingExpenses({ transactions, to: '2025-1' }), 'to');
    expectInvalid(
      () =>
        operatingExpenses({
          transactions: [{ date: '2025-01-01', amount: '-1.00', category: 'x', kind: 'opex' as never }],
        }),
      'transactions.0.kind',
    );
  });
});

describe('netOperatingIncome', () => {
  it('is EGI − OpEx, before capex by default', () => {
    expect(
      netOperatingIncome({
        effectiveGrossIncome: '70275.00',
        operatingExpenses: '18030.50',
        capitalExpenditures: '1400.00',
      }),
    ).toEqual({
      value: '52244.50',
      convention: 'below_noi',
    });
    expect(
      netOperatingIncome({
        effectiveGrossIncome: '70275.00',
        operatingExpenses: '18030.50',
        capitalExpenditures: '1400.00',
        capex: 'excluded',
      }),
    ).toEqual({ value: '52244.50', convention: 'excluded' });
  });

  it('deducts capex under above_noi and may go negative', () => {
    expect(
      netOperatingIncome({
        effectiveGrossIncome: '70275.00',
        operatingExpenses: '18030.50',
        capitalExpenditures: '1400.00',
        capex: 'above_noi',
      }).value,
    ).toBe('50844.50');
    expect(netOperatingIncome({ effectiveGrossIncome: '100.00', operatingExpenses: '250.01' }).value).toBe(
      '-150.01',
    );
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () => netOperatingIncome({ effectiveGrossIncome: '1.00', operatingExpenses: 5 as never }),
      'operatingExpenses',
    );
    expectInvalid(
      () =>
        netOperatingIncome({
          effectiveGrossIncome: '1.00',
          operatingExpenses: '1.00',
          capex: 'yes' as never,
        }),
      'capex',
    );
  });
});

describe('cashFlowBeforeTax', () => {
  const base = { netOperatingIncome: '52244.50', debtService: '36407.16', capitalExpenditures: '1400.00' };
  it('applies each capex convention', () => {
    expect(cashFlowBeforeTax(base)).toEqual({ value: '14437.34', convention: 'below_noi' });
    // Under above_noi the NOI passed in already has capex deducted.
    expect(cashFlowBeforeTax({ ...base, netOperatingIncome: '50844.50', capex: 'above_noi' })).toEqual({
      value: '14437.34',
      convention: 'above_noi',
    });
    expect(cashFlowBeforeTax({ ...base, capex: 'excluded' }).value).toBe('15837.34');
    expect(cashFlowBeforeTax({ netOperatingIncome: '1000.00', debtService: '1200.00' }).value).toBe(
      '-200.00',
    );
  });

  it('rejects negative debt service', () => {
    expectInvalid(() => cashFlowBeforeTax({ ...base, debtService: '-1.00' }), 'debtService');
  });
});
