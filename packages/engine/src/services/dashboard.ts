/**
 * The portfolio dashboard: KPIs for a period, per property and in total, plus a by-month series — computed from
 * the store's pushed-down `monthlyTotals` (never by listing transactions) with the metrics module's
 * `portfolioMetrics` and `monthlyCashFlowRollup`, under the portfolio's `settings.metricConventions`.
 *
 * Two aggregate reads, whatever the number of properties or months:
 * - the KPI lines read one row per property × kind × category over the whole period (`byMonth: false`); each
 *   row is handed to `portfolioMetrics` as one aggregate transaction dated the first day of the period's first
 *   month — the metrics only sum a snapshot's in-period amounts per kind and category (rent is told apart by
 *   category), so the figures are exactly those of the underlying transactions;
 * - the by-month series reads one row per month × kind for the portfolio (`byProperty: false`, granularity
 *   `kind`); each row is one aggregate transaction dated the first of its month for `monthlyCashFlowRollup`,
 *   whose figures depend only on per-month sums by kind (the capex convention included).
 *
 * A scoped manager's reads name its properties (`propertyIds`). Amounts in a currency with other than 2 minor
 * digits are passed as integer minor units written as cents (ratios are unaffected by that scaling) and
 * converted back.
 * @module
 */
import { z } from 'zod';
import { addDays, addMonths, dateOfInstant, monthOf } from '../domain/dates.js';
import type { Lease } from '../domain/entities/lease.js';
import type { Loan } from '../domain/entities/loan.js';
import type { Property } from '../domain/entities/property.js';
import type { Unit } from '../domain/entities/unit.js';
import type { Valuation } from '../domain/entities/valuation.js';
import { addFieldIssue, DateSchema, IdSchema } from '../domain/entities/values.js';
import { currencyMinorDigits, type MoneyString } from '../domain/money.js';
import { parseWith } from '../domain/validation.js';
import { CalculationError, isFreeholdError } from '../errors.js';
import { amortize } from '../finance/amortize.js';
import {
  type MetricConventions,
  type MetricLease,
  type MetricLoan,
  type MetricSet,
  type MetricTransaction,
  type MetricUnit,
  monthlyCashFlowRollup,
  type PropertySnapshot,
  portfolioMetrics,
} from '../metrics/index.js';
import type { MonthlyTotal } from '../ports/repository.js';
import { canRead, requirePortfolioAccess } from './access.js';
import { loadPortfolio } from './entity-service.js';
import { listAll, type ServiceDependencies } from './records.js';

/** The period of a dashboard: two calendar dates, both included. */
export interface DashboardParams {
  /** The portfolio. */
  readonly portfolioId: string;
  /** First day included (`YYYY-MM-DD`). */
  readonly from: string;
  /** Last day included (`YYYY-MM-DD`), not before `from`. */
  readonly to: string;
}

/** The trailing twelve months ending on `asOf`: from the first day of the month eleven months earlier to `asOf`. */
export interface TrailingDashboardParams {
  /** The portfolio. */
  readonly portfolioId: string;
  /** The last day included (`YYYY-MM-DD`). */
  readonly asOf: string;
}

/**
 * The KPIs of a property or of the portfolio over the period. Money is a decimal string in the portfolio
 * currency covering the whole period; expenses, debt service and capex are positive magnitudes. Ratios are
 * numbers, or `null` when the denominator is zero. N = months the period spans (each counted whole).
 */
export interface DashboardKpis {
  /** Income (effective gross income) = Σ `income` transactions. */
  readonly income: MoneyString;
  /** Operating expenses = −Σ `operating_expense` transactions. */
  readonly operatingExpenses: MoneyString;
  /** NOI = income − operating expenses (− capex when the capex convention is `above_noi`). */
  readonly netOperatingIncome: MoneyString;
  /**
   * Debt service = −Σ `debt_service_interest` and `debt_service_principal` transactions (convention
   * `debtServiceSource: 'transactions'`), or Σ loans' level monthly payment × N (`'loan_terms'`).
   */
  readonly debtService: MoneyString;
  /** Capital expenditure = −Σ `capital_expenditure` transactions. */
  readonly capitalExpenditures: MoneyString;
  /** Cash flow before tax = NOI − debt service (− capex when the capex convention is `below_noi`, the default). */
  readonly cashFlow: MoneyString;
  /** Gross potential rent of the period from the rent roll (leases' rent, market rent when vacant). */
  readonly grossPotentialRent: MoneyString;
  /** Rent collected = Σ income in the rent categories (`rent`). */
  readonly rentCollected: MoneyString;
  /** Current value: the latest valuation on or before `to`, else the purchase price (Σ for the portfolio). */
  readonly currentValue: MoneyString;
  /** Cash invested = purchase price + closing costs − acquisition loans, at least 0 (Σ for the portfolio). */
  readonly cashInvested: MoneyString;
  /** Cap rate on current value = (NOI × 12 / N) / current value. */
  readonly capRate: number | null;
  /** Cap rate on purchase price = (NOI × 12 / N) / purchase price. */
  readonly capRateOnPurchasePrice: number | null;
  /** Cash-on-cash = (cash flow × 12 / N) / cash invested. */
  readonly cashOnCash: number | null;
  /**
   * DSCR = NOI / debt service (convention `noi_to_debt_service`, the default), or (GPR / N) / monthly PITIA
   * (`rent_to_pitia`).
   */
  readonly debtServiceCoverageRatio: number | null;
  /** Physical occupancy = leased unit-months / rentable (not offline) unit-months over the period's months. */
  readonly physicalOccupancy: number | null;
  /** Economic occupancy = rent collected / gross potential rent. */
  readonly economicOccupancy: number | null;
}

/** One property's dashboard line. */
export interface PropertyDashboard extends DashboardKpis {
  /** The property. */
  readonly propertyId: string;
  /** Its name. */
  readonly name: string;
  /** Where `currentValue` (the cap rate's denominator) came from. */
  readonly currentValueSource: 'valuation' | 'purchase_price';
  /** Date of the valuation used, or null when the purchase price was used. */
  readonly valuationDate: string | null;
}

/** One month of the portfolio's series (same sign conventions as {@link DashboardKpis}). */
export interface DashboardMonth {
  /** The month, `YYYY-MM`. */
  readonly month: string;
  /** Σ income. */
  readonly income: MoneyString;
  /** Operating expenses (magnitude). */
  readonly operatingExpenses: MoneyString;
  /** NOI. */
  readonly netOperatingIncome: MoneyString;
  /** Debt service (magnitude). */
  readonly debtService: MoneyString;
  /** Capital expenditure (magnitude). */
  readonly capitalExpenditures: MoneyString;
  /** Cash flow before tax. */
  readonly cashFlow: MoneyString;
}

/** The portfolio dashboard. */
export interface Dashboard {
  /** The portfolio. */
  readonly portfolioId: string;
  /** Its currency: every amount is in it. */
  readonly currency: string;
  /** The period: dates as given, the months it spans and their number N. */
  readonly period: { readonly from: string; readonly to: string; readonly months: number };
  /** The metric conventions used (the portfolio's settings). */
  readonly conventions: MetricConventions;
  /**
   * One line per property: those not archived before the period and bought by its end, plus any with
   * transactions in it (a scoped manager sees only theirs), ordered by id.
   */
  readonly properties: readonly PropertyDashboard[];
  /** The portfolio as a whole: money summed, ratios recomputed from the sums (never averaged). */
  readonly totals: DashboardKpis;
  /** The portfolio's figures month by month, every month of the period present. */
  readonly byMonth: readonly DashboardMonth[];
}

const ParamsSchema = z
  .strictObject({ portfolioId: IdSchema, from: DateSchema, to: DateSchema })
  .superRefine((value, ctx) => {
    if (value.to < value.from) {
      addFieldIssue(
        ctx,
        ['to'],
        'a date on or after from',
        `must be on or after from (${value.from})`,
        value.to,
      );
    }
  });

const TrailingSchema = z.strictObject({ portfolioId: IdSchema, asOf: DateSchema });

/** Days either side of the purchase date within which a loan counts as acquisition financing. */
const ACQUISITION_LOAN_WINDOW_DAYS = 30;

/** Integer minor units of a canonical money string with at most `digits` decimals. */
function minorUnits(value: string, digits: number): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const units = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  return negative ? -units : units;
}

/** Minor units written with `digits` decimals. */
function formatUnits(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/** Converts between currency money and the metrics' two-decimal strings, exactly (see the module notes). */
class MetricMoney {
  constructor(readonly digits: number) {}
  /** Currency amount → metric amount. */
  toMetric(value: string): string {
    return this.digits === 2 ? value : formatUnits(minorUnits(value, this.digits), 2);
  }
  /** Metric amount → currency amount. */
  fromMetric(value: string): string {
    return this.digits === 2 ? value : formatUnits(minorUnits(value, 2), this.digits);
  }
  /** Minor units → metric amount. */
  unitsToMetric(units: bigint): string {
    return formatUnits(units, 2);
  }
}

function archivedBefore(archivedAt: string | null, date: string): boolean {
  return archivedAt !== null && dateOfInstant(archivedAt) < date;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The level monthly payment of a loan (after any interest-only months), in metric money. */
function levelPayment(loan: Loan, money: MetricMoney): string {
  const termMonths = loan.amortizationMonths ?? loan.termMonths;
  try {
    return amortize({
      principal: money.toMetric(loan.originalAmount),
      annualRate: loan.annualRate,
      termMonths,
      interestOnlyMonths: Math.min(loan.interestOnlyMonths, termMonths - 1),
    }).payment;
  } catch (error) {
    if (!isFreeholdError(error)) throw error;
    throw new CalculationError(`loan ${loan.id}: cannot derive its monthly payment`, { cause: error });
  }
}

function monthlyEscrowUnits(loan: Loan, digits: number): bigint {
  return minorUnits(loan.escrow.tax, digits) + minorUnits(loan.escrow.insurance, digits);
}

interface PropertyInputs {
  readonly snapshot: PropertySnapshot;
  readonly currentValueSource: 'valuation' | 'purchase_price';
  readonly valuationDate: string | null;
  readonly currentValueUnits: bigint;
  readonly cashInvestedUnits: bigint;
  readonly monthlyPaymentUnits: bigint;
}

function kpisOf(
  metrics: MetricSet,
  money: MetricMoney,
  currentValueUnits: bigint,
  cashInvestedUnits: bigint,
): DashboardKpis {
  const m = (value: string) => money.fromMetric(value);
  return {
    income: m(metrics.effectiveGrossIncome),
    operatingExpenses: m(metrics.operatingExpenses),
    netOperatingIncome: m(metrics.netOperatingIncome),
    debtService: m(metrics.debtService),
    capitalExpenditures: m(metrics.capitalExpenditures),
    cashFlow: m(metrics.cashFlowBeforeTax),
    grossPotentialRent: m(metrics.grossPotentialRent),
    rentCollected: m(metrics.rentCollected),
    currentValue: formatUnits(currentValueUnits, money.digits),
    cashInvested: formatUnits(cashInvestedUnits, money.digits),
    capRate: metrics.capRateByBasis.current_value,
    capRateOnPurchasePrice: metrics.capRateByBasis.purchase_price,
    cashOnCash: metrics.cashOnCash,
    debtServiceCoverageRatio: metrics.debtServiceCoverageRatio,
    physicalOccupancy: metrics.physicalOccupancy,
    economicOccupancy: metrics.economicOccupancy,
  };
}

/**
 * One aggregate row as a metric transaction, dated the first of its month (of `wholePeriodMonth` when the row
 * covers the whole period: `month` null).
 */
function toMetricTransaction(
  row: MonthlyTotal,
  money: MetricMoney,
  wholePeriodMonth: string,
): MetricTransaction {
  return {
    date: `${row.month ?? wholePeriodMonth}-01`,
    amount: money.toMetric(row.total),
    category: row.category ?? row.kind,
    kind: row.kind,
  };
}

/** Computes the dashboard for an actor (any role; a scoped manager sees only its properties). */
export async function computeDashboard(
  deps: ServiceDependencies,
  actorId: string,
  params: DashboardParams,
): Promise<Dashboard> {
  const { portfolioId, from, to } = parseWith(ParamsSchema, params);
  const { storage } = deps;
  const access = await requirePortfolioAccess(storage, actorId, portfolioId);
  const portfolio = await loadPortfolio(deps, portfolioId);
  const digits = currencyMinorDigits(portfolio.currency);
  const money = new MetricMoney(digits);
  const conventions: MetricConventions = portfolio.settings.metricConventions;
  const scope = access.propertyIds;
  const where = { portfolioId };
  const period = { from: monthOf(from), to: monthOf(to) };
  const nothingVisible = scope !== null && scope.size === 0;

  // Per property × kind × category over the whole period: all the KPI lines need.
  const periodRows = nothingVisible
    ? []
    : await storage.monthlyTotals({
        portfolioId,
        ...(scope === null ? {} : { propertyIds: [...scope] }),
        from,
        to,
        granularity: 'category',
        byMonth: false,
      });
  const rowsByProperty = groupBy(periodRows, (row) => row.propertyId ?? '');
  const visible = (propertyId: string) => canRead(access, { kind: 'property', propertyId });

  const properties: Property[] = (await listAll(storage, 'property', { where })).filter(
    (property) =>
      visible(property.id) &&
      (rowsByProperty.has(property.id) ||
        (property.purchaseDate <= to && !archivedBefore(property.archivedAt, from))),
  );
  const included = new Set(properties.map((property) => property.id));
  const units = groupBy(
    (await listAll(storage, 'unit', { where })).filter(
      (unit: Unit) => included.has(unit.propertyId) && !archivedBefore(unit.archivedAt, addDays(to, 1)),
    ),
    (unit) => unit.propertyId,
  );
  const unitIds = new Set([...units.values()].flat().map((unit) => unit.id));
  const leases = groupBy(
    (await listAll(storage, 'lease', { where })).filter(
      (lease: Lease) =>
        lease.status !== 'draft' &&
        unitIds.has(lease.unitId) &&
        !archivedBefore(lease.archivedAt, addDays(to, 1)),
    ),
    (lease) => lease.propertyId,
  );
  const latestValuation = new Map<string, Valuation>();
  for (const valuation of await listAll(storage, 'valuation', { where, dateTo: to })) {
    const previous = latestValuation.get(valuation.propertyId);
    if (
      !previous ||
      valuation.date > previous.date ||
      (valuation.date === previous.date && valuation.id > previous.id)
    ) {
      latestValuation.set(valuation.propertyId, valuation);
    }
  }
  const loans = groupBy(
    (await listAll(storage, 'loan', { where })).filter((loan) => included.has(loan.propertyId)),
    (loan) => loan.propertyId,
  );
  const needsPayments =
    conventions.debtServiceSource === 'loan_terms' || conventions.dscr === 'rent_to_pitia';

  const inputs: PropertyInputs[] = properties.map((property) => {
    const valuation = latestValuation.get(property.id);
    const purchaseUnits = minorUnits(property.purchasePrice, digits);
    const currentValueUnits = valuation ? minorUnits(valuation.value, digits) : purchaseUnits;
    const propertyLoans = loans.get(property.id) ?? [];
    const earliest = addDays(property.purchaseDate, -ACQUISITION_LOAN_WINDOW_DAYS);
    const latest = addDays(property.purchaseDate, ACQUISITION_LOAN_WINDOW_DAYS);
    const acquisitionDebt = propertyLoans
      .filter((loan) => loan.startDate >= earliest && loan.startDate <= latest)
      .reduce((sum, loan) => sum + minorUnits(loan.originalAmount, digits), 0n);
    const invested = purchaseUnits + minorUnits(property.closingCosts, digits) - acquisitionDebt;
    const cashInvestedUnits = invested > 0n ? invested : 0n;

    const activeLoans = propertyLoans.filter(
      (loan) =>
        loan.startDate <= to &&
        !archivedBefore(loan.archivedAt, addDays(to, 1)) &&
        (loan.status === 'active' || (loan.payoffDate !== null && loan.payoffDate >= from)),
    );
    const metricLoans: MetricLoan[] = needsPayments
      ? activeLoans.map((loan) => ({
          // Balances feed only LTV and equity, which the dashboard does not report.
          balance: '0.00',
          monthlyPayment: levelPayment(loan, money),
          monthlyEscrow: money.unitsToMetric(monthlyEscrowUnits(loan, digits)),
        }))
      : [];
    const monthlyPaymentUnits = metricLoans.reduce(
      (sum, loan) => sum + minorUnits(loan.monthlyPayment ?? '0', 2),
      0n,
    );
    const propertyUnits: MetricUnit[] = (units.get(property.id) ?? []).map((unit) => ({
      id: unit.id,
      marketRent: money.toMetric(unit.marketRent),
      status: unit.status,
    }));
    const propertyLeases: MetricLease[] = (leases.get(property.id) ?? []).map((lease) => ({
      unitId: lease.unitId,
      monthlyRent: money.toMetric(lease.rent),
      startDate: lease.startDate,
      endDate:
        lease.terminationDate !== null && (lease.endDate === null || lease.terminationDate < lease.endDate)
          ? lease.terminationDate
          : lease.endDate,
      status: lease.status,
    }));
    const snapshot: PropertySnapshot = {
      transactions: (rowsByProperty.get(property.id) ?? []).map((row) =>
        toMetricTransaction(row, money, period.from),
      ),
      units: propertyUnits,
      // Occupancy from leases when the property has any, else from the units' status.
      ...(propertyLeases.length > 0 ? { leases: propertyLeases } : {}),
      loans: metricLoans,
      currentValue: money.unitsToMetric(currentValueUnits),
      purchasePrice: money.toMetric(property.purchasePrice),
      totalCashInvested: money.unitsToMetric(cashInvestedUnits),
    };
    return {
      snapshot,
      currentValueSource: valuation ? 'valuation' : 'purchase_price',
      valuationDate: valuation?.date ?? null,
      currentValueUnits,
      cashInvestedUnits,
      monthlyPaymentUnits,
    };
  });

  const result = portfolioMetrics({ period, properties: inputs.map((input) => input.snapshot), conventions });
  const propertyLines: PropertyDashboard[] = properties.map((property, index) => {
    const input = inputs[index] as PropertyInputs;
    const metrics = result.properties[index] as MetricSet;
    return {
      propertyId: property.id,
      name: property.name,
      currentValueSource: input.currentValueSource,
      valuationDate: input.valuationDate,
      ...kpisOf(metrics, money, input.currentValueUnits, input.cashInvestedUnits),
    };
  });
  const sum = (pick: (input: PropertyInputs) => bigint) =>
    inputs.reduce((total, input) => total + pick(input), 0n);
  const totals = kpisOf(
    result.totals,
    money,
    sum((input) => input.currentValueUnits),
    sum((input) => input.cashInvestedUnits),
  );

  // The portfolio's month × kind series over the same transactions as the lines: every property the period rows
  // name has a line, unless a transaction names a property missing from the portfolio (data written around the
  // services) — then the series names the lines' properties.
  const stray = periodRows.some((row) => !included.has(row.propertyId ?? ''));
  const seriesIds = stray ? [...included] : scope === null ? undefined : [...scope];
  const seriesRows =
    seriesIds?.length === 0
      ? []
      : await storage.monthlyTotals({
          portfolioId,
          ...(seriesIds === undefined ? {} : { propertyIds: seriesIds }),
          from,
          to,
          granularity: 'kind',
          byProperty: false,
        });
  const rollup = monthlyCashFlowRollup({
    transactions: seriesRows.map((row) => toMetricTransaction(row, money, period.from)),
    from: period.from,
    to: period.to,
    capex: conventions.capex,
  });
  const termPayments = sum((input) => input.monthlyPaymentUnits);
  const byMonth: DashboardMonth[] = rollup.months.map((month) => {
    const kinds = month.byKind;
    const capital = minorUnits(kinds.capital_expenditure, 2);
    const noi = minorUnits(month.netOperatingIncome, 2);
    const debtService =
      conventions.debtServiceSource === 'loan_terms'
        ? termPayments
        : -(minorUnits(kinds.debt_service_interest, 2) + minorUnits(kinds.debt_service_principal, 2));
    const cashFlow = noi - debtService + (conventions.capex === 'below_noi' ? capital : 0n);
    const m = (units: bigint) => formatUnits(units, digits);
    return {
      month: month.month,
      income: m(minorUnits(kinds.income, 2)),
      operatingExpenses: m(-minorUnits(kinds.operating_expense, 2)),
      netOperatingIncome: m(noi),
      debtService: m(debtService),
      capitalExpenditures: m(-capital),
      cashFlow: m(cashFlow),
    };
  });

  return {
    portfolioId,
    currency: portfolio.currency,
    period: { from, to, months: result.period.months },
    conventions: result.conventions,
    properties: propertyLines,
    totals,
    byMonth,
  };
}

/** The trailing-twelve-months dashboard ending on `asOf` (see {@link TrailingDashboardParams}). */
export async function computeTrailingDashboard(
  deps: ServiceDependencies,
  actorId: string,
  params: TrailingDashboardParams,
): Promise<Dashboard> {
  const { portfolioId, asOf } = parseWith(TrailingSchema, params);
  const from = `${monthOf(addMonths(asOf, -11))}-01`;
  return computeDashboard(deps, actorId, { portfolioId, from, to: asOf });
}
