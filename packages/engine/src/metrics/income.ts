/**
 * The income lines of an operating statement: gross potential rent, vacancy and credit loss, and
 * effective gross income. Money in and out as decimal strings with 2 decimals.
 * @module
 */
import { ValidationError } from '../errors.js';
import { formatCents, multiplyCents } from './cents.js';
import { type GrossPotentialRentBasis, type MetricResult, readConvention } from './conventions.js';
import {
  readArray,
  readInteger,
  readMoney,
  readNonNegativeMoney,
  readOptionalMoney,
  readRecord,
  readUnitFraction,
} from './metric-input.js';

/**
 * A unit's rents for {@link grossPotentialRent}: its monthly market rent and, when leased, its
 * monthly contract rent.
 *
 * @example
 * ```ts
 * const leased = { marketRent: '1500.00', contractRent: '1450.00' };
 * const vacant = { marketRent: '1600.00', contractRent: null };
 * grossPotentialRent({ units: [leased, vacant], months: 1 }).value;
 * // => '3050.00'
 * ```
 */
export interface GrossPotentialRentUnit {
  /** Monthly market rent, non-negative. */
  readonly marketRent: string;
  /** Monthly lease rent when the unit is leased; `null`/omitted when vacant. */
  readonly contractRent?: string | null;
}

/**
 * Parameters of {@link grossPotentialRent}.
 *
 * @example
 * ```ts
 * const params = { units: [{ marketRent: '1000.00' }], months: 6 };
 * grossPotentialRent(params).value;
 * // => '6000.00'
 * ```
 */
export interface GrossPotentialRentParams {
  /** The rentable units (leave offline units out). */
  readonly units: readonly GrossPotentialRentUnit[];
  /** Months in the period, a whole number ≥ 0. Default 12 (annual GPR). */
  readonly months?: number;
  /** Which rent each unit counts at. Default `'contract_or_market'`. */
  readonly basis?: GrossPotentialRentBasis;
}

/**
 * Gross potential rent (GPR): the rent the units would bring in if every unit were let and every
 * rent were paid.
 *
 * GPR = Σ over units of monthly rent × `months`, where the monthly rent is, by convention
 * ({@link GrossPotentialRentBasis}): `'contract_or_market'` (default) the contract rent of a leased
 * unit, else its market rent; `'market'` the market rent of every unit.
 *
 * @example
 * ```ts
 * grossPotentialRent({
 *   units: [
 *     { marketRent: '1500.00', contractRent: '1450.00' },
 *     { marketRent: '1500.00', contractRent: '1500.00' },
 *     { marketRent: '1600.00' },
 *     { marketRent: '1600.00', contractRent: '1600.00' },
 *   ],
 * });
 * // => { value: '73800.00', convention: 'contract_or_market' }
 * ```
 */
export function grossPotentialRent(
  params: GrossPotentialRentParams,
): MetricResult<string, GrossPotentialRentBasis> {
  const input = readRecord(params, '');
  const basis = readConvention('grossPotentialRentBasis', input.basis, 'basis');
  const months = input.months === undefined ? 12 : readInteger(input.months, 'months', 0);
  const units = readArray(input.units, 'units');
  let monthly = 0n;
  units.forEach((value, index) => {
    const unit = readRecord(value, `units.${index}`);
    const market = readNonNegativeMoney(unit.marketRent, `units.${index}.marketRent`);
    const contract =
      unit.contractRent === undefined || unit.contractRent === null
        ? null
        : readNonNegativeMoney(unit.contractRent, `units.${index}.contractRent`);
    monthly += basis === 'market' || contract === null ? market : contract;
  });
  return { value: formatCents(monthly * BigInt(months)), convention: basis };
}

/**
 * Parameters of {@link vacancyAndCreditLoss}: either the actual `rentCollected` or assumed rates
 * (pro forma), not both.
 *
 * @example
 * ```ts
 * const actual = { grossPotentialRent: '73500.00', rentCollected: '68800.00' };
 * const assumed = { grossPotentialRent: '73500.00', vacancyRate: 0.05, creditLossRate: 0.01 };
 * [vacancyAndCreditLoss(actual), vacancyAndCreditLoss(assumed)];
 * // => ['4700.00', '4410.00']
 * ```
 */
export type VacancyAndCreditLossParams =
  | {
      /** Gross potential rent of the period, non-negative. */
      readonly grossPotentialRent: string;
      /** Rent actually collected in the period. */
      readonly rentCollected: string;
    }
  | {
      /** Gross potential rent of the period, non-negative. */
      readonly grossPotentialRent: string;
      /** Assumed vacancy, a fraction of GPR in [0, 1]. */
      readonly vacancyRate: number | string;
      /** Assumed credit (bad-debt) loss, a fraction of GPR; default 0. Rates sum to at most 1. */
      readonly creditLossRate?: number | string;
    };

/**
 * Vacancy and credit loss: the part of gross potential rent not collected (empty units, concessions
 * and loss-to-lease at market basis, unpaid rent). A positive amount is a loss.
 * - Actuals: V&CL = GPR − rent collected (negative when collections exceed GPR, e.g. back rent).
 * - Pro forma: V&CL = GPR × (vacancyRate + creditLossRate), rounded half-up to the cent.
 *
 * @example
 * ```ts
 * vacancyAndCreditLoss({ grossPotentialRent: '74400.00', vacancyRate: '0.05' });
 * // => '3720.00'
 * ```
 */
export function vacancyAndCreditLoss(params: VacancyAndCreditLossParams): string {
  const input = readRecord(params, '');
  const gpr = readNonNegativeMoney(input.grossPotentialRent, 'grossPotentialRent');
  const hasCollected = input.rentCollected !== undefined;
  const hasRate = input.vacancyRate !== undefined;
  if (hasCollected === hasRate) {
    throw ValidationError.field(
      hasCollected ? 'vacancyRate' : 'rentCollected',
      'exactly one of rentCollected (actuals) or vacancyRate (pro forma)',
    );
  }
  if (hasCollected) return formatCents(gpr - readMoney(input.rentCollected, 'rentCollected'));
  const vacancy = readUnitFraction(input.vacancyRate, 'vacancyRate');
  const credit =
    input.creditLossRate === undefined ? null : readUnitFraction(input.creditLossRate, 'creditLossRate');
  const rate = credit === null ? vacancy : vacancy.plus(credit);
  if (rate.greaterThan(1)) {
    throw ValidationError.field('creditLossRate', 'a rate that keeps vacancyRate + creditLossRate ≤ 1');
  }
  return formatCents(multiplyCents(gpr, rate));
}

/**
 * Parameters of {@link effectiveGrossIncome}.
 *
 * @example
 * ```ts
 * const params = { grossPotentialRent: '12000.00', vacancyAndCreditLoss: '600.00' };
 * effectiveGrossIncome(params);
 * // => '11400.00'
 * ```
 */
export interface EffectiveGrossIncomeParams {
  /** Gross potential rent, non-negative. */
  readonly grossPotentialRent: string;
  /** Vacancy and credit loss (a positive amount is a loss). */
  readonly vacancyAndCreditLoss: string;
  /** Income other than rent (laundry, parking, fees). Default `'0.00'`. */
  readonly otherIncome?: string;
}

/**
 * Effective gross income: EGI = GPR − vacancy and credit loss + other income.
 *
 * @example
 * ```ts
 * effectiveGrossIncome({
 *   grossPotentialRent: '73500.00',
 *   vacancyAndCreditLoss: '4700.00',
 *   otherIncome: '1350.00',
 * });
 * // => '70150.00'
 * ```
 */
export function effectiveGrossIncome(params: EffectiveGrossIncomeParams): string {
  const input = readRecord(params, '');
  const gpr = readNonNegativeMoney(input.grossPotentialRent, 'grossPotentialRent');
  const loss = readMoney(input.vacancyAndCreditLoss, 'vacancyAndCreditLoss');
  const other = readOptionalMoney(input.otherIncome, 'otherIncome', 0n);
  return formatCents(gpr - loss + other);
}
