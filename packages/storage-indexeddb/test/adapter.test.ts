/**
 * Behaviour of the IndexedDB adapter beyond the shared conformance suite, on fake-indexeddb: schema migrations,
 * other connections (tabs), atomicity under aborts and quota failures, and what is physically stored.
 */
import 'fake-indexeddb/auto';
import { FILTER_FIELDS, type MonthlyTotalsQuery, type RecordType, type Repository } from '@freehold/engine';
import { createFixtureFactory, put, putMany, seed } from '@freehold/engine/conformance';
import { createMemoryRepository } from '@freehold/engine/memory';
import { IDBFactory, IDBIndex, IDBObjectStore, IDBTransaction } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createIndexedDbRepository,
  deleteIndexedDbDatabase,
  INDEXEDDB_SCHEMA_VERSION,
} from '../src/index.js';
import { openRepository } from '../src/indexeddb-repository.js';
import { MIGRATIONS, type Migration } from '../src/migrations/index.js';
import { openDatabase } from '../src/open-database.js';
import type { RollupBucket } from '../src/rollup.js';
import { readCatalogue } from '../src/store-layout.js';
import { rawGet, rawGetAll, rawOpen, uniqueDatabaseName } from './support/conformance-options.js';
import { ledgerWorld } from './support/worlds.js';

const opened: Repository[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const repo of opened.splice(0)) await repo.close().catch(() => undefined);
});

/** A fresh factory and database name. */
function location() {
  return { factory: new IDBFactory(), name: uniqueDatabaseName('freehold-test') };
}

async function open(
  where: { factory: IDBFactory; name: string },
  extra: Parameters<typeof createIndexedDbRepository>[0] extends infer O ? Partial<O> : never = {},
) {
  const repo = await createIndexedDbRepository({ name: where.name, indexedDB: where.factory, ...extra });
  opened.push(repo);
  return repo;
}

/** Writes `records` straight into object stores of an open database (no adapter involved). */
function rawPut(db: IDBDatabase, records: readonly { store: string; value: unknown }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...new Set(records.map((record) => record.store))], 'readwrite');
    for (const { store, value } of records) tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

/** Both rollup stores, read over a connection of their own. */
async function rollupOf(where: { factory: IDBFactory; name: string }) {
  return {
    years: (await rawGetAll(where, 'transactionYear')) as RollupBucket[],
    months: (await rawGetAll(where, 'transactionMonth')) as RollupBucket[],
  };
}

/** `[byProperty, byMonth]`: per property and month (the default), and merged every other way. */
const GROUPINGS = [
  [true, true],
  [false, true],
  [true, false],
  [false, false],
] as const;

async function expectCode(promise: Promise<unknown>, code: string): Promise<Error> {
  const error = await promise.then(
    () => expect.fail(`expected a rejection with code ${code}`),
    (caught: unknown) => caught,
  );
  expect((error as { code?: unknown }).code, String(error)).toBe(code);
  return error as Error;
}

describe('schema migrations', () => {
  test('migrations are numbered 1…n and the schema version is the last one', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(INDEXEDDB_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  test('upgrades a version-1 database: records kept, monthly rollup and loan events built from them', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f);
    const v1 = await openDatabase({ ...where, migrations: MIGRATIONS.slice(0, 1), blockedTimeoutMs: 1000 });
    expect(v1.version).toBe(1);
    expect(Array.from(v1.objectStoreNames)).not.toContain('transactionYear');
    await rawPut(v1, [
      { store: 'portfolio', value: world.portfolio },
      ...world.properties.map((value) => ({ store: 'property', value })),
      ...world.transactions.map((value) => ({ store: 'transaction', value })),
      ...world.loans.map((value) => ({ store: 'loan', value })),
    ]);
    v1.close();

    const repo = await open(where);
    expect(repo.schemaVersion).toBe(INDEXEDDB_SCHEMA_VERSION);
    const memory = createMemoryRepository({
      data: {
        portfolio: [world.portfolio],
        property: world.properties,
        transaction: world.transactions,
        loan: world.loans,
      },
    });
    const portfolioId = world.portfolio.id;
    for (const [from, to] of [
      ['2023-01-01', '2025-12-31'],
      ['2023-11-01', '2024-10-31'],
      ['2023-11-17', '2024-02-09'],
      ['2024-02-10', '2024-02-20'],
    ] as const) {
      for (const granularity of ['category', 'kind'] as const) {
        const query: MonthlyTotalsQuery = { portfolioId, from, to, granularity };
        expect(await repo.monthlyTotals(query), `${from}…${to} ${granularity}`).toEqual(
          await memory.monthlyTotals(query),
        );
      }
    }
    const events = { portfolioId, from: '2020-01-01', to: '2030-12-31' };
    expect(await repo.loanEventsBetween(events)).toEqual(await memory.loanEventsBetween(events));
    expect((await repo.loanEventsBetween(events)).length).toBeGreaterThan(2);
    for (const transaction of world.transactions.slice(0, 5)) {
      expect(await repo.get('transaction', transaction.id)).toEqual(transaction);
    }
  });

  test('refuses a database written by a newer schema, and leaves it untouched', async () => {
    const where = location();
    const newer = INDEXEDDB_SCHEMA_VERSION + 1;
    await new Promise<void>((resolve, reject) => {
      const req = where.factory.open(where.name, newer);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('future').put({ id: 'keep me' }, 'k');
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const error = await expectCode(
      createIndexedDbRepository({ name: where.name, indexedDB: where.factory }),
      'STORAGE',
    );
    expect(error.message).toContain('newer version');
    expect(error.message).toContain(String(newer));
    const db = await rawOpen(where);
    expect(db.version).toBe(newer);
    expect(Array.from(db.objectStoreNames)).toEqual(['future']);
    db.close();
    expect(await rawGet(where, 'future', 'k')).toEqual({ id: 'keep me' });
  });

  test('a failing migration rolls the whole upgrade back and leaves the database at its old version', async () => {
    const where = location();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const repo = await open(where);
    await seed(repo, put('portfolio', portfolio));
    await repo.close();
    const broken: Migration = {
      version: INDEXEDDB_SCHEMA_VERSION + 1,
      name: '9999-broken',
      up({ db }) {
        db.createObjectStore('half-done');
        throw new Error('boom');
      },
    };
    const error = await expectCode(
      openRepository({ name: where.name, indexedDB: where.factory }, [...MIGRATIONS, broken]),
      'STORAGE',
    );
    expect(error.message).toContain('9999-broken');
    expect((error.cause as Error).message).toBe('boom');
    const db = await rawOpen(where);
    expect(db.version).toBe(INDEXEDDB_SCHEMA_VERSION);
    expect(Array.from(db.objectStoreNames)).not.toContain('half-done');
    db.close();
    const again = await open(where);
    expect(await again.get('portfolio', portfolio.id)).toEqual(portfolio);
  });

  test('every filter field of the port has an index, except the few scanned on purpose', async () => {
    const where = location();
    await (await open(where)).close();
    const db = await rawOpen(where);
    const catalogue = readCatalogue(db, Array.from(db.objectStoreNames));
    db.close();
    // Fields left to the portfolio/property index (low selectivity) or never indexable (null in most records).
    const scanned = new Set([
      'transaction.category',
      'transaction.kind',
      'transaction.source',
      '*.archivedAt',
    ]);
    for (const [type, fields] of Object.entries(FILTER_FIELDS) as [RecordType, readonly string[]][]) {
      for (const field of fields) {
        if (scanned.has(`${type}.${field}`) || scanned.has(`*.${field}`)) continue;
        expect(catalogue.get(type)?.filterIndexes.has(field), `${type}.${field} is indexed`).toBe(true);
      }
    }
  });
});

describe('other connections (tabs)', () => {
  test('closes itself and tells the app when another connection upgrades the database, without blocking it', async () => {
    const where = location();
    const onVersionChange = vi.fn();
    const repo = await open(where, { onVersionChange });
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = where.factory.open(where.name, INDEXEDDB_SCHEMA_VERSION + 1);
      req.onblocked = () => reject(new Error('the upgrade was blocked'));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(upgraded.version).toBe(INDEXEDDB_SCHEMA_VERSION + 1);
    upgraded.close();
    expect(onVersionChange).toHaveBeenCalledWith({
      oldVersion: INDEXEDDB_SCHEMA_VERSION,
      newVersion: INDEXEDDB_SCHEMA_VERSION + 1,
    });
    const error = await expectCode(repo.get('portfolio', 'x'), 'STORAGE');
    expect(error.message).toContain('another tab');
    await expectCode(
      repo.transaction(async () => undefined),
      'STORAGE',
    );
    await repo.close(); // Closing a repository another tab closed is fine.
  });

  test('closes itself when the database is deleted elsewhere', async () => {
    const where = location();
    const onVersionChange = vi.fn();
    await open(where, { onVersionChange });
    await deleteIndexedDbDatabase({ name: where.name, indexedDB: where.factory, blockedTimeoutMs: 1000 });
    expect(onVersionChange).toHaveBeenCalledWith({ oldVersion: INDEXEDDB_SCHEMA_VERSION, newVersion: null });
  });

  test('an upgrade blocked by a connection that never closes fails after blockedTimeoutMs instead of hanging', async () => {
    const where = location();
    await (await open(where)).close();
    const stubborn = await rawOpen(where); // an old tab that ignores versionchange
    const next: Migration = { version: INDEXEDDB_SCHEMA_VERSION + 1, name: '9999-next', up: () => undefined };
    const onBlocked = vi.fn();
    const started = Date.now();
    const error = await expectCode(
      openRepository({ name: where.name, indexedDB: where.factory, onBlocked, blockedTimeoutMs: 150 }, [
        ...MIGRATIONS,
        next,
      ]),
      'STORAGE',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toContain('held open');
    expect(onBlocked).toHaveBeenCalledWith({
      oldVersion: INDEXEDDB_SCHEMA_VERSION,
      newVersion: INDEXEDDB_SCHEMA_VERSION + 1,
    });
    stubborn.close();
  });

  test('two repositories on one database (two tabs) detect each other’s concurrent updates', async () => {
    const where = location();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const tabA = await open(where);
    const tabB = await open(where);
    await seed(tabA, put('portfolio', portfolio));
    expect(await tabB.get('portfolio', portfolio.id)).toEqual(portfolio);
    const renamed = (name: string) => f.next('portfolio', portfolio, { name });
    const outcomes = await Promise.allSettled([
      tabA.transaction((tx) => tx.update('portfolio', renamed('A'), 1)),
      tabB.transaction((tx) => tx.update('portfolio', renamed('B'), 1)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason.code).toBe('CONFLICT');
  });
});

describe('atomicity', () => {
  test('an abort at commit (the quota ran out) is a StorageError, and nothing is written', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f, { properties: 1, months: 2, perMonth: 3 });
    const repo = await open(where);
    await seed(repo, put('portfolio', world.portfolio), putMany('property', world.properties));
    const commit = IDBTransaction.prototype.commit;
    vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementationOnce(function (this: IDBTransaction) {
      // What a browser does when the disk quota is exceeded while committing.
      (this as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    });
    const error = await expectCode(
      repo.transaction(async (tx) => {
        await tx.insertMany('transaction', world.transactions);
        await tx.appendAudit(f.auditEntry({ portfolioId: world.portfolio.id }));
      }),
      'STORAGE',
    );
    expect(error.message).toContain('quota');
    expect(commit).toBeTypeOf('function');
    expect((await repo.list('transaction')).items).toEqual([]);
    expect((await repo.listAudit()).items).toEqual([]);
    expect(await rollupOf(where)).toEqual({ years: [], months: [] });
  });

  test('a write refused for lack of quota is a StorageError, and the unit of work writes nothing', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f, { properties: 1, months: 1, perMonth: 2 });
    const repo = await open(where);
    await seed(repo, put('portfolio', world.portfolio), putMany('property', world.properties));
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'auditEntry')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    });
    const error = await expectCode(
      repo.transaction(async (tx) => {
        await tx.insertMany('transaction', world.transactions);
        await tx.appendAudit(f.auditEntry({ portfolioId: world.portfolio.id }));
      }),
      'STORAGE',
    );
    expect(error.message).toContain('quota');
    expect(error.cause).toBeInstanceOf(DOMException);
    vi.restoreAllMocks();
    expect((await repo.list('transaction')).items).toEqual([]);
    expect(await rollupOf(where)).toEqual({ years: [], months: [] });
  });

  test('a conflict in insertMany leaves the monthly rollup as it was', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f, { properties: 1, months: 2, perMonth: 3 });
    const [kept, ...rest] = world.transactions;
    if (!kept) throw new Error('no transactions');
    const repo = await open(where);
    await seed(
      repo,
      put('portfolio', world.portfolio),
      putMany('property', world.properties),
      put('transaction', kept),
    );
    const before = await rollupOf(where);
    await expectCode(
      repo.transaction((tx) => tx.insertMany('transaction', [...rest, kept])),
      'CONFLICT',
    );
    expect(await rollupOf(where)).toEqual(before);
    expect((await repo.list('transaction')).items).toEqual([kept]);
  });

  test('a unit of work that awaits something else fails with a StorageError instead of hanging', async () => {
    const where = location();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const repo = await open(where);
    const error = await expectCode(
      repo.transaction(async (tx) => {
        await tx.insert('portfolio', portfolio);
        await new Promise((resolve) => setTimeout(resolve, 20)); // not allowed: IndexedDB commits here
        await tx.insert('property', f.property(portfolio));
      }),
      'STORAGE',
    );
    expect(error.message).toMatch(/committed|no longer active/);
    // The write before the timer was committed by IndexedDB itself; the error says so.
    expect(await repo.get('portfolio', portfolio.id)).toEqual(portfolio);
  });

  test('an amount with more decimals than any currency is refused before anything is written', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f, { properties: 1, months: 1, perMonth: 1 });
    const repo = await open(where);
    await seed(repo, put('portfolio', world.portfolio), putMany('property', world.properties));
    const [transaction] = world.transactions;
    if (!transaction) throw new Error('no transaction');
    await expectCode(
      repo.transaction((tx) => tx.insert('transaction', { ...transaction, amount: '1.2345' })),
      'VALIDATION',
    );
    expect((await repo.list('transaction')).items).toEqual([]);
  });
});

describe('what is stored', () => {
  test('records are stored exactly as they crossed the port; the rollup holds exact integer thousandths', async () => {
    const where = location();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const a = f.transaction(property, { date: '2024-03-05', amount: '1234567.89', category: 'rent' });
    const b = f.transaction(property, { date: '2024-03-30', amount: '-0.01', category: 'rent' });
    const repo = await open(where);
    await seed(repo, put('portfolio', portfolio), put('property', property), putMany('transaction', [a, b]));
    expect(await rawGet(where, 'transaction', a.id)).toStrictEqual(a);
    const { years, months } = await rollupOf(where);
    // Lines: [slot, pair, thousandths, count, amounts with more than 0 / 1 / 2 decimals].
    expect(years).toEqual([
      {
        portfolioId: portfolio.id,
        propertyId: property.id,
        period: '2024',
        kinds: ['income'],
        categories: ['rent'],
        cells: [3, 0, 1_234_567_880, 2, 2, 2, 0],
      },
    ]);
    expect(months).toEqual([
      {
        portfolioId: portfolio.id,
        propertyId: property.id,
        period: '2024-03',
        kinds: ['income'],
        categories: ['rent'],
        cells: [5, 0, 1_234_567_890, 1, 1, 1, 0, 30, 0, -10, 1, 1, 1, 0],
      },
    ]);
  });

  test('stored amounts finer than the portfolio currency make monthlyTotals fail as the reference does', async () => {
    const where = location();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const transaction = f.transaction(property, { date: '2024-03-05', amount: '12.50', category: 'rent' });
    const repo = await open(where);
    const memory = createMemoryRepository();
    const yen = { ...portfolio, currency: 'JPY' };
    // Written before the portfolio switched to a currency without minor units (never allowed by the services).
    const writes = [put('portfolio', yen), put('property', property), put('transaction', transaction)];
    await seed(repo, ...writes);
    await seed(memory, ...writes);
    for (const [from, to] of [
      ['2024-03-01', '2024-03-31'],
      ['2024-03-02', '2024-03-30'],
    ] as const) {
      const query = { portfolioId: portfolio.id, from, to };
      await expectCode(memory.monthlyTotals(query), 'STORAGE');
      const error = await expectCode(repo.monthlyTotals(query), 'STORAGE');
      expect(error.message).toContain('more than 0 decimals');
    }
  });

  test('totals beyond 2^53 thousandths stay exact, whole months and partial ones', async () => {
    const where = location();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const huge = '90071992547409.91'; // (2^53 − 1) cents
    const transactions = [
      f.transaction(property, { date: '2024-03-05', amount: huge, category: 'rent' }),
      f.transaction(property, { date: '2024-03-25', amount: huge, category: 'rent' }),
      f.transaction(property, { date: '2024-03-26', amount: '0.01', category: 'rent' }),
      f.transaction(property, { date: '2024-04-02', amount: `-${huge}`, category: 'rent' }),
    ];
    const repo = await open(where);
    const memory = createMemoryRepository();
    const writes = [
      put('portfolio', portfolio),
      put('property', property),
      putMany('transaction', transactions),
    ];
    await seed(repo, ...writes);
    await seed(memory, ...writes);
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2024-03-06', '2024-04-30'],
    ] as const) {
      for (const granularity of ['category', 'kind'] as const) {
        for (const byMonth of [true, false]) {
          const query: MonthlyTotalsQuery = { portfolioId: portfolio.id, from, to, granularity, byMonth };
          expect(await repo.monthlyTotals(query)).toEqual(await memory.monthlyTotals(query));
        }
      }
    }
    const [march] = await repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(march?.total).toBe('180143985094819.83');
  });

  test('monthlyTotals reads the rollup only (whole months from year buckets, partial ones from month buckets)', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f);
    const repo = await open(where);
    await seed(
      repo,
      put('portfolio', world.portfolio),
      putMany('property', world.properties),
      putMany('transaction', world.transactions),
    );
    const touched: string[] = [];
    const storeGetAll = IDBObjectStore.prototype.getAll;
    const indexGetAll = IDBIndex.prototype.getAll;
    const storeCursor = IDBObjectStore.prototype.openCursor;
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
      touched.push(this.name);
      return storeGetAll.apply(this, args);
    });
    vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args) {
      touched.push(this.objectStore.name);
      return indexGetAll.apply(this, args);
    });
    vi.spyOn(IDBObjectStore.prototype, 'openCursor').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      touched.push(this.name);
      return storeCursor.apply(this, args);
    });
    const rows = await repo.monthlyTotals({
      portfolioId: world.portfolio.id,
      from: '2023-01-01',
      to: '2024-12-31',
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(touched).toEqual(['transactionYear']);
    touched.length = 0;
    await repo.monthlyTotals({ portfolioId: world.portfolio.id, from: '2023-11-15', to: '2024-12-10' });
    expect(touched.sort()).toEqual(['transactionMonth', 'transactionMonth', 'transactionYear']);
    touched.length = 0;
    // Bounds that are not calendar dates are compared as strings, over the transactions themselves.
    await repo.monthlyTotals({ portfolioId: world.portfolio.id, from: '2023-11', to: '2024-12-10' });
    expect(touched).toEqual(['transaction']);
  });

  test('monthly totals agree with the memory reference for any date range, across inserts, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(
          fc.record({
            from: fc.date({ min: new Date('2023-09-01'), max: new Date('2025-03-31'), noInvalidDate: true }),
            days: fc.integer({ min: 0, max: 500 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (seedValue, ranges) => {
          const f = createFixtureFactory({ idOffset: seedValue });
          const world = ledgerWorld(f, { properties: 2, months: 8, perMonth: 3 });
          const where = location();
          const repo = await open(where);
          const memory = createMemoryRepository();
          const writes = [
            put('portfolio', world.portfolio),
            putMany('property', world.properties),
            putMany('transaction', world.transactions),
          ];
          await seed(repo, ...writes);
          await seed(memory, ...writes);
          // Move, change and delete a few transactions.
          const changes = world.transactions.filter((_, i) => (i + seedValue) % 5 === 0);
          for (const [i, transaction] of changes.entries()) {
            const unit = async (tx: Parameters<Parameters<Repository['transaction']>[0]>[0]) => {
              if (i % 3 === 0) await tx.delete('transaction', transaction.id, 1);
              else {
                await tx.update(
                  'transaction',
                  f.next('transaction', transaction, {
                    date: `2024-0${1 + (i % 9)}-1${i % 10}`,
                    amount: i % 2 === 0 ? '-17.25' : '1000',
                    category: i % 2 === 0 ? 'utilities' : 'rent',
                    kind: i % 2 === 0 ? 'operating_expense' : 'income',
                  }),
                  1,
                );
              }
            };
            await repo.transaction(unit);
            await memory.transaction(unit);
          }
          for (const { from, days } of ranges) {
            const start = from.toISOString().slice(0, 10);
            const end = new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
            for (const granularity of ['category', 'kind'] as const) {
              // Merged across properties and/or months, partial months included (summed from the day lines).
              for (const [byProperty, byMonth] of GROUPINGS) {
                const query: MonthlyTotalsQuery = {
                  portfolioId: world.portfolio.id,
                  from: start,
                  to: end,
                  granularity,
                  byProperty,
                  byMonth,
                };
                expect(await repo.monthlyTotals(query)).toEqual(await memory.monthlyTotals(query));
                const onlyFirst = { ...query, propertyIds: [world.properties[0]?.id ?? ''] };
                expect(await repo.monthlyTotals(onlyFirst)).toEqual(await memory.monthlyTotals(onlyFirst));
              }
            }
          }
          // Bounds that are not calendar dates: summed from the transactions, merged the same way.
          for (const [byProperty, byMonth] of GROUPINGS) {
            const query: MonthlyTotalsQuery = {
              portfolioId: world.portfolio.id,
              from: '2024-02',
              to: '2024-06-15',
              byProperty,
              byMonth,
            };
            expect(await repo.monthlyTotals(query)).toEqual(await memory.monthlyTotals(query));
          }
          await repo.close();
        },
      ),
      { numRuns: 20 },
    );
  });

  test('a lookup by many externalIds (the import de-duplication) reads only their index ranges', async () => {
    const where = location();
    const f = createFixtureFactory();
    const world = ledgerWorld(f, { properties: 2, months: 12, perMonth: 10 });
    const imported = world.transactions.map((transaction, i) =>
      f.with('transaction', transaction, { source: 'import', externalId: `FIT-${i}` }),
    );
    const repo = await open(where);
    await seed(
      repo,
      put('portfolio', world.portfolio),
      putMany('property', world.properties),
      putMany('transaction', imported),
    );
    const indexGetAll = IDBIndex.prototype.getAll;
    const read: string[] = [];
    vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args) {
      read.push(this.name);
      return indexGetAll.apply(this, args);
    });
    const wanted = ['FIT-3', 'FIT-200', 'FIT-17', 'nope', 'FIT-3'];
    const page = await repo.list('transaction', {
      where: { portfolioId: world.portfolio.id, source: 'import', externalId: wanted },
      limit: 1000,
    });
    expect(page.items.map((item) => item.externalId).sort()).toEqual(['FIT-17', 'FIT-200', 'FIT-3']);
    expect(new Set(read)).toEqual(new Set(['by:externalId']));
    expect(read).toHaveLength(4);
  });

  test('list agrees with the memory reference for random filters, any-of values, nulls and page sizes', async () => {
    const f = createFixtureFactory({ idOffset: 7_000 });
    const portfolio = f.portfolio();
    const other = f.portfolio();
    const properties = [f.property(portfolio), f.property(portfolio), f.property(other)];
    const units = properties.map((property) => f.unit(property));
    const categories = ['rent', 'repairs', 'utilities'] as const;
    // 300 rows: enough that scans with filters no index covers read several growing batches per range.
    const transactions = Array.from({ length: 300 }, (_, i) => {
      const property = properties[i % 3] ?? properties[0];
      const unit = i % 4 === 0 ? null : (units[i % 3]?.id ?? null);
      if (!property) throw new Error('no property');
      return f.transaction(property, {
        date: `2024-0${1 + Math.floor(i / 50)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
        amount: `${i}.50`,
        category: categories[Math.floor(i / 3) % 3] ?? 'rent',
        unitId: unit,
        externalId: i % 5 === 0 ? null : `X-${i}`,
        source: Math.floor(i / 9) % 2 === 0 ? 'import' : 'manual',
      });
    });
    const where = location();
    const repo = await open(where);
    const memory = createMemoryRepository();
    const writes = [
      putMany('portfolio', [portfolio, other]),
      putMany('property', properties),
      putMany('unit', units),
      putMany('transaction', transactions),
    ];
    await seed(repo, ...writes);
    await seed(memory, ...writes);
    const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
    const values = {
      portfolioId: fc.oneof(pick([portfolio.id, other.id]), fc.subarray([portfolio.id, other.id])),
      propertyId: fc.oneof(pick(properties.map((p) => p.id)), fc.subarray(properties.map((p) => p.id))),
      unitId: fc.oneof(
        pick([null, ...units.map((u) => u.id)]),
        fc.subarray([null, ...units.map((u) => u.id)]),
      ),
      category: fc.oneof(pick(categories), fc.subarray([...categories])),
      externalId: fc.oneof(
        pick([null, 'X-1', 'X-2', 'X-3']),
        fc.subarray(
          Array.from({ length: 300 }, (_, i) => `X-${i}`),
          { maxLength: 30 },
        ),
      ),
      source: pick(['import', 'manual'] as const),
    };
    // At most three filters at once: most queries match something, some match rarely (several batches per page).
    const filter = fc
      .tuple(fc.subarray(Object.keys(values) as (keyof typeof values)[], { maxLength: 3 }), fc.record(values))
      .map(([fields, all]) => Object.fromEntries(fields.map((field) => [field, all[field]])));
    let nonEmpty = 0;
    const walk = async (
      reader: Repository,
      query: { where: object; limit: number; dateFrom: string | null; dateTo: string | null },
    ) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Repository['list']>> = await reader.list('transaction', {
          where: query.where,
          limit: query.limit,
          cursor,
          ...(query.dateFrom === null ? {} : { dateFrom: query.dateFrom }),
          ...(query.dateTo === null ? {} : { dateTo: query.dateTo }),
        });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return seen;
    };
    // Rare matches: a page needs several batches of the range.
    for (const rare of [
      { category: 'rent', source: 'manual', externalId: null },
      { category: ['rent'], unitId: null, source: 'import' },
      {
        propertyId: [properties[0]?.id ?? '', properties[1]?.id ?? ''],
        category: 'utilities',
        externalId: null,
      },
    ]) {
      for (const limit of [1, 5, 1000]) {
        const query = { where: rare, limit, dateFrom: null, dateTo: null };
        const expected = await walk(memory, query);
        expect(expected.length).toBeGreaterThan(3);
        expect(await walk(repo, query), JSON.stringify(query)).toEqual(expected);
      }
    }
    await fc.assert(
      fc.asyncProperty(
        filter,
        fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(1000)),
        fc.option(pick(['2024-01-10', '2024-02-19', '2024-03-01'])),
        fc.option(pick(['2024-03-28', '2024-05-01', '2024-06-19'])),
        async (where, limit, dateFrom, dateTo) => {
          const query = { where, limit, dateFrom, dateTo };
          const expected = await walk(memory, query);
          nonEmpty += expected.length > 0 ? 1 : 0;
          expect(await walk(repo, query)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
    expect(nonEmpty).toBeGreaterThan(25);
  });
});
