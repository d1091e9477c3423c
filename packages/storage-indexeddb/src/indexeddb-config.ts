/**
 * Options of the IndexedDB adapter. The adapter declares only the slice of the platform it uses: an
 * `IDBFactory` (the browser's `indexedDB`, or fake-indexeddb's in Node) and a few lifecycle callbacks.
 * @module
 */

/** What another connection asked for: an upgrade to `newVersion`, or deletion of the database (`null`). */
export interface VersionChangeInfo {
  /** The schema version of the database as this connection knows it. */
  readonly oldVersion: number;
  /** The version the other connection wants, or `null` when it is deleting the database. */
  readonly newVersion: number | null;
}

/** Options of {@link createIndexedDbRepository}. */
export interface IndexedDbRepositoryOptions {
  /** Name of the IndexedDB database (one database per local store, e.g. per signed-in user). */
  readonly name: string;
  /**
   * The IndexedDB factory (default `globalThis.indexedDB`). Outside browsers pass e.g. fake-indexeddb's
   * `new IDBFactory()` after installing its globals (`import 'fake-indexeddb/auto'`): `IDBKeyRange` and the
   * IndexedDB classes are read from `globalThis`.
   */
  readonly indexedDB?: IDBFactory;
  /**
   * Called after this repository closed its connection because another one (typically a newer version of the
   * app in another tab) wants to upgrade or delete the database. Every later call rejects with a `StorageError`;
   * the app should reload or reopen.
   */
  readonly onVersionChange?: (info: VersionChangeInfo) => void;
  /**
   * Called when opening has to wait for other connections (older tabs) to close before upgrading. Opening keeps
   * waiting for {@link IndexedDbRepositoryOptions.blockedTimeoutMs}, then fails with a `StorageError`.
   */
  readonly onBlocked?: (info: VersionChangeInfo) => void;
  /** How long opening waits while blocked by other connections before it fails (default 10 000 ms). */
  readonly blockedTimeoutMs?: number;
  /**
   * Called when the browser closed the connection abnormally (site data cleared, disk error). Every later call
   * rejects with a `StorageError`.
   */
  readonly onTerminated?: () => void;
}
