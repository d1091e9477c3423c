/**
 * The owner's stake: equity and appreciation.
 * @module
 */
import { formatCents, multiplyCents, ratio } from './cents.js';
import { readArray, readNonNegativeMoney, readRecord, readUnitFraction } from './metric-input.js';

/**
 * Parameters of {@link equity}.
 *
 * @example
 * ```ts
 * const params = { value: '500000.00', loanBalances: ['300000.00'], ownershipShare: '0.5' };
 * equity(params);
 * // => '100000.00'
 * ```
 */
export interface EquityParams {
  /** The property's value, non-negative. */
  readonly value: string;
  /** Outstanding balances of the loans it secures, each non-negative. */
  readonly loanBalances: readonly string[];
  /** The owner's share in [0, 1] (number or decimal string). Default 1. */
  readonly ownershipShare?: number | string;
}

/**
 * Owner's equity = (value − Σ loan balances) × ownership share, rounded half-up to the cent.
 * Negative when the loans exceed the value.
 *
 * @example
 * ```ts
 * equity({ value: '680000.00', loanBalances: ['474792.84'] });
 * // => '205207.16'
 * equity({ value: '680000.00', loanBalances: ['474792.84'], ownershipShare: 0.25 });
 * // => '51301.79'
 * ```
 */
export function equity(params: EquityParams): string {
  const input = readRecord(params, '');
  const value = readNonNegativeMoney(input.value, 'value');
  const balances = readArray(input.loanBalances, 'loanBalances');
  let debt = 0n;
  balances.forEach((balance, index) => {
    debt += readNonNegativeMoney(balance, `loanBalances.${index}`);
  });
  const gross = value - debt;
  if (input.ownershipShare === undefined) return formatCents(gross);
  return formatCents(multiplyCents(gross, readUnitFraction(input.ownershipShare, 'ownershipShare')));
}

/**
 * Parameters of {@link appreciation}.
 *
 * @example
 * ```ts
 * const params = { startValue: '400000.00', endValue: '420000.00' };
 * appreciation(params).rate;
 * // => 0.05
 * ```
 */
export interface AppreciationParams {
  /** Value at the start (the purchase price, or an earlier valuation), non-negative. */
  readonly startValue: string;
  /** Value at the end (the current value), non-negative. */
  readonly endValue: string;
}

/**
 * Appreciation: amount = end value − start value; rate = amount / start value (`null` when the
 * start value is zero). Not annualised.
 *
 * @example
 * ```ts
 * appreciation({ startValue: '640000.00', endValue: '680000.00' });
 * // => { amount: '40000.00', rate: 0.0625 }
 * ```
 */
export function appreciation(params: AppreciationParams): { amount: string; rate: number | null } {
  const input = readRecord(params, '');
  const start = readNonNegativeMoney(input.startValue, 'startValue');
  const end = readNonNegativeMoney(input.endValue, 'endValue');
  const amount = end - start;
  return { amount: formatCents(amount), rate: ratio(amount, start) };
}
