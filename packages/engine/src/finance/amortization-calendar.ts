/**
 * Payment dates and day counts of a monthly schedule (internal). Equivalent to calling `addMonths(startDate, n)`
 * and `daysBetween` for every period, but parses the start date once: a 360-month schedule needs 361 dates.
 * @internal
 * @module
 */
import { type DateString, daysInMonth, parseDate } from '../domain/dates.js';

/**
 * The dates `startDate + n` months (n = 0..count) and the days of each period between them.
 *
 * @example
 * ```ts
 * const calendar: PaymentCalendar = paymentCalendar('2024-01-31', 3);
 * ```
 */
export interface PaymentCalendar {
  /** `dates[n]` is `startDate + n` months, clamped to the month's last day (Jan 31 + 1 month → Feb 28/29). */
  readonly dates: DateString[];
  /** `days[n]` (n ≥ 1) is the number of days from `dates[n − 1]` to `dates[n]`; `days[0]` is 0. */
  readonly days: Int32Array;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/**
 * Builds the {@link PaymentCalendar} of `count` monthly periods from a valid `startDate`.
 *
 * @example
 * ```ts
 * paymentCalendar('2024-01-31', 3);
 * // { dates: ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'], days: Int32Array [0, 29, 31, 30] }
 * ```
 */
export function paymentCalendar(startDate: DateString, count: number): PaymentCalendar {
  const start = parseDate(startDate, 'startDate');
  const dates = new Array<DateString>(count + 1);
  const days = new Int32Array(count + 1);
  const firstIndex = start.year * 12 + (start.month - 1);
  let previousDay = 0;
  let previousMonthLength = 0;
  for (let n = 0; n <= count; n++) {
    const index = firstIndex + n;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const monthLength = daysInMonth(year, month);
    const day = Math.min(start.day, monthLength);
    const yearText = year >= 1000 ? String(year) : String(year).padStart(4, '0');
    dates[n] = `${yearText}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
    // consecutive dates lie in consecutive months: the rest of the earlier month, then `day` days
    if (n > 0) days[n] = previousMonthLength - previousDay + day;
    previousDay = day;
    previousMonthLength = monthLength;
  }
  return { dates, days };
}
