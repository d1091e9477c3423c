/**
 * `list`: order, filters, date ranges, limits.
 * @module
 */
import { expect } from 'vitest';
import type { ListQuery } from '../../ports/repository.js';
import { expectRejection, listAll, put, putMany, seed, sortByDateId, sortById } from '../expectations.js';
import type { ConformanceRegistrar } from '../harness.js';
import { insertEntries, richWorld } from '../world.js';

/** Registers the `list.*` tests. */
export function listTests(t: ConformanceRegistrar): void {
  t.test('list.all-types', async (ctx) => {
    const world = richWorld(ctx.f);
    await insertEntries(ctx.repo, world.entries);
    const types = [...new Set(world.entries.map((entry) => entry.type))];
    for (const type of types) {
      const expected = world.entries.filter((entry) => entry.type === type).map((entry) => entry.record);
      const page = await ctx.repo.list(type);
      expect(page.nextCursor, `list ${type}: one page`).toBeNull();
      expect(sortById(page.items), `list ${type}`).toEqual(sortById(expected));
    }
  });

  t.test('list.order-by-id', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const properties = Array.from({ length: 12 }, () => f.property(portfolio));
    const users = Array.from({ length: 12 }, () => f.user());
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      putMany('property', properties),
      putMany('user', users),
    );
    expect((await ctx.repo.list('property')).items).toEqual(sortById(properties));
    expect((await ctx.repo.list('user')).items).toEqual(sortById(users));
  });

  t.test('list.order-by-date', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const dates = [
      '2024-03-01',
      '2023-12-31',
      '2024-03-01',
      '2024-01-15',
      '2024-03-01',
      '2025-01-01',
      '2024-01-15',
    ];
    const transactions = dates.map((date) => f.transaction(property, { date }));
    const valuations = dates.map((date) => f.valuation(property, { date }));
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', transactions),
      putMany('valuation', valuations),
    );
    expect((await ctx.repo.list('transaction')).items).toEqual(sortByDateId(transactions));
    expect((await ctx.repo.list('valuation')).items).toEqual(sortByDateId(valuations));
  });

  t.test('list.where-equality', async (ctx) => {
    const { f } = ctx;
    const [p1, p2] = [f.portfolio(), f.portfolio()];
    const a = f.property(p1, { status: 'active' });
    const b = f.property(p1, { status: 'sold', saleDate: '2024-01-01', salePrice: '1' });
    const c = f.property(p2, { status: 'active' });
    const rent = f.transaction(a, { category: 'rent' });
    const repair = f.transaction(a, { category: 'repairs', amount: '-50' });
    const otherRent = f.transaction(b, { category: 'rent' });
    await seed(
      ctx.repo,
      putMany('portfolio', [p1, p2]),
      putMany('property', [a, b, c]),
      putMany('transaction', [rent, repair, otherRent]),
    );
    expect((await ctx.repo.list('property', { where: { portfolioId: p1.id } })).items).toEqual(
      sortById([a, b]),
    );
    expect(
      (await ctx.repo.list('property', { where: { portfolioId: p1.id, status: 'active' } })).items,
    ).toEqual([a]);
    expect((await ctx.repo.list('property', { where: { status: 'active' } })).items).toEqual(
      sortById([a, c]),
    );
    expect(
      (await ctx.repo.list('property', { where: { portfolioId: p2.id, status: 'sold' } })).items,
    ).toEqual([]);
    expect(
      (await ctx.repo.list('transaction', { where: { propertyId: a.id, kind: 'operating_expense' } })).items,
    ).toEqual([repair]);
    expect((await ctx.repo.list('transaction', { where: { category: 'rent' } })).items).toEqual(
      sortByDateId([rent, otherRent]),
    );
  });

  t.test('list.where-any-of', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const alerts = [
      f.alert(portfolio, { priority: 'low' }),
      f.alert(portfolio, { priority: 'high' }),
      f.alert(portfolio, { priority: 'critical' }),
      f.alert(portfolio, { priority: 'medium', propertyId: property.id }),
    ];
    const [low, , critical, scoped] = alerts;
    if (!low || !critical || !scoped) throw new Error('fixtures');
    await seed(ctx.repo, put('portfolio', portfolio), put('property', property), putMany('alert', alerts));
    const page = await ctx.repo.list('alert', { where: { priority: ['low', 'critical'] } });
    expect(page.items).toEqual(sortById([low, critical]));
    const mixed = await ctx.repo.list('alert', {
      where: { priority: ['high', 'medium'], propertyId: [property.id] },
    });
    expect(mixed.items).toEqual([scoped]);
    const withNull = await ctx.repo.list('alert', { where: { propertyId: [null, property.id] } });
    expect(withNull.items).toEqual(sortById(alerts));
  });

  t.test('list.where-null', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const live = f.property(portfolio);
    const archived = f.property(portfolio, { archivedAt: '2024-06-01T00:00:00.000Z', status: 'archived' });
    const manual = f.transaction(live);
    const imported = f.transaction(live, { source: 'import', externalId: 'X-1' });
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      putMany('property', [live, archived]),
      putMany('transaction', [manual, imported]),
    );
    expect((await ctx.repo.list('property', { where: { archivedAt: null } })).items).toEqual([live]);
    expect((await ctx.repo.list('transaction', { where: { externalId: null } })).items).toEqual([manual]);
    expect((await ctx.repo.list('transaction', { where: { externalId: 'X-1' } })).items).toEqual([imported]);
  });

  t.test('list.where-number', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const budgets = [2023, 2024, 2024, 2025].map((year) => f.budget(property, { year }));
    await seed(ctx.repo, put('portfolio', portfolio), put('property', property), putMany('budget', budgets));
    expect((await ctx.repo.list('budget', { where: { year: 2024 } })).items).toEqual(
      sortById(budgets.filter((b) => b.year === 2024)),
    );
    expect((await ctx.repo.list('budget', { where: { year: [2023, 2025] } })).items).toEqual(
      sortById(budgets.filter((b) => b.year !== 2024)),
    );
  });

  t.test('list.date-range', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const dates = ['2023-12-31', '2024-01-01', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01'];
    const transactions = dates.map((date) => f.transaction(property, { date }));
    const valuations = dates.map((date) => f.valuation(property, { date }));
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', transactions),
      putMany('valuation', valuations),
    );
    const inRange = (d: string) => d >= '2024-01-01' && d <= '2024-02-29';
    const query = { dateFrom: '2024-01-01', dateTo: '2024-02-29' };
    expect((await ctx.repo.list('transaction', query)).items).toEqual(
      sortByDateId(transactions.filter((x) => inRange(x.date))),
    );
    expect((await ctx.repo.list('valuation', query)).items).toEqual(
      sortByDateId(valuations.filter((x) => inRange(x.date))),
    );
    expect((await ctx.repo.list('transaction', { dateFrom: '2024-02-29' })).items).toEqual(
      sortByDateId(transactions.filter((x) => x.date >= '2024-02-29')),
    );
    expect((await ctx.repo.list('transaction', { dateTo: '2024-01-01' })).items).toEqual(
      sortByDateId(transactions.filter((x) => x.date <= '2024-01-01')),
    );
    expect(
      (await ctx.repo.list('transaction', { dateFrom: '2024-01-02', dateTo: '2024-01-30' })).items,
    ).toEqual([]);
  });

  t.test('list.unknown-filter-field', async (ctx) => {
    const portfolio = ctx.f.portfolio();
    await seed(ctx.repo, put('portfolio', portfolio), put('property', ctx.f.property(portfolio)));
    // A query a caller could only build by escaping the types (plain JavaScript, or data from outside).
    const byName = { where: { name: 'x' } } as unknown as ListQuery<'property'>;
    await expectRejection(ctx.repo.list('property', byName), 'VALIDATION', 'list property where name');
    const byAmount = { where: { amount: '1.00' } } as unknown as ListQuery<'transaction'>;
    await expectRejection(
      ctx.repo.list('transaction', byAmount),
      'VALIDATION',
      'list transaction where amount',
    );
  });

  t.test('list.default-limit', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const transactions = Array.from({ length: 101 }, (_, i) =>
      f.transaction(property, { amount: `${i}.01` }),
    );
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', transactions),
    );
    const expected = sortByDateId(transactions);
    const first = await ctx.repo.list('transaction');
    expect(first.items).toEqual(expected.slice(0, 100));
    expect(first.nextCursor).not.toBeNull();
    const second = await ctx.repo.list('transaction', { cursor: first.nextCursor });
    expect(second.items).toEqual(expected.slice(100));
    expect(second.nextCursor).toBeNull();
    const all = await ctx.repo.list('transaction', { limit: 1000 });
    expect(all.items).toEqual(expected);
    expect(all.nextCursor).toBeNull();
    expect(await listAll(ctx.repo, 'transaction')).toEqual(expected);
  });

  t.test('list.empty', async (ctx) => {
    const portfolio = ctx.f.portfolio();
    await seed(ctx.repo, put('portfolio', portfolio));
    expect(await ctx.repo.list('property')).toEqual({ items: [], nextCursor: null });
    expect(await ctx.repo.list('portfolio', { where: {}, limit: 5 })).toEqual({
      items: [portfolio],
      nextCursor: null,
    });
    expect(
      await ctx.repo.list('transaction', { dateFrom: '2024-01-01', dateTo: '2024-12-31', limit: 1 }),
    ).toEqual({
      items: [],
      nextCursor: null,
    });
  });
}
