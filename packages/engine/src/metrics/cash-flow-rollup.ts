/**
 * The monthly cash-flow roll-up: month × category totals of a list of transactions, exact to the
 * cent, with per-kind subtotals and the derived NOI and cash flow of each month.
 * @module
 */
import { ValidationError } from '../errors.js';
import { CentsTotal, formatCents, scanCents } from './cents.js';
import { CATEGORY_KINDS, type CapexTreatment, type CategoryKind, readConvention } from './conventions.js';
import type { MetricMonth, MetricTransaction } from './inputs.js';
import {
  describe,
  formatMonth,
  moneyError,
  monthIndexOfDate,
  readArray,
  readDate,
  readMonth,
  readRecord,
} from './metric-input.js';

/**
 * One category's total in a month (or over the whole roll-up), in the ledger sign.
 *
 * @example
 * ```ts
 * const rollup = monthlyCashFlowRollup({
 *   transactions: [{ date: '2025-01-20', amount: '-180.00', category: 'repairs', kind: 'operating_expense' }],
 * });
 * rollup.totals.byCategory;
 * // => [{ category: 'repairs', kind: 'operating_expense', amount: '-180.00', count: 1 }]
 * ```
 */
export interface CategoryTotal {
  /** The category name. */
  readonly category: string;
  /** The category's kind. */
  readonly kind: CategoryKind;
  /** Exact sum of the category's amounts, ledger sign (an expense total is negative). */
  readonly amount: string;
  /** Number of transactions summed. */
  readonly count: number;
}

/**
 * Totals of a month, or of the whole roll-up. **Every amount keeps the ledger sign** (positive =
 * money in, negative = money out), so operating expenses and debt service are negative and every
 * figure is an exact sum of input amounts:
 * - `byKind[k]` = Σ amounts of kind `k` (all twelve kinds present, `'0.00'` when none);
 * - `netOperatingIncome` = `income` + `operating_expense` (+ `capital_expenditure` when the capex
 *   convention is `'above_noi'`);
 * - `debtService` = `debt_service_interest` + `debt_service_principal` (≤ 0 in normal use);
 * - `cashFlowBeforeTax` = `netOperatingIncome` + `debtService` (+ `capital_expenditure` when the
 *   convention is `'below_noi'`);
 * - `net` = Σ every amount, all kinds included (the net movement of money).
 *
 * @example
 * ```ts
 * const rollup = monthlyCashFlowRollup({
 *   transactions: [
 *     { date: '2025-01-03', amount: '1450.00', category: 'rent', kind: 'income' },
 *     { date: '2025-01-15', amount: '-1000.00', category: 'mortgage interest', kind: 'debt_service_interest' },
 *   ],
 * });
 * [rollup.totals.netOperatingIncome, rollup.totals.debtService, rollup.totals.cashFlowBeforeTax];
 * // => ['1450.00', '-1000.00', '450.00']
 * ```
 */
export interface CashFlowTotals {
  /** Category totals, ordered by kind (`CATEGORY_KINDS` order) then category name. */
  readonly byCategory: readonly CategoryTotal[];
  /** Σ amounts per kind, ledger sign; every kind present. */
  readonly byKind: Readonly<Record<CategoryKind, string>>;
  /** Income + operating expenses (+ capex when `'above_noi'`), ledger sign. */
  readonly netOperatingIncome: string;
  /** Interest + principal, ledger sign (negative when paid). */
  readonly debtService: string;
  /** NOI + debt service (+ capex when `'below_noi'`), ledger sign. */
  readonly cashFlowBeforeTax: string;
  /** Σ of every amount. */
  readonly net: string;
  /** Number of transactions summed. */
  readonly count: number;
}

/**
 * The totals of one calendar month.
 *
 * @example
 * ```ts
 * const rollup = monthlyCashFlowRollup({
 *   transactions: [{ date: '2025-02-01', amount: '1450.00', category: 'rent', kind: 'income' }],
 *   from: '2025-01',
 * });
 * rollup.months.map((m) => [m.month, m.net]);
 * // => [['2025-01', '0.00'], ['2025-02', '1450.00']]
 * ```
 */
export interface MonthlyCashFlow extends CashFlowTotals {
  /** The month, `YYYY-MM`. */
  readonly month: MetricMonth;
}

/**
 * Result of {@link monthlyCashFlowRollup}.
 *
 * @example
 * ```ts
 * const rollup = monthlyCashFlowRollup({ transactions: [] });
 * [rollup.months.length, rollup.totals.net, rollup.conventions];
 * // => [0, '0.00', { capex: 'below_noi', sign: 'ledger' }]
 * ```
 */
export interface CashFlowRollup {
  /** Every month from the first to the last (or `from`..`to`), ascending, gaps filled with zeros. */
  readonly months: readonly MonthlyCashFlow[];
  /** The same totals over all the months. */
  readonly totals: CashFlowTotals;
  /** The capex convention of the derived NOI and cash flow, and the sign of every amount. */
  readonly conventions: { readonly capex: CapexTreatment; readonly sign: 'ledger' };
}

/**
 * Parameters of {@link monthlyCashFlowRollup}.
 *
 * @example
 * ```ts
 * const params = { transactions: [], from: '2025-01', to: '2025-03', capex: 'excluded' };
 * monthlyCashFlowRollup(params).months.length;
 * // => 3
 * ```
 */
export interface CashFlowRollupParams {
  /** The transactions (any order); never mutated. */
  readonly transactions: readonly MetricTransaction[];
  /** First month to report, `YYYY-MM`; earlier transactions are validated, then ignored. */
  readonly from?: MetricMonth;
  /** Last month to report, `YYYY-MM`; later transactions are validated, then ignored. */
  readonly to?: MetricMonth;
  /** Capex convention of the derived NOI and cash flow. Default `'below_noi'`. */
  readonly capex?: CapexTreatment;
}

/**
 * Rolls transactions up into calendar months: month × category totals exact to the cent, the
 * per-kind subtotals, and each month's derived NOI, debt service and cash flow before tax (see
 * {@link CashFlowTotals} for the formulas). **Amounts keep the ledger sign**: positive = money in,
 * negative = money out, so expense totals are negative and `net` is exactly Σ amounts.
 *
 * Months run from the first to the last transaction's month (or `from`..`to` when given), gaps
 * filled with zero months. The result does not depend on the order of the transactions. Amounts are
 * summed as integer cents (no per-transaction Decimal), so long lists are cheap.
 *
 * Throws a `ValidationError` naming the field (`transactions.7.amount`) for a malformed date,
 * amount (more than 2 decimals included), empty category or unknown kind.
 *
 * @example
 * ```ts
 * const rollup = monthlyCashFlowRollup({
 *   transactions: [
 *     { date: '2025-01-03', amount: '1450.00', category: 'rent', kind: 'income' },
 *     { date: '2025-01-20', amount: '-180.00', category: 'repairs', kind: 'operating_expense' },
 *     { date: '2025-02-03', amount: '1450.00', category: 'rent', kind: 'income' },
 *     { date: '2025-02-10', amount: '-900.00', category: 'roof', kind: 'capital_expenditure' },
 *   ],
 * });
 * rollup.months.map((m) => [m.month, m.netOperatingIncome, m.cashFlowBeforeTax]);
 * // => [['2025-01', '1270.00', '1270.00'], ['2025-02', '1450.00', '550.00']]
 * rollup.totals.byKind.operating_expense;
 * // => '-180.00'
 * ```
 */
export function monthlyCashFlowRollup(params: CashFlowRollupParams): CashFlowRollup {
  const input = readRecord(params, '');
  const capex = readConvention('capex', input.capex, 'capex');
  const from = input.from === undefined ? null : readMonth(input.from, 'from');
  const to = input.to === undefined ? null : readMonth(input.to, 'to');
  if (from !== null && to !== null && to < from) {
    throw ValidationError.field('to', 'a month not before `from`', `to: ${String(input.to)} is before from`);
  }
  const tally = tallyTransactions(input.transactions, 'transactions', from, to);
  const first = from ?? (tally.first >= 0 ? tally.first : to);
  const last = to ?? (tally.last >= 0 ? tally.last : from);

  const months: MonthlyCashFlow[] = [];
  const overall: (bigint | undefined)[] = [];
  const overallCounts: number[] = [];
  if (first !== null && last !== null) {
    for (let index = first; index <= last; index++) {
      const month = tally.months.get(index);
      const sums: (bigint | undefined)[] = [];
      const counts: number[] = [];
      if (month) {
        for (let slot = 0; slot < month.totals.length; slot++) {
          const total = month.totals[slot];
          if (total === undefined) continue;
          const sum = total.total();
          sums[slot] = sum;
          counts[slot] = month.counts[slot] ?? 0;
          overall[slot] = (overall[slot] ?? 0n) + sum;
          overallCounts[slot] = (overallCounts[slot] ?? 0) + (month.counts[slot] ?? 0);
        }
      }
      months.push({ month: formatMonth(index), ...presentTotals(tally, sums, counts, capex) });
    }
  }
  return {
    months,
    totals: presentTotals(tally, overall, overallCounts, capex),
    conventions: { capex, sign: 'ledger' },
  };
}

function presentTotals(
  tally: TransactionTally,
  sums: readonly (bigint | undefined)[],
  counts: readonly number[],
  capex: CapexTreatment,
): CashFlowTotals {
  const kinds = new Array<bigint>(CATEGORY_KINDS.length).fill(0n);
  const byCategory: CategoryTotal[] = [];
  let count = 0;
  for (const slot of tally.order) {
    const sum = sums[slot];
    if (sum === undefined) continue;
    const info = tally.slots[slot] as CategorySlot;
    kinds[info.kindIndex] = (kinds[info.kindIndex] ?? 0n) + sum;
    const slotCount = counts[slot] ?? 0;
    count += slotCount;
    byCategory.push({ category: info.category, kind: info.kind, amount: formatCents(sum), count: slotCount });
  }
  const sumsByKind = kindSums(kinds);
  const byKind = {} as Record<CategoryKind, string>;
  let net = 0n;
  for (let k = 0; k < CATEGORY_KINDS.length; k++) {
    const value = kinds[k] ?? 0n;
    net += value;
    byKind[CATEGORY_KINDS[k] as CategoryKind] = formatCents(value);
  }
  const derived = deriveLedgerCashFlow(sumsByKind, capex);
  return {
    byCategory,
    byKind,
    netOperatingIncome: formatCents(derived.netOperatingIncome),
    debtService: formatCents(derived.debtService),
    cashFlowBeforeTax: formatCents(derived.cashFlowBeforeTax),
    net: formatCents(net),
    count,
  };
}

/** Σ amounts (integer cents, ledger sign) of each kind. @internal */
export type KindSums = Readonly<Record<CategoryKind, bigint>>;

function kindSums(kinds: readonly bigint[]): KindSums {
  const result = {} as Record<CategoryKind, bigint>;
  for (let k = 0; k < CATEGORY_KINDS.length; k++) result[CATEGORY_KINDS[k] as CategoryKind] = kinds[k] ?? 0n;
  return result;
}

/** NOI, debt service and cash flow before tax from kind sums, all in the ledger sign. @internal */
export function deriveLedgerCashFlow(
  kinds: KindSums,
  capex: CapexTreatment,
): { netOperatingIncome: bigint; debtService: bigint; cashFlowBeforeTax: bigint } {
  const capital = kinds.capital_expenditure;
  const netOperatingIncome = kinds.income + kinds.operating_expense + (capex === 'above_noi' ? capital : 0n);
  const debtService = kinds.debt_service_interest + kinds.debt_service_principal;
  const cashFlowBeforeTax = netOperatingIncome + debtService + (capex === 'below_noi' ? capital : 0n);
  return { netOperatingIncome, debtService, cashFlowBeforeTax };
}

/** One (kind, category) pair met in the transactions. @internal */
export interface CategorySlot {
  readonly kind: CategoryKind;
  readonly kindIndex: number;
  readonly category: string;
}

/** Per-month running totals, indexed by category slot. @internal */
export interface MonthTally {
  readonly totals: (CentsTotal | undefined)[];
  readonly counts: number[];
}

/** Result of {@link tallyTransactions}. @internal */
export interface TransactionTally {
  /** Every (kind, category) pair met, in order of first appearance. */
  readonly slots: readonly CategorySlot[];
  /** Slot indices sorted by kind order, then category name. */
  readonly order: readonly number[];
  /** Month index → totals, for months in range holding at least one transaction. */
  readonly months: ReadonlyMap<number, MonthTally>;
  /** First and last month index holding an in-range transaction (−1 when none). */
  readonly first: number;
  readonly last: number;
}

/**
 * The single validated pass over a transaction list shared by the roll-up and the snapshot
 * metrics: every transaction is checked (field paths `<field>.<i>.<name>`); those whose month is
 * within [from, to] (null = open) are summed per month and (kind, category) slot as integer cents.
 * @internal
 */
export function tallyTransactions(
  value: unknown,
  field: string,
  from: number | null,
  to: number | null,
): TransactionTally {
  const transactions = readArray(value, field);
  const lower = from ?? Number.NEGATIVE_INFINITY;
  const upper = to ?? Number.POSITIVE_INFINITY;
  const slotsByKind = new Map<unknown, Map<string, number>>();
  const kindIndex = new Map<unknown, number>();
  CATEGORY_KINDS.forEach((kind, index) => {
    slotsByKind.set(kind, new Map());
    kindIndex.set(kind, index);
  });
  const slots: CategorySlot[] = [];
  const monthOfDate = new Map<unknown, number>();
  const months = new Map<number, MonthTally>();
  let first = -1;
  let last = -1;
  const count = transactions.length;
  for (let i = 0; i < count; i++) {
    const transaction = transactions[i] as Partial<MetricTransaction> | null | undefined;
    if (transaction === null || typeof transaction !== 'object') readRecord(transaction, `${field}.${i}`);
    const { date, amount, category, kind } = transaction as Partial<MetricTransaction>;

    let monthIndex = monthOfDate.get(date);
    if (monthIndex === undefined) {
      monthIndex = monthIndexOfDate(readDate(date, `${field}.${i}.date`));
      monthOfDate.set(date, monthIndex);
    }
    const cents = typeof amount === 'string' ? scanCents(amount) : undefined;
    if (cents === undefined) throw moneyError(amount, `${field}.${i}.amount`);
    const categories = slotsByKind.get(kind);
    if (categories === undefined) {
      throw ValidationError.field(
        `${field}.${i}.kind`,
        'a category kind',
        `${field}.${i}.kind: expected one of ${CATEGORY_KINDS.join(', ')}, got ${describe(kind)}`,
      );
    }
    if (typeof category !== 'string' || category.length === 0) {
      throw ValidationError.field(
        `${field}.${i}.category`,
        'a non-empty string',
        `${field}.${i}.category: expected a non-empty string, got ${describe(category)}`,
      );
    }
    let slot = categories.get(category);
    if (slot === undefined) {
      slot = slots.length;
      slots.push({ kind: kind as CategoryKind, kindIndex: kindIndex.get(kind) ?? 0, category });
      categories.set(category, slot);
    }
    if (monthIndex < lower || monthIndex > upper) continue;

    let month = months.get(monthIndex);
    if (month === undefined) {
      month = { totals: [], counts: [] };
      months.set(monthIndex, month);
      if (first < 0 || monthIndex < first) first = monthIndex;
      if (monthIndex > last) last = monthIndex;
    }
    let total = month.totals[slot];
    if (total === undefined) {
      total = new CentsTotal();
      month.totals[slot] = total;
      month.counts[slot] = 0;
    }
    total.add(cents);
    month.counts[slot] = (month.counts[slot] ?? 0) + 1;
  }
  const order = slots.map((_, index) => index);
  order.sort((a, b) => {
    const left = slots[a] as CategorySlot;
    const right = slots[b] as CategorySlot;
    if (left.kindIndex !== right.kindIndex) return left.kindIndex - right.kindIndex;
    return left.category < right.category ? -1 : left.category > right.category ? 1 : 0;
  });
  return { slots, order, months, first, last };
}

/** Σ over all months of each slot's total (integer cents). @internal */
export function slotSums(tally: TransactionTally): bigint[] {
  const sums = new Array<bigint>(tally.slots.length).fill(0n);
  for (const month of tally.months.values()) {
    for (let slot = 0; slot < month.totals.length; slot++) {
      const total = month.totals[slot];
      if (total !== undefined) sums[slot] = (sums[slot] ?? 0n) + total.total();
    }
  }
  return sums;
}
