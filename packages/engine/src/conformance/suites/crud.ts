/**
 * get / insert / insertMany / update / delete of every entity type.
 * @module
 */
import { expect } from 'vitest';
import { listAll, put, putMany, seed, sortById } from '../expectations.js';
import type { ConformanceRegistrar } from '../harness.js';
import { insertEntries, richWorld } from '../world.js';

/** Registers the `crud.*` tests. */
export function crudTests(t: ConformanceRegistrar): void {
  t.test('crud.insert-get', async (ctx) => {
    const world = richWorld(ctx.f);
    await insertEntries(ctx.repo, world.entries);
    for (const entry of world.entries) {
      const got = await ctx.repo.get(entry.type, entry.record.id);
      expect(got, `get ${entry.type}`).toEqual(entry.record);
      expect(await ctx.stored(entry.type, entry.record.id), `stored ${entry.type}`).not.toBeNull();
    }
  });

  t.test('crud.get-missing', async (ctx) => {
    const portfolio = ctx.f.portfolio();
    await seed(ctx.repo, put('portfolio', portfolio));
    expect(await ctx.repo.get('portfolio', ctx.f.id())).toBeNull();
    expect(await ctx.repo.get('property', portfolio.id)).toBeNull();
    expect(await ctx.repo.get('transaction', ctx.f.id())).toBeNull();
    expect(await ctx.repo.get('user', ctx.f.id())).toBeNull();
  });

  t.test('crud.insert-many', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const properties = [f.property(portfolio), f.property(portfolio), f.property(portfolio)];
    const [first, second] = properties;
    if (!first || !second) throw new Error('fixtures');
    const transactions = Array.from({ length: 25 }, (_, i) =>
      f.transaction(i % 2 === 0 ? first : second, {
        date: `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    );
    const users = [f.user(), f.user()];
    await seed(
      ctx.repo,
      put('portfolio', portfolio),
      putMany('property', properties),
      putMany('transaction', transactions),
      putMany('user', users),
    );
    expect(sortById(await listAll(ctx.repo, 'property'))).toEqual(sortById(properties));
    expect(sortById(await listAll(ctx.repo, 'transaction'))).toEqual(sortById(transactions));
    expect(sortById(await listAll(ctx.repo, 'user'))).toEqual(sortById(users));
    for (const transaction of transactions) {
      expect(await ctx.repo.get('transaction', transaction.id)).toEqual(transaction);
    }
  });

  t.test('crud.insert-many-empty', async (ctx) => {
    await ctx.repo.transaction(async (tx) => {
      await tx.insertMany('transaction', []);
      await tx.insertMany('portfolio', []);
    });
    expect((await ctx.repo.list('transaction')).items).toEqual([]);
  });

  t.test('crud.update', async (ctx) => {
    const { f } = ctx;
    const world = richWorld(f);
    await insertEntries(ctx.repo, world.entries);
    const portfolio = f.next('portfolio', world.portfolio, { name: 'Renamed', fiscalYearStartMonth: 7 });
    const property = f.next('property', world.property, {
      status: 'sold',
      saleDate: '2024-12-30',
      salePrice: '500000.10',
      location: null,
      notes: null,
    });
    const unit = f.next('unit', world.unit, { status: 'vacant', marketRent: '1650.99', sqft: null });
    const lease = f.lease(unit, { endDate: null });
    const loan = f.loan(property);
    const transaction = f.transaction(property);
    const category = f.category(world.portfolio);
    const alert = f.alert(world.portfolio);
    const user = f.user();
    const role = f.roleAssignment(world.portfolio, user);
    await seed(
      ctx.repo,
      put('lease', lease),
      put('loan', loan),
      put('transaction', transaction),
      put('category', category),
      put('alert', alert),
      put('user', user),
      put('roleAssignment', role),
    );
    const updates = {
      lease: f.next('lease', lease, { status: 'terminated', terminationDate: '2024-06-30', rent: '0' }),
      loan: f.next('loan', loan, { status: 'paid_off', payoffDate: '2024-05-01', archivedAt: f.now }),
      transaction: f.next('transaction', transaction, {
        amount: '-0.01',
        category: 'repairs',
        kind: 'operating_expense',
      }),
      category: f.next('category', category, { name: 'Renamed category', scheduleELine: null }),
      alert: f.next('alert', alert, { status: 'resolved', resolvedAt: f.now, resolution: 'manual' }),
      user: f.next('user', user, { email: 'new.address@example.com' }),
      roleAssignment: f.next('roleAssignment', role, { role: 'owner' }),
    };
    await ctx.repo.transaction(async (tx) => {
      await tx.update('portfolio', portfolio, 1);
      await tx.update('property', property, 1);
      await tx.update('unit', unit, 1);
      await tx.update('lease', updates.lease, 1);
      await tx.update('loan', updates.loan, 1);
      await tx.update('transaction', updates.transaction, 1);
      await tx.update('category', updates.category, 1);
      await tx.update('alert', updates.alert, 1);
      await tx.update('user', updates.user, 1);
      await tx.update('roleAssignment', updates.roleAssignment, 1);
    });
    expect(await ctx.repo.get('portfolio', portfolio.id)).toEqual(portfolio);
    expect(await ctx.repo.get('property', property.id)).toEqual(property);
    expect(await ctx.repo.get('unit', unit.id)).toEqual(unit);
    expect(await ctx.repo.get('lease', lease.id)).toEqual(updates.lease);
    expect(await ctx.repo.get('loan', loan.id)).toEqual(updates.loan);
    expect(await ctx.repo.get('transaction', transaction.id)).toEqual(updates.transaction);
    expect(await ctx.repo.get('category', category.id)).toEqual(updates.category);
    expect(await ctx.repo.get('alert', alert.id)).toEqual(updates.alert);
    expect(await ctx.repo.get('user', user.id)).toEqual(updates.user);
    expect(await ctx.repo.get('roleAssignment', role.id)).toEqual(updates.roleAssignment);
    // Untouched records stay as they were.
    for (const entry of world.entries.filter((e) => e.type === 'deal' || e.type === 'scenario')) {
      expect(await ctx.repo.get(entry.type, entry.record.id)).toEqual(entry.record);
    }
  });

  t.test('crud.delete', async (ctx) => {
    const world = richWorld(ctx.f);
    await insertEntries(ctx.repo, world.entries);
    // Children before parents, so adapters that enforce foreign keys are satisfied.
    const reversed = [...world.entries].reverse();
    const [kept] = world.entries;
    await ctx.repo.transaction(async (tx) => {
      for (const entry of reversed) {
        if (entry === kept) continue;
        await tx.delete(entry.type, entry.record.id, entry.record.version);
      }
    });
    for (const entry of reversed) {
      if (entry === kept) continue;
      expect(await ctx.repo.get(entry.type, entry.record.id), `get deleted ${entry.type}`).toBeNull();
      expect(await ctx.stored(entry.type, entry.record.id), `stored deleted ${entry.type}`).toBeNull();
      expect((await ctx.repo.list(entry.type)).items, `list ${entry.type}`).toEqual([]);
    }
    if (kept) expect(await ctx.repo.get(kept.type, kept.record.id)).toEqual(kept.record);
  });

  t.test('crud.reinsert-after-delete', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const first = f.transaction(property, { amount: '10' });
    await seed(ctx.repo, put('portfolio', portfolio), put('property', property), put('transaction', first));
    await ctx.repo.transaction((tx) => tx.delete('transaction', first.id, 1));
    const again = f.transaction(property, { id: first.id, amount: '20' });
    await seed(ctx.repo, put('transaction', again));
    expect(await ctx.repo.get('transaction', first.id)).toEqual(again);
  });

  t.test('crud.records-isolated', async (ctx) => {
    const { f } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio, { location: { lat: 1, lng: 2 } });
    const pristine = structuredCopy(property);
    await seed(ctx.repo, put('portfolio', portfolio), put('property', property));
    // Mutating the inserted object must not reach storage.
    property.name = 'mutated after insert';
    property.address.city = 'Mutated';
    const got = await ctx.repo.get('property', property.id);
    expect(got).toEqual(pristine);
    // Mutating a returned object must not reach storage either.
    if (got) {
      got.name = 'mutated after get';
      got.address.city = 'Mutated again';
      if (got.location) got.location.lat = 89;
    }
    expect(await ctx.repo.get('property', pristine.id)).toEqual(pristine);
    const page = await ctx.repo.list('property');
    const listed = page.items[0];
    if (listed) listed.address.line1 = 'mutated after list';
    expect(await ctx.repo.get('property', pristine.id)).toEqual(pristine);
  });
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
