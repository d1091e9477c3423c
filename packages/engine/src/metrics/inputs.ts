/**
 * The structural input types of the metrics: the slice of each entity (transaction, unit, lease,
 * loan) the calculations read. Entities from `domain/entities` fit them as they are; other fields
 * are ignored. Money is a decimal string with at most 2 decimals; dates are `YYYY-MM-DD`.
 * @module
 */
import type { CategoryKind } from './conventions.js';

/**
 * A calendar month, `YYYY-MM`.
 *
 * @example
 * ```ts
 * const month = '2025-03';
 * monthlyCashFlowRollup({ transactions: [], from: month, to: month }).months[0].month;
 * // => '2025-03'
 * ```
 */
export type MetricMonth = string;

/**
 * A transaction as the metrics read it. `amount` is signed: **positive = money in, negative =
 * money out** (an operating expense is negative, a rent receipt positive). `kind` is the kind of
 * its `category`.
 *
 * @example
 * ```ts
 * const rent = { date: '2025-01-03', amount: '1450.00', category: 'rent', kind: 'income' };
 * const repair = { date: '2025-01-20', amount: '-180.00', category: 'repairs', kind: 'operating_expense' };
 * monthlyCashFlowRollup({ transactions: [rent, repair] }).totals.netOperatingIncome;
 * // => '1270.00'
 * ```
 */
export interface MetricTransaction {
  /** Calendar date `YYYY-MM-DD`. */
  readonly date: string;
  /** Signed money string: positive = money in, negative = money out. */
  readonly amount: string;
  /** Category name (unique within its kind). */
  readonly category: string;
  /** The category's kind. */
  readonly kind: CategoryKind;
}

/**
 * A unit as the rent roll reads it. `offline` units (down for renovation) are left out of gross
 * potential rent and occupancy; `status` also gives physical occupancy when no leases are supplied
 * (`occupied` and `notice` count as occupied).
 *
 * @example
 * ```ts
 * const unit = { id: 'A', marketRent: '1500.00', status: 'vacant' };
 * propertyMetrics({ period: { from: '2025-01', to: '2025-01' }, transactions: [], units: [unit] }).grossPotentialRent;
 * // => '1500.00'
 * ```
 */
export interface MetricUnit {
  /** The unit's id, referenced by {@link MetricLease.unitId}. */
  readonly id: string;
  /** Monthly market rent, non-negative. */
  readonly marketRent: string;
  /** Current status; omitted reads as `vacant`. */
  readonly status?: 'occupied' | 'vacant' | 'notice' | 'offline';
}

/**
 * A lease as the rent roll reads it. A lease covers a month when it starts on or before the
 * month's last day and ends (if it has an end) on or after its first day; covered months count at
 * the full monthly rent (no proration). `draft` leases are ignored; `ended` and `terminated` ones
 * still cover the months between their dates. Escalations are not applied: pass the rent in force.
 *
 * @example
 * ```ts
 * const unit = { id: 'A', marketRent: '1500.00' };
 * const lease = { unitId: 'A', monthlyRent: '1450.00', startDate: '2024-06-01', endDate: null };
 * propertyMetrics({
 *   period: { from: '2025-01', to: '2025-12' },
 *   transactions: [],
 *   units: [unit],
 *   leases: [lease],
 * }).grossPotentialRent;
 * // => '17400.00'
 * ```
 */
export interface MetricLease {
  /** The leased unit's {@link MetricUnit.id}. */
  readonly unitId: string;
  /** Monthly contract rent, non-negative. */
  readonly monthlyRent: string;
  /** First day of the lease, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day of the lease, or `null`/omitted for month-to-month with no end. */
  readonly endDate?: string | null;
  /** Lease status; `draft` leases are ignored. */
  readonly status?: 'draft' | 'active' | 'ended' | 'terminated';
}

/**
 * A loan as the metrics read it: its balance at the end of the period and, for the `loan_terms`
 * debt-service source and the `rent_to_pitia` DSCR, its monthly payment and escrow.
 *
 * @example
 * ```ts
 * const loan = { balance: '474792.84', monthlyPayment: '3033.93', monthlyEscrow: '700.00' };
 * propertyMetrics({
 *   period: { from: '2025-01', to: '2025-12' },
 *   transactions: [],
 *   loans: [loan],
 *   currentValue: '680000.00',
 * }).equity;
 * // => '205207.16'
 * ```
 */
export interface MetricLoan {
  /** Outstanding principal, non-negative. */
  readonly balance: string;
  /** Monthly principal and interest payment. */
  readonly monthlyPayment?: string;
  /** Monthly escrow for taxes and insurance (and association dues), the "TIA" of PITIA. */
  readonly monthlyEscrow?: string;
}
