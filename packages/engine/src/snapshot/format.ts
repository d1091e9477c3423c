/**
 * The portable snapshot format (DATA-MODEL.md "Portable snapshot"): NDJSON, one JSON object per line.
 *
 * ```text
 * {"format":"freehold-snapshot","version":1,"exportedAt":"…","portfolio":{…}}
 * {"type":"user","data":{…}}
 * {"type":"roleAssignment","data":{…}}
 * …records in dependency order…
 * {"type":"auditEntry","data":{…}}
 * ```
 *
 * The first line is the header; then one line per record, types in {@link SNAPSHOT_RECORD_TYPES} order; audit
 * entries last. The keys of the header and of each line are in the order above; inside `portfolio` and `data`
 * they are sorted at every level, so the same data always gives the same bytes whichever adapter it was read from
 * (PostgreSQL's `jsonb`, for one, does not keep key order).
 * @module
 */

import type { EntityMap } from '../domain/entities/entity-schemas.js';
import type { Portfolio } from '../domain/entities/portfolio.js';

/** The `format` of the header line. */
export const SNAPSHOT_FORMAT = 'freehold-snapshot';

/** The newest format version this code writes and reads. */
export const SNAPSHOT_VERSION = 1;

/**
 * Record types in the order a snapshot lists them (dependency order: what a record refers to comes first):
 * the portfolio's users and role assignments, contacts, categories, properties, valuations, units, leases,
 * loans, transactions, recurring charges, budgets, alerts, tasks, deals, deal analyses, scenarios, documents,
 * and audit entries last.
 */
export const SNAPSHOT_RECORD_TYPES = [
  'user',
  'roleAssignment',
  'contact',
  'category',
  'property',
  'valuation',
  'unit',
  'lease',
  'loan',
  'transaction',
  'recurringCharge',
  'budget',
  'alert',
  'task',
  'deal',
  'dealAnalysis',
  'scenario',
  'document',
  'auditEntry',
] as const;

/** A record type a snapshot line may carry. */
export type SnapshotRecordType = (typeof SNAPSHOT_RECORD_TYPES)[number];

/** The header line. */
export interface SnapshotHeader {
  /** Always {@link SNAPSHOT_FORMAT}. */
  readonly format: typeof SNAPSHOT_FORMAT;
  /** The format version (a reader refuses a newer one). */
  readonly version: number;
  /** When the snapshot was written (the exporting clock). */
  readonly exportedAt: string;
  /** The portfolio record. */
  readonly portfolio: Portfolio;
}

/** A record line: the entity type key and the stored record. */
export interface SnapshotRecordLine<K extends SnapshotRecordType = SnapshotRecordType> {
  /** The entity type key. */
  readonly type: K;
  /** The record, exactly as stored. */
  readonly data: EntityMap[K];
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** JSON text of `value` with object keys sorted at every level (one line: JSON escapes every newline). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** The header line's text (without the line break): format, version, exportedAt, then the portfolio. */
export function headerLine(header: SnapshotHeader): string {
  return `{"format":${JSON.stringify(header.format)},"version":${header.version},"exportedAt":${JSON.stringify(header.exportedAt)},"portfolio":${canonicalJson(header.portfolio)}}`;
}

/** A record line's text (without the line break): type, then the record. */
export function recordLine(type: SnapshotRecordType, data: object): string {
  return `{"type":${JSON.stringify(type)},"data":${canonicalJson(data)}}`;
}
