/**
 * The IndexedDB adapter of the repository port: local-first storage in the browser (or in Node over
 * fake-indexeddb), on `idb`.
 *
 * - **Stores**: one object store per record type (key path `id`) plus the audit log, each record kept exactly as
 *   it crossed the port; equality indexes `[field, ...sort order]` for `list`, unique indexes for the port's
 *   unique keys, `[portfolioId, status, priority, raisedAt, id]` for open alerts,
 *   `[portfolioId, endDate, id]` for leases ending.
 * - **Derived stores**, written in the same IndexedDB transaction as the records they derive from: a monthly
 *   rollup of transactions (exact integer sums and counts per property in year and month buckets, see `rollup.ts`)
 *   and the loans' dated events.
 * - **Units of work**: one `readwrite` IndexedDB transaction over every store each, committed when the callback
 *   resolves and aborted when it throws. IndexedDB commits a transaction as soon as its code awaits anything but
 *   its own requests, so `capabilities.longTransactions` is false.
 * - **Lifecycle**: versioned migrations in `onupgradeneeded`; a database of a newer schema is refused untouched;
 *   another tab's upgrade closes this connection and tells the app; an upgrade blocked by an old tab fails after
 *   a timeout instead of hanging.
 * @module
 */
import {
  type Repository,
  type RepositoryCapabilities,
  type RepositoryReader,
  StorageError,
  type UnitOfWork,
} from '@freehold/engine';
import { toStorageError } from './driver-errors.js';
import type { IndexedDbRepositoryOptions } from './indexeddb-config.js';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from './migrations/index.js';
import { openDatabase } from './open-database.js';
import { createReader, type ReadEnvironment } from './reads.js';
import { readCatalogue } from './store-layout.js';
import { openUnitOfWork } from './unit-of-work.js';

/** The IndexedDB adapter: a {@link Repository} plus what identifies its database. */
export interface IndexedDbRepository extends Repository {
  /** Name of the IndexedDB database. */
  readonly databaseName: string;
  /** Schema version of the open database (its IndexedDB version). */
  readonly schemaVersion: number;
}

/** Data survive reloads and restarts; other tabs may write too; units of work may await only their own calls. */
const INDEXEDDB_CAPABILITIES: RepositoryCapabilities = Object.freeze({
  persistent: true,
  concurrentWriters: true,
  longTransactions: false,
});

/** Default wait while other connections block an upgrade. */
const DEFAULT_BLOCKED_TIMEOUT_MS = 10_000;

/**
 * Opens (creating or migrating) the IndexedDB database `options.name` and returns a repository over it that
 * implements every method of the {@link Repository} port. Rejects with a `StorageError` when the database was
 * written by a newer schema (left untouched), when a migration fails (rolled back), or when another tab blocks
 * the upgrade for longer than `blockedTimeoutMs`. After `close()` — or after another tab's upgrade closed the
 * connection — every method rejects with a `StorageError`.
 *
 * @example
 * ```ts
 * const repo = await createIndexedDbRepository({ name: 'freehold', onVersionChange: () => location.reload() });
 * await repo.transaction(async (tx) => tx.insert('portfolio', portfolio));
 * await repo.get('portfolio', portfolio.id); // a copy of `portfolio`
 * ```
 */
export async function createIndexedDbRepository(
  options: IndexedDbRepositoryOptions,
): Promise<IndexedDbRepository> {
  return openRepository(options, MIGRATIONS);
}

/**
 * {@link createIndexedDbRepository} with an explicit list of migrations: for tests that build a database of an
 * earlier schema version. Not part of the package's public entry point.
 * @internal
 */
export async function openRepository(
  options: IndexedDbRepositoryOptions,
  migrations: readonly Migration[],
): Promise<IndexedDbRepository> {
  const { name } = options;
  if (typeof name !== 'string' || name === '')
    throw new StorageError('an IndexedDB database name is required');
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const keyRange = (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  if (!factory || !keyRange) {
    throw new StorageError(
      'IndexedDB is not available here: pass `indexedDB` (and install IDBKeyRange and the IndexedDB classes on globalThis, e.g. with fake-indexeddb/auto)',
    );
  }
  const db = await openDatabase({
    factory,
    name,
    migrations,
    ...(options.onBlocked ? { onBlocked: options.onBlocked } : {}),
    blockedTimeoutMs: options.blockedTimeoutMs ?? DEFAULT_BLOCKED_TIMEOUT_MS,
  });
  const stores = Array.from(db.objectStoreNames);
  let env: ReadEnvironment;
  try {
    env = { catalogue: readCatalogue(db, stores), keyRange, cmp: (a, b) => factory.cmp(a, b) };
  } catch (error) {
    db.close();
    throw toStorageError(error, `open IndexedDB database "${name}"`);
  }

  /** Why the repository no longer works, once it does not. */
  let closedBecause: 'closed' | 'versionchange' | 'terminated' | undefined;
  const inFlight = new Set<Promise<unknown>>();
  const assertOpen = () => {
    if (closedBecause === 'closed') throw new StorageError(`the IndexedDB repository "${name}" is closed`);
    if (closedBecause === 'versionchange') {
      throw new StorageError(
        `the IndexedDB repository "${name}" was closed because another tab upgraded or deleted the database; reopen it`,
      );
    }
    if (closedBecause === 'terminated') {
      throw new StorageError(
        `the browser closed the IndexedDB database "${name}" (site data cleared or disk error)`,
      );
    }
  };
  db.onversionchange = (event) => {
    // Close first so the other tab's upgrade can proceed, then tell the app.
    db.close();
    closedBecause ??= 'versionchange';
    options.onVersionChange?.({ oldVersion: event.oldVersion, newVersion: event.newVersion });
  };
  db.onclose = () => {
    closedBecause ??= 'terminated';
    options.onTerminated?.();
  };

  const readOnly = async <T>(storeNames: readonly string[], work: (tx: IDBTransaction) => Promise<T>) => {
    assertOpen();
    let tx: IDBTransaction;
    try {
      tx = db.transaction([...storeNames], 'readonly');
    } catch (error) {
      throw toStorageError(error, 'read');
    }
    try {
      return await work(tx);
    } catch (error) {
      throw toStorageError(error, 'read');
    }
  };
  const reader: RepositoryReader = createReader(env, readOnly);
  const guarded = <A extends unknown[], R>(method: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      assertOpen();
      return method(...args);
    };
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.then(
      () => inFlight.delete(promise),
      () => inFlight.delete(promise),
    );
    return promise;
  };

  const runUnit = async <T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T> => {
    assertOpen();
    let idbTx: IDBTransaction;
    try {
      idbTx = db.transaction(stores, 'readwrite');
    } catch (error) {
      throw toStorageError(error, 'start a unit of work');
    }
    const state = watch(idbTx);
    const unit = openUnitOfWork(idbTx, env, assertOpen);
    let result: T;
    try {
      result = await work(unit.tx);
    } catch (error) {
      unit.end();
      if (state.status() === 'active') abortQuietly(idbTx);
      await state.done.catch(() => undefined);
      if (state.status() === 'committed') {
        throw new StorageError(
          'the unit of work failed after its IndexedDB transaction had committed (it awaited something other than ' +
            'its own methods), so its earlier writes were kept',
          { cause: error },
        );
      }
      throw error;
    }
    unit.end();
    const failure = unit.failure();
    if (failure !== undefined) {
      abortQuietly(idbTx);
      await state.done.catch(() => undefined);
      throw failure;
    }
    if (state.status() === 'active') {
      try {
        idbTx.commit();
      } catch {
        // Already committing on its own.
      }
    }
    await state.done;
    return result;
  };

  return {
    get: guarded(reader.get),
    list: guarded(reader.list),
    monthlyTotals: guarded(reader.monthlyTotals),
    openAlerts: guarded(reader.openAlerts),
    leasesEndingBetween: guarded(reader.leasesEndingBetween),
    loanEventsBetween: guarded(reader.loanEventsBetween),
    listAudit: guarded(reader.listAudit),
    capabilities: INDEXEDDB_CAPABILITIES,
    databaseName: name,
    schemaVersion: db.version,
    transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T> {
      return track(runUnit(work));
    },
    async close(): Promise<void> {
      if (closedBecause === 'versionchange' || closedBecause === 'terminated') return;
      assertOpen();
      closedBecause = 'closed';
      await Promise.allSettled([...inFlight]);
      db.close();
    },
  } as IndexedDbRepository;
}

/** The state of an IndexedDB transaction, and a promise that settles when it does. */
interface WatchedTransaction {
  /** `active` until `complete` or `abort` fires. */
  status(): 'active' | 'committed' | 'aborted';
  /** Resolves on `complete`; rejects with a `StorageError` on `abort` (quota exhaustion named as such). */
  readonly done: Promise<void>;
}

function watch(tx: IDBTransaction): WatchedTransaction {
  let status: 'active' | 'committed' | 'aborted' = 'active';
  const done = new Promise<void>((resolve, reject) => {
    tx.addEventListener('complete', () => {
      status = 'committed';
      resolve();
    });
    tx.addEventListener('abort', () => {
      status = 'aborted';
      reject(
        tx.error
          ? toStorageError(tx.error, 'the unit of work was aborted by IndexedDB')
          : new StorageError('the unit of work was aborted; nothing was written'),
      );
    });
  });
  done.catch(() => undefined);
  return { status: () => status, done };
}

function abortQuietly(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

export { SCHEMA_VERSION };
