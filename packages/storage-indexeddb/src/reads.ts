/**
 * The reads of the port — `get`, `list` and the pushed-down queries — over one IndexedDB transaction (a
 * read-only one of their own, or the unit of work's). Every query reads through an index or a derived store;
 * none loads a whole store.
 * @internal
 * @module
 */
import {
  type Alert,
  type AuditEntry,
  type AuditQuery,
  checkListQuery,
  decodeCursor,
  encodeCursor,
  FILTER_FIELDS,
  type FilterValue,
  type Lease,
  type LeasesEndingQuery,
  type ListQuery,
  type Loan,
  type LoanEvent,
  type LoanEventsQuery,
  type OpenAlertsQuery,
  type Page,
  pageSize,
  type RecordOf,
  type RecordType,
  type RepositoryReader,
  StorageError,
  ValidationError,
} from '@freehold/engine';
import type { LoanEventRow } from './mappers.js';
import { MONTHLY_TOTALS_STORES, monthlyTotals } from './monthly-totals.js';
import { type KeyTools, type StoredRow, scanPage } from './paging.js';
import { firstFailure, request, settleAll } from './requests.js';
import {
  AUDIT_STORE,
  type Catalogue,
  LEASE_ENDING_INDEX,
  LOAN_EVENT_STORE,
  OPEN_ALERTS_INDEX,
  orderFieldsOf,
  type StoreCatalogue,
} from './store-layout.js';

/** What the reads need besides a transaction: the index catalogue and the key tools. */
export interface ReadEnvironment extends KeyTools {
  /** The indexes of the live database. */
  readonly catalogue: Catalogue;
}

/** Runs `work` in an IndexedDB transaction that covers at least `stores`. */
export type TransactionRunner = <T>(
  stores: readonly string[],
  work: (tx: IDBTransaction) => Promise<T>,
) => Promise<T>;

/** Alert priorities, most urgent first. */
const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;

/** The {@link RepositoryReader} methods, each run through `run`. */
export function createReader(env: ReadEnvironment, run: TransactionRunner): RepositoryReader {
  return {
    async get<K extends RecordType>(type: K, id: string) {
      assertRecordType(type);
      return run([type], async (tx) => {
        const found = await request(tx.objectStore(type).get(id));
        return (found ?? null) as RecordOf<K> | null;
      });
    },
    async list<K extends RecordType>(type: K, query: ListQuery<K> = {}) {
      const spec = listSpec(env, type, query);
      return run([type], async (tx) => page(tx, env, spec, `list:${type}`)) as Promise<Page<RecordOf<K>>>;
    },
    async monthlyTotals(query) {
      return run(MONTHLY_TOTALS_STORES, (tx) => monthlyTotals(tx, env, query));
    },
    async openAlerts(query) {
      return run(['alert'], (tx) => openAlerts(tx, env, query));
    },
    async leasesEndingBetween(query) {
      return run(['lease'], (tx) => leasesEndingBetween(tx, env, query));
    },
    async loanEventsBetween(query) {
      return run([LOAN_EVENT_STORE, 'loan'], (tx) => loanEventsBetween(tx, env, query));
    },
    async listAudit(query = {}) {
      const spec = auditSpec(env, query);
      return run([AUDIT_STORE], async (tx) => page(tx, env, spec, 'audit')) as Promise<Page<AuditEntry>>;
    },
  };
}

/** Throws the port's `ValidationError` unless `type` is a record type (the audit log is not one). */
export function assertRecordType(type: string): asserts type is RecordType {
  if (!Object.hasOwn(FILTER_FIELDS, type)) {
    throw ValidationError.field(
      'type',
      'a record type such as property or transaction',
      `unknown type ${type}`,
    );
  }
}

/** A checked list query, ready for {@link scanPage}. */
interface PageSpec {
  readonly store: string;
  readonly catalogue: StoreCatalogue;
  readonly order: readonly string[];
  readonly where: readonly (readonly [string, FilterValue | readonly FilterValue[]])[];
  readonly from?: string;
  readonly to?: string;
  readonly size: number;
  readonly cursor: string | null | undefined;
}

function catalogueOf(env: ReadEnvironment, store: string): StoreCatalogue {
  const found = env.catalogue.get(store);
  if (!found) throw new StorageError(`the IndexedDB database has no object store ${store}`);
  return found;
}

function listSpec<K extends RecordType>(env: ReadEnvironment, type: K, query: ListQuery<K>): PageSpec {
  assertRecordType(type);
  const { where, dateFrom, dateTo, size } = checkListQuery(type, query);
  return {
    store: type,
    catalogue: catalogueOf(env, type),
    order: orderFieldsOf(type),
    where,
    ...(dateFrom === undefined ? {} : { from: dateFrom }),
    ...(dateTo === undefined ? {} : { to: dateTo }),
    size,
    cursor: query.cursor,
  };
}

function auditSpec(env: ReadEnvironment, query: AuditQuery): PageSpec {
  const where: [string, FilterValue][] = [];
  if (query.portfolioId !== undefined) where.push(['portfolioId', query.portfolioId]);
  if (query.entityType !== undefined) where.push(['entityType', query.entityType]);
  if (query.entityId !== undefined) where.push(['entityId', query.entityId]);
  if (query.actorId !== undefined) where.push(['actorId', query.actorId]);
  return {
    store: AUDIT_STORE,
    catalogue: catalogueOf(env, AUDIT_STORE),
    order: orderFieldsOf(AUDIT_STORE),
    where,
    size: pageSize(query.limit),
    cursor: query.cursor,
  };
}

async function page(
  tx: IDBTransaction,
  env: ReadEnvironment,
  spec: PageSpec,
  scope: string,
): Promise<Page<StoredRow>> {
  const after = spec.cursor == null ? undefined : decodeCursor(spec.cursor, scope, spec.order.length);
  const { items, last, more } = await scanPage(tx, env, {
    store: spec.store,
    catalogue: spec.catalogue,
    order: spec.order,
    where: spec.where,
    ...(spec.from === undefined ? {} : { from: spec.from }),
    ...(spec.to === undefined ? {} : { to: spec.to }),
    size: spec.size,
    ...(after === undefined ? {} : { after }),
  });
  const nextCursor =
    more && last
      ? encodeCursor(
          scope,
          spec.order.map((field) => String(last[field])),
        )
      : null;
  return { items, nextCursor };
}

async function openAlerts(
  tx: IDBTransaction,
  env: ReadEnvironment,
  query: OpenAlertsQuery,
): Promise<Alert[]> {
  const { limit } = query;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw ValidationError.field('limit', 'a whole number of alerts, 0 or more');
  }
  if (limit === 0) return [];
  const wanted: readonly string[] = query.priorities ?? PRIORITIES;
  const known = PRIORITIES.filter((priority) => wanted.includes(priority));
  const unknown = [
    ...new Set(wanted.filter((priority) => !(PRIORITIES as readonly string[]).includes(priority))),
  ];
  const index = tx.objectStore('alert').index(OPEN_ALERTS_INDEX);
  const count = query.propertyId === undefined ? limit : undefined;
  const rangeOf = (priority: string) =>
    env.keyRange.bound([query.portfolioId, 'open', priority], [query.portfolioId, 'open', priority, []]);
  const outcomes = await settleAll([
    ...known.map((priority) => index.getAll(rangeOf(priority), count)),
    ...unknown.map((priority) => index.getAll(rangeOf(priority))),
  ]);
  const failure = firstFailure(outcomes);
  if (failure) throw failure.error;
  const lists = outcomes.map((outcome) => (outcome.ok ? outcome.value : []) as Alert[]);
  // Unknown priorities (never valid) rank last together, by raisedAt then id, as in the reference adapter.
  const tail = lists
    .slice(known.length)
    .flat()
    .sort((a, b) => (a.raisedAt !== b.raisedAt ? (a.raisedAt < b.raisedAt ? -1 : 1) : a.id < b.id ? -1 : 1));
  const alerts = [...lists.slice(0, known.length).flat(), ...tail].filter(
    (alert) => query.propertyId === undefined || alert.propertyId === query.propertyId,
  );
  return limit === undefined ? alerts : alerts.slice(0, limit);
}

async function leasesEndingBetween(
  tx: IDBTransaction,
  env: ReadEnvironment,
  query: LeasesEndingQuery,
): Promise<Lease[]> {
  if (!(query.from <= query.to)) return [];
  const statuses: readonly unknown[] = query.statuses ?? ['active'];
  const range = env.keyRange.bound([query.portfolioId, query.from], [query.portfolioId, query.to, []]);
  const leases = (await request(tx.objectStore('lease').index(LEASE_ENDING_INDEX).getAll(range))) as Lease[];
  return leases.filter((lease) => statuses.includes(lease.status));
}

async function loanEventsBetween(
  tx: IDBTransaction,
  env: ReadEnvironment,
  query: LoanEventsQuery,
): Promise<LoanEvent[]> {
  if (!(query.from <= query.to)) return [];
  const kinds: readonly string[] | undefined = query.kinds;
  const range = env.keyRange.bound([query.portfolioId, query.from], [query.portfolioId, query.to, []]);
  const rows = ((await request(tx.objectStore(LOAN_EVENT_STORE).getAll(range))) as LoanEventRow[]).filter(
    (row) => kinds === undefined || kinds.includes(row.kind),
  );
  const ids = [...new Set(rows.map((row) => row.loanId))];
  const store = tx.objectStore('loan');
  const outcomes = await settleAll(ids.map((id) => store.get(id)));
  const failure = firstFailure(outcomes);
  if (failure) throw failure.error;
  const loans = new Map<string, Loan>();
  for (const outcome of outcomes) {
    const loan = (outcome.ok ? outcome.value : undefined) as Loan | undefined;
    if (loan && loan.archivedAt == null) loans.set(loan.id, loan);
  }
  const events: LoanEvent[] = [];
  for (const row of rows) {
    const loan = loans.get(row.loanId);
    // Each event gets its own copy of the loan, as callers may mutate what they receive.
    if (loan)
      events.push({ loan: structuredClone(loan), kind: row.kind as LoanEvent['kind'], date: row.date });
  }
  return events;
}
