/**
 * Argument checks for the time-value functions: plain code (no zod) so the primitives stay fast.
 * Every failure is a `ValidationError` naming the argument (`rate`, `values.3`, `dates.0`).
 * @module
 */
import { toEpochDay } from '../domain/dates.js';
import { ValidationError } from '../errors.js';

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function fail(field: string, expected: string, value: unknown): never {
  throw ValidationError.field(field, expected, `${field}: expected ${expected}, got ${describe(value)}`);
}

/** A finite number (not NaN, not ±Infinity). */
export function requireFinite(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'a finite number', value);
}

/** A finite periodic rate above −100 % (`rate > -1`), where `1 + rate` is a growth factor. */
export function requireRate(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= -1) {
    fail(field, 'a finite number greater than -1', value);
  }
}

/** A finite discount rate of at least −100 % (`rate >= -1`); −1 itself has no defined result (`null`). */
export function requireDiscountRate(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -1) {
    fail(field, 'a finite number of at least -1', value);
  }
}

/** A finite number of periods, `> 0` (or `>= 0` with `allowZero`). Fractions are allowed. */
export function requirePeriods(value: unknown, field: string, allowZero: boolean): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    fail(field, allowZero ? 'a finite number of at least 0' : 'a finite number greater than 0', value);
  }
}

/** A finite number greater than 0. */
export function requirePositive(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(field, 'a finite number greater than 0', value);
  }
}

/** A positive whole number. */
export function requirePositiveInteger(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail(field, 'a positive integer', value);
  }
}

/** An array, or a typed array other than a DataView. */
export function isNumberList(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A non-empty array (or typed array) of finite numbers; names the failing element (`values.3`). */
export function requireCashFlows(values: unknown, field: string): asserts values is ArrayLike<number> {
  if (!isNumberList(values) || values.length === 0) {
    fail(field, 'a non-empty array of finite numbers', values);
  }
  const list = values as ArrayLike<unknown>;
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${field}.${i}`, 'a finite number', value);
  }
}

/**
 * `YYYY-MM-DD` dates, one per cash flow, as epoch day numbers (calendar-exact, independent of the time zone).
 * Names the failing element (`dates.2`).
 */
export function requireDates(dates: unknown, count: number, field: string): Float64Array {
  if (!Array.isArray(dates)) fail(field, `an array of ${count} dates YYYY-MM-DD, one per value`, dates);
  if (dates.length !== count) {
    throw ValidationError.field(
      field,
      `an array of ${count} dates YYYY-MM-DD, one per value`,
      `${field}: expected ${count} dates, one per value, got ${dates.length}`,
    );
  }
  const days = new Float64Array(count);
  for (let i = 0; i < count; i++) days[i] = toEpochDay(dates[i] as string, `${field}.${i}`);
  return days;
}
