/**
 * Lease histories: for every unit, a chain of leases that reaches back past the start of the history (or to
 * the purchase), built backwards from the unit's state at as-of so the guaranteed conditions hold for every
 * seed — a lease ending within 90 days, vacant units, a month-to-month tenancy. Renewals keep the tenant and
 * point at the lease they renew; turnovers leave a vacancy that is longer in winter.
 * @module
 */
import { type DateString, Decimal, formatMoney } from '@freehold/engine';
import { calendarMonthOf, firstDayOf, lastDayOf, type MonthIndex } from './demo-calendar.js';
import type { CatalogProperty, CatalogUnit, UnitCondition } from './demo-catalog.js';
import type { SeededRandom } from './seeded-random.js';

/** A rent escalation of a planned lease. */
export type PlannedEscalation =
  | { readonly effectiveMonth: MonthIndex; readonly kind: 'percent'; readonly value: number }
  | { readonly effectiveMonth: MonthIndex; readonly kind: 'fixed_amount'; readonly value: Decimal };

/** One lease of a unit's history. */
export interface LeaseSpan {
  /** Demo key of the lease. */
  readonly key: string;
  /** First month. */
  readonly start: MonthIndex;
  /** Last month, or null for month-to-month. */
  readonly end: MonthIndex | null;
  /** True when it renews the previous lease of the unit (same tenant). */
  readonly renewal: boolean;
  /** Rent at the start. */
  readonly rent: Decimal;
  /** Scheduled changes of the rent. */
  readonly escalations: readonly PlannedEscalation[];
  /** Day rent is due. */
  readonly dueDay: number;
  /** Days of grace. */
  readonly graceDays: number;
  /** Late fee. */
  readonly lateFee: Decimal;
  /** Security deposit. */
  readonly deposit: Decimal;
  /** Index of the tenant (the same for a renewal chain) within the unit's history. */
  readonly tenantIndex: number;
}

/** A unit's lease history and its state at as-of. */
export interface UnitHistory {
  /** Leases, oldest first. */
  readonly leases: readonly LeaseSpan[];
  /** The guaranteed condition of the unit at as-of, if any. */
  readonly condition: UnitCondition | undefined;
  /** Number of distinct tenants. */
  readonly tenantCount: number;
}

/** Rounds to the nearest multiple of 5 (rents are quoted in round numbers). */
export function roundToFive(amount: Decimal): Decimal {
  return amount.dividedBy(5).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(5);
}

/** Market rent of `unit` in `month`, from its as-of rent and a yearly growth rate. */
export function marketRentAt(
  unit: CatalogUnit,
  growth: number,
  month: MonthIndex,
  asOfMonth: MonthIndex,
): Decimal {
  // The growth factor is a ratio, not an amount: a float is fine; the rent itself stays exact.
  const factor = (1 + growth) ** ((month - asOfMonth) / 12);
  return new Decimal(unit.marketRent).times(factor);
}

/** Monthly rent of `lease` in `month`, escalations applied (each rounded half-up to the cent). */
export function rentInMonth(lease: LeaseSpan, month: MonthIndex): Decimal {
  let rent = lease.rent;
  for (const escalation of lease.escalations) {
    if (escalation.effectiveMonth > month) break;
    rent =
      escalation.kind === 'percent'
        ? new Decimal(formatMoney(rent.times(1 + escalation.value), 2))
        : rent.plus(escalation.value);
  }
  return rent;
}

/** The last day of the lease, or null for month-to-month. */
export function leaseEndDate(lease: LeaseSpan): DateString | null {
  return lease.end === null ? null : lastDayOf(lease.end);
}

/** The first day of the lease. */
export function leaseStartDate(lease: LeaseSpan): DateString {
  return firstDayOf(lease.start);
}

interface Shape {
  start: MonthIndex;
  end: MonthIndex | null;
  renewal: boolean;
}

function leaseLength(random: SeededRandom, commercial: boolean): number {
  return commercial
    ? random.weighted([
        [36, 1],
        [60, 1],
      ])
    : random.weighted([
        [12, 8],
        [24, 2],
      ]);
}

/** Months a unit stays empty before a new tenant moves in at `moveIn`: longer in winter, longer for shops. */
function vacancyGap(random: SeededRandom, moveIn: MonthIndex, commercial: boolean): number {
  if (commercial) return random.int(1, 4);
  const month = calendarMonthOf(moveIn);
  if (month >= 11 || month <= 2) {
    return random.weighted([
      [0, 3],
      [1, 4.5],
      [2, 2.5],
    ]);
  }
  if (month >= 5 && month <= 8) {
    return random.weighted([
      [0, 6.5],
      [1, 3.5],
    ]);
  }
  return random.weighted([
    [0, 5],
    [1, 4],
    [2, 1],
  ]);
}

/**
 * The shapes (start, end, renewal) of a unit's leases, newest first: from the state at as-of backwards until
 * a lease covers the first month of history, or until the purchase.
 */
function shapesBackwards(
  random: SeededRandom,
  condition: UnitCondition | undefined,
  commercial: boolean,
  asOfMonth: MonthIndex,
  historyStartMonth: MonthIndex,
  purchaseMonth: MonthIndex,
): Shape[] {
  const firstPossible = purchaseMonth + 1;
  const shapes: Shape[] = [];
  let forceRenewal = false;
  let end: MonthIndex;
  let length = condition === 'ending_soon' ? 12 : leaseLength(random, commercial);
  if (condition === 'vacant') {
    end = asOfMonth - random.int(1, 2);
  } else if (condition === 'month_to_month') {
    const start = Math.max(firstPossible, asOfMonth - random.int(4, 10));
    shapes.push({ start, end: null, renewal: false });
    forceRenewal = true;
    end = start - 1;
  } else if (condition === 'ending_soon') {
    end = asOfMonth + 1;
  } else {
    end = asOfMonth + random.int(0, length - 1);
  }
  if (shapes.length === 0) {
    // the newest lease (covering as-of, or the last one before a vacancy)
    shapes.push({ start: Math.max(firstPossible, end - length + 1), end, renewal: false });
  }
  for (;;) {
    const newest = shapes[shapes.length - 1];
    if (!newest || newest.start <= Math.max(historyStartMonth, firstPossible)) break;
    const renewal = forceRenewal || random.chance(commercial ? 0.75 : 0.55);
    forceRenewal = false;
    const previousEnd = renewal
      ? newest.start - 1
      : newest.start - 1 - vacancyGap(random, newest.start, commercial);
    if (previousEnd < firstPossible) break;
    newest.renewal = renewal;
    length = leaseLength(random, commercial);
    shapes.push({
      start: Math.max(firstPossible, previousEnd - length + 1),
      end: previousEnd,
      renewal: false,
    });
  }
  return shapes;
}

/** Builds the lease history of one unit. `nextKey` hands out lease keys. */
export function planUnitHistory(options: {
  readonly random: SeededRandom;
  readonly property: CatalogProperty;
  readonly unit: CatalogUnit;
  readonly asOfMonth: MonthIndex;
  readonly historyStartMonth: MonthIndex;
  readonly purchaseMonth: MonthIndex;
  readonly rentGrowth: number;
  readonly nextKey: () => string;
}): UnitHistory {
  const { random, property, unit, asOfMonth, rentGrowth } = options;
  const commercial = unit.commercial === true;
  const condition = property.conditions?.[unit.label];
  const shapes = shapesBackwards(
    random,
    condition,
    commercial,
    asOfMonth,
    options.historyStartMonth,
    options.purchaseMonth,
  ).reverse();

  const dueDay = commercial
    ? 1
    : random.weighted([
        [1, 9],
        [5, 1],
      ]);
  const leases: LeaseSpan[] = [];
  let tenantIndex = -1;
  let previous: LeaseSpan | undefined;
  for (const shape of shapes) {
    const market = marketRentAt(unit, rentGrowth, shape.start, asOfMonth);
    let rent: Decimal;
    if (previous && shape.renewal) {
      const lastRent = rentInMonth(previous, previous.end ?? shape.start);
      const raised = roundToFive(lastRent.times(1 + random.int(20, 45) / 1000));
      const ceiling = roundToFive(market.times(1.02));
      rent = Decimal.min(raised, Decimal.max(ceiling, lastRent));
    } else {
      tenantIndex++;
      rent = roundToFive(market.times(1 - random.int(0, 40) / 1000));
    }
    const length = shape.end === null ? 0 : shape.end - shape.start + 1;
    const escalations: PlannedEscalation[] = [];
    if (commercial) {
      for (let year = 1; year * 12 < length; year++) {
        escalations.push({ effectiveMonth: shape.start + year * 12, kind: 'percent', value: 0.03 });
      }
    } else if (length >= 24) {
      escalations.push({
        effectiveMonth: shape.start + 12,
        kind: 'fixed_amount',
        value: new Decimal(random.pick([25, 35, 50, 75])),
      });
    }
    const lease: LeaseSpan = {
      key: options.nextKey(),
      start: shape.start,
      end: shape.end,
      renewal: previous !== undefined && shape.renewal,
      rent,
      escalations,
      dueDay,
      graceDays: commercial ? 5 : random.pick([3, 4, 5]),
      lateFee: commercial ? roundToFive(rent.times(0.05)) : new Decimal(random.pick([50, 75, 100])),
      deposit: commercial
        ? rent.times(2)
        : rent.dividedBy(50).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(50),
      tenantIndex: Math.max(0, tenantIndex),
    };
    leases.push(lease);
    previous = lease;
  }
  return { leases, condition, tenantCount: tenantIndex + 1 };
}
