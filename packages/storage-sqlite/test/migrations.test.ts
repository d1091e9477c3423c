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

/** A build with one more migration than this one: adds a table and an index. */
const V2_MIGRATIONS: MigrationList = {
  ...SQLITE_MIGRATIONS,
  '0002-test-notes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('test_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('body', 'text')
        .execute();
      await sql`insert into test_notes (id, body) values ('migrated', 'by 0002')`.execute(db);
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

describe('schema versions', () => {
  test('a new database is created at the latest schema version, recorded twice', async () => {
    const file = freshFile();
    const repo = await createSqliteRepository({ filename: file });
    expect(repo.schemaVersion).toBe(1);
    await repo.close();
    const state = inspect(file);
    expect(state).toMatchObject({ userVersion: 1, meta: '1', migrations: ['0001-initial'] });
    expect(state.tables).toEqual(
      expect.arrayContaining([
        'transactions',
        'monthly_category_totals',
        'monthly_kind_totals',
        'loan_events',
      ]),
    );
  });

  test('a database written by an older schema migrates forward on open and keeps its data', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const rent = f.transaction(property, { amount: '1250.00', date: '2024-03-01' });
    const v1 = await createSqliteRepository({ filename: file });
    await v1.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insert('transaction', rent);
    });
    await v1.close();

    const v2 = await createSqliteRepository({ filename: file, migrations: V2_MIGRATIONS });
    expect(v2.schemaVersion).toBe(2);
    expect(await v2.get('transaction', rent.id)).toEqual(rent);
    expect(
      await v2.monthlyTotals({ portfolioId: portfolio.id, from: '2024-03-01', to: '2024-03-31' }),
    ).toEqual([
      {
        propertyId: property.id,
        month: '2024-03',
        kind: 'income',
        category: 'rent',
        total: '1250.00',
        count: 1,
      },
    ]);
    await v2.close();
    const state = inspect(file);
    expect(state).toMatchObject({
      userVersion: 2,
      meta: '2',
      migrations: ['0001-initial', '0002-test-notes'],
    });
    expect(state.tables).toContain('test_notes');

    // Opening again runs nothing.
    const again = await createSqliteRepository({ filename: file, migrations: V2_MIGRATIONS });
    expect(again.schemaVersion).toBe(2);
    await again.close();
    expect(inspect(file).migrations).toEqual(['0001-initial', '0002-test-notes']);
  });

  test('a database written by a newer schema is refused with a clear StorageError and left untouched', async () => {
    const file = freshFile();
    const f = createFixtureFactory();
    const newer = await createSqliteRepository({ filename: file, migrations: V2_MIGRATIONS });
    const portfolio = f.portfolio();
    await newer.transaction((tx) => tx.insert('portfolio', portfolio));
    await newer.close();
    expect(existsSync(`${file}-wal`), 'closing checkpoints the WAL away').toBe(false);
    const before = sha256(file);

    const refused = createSqliteRepository({ filename: file });
    await expect(refused).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(refused).rejects.toThrow(
      /newer Freehold schema \(version 2.*0002-test-notes.*knows schema version 1.*Nothing was changed/,
    );
    await expect(createSqliteRepository({ filename: file, readonly: true })).rejects.toMatchObject({
      code: 'STORAGE',
    });

    expect(sha256(file), 'the database file is byte for byte the same').toBe(before);
    // A read-only connection cannot remove the (empty) WAL file on close; nothing was written to it.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0, 'nothing in the WAL').toBe(0);
    const reopened = await createSqliteRepository({ filename: file, migrations: V2_MIGRATIONS });
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
      '0002-broken': {
        async up(db: Kysely<unknown>) {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          throw new Error('boom in 0002');
        },
      },
    };
    const failed = createSqliteRepository({ filename: file, migrations: broken });
    await expect(failed).rejects.toMatchObject({ code: 'STORAGE' });
    await expect(failed).rejects.toThrow(/0002-broken.*boom in 0002/);
    const state = inspect(file);
    expect(state).toMatchObject({ userVersion: 1, meta: '1', migrations: ['0001-initial'] });
    expect(state.tables).not.toContain('half_done');
    const repo = await createSqliteRepository({ filename: file });
    expect(repo.schemaVersion).toBe(1);
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
      createSqliteRepository({ filename: file, readonly: true, migrations: V2_MIGRATIONS }),
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
