/**
 * `monthlyTotals`: exact sums per property × month × kind × category, pushed down to the store.
 * @module
 */
import { expect } from 'vitest';
import type { CategoryKind } from '../../domain/categories.js';
import type { MonthlyTotal, RecordOf } from '../../ports/repository.js';
import { compareStrings, put, putMany, seed } from '../expectations.js';
import type { FixtureFactory } from '../fixtures.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

/** Monthly totals in the order `monthlyTotals` returns them: property, month, kind, category (plain strings). */
export function sortMonthlyTotals(rows: readonly MonthlyTotal[]): MonthlyTotal[] {
  return [...rows].sort(
    (a, b) =>
      compareStrings(a.propertyId, b.propertyId) ||
      compareStrings(a.month, b.month) ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.category ?? '', b.category ?? ''),
  );
}

/** A compact expected row: property, month, kind, category (null for kind granularity), total, count. */
type Row = readonly [
  property: { id: string },
  month: string,
  kind: CategoryKind,
  category: string | null,
  total: string,
  count: number,
];

function rows(spec: readonly Row[]): MonthlyTotal[] {
  return sortMonthlyTotals(
    spec.map(([property, month, kind, category, total, count]) => ({
      propertyId: property.id,
      month,
      kind,
      category,
      total,
      count,
    })),
  );
}

type Property = RecordOf<'property'>;
type Tx = RecordOf<'transaction'>;

function tx(f: FixtureFactory, property: Property, date: string, category: string, amount: string): Tx {
  return f.transaction(property, { date, category, amount });
}

/** Registers the `totals.*` tests. */
export function totalsTests(t: ConformanceRegistrar): void {
  async function categoryWorld(ctx: ConformanceTestContext) {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const a = f.property(portfolio);
    const b = f.property(portfolio);
    const pool = f.category(portfolio, { key: 'pool_service', kind: 'operating_expense' });
    const transactions = [
      tx(f, a, '2024-01-05', 'rent', '1500.00'),
      tx(f, a, '2024-01-20', 'rent', '1500.00'),
      tx(f, a, '2024-01-10', 'repairs', '-250.50'),
      tx(f, a, '2024-01-11', 'insurance', '-100'),
      f.transaction(a, {
        date: '2024-01-12',
        category: 'pool_service',
        kind: 'operating_expense',
        amount: '-80',
      }),
      tx(f, a, '2024-02-01', 'rent', '1500'),
      tx(f, a, '2024-02-15', 'repairs', '-49.50'),
      tx(f, a, '2024-02-16', 'repairs', '49.50'),
      tx(f, b, '2024-01-31', 'rent', '900'),
      tx(f, b, '2024-02-29', 'mortgage_interest', '-300.10'),
    ];
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      putMany('property', [a, b]),
      put('category', pool),
      putMany('transaction', transactions),
    );
    return { portfolio, a, b };
  }

  t.test('totals.by-category', async (ctx) => {
    const { portfolio, a, b } = await categoryWorld(ctx);
    const result = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-01-01',
      to: '2024-02-29',
    });
    const expected = rows([
      [a, '2024-01', 'income', 'rent', '3000.00', 2],
      [a, '2024-01', 'operating_expense', 'insurance', '-100.00', 1],
      [a, '2024-01', 'operating_expense', 'pool_service', '-80.00', 1],
      [a, '2024-01', 'operating_expense', 'repairs', '-250.50', 1],
      [a, '2024-02', 'income', 'rent', '1500.00', 1],
      [a, '2024-02', 'operating_expense', 'repairs', '0.00', 2],
      [b, '2024-01', 'income', 'rent', '900.00', 1],
      [b, '2024-02', 'debt_service_interest', 'mortgage_interest', '-300.10', 1],
    ]);
    expect(result).toEqual(expected);
    const explicit = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-01-01',
      to: '2024-02-29',
      granularity: 'category',
    });
    expect(explicit).toEqual(expected);
  });

  t.test('totals.by-kind', async (ctx) => {
    const { portfolio, a, b } = await categoryWorld(ctx);
    const result = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-01-01',
      to: '2024-02-29',
      granularity: 'kind',
    });
    expect(result).toEqual(
      rows([
        [a, '2024-01', 'income', null, '3000.00', 2],
        [a, '2024-01', 'operating_expense', null, '-430.50', 3],
        [a, '2024-02', 'income', null, '1500.00', 1],
        [a, '2024-02', 'operating_expense', null, '0.00', 2],
        [b, '2024-01', 'income', null, '900.00', 1],
        [b, '2024-02', 'debt_service_interest', null, '-300.10', 1],
      ]),
    );
  });

  t.test('totals.property-filter', async (ctx) => {
    const { portfolio, a, b } = await categoryWorld(ctx);
    const elsewhere = ctx.f.portfolio();
    const foreign = ctx.f.property(elsewhere);
    await seed(
      ctx.repo,
      put('portfolio', elsewhere),
      put('property', foreign),
      put('transaction', tx(ctx.f, foreign, '2024-01-15', 'rent', '777')),
    );
    const onlyB = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      propertyIds: [b.id],
      from: '2024-01-01',
      to: '2024-02-29',
      granularity: 'kind',
    });
    expect(onlyB).toEqual(
      rows([
        [b, '2024-01', 'income', null, '900.00', 1],
        [b, '2024-02', 'debt_service_interest', null, '-300.10', 1],
      ]),
    );
    const withForeign = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      propertyIds: [a.id, foreign.id],
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(withForeign).toEqual(
      rows([
        [a, '2024-02', 'income', 'rent', '1500.00', 1],
        [a, '2024-02', 'operating_expense', 'repairs', '0.00', 2],
      ]),
    );
  });

  t.test('totals.date-bounds-inclusive', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const p = f.property(portfolio);
    const dates = [
      '2023-12-31',
      '2024-01-01',
      '2024-01-14',
      '2024-01-15',
      '2024-01-31',
      '2024-02-01',
      '2024-02-10',
      '2024-02-11',
      '2024-02-29',
      '2024-03-01',
      '2024-12-31',
      '2025-01-01',
    ];
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', p),
      putMany(
        'transaction',
        dates.map((date) => tx(f, p, date, 'rent', '1.00')),
      ),
    );
    const query = (from: string, to: string) =>
      ctx.repo.monthlyTotals({ portfolioId: portfolio.id, from, to, granularity: 'kind' });
    expect(await query('2024-01-01', '2024-02-29')).toEqual(
      rows([
        [p, '2024-01', 'income', null, '4.00', 4],
        [p, '2024-02', 'income', null, '4.00', 4],
      ]),
    );
    expect(await query('2024-01-15', '2024-02-10')).toEqual(
      rows([
        [p, '2024-01', 'income', null, '2.00', 2],
        [p, '2024-02', 'income', null, '2.00', 2],
      ]),
    );
    expect(await query('2023-12-31', '2025-01-01')).toEqual(
      rows([
        [p, '2023-12', 'income', null, '1.00', 1],
        [p, '2024-01', 'income', null, '4.00', 4],
        [p, '2024-02', 'income', null, '4.00', 4],
        [p, '2024-03', 'income', null, '1.00', 1],
        [p, '2024-12', 'income', null, '1.00', 1],
        [p, '2025-01', 'income', null, '1.00', 1],
      ]),
    );
    expect(await query('2024-02-29', '2024-02-29')).toEqual(
      rows([[p, '2024-02', 'income', null, '1.00', 1]]),
    );
  });

  t.test('totals.exact-large-and-negative', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const p = f.property(portfolio);
    const large = ['12345678901.23', '12345678901.23', '-99999999.99', '-0.01', '7777777777.77', '-1.11'];
    const negative = ['-99999999.99', '-99999999.99', '-0.02'];
    // Near ±(2^53 − 1) minor units a binary float has no cents left; every partial sum stays a safe integer.
    const extreme = ['90071992547409.04', '-90071992547409.00', '-0.03'];
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', p),
      putMany('transaction', [
        ...large.map((amount) => tx(f, p, '2024-05-10', 'rent', amount)),
        ...negative.map((amount) => tx(f, p, '2024-06-10', 'repairs', amount)),
        ...extreme.map((amount) => tx(f, p, '2024-07-10', 'other_income', amount)),
      ]),
    );
    const result = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(result).toEqual(
      rows([
        [p, '2024-05', 'income', 'rent', '32369135579.12', 6],
        [p, '2024-06', 'operating_expense', 'repairs', '-200000000.00', 3],
        [p, '2024-07', 'income', 'other_income', '0.01', 3],
      ]),
    );
  });

  t.test('totals.many-small', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const p = f.property(portfolio);
    const cents = Array.from({ length: 1000 }, () => tx(f, p, '2024-07-15', 'late_fees', '0.01'));
    const floaty = ['0.10', '0.20', '-0.30'].map((amount) => tx(f, p, '2024-08-01', 'utilities', amount));
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', p),
      putMany('transaction', [...cents, ...floaty]),
    );
    const result = await ctx.repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-07-01',
      to: '2024-08-31',
    });
    expect(result).toEqual(
      rows([
        [p, '2024-07', 'income', 'late_fees', '10.00', 1000],
        [p, '2024-08', 'operating_expense', 'utilities', '0.00', 3],
      ]),
    );
  });

  t.test('totals.currency-minor-digits', async (ctx) => {
    const { f } = ctx;
    const yen = f.portfolio({ currency: 'JPY' });
    const dinar = f.portfolio({ currency: 'KWD' });
    const tokyo = f.property(yen);
    const kuwait = f.property(dinar);
    await seed(
      ctx.repo,
      putMany('portfolio', [yen, dinar]),
      putMany('property', [tokyo, kuwait]),
      putMany('transaction', [
        tx(f, tokyo, '2024-01-25', 'rent', '150000'),
        tx(f, tokyo, '2024-01-26', 'rent', '150000'),
        tx(f, tokyo, '2024-01-27', 'repairs', '-3333'),
        tx(f, kuwait, '2024-01-05', 'rent', '1.234'),
        tx(f, kuwait, '2024-01-06', 'rent', '0.001'),
        tx(f, kuwait, '2024-01-07', 'rent', '-0.005'),
        tx(f, kuwait, '2024-02-01', 'repairs', '0.500'),
        tx(f, kuwait, '2024-02-02', 'repairs', '-0.500'),
      ]),
    );
    const period = { from: '2024-01-01', to: '2024-02-29' };
    expect(await ctx.repo.monthlyTotals({ portfolioId: yen.id, ...period })).toEqual(
      rows([
        [tokyo, '2024-01', 'income', 'rent', '300000', 2],
        [tokyo, '2024-01', 'operating_expense', 'repairs', '-3333', 1],
      ]),
    );
    expect(await ctx.repo.monthlyTotals({ portfolioId: dinar.id, ...period })).toEqual(
      rows([
        [kuwait, '2024-01', 'income', 'rent', '1.230', 3],
        [kuwait, '2024-02', 'operating_expense', 'repairs', '0.000', 2],
      ]),
    );
  });

  t.test('totals.portfolio-scoped', async (ctx) => {
    const { f } = ctx;
    const [p1, p2] = [f.portfolio(), f.portfolio()];
    const [a, b] = [f.property(p1), f.property(p2)];
    await seed(
      ctx.repo,
      putMany('portfolio', [p1, p2]),
      putMany('property', [a, b]),
      putMany('transaction', [tx(f, a, '2024-03-03', 'rent', '10'), tx(f, b, '2024-03-03', 'rent', '20')]),
    );
    const period = { from: '2024-03-01', to: '2024-03-31' };
    expect(await ctx.repo.monthlyTotals({ portfolioId: p1.id, ...period })).toEqual(
      rows([[a, '2024-03', 'income', 'rent', '10.00', 1]]),
    );
    expect(await ctx.repo.monthlyTotals({ portfolioId: p2.id, ...period })).toEqual(
      rows([[b, '2024-03', 'income', 'rent', '20.00', 1]]),
    );
  });

  t.test('totals.empty', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const p = f.property(portfolio);
    await seed(ctx.repo, put('portfolio', portfolio), put('property', p));
    const query = { portfolioId: portfolio.id, from: '2024-01-01', to: '2024-12-31' };
    expect(await ctx.repo.monthlyTotals(query)).toEqual([]);
    await seed(ctx.repo, put('transaction', tx(f, p, '2023-06-01', 'rent', '5')));
    expect(await ctx.repo.monthlyTotals(query)).toEqual([]);
    expect(await ctx.repo.monthlyTotals({ ...query, granularity: 'kind' })).toEqual([]);
    expect(
      await ctx.repo.monthlyTotals({ portfolioId: ctx.f.id(), from: '2023-01-01', to: '2023-12-31' }),
    ).toEqual([]);
  });
}
