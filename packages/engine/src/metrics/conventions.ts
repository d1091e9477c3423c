/**
 * The conventions every property metric reads: the category kinds, the sign rule of amounts, and
 * each choice on which the industry disagrees, with Freehold's defaults gathered in
 * {@link DEFAULT_METRIC_CONVENTIONS}.
 *
 * **Signs.** Transaction amounts follow the ledger: positive = money in, negative = money out
 * (DATA-MODEL.md, "Sign and category convention"). Two presentations follow from it, and each
 * function says which one it uses:
 * - *ledger sign* — the monthly cash-flow roll-up keeps the ledger's sign for every total, so an
 *   operating-expense total is negative and every total is an exact sum of the inputs;
 * - *magnitudes* — the metric functions (NOI, OER, DSCR, …) take and return expenses, debt service,
 *   capital expenditure and distributions as positive amounts (`operatingExpenses: '18962.00'` means
 *   18,962.00 was spent), as the industry writes its formulas.
 * @module
 */
import { ValidationError } from '../errors.js';

export { CATEGORY_KINDS, type CategoryKind } from '../domain/categories.js';

/**
 * Where capital expenditure (and replacement reserves) sits relative to NOI.
 * - `'below_noi'` (default): NOI = EGI − OpEx; cash flow before tax = NOI − debt service − capex.
 *   The appraisal and lending norm, and SPEC.md's "NOI (before debt service and capital expenditure)".
 * - `'above_noi'`: NOI = EGI − OpEx − capex (reserves treated as an operating cost, as some
 *   underwriters do); cash flow before tax = NOI − debt service (capex is not deducted twice).
 * - `'excluded'`: capex is left out of both: NOI = EGI − OpEx; cash flow before tax = NOI − debt
 *   service ("cash flow before capital items").
 *
 * @example
 * ```ts
 * netOperatingIncome({
 *   effectiveGrossIncome: '70000.00',
 *   operatingExpenses: '20000.00',
 *   capitalExpenditures: '1500.00',
 *   capex: 'above_noi',
 * });
 * // => { value: '48500.00', convention: 'above_noi' }
 * ```
 */
export type CapexTreatment = 'below_noi' | 'above_noi' | 'excluded';

/**
 * Which value a price-based ratio divides by: the `'purchase_price'` paid, or the
 * `'current_value'` (latest valuation). Used by the cap rate (default `'purchase_price'`) and the
 * gross rent multiplier (default `'purchase_price'`).
 *
 * @example
 * ```ts
 * capRate({ netOperatingIncome: '60000.00', currentValue: '800000.00', basis: 'current_value' });
 * // => { value: 0.075, convention: 'current_value' }
 * ```
 */
export type ValueBasis = 'purchase_price' | 'current_value';

/**
 * How the debt service coverage ratio is measured.
 * - `'noi_to_debt_service'` (default; commercial lenders): annual NOI / annual debt service.
 * - `'rent_to_pitia'` (residential investor / DSCR-loan lenders): monthly gross rent / monthly
 *   PITIA (principal + interest + taxes + insurance + association dues).
 *
 * @example
 * ```ts
 * debtServiceCoverageRatio({ convention: 'rent_to_pitia', monthlyRent: '2500.00', monthlyPitia: '2000.00' });
 * // => { value: 1.25, convention: 'rent_to_pitia' }
 * ```
 */
export type DscrConvention = 'noi_to_debt_service' | 'rent_to_pitia';

/**
 * Which gross rent the gross rent multiplier divides by: `'annual'` (default; price / annual gross
 * rent, the usual GRM) or `'monthly'` (price / monthly gross rent, common in US residential
 * practice; 12 × the annual figure).
 *
 * @example
 * ```ts
 * grossRentMultiplier({ price: '600000.00', annualGrossRent: '75000.00', rentPeriod: 'monthly' });
 * // => { value: 96, convention: 'monthly' }
 * ```
 */
export type GrmRentPeriod = 'annual' | 'monthly';

/**
 * The denominator of a ratio over income: `'egi'` (effective gross income) or `'gpr'` (gross
 * potential rent). The operating expense ratio defaults to `'egi'`; the break-even ratio to `'gpr'`.
 *
 * @example
 * ```ts
 * operatingExpenseRatio({ operatingExpenses: '20000.00', grossPotentialRent: '80000.00', base: 'gpr' });
 * // => { value: 0.25, convention: 'gpr' }
 * ```
 */
export type IncomeBase = 'egi' | 'gpr';

/**
 * How the equity multiple is measured.
 * - `'distributions_over_contributions'` (default; realised): total distributions / total equity
 *   contributed.
 * - `'distributions_and_equity_over_contributions'` (realised + unrealised): (total distributions
 *   + current equity) / total equity contributed.
 *
 * @example
 * ```ts
 * equityMultiple({
 *   totalDistributions: '50000.00',
 *   totalContributions: '100000.00',
 *   currentEquity: '150000.00',
 *   convention: 'distributions_and_equity_over_contributions',
 * });
 * // => { value: 2, convention: 'distributions_and_equity_over_contributions' }
 * ```
 */
export type EquityMultipleConvention =
  | 'distributions_over_contributions'
  | 'distributions_and_equity_over_contributions';

/**
 * Which rent a unit contributes to gross potential rent.
 * - `'contract_or_market'` (default; the rent roll's scheduled rent): a leased unit at its lease's
 *   monthly rent, a vacant unit at its market rent.
 * - `'market'`: every unit at market rent, as if fully let at market (loss-to-lease shows up as
 *   vacancy and credit loss).
 *
 * @example
 * ```ts
 * grossPotentialRent({
 *   units: [{ marketRent: '1500.00', contractRent: '1400.00' }, { marketRent: '1500.00' }],
 *   months: 12,
 *   basis: 'market',
 * });
 * // => { value: '36000.00', convention: 'market' }
 * ```
 */
export type GrossPotentialRentBasis = 'contract_or_market' | 'market';

/**
 * Where a snapshot's debt service comes from (DATA-MODEL.md: actuals use the period's
 * transactions, projections the loan terms).
 * - `'transactions'` (default): −(sum of the period's `debt_service_interest` and
 *   `debt_service_principal` amounts).
 * - `'loan_terms'`: the sum of each loan's `monthlyPayment` × the months of the period.
 *
 * @example
 * ```ts
 * DEFAULT_METRIC_CONVENTIONS.debtServiceSource;
 * // => 'transactions'
 * ```
 */
export type DebtServiceSource = 'transactions' | 'loan_terms';

/**
 * Every convention option of the metrics. Aggregate results carry the full, resolved set in a
 * `conventions` field; single metrics carry theirs in a `convention` field.
 *
 * @example
 * ```ts
 * const conventions = { ...DEFAULT_METRIC_CONVENTIONS, dscr: 'rent_to_pitia' };
 * conventions.capex;
 * // => 'below_noi'
 * ```
 */
export interface MetricConventions {
  /** Capex relative to NOI and cash flow. Default `'below_noi'`. */
  readonly capex: CapexTreatment;
  /** Denominator of the cap rate. Default `'purchase_price'`. */
  readonly capRateBasis: ValueBasis;
  /** DSCR measure. Default `'noi_to_debt_service'`. */
  readonly dscr: DscrConvention;
  /** Rent period of the gross rent multiplier. Default `'annual'`. */
  readonly grmRentPeriod: GrmRentPeriod;
  /** Price of the gross rent multiplier. Default `'purchase_price'`. */
  readonly grmPriceBasis: ValueBasis;
  /** Denominator of the operating expense ratio. Default `'egi'`. */
  readonly operatingExpenseRatioBase: IncomeBase;
  /** Denominator of the break-even ratio. Default `'gpr'`. */
  readonly breakEvenBase: IncomeBase;
  /** Equity multiple measure. Default `'distributions_over_contributions'`. */
  readonly equityMultiple: EquityMultipleConvention;
  /** Rent counted in gross potential rent. Default `'contract_or_market'`. */
  readonly grossPotentialRentBasis: GrossPotentialRentBasis;
  /** Source of debt service in a snapshot. Default `'transactions'`. */
  readonly debtServiceSource: DebtServiceSource;
}

/**
 * Freehold's default metric conventions (frozen). Override any subset per call with
 * `conventions: { ... }`; results say which were used.
 *
 * | option | default | alternatives |
 * |---|---|---|
 * | `capex` | `'below_noi'` | `'above_noi'`, `'excluded'` |
 * | `capRateBasis` | `'purchase_price'` | `'current_value'` |
 * | `dscr` | `'noi_to_debt_service'` | `'rent_to_pitia'` |
 * | `grmRentPeriod` | `'annual'` | `'monthly'` |
 * | `grmPriceBasis` | `'purchase_price'` | `'current_value'` |
 * | `operatingExpenseRatioBase` | `'egi'` | `'gpr'` |
 * | `breakEvenBase` | `'gpr'` | `'egi'` |
 * | `equityMultiple` | `'distributions_over_contributions'` | `'distributions_and_equity_over_contributions'` |
 * | `grossPotentialRentBasis` | `'contract_or_market'` | `'market'` |
 * | `debtServiceSource` | `'transactions'` | `'loan_terms'` |
 *
 * @example
 * ```ts
 * DEFAULT_METRIC_CONVENTIONS.dscr;
 * // => 'noi_to_debt_service'
 * Object.isFrozen(DEFAULT_METRIC_CONVENTIONS);
 * // => true
 * ```
 */
export const DEFAULT_METRIC_CONVENTIONS: Readonly<MetricConventions> = Object.freeze({
  capex: 'below_noi',
  capRateBasis: 'purchase_price',
  dscr: 'noi_to_debt_service',
  grmRentPeriod: 'annual',
  grmPriceBasis: 'purchase_price',
  operatingExpenseRatioBase: 'egi',
  breakEvenBase: 'gpr',
  equityMultiple: 'distributions_over_contributions',
  grossPotentialRentBasis: 'contract_or_market',
  debtServiceSource: 'transactions',
} as const);

/**
 * A metric's value together with the convention it was computed under.
 *
 * @example
 * ```ts
 * debtServiceCoverageRatio({ netOperatingIncome: '60000.00', debtService: '48000.00' });
 * // => { value: 1.25, convention: 'noi_to_debt_service' }
 * ```
 */
export interface MetricResult<TValue, TConvention extends string> {
  /** The metric: a money string, a ratio, or `null` when undefined (e.g. a zero denominator). */
  readonly value: TValue;
  /** The convention the value was computed under. */
  readonly convention: TConvention;
}

const CONVENTION_CHOICES: { readonly [K in keyof MetricConventions]: readonly MetricConventions[K][] } = {
  capex: ['below_noi', 'above_noi', 'excluded'],
  capRateBasis: ['purchase_price', 'current_value'],
  dscr: ['noi_to_debt_service', 'rent_to_pitia'],
  grmRentPeriod: ['annual', 'monthly'],
  grmPriceBasis: ['purchase_price', 'current_value'],
  operatingExpenseRatioBase: ['egi', 'gpr'],
  breakEvenBase: ['gpr', 'egi'],
  equityMultiple: ['distributions_over_contributions', 'distributions_and_equity_over_contributions'],
  grossPotentialRentBasis: ['contract_or_market', 'market'],
  debtServiceSource: ['transactions', 'loan_terms'],
};

/**
 * Merges `overrides` over {@link DEFAULT_METRIC_CONVENTIONS} and checks every value; an unknown
 * option name or value is a `ValidationError` naming `conventions.<option>`. Never mutates its input.
 *
 * @example
 * ```ts
 * resolveMetricConventions({ capRateBasis: 'current_value' }).capRateBasis;
 * // => 'current_value'
 * resolveMetricConventions().grmRentPeriod;
 * // => 'annual'
 * ```
 */
export function resolveMetricConventions(
  overrides?: Partial<MetricConventions> | null,
  field = 'conventions',
): MetricConventions {
  if (overrides === undefined || overrides === null) return { ...DEFAULT_METRIC_CONVENTIONS };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw ValidationError.field(field, 'an object of metric conventions');
  }
  const resolved: Record<string, string> = { ...DEFAULT_METRIC_CONVENTIONS };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const choices = (CONVENTION_CHOICES as Record<string, readonly string[] | undefined>)[name];
    if (!Object.hasOwn(CONVENTION_CHOICES, name) || choices === undefined) {
      throw ValidationError.field(
        `${field}.${name}`,
        `a known convention option (${Object.keys(CONVENTION_CHOICES).join(', ')})`,
        `${field}.${name}: unknown metric convention option`,
      );
    }
    if (typeof value !== 'string' || !choices.includes(value)) {
      throw ValidationError.field(
        `${field}.${name}`,
        `one of ${choices.map((c) => `'${c}'`).join(', ')}`,
        `${field}.${name}: expected one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${JSON.stringify(value)}`,
      );
    }
    resolved[name] = value;
  }
  return resolved as unknown as MetricConventions;
}

/**
 * Checks a single convention option (used by the single-metric functions).
 * @internal
 */
export function readConvention<K extends keyof MetricConventions>(
  name: K,
  value: unknown,
  field: string,
): MetricConventions[K] {
  if (value === undefined) return DEFAULT_METRIC_CONVENTIONS[name];
  const choices = CONVENTION_CHOICES[name] as readonly unknown[];
  if (!choices.includes(value)) {
    throw ValidationError.field(
      field,
      `one of ${choices.map((c) => `'${String(c)}'`).join(', ')}`,
      `${field}: expected one of ${choices.map((c) => `'${String(c)}'`).join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as MetricConventions[K];
}
