/**
 * Readers that check one metric input field and convert it (money → integer cents, rate → Decimal,
 * `YYYY-MM` → month index), throwing a `ValidationError` that names the field. Internal.
 * @internal
 * @module
 */
import { daysInMonth, isDateString } from '../domain/dates.js';
import { Decimal, parseDecimal } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { scanCents } from './cents.js';

const MONEY = 'a decimal string with at most 2 decimals';
const NON_NEGATIVE_MONEY = 'a non-negative decimal string with at most 2 decimals';

/** The error for a malformed money field. @internal */
export function moneyError(value: unknown, field: string, expected = MONEY): ValidationError {
  return ValidationError.field(field, expected, `${field}: expected ${expected}, got ${describe(value)}`);
}

/** Integer cents of a money string of any sign. @internal */
export function readMoney(value: unknown, field: string): bigint {
  const cents = typeof value === 'string' ? scanCents(value) : undefined;
  if (cents === undefined) throw moneyError(value, field);
  return BigInt(cents);
}

/** Integer cents of a money string that must not be negative (a price, a balance, a rent). @internal */
export function readNonNegativeMoney(value: unknown, field: string): bigint {
  const cents = typeof value === 'string' ? scanCents(value) : undefined;
  if (cents === undefined) throw moneyError(value, field, NON_NEGATIVE_MONEY);
  const big = BigInt(cents);
  if (big < 0n) throw moneyError(value, field, NON_NEGATIVE_MONEY);
  return big;
}

/** {@link readMoney}, with `undefined` and `null` read as `fallback`. @internal */
export function readOptionalMoney<T extends bigint | null>(
  value: unknown,
  field: string,
  fallback: T,
): bigint | T {
  return value === undefined || value === null ? fallback : readMoney(value, field);
}

/** {@link readNonNegativeMoney}, with `undefined` and `null` read as `fallback`. @internal */
export function readOptionalNonNegativeMoney<T extends bigint | null>(
  value: unknown,
  field: string,
  fallback: T,
): bigint | T {
  return value === undefined || value === null ? fallback : readNonNegativeMoney(value, field);
}

/** A fraction in [0, 1] (number or decimal string), such as an ownership share or a vacancy rate. @internal */
export function readUnitFraction(value: unknown, field: string): Decimal {
  const fraction = parseDecimal(value, field);
  if (fraction.isNegative() || fraction.greaterThan(1)) {
    throw ValidationError.field(
      field,
      'a fraction between 0 and 1',
      `${field}: expected a fraction between 0 and 1, got ${describe(value)}`,
    );
  }
  return new Decimal(fraction);
}

/** A whole number ≥ `minimum`. @internal */
export function readInteger(value: unknown, field: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    const expected = minimum === 0 ? 'a non-negative whole number' : `a whole number ≥ ${minimum}`;
    throw ValidationError.field(field, expected, `${field}: expected ${expected}, got ${describe(value)}`);
  }
  return value;
}

/** An array (any element type; elements are checked by the caller). @internal */
export function readArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw ValidationError.field(field, 'an array', `${field}: expected an array, got ${describe(value)}`);
  }
  return value;
}

/** A plain object (the parameter object or an element of a list). @internal */
export function readRecord(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw ValidationError.field(
      field,
      'an object',
      `${field || 'input'}: expected an object, got ${describe(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

/** A non-empty string. @internal */
export function readNonEmptyString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw ValidationError.field(
      field,
      'a non-empty string',
      `${field}: expected a non-empty string, got ${describe(value)}`,
    );
  }
  return value;
}

/** A `YYYY-MM-DD` calendar date. @internal */
export function readDate(value: unknown, field: string): string {
  if (!isDateString(value)) {
    throw ValidationError.field(
      field,
      'a calendar date YYYY-MM-DD',
      `${field}: expected a calendar date YYYY-MM-DD, got ${describe(value)}`,
    );
  }
  return value;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month index (`year × 12 + month − 1`) of a `YYYY-MM` month. @internal */
export function readMonth(value: unknown, field: string): number {
  const match = typeof value === 'string' ? MONTH_PATTERN.exec(value) : null;
  if (!match) {
    throw ValidationError.field(
      field,
      'a month YYYY-MM',
      `${field}: expected a month YYYY-MM, got ${describe(value)}`,
    );
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The month index of a valid `YYYY-MM-DD` date (unchecked). @internal */
export function monthIndexOfDate(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** `YYYY-MM` of a month index. @internal */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** First (`YYYY-MM-01`) and last calendar day of a month index. @internal */
export function monthBounds(index: number): { first: string; last: string } {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const prefix = formatMonth(index);
  return { first: `${prefix}-01`, last: `${prefix}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
}

/** A short description of a bad value for an error message. @internal */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return Array.isArray(value) ? 'an array' : typeof value;
}
