/**
 * The conformance-kit options of the IndexedDB adapter, shared by the Node run (fake-indexeddb) and the Chromium
 * run: a fresh database per test, a back door that reads stores over its own connection, and reopen.
 * No Node built-ins: this file runs in the browser too.
 */
import type { EntityType, Repository } from '@freehold/engine';
import type { RepositoryConformanceOptions } from '@freehold/engine/conformance';
import { createIndexedDbRepository, deleteIndexedDbDatabase } from '../../src/index.js';

/** Where a repository under test keeps its data. */
interface Location {
  readonly factory: IDBFactory;
  readonly name: string;
}

let sequence = 0;

/** A database name no other test uses (also across runs in one browser profile). */
export function uniqueDatabaseName(prefix: string): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${sequence}`;
}

/** Reads one stored value of `store` over a connection of its own, bypassing the adapter. */
export async function rawGet(location: Location, store: string, key: IDBValidKey): Promise<unknown | null> {
  const db = await rawOpen(location);
  try {
    if (!db.objectStoreNames.contains(store)) return null;
    return await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction(store, 'readonly').objectStore(store).get(key);
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** Every value of `store`, read over a connection of its own. */
export async function rawGetAll(location: Location, store: string): Promise<unknown[]> {
  const db = await rawOpen(location);
  try {
    return await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** Opens the existing database at its current version (never upgrades it). */
export function rawOpen(location: Location): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = location.factory.open(location.name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Options of {@link indexedDbConformance}. */
export interface IndexedDbConformanceSetup {
  /** Name of the run. */
  readonly name: string;
  /** The factory of a test's database (fake-indexeddb: a fresh `IDBFactory` per test; Chromium: `indexedDB`). */
  readonly factory: () => IDBFactory;
  /** Delete each test's database afterwards (for a real browser profile). */
  readonly deleteAfter?: boolean;
  /** Runs of each fast-check property. */
  readonly numRuns?: number;
}

/** The kit's options for the IndexedDB adapter. */
export function indexedDbConformance(setup: IndexedDbConformanceSetup): RepositoryConformanceOptions {
  const locations = new WeakMap<Repository, Location>();
  const locationOf = (repo: Repository): Location => {
    const location = locations.get(repo);
    if (!location) throw new Error('not a repository of this conformance run');
    return location;
  };
  const open = async (location: Location) => {
    const repo = await createIndexedDbRepository({ name: location.name, indexedDB: location.factory });
    locations.set(repo, location);
    return repo;
  };
  return {
    name: setup.name,
    ...(setup.numRuns === undefined ? {} : { numRuns: setup.numRuns }),
    setup: () => open({ factory: setup.factory(), name: uniqueDatabaseName('freehold-conformance') }),
    teardown: async (repo) => {
      await repo.close().catch(() => undefined);
      const location = locations.get(repo);
      if (setup.deleteAfter && location) {
        await deleteIndexedDbDatabase({ name: location.name, indexedDB: location.factory });
      }
    },
    reopen: async (repo) => {
      const location = locationOf(repo);
      await repo.close();
      return open(location);
    },
    backdoor: {
      read: (type: EntityType, id: string, repo: Repository) => rawGet(locationOf(repo), type, id),
    },
  };
}
