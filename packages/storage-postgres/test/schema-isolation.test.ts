/**
 * The `schema` option: several repositories share one database, each in its own schema, and see nothing of
 * each other; every table lives in the configured schema (none leaks into `public`).
 */
import { ValidationError } from '@freehold/engine';
import { createFixtureFactory } from '@freehold/engine/conformance';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresRepository } from '../src/index.js';
import {
  describeWithServer,
  HOW_TO_RUN,
  testSchemas,
  testServer,
  withClient,
} from './support/postgres-server.js';

async function serverUrl(): Promise<string> {
  const server = await testServer();
  if (!server) throw new Error(HOW_TO_RUN);
  return server.url;
}

describe('schema option (offline)', () => {
  it('rejects names that are not plain lower-case identifiers', async () => {
    for (const schema of ['Bad', 'a-b', '', 'x'.repeat(64), 'pg_catalog', 'a"b']) {
      await expect(
        createPostgresRepository({ connectionString: 'postgres://127.0.0.1:1/x', schema }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
  });
});

describeWithServer('schema option', () => {
  const schemas = testSchemas();

  it('keeps two repositories in one database apart', async () => {
    const url = await serverUrl();
    const [left, right] = [schemas.create('iso'), schemas.create('iso')];
    const a = await createPostgresRepository({ connectionString: url, schema: left });
    const b = await createPostgresRepository({ connectionString: url, schema: right });
    try {
      const f = createFixtureFactory();
      const portfolio = f.portfolio();
      const property = f.property(portfolio);
      const rent = f.transaction(property, { date: '2025-01-05', amount: '1200.00', category: 'rent' });
      await a.transaction(async (tx) => {
        await tx.insert('portfolio', portfolio);
        await tx.insert('property', property);
        await tx.insert('transaction', rent);
      });
      // The same ids in the other schema are no conflict: the tables are different.
      await b.transaction((tx) => tx.insert('portfolio', portfolio));
      expect(await a.get('transaction', rent.id)).toEqual(rent);
      expect(await b.get('transaction', rent.id)).toBeNull();
      expect((await b.list('property')).items).toEqual([]);
      expect(
        await b.monthlyTotals({ portfolioId: portfolio.id, from: '2025-01-01', to: '2025-12-31' }),
      ).toEqual([]);
      expect(
        await a.monthlyTotals({ portfolioId: portfolio.id, from: '2025-01-01', to: '2025-12-31' }),
      ).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('creates every table in its schema and none in public', async () => {
    const url = await serverUrl();
    const schema = schemas.create('iso');
    const publicBefore = await tablesOf(url, 'public');
    const repo = await createPostgresRepository({ connectionString: url, schema });
    await repo.close();
    const created = await tablesOf(url, schema);
    expect(created).toEqual(expect.arrayContaining(['portfolios', 'transactions']));
    expect(await tablesOf(url, 'public')).toEqual(publicBefore);
  });

  it('shares one caller-owned pool between schemas and leaves it open on close', async () => {
    const url = await serverUrl();
    const [left, right] = [schemas.create('iso'), schemas.create('iso')];
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const a = await createPostgresRepository({ pool, schema: left });
      const b = await createPostgresRepository({ pool, schema: right });
      const f = createFixtureFactory();
      const user = f.user();
      for (let round = 0; round < 3; round++) {
        // Alternate so that the same physical connections serve both schemas.
        if (round === 0) await a.transaction((tx) => tx.insert('user', user));
        expect(await a.get('user', user.id)).toEqual(user);
        expect(await b.get('user', user.id)).toBeNull();
      }
      await a.close();
      await b.close();
      const { rows } = await pool.query('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});

async function tablesOf(url: string, schema: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    return rows.map((row) => row.table_name);
  });
}
