/**
 * Driver errors become Freehold errors: unique and primary-key violations are `ConflictError`s with the
 * better-sqlite3 error as `cause`; other driver failures are `StorageError`s with their cause; rows that are not
 * valid records are refused at the boundary.
 */
import { createFixtureFactory } from '@freehold/engine/conformance';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { createSqliteRepository, type SqliteRepository } from '../src/index.js';
import { tempDir } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(file = ':memory:', busyTimeoutMs?: number): Promise<SqliteRepository> {
  const repo = await createSqliteRepository({
    filename: file,
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
  });
  cleanups.push(() => repo.close().catch(() => undefined));
  return repo;
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; cause?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; cause?: unknown };
  }
  throw new Error('expected a rejection');
}

function world() {
  const f = createFixtureFactory();
  const portfolio = f.portfolio();
  const property = f.property(portfolio);
  return { f, portfolio, property };
}

describe('driver error translation', () => {
  test('a duplicate id is a ConflictError caused by SQLITE_CONSTRAINT_PRIMARYKEY', async () => {
    const repo = await open();
    const { f, portfolio, property } = world();
    const rent = f.transaction(property);
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insert('transaction', rent);
    });
    for (const attempt of [
      repo.transaction((tx) => tx.insert('transaction', f.transaction(property, { id: rent.id }))),
      repo.transaction((tx) => tx.insertMany('transaction', [f.transaction(property), { ...rent }])),
      repo.transaction((tx) => tx.insert('portfolio', f.portfolio({ id: portfolio.id }))),
    ]) {
      const error = await rejection(attempt);
      expect(error.code).toBe('CONFLICT');
      expect(error.cause).toBeInstanceOf(Database.SqliteError);
      expect((error.cause as { code: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    }
    const entry = f.auditEntry();
    await repo.transaction((tx) => tx.appendAudit(entry));
    const audit = await rejection(repo.transaction((tx) => tx.appendAuditMany([f.auditEntry(), entry])));
    expect(audit.code).toBe('CONFLICT');
    expect((audit.cause as { code: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
  });

  test('a unique-key violation is a ConflictError caused by SQLITE_CONSTRAINT_UNIQUE', async () => {
    const repo = await open();
    const { f, portfolio, property } = world();
    const first = f.transaction(property, { source: 'import', externalId: 'BANK-1' });
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insert('transaction', first);
    });
    const error = await rejection(
      repo.transaction((tx) =>
        tx.insert('transaction', f.transaction(property, { source: 'import', externalId: 'BANK-1' })),
      ),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error.cause as { code: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(error.message).toMatch(/unique key/);
  });

  test('a caught conflict of a single insert leaves the unit of work usable', async () => {
    const repo = await open();
    const { f, portfolio, property } = world();
    const rent = f.transaction(property, { amount: '10.00' });
    const later = f.transaction(property, { amount: '5.00' });
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insert('transaction', rent);
    });
    await repo.transaction(async (tx) => {
      const error = await rejection(tx.insert('transaction', f.transaction(property, { id: rent.id })));
      expect(error.code).toBe('CONFLICT');
      await tx.insert('transaction', later);
    });
    expect(await repo.get('transaction', later.id)).toEqual(later);
    const totals = await repo.monthlyTotals({
      portfolioId: portfolio.id,
      from: '2024-01-01',
      to: '2024-01-31',
    });
    expect(totals.map((t) => [t.total, t.count])).toEqual([['15.00', 2]]);
    expect((await repo.checkRollups()).ok).toBe(true);
  });

  test('stale versions and missing records are ConflictError and NotFoundError without a driver cause', async () => {
    const repo = await open();
    const { f, portfolio } = world();
    await repo.transaction((tx) => tx.insert('portfolio', portfolio));
    const stale = await rejection(
      repo.transaction((tx) => tx.update('portfolio', f.next('portfolio', portfolio), 2)),
    );
    expect(stale.code).toBe('VALIDATION'); // version 2 is not expectedVersion (2) + 1
    const conflict = await rejection(
      repo.transaction((tx) => tx.update('portfolio', { ...f.next('portfolio', portfolio), version: 3 }, 2)),
    );
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.cause).toBeUndefined();
    const missing = await rejection(repo.transaction((tx) => tx.delete('portfolio', f.id(), 1)));
    expect(missing.code).toBe('NOT_FOUND');
  });

  test('a lock held by another connection past the busy timeout is a StorageError caused by SQLITE_BUSY', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const file = dir.file();
    const first = await open(file);
    const second = await open(file, 50);
    const { f, portfolio } = world();
    await first.transaction((tx) => tx.insert('portfolio', portfolio));
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const writing = new Promise<void>((resolve) => {
      started = resolve;
    });
    const holder = first.transaction(async (tx) => {
      await tx.insert('user', f.user());
      started();
      await held;
    });
    await writing;
    // WAL: readers are not blocked by the open write transaction, and do not see it.
    expect(await second.get('portfolio', portfolio.id)).toEqual(portfolio);
    expect((await second.list('user')).items).toEqual([]);
    const busy = await rejection(second.transaction((tx) => tx.insert('user', f.user())));
    expect(busy.code).toBe('STORAGE');
    expect((busy.cause as { code: string }).code).toMatch(/^SQLITE_BUSY/);
    release();
    await holder;
    expect((await second.list('user')).items).toHaveLength(1);
  });

  test('rows that are not valid records are refused at the boundary with a StorageError', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const file = dir.file();
    const repo = await open(file);
    const { f, portfolio, property } = world();
    const rent = f.transaction(property);
    await repo.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insert('transaction', rent);
    });
    const raw = new Database(file);
    raw.prepare('update properties set data = ? where id = ?').run('{not json', property.id);
    raw
      .prepare('update transactions set data = ? where id = ?')
      .run(JSON.stringify({ ...rent, amount: '12.345' }), rent.id);
    raw.close();
    const notJson = await rejection(repo.get('property', property.id));
    expect(notJson.code).toBe('STORAGE');
    const invalid = await rejection(repo.list('transaction'));
    expect(invalid.code).toBe('STORAGE');
    expect(invalid.message).toMatch(/not a valid record/);
  });

  test('a write that is not a record is a ValidationError and writes nothing', async () => {
    const repo = await open();
    const error = await rejection(
      repo.transaction((tx) =>
        tx.insert('portfolio', { id: '' } as unknown as Parameters<typeof tx.insert<'portfolio'>>[1]),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    const unknownType = await rejection(repo.get('nonsense' as 'portfolio', 'x'));
    expect(unknownType.code).toBe('VALIDATION');
  });
});
