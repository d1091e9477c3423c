/**
 * DealAnalysis: the inputs of one underwriting of a deal and the metrics and score computed from them.
 * @module
 */
import { z } from 'zod';
import { InterestBasisSchema } from './loan.js';
import {
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  FractionSchema,
  IdSchema,
  InterestRateSchema,
  JsonObjectSchema,
  type MoneySchemas,
  nullableDefault,
  omitKeys,
  optionalTextSchema,
  patchShape,
  recordFields,
} from './values.js';

/** Builds the deal-analysis input schema for a currency's money schemas. */
export function createDealAnalysisInputsSchema(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const zero = () => money.nonNegative.prefault('0');
  return z.strictObject({
    /** Purchase: price and closing costs. */
    purchase: z.strictObject({
      price: money.nonNegative,
      closingCosts: zero(),
    }),
    /** Financing, or null for an all-cash purchase. */
    financing: nullableDefault(
      z.strictObject({
        loanAmount: money.positive,
        annualRate: InterestRateSchema,
        termMonths: z.int().min(1).max(1200),
        amortizationMonths: nullableDefault(z.int().min(1).max(1200)),
        interestOnlyMonths: z.int().min(0).max(1200).default(0),
        interestBasis: InterestBasisSchema.default('30/360'),
        /** Points and lender fees paid in cash at closing. */
        loanCosts: zero(),
      }),
    ),
    /** Rehab budget, its duration, and the value after repair (null when unknown). */
    rehab: z
      .strictObject({
        cost: zero(),
        months: z.int().min(0).max(120).default(0),
        afterRepairValue: nullableDefault(money.nonNegative),
      })
      .prefault({}),
    /** Income: monthly gross scheduled rent of all units, other monthly income, vacancy and credit loss rate. */
    rents: z.strictObject({
      grossMonthlyRent: money.nonNegative,
      otherMonthlyIncome: zero(),
      vacancyRate: FractionSchema.default(0.05),
    }),
    /**
     * Operating expenses: annual amounts, plus rates — management on effective gross income, maintenance and
     * capex reserve on gross potential rent.
     */
    expenses: z
      .strictObject({
        annualTaxes: zero(),
        annualInsurance: zero(),
        annualUtilities: zero(),
        annualHoa: zero(),
        annualOther: zero(),
        managementRate: FractionSchema.default(0),
        maintenanceRate: FractionSchema.default(0),
        capexReserveRate: FractionSchema.default(0),
      })
      .prefault({}),
  });
}

/** The inputs of a deal analysis: purchase, financing (null = all cash), rehab, rents, expenses. */
export const DealAnalysisInputsSchema = createDealAnalysisInputsSchema();
/** The inputs of a deal analysis. */
export type DealAnalysisInputs = z.output<typeof DealAnalysisInputsSchema>;

/**
 * An explainable deal score: the total and, for each weighted criterion, its value, its normalised score and
 * its contribution (weight × score) to the total.
 */
export const DealScoreSchema = z.strictObject({
  total: z.number(),
  criteria: z
    .array(
      z.strictObject({
        criterion: z.string().min(1).max(64),
        weight: z.number().min(0),
        value: z.number().nullable(),
        score: z.number(),
        contribution: z.number(),
      }),
    )
    .max(100),
});
/** An explainable deal score. */
export type DealScore = z.output<typeof DealScoreSchema>;

/** Builds the deal-analysis schemas for a currency's money schemas. */
export function createDealAnalysisSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The deal analysed. */
    dealId: IdSchema,
    /** As-of date of the analysis. */
    analysisDate: DateSchema,
    /** Underwriting inputs. */
    inputs: createDealAnalysisInputsSchema(money),
    /** Computed metrics (cap rate, cash-on-cash, DSCR…) as JSON, with the conventions used. */
    results: JsonObjectSchema.default(() => ({})),
    /** The explainable score, or null before scoring. */
    score: nullableDefault(DealScoreSchema),
    /** Free-form notes. */
    notes: optionalTextSchema(10_000),
  };
  const record = z.strictObject({ ...recordFields, portfolioId: IdSchema, ...fields });
  const create = z.strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields });
  const update = z.strictObject(patchShape(omitKeys(fields, ['dealId'])));
  return { record, create, update };
}

const schemas = createDealAnalysisSchemas();

/** A stored deal analysis: deal, date, inputs, results and score. */
export const DealAnalysisSchema = schemas.record;
/** A stored deal analysis. */
export type DealAnalysis = z.infer<typeof DealAnalysisSchema>;

/** What a caller passes to store a deal analysis. */
export const DealAnalysisCreateSchema = schemas.create;
/** What a caller passes to store a deal analysis. */
export type DealAnalysisCreate = z.input<typeof DealAnalysisCreateSchema>;

/** A patch of a deal analysis (the deal cannot change; `inputs` is replaced as a whole). */
export const DealAnalysisUpdateSchema = schemas.update;
/** A patch of a deal analysis. */
export type DealAnalysisUpdate = z.input<typeof DealAnalysisUpdateSchema>;
