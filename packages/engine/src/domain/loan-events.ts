/**
 * The dated events of a loan's life — maturity, balloon, rate resets — derived from its terms. Every storage
 * adapter answers `loanEventsBetween` with this function (SQL adapters store its output when a loan is written),
 * so they all agree to the day.
 * @module
 */
import type { LoanEvent } from '../ports/repository.js';
import { addMonths, type DateString } from './dates.js';

/** The loan terms {@link loanEvents} reads; a stored `Loan` has them all. */
export interface LoanEventTerms {
  /** Funding date; payment period `p` falls on `startDate + p` months. */
  readonly startDate: DateString;
  /** Months to maturity. */
  readonly termMonths: number;
  /** Maturity date when it differs from `startDate + termMonths` months, else null or absent. */
  readonly maturityDate?: DateString | null;
  /** Payment period (1-based) in which the whole balance falls due, or null or absent. */
  readonly balloonMonth?: number | null;
  /** Scheduled rate changes: from payment `period` (1-based) on, a new rate. */
  readonly rateResets?: readonly { readonly period: number }[];
  /** Index-linked terms: first reset period, then one every `resetEveryMonths` periods; or null or absent. */
  readonly indexTerms?: { readonly firstResetMonth: number; readonly resetEveryMonths: number } | null;
}

/** One derived event of a loan: what happens (`maturity`, `balloon`, `rate_reset`) and on which date. */
export type LoanTermEvent = Pick<LoanEvent, 'kind' | 'date'>;

/**
 * The maturity, balloon and rate-reset dates of a loan, derived from its terms (never typed in).
 *
 * Payment period `p` (1-based) falls on `startDate + p` months, clamped to the month's last day
 * (see {@link addMonths}); an event "in period `p`" is dated on that payment date.
 * - `maturity`: the loan's `maturityDate` when set, else period `termMonths`.
 * - `balloon`: period `balloonMonth`, when set.
 * - `rate_reset`: each scheduled `rateResets[].period` (the first payment at the new rate), and, with
 *   `indexTerms`, period `firstResetMonth` and then every `resetEveryMonths` periods while within `termMonths`.
 *   A reset named by both the schedule and the index terms is reported once.
 *
 * Pure: no clock, no I/O. The result is sorted by date, then kind (plain string order:
 * `balloon` < `maturity` < `rate_reset`).
 *
 * @example
 * ```ts
 * loanEvents({ startDate: '2024-01-31', termMonths: 60, indexTerms: { firstResetMonth: 36, resetEveryMonths: 12 } });
 * // [{ kind: 'rate_reset', date: '2027-01-31' }, { kind: 'rate_reset', date: '2028-01-31' },
 * //  { kind: 'maturity', date: '2029-01-31' }, { kind: 'rate_reset', date: '2029-01-31' }]
 * ```
 */
export function loanEvents(loan: LoanEventTerms): LoanTermEvent[] {
  const events = new Map<string, LoanTermEvent>();
  const add = (kind: LoanTermEvent['kind'], date: string) => {
    events.set(`${date} ${kind}`, { kind, date });
  };
  const periodDate = (period: number) => addMonths(loan.startDate, period);

  add('maturity', loan.maturityDate ?? periodDate(loan.termMonths));
  if (loan.balloonMonth != null) add('balloon', periodDate(loan.balloonMonth));
  for (const reset of loan.rateResets ?? []) add('rate_reset', periodDate(reset.period));
  const index = loan.indexTerms;
  if (index) {
    // A non-positive step (never valid) would loop forever: then only the first reset is reported.
    const step = index.resetEveryMonths >= 1 ? index.resetEveryMonths : Number.POSITIVE_INFINITY;
    for (let period = index.firstResetMonth; period <= loan.termMonths; period += step) {
      add('rate_reset', periodDate(period));
    }
  }
  return [...events.values()].sort(compareLoanEvents);
}

/** Orders loan events by date, then kind, both as plain strings. */
function compareLoanEvents(a: LoanTermEvent, b: LoanTermEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return 0;
}
