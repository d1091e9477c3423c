/**
 * The interest and principal parts of one level payment.
 * @module
 */
import { futureValue } from './fv.js';
import { payment } from './pmt.js';
import { requireFinite, requirePeriods, requireRate } from './tvm-validate.js';
import { type PaymentTiming, timingFactor } from './tvm-when.js';

function validate(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv: number,
  when: PaymentTiming,
): 0 | 1 {
  requireRate(rate, 'rate');
  requireFinite(per, 'per');
  requirePeriods(nper, 'nper', false);
  requireFinite(pv, 'pv');
  requireFinite(fv, 'fv');
  return timingFactor(when);
}

function interestPart(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv: number,
  w: number,
): number | null {
  if (per < 1 || per > nper) return null;
  if (w === 1 && per === 1) return 0;
  const total = payment(rate, nper, pv, fv, w);
  // Interest on the balance after per − 1 payments (fv of those payments is minus that balance).
  const interest = futureValue(rate, per - 1, total, pv, w) * rate;
  return w === 1 ? interest / (1 + rate) : interest;
}

/**
 * Interest part of the level payment in period `per` (1-based) of a loan or annuity:
 *
 * `ipmt = rate · fv(rate, per − 1, pmt, pv, when)`, divided by `1 + rate` when payments are at the
 * `'begin'` of the period, and exactly 0 for `per = 1` with `'begin'` (no interest has accrued yet);
 * `pmt = pmt(rate, nper, pv, fv, when)`.
 *
 * Sign convention: as {@link pmt} — for a loan received (`pv > 0`) the interest paid is negative.
 *
 * @param rate - Interest rate per period, greater than −1.
 * @param per - The period, from 1 to `nper`.
 * @param nper - Number of payments, greater than 0.
 * @param pv - Present value (the amount borrowed).
 * @param fv - Future value after the last payment (default 0).
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @returns the interest part, or `null` when `per` is outside `1 … nper` (numpy-financial gives `nan`
 *   for `per < 1`).
 * @throws `ValidationError` naming the argument when a number is not finite, `rate <= -1`,
 *   `nper <= 0` or `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `ipmt`; Excel `IPMT(rate, per, nper, pv, fv, type)`.
 * @example
 * ```ts
 * // Interest in the first month of an 8,000 loan at 10 % a year over 3 years:
 * ipmt(0.1 / 12, 1, 36, 8000); // => -66.66666666666667
 * ```
 */
export function ipmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  when: PaymentTiming = 'end',
): number | null {
  const w = validate(rate, per, nper, pv, fv, when);
  return interestPart(rate, per, nper, pv, fv, w);
}

/**
 * Principal part of the level payment in period `per` (1-based): `ppmt = pmt − ipmt`, with
 * `pmt = pmt(rate, nper, pv, fv, when)` and `ipmt` as in {@link ipmt}.
 *
 * Sign convention: as {@link pmt} — for a loan received (`pv > 0`) the principal repaid is negative.
 *
 * @param rate - Interest rate per period, greater than −1.
 * @param per - The period, from 1 to `nper`.
 * @param nper - Number of payments, greater than 0.
 * @param pv - Present value (the amount borrowed).
 * @param fv - Future value after the last payment (default 0).
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @returns the principal part, or `null` when `per` is outside `1 … nper`.
 * @throws `ValidationError` naming the argument when a number is not finite, `rate <= -1`,
 *   `nper <= 0` or `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `ppmt`; Excel `PPMT(rate, per, nper, pv, fv, type)`.
 * @example
 * ```ts
 * // Principal repaid in the last year of a 200,000 loan at 8 % a year over 10 years:
 * ppmt(0.08, 10, 10, 200_000); // => -27598.05346242137
 * ```
 */
export function ppmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  when: PaymentTiming = 'end',
): number | null {
  const w = validate(rate, per, nper, pv, fv, when);
  const interest = interestPart(rate, per, nper, pv, fv, w);
  return interest === null ? null : payment(rate, nper, pv, fv, w) - interest;
}
