/**
 * Interest rate per period implied by a present value, level payments and a future value.
 * @module
 */
import { bracketNear } from './root-bracket.js';
import { brentRoot } from './root-brent.js';
import {
  requireFinite,
  requirePeriods,
  requirePositive,
  requirePositiveInteger,
  requireRate,
} from './tvm-validate.js';
import { type PaymentTiming, timingFactor } from './tvm-when.js';

/**
 * numpy-financial's time-value equation as a function of `s = ln(1 + rate)`: for `s ≥ 0` the present
 * value `pv + pmt·(1 + r·w)·(1 − (1+r)^−n)/r + fv·(1+r)^−n`, for `s < 0` the same times `(1+r)^n`
 * (the equation as numpy-financial writes it). Both are bounded, continuous at 0 and of the same sign.
 */
function equationAt(s: number, nper: number, pmt: number, pv: number, fv: number, w: number): number {
  // Within |nper·s| < 1e-18 the zero-rate value is exact to double precision (and 1/rate may overflow).
  if (Math.abs(nper * s) < 1e-18) return pv + pmt * nper + fv;
  const rate = Math.expm1(s);
  // 1 + rate·w is exactly e^s for payments in advance (1 + expm1(s) would round to 0 near rate = −1).
  const annuity = (pmt * (w === 1 ? Math.exp(s) : 1)) / rate;
  const ns = nper * s;
  if (s > 0) return pv + annuity * -Math.expm1(-ns) + fv * Math.exp(-ns);
  return pv * Math.exp(ns) + annuity * Math.expm1(ns) + fv;
}

/** Sign changes of the equivalent cash flows `[pv (+pmt if begin), pmt, …, pmt (+fv) …]` for whole `nper`. */
function signChanges(nper: number, pmt: number, pv: number, fv: number, w: number): number {
  const flows = nper === 1 ? [pv + w * pmt, (1 - w) * pmt + fv] : [pv + w * pmt, pmt, (1 - w) * pmt + fv];
  let changes = 0;
  let sign = 0;
  for (const flow of flows) {
    if (flow === 0) continue;
    const current = flow > 0 ? 1 : -1;
    if (sign !== 0 && current !== sign) changes++;
    sign = current;
  }
  return changes;
}

/**
 * Search range for a bracket in `s = ln(1 + rate)`: `rate` from about −1 + 4e−18 to 2e17, narrowed so
 * that `(1 + rate)^±nper` stays well inside the float range (an underflow to 0 would fake a root).
 */
const LIMIT_S = 40;
const LIMIT_NS = 700;

/**
 * Interest rate per period at which a present value `pv`, `nper` level payments `pmt` and a future
 * value `fv` balance: the root `rate` of numpy-financial's time-value equation
 *
 * `fv + pv·(1 + rate)^nper + pmt·(1 + rate·w)/rate·((1 + rate)^nper − 1) = 0`
 *
 * (`fv + pv + pmt·nper = 0` at `rate = 0`), with `w = 0` for `'end'` and `1` for `'begin'`.
 *
 * Sign convention: money paid out is negative, money received positive (a loan received has `pv > 0`
 * and `pmt < 0`), so `pv`, `pmt` and `fv` must not all have the same sign.
 *
 * Unlike numpy-financial (Newton from `guess`, stopping at a step below `tol = 1e-6`), the rate is
 * bracketed by probing outward from `guess` and refined with Brent's method to `tol`, so the result is
 * accurate to full precision by default. For whole `nper` the equation has at most two roots above −100 %,
 * and at most one when `pv` and `fv` do not have the same sign as each other against `pmt`; where there
 * are two, the one nearer to `guess` is returned.
 *
 * @param nper - Number of periods, greater than 0.
 * @param pmt - Payment per period.
 * @param pv - Present value.
 * @param fv - Future value (default 0).
 * @param when - Payments at the `'end'` (default) or `'begin'` of each period.
 * @param guess - Where to start looking, above −1 (default 0.1).
 * @param tol - Absolute tolerance on the rate (default 1e-14, about full double precision).
 * @param maxIter - Most refinement iterations (default 100).
 * @returns the rate per period, or `null` when no rate above −100 % solves the equation (numpy-financial
 *   gives `nan`) or none was found within `maxIter` iterations.
 * @throws `ValidationError` naming the argument when a number is not finite, `nper <= 0`,
 *   `guess <= -1`, `tol <= 0`, `maxIter` is not a positive integer or `when` is not `'end'`/`'begin'`.
 * @see numpy-financial `rate`; Excel `RATE(nper, pmt, pv, fv, type, guess)`.
 * @example
 * ```ts
 * // The monthly rate of a 300,000 loan repaid by 360 payments of 1,896.20:
 * rate(360, -1896.2, 300_000); // => 0.005416649473814729
 * ```
 */
export function rate(
  nper: number,
  pmt: number,
  pv: number,
  fv = 0,
  when: PaymentTiming = 'end',
  guess = 0.1,
  tol = 1e-14,
  maxIter = 100,
): number | null {
  requirePeriods(nper, 'nper', false);
  requireFinite(pmt, 'pmt');
  requireFinite(pv, 'pv');
  requireFinite(fv, 'fv');
  const w = timingFactor(when);
  requireRate(guess, 'guess');
  requirePositive(tol, 'tol');
  requirePositiveInteger(maxIter, 'maxIter');

  if (Number.isInteger(nper) && signChanges(nper, pmt, pv, fv, w) === 0) return null;
  const equation = (s: number): number => equationAt(s, nper, pmt, pv, fv, w);
  const s0 = Math.log1p(guess);
  const f0 = equation(s0);
  if (f0 === 0) return guess;
  if (Number.isNaN(f0)) return null;
  const limit = Math.min(LIMIT_S, LIMIT_NS / nper);
  const bracket = bracketNear(equation, s0, f0, Math.min(-limit, s0), Math.max(limit, s0));
  if (bracket === null) return null;
  // dr = (1 + r)·ds, so a step of tol in the rate is tol/(1 + r) in s.
  const s =
    bracket.lo === bracket.hi
      ? bracket.lo
      : brentRoot(
          equation,
          bracket.lo,
          bracket.hi,
          bracket.fLo,
          bracket.fHi,
          tol * Math.exp(-bracket.hi),
          maxIter,
        );
  // A "root" on the edge of the range is the equation's limit rounding to zero, not a solution.
  if (Number.isNaN(s) || Math.abs(s) >= limit) return null;
  const found = Math.expm1(s);
  return found > -1 ? found : null;
}
