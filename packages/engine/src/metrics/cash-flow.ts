/**
 * Cash flow before tax: what NOI leaves after debt service and capital expenditure. Debt service and
 * capex are taken as positive magnitudes.
 * @module
 */
import { formatCents } from './cents.js';
import { type CapexTreatment, type MetricResult, readConvention } from './conventions.js';
import { readMoney, readNonNegativeMoney, readOptionalMoney, readRecord } from './metric-input.js';

/**
 * Parameters of {@link cashFlowBeforeTax}. Amounts cover the same period; pass the NOI computed
 * under the same capex convention.
 *
 * @example
 * ```ts
 * const params = { netOperatingIncome: '51188.00', debtService: '36407.16', capitalExpenditures: '1400.00' };
 * cashFlowBeforeTax(params).value;
 * // => '13380.84'
 * ```
 */
export interface CashFlowBeforeTaxParams {
  /** Net operating income. */
  readonly netOperatingIncome: string;
  /** Debt service (interest + principal), positive magnitude. */
  readonly debtService: string;
  /** Capital expenditure and reserves, positive magnitude. Default `'0.00'`. */
  readonly capitalExpenditures?: string;
  /** Where capex sits. Default `'below_noi'`. */
  readonly capex?: CapexTreatment;
}

/**
 * Cash flow before tax (CFBT):
 * - `'below_noi'` (default): CFBT = NOI − debt service − capex;
 * - `'above_noi'`: CFBT = NOI − debt service (capex is already inside NOI);
 * - `'excluded'`: CFBT = NOI − debt service (cash flow before capital items).
 *
 * @example
 * ```ts
 * cashFlowBeforeTax({ netOperatingIncome: '51188.00', debtService: '36407.16', capitalExpenditures: '1400.00' });
 * // => { value: '13380.84', convention: 'below_noi' }
 * ```
 */
export function cashFlowBeforeTax(params: CashFlowBeforeTaxParams): MetricResult<string, CapexTreatment> {
  const input = readRecord(params, '');
  const capex = readConvention('capex', input.capex, 'capex');
  const noi = readMoney(input.netOperatingIncome, 'netOperatingIncome');
  const debtService = readNonNegativeMoney(input.debtService, 'debtService');
  const capital = readOptionalMoney(input.capitalExpenditures, 'capitalExpenditures', 0n);
  return { value: formatCents(cashFlowCents(noi, debtService, capital, capex)), convention: capex };
}

/** CFBT in integer cents from magnitudes (see {@link cashFlowBeforeTax}). @internal */
export function cashFlowCents(
  noi: bigint,
  debtService: bigint,
  capital: bigint,
  capex: CapexTreatment,
): bigint {
  return noi - debtService - (capex === 'below_noi' ? capital : 0n);
}
