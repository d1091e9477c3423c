/**
 * Portfolio: the top-level container; owns one currency and its settings.
 * @module
 */
import { z } from 'zod';
import {
  ArchivedAtSchema,
  CurrencySchema,
  FractionSchema,
  NonNegativeRateSchema,
  omitKeys,
  patchShape,
  recordFields,
  textSchema,
} from './values.js';

const alertThresholdsShape = {
  /** Days before a lease's end date at which "lease expiring" alerts are raised. */
  leaseExpiryDays: z.array(z.int().min(1).max(3650)).max(12).default([90, 60, 30]),
  /** Vacancy rate (0–1) above which a vacancy alert is raised. */
  vacancyRate: FractionSchema.default(0.1),
  /** Minimum DSCR used when a loan has no covenant of its own. */
  minDscr: z.number().positive().max(100).default(1.25),
  /** Days before a loan's maturity or balloon at which an alert is raised. */
  loanMaturityDays: z.int().min(1).max(3650).default(180),
  /** Days before an adjustable-rate reset at which an alert is raised. */
  rateResetDays: z.int().min(1).max(3650).default(90),
  /** Days before an insurance, tax or licence renewal at which an alert is raised. */
  renewalDays: z.int().min(1).max(3650).default(60),
  /** Consecutive months of negative cash flow that raise an alert. */
  negativeCashFlowMonths: z.int().min(1).max(120).default(3),
  /** An expense category is a spike when the month exceeds the trailing average by this fraction (0.5 = 50 %). */
  expenseSpikeRatio: NonNegativeRateSchema.default(0.5),
  /** Months in the trailing average of the expense-spike rule. */
  expenseSpikeTrailingMonths: z.int().min(1).max(60).default(6),
  /** Days after its due date at which an open task counts as overdue. */
  taskOverdueDays: z.int().min(0).max(365).default(0),
};

/** Thresholds of the alert rules; every field has a default. */
export const AlertThresholdsSchema = z.strictObject(alertThresholdsShape);
/** Thresholds of the alert rules. */
export type AlertThresholds = z.output<typeof AlertThresholdsSchema>;

const metricConventionsShape = {
  /** Capex relative to NOI and cash flow: `below_noi` (default), `above_noi`, `excluded`. */
  capex: z.enum(['below_noi', 'above_noi', 'excluded']).default('below_noi'),
  /** Cap-rate denominator: `purchase_price` (default) or `current_value`. */
  capRateBasis: z.enum(['purchase_price', 'current_value']).default('purchase_price'),
  /** DSCR: `noi_to_debt_service` (annual NOI / annual debt service; default) or `rent_to_pitia`. */
  dscr: z.enum(['noi_to_debt_service', 'rent_to_pitia']).default('noi_to_debt_service'),
  /** Rent period of the gross rent multiplier: `annual` (default) or `monthly`. */
  grmRentPeriod: z.enum(['annual', 'monthly']).default('annual'),
  /** Price of the gross rent multiplier: `purchase_price` (default) or `current_value`. */
  grmPriceBasis: z.enum(['purchase_price', 'current_value']).default('purchase_price'),
  /** Denominator of the operating expense ratio: `egi` (default) or `gpr`. */
  operatingExpenseRatioBase: z.enum(['egi', 'gpr']).default('egi'),
  /** Denominator of the break-even ratio: `gpr` (default) or `egi`. */
  breakEvenBase: z.enum(['egi', 'gpr']).default('gpr'),
  /** Equity multiple: realised (default) or realised plus current equity, over contributions. */
  equityMultiple: z
    .enum(['distributions_over_contributions', 'distributions_and_equity_over_contributions'])
    .default('distributions_over_contributions'),
  /** Rent counted in gross potential rent: `contract_or_market` (default) or `market`. */
  grossPotentialRentBasis: z.enum(['contract_or_market', 'market']).default('contract_or_market'),
  /** Debt service of actuals: the period's debt-service transactions (default) or the loan terms. */
  debtServiceSource: z.enum(['transactions', 'loan_terms']).default('transactions'),
};

/**
 * The portfolio's choice on each metric convention where the industry disagrees; every field has a default.
 * Field names and values are those of the metrics module's `MetricConventions` (and its defaults), so the
 * parsed settings can be passed to the metrics as they are.
 */
export const MetricConventionSettingsSchema = z.strictObject(metricConventionsShape);
/** The portfolio's choice on each metric convention (assignable to the metrics' `MetricConventions`). */
export type MetricConventionSettings = z.output<typeof MetricConventionSettingsSchema>;

/** Default weights of the deal score's criteria. */
export const DEFAULT_DEAL_SCORE_WEIGHTS: Readonly<Record<string, number>> = {
  capRate: 0.25,
  cashOnCash: 0.25,
  dscr: 0.2,
  monthlyCashFlow: 0.15,
  onePercentRule: 0.15,
};

/** Weights of the deal score's criteria: criterion key (`capRate`…) → non-negative weight. */
export const DealScoreWeightsSchema = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
  z.number().min(0).max(1000),
);
/** Weights of the deal score's criteria. */
export type DealScoreWeights = z.output<typeof DealScoreWeightsSchema>;

/** A portfolio's settings; omitted parts take their defaults. */
export const PortfolioSettingsSchema = z.strictObject({
  alertThresholds: AlertThresholdsSchema.prefault({}),
  metricConventions: MetricConventionSettingsSchema.prefault({}),
  dealScoreWeights: DealScoreWeightsSchema.default(() => ({ ...DEFAULT_DEAL_SCORE_WEIGHTS })),
});
/** A portfolio's settings. */
export type PortfolioSettings = z.output<typeof PortfolioSettingsSchema>;

/**
 * A patch of a portfolio's settings: any subset of thresholds and conventions (merged into the stored ones by
 * {@link mergePortfolioSettings}); `dealScoreWeights`, when given, replaces the weights as a whole.
 */
export const PortfolioSettingsPatchSchema = z.strictObject({
  alertThresholds: z.strictObject(patchShape(alertThresholdsShape)).optional(),
  metricConventions: z.strictObject(patchShape(metricConventionsShape)).optional(),
  dealScoreWeights: DealScoreWeightsSchema.optional(),
});
/** A patch of a portfolio's settings. */
export type PortfolioSettingsPatch = z.output<typeof PortfolioSettingsPatchSchema>;

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Applies a parsed settings patch to stored settings: thresholds and conventions field by field. Pure. */
export function mergePortfolioSettings(
  current: PortfolioSettings,
  patch: PortfolioSettingsPatch,
): PortfolioSettings {
  return {
    alertThresholds: { ...current.alertThresholds, ...withoutUndefined(patch.alertThresholds ?? {}) },
    metricConventions: { ...current.metricConventions, ...withoutUndefined(patch.metricConventions ?? {}) },
    dealScoreWeights: { ...(patch.dealScoreWeights ?? current.dealScoreWeights) },
  };
}

const portfolioFields = {
  /** Display name. */
  name: textSchema(200),
  /** ISO-4217 currency of every amount in the portfolio (default USD). Fixed once created. */
  currency: CurrencySchema.default('USD'),
  /** Month (1–12) in which the fiscal year starts (default 1, January). */
  fiscalYearStartMonth: z.int().min(1).max(12).default(1),
  /** Alert thresholds, metric conventions and deal-score weights. */
  settings: PortfolioSettingsSchema.prefault({}),
};

/** A stored portfolio. */
export const PortfolioSchema = z.strictObject({
  ...recordFields,
  ...portfolioFields,
  archivedAt: ArchivedAtSchema,
});
/** A stored portfolio. */
export type Portfolio = z.infer<typeof PortfolioSchema>;

/** What a caller passes to create a portfolio: `name`; currency defaults to USD, settings to the defaults. */
export const PortfolioCreateSchema = z.strictObject({ id: recordFields.id.optional(), ...portfolioFields });
/** What a caller passes to create a portfolio. */
export type PortfolioCreate = z.input<typeof PortfolioCreateSchema>;

/** A patch of a portfolio: name, fiscal year start, settings (merged). The currency cannot change. */
export const PortfolioUpdateSchema = z.strictObject({
  ...patchShape(omitKeys(portfolioFields, ['currency', 'settings'])),
  settings: PortfolioSettingsPatchSchema.optional(),
});
/** A patch of a portfolio. */
export type PortfolioUpdate = z.input<typeof PortfolioUpdateSchema>;
