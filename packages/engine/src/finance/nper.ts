/**
 * Number of periods needed to reach a future value.
 * @module
 */

import { requireFinite, requireRate } from './tvm-validate.js';
import { type PaymentTiming, timingFactor } from './tvm-when.js';

/**
 * Number of periods (possibly fractional) for a present value `pv` and level payment `pmt` to reach
 * the future value `fv` at `rate` per period. It solves numpy-financial's time-value equation for
 * `nper`:
 *
 * `nper = ln((z − fv) / (pv + z)) / ln(1 + rate)` with `z = pmt·(1 + rate·w)/rate`, and
 * `nper = −(fv + pv) / pmt` when `rate = 0`; `w = 0` for `'end'` and `1` for `'begin'`.
 *
 * Sign convention: money paid out is negative, money received positive (a loan received has `pv > 0`
 * and `pmt < 0`).
 *
 * @param rate - Interest rate per period, greater than −1.
 * @param pmt - Payment per period.
 * @param pv - Present value.
 * @param fv - Future value (default 0).
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @returns the number of periods; `Infinity` or `-Infinity` when the target is approached but never
 *   reached (for example `rate = 0` and `pmt = 0`, as numpy-financial); `null` when no number of
 *   periods reaches it (the payment does not even cover the interest, or `0/0`), where numpy-financial
 *   gives `nan`.
 * @throws `ValidationError` naming the argument when a number is not finite, `rate <= -1` or
 *   `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `nper`; Excel `NPER(rate, pmt, pv, fv, type)`.
 * @example
 * ```ts
 * // Months to repay 8,000 at 7 % a year with 150 a month:
 * nper(0.07 / 12, -150, 8000); // => 64.07334877066212
 * ```
 */
export function nper(
  rate: number,
  pmt: number,
  pv: number,
  fv = 0,
  when: PaymentTiming = 'end',
): number | null {
  requireRate(rate, 'rate');
  requireFinite(pmt, 'pmt');
  requireFinite(pv, 'pv');
  requireFinite(fv, 'fv');
  const w = timingFactor(when);
  const z = (pmt * (1 + rate * w)) / rate;
  // ln((z − fv)/(pv + z)) written as ln(1 + x) keeps full precision when the ratio is near 1 (small rates).
  const periods = Number.isFinite(z)
    ? Math.log1p(-(fv + pv) / (pv + z)) / Math.log1p(rate)
    : -(fv + pv) / pmt; // rate = 0 (or so small that z overflows)
  return Number.isNaN(periods) ? null : periods;
}
