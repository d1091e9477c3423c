/**
 * Debt metrics: debt service coverage ratio (both lender conventions), PITIA and loan-to-value.
 * @module
 */
import { formatCents, ratio } from './cents.js';
import { type DscrConvention, type MetricResult, readConvention } from './conventions.js';
import {
  readArray,
  readMoney,
  readNonNegativeMoney,
  readOptionalNonNegativeMoney,
  readRecord,
} from './metric-input.js';

/**
 * Parameters of {@link debtServiceCoverageRatio}, by convention: annual NOI and annual debt
 * service (`'noi_to_debt_service'`, the default), or monthly gross rent and monthly PITIA
 * (`'rent_to_pitia'`).
 *
 * @example
 * ```ts
 * const commercial = { netOperatingIncome: '60000.00', debtService: '50000.00' };
 * const residential = { convention: 'rent_to_pitia', monthlyRent: '2500.00', monthlyPitia: '2000.00' };
 * [debtServiceCoverageRatio(commercial).value, debtServiceCoverageRatio(residential).value];
 * // => [1.2, 1.25]
 * ```
 */
export type DebtServiceCoverageRatioParams =
  | {
      readonly convention?: 'noi_to_debt_service';
      /** Annual net operating income. */
      readonly netOperatingIncome: string;
      /** Annual debt service (interest + principal), non-negative. */
      readonly debtService: string;
    }
  | {
      readonly convention: 'rent_to_pitia';
      /** Monthly gross rent (scheduled or market rent). */
      readonly monthlyRent: string;
      /** Monthly principal + interest + taxes + insurance + association dues, non-negative (see {@link pitia}). */
      readonly monthlyPitia: string;
    };

/**
 * Debt service coverage ratio, by convention ({@link DscrConvention}):
 * - `'noi_to_debt_service'` (default; commercial): DSCR = annual NOI / annual debt service;
 * - `'rent_to_pitia'` (residential lenders): DSCR = monthly gross rent / monthly PITIA.
 *
 * `null` when the denominator is zero (no debt).
 *
 * @example
 * ```ts
 * debtServiceCoverageRatio({ netOperatingIncome: '60000.00', debtService: '48000.00' });
 * // => { value: 1.25, convention: 'noi_to_debt_service' }
 * debtServiceCoverageRatio({ netOperatingIncome: '60000.00', debtService: '0.00' });
 * // => { value: null, convention: 'noi_to_debt_service' }
 * ```
 */
export function debtServiceCoverageRatio(
  params: DebtServiceCoverageRatioParams,
): MetricResult<number | null, DscrConvention> {
  const input = readRecord(params, '');
  const convention = readConvention('dscr', input.convention, 'convention');
  if (convention === 'rent_to_pitia') {
    const rent = readMoney(input.monthlyRent, 'monthlyRent');
    const payment = readNonNegativeMoney(input.monthlyPitia, 'monthlyPitia');
    return { value: ratio(rent, payment), convention };
  }
  const noi = readMoney(input.netOperatingIncome, 'netOperatingIncome');
  const debtService = readNonNegativeMoney(input.debtService, 'debtService');
  return { value: ratio(noi, debtService), convention };
}

/**
 * Parameters of {@link pitia}: monthly amounts, each non-negative.
 *
 * @example
 * ```ts
 * const params = { principalAndInterest: '1200.00', taxes: '300.00' };
 * pitia(params);
 * // => '1500.00'
 * ```
 */
export interface PitiaParams {
  /** Monthly principal and interest payment. */
  readonly principalAndInterest: string;
  /** Monthly property taxes. Default `'0.00'`. */
  readonly taxes?: string;
  /** Monthly hazard (and flood, mortgage) insurance. Default `'0.00'`. */
  readonly insurance?: string;
  /** Monthly association (HOA) dues. Default `'0.00'`. */
  readonly associationDues?: string;
}

/**
 * Monthly PITIA = principal and interest + taxes + insurance + association dues: the monthly
 * housing payment residential lenders divide rent by.
 *
 * @example
 * ```ts
 * pitia({ principalAndInterest: '3033.93', taxes: '500.00', insurance: '200.00' });
 * // => '3733.93'
 * ```
 */
export function pitia(params: PitiaParams): string {
  const input = readRecord(params, '');
  const total =
    readNonNegativeMoney(input.principalAndInterest, 'principalAndInterest') +
    readOptionalNonNegativeMoney(input.taxes, 'taxes', 0n) +
    readOptionalNonNegativeMoney(input.insurance, 'insurance', 0n) +
    readOptionalNonNegativeMoney(input.associationDues, 'associationDues', 0n);
  return formatCents(total);
}

/**
 * Parameters of {@link loanToValue}.
 *
 * @example
 * ```ts
 * const params = { loanBalances: ['300000.00', '50000.00'], value: '500000.00' };
 * loanToValue(params);
 * // => 0.7
 * ```
 */
export interface LoanToValueParams {
  /** Outstanding balances of every loan the property secures, each non-negative. */
  readonly loanBalances: readonly string[];
  /** The property's value (appraised or current), non-negative. */
  readonly value: string;
}

/**
 * Loan-to-value = Σ loan balances / value (combined LTV when several loans); `null` when the value
 * is zero.
 *
 * @example
 * ```ts
 * loanToValue({ loanBalances: ['480000.00'], value: '640000.00' });
 * // => 0.75
 * ```
 */
export function loanToValue(params: LoanToValueParams): number | null {
  const input = readRecord(params, '');
  const balances = readArray(input.loanBalances, 'loanBalances');
  let debt = 0n;
  balances.forEach((balance, index) => {
    debt += readNonNegativeMoney(balance, `loanBalances.${index}`);
  });
  const value = readNonNegativeMoney(input.value, 'value');
  return ratio(debt, value);
}
