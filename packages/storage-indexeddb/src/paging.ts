/**
 * Keyset paging over an object store or index: the cursor carries the last sort key of a page, and the next page
 * starts strictly after it (`IDBKeyRange` with an open lower bound), so pages stay stable while records are added
 * or removed between them. Filters that no index covers are applied while scanning, in batches.
 * @internal
 * @module
 */
import type { FilterValue } from '@freehold/engine';
import { settleAll } from './requests.js';
import type { StoreCatalogue } from './store-layout.js';

/** Largest batch read while scanning with filters no index covers. */
const MAX_BATCH = 4000;

/** A stored record, read by field name. */
export type StoredRow = { readonly id: string } & Readonly<Record<string, unknown>>;

/** Equality filter: `null` matches a null or missing field; an array matches any of its members. */
export function matches(value: unknown, wanted: FilterValue | readonly FilterValue[]): boolean {
  const one = (candidate: FilterValue) => (candidate === null ? value == null : value === candidate);
  return Array.isArray(wanted) ? wanted.some(one) : one(wanted as FilterValue);
}

/** What {@link scanPage} reads. */
export interface ScanSpec {
  /** The object store. */
  readonly store: string;
  /** Its indexes. */
  readonly catalogue: StoreCatalogue;
  /** The fields of the total order (`['date', 'id']`, `['at', 'id']` or `['id']`). */
  readonly order: readonly string[];
  /** Equality filters (already checked against the allowed fields). */
  readonly where: readonly (readonly [string, FilterValue | readonly FilterValue[]])[];
  /** Inclusive bounds on the first order field (dated types). */
  readonly from?: string;
  /** Inclusive upper bound on the first order field. */
  readonly to?: string;
  /** Page size. */
  readonly size: number;
  /** Sort key of the last record of the previous page. */
  readonly after?: readonly string[];
}

/** The platform pieces a scan needs. */
export interface KeyTools {
  /** `IDBKeyRange`. */
  readonly keyRange: typeof IDBKeyRange;
  /** `indexedDB.cmp`. */
  readonly cmp: (a: unknown, b: unknown) => number;
}

/** Field preference when several filters could use an index: specific ids first, then the portfolio. */
function fieldRank(field: string): number {
  if (field === 'portfolioId') return 1;
  if (/Id$/.test(field) || field === 'email' || field === 'key' || field === 'dedupeKey') return 0;
  return 2;
}

/**
 * The index keys an equality filter looks up — one per wanted value — or `undefined` when a value cannot be an
 * index key (`null`, a boolean: such filters are applied while scanning).
 */
function keyValues(wanted: FilterValue | readonly FilterValue[]): (string | number)[] | undefined {
  const values: readonly FilterValue[] = Array.isArray(wanted) ? wanted : [wanted as FilterValue];
  const keys: (string | number)[] = [];
  for (const value of values) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) keys.push(value);
    else return undefined;
  }
  return [...new Set(keys)];
}

/** Compares two sort keys element-wise with `<` (the order of strings in IndexedDB keys and in the port). */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** One ordered run of a scan: the records of one index prefix (one filter value), read in batches. */
interface Stream {
  /** The equality prefix of the index key (empty for the order index or the primary key). */
  readonly prefix: readonly (string | number)[];
  /** Where the next batch starts. */
  lower: { key: IDBValidKey; open: boolean } | undefined;
  /** The last key of the run (inclusive). */
  readonly upper: IDBValidKey | undefined;
  /** Rows read and not yet consumed. */
  buffer: StoredRow[];
  /** Next row of `buffer`. */
  at: number;
  /** Sort key of `buffer[at]`. */
  head: string[] | undefined;
  /** The range holds no more rows beyond `buffer`. */
  exhausted: boolean;
  /** Rows per read. */
  batch: number;
}

/**
 * One page of records of `spec.store` in `spec.order`, matching every filter, after `spec.after`. Picks the most
 * specific equality index covering a filter (else the order index, else the primary key); a filter with several
 * values reads one key range per value and merges them in order. Each range is narrowed by the date bounds and
 * the cursor, and read in batches (growing when other filters reject rows) until the page is full.
 */
export async function scanPage(
  tx: IDBTransaction,
  tools: KeyTools,
  spec: ScanSpec,
): Promise<{ items: StoredRow[]; last: StoredRow | undefined; more: boolean }> {
  const { keyRange, cmp } = tools;
  const store = tx.objectStore(spec.store);
  const candidates = spec.where
    .map(([field, wanted]) => ({ field, keys: keyValues(wanted) }))
    .filter(
      (entry): entry is { field: string; keys: (string | number)[] } =>
        entry.keys !== undefined && spec.catalogue.filterIndexes.has(entry.field),
    )
    .sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || a.keys.length - b.keys.length);
  const chosen = candidates[0];
  let source: IDBObjectStore | IDBIndex;
  let prefixes: (string | number)[][];
  let primary = false;
  if (chosen) {
    source = store.index(spec.catalogue.filterIndexes.get(chosen.field) ?? '');
    prefixes = chosen.keys.map((key) => [key]);
  } else if (spec.catalogue.orderIndex) {
    source = store.index(spec.catalogue.orderIndex);
    prefixes = [[]];
  } else {
    source = store;
    prefixes = [[]];
    primary = true;
  }
  const keyOf = (prefix: readonly (string | number)[], sortKey: readonly unknown[]): IDBValidKey =>
    primary ? (sortKey[0] as IDBValidKey) : ([...prefix, ...sortKey] as IDBValidKey);
  const sortKeyOf = (row: StoredRow) => spec.order.map((field) => String(row[field]));

  const residual = spec.where.filter(([field]) => field !== chosen?.field);
  const accept = (row: StoredRow) =>
    spec.where.every(([field, wanted]) => matches(row[field], wanted)) &&
    (spec.from === undefined || String(row[spec.order[0] ?? 'id']) >= spec.from) &&
    (spec.to === undefined || String(row[spec.order[0] ?? 'id']) <= spec.to);
  const wanted = spec.size + 1;
  // Without other filters every row read is kept, so one read of `wanted` rows per range is enough.
  const firstBatch = residual.length === 0 ? wanted : Math.min(Math.max(wanted, 100), MAX_BATCH);

  const streams: Stream[] = prefixes.map((prefix) => {
    // Lower bound: the tightest of the cursor (open), the first date (closed) and the prefix itself (closed).
    const lowers: { key: IDBValidKey; open: boolean }[] = [];
    if (spec.after) lowers.push({ key: keyOf(prefix, spec.after), open: true });
    if (spec.from !== undefined && !primary) lowers.push({ key: [...prefix, spec.from], open: false });
    if (prefix.length > 0) lowers.push({ key: [...prefix], open: false });
    let lower = lowers[0];
    for (const candidate of lowers.slice(1)) {
      const c = lower ? cmp(candidate.key, lower.key) : 1;
      if (c > 0 || (c === 0 && candidate.open)) lower = candidate;
    }
    let upper: IDBValidKey | undefined;
    if (spec.to !== undefined && !primary) upper = [...prefix, spec.to, []];
    else if (prefix.length > 0) upper = [...prefix, []];
    return { prefix, lower, upper, buffer: [], at: 0, head: undefined, exhausted: false, batch: firstBatch };
  });

  /** The read of a stream's next batch, or `undefined` when its range is empty. */
  const readNext = (stream: Stream): IDBRequest<unknown[]> | undefined => {
    const { lower, upper } = stream;
    let range: IDBKeyRange | undefined;
    if (lower && upper !== undefined) {
      const c = cmp(lower.key, upper);
      if (c > 0 || (c === 0 && lower.open)) return undefined;
      range = keyRange.bound(lower.key, upper, lower.open, false);
    } else if (lower) {
      range = keyRange.lowerBound(lower.key, lower.open);
    } else if (upper !== undefined) {
      range = keyRange.upperBound(upper);
    }
    return source.getAll(range, stream.batch);
  };
  const take = (stream: Stream, rows: StoredRow[]) => {
    const last = rows[rows.length - 1];
    stream.exhausted = rows.length < stream.batch || !last;
    if (last) stream.lower = { key: keyOf(stream.prefix, sortKeyOf(last)), open: true };
    stream.buffer = rows;
    stream.at = 0;
    stream.head = rows[0] ? sortKeyOf(rows[0]) : undefined;
    stream.batch = Math.min(stream.batch * 2, MAX_BATCH);
  };
  const refill = async (streamsToRead: Stream[]) => {
    const reads = streamsToRead.map((stream) => ({ stream, req: readNext(stream) }));
    const outcomes = await settleAll(reads.flatMap(({ req }) => (req ? [req] : [])));
    let next = 0;
    for (const { stream, req } of reads) {
      if (!req) {
        take(stream, []);
        continue;
      }
      const outcome = outcomes[next++];
      if (!outcome?.ok) throw outcome?.error;
      take(stream, outcome.value as StoredRow[]);
    }
  };

  await refill(streams);
  const found: StoredRow[] = [];
  while (found.length < wanted) {
    let best: Stream | undefined;
    for (const stream of streams) {
      if (stream.head && (!best?.head || compareKeys(stream.head, best.head) < 0)) best = stream;
    }
    if (!best) break;
    const row = best.buffer[best.at] as StoredRow;
    best.at += 1;
    const following = best.buffer[best.at];
    best.head = following ? sortKeyOf(following) : undefined;
    if (accept(row)) found.push(row);
    if (!following && !best.exhausted && found.length < wanted) await refill([best]);
  }
  const items = found.slice(0, spec.size);
  return { items, last: items[items.length - 1], more: found.length > spec.size };
}
