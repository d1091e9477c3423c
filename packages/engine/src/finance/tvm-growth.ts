/**
 * Compound growth `(1 + rate)^n` and `(1 + rate)^n − 1`, accurate for tiny rates and cheap otherwise.
 * @module
 */

/**
 * `e^x − 1` given `e^x` (`growth`) and `x` (`logGrowth`). Away from `e^x ≈ 1` the plain subtraction is
 * exact to a couple of ulps and saves a second transcendental call; near 1 it would cancel, so `expm1`.
 */
export function growthMinusOne(growth: number, logGrowth: number): number {
  return growth >= 2 || growth <= 0.5 ? growth - 1 : Math.expm1(logGrowth);
}
