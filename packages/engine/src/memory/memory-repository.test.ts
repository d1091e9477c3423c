import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../domain/entities/index.js';
import { isFreeholdError } from '../errors.js';
import type { RecordOf, RecordType, Repository } from '../ports/repository.js';
import { type ArbRecordOptions, arbAuditEntry, arbRecord } from '../testing/index.js';
import { createMemoryRepository, isMemoryRepository, memoryBackdoor } from './index.js';

const P = 'portfolio-1';
let counter = 0;

/** A valid stored record of `type` (deterministic), with `overrides` applied and a readable unique id. */
function make<K extends RecordType>(
  type: K,
  overrides: Partial<RecordOf<K>> = {},
  options: ArbRecordOptions = {},
): RecordOf<K> {
  counter += 1;
  const [record] = fc.sample(arbRecord(type, { portfolioId: P, archived: 'never', ...options }), {
    numRuns: 1,
    seed: counter,
  });
  if (!record) throw new Error('no sample');
  return { ...record, id: `${type}-${String(counter).padStart(4, '0')}`, ...overrides } as RecordOf<K>;
}

function audit(overrides: Partial<AuditEntry> = {}): AuditEntry {
  counter += 1;
  const [entry] = fc.sample(arbAuditEntry({ portfolioId: P }), { numRuns: 1, seed: counter });
  if (!entry) throw new Error('no sample');
  return { ...entry, id: `audit-${String(counter).padStart(4, '0')}`, ...overrides };
}

async function seed(repo: Repository, ...records: { [K in RecordType]: [K, RecordOf<K>] }[RecordType][]) {
  await repo.transaction(async (tx) => {
    for (const [type, record] of records) await tx.insert(type, record);
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<unknown> {
  const error = await rejection(promise);
  expect(isFreeholdError(error) ? error.code : error).toBe(code);
  return error;
}

const next = <T extends { version: number }>(record: T, patch: Partial<T> = {}): T => ({
  ...record,
  ...patch,
  version: record.version + 1,
});

test('the documented example', async () => {
  const user = {
    id: 'u1',
    version: 1,
    createdAt: '2026-01-31T12:00:00.000Z',
    updatedAt: '2026-01-31T12:00:00.000Z',
    email: 'ada@example.com',
    name: 'Ada',
    erasedAt: null,
  };
  const repo = createMemoryRepository();
  await repo.transaction((tx) => tx.insert('user', user));
  const got = await repo.get('user', 'u1');
  expect(got).toEqual(user);
  expect(got).not.toBe(user);
});

describe('memory repository: isolation through deep copies', () => {
  test('neither the inserted object nor any returned object reaches storage', async () => {
    const repo = createMemoryRepository();
    const portfolio = make('portfolio', { id: P, currency: 'USD' });
    const property = make('property', { location: { lat: 1, lng: 2 } });
    const loan = make('loan', {
      propertyId: property.id,
      startDate: '2024-01-01',
      termMonths: 12,
      maturityDate: null,
    });
    const alert = make('alert', { status: 'open', snoozedUntil: null, resolvedAt: null, resolution: null });
    const pristine = structuredClone({ property, loan, alert });
    await seed(repo, ['portfolio', portfolio], ['property', property], ['loan', loan], ['alert', alert]);

    property.address.city = 'Mutated';
    loan.rateResets.push({ period: 3, annualRate: 0.1 });
    const got = await repo.get('property', property.id);
    if (got?.location) got.location.lat = 50;
    const listed = (await repo.list('property')).items[0];
    if (listed) listed.name = 'mutated';
    const raw = repo.raw('property', property.id);
    if (raw) raw.address.line1 = 'mutated';
    const [event] = await repo.loanEventsBetween({ portfolioId: P, from: '2000-01-01', to: '2100-01-01' });
    if (event) event.loan.termMonths = 1;
    const [open] = await repo.openAlerts({ portfolioId: P });
    if (open) open.details.injected = true;
    const dumped = repo.dump().property[0];
    if (dumped) dumped.name = 'mutated';

    expect(await repo.get('property', property.id)).toEqual(pristine.property);
    expect(await repo.get('loan', loan.id)).toEqual(pristine.loan);
    expect(await repo.get('alert', alert.id)).toEqual(pristine.alert);
    expect(repo.raw('property', property.id)).toEqual(pristine.property);
  });

  test('audit entries are copied too', async () => {
    const repo = createMemoryRepository();
    const entry = audit({ details: { count: 1 } });
    const pristine = structuredClone(entry);
    await repo.transaction((tx) => tx.appendAudit(entry));
    if (entry.details) entry.details.count = 2;
    const [listed] = (await repo.listAudit()).items;
    if (listed?.details) listed.details.count = 3;
    expect((await repo.listAudit()).items).toEqual([pristine]);
  });
});

describe('memory repository: units of work', () => {
  test('reads inside see the unit’s own writes; reads outside see only committed state', async () => {
    const repo = createMemoryRepository();
    const property = make('property');
    const result = await repo.transaction(async (tx) => {
      await tx.insert('property', property);
      expect(await tx.get('property', property.id)).toEqual(property);
      expect((await tx.list('property')).items).toEqual([property]);
      expect(await repo.get('property', property.id)).toBeNull();
      expect((await repo.list('property')).items).toEqual([]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await repo.get('property', property.id)).toEqual(property);
  });

  test('a throw keeps nothing and rethrows the very same error', async () => {
    const repo = createMemoryRepository();
    const kept = make('property');
    await seed(repo, ['property', kept]);
    const boom = new Error('boom');
    const error = await rejection(
      repo.transaction(async (tx) => {
        await tx.insert('property', make('property'));
        await tx.update('property', next(kept, { name: 'changed' }), 1);
        await tx.appendAudit(audit());
        throw boom;
      }),
    );
    expect(error).toBe(boom);
    expect(repo.dump().property).toEqual([kept]);
    expect(repo.dump().auditEntry).toEqual([]);
    const deleteThenThrow = repo.transaction(async (tx) => {
      await tx.delete('property', kept.id, 1);
      expect(await tx.get('property', kept.id)).toBeNull();
      throw boom;
    });
    await expect(deleteThenThrow).rejects.toBe(boom);
    expect(await repo.get('property', kept.id)).toEqual(kept);
  });

  test('units of work run one at a time, in call order, even when their callbacks await', async () => {
    const repo = createMemoryRepository();
    const log: string[] = [];
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) await Promise.resolve();
    };
    const unit = (name: string, work: () => Promise<void> = async () => {}) =>
      repo.transaction(async (tx) => {
        log.push(`${name} start`);
        await ticks(5);
        await tx.insert('user', make('user', { id: name }));
        await work();
        log.push(`${name} (${(await tx.list('user')).items.length} users)`);
        log.push(`${name} end`);
      });
    const results = await Promise.allSettled([
      unit('a'),
      unit('b', async () => {
        throw new Error('b fails');
      }),
      unit('c'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['a start', 'a (1 users)', 'a end', 'b start', 'c start', 'c (2 users)', 'c end']);
    expect(repo.dump().user.map((u) => u.id)).toEqual(['a', 'c']);
  });

  test('a unit of work that has finished rejects every later call', async () => {
    const repo = createMemoryRepository();
    let leaked: Parameters<Parameters<Repository['transaction']>[0]>[0] | undefined;
    await repo.transaction(async (tx) => {
      leaked = tx;
    });
    if (!leaked) throw new Error('no tx');
    await expectCode(leaked.insert('user', make('user')), 'STORAGE');
    await expectCode(leaked.get('user', 'x'), 'STORAGE');
    expect(repo.dump().user).toEqual([]);
  });

  test('a conflict in insertMany fails the whole unit of work, even when the callback catches it', async () => {
    const repo = createMemoryRepository();
    const existing = make('property');
    await seed(repo, ['property', existing]);
    const other = make('unit');
    const conflict = await rejection(
      repo.transaction(async (tx) => {
        await tx.insert('unit', other);
        const caught = await rejection(tx.insertMany('property', [make('property'), existing]));
        expect(isFreeholdError(caught, 'CONFLICT')).toBe(true);
        await expectCode(tx.get('unit', other.id), 'STORAGE');
      }),
    );
    expect(isFreeholdError(conflict, 'CONFLICT')).toBe(true);
    expect(repo.dump().property).toEqual([existing]);
    expect(repo.dump().unit).toEqual([]);
  });

  test('a single failed write leaves the unit as it was, and the unit may go on', async () => {
    const repo = createMemoryRepository();
    const existing = make('property');
    await seed(repo, ['property', existing]);
    const added = make('property');
    await repo.transaction(async (tx) => {
      await tx.insert('property', added);
      await expectCode(tx.insert('property', existing), 'CONFLICT');
      await expectCode(tx.update('property', next(make('property')), 1), 'NOT_FOUND');
    });
    expect(repo.dump().property).toEqual([existing, added].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });
});

describe('memory repository: versions and unique keys', () => {
  test('update and delete check the stored version; the new version must be expectedVersion + 1', async () => {
    const repo = createMemoryRepository();
    const unit = make('unit');
    await seed(repo, ['unit', unit]);
    await expectCode(
      repo.transaction((tx) => tx.update('unit', { ...unit, version: 3 }, 2)),
      'CONFLICT',
    );
    const invalid = await expectCode(
      repo.transaction((tx) => tx.update('unit', { ...unit, version: 3 }, 1)),
      'VALIDATION',
    );
    expect((invalid as { fields: string[] }).fields).toEqual(['version']);
    await expectCode(
      repo.transaction((tx) => tx.update('unit', next(make('unit')), 1)),
      'NOT_FOUND',
    );
    const v2 = next(unit, { label: 'B' });
    await repo.transaction((tx) => tx.update('unit', v2, 1));
    await expectCode(
      repo.transaction((tx) => tx.update('unit', next(unit, { label: 'C' }), 1)),
      'CONFLICT',
    );
    await expectCode(
      repo.transaction((tx) => tx.delete('unit', unit.id, 1)),
      'CONFLICT',
    );
    await expectCode(
      repo.transaction((tx) => tx.delete('unit', 'missing', 1)),
      'NOT_FOUND',
    );
    await repo.transaction((tx) => tx.delete('unit', unit.id, 2));
    expect(await repo.get('unit', unit.id)).toBeNull();
  });

  test('unique keys: equal values conflict, a null field never does, deleting frees the key', async () => {
    const repo = createMemoryRepository();
    const base = { source: 'import' as const, externalId: 'X1' };
    const a = make('transaction', base);
    await seed(repo, ['transaction', a]);
    await expectCode(seed(repo, ['transaction', make('transaction', base)]), 'CONFLICT');
    await seed(
      repo,
      ['transaction', make('transaction', { ...base, source: 'manual' })],
      ['transaction', make('transaction', { ...base, portfolioId: 'other' })],
      ['transaction', make('transaction', { source: 'import', externalId: null })],
      ['transaction', make('transaction', { source: 'import', externalId: null })],
    );
    const b = make('transaction', { source: 'import', externalId: 'X2' });
    await seed(repo, ['transaction', b]);
    await expectCode(
      repo.transaction((tx) => tx.update('transaction', next(b, { externalId: 'X1' }), 1)),
      'CONFLICT',
    );
    await repo.transaction((tx) => tx.delete('transaction', a.id, 1));
    await repo.transaction((tx) => tx.update('transaction', next(b, { externalId: 'X1' }), 1));
    const email = 'same@example.com';
    await seed(repo, ['user', make('user', { email })]);
    const dup = await expectCode(seed(repo, ['user', make('user', { email })]), 'CONFLICT');
    expect((dup as Error).cause).toBeUndefined();
  });
});

describe('memory repository: close', () => {
  test('after close every method rejects with StorageError; the back door still reads', async () => {
    const repo = createMemoryRepository();
    const property = make('property');
    await seed(repo, ['property', property]);
    await repo.close();
    const range = { portfolioId: P, from: '2024-01-01', to: '2024-12-31' };
    await expectCode(repo.get('property', property.id), 'STORAGE');
    await expectCode(repo.list('property'), 'STORAGE');
    await expectCode(repo.monthlyTotals(range), 'STORAGE');
    await expectCode(repo.openAlerts({ portfolioId: P }), 'STORAGE');
    await expectCode(repo.leasesEndingBetween(range), 'STORAGE');
    await expectCode(repo.loanEventsBetween(range), 'STORAGE');
    await expectCode(repo.listAudit(), 'STORAGE');
    await expectCode(
      repo.transaction(async () => 1),
      'STORAGE',
    );
    await expectCode(repo.close(), 'STORAGE');
    expect(repo.raw('property', property.id)).toEqual(property);
  });

  test('close waits for the running unit of work, which is then discarded; queued ones reject', async () => {
    const repo = createMemoryRepository();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = repo.transaction(async (tx) => {
      await tx.insert('user', make('user'));
      await gate;
    });
    const queued = repo.transaction((tx) => tx.insert('user', make('user')));
    await Promise.resolve();
    const closing = repo.close();
    release();
    await expectCode(running, 'STORAGE');
    await expectCode(queued, 'STORAGE');
    await closing;
    expect(repo.dump().user).toEqual([]);
  });
});

describe('memory repository: list', () => {
  test('rejects unknown filter fields, dates on undated types, bad limits and foreign cursors', async () => {
    const repo = createMemoryRepository();
    const name = await expectCode(repo.list('property', { where: { name: 'x' } as never }), 'VALIDATION');
    expect((name as { fields: string[] }).fields).toEqual(['where.name']);
    const date = await expectCode(repo.list('property', { dateFrom: '2024-01-01' }), 'VALIDATION');
    expect((date as { fields: string[] }).fields).toEqual(['dateFrom']);
    for (const limit of [0, 1001, 1.5]) await expectCode(repo.list('user', { limit }), 'VALIDATION');
    await expectCode(repo.list('user', { cursor: 'garbage' }), 'VALIDATION');
    await seed(repo, ['user', make('user')], ['user', make('user')]);
    const page = await repo.list('user', { limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    await expectCode(repo.list('property', { cursor: page.nextCursor }), 'VALIDATION');
    await expectCode(repo.listAudit({ cursor: page.nextCursor }), 'VALIDATION');
  });

  test('pages stay stable while records are inserted and deleted between them', async () => {
    const repo = createMemoryRepository();
    const dated = (id: string, date: string) => make('transaction', { id, date });
    const initial = [
      dated('t5', '2024-01-01'),
      dated('t3', '2024-01-01'),
      dated('t9', '2024-01-02'),
      dated('t1', '2024-01-03'),
      dated('t2', '2024-01-04'),
    ];
    await seed(repo, ...initial.map((t) => ['transaction', t] as ['transaction', typeof t]));
    const first = await repo.list('transaction', { limit: 2 });
    expect(first.items.map((t) => t.id)).toEqual(['t3', 't5']);
    // Before the cursor (never seen), after it (seen later), and the next record deleted.
    await seed(repo, ['transaction', dated('t0', '2023-12-31')], ['transaction', dated('t4', '2024-01-02')]);
    await repo.transaction((tx) => tx.delete('transaction', 't9', 1));
    const second = await repo.list('transaction', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((t) => t.id)).toEqual(['t4', 't1']);
    const third = await repo.list('transaction', { limit: 2, cursor: second.nextCursor });
    expect(third.items.map((t) => t.id)).toEqual(['t2']);
    expect(third.nextCursor).toBeNull();
  });

  test('ids are compared as plain strings (code units), not by locale', async () => {
    const repo = createMemoryRepository();
    const ids = ['b', 'B', 'a', 'é', 'Z', '_', '10', '9'];
    await seed(repo, ...ids.map((id) => ['user', make('user', { id })] as ['user', RecordOf<'user'>]));
    expect((await repo.list('user')).items.map((u) => u.id)).toEqual([
      '10',
      '9',
      'B',
      'Z',
      '_',
      'a',
      'b',
      'é',
    ]);
  });
});

describe('memory repository: pushed-down queries', () => {
  test('monthlyTotals sums exactly in the portfolio currency’s minor units', async () => {
    for (const [currency, amounts, total] of [
      ['USD', ['0.10', '0.20', '-0.05'], '0.25'],
      ['JPY', ['1000', '-1', '2'], '1001'],
      ['KWD', ['0.100', '0.200', '0.001'], '0.301'],
      ['USD', ['90071992547409.91', '90071992547409.91'], '180143985094819.82'],
    ] as const) {
      const repo = createMemoryRepository();
      const portfolio = make('portfolio', { id: P, currency });
      const txs = amounts.map((amount) =>
        make('transaction', {
          propertyId: 'p1',
          date: '2024-05-17',
          amount,
          category: 'rent',
          kind: 'income',
        }),
      );
      await seed(
        repo,
        ['portfolio', portfolio],
        ...txs.map((t) => ['transaction', t] as ['transaction', typeof t]),
      );
      expect(await repo.monthlyTotals({ portfolioId: P, from: '2024-05-01', to: '2024-05-31' })).toEqual([
        {
          propertyId: 'p1',
          month: '2024-05',
          kind: 'income',
          category: 'rent',
          total,
          count: amounts.length,
        },
      ]);
    }
  });

  test('monthlyTotals groups, filters and orders by property, month, kind, category', async () => {
    const repo = createMemoryRepository();
    const t = (propertyId: string, date: string, category: string, kind: string, amount: string) =>
      ['transaction', make('transaction', { propertyId, date, category, kind, amount } as never)] as [
        'transaction',
        RecordOf<'transaction'>,
      ];
    await seed(
      repo,
      t('p2', '2024-01-31', 'rent', 'income', '100'),
      t('p1', '2024-02-01', 'repairs', 'operating_expense', '-10'),
      t('p1', '2024-02-29', 'taxes', 'operating_expense', '-5.5'),
      t('p1', '2024-02-15', 'rent', 'income', '1000'),
      t('p1', '2024-01-01', 'rent', 'income', '1000'),
      t('p1', '2023-12-31', 'rent', 'income', '999'),
      t('p3', '2024-01-15', 'rent', 'income', '7'),
      ['transaction', make('transaction', { portfolioId: 'other', date: '2024-01-10' })],
    );
    const query = { portfolioId: P, from: '2024-01-01', to: '2024-02-29', propertyIds: ['p1', 'p2'] };
    expect(await repo.monthlyTotals(query)).toEqual([
      { propertyId: 'p1', month: '2024-01', kind: 'income', category: 'rent', total: '1000.00', count: 1 },
      { propertyId: 'p1', month: '2024-02', kind: 'income', category: 'rent', total: '1000.00', count: 1 },
      {
        propertyId: 'p1',
        month: '2024-02',
        kind: 'operating_expense',
        category: 'repairs',
        total: '-10.00',
        count: 1,
      },
      {
        propertyId: 'p1',
        month: '2024-02',
        kind: 'operating_expense',
        category: 'taxes',
        total: '-5.50',
        count: 1,
      },
      { propertyId: 'p2', month: '2024-01', kind: 'income', category: 'rent', total: '100.00', count: 1 },
    ]);
    expect(await repo.monthlyTotals({ ...query, granularity: 'kind' })).toEqual([
      { propertyId: 'p1', month: '2024-01', kind: 'income', category: null, total: '1000.00', count: 1 },
      { propertyId: 'p1', month: '2024-02', kind: 'income', category: null, total: '1000.00', count: 1 },
      {
        propertyId: 'p1',
        month: '2024-02',
        kind: 'operating_expense',
        category: null,
        total: '-15.50',
        count: 2,
      },
      { propertyId: 'p2', month: '2024-01', kind: 'income', category: null, total: '100.00', count: 1 },
    ]);
    expect(await repo.monthlyTotals({ ...query, propertyIds: [] })).toEqual([]);
  });

  test('openAlerts: open only, most urgent first, then oldest, then id; filters and limit', async () => {
    const repo = createMemoryRepository();
    const alert = (id: string, priority: string, raisedAt: string, extra: object = {}) =>
      [
        'alert',
        make('alert', {
          id,
          priority,
          raisedAt,
          status: 'open',
          snoozedUntil: null,
          resolvedAt: null,
          resolution: null,
          propertyId: null,
          ...extra,
        } as never),
      ] as ['alert', RecordOf<'alert'>];
    await seed(
      repo,
      alert('a', 'low', '2024-01-01T00:00:00.000Z'),
      alert('b', 'critical', '2024-03-01T00:00:00.000Z'),
      alert('c', 'high', '2024-01-01T00:00:00.000Z', { propertyId: 'p1' }),
      alert('d', 'critical', '2024-02-01T00:00:00.000Z'),
      alert('e', 'critical', '2024-02-01T00:00:00.000Z'),
      alert('f', 'critical', '2024-01-01T00:00:00.000Z', { status: 'snoozed', snoozedUntil: '2030-01-01' }),
      alert('g', 'medium', '2024-01-01T00:00:00.000Z', { portfolioId: 'other' }),
    );
    const ids = async (query: object) =>
      (await repo.openAlerts({ portfolioId: P, ...query })).map((a) => a.id);
    expect(await ids({})).toEqual(['d', 'e', 'b', 'c', 'a']);
    expect(await ids({ limit: 2 })).toEqual(['d', 'e']);
    expect(await ids({ propertyId: 'p1' })).toEqual(['c']);
    expect(await ids({ priorities: ['low', 'high'] })).toEqual(['c', 'a']);
  });

  test('leasesEndingBetween: by end date then id, active by default, month-to-month never', async () => {
    const repo = createMemoryRepository();
    const lease = (id: string, endDate: string | null, status = 'active') =>
      [
        'lease',
        make('lease', { id, endDate, status, startDate: '2020-01-01', terminationDate: null } as never),
      ] as ['lease', RecordOf<'lease'>];
    await seed(
      repo,
      lease('l3', '2024-06-30'),
      lease('l1', '2024-06-30'),
      lease('l2', '2024-06-01'),
      lease('l4', null),
      lease('l5', '2024-06-15', 'ended'),
      lease('l6', '2024-07-01'),
    );
    const ids = async (statuses?: string[]) =>
      (
        await repo.leasesEndingBetween({
          portfolioId: P,
          from: '2024-06-01',
          to: '2024-06-30',
          ...(statuses ? { statuses: statuses as never } : {}),
        })
      ).map((l) => l.id);
    expect(await ids()).toEqual(['l2', 'l1', 'l3']);
    expect(await ids(['ended', 'active'])).toEqual(['l2', 'l5', 'l1', 'l3']);
  });

  test('loanEventsBetween: unarchived loans, by date, kind, loan id; kinds filter', async () => {
    const repo = createMemoryRepository();
    const terms = {
      startDate: '2024-01-15',
      termMonths: 24,
      maturityDate: null,
      balloonMonth: 12,
      rateResets: [{ period: 12, annualRate: 0.05 }],
      indexTerms: null,
    };
    await seed(
      repo,
      ['loan', make('loan', { id: 'loan-b', ...terms })],
      ['loan', make('loan', { id: 'loan-a', ...terms })],
      ['loan', make('loan', { id: 'loan-x', ...terms, archivedAt: '2024-02-01T00:00:00.000Z' })],
      ['loan', make('loan', { id: 'loan-o', ...terms, portfolioId: 'other' })],
    );
    const events = await repo.loanEventsBetween({ portfolioId: P, from: '2025-01-15', to: '2026-01-15' });
    expect(events.map((e) => `${e.date} ${e.kind} ${e.loan.id}`)).toEqual([
      '2025-01-15 balloon loan-a',
      '2025-01-15 balloon loan-b',
      '2025-01-15 rate_reset loan-a',
      '2025-01-15 rate_reset loan-b',
      '2026-01-15 maturity loan-a',
      '2026-01-15 maturity loan-b',
    ]);
    expect(events[0]?.loan).toEqual(repo.raw('loan', 'loan-a'));
    const maturities = await repo.loanEventsBetween({
      portfolioId: P,
      from: '2025-01-16',
      to: '2030-01-01',
      kinds: ['maturity', 'balloon'],
    });
    expect(maturities.map((e) => e.loan.id)).toEqual(['loan-a', 'loan-b']);
  });
});

describe('memory repository: audit log', () => {
  test('append, list oldest first with filters and pages, redact', async () => {
    const repo = createMemoryRepository();
    const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const entries = [
      audit({ id: 'e2', at: at(2), actorId: 'u1', entityType: 'property', entityId: 'p1' }),
      audit({ id: 'e1', at: at(2), actorId: 'u2', entityType: 'loan', entityId: 'l1' }),
      audit({ id: 'e3', at: at(1), actorId: 'u1', entityType: 'property', entityId: 'p1' }),
      audit({ id: 'e4', at: at(3), actorId: 'u1', entityType: 'user', entityId: 'u9', portfolioId: null }),
    ];
    await repo.transaction(async (tx) => {
      await tx.appendAudit(entries[0] as AuditEntry);
      await tx.appendAuditMany(entries.slice(1));
    });
    const ids = async (query: object) => (await repo.listAudit(query)).items.map((e) => e.id);
    expect(await ids({})).toEqual(['e3', 'e1', 'e2', 'e4']);
    expect(await ids({ portfolioId: P })).toEqual(['e3', 'e1', 'e2']);
    expect(await ids({ portfolioId: null })).toEqual(['e4']);
    expect(await ids({ actorId: 'u1', entityType: 'property', entityId: 'p1' })).toEqual(['e3', 'e2']);
    const first = await repo.listAudit({ limit: 3 });
    expect((await repo.listAudit({ limit: 3, cursor: first.nextCursor })).items.map((e) => e.id)).toEqual([
      'e4',
    ]);

    await expectCode(
      repo.transaction((tx) => tx.appendAudit(audit({ id: 'e1' }))),
      'CONFLICT',
    );
    await expectCode(
      repo.transaction((tx) => tx.appendAuditMany([audit({ id: 'n1' }), audit({ id: 'n1' })])),
      'CONFLICT',
    );
    await expectCode(
      repo.transaction((tx) =>
        tx.redactAudit([
          { id: 'e1', before: null, after: null, details: { erased: true } },
          { id: 'missing', before: null, after: null, details: null },
        ]),
      ),
      'NOT_FOUND',
    );
    expect(repo.raw('auditEntry', 'e1')).toEqual(entries[1]);
    await repo.transaction((tx) =>
      tx.redactAudit([{ id: 'e1', before: null, after: { name: '…' }, details: null }]),
    );
    expect(repo.raw('auditEntry', 'e1')).toEqual({
      ...entries[1],
      before: null,
      after: { name: '…' },
      details: null,
    });
  });
});

describe('memory repository: back door and initial data', () => {
  test('dump() feeds createMemoryRepository({ data }); memoryBackdoor reads what is stored', async () => {
    const repo = createMemoryRepository();
    const property = make('property');
    const entry = audit();
    await repo.transaction(async (tx) => {
      await tx.insert('property', property);
      await tx.appendAudit(entry);
    });
    const copy = createMemoryRepository({ data: repo.dump() });
    expect(copy.dump()).toEqual(repo.dump());
    expect(await copy.get('property', property.id)).toEqual(property);
    expect(isMemoryRepository(copy)).toBe(true);
    const backdoor = memoryBackdoor();
    expect(await backdoor.read('auditEntry', entry.id, copy)).toEqual(entry);
    expect(await backdoor.read('property', 'missing', copy)).toBeNull();
    expect(() => createMemoryRepository({ data: { property: [property, property] } })).toThrow(
      /already exists/,
    );
    expect(repo.capabilities).toEqual({
      persistent: false,
      concurrentWriters: false,
      longTransactions: true,
    });
  });
});
