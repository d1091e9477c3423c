/**
 * Prepayment penalties for payoff and refinance analysis: step-down ("5-4-3-2-1") and yield maintenance.
 * @module
 */
import { Decimal, formatMoney, type MoneyString, parseDecimal, parseMoney } from '../domain/money.js';
import { ValidationError, type ValidationIssue } from '../errors.js';

/**
 * A step-down penalty: a percentage of the balance prepaid that falls with each loan year.
 *
 * @example
 * ```ts
 * const fiveFourThreeTwoOne: StepDownPenalty = {
 *   kind: 'step_down', balance: '1000000.00', schedule: [5, 4, 3, 2, 1], monthsElapsed: 30,
 * };
 * ```
 */
export interface StepDownPenalty {
  readonly kind: 'step_down';
  /** The balance being prepaid, a non-negative money string. */
  readonly balance: MoneyString;
  /**
   * The penalty in **percent** of the balance for loan year 1, 2, ... (`[5, 4, 3, 2, 1]` is "5-4-3-2-1");
   * numbers or decimal strings, each ≥ 0. Years past the end of the list carry no penalty.
   */
  readonly schedule: readonly (number | string)[];
  /** Whole months since the loan's first payment period began; loan year = ⌊monthsElapsed / 12⌋ + 1. */
  readonly monthsElapsed: number;
}

/**
 * A yield-maintenance penalty: what the lender loses by reinvesting the prepaid balance at the Treasury
 * yield instead of the note rate for the rest of the term.
 *
 * @example
 * ```ts
 * const ym: YieldMaintenancePenalty = {
 *   kind: 'yield_maintenance', balance: '1000000.00', noteRate: '0.06', treasuryRate: '0.04',
 *   remainingMonths: 60,
 * };
 * ```
 */
export interface YieldMaintenancePenalty {
  readonly kind: 'yield_maintenance';
  /** The balance being prepaid, a non-negative money string. */
  readonly balance: MoneyString;
  /** The note's annual rate, a decimal fraction above −1 (number or decimal string). */
  readonly noteRate: string | number;
  /** The annual yield of the Treasury matching the remaining term, a decimal fraction above −1. */
  readonly treasuryRate: string | number;
  /** Months left to maturity (or to the end of the yield-maintenance period), an integer ≥ 0. */
  readonly remainingMonths: number;
}

/**
 * Input of {@link prepaymentPenalty}, discriminated by `kind`.
 *
 * @example
 * ```ts
 * const input: PrepaymentPenaltyInput = { kind: 'step_down', balance: '250000.00', schedule: [3, 2, 1], monthsElapsed: 0 };
 * ```
 */
export type PrepaymentPenaltyInput = StepDownPenalty | YieldMaintenancePenalty;

/**
 * The penalty for prepaying a loan, rounded half-up to the cent.
 *
 * - `step_down`: `balance × schedule[y − 1] / 100` with loan year `y = ⌊monthsElapsed / 12⌋ + 1`, and 0 once
 *   `y` is past the schedule.
 * - `yield_maintenance`: the present value, discounted monthly at the Treasury yield, of the monthly rate
 *   differential on the balance over the remaining months —
 *   `max(0, balance × (noteRate − treasuryRate) / 12 × (1 − (1 + t)^−n) / t)` with `t = treasuryRate / 12`
 *   and `n = remainingMonths` (`× n` when `t = 0`). This is the common "interest-differential" form of the
 *   clause, which treats the balance as outstanding until maturity; loan documents that discount each
 *   amortizing payment, add a minimum percentage, or use a Treasury spread should be modelled on top of it.
 *
 * @throws {ValidationError} naming the field: malformed money, negative balance, negative or malformed
 *   percentages, rates ≤ −1, or months that are not integers ≥ 0.
 *
 * @example
 * ```ts
 * prepaymentPenalty({ kind: 'step_down', balance: '1000000.00', schedule: [5, 4, 3, 2, 1], monthsElapsed: 30 });
 * // "30000.00" (loan year 3 → 3 %)
 * prepaymentPenalty({ kind: 'step_down', balance: '1000000.00', schedule: [5, 4, 3, 2, 1], monthsElapsed: 60 });
 * // "0.00" (year 6: past the schedule)
 * prepaymentPenalty({
 *   kind: 'yield_maintenance', balance: '1000000.00', noteRate: '0.06', treasuryRate: '0.04', remainingMonths: 60,
 * });
 * // "90498.45"
 * ```
 */
export function prepaymentPenalty(input: PrepaymentPenaltyInput): MoneyString {
  if (typeof input !== 'object' || input === null) {
    throw ValidationError.field('', "an object with kind 'step_down' or 'yield_maintenance'");
  }
  if (input.kind === 'step_down') return stepDown(input);
  if (input.kind === 'yield_maintenance') return yieldMaintenance(input);
  throw ValidationError.field('kind', "'step_down' or 'yield_maintenance'");
}

function collect<T>(issues: ValidationIssue[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

function nonNegativeBalance(issues: ValidationIssue[], value: unknown): Decimal | undefined {
  const balance = collect(issues, () => parseMoney(value, 'balance'));
  if (balance?.isNegative()) {
    issues.push({
      path: 'balance',
      expected: 'a non-negative money amount',
      message: 'balance: must be ≥ 0',
    });
    return undefined;
  }
  return balance;
}

function wholeMonths(issues: ValidationIssue[], value: unknown, path: string): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  issues.push({
    path,
    expected: 'an integer ≥ 0',
    message: `${path}: expected an integer ≥ 0, got ${String(value)}`,
  });
  return undefined;
}

function stepDown(input: StepDownPenalty): MoneyString {
  const issues: ValidationIssue[] = [];
  const balance = nonNegativeBalance(issues, input.balance);
  const months = wholeMonths(issues, input.monthsElapsed, 'monthsElapsed');
  const percents: Decimal[] = [];
  if (!Array.isArray(input.schedule)) {
    issues.push({
      path: 'schedule',
      expected: 'an array of percentages by loan year',
      message: 'schedule: expected an array of percentages by loan year',
    });
  } else {
    input.schedule.forEach((value, index) => {
      const path = `schedule.${index}`;
      const percent = collect(issues, () => parseDecimal(value, path));
      if (percent?.isNegative()) {
        issues.push({ path, expected: 'a percentage ≥ 0', message: `${path}: must be ≥ 0` });
      } else if (percent !== undefined) {
        percents.push(percent);
      }
    });
  }
  if (issues.length > 0 || balance === undefined || months === undefined) throw new ValidationError(issues);
  const percent = percents[Math.floor(months / 12)];
  if (percent === undefined) return formatMoney(new Decimal(0));
  return formatMoney(balance.times(percent).dividedBy(100));
}

function yieldMaintenance(input: YieldMaintenancePenalty): MoneyString {
  const issues: ValidationIssue[] = [];
  const balance = nonNegativeBalance(issues, input.balance);
  const note = rateAboveMinusOne(issues, input.noteRate, 'noteRate');
  const treasury = rateAboveMinusOne(issues, input.treasuryRate, 'treasuryRate');
  const months = wholeMonths(issues, input.remainingMonths, 'remainingMonths');
  if (
    issues.length > 0 ||
    balance === undefined ||
    note === undefined ||
    treasury === undefined ||
    months === undefined
  ) {
    throw new ValidationError(issues);
  }
  const differential = note.minus(treasury);
  if (!differential.isPositive() || differential.isZero() || months === 0 || balance.isZero()) {
    return formatMoney(new Decimal(0));
  }
  const t = treasury.dividedBy(12);
  const annuity = t.isZero()
    ? new Decimal(months)
    : new Decimal(1).minus(t.plus(1).pow(-months)).dividedBy(t);
  return formatMoney(balance.times(differential).dividedBy(12).times(annuity));
}

function rateAboveMinusOne(issues: ValidationIssue[], value: unknown, path: string): Decimal | undefined {
  const rate = collect(issues, () => parseDecimal(value, path));
  if (rate?.lte(-1)) {
    issues.push({ path, expected: 'a rate above -1 (-100 %)', message: `${path}: must be above -1` });
    return undefined;
  }
  return rate;
}
