/**
 * `@freehold/storage-indexeddb`: the IndexedDB adapter of Freehold's repository port — local-first, offline
 * storage in the browser, on `idb`. It passes the same conformance suite as the memory, SQLite and PostgreSQL
 * adapters.
 * @packageDocumentation
 */

export { type DeleteIndexedDbDatabaseOptions, deleteIndexedDbDatabase } from './delete-database.js';
export type { IndexedDbRepositoryOptions, VersionChangeInfo } from './indexeddb-config.js';
export {
  createIndexedDbRepository,
  type IndexedDbRepository,
  SCHEMA_VERSION as INDEXEDDB_SCHEMA_VERSION,
} from './indexeddb-repository.js';
