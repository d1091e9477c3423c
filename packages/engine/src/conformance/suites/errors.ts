/**
 * Error translation: duplicate ids and every `UNIQUE_KEYS` violation are `ConflictError`s (with the driver's error
 * as `cause` for adapters with a driver); a failed write leaves storage as it was.
 * @module
 */
import { expect } from 'vitest';
import {
  expectUniqueConflict,
  listAll,
  put,
  putMany,
  seed,
  sortByDateId,
  sortById,
} from '../expectations.js';
import type { ConformanceRegistrar } from '../harness.js';

/** Registers the `errors.*` tests. */
export function errorTests(t: ConformanceRegistrar): void {
  t.test('errors.duplicate-id', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const transaction = f.transaction(property);
    await seed(repo, put('portfolio', portfolio), put('property', property), put('transaction', transaction));
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.insert('portfolio', f.portfolio({ id: portfolio.id, name: 'Twin' }))),
      'insert portfolio with an existing id',
    );
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.insert('property', f.property(portfolio, { id: property.id }))),
      'insert property with an existing id',
    );
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insert('transaction', f.transaction(property, { id: transaction.id, amount: '1' })),
      ),
      'insert transaction with an existing id',
    );
    expect(await repo.get('portfolio', portfolio.id)).toEqual(portfolio);
    expect(await repo.get('property', property.id)).toEqual(property);
    expect(await repo.get('transaction', transaction.id)).toEqual(transaction);
  });

  t.test('errors.duplicate-id-insert-many', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const existing = f.transaction(property);
    await seed(repo, put('portfolio', portfolio), put('property', property), put('transaction', existing));
    const fresh = [f.transaction(property), f.transaction(property)];
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insertMany('transaction', [...fresh, f.transaction(property, { id: existing.id, amount: '2' })]),
      ),
      'insertMany with an id already stored',
    );
    const [one] = fresh;
    if (!one) throw new Error('fixtures');
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insertMany('transaction', [one, f.transaction(property), f.transaction(property, { id: one.id })]),
      ),
      'insertMany repeating an id within the batch',
    );
    expect(await listAll(repo, 'transaction')).toEqual([existing]);
  });

  t.test('errors.unique-transaction-external-id', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const [a, b] = [f.property(portfolio), f.property(portfolio)];
    const first = f.transaction(a, { source: 'import', externalId: 'FITID-1' });
    await seed(repo, put('portfolio', portfolio), putMany('property', [a, b]), put('transaction', first));
    // Same portfolio, source and externalId: a conflict even on another property and date.
    const twin = f.transaction(b, {
      source: 'import',
      externalId: 'FITID-1',
      date: '2024-06-01',
      amount: '-3',
    });
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.insert('transaction', twin)),
      'insert',
    );
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.insertMany('transaction', [f.transaction(a), twin])),
      'insertMany against a stored key',
    );
    const x = f.transaction(a, { source: 'import', externalId: 'FITID-2' });
    const y = f.transaction(b, { source: 'import', externalId: 'FITID-2' });
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.insertMany('transaction', [x, y])),
      'insertMany repeating a key within the batch',
    );
    expect(await listAll(repo, 'transaction')).toEqual([first]);
  });

  t.test('errors.unique-category-key', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const category = f.category(portfolio, { key: 'pool_service' });
    await seed(repo, put('portfolio', portfolio), put('category', category));
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insert(
          'category',
          f.category(portfolio, { key: 'pool_service', name: 'Other name', kind: 'income' }),
        ),
      ),
      'insert category with a key already used in the portfolio',
    );
    expect(await listAll(repo, 'category')).toEqual([category]);
  });

  t.test('errors.unique-user-email', async (ctx) => {
    const { f, repo } = ctx;
    const user = f.user({ email: 'same@example.com' });
    await seed(repo, put('user', user));
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insert('user', f.user({ email: 'same@example.com', name: 'Someone else' })),
      ),
      'insert user with an email already used',
    );
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insertMany('user', [f.user({ email: 'x@example.com' }), f.user({ email: 'x@example.com' })]),
      ),
      'insertMany repeating an email',
    );
    expect(await listAll(repo, 'user')).toEqual([user]);
  });

  t.test('errors.unique-role-assignment', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const user = f.user();
    const role = f.roleAssignment(portfolio, user, { role: 'viewer' });
    await seed(repo, put('portfolio', portfolio), put('user', user), put('roleAssignment', role));
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) =>
        tx.insert('roleAssignment', f.roleAssignment(portfolio, user, { role: 'owner' })),
      ),
      'insert a second role of the same user in the same portfolio',
    );
    expect(await listAll(repo, 'roleAssignment')).toEqual([role]);
  });

  t.test('errors.unique-on-update', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const alice = f.user({ email: 'alice@example.com' });
    const bob = f.user({ email: 'bob@example.com' });
    const t1 = f.transaction(property, { source: 'import', externalId: 'A' });
    const t2 = f.transaction(property, { source: 'import', externalId: null });
    await seed(
      repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('user', [alice, bob]),
      putMany('transaction', [t1, t2]),
    );
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.update('user', f.next('user', bob, { email: 'alice@example.com' }), 1)),
      'update user to an email another user has',
    );
    await expectUniqueConflict(
      ctx,
      repo.transaction((tx) => tx.update('transaction', f.next('transaction', t2, { externalId: 'A' }), 1)),
      'update transaction to an externalId another transaction has',
    );
    // Updating a record without changing its own key is no conflict.
    const renamed = f.next('user', alice, { name: 'Alice Renamed' });
    await repo.transaction((tx) => tx.update('user', renamed, 1));
    expect(sortById(await listAll(repo, 'user'))).toEqual(sortById([renamed, bob]));
    expect(sortByDateId(await listAll(repo, 'transaction'))).toEqual(sortByDateId([t1, t2]));
  });

  t.test('errors.unique-null-not-constraining', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const manual = Array.from({ length: 3 }, () =>
      f.transaction(property, { source: 'manual', externalId: null }),
    );
    const imported = Array.from({ length: 2 }, () =>
      f.transaction(property, { source: 'import', externalId: null }),
    );
    const erased = [f.user(), f.user()].map((user) => f.with('user', user, { email: null, erasedAt: f.now }));
    await seed(
      repo,
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', [...manual, ...imported]),
      putMany('user', erased),
    );
    expect(await listAll(repo, 'transaction')).toHaveLength(5);
    expect(sortById(await listAll(repo, 'user'))).toEqual(sortById(erased));
  });

  t.test('errors.unique-scoped', async (ctx) => {
    const { f, repo } = ctx;
    const [p1, p2] = [f.portfolio(), f.portfolio()];
    const [a, b] = [f.property(p1), f.property(p2)];
    const user = f.user();
    const records = {
      transactions: [
        f.transaction(a, { source: 'import', externalId: 'SAME' }),
        f.transaction(a, { source: 'recurring', externalId: 'SAME' }),
        f.transaction(b, { source: 'import', externalId: 'SAME' }),
      ],
      categories: [f.category(p1, { key: 'same_key' }), f.category(p2, { key: 'same_key' })],
      roles: [f.roleAssignment(p1, user), f.roleAssignment(p2, user)],
    };
    await seed(
      repo,
      putMany('portfolio', [p1, p2]),
      putMany('property', [a, b]),
      put('user', user),
      putMany('transaction', records.transactions),
      putMany('category', records.categories),
      putMany('roleAssignment', records.roles),
    );
    expect(sortByDateId(await listAll(repo, 'transaction'))).toEqual(sortByDateId(records.transactions));
    expect(sortById(await listAll(repo, 'category'))).toEqual(sortById(records.categories));
    expect(sortById(await listAll(repo, 'roleAssignment'))).toEqual(sortById(records.roles));
  });

  t.test('errors.unique-freed', async (ctx) => {
    const { f, repo } = ctx;
    const portfolio = f.portfolio();
    const category = f.category(portfolio, { key: 'reused' });
    const user = f.user({ email: 'old@example.com' });
    await seed(repo, put('portfolio', portfolio), put('category', category), put('user', user));
    await repo.transaction(async (tx) => {
      await tx.delete('category', category.id, 1);
      await tx.update('user', f.next('user', user, { email: 'new@example.com' }), 1);
    });
    const again = f.category(portfolio, { key: 'reused' });
    const newcomer = f.user({ email: 'old@example.com' });
    await seed(repo, put('category', again), put('user', newcomer));
    expect(await listAll(repo, 'category')).toEqual([again]);
    expect(await repo.get('user', newcomer.id)).toEqual(newcomer);
    // The freed key is taken again within one unit of work as well.
    const third = f.category(portfolio, { key: 'reused' });
    await repo.transaction(async (tx) => {
      await tx.delete('category', again.id, 1);
      await tx.insert('category', third);
    });
    expect(await listAll(repo, 'category')).toEqual([third]);
  });
}
