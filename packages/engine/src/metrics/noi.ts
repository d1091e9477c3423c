/**
 * Operating expenses and net operating income. Expenses are taken and returned as positive
 * magnitudes (`'18962.00'` = 18,962.00 spent), the industry's way of writing NOI = EGI − OpEx.
 * @module
 */

import { slotSums, tallyTransactions } from './cash-flow-rollup.js';
import { formatCents } from './cents.js';
import { type CapexTreatment, type MetricResult, readConvention } from './conventions.js';
import type { MetricMonth, MetricTransaction } from './inputs.js';
import { readMoney, readMonth, readOptionalMoney, readRecord } from './metric-input.js';

/**
 * Parameters of {@link operatingExpenses}.
 *
 * @example
 * ```ts
 * const params = {
 *   transactions: [{ date: '2025-03-01', amount: '-200.00', category: 'insurance', kind: 'operating_expense' }],
 *   from: '2025-01',
 *   to: '2025-12',
 * };
 * operatingExpenses(params);
 * // => '200.00'
 * ```
 */
export interface OperatingExpensesParams {
  /** Transactions of any kinds; only `operating_expense` ones count. Never mutated. */
  readonly transactions: readonly MetricTransaction[];
  /** First month counted, `YYYY-MM` (default: no lower bound). */
  readonly from?: MetricMonth;
  /** Last month counted, `YYYY-MM` (default: no upper bound). */
  readonly to?: MetricMonth;
}

/**
 * Operating expenses as a positive magnitude: OpEx = −Σ amounts of the `operating_expense`
 * transactions (which are negative in the ledger), within `from`..`to` when given. Refunds
 * (positive amounts) reduce it. Debt service, capital expenditure, deposits and transfers are not
 * operating expenses.
 *
 * @example
 * ```ts
 * operatingExpenses({
 *   transactions: [
 *     { date: '2025-01-10', amount: '-500.00', category: 'taxes', kind: 'operating_expense' },
 *     { date: '2025-01-12', amount: '-180.00', category: 'repairs', kind: 'operating_expense' },
 *     { date: '2025-01-15', amount: '40.00', category: 'repairs', kind: 'operating_expense' },
 *     { date: '2025-01-20', amount: '-3033.93', category: 'mortgage', kind: 'debt_service_principal' },
 *   ],
 * });
 * // => '640.00'
 * ```
 */
export function operatingExpenses(params: OperatingExpensesParams): string {
  const input = readRecord(params, '');
  const from = input.from === undefined ? null : readMonth(input.from, 'from');
  const to = input.to === undefined ? null : readMonth(input.to, 'to');
  const tally = tallyTransactions(input.transactions, 'transactions', from, to);
  const sums = slotSums(tally);
  let total = 0n;
  tally.slots.forEach((slot, index) => {
    if (slot.kind === 'operating_expense') total += sums[index] ?? 0n;
  });
  return formatCents(-total);
}

/**
 * Parameters of {@link netOperatingIncome}. Amounts cover the same period.
 *
 * @example
 * ```ts
 * const params = { effectiveGrossIncome: '70150.00', operatingExpenses: '18962.00' };
 * netOperatingIncome(params).value;
 * // => '51188.00'
 * ```
 */
export interface NetOperatingIncomeParams {
  /** Effective gross income. */
  readonly effectiveGrossIncome: string;
  /** Operating expenses, positive magnitude. */
  readonly operatingExpenses: string;
  /** Capital expenditure and reserves, positive magnitude; only used by `'above_noi'`. Default `'0.00'`. */
  readonly capitalExpenditures?: string;
  /** Where capex sits. Default `'below_noi'`. */
  readonly capex?: CapexTreatment;
}

/**
 * Net operating income, before debt service (and, by default, before capital expenditure):
 * - `'below_noi'` (default) and `'excluded'`: NOI = EGI − OpEx;
 * - `'above_noi'`: NOI = EGI − OpEx − capex (reserves as an operating cost).
 *
 * @example
 * ```ts
 * netOperatingIncome({ effectiveGrossIncome: '70150.00', operatingExpenses: '18962.00' });
 * // => { value: '51188.00', convention: 'below_noi' }
 * ```
 */
export function netOperatingIncome(params: NetOperatingIncomeParams): MetricResult<string, CapexTreatment> {
  const input = readRecord(params, '');
  const capex = readConvention('capex', input.capex, 'capex');
  const egi = readMoney(input.effectiveGrossIncome, 'effectiveGrossIncome');
  const opex = readMoney(input.operatingExpenses, 'operatingExpenses');
  const capital = readOptionalMoney(input.capitalExpenditures, 'capitalExpenditures', 0n);
  return { value: formatCents(noiCents(egi, opex, capital, capex)), convention: capex };
}

/** NOI in integer cents from magnitudes (see {@link netOperatingIncome}). @internal */
export function noiCents(egi: bigint, opex: bigint, capital: bigint, capex: CapexTreatment): bigint {
  return egi - opex - (capex === 'above_noi' ? capital : 0n);
}
