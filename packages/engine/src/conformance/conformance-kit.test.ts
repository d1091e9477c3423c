/**
 * The kit's own tests: broken adapters (the memory adapter with one fault each) must fail the tests meant to catch
 * that fault, and bad options must be refused loudly.
 */
import { describe, expect, test } from 'vitest';
import { createMemoryRepository, memoryBackdoor } from '../memory/index.js';
import type {
  ListQuery,
  MonthlyTotal,
  Page,
  RecordOf,
  RecordType,
  Repository,
  UnitOfWork,
} from '../ports/repository.js';
import { collectConformanceTests } from './describe-repository-conformance.js';
import { listAll, storedHoldsMoney } from './expectations.js';
import { createFixtureFactory } from './fixtures.js';
import { runConformanceTest } from './harness.js';
import type { RepositoryConformanceOptions } from './options.js';
import { CONFORMANCE_TEST_IDS, type ConformanceTestId } from './test-ids.js';

class Skipped extends Error {}

/** Runs conformance test `id` directly against the adapter `options` describe. */
async function runKitTest(
  id: ConformanceTestId,
  options: Partial<RepositoryConformanceOptions>,
): Promise<void> {
  const { resolved, registrar } = collectConformanceTests({
    name: 'kit self-test',
    setup: async () => createMemoryRepository(),
    driverErrors: false,
    numRuns: 40,
    ...options,
  });
  const collected = registrar.collected().find((candidate) => candidate.id === id);
  if (!collected) throw new Error(`no test ${id}`);
  await runConformanceTest(resolved, collected.body, (reason) => {
    throw new Skipped(reason);
  });
}

/** A repository that forwards every call to `inner`. */
function forward(inner: Repository): Repository {
  return {
    capabilities: inner.capabilities,
    get: (type, id) => inner.get(type, id),
    list: (type, query) => inner.list(type, query),
    monthlyTotals: (query) => inner.monthlyTotals(query),
    openAlerts: (query) => inner.openAlerts(query),
    leasesEndingBetween: (query) => inner.leasesEndingBetween(query),
    loanEventsBetween: (query) => inner.loanEventsBetween(query),
    listAudit: (query) => inner.listAudit(query),
    transaction: (work) => inner.transaction(work),
    close: () => inner.close(),
  };
}

/** Sums amounts as binary floats, as an adapter with a REAL column would. */
function floatTotals(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    async monthlyTotals(query) {
      const exact = await inner.monthlyTotals(query);
      const transactions = await listAll(inner, 'transaction');
      const selected = query.propertyIds ? new Set(query.propertyIds) : undefined;
      return exact.map((row): MonthlyTotal => {
        let sum = 0;
        for (const x of transactions) {
          const sameGroup =
            x.portfolioId === query.portfolioId &&
            (selected === undefined || selected.has(x.propertyId)) &&
            (row.propertyId === null || x.propertyId === row.propertyId) &&
            (row.month === null || x.date.startsWith(row.month)) &&
            x.date >= query.from &&
            x.date <= query.to &&
            x.kind === row.kind &&
            (row.category === null || x.category === row.category);
          if (sameGroup) sum += Number(x.amount);
        }
        return { ...row, total: sum.toFixed(2) };
      });
    },
  };
}

/** Ignores `byProperty`: always one row per property. */
function ignoresByProperty(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    monthlyTotals: ({ byProperty: _ignored, ...query }) => inner.monthlyTotals(query),
  };
}

/**
 * Answers merged totals from whole months, as a store would that reads only its monthly rollups and forgets the
 * daily rows of a partial first or last month.
 */
function wholeMonthRollups(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    monthlyTotals(query) {
      if (query.byProperty !== false && query.byMonth !== false) return inner.monthlyTotals(query);
      // Memory compares dates as strings: `-31` is past the last day of every month.
      return inner.monthlyTotals({
        ...query,
        from: `${query.from.slice(0, 7)}-01`,
        to: `${query.to.slice(0, 7)}-31`,
      });
    },
  };
}

/** Pages by offset instead of by key: records inserted or deleted between pages shift the pages. */
function offsetPaging(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    async list<K extends RecordType>(type: K, query: ListQuery<K> = {}): Promise<Page<RecordOf<K>>> {
      const { cursor, limit = 100, ...filters } = query;
      const all = await inner.list(type, { ...filters, limit: 1000 });
      const offset = cursor ? Number(cursor) : 0;
      const items = all.items.slice(offset, offset + limit);
      const next = offset + limit;
      return { items, nextCursor: next < all.items.length ? String(next) : null };
    },
  };
}

/** Treats `dateTo` as exclusive. */
function exclusiveDateTo(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    async list<K extends RecordType>(type: K, query: ListQuery<K> = {}): Promise<Page<RecordOf<K>>> {
      const page = await inner.list(type, query);
      const { dateTo } = query;
      if (dateTo === undefined) return page;
      return { ...page, items: page.items.filter((item) => !('date' in item) || item.date !== dateTo) };
    },
  };
}

/** Orders open alerts by the priority's name instead of its urgency. */
function alphabeticalPriorities(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    async openAlerts(query) {
      const alerts = await inner.openAlerts(query);
      return alerts.sort((a, b) => (a.priority < b.priority ? -1 : a.priority > b.priority ? 1 : 0));
    },
  };
}

/** A unit-of-work object whose writes go to `write` (each its own committed unit) and reads to `reader`. */
function autoCommitTx(inner: Repository): UnitOfWork {
  return {
    get: (type, id) => inner.get(type, id),
    list: (type, query) => inner.list(type, query),
    monthlyTotals: (query) => inner.monthlyTotals(query),
    openAlerts: (query) => inner.openAlerts(query),
    leasesEndingBetween: (query) => inner.leasesEndingBetween(query),
    loanEventsBetween: (query) => inner.loanEventsBetween(query),
    listAudit: (query) => inner.listAudit(query),
    insert: (type, record) => inner.transaction((tx) => tx.insert(type, record)),
    async insertMany(type, records) {
      for (const record of records) await inner.transaction((tx) => tx.insert(type, record));
    },
    update: (type, record, expected) => inner.transaction((tx) => tx.update(type, record, expected)),
    delete: (type, id, expected) => inner.transaction((tx) => tx.delete(type, id, expected)),
    appendAudit: (entry) => inner.transaction((tx) => tx.appendAudit(entry)),
    appendAuditMany: (entries) => inner.transaction((tx) => tx.appendAuditMany(entries)),
    redactAudit: (entries) => inner.transaction((tx) => tx.redactAudit(entries)),
  };
}

/** Commits every write at once: a unit of work that throws keeps what it wrote. */
function autoCommit(): Repository {
  const inner = createMemoryRepository();
  return { ...forward(inner), transaction: (work) => work(autoCommitTx(inner)) };
}

/** Ignores the expected version: last writer wins. */
function lastWriterWins(): Repository {
  const inner = createMemoryRepository();
  return {
    ...forward(inner),
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          ...tx,
          async update(type, record) {
            const current = await tx.get(type, record.id);
            const version = current?.version ?? record.version - 1;
            await tx.update(type, { ...record, version: version + 1 }, version);
          },
          async delete(type, id) {
            const current = await tx.get(type, id);
            await tx.delete(type, id, current?.version ?? 1);
          },
        }),
      ),
  };
}

describe('the conformance kit catches broken adapters', () => {
  const cases: [string, () => Repository, ConformanceTestId[]][] = [
    ['float sums', floatTotals, ['totals.exact-large-and-negative']],
    [
      'byProperty ignored',
      ignoresByProperty,
      [
        'totals.merge-properties',
        'totals.merge-both',
        'totals.merge-currency-digits',
        'totals.merge-cross-check',
        'model.random-operations',
      ],
    ],
    [
      'partial months taken whole',
      wholeMonthRollups,
      ['totals.merge-properties', 'totals.merge-months', 'totals.merge-both', 'totals.merge-cross-check'],
    ],
    ['offset paging', offsetPaging, ['paging.stable-under-inserts', 'paging.stable-under-deletes']],
    ['exclusive dateTo', exclusiveDateTo, ['list.date-range', 'paging.filters-with-paging']],
    ['alphabetical priorities', alphabeticalPriorities, ['alerts.open-order', 'alerts.limit']],
    [
      'no rollback',
      autoCommit,
      [
        'uow.rollback-on-throw',
        'uow.insert-many-conflict-rolls-back',
        'uow.rollback-audit',
        'model.random-operations',
      ],
    ],
    [
      'last writer wins',
      lastWriterWins,
      [
        'version.stale-update',
        'version.stale-delete',
        'version.concurrent-update',
        'model.random-operations',
      ],
    ],
  ];
  for (const [fault, adapter, ids] of cases) {
    for (const id of ids) {
      test(`${fault}: ${id} fails`, async () => {
        await expect(runKitTest(id, { setup: async () => adapter() })).rejects.toThrow();
      });
    }
  }

  test('a conflict without the driver error as cause fails when driverErrors is on', async () => {
    await expect(runKitTest('errors.duplicate-id', { driverErrors: true })).rejects.toThrow(/cause/);
    await runKitTest('errors.duplicate-id', { driverErrors: false });
  });

  test('money stored as a binary float is caught through the back door', async () => {
    const floatBackdoor: RepositoryConformanceOptions['backdoor'] = {
      async read(type, id, repo) {
        const raw = await memoryBackdoor().read(type, id, repo);
        if (typeof raw !== 'object' || raw === null || !('amount' in raw)) return raw;
        return { ...raw, amount: Number(raw.amount) };
      },
    };
    await expect(runKitTest('money.round-trip', { backdoor: floatBackdoor })).rejects.toThrow(
      /storage holds/,
    );
    await runKitTest('money.round-trip', { backdoor: memoryBackdoor() });
  });

  test('the memory adapter itself passes the tests used above', async () => {
    for (const id of [
      'paging.stable-under-deletes',
      'totals.merge-properties',
      'totals.merge-cross-check',
      'uow.rollback-on-throw',
      'version.concurrent-update',
    ] as const) {
      await runKitTest(id, {});
    }
  });
});

describe('options', () => {
  const setup = async () => createMemoryRepository();

  test('a skip must name a real test id', () => {
    const skip = { 'crud.does-not-exist': 'typo' } as unknown as RepositoryConformanceOptions['skip'];
    expect(() => collectConformanceTests({ name: 'x', setup, skip })).toThrow(/crud\.does-not-exist/);
  });

  test('a skip must give a reason', () => {
    expect(() =>
      collectConformanceTests({ name: 'x', setup, skip: { 'uow.long-transaction': '  ' } }),
    ).toThrow(/reason/);
  });

  test('every test id is collected exactly once', () => {
    const { registrar } = collectConformanceTests({ name: 'x', setup });
    expect(registrar.collected().map((collected) => collected.id)).toEqual([...CONFORMANCE_TEST_IDS]);
  });

  test('numRuns must be a positive integer', () => {
    expect(() => collectConformanceTests({ name: 'x', setup, numRuns: 0 })).toThrow(/numRuns/);
  });
});

describe('helpers', () => {
  test('the createFixtureFactory example builds valid, linked records', () => {
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const rent = f.transaction(property, { date: '2024-03-01', amount: '1500.00' });
    expect(rent).toMatchObject({
      portfolioId: portfolio.id,
      propertyId: property.id,
      amount: '1500.00',
      category: 'rent',
      kind: 'income',
      version: 1,
    });
    expect(new Set([portfolio.id, property.id, rent.id]).size).toBe(3);
  });

  test('fixtures write money with the portfolio currency digits', () => {
    const f = createFixtureFactory();
    const yen = f.portfolio({ currency: 'JPY' });
    const dinar = f.portfolio({ currency: 'KWD' });
    expect(f.transaction(f.property(yen), { amount: '1500' }).amount).toBe('1500');
    expect(f.transaction(f.property(dinar), { amount: '1.5' }).amount).toBe('1.500');
    expect(() => f.transaction(f.property(yen), { amount: '1.5' })).toThrow();
  });

  test('storedHoldsMoney finds exact amounts and rejects floats', () => {
    expect(storedHoldsMoney({ amount: '12.30' }, '12.30', 2)).toBe(true);
    expect(storedHoldsMoney({ amount_minor: 1230 }, '12.30', 2)).toBe(true);
    expect(storedHoldsMoney({ amount_minor: 1230n }, '12.30', 2)).toBe(true);
    expect(storedHoldsMoney({ data: '{"amount":"-0.01"}' }, '-0.01', 2)).toBe(true);
    expect(storedHoldsMoney({ amount_minor: -1 }, '-0.01', 2)).toBe(true);
    expect(storedHoldsMoney({ amount: 12.3 }, '12.30', 2)).toBe(false);
    expect(storedHoldsMoney({ amount: 0.29 }, '0.29', 2)).toBe(false);
    expect(storedHoldsMoney(null, '1.00', 2)).toBe(false);
  });
});
