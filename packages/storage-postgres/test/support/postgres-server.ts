/**
 * The PostgreSQL server the tests run against: `DATABASE_URL` (set by `scripts/with-postgres.mjs`, which starts
 * a throwaway cluster, or by you), or — only when `FREEHOLD_PG_FALLBACK=pglite` — an in-process PGlite served
 * over a local socket. Without either, the PostgreSQL tests skip and say how to run them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe } from 'vitest';

/** How to run these tests, shown when they skip. */
export const HOW_TO_RUN =
  'no PostgreSQL: set DATABASE_URL, or run `node scripts/with-postgres.mjs -- npx vitest run --project storage-postgres` ' +
  '(starts a throwaway cluster from /usr/lib/postgresql/*/bin, or falls back to PGlite)';

/** Connections the PGlite fallback accepts (≥ every pool the tests open at once). */
const FALLBACK_MAX_CONNECTIONS = 200;

/** The running test server. */
export interface TestServer {
  /** Connection URL. */
  readonly url: string;
  /** `'server'` for a real PostgreSQL, `'pglite'` for the fallback. */
  readonly kind: 'server' | 'pglite';
  /** Stops what this module started (nothing for an external server). */
  stop(): Promise<void>;
}

let started: Promise<TestServer | null> | undefined;

/** Starts (once per test file) or finds the server; `null` when there is none (the tests skip). */
export function testServer(): Promise<TestServer | null> {
  started ??= findServer();
  return started;
}

/** Stops the PGlite fallback this test file started, if any (call it from the file's `afterAll`). */
export async function stopTestServer(): Promise<void> {
  const current = started;
  started = undefined;
  const server = current ? await current : null;
  await server?.stop();
}

/** Whether the tests have a server to run against, decided without starting one (for `describe.skipIf`). */
export const hasTestServer: boolean =
  Boolean(process.env.DATABASE_URL) || process.env.FREEHOLD_PG_FALLBACK === 'pglite';

async function findServer(): Promise<TestServer | null> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, kind: 'server', stop: async () => undefined };
  if (process.env.FREEHOLD_PG_FALLBACK === 'pglite') return startPglite();
  return null;
}

async function startPglite(): Promise<TestServer> {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: FALLBACK_MAX_CONNECTIONS,
  });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  process.stderr.write(
    `\n[storage-postgres tests] WARNING: running against PGlite (PostgreSQL in WASM) at ${url}, NOT a real server.\n`,
  );
  return {
    url,
    kind: 'pglite',
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** A fresh schema name no other test uses (`freehold_t_<hex>`). */
export function uniqueSchema(label = 't'): string {
  return `freehold_${label}_${randomBytes(6).toString('hex')}`;
}

/** Runs `work` with a plain `pg` client of the test server (outside any repository), then closes it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops `schema` and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** Schemas a `describe` block creates on the test server; see {@link testSchemas}. */
export interface TestSchemas {
  /** A fresh schema name ({@link uniqueSchema}), dropped after the block. */
  create(label?: string): string;
}

/**
 * Call inside a `describe`: schema names for its tests, every one dropped after the block, and the test server
 * stopped (it is started again on demand).
 */
export function testSchemas(): TestSchemas {
  const created: string[] = [];
  afterAll(async () => {
    const server = await testServer();
    if (server) for (const schema of created) await dropSchema(server.url, schema);
    await stopTestServer();
  });
  return {
    create(label) {
      const schema = uniqueSchema(label);
      created.push(schema);
      return schema;
    },
  };
}

/**
 * `describe` for tests that need a server: without one the block is skipped, and its title says how to run it.
 */
export function describeWithServer(name: string, body: () => void): void {
  if (hasTestServer) describe(name, body);
  else describe.skip(`${name} (skipped: ${HOW_TO_RUN})`, body);
}
