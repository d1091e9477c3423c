/**
 * The portable snapshot format (DATA-MODEL.md "Portable snapshot"): NDJSON, one JSON object per line.
 *
 * ```text
 * {"format":"freehold-snapshot","version":1,"exportedAt":"…","portfolio":{…}}
 * {"type":"user","data":{…}}
 * {"type":"roleAssignment","data":{…}}
 * …records in dependency order…
 * {"type":"auditEntry","data":{…}}
 * {"type":"end","records":5791,"counts":{"user":1,"roleAssignment":1,…,"transaction":5783,…,"auditEntry":3}}
 * ```
 *
 * The first line is the header; then one line per record, types in {@link SNAPSHOT_RECORD_TYPES} order; audit
 * entries last; then the trailer, always the last line. The keys of the header and of each line are in the order
 * above; inside `portfolio` and `data` they are sorted at every level, so the same data always gives the same
 * bytes whichever adapter it was read from (PostgreSQL's `jsonb`, for one, does not keep key order).
 *
 * The trailer (`"type":"end"`) says how many record lines came between the header and itself (`records`) and how
 * many of each type (`counts`: every record type, zeros included, in {@link SNAPSHOT_RECORD_TYPES} order). A
 * reader requires it, checks both against what it read and accepts nothing after it but blank lines — so a file
 * cut anywhere, even exactly at a line break, is refused instead of importing as a smaller portfolio. (The
 * trailer is part of version 1: no snapshot without one was ever released.)
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

/** The `type` of the trailer line. */
export const SNAPSHOT_TRAILER_TYPE = 'end';

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

/** The trailer line, the last of every snapshot. */
export interface SnapshotTrailer {
  /** Always {@link SNAPSHOT_TRAILER_TYPE}. */
  readonly type: typeof SNAPSHOT_TRAILER_TYPE;
  /** Record lines between the header and the trailer (the sum of `counts`). */
  readonly records: number;
  /** Record lines per type: every type, zeros included. */
  readonly counts: Readonly<Record<SnapshotRecordType, number>>;
}

/** A count of zero for every record type, in {@link SNAPSHOT_RECORD_TYPES} order. */
export function emptyRecordCounts(): Record<SnapshotRecordType, number> {
  return Object.fromEntries(SNAPSHOT_RECORD_TYPES.map((type) => [type, 0])) as Record<
    SnapshotRecordType,
    number
  >;
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

/**
 * The trailer line's text (without the line break) for these record counts: type, the total, then the counts of
 * every record type in {@link SNAPSHOT_RECORD_TYPES} order (not sorted: the order is the format's).
 */
export function trailerLine(counts: Readonly<Record<SnapshotRecordType, number>>): string {
  let total = 0;
  const ordered: Record<string, number> = {};
  for (const type of SNAPSHOT_RECORD_TYPES) {
    const count = counts[type] ?? 0;
    ordered[type] = count;
    total += count;
  }
  return `{"type":${JSON.stringify(SNAPSHOT_TRAILER_TYPE)},"records":${total},"counts":${JSON.stringify(ordered)}}`;
}
