/**
 * Exact integer-cent arithmetic behind the amortization engine (internal, not exported from the package).
 *
 * Amounts are integer cents held in `number`s and are always safe integers (|x| ≤ 2^53 − 1, about
 * ±90 trillion in a 2-decimal currency — the same range storage accepts). Products that could leave
 * that range fall back to `bigint`, so every result is exact; nothing here is a binary-float
 * approximation of money.
 * @internal
 * @module
 */
import { CalculationError } from '../errors.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * `round_half_up(n / d)` for safe integers with `d > 0` and `|n| + d ≤ 2^53 − 1`; ties round away
 * from zero (`5 / 2 → 3`, `−5 / 2 → −3`).
 *
 * @example
 * ```ts
 * divRoundHalfUp(5, 2);  // 3
 * divRoundHalfUp(-5, 2); // -3
 * ```
 */
export function divRoundHalfUp(n: number, d: number): number {
  const negative = n < 0;
  const a = negative ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  // The float quotient can be one off for large operands; the exact remainder corrects it.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (r * 2 >= d) q += 1;
  return negative ? 0 - q : q;
}

/**
 * `round_half_up(n / d)` for bigints with `d > 0`; ties round away from zero.
 *
 * @example
 * ```ts
 * divRoundHalfUpBig(5n, 2n); // 3n
 * ```
 */
export function divRoundHalfUpBig(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * Converts a bigint number of cents to a `number`, failing when it leaves the safe-integer range.
 *
 * @example
 * ```ts
 * centsFromBig(123n); // 123
 * ```
 */
export function centsFromBig(value: bigint): number {
  if (value > BigInt(MAX_SAFE) || value < -BigInt(MAX_SAFE)) throw outOfRange();
  return Number(value);
}

/**
 * Throws when `value` (a running total in cents) has left the safe-integer range.
 *
 * @example
 * ```ts
 * assertSafeCents(100); // 100
 * ```
 */
export function assertSafeCents(value: number): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) throw outOfRange();
  return value;
}

function outOfRange(): CalculationError {
  return new CalculationError(
    'amortization: an amount exceeds ±9,007,199,254,740,991 cents, the largest exactly representable amount',
  );
}

const CENTS_SUFFIX = Array.from({ length: 100 }, (_, n) => (n < 10 ? `.0${n}` : `.${n}`));
const SMALL_INT = 0x3fff_ffff;

/**
 * Formats integer cents as a money string with exactly two decimals (`-123456 → "-1234.56"`, `5 → "0.05"`).
 *
 * @example
 * ```ts
 * formatCents(-123456); // "-1234.56"
 * formatCents(5);       // "0.05"
 * ```
 */
export function formatCents(cents: number): string {
  const negative = cents < 0;
  const a = negative ? -cents : cents;
  let text: string;
  if (a <= SMALL_INT) {
    // Small-integer fast path: amounts up to 10,737,418.23 (most schedule rows).
    const whole = (a / 100) | 0;
    text = `${whole}${CENTS_SUFFIX[(a | 0) - whole * 100]}`;
  } else {
    let whole = Math.floor(a / 100);
    let frac = a - whole * 100;
    if (frac < 0) {
      whole -= 1;
      frac += 100;
    } else if (frac >= 100) {
      whole += 1;
      frac -= 100;
    }
    text = `${whole}${CENTS_SUFFIX[frac]}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * Greatest common divisor of two non-negative bigints.
 *
 * @example
 * ```ts
 * gcdBig(12n, -18n); // 6n
 * ```
 */
export function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * An exact non-negative-denominator fraction `num / den` used to turn a balance in cents into interest in
 * cents: `interest = round_half_up(balance × num / den)`. The `number` copies are used while the product
 * stays exact; otherwise the `bigint` copies are.
 *
 * @example
 * ```ts
 * const sixAndAHalfPercentMonthly: CentsRatio = centsRatio(65n, 12000n); // 13 / 2400
 * ```
 */
export interface CentsRatio {
  readonly numBig: bigint;
  readonly denBig: bigint;
  readonly num: number;
  readonly den: number;
  /** Largest |balance × num| for which the `number` path is exact, or −1 when it never is. */
  readonly fastLimit: number;
}

/**
 * Builds a reduced {@link CentsRatio} for `num / den` (`den > 0`).
 *
 * @example
 * ```ts
 * centsRatio(65n, 12000n); // { numBig: 13n, denBig: 2400n, num: 13, den: 2400, ... }
 * ```
 */
export function centsRatio(num: bigint, den: bigint): CentsRatio {
  const g = gcdBig(num, den);
  const n = g > 1n ? num / g : num;
  const d = g > 1n ? den / g : den;
  const safe = d <= BigInt(MAX_SAFE) && n <= BigInt(MAX_SAFE) && n >= -BigInt(MAX_SAFE);
  const denNumber = Number(d);
  return {
    numBig: n,
    denBig: d,
    num: Number(n),
    den: denNumber,
    fastLimit: safe ? MAX_SAFE - denNumber : -1,
  };
}

/**
 * `round_half_up(balanceCents × ratio)` in cents, exact.
 *
 * @example
 * ```ts
 * applyRatio(30000000, centsRatio(65n, 12000n)); // 162500: 300,000.00 × 0.065 / 12 = 1,625.00
 * ```
 */
export function applyRatio(balanceCents: number, ratio: CentsRatio): number {
  const product = balanceCents * ratio.num;
  if (product <= ratio.fastLimit && product >= -ratio.fastLimit) return divRoundHalfUp(product, ratio.den);
  return centsFromBig(divRoundHalfUpBig(BigInt(balanceCents) * ratio.numBig, ratio.denBig));
}

/**
 * The level payment in cents, `round_half_up(B·i / (1 − (1 + i)^−n))`, or `round_half_up(B / n)` when
 * `i = 0`, computed as an exact rational with bigints: with `i = p/q`,
 * `A = B·p·(q + p)^n / (q·((q + p)^n − q^n))`. Requires `n ≥ 1` and `i > −1`.
 *
 * @example
 * ```ts
 * levelPaymentCents(30000000, centsRatio(65n, 12000n), 360); // 189620 (1,896.20)
 * ```
 */
export function levelPaymentCents(balanceCents: number, monthlyRate: CentsRatio, months: number): number {
  const p = monthlyRate.numBig;
  const q = monthlyRate.denBig;
  if (p === 0n) return centsFromBig(divRoundHalfUpBig(BigInt(balanceCents), BigInt(months)));
  const n = BigInt(months);
  const grown = (q + p) ** n;
  const base = q ** n;
  let numerator = BigInt(balanceCents) * p * grown;
  let denominator = q * (grown - base);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  return centsFromBig(divRoundHalfUpBig(numerator, denominator));
}
