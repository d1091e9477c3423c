/**
 * Opening a database: forward migrations inside `onupgradeneeded`, a refusal (and no change) when the database
 * was written by a newer schema, and a bounded wait when other connections block an upgrade.
 * @internal
 * @module
 */
import { StorageError } from '@freehold/engine';
import type { VersionChangeInfo } from './indexeddb-config.js';
import type { Migration } from './migrations/index.js';

/** What {@link openDatabase} needs. */
export interface OpenDatabaseOptions {
  /** The IndexedDB factory. */
  readonly factory: IDBFactory;
  /** The database name. */
  readonly name: string;
  /** The migrations, version 1 first; the database is opened at the last one's version. */
  readonly migrations: readonly Migration[];
  /** Told when other connections block the upgrade. */
  readonly onBlocked?: (info: VersionChangeInfo) => void;
  /** How long to wait while blocked (ms). */
  readonly blockedTimeoutMs: number;
}

/**
 * Opens (creating or upgrading) the database. Rejects with a `StorageError` — leaving the database as it was —
 * when it was written by a newer schema, when a migration fails (the whole upgrade is rolled back), or when other
 * connections keep blocking the upgrade longer than `blockedTimeoutMs`.
 */
export function openDatabase(options: OpenDatabaseOptions): Promise<IDBDatabase> {
  const { factory, name, migrations, onBlocked, blockedTimeoutMs } = options;
  const target = migrations.length;
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new StorageError(
        `migration ${migration.name} has version ${migration.version}, expected ${i + 1}`,
      );
    }
  });
  return new Promise<IDBDatabase>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failedMigration: { migration: Migration; error: unknown; from: number } | undefined;
    const fail = (error: StorageError) => {
      if (timer !== undefined) clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(error);
    };
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, target);
    } catch (error) {
      fail(new StorageError(`cannot open IndexedDB database "${name}"`, { cause: error }));
      return;
    }
    req.onupgradeneeded = (event) => {
      const db = req.result;
      const tx = req.transaction;
      if (!tx) return;
      const run = async () => {
        for (let version = event.oldVersion + 1; version <= target; version++) {
          const migration = migrations[version - 1];
          if (!migration) continue;
          try {
            await migration.up({ db, tx });
          } catch (error) {
            failedMigration = { migration, error, from: event.oldVersion };
            throw error;
          }
        }
      };
      run().catch(() => {
        try {
          tx.abort();
        } catch {
          // The upgrade transaction already finished: its own error event reports the failure.
        }
      });
    };
    req.onblocked = (event) => {
      onBlocked?.({ oldVersion: event.oldVersion, newVersion: event.newVersion });
      if (timer !== undefined || settled) return;
      timer = setTimeout(() => {
        fail(
          new StorageError(
            `IndexedDB database "${name}" is held open by another tab or connection that does not close; ` +
              `the upgrade to schema version ${target} waited ${blockedTimeoutMs} ms`,
          ),
        );
      }, blockedTimeoutMs);
    };
    req.onsuccess = () => {
      if (timer !== undefined) clearTimeout(timer);
      const db = req.result;
      if (settled) {
        // Opening gave up while blocked; the upgrade went through later. Do not keep a connection nobody uses.
        db.close();
        return;
      }
      settled = true;
      resolve(db);
    };
    req.onerror = (event) => {
      event.preventDefault();
      const error = req.error;
      if (error?.name === 'VersionError') {
        void describeNewer(factory, name).then((found) =>
          fail(
            new StorageError(
              `IndexedDB database "${name}" was written by a newer version of Freehold (schema version ` +
                `${found ?? 'unknown'}; this code knows up to ${target}); it was left untouched`,
              { cause: error },
            ),
          ),
        );
        return;
      }
      if (failedMigration) {
        const { migration, error: cause, from } = failedMigration;
        fail(
          new StorageError(
            `IndexedDB database "${name}": migration ${migration.name} failed; the database was left at schema ` +
              `version ${from}`,
            { cause },
          ),
        );
        return;
      }
      fail(new StorageError(`cannot open IndexedDB database "${name}"`, { cause: error }));
    };
  });
}

/** The version of database `name` as `indexedDB.databases()` reports it, when the platform has that method. */
async function describeNewer(factory: IDBFactory, name: string): Promise<number | undefined> {
  try {
    if (typeof factory.databases !== 'function') return undefined;
    const databases = await factory.databases();
    return databases.find((info) => info.name === name)?.version;
  } catch {
    return undefined;
  }
}
