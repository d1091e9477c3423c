/**
 * Names and key paths shared by the migrations and the queries, and the catalogue of indexes read from the live
 * database at open (so the query planner uses exactly the indexes the migrations created).
 * @internal
 * @module
 */
import { DATED_TYPES, type RecordType } from '@freehold/engine';

/** Object store of the audit log. */
export const AUDIT_STORE = 'auditEntry';
/** Object store of materialised loan events (maturity, balloon, rate resets) of unarchived loans. */
export const LOAN_EVENT_STORE = 'loanEvent';

/** Index of a store in the sort order of its `list` (dated types and the audit log). */
export const ORDER_INDEX = 'order';
/** Index of the alert store serving `openAlerts`. */
export const OPEN_ALERTS_INDEX = 'open';
/** Index of the lease store serving `leasesEndingBetween`. */
export const LEASE_ENDING_INDEX = 'ending';

/** Name of the equality index on `field`: key path `[field, ...order fields]`. */
export function filterIndexName(field: string): string {
  return `by:${field}`;
}

/** Name of the unique index over `fields`. */
export function uniqueIndexName(fields: readonly string[]): string {
  return `unique:${fields.join(',')}`;
}

/** The fields of the total order of `list` (or `listAudit`) for records of `type`. */
export function orderFieldsOf(type: RecordType | typeof AUDIT_STORE): readonly string[] {
  if (type === AUDIT_STORE) return ['at', 'id'];
  return (DATED_TYPES as readonly string[]).includes(type) ? ['date', 'id'] : ['id'];
}

/** The indexes of one record store that the query planner may use. */
export interface StoreCatalogue {
  /** Equality indexes by field: an index named for the field whose key path is `[field, ...order fields]`. */
  readonly filterIndexes: ReadonlyMap<string, string>;
  /** The index in `list` order, or `null` when the primary key (`id`) is the order. */
  readonly orderIndex: string | null;
}

/** The planner's view of the live database: the catalogue of each record store and of the audit store. */
export type Catalogue = ReadonlyMap<string, StoreCatalogue>;

/** Reads which indexes the live database has (no requests: index metadata is synchronous). */
export function readCatalogue(db: IDBDatabase, stores: readonly string[]): Catalogue {
  const catalogue = new Map<string, StoreCatalogue>();
  if (stores.length === 0) return catalogue;
  const tx = db.transaction([...stores], 'readonly');
  for (const name of stores) {
    const store = tx.objectStore(name);
    const order = orderFieldsOf(name as RecordType);
    const filterIndexes = new Map<string, string>();
    let orderIndex: string | null = null;
    for (const indexName of Array.from(store.indexNames)) {
      const index = store.index(indexName);
      const keyPath = index.keyPath;
      if (index.unique || !Array.isArray(keyPath)) continue;
      const path = keyPath as string[];
      if (indexName === ORDER_INDEX && sameFields(path, order)) orderIndex = indexName;
      const [field, ...rest] = path;
      if (field !== undefined && indexName === filterIndexName(field) && sameFields(rest, order)) {
        filterIndexes.set(field, indexName);
      }
    }
    catalogue.set(name, { filterIndexes, orderIndex });
  }
  return catalogue;
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((field, i) => field === b[i]);
}
