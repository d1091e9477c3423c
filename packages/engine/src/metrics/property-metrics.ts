/**
 * The whole metric set of a property — or of a portfolio of them — over a period of whole months,
 * from a snapshot (transactions, units, leases, loans, values), in one pass over the transactions.
 * @module
 */
import { ValidationError } from '../errors.js';
import { cashFlowCents } from './cash-flow.js';
import { slotSums, tallyTransactions } from './cash-flow-rollup.js';
import { formatCents, formatCentsOrNull, multiplyCents, ratio, ratioOrNull } from './cents.js';
import { type MetricConventions, resolveMetricConventions, type ValueBasis } from './conventions.js';
import type { MetricLease, MetricLoan, MetricMonth, MetricTransaction, MetricUnit } from './inputs.js';
import {
  formatMonth,
  readArray,
  readMonth,
  readNonEmptyString,
  readNonNegativeMoney,
  readOptionalNonNegativeMoney,
  readRecord,
  readUnitFraction,
} from './metric-input.js';
import { noiCents } from './noi.js';
import { summariseRentRoll } from './rent-roll.js';

/**
 * Income category names counted as rent (the rest of `income` is other income), matched without
 * regard to case or surrounding spaces. Override with `rentCategories`.
 *
 * @example
 * ```ts
 * DEFAULT_RENT_CATEGORIES.includes('rent');
 * // => true
 * ```
 */
export const DEFAULT_RENT_CATEGORIES: readonly string[] = Object.freeze([
  'rent',
  'rents',
  'rents received',
  'rents_received',
  'rental income',
]);

/**
 * A period of whole calendar months, `from`..`to` inclusive (`YYYY-MM`).
 *
 * @example
 * ```ts
 * const period = { from: '2025-01', to: '2025-06' };
 * propertyMetrics({ period, transactions: [] }).period;
 * // => { from: '2025-01', to: '2025-06', months: 6 }
 * ```
 */
export interface MetricPeriod {
  /** First month, `YYYY-MM`. */
  readonly from: MetricMonth;
  /** Last month, `YYYY-MM`, not before `from`. */
  readonly to: MetricMonth;
}

/**
 * What the metrics read of one property. Money is a decimal string with at most 2 decimals;
 * values, prices, balances and cash invested are non-negative.
 *
 * @example
 * ```ts
 * const snapshot = {
 *   transactions: [{ date: '2025-01-03', amount: '1000.00', category: 'rent', kind: 'income' }],
 *   units: [{ id: 'A', marketRent: '1000.00' }],
 *   leases: [{ unitId: 'A', monthlyRent: '1000.00', startDate: '2024-01-01', endDate: null }],
 *   purchasePrice: '150000.00',
 * };
 * propertyMetrics({ ...snapshot, period: { from: '2025-01', to: '2025-01' } }).capRate;
 * // => 0.08
 * ```
 */
export interface PropertySnapshot {
  /** Transactions; those outside the period are validated, then ignored. Never mutated. */
  readonly transactions: readonly MetricTransaction[];
  /** The units (rent roll). Default: none. */
  readonly units?: readonly MetricUnit[];
  /** The leases; omit to take occupancy from unit status. */
  readonly leases?: readonly MetricLease[];
  /** Loans with their balances at the end of the period. Default: none. */
  readonly loans?: readonly MetricLoan[];
  /** Value at the end of the period (latest valuation). */
  readonly currentValue?: string | null;
  /** Value at the start of the period, for the period's appreciation in the total return. */
  readonly valueAtPeriodStart?: string | null;
  /** Purchase price. */
  readonly purchasePrice?: string | null;
  /** Total cash invested (down payment, closing costs, initial repairs). */
  readonly totalCashInvested?: string | null;
  /** Replacement reserves set aside in the period, counted with capital expenditure. Default `'0.00'`. */
  readonly replacementReserves?: string;
  /** The owner's share in [0, 1], applied to equity. Default 1. */
  readonly ownershipShare?: number | string;
}

/**
 * Parameters of {@link propertyMetrics}: a snapshot, the period, and optional conventions.
 *
 * @example
 * ```ts
 * const params = { period: { from: '2025-01', to: '2025-12' }, transactions: [], conventions: { dscr: 'rent_to_pitia' } };
 * propertyMetrics(params).conventions.dscr;
 * // => 'rent_to_pitia'
 * ```
 */
export interface PropertyMetricsParams extends PropertySnapshot {
  /** The period, whole months. */
  readonly period: MetricPeriod;
  /** Convention overrides; the rest come from `DEFAULT_METRIC_CONVENTIONS`. */
  readonly conventions?: Partial<MetricConventions>;
  /** Income categories that are rent. Default {@link DEFAULT_RENT_CATEGORIES}. */
  readonly rentCategories?: readonly string[];
}

/**
 * The metric set of a property (or a portfolio) over a period. Money covers the whole period;
 * expenses, capex, debt service and distributions are positive magnitudes. Ratios are numbers, or
 * `null` when undefined (a zero denominator, or an input not supplied).
 *
 * Formulas (N = months in the period; see each single metric for its conventions):
 * - GPR = rent roll over the period (by `conventions.grossPotentialRentBasis`); rent collected = Σ income
 *   transactions in the rent categories; other income = Σ other income transactions;
 *   V&CL = GPR − rent collected; EGI = GPR − V&CL + other income.
 * - OpEx = −Σ operating_expense; capex = −Σ capital_expenditure + replacement reserves;
 *   NOI and CFBT by the capex convention; debt service by the debt-service source.
 * - cap rate = (NOI × 12 / N) / price; cash-on-cash = (CFBT × 12 / N) / cash invested;
 *   GRM = price / (GPR × 12 / N) (annual) or price / (GPR / N) (monthly).
 * - DSCR = NOI / debt service (`'noi_to_debt_service'`), or (GPR / N) / monthly PITIA with PITIA =
 *   Σ loans' monthlyPayment + monthlyEscrow (`'rent_to_pitia'`).
 * - OER = OpEx / EGI (or GPR); break-even = (OpEx + debt service) / GPR (or EGI).
 * - physical occupancy = occupied unit-months / rentable unit-months; economic = rent collected / GPR.
 * - LTV = Σ balances / current value; equity = (current value − Σ balances) × ownership share.
 * - appreciation = current value − purchase price (rate over the purchase price).
 * - total return = CFBT + principal paid + (current value − value at period start), rate over cash
 *   invested.
 * - equity multiple = distributions (+ equity) / contributions, from the period's
 *   capital_distribution and capital_contribution transactions (pass the whole holding period for
 *   the lifetime multiple).
 *
 * @example
 * ```ts
 * const metrics = propertyMetrics({ period: { from: '2025-01', to: '2025-12' }, transactions: [] });
 * [metrics.netOperatingIncome, metrics.capRate, metrics.debtServiceCoverageRatio];
 * // => ['0.00', null, null]
 * ```
 */
export interface MetricSet {
  /** Gross potential rent. */
  readonly grossPotentialRent: string;
  /** Rent collected (income in the rent categories). */
  readonly rentCollected: string;
  /** Vacancy and credit loss = GPR − rent collected. */
  readonly vacancyAndCreditLoss: string;
  /** Income other than rent. */
  readonly otherIncome: string;
  /** Effective gross income. */
  readonly effectiveGrossIncome: string;
  /** Operating expenses (magnitude). */
  readonly operatingExpenses: string;
  /** Capital expenditure + replacement reserves (magnitude). */
  readonly capitalExpenditures: string;
  /** Net operating income (by the capex convention). */
  readonly netOperatingIncome: string;
  /** Debt service (magnitude, by the debt-service source). */
  readonly debtService: string;
  /** Principal repaid: −Σ debt_service_principal (magnitude). */
  readonly principalPaydown: string;
  /** Cash flow before tax (by the capex convention). */
  readonly cashFlowBeforeTax: string;
  /** Distributions to owners: −Σ capital_distribution (magnitude). */
  readonly distributions: string;
  /** Owner contributions: Σ capital_contribution. */
  readonly contributions: string;
  /** Σ loan balances. */
  readonly loanBalance: string;
  /** Cap rate on the conventional basis (`conventions.capRateBasis`), annualised NOI. */
  readonly capRate: number | null;
  /** Cap rate on purchase price and on current value, both annualised. */
  readonly capRateByBasis: Readonly<Record<ValueBasis, number | null>>;
  /** Cash-on-cash return, annualised cash flow. */
  readonly cashOnCash: number | null;
  /** DSCR by `conventions.dscr`. */
  readonly debtServiceCoverageRatio: number | null;
  /** Loan-to-value on current value. */
  readonly loanToValue: number | null;
  /** Gross rent multiplier by `conventions.grmRentPeriod` and `grmPriceBasis`. */
  readonly grossRentMultiplier: number | null;
  /** Operating expense ratio by `conventions.operatingExpenseRatioBase`. */
  readonly operatingExpenseRatio: number | null;
  /** Break-even ratio by `conventions.breakEvenBase`. */
  readonly breakEvenRatio: number | null;
  /** Occupied / rentable unit-months. */
  readonly physicalOccupancy: number | null;
  /** Rent collected / GPR. */
  readonly economicOccupancy: number | null;
  /** Unit-months occupied in the period. */
  readonly occupiedUnitMonths: number;
  /** Unit-months of rentable units in the period. */
  readonly availableUnitMonths: number;
  /** Owner's equity at the end of the period (× ownership share); `null` without a current value. */
  readonly equity: string | null;
  /** Appreciation since purchase; `null` without purchase price and current value. */
  readonly appreciation: { readonly amount: string; readonly rate: number | null } | null;
  /** Total return of the period; `null` without current value and value at period start. */
  readonly totalReturn: { readonly amount: string; readonly rate: number | null } | null;
  /** Equity multiple by `conventions.equityMultiple`. */
  readonly equityMultiple: number | null;
}

/**
 * Result of {@link propertyMetrics}: the metric set, the period, and the conventions used.
 *
 * @example
 * ```ts
 * const result = propertyMetrics({ period: { from: '2025-01', to: '2025-03' }, transactions: [] });
 * [result.period.months, result.conventions.capex];
 * // => [3, 'below_noi']
 * ```
 */
export interface PropertyMetrics extends MetricSet {
  /** The period, with its number of months. */
  readonly period: MetricPeriod & { readonly months: number };
  /** Every convention, resolved. */
  readonly conventions: MetricConventions;
  /** The income categories counted as rent. */
  readonly rentCategories: readonly string[];
}

/**
 * Computes the whole metric set of one property over a period (see {@link MetricSet} for every
 * formula) in one validated pass over its transactions. Never mutates its input; a malformed field
 * is a `ValidationError` naming it (`transactions.12.amount`, `loans.0.balance`,
 * `conventions.dscr`).
 *
 * @example
 * ```ts
 * const metrics = propertyMetrics({
 *   period: { from: '2025-01', to: '2025-12' },
 *   transactions: [
 *     { date: '2025-06-01', amount: '60000.00', category: 'rent', kind: 'income' },
 *     { date: '2025-06-02', amount: '-20000.00', category: 'taxes', kind: 'operating_expense' },
 *     { date: '2025-06-03', amount: '-24000.00', category: 'mortgage interest', kind: 'debt_service_interest' },
 *   ],
 *   purchasePrice: '500000.00',
 * });
 * [metrics.netOperatingIncome, metrics.capRate, metrics.debtServiceCoverageRatio, metrics.cashFlowBeforeTax];
 * // => ['40000.00', 0.08, 1.6666666666666667, '16000.00']
 * ```
 */
export function propertyMetrics(params: PropertyMetricsParams): PropertyMetrics {
  const input = readRecord(params, '');
  const conventions = resolveMetricConventions(input.conventions as Partial<MetricConventions> | undefined);
  const period = readPeriod(input.period, 'period');
  const rentCategories = readRentCategories(input.rentCategories, 'rentCategories');
  const components = collectComponents(input, '', period, conventions, rentCategories);
  return {
    period: presentPeriod(period),
    conventions,
    rentCategories,
    ...deriveMetrics(components, conventions),
  };
}

/**
 * Parameters of {@link portfolioMetrics}: the properties' snapshots over one shared period.
 *
 * @example
 * ```ts
 * const params = { period: { from: '2025-01', to: '2025-12' }, properties: [{ transactions: [] }, { transactions: [] }] };
 * portfolioMetrics(params).properties.length;
 * // => 2
 * ```
 */
export interface PortfolioMetricsParams {
  /** The period, whole months, shared by every property. */
  readonly period: MetricPeriod;
  /** One snapshot per property. */
  readonly properties: readonly PropertySnapshot[];
  /** Convention overrides; the rest come from `DEFAULT_METRIC_CONVENTIONS`. */
  readonly conventions?: Partial<MetricConventions>;
  /** Income categories that are rent. Default {@link DEFAULT_RENT_CATEGORIES}. */
  readonly rentCategories?: readonly string[];
}

/**
 * Result of {@link portfolioMetrics}.
 *
 * @example
 * ```ts
 * const result = portfolioMetrics({ period: { from: '2025-01', to: '2025-12' }, properties: [] });
 * [result.totals.netOperatingIncome, result.totals.capRate];
 * // => ['0.00', null]
 * ```
 */
export interface PortfolioMetrics {
  /** The period, with its number of months. */
  readonly period: MetricPeriod & { readonly months: number };
  /** Every convention, resolved. */
  readonly conventions: MetricConventions;
  /** The income categories counted as rent. */
  readonly rentCategories: readonly string[];
  /** Each property's metric set, in input order. */
  readonly properties: readonly MetricSet[];
  /** The portfolio's metric set. */
  readonly totals: MetricSet;
}

/**
 * The metric set of each property and of the portfolio as a whole. Portfolio totals are computed
 * from summed components, never by averaging ratios: money is summed, unit-months are summed, and
 * each ratio is recomputed from the sums (so the portfolio cap rate is Σ NOI / Σ price). A value
 * (current value, value at period start, purchase price, cash invested) is summed only when every
 * property supplies it, else the metrics that need it are `null`. Equity sums each property's
 * share-weighted equity; the other figures are at 100 %.
 *
 * @example
 * ```ts
 * const rent = (amount) => ({ date: '2025-03-01', amount, category: 'rent', kind: 'income' });
 * const result = portfolioMetrics({
 *   period: { from: '2025-01', to: '2025-12' },
 *   properties: [
 *     { transactions: [rent('30000.00')], purchasePrice: '300000.00' },
 *     { transactions: [rent('10000.00')], purchasePrice: '200000.00' },
 *   ],
 * });
 * [result.properties.map((p) => p.capRate), result.totals.capRate];
 * // => [[0.1, 0.05], 0.08]
 * ```
 */
export function portfolioMetrics(params: PortfolioMetricsParams): PortfolioMetrics {
  const input = readRecord(params, '');
  const conventions = resolveMetricConventions(input.conventions as Partial<MetricConventions> | undefined);
  const period = readPeriod(input.period, 'period');
  const rentCategories = readRentCategories(input.rentCategories, 'rentCategories');
  const snapshots = readArray(input.properties, 'properties');
  const parts = snapshots.map((snapshot, index) =>
    collectComponents(
      readRecord(snapshot, `properties.${index}`),
      `properties.${index}.`,
      period,
      conventions,
      rentCategories,
    ),
  );
  return {
    period: presentPeriod(period),
    conventions,
    rentCategories,
    properties: parts.map((part) => deriveMetrics(part, conventions)),
    totals: deriveMetrics(sumComponents(parts, period.months), conventions),
  };
}

/** The additive building blocks of a metric set, integer cents (magnitudes for costs). */
interface Components {
  readonly months: number;
  readonly gpr: bigint;
  readonly rentCollected: bigint;
  readonly otherIncome: bigint;
  readonly opex: bigint;
  readonly capex: bigint;
  readonly debtService: bigint;
  readonly principalPaydown: bigint;
  readonly distributions: bigint;
  readonly contributions: bigint;
  readonly loanBalance: bigint;
  readonly monthlyPitia: bigint;
  readonly occupiedUnitMonths: number;
  readonly availableUnitMonths: number;
  readonly currentValue: bigint | null;
  readonly valueAtPeriodStart: bigint | null;
  readonly purchasePrice: bigint | null;
  readonly cashInvested: bigint | null;
  readonly equity: bigint | null;
}

interface Period {
  readonly from: number;
  readonly to: number;
  readonly months: number;
}

function readPeriod(value: unknown, field: string): Period {
  const period = readRecord(value, field);
  const from = readMonth(period.from, `${field}.from`);
  const to = readMonth(period.to, `${field}.to`);
  if (to < from) {
    throw ValidationError.field(
      `${field}.to`,
      `a month not before ${field}.from`,
      `${field}.to: ${String(period.to)} is before ${field}.from`,
    );
  }
  return { from, to, months: to - from + 1 };
}

function presentPeriod(period: Period): MetricPeriod & { readonly months: number } {
  return { from: formatMonth(period.from), to: formatMonth(period.to), months: period.months };
}

function readRentCategories(value: unknown, field: string): readonly string[] {
  if (value === undefined) return DEFAULT_RENT_CATEGORIES;
  const list = readArray(value, field);
  return Object.freeze(list.map((name, index) => readNonEmptyString(name, `${field}.${index}`)));
}

function collectComponents(
  input: Record<string, unknown>,
  prefix: string,
  period: Period,
  conventions: MetricConventions,
  rentCategories: readonly string[],
): Components {
  const tally = tallyTransactions(input.transactions, `${prefix}transactions`, period.from, period.to);
  const sums = slotSums(tally);
  const rentNames = new Set(rentCategories.map((name) => name.trim().toLowerCase()));
  let rentCollected = 0n;
  let otherIncome = 0n;
  let opex = 0n;
  let capex = 0n;
  let interest = 0n;
  let principal = 0n;
  let distributions = 0n;
  let contributions = 0n;
  tally.slots.forEach((slot, index) => {
    const sum = sums[index] ?? 0n;
    switch (slot.kind) {
      case 'income':
        if (rentNames.has(slot.category.trim().toLowerCase())) rentCollected += sum;
        else otherIncome += sum;
        break;
      case 'operating_expense':
        opex -= sum;
        break;
      case 'capital_expenditure':
        capex -= sum;
        break;
      case 'debt_service_interest':
        interest -= sum;
        break;
      case 'debt_service_principal':
        principal -= sum;
        break;
      case 'capital_distribution':
        distributions -= sum;
        break;
      case 'capital_contribution':
        contributions += sum;
        break;
      default:
        break;
    }
  });
  capex += readOptionalNonNegativeMoney(input.replacementReserves, `${prefix}replacementReserves`, 0n);

  const rentRoll = summariseRentRoll(
    input.units,
    input.leases,
    period.from,
    period.to,
    conventions.grossPotentialRentBasis,
    prefix,
  );

  const needsPayments =
    conventions.debtServiceSource === 'loan_terms' || conventions.dscr === 'rent_to_pitia';
  const loans = input.loans === undefined ? [] : readArray(input.loans, `${prefix}loans`);
  let loanBalance = 0n;
  let monthlyPayments = 0n;
  let monthlyPitia = 0n;
  loans.forEach((value, index) => {
    const field = `${prefix}loans.${index}`;
    const loan = readRecord(value, field);
    loanBalance += readNonNegativeMoney(loan.balance, `${field}.balance`);
    if (needsPayments && (loan.monthlyPayment === undefined || loan.monthlyPayment === null)) {
      throw ValidationError.field(
        `${field}.monthlyPayment`,
        `a non-negative decimal string (required by ${conventions.debtServiceSource === 'loan_terms' ? "debtServiceSource 'loan_terms'" : "dscr 'rent_to_pitia'"})`,
      );
    }
    const payment = readOptionalNonNegativeMoney(loan.monthlyPayment, `${field}.monthlyPayment`, 0n);
    const escrow = readOptionalNonNegativeMoney(loan.monthlyEscrow, `${field}.monthlyEscrow`, 0n);
    monthlyPayments += payment;
    monthlyPitia += payment + escrow;
  });
  const debtService =
    conventions.debtServiceSource === 'loan_terms'
      ? monthlyPayments * BigInt(period.months)
      : interest + principal;

  const currentValue = readOptionalNonNegativeMoney(input.currentValue, `${prefix}currentValue`, null);
  const share =
    input.ownershipShare === undefined
      ? null
      : readUnitFraction(input.ownershipShare, `${prefix}ownershipShare`);
  let equity: bigint | null = null;
  if (currentValue !== null) {
    const gross = currentValue - loanBalance;
    equity = share === null ? gross : multiplyCents(gross, share);
  }
  return {
    months: period.months,
    gpr: rentRoll.grossPotentialRent,
    rentCollected,
    otherIncome,
    opex,
    capex,
    debtService,
    principalPaydown: principal,
    distributions,
    contributions,
    loanBalance,
    monthlyPitia,
    occupiedUnitMonths: rentRoll.occupiedUnitMonths,
    availableUnitMonths: rentRoll.availableUnitMonths,
    currentValue,
    valueAtPeriodStart: readOptionalNonNegativeMoney(
      input.valueAtPeriodStart,
      `${prefix}valueAtPeriodStart`,
      null,
    ),
    purchasePrice: readOptionalNonNegativeMoney(input.purchasePrice, `${prefix}purchasePrice`, null),
    cashInvested: readOptionalNonNegativeMoney(input.totalCashInvested, `${prefix}totalCashInvested`, null),
    equity,
  };
}

function sumComponents(parts: readonly Components[], months: number): Components {
  const add = (key: BigKey): bigint => parts.reduce((total, part) => total + part[key], 0n);
  const addAll = (key: NullableKey): bigint | null =>
    parts.reduce<bigint | null>((total, part) => {
      const value = part[key];
      return total === null || value === null ? null : total + value;
    }, 0n);
  const addCount = (key: 'occupiedUnitMonths' | 'availableUnitMonths'): number =>
    parts.reduce((total, part) => total + part[key], 0);
  return {
    months,
    gpr: add('gpr'),
    rentCollected: add('rentCollected'),
    otherIncome: add('otherIncome'),
    opex: add('opex'),
    capex: add('capex'),
    debtService: add('debtService'),
    principalPaydown: add('principalPaydown'),
    distributions: add('distributions'),
    contributions: add('contributions'),
    loanBalance: add('loanBalance'),
    monthlyPitia: add('monthlyPitia'),
    occupiedUnitMonths: addCount('occupiedUnitMonths'),
    availableUnitMonths: addCount('availableUnitMonths'),
    currentValue: addAll('currentValue'),
    valueAtPeriodStart: addAll('valueAtPeriodStart'),
    purchasePrice: addAll('purchasePrice'),
    cashInvested: addAll('cashInvested'),
    equity: addAll('equity'),
  };
}

type BigKey =
  | 'gpr'
  | 'rentCollected'
  | 'otherIncome'
  | 'opex'
  | 'capex'
  | 'debtService'
  | 'principalPaydown'
  | 'distributions'
  | 'contributions'
  | 'loanBalance'
  | 'monthlyPitia';
type NullableKey = 'currentValue' | 'valueAtPeriodStart' | 'purchasePrice' | 'cashInvested' | 'equity';

function deriveMetrics(c: Components, conventions: MetricConventions): MetricSet {
  const months = BigInt(c.months);
  const effectiveGrossIncome = c.rentCollected + c.otherIncome;
  const vacancyAndCreditLoss = c.gpr - c.rentCollected;
  const noi = noiCents(effectiveGrossIncome, c.opex, c.capex, conventions.capex);
  const cashFlow = cashFlowCents(noi, c.debtService, c.capex, conventions.capex);
  const price = (basis: ValueBasis): bigint | null =>
    basis === 'purchase_price' ? c.purchasePrice : c.currentValue;
  // Annualised NOI / price = (NOI × 12) / (price × N), one exact division.
  const capRateOn = (basis: ValueBasis): number | null => {
    const denominator = price(basis);
    return denominator === null ? null : ratio(noi * 12n, denominator * months);
  };
  const grmPrice = price(conventions.grmPriceBasis);
  const grossRentMultiplier =
    grmPrice === null
      ? null
      : conventions.grmRentPeriod === 'annual'
        ? ratio(grmPrice * months, c.gpr * 12n)
        : ratio(grmPrice * months, c.gpr);
  const incomeBase = (base: 'egi' | 'gpr'): bigint => (base === 'egi' ? effectiveGrossIncome : c.gpr);

  let appreciation: MetricSet['appreciation'] = null;
  if (c.purchasePrice !== null && c.currentValue !== null) {
    const amount = c.currentValue - c.purchasePrice;
    appreciation = { amount: formatCents(amount), rate: ratio(amount, c.purchasePrice) };
  }
  let totalReturn: MetricSet['totalReturn'] = null;
  if (c.currentValue !== null && c.valueAtPeriodStart !== null) {
    const amount = cashFlow + c.principalPaydown + (c.currentValue - c.valueAtPeriodStart);
    totalReturn = { amount: formatCents(amount), rate: ratioOrNull(amount, c.cashInvested) };
  }
  let equityMultiple: number | null;
  if (conventions.equityMultiple === 'distributions_over_contributions') {
    equityMultiple = ratio(c.distributions, c.contributions);
  } else {
    equityMultiple = c.equity === null ? null : ratio(c.distributions + c.equity, c.contributions);
  }

  return {
    grossPotentialRent: formatCents(c.gpr),
    rentCollected: formatCents(c.rentCollected),
    vacancyAndCreditLoss: formatCents(vacancyAndCreditLoss),
    otherIncome: formatCents(c.otherIncome),
    effectiveGrossIncome: formatCents(effectiveGrossIncome),
    operatingExpenses: formatCents(c.opex),
    capitalExpenditures: formatCents(c.capex),
    netOperatingIncome: formatCents(noi),
    debtService: formatCents(c.debtService),
    principalPaydown: formatCents(c.principalPaydown),
    cashFlowBeforeTax: formatCents(cashFlow),
    distributions: formatCents(c.distributions),
    contributions: formatCents(c.contributions),
    loanBalance: formatCents(c.loanBalance),
    capRate: capRateOn(conventions.capRateBasis),
    capRateByBasis: {
      purchase_price: capRateOn('purchase_price'),
      current_value: capRateOn('current_value'),
    },
    cashOnCash: c.cashInvested === null ? null : ratio(cashFlow * 12n, c.cashInvested * months),
    debtServiceCoverageRatio:
      conventions.dscr === 'noi_to_debt_service'
        ? ratio(noi, c.debtService)
        : ratio(c.gpr, c.monthlyPitia * months),
    loanToValue: ratioOrNull(c.loanBalance, c.currentValue),
    grossRentMultiplier,
    operatingExpenseRatio: ratio(c.opex, incomeBase(conventions.operatingExpenseRatioBase)),
    breakEvenRatio: ratio(c.opex + c.debtService, incomeBase(conventions.breakEvenBase)),
    physicalOccupancy: ratio(BigInt(c.occupiedUnitMonths), BigInt(c.availableUnitMonths)),
    economicOccupancy: ratio(c.rentCollected, c.gpr),
    occupiedUnitMonths: c.occupiedUnitMonths,
    availableUnitMonths: c.availableUnitMonths,
    equity: formatCentsOrNull(c.equity),
    appreciation,
    totalReturn,
    equityMultiple,
  };
}
