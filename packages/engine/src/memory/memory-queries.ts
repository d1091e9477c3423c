/**
 * The memory adapter's reads — `get`, `list` and the pushed-down queries — over one consistent view of the
 * tables (the committed tables, or a unit of work's staged ones). Written for obviousness, not speed: each
 * query scans its table. Every result is a deep copy.
 * @internal
 * @module
 */
import type { AuditEntry, EntityType, Loan } from '../domain/entities/index.js';
import { loanEvents } from '../domain/loan-events.js';
import { currencyMinorDigits } from '../domain/money.js';
import { StorageError, ValidationError } from '../errors.js';
import { checkListQuery, decodeCursor, encodeCursor, pageSize } from '../ports/paging.js';
import {
  type AuditQuery,
  FILTER_FIELDS,
  type FilterValue,
  type LeasesEndingQuery,
  type ListQuery,
  type LoanEvent,
  type LoanEventsQuery,
  type MonthlyTotal,
  type MonthlyTotalsQuery,
  type OpenAlertsQuery,
  type Page,
  type RecordOf,
  type RecordType,
  type RepositoryReader,
} from '../ports/repository.js';
import { deepCopy, type StoredRow, type Table } from './memory-store.js';

/** Reads the table of one entity type in the view a query runs against. */
export type TableReader = (type: EntityType) => Table;

/** Alert priorities, most urgent first. */
const PRIORITY_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The {@link RepositoryReader} methods over the view `read` returns. */
export function createReader(read: TableReader): RepositoryReader {
  return {
    async get<K extends RecordType>(type: K, id: string) {
      const row = recordTable(read, type).get(id);
      return row === undefined ? null : (deepCopy(row) as unknown as RecordOf<K>);
    },
    async list<K extends RecordType>(type: K, query: ListQuery<K> = {}) {
      return listRecords(read, type, query);
    },
    async monthlyTotals(query) {
      return monthlyTotals(read, query);
    },
    async openAlerts(query) {
      return openAlerts(read, query);
    },
    async leasesEndingBetween(query) {
      return leasesEndingBetween(read, query);
    },
    async loanEventsBetween(query) {
      return loanEventsBetween(read, query);
    },
    async listAudit(query = {}) {
      return listAudit(read, query);
    },
  };
}

/** The table of a record type; an unknown type (or the audit log) is a `ValidationError` naming `type`. */
export function recordTable(read: TableReader, type: RecordType): Table {
  if (!Object.hasOwn(FILTER_FIELDS, type)) {
    throw ValidationError.field(
      'type',
      'a record type such as property or transaction',
      `unknown type ${type}`,
    );
  }
  return read(type);
}

function listRecords<K extends RecordType>(
  read: TableReader,
  type: K,
  query: ListQuery<K>,
): Page<RecordOf<K>> {
  const table = recordTable(read, type);
  const { where, dated, dateFrom, dateTo } = checkListQuery(type, query);
  const rows = [...table.rows()].filter(
    (row) =>
      where.every(([field, wanted]) => matches(row[field], wanted)) &&
      (dateFrom === undefined || String(row.date) >= dateFrom) &&
      (dateTo === undefined || String(row.date) <= dateTo),
  );
  const order: PageOrder = dated
    ? { scope: `list:${type}`, keyOf: (row) => [String(row.date), row.id] }
    : { scope: `list:${type}`, keyOf: (row) => [row.id] };
  return paginate(rows, order, query) as unknown as Page<RecordOf<K>>;
}

/** Equality filter: `null` matches a null or missing field; an array matches any of its members. */
function matches(value: unknown, wanted: FilterValue | readonly FilterValue[]): boolean {
  const one = (candidate: FilterValue) => (candidate === null ? value == null : value === candidate);
  return Array.isArray(wanted) ? wanted.some(one) : one(wanted as FilterValue);
}

/** A paged query's total order: the sort key of a row (strings compared element-wise), and the cursor's scope. */
interface PageOrder {
  /** Which query a cursor belongs to: a cursor of another query is a `ValidationError`. */
  readonly scope: string;
  /** The sort key of a row; ids come last, so the order is total. */
  readonly keyOf: (row: StoredRow) => string[];
}

/**
 * One page of `rows` in `order`, starting after the key the cursor carries. The cursor is the page's last key
 * (not an offset), so the pages stay stable while rows are added or removed between them.
 */
function paginate(
  rows: readonly StoredRow[],
  order: PageOrder,
  query: { limit?: number; cursor?: string | null },
): Page<StoredRow> {
  const { scope, keyOf } = order;
  const size = pageSize(query.limit);
  const after = query.cursor == null ? undefined : decodeCursor(query.cursor, scope);
  const keyed = rows
    .map((row) => ({ row, key: keyOf(row) }))
    .filter((entry) => after === undefined || compareKeys(entry.key, after) > 0)
    .sort((a, b) => compareKeys(a.key, b.key));
  const items = keyed.slice(0, size);
  const last = items[items.length - 1];
  return {
    items: items.map((entry) => deepCopy(entry.row)),
    nextCursor: keyed.length > size && last ? encodeCursor(scope, last.key) : null,
  };
}

/** Element-wise comparison of string tuples with `<` (never `localeCompare`: the order must match every adapter). */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * `monthlyTotals` by a scan of the transactions: each matching transaction is added to its group — property
 * (or `null` when `byProperty` is `false`), month (or `null` when `byMonth` is `false`), kind, category (or
 * `null` for granularity `kind`).
 */
function monthlyTotals(read: TableReader, query: MonthlyTotalsQuery): MonthlyTotal[] {
  const granularity = query.granularity ?? 'category';
  if (granularity !== 'category' && granularity !== 'kind') {
    throw ValidationError.field('granularity', 'category or kind');
  }
  const byProperty = query.byProperty ?? true;
  if (typeof byProperty !== 'boolean') throw ValidationError.field('byProperty', 'true or false');
  const byMonth = query.byMonth ?? true;
  if (typeof byMonth !== 'boolean') throw ValidationError.field('byMonth', 'true or false');
  // Amounts are summed as integers in the minor units of the portfolio's currency (2 digits when the portfolio
  // record is absent: USD is the default currency).
  const portfolio = read('portfolio').get(query.portfolioId);
  const digits = portfolio ? currencyMinorDigits(String(portfolio.currency)) : 2;
  const properties = query.propertyIds ? new Set(query.propertyIds) : undefined;
  const groups = new Map<string, { row: Omit<MonthlyTotal, 'total'>; units: bigint }>();
  for (const tx of read('transaction').rows()) {
    const date = String(tx.date);
    if (tx.portfolioId !== query.portfolioId || date < query.from || date > query.to) continue;
    if (properties && !properties.has(String(tx.propertyId))) continue;
    const row = {
      propertyId: byProperty ? String(tx.propertyId) : null,
      month: byMonth ? date.slice(0, 7) : null,
      kind: tx.kind as MonthlyTotal['kind'],
      category: granularity === 'kind' ? null : String(tx.category),
      count: 0,
    };
    const key = JSON.stringify([row.propertyId, row.month, row.kind, row.category]);
    const group = groups.get(key) ?? { row, units: 0n };
    group.units += minorUnits(String(tx.amount), digits, tx.id);
    group.row.count += 1;
    groups.set(key, group);
  }
  // `null` sorts as the empty string: first, as in every adapter.
  const sortKey = (row: Omit<MonthlyTotal, 'total'>) => [
    row.propertyId ?? '',
    row.month ?? '',
    row.kind,
    row.category ?? '',
  ];
  return [...groups.values()]
    .map(({ row, units }) => ({ ...row, total: formatMinorUnits(units, digits) }))
    .sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
}

/** Exact integer minor units of a decimal string (`"-12.5"` → -1250n at 2 digits). */
function minorUnits(amount: string, digits: number, id: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  const fraction = (match?.[3] ?? '').replace(/0+$/, '');
  if (!match || fraction.length > digits) {
    throw new StorageError(
      `transaction ${id}: stored amount ${amount} is not a money amount with ${digits} decimals`,
    );
  }
  const units = BigInt((match[2] ?? '0') + fraction.padEnd(digits, '0'));
  return match[1] === '-' ? -units : units;
}

/** Formats integer minor units with exactly `digits` decimals (`-1250n` → `"-12.50"`). */
function formatMinorUnits(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const money = digits === 0 ? whole : `${whole}.${text.slice(text.length - digits)}`;
  return negative ? `-${money}` : money;
}

function openAlerts(read: TableReader, query: OpenAlertsQuery) {
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 0)) {
    throw ValidationError.field('limit', 'a whole number of alerts, 0 or more');
  }
  const alerts = [...read('alert').rows()].filter(
    (alert) =>
      alert.portfolioId === query.portfolioId &&
      alert.status === 'open' &&
      (query.propertyId === undefined || alert.propertyId === query.propertyId) &&
      (query.priorities === undefined || (query.priorities as readonly unknown[]).includes(alert.priority)),
  );
  const key = (alert: StoredRow) => [
    String(PRIORITY_RANK[String(alert.priority)] ?? 9),
    String(alert.raisedAt),
    alert.id,
  ];
  alerts.sort((a, b) => compareKeys(key(a), key(b)));
  return alerts
    .slice(0, query.limit ?? alerts.length)
    .map((alert) => deepCopy(alert) as unknown as RecordOf<'alert'>);
}

function leasesEndingBetween(read: TableReader, query: LeasesEndingQuery) {
  const statuses: readonly unknown[] = query.statuses ?? ['active'];
  const leases = [...read('lease').rows()].filter(
    (lease) =>
      lease.portfolioId === query.portfolioId &&
      typeof lease.endDate === 'string' &&
      lease.endDate >= query.from &&
      lease.endDate <= query.to &&
      statuses.includes(lease.status),
  );
  const key = (lease: StoredRow) => [String(lease.endDate), lease.id];
  leases.sort((a, b) => compareKeys(key(a), key(b)));
  return leases.map((lease) => deepCopy(lease) as unknown as RecordOf<'lease'>);
}

function loanEventsBetween(read: TableReader, query: LoanEventsQuery): LoanEvent[] {
  const kinds: readonly string[] | undefined = query.kinds;
  const events: LoanEvent[] = [];
  for (const row of read('loan').rows()) {
    if (row.portfolioId !== query.portfolioId || row.archivedAt != null) continue;
    const loan = row as unknown as Loan;
    for (const event of loanEvents(loan)) {
      if (event.date < query.from || event.date > query.to) continue;
      if (kinds && !kinds.includes(event.kind)) continue;
      events.push({ loan: deepCopy(loan), kind: event.kind, date: event.date });
    }
  }
  const key = (event: LoanEvent) => [event.date, event.kind, event.loan.id];
  return events.sort((a, b) => compareKeys(key(a), key(b)));
}

function listAudit(read: TableReader, query: AuditQuery): Page<AuditEntry> {
  const entries = [...read('auditEntry').rows()].filter(
    (entry) =>
      (query.portfolioId === undefined ||
        (query.portfolioId === null ? entry.portfolioId == null : entry.portfolioId === query.portfolioId)) &&
      (query.entityType === undefined || entry.entityType === query.entityType) &&
      (query.entityId === undefined || entry.entityId === query.entityId) &&
      (query.actorId === undefined || entry.actorId === query.actorId),
  );
  const order: PageOrder = { scope: 'audit', keyOf: (entry) => [String(entry.at), entry.id] };
  return paginate(entries, order, query) as unknown as Page<AuditEntry>;
}
