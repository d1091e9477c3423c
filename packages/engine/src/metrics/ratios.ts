/**
 * Price and expense ratios: gross rent multiplier, operating expense ratio and break-even ratio.
 * @module
 */
import { ValidationError } from '../errors.js';
import { ratio } from './cents.js';
import { type GrmRentPeriod, type IncomeBase, type MetricResult, readConvention } from './conventions.js';
import { readMoney, readNonNegativeMoney, readRecord } from './metric-input.js';

/**
 * Parameters of {@link grossRentMultiplier}: the price and exactly one of the annual or monthly
 * gross rent (either works with either convention).
 *
 * @example
 * ```ts
 * const params = { price: '600000.00', monthlyGrossRent: '6250.00' };
 * grossRentMultiplier(params).value;
 * // => 8
 * ```
 */
export interface GrossRentMultiplierParams {
  /** Price (purchase price or value), non-negative. */
  readonly price: string;
  /** Annual gross (scheduled) rent, non-negative. */
  readonly annualGrossRent?: string;
  /** Monthly gross (scheduled) rent, non-negative. */
  readonly monthlyGrossRent?: string;
  /** Rent period of the multiplier. Default `'annual'`. */
  readonly rentPeriod?: GrmRentPeriod;
}

/**
 * Gross rent multiplier, by convention ({@link GrmRentPeriod}):
 * - `'annual'` (default): GRM = price / annual gross rent;
 * - `'monthly'`: GRM = price / monthly gross rent (= 12 × the annual GRM).
 *
 * A monthly rent given for the annual GRM counts × 12, an annual rent given for the monthly GRM
 * counts ÷ 12 (computed exactly). `null` when the rent is zero.
 *
 * @example
 * ```ts
 * grossRentMultiplier({ price: '640000.00', annualGrossRent: '80000.00' });
 * // => { value: 8, convention: 'annual' }
 * grossRentMultiplier({ price: '640000.00', annualGrossRent: '80000.00', rentPeriod: 'monthly' });
 * // => { value: 96, convention: 'monthly' }
 * ```
 */
export function grossRentMultiplier(
  params: GrossRentMultiplierParams,
): MetricResult<number | null, GrmRentPeriod> {
  const input = readRecord(params, '');
  const period = readConvention('grmRentPeriod', input.rentPeriod, 'rentPeriod');
  const price = readNonNegativeMoney(input.price, 'price');
  const hasAnnual = input.annualGrossRent !== undefined;
  if (hasAnnual === (input.monthlyGrossRent !== undefined)) {
    throw ValidationError.field(
      hasAnnual ? 'monthlyGrossRent' : 'annualGrossRent',
      'exactly one of annualGrossRent or monthlyGrossRent',
    );
  }
  const annualRent = hasAnnual
    ? readNonNegativeMoney(input.annualGrossRent, 'annualGrossRent')
    : readNonNegativeMoney(input.monthlyGrossRent, 'monthlyGrossRent') * 12n;
  // annual GRM = price / annual; monthly GRM = price / (annual / 12) = 12 × price / annual.
  const value = period === 'annual' ? ratio(price, annualRent) : ratio(price * 12n, annualRent);
  return { value, convention: period };
}

/**
 * Parameters of {@link operatingExpenseRatio}. The income named by `base` is required.
 *
 * @example
 * ```ts
 * const params = { operatingExpenses: '30000.00', effectiveGrossIncome: '75000.00' };
 * operatingExpenseRatio(params).value;
 * // => 0.4
 * ```
 */
export interface OperatingExpenseRatioParams {
  /** Operating expenses, positive magnitude. */
  readonly operatingExpenses: string;
  /** Effective gross income (for the `'egi'` base). */
  readonly effectiveGrossIncome?: string;
  /** Gross potential rent, non-negative (for the `'gpr'` base). */
  readonly grossPotentialRent?: string;
  /** Denominator. Default `'egi'`. */
  readonly base?: IncomeBase;
}

/**
 * Operating expense ratio, by convention ({@link IncomeBase}):
 * - `'egi'` (default): OER = operating expenses / effective gross income;
 * - `'gpr'`: OER = operating expenses / gross potential rent.
 *
 * `null` when the denominator is zero.
 *
 * @example
 * ```ts
 * operatingExpenseRatio({ operatingExpenses: '18962.00', effectiveGrossIncome: '70150.00' });
 * // => { value: 0.27030648610121166, convention: 'egi' }
 * ```
 */
export function operatingExpenseRatio(
  params: OperatingExpenseRatioParams,
): MetricResult<number | null, IncomeBase> {
  const input = readRecord(params, '');
  const base = readConvention('operatingExpenseRatioBase', input.base, 'base');
  const opex = readMoney(input.operatingExpenses, 'operatingExpenses');
  return { value: ratio(opex, readIncomeBase(input, base)), convention: base };
}

/**
 * Parameters of {@link breakEvenRatio}. The income named by `base` is required.
 *
 * @example
 * ```ts
 * const params = { operatingExpenses: '20000.00', debtService: '40000.00', grossPotentialRent: '80000.00' };
 * breakEvenRatio(params).value;
 * // => 0.75
 * ```
 */
export interface BreakEvenRatioParams {
  /** Operating expenses, positive magnitude. */
  readonly operatingExpenses: string;
  /** Debt service (interest + principal), non-negative. */
  readonly debtService: string;
  /** Gross potential rent, non-negative (for the `'gpr'` base). */
  readonly grossPotentialRent?: string;
  /** Effective gross income (for the `'egi'` base). */
  readonly effectiveGrossIncome?: string;
  /** Denominator. Default `'gpr'`. */
  readonly base?: IncomeBase;
}

/**
 * Break-even ratio (break-even occupancy): the share of potential income needed to pay the operating
 * expenses and the debt service. By convention ({@link IncomeBase}):
 * - `'gpr'` (default; the lenders' form): (operating expenses + debt service) / gross potential rent;
 * - `'egi'`: (operating expenses + debt service) / effective gross income.
 *
 * Above 1 means the property cannot cover its costs even fully let. `null` when the denominator is
 * zero.
 *
 * @example
 * ```ts
 * breakEvenRatio({ operatingExpenses: '18962.00', debtService: '36407.16', grossPotentialRent: '73500.00' });
 * // => { value: 0.7533219047619048, convention: 'gpr' }
 * ```
 */
export function breakEvenRatio(params: BreakEvenRatioParams): MetricResult<number | null, IncomeBase> {
  const input = readRecord(params, '');
  const base = readConvention('breakEvenBase', input.base, 'base');
  const opex = readMoney(input.operatingExpenses, 'operatingExpenses');
  const debtService = readNonNegativeMoney(input.debtService, 'debtService');
  return { value: ratio(opex + debtService, readIncomeBase(input, base)), convention: base };
}

function readIncomeBase(input: Record<string, unknown>, base: IncomeBase): bigint {
  return base === 'egi'
    ? readMoney(input.effectiveGrossIncome, 'effectiveGrossIncome')
    : readNonNegativeMoney(input.grossPotentialRent, 'grossPotentialRent');
}
