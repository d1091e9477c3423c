/**
 * Finding a sign change of a function near a starting point, for solvers that honour a `guess`.
 * @module
 */

/** An interval whose ends have values of opposite signs (or a zero at `lo === hi`). */
export interface Bracket {
  readonly lo: number;
  readonly hi: number;
  readonly fLo: number;
  readonly fHi: number;
}

/**
 * The sign change of `f` nearest to `s0`: probes `s0 ± 0.01·2^k` alternately right and left (clamped to
 * `[minS, maxS]`) and returns the first interval between consecutive probes on one side where the sign
 * of `f` changes. `f` may be scaled by any positive factor; `f0 = f(s0)` must be non-zero.
 *
 * @returns the bracket, or `null` when `f` keeps one sign over the whole range.
 */
export function bracketNear(
  f: (s: number) => number,
  s0: number,
  f0: number,
  minS: number,
  maxS: number,
): Bracket | null {
  let rightS = s0;
  let rightF = f0;
  let leftS = s0;
  let leftF = f0;
  let rightOpen = s0 < maxS;
  let leftOpen = s0 > minS;
  for (let step = 0.01; rightOpen || leftOpen; step *= 2) {
    if (rightOpen) {
      const s = Math.min(s0 + step, maxS);
      const value = f(s);
      if (value === 0) return { lo: s, hi: s, fLo: 0, fHi: 0 };
      if (value > 0 !== rightF > 0) return { lo: rightS, hi: s, fLo: rightF, fHi: value };
      rightS = s;
      rightF = value;
      rightOpen = s < maxS;
    }
    if (leftOpen) {
      const s = Math.max(s0 - step, minS);
      const value = f(s);
      if (value === 0) return { lo: s, hi: s, fLo: 0, fHi: 0 };
      if (value > 0 !== leftF > 0) return { lo: s, hi: leftS, fLo: value, fHi: leftF };
      leftS = s;
      leftF = value;
      leftOpen = s > minS;
    }
  }
  return null;
}
