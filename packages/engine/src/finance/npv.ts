/**
 * Net present value of periodic cash flows.
 * @module
 */
import { requireCashFlows, requireDiscountRate } from './tvm-validate.js';

/**
 * `Σₜ values[t]·x^t` for `x = 1/(1 + rate)`, by Horner's rule (no checks; `rate > -1`).
 * @internal
 */
export function discountedSum(rate: number, values: ArrayLike<number>): number {
  const x = Math.exp(-Math.log1p(rate));
  let sum = 0;
  for (let t = values.length - 1; t >= 0; t--) sum = sum * x + (values[t] as number);
  return sum;
}

/**
 * Net present value at `rate` per period of cash flows at `t = 0, 1, …, n−1`:
 *
 * `npv = Σₜ values[t] / (1 + rate)^t`.
 *
 * As in numpy-financial, `values[0]` is at `t = 0` and is not discounted. Excel's `NPV` discounts its
 * first value by one period: `NPV_excel(rate, v₁…vₙ) = npv(rate, [0, v₁, …, vₙ])`.
 *
 * Sign convention: money paid out is negative, money received positive.
 *
 * The result is ±`Infinity` only when the true value exceeds the float range; never `NaN`.
 *
 * @param rate - Discount rate per period, at least −1.
 * @param values - Cash flows per period, `values[0]` at `t = 0`; finite numbers, at least one.
 * @returns the net present value, or `null` at `rate = −1`, where it is undefined (numpy-financial: `nan`).
 * @throws `ValidationError` naming the argument when `rate` is not finite or below −1, or `values`
 *   is not a non-empty array of finite numbers.
 * @see numpy-financial `npv`; Excel `NPV`.
 * @example
 * ```ts
 * npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]); // => 3065.2226681795364
 * ```
 */
export function npv(rate: number, values: readonly number[]): number | null {
  requireDiscountRate(rate, 'rate');
  requireCashFlows(values, 'values');
  if (rate === -1) return null;
  return discountedSum(rate, values);
}
