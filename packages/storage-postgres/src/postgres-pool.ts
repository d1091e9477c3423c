/**
 * The pools behind a repository: resolves the config into a write pool and a read pool, creates `pg` pools
 * for connection strings, and wraps every pool so that each query carries the adapter's type parsers.
 * @module
 */

import { ValidationError } from '@freehold/engine';
import type {
  PostgresPoolClient as PostgresPoolClientForKysely,
  PostgresPool as PostgresPoolForKysely,
} from 'kysely';
import pg from 'pg';
import { createTypeParsers } from './mappers.js';
import {
  checkPoolSize,
  isPoolInstance,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresPoolSource,
  type PostgresRepositoryConfig,
  type PostgresTypeParsers,
} from './postgres-config.js';
import { translatePostgresError } from './postgres-errors.js';

/** The pool shape kysely's `PostgresDialect` drives. */
export type KyselyPool = PostgresPoolForKysely;

/** The write and read pools of one repository. */
export interface RepositoryPools {
  /** Pool for units of work and ordinary reads. */
  readonly write: KyselyPool;
  /** Pool for analytics reads outside units of work (the write pool unless a read pool was configured). */
  readonly read: KyselyPool;
  /** Whether a separate read pool was configured. */
  readonly separateRead: boolean;
}

const parsers: PostgresTypeParsers = createTypeParsers(pg.types as unknown as PostgresTypeParsers);

/** A pool created by the adapter for `connectionString`. */
function createPgPool(connectionString: string, size: number): PostgresPool {
  const pool = new pg.Pool({ connectionString, max: size });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', () => undefined);
  return pool as unknown as PostgresPool;
}

/**
 * Wraps `source` for kysely: lazily resolves a factory, translates connection failures, and passes the adapter's
 * type parsers with every query. `end()` (called when kysely is destroyed) ends only a pool the repository
 * `owned`: one it created from a URL or a factory. No session state is set on the connections (tables are schema-qualified in
 * every statement), so pools may be shared and transaction-pooling proxies such as PgBouncer work.
 */
function wrapPool(source: PostgresPoolSource, owned: boolean): KyselyPool {
  let resolved: Promise<PostgresPool> | undefined;
  const pool = () => {
    resolved ??= Promise.resolve(isPoolInstance(source) ? source : source());
    return resolved;
  };
  return {
    async connect() {
      let client: PostgresPoolClient;
      try {
        client = await (await pool()).connect();
      } catch (error) {
        throw translatePostgresError(error, 'connect');
      }
      const query = (text: string, parameters: readonly unknown[]) =>
        client.query({ text, values: [...parameters], types: parsers });
      return {
        // kysely only streams through a cursor when the dialect is given one; this adapter never is.
        query: query as unknown as PostgresPoolClientForKysely['query'],
        release(destroy?: boolean) {
          client.release(destroy);
        },
      };
    },
    async end() {
      if (owned && resolved !== undefined) {
        const current = resolved;
        resolved = undefined;
        await (await current).end();
      }
    },
  };
}

/** Resolves the config's pools (see {@link PostgresRepositoryConfig}). */
export function resolvePools(config: PostgresRepositoryConfig): RepositoryPools {
  const size = checkPoolSize(config.poolSize);
  let write: KyselyPool;
  if (config.pool !== undefined) {
    write = wrapPool(config.pool, !isPoolInstance(config.pool));
  } else if (typeof config.connectionString === 'string' && config.connectionString !== '') {
    const url = config.connectionString;
    write = wrapPool(() => createPgPool(url, size), true);
  } else {
    throw ValidationError.field('connectionString', 'a postgres:// URL, or a pool in `pool`');
  }
  let read = write;
  const source = config.readPool;
  if (typeof source === 'string') {
    read = wrapPool(() => createPgPool(source, size), true);
  } else if (source !== undefined) {
    read = wrapPool(source, !isPoolInstance(source));
  }
  return { write, read, separateRead: read !== write };
}
