/**
 * Conversions into the derived stores: transaction amounts as exact integer units for the monthly rollup,
 * loan-event rows, calendar-month arithmetic. Records themselves are stored exactly as they
 * cross the port (structured clone keeps every field, `undefined` and nested objects included).
 * @internal
 * @module
 */
import { daysInMonth, type Loan, loanEvents, StorageError, ValidationError } from '@freehold/engine';

/**
 * Decimals of the rollup's integer units: 3, the most minor digits of any ISO-4217 currency (BHD, KWD…). Sums are
 * kept in thousandths whatever the portfolio's currency, so changing a currency never invalidates the rollup;
 * totals are converted to the currency's minor units when read.
 */
export const ROLLUP_SCALE = 3;

/**
 * An exact integer number of rollup units: a `number` while it is a safe integer (almost always: ±9 × 10^12 in
 * currency units), a `bigint` beyond. Numbers keep the stored buckets compact and the dashboard fast.
 */
export type Units = number | bigint;

/** `a + b`, exactly, as a number when the sum is a safe integer and as a bigint otherwise. */
export function addUnits(a: Units, b: Units): Units {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return normalizeUnits(BigInt(a) + BigInt(b));
}

/** `-a`, exactly. */
export function negateUnits(a: Units): Units {
  return typeof a === 'number' ? -a || 0 : normalizeUnits(-a);
}

/** A bigint as a number when it is a safe integer. */
function normalizeUnits(value: bigint): Units {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

/** An amount as rollup units, and how many significant decimals it had (0–3). */
export interface AmountUnits {
  /** The amount in units of 10^-{@link ROLLUP_SCALE}. */
  readonly units: Units;
  /** Significant decimals of the amount (`"1.50"` → 1). */
  readonly decimals: number;
}

const AMOUNT_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Exact rollup units of a stored decimal amount (`"-12.5"` → -12500). An amount that is not a plain decimal
 * string, or has more significant decimals than any currency, is a `ValidationError` naming the transaction.
 */
export function amountUnits(amount: unknown, id: string): AmountUnits {
  const match = typeof amount === 'string' ? AMOUNT_PATTERN.exec(amount) : null;
  const fraction = (match?.[3] ?? '').replace(/0+$/, '');
  if (!match || fraction.length > ROLLUP_SCALE) {
    throw ValidationError.field(
      'amount',
      `a decimal string with at most ${ROLLUP_SCALE} decimals`,
      `transaction ${id}: amount ${JSON.stringify(amount)} is not a money amount with at most ${ROLLUP_SCALE} decimals`,
    );
  }
  const digits = (match[2] ?? '0') + fraction.padEnd(ROLLUP_SCALE, '0');
  const magnitude = digits.length <= 15 ? Number(digits) : normalizeUnits(BigInt(digits));
  return { units: match[1] === '-' ? negateUnits(magnitude) : magnitude, decimals: fraction.length };
}

/** Zero-padded fractions by number of digits: `FRACTIONS[2][5]` is `"05"`. */
const FRACTIONS: readonly (readonly string[])[] = [0, 1, 2, 3].map((digits) =>
  Array.from({ length: 10 ** digits }, (_, n) => String(n).padStart(digits, '0')),
);

/**
 * Formats rollup units as a money string with exactly `digits` decimals (`-12500`, 2 → `"-12.50"`), or returns
 * `null` when the units are not whole minor units of the currency (the stored amounts have more decimals).
 */
export function formatUnits(units: Units, digits: number): string | null {
  if (typeof units === 'number') {
    const divisor = 10 ** (ROLLUP_SCALE - digits);
    if (units % divisor !== 0) return null;
    const minor = units / divisor;
    const sign = minor < 0 ? '-' : '';
    const magnitude = minor < 0 ? -minor : minor;
    if (digits === 0) return `${sign}${magnitude}`;
    const scale = 10 ** digits;
    const fraction = magnitude % scale;
    return `${sign}${(magnitude - fraction) / scale}.${FRACTIONS[digits]?.[fraction] ?? ''}`;
  }
  const divisor = 10n ** BigInt(ROLLUP_SCALE - digits);
  if (units % divisor !== 0n) return null;
  const minor = units / divisor;
  const sign = minor < 0n ? '-' : '';
  const text = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, text.length - digits)}.${text.slice(text.length - digits)}`;
}

/** The error of a total whose amounts have more decimals than the portfolio's currency has minor digits. */
export function finerError(what: string, digits: number): StorageError {
  return new StorageError(`${what}: the stored amounts have more than ${digits} decimals`);
}

/** A stored loan event: the key `[portfolioId, date, kind, loanId]` orders them as `loanEventsBetween` returns. */
export interface LoanEventRow {
  /** The loan's portfolio. */
  portfolioId: string;
  /** Event date, `YYYY-MM-DD`. */
  date: string;
  /** `maturity`, `balloon` or `rate_reset`. */
  kind: string;
  /** The loan. */
  loanId: string;
}

/** The events to store for `loan`, derived with the engine's `loanEvents` (none once it is archived). */
export function loanEventRows(loan: Loan): LoanEventRow[] {
  if (loan.archivedAt != null) return [];
  return loanEvents(loan).map((event) => ({
    portfolioId: loan.portfolioId,
    date: event.date,
    kind: event.kind,
    loanId: loan.id,
  }));
}

/** The key of a stored loan event. */
export function loanEventKey(row: LoanEventRow): [string, string, string, string] {
  return [row.portfolioId, row.date, row.kind, row.loanId];
}

/** The calendar month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** The calendar month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${month.slice(0, 4)}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day of calendar month `YYYY-MM`, as `YYYY-MM-DD`. */
export function lastDayOfMonth(month: string): string {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return `${month}-${String(days).padStart(2, '0')}`;
}
