/**
 * Return metrics: cap rate, cash-on-cash return, total return and equity multiple. Ratios are plain
 * numbers (0.08 = 8 %), `null` when the denominator is zero.
 * @module
 */
import { ValidationError } from '../errors.js';
import { formatCents, ratio } from './cents.js';
import {
  type EquityMultipleConvention,
  type MetricResult,
  readConvention,
  type ValueBasis,
} from './conventions.js';
import { readMoney, readNonNegativeMoney, readOptionalMoney, readRecord } from './metric-input.js';

/**
 * Parameters of {@link capRate}. The value named by `basis` is required.
 *
 * @example
 * ```ts
 * const params = { netOperatingIncome: '48000.00', purchasePrice: '600000.00' };
 * capRate(params).value;
 * // => 0.08
 * ```
 */
export interface CapRateParams {
  /** Annual net operating income. */
  readonly netOperatingIncome: string;
  /** Purchase price, non-negative (needed for the `'purchase_price'` basis). */
  readonly purchasePrice?: string;
  /** Current value, non-negative (needed for the `'current_value'` basis). */
  readonly currentValue?: string;
  /** Denominator. Default `'purchase_price'`. */
  readonly basis?: ValueBasis;
}

/**
 * Capitalisation rate: cap rate = annual NOI / price, where the price is, by convention
 * ({@link ValueBasis}), the purchase price (default) or the current value. `null` when that price
 * is zero.
 *
 * @example
 * ```ts
 * capRate({ netOperatingIncome: '51188.00', purchasePrice: '640000.00' });
 * // => { value: 0.07998125, convention: 'purchase_price' }
 * capRate({ netOperatingIncome: '51000.00', currentValue: '680000.00', basis: 'current_value' });
 * // => { value: 0.075, convention: 'current_value' }
 * ```
 */
export function capRate(params: CapRateParams): MetricResult<number | null, ValueBasis> {
  const input = readRecord(params, '');
  const basis = readConvention('capRateBasis', input.basis, 'basis');
  const noi = readMoney(input.netOperatingIncome, 'netOperatingIncome');
  const field = basis === 'purchase_price' ? 'purchasePrice' : 'currentValue';
  const price = readNonNegativeMoney(input[field], field);
  return { value: ratio(noi, price), convention: basis };
}

/**
 * Parameters of {@link cashOnCash}.
 *
 * @example
 * ```ts
 * const params = { annualCashFlow: '12000.00', totalCashInvested: '150000.00' };
 * cashOnCash(params);
 * // => 0.08
 * ```
 */
export interface CashOnCashParams {
  /** Annual pre-tax cash flow (cash flow before tax over a year). */
  readonly annualCashFlow: string;
  /** Total cash invested (down payment, closing costs, initial repairs), non-negative. */
  readonly totalCashInvested: string;
}

/**
 * Cash-on-cash return = annual pre-tax cash flow / total cash invested; `null` when nothing was
 * invested.
 *
 * @example
 * ```ts
 * cashOnCash({ annualCashFlow: '13380.84', totalCashInvested: '170000.00' });
 * // => 0.07871082352941176
 * ```
 */
export function cashOnCash(params: CashOnCashParams): number | null {
  const input = readRecord(params, '');
  const cashFlow = readMoney(input.annualCashFlow, 'annualCashFlow');
  const invested = readNonNegativeMoney(input.totalCashInvested, 'totalCashInvested');
  return ratio(cashFlow, invested);
}

/**
 * Parameters of {@link totalReturn}. All amounts cover the same period.
 *
 * @example
 * ```ts
 * const params = { cashFlow: '10000.00', appreciation: '20000.00', totalCashInvested: '150000.00' };
 * totalReturn(params).rate;
 * // => 0.2
 * ```
 */
export interface TotalReturnParams {
  /** Cash flow before tax of the period. */
  readonly cashFlow: string;
  /** Loan principal repaid in the period (equity built by amortisation). Default `'0.00'`. */
  readonly principalPaydown?: string;
  /** Change in the property's value over the period. */
  readonly appreciation: string;
  /** Total cash invested, non-negative: the rate's denominator. */
  readonly totalCashInvested: string;
}

/**
 * Total return of a period before tax: amount = cash flow + principal paydown + appreciation;
 * rate = amount / total cash invested (`null` when nothing was invested). The rate is not
 * annualised.
 *
 * @example
 * ```ts
 * totalReturn({
 *   cashFlow: '13380.84',
 *   principalPaydown: '5207.16',
 *   appreciation: '30000.00',
 *   totalCashInvested: '170000.00',
 * });
 * // => { amount: '48588.00', rate: 0.2858117647058824 }
 * ```
 */
export function totalReturn(params: TotalReturnParams): { amount: string; rate: number | null } {
  const input = readRecord(params, '');
  const cashFlow = readMoney(input.cashFlow, 'cashFlow');
  const paydown = readOptionalMoney(input.principalPaydown, 'principalPaydown', 0n);
  const appreciation = readMoney(input.appreciation, 'appreciation');
  const invested = readNonNegativeMoney(input.totalCashInvested, 'totalCashInvested');
  const amount = cashFlow + paydown + appreciation;
  return { amount: formatCents(amount), rate: ratio(amount, invested) };
}

/**
 * Parameters of {@link equityMultiple}.
 *
 * @example
 * ```ts
 * const params = { totalDistributions: '250000.00', totalContributions: '100000.00' };
 * equityMultiple(params).value;
 * // => 2.5
 * ```
 */
export interface EquityMultipleParams {
  /** Total distributed to the owners, non-negative magnitude. */
  readonly totalDistributions: string;
  /** Total equity contributed by the owners, non-negative magnitude. */
  readonly totalContributions: string;
  /** Current equity; required by `'distributions_and_equity_over_contributions'`. */
  readonly currentEquity?: string;
  /** Measure. Default `'distributions_over_contributions'`. */
  readonly convention?: EquityMultipleConvention;
}

/**
 * Equity multiple, by convention ({@link EquityMultipleConvention}):
 * - `'distributions_over_contributions'` (default): total distributions / total contributions;
 * - `'distributions_and_equity_over_contributions'`: (total distributions + current equity) /
 *   total contributions.
 *
 * `null` when nothing was contributed.
 *
 * @example
 * ```ts
 * equityMultiple({ totalDistributions: '180000.00', totalContributions: '120000.00' });
 * // => { value: 1.5, convention: 'distributions_over_contributions' }
 * ```
 */
export function equityMultiple(
  params: EquityMultipleParams,
): MetricResult<number | null, EquityMultipleConvention> {
  const input = readRecord(params, '');
  const convention = readConvention('equityMultiple', input.convention, 'convention');
  const distributions = readNonNegativeMoney(input.totalDistributions, 'totalDistributions');
  const contributions = readNonNegativeMoney(input.totalContributions, 'totalContributions');
  let numerator = distributions;
  if (convention === 'distributions_and_equity_over_contributions') {
    if (input.currentEquity === undefined) {
      throw ValidationError.field(
        'currentEquity',
        "a decimal string (required by the 'distributions_and_equity_over_contributions' convention)",
      );
    }
    numerator += readMoney(input.currentEquity, 'currentEquity');
  }
  return { value: ratio(numerator, contributions), convention };
}
