/**
 * Net present value of dated cash flows.
 * @module
 */
import { requireCashFlows, requireDiscountRate } from './tvm-validate.js';
import { yearFractions } from './tvm-year-fractions.js';

/**
 * `Σ vᵢ·e^(−tᵢ·logGrowth)` with `logGrowth = ln(1 + rate)`; exact in sign when terms overflow.
 * @internal
 */
export function datedDiscountedSum(
  values: ArrayLike<number>,
  times: Float64Array,
  logGrowth: number,
): number {
  let sum = 0;
  for (let i = 0; i < times.length; i++) {
    const value = values[i] as number;
    if (value !== 0) sum += value * Math.exp(-(times[i] as number) * logGrowth);
  }
  if (Number.isFinite(sum)) return sum;
  // Some discount factor overflowed: factor out the largest one (among non-zero flows).
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < times.length; i++) {
    if (values[i] !== 0) peak = Math.max(peak, -(times[i] as number) * logGrowth);
  }
  let scaled = 0;
  for (let i = 0; i < times.length; i++) {
    const value = values[i] as number;
    if (value !== 0) scaled += value * Math.exp(-(times[i] as number) * logGrowth - peak);
  }
  return scaled === 0 ? 0 : scaled * Math.exp(peak);
}

/**
 * Net present value of cash flows on arbitrary dates, discounted at the annual `rate` with actual/365
 * day counting (Excel's XNPV):
 *
 * `xnpv = Σᵢ values[i] / (1 + rate)^((dᵢ − d₀)/365)`,
 *
 * where `dᵢ` is `dates[i]` in whole calendar days and `d₀` is the **first date in the array** (not the
 * earliest; an earlier date gets a negative exponent).
 *
 * Sign convention: money paid out is negative, money received positive.
 *
 * @param rate - Annual discount rate, at least −1.
 * @param values - Cash flows; finite numbers, at least one.
 * @param dates - One `YYYY-MM-DD` calendar date per value, in any order.
 * @returns the net present value, or `null` at `rate = −1`, where it is undefined.
 * @throws `ValidationError` naming the argument when `rate` is not finite or below −1, `values` is
 *   not a non-empty array of finite numbers, or `dates` is not one valid date per value.
 * @see Excel `XNPV(rate, values, dates)`.
 * @example
 * ```ts
 * xnpv(0.09, [-10_000, 2_750, 4_250, 3_250, 2_750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']); // => 2086.647602031537
 * ```
 */
export function xnpv(rate: number, values: readonly number[], dates: readonly string[]): number | null {
  requireDiscountRate(rate, 'rate');
  requireCashFlows(values, 'values');
  const times = yearFractions(dates, values.length);
  if (rate === -1) return null;
  return datedDiscountedSum(values, times, Math.log1p(rate));
}
