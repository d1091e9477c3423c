/**
 * Deleting a Freehold IndexedDB database (sign-out, "erase all local data", tests).
 * @module
 */
import { StorageError } from '@freehold/engine';

/** Options of {@link deleteIndexedDbDatabase}. */
export interface DeleteIndexedDbDatabaseOptions {
  /** Name of the database. */
  readonly name: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`). */
  readonly indexedDB?: IDBFactory;
  /** How long to wait for other connections to close before failing (default 10 000 ms). */
  readonly blockedTimeoutMs?: number;
}

/**
 * Deletes the database `name` and everything in it. Open repositories on it (in any tab) are closed and told
 * through their `onVersionChange`; rejects with a `StorageError` if another connection keeps it open longer
 * than `blockedTimeoutMs`.
 */
export function deleteIndexedDbDatabase(options: DeleteIndexedDbDatabaseOptions): Promise<void> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.reject(new StorageError('IndexedDB is not available here'));
  const timeout = options.blockedTimeoutMs ?? 10_000;
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const req = factory.deleteDatabase(options.name);
    req.onsuccess = () => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    req.onerror = () => {
      if (timer !== undefined) clearTimeout(timer);
      reject(new StorageError(`cannot delete IndexedDB database "${options.name}"`, { cause: req.error }));
    };
    req.onblocked = () => {
      timer ??= setTimeout(
        () =>
          reject(
            new StorageError(
              `deleting IndexedDB database "${options.name}" is blocked by an open connection`,
            ),
          ),
        timeout,
      );
    };
  });
}
