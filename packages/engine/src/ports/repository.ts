/**
 * The repository port: the one interface every storage adapter (memory, SQLite, PostgreSQL, IndexedDB) implements.
 *
 * Records cross the port fully formed and already validated: the services assign ids, versions and timestamps,
 * and adapters store and return them unchanged (money as decimal strings, dates as `YYYY-MM-DD`). Storage details
 * (integer minor units, columns, indexes) stay inside the adapter.
 * @module
 */
import type { CategoryKind } from '../domain/categories.js';
import type { DateString, InstantString } from '../domain/dates.js';
import type { Alert, AuditEntry, EntityMap, EntityType, Lease, Loan } from '../domain/entities/index.js';
import type { MoneyString } from '../domain/money.js';

/** Entity types stored as versioned records (everything but the append-only audit log). */
export type RecordType = Exclude<EntityType, 'auditEntry'>;

/** The stored record type of entity type `K`. */
export type RecordOf<K extends RecordType> = EntityMap[K];

/** A scalar a list filter can compare against. `null` matches a missing or null field. */
export type FilterValue = string | number | boolean | null;

/**
 * The fields each entity type can be filtered on with equality (`where`). Adapters index these; filtering on any
 * other field is a `ValidationError`. `portfolioId` is filterable on every type that has one.
 */
export const FILTER_FIELDS = {
  portfolio: [],
  property: ['portfolioId', 'status', 'archivedAt'],
  valuation: ['portfolioId', 'propertyId'],
  unit: ['portfolioId', 'propertyId', 'status', 'archivedAt'],
  contact: ['portfolioId', 'kind'],
  lease: ['portfolioId', 'propertyId', 'unitId', 'status', 'archivedAt'],
  loan: ['portfolioId', 'propertyId', 'archivedAt'],
  transaction: [
    'portfolioId',
    'propertyId',
    'unitId',
    'leaseId',
    'loanId',
    'category',
    'kind',
    'source',
    'externalId',
    'groupId',
  ],
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
} as const satisfies { [K in RecordType]: readonly string[] };

/**
 * Unique keys beyond `id`, the same on every adapter: a second record with equal values in all of a key's fields is a
 * `ConflictError`. A key whose fields include a null or missing value does not constrain (e.g. transactions without
 * an `externalId`).
 */
export const UNIQUE_KEYS = {
  transaction: [['portfolioId', 'source', 'externalId']],
  category: [['portfolioId', 'key']],
  user: [['email']],
  roleAssignment: [['portfolioId', 'userId']],
} as const satisfies { [K in RecordType]?: readonly (readonly string[])[] };

/** The filterable field names of entity type `K`. */
export type FilterField<K extends RecordType> = (typeof FILTER_FIELDS)[K][number];

/**
 * Entity types whose records carry a calendar `date` that lists can range over and sort by
 * (`dateFrom`/`dateTo`); every other type is ordered by `id` alone.
 */
export const DATED_TYPES = ['transaction', 'valuation'] as const satisfies readonly RecordType[];

/** A page request for {@link RepositoryReader.list}. */
export interface ListQuery<K extends RecordType> {
  /** Equality filters; an array value matches any of its members. All filters must hold. */
  where?: { [F in FilterField<K>]?: FilterValue | readonly FilterValue[] };
  /** Inclusive lower bound on `date` (dated types only). */
  dateFrom?: DateString;
  /** Inclusive upper bound on `date` (dated types only). */
  dateTo?: DateString;
  /** Page size, 1–1000 (default 100). */
  limit?: number;
  /** The `nextCursor` of the previous page; omit for the first page. */
  cursor?: string | null;
}

/**
 * One page of results. The order is stable and total — `(date, id)` for dated types, `id` otherwise, compared as
 * plain strings (JavaScript `<`, never locale order) — so walking the pages visits every matching record exactly
 * once, even while other records are added or removed.
 */
export interface Page<T> {
  /** The records of this page, in order. */
  items: T[];
  /** Cursor for the next page, or `null` when this is the last one. Opaque to callers. */
  nextCursor: string | null;
}

/** Query for {@link RepositoryReader.monthlyTotals}. */
export interface MonthlyTotalsQuery {
  /** The portfolio to aggregate. */
  portfolioId: string;
  /** Restrict to these properties (default: all of the portfolio). */
  propertyIds?: readonly string[];
  /** First day included (`YYYY-MM-DD`). */
  from: DateString;
  /** Last day included (`YYYY-MM-DD`). */
  to: DateString;
  /** `'category'` (default): one row per property × month × kind × category; `'kind'`: category totals merged per kind. */
  granularity?: 'category' | 'kind';
  /**
   * `true` (default): one row per property. `false`: the selected properties (all of the portfolio, or
   * `propertyIds`) merged, `propertyId` `null` — the portfolio's own series.
   */
  byProperty?: boolean;
  /** `true` (default): one row per calendar month. `false`: the whole `from`..`to` range merged, `month` `null`. */
  byMonth?: boolean;
}

/** One aggregate row: the exact sum of the signed amounts of the matching transactions. */
export interface MonthlyTotal {
  /** The property the transactions belong to; `null` when `byProperty` is `false`. */
  propertyId: string | null;
  /** Calendar month, `YYYY-MM`; `null` when `byMonth` is `false`. */
  month: string | null;
  /** The category kind (see DATA-MODEL's sign and category convention). */
  kind: CategoryKind;
  /** The category key; `null` when `granularity` is `'kind'`. */
  category: string | null;
  /** Exact signed sum (positive = money in), as a decimal string with the currency's minor digits. */
  total: MoneyString;
  /** Number of transactions summed. */
  count: number;
}

/** Query for {@link RepositoryReader.openAlerts}. */
export interface OpenAlertsQuery {
  /** The portfolio. */
  portfolioId: string;
  /** Restrict to one property. */
  propertyId?: string;
  /** Restrict to these priorities (default: all). */
  priorities?: readonly Alert['priority'][];
  /** At most this many alerts (default: all). */
  limit?: number;
}

/** Query for {@link RepositoryReader.leasesEndingBetween}. */
export interface LeasesEndingQuery {
  /** The portfolio. */
  portfolioId: string;
  /** First end date included. */
  from: DateString;
  /** Last end date included. */
  to: DateString;
  /** Lease statuses to include (default `['active']`). */
  statuses?: readonly Lease['status'][];
}

/** What happens to a loan on a {@link LoanEvent}'s date. */
export type LoanEventKind = 'maturity' | 'balloon' | 'rate_reset';

/** A dated event in a loan's life, derived from its terms (never typed in). */
export interface LoanEvent {
  /** The loan. */
  loan: Loan;
  /** What happens. */
  kind: LoanEventKind;
  /** When (`YYYY-MM-DD`). */
  date: DateString;
}

/** Query for {@link RepositoryReader.loanEventsBetween}. */
export interface LoanEventsQuery {
  /** The portfolio. */
  portfolioId: string;
  /** First event date included. */
  from: DateString;
  /** Last event date included. */
  to: DateString;
  /** Event kinds to include (default: all). */
  kinds?: readonly LoanEventKind[];
}

/** Query for {@link RepositoryReader.listAudit}. */
export interface AuditQuery {
  /** Entries about this portfolio (or, with `null`, entries about no portfolio such as user records). */
  portfolioId?: string | null;
  /** Entries about this entity type. */
  entityType?: string;
  /** Entries about this entity. */
  entityId?: string;
  /** Entries written by this actor. */
  actorId?: string;
  /** Page size, 1–1000 (default 100). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
}

/**
 * Optional abilities in which adapters may legitimately differ. The services and the conformance kit read them;
 * an adapter must not claim an ability it lacks.
 */
export interface RepositoryCapabilities {
  /** Data survive closing and reopening the repository. */
  persistent: boolean;
  /** Several processes or connections may write at once (optimistic versioning still applies everywhere). */
  concurrentWriters: boolean;
  /**
   * A unit of work may stay open while the caller awaits other I/O (true for SQL drivers). False for IndexedDB,
   * whose transactions commit as soon as the code awaits anything else: callers must then buffer first.
   */
  longTransactions: boolean;
}

/** Read access: available on the repository and, with the same semantics, inside a unit of work. */
export interface RepositoryReader {
  /** The record of `type` with `id`, or `null` when there is none. */
  get<K extends RecordType>(type: K, id: string): Promise<RecordOf<K> | null>;
  /** Records of `type` matching `query`, one page at a time, in the stable order described on {@link Page}. */
  list<K extends RecordType>(type: K, query?: ListQuery<K>): Promise<Page<RecordOf<K>>>;
  /**
   * Exact monthly totals of transactions, pushed down to the store (never loads every transaction), ordered by
   * propertyId, month, kind, category (plain string order). Only non-empty groups are returned. With `byProperty:
   * false` a store answers from portfolio-level aggregates, so a dashboard's series costs a few hundred rows
   * whatever the number of properties.
   */
  monthlyTotals(query: MonthlyTotalsQuery): Promise<MonthlyTotal[]>;
  /** Alerts with status `open`, most urgent first (critical → low), then oldest `raisedAt`, then `id`. */
  openAlerts(query: OpenAlertsQuery): Promise<Alert[]>;
  /** Leases whose `endDate` falls within `[from, to]`, ordered by `endDate`, then `id`. */
  leasesEndingBetween(query: LeasesEndingQuery): Promise<Lease[]>;
  /**
   * Maturities, balloons and rate resets of unarchived loans within `[from, to]`, exactly as `loanEvents` (domain)
   * derives them, ordered by date, kind (plain string order: `balloon` < `maturity` < `rate_reset`), loan id.
   */
  loanEventsBetween(query: LoanEventsQuery): Promise<LoanEvent[]>;
  /** Audit entries, oldest first (`at`, then `id`). */
  listAudit(query?: AuditQuery): Promise<Page<AuditEntry>>;
}

/**
 * Writes, valid only inside {@link Repository.transaction}. Every write of a unit of work lands, or none does.
 * Inside the callback await only this object's methods: no network, timers or other I/O.
 */
export interface UnitOfWork extends RepositoryReader {
  /** Stores a new record. An existing `id` (or another unique key) is a `ConflictError`. */
  insert<K extends RecordType>(type: K, record: RecordOf<K>): Promise<void>;
  /** Stores many new records of one type (bulk import). Any conflict fails the whole unit of work. */
  insertMany<K extends RecordType>(type: K, records: readonly RecordOf<K>[]): Promise<void>;
  /**
   * Replaces a record whose stored version is `expectedVersion`; `record.version` must be `expectedVersion + 1`
   * (else a `ValidationError`). A different stored version is a `ConflictError`; a missing record a `NotFoundError`.
   */
  update<K extends RecordType>(type: K, record: RecordOf<K>, expectedVersion: number): Promise<void>;
  /** Deletes a record whose stored version is `expectedVersion` (`ConflictError` / `NotFoundError` otherwise). */
  delete<K extends RecordType>(type: K, id: string, expectedVersion: number): Promise<void>;
  /** Appends an audit entry. Entries are never updated, except by {@link UnitOfWork.redactAudit}. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Appends many audit entries (snapshot import). */
  appendAuditMany(entries: readonly AuditEntry[]): Promise<void>;
  /** Replaces the `before`/`after`/`details` payloads of existing entries: only for erasing a person's data. */
  redactAudit(entries: readonly Pick<AuditEntry, 'id' | 'before' | 'after' | 'details'>[]): Promise<void>;
}

/** A storage adapter: reads, atomic units of work, and lifecycle. */
export interface Repository extends RepositoryReader {
  /** Which optional abilities this adapter has. */
  readonly capabilities: RepositoryCapabilities;
  /**
   * Runs `work` as one atomic unit of work and returns its result. If `work` throws (or rejects), nothing it wrote is
   * kept and the error is rethrown unchanged (driver errors become `StorageError`/`ConflictError` with the driver
   * error as `cause`).
   */
  transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T>;
  /** Releases connections and handles. Afterwards every method (`close` included) rejects with a `StorageError`. */
  close(): Promise<void>;
}

/** Timestamp fields every versioned record has. */
export interface VersionedRecord {
  /** Identifier. */
  id: string;
  /** 1 on create, +1 on every update. */
  version: number;
  /** Creation instant. */
  createdAt: InstantString;
  /** Last update instant. */
  updatedAt: InstantString;
}
