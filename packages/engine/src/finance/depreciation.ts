/**
 * Tax depreciation of rental real estate: MACRS straight-line with the mid-month convention.
 * @module
 */
import { type DateString, parseDate } from '../domain/dates.js';
import { Decimal, formatMoney, type MoneyString, parseMoney } from '../domain/money.js';
import { ValidationError, type ValidationIssue } from '../errors.js';

/**
 * The MACRS class of a building: `'residential'` rental property (27.5 years) or `'commercial'`
 * nonresidential real property (39 years).
 *
 * @example
 * ```ts
 * const propertyClass: PropertyClass = 'residential';
 * RECOVERY_PERIOD_YEARS[propertyClass]; // 27.5
 * ```
 */
export type PropertyClass = 'residential' | 'commercial';

/**
 * Recovery period in years of each {@link PropertyClass} (IRS Pub 946, GDS: residential rental property
 * 27.5 years, nonresidential real property 39 years).
 *
 * @example
 * ```ts
 * RECOVERY_PERIOD_YEARS.commercial; // 39
 * ```
 */
export const RECOVERY_PERIOD_YEARS: Readonly<Record<PropertyClass, number>> = Object.freeze({
  residential: 27.5,
  commercial: 39,
});

/** Recovery periods in half-months (27.5 × 24 and 39 × 24): the mid-month convention counts half months. */
const RECOVERY_HALF_MONTHS: Readonly<Record<PropertyClass, number>> = { residential: 660, commercial: 936 };

/**
 * The building being depreciated. Give the cost as `purchasePrice` (or its alias `basis`), plus any
 * capitalised `closingCosts`; `landValue` is subtracted because land is never depreciated. Money is a
 * non-negative decimal string with at most 2 decimals.
 *
 * @example
 * ```ts
 * const rental: DepreciationInput = {
 *   purchasePrice: '400000.00', closingCosts: '8000.00', landValue: '83000.00',
 *   placedInService: '2024-03-15', propertyClass: 'residential',
 * };
 * ```
 */
export interface DepreciationInput {
  /** Cost of the property (land and building). Give this or `basis`, not both. */
  readonly purchasePrice?: MoneyString;
  /** Alias of `purchasePrice` for callers who already hold the cost basis. */
  readonly basis?: MoneyString;
  /** Capitalised acquisition costs added to the cost (default 0). */
  readonly closingCosts?: MoneyString | null;
  /** The part of the cost that is land (not depreciable); at most the cost. */
  readonly landValue: MoneyString;
  /** The date the property was placed in service (ready and available for rent), `YYYY-MM-DD`. */
  readonly placedInService: DateString;
  /** 27.5-year residential or 39-year commercial recovery. */
  readonly propertyClass: PropertyClass;
}

/**
 * One tax year of a {@link depreciation} schedule. Amounts are money strings with two decimals.
 *
 * @example
 * ```ts
 * const first: DepreciationYear = { year: 2024, amount: '9356.06', accumulated: '9356.06', remainingBasis: '315643.94' };
 * ```
 */
export interface DepreciationYear {
  /** Calendar (tax) year. */
  readonly year: number;
  /** Depreciation deducted in that year. */
  readonly amount: MoneyString;
  /** Depreciation deducted up to and including that year. */
  readonly accumulated: MoneyString;
  /** Depreciable basis not yet deducted at the end of that year. */
  readonly remainingBasis: MoneyString;
}

/**
 * The straight-line, mid-month MACRS depreciation schedule of a rental building, one row per calendar year.
 *
 * Convention (IRS Pub 946 "Figuring Depreciation Under MACRS", GDS straight line, mid-month; Pub 527 for
 * residential rentals):
 * - depreciable basis `D = purchasePrice (or basis) + closingCosts − landValue`;
 * - recovery period 27.5 years (residential) or 39 years (commercial); annual amount `D / period`;
 * - mid-month: property placed in service in month `m` is treated as placed in service in the middle of that
 *   month, so year 1 gets `(12 − m + 0.5) / 12` of the annual amount, each following year a full annual
 *   amount, and the final year what is left (at least half a month) — 28 or 29 rows (residential), 40
 *   rows (commercial);
 * - cents: the exact accumulated depreciation at the end of each year, `D × elapsed / period`, is rounded half-up
 *   to the cent and each year's amount is the difference of consecutive accumulated amounts, so no rounding
 *   drift builds up and the last year leaves exactly 0.00: the amounts add up to `D` exactly.
 *
 * Pub 946 Table A-6 (27.5 years) agrees with these exact fractions to its three published decimals. Table
 * A-7a (39 years) builds its first- and last-year figures from a rounded monthly step of 0.214 %, so they
 * exceed the exact fractions by up to 0.004 % of the basis (January: 2.461 % printed, 11.5 / 468 = 2.4573 %
 * exact); Freehold uses the exact fractions, so table-based figures can differ by a few dollars per
 * million in those two years. Disposal during the recovery period (a half month in the month of sale) is not
 * modelled here.
 *
 * @throws {ValidationError} naming the field: malformed or negative money, both or neither of
 *   `purchasePrice`/`basis`, `landValue` above the cost, an impossible date, an unknown `propertyClass`.
 *
 * @example
 * ```ts
 * const schedule = depreciation({
 *   purchasePrice: '400000.00', closingCosts: '8000.00', landValue: '83000.00',
 *   placedInService: '2024-03-15', propertyClass: 'residential',
 * });
 * // depreciable basis 325,000.00; annual 11,818.18…; March → 9.5 months in 2024
 * schedule[0];                    // { year: 2024, amount: "9356.06", accumulated: "9356.06", remainingBasis: "315643.94" }
 * schedule[1].amount;             // "11818.18"
 * schedule.length;                // 28 (2024 … 2051)
 * schedule.at(-1)?.remainingBasis; // "0.00"
 * ```
 */
export function depreciation(input: DepreciationInput): DepreciationYear[] {
  const { depreciable, placed, propertyClass } = validate(input);
  const totalHalfMonths = RECOVERY_HALF_MONTHS[propertyClass];
  const firstYearHalfMonths = 25 - 2 * placed.month;
  const rows: DepreciationYear[] = [];
  let previous = new Decimal(0);
  for (let elapsed = firstYearHalfMonths, k = 0; ; elapsed += 24, k++) {
    const done = elapsed >= totalHalfMonths;
    const accumulated = done
      ? depreciable
      : depreciable.times(elapsed).dividedBy(totalHalfMonths).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    rows.push({
      year: placed.year + k,
      amount: formatMoney(accumulated.minus(previous)),
      accumulated: formatMoney(accumulated),
      remainingBasis: formatMoney(depreciable.minus(accumulated)),
    });
    previous = accumulated;
    if (done) return rows;
  }
}

/**
 * The depreciation deducted in one calendar `year` on the schedule of {@link depreciation}; `"0.00"` before
 * the year placed in service and after the recovery period.
 *
 * @throws {ValidationError} as {@link depreciation}, or naming `year` when it is not an integer.
 *
 * @example
 * ```ts
 * const rental = {
 *   purchasePrice: '400000.00', closingCosts: '8000.00', landValue: '83000.00',
 *   placedInService: '2024-03-15', propertyClass: 'residential',
 * } as const;
 * depreciationForYear({ ...rental, year: 2025 }); // "11818.18"
 * depreciationForYear({ ...rental, year: 2023 }); // "0.00"
 * ```
 */
export function depreciationForYear(input: DepreciationInput & { readonly year: number }): MoneyString {
  const year = input?.year;
  if (typeof year !== 'number' || !Number.isSafeInteger(year)) {
    throw ValidationError.field('year', 'an integer calendar year');
  }
  const row = depreciation(input).find((r) => r.year === year);
  return row?.amount ?? '0.00';
}

function validate(input: DepreciationInput): {
  depreciable: Decimal;
  placed: { year: number; month: number };
  propertyClass: PropertyClass;
} {
  if (typeof input !== 'object' || input === null) {
    throw ValidationError.field(
      '',
      'an object with purchasePrice, landValue, placedInService and propertyClass',
    );
  }
  const issues: ValidationIssue[] = [];
  const money = (value: unknown, path: string): Decimal | undefined => {
    try {
      const amount = parseMoney(value, path);
      if (!amount.isNegative()) return amount;
      issues.push({ path, expected: 'a non-negative money amount', message: `${path}: must be ≥ 0` });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
    return undefined;
  };

  let cost: Decimal | undefined;
  const hasPrice = input.purchasePrice !== undefined && input.purchasePrice !== null;
  const hasBasis = input.basis !== undefined && input.basis !== null;
  if (hasPrice && hasBasis) {
    issues.push({
      path: 'basis',
      expected: 'omitted when purchasePrice is given',
      message: 'basis: give purchasePrice or basis, not both',
    });
  } else if (hasPrice) {
    cost = money(input.purchasePrice, 'purchasePrice');
  } else if (hasBasis) {
    cost = money(input.basis, 'basis');
  } else {
    issues.push({
      path: 'purchasePrice',
      expected: 'a money amount (or basis)',
      message: 'purchasePrice: required (or basis)',
    });
  }
  const closing =
    input.closingCosts === undefined || input.closingCosts === null
      ? new Decimal(0)
      : money(input.closingCosts, 'closingCosts');
  const land = money(input.landValue, 'landValue');

  let placed: { year: number; month: number } | undefined;
  try {
    placed = parseDate(input.placedInService, 'placedInService');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  const propertyClass = input.propertyClass;
  if (propertyClass !== 'residential' && propertyClass !== 'commercial') {
    issues.push({
      path: 'propertyClass',
      expected: "'residential' or 'commercial'",
      message: `propertyClass: expected 'residential' or 'commercial', got ${JSON.stringify(propertyClass)}`,
    });
  }
  if (cost !== undefined && closing !== undefined && land?.gt(cost.plus(closing))) {
    issues.push({
      path: 'landValue',
      expected: 'at most the cost (purchasePrice + closingCosts)',
      message: 'landValue: exceeds the cost of the property',
    });
  }
  if (
    issues.length > 0 ||
    cost === undefined ||
    closing === undefined ||
    land === undefined ||
    placed === undefined
  ) {
    throw new ValidationError(issues);
  }
  return { depreciable: cost.plus(closing).minus(land), placed, propertyClass };
}
