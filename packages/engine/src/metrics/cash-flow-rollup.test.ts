import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../domain/dates.js';
import { fromMinorUnits } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { monthlyCashFlowRollup } from './cash-flow-rollup.js';
import { CATEGORY_KINDS, type CategoryKind } from './conventions.js';
import type { MetricTransaction } from './inputs.js';

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

const tx = (date: string, amount: string, category: string, kind: CategoryKind): MetricTransaction => ({
  date,
  amount,
  category,
  kind,
});

const START_DAY = toEpochDay('2023-11-01');
const arbTransaction = (maxCents: bigint): fc.Arbitrary<MetricTransaction> =>
  fc.record({
    date: fc.integer({ min: 0, max: 800 }).map((offset) => fromEpochDay(START_DAY + offset)),
    amount: fc.bigInt({ min: -maxCents, max: maxCents }).map((cents) => fromMinorUnits(cents)),
    category: fc.constantFrom('rent', 'repairs', 'taxes', 'misc', 'Rent'),
    kind: fc.constantFrom(...CATEGORY_KINDS),
  });

function centsOf(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return negative ? -cents : cents;
}

/** month|kind|category → exact sum in cents, computed independently with bigint. */
function referenceTotals(transactions: readonly MetricTransaction[]): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const t of transactions) {
    const key = `${t.date.slice(0, 7)}|${t.kind}|${t.category}`;
    totals.set(key, (totals.get(key) ?? 0n) + centsOf(t.amount));
  }
  return totals;
}

function rollupTotals(transactions: readonly MetricTransaction[]): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const month of monthlyCashFlowRollup({ transactions }).months) {
    for (const line of month.byCategory) {
      totals.set(`${month.month}|${line.kind}|${line.category}`, centsOf(line.amount));
    }
  }
  return totals;
}

describe('monthlyCashFlowRollup — hand-computed', () => {
  const transactions = [
    tx('2025-01-03', '1450.00', 'rent', 'income'),
    tx('2025-01-05', '1500.00', 'rent', 'income'),
    tx('2025-01-05', '100.00', 'laundry', 'income'),
    tx('2025-01-12', '-350.25', 'repairs', 'operating_expense'),
    tx('2025-01-15', '-2578.38', 'mortgage interest', 'debt_service_interest'),
    tx('2025-01-15', '-455.55', 'mortgage principal', 'debt_service_principal'),
    tx('2025-01-20', '-5000.00', 'savings', 'transfer'),
    tx('2025-03-01', '1450.00', 'rent', 'income'),
    tx('2025-03-09', '-1400.00', 'water heater', 'capital_expenditure'),
    tx('2025-03-10', '1600.00', 'deposit', 'security_deposit'),
    tx('2025-03-31', '-1000.00', 'owner draw', 'capital_distribution'),
  ];
  const rollup = monthlyCashFlowRollup({ transactions });

  it('fills the month range and orders categories by kind then name', () => {
    expect(rollup.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(rollup.months[0]?.byCategory.map((c) => [c.kind, c.category, c.amount, c.count])).toEqual([
      ['income', 'laundry', '100.00', 1],
      ['income', 'rent', '2950.00', 2],
      ['operating_expense', 'repairs', '-350.25', 1],
      ['debt_service_interest', 'mortgage interest', '-2578.38', 1],
      ['debt_service_principal', 'mortgage principal', '-455.55', 1],
      ['transfer', 'savings', '-5000.00', 1],
    ]);
  });

  it('derives NOI, debt service and cash flow per month in the ledger sign', () => {
    const [january, february, march] = rollup.months;
    // January: income 3050.00, opex −350.25 → NOI 2699.75; debt service −3033.93 → CFBT −334.18
    expect(january?.netOperatingIncome).toBe('2699.75');
    expect(january?.debtService).toBe('-3033.93');
    expect(january?.cashFlowBeforeTax).toBe('-334.18');
    expect(january?.net).toBe('-5334.18');
    expect(january?.count).toBe(7);
    expect(february).toMatchObject({ net: '0.00', netOperatingIncome: '0.00', count: 0, byCategory: [] });
    // March: rent 1450, capex −1400 below NOI → NOI 1450, CFBT 50; deposit and draw only in net
    expect(march?.netOperatingIncome).toBe('1450.00');
    expect(march?.cashFlowBeforeTax).toBe('50.00');
    expect(march?.net).toBe('650.00');
    expect(march?.byKind.security_deposit).toBe('1600.00');
    expect(march?.byKind.capital_distribution).toBe('-1000.00');
    expect(march?.byKind.acquisition).toBe('0.00');
    expect(Object.keys(march?.byKind ?? {})).toEqual([...CATEGORY_KINDS]);
  });

  it('totals every month', () => {
    expect(rollup.totals.netOperatingIncome).toBe('4149.75');
    expect(rollup.totals.cashFlowBeforeTax).toBe('-284.18');
    expect(rollup.totals.net).toBe('-4684.18');
    expect(rollup.totals.count).toBe(transactions.length);
    expect(rollup.totals.byCategory.find((c) => c.category === 'rent')).toEqual({
      category: 'rent',
      kind: 'income',
      amount: '4400.00',
      count: 3,
    });
    expect(rollup.conventions).toEqual({ capex: 'below_noi', sign: 'ledger' });
  });

  it('applies the capex convention to the derived figures', () => {
    const above = monthlyCashFlowRollup({ transactions, capex: 'above_noi' });
    expect(above.months[2]?.netOperatingIncome).toBe('50.00');
    expect(above.months[2]?.cashFlowBeforeTax).toBe('50.00');
    const excluded = monthlyCashFlowRollup({ transactions, capex: 'excluded' });
    expect(excluded.months[2]?.netOperatingIncome).toBe('1450.00');
    expect(excluded.months[2]?.cashFlowBeforeTax).toBe('1450.00');
    expect(excluded.conventions.capex).toBe('excluded');
  });

  it('limits and pads the range with from/to, validating transactions outside it', () => {
    const limited = monthlyCashFlowRollup({ transactions, from: '2024-12', to: '2025-02' });
    expect(limited.months.map((m) => m.month)).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(limited.totals.count).toBe(7);
    expect(monthlyCashFlowRollup({ transactions, from: '2025-02' }).months.map((m) => m.month)).toEqual([
      '2025-02',
      '2025-03',
    ]);
    expectInvalid(
      () =>
        monthlyCashFlowRollup({
          transactions: [...transactions, tx('2026-01-01', '1.234', 'rent', 'income')],
          to: '2025-03',
        }),
      'transactions.11.amount',
    );
  });

  it('keeps separate totals for a category name used under two kinds', () => {
    const result = monthlyCashFlowRollup({
      transactions: [
        tx('2025-01-01', '10.00', 'other', 'income'),
        tx('2025-01-02', '-4.00', 'other', 'operating_expense'),
      ],
    });
    expect(result.totals.byCategory.map((c) => [c.kind, c.amount])).toEqual([
      ['income', '10.00'],
      ['operating_expense', '-4.00'],
    ]);
  });

  it('returns no months for no transactions and no range', () => {
    const empty = monthlyCashFlowRollup({ transactions: [] });
    expect(empty.months).toEqual([]);
    expect(empty.totals.net).toBe('0.00');
  });
});

describe('monthlyCashFlowRollup — validation', () => {
  const good = tx('2025-01-03', '1450.00', 'rent', 'income');
  it.each([
    [{ ...good, date: '2025-02-30' }, 'transactions.1.date'],
    [{ ...good, date: '2025-1-3' }, 'transactions.1.date'],
    [{ ...good, amount: '12.345' }, 'transactions.1.amount'],
    [{ ...good, amount: 12 }, 'transactions.1.amount'],
    [{ ...good, amount: '1e3' }, 'transactions.1.amount'],
    [{ ...good, amount: '01.00' }, 'transactions.1.amount'],
    [{ ...good, amount: '+1.00' }, 'transactions.1.amount'],
    [{ ...good, amount: '' }, 'transactions.1.amount'],
    [{ ...good, kind: 'expense' }, 'transactions.1.kind'],
    [{ ...good, category: '' }, 'transactions.1.category'],
    [null, 'transactions.1'],
  ])('rejects %j naming %s', (bad, field) => {
    expectInvalid(() => monthlyCashFlowRollup({ transactions: [good, bad as MetricTransaction] }), field);
  });

  it('rejects a malformed range or convention', () => {
    expectInvalid(() => monthlyCashFlowRollup({ transactions: [], from: '2025-13' }), 'from');
    expectInvalid(() => monthlyCashFlowRollup({ transactions: [], from: '2025-03', to: '2025-01' }), 'to');
    expectInvalid(() => monthlyCashFlowRollup({ transactions: [], capex: 'inside' as never }), 'capex');
    expectInvalid(() => monthlyCashFlowRollup({ transactions: 'none' as never }), 'transactions');
  });
});

describe('monthlyCashFlowRollup — properties', () => {
  it('totals equal the exact sum of the inputs, to the cent', () => {
    fc.assert(
      fc.property(fc.array(arbTransaction(10n ** 12n), { maxLength: 80 }), (transactions) => {
        const rollup = monthlyCashFlowRollup({ transactions });
        const exact = transactions.reduce((sum, t) => sum + centsOf(t.amount), 0n);
        expect(rollup.totals.net).toBe(fromMinorUnits(exact));
        expect(rollup.months.reduce((sum, m) => sum + centsOf(m.net), 0n)).toBe(exact);
        expect(rollupTotals(transactions)).toEqual(referenceTotals(transactions));
        const kinds = Object.values(rollup.totals.byKind).reduce((sum, v) => sum + centsOf(v), 0n);
        expect(kinds).toBe(exact);
      }),
    );
  });

  it('stays exact beyond 2^53 cents', () => {
    fc.assert(
      fc.property(fc.array(arbTransaction(10n ** 20n), { minLength: 1, maxLength: 40 }), (transactions) => {
        const exact = transactions.reduce((sum, t) => sum + centsOf(t.amount), 0n);
        expect(monthlyCashFlowRollup({ transactions }).totals.net).toBe(fromMinorUnits(exact));
        expect(rollupTotals(transactions)).toEqual(referenceTotals(transactions));
      }),
    );
    const big = '90071992547409.91';
    const result = monthlyCashFlowRollup({
      transactions: [
        tx('2025-01-01', big, 'a', 'income'),
        tx('2025-01-02', big, 'a', 'income'),
        tx('2025-01-03', '0.01', 'a', 'income'),
      ],
    });
    expect(result.totals.net).toBe('180143985094819.83');
    // 13 integer digits take the float fast path; their running sum must spill exactly past 2^53.
    const many = Array.from({ length: 20 }, (_, i) =>
      tx(`2025-01-${String(i + 1).padStart(2, '0')}`, '9999999999999.99', 'a', 'income'),
    );
    expect(monthlyCashFlowRollup({ transactions: many }).totals.net).toBe('199999999999999.80');
    const mixed = [
      ...many,
      ...many.map((t) => ({ ...t, amount: '-9999999999999.99' })),
      tx('2025-01-31', '0.01', 'a', 'income'),
    ];
    expect(monthlyCashFlowRollup({ transactions: mixed }).totals.net).toBe('0.01');
  });

  it('does not depend on the order of the transactions', () => {
    fc.assert(
      fc.property(
        fc
          .array(arbTransaction(10n ** 9n), { maxLength: 60 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        ([list, shuffled]) => {
          expect(monthlyCashFlowRollup({ transactions: shuffled })).toEqual(
            monthlyCashFlowRollup({ transactions: list }),
          );
        },
      ),
    );
  });

  it('is additive over any partition of the transactions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbTransaction(10n ** 9n), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
        (tagged) => {
          const all = tagged.map(([t]) => t);
          const merged = new Map<string, bigint>();
          for (let part = 0; part < 4; part++) {
            const subset = tagged.filter(([, p]) => p === part).map(([t]) => t);
            for (const [key, value] of rollupTotals(subset)) merged.set(key, (merged.get(key) ?? 0n) + value);
          }
          expect(merged).toEqual(rollupTotals(all));
        },
      ),
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(arbTransaction(10n ** 9n), { maxLength: 30 }), (transactions) => {
        const copy = structuredClone(transactions);
        const frozen = Object.freeze(transactions.map((t) => Object.freeze({ ...t })));
        monthlyCashFlowRollup({ transactions: frozen, capex: 'above_noi' });
        expect(frozen).toEqual(copy);
      }),
    );
  });
});
