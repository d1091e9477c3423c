/**
 * Exact money. Amounts cross the public boundary as decimal strings (`"1234.56"`) and are
 * {@link Decimal} values inside; nothing is ever a binary float.
 * @module
 */
import DecimalJs from 'decimal.js';
import { ValidationError } from '../errors.js';

/**
 * Freehold's own decimal constructor: a clone of decimal.js with 40 significant digits and
 * half-up rounding, so no global decimal.js setting is touched or relied upon.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
/** A Decimal instance produced by Freehold's constructor. */
export type Decimal = DecimalJs;

/** A money amount at the boundary: a decimal string such as `"-1234.50"`. */
export type MoneyString = string;

/** Anything accepted where an exact decimal is expected. Numbers are accepted only where documented. */
export type DecimalInput = string | number | DecimalJs;

/** Minor-unit digits of ISO-4217 currencies that differ from 2; every other code has 2. */
const CURRENCY_MINOR_DIGITS: Readonly<Record<string, number>> = {
  BHD: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

/** Number of minor-unit digits of an ISO-4217 currency (USD → 2, JPY → 0, KWD → 3). */
export function currencyMinorDigits(currency: string): number {
  return CURRENCY_MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

const DECIMAL_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.(\d+))?$/;

/** True when `value` is a plain decimal string (`"12"`, `"-0.5"`, `"1000.00"`): no exponent, no `+`, no spaces. */
export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

/**
 * Parses a money string with at most `minorDigits` decimals into a Decimal.
 * More decimals, or anything that is not a plain decimal string, is a {@link ValidationError} naming `field`.
 */
export function parseMoney(value: unknown, field = 'amount', minorDigits = 2): Decimal {
  if (typeof value !== 'string') {
    throw ValidationError.field(
      field,
      `a decimal string with at most ${minorDigits} decimals`,
      `${field || 'amount'}: expected a decimal string, got ${typeof value}`,
    );
  }
  const match = DECIMAL_PATTERN.exec(value);
  if (!match || (match[1]?.length ?? 0) > minorDigits) {
    throw ValidationError.field(
      field,
      `a decimal string with at most ${minorDigits} decimals`,
      `${field || 'amount'}: expected a decimal string with at most ${minorDigits} decimals, got ${JSON.stringify(value)}`,
    );
  }
  return new Decimal(value);
}

/**
 * Parses an exact decimal (string, finite number, or Decimal) such as a rate.
 * Throws a {@link ValidationError} naming `field` when it is not a finite decimal.
 */
export function parseDecimal(value: unknown, field = 'value'): Decimal {
  if (value instanceof DecimalJs) {
    if (!value.isFinite()) throw ValidationError.field(field, 'a finite decimal');
    return new Decimal(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw ValidationError.field(
        field,
        'a finite number',
        `${field}: expected a finite number, got ${value}`,
      );
    return new Decimal(value);
  }
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return new Decimal(value);
  throw ValidationError.field(
    field,
    'a decimal number or decimal string',
    `${field}: expected a decimal number or decimal string, got ${JSON.stringify(value)}`,
  );
}

/** Rounds half-up (away from zero on ties) to `minorDigits` decimals: 0.005 → 0.01, −2.5 → −3 at 0 digits. */
export function roundMoney(value: DecimalJs, minorDigits = 2): Decimal {
  return new Decimal(value).toDecimalPlaces(minorDigits, DecimalJs.ROUND_HALF_UP);
}

/** Formats a Decimal as a money string with exactly `minorDigits` decimals, rounding half-up. `-0.00` is written `0.00`. */
export function formatMoney(value: DecimalJs, minorDigits = 2): MoneyString {
  const text = new Decimal(value).toFixed(minorDigits, DecimalJs.ROUND_HALF_UP);
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Converts a money string to integer minor units (`"12.34"` → `1234`); throws when not exactly representable. */
export function toMinorUnits(value: MoneyString, minorDigits = 2, field = 'amount'): number {
  const units = parseMoney(value, field, minorDigits).times(new Decimal(10).pow(minorDigits));
  const n = units.toNumber();
  if (!Number.isSafeInteger(n)) {
    throw ValidationError.field(field, 'an amount within ±9,007,199,254,740,991 minor units');
  }
  return n;
}

/** Converts integer minor units back to a money string (`1234` → `"12.34"`). */
export function fromMinorUnits(units: number | bigint, minorDigits = 2): MoneyString {
  return formatMoney(new Decimal(units.toString()).dividedBy(new Decimal(10).pow(minorDigits)), minorDigits);
}

/** Exact sum of money strings, formatted with `minorDigits` decimals. */
export function sumMoney(values: Iterable<MoneyString>, minorDigits = 2): MoneyString {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return formatMoney(total, minorDigits);
}
