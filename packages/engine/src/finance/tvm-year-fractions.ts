/**
 * Actual/365 year fractions of dated cash flows, as Excel's XNPV and XIRR count them.
 * @module
 */
import { requireDates } from './tvm-validate.js';

/**
 * `(dᵢ − d₀) / 365` for each date, where `d₀` is the first date in the array (not the earliest) and days
 * are whole calendar days (time-zone independent). Validates `dates` (one `YYYY-MM-DD` per value).
 */
export function yearFractions(dates: readonly string[], count: number): Float64Array {
  const days = requireDates(dates, count, 'dates');
  const start = days[0] as number;
  for (let i = 0; i < count; i++) days[i] = ((days[i] as number) - start) / 365;
  return days;
}
