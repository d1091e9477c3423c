/**
 * `createSqlRepository`: the whole repository port over a kysely instance and a {@link SqlDialectAdapter}. The
 * SQLite and PostgreSQL adapters open the database, run their migrations, and hand the rest to this.
 * @module
 */
import {
  type Repository,
  type RepositoryCapabilities,
  StorageError,
  type UnitOfWork,
} from '@freehold/engine';
import type { Kysely } from 'kysely';
import { checkRollups, type RollupCheck, type RollupScope, rebuildRollups } from './rollups.js';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';
import { translateDriverError } from './sql-errors.js';
import { SqlReader } from './sql-reader.js';
import type { CoreDatabase } from './sql-schema.js';
import { SqlUnitOfWork } from './sql-unit-of-work.js';

/** Options of {@link createSqlRepository}. */
export interface SqlRepositoryOptions {
  /** The database, already migrated to the core schema; units of work run on it. */
  readonly db: Kysely<CoreDatabase>;
  /**
   * Optional separate database (e.g. a pool on a read replica) for the analytics reads outside units of work:
   * `monthlyTotals`, `openAlerts`, `leasesEndingBetween`, `loanEventsBetween` and `checkRollups`. `get`, `list`
   * and `listAudit` always read `db`, so a record just written is found even when a replica lags. Default: `db`.
   */
  readonly readDb?: Kysely<CoreDatabase>;
  /** The dialect's part. */
  readonly dialect: SqlDialectAdapter;
  /** What the adapter can do (reported as `repository.capabilities`). */
  readonly capabilities: RepositoryCapabilities;
  /** Releases the connections on `close()` (default: destroys `db` and `readDb`). */
  readonly close?: () => Promise<void>;
}

/** A SQL repository: the port plus maintenance of the monthly rollups. */
export interface SqlRepository extends Repository {
  /** Verifies the monthly rollup tables against the raw transactions (see {@link checkRollups}). */
  checkRollups(scope?: RollupScope): Promise<RollupCheck>;
  /** Recomputes the monthly rollup tables from the raw transactions, in one unit of work. */
  rebuildRollups(scope?: RollupScope): Promise<void>;
}

/**
 * The repository port over `options.db`. Units of work are kysely transactions; analytics reads outside them go
 * to `options.readDb` (default `db`); after `close()` every method rejects with a `StorageError`.
 */
export function createSqlRepository(options: SqlRepositoryOptions): SqlRepository {
  const { db, dialect } = options;
  const readDb = options.readDb ?? db;
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  const assertOpen = (): void => {
    if (closed) throw new StorageError(`the ${dialect.name} repository is closed`);
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    const done = () => inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  };
  const reader = new SqlReader(db, dialect, assertOpen);
  const analytics = readDb === db ? reader : new SqlReader(readDb, dialect, assertOpen);

  async function runTransaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T> {
    let workError: { error: unknown } | undefined;
    try {
      return await db.transaction().execute(async (trx) => {
        const unit = new SqlUnitOfWork(trx, dialect, assertOpen);
        try {
          let result: T;
          try {
            result = await work(unit);
            await unit.settled();
          } catch (error) {
            workError = { error };
            throw error;
          }
          if (unit.failure !== undefined) {
            workError = { error: unit.failure };
            throw unit.failure;
          }
          await unit.flush();
          return result;
        } finally {
          unit.end();
        }
      });
    } catch (error) {
      if (workError && error === workError.error) throw error;
      throw translateDriverError(dialect, error, 'transaction');
    }
  }

  return {
    capabilities: Object.freeze({ ...options.capabilities }),
    get: (type, id) => track(reader.get(type, id)),
    list: (type, query) => track(reader.list(type, query)),
    monthlyTotals: (query) => track(analytics.monthlyTotals(query)),
    openAlerts: (query) => track(analytics.openAlerts(query)),
    leasesEndingBetween: (query) => track(analytics.leasesEndingBetween(query)),
    loanEventsBetween: (query) => track(analytics.loanEventsBetween(query)),
    listAudit: (query) => track(reader.listAudit(query)),
    async transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T> {
      assertOpen();
      return track(runTransaction(work));
    },
    async checkRollups(scope?: RollupScope): Promise<RollupCheck> {
      assertOpen();
      try {
        return await track(checkRollups(readDb, { dialect, ...scope }));
      } catch (error) {
        throw translateDriverError(dialect, error, 'checkRollups');
      }
    },
    async rebuildRollups(scope?: RollupScope): Promise<void> {
      assertOpen();
      try {
        await track(db.transaction().execute((trx) => rebuildRollups(trx, { dialect, ...scope })));
      } catch (error) {
        throw translateDriverError(dialect, error, 'rebuildRollups');
      }
    },
    async close(): Promise<void> {
      assertOpen();
      closed = true;
      await Promise.allSettled([...inFlight]);
      try {
        if (options.close) await options.close();
        else {
          await db.destroy();
          if (readDb !== db) await readDb.destroy();
        }
      } catch (error) {
        throw translateDriverError(dialect, error, 'close');
      }
    },
  };
}
