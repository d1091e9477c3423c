/**
 * Level payment that repays (or accumulates) a present value to a future value.
 * @module
 */

import { growthMinusOne } from './tvm-growth.js';
import { requireFinite, requirePeriods, requireRate } from './tvm-validate.js';
import { type PaymentTiming, timingFactor } from './tvm-when.js';

/**
 * {@link pmt} without argument checks: `rate > -1`, `nper > 0`, `w` is 0 (end) or 1 (begin).
 * @internal
 */
export function payment(rate: number, nper: number, pv: number, fv: number, w: number): number {
  // Below |rate·nper| = 1e-18 the zero-rate formula is exact to double precision.
  if (Math.abs(rate * nper) < 1e-18) return -(fv + pv) / nper;
  const logGrowth = nper * Math.log1p(rate);
  if (rate > 0) {
    // With d = (1 + r)^−nper ≤ 1: pmt = −(fv·d + pv)·r / ((1 + r·w)·(1 − d)); nothing overflows.
    const discount = Math.exp(-logGrowth);
    return (-(fv * discount + pv) * (rate / -growthMinusOne(discount, -logGrowth))) / (1 + rate * w);
  }
  const growth = Math.exp(logGrowth);
  return (-(fv + pv * growth) * (rate / growthMinusOne(growth, logGrowth))) / (1 + rate * w);
}

/**
 * Level payment per period that turns a present value `pv` into a future value `fv` over `nper`
 * periods at `rate` per period: a loan's principal-and-interest payment, or the saving needed to
 * reach a target. It solves numpy-financial's time-value equation for `pmt`:
 *
 * `fv + pv·(1 + rate)^nper + pmt·(1 + rate·w)/rate·((1 + rate)^nper − 1) = 0`, and
 * `fv + pv + pmt·nper = 0` when `rate = 0`, with `w = 0` for `'end'` and `1` for `'begin'`.
 *
 * Sign convention: money paid out is negative, money received positive; a loan received (`pv > 0`)
 * has a negative payment.
 *
 * @param rate - Interest rate per period, greater than −1 (e.g. `0.065 / 12` for 6.5 % a year, monthly).
 * @param nper - Number of payments, greater than 0 (fractions allowed).
 * @param pv - Present value (the amount borrowed).
 * @param fv - Future value after the last payment (default 0; a balloon still owed is negative).
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @throws `ValidationError` naming the argument when a number is not finite, `rate <= -1`,
 *   `nper <= 0` or `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `pmt`; Excel `PMT(rate, nper, pv, fv, type)`.
 * @example
 * ```ts
 * // Monthly payment on a 300,000 loan at 6.5 % a year over 30 years:
 * pmt(0.065 / 12, 360, 300_000); // => -1896.2040704788913
 * ```
 */
export function pmt(rate: number, nper: number, pv: number, fv = 0, when: PaymentTiming = 'end'): number {
  requireRate(rate, 'rate');
  requirePeriods(nper, 'nper', false);
  requireFinite(pv, 'pv');
  requireFinite(fv, 'fv');
  return payment(rate, nper, pv, fv, timingFactor(when));
}
