/**
 * Modified internal rate of return.
 * @module
 */
import { requireCashFlows, requireDiscountRate } from './tvm-validate.js';

/** `ln |Σ vₜ·x^t|` over the flows of one sign, by log-sum-exp (all terms share a sign: no cancellation). */
function logAbsDiscounted(values: ArrayLike<number>, logX: number, positive: boolean): number {
  let peak = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < values.length; t++) {
    const value = values[t] as number;
    if (value !== 0 && value > 0 === positive) peak = Math.max(peak, Math.log(Math.abs(value)) + t * logX);
  }
  let sum = 0;
  for (let t = 0; t < values.length; t++) {
    const value = values[t] as number;
    if (value !== 0 && value > 0 === positive) sum += Math.exp(Math.log(Math.abs(value)) + t * logX - peak);
  }
  return peak + Math.log(sum);
}

/**
 * Modified internal rate of return: the positive flows are compounded forward at `reinvestRate`, the
 * negative ones discounted to `t = 0` at `financeRate`, each in its own period, and
 *
 * `mirr = (PV₊ / |PV₋|)^(1/(n−1)) · (1 + reinvestRate) − 1`,
 *
 * where `PV₊ = Σ_{vₜ>0} vₜ/(1 + reinvestRate)^t`, `PV₋ = Σ_{vₜ<0} vₜ/(1 + financeRate)^t` and `n` is the
 * number of flows (so `PV₊·(1 + reinvestRate)^(n−1)` is the future value of the inflows).
 *
 * Sign convention: money paid out is negative, money received positive; the rate is per period of
 * `values`.
 *
 * @param values - Cash flows per period, `values[0]` at `t = 0`; finite numbers, at least one.
 * @param financeRate - Rate paid on the money invested (the outflows), at least −1.
 * @param reinvestRate - Rate earned on reinvested inflows, at least −1.
 * @returns the MIRR per period, or `null` when `values` lacks either a positive or a negative flow, or a
 *   rate is exactly −1 (numpy-financial gives `nan`).
 * @throws `ValidationError` naming the argument when `values` is not a non-empty array of finite
 *   numbers or a rate is not finite or below −1.
 * @see numpy-financial `mirr`; Excel `MIRR(values, finance_rate, reinvest_rate)`.
 * @example
 * ```ts
 * mirr([-120_000, 39_000, 30_000, 21_000, 37_000, 46_000], 0.1, 0.12); // => 0.1260941303659052
 * ```
 */
export function mirr(values: readonly number[], financeRate: number, reinvestRate: number): number | null {
  requireCashFlows(values, 'values');
  requireDiscountRate(financeRate, 'financeRate');
  requireDiscountRate(reinvestRate, 'reinvestRate');
  if (financeRate === -1 || reinvestRate === -1) return null;
  const xReinvest = Math.exp(-Math.log1p(reinvestRate));
  const xFinance = Math.exp(-Math.log1p(financeRate));
  let inflows = 0;
  let outflows = 0;
  let hasInflow = false;
  let hasOutflow = false;
  for (let t = values.length - 1; t >= 0; t--) {
    const value = values[t] as number;
    inflows *= xReinvest;
    outflows *= xFinance;
    if (value > 0) {
      inflows += value;
      hasInflow = true;
    } else if (value < 0) {
      outflows += value;
      hasOutflow = true;
    }
  }
  if (!hasInflow || !hasOutflow) return null;
  const periods = values.length - 1;
  let logRatio = Math.log(inflows / -outflows);
  if (!Number.isFinite(logRatio)) {
    // A sum over- or underflowed: redo both in logarithms.
    logRatio =
      logAbsDiscounted(values, -Math.log1p(reinvestRate), true) -
      logAbsDiscounted(values, -Math.log1p(financeRate), false);
  }
  return Math.expm1(logRatio / periods + Math.log1p(reinvestRate));
}
