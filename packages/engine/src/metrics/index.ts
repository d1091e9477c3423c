/**
 * Property and portfolio metrics: income, NOI, cash flow, returns, debt, occupancy, the monthly
 * cash-flow roll-up and the whole set over a property snapshot. Conventions on which the industry
 * disagrees are explicit options with defaults in {@link DEFAULT_METRIC_CONVENTIONS}.
 *
 * The barrel lists its exports by name so that internal helpers of each file stay internal, and
 * renames the local category-kind declarations so they cannot collide with the domain's
 * `CategoryKind` in the package root.
 * @module
 */

export { type CashFlowBeforeTaxParams, cashFlowBeforeTax } from './cash-flow.js';
export {
  type CashFlowRollup,
  type CashFlowRollupParams,
  type CashFlowTotals,
  type CategoryTotal,
  type MonthlyCashFlow,
  monthlyCashFlowRollup,
} from './cash-flow-rollup.js';
export {
  type CapexTreatment,
  DEFAULT_METRIC_CONVENTIONS,
  type DebtServiceSource,
  type DscrConvention,
  type EquityMultipleConvention,
  type GrmRentPeriod,
  type GrossPotentialRentBasis,
  type IncomeBase,
  type MetricConventions,
  type MetricResult,
  resolveMetricConventions,
  type ValueBasis,
} from './conventions.js';
export {
  type DebtServiceCoverageRatioParams,
  debtServiceCoverageRatio,
  type LoanToValueParams,
  loanToValue,
  type PitiaParams,
  pitia,
} from './debt.js';
export { type AppreciationParams, appreciation, type EquityParams, equity } from './equity.js';
export {
  type EffectiveGrossIncomeParams,
  effectiveGrossIncome,
  type GrossPotentialRentParams,
  type GrossPotentialRentUnit,
  grossPotentialRent,
  type VacancyAndCreditLossParams,
  vacancyAndCreditLoss,
} from './income.js';
export type { MetricLease, MetricLoan, MetricMonth, MetricTransaction, MetricUnit } from './inputs.js';
export {
  type NetOperatingIncomeParams,
  netOperatingIncome,
  type OperatingExpensesParams,
  operatingExpenses,
} from './noi.js';
export {
  type EconomicOccupancyParams,
  economicOccupancy,
  type PhysicalOccupancyParams,
  physicalOccupancy,
} from './occupancy.js';
export {
  DEFAULT_RENT_CATEGORIES,
  type MetricPeriod,
  type MetricSet,
  type PortfolioMetrics,
  type PortfolioMetricsParams,
  type PropertyMetrics,
  type PropertyMetricsParams,
  type PropertySnapshot,
  portfolioMetrics,
  propertyMetrics,
} from './property-metrics.js';
export {
  type BreakEvenRatioParams,
  breakEvenRatio,
  type GrossRentMultiplierParams,
  grossRentMultiplier,
  type OperatingExpenseRatioParams,
  operatingExpenseRatio,
} from './ratios.js';
export {
  type CapRateParams,
  type CashOnCashParams,
  capRate,
  cashOnCash,
  type EquityMultipleParams,
  equityMultiple,
  type TotalReturnParams,
  totalReturn,
} from './returns.js';
