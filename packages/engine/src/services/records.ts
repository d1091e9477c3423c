/**
 * Small helpers the services share: the dependencies every service takes, loosely typed records for the generic
 * entity service, page walking, and the audit entry builder.
 * @module
 */
import type { AuditAction, AuditEntry } from '../domain/entities/audit.js';
import type { EntityType } from '../domain/entities/entity-types.js';
import type { JsonObject } from '../domain/entities/values.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/ids.js';
import type {
  ListQuery,
  Page,
  RecordOf,
  RecordType,
  Repository,
  RepositoryReader,
} from '../ports/repository.js';

/** What the services are built from: a storage adapter, the clock and the id generator (all injected). */
export interface ServiceDependencies {
  /** The repository port implementation (memory, SQLite, PostgreSQL, IndexedDB…). */
  readonly storage: Repository;
  /** Source of `createdAt`, `updatedAt` and audit instants. */
  readonly clock: Clock;
  /** Source of new record and audit entry ids. */
  readonly ids: IdGenerator;
}

/**
 * A stored record seen through the generic entity service: any fields, plus the id and version every versioned
 * record has. Records are plain JSON values by construction (schemas admit nothing else).
 */
export type LooseRecord = { [field: string]: unknown; id: string; version: number };

/** Views a typed record as a {@link LooseRecord}. */
export function loose(record: object): LooseRecord {
  return record as LooseRecord;
}

/** Views a {@link LooseRecord} as the stored record type of `K` (the caller has validated it with K's schema). */
export function typed<K extends RecordType>(record: LooseRecord): RecordOf<K> {
  return record as unknown as RecordOf<K>;
}

/** A record as a JSON object for an audit payload (records hold only JSON values). */
export function toJson(record: object | null): JsonObject | null {
  return record === null ? null : (record as unknown as JsonObject);
}

/** Page size used when the services walk every page of a list. */
export const WALK_PAGE_SIZE = 1000;

/** Every record of `type` matching `query`, walking the port's pages (use only where the count is bounded). */
export async function listAll<K extends RecordType>(
  reader: RepositoryReader,
  type: K,
  query: Omit<ListQuery<K>, 'cursor' | 'limit'> = {},
): Promise<RecordOf<K>[]> {
  const out: RecordOf<K>[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<RecordOf<K>> = await reader.list(type, { ...query, limit: WALK_PAGE_SIZE, cursor });
    for (const item of page.items) out.push(item);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

/** The fields of an audit entry a service states; the builder adds id and instant. */
export interface AuditFacts {
  /** The user who acted. */
  readonly actorId: string;
  /** What was done. */
  readonly action: AuditAction;
  /** The entity type acted on (for a bulk operation, of its records). */
  readonly entityType: EntityType;
  /** The entity acted on, or null for a bulk operation. */
  readonly entityId: string | null;
  /** The portfolio concerned, or null (users). */
  readonly portfolioId: string | null;
  /** The record before the mutation, or null. */
  readonly before?: object | null;
  /** The record after the mutation, or null. */
  readonly after?: object | null;
  /** Other facts (bulk source, counts, id range). */
  readonly details?: JsonObject | null;
}

/** Builds one audit entry with a new id, stamped `at` (normally the same instant as the records it describes). */
export function auditEntry(ids: IdGenerator, at: string, facts: AuditFacts): AuditEntry {
  return {
    id: ids.next(),
    portfolioId: facts.portfolioId,
    at,
    actorId: facts.actorId,
    action: facts.action,
    entityType: facts.entityType,
    entityId: facts.entityId,
    before: toJson(facts.before ?? null),
    after: toJson(facts.after ?? null),
    details: facts.details ?? null,
  };
}

/** A copy of `value` without the keys whose value is `undefined` (a parsed patch keeps only the fields given). */
export function definedFields(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out;
}

/**
 * Deep equality of two JSON values (records, patches, audit payloads): arrays in order, objects by their keys in any
 * order, a key whose value is `undefined` counting as absent.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
  return true;
}

/** Type guard: a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
