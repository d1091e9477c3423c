/**
 * How records are stored on PostgreSQL: column types (money `bigint`, payload `json`, sorted text `COLLATE "C"`),
 * and payloads kept exactly as written — key order included — on every write path (insert, bulk insert, update).
 */
import { createFixtureFactory } from '@freehold/engine/conformance';
import { expect, it } from 'vitest';
import { createPostgresRepository } from '../src/index.js';
import {
  describeWithServer,
  HOW_TO_RUN,
  testSchemas,
  testServer,
  withClient,
} from './support/postgres-server.js';

describeWithServer('storage format', () => {
  const schemas = testSchemas();

  it('uses bigint money, json payloads and code-point text', async () => {
    const server = await testServer();
    if (!server) throw new Error(HOW_TO_RUN);
    const schema = schemas.create('fmt');
    await (await createPostgresRepository({ connectionString: server.url, schema })).close();
    const { rows } = await withClient(server.url, (client) =>
      client.query<{
        table_name: string;
        column_name: string;
        data_type: string;
        collation_name: string | null;
      }>(
        `SELECT table_name, column_name, data_type, collation_name FROM information_schema.columns
         WHERE table_schema = $1 AND table_name IN ('transactions', 'monthly_category_totals', 'alerts')`,
        [schema],
      ),
    );
    const column = (table: string, name: string) =>
      rows.find((r) => r.table_name === table && r.column_name === name);
    expect(column('transactions', 'amount_minor')?.data_type).toBe('bigint');
    expect(column('monthly_category_totals', 'total_minor')?.data_type).toBe('bigint');
    expect(column('transactions', 'data')?.data_type).toBe('json');
    expect(column('transactions', 'id')?.collation_name).toBe('C');
    expect(column('alerts', 'raised_at')?.collation_name).toBe('C');
  });

  it('keeps payloads as written, key order included, on insert, bulk insert and update', async () => {
    const server = await testServer();
    if (!server) throw new Error(HOW_TO_RUN);
    const schema = schemas.create('fmt');
    const repo = await createPostgresRepository({ connectionString: server.url, schema });
    try {
      const f = createFixtureFactory();
      const portfolio = f.portfolio();
      // Keys deliberately out of order (jsonb would sort them by length, then bytes), nested, with escapes.
      const details = { zeta: 1, alpha: { b: 'x"y\\z', a: [3, 1, 2] }, mid: null, ü: 'ünï', longer_key: 0.1 };
      const one = f.alert(portfolio, { details });
      const many = [f.alert(portfolio, { details: { b: 2, a: 1 } }), f.alert(portfolio, { details })];
      await repo.transaction(async (tx) => {
        await tx.insert('portfolio', portfolio);
        await tx.insert('alert', one);
        await tx.insertMany('alert', many);
      });
      const updated = f.next('alert', one, { details: { z: true, y: false, x: { d: 1, c: 2 } } });
      await repo.transaction((tx) => tx.update('alert', updated, one.version));
      for (const record of [updated, ...many]) {
        const stored = await repo.get('alert', record.id);
        expect(JSON.stringify(stored)).toBe(JSON.stringify(record));
      }
      const texts = await withClient(server.url, (client) =>
        client.query<{ id: string; data: string }>(`SELECT id, data::text AS data FROM "${schema}".alerts`),
      );
      for (const record of [updated, ...many]) {
        expect(texts.rows.find((row) => row.id === record.id)?.data).toBe(JSON.stringify(record));
      }
    } finally {
      await repo.close();
    }
  });
});
