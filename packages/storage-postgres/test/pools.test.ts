/**
 * Connection pools: the analytics reads go to the read pool, everything else to the main pool; pools passed as
 * instances belong to the caller and stay open after `close()`, pools the repository created (from a URL or a
 * factory) are ended by it.
 */
import { createFixtureFactory } from '@freehold/engine/conformance';
import pg from 'pg';
import { expect, it } from 'vitest';
import { createPostgresRepository, type PostgresPool } from '../src/index.js';
import { describeWithServer, HOW_TO_RUN, testSchemas, testServer } from './support/postgres-server.js';

/** `pool` with a count of checkouts. */
function counting(pool: pg.Pool): PostgresPool & { checkouts: number } {
  const counted = {
    checkouts: 0,
    async connect() {
      counted.checkouts += 1;
      return pool.connect();
    },
    end: () => pool.end(),
  };
  return counted;
}

async function serverUrl(): Promise<string> {
  const server = await testServer();
  if (!server) throw new Error(HOW_TO_RUN);
  return server.url;
}

describeWithServer('pools', () => {
  const schemas = testSchemas();

  it('sends the four analytics reads to the read pool and everything else to the main pool', async () => {
    const url = await serverUrl();
    const schema = schemas.create('pool');
    const mainPool = new pg.Pool({ connectionString: url, max: 3 });
    const readPool = new pg.Pool({ connectionString: url, max: 3 });
    const main = counting(mainPool);
    const read = counting(readPool);
    try {
      const repo = await createPostgresRepository({ pool: main, readPool: read, schema });
      const f = createFixtureFactory();
      const portfolio = f.portfolio();
      const property = f.property(portfolio);
      const unit = f.unit(property);
      await repo.transaction(async (tx) => {
        await tx.insert('portfolio', portfolio);
        await tx.insert('property', property);
        await tx.insert('unit', unit);
        await tx.insert('lease', f.lease(unit, { endDate: '2025-06-30' }));
        await tx.insert('alert', f.alert(portfolio));
        await tx.insert('loan', f.loan(property));
        await tx.insert('transaction', f.transaction(property, { date: '2025-01-10', amount: '10.00' }));
      });
      main.checkouts = 0;
      read.checkouts = 0;
      const range = { portfolioId: portfolio.id, from: '2025-01-01', to: '2060-12-31' };
      expect(await repo.monthlyTotals(range)).toHaveLength(1);
      expect(await repo.openAlerts({ portfolioId: portfolio.id })).toHaveLength(1);
      expect(await repo.leasesEndingBetween(range)).toHaveLength(1);
      expect((await repo.loanEventsBetween(range)).length).toBeGreaterThan(0);
      // (monthlyTotals reads the rows and the portfolio's currency at once: two checkouts.)
      expect(read.checkouts).toBeGreaterThanOrEqual(4);
      expect(main.checkouts).toBe(0);
      const analyticsCheckouts = read.checkouts;
      await repo.get('property', property.id);
      await repo.list('transaction');
      await repo.listAudit();
      // Inside a unit of work the analytics see the unit's own writes, so they run on its connection.
      await repo.transaction(async (tx) => {
        await tx.monthlyTotals(range);
      });
      expect(read.checkouts).toBe(analyticsCheckouts);
      expect(main.checkouts).toBe(4);
      await repo.close();
      // The caller's pools are still open.
      expect((await mainPool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect((await readPool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await expect(repo.monthlyTotals(range)).rejects.toMatchObject({ code: 'STORAGE' });
    } finally {
      await Promise.all([mainPool.end(), readPool.end()]);
    }
  });

  it('ends the pools it created: from a URL, a read URL, or a factory', async () => {
    const url = await serverUrl();
    const schema = schemas.create('pool');
    const created: pg.Pool[] = [];
    const factory = () => {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      created.push(pool);
      return pool;
    };
    const repo = await createPostgresRepository({ pool: factory, readPool: url, schema });
    expect(created).toHaveLength(1);
    await repo.openAlerts({ portfolioId: 'none' });
    await repo.close();
    expect(created[0]?.ended).toBe(true);
  });
});
