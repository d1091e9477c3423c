/**
 * Brent's method: a bracketing root finder that mixes bisection, the secant rule and inverse quadratic
 * interpolation. It keeps a sign-change bracket at every step, so it always converges (at worst like
 * bisection) and usually converges superlinearly. Reference: R. P. Brent, "Algorithms for Minimization
 * without Derivatives", Prentice-Hall, 1973, chapter 4.
 * @module
 */

/**
 * A root of `f` in the bracket `[a, b]`, where `fa = f(a)` and `fb = f(b)` have opposite signs (or one is
 * zero). Only the sign of `f` must be reliable, so `f` may be scaled by any positive factor that varies
 * with `x`. Stops when the bracket is narrower than `2·ε·|x| + xtol`.
 *
 * @returns the root, or `NaN` if `maxIterations` evaluations were not enough.
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  xtol: number,
  maxIterations = 200,
): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  // `b` is the best estimate, `c` the other end of the bracket, `a` the previous `b`.
  let c = a;
  let fc = fa;
  let step = b - a;
  let stepBefore = step;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      step = b - a;
      stepBefore = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xtol;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;

    if (Math.abs(stepBefore) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // Try interpolation: secant when only two points are distinct, else inverse quadratic.
      const ratioBA = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * ratioBA;
        q = 1 - ratioBA;
      } else {
        const ratioAC = fa / fc;
        const ratioBC = fb / fc;
        p = ratioBA * (2 * half * ratioAC * (ratioAC - ratioBC) - (b - a) * (ratioBC - 1));
        q = (ratioAC - 1) * (ratioBC - 1) * (ratioBA - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept the interpolated step only if it stays well inside the bracket and shrinks fast enough.
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(stepBefore * q))) {
        stepBefore = step;
        step = p / q;
      } else {
        step = half;
        stepBefore = step;
      }
    } else {
      step = half;
      stepBefore = step;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > tolerance ? step : half > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return Number.NaN;
}
