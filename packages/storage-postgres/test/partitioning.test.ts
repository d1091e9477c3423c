/**
 * docs/postgres.md's recipe for monthly RANGE partitioning of `transactions`, run as written on a populated
 * schema: the adapter keeps working on the partitioned table (ids and external keys stay unique, updates move
 * rows between partitions, totals and rollups agree).
 */
import { readFileSync } from 'node:fs';
import { ConflictError } from '@freehold/engine';
import { createFixtureFactory, listAll } from '@freehold/engine/conformance';
import { expect, it } from 'vitest';
import { createPostgresRepository } from '../src/index.js';
import {
  describeWithServer,
  HOW_TO_RUN,
  testSchemas,
  testServer,
  withClient,
} from './support/postgres-server.js';

/** The partitioning SQL block of docs/postgres.md, for `schema`. */
function partitioningRecipe(schema: string): string {
  const docs = readFileSync(new URL('../../../docs/postgres.md', import.meta.url), 'utf8');
  const section = docs.slice(docs.indexOf('## Monthly partitioning'));
  const block = /```sql\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('docs/postgres.md: no sql block under "Monthly partitioning"');
  const line = 'SET LOCAL search_path TO freehold;';
  if (!block.includes(line)) throw new Error(`docs/postgres.md: the recipe must contain "${line}"`);
  return block.replace(line, `SET LOCAL search_path TO "${schema}";`);
}

describeWithServer('monthly partitioning (docs/postgres.md)', () => {
  const schemas = testSchemas();

  it('runs on a populated schema and the adapter keeps its guarantees', async () => {
    const server = await testServer();
    if (!server) throw new Error(HOW_TO_RUN);
    const schema = schemas.create('part');
    const f = createFixtureFactory();
    const portfolio = f.portfolio();
    const property = f.property(portfolio);
    const before = [
      f.transaction(property, { date: '2019-03-05', amount: '1000.00', category: 'rent' }),
      f.transaction(property, { date: '2019-03-20', amount: '-50.25', category: 'repairs' }),
      f.transaction(property, {
        date: '2023-11-01',
        amount: '1200.00',
        category: 'rent',
        source: 'import',
        externalId: 'B-1',
      }),
    ];
    const first = await createPostgresRepository({ connectionString: server.url, schema });
    await first.transaction(async (tx) => {
      await tx.insert('portfolio', portfolio);
      await tx.insert('property', property);
      await tx.insertMany('transaction', before);
    });
    await first.close();

    await withClient(server.url, (client) => client.query(partitioningRecipe(schema)));
    const partitions = await withClient(server.url, (client) =>
      client.query(
        `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
         JOIN pg_namespace s ON s.oid = p.relnamespace WHERE s.nspname = $1 AND p.relname = 'transactions'`,
        [schema],
      ),
    );
    expect(partitions.rows[0]?.n).toBeGreaterThan(12);

    const repo = await createPostgresRepository({ connectionString: server.url, schema });
    try {
      for (const t of before) expect(await repo.get('transaction', t.id)).toEqual(t);
      const later = [
        f.transaction(property, { date: '2019-04-01', amount: '0.75', category: 'rent' }),
        f.transaction(property, { date: '2095-01-01', amount: '3.00', category: 'rent' }), // the default partition
      ];
      await repo.transaction((tx) => tx.insertMany('transaction', later));

      // Ids are unique across partitions, and so is the de-duplication key.
      const sameId = f.transaction(property, { id: before[0]?.id, date: '2024-07-01', amount: '1' });
      const sameKey = f.transaction(property, {
        date: '2020-01-01',
        amount: '1',
        source: 'import',
        externalId: 'B-1',
      });
      for (const twin of [sameId, sameKey]) {
        const error = await repo.transaction((tx) => tx.insert('transaction', twin)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).cause).toMatchObject({ code: '23505' });
      }
      // A caught conflict leaves the unit usable (the savepoint also undoes the trigger's key row).
      const extra = f.transaction(property, { date: '2019-03-06', amount: '2.00', category: 'rent' });
      await repo.transaction(async (tx) => {
        await expect(tx.insert('transaction', sameId)).rejects.toBeInstanceOf(ConflictError);
        await tx.insert('transaction', extra);
      });

      // An update that changes the date moves the row to another partition.
      const moved = f.next('transaction', before[1] ?? extra, { date: '2023-11-15', amount: '-60.00' });
      await repo.transaction((tx) => tx.update('transaction', moved, 1));
      expect(await repo.get('transaction', moved.id)).toEqual(moved);

      // Deleting frees the id and the key.
      await repo.transaction((tx) => tx.delete('transaction', before[2]?.id ?? '', 1));
      const reborn = f.transaction(property, {
        id: before[2]?.id,
        date: '2021-05-05',
        amount: '9.99',
        source: 'import',
        externalId: 'B-1',
      });
      await repo.transaction((tx) => tx.insert('transaction', reborn));

      const all = await listAll(repo, 'transaction');
      expect(all.map((t) => [t.date, t.amount])).toEqual([
        ['2019-03-05', '1000.00'],
        ['2019-03-06', '2.00'],
        ['2019-04-01', '0.75'],
        ['2021-05-05', '9.99'],
        ['2023-11-15', '-60.00'],
        ['2095-01-01', '3.00'],
      ]);
      expect(
        await repo.monthlyTotals({
          portfolioId: portfolio.id,
          from: '2019-03-01',
          to: '2023-11-30',
          granularity: 'kind',
        }),
      ).toEqual([
        {
          propertyId: property.id,
          month: '2019-03',
          kind: 'income',
          category: null,
          total: '1002.00',
          count: 2,
        },
        {
          propertyId: property.id,
          month: '2019-04',
          kind: 'income',
          category: null,
          total: '0.75',
          count: 1,
        },
        {
          propertyId: property.id,
          month: '2021-05',
          kind: 'income',
          category: null,
          total: '9.99',
          count: 1,
        },
        {
          propertyId: property.id,
          month: '2023-11',
          kind: 'operating_expense',
          category: null,
          total: '-60.00',
          count: 1,
        },
      ]);
      expect((await repo.checkRollups()).ok).toBe(true);
      const keys = await withClient(server.url, (client) =>
        client.query(`SELECT count(*)::int AS n FROM "${schema}".transaction_keys`),
      );
      expect(keys.rows[0]?.n).toBe(all.length);
    } finally {
      await repo.close();
    }
  });
});
