/**
 * Pagination stability: every record once, in order, with any limit, while records come and go.
 * @module
 */
import { expect } from 'vitest';
import type { ListQuery, Page, RecordOf, RecordType } from '../../ports/repository.js';
import { compareStrings, put, putMany, seed, sortByDateId, sortById, walkPages } from '../expectations.js';
import type { FixtureFactory } from '../fixtures.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

/** Checks the shape of a complete walk: full pages, then one non-empty last page (or a single empty one). */
function expectWellFormedWalk<T>(pages: readonly Page<T>[], limit: number, what: string): void {
  pages.forEach((page, index) => {
    const last = index === pages.length - 1;
    expect(page.nextCursor === null, `${what}: only the last page has a null nextCursor`).toBe(last);
    if (!last) expect(page.items.length, `${what}: page ${index + 1} is full`).toBe(limit);
    else if (pages.length > 1)
      expect(page.items.length, `${what}: the last page is not empty`).toBeGreaterThan(0);
  });
}

async function walk<K extends RecordType>(
  ctx: ConformanceTestContext,
  type: K,
  query: ListQuery<K>,
  limit: number,
) {
  return walkPages((cursor) => ctx.repo.list(type, { ...query, limit, cursor }));
}

const DATES = ['2024-01-01', '2024-01-02', '2024-01-02', '2024-01-02', '2024-02-15', '2024-03-31'];

function transactionsOn(f: FixtureFactory, property: RecordOf<'property'>, count: number) {
  return Array.from({ length: count }, (_, i) =>
    f.transaction(property, { date: DATES[i % DATES.length] ?? '2024-01-01', amount: `${i}.00` }),
  );
}

function dateIdKey(record: { date: string; id: string }): string {
  return `${record.date}|${record.id}`;
}

/** Registers the `paging.*` tests. */
export function pagingTests(t: ConformanceRegistrar): void {
  t.test('paging.walk-limits', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const properties = Array.from({ length: 11 }, () => f.property(portfolio));
    const [first] = properties;
    if (!first) throw new Error('fixtures');
    const transactions = transactionsOn(f, first, 23);
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      putMany('property', properties),
      putMany('transaction', transactions),
    );
    for (let limit = 1; limit <= 7; limit++) {
      const txPages = await walk(ctx, 'transaction', {}, limit);
      expectWellFormedWalk(txPages, limit, `transactions, limit ${limit}`);
      expect(
        txPages.flatMap((page) => page.items),
        `transactions, limit ${limit}`,
      ).toEqual(sortByDateId(transactions));
      const propertyPages = await walk(ctx, 'property', {}, limit);
      expectWellFormedWalk(propertyPages, limit, `properties, limit ${limit}`);
      expect(
        propertyPages.flatMap((page) => page.items),
        `properties, limit ${limit}`,
      ).toEqual(sortById(properties));
    }
    // A limit that divides the count exactly still ends with a null cursor on the last full page.
    const exact = await walk(ctx, 'property', {}, 11);
    expect(exact).toHaveLength(1);
    expect(exact[0]?.nextCursor).toBeNull();
  });

  t.test('paging.stable-under-inserts', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const original = transactionsOn(f, property, 20);
    const users = Array.from({ length: 12 }, () => f.user());
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', original),
      putMany('user', users),
    );

    // Dated order: new records land before, at and after the cursor position.
    const seen: RecordOf<'transaction'>[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: Page<RecordOf<'transaction'>> = await ctx.repo.list('transaction', { limit: 3, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
      // One record before everything, one after everything, one on the date of the last record seen.
      const atCursor = page.items.at(-1)?.date ?? '2024-01-01';
      const extra = ['2023-12-01', '2024-12-31', atCursor].map((date) =>
        f.transaction(property, { date, amount: `-${round}.50` }),
      );
      await seed(ctx.repo, putMany('transaction', extra));
      round++;
    } while (cursor !== null && round < 100);
    expect(cursor, 'the walk ends').toBeNull();
    const keys = seen.map(dateIdKey);
    expect(new Set(keys).size, 'no transaction visited twice').toBe(keys.length);
    for (const record of original)
      expect(keys, 'every original transaction visited').toContain(dateIdKey(record));
    expect(seen, 'visited in (date, id) order').toEqual(sortByDateId(seen));

    // Id order: new users with ids on both sides of the cursor.
    const seenUsers: RecordOf<'user'>[] = [];
    cursor = null;
    round = 0;
    do {
      const page: Page<RecordOf<'user'>> = await ctx.repo.list('user', { limit: 3, cursor });
      seenUsers.push(...page.items);
      cursor = page.nextCursor;
      await seed(ctx.repo, putMany('user', [f.user(), f.user()]));
      round++;
    } while (cursor !== null && round < 100);
    expect(cursor, 'the walk ends').toBeNull();
    const ids = seenUsers.map((user) => user.id);
    expect(new Set(ids).size, 'no user visited twice').toBe(ids.length);
    for (const user of users) expect(ids, 'every original user visited').toContain(user.id);
    expect(ids, 'visited in id order').toEqual([...ids].sort(compareStrings));
  });

  t.test('paging.stable-under-deletes', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const original = transactionsOn(f, property, 30);
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', original),
    );
    const sorted = sortByDateId(original);
    const deleted = new Set<string>();
    const seen: RecordOf<'transaction'>[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const page: Page<RecordOf<'transaction'>> = await ctx.repo.list('transaction', { limit: 4, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
      // Delete the record the cursor points after, one already seen, and one not seen yet.
      const seenIds = new Set(seen.map((record) => record.id));
      const victims = [
        page.items.at(-1),
        seen.find((record) => !deleted.has(record.id)),
        sorted.find((record) => !seenIds.has(record.id) && !deleted.has(record.id)),
      ].filter(
        (record): record is RecordOf<'transaction'> => record !== undefined && !deleted.has(record.id),
      );
      const unique = [...new Map(victims.map((record) => [record.id, record])).values()];
      await ctx.repo.transaction(async (tx) => {
        for (const victim of unique) await tx.delete('transaction', victim.id, victim.version);
      });
      for (const victim of unique) deleted.add(victim.id);
      rounds++;
    } while (cursor !== null && rounds < 100);
    expect(cursor, 'the walk ends').toBeNull();
    const ids = seen.map((record) => record.id);
    expect(new Set(ids).size, 'no transaction visited twice').toBe(ids.length);
    for (const record of original) {
      if (!deleted.has(record.id)) expect(ids, 'every surviving transaction visited').toContain(record.id);
    }
    expect(seen, 'visited in (date, id) order').toEqual(sortByDateId(seen));
  });

  t.test('paging.filters-with-paging', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const a = f.property(portfolio);
    const b = f.property(portfolio, { status: 'sold', saleDate: '2024-06-30', salePrice: '1' });
    const more = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0
        ? f.property(portfolio)
        : f.property(portfolio, { status: 'sold', saleDate: '2024-06-30', salePrice: '1' }),
    );
    const transactions = [
      ...transactionsOn(f, a, 14),
      ...transactionsOn(f, b, 9),
      ...Array.from({ length: 8 }, (_, i) =>
        f.transaction(a, {
          date: DATES[i % DATES.length] ?? '2024-01-01',
          category: 'repairs',
          amount: '-1',
        }),
      ),
    ];
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      putMany('property', [a, b, ...more]),
      putMany('transaction', transactions),
    );
    const allProperties = [a, b, ...more];
    for (let limit = 1; limit <= 4; limit++) {
      const byProperty = await walk(ctx, 'transaction', { where: { propertyId: a.id } }, limit);
      expectWellFormedWalk(byProperty, limit, `propertyId, limit ${limit}`);
      expect(byProperty.flatMap((page) => page.items)).toEqual(
        sortByDateId(transactions.filter((x) => x.propertyId === a.id)),
      );
      const ranged = await walk(
        ctx,
        'transaction',
        { where: { propertyId: a.id, kind: 'income' }, dateFrom: '2024-01-02', dateTo: '2024-02-15' },
        limit,
      );
      expect(
        ranged.flatMap((page) => page.items),
        `filters and dates, limit ${limit}`,
      ).toEqual(
        sortByDateId(
          transactions.filter(
            (x) =>
              x.propertyId === a.id &&
              x.kind === 'income' &&
              x.date >= '2024-01-02' &&
              x.date <= '2024-02-15',
          ),
        ),
      );
      const sold = await walk(
        ctx,
        'property',
        { where: { portfolioId: portfolio.id, status: 'sold' } },
        limit,
      );
      expectWellFormedWalk(sold, limit, `sold properties, limit ${limit}`);
      expect(sold.flatMap((page) => page.items)).toEqual(
        sortById(allProperties.filter((p) => p.status === 'sold')),
      );
    }
  });
}
