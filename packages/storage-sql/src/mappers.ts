/**
 * Mapping between records and rows: money ↔ integer minor units, the JSON payload, field columns, page cursors,
 * and validation of rows read back (the storage boundary). The rest of the core never touches a raw value.
 * @module
 */
import {
  type AuditEntry,
  AuditEntrySchema,
  currencyMinorDigits,
  entitySchemasFor,
  type RecordType,
  StorageError,
  ValidationError,
} from '@freehold/engine';
import type { FieldColumn, RecordTableSpec } from './sql-schema.js';

/** Largest magnitude of an amount in minor units (2^53 − 1), as the entity schemas allow. */
const MAX_MINOR_UNITS = 9_007_199_254_740_991;

const MONEY_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Integer minor units of a money string at `digits` decimals (`"-12.5"` → `-1250` at 2). More significant
 * decimals than `digits`, or a magnitude beyond 2^53 − 1, is a `ValidationError` naming `field`.
 */
export function minorUnitsOf(amount: unknown, digits: number, field = 'amount'): number {
  const match = typeof amount === 'string' ? MONEY_PATTERN.exec(amount) : null;
  const fraction = (match?.[3] ?? '').replace(/0+$/, '');
  if (!match || fraction.length > digits) {
    throw ValidationError.field(
      field,
      `a decimal string with at most ${digits} decimals`,
      `${field}: expected a decimal string with at most ${digits} decimals, got ${JSON.stringify(amount)}`,
    );
  }
  const text = (match[2] ?? '0') + fraction.padEnd(digits, '0');
  const magnitude = text.length <= 15 ? Number(text) : Number(BigInt(text));
  if (magnitude > MAX_MINOR_UNITS) {
    throw ValidationError.field(field, `an amount of at most ${MAX_MINOR_UNITS} minor units in magnitude`);
  }
  return match[1] === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** A driver's integer (number, bigint, or digit string as PostgreSQL returns `bigint` and `numeric`) as a bigint. */
export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new StorageError(`expected an integer from storage, got ${typeof value} ${String(value)}`);
}

/** A driver's integer as a number (counts, versions); throws beyond 2^53 − 1. */
export function toSafeNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(toBigInt(value));
  if (!Number.isSafeInteger(n))
    throw new StorageError(`expected a safe integer from storage, got ${String(value)}`);
  return n;
}

const INTEGER_TEXT = /^-?\d+$/;

/** Formats integer minor units with exactly `digits` decimals (`-1250n` → `"-12.50"`; zero is never negative). */
export function formatMinorUnits(units: number | bigint | string, digits: number): string {
  let magnitude: string;
  let negative: boolean;
  if (typeof units === 'string' && INTEGER_TEXT.test(units)) {
    // Digit strings (what SQL casts and PostgreSQL's bigint give) are formatted without a bigint.
    negative = units.startsWith('-');
    magnitude = (negative ? units.slice(1) : units).replace(/^0+(?=\d)/, '');
    negative &&= magnitude !== '0';
  } else {
    const value = typeof units === 'bigint' ? units : toBigInt(units);
    negative = value < 0n;
    magnitude = (negative ? -value : value).toString();
  }
  const text = magnitude.padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const money = digits === 0 ? whole : `${whole}.${text.slice(text.length - digits)}`;
  return negative ? `-${money}` : money;
}

/** Minor digits of a portfolio currency read from storage (`null` — no portfolio row — means USD's 2). */
export function digitsOfCurrency(currency: unknown): number {
  return typeof currency === 'string' ? currencyMinorDigits(currency) : 2;
}

/** Alert priorities, most urgent first: the `priority_rank` column. */
export const PRIORITY_RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The value of a field column for `record`: the field when it has the column's type, else `null`. */
function columnValue(column: FieldColumn, value: unknown): string | number | null {
  if (column.kind === 'integer') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? value : null;
}

/** The `id` and `version` of a record about to be written; anything that is not a record is a `ValidationError`. */
export function recordIdentity(type: string, record: unknown): { id: string; version: number } {
  const { id, version } = asRecordObject(type, record);
  return { id, version };
}

/** A stored record as a JSON object; anything else is a `ValidationError`. */
function asRecordObject(
  type: string,
  record: unknown,
): Record<string, unknown> & { id: string; version: number } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw ValidationError.field('record', `a ${type} record object`);
  }
  const { id, version } = record as { id?: unknown; version?: unknown };
  if (typeof id !== 'string' || id === '') throw ValidationError.field('record.id', 'a non-empty id string');
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    throw ValidationError.field('record.version', 'an integer version');
  }
  return record as Record<string, unknown> & { id: string; version: number };
}

const columnCache = new WeakMap<RecordTableSpec, readonly string[]>();

/**
 * The columns of `spec`'s table in the order {@link rowValues} fills them: `id`, `version`, `data`, the field
 * columns, then computed columns (`amount_minor` of transactions, `priority_rank` of alerts).
 */
export function rowColumns(spec: RecordTableSpec): readonly string[] {
  let columns = columnCache.get(spec);
  if (!columns) {
    columns = Object.freeze([
      'id',
      'version',
      'data',
      ...spec.columns.map((column) => column.column),
      ...(spec.type === 'transaction' ? ['amount_minor'] : []),
      ...(spec.type === 'alert' ? ['priority_rank'] : []),
    ]);
    columnCache.set(spec, columns);
  }
  return columns;
}

/**
 * The values of `record`'s row, in {@link rowColumns} order. `digits` are the minor digits of the record's
 * portfolio currency, for `transactions.amount_minor`. A value that is not a record is a `ValidationError`.
 */
export function rowValues(spec: RecordTableSpec, record: unknown, digits: number): unknown[] {
  const object = asRecordObject(spec.type, record);
  const values: unknown[] = [object.id, object.version, JSON.stringify(object)];
  for (const column of spec.columns) values.push(columnValue(column, object[column.field]));
  if (spec.type === 'transaction') values.push(minorUnitsOf(object.amount, digits, 'amount'));
  if (spec.type === 'alert') values.push(PRIORITY_RANK[String(object.priority)] ?? 9);
  return values;
}

/** A row as an object: column → value. */
export type RecordRow = Record<string, unknown> & { id: string; version: number; data: string };

/** The row of `record` in `spec`'s table as an object (see {@link rowValues}). */
export function recordToRow(spec: RecordTableSpec, record: unknown, digits: number): RecordRow {
  const values = rowValues(spec, record, digits);
  const row: Record<string, unknown> = {};
  rowColumns(spec).forEach((column, i) => {
    row[column] = values[i];
  });
  return row as RecordRow;
}

/** The JSON payload of a row (text, or an object when the driver parses JSON columns itself). */
export function parseStoredJson(data: unknown, what: string): Record<string, unknown> {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch (error) {
      throw new StorageError(`${what}: stored data is not valid JSON`, { cause: error });
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StorageError(`${what}: stored data is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Digit counts tried for a record whose portfolio row is missing (its currency is then unknown). */
const FALLBACK_DIGITS = [2, 0, 3, 4] as const;

/**
 * The record of `type` stored in `data`, checked with the entity's record schema for the portfolio currency
 * (`currency`: the portfolio row's, `null` when there is none). What was written comes back unchanged; a row
 * that is not a valid record is a `StorageError`.
 */
export function rowToRecord(type: RecordType, data: unknown, currency: unknown): unknown {
  const value = parseStoredJson(data, type);
  const candidates = typeof currency === 'string' ? [currencyMinorDigits(currency)] : FALLBACK_DIGITS;
  let firstError: unknown;
  for (const digits of candidates) {
    const result = entitySchemasFor(digits)[type].record.safeParse(value);
    if (result.success) return value;
    firstError ??= result.error;
  }
  const id = typeof value.id === 'string' ? value.id : '?';
  throw new StorageError(`${type} ${id}: the stored row is not a valid record`, { cause: firstError });
}

/** The audit row of `entry`. */
export function auditToRow(entry: unknown): Record<string, unknown> {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw ValidationError.field('entry', 'an audit entry object');
  }
  const e = entry as Partial<Record<keyof AuditEntry, unknown>>;
  if (typeof e.id !== 'string' || e.id === '')
    throw ValidationError.field('entry.id', 'a non-empty id string');
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: e.id,
    at: text(e.at) ?? '',
    portfolio_id: text(e.portfolioId),
    entity_type: text(e.entityType) ?? '',
    entity_id: text(e.entityId),
    actor_id: text(e.actorId) ?? '',
    data: JSON.stringify(entry),
  };
}

/** The audit entry stored in `data`, checked with the audit schema. */
export function rowToAudit(data: unknown): AuditEntry {
  const value = parseStoredJson(data, 'auditEntry');
  const result = AuditEntrySchema.safeParse(value);
  if (!result.success) {
    throw new StorageError(`auditEntry ${String(value.id)}: the stored row is not a valid audit entry`, {
      cause: result.error,
    });
  }
  return value as AuditEntry;
}
