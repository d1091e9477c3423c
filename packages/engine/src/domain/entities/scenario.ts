/**
 * Scenario: a multi-year pro forma of a property or a deal under stated assumptions, with a seed for its
 * Monte Carlo run so that results are reproducible.
 * @module
 */
import { z } from 'zod';
import {
  addFieldIssue,
  DEFAULT_MONEY_SCHEMAS,
  FractionSchema,
  IdSchema,
  InterestRateSchema,
  JsonObjectSchema,
  type MoneySchemas,
  NonNegativeRateSchema,
  nullableDefault,
  omitKeys,
  optionalTextSchema,
  patchShape,
  RateSchema,
  rateSchema,
  recordFields,
  textSchema,
} from './values.js';

const YearSchema = z.int().min(1).max(100);

/** Builds the scenario-assumptions schema for a currency's money schemas. */
export function createScenarioAssumptionsSchema(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  return z.strictObject({
    /** Years projected (1–100). */
    years: YearSchema,
    /** Annual growth rates (decimal fractions, may be negative). */
    growth: z
      .strictObject({
        rentGrowthRate: RateSchema.default(0.02),
        expenseGrowthRate: RateSchema.default(0.02),
        appreciationRate: RateSchema.default(0.03),
      })
      .prefault({}),
    /** Vacancy and credit loss, as a fraction of gross potential rent (default 0.05). */
    vacancyRate: FractionSchema.default(0.05),
    /** Capital expenditure: an annual reserve and one-off items in given years. */
    capex: z
      .strictObject({
        annualReserve: money.nonNegative.prefault('0'),
        items: z
          .array(
            z.strictObject({
              year: YearSchema,
              amount: money.nonNegative,
              description: optionalTextSchema(200),
            }),
          )
          .max(1000)
          .default([]),
      })
      .prefault({}),
    /** A refinance in a given year, or null. */
    refinance: nullableDefault(
      z.strictObject({
        year: YearSchema,
        /** New loan as a fraction of the value then. */
        ltv: FractionSchema,
        annualRate: InterestRateSchema,
        termMonths: z.int().min(1).max(1200),
        /** Closing costs as a fraction of the new loan (default 0.02). */
        closingCostRate: FractionSchema.default(0.02),
      }),
    ),
    /** The sale at the end of the hold, or null to hold beyond the horizon. */
    sale: nullableDefault(
      z.strictObject({
        year: YearSchema,
        /** Exit cap rate applied to the next year's NOI, or null to use appreciation. */
        exitCapRate: nullableDefault(rateSchema({ min: 0, minExclusive: true, max: 1 })),
        /** Selling costs as a fraction of the price (default 0.06). */
        sellingCostRate: FractionSchema.default(0.06),
      }),
    ),
    /** Discount rate for NPV, or null. */
    discountRate: nullableDefault(InterestRateSchema),
    /** Monte Carlo settings, or null for a deterministic run only. */
    monteCarlo: nullableDefault(
      z.strictObject({
        iterations: z.int().min(1).max(1_000_000).default(1000),
        rentGrowthStdDev: NonNegativeRateSchema.default(0),
        appreciationStdDev: NonNegativeRateSchema.default(0),
        vacancyStdDev: NonNegativeRateSchema.default(0),
      }),
    ),
  });
}

function checkAssumptions(
  value: {
    years: number;
    refinance: { year: number } | null;
    sale: { year: number } | null;
    capex: { items: readonly { year: number }[] };
  },
  ctx: z.RefinementCtx,
): void {
  const within = (year: number, path: (string | number)[]) => {
    if (year > value.years) {
      addFieldIssue(
        ctx,
        path,
        `a year at most years (${value.years})`,
        `must not exceed years (${value.years})`,
        year,
      );
    }
  };
  if (value.refinance) within(value.refinance.year, ['refinance', 'year']);
  if (value.sale) within(value.sale.year, ['sale', 'year']);
  value.capex.items.forEach((item, index) => {
    within(item.year, ['capex', 'items', index, 'year']);
  });
}

/**
 * Assumptions of a scenario: years, growth rates, vacancy, capex (reserve and items), refinance, sale, discount
 * rate, Monte Carlo spreads. Years named inside must not exceed `years`.
 */
export const ScenarioAssumptionsSchema = createScenarioAssumptionsSchema().superRefine(checkAssumptions);
/** Assumptions of a scenario. */
export type ScenarioAssumptions = z.output<typeof ScenarioAssumptionsSchema>;

interface ScenarioChecked {
  propertyId?: string | null;
  dealId?: string | null;
}

function checkSubject(value: ScenarioChecked, ctx: z.RefinementCtx): void {
  if (value.propertyId != null && value.dealId != null) {
    addFieldIssue(
      ctx,
      ['dealId'],
      'null when propertyId is set (a scenario is of a property or of a deal)',
      'must be null when propertyId is set',
      value.dealId,
    );
  }
}

/** Builds the scenario schemas for a currency's money schemas. */
export function createScenarioSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property projected, or null. */
    propertyId: nullableDefault(IdSchema),
    /** The deal projected, or null. */
    dealId: nullableDefault(IdSchema),
    /** Display name. */
    name: textSchema(200),
    /** Longer description. */
    description: optionalTextSchema(10_000),
    /** The assumptions. */
    assumptions: createScenarioAssumptionsSchema(money).superRefine(checkAssumptions),
    /** Seed of the Monte Carlo run (an unsigned 32-bit integer): same seed, same results. */
    seed: z.int().min(0).max(4_294_967_295),
    /** Computed results (yearly cash flows, IRR, equity multiple, percentiles) as JSON, or null before a run. */
    results: nullableDefault(JsonObjectSchema),
  };
  const record = z
    .strictObject({ ...recordFields, portfolioId: IdSchema, ...fields })
    .superRefine(checkSubject);
  const create = z
    .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields })
    .superRefine(checkSubject);
  const update = z.strictObject(patchShape(omitKeys(fields, ['propertyId', 'dealId'])));
  return { record, create, update };
}

const schemas = createScenarioSchemas();

/** A stored scenario: subject (property or deal), name, assumptions, seed, results. */
export const ScenarioSchema = schemas.record;
/** A stored scenario. */
export type Scenario = z.infer<typeof ScenarioSchema>;

/** What a caller passes to create a scenario: name, assumptions, seed; at most one of propertyId and dealId. */
export const ScenarioCreateSchema = schemas.create;
/** What a caller passes to create a scenario. */
export type ScenarioCreate = z.input<typeof ScenarioCreateSchema>;

/** A patch of a scenario: name, description, assumptions (replaced whole), seed, results. */
export const ScenarioUpdateSchema = schemas.update;
/** A patch of a scenario. */
export type ScenarioUpdate = z.input<typeof ScenarioUpdateSchema>;
