import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import type { CategoryKind } from './conventions.js';
import type { MetricLease, MetricTransaction, MetricUnit } from './inputs.js';
import { type PropertyMetricsParams, portfolioMetrics, propertyMetrics } from './property-metrics.js';

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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const month = (m: number): string => `2025-${String(m).padStart(2, '0')}`;
const tx = (date: string, amount: string, category: string, kind: CategoryKind): MetricTransaction => ({
  date,
  amount,
  category,
  kind,
});

/**
 * A realistic 4-unit rental over calendar 2025, bought in March 2024 for 640,000.00 with a
 * 480,000.00 loan at 6.5 % over 30 years (P&I 3,033.93; 2025 holds payments 10–21).
 *
 * Rent roll (contract or market):
 * - A: 1,450 all year                                    → 17,400
 * - B: 1,500 Jan–Jul, renewed at 1,550 from August       → 10,500 + 7,750 = 18,250
 * - C: 1,550 Jan–Jun, vacant Jul–Aug (market 1,600), 1,600 from Sep → 9,300 + 3,200 + 6,400 = 18,900
 * - D: 1,600 all year                                    → 19,200
 * GPR = 73,750.00; at market rent 6,200 × 12 = 74,400.00. Occupied unit-months 46 of 48.
 *
 * Rent collected: A 17,400; B misses October (credit loss 1,550) → 16,700; C 15,700; D 19,200
 * → 69,000.00; V&CL = 4,750.00 (vacancy 3,200 + credit loss 1,550). Other income: laundry
 * 100/month + one late fee 75 → 1,275.00; EGI = 70,275.00.
 *
 * OpEx: taxes 2 × 3,000; insurance 2,400; repairs 350 + 1,200 + 425.50; management 480/month;
 * water 150/month; advertising 95 → 18,030.50. NOI = 52,244.50.
 * Debt service 12 × 3,033.93 = 36,407.16 (interest 30,774.74, principal 5,632.42); capex 1,400
 * → CFBT = 14,437.34. End balance 470,376.52; value 655,000 → 680,000; cash invested 170,000.
 */
function fourUnitRental(): PropertyMetricsParams {
  const units: MetricUnit[] = [
    { id: 'A', marketRent: '1500.00', status: 'occupied' },
    { id: 'B', marketRent: '1500.00', status: 'occupied' },
    { id: 'C', marketRent: '1600.00', status: 'occupied' },
    { id: 'D', marketRent: '1600.00', status: 'occupied' },
  ];
  const leases: MetricLease[] = [
    { unitId: 'A', monthlyRent: '1450.00', startDate: '2024-03-01', endDate: null, status: 'active' },
    { unitId: 'B', monthlyRent: '1500.00', startDate: '2024-08-01', endDate: '2025-07-31', status: 'ended' },
    { unitId: 'B', monthlyRent: '1550.00', startDate: '2025-08-01', endDate: '2026-07-31', status: 'active' },
    { unitId: 'C', monthlyRent: '1550.00', startDate: '2024-07-01', endDate: '2025-06-30', status: 'ended' },
    { unitId: 'C', monthlyRent: '1200.00', startDate: '2025-07-01', endDate: '2025-07-31', status: 'draft' },
    { unitId: 'C', monthlyRent: '1600.00', startDate: '2025-09-01', endDate: '2026-08-31', status: 'active' },
    { unitId: 'D', monthlyRent: '1600.00', startDate: '2025-01-01', endDate: '2025-12-31', status: 'active' },
  ];
  const interest = [
    '2578.38',
    '2575.91',
    '2573.43',
    '2570.94',
    '2568.43',
    '2565.91',
    '2563.37',
    '2560.83',
    '2558.26',
    '2555.69',
    '2553.10',
    '2550.49',
  ];
  const principal = [
    '455.55',
    '458.02',
    '460.50',
    '462.99',
    '465.50',
    '468.02',
    '470.56',
    '473.10',
    '475.67',
    '478.24',
    '480.83',
    '483.44',
  ];
  const transactions: MetricTransaction[] = [];
  for (let m = 1; m <= 12; m++) {
    const d = (day: number) => `${month(m)}-${String(day).padStart(2, '0')}`;
    transactions.push(tx(d(1), '1450.00', 'Rent', 'income'));
    if (m !== 10) transactions.push(tx(d(2), m <= 7 ? '1500.00' : '1550.00', 'Rent', 'income'));
    if (m <= 6) transactions.push(tx(d(3), '1550.00', 'Rent', 'income'));
    if (m >= 9) transactions.push(tx(d(3), '1600.00', 'Rent', 'income'));
    transactions.push(tx(d(4), '1600.00', 'Rent', 'income'));
    transactions.push(tx(d(5), '100.00', 'Laundry', 'income'));
    transactions.push(tx(d(6), '-480.00', 'Management fees', 'operating_expense'));
    transactions.push(tx(d(7), '-150.00', 'Utilities', 'operating_expense'));
    transactions.push(tx(d(15), `-${interest[m - 1]}`, 'Mortgage interest', 'debt_service_interest'));
    transactions.push(tx(d(15), `-${principal[m - 1]}`, 'Mortgage principal', 'debt_service_principal'));
    if (m % 3 === 0) transactions.push(tx(d(28), '-1000.00', 'Owner draw', 'capital_distribution'));
  }
  transactions.push(
    tx('2025-02-10', '-2400.00', 'Insurance', 'operating_expense'),
    tx('2025-03-12', '-350.00', 'Repairs', 'operating_expense'),
    tx('2025-04-30', '-3000.00', 'Taxes', 'operating_expense'),
    tx('2025-07-05', '-1200.00', 'Repairs', 'operating_expense'),
    tx('2025-07-10', '-1550.00', 'Deposit returned', 'security_deposit'),
    tx('2025-08-12', '-95.00', 'Advertising', 'operating_expense'),
    tx('2025-08-25', '1600.00', 'Deposit received', 'security_deposit'),
    tx('2025-09-02', '-1400.00', 'Water heater', 'capital_expenditure'),
    tx('2025-10-31', '-3000.00', 'Taxes', 'operating_expense'),
    tx('2025-11-09', '75.00', 'Late fees', 'income'),
    tx('2025-11-20', '-425.50', 'Repairs', 'operating_expense'),
    tx('2025-12-01', '-5000.00', 'Savings', 'transfer'),
    // Outside the period: validated, then ignored.
    tx('2024-12-01', '1450.00', 'Rent', 'income'),
    tx('2026-01-01', '1450.00', 'Rent', 'income'),
  );
  return {
    period: { from: '2025-01', to: '2025-12' },
    transactions,
    units,
    leases,
    loans: [{ balance: '470376.52', monthlyPayment: '3033.93', monthlyEscrow: '700.00' }],
    purchasePrice: '640000.00',
    valueAtPeriodStart: '655000.00',
    currentValue: '680000.00',
    totalCashInvested: '170000.00',
  };
}

describe('propertyMetrics — worked example: a 4-unit rental over 2025', () => {
  const result = propertyMetrics(fourUnitRental());

  it('builds the operating statement', () => {
    expect(result).toMatchObject({
      period: { from: '2025-01', to: '2025-12', months: 12 },
      grossPotentialRent: '73750.00',
      rentCollected: '69000.00',
      vacancyAndCreditLoss: '4750.00',
      otherIncome: '1275.00',
      effectiveGrossIncome: '70275.00',
      operatingExpenses: '18030.50',
      capitalExpenditures: '1400.00',
      netOperatingIncome: '52244.50',
      debtService: '36407.16',
      principalPaydown: '5632.42',
      cashFlowBeforeTax: '14437.34',
      distributions: '4000.00',
      contributions: '0.00',
      loanBalance: '470376.52',
      occupiedUnitMonths: 46,
      availableUnitMonths: 48,
    });
  });

  it('computes every ratio from exact cents', () => {
    expect(result.capRate).toBe(5224450 / 64000000);
    expect(result.capRateByBasis).toEqual({
      purchase_price: 5224450 / 64000000,
      current_value: 5224450 / 68000000,
    });
    expect(result.capRate).toBeCloseTo(0.0816, 4);
    expect(result.cashOnCash).toBe(1443734 / 17000000);
    expect(result.debtServiceCoverageRatio).toBe(5224450 / 3640716);
    expect(result.debtServiceCoverageRatio).toBeCloseTo(1.435, 3);
    expect(result.loanToValue).toBe(47037652 / 68000000);
    expect(result.grossRentMultiplier).toBe(64000000 / 7375000);
    expect(result.operatingExpenseRatio).toBe(1803050 / 7027500);
    expect(result.breakEvenRatio).toBe((1803050 + 3640716) / 7375000);
    expect(result.physicalOccupancy).toBe(46 / 48);
    expect(result.economicOccupancy).toBe(6900000 / 7375000);
  });

  it('computes equity and returns', () => {
    expect(result.equity).toBe('209623.48');
    expect(result.appreciation).toEqual({ amount: '40000.00', rate: 0.0625 });
    // 14,437.34 cash flow + 5,632.42 principal + 25,000.00 appreciation over the year
    expect(result.totalReturn).toEqual({ amount: '45069.76', rate: 4506976 / 17000000 });
    // No contributions inside 2025: the multiple is undefined, not 0 or Infinity.
    expect(result.equityMultiple).toBeNull();
  });

  it('reports the conventions it used', () => {
    expect(result.conventions).toEqual({
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
    expect(result.rentCategories).toContain('rent');
  });

  it('switches every convention', () => {
    const other = propertyMetrics({
      ...fourUnitRental(),
      conventions: {
        capex: 'above_noi',
        capRateBasis: 'current_value',
        dscr: 'rent_to_pitia',
        grmRentPeriod: 'monthly',
        grmPriceBasis: 'current_value',
        operatingExpenseRatioBase: 'gpr',
        breakEvenBase: 'egi',
        equityMultiple: 'distributions_and_equity_over_contributions',
        grossPotentialRentBasis: 'market',
        debtServiceSource: 'loan_terms',
      },
    });
    expect(other.grossPotentialRent).toBe('74400.00');
    expect(other.vacancyAndCreditLoss).toBe('5400.00');
    expect(other.effectiveGrossIncome).toBe('70275.00');
    expect(other.netOperatingIncome).toBe('50844.50');
    expect(other.debtService).toBe('36407.16');
    expect(other.cashFlowBeforeTax).toBe('14437.34');
    expect(other.capRate).toBe(5084450 / 68000000);
    // Monthly rent 74,400 / 12 over PITIA 3,033.93 + 700.00 escrow.
    expect(other.debtServiceCoverageRatio).toBe(7440000 / (12 * 373393));
    expect(other.grossRentMultiplier).toBe(68000000 / (7440000 / 12));
    expect(other.operatingExpenseRatio).toBe(1803050 / 7440000);
    expect(other.breakEvenRatio).toBe((1803050 + 3640716) / 7027500);
    expect(other.equityMultiple).toBeNull();
    expect(other.economicOccupancy).toBe(6900000 / 7440000);
  });

  it('excludes capex from cash flow under the excluded convention and adds reserves to capex', () => {
    const excluded = propertyMetrics({ ...fourUnitRental(), conventions: { capex: 'excluded' } });
    expect(excluded.netOperatingIncome).toBe('52244.50');
    expect(excluded.cashFlowBeforeTax).toBe('15837.34');
    const reserves = propertyMetrics({ ...fourUnitRental(), replacementReserves: '1200.00' });
    expect(reserves.capitalExpenditures).toBe('2600.00');
    expect(reserves.cashFlowBeforeTax).toBe('13237.34');
  });

  it('matches numbers with a lifetime period holding the contributions', () => {
    const snapshot = fourUnitRental();
    const lifetime = propertyMetrics({
      ...snapshot,
      period: { from: '2024-03', to: '2025-12' },
      transactions: [
        ...snapshot.transactions,
        tx('2024-03-15', '170000.00', 'Owner equity', 'capital_contribution'),
      ],
      ownershipShare: '0.5',
      conventions: { equityMultiple: 'distributions_and_equity_over_contributions' },
    });
    expect(lifetime.period.months).toBe(22);
    expect(lifetime.contributions).toBe('170000.00');
    expect(lifetime.equity).toBe('104811.74');
    // (4,000.00 distributions + 104,811.74 equity) / 170,000.00
    expect(lifetime.equityMultiple).toBe(10881174 / 17000000);
  });
});

describe('propertyMetrics — edge cases', () => {
  const period = { from: '2025-01', to: '2025-12' };

  it('returns null, never NaN or Infinity, on zero denominators and missing inputs', () => {
    const empty = propertyMetrics({ period, transactions: [] });
    for (const key of [
      'capRate',
      'cashOnCash',
      'debtServiceCoverageRatio',
      'loanToValue',
      'grossRentMultiplier',
      'operatingExpenseRatio',
      'breakEvenRatio',
      'physicalOccupancy',
      'economicOccupancy',
      'equityMultiple',
      'equity',
      'appreciation',
      'totalReturn',
    ] as const) {
      expect(empty[key], key).toBeNull();
    }
    expect(empty.capRateByBasis).toEqual({ purchase_price: null, current_value: null });
    const zeros = propertyMetrics({
      period,
      transactions: [tx('2025-01-01', '100.00', 'rent', 'income')],
      purchasePrice: '0.00',
      currentValue: '0.00',
      valueAtPeriodStart: '0.00',
      totalCashInvested: '0.00',
    });
    expect(zeros.capRate).toBeNull();
    expect(zeros.loanToValue).toBeNull();
    expect(zeros.cashOnCash).toBeNull();
    expect(zeros.appreciation).toEqual({ amount: '0.00', rate: null });
    expect(zeros.totalReturn).toEqual({ amount: '100.00', rate: null });
  });

  it('annualises cap rate and cash-on-cash over a partial period', () => {
    const quarter = propertyMetrics({
      period: { from: '2025-01', to: '2025-03' },
      transactions: [tx('2025-02-01', '3000.00', 'rent', 'income')],
      purchasePrice: '150000.00',
      totalCashInvested: '40000.00',
    });
    expect(quarter.capRate).toBe(0.08);
    expect(quarter.cashOnCash).toBe(0.3);
  });

  it('takes occupancy from unit status when no leases are given, and skips offline units', () => {
    const result = propertyMetrics({
      period: { from: '2025-01', to: '2025-02' },
      transactions: [],
      units: [
        { id: '1', marketRent: '1000.00', status: 'occupied' },
        { id: '2', marketRent: '1000.00', status: 'notice' },
        { id: '3', marketRent: '1000.00', status: 'vacant' },
        { id: '4', marketRent: '1000.00' },
        { id: '5', marketRent: '1000.00', status: 'offline' },
      ],
    });
    expect(result.availableUnitMonths).toBe(8);
    expect(result.occupiedUnitMonths).toBe(4);
    expect(result.physicalOccupancy).toBe(0.5);
    expect(result.grossPotentialRent).toBe('8000.00');
  });

  it('uses the latest-starting lease in a turnover month', () => {
    const result = propertyMetrics({
      period: { from: '2025-03', to: '2025-03' },
      transactions: [],
      units: [{ id: 'A', marketRent: '1000.00' }],
      leases: [
        { unitId: 'A', monthlyRent: '900.00', startDate: '2024-03-16', endDate: '2025-03-15' },
        { unitId: 'A', monthlyRent: '1100.00', startDate: '2025-03-16' },
      ],
    });
    expect(result.grossPotentialRent).toBe('1100.00');
    expect(result.occupiedUnitMonths).toBe(1);
  });

  it('honours custom rent categories', () => {
    const result = propertyMetrics({
      period,
      transactions: [
        tx('2025-01-01', '900.00', 'Tenant payments', 'income'),
        tx('2025-01-02', '50.00', 'Rent', 'income'),
      ],
      rentCategories: ['tenant payments'],
    });
    expect(result.rentCollected).toBe('900.00');
    expect(result.otherIncome).toBe('50.00');
  });

  it('rejects invalid input naming the field', () => {
    const base = fourUnitRental();
    expectInvalid(
      () => propertyMetrics({ ...base, period: { from: '2025-01', to: '2024-12' } }),
      'period.to',
    );
    expectInvalid(() => propertyMetrics({ ...base, period: { from: '2025', to: '2025-12' } }), 'period.from');
    expectInvalid(() => propertyMetrics({ ...base, purchasePrice: '-1.00' }), 'purchasePrice');
    expectInvalid(() => propertyMetrics({ ...base, currentValue: '680000.001' }), 'currentValue');
    expectInvalid(
      () => propertyMetrics({ ...base, totalCashInvested: 170000 as never }),
      'totalCashInvested',
    );
    expectInvalid(() => propertyMetrics({ ...base, ownershipShare: 1.5 }), 'ownershipShare');
    expectInvalid(() => propertyMetrics({ ...base, replacementReserves: '-5.00' }), 'replacementReserves');
    expectInvalid(() => propertyMetrics({ ...base, loans: [{ balance: '-1.00' }] }), 'loans.0.balance');
    expectInvalid(
      () =>
        propertyMetrics({ ...base, loans: [{ balance: '1.00' }], conventions: { dscr: 'rent_to_pitia' } }),
      'loans.0.monthlyPayment',
    );
    expectInvalid(
      () =>
        propertyMetrics({
          ...base,
          loans: [{ balance: '1.00' }],
          conventions: { debtServiceSource: 'loan_terms' },
        }),
      'loans.0.monthlyPayment',
    );
    expectInvalid(
      () => propertyMetrics({ ...base, conventions: { dscr: 'cash' as never } }),
      'conventions.dscr',
    );
    expectInvalid(() => propertyMetrics({ ...base, conventions: { noi: 'x' } as never }), 'conventions.noi');
    expectInvalid(
      () => propertyMetrics({ ...base, units: [{ id: 'A', marketRent: '1,500.00' }] }),
      'units.0.marketRent',
    );
    expectInvalid(
      () =>
        propertyMetrics({
          ...base,
          units: [
            { id: 'A', marketRent: '1.00' },
            { id: 'A', marketRent: '1.00' },
          ],
        }),
      'units.1.id',
    );
    expectInvalid(
      () => propertyMetrics({ ...base, units: [{ id: 'A', marketRent: '1.00', status: 'let' as never }] }),
      'units.0.status',
    );
    expectInvalid(
      () =>
        propertyMetrics({ ...base, leases: [{ unitId: 'Z', monthlyRent: '1.00', startDate: '2025-01-01' }] }),
      'leases.0.unitId',
    );
    expectInvalid(
      () =>
        propertyMetrics({
          ...base,
          leases: [{ unitId: 'A', monthlyRent: '1.00', startDate: '2025-01-01', endDate: '2024-12-31' }],
        }),
      'leases.0.endDate',
    );
    expectInvalid(
      () =>
        propertyMetrics({ ...base, leases: [{ unitId: 'A', monthlyRent: '1.00', startDate: '2025-02-29' }] }),
      'leases.0.startDate',
    );
    expectInvalid(() => propertyMetrics({ ...base, rentCategories: [''] }), 'rentCategories.0');
    expectInvalid(
      () =>
        propertyMetrics({
          ...base,
          transactions: [...base.transactions, tx('2025-01-01', '1.5e3', 'Rent', 'income')],
        }),
      `transactions.${base.transactions.length}.amount`,
    );
  });

  it('never mutates its input', () => {
    const input = fourUnitRental();
    const copy = structuredClone(input);
    propertyMetrics(deepFreeze(input));
    expect(input).toEqual(copy);
  });
});

describe('portfolioMetrics', () => {
  const period = { from: '2025-01', to: '2025-12' };
  const rent = (amount: string) => tx('2025-03-01', amount, 'rent', 'income');

  it('recomputes portfolio ratios from summed components', () => {
    const rental = fourUnitRental();
    const result = portfolioMetrics({
      period,
      properties: [
        rental,
        {
          transactions: [rent('30000.00'), tx('2025-03-02', '-10000.00', 'taxes', 'operating_expense')],
          units: [{ id: 'X', marketRent: '2500.00', status: 'occupied' }],
          purchasePrice: '360000.00',
          currentValue: '400000.00',
          loans: [{ balance: '100000.00' }],
          ownershipShare: 0.5,
        },
      ],
    });
    expect(result.properties[0]).toEqual(
      Object.fromEntries(
        Object.entries(propertyMetrics(rental)).filter(
          ([key]) => !['period', 'conventions', 'rentCategories'].includes(key),
        ),
      ),
    );
    expect(result.totals.netOperatingIncome).toBe('72244.50');
    expect(result.totals.capRate).toBe(7224450 / 100000000);
    expect(result.totals.loanToValue).toBe(57037652 / 108000000);
    // 209,623.48 + (400,000 − 100,000) × 0.5
    expect(result.totals.equity).toBe('359623.48');
    // Property 2 has no cash invested: the portfolio cash-on-cash is unknown.
    expect(result.totals.cashOnCash).toBeNull();
    expect(result.totals.availableUnitMonths).toBe(60);
    expect(result.totals.occupiedUnitMonths).toBe(58);
    expect(result.totals.grossPotentialRent).toBe('103750.00');
  });

  it('names the failing property in errors', () => {
    expectInvalid(
      () =>
        portfolioMetrics({ period, properties: [{ transactions: [] }, { transactions: [rent('1.001')] }] }),
      'properties.1.transactions.0.amount',
    );
    expectInvalid(
      () =>
        portfolioMetrics({
          period,
          properties: [{ transactions: [], units: [{ id: 'u', marketRent: 'x' }] }],
        }),
      'properties.0.units.0.marketRent',
    );
    expectInvalid(
      () => portfolioMetrics({ period, properties: [{ transactions: [], loans: [{}] }] as never }),
      'properties.0.loans.0.balance',
    );
  });
});

describe('scale invariance', () => {
  const kinds: CategoryKind[] = [
    'income',
    'operating_expense',
    'debt_service_interest',
    'debt_service_principal',
    'capital_expenditure',
    'capital_distribution',
    'capital_contribution',
  ];
  const arbSnapshot = fc.record({
    transactions: fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.integer({ min: 1, max: 12 }),
        cents: fc.integer({ min: -5_000_000, max: 5_000_000 }),
        kind: fc.constantFrom(...kinds),
        category: fc.constantFrom('rent', 'parking', 'repairs'),
      }),
      { maxLength: 25 },
    ),
    marketRents: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 6 }),
    leaseRents: fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 6 }),
    balance: fc.integer({ min: 0, max: 100_000_000 }),
    payment: fc.integer({ min: 0, max: 1_000_000 }),
    escrow: fc.integer({ min: 0, max: 100_000 }),
    price: fc.integer({ min: 0, max: 200_000_000 }),
    value: fc.integer({ min: 0, max: 200_000_000 }),
    startValue: fc.integer({ min: 0, max: 200_000_000 }),
    invested: fc.integer({ min: 0, max: 50_000_000 }),
    to: fc.integer({ min: 1, max: 12 }),
    dscr: fc.constantFrom('noi_to_debt_service', 'rent_to_pitia') as fc.Arbitrary<
      'noi_to_debt_service' | 'rent_to_pitia'
    >,
  });

  type Snapshot = typeof arbSnapshot extends fc.Arbitrary<infer T> ? T : never;

  function build(s: Snapshot, k: number): PropertyMetricsParams {
    const money = (cents: number) => fromMinorUnits(BigInt(cents) * BigInt(k));
    return {
      period: { from: '2025-01', to: month(s.to) },
      transactions: s.transactions.map((t) => ({
        date: `${month(t.month)}-${String(t.day).padStart(2, '0')}`,
        amount: money(t.cents),
        category: t.category,
        kind: t.kind,
      })),
      units: s.marketRents.map((rentCents, i) => ({ id: String(i), marketRent: money(rentCents) })),
      leases: s.leaseRents.flatMap((rentCents, i) =>
        rentCents === null || i >= s.marketRents.length
          ? []
          : [{ unitId: String(i), monthlyRent: money(rentCents), startDate: '2025-02-15', endDate: null }],
      ),
      loans: [
        { balance: money(s.balance), monthlyPayment: money(s.payment), monthlyEscrow: money(s.escrow) },
      ],
      purchasePrice: money(s.price),
      currentValue: money(s.value),
      valueAtPeriodStart: money(s.startValue),
      totalCashInvested: money(s.invested),
      conventions: { dscr: s.dscr },
    };
  }

  it('multiplying every money input by k leaves every ratio unchanged', () => {
    fc.assert(
      fc.property(arbSnapshot, fc.integer({ min: 2, max: 1000 }), (s, k) => {
        const base = propertyMetrics(build(s, 1));
        const scaled = propertyMetrics(build(s, k));
        for (const key of [
          'capRate',
          'capRateByBasis',
          'cashOnCash',
          'debtServiceCoverageRatio',
          'loanToValue',
          'grossRentMultiplier',
          'operatingExpenseRatio',
          'breakEvenRatio',
          'physicalOccupancy',
          'economicOccupancy',
          'equityMultiple',
        ] as const) {
          expect(scaled[key], key).toEqual(base[key]);
        }
        expect(scaled.appreciation?.rate).toEqual(base.appreciation?.rate);
        expect(scaled.totalReturn?.rate).toEqual(base.totalReturn?.rate);
      }),
    );
  });
});
