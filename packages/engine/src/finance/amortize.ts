/**
 * Exact loan amortization: level payments, interest-only periods, balloons, extra principal, one-off
 * prepayments, scheduled rate resets and three interest bases — every amount to the cent.
 * @module
 */
import { type DateString, isDateString } from '../domain/dates.js';
import { type MoneyString, parseDecimal, toMinorUnits } from '../domain/money.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { type PaymentCalendar, paymentCalendar } from './amortization-calendar.js';
import {
  applyRatio,
  assertSafeCents,
  type CentsRatio,
  formatCents,
  levelPaymentCents,
} from './amortization-cents.js';
import {
  actualDaysRatio,
  basisYearDays,
  type ExactRate,
  exactRate,
  type InterestBasis,
  isInterestBasis,
  monthlyRatio,
} from './interest-basis.js';

export { INTEREST_BASES, type InterestBasis } from './interest-basis.js';
export * from './prepayment-penalty.js';

/**
 * The longest loan {@link amortize} accepts: 1,200 months (100 years).
 *
 * @example
 * ```ts
 * amortize({ principal: '1000.00', annualRate: 0.05, termMonths: MAX_TERM_MONTHS + 1 }); // throws ValidationError (termMonths)
 * ```
 */
export const MAX_TERM_MONTHS = 1200;

/** Rates are exact decimals with at most this many decimal places (any float rate above 1e-13 has fewer). */
const MAX_RATE_DECIMALS = 30;

/**
 * A one-off principal prepayment made together with the payment of `period` (1-based).
 *
 * @example
 * ```ts
 * const lumpSum: Prepayment = { period: 12, amount: '10000.00' };
 * ```
 */
export interface Prepayment {
  /** The payment period (1-based) the prepayment is made with. */
  readonly period: number;
  /** The amount, a positive money string. */
  readonly amount: MoneyString;
}

/**
 * A scheduled change of the note rate: from `period` (1-based) on, interest accrues at `annualRate`, and the
 * balance then outstanding is re-amortised with a new level payment over the months left to `termMonths`.
 *
 * @example
 * ```ts
 * const reset: RateReset = { period: 61, annualRate: '0.0725' }; // a 5/1 ARM's first adjustment
 * ```
 */
export interface RateReset {
  /** The first period (1-based) that accrues interest at the new rate. */
  readonly period: number;
  /** The new annual rate as a decimal fraction (`0.0725` is 7.25 %), a number or decimal string. */
  readonly annualRate: string | number;
}

/**
 * The terms of a loan for {@link amortize}. Money is a decimal string with at most 2 decimals; rates are
 * decimal fractions (`0.065` is 6.5 %) given as numbers or decimal strings. `null` is read as "absent".
 *
 * @example
 * ```ts
 * const terms: AmortizeInput = { principal: '300000.00', annualRate: '0.065', termMonths: 360 };
 * ```
 */
export interface AmortizeInput {
  /** The amount borrowed: a positive money string. */
  readonly principal: MoneyString;
  /** The note rate, a decimal fraction above −1. */
  readonly annualRate: string | number;
  /** Amortization term in months (1..1200); the loan matures here unless `balloonMonth` comes first. */
  readonly termMonths: number;
  /** First day of the first period (`YYYY-MM-DD`); payment `n` falls on `startDate + n` months. Required by the actual bases. */
  readonly startDate?: DateString | null;
  /** Months 1..interestOnlyMonths pay interest only (0 ≤ value < termMonths; default 0). */
  readonly interestOnlyMonths?: number | null;
  /** The month (1..termMonths) whose payment retires the whole balance. */
  readonly balloonMonth?: number | null;
  /** Extra principal paid every amortizing month (a non-negative money string; not applied in interest-only months). */
  readonly extraPrincipal?: MoneyString | null;
  /** One-off prepayments; several in the same period add up. */
  readonly prepayments?: readonly Prepayment[] | null;
  /** Scheduled rate changes, in strictly increasing `period` order. */
  readonly rateResets?: readonly RateReset[] | null;
  /** How interest is counted (default `'30/360'`). */
  readonly interestBasis?: InterestBasis | null;
}

/**
 * One payment of an {@link AmortizationResult.schedule}. Amounts are money strings with two decimals.
 *
 * @example
 * ```ts
 * // first row of a 30-year 300,000.00 loan at 6.5 %
 * const row: AmortizationRow = {
 *   period: 1, payment: '1896.20', interest: '1625.00', principal: '271.20',
 *   extraPrincipal: '0.00', balance: '299728.80',
 * };
 * ```
 */
export interface AmortizationRow {
  /** Payment number, 1-based. */
  readonly period: number;
  /** Payment date, `startDate + period` months (clamped to month end), when a `startDate` was given. */
  readonly date?: DateString;
  /** Everything paid this period: interest + principal (the principal including any extra). */
  readonly payment: MoneyString;
  /** This period's interest, rounded half-up to the cent. */
  readonly interest: MoneyString;
  /** Principal repaid this period, including {@link AmortizationRow.extraPrincipal}. */
  readonly principal: MoneyString;
  /** The part of `principal` paid beyond the scheduled payment (monthly extra plus prepayments). */
  readonly extraPrincipal: MoneyString;
  /** Balance after this payment. */
  readonly balance: MoneyString;
}

/**
 * The result of {@link amortize}.
 *
 * @example
 * ```ts
 * const { payment, numberOfPayments, totalInterest } = amortize({
 *   principal: '300000.00', annualRate: '0.065', termMonths: 360,
 * });
 * // payment "1896.20", numberOfPayments 360, totalInterest "382636.71"
 * ```
 */
export interface AmortizationResult {
  /**
   * The level payment (interest + scheduled principal, excluding extra principal) in force at the first
   * amortizing month, i.e. after any interest-only months. When the loan ends earlier (a balloon within the
   * interest-only period) it is the payment that month would have had.
   */
  readonly payment: MoneyString;
  /** One row per payment actually made. */
  readonly schedule: AmortizationRow[];
  /** Number of payments made, including the adjusted last one. */
  readonly numberOfPayments: number;
  /** Sum of the rounded monthly interest amounts. */
  readonly totalInterest: MoneyString;
  /** Sum of all payments; always `principal + totalInterest` exactly. */
  readonly totalPaid: MoneyString;
  /** The last payment (interest + the remaining balance). */
  readonly finalPayment: MoneyString;
  /**
   * Present when the loan reaches `balloonMonth`: the final payment less the payment regularly due that
   * month (interest only during the interest-only period, else the level payment plus any extra principal
   * and prepayment of that month), floored at 0.00.
   */
  readonly balloonAmount?: MoneyString;
}

/**
 * An amortization schedule to the cent.
 *
 * Convention (the one of `conformance/amortization-vectors.json`):
 * - monthly rate `i = annualRate / 12`, exact (no float, no rounding);
 * - level payment `A = B·i / (1 − (1 + i)^−n)` (`A = B / n` when `i = 0`) rounded half-up to the cent, where
 *   `B` is the principal and `n = termMonths − interestOnlyMonths`; the interest-only months leave `B`
 *   unchanged (a prepayment during them lowers the `B` that is amortised);
 * - each month: `interest = round_half_up(balance × i)`; interest-only months pay exactly that interest;
 *   amortizing months pay `A`, so `principal = A − interest (+ extraPrincipal + prepayments)`;
 * - the last month — `termMonths`, `balloonMonth`, or the first month whose payment would take the balance to
 *   ≤ 0 (extra principal, prepayments) — pays `interest + remaining balance`, so the balance ends at exactly
 *   0.00;
 * - a rate reset at period `p` re-amortises the balance then outstanding over the `termMonths − p + 1` months
 *   left (a new `A`, rounded half-up); a reset inside the interest-only period changes the interest and the
 *   rate the first level payment is computed at;
 * - `interestBasis` `'actual/360'` / `'actual/365'` count interest as
 *   `round_half_up(balance × annualRate × days / 360 or 365)` with `days` from `startDate + (n−1)` months to
 *   `startDate + n` months; the level payment is still the 30/360 one (the usual "365/360" commercial loan),
 *   so the last payment absorbs the difference — and a payment below a long month's interest (very high rates)
 *   makes the balance grow that month.
 *
 * Ties round half-up (away from zero). All arithmetic is exact integer-cent arithmetic.
 *
 * @throws {ValidationError} naming each malformed field (`termMonths`, `annualRate`, `principal`,
 *   `rateResets.0.period`, ...): non-integer or out-of-range months (1..{@link MAX_TERM_MONTHS}), rates ≤ −1,
 *   non-finite or with more than 30 decimal places, a principal ≤ 0, malformed money or
 *   money with more than 2 decimals, `interestOnlyMonths ≥ termMonths`, `balloonMonth` outside
 *   1..termMonths, impossible dates, an actual basis without `startDate`, resets or prepayments outside
 *   1..(balloonMonth ?? termMonths).
 * @throws {CalculationError} when an amount would exceed ±2^53 − 1 cents.
 *
 * @example
 * ```ts
 * const loan = amortize({ principal: '300000.00', annualRate: '0.065', termMonths: 360 });
 * loan.payment;                  // "1896.20"
 * loan.schedule[0];              // { period: 1, payment: "1896.20", interest: "1625.00", principal: "271.20", extraPrincipal: "0.00", balance: "299728.80" }
 * loan.finalPayment;             // "1900.91"
 * loan.totalInterest;            // "382636.71"
 *
 * const bridge = amortize({
 *   principal: '3000000.00', annualRate: '0.0675', termMonths: 360, balloonMonth: 120,
 * });
 * bridge.numberOfPayments;       // 120
 * bridge.balloonAmount;          // "2559030.47"
 * ```
 */
export function amortize(input: AmortizeInput): AmortizationResult {
  const terms = validateTerms(input, undefined);
  const run = runSchedule(terms, terms.lastMonth);
  const schedule = new Array<AmortizationRow>(run.count);
  const dates = run.dates;
  for (let k = 0; k < run.count; k++) {
    const payment = formatCents(run.payment[k] ?? 0);
    const interest = formatCents(run.interest[k] ?? 0);
    const principal = formatCents(run.principal[k] ?? 0);
    const extraPrincipal = formatCents(run.extra[k] ?? 0);
    const balance = formatCents(run.balance[k] ?? 0);
    const date = dates?.[k + 1];
    schedule[k] =
      date === undefined
        ? { period: k + 1, payment, interest, principal, extraPrincipal, balance }
        : { period: k + 1, date, payment, interest, principal, extraPrincipal, balance };
  }
  const result: AmortizationResult = {
    payment: formatCents(run.levelPayment),
    schedule,
    numberOfPayments: run.count,
    totalInterest: formatCents(run.totalInterest),
    totalPaid: formatCents(run.totalPaid),
    finalPayment: formatCents(run.payment[run.count - 1] ?? 0),
  };
  return run.balloon === undefined ? result : { ...result, balloonAmount: formatCents(run.balloon) };
}

/**
 * The outstanding balance of a loan after `period` payments (`period = 0` gives the principal; any period at
 * or after the final payment gives `"0.00"`), on exactly the schedule {@link amortize} builds — without
 * building the rest of it. Useful for payoff and refinance analysis.
 *
 * @throws {ValidationError} for malformed loan terms (as {@link amortize}) or a `period` that is not an
 *   integer ≥ 0.
 *
 * @example
 * ```ts
 * loanBalanceAt({ principal: '300000.00', annualRate: '0.065', termMonths: 360, period: 3 }); // "299181.98"
 * loanBalanceAt({ principal: '300000.00', annualRate: '0.065', termMonths: 360, period: 0 }); // "300000.00"
 * ```
 */
export function loanBalanceAt(input: AmortizeInput & { readonly period: number }): MoneyString {
  const period = input?.period;
  const terms = validateTerms(input, period);
  if (period === 0) return formatCents(terms.principalCents);
  const run = runSchedule(terms, Math.min(period, terms.lastMonth));
  if (run.count < period) return formatCents(0);
  return formatCents(run.balance[period - 1] ?? 0);
}

// ---------------------------------------------------------------------------------------------------------
// Validation

interface LoanTerms {
  readonly principalCents: number;
  readonly rate: ExactRate;
  readonly termMonths: number;
  readonly interestOnlyMonths: number;
  readonly balloonMonth: number | undefined;
  /** The month the loan matures: `balloonMonth ?? termMonths`. */
  readonly lastMonth: number;
  readonly extraCents: number;
  /** Prepayment cents by period (index = period), or undefined when there are none. */
  readonly prepaymentCents: Float64Array | undefined;
  readonly resets: readonly { readonly period: number; readonly rate: ExactRate }[];
  readonly basis: InterestBasis;
  readonly startDate: DateString | undefined;
}

function isPeriod(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Collects the issues of every failing field and throws one ValidationError naming them all. */
class IssueList {
  readonly issues: ValidationIssue[] = [];

  add(path: string, expected: string, value: unknown): void {
    this.issues.push({ path, expected, message: `${path}: expected ${expected}, got ${describe(value)}` });
  }

  /** Runs a parser that throws ValidationError; records its issues and returns undefined on failure. */
  attempt<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.issues.push(...error.issues);
      return undefined;
    }
  }
}

function parseRate(issues: IssueList, value: unknown, path: string): ExactRate | undefined {
  const rate = issues.attempt(() => parseDecimal(value, path));
  if (rate === undefined) return undefined;
  if (rate.lte(-1)) {
    issues.add(path, 'a rate above -1 (-100 %)', value);
    return undefined;
  }
  // The payment is an exact rational whose size grows with the rate's digits: bound them.
  if (rate.decimalPlaces() > MAX_RATE_DECIMALS) {
    issues.add(path, `a rate with at most ${MAX_RATE_DECIMALS} decimal places`, value);
    return undefined;
  }
  return exactRate(rate);
}

function parseCents(issues: IssueList, value: unknown, path: string, min: 0 | 1): number | undefined {
  const cents = issues.attempt(() => toMinorUnits(value as string, 2, path));
  if (cents === undefined) return undefined;
  if (cents < min) {
    issues.add(path, min === 1 ? 'a positive money amount' : 'a non-negative money amount', value);
    return undefined;
  }
  return cents;
}

function validateTerms(input: AmortizeInput, period: number | undefined): LoanTerms {
  if (typeof input !== 'object' || input === null) {
    throw ValidationError.field('', 'an object with principal, annualRate and termMonths');
  }
  const issues = new IssueList();
  const principalCents = parseCents(issues, input.principal, 'principal', 1);
  const rate = parseRate(issues, input.annualRate, 'annualRate');

  const termMonths = input.termMonths;
  const termOk = isPeriod(termMonths, 1, MAX_TERM_MONTHS);
  if (!termOk) issues.add('termMonths', `an integer from 1 to ${MAX_TERM_MONTHS}`, termMonths);
  const term = termOk ? termMonths : MAX_TERM_MONTHS;

  const io = input.interestOnlyMonths ?? 0;
  if (!isPeriod(io, 0, term - 1)) {
    issues.add('interestOnlyMonths', 'an integer from 0 to termMonths - 1', io);
  }

  const balloon = input.balloonMonth ?? undefined;
  const balloonOk = balloon === undefined || isPeriod(balloon, 1, term);
  if (!balloonOk) issues.add('balloonMonth', 'an integer from 1 to termMonths', balloon);
  const lastMonth = balloonOk && balloon !== undefined ? balloon : term;

  const extraCents =
    input.extraPrincipal === undefined || input.extraPrincipal === null
      ? 0
      : parseCents(issues, input.extraPrincipal, 'extraPrincipal', 0);

  const basis = input.interestBasis ?? '30/360';
  if (!isInterestBasis(basis)) issues.add('interestBasis', "'30/360', 'actual/360' or 'actual/365'", basis);

  const startDate = input.startDate ?? undefined;
  if (startDate !== undefined && !isDateString(startDate)) {
    issues.add('startDate', 'a calendar date YYYY-MM-DD', startDate);
  } else if (startDate === undefined && (basis === 'actual/360' || basis === 'actual/365')) {
    issues.add('startDate', `a calendar date YYYY-MM-DD (required by interestBasis ${basis})`, startDate);
  }

  const prepaymentCents = parsePrepayments(issues, input.prepayments, lastMonth);
  const resets = parseResets(issues, input.rateResets, lastMonth);

  if (period !== undefined && !isPeriod(period, 0, Number.MAX_SAFE_INTEGER)) {
    issues.add('period', 'an integer ≥ 0', period);
  }

  if (issues.issues.length > 0) throw new ValidationError(issues.issues);
  return {
    principalCents: principalCents as number,
    rate: rate as ExactRate,
    termMonths: term,
    interestOnlyMonths: io as number,
    balloonMonth: balloon,
    lastMonth,
    extraCents: extraCents as number,
    prepaymentCents,
    resets,
    basis: basis as InterestBasis,
    startDate,
  };
}

function parsePrepayments(
  issues: IssueList,
  value: readonly Prepayment[] | null | undefined,
  lastMonth: number,
): Float64Array | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    issues.add('prepayments', 'an array of { period, amount }', value);
    return undefined;
  }
  if (value.length === 0) return undefined;
  const byPeriod = new Float64Array(lastMonth + 1);
  value.forEach((item: Prepayment, index) => {
    const path = `prepayments.${index}`;
    if (typeof item !== 'object' || item === null) {
      issues.add(path, 'an object { period, amount }', item);
      return;
    }
    const periodOk = isPeriod(item.period, 1, lastMonth);
    if (!periodOk) issues.add(`${path}.period`, `an integer from 1 to ${lastMonth}`, item.period);
    const cents = parseCents(issues, item.amount, `${path}.amount`, 1);
    if (periodOk && cents !== undefined) {
      byPeriod[item.period] = assertSafeCents((byPeriod[item.period] ?? 0) + cents);
    }
  });
  return byPeriod;
}

function parseResets(
  issues: IssueList,
  value: readonly RateReset[] | null | undefined,
  lastMonth: number,
): { period: number; rate: ExactRate }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add('rateResets', 'an array of { period, annualRate }', value);
    return [];
  }
  const resets: { period: number; rate: ExactRate }[] = [];
  let previous = 0;
  value.forEach((item: RateReset, index) => {
    const path = `rateResets.${index}`;
    if (typeof item !== 'object' || item === null) {
      issues.add(path, 'an object { period, annualRate }', item);
      return;
    }
    if (!isPeriod(item.period, previous + 1, lastMonth)) {
      issues.add(
        `${path}.period`,
        `an integer from ${previous + 1} to ${lastMonth} (resets in increasing period order, within the loan)`,
        item.period,
      );
    } else {
      previous = item.period;
    }
    const rate = parseRate(issues, item.annualRate, `${path}.annualRate`);
    if (rate !== undefined) resets.push({ period: item.period, rate });
  });
  return resets;
}

// ---------------------------------------------------------------------------------------------------------
// The schedule, in integer cents

interface ScheduleRun {
  readonly count: number;
  readonly levelPayment: number;
  readonly payment: Float64Array;
  readonly interest: Float64Array;
  readonly principal: Float64Array;
  readonly extra: Float64Array;
  readonly balance: Float64Array;
  /** Payment dates by period (index 0 is the start date), when a start date was given. */
  readonly dates: readonly DateString[] | undefined;
  readonly totalInterest: number;
  readonly totalPaid: number;
  readonly balloon: number | undefined;
}

/** Builds the schedule up to `stopAfter` (≤ lastMonth) payments, or to the final one if that comes first. */
function runSchedule(terms: LoanTerms, stopAfter: number): ScheduleRun {
  const { interestOnlyMonths: io, termMonths, lastMonth, extraCents, prepaymentCents, resets } = terms;
  const limit = stopAfter;
  const paymentCol = new Float64Array(limit);
  const interestCol = new Float64Array(limit);
  const principalCol = new Float64Array(limit);
  const extraCol = new Float64Array(limit);
  const balanceCol = new Float64Array(limit);

  const calendar: PaymentCalendar | undefined =
    terms.startDate === undefined ? undefined : paymentCalendar(terms.startDate, limit);
  const yearDays = terms.basis === '30/360' ? undefined : basisYearDays(terms.basis);
  // Per-period factors of the actual bases, cached by day count for the rate in force.
  let dayRatios: (CentsRatio | undefined)[] = [];

  let rate = terms.rate;
  let ratio = monthlyRatio(rate);
  let nextReset = 0;
  let level = 0;
  let firstLevel: number | undefined;
  let balance = terms.principalCents;
  let totalInterest = 0;
  let totalPaid = 0;
  let balloon: number | undefined;
  let count = 0;

  for (let p = 1; p <= limit; p++) {
    const reset = resets[nextReset];
    let rateChanged = false;
    if (reset !== undefined && reset.period === p) {
      rate = reset.rate;
      ratio = monthlyRatio(rate);
      dayRatios = [];
      nextReset++;
      rateChanged = true;
    }
    const amortizing = p > io;
    if (amortizing && (p === io + 1 || rateChanged)) {
      level = levelPaymentCents(balance, ratio, termMonths - p + 1);
      if (firstLevel === undefined) firstLevel = level;
    }

    let interest: number;
    if (yearDays === undefined || calendar === undefined) {
      interest = applyRatio(balance, ratio);
    } else {
      const days = calendar.days[p] ?? 0;
      let dayRatio = dayRatios[days];
      if (dayRatio === undefined) {
        dayRatio = actualDaysRatio(rate, days, yearDays);
        dayRatios[days] = dayRatio;
      }
      interest = applyRatio(balance, dayRatio);
    }

    const prepay = prepaymentCents === undefined ? 0 : (prepaymentCents[p] ?? 0);
    const scheduled = amortizing ? level - interest : 0;
    const extra = (amortizing ? extraCents : 0) + prepay;
    const principal = scheduled + extra;
    const k = p - 1;
    interestCol[k] = interest;
    count = p;

    if (p === lastMonth || balance - principal <= 0) {
      // The final payment: interest plus whatever is left, so the balance ends at exactly 0.00.
      const payment = interest + balance;
      const room = balance - scheduled;
      paymentCol[k] = payment;
      principalCol[k] = balance;
      extraCol[k] = room <= 0 ? 0 : Math.min(room, extra);
      balanceCol[k] = 0;
      if (p === terms.balloonMonth) {
        const regular = interest + principal;
        balloon = payment > regular ? payment - regular : 0;
      }
      if (firstLevel === undefined) firstLevel = levelPaymentCents(balance, ratio, termMonths - io);
      totalInterest = assertSafeCents(totalInterest + interest);
      totalPaid = assertSafeCents(totalPaid + payment);
      balance = 0;
      break;
    }

    const payment = interest + principal;
    balance = principal < 0 ? assertSafeCents(balance - principal) : balance - principal;
    paymentCol[k] = payment;
    principalCol[k] = principal;
    extraCol[k] = extra;
    balanceCol[k] = balance;
    totalInterest = assertSafeCents(totalInterest + interest);
    totalPaid = assertSafeCents(totalPaid + payment);
  }

  return {
    count,
    // A partial run (loanBalanceAt) that stops inside the interest-only period never needs the level payment.
    levelPayment: firstLevel ?? 0,
    payment: paymentCol,
    interest: interestCol,
    principal: principalCol,
    extra: extraCol,
    balance: balanceCol,
    dates: calendar?.dates,
    totalInterest,
    totalPaid,
    balloon,
  };
}
