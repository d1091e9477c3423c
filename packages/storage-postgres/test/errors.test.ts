/**
 * Driver error translation: unique violations, serialization failures and deadlocks become `ConflictError`,
 * connection failures `StorageError`, always with the driver's error as `cause`. The driver errors are real
 * ones, provoked on the test server.
 */
import { ConflictError, StorageError } from '@freehold/engine';
import { createFixtureFactory } from '@freehold/engine/conformance';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresRepository } from '../src/index.js';
import { isConnectionError, translatePostgresError } from '../src/postgres-errors.js';
import {
  describeWithServer,
  HOW_TO_RUN,
  testSchemas,
  testServer,
  uniqueSchema,
  withClient,
} from './support/postgres-server.js';

/** The error `promise` rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected a rejection');
}

async function serverUrl(): Promise<string> {
  const server = await testServer();
  if (!server) throw new Error(HOW_TO_RUN);
  return server.url;
}

describe('translatePostgresError (offline)', () => {
  it('passes Freehold errors through unchanged', () => {
    const conflict = new ConflictError('stale');
    expect(translatePostgresError(conflict)).toBe(conflict);
  });

  it('maps SQLSTATEs and socket codes', () => {
    const make = (code: string) => Object.assign(new Error(`driver ${code}`), { code });
    for (const code of ['23505', '40001', '40P01']) {
      const translated = translatePostgresError(make(code), 'write');
      expect(translated).toBeInstanceOf(ConflictError);
      expect((translated.cause as { code: string }).code).toBe(code);
      expect(translated.message.startsWith('write: ')).toBe(true);
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '08006', '57P01', '53300']) {
      expect(isConnectionError(make(code))).toBe(true);
      expect(translatePostgresError(make(code))).toBeInstanceOf(StorageError);
    }
    const other = translatePostgresError(make('42601'));
    expect(other).toBeInstanceOf(StorageError);
    expect(other.message).toContain('[42601]');
    expect(translatePostgresError('weird')).toBeInstanceOf(StorageError);
  });

  it('connection refused → StorageError with the socket error as cause', async () => {
    const repo = createPostgresRepository({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      schema: uniqueSchema('down'),
    });
    const error = await rejection(repo);
    expect(error).toBeInstanceOf(StorageError);
    expect(((error as StorageError).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });
});

describeWithServer('driver errors from a real server', () => {
  const schemas = testSchemas();

  it('unique violation (23505) → ConflictError with the driver error as cause', async () => {
    const schema = schemas.create('err');
    const repo = await createPostgresRepository({ connectionString: await serverUrl(), schema });
    try {
      const f = createFixtureFactory();
      const user = f.user();
      await repo.transaction((tx) => tx.insert('user', user));
      const error = await rejection(
        repo.transaction((tx) => tx.insert('user', f.user({ id: user.id, email: 'other@example.org' }))),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).cause).toBeInstanceOf(pg.DatabaseError);
      expect(((error as ConflictError).cause as pg.DatabaseError).code).toBe('23505');
      const twin = await rejection(
        repo.transaction((tx) => tx.insert('user', f.user({ email: user.email ?? 'x@example.org' }))),
      );
      expect(twin).toBeInstanceOf(ConflictError);
    } finally {
      await repo.close();
    }
  });

  it('a caught conflict leaves the unit of work usable (savepoint per write)', async () => {
    const schema = schemas.create('err');
    const repo = await createPostgresRepository({ connectionString: await serverUrl(), schema });
    try {
      const f = createFixtureFactory();
      const user = f.user();
      const other = f.user();
      await repo.transaction((tx) => tx.insert('user', user));
      await repo.transaction(async (tx) => {
        const error = await rejection(tx.insert('user', f.user({ id: user.id, email: 'z@example.org' })));
        expect(error).toBeInstanceOf(ConflictError);
        await tx.insert('user', other);
      });
      expect(await repo.get('user', other.id)).toEqual(other);
    } finally {
      await repo.close();
    }
  });

  it('serialization failure (40001) → ConflictError', async (context) => {
    const url = await serverUrl();
    const server = await testServer();
    if (server?.kind === 'pglite')
      context.skip('PGlite fallback runs one transaction at a time: no serialization failures');
    const table = `${uniqueSchema('ser')}_t`;
    await withClient(url, async (setup) => {
      await setup.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
      await setup.query(`INSERT INTO ${table} VALUES (1, 0)`);
      try {
        await withClient(url, async (a) =>
          withClient(url, async (b) => {
            await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
            await b.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
            await a.query(`SELECT n FROM ${table} WHERE id = 1`);
            await b.query(`SELECT n FROM ${table} WHERE id = 1`);
            await a.query(`UPDATE ${table} SET n = n + 1 WHERE id = 1`);
            const pending = rejection(b.query(`UPDATE ${table} SET n = n + 1 WHERE id = 1`));
            await a.query('COMMIT');
            const error = await pending;
            await b.query('ROLLBACK');
            const translated = translatePostgresError(error);
            expect(translated).toBeInstanceOf(ConflictError);
            expect((translated.cause as pg.DatabaseError).code).toBe('40001');
          }),
        );
      } finally {
        await setup.query(`DROP TABLE ${table}`);
      }
    });
  });

  it('deadlock between two units of work (40P01) → ConflictError for the victim, the other commits', async (context) => {
    const server = await testServer();
    if (!server) throw new Error(HOW_TO_RUN);
    if (server.kind === 'pglite')
      context.skip('PGlite fallback runs one transaction at a time: no deadlocks');
    const schema = schemas.create('dl');
    const repo = await createPostgresRepository({ connectionString: server.url, schema, poolSize: 4 });
    try {
      const f = createFixtureFactory();
      const portfolio = f.portfolio();
      const property = f.property(portfolio);
      const [a, b] = [
        f.budget(property, { amount: '1.00' }),
        f.budget(property, { amount: '2.00', year: 2026 }),
      ];
      await repo.transaction(async (tx) => {
        await tx.insert('portfolio', portfolio);
        await tx.insert('property', property);
        await tx.insertMany('budget', [a, b]);
      });
      // Each unit locks one record, waits until the other has locked its record, then wants the other's.
      let arrived = 0;
      let release: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => {
        release = resolve;
      });
      const meet = async () => {
        arrived += 1;
        if (arrived === 2) release();
        await barrier;
      };
      const crossing = (first: typeof a, second: typeof a) =>
        repo.transaction(async (tx) => {
          await tx.update('budget', f.next('budget', first, { notes: 'x' }), first.version);
          await meet();
          await tx.update('budget', f.next('budget', second, { notes: 'y' }), second.version);
        });
      const results = await Promise.allSettled([crossing(a, b), crossing(b, a)]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      const victim = rejected[0]?.reason as ConflictError;
      expect(victim).toBeInstanceOf(ConflictError);
      expect((victim.cause as pg.DatabaseError).code).toBe('40P01');
    } finally {
      await repo.close();
    }
  });
});
