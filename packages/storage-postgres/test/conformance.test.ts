/**
 * The engine's storage conformance kit, unchanged, against a real PostgreSQL (`DATABASE_URL`; see
 * `scripts/with-postgres.mjs`). Every test gets a fresh schema of its own, dropped afterwards.
 */
import { describeRepositoryConformance } from '@freehold/engine/conformance';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { createPostgresRepository, type PostgresRepository } from '../src/index.js';
import { postgresBackdoor } from './support/backdoor.js';
import {
  dropSchema,
  HOW_TO_RUN,
  hasTestServer,
  stopTestServer,
  testServer,
  uniqueSchema,
} from './support/postgres-server.js';

if (!hasTestServer) {
  describe('repository conformance: postgres', () => {
    it.skip(`skipped: ${HOW_TO_RUN}`, () => {});
  });
} else {
  const server = await testServer();
  if (!server) throw new Error(HOW_TO_RUN);
  const url = server.url;
  const raw = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(async () => {
    await raw.end();
    await stopTestServer();
  });

  describeRepositoryConformance({
    name: `postgres (${server.kind})`,
    setup: () =>
      createPostgresRepository({ connectionString: url, schema: uniqueSchema('conf'), poolSize: 4 }),
    async teardown(repo) {
      const { schema } = repo as PostgresRepository;
      await repo.close().catch(() => undefined);
      await dropSchema(url, schema);
    },
    async reopen(repo) {
      const { schema } = repo as PostgresRepository;
      await repo.close();
      return createPostgresRepository({ connectionString: url, schema, poolSize: 4 });
    },
    backdoor: postgresBackdoor(raw),
    driverErrors: true,
  });
}
