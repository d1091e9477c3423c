/**
 * Loan: debt secured by a property. Only terms are stored; the balance is derived from them (amortization).
 * @module
 */
import { z } from 'zod';
import {
  ArchivedAtSchema,
  addFieldIssue,
  DateSchema,
  DEFAULT_MONEY_SCHEMAS,
  IdSchema,
  InterestRateSchema,
  type MoneySchemas,
  NonNegativeRateSchema,
  nullableDefault,
  omitKeys,
  optionalTextSchema,
  patchShape,
  RateSchema,
  recordFields,
} from './values.js';

/** Repayment structure: fixed (level payment), interest_only, adjustable (rate resets) or balloon. */
export const LoanKindSchema = z.enum(['fixed', 'interest_only', 'adjustable', 'balloon']);
/** Repayment structure of a loan. */
export type LoanKind = z.output<typeof LoanKindSchema>;

/**
 * Day-count basis of interest: `30/360` (default), `actual/360`, `actual/365`. Its output is the `InterestBasis`
 * type of the finance module (`INTEREST_BASES`).
 */
export const InterestBasisSchema = z.enum(['30/360', 'actual/360', 'actual/365']);

/** Whether a loan is still outstanding. */
export const LoanStatusSchema = z.enum(['active', 'paid_off', 'refinanced']);
/** Whether a loan is still outstanding. */
export type LoanStatus = z.output<typeof LoanStatusSchema>;

/** Months allowed in a loan term (up to 100 years). */
const MonthsSchema = z.int().min(1).max(1200);

/**
 * A scheduled rate change: from payment `period` (1-based) on, the annual rate is `annualRate`. The parsed value
 * is a `RateReset` of the finance module (the type `amortize` takes), with `annualRate` as a number.
 */
export const RateResetSchema = z.strictObject({
  /** First payment period (1-based) at the new rate. */
  period: MonthsSchema,
  /** New annual rate, as a decimal fraction. */
  annualRate: InterestRateSchema,
});

/**
 * Index-linked adjustable-rate terms: at each reset the rate becomes index + margin, limited by the caps
 * (initial for the first reset, periodic for later ones, lifetime over the start rate) and the floor.
 */
export const IndexRateTermsSchema = z.strictObject({
  /** Name of the index (`SOFR`, `PRIME`, `CMT1Y`…). */
  index: z.string().trim().min(1).max(40),
  /** Margin added to the index, as a decimal fraction (0.0275). */
  margin: RateSchema,
  /** Largest change at the first reset, as a fraction, or null for none. */
  initialCap: nullableDefault(NonNegativeRateSchema),
  /** Largest change at each later reset, as a fraction, or null for none. */
  periodicCap: nullableDefault(NonNegativeRateSchema),
  /** Largest rise over the starting rate for the life of the loan, as a fraction, or null for none. */
  lifetimeCap: nullableDefault(NonNegativeRateSchema),
  /** Lowest rate ever charged, or null for none. */
  floor: nullableDefault(InterestRateSchema),
  /** Months between resets after the first. */
  resetEveryMonths: MonthsSchema,
  /** Payment period (1-based) of the first reset. */
  firstResetMonth: MonthsSchema,
});
/** Index-linked adjustable-rate terms. */
export type IndexRateTerms = z.output<typeof IndexRateTermsSchema>;

/** Covenants the lender imposes; each null when absent. */
export const LoanCovenantsSchema = z.strictObject({
  /** Minimum debt service coverage ratio (1.25). */
  minDscr: nullableDefault(z.number().positive().max(100)),
  /** Maximum loan-to-value, as a fraction (0.75). */
  maxLtv: nullableDefault(z.number().positive().max(10)),
});
/** Covenants the lender imposes. */
export type LoanCovenants = z.output<typeof LoanCovenantsSchema>;

/** Builds the escrow schema for a currency's money schemas. */
export function createLoanEscrowSchema(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  return z.strictObject({
    /** Monthly property-tax escrow paid with the loan payment (default 0). */
    tax: money.nonNegative.prefault('0'),
    /** Monthly insurance escrow paid with the loan payment (default 0). */
    insurance: money.nonNegative.prefault('0'),
  });
}
/** Monthly escrow paid with the loan payment (tax and insurance); zero when none. */
export const LoanEscrowSchema = createLoanEscrowSchema();
/** Monthly escrow paid with the loan payment. */
export type LoanEscrow = z.output<typeof LoanEscrowSchema>;

/**
 * Prepayment penalty terms, as the finance module's `prepaymentPenalty` computes them: `step_down` charges
 * `schedule[y − 1]` **percent** of the prepaid balance in loan year `y` (`[5, 4, 3, 2, 1]`), nothing after;
 * `yield_maintenance` charges the lender's lost interest differential through `throughMonth` (null: to maturity).
 */
export const PrepaymentPenaltySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('step_down'),
    /** Penalty percent for loan year 1, 2, …; each ≥ 0. */
    schedule: z.array(z.number().min(0).max(100)).min(1).max(50),
  }),
  z.strictObject({
    kind: z.literal('yield_maintenance'),
    /** Last payment period covered, or null for the whole term. */
    throughMonth: nullableDefault(MonthsSchema),
  }),
]);
/** Prepayment penalty terms. */
export type PrepaymentPenalty = z.output<typeof PrepaymentPenaltySchema>;

interface LoanChecked {
  kind?: LoanKind;
  startDate?: string;
  termMonths?: number;
  interestOnlyMonths?: number;
  balloonMonth?: number | null;
  rateResets?: readonly { period: number }[];
  indexTerms?: unknown;
  maturityDate?: string | null;
  payoffDate?: string | null;
}

function checkLoan(value: LoanChecked, ctx: z.RefinementCtx): void {
  const term = value.termMonths;
  if (term !== undefined && value.interestOnlyMonths !== undefined && value.interestOnlyMonths > term) {
    addFieldIssue(
      ctx,
      ['interestOnlyMonths'],
      `a number of months at most termMonths (${term})`,
      `must not exceed termMonths (${term})`,
      value.interestOnlyMonths,
    );
  }
  if (term !== undefined && value.balloonMonth != null && value.balloonMonth > term) {
    addFieldIssue(
      ctx,
      ['balloonMonth'],
      `a payment period at most termMonths (${term})`,
      `must not exceed termMonths (${term})`,
      value.balloonMonth,
    );
  }
  value.rateResets?.forEach((reset, index) => {
    const previous = value.rateResets?.[index - 1];
    if (previous && reset.period <= previous.period) {
      addFieldIssue(
        ctx,
        ['rateResets', index, 'period'],
        'a period after the previous reset',
        'rate resets must be in increasing period order',
        reset.period,
      );
    }
    if (term !== undefined && reset.period > term) {
      addFieldIssue(
        ctx,
        ['rateResets', index, 'period'],
        `a payment period at most termMonths (${term})`,
        `must not exceed termMonths (${term})`,
        reset.period,
      );
    }
  });
  if (value.kind === 'balloon' && value.balloonMonth === null) {
    addFieldIssue(
      ctx,
      ['balloonMonth'],
      'a payment period (required for a balloon loan)',
      'required for a balloon loan',
      null,
    );
  }
  if (value.kind === 'adjustable' && value.rateResets?.length === 0 && value.indexTerms === null) {
    addFieldIssue(
      ctx,
      ['rateResets'],
      'at least one rate reset, or indexTerms (required for an adjustable loan)',
      'an adjustable loan needs rateResets or indexTerms',
      [],
    );
  }
  if (value.kind === 'interest_only' && value.interestOnlyMonths === 0) {
    addFieldIssue(
      ctx,
      ['interestOnlyMonths'],
      'a number of months of at least 1 (required for an interest-only loan)',
      'an interest-only loan needs interestOnlyMonths',
      0,
    );
  }
  if (value.startDate !== undefined && value.maturityDate != null && value.maturityDate <= value.startDate) {
    addFieldIssue(
      ctx,
      ['maturityDate'],
      'a date after startDate',
      `must be after startDate (${value.startDate})`,
      value.maturityDate,
    );
  }
  if (value.startDate !== undefined && value.payoffDate != null && value.payoffDate < value.startDate) {
    addFieldIssue(
      ctx,
      ['payoffDate'],
      'a date on or after startDate',
      `must be on or after startDate (${value.startDate})`,
      value.payoffDate,
    );
  }
}

/** Builds the loan schemas for a currency's money schemas. */
export function createLoanSchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS) {
  const fields = {
    /** The property securing the loan. */
    propertyId: IdSchema,
    /** The lender (a contact of kind lender), when recorded. */
    lenderContactId: nullableDefault(IdSchema),
    /** Display name ("First mortgage"). */
    name: optionalTextSchema(200),
    /** Repayment structure. */
    kind: LoanKindSchema,
    /** Principal lent at the start. */
    originalAmount: money.positive,
    /** Funding date; the first payment is due one month later. */
    startDate: DateSchema,
    /** Annual interest rate at the start, as a decimal fraction (0.065), greater than −1. */
    annualRate: InterestRateSchema,
    /** Months to maturity. */
    termMonths: MonthsSchema,
    /** Months over which the payment amortises when it differs from the term (a 30/10 balloon: 360), or null. */
    amortizationMonths: nullableDefault(MonthsSchema),
    /** Leading months that pay interest only (default 0). */
    interestOnlyMonths: z.int().min(0).max(1200).default(0),
    /** Payment period (1-based) in which the whole balance falls due, or null. */
    balloonMonth: nullableDefault(MonthsSchema),
    /** Day-count basis of interest (default `30/360`). */
    interestBasis: InterestBasisSchema.default('30/360'),
    /** Scheduled rate changes, in increasing period order. */
    rateResets: z.array(RateResetSchema).max(1200).default([]),
    /** Index + margin adjustable terms, or null. */
    indexTerms: nullableDefault(IndexRateTermsSchema),
    /** Lender covenants (default none). */
    covenants: LoanCovenantsSchema.prefault({}),
    /** Monthly escrow for tax and insurance (default 0). */
    escrow: createLoanEscrowSchema(money).prefault({}),
    /** Maturity date when it differs from startDate + termMonths, or null to derive it. */
    maturityDate: nullableDefault(DateSchema),
    /** Prepayment penalty terms, or null for none. */
    prepaymentPenalty: nullableDefault(PrepaymentPenaltySchema),
    /** Whether the loan is outstanding (default active). */
    status: LoanStatusSchema.default('active'),
    /** Date the loan was paid off or refinanced, when it was. */
    payoffDate: nullableDefault(DateSchema),
    /** Free-form notes. */
    notes: optionalTextSchema(10_000),
  };
  const record = z
    .strictObject({ ...recordFields, portfolioId: IdSchema, ...fields, archivedAt: ArchivedAtSchema })
    .superRefine(checkLoan);
  const create = z
    .strictObject({ id: IdSchema.optional(), portfolioId: IdSchema, ...fields })
    .superRefine(checkLoan);
  const update = z.strictObject(patchShape(omitKeys(fields, ['propertyId']))).superRefine(checkLoan);
  return { record, create, update };
}

const schemas = createLoanSchemas();

/**
 * A stored loan: lender, kind, original amount, start date, annual rate, term, amortization, interest-only
 * months, balloon, interest basis, rate resets or index terms, covenants, monthly escrow, prepayment penalty.
 */
export const LoanSchema = schemas.record;
/** A stored loan. */
export type Loan = z.infer<typeof LoanSchema>;

/**
 * What a caller passes to create a loan. Defaults: interestOnlyMonths 0, interestBasis `30/360`, no resets,
 * no covenants, zero escrow, status active. Checks: interest-only months and balloon within the term, resets
 * increasing and within the term; a balloon loan has balloonMonth, an adjustable one resets or index terms.
 */
export const LoanCreateSchema = schemas.create;
/** What a caller passes to create a loan. */
export type LoanCreate = z.input<typeof LoanCreateSchema>;

/** A patch of a loan (the property cannot change); re-validate the merged record with {@link LoanSchema}. */
export const LoanUpdateSchema = schemas.update;
/** A patch of a loan. */
export type LoanUpdate = z.input<typeof LoanUpdateSchema>;
