/**
 * The numerical core of {@link irr}: the net present value of periodic cash flows as a function of the
 * log growth factor `s = ln(1 + r)`, its evaluation in one allocation-free Horner pass, and the uniqueness test
 * that lets the common case skip the full root scan.
 *
 * Working in `s` maps the whole domain `r > -1` onto the real line and turns the NPV into an exponential
 * sum `h(s) = Σ vᵢ e^(−i·s)`, which is convex for conventional flows. To stay finite at any `s`, `h` and
 * its derivatives are evaluated up to a positive factor (so signs and Newton/Halley steps are exact):
 * for `s ≥ 0` as the polynomial `F(x) = Σ vᵢ x^(i−a)` in the discount factor `x = e^(−s) ≤ 1`, and for
 * `s < 0` as `G(y) = Σ vᵢ y^(b−i)` in the growth factor `y = e^s < 1`, where `a`/`b` are the first and
 * last non-zero flows. One Horner pass gives the value and both derivatives with no allocation.
 * @module
 */
import type { ScaledFunction } from './root-halley.js';

/**
 * The cash flows `v[a..b]` (first and last non-zero) as a {@link ScaledFunction} of `s`. Mutable so one
 * instance serves every call without allocating.
 */
export class PeriodicFlows implements ScaledFunction {
  v: ArrayLike<number> = [];
  a = 0;
  b = 0;

  /** Points this instance at `v[a..b]`; returns it. */
  reset(v: ArrayLike<number>, a: number, b: number): this {
    this.v = v;
    this.a = a;
    this.b = b;
    return this;
  }

  /** Writes `h(s)`, `h'(s)`, `h''(s)` (times a common positive factor) into `out`. */
  evaluate(s: number, out: Float64Array): void {
    const { v, a, b } = this;
    if (s >= 0) {
      const x = Math.exp(-s);
      let f = v[b] as number;
      let d = 0;
      let e = 0;
      for (let i = b - 1; i >= a; i--) {
        e = e * x + d;
        d = d * x + f;
        f = f * x + (v[i] as number);
      }
      // F = f, x·F' = x·d, x²·F'' = 2·x²·e; h = e^(−a·s)·F(x).
      const xd = x * d;
      out[0] = f;
      out[1] = -(a * f + xd);
      out[2] = a * a * f + (2 * a + 1) * xd + 2 * x * x * e;
    } else {
      const y = Math.exp(s);
      let g = v[a] as number;
      let d = 0;
      let e = 0;
      for (let i = a + 1; i <= b; i++) {
        e = e * y + d;
        d = d * y + g;
        g = g * y + (v[i] as number);
      }
      // h = e^(−b·s)·G(y).
      const yd = y * d;
      out[0] = g;
      out[1] = yd - b * g;
      out[2] = b * b * g - (2 * b - 1) * yd + 2 * y * y * e;
    }
  }
}

let weights = new Float64Array(64);

/** Counts sign changes of partial sums; any sum too close to zero to trust counts as a change. */
function partialSumVariations(
  w: Float64Array,
  from: number,
  to: number,
  stride: 1 | -1,
  scale: number,
): number {
  const noise = 1e-11 * scale;
  let sum = 0;
  let sign = 0;
  let variations = 0;
  for (let i = from; stride > 0 ? i <= to : i >= to; i += stride) {
    const term = w[i] as number;
    if (term === 0) continue;
    sum += term;
    if (Math.abs(sum) <= noise) return Number.POSITIVE_INFINITY;
    const current = sum > 0 ? 1 : -1;
    if (sign !== 0 && current !== sign) variations++;
    sign = current;
  }
  return variations;
}

/** Fills `weights[a..b]` with `vᵢ e^(−i·rho)` times a positive factor that keeps every term ≤ |vᵢ|. */
function discountedWeights(v: ArrayLike<number>, a: number, b: number, rho: number): number {
  if (weights.length <= b) weights = new Float64Array(2 * (b + 1));
  let scale = 0;
  if (rho >= 0) {
    const x = Math.exp(-rho);
    let factor = 1;
    for (let i = a; i <= b; i++) {
      const w = (v[i] as number) * factor;
      weights[i] = w;
      scale += Math.abs(w);
      factor *= x;
    }
  } else {
    const y = Math.exp(rho);
    let factor = 1;
    for (let i = b; i >= a; i--) {
      const w = (v[i] as number) * factor;
      weights[i] = w;
      scale += Math.abs(w);
      factor *= y;
    }
  }
  return scale;
}

/**
 * Proves that the root at `s` is the only one, by Norstrøm's rule on both sides of a small interval
 * around it. The number of roots above `rho` is at most the number of sign changes of the running sums
 * of the discounted flows `vᵢ e^(−i·rho)` taken from the start; the number below `rho` is at most that of
 * the running sums taken from the end. When both are zero just outside `s ± δ` and `h` changes sign
 * across the interval, `s` is the unique real root. Inconclusive (never wrong) when partial sums come
 * too close to zero to trust their sign.
 */
export function isOnlyRoot(v: ArrayLike<number>, a: number, b: number, s: number): boolean {
  const delta = 1e-7 * Math.max(1, Math.abs(s));
  const above = s + delta;
  const below = s - delta;
  let scale = discountedWeights(v, a, b, above);
  if (partialSumVariations(weights, a, b, 1, scale) !== 0) return false;
  let total = 0;
  for (let i = a; i <= b; i++) total += weights[i] as number;
  const signAbove = total > 0;
  scale = discountedWeights(v, a, b, below);
  if (partialSumVariations(weights, b, a, -1, scale) !== 0) return false;
  total = 0;
  for (let i = a; i <= b; i++) total += weights[i] as number;
  return total > 0 !== signAbove;
}
