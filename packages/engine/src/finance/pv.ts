/**
 * Present value of a future value plus level payments.
 * @module
 */

import { growthMinusOne } from './tvm-growth.js';
import { requireFinite, requirePeriods, requireRate } from './tvm-validate.js';
import { type PaymentTiming, timingFactor } from './tvm-when.js';

/**
 * {@link pv} without argument checks: `rate > -1`, `nper >= 0`, `w` is 0 (end) or 1 (begin).
 * @internal
 */
export function presentValue(rate: number, nper: number, pmt: number, fv: number, w: number): number {
  // Below |rate·nper| = 1e-18 the zero-rate formula is exact to double precision (and 1/rate may overflow).
  if (Math.abs(rate * nper) < 1e-18) return -(fv + pmt * nper);
  const logGrowth = nper * Math.log1p(rate);
  if (rate > 0) {
    // Discount with d = (1 + r)^−nper ≤ 1 so nothing overflows: −(fv·d + pmt·(1 + r·w)·(1 − d)/r).
    const discount = Math.exp(-logGrowth);
    return -(fv * discount + pmt * (1 + rate * w) * (-growthMinusOne(discount, -logGrowth) / rate));
  }
  const growth = Math.exp(logGrowth);
  const numerator = fv + pmt * (1 + rate * w) * (growthMinusOne(growth, logGrowth) / rate);
  return numerator === 0 ? 0 : -numerator / growth;
}

/**
 * Present value of a future value `fv` and a level payment `pmt` per period over `nper` periods,
 * discounted at `rate` per period. It solves numpy-financial's time-value equation for `pv`:
 *
 * `fv + pv·(1 + rate)^nper + pmt·(1 + rate·w)/rate·((1 + rate)^nper − 1) = 0`, and
 * `fv + pv + pmt·nper = 0` when `rate = 0`, with `w = 0` for `'end'` and `1` for `'begin'`.
 *
 * Sign convention: money paid out is negative, money received positive; receiving payments (`pmt > 0`)
 * is worth paying for now, so the result is negative.
 *
 * The result is ±`Infinity` only when the true value exceeds the float range; never `NaN`.
 *
 * @param rate - Interest (discount) rate per period, greater than −1.
 * @param nper - Number of periods, at least 0 (fractions allowed).
 * @param pmt - Payment per period.
 * @param fv - Future value after the last period (default 0).
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @throws `ValidationError` naming the argument when a number is not finite, `rate <= -1`,
 *   `nper < 0` or `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `pv`; Excel `PV(rate, nper, pmt, fv, type)`.
 * @example
 * ```ts
 * // What loan does 1,896.20 a month for 30 years repay at 6.5 % a year?
 * pv(0.065 / 12, 360, -1896.2040704789); // => 300000.0000000014
 * ```
 */
export function pv(rate: number, nper: number, pmt: number, fv = 0, when: PaymentTiming = 'end'): number {
  requireRate(rate, 'rate');
  requirePeriods(nper, 'nper', true);
  requireFinite(pmt, 'pmt');
  requireFinite(fv, 'fv');
  return presentValue(rate, nper, pmt, fv, timingFactor(when));
}
