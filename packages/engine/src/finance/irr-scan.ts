/**
 * Every real IRR of a periodic cash-flow series, for the rare series where the fast path in
 * {@link irr} cannot prove the root unique (several sign changes in the flows).
 *
 * All positive roots of the NPV polynomial in the growth factor `y = 1 + r` lie inside Kioustelidis'
 * bounds, which become an interval of `s = ln(1 + r)`. That interval is cut into cells about a quarter of
 * `1/n` wide (the NPV cannot turn faster than its highest frequency `n`), and `h(s)` and `h'(s)` are
 * evaluated at every cell edge. A sign change of `h` brackets a root; a sign change of `h'` where `h`
 * heads towards zero brackets an extremum, which is located (Brent on `h'`) and checked for a pair of
 * close roots. Every bracket is then polished to full precision.
 * @module
 */
import { PeriodicFlows } from './irr-solve.js';
import { brentRoot } from './root-brent.js';
import { createEvaluation, halleyRoot } from './root-halley.js';

/** Bounds on `s` for all real roots: `[sMin, sMax]`, or `null` when the polynomial has no positive root. */
function rootBounds(v: ArrayLike<number>, a: number, b: number): [number, number] | null {
  // Upper bound on positive roots of Σ vᵢ y^(b−i) (leading coefficient v_a): 2·max (|v_{a+k}/v_a|)^(1/k)
  // over the coefficients of the opposite sign. The lower bound is the same rule on the reversed polynomial.
  const first = v[a] as number;
  const last = v[b] as number;
  const logFirst = Math.log(Math.abs(first));
  const logLast = Math.log(Math.abs(last));
  let upper = Number.NEGATIVE_INFINITY;
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = a + 1; i <= b; i++) {
    const value = v[i] as number;
    if (value !== 0 && value > 0 !== first > 0) {
      upper = Math.max(upper, (Math.log(Math.abs(value)) - logFirst) / (i - a));
    }
  }
  for (let i = b - 1; i >= a; i--) {
    const value = v[i] as number;
    if (value !== 0 && value > 0 !== last > 0) {
      lower = Math.max(lower, (Math.log(Math.abs(value)) - logLast) / (b - i));
    }
  }
  if (upper === Number.NEGATIVE_INFINITY || lower === Number.NEGATIVE_INFINITY) return null;
  const sMax = Math.LN2 + upper;
  const sMin = -(Math.LN2 + lower);
  if (!(sMin <= sMax)) return null;
  const pad = 1e-6 * Math.max(1, Math.abs(sMin), Math.abs(sMax));
  return [sMin - pad, sMax + pad];
}

/** All real roots in `s = ln(1 + r)`, ascending. */
export function scanRoots(v: ArrayLike<number>, a: number, b: number): number[] {
  const roots: number[] = [];
  const bounds = rootBounds(v, a, b);
  if (bounds === null) return roots;
  const [sMin, sMax] = bounds;
  const degree = b - a;
  const cells = Math.min(20_000, Math.max(64, Math.ceil((sMax - sMin) * degree * 4)));
  const flows = new PeriodicFlows().reset(v, a, b);
  const scratch = createEvaluation();
  const polishScratch = createEvaluation();
  const derivativeAt = (s: number): number => {
    flows.evaluate(s, polishScratch);
    return polishScratch[1] as number;
  };
  const valueAt = (s: number): number => {
    flows.evaluate(s, polishScratch);
    return polishScratch[0] as number;
  };
  const push = (s: number): void => {
    const previous = roots[roots.length - 1];
    if (previous === undefined || s - previous > 1e-12 * Math.max(1, Math.abs(s))) roots.push(s);
  };
  const polish = (lo: number, hi: number, fLo: number): void => {
    flows.evaluate(lo, polishScratch);
    const s = halleyRoot(
      flows,
      lo,
      polishScratch[0] as number,
      polishScratch[1] as number,
      polishScratch[2] as number,
      lo,
      hi,
      fLo > 0 ? 1 : -1,
      polishScratch,
    );
    if (Number.isFinite(s)) push(s);
  };

  let sPrev = sMin;
  flows.evaluate(sPrev, scratch);
  let fPrev = scratch[0] as number;
  let dPrev = scratch[1] as number;
  if (fPrev === 0) push(sPrev);
  for (let k = 1; k <= cells; k++) {
    const s = k === cells ? sMax : sMin + ((sMax - sMin) * k) / cells;
    flows.evaluate(s, scratch);
    const f = scratch[0] as number;
    const d = scratch[1] as number;
    if (f === 0) {
      push(s);
    } else if (fPrev !== 0) {
      if (f > 0 !== fPrev > 0) {
        polish(sPrev, s, fPrev);
      } else if (dPrev !== 0 && d !== 0 && d > 0 !== dPrev > 0 && fPrev > 0 !== dPrev > 0) {
        // h heads towards zero and turns inside this cell: look at its extremum for a close pair of roots.
        const extremum = brentRoot(derivativeAt, sPrev, s, dPrev, d, 0);
        if (Number.isFinite(extremum)) {
          const fExtremum = valueAt(extremum);
          if (fExtremum === 0) {
            push(extremum);
          } else if (fExtremum > 0 !== fPrev > 0) {
            polish(sPrev, extremum, fPrev);
            polish(extremum, s, fExtremum);
          }
        }
      }
    }
    sPrev = s;
    fPrev = f;
    dPrev = d;
  }
  return roots;
}
