/**
 * Paging and list-query rules shared by every adapter, so they accept the same queries and reject the same
 * mistakes with the same errors: page sizes, opaque cursors, and `where`/date-bound checks.
 * @module
 */
import { ValidationError } from '../errors.js';
import {
  DATED_TYPES,
  FILTER_FIELDS,
  type FilterValue,
  type ListQuery,
  type RecordType,
} from './repository.js';

/** Largest page size of `list` and `listAudit`. */
export const MAX_PAGE_SIZE = 1000;
/** Page size when a query gives none. */
export const DEFAULT_PAGE_SIZE = 100;

/** The page size a query asks for: `limit`, default {@link DEFAULT_PAGE_SIZE}; outside 1–1000 is a `ValidationError`. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw ValidationError.field(
      'limit',
      `an integer from 1 to ${MAX_PAGE_SIZE}`,
      `limit: expected an integer from 1 to ${MAX_PAGE_SIZE}, got ${limit}`,
    );
  }
  return limit;
}

/** The opaque cursor of a page of query `scope` whose last item has sort key `after`. */
export function encodeCursor(scope: string, after: readonly string[]): string {
  return JSON.stringify({ scope, after });
}

/**
 * The sort key carried by a cursor of query `scope` (with `length` parts when given). A cursor of another query, or
 * anything malformed, is a `ValidationError` on `cursor`.
 */
export function decodeCursor(cursor: string, scope: string, length?: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = undefined;
  }
  const { scope: found, after } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    scope?: unknown;
    after?: unknown;
  };
  if (
    found !== scope ||
    !Array.isArray(after) ||
    (length !== undefined && after.length !== length) ||
    !after.every((part) => typeof part === 'string')
  ) {
    throw ValidationError.field('cursor', 'the nextCursor of the previous page of the same query');
  }
  return after as string[];
}

/** A {@link ListQuery} checked against the port's rules. */
export interface CheckedListQuery {
  /** The equality filters that were given (undefined values dropped), each on a field of `FILTER_FIELDS`. */
  readonly where: readonly (readonly [field: string, wanted: FilterValue | readonly FilterValue[]])[];
  /** Whether the type is dated (ordered by `(date, id)` and accepting date bounds). */
  readonly dated: boolean;
  /** Inclusive lower date bound, if any. */
  readonly dateFrom: string | undefined;
  /** Inclusive upper date bound, if any. */
  readonly dateTo: string | undefined;
  /** The page size. */
  readonly size: number;
}

/**
 * Checks a list query: filters only on the type's `FILTER_FIELDS` (else a `ValidationError` naming `where.<field>`),
 * date bounds only on dated types, a valid page size.
 */
export function checkListQuery<K extends RecordType>(type: K, query: ListQuery<K>): CheckedListQuery {
  const allowed: readonly string[] = FILTER_FIELDS[type];
  const where = Object.entries(query.where ?? {}).filter(([, value]) => value !== undefined) as [
    string,
    FilterValue | readonly FilterValue[],
  ][];
  for (const [field] of where) {
    if (!allowed.includes(field)) {
      throw ValidationError.field(
        `where.${field}`,
        allowed.length > 0 ? `a filterable field of ${type}: ${allowed.join(', ')}` : `no filter (${type})`,
        `where.${field}: ${type} cannot be filtered on ${field}`,
      );
    }
  }
  const dated = (DATED_TYPES as readonly string[]).includes(type);
  for (const bound of ['dateFrom', 'dateTo'] as const) {
    if (!dated && query[bound] !== undefined) {
      throw ValidationError.field(bound, `nothing: ${type} records have no date`);
    }
  }
  return { where, dated, dateFrom: query.dateFrom, dateTo: query.dateTo, size: pageSize(query.limit) };
}
