/**
 * Day-count conventions ("interest bases") for loan interest, and the exact per-period interest
 * factors the amortization engine applies to a balance in cents.
 * @module
 */
import type { Decimal } from '../domain/money.js';
import { type CentsRatio, centsRatio } from './amortization-cents.js';

/**
 * How a month's interest is counted.
 *
 * - `'30/360'` (the default; residential mortgages): every month is 1/12 of a year, so a month's
 *   interest is `balance × annualRate / 12`.
 * - `'actual/360'` (most commercial loans): `balance × annualRate × days / 360`, where `days` is the
 *   actual number of days in the period. A 31-day month therefore accrues 31/30 of a 30/360 month.
 * - `'actual/365'`: `balance × annualRate × days / 365`.
 *
 * Whatever the basis, the interest of each period is rounded half-up to the cent.
 *
 * @example
 * ```ts
 * const loan = amortize({
 *   principal: '1000000.00', annualRate: '0.06', termMonths: 120,
 *   startDate: '2025-01-01', interestBasis: 'actual/360',
 * });
 * // January has 31 days: 1000000 × 0.06 × 31 / 360 = 5166.666… → "5166.67"
 * loan.schedule[0].interest; // "5166.67"
 * loan.payment;              // "11102.05" (the 30/360 level payment)
 * ```
 */
export type InterestBasis = '30/360' | 'actual/360' | 'actual/365';

/**
 * Every {@link InterestBasis}, default first.
 *
 * @example
 * ```ts
 * INTEREST_BASES; // ['30/360', 'actual/360', 'actual/365']
 * ```
 */
export const INTEREST_BASES: readonly InterestBasis[] = ['30/360', 'actual/360', 'actual/365'];

/**
 * True when `value` is one of the {@link INTEREST_BASES}.
 *
 * @example
 * ```ts
 * isInterestBasis('actual/360'); // true
 * isInterestBasis('30E/360');    // false
 * ```
 */
export function isInterestBasis(value: unknown): value is InterestBasis {
  return value === '30/360' || value === 'actual/360' || value === 'actual/365';
}

/**
 * Days in the year of an actual basis: 360 or 365.
 *
 * @example
 * ```ts
 * basisYearDays('actual/365'); // 365
 * ```
 */
export function basisYearDays(basis: Exclude<InterestBasis, '30/360'>): 360 | 365 {
  return basis === 'actual/360' ? 360 : 365;
}

/**
 * An annual rate as the exact fraction `num / den` (`den` a power of ten): `0.0791 → 791 / 10000`.
 *
 * @example
 * ```ts
 * const rate: ExactRate = { num: 791n, den: 10000n }; // 0.0791
 * ```
 */
export interface ExactRate {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact fraction of a finite Decimal rate.
 *
 * @example
 * ```ts
 * exactRate(new Decimal('0.0791')); // { num: 791n, den: 10000n }
 * ```
 */
export function exactRate(rate: Decimal): ExactRate {
  const text = rate.toFixed();
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const digits = dot < 0 ? unsigned : unsigned.slice(0, dot) + unsigned.slice(dot + 1);
  const scale = dot < 0 ? 0 : unsigned.length - dot - 1;
  const magnitude = BigInt(digits);
  return { num: negative ? -magnitude : magnitude, den: 10n ** BigInt(scale) };
}

/**
 * The 30/360 monthly factor `annualRate / 12` as an exact {@link CentsRatio}.
 *
 * @example
 * ```ts
 * monthlyRatio(exactRate(new Decimal('0.065'))); // 13 / 2400
 * ```
 */
export function monthlyRatio(rate: ExactRate): CentsRatio {
  return centsRatio(rate.num, rate.den * 12n);
}

/**
 * The actual-basis factor `annualRate × days / yearDays` of one period as an exact {@link CentsRatio}.
 *
 * @example
 * ```ts
 * actualDaysRatio(exactRate(new Decimal('0.065')), 31, 365); // 403 / 73000
 * ```
 */
export function actualDaysRatio(rate: ExactRate, days: number, yearDays: 360 | 365): CentsRatio {
  return centsRatio(rate.num * BigInt(days), rate.den * BigInt(yearDays));
}
