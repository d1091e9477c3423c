/**
 * Safeguarded Halley iteration for a root of a smooth function of one variable, used on the net present
 * value as a function of `s = ln(1 + r)` by irr, xirr and rate.
 *
 * Halley's method converges cubically, and the second derivative comes almost free with the first in a
 * Horner pass or a sum of exponentials. The safeguards are those of a bracketed Newton method
 * ("rtsafe"): a step that leaves the bracket or does not shrink fast enough is replaced by bisection.
 * Reference: W. H. Press et al., "Numerical Recipes", 3rd ed., §9.4; Halley's method: E. Halley (1694).
 * @module
 */

/** A function evaluated up to a positive factor that may vary with `s` (so only signs and ratios count). */
export interface ScaledFunction {
  /** Writes `f(s)`, `f'(s)` and `f''(s)`, all multiplied by one positive factor, into `out[0..2]`. */
  evaluate(s: number, out: Float64Array): void;
}

/** A three-slot buffer for {@link ScaledFunction.evaluate}. */
export function createEvaluation(): Float64Array {
  return new Float64Array(3);
}

/** Iterations allowed once a bracket is known: bisection narrows any bracket in `s` to ulps in fewer. */
const BRACKETED_ITERATIONS = 300;

/**
 * A root of `fn`, starting at `s` whose scaled value and derivatives are `f, d, d2`.
 *
 * `lo`/`hi` bracket the root (either may be infinite) and `signLo` is the sign of `fn` on the `lo` side
 * of it; pass `signLo = 0` when no bracket is known, in which case one is adopted as soon as two
 * iterates straddle a sign change. While a side is unbounded, a step towards it is capped and the cap
 * doubles each time, so far roots are reached in a few dozen steps. The iteration stops after a Halley
 * (or Newton) step smaller than `1e-10·max(1, |s|)` (the error after it is of the order of its square or
 * cube) or when the bracket is a few ulps wide.
 *
 * `maxIterations` bounds the steps taken before a bracket is known (a bracketed search always converges).
 *
 * @returns the root, or `NaN` when no bracket was found within `maxIterations` steps.
 */
export function halleyRoot(
  fn: ScaledFunction,
  s: number,
  f: number,
  d: number,
  d2: number,
  lo: number,
  hi: number,
  signLo: number,
  out: Float64Array,
  maxIterations = BRACKETED_ITERATIONS,
): number {
  let jump = 1;
  let stepOld = Number.POSITIVE_INFINITY;
  let stepLast = Number.POSITIVE_INFINITY;
  let prevS = Number.NaN;
  let prevF = 0;
  let unbracketed = 0;
  let bracketedIterations = 0;
  for (;;) {
    // The budget: `maxIterations` steps before a bracket is found, a fixed number after.
    if (lo > Number.NEGATIVE_INFINITY && hi < Number.POSITIVE_INFINITY) {
      if (++bracketedIterations > BRACKETED_ITERATIONS) return Number.NaN;
    } else if (++unbracketed > maxIterations) {
      return Number.NaN;
    }
    if (f === 0) return s;
    if (Number.isNaN(f)) return Number.NaN;
    if (signLo !== 0) {
      if (f > 0 === signLo > 0) lo = s;
      else hi = s;
    } else if (prevF !== 0 && f > 0 !== prevF > 0) {
      // Two iterates straddle a sign change: adopt the bracket.
      if (prevS < s) {
        lo = prevS;
        hi = s;
        signLo = prevF > 0 ? 1 : -1;
      } else {
        lo = s;
        hi = prevS;
        signLo = f > 0 ? 1 : -1;
      }
    }
    prevS = s;
    prevF = f;

    const newton = -f / d;
    let step = newton;
    const correction = (0.5 * newton * d2) / d;
    if (correction > -0.5 && correction < 1) step = newton / (1 + correction);

    // Converged: the correction is below the tolerance (possibly below the spacing of floats at s, so that
    // s + step === s, which the bracket test below would mistake for a step out of the bracket).
    if (Math.abs(step) <= 1e-10 * Math.max(1, Math.abs(s))) return s + step;

    const bracketed = lo > Number.NEGATIVE_INFINITY && hi < Number.POSITIVE_INFINITY;
    let next = s + step;
    if (bracketed) {
      if (!(next > lo && next < hi) || Math.abs(step) > 0.5 * Math.abs(stepOld)) next = 0.5 * (lo + hi);
    } else if (!(next > lo && next < hi) || !(Math.abs(step) <= jump)) {
      // Unbounded on at least one side: move by the cap towards the open side (or along the step).
      let direction: number;
      if (lo === Number.NEGATIVE_INFINITY && hi === Number.POSITIVE_INFINITY) direction = step < 0 ? -1 : 1;
      else direction = lo === Number.NEGATIVE_INFINITY ? -1 : 1;
      next = s + direction * jump;
      jump *= 2;
    }
    step = next - s;
    stepOld = stepLast;
    stepLast = step;

    if (bracketed && hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(lo), Math.abs(hi))) {
      return 0.5 * (lo + hi);
    }
    if (!Number.isFinite(next)) return Number.NaN;
    s = next;
    fn.evaluate(s, out);
    f = out[0] as number;
    d = out[1] as number;
    d2 = out[2] as number;
  }
}
