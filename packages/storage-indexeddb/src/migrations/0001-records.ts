/**
 * Schema version 1: one object store per record type (key path `id`) and the audit log, with the indexes the
 * port's queries use. Frozen: the definitions are written out here rather than derived from the port's
 * `FILTER_FIELDS`, so a change to the port never silently changes what version 1 means.
 * @module
 */
import type { Migration } from './migration.js';

/** Equality-indexed fields per store. Index `by:<field>` has key path `[field, ...order fields]`. */
const FILTER_INDEXES: Readonly<Record<string, readonly string[]>> = {
  portfolio: [],
  property: ['portfolioId', 'status'],
  valuation: ['portfolioId', 'propertyId'],
  unit: ['portfolioId', 'propertyId', 'status'],
  contact: ['portfolioId', 'kind'],
  lease: ['portfolioId', 'propertyId', 'unitId', 'status'],
  loan: ['portfolioId', 'propertyId'],
  // category, kind and source are left to the portfolio or property index: they split a portfolio's transactions
  // into a handful of large groups, and an index per field would slow down every import.
  transaction: ['portfolioId', 'propertyId', 'unitId', 'leaseId', 'loanId', 'externalId', 'groupId'],
  category: ['portfolioId', 'kind', 'key'],
  recurringCharge: ['portfolioId', 'propertyId'],
  budget: ['portfolioId', 'propertyId', 'year'],
  alert: ['portfolioId', 'propertyId', 'status', 'priority', 'type', 'dedupeKey'],
  task: ['portfolioId', 'propertyId', 'status'],
  deal: ['portfolioId', 'stage'],
  dealAnalysis: ['portfolioId', 'dealId'],
  scenario: ['portfolioId', 'propertyId', 'dealId'],
  document: ['portfolioId'],
  user: ['email'],
  roleAssignment: ['portfolioId', 'userId'],
  auditEntry: ['portfolioId', 'entityType', 'entityId', 'actorId'],
};

/** Sort order of `list` per store (dated types and the audit log; the rest sort by primary key). */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  transaction: ['date', 'id'],
  valuation: ['date', 'id'],
  auditEntry: ['at', 'id'],
};

/**
 * Unique keys. IndexedDB leaves a record out of an index when a key-path member is null or missing, which is
 * exactly the port's rule that such a key does not constrain.
 */
const UNIQUE_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  transaction: [['portfolioId', 'source', 'externalId']],
  category: [['portfolioId', 'key']],
  user: [['email']],
  roleAssignment: [['portfolioId', 'userId']],
};

/** Version 1: the record stores and their indexes. */
export const recordsMigration: Migration = {
  version: 1,
  name: '0001-records',
  up({ db }) {
    const stores = new Map<string, IDBObjectStore>();
    for (const [name, fields] of Object.entries(FILTER_INDEXES)) {
      const store = db.createObjectStore(name, { keyPath: 'id' });
      stores.set(name, store);
      const order = ORDER[name] ?? ['id'];
      if (ORDER[name]) store.createIndex('order', [...order]);
      for (const field of fields) store.createIndex(`by:${field}`, [field, ...order]);
      for (const key of UNIQUE_INDEXES[name] ?? []) {
        store.createIndex(`unique:${key.join(',')}`, [...key], { unique: true });
      }
    }
    // openAlerts: a portfolio's alerts by status, then one priority at a time, oldest first.
    stores.get('alert')?.createIndex('open', ['portfolioId', 'status', 'priority', 'raisedAt', 'id']);
    // leasesEndingBetween: a portfolio's leases by end date (month-to-month leases, endDate null, are left out).
    stores.get('lease')?.createIndex('ending', ['portfolioId', 'endDate', 'id']);
  },
};
