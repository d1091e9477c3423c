/**
 * Internal rate of return of dated cash flows.
 * @module
 */
import { bracketNear } from './root-bracket.js';
import { createEvaluation, halleyRoot, type ScaledFunction } from './root-halley.js';
import { requireCashFlows, requireRate } from './tvm-validate.js';
import { yearFractions } from './tvm-year-fractions.js';

const NO_TIMES = new Float64Array(0);

/**
 * `h(s) = Σ vᵢ e^(−tᵢ·s)` for `s = ln(1 + r)`, with every exponent shifted to be at most 0 so nothing
 * overflows (the shift is a positive factor common to `h`, `h'` and `h''`).
 */
class DatedFlows implements ScaledFunction {
  v: ArrayLike<number> = [];
  t: Float64Array = NO_TIMES;
  /** Earliest and latest time of a non-zero flow. */
  tMin = 0;
  tMax = 0;

  evaluate(s: number, out: Float64Array): void {
    const { v, t } = this;
    const shift = s >= 0 ? -this.tMin * s : -this.tMax * s; // max over non-zero flows of −tᵢ·s
    let f = 0;
    let d = 0;
    let d2 = 0;
    for (let i = 0; i < t.length; i++) {
      const value = v[i] as number;
      if (value === 0) continue; // its factor may overflow: 0·∞ would be NaN
      const ti = t[i] as number;
      const term = value * Math.exp(-ti * s - shift);
      f += term;
      d -= ti * term;
      d2 += ti * ti * term;
    }
    out[0] = f;
    out[1] = d;
    out[2] = d2;
  }

  /** `h(s)` alone (scaled), for bracketing. */
  value = (s: number): number => {
    this.evaluate(s, scratch);
    return scratch[0] as number;
  };
}

const scratch = createEvaluation();
const dated = new DatedFlows();

/** Search range for a bracket in `s = ln(1 + r)`: `r` from about −1 + 4e−18 to 2e17. */
const MIN_S = -40;
const MAX_S = 40;

/**
 * Sign changes of the flows taken in date order, same-day flows summed (Descartes' rule of signs holds
 * for such exponential sums), and the sign of the latest non-zero group, which is the sign of the NPV as
 * the rate approaches −100 %.
 */
function signChangesInTime(
  values: ArrayLike<number>,
  times: Float64Array,
): { changes: number; signLast: number } {
  const n = times.length;
  let order: ArrayLike<number> | null = null;
  for (let i = 1; i < n; i++) {
    if ((times[i] as number) < (times[i - 1] as number)) {
      order = Array.from({ length: n }, (_, k) => k).sort(
        (p, q) => (times[p] as number) - (times[q] as number),
      );
      break;
    }
  }
  let changes = 0;
  let sign = 0;
  let k = 0;
  while (k < n) {
    const index = order === null ? k : (order[k] as number);
    const time = times[index] as number;
    let group = 0;
    while (k < n) {
      const j = order === null ? k : (order[k] as number);
      if ((times[j] as number) !== time) break;
      group += values[j] as number;
      k++;
    }
    if (group === 0) continue;
    const current = group > 0 ? 1 : -1;
    if (sign !== 0 && current !== sign) changes++;
    sign = current;
  }
  return { changes, signLast: sign };
}

/**
 * Internal rate of return of cash flows on arbitrary dates (Excel's XIRR): the annual rate `r` with
 *
 * `Σᵢ values[i] / (1 + r)^((dᵢ − d₀)/365) = 0`,
 *
 * where `dᵢ` is `dates[i]` in whole calendar days and `d₀` is the **first date in the array** (not the
 * earliest), i.e. {@link xnpv}`(r, values, dates) = 0`.
 *
 * Sign convention: money paid out is negative, money received positive; the result is an annual rate.
 *
 * When the flows, in date order, change sign once there is exactly one root and it is always found.
 * Otherwise the root reached from `guess` by a safeguarded Halley iteration is returned, or failing that
 * the nearest sign change on either side of `guess` (probing outward), polished to full precision.
 *
 * @param values - Cash flows; finite numbers, at least one.
 * @param dates - One `YYYY-MM-DD` calendar date per value, in any order.
 * @param guess - Where to start looking, an annual rate above −1 (default 0.1).
 * @returns the annual IRR, or `null` when no rate above −100 % makes the NPV zero (for example when all
 *   flows have the same sign), or the only one has `1 + r` below about 1e-16 (not distinguishable from
 *   −100 % as a float).
 * @throws `ValidationError` naming the argument when `values` is not a non-empty array of finite
 *   numbers, `dates` is not one valid date per value, or `guess` is not a finite number above −1.
 * @see Excel `XIRR(values, dates, guess)`.
 * @example
 * ```ts
 * xirr([-10_000, 2_750, 4_250, 3_250, 2_750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']); // => 0.3733625335188315
 * ```
 */
export function xirr(values: readonly number[], dates: readonly string[], guess = 0.1): number | null {
  requireCashFlows(values, 'values');
  const times = yearFractions(dates, values.length);
  requireRate(guess, 'guess');
  const { changes, signLast } = signChangesInTime(values, times);
  if (changes === 0) return null;

  // The exponent shift is set by the earliest and latest non-zero flows (a zero flow far away must not
  // push the others into underflow).
  let tMin = Number.POSITIVE_INFINITY;
  let tMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < times.length; i++) {
    if (values[i] === 0) continue;
    const t = times[i] as number;
    if (t < tMin) tMin = t;
    if (t > tMax) tMax = t;
  }
  const fn = dated;
  fn.v = values;
  fn.t = times;
  fn.tMin = tMin;
  fn.tMax = tMax;

  const s0 = Math.log1p(guess);
  fn.evaluate(s0, scratch);
  const f0 = scratch[0] as number;
  // One sign change: exactly one root, and the sign of h as s → −∞ brackets it from the start.
  // Several: the root the iteration reaches from the guess, if it reaches one.
  let s = halleyRoot(
    fn,
    s0,
    f0,
    scratch[1] as number,
    scratch[2] as number,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    changes === 1 ? signLast : 0,
    scratch,
    changes === 1 ? undefined : 60,
  );
  if (Number.isNaN(s) && f0 !== 0) {
    // Fall back to the sign change nearest the guess.
    const bracket = bracketNear(fn.value, s0, f0, MIN_S, MAX_S);
    if (bracket === null) {
      s = Number.NaN;
    } else if (bracket.lo === bracket.hi) {
      s = bracket.lo;
    } else {
      fn.evaluate(bracket.lo, scratch);
      s = halleyRoot(
        fn,
        bracket.lo,
        scratch[0] as number,
        scratch[1] as number,
        scratch[2] as number,
        bracket.lo,
        bracket.hi,
        bracket.fLo > 0 ? 1 : -1,
        scratch,
      );
    }
  }
  fn.v = [];
  fn.t = NO_TIMES;
  if (!Number.isFinite(s)) return null;
  // 1 + r below ~1e-16 cannot be told from −100 % as a float rate, nor one above ~1.8e308 from
  // Infinity: no usable answer.
  const rate = Math.expm1(s);
  return rate > -1 && rate < Number.POSITIVE_INFINITY ? rate : null;
}
