/**
 * `monthlyTotals`: exact sums per property × month × kind × category, pushed down to the store — and the same
 * sums merged over the properties (`byProperty: false`) and over the months of the range (`byMonth: false`).
 * @module
 */
import { expect } from 'vitest';
import type { CategoryKind } from '../../domain/categories.js';
import type { MonthlyTotal, MonthlyTotalsQuery, RecordOf } from '../../ports/repository.js';
import { compareStrings, expectRejection, put, putMany, seed } from '../expectations.js';
import type { FixtureFactory } from '../fixtures.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

/**
 * Monthly totals in the order `monthlyTotals` returns them: property, month, kind, category (plain strings; a
 * `null` property, month or category sorts as the empty string, i.e. first).
 */
export function sortMonthlyTotals(rows: readonly MonthlyTotal[]): MonthlyTotal[] {
  return [...rows].sort(
    (a, b) =>
      compareStrings(a.propertyId ?? '', b.propertyId ?? '') ||
      compareStrings(a.month ?? '', b.month ?? '') ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.category ?? '', b.category ?? ''),
  );
}

/**
 * A compact expected row: property (null when merged), month (null when merged), kind, category (null for kind
 * granularity), total, count.
 */
type Row = readonly [
  property: { id: string } | null,
  month: string | null,
  kind: CategoryKind,
  category: string | null,
  total: string,
  count: number,
];

function rows(spec: readonly Row[]): MonthlyTotal[] {
  return sortMonthlyTotals(
    spec.map(([property, month, kind, category, total, count]) => ({
      propertyId: property === null ? null : property.id,
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

/** Integer minor units of a total and its number of decimals (`"-12.50"` → -1250n, 2). */
function unitsOf(total: string): { units: bigint; digits: number } {
  const negative = total.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? total.slice(1) : total).split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, digits: fraction.length };
}

function formatUnits(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/**
 * What `byProperty` / `byMonth` must return, derived from the default per-property monthly rows: the rows merged
 * per (property or null, month or null, kind, category), totals summed exactly, counts added.
 */
function mergeTotals(rows: readonly MonthlyTotal[], byProperty: boolean, byMonth: boolean): MonthlyTotal[] {
  const groups = new Map<string, { row: MonthlyTotal; units: bigint; digits: number }>();
  for (const row of rows) {
    const propertyId = byProperty ? row.propertyId : null;
    const month = byMonth ? row.month : null;
    const key = JSON.stringify([propertyId, month, row.kind, row.category]);
    const { units, digits } = unitsOf(row.total);
    const group = groups.get(key);
    if (group) {
      group.units += units;
      group.row.count += row.count;
    } else {
      groups.set(key, { row: { ...row, propertyId, month }, units, digits });
    }
  }
  return sortMonthlyTotals(
    [...groups.values()].map(({ row, units, digits }) => ({ ...row, total: formatUnits(units, digits) })),
  );
}

/** The four combinations of `byProperty` and `byMonth`. */
const MERGE_OPTIONS = [
  { byProperty: true, byMonth: true },
  { byProperty: false, byMonth: true },
  { byProperty: true, byMonth: false },
  { byProperty: false, byMonth: false },
] as const;

/**
 * Portfolio P with properties a, b, c and portfolio Q with property q. Transactions sit on the first and last day
 * of months, on the bounds the tests query (2024-01-15, 2024-03-10) and one day outside them, on 29 February
 * and across the 2023/2024 year end — so a store answering from monthly rollups plus daily rows for the partial
 * months at either end is caught if it takes a partial month whole, drops an edge day, or misplaces a month. The
 * amounts (powers of two, in whole units for a, in cents for b) tell which transactions a total includes.
 */
async function edgeWorld(ctx: ConformanceTestContext) {
  const { f } = ctx;
  const portfolio = f.portfolio();
  const elsewhere = f.portfolio();
  const [a, b, c] = [f.property(portfolio), f.property(portfolio), f.property(portfolio)];
  const q = f.property(elsewhere);
  const transactions = [
    tx(f, a, '2023-11-30', 'rent', '2000.00'),
    tx(f, a, '2023-12-01', 'repairs', '-5.00'),
    tx(f, a, '2023-12-31', 'rent', '1000.00'),
    tx(f, a, '2024-01-01', 'rent', '1.00'),
    tx(f, a, '2024-01-14', 'rent', '2.00'),
    tx(f, a, '2024-01-15', 'rent', '4.00'),
    tx(f, a, '2024-01-31', 'rent', '8.00'),
    tx(f, a, '2024-01-31', 'repairs', '-0.10'),
    tx(f, a, '2024-02-01', 'rent', '16.00'),
    tx(f, a, '2024-02-29', 'rent', '32.00'),
    tx(f, a, '2024-03-01', 'repairs', '-0.20'),
    tx(f, a, '2024-03-10', 'rent', '64.00'),
    tx(f, a, '2024-03-11', 'rent', '128.00'),
    tx(f, a, '2024-03-31', 'rent', '256.00'),
    tx(f, b, '2023-12-30', 'rent', '0.16'),
    tx(f, b, '2024-01-01', 'rent', '0.01'),
    tx(f, b, '2024-01-15', 'insurance', '-0.40'),
    tx(f, b, '2024-01-15', 'rent', '0.02'),
    tx(f, b, '2024-02-01', 'mortgage_interest', '-3.00'),
    tx(f, b, '2024-02-29', 'rent', '0.04'),
    tx(f, b, '2024-03-10', 'insurance', '-0.80'),
    tx(f, b, '2024-03-11', 'insurance', '-1.60'),
    tx(f, b, '2024-04-01', 'rent', '0.08'),
    tx(f, c, '2024-01-15', 'rent', '500.00'),
    tx(f, c, '2024-02-15', 'rent', '500.00'),
    tx(f, c, '2024-03-10', 'rent', '500.00'),
    tx(f, q, '2023-12-31', 'rent', '9000.00'),
    tx(f, q, '2024-01-15', 'rent', '9000.00'),
    tx(f, q, '2024-02-15', 'repairs', '-9000.00'),
    tx(f, q, '2024-03-10', 'rent', '9000.00'),
    tx(f, q, '2024-03-31', 'mortgage_interest', '-9000.00'),
  ];
  await seed(
    ctx.repo,
    putMany('portfolio', [portfolio, elsewhere]),
    putMany('property', [a, b, c, q]),
    putMany('transaction', transactions),
  );
  return { portfolio, elsewhere, a, b, c, q };
}

/** Expects a `ValidationError` whose issues name `field`. */
async function expectFieldError(promise: Promise<unknown>, field: string, what: string): Promise<void> {
  const error = await expectRejection(promise, 'VALIDATION', what);
  const issues = (error as { issues?: readonly { path?: unknown }[] }).issues;
  expect(
    Array.isArray(issues) ? issues.map((issue) => issue.path) : [],
    `${what}: the ValidationError names the field in its issues`,
  ).toContain(field);
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

  t.test('totals.merge-properties', async (ctx) => {
    const { portfolio, a, b } = await edgeWorld(ctx);
    const query = (from: string, to: string, extra: Partial<MonthlyTotalsQuery> = {}) =>
      ctx.repo.monthlyTotals({ portfolioId: portfolio.id, from, to, byProperty: false, ...extra });
    // Whole months: every day of January–March, all three properties.
    expect(await query('2024-01-01', '2024-03-31')).toEqual(
      rows([
        [null, '2024-01', 'income', 'rent', '515.03', 7],
        [null, '2024-01', 'operating_expense', 'insurance', '-0.40', 1],
        [null, '2024-01', 'operating_expense', 'repairs', '-0.10', 1],
        [null, '2024-02', 'debt_service_interest', 'mortgage_interest', '-3.00', 1],
        [null, '2024-02', 'income', 'rent', '548.04', 4],
        [null, '2024-03', 'income', 'rent', '948.00', 4],
        [null, '2024-03', 'operating_expense', 'insurance', '-2.40', 2],
        [null, '2024-03', 'operating_expense', 'repairs', '-0.20', 1],
      ]),
    );
    // Partial months at both ends, a subset of the properties named twice.
    const subset = { propertyIds: [b.id, a.id, b.id] };
    expect(await query('2024-01-15', '2024-03-10', subset)).toEqual(
      rows([
        [null, '2024-01', 'income', 'rent', '12.02', 3],
        [null, '2024-01', 'operating_expense', 'insurance', '-0.40', 1],
        [null, '2024-01', 'operating_expense', 'repairs', '-0.10', 1],
        [null, '2024-02', 'debt_service_interest', 'mortgage_interest', '-3.00', 1],
        [null, '2024-02', 'income', 'rent', '48.04', 3],
        [null, '2024-03', 'income', 'rent', '64.00', 1],
        [null, '2024-03', 'operating_expense', 'insurance', '-0.80', 1],
        [null, '2024-03', 'operating_expense', 'repairs', '-0.20', 1],
      ]),
    );
    expect(await query('2024-01-15', '2024-03-10', { ...subset, granularity: 'kind' })).toEqual(
      rows([
        [null, '2024-01', 'income', null, '12.02', 3],
        [null, '2024-01', 'operating_expense', null, '-0.50', 2],
        [null, '2024-02', 'debt_service_interest', null, '-3.00', 1],
        [null, '2024-02', 'income', null, '48.04', 3],
        [null, '2024-03', 'income', null, '64.00', 1],
        [null, '2024-03', 'operating_expense', null, '-1.00', 2],
      ]),
    );
    // One partial month, from its middle to its last day.
    expect(await query('2024-01-15', '2024-01-31', { granularity: 'kind' })).toEqual(
      rows([
        [null, '2024-01', 'income', null, '512.02', 4],
        [null, '2024-01', 'operating_expense', null, '-0.50', 2],
      ]),
    );
    // `true` is the default.
    const range = { portfolioId: portfolio.id, from: '2024-01-14', to: '2024-03-11' };
    expect(await ctx.repo.monthlyTotals({ ...range, byProperty: true, byMonth: true })).toEqual(
      await ctx.repo.monthlyTotals(range),
    );
  });

  t.test('totals.merge-months', async (ctx) => {
    const { portfolio, a, b, c } = await edgeWorld(ctx);
    const query = (from: string, to: string, extra: Partial<MonthlyTotalsQuery> = {}) =>
      ctx.repo.monthlyTotals({ portfolioId: portfolio.id, from, to, byMonth: false, ...extra });
    // Partial months across the year end: 31 December to 15 January.
    expect(await query('2023-12-31', '2024-01-15')).toEqual(
      rows([
        [a, null, 'income', 'rent', '1007.00', 4],
        [b, null, 'income', 'rent', '0.03', 2],
        [b, null, 'operating_expense', 'insurance', '-0.40', 1],
        [c, null, 'income', 'rent', '500.00', 1],
      ]),
    );
    // Whole months across the year end, kind granularity, two of the properties.
    expect(
      await query('2023-12-01', '2024-03-31', { granularity: 'kind', propertyIds: [a.id, b.id] }),
    ).toEqual(
      rows([
        [a, null, 'income', null, '1511.00', 10],
        [a, null, 'operating_expense', null, '-5.30', 3],
        [b, null, 'debt_service_interest', null, '-3.00', 1],
        [b, null, 'income', null, '0.23', 4],
        [b, null, 'operating_expense', null, '-2.80', 3],
      ]),
    );
    // Partial months at both ends of a three-month range.
    expect(await query('2024-01-15', '2024-03-10', { propertyIds: [c.id, a.id] })).toEqual(
      rows([
        [a, null, 'income', 'rent', '124.00', 5],
        [a, null, 'operating_expense', 'repairs', '-0.30', 2],
        [c, null, 'income', 'rent', '1500.00', 3],
      ]),
    );
  });

  t.test('totals.merge-both', async (ctx) => {
    const { portfolio, a, b } = await edgeWorld(ctx);
    const query = (from: string, to: string, extra: Partial<MonthlyTotalsQuery> = {}) =>
      ctx.repo.monthlyTotals({
        portfolioId: portfolio.id,
        from,
        to,
        byProperty: false,
        byMonth: false,
        ...extra,
      });
    expect(await query('2024-01-15', '2024-03-10')).toEqual(
      rows([
        [null, null, 'debt_service_interest', 'mortgage_interest', '-3.00', 1],
        [null, null, 'income', 'rent', '1624.06', 10],
        [null, null, 'operating_expense', 'insurance', '-1.20', 2],
        [null, null, 'operating_expense', 'repairs', '-0.30', 2],
      ]),
    );
    expect(
      await query('2023-12-31', '2024-04-01', { granularity: 'kind', propertyIds: [a.id, b.id, a.id] }),
    ).toEqual(
      rows([
        [null, null, 'debt_service_interest', null, '-3.00', 1],
        [null, null, 'income', null, '1511.15', 14],
        [null, null, 'operating_expense', null, '-3.10', 5],
      ]),
    );
    expect(await query('2023-12-01', '2024-01-31', { granularity: 'kind' })).toEqual(
      rows([
        [null, null, 'income', null, '1515.19', 9],
        [null, null, 'operating_expense', null, '-5.50', 3],
      ]),
    );
  });

  t.test('totals.merge-scoped', async (ctx) => {
    const { portfolio, elsewhere, a, q } = await edgeWorld(ctx);
    const period = { from: '2023-11-01', to: '2024-04-30' };
    for (const options of MERGE_OPTIONS) {
      const what = JSON.stringify(options);
      expect(
        await ctx.repo.monthlyTotals({
          portfolioId: portfolio.id,
          propertyIds: [q.id],
          ...period,
          ...options,
        }),
        `${what}: a property of another portfolio contributes nothing`,
      ).toEqual([]);
      expect(
        await ctx.repo.monthlyTotals({
          portfolioId: portfolio.id,
          propertyIds: [q.id, a.id],
          ...period,
          ...options,
        }),
        `${what}: a foreign property id next to an own one`,
      ).toEqual(
        await ctx.repo.monthlyTotals({
          portfolioId: portfolio.id,
          propertyIds: [a.id],
          ...period,
          ...options,
        }),
      );
      expect(
        await ctx.repo.monthlyTotals({ portfolioId: ctx.f.id(), ...period, ...options }),
        `${what}: an unknown portfolio`,
      ).toEqual([]);
    }
    const merged = { ...period, granularity: 'kind', byProperty: false } as const;
    expect(await ctx.repo.monthlyTotals({ portfolioId: portfolio.id, ...merged, byMonth: false })).toEqual(
      rows([
        [null, null, 'debt_service_interest', null, '-3.00', 1],
        [null, null, 'income', null, '5011.31', 19],
        [null, null, 'operating_expense', null, '-8.10', 6],
      ]),
    );
    expect(await ctx.repo.monthlyTotals({ portfolioId: elsewhere.id, ...merged })).toEqual(
      rows([
        [null, '2023-12', 'income', null, '9000.00', 1],
        [null, '2024-01', 'income', null, '9000.00', 1],
        [null, '2024-02', 'operating_expense', null, '-9000.00', 1],
        [null, '2024-03', 'debt_service_interest', null, '-9000.00', 1],
        [null, '2024-03', 'income', null, '9000.00', 1],
      ]),
    );
  });

  t.test('totals.merge-currency-digits', async (ctx) => {
    const { f } = ctx;
    const yen = f.portfolio({ currency: 'JPY' });
    const dinar = f.portfolio({ currency: 'KWD' });
    const [tokyo1, tokyo2] = [f.property(yen), f.property(yen)];
    const [kuwait1, kuwait2] = [f.property(dinar), f.property(dinar)];
    await seed(
      ctx.repo,
      putMany('portfolio', [yen, dinar]),
      putMany('property', [tokyo1, tokyo2, kuwait1, kuwait2]),
      putMany('transaction', [
        tx(f, tokyo1, '2024-01-31', 'rent', '150000'),
        tx(f, tokyo2, '2024-02-01', 'rent', '150001'),
        tx(f, tokyo1, '2024-02-29', 'repairs', '-3333'),
        tx(f, tokyo2, '2024-03-01', 'rent', '7'),
        tx(f, kuwait1, '2024-01-05', 'rent', '1.234'),
        tx(f, kuwait2, '2024-01-06', 'rent', '0.001'),
        tx(f, kuwait1, '2024-02-01', 'rent', '-0.005'),
        tx(f, kuwait2, '2024-02-02', 'repairs', '0.500'),
        tx(f, kuwait1, '2024-02-03', 'repairs', '-0.500'),
      ]),
    );
    const period = { from: '2024-01-01', to: '2024-02-29' };
    const totals = (portfolioId: string, extra: Partial<MonthlyTotalsQuery>) =>
      ctx.repo.monthlyTotals({ portfolioId, ...period, ...extra });
    expect(await totals(yen.id, { byProperty: false })).toEqual(
      rows([
        [null, '2024-01', 'income', 'rent', '150000', 1],
        [null, '2024-02', 'income', 'rent', '150001', 1],
        [null, '2024-02', 'operating_expense', 'repairs', '-3333', 1],
      ]),
    );
    expect(await totals(yen.id, { byMonth: false, granularity: 'kind' })).toEqual(
      rows([
        [tokyo1, null, 'income', null, '150000', 1],
        [tokyo1, null, 'operating_expense', null, '-3333', 1],
        [tokyo2, null, 'income', null, '150001', 1],
      ]),
    );
    expect(await totals(yen.id, { byProperty: false, byMonth: false })).toEqual(
      rows([
        [null, null, 'income', 'rent', '300001', 2],
        [null, null, 'operating_expense', 'repairs', '-3333', 1],
      ]),
    );
    expect(await totals(dinar.id, { byProperty: false })).toEqual(
      rows([
        [null, '2024-01', 'income', 'rent', '1.235', 2],
        [null, '2024-02', 'income', 'rent', '-0.005', 1],
        [null, '2024-02', 'operating_expense', 'repairs', '0.000', 2],
      ]),
    );
    expect(await totals(dinar.id, { byMonth: false, granularity: 'kind' })).toEqual(
      rows([
        [kuwait1, null, 'income', null, '1.229', 2],
        [kuwait1, null, 'operating_expense', null, '-0.500', 1],
        [kuwait2, null, 'income', null, '0.001', 1],
        [kuwait2, null, 'operating_expense', null, '0.500', 1],
      ]),
    );
    expect(await totals(dinar.id, { byProperty: false, byMonth: false })).toEqual(
      rows([
        [null, null, 'income', 'rent', '1.230', 3],
        [null, null, 'operating_expense', 'repairs', '0.000', 2],
      ]),
    );
  });

  t.test('totals.merge-options-validated', async (ctx) => {
    const { portfolio } = await edgeWorld(ctx);
    const base = { portfolioId: portfolio.id, from: '2024-01-01', to: '2024-03-31' };
    for (const field of ['byProperty', 'byMonth'] as const) {
      for (const value of ['false', 'true', 0, 1, {}]) {
        for (const other of [true, false]) {
          const otherField = field === 'byProperty' ? 'byMonth' : 'byProperty';
          // A query a caller could only build by escaping the types (plain JavaScript, or data from outside).
          const query = { ...base, [otherField]: other, [field]: value } as unknown as MonthlyTotalsQuery;
          await expectFieldError(
            ctx.repo.monthlyTotals(query),
            field,
            `monthlyTotals with ${field}: ${JSON.stringify(value)}, ${otherField}: ${other}`,
          );
        }
      }
    }
  });

  t.test('totals.merge-cross-check', async (ctx) => {
    const { portfolio, a, b, q } = await edgeWorld(ctx);
    const ranges = [
      ['2023-11-30', '2024-04-01'],
      ['2023-12-01', '2024-03-31'],
      ['2023-12-02', '2024-01-30'],
      ['2023-12-31', '2024-01-01'],
      ['2024-01-01', '2024-03-31'],
      ['2024-01-02', '2024-03-30'],
      ['2024-01-14', '2024-03-11'],
      ['2024-01-15', '2024-03-10'],
      ['2024-01-16', '2024-03-09'],
      ['2024-01-31', '2024-02-01'],
      ['2024-02-01', '2024-02-29'],
      ['2024-02-29', '2024-02-29'],
      ['2024-03-10', '2024-03-10'],
    ] as const;
    const selections = [undefined, [a.id, b.id], [b.id, q.id, b.id]];
    for (const [from, to] of ranges) {
      for (const granularity of ['category', 'kind'] as const) {
        for (const propertyIds of selections) {
          const query = {
            portfolioId: portfolio.id,
            from,
            to,
            granularity,
            ...(propertyIds ? { propertyIds } : {}),
          };
          const perPropertyMonth = await ctx.repo.monthlyTotals(query);
          for (const { byProperty, byMonth } of MERGE_OPTIONS) {
            expect(
              await ctx.repo.monthlyTotals({ ...query, byProperty, byMonth }),
              `${JSON.stringify(query)} with byProperty ${byProperty}, byMonth ${byMonth}`,
            ).toEqual(mergeTotals(perPropertyMonth, byProperty, byMonth));
          }
        }
      }
    }
  });
}
