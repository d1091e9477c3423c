/**
 * Integer-cent arithmetic behind the metrics. Money strings are scanned straight into integer
 * cents (a `number` while it is a safe integer, a `bigint` beyond) without allocating a Decimal,
 * summed exactly, and formatted back once at the end. Decimal is used only where a rate multiplies
 * money. Internal: not exported from the package.
 * @internal
 * @module
 */
import { Decimal } from '../domain/money.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Integer digits below which `int * 100 + fraction` stays a safe integer (10^15 < 2^53). */
const SAFE_INTEGER_DIGITS = 13;

/**
 * Integer cents of a money string with at most 2 decimals, written as `isDecimalString`
 * accepts (`"12"`, `"-0.5"`, `"1000.00"`; no exponent, `+`, spaces or leading zeros). Returns a
 * `number` for up to 13 integer digits, a `bigint` beyond, and `undefined` when malformed.
 * @internal
 */
export function scanCents(text: string): number | bigint | undefined {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (length > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  const intStart = i;
  let whole = 0;
  while (i < length) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits === 0 || (intDigits > 1 && text.charCodeAt(intStart) === 48)) return undefined;
  let fraction = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 46) return undefined;
    const fractionDigits = length - i - 1;
    if (fractionDigits < 1 || fractionDigits > 2) return undefined;
    for (let j = i + 1; j < length; j++) {
      const digit = text.charCodeAt(j) - 48;
      if (digit < 0 || digit > 9) return undefined;
      fraction = fraction * 10 + digit;
    }
    if (fractionDigits === 1) fraction *= 10;
  }
  if (intDigits <= SAFE_INTEGER_DIGITS) {
    const cents = whole * 100 + fraction;
    return negative ? 0 - cents : cents;
  }
  const big = BigInt(text.slice(intStart, intStart + intDigits)) * 100n + BigInt(fraction);
  return negative ? -big : big;
}

/**
 * An exact running total of integer cents: adds in float64 while the sum is a safe integer and
 * spills into a bigint otherwise, so it is never rounded.
 * @internal
 */
export class CentsTotal {
  private small = 0;
  private big = 0n;

  add(cents: number | bigint): void {
    if (typeof cents === 'number') {
      const sum = this.small + cents;
      // Both operands are safe integers: the float sum is exact unless |exact sum| ≥ 2^53, and then
      // the rounded sum is ≥ 2^53 too, so this test catches every inexact case.
      if (sum <= MAX_SAFE && sum >= -MAX_SAFE) {
        this.small = sum;
      } else {
        this.big += BigInt(this.small) + BigInt(cents);
        this.small = 0;
      }
    } else {
      this.big += cents;
    }
  }

  total(): bigint {
    return this.big + BigInt(this.small);
  }
}

/**
 * Formats integer cents as a money string with exactly 2 decimals (`-123n` → `"-1.23"`).
 * @internal
 */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Like {@link formatCents}, passing `null` through. @internal */
export function formatCentsOrNull(cents: bigint | null): string | null {
  return cents === null ? null : formatCents(cents);
}

/**
 * `numerator / denominator` as a float64, correctly rounded from the exact quotient, or `null` when
 * the denominator is zero. The result depends only on the exact quotient, so scaling both by the
 * same factor never changes it (within the safe-integer range).
 * @internal
 */
export function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  if (numerator === 0n) return 0;
  const big = BigInt(MAX_SAFE);
  if (numerator <= big && numerator >= -big && denominator <= big && denominator >= -big) {
    return Number(numerator) / Number(denominator);
  }
  return new Decimal(numerator.toString()).dividedBy(denominator.toString()).toNumber();
}

/** {@link ratio} with `null` operands giving `null`. @internal */
export function ratioOrNull(numerator: bigint | null, denominator: bigint | null): number | null {
  if (numerator === null || denominator === null) return null;
  return ratio(numerator, denominator);
}

/**
 * `cents × factor` rounded half-up (away from zero on ties) to a whole cent.
 * @internal
 */
export function multiplyCents(cents: bigint, factor: Decimal): bigint {
  const product = new Decimal(cents.toString()).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return BigInt(product.toFixed(0));
}
