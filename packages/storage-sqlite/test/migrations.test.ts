/**
 * Schema versions: a new database is created at the latest version (recorded in the metadata table and in
 * `PRAGMA user_version`); an older one migrates forward on open; a newer one is refused and left untouched;
 * a failing migration leaves the database at its previous version.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createFixtureFactory } from '@freehold/engine/conformance';
import type { MigrationList } from '@freehold/storage-sql';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { createSqliteRepository, SQLITE_MIGRATIONS } from '../src/index.js';
import { tempDir } from './helpers.js';

/**
 * Turns a database of this build into one written at schema version 1 (before the summary rollups): the same
 * tables and rows without the three summary rollup tables and with version 1 recorded.
 */
function asSchemaVersion1(file: string): void {
  const db = new Database(file);
  try {
    db.exec(`drop table portfolio_monthly_totals; drop table portfolio_daily_totals; drop table yearly_category_totals;
      delete from freehold_migration where name = '0002-summary-rollups';
      update freehold_meta set value = '1' where key = 'schema_version'; pragma user_version = 1;`);
  } finally {
    db.close();
  }
}

/** A build with one more migration than this one: adds a table and an index. */
const NEWER_MIGRATIONS: MigrationList = {
  ...SQLITE_MIGRATIONS,
  '0003-test-notes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('test_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('body', 'text')
        .execute();
      await sql`insert into test_notes (id, body) values ('migrated', 'by 0003')`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('test_notes').execute();
    },
  },
};

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      userVersion: db.pragma('user_version', { simple: true }),
      meta: (
        db.prepare(`select value from freehold_meta where key = 'schema_version'`).get() as { value: string }
      ).value,
      migrations: (
        db.prepare('select name from freehold_migration order by name').all() as { name: string }[]
      ).map((row) => row.name),
      tables: (
        db.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    };
  } finally {
    db.close();
  }
}

const dirs: { remove(): void }[] = [];
function freshFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.file();
}
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

/** The migrations of this build, in order. */
const CURRENT = ['0001-initial', '0002-summary-rollups'];

describe('schema versions', () => {
  test('a new database is created at the latest schema version, recorded twice', async () => {
    const file = freshFile();
    const repo = await createSqliteRepository({ filename: file });
    expect(repo.schemaVersion).toBe(2);
    await repo.close();
    const state = inspect(file);
    expect(state).toMatchObject({ userVersion: 2, meta: '2', migrations: CURRENT });
    expect(state.tables).toEqual(
      expect.arrayContaining([
        'transactions',
        'monthly_category_totals',
        'monthly_kind_totals',
        'portfolio_monthly_totals',
        'portfolio_daily_totals',
        'yearly_category_totals',
        'loan_events',
      ]),
    );
  });

  test('a database written by an older schema migrates forward on open and keeps its data', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const other = f.property(portfolio);
    const rent = f.transaction(property, { amount: '1250.00', date: '2024-03-01' });
    const more = [
      f.transaction(other, { amount: '900.00', date: '2024-03-01' }),
      f.transaction(other, { amount: '-120.50', date: '2024-03-17', category: 'repairs' }),
      f.transaction(property, { amount: '1250.00', date: '2024-04-01' }),
    ];
    const written = await createSqliteRepository({ filename: file });
    await written.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insertMany('property', [property, other]);
      await tx.insert('transaction', rent);
      await tx.insertMany('transaction', more);
    });
    await written.close();
    asSchemaVersion1(file);
    expect(inspect(file).tables).not.toContain('portfolio_monthly_totals');

    // This build: 0002 adds the summary rollups and fills them from the stored transactions.
    const v2 = await createSqliteRepository({ filename: file });
    expect(v2.schemaVersion).toBe(2);
    expect(await v2.get('transaction', rent.id)).toEqual(rent);
    expect(await v2.checkRollups()).toEqual({ ok: true, mismatches: [] });
    const march = { portfolioId: portfolio.id, from: '2024-03-01', to: '2024-03-31' };
    const line = (propertyId: string | null, month: string | null, kind: string, total: string, count = 1) =>
      ({ propertyId, month, kind, category: null, total, count }) as const;
    const [first, second] = [property, other].sort((a, b) => (a.id < b.id ? -1 : 1));
    const lines = (p: typeof property) =>
      p === property
        ? [line(p.id, '2024-03', 'income', '1250.00')]
        : [line(p.id, '2024-03', 'income', '900.00'), line(p.id, '2024-03', 'operating_expense', '-120.50')];
    expect(await v2.monthlyTotals({ ...march, granularity: 'kind' })).toEqual([
      ...lines(first as typeof property),
      ...lines(second as typeof property),
    ]);
    // Merged over the portfolio, from the new tables: whole months, and a partial one from the daily rollup.
    expect(
      await v2.monthlyTotals({ ...march, to: '2024-04-30', byProperty: false, granularity: 'kind' }),
    ).toEqual([
      line(null, '2024-03', 'income', '2150.00', 2),
      line(null, '2024-03', 'operating_expense', '-120.50'),
      line(null, '2024-04', 'income', '1250.00'),
    ]);
    expect(
      await v2.monthlyTotals({ ...march, from: '2024-03-10', byProperty: false, byMonth: false }),
    ).toEqual([
      {
        propertyId: null,
        month: null,
        kind: 'operating_expense',
        category: 'repairs',
        total: '-120.50',
        count: 1,
      },
    ]);
    await v2.close();
    expect(inspect(file)).toMatchObject({ userVersion: 2, meta: '2', migrations: CURRENT });

    // A later build's migration runs on top, once.
    const v3 = await createSqliteRepository({ filename: file, migrations: NEWER_MIGRATIONS });
    expect(v3.schemaVersion).toBe(3);
    await v3.close();
    const state = inspect(file);
    expect(state).toMatchObject({
      userVersion: 3,
      meta: '3',
      migrations: [...CURRENT, '0003-test-notes'],
    });
    expect(state.tables).toContain('test_notes');

    // Opening again runs nothing.
    const again = await createSqliteRepository({ filename: file, migrations: NEWER_MIGRATIONS });
    expect(again.schemaVersion).toBe(3);
    await again.close();
    expect(inspect(file).migrations).toEqual([...CURRENT, '0003-test-notes']);
  });

  test('a database written by a newer schema is refused with a clear StorageError and left untouched', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const newer = await createSqliteRepository({ filename: file, migrations: NEWER_MIGRATIONS });
    const portfolio = f.portfolio();
    await newer.transaction((tx) => tx.insert('portfolio', portfolio));
    await newer.close();
    expect(existsSync(`${file}-wal`), 'closing checkpoints the WAL away').toBe(false);
    const before = sha256(file);

    const refused = createSqliteRepository({ filename: file });
    await expect(refused).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(refused).rejects.toThrow(
      /newer Freehold schema \(version 3.*0003-test-notes.*knows schema version 2.*Nothing was changed/,
    );
    await expect(createSqliteRepository({ filename: file, readonly: true })).rejects.toMatchObject({
      code: 'STORAGE',
    });

    expect(sha256(file), 'the database file is byte for byte the same').toBe(before);
    // A read-only connection cannot remove the (empty) WAL file on close; nothing was written to it.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0, 'nothing in the WAL').toBe(0);
    const reopened = await createSqliteRepository({ filename: file, migrations: NEWER_MIGRATIONS });
    expect(await reopened.get('portfolio', portfolio.id)).toEqual(portfolio);
    await reopened.close();
  });

  test('a recorded schema version above this build is refused even without unknown migration names', async () => {
    const file = freshFile();
    await (await createSqliteRepository({ filename: file })).close();
    const db = new Database(file);
    db.prepare(`update freehold_meta set value = '7' where key = 'schema_version'`).run();
    db.close();
    const before = sha256(file);
    await expect(createSqliteRepository({ filename: file })).rejects.toThrow(/version 7/);
    expect(sha256(file)).toBe(before);
  });

  test('a failing migration is rolled back whole and the database stays at its version', async () => {
    const file = freshFile();
    await (await createSqliteRepository({ filename: file })).close();
    const broken: MigrationList = {
      ...SQLITE_MIGRATIONS,
      '0003-broken': {
        async up(db: Kysely<unknown>) {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          throw new Error('boom in 0003');
        },
      },
    };
    const failed = createSqliteRepository({ filename: file, migrations: broken });
    await expect(failed).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(failed).rejects.toThrow(/0003-broken.*boom in 0003/);
    const state = inspect(file);
    expect(state).toMatchObject({ userVersion: 2, meta: '2', migrations: CURRENT });
    expect(state.tables).not.toContain('half_done');
    const repo = await createSqliteRepository({ filename: file });
    expect(repo.schemaVersion).toBe(2);
    await repo.close();
  });

  test('readonly opens a current database for reading and refuses writes and stale schemas', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const writer = await createSqliteRepository({ filename: file });
    await writer.transaction((tx) => tx.insert('portfolio', portfolio));
    await writer.close();

    const reader = await createSqliteRepository({ filename: file, readonly: true });
    expect(await reader.get('portfolio', portfolio.id)).toEqual(portfolio);
    await expect(reader.transaction((tx) => tx.insert('portfolio', f.portfolio()))).rejects.toMatchObject({
      code: 'STORAGE',
    });
    await reader.close();

    await expect(
      createSqliteRepository({ filename: file, readonly: true, migrations: NEWER_MIGRATIONS }),
    ).rejects.toThrow(/needs migrating/);
    await expect(
      createSqliteRepository({ filename: `${file}.missing`, readonly: true }),
    ).rejects.toMatchObject({
      code: 'STORAGE',
    });
  });

  test('exactly one of filename and database must be given', async () => {
    await expect(createSqliteRepository({})).rejects.toMatchObject({ code: 'VALIDATION' });
    const db = new Database(':memory:');
    await expect(createSqliteRepository({ filename: ':memory:', database: db })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    db.close();
  });

  test('accepts an open better-sqlite3 database or a lazy factory', async () => {
    const direct = await createSqliteRepository({ database: new Database(':memory:') });
    expect(direct.capabilities).toEqual({
      persistent: false,
      concurrentWriters: false,
      longTransactions: true,
    });
    await direct.close();
    const file = freshFile();
    let calls = 0;
    const lazy = await createSqliteRepository({
      database: async () => {
        calls++;
        return new Database(file);
      },
    });
    expect(calls).toBe(1);
    expect(lazy.capabilities.persistent).toBe(true);
    await lazy.close();
  });
});
