/**
 * Internal rate of return of periodic cash flows: {@link irr} (numpy-financial's choice of root) and
 * {@link irrRoots} (every real root).
 * @module
 */
import { ValidationError } from '../errors.js';
import { scanRoots } from './irr-scan.js';
import { isOnlyRoot, PeriodicFlows } from './irr-solve.js';
import { createEvaluation, halleyRoot } from './root-halley.js';
import { isNumberList } from './tvm-validate.js';

/** What one validating pass over the flows learns. */
interface FlowSummary {
  /** The flows to solve with (the input, or a rescaled copy when its magnitude is extreme). */
  readonly flows: ArrayLike<number>;
  /** Index of the first and last non-zero flow. */
  readonly first: number;
  readonly last: number;
  /** Sign changes in the sequence of non-zero flows (Descartes' bound on the number of real IRRs). */
  readonly signChanges: number;
  /** Σ vᵢ, Σ i·vᵢ, Σ i²·vᵢ: the NPV and its first two derivatives in `ln(1 + r)` at `r = 0`. */
  readonly sum0: number;
  readonly sum1: number;
  readonly sum2: number;
}

const scratch = createEvaluation();
const periodic = new PeriodicFlows();
const NO_FLOWS: readonly number[] = [];

function invalidValues(field: string, expected: string, got: unknown): ValidationError {
  return ValidationError.field(field, expected, `${field}: expected ${expected}, got ${String(got)}`);
}

/** Validates `values` and summarises them in one pass. */
function summarise(values: unknown): FlowSummary {
  if (!isNumberList(values) || values.length === 0) {
    throw invalidValues(
      'values',
      'a non-empty array of finite numbers',
      Array.isArray(values) ? 'an empty list' : values,
    );
  }
  let flows = values as ArrayLike<number>;
  const n = flows.length;
  let first = -1;
  let last = -1;
  let signChanges = 0;
  let sign = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const value = flows[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalidValues(`values.${i}`, 'a finite number', value);
    }
    if (value === 0) continue;
    if (first < 0) first = i;
    last = i;
    const current = value > 0 ? 1 : -1;
    if (current !== sign && sign !== 0) signChanges++;
    sign = current;
    const magnitude = Math.abs(value);
    if (magnitude > largest) largest = magnitude;
  }
  // Roots do not depend on scale; rescale flows whose size would overflow (or underflow) the sums.
  if (largest > 1e200 || (largest > 0 && largest < 1e-200)) {
    const factor = 2 ** -Math.round(Math.log2(largest));
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = (flows[i] as number) * factor;
    flows = scaled;
  }
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  for (let i = first < 0 ? n : first; i <= last; i++) {
    const value = flows[i] as number;
    sum0 += value;
    sum1 += i * value;
    sum2 += i * i * value;
  }
  return { flows, first, last, signChanges, sum0, sum1, sum2 };
}

/**
 * The fast path: the one real root when it exists and can be proven unique, else `NaN`.
 * With one sign change there is exactly one root (Descartes) and the iteration is bracketed from the
 * start; with more, the root the iteration reaches is kept only if Norstrøm's rule proves it alone.
 */
function uniqueRoot(summary: FlowSummary): number {
  const { flows, first, last, signChanges, sum0, sum1, sum2 } = summary;
  // With one sign change, the sign of h as s → −∞ (r → −1), that of the last flow, brackets the root.
  const signLo = signChanges === 1 ? ((flows[last] as number) > 0 ? 1 : -1) : 0;
  const s = halleyRoot(
    periodic.reset(flows, first, last),
    0,
    sum0,
    -sum1,
    sum2,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    signLo,
    scratch,
    signChanges === 1 ? undefined : 60,
  );
  periodic.reset(NO_FLOWS, 0, 0); // do not keep the caller's array alive
  if (!Number.isFinite(s)) return Number.NaN;
  return signChanges === 1 || isOnlyRoot(flows, first, last, s) ? s : Number.NaN;
}

/**
 * The rate for a root `s = ln(1 + r)`, or `NaN` when it is not a finite float above −1: `1 + r` below
 * about 1e-16 cannot be told from −100 % (where `npv` is undefined), nor one above 1.8e308 from Infinity.
 */
function rateOf(s: number): number {
  const rate = Math.expm1(s);
  return rate > -1 && rate < Number.POSITIVE_INFINITY ? rate : Number.NaN;
}

function allRoots(summary: FlowSummary): number[] {
  if (summary.signChanges === 0) return [];
  const s = uniqueRoot(summary);
  if (!Number.isNaN(s)) {
    const rate = rateOf(s);
    return Number.isNaN(rate) ? [] : [rate];
  }
  return scannedRates(summary);
}

/** Every root found by the full scan, as rates, ascending. */
function scannedRates(summary: FlowSummary): number[] {
  return scanRoots(summary.flows, summary.first, summary.last)
    .map(rateOf)
    .filter((rate) => !Number.isNaN(rate));
}

/**
 * Internal rate of return of periodic cash flows: the rate `r` at which their net present value is zero,
 *
 * `Σₜ values[t] / (1 + r)^t = 0`, for `t = 0 … n−1` (`values[0]` is not discounted).
 *
 * Sign convention: money paid out (an investment) is negative and money received is positive; the
 * result is a rate per period of `values` (monthly flows give a monthly rate).
 *
 * When the flows change sign more than once there may be several real roots; like numpy-financial,
 * `irr` then returns the smallest non-negative one, or, if all are negative, the one closest to zero.
 * Use {@link irrRoots} to see them all. Unlike numpy-financial (which uses companion-matrix eigenvalues)
 * and the Newton-from-a-guess JavaScript ports, the root is found by a bracketed Halley iteration in
 * `ln(1 + r)` with a proof of uniqueness, or a full scan of the root bounds, so it converges on long
 * monthly series too.
 *
 * @param values - Cash flows per period, `values[0]` at `t = 0`; finite numbers, at least one.
 * @returns the IRR per period, or `null` when no real rate above −100 % makes the NPV zero (for example
 *   when all flows have the same sign).
 * @throws `ValidationError` when `values` is not a non-empty array of finite numbers.
 * @see numpy-financial `irr`; Excel `IRR`.
 * @example
 * ```ts
 * irr([-100, 39, 59, 55, 20]); // => 0.28094842115996094
 * ```
 */
export function irr(values: readonly number[]): number | null {
  const summary = summarise(values);
  if (summary.signChanges === 0) return null;
  const s = uniqueRoot(summary);
  if (!Number.isNaN(s)) {
    const rate = rateOf(s);
    return Number.isNaN(rate) ? null : rate;
  }
  const roots = scannedRates(summary);
  if (roots.length === 0) return null;
  for (const root of roots) if (root >= 0) return root;
  return roots[roots.length - 1] as number;
}

/**
 * Every real internal rate of return of periodic cash flows, ascending: all `r > −1` with
 * `Σₜ values[t] / (1 + r)^t = 0`. Flows that change sign more than once can have several; an empty array
 * means there is none. {@link irr} picks one of these.
 *
 * Roots closer together than about 1e-7 (relative, in `ln(1 + r)`) are not told apart, and a root with
 * `1 + r` below about 1e-16 (which a float `r` cannot tell from −100 %) is not reported.
 *
 * @param values - Cash flows per period, `values[0]` at `t = 0`; finite numbers, at least one.
 * @returns the real roots, ascending (empty when there is none).
 * @throws `ValidationError` when `values` is not a non-empty array of finite numbers.
 * @see numpy-financial `irr` (which computes these roots, then picks one).
 * @example
 * ```ts
 * // NPV = −100 + 230/(1+r) − 132/(1+r)² is zero at 10 % and at 20 %:
 * irrRoots([-100, 230, -132]); // => [0.0999999999999996, 0.19999999999999893]
 * ```
 */
export function irrRoots(values: readonly number[]): number[] {
  return allRoots(summarise(values));
}
