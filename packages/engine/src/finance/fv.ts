/**
 * Future value of a present value plus level payments.
 * @module
 */

import { growthMinusOne } from './tvm-growth.js';
import { requireFinite, requirePeriods, requireRate } from './tvm-validate.js';
import { type PaymentTiming, timingFactor } from './tvm-when.js';

/**
 * {@link fv} without argument checks: `rate > -1`, `nper >= 0`, `w` is 0 (end) or 1 (begin).
 * @internal
 */
export function futureValue(rate: number, nper: number, pmt: number, pv: number, w: number): number {
  // Below |rate·nper| = 1e-18 the zero-rate formula is exact to double precision (and 1/rate may overflow).
  if (Math.abs(rate * nper) < 1e-18) return -(pv + pmt * nper);
  const logGrowth = nper * Math.log1p(rate);
  const growth = Math.exp(logGrowth);
  const annuity = (1 + rate * w) * (growthMinusOne(growth, logGrowth) / rate);
  const value = -(pv * growth + pmt * annuity);
  if (Number.isFinite(value)) return value;
  // The growth overflowed: −g·(pv + pmt·(1 + r·w)·(1 − 1/g)/r) is finite inside and exact in sign.
  const inner = pv + pmt * (1 + rate * w) * (-Math.expm1(-logGrowth) / rate);
  return inner === 0 ? 0 : -inner * growth;
}

/**
 * Future value after `nper` periods of a present value `pv` and a level payment `pmt` per period,
 * compounded at `rate` per period. It solves numpy-financial's time-value equation for `fv`:
 *
 * `fv + pv·(1 + rate)^nper + pmt·(1 + rate·w)/rate·((1 + rate)^nper − 1) = 0`, and
 * `fv + pv + pmt·nper = 0` when `rate = 0`, with `w = 0` for `'end'` and `1` for `'begin'`.
 *
 * Sign convention: money paid out is negative, money received positive. Saving (paying in `pv` and
 * `pmt` as negative amounts) gives a positive future value; for a loan (`pv > 0`, `pmt < 0`) the result
 * is minus the balance still owed.
 *
 * The result is ±`Infinity` only when the true value exceeds the float range; never `NaN`.
 *
 * @param rate - Interest rate per period, greater than −1 (e.g. `0.05 / 12` for 5 % a year paid monthly).
 * @param nper - Number of periods, at least 0 (fractions allowed).
 * @param pmt - Payment per period.
 * @param pv - Present value.
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @throws `ValidationError` naming the argument when a number is not finite, `rate <= -1`,
 *   `nper < 0` or `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `fv`; Excel `FV(rate, nper, pmt, pv, type)`.
 * @example
 * ```ts
 * // Save 100 now and 100 a month for 10 years at 5 % a year, compounded monthly:
 * fv(0.05 / 12, 10 * 12, -100, -100); // => 15692.928894335822
 * ```
 */
export function fv(rate: number, nper: number, pmt: number, pv: number, when: PaymentTiming = 'end'): number {
  requireRate(rate, 'rate');
  requirePeriods(nper, 'nper', true);
  requireFinite(pmt, 'pmt');
  requireFinite(pv, 'pv');
  return futureValue(rate, nper, pmt, pv, timingFactor(when));
}
