/**
 * The rent roll over a period of whole months: gross potential rent and unit-months let, from
 * units and leases. Internal: `propertyMetrics` reports its figures.
 * @internal
 * @module
 */
import { ValidationError } from '../errors.js';
import type { GrossPotentialRentBasis } from './conventions.js';
import {
  describe,
  monthBounds,
  readArray,
  readDate,
  readNonEmptyString,
  readNonNegativeMoney,
  readRecord,
} from './metric-input.js';

const UNIT_STATUSES: readonly unknown[] = ['occupied', 'vacant', 'notice', 'offline'];
const LEASE_STATUSES: readonly unknown[] = ['draft', 'active', 'ended', 'terminated'];

/** What the rent roll of a period adds up to. @internal */
export interface RentRollSummary {
  /** Gross potential rent of the period, integer cents. */
  readonly grossPotentialRent: bigint;
  /** Unit-months with a lease (or, without leases, an occupied status). */
  readonly occupiedUnitMonths: number;
  /** Unit-months of rentable (not offline) units. */
  readonly availableUnitMonths: number;
}

interface Lease {
  readonly rent: bigint;
  readonly start: string;
  readonly end: string | null;
}

/**
 * Sums the rent roll over months `from`..`to` (month indices). Each rentable unit-month counts at
 * the rent of the lease covering it — the latest-starting one when several do (a mid-month
 * turnover) — or at market rent when vacant or under the `'market'` basis. Without a `leases`
 * list, a unit's `status` (`occupied`, `notice`) decides occupancy and market rent is used.
 * @internal
 */
export function summariseRentRoll(
  unitsValue: unknown,
  leasesValue: unknown,
  from: number,
  to: number,
  basis: GrossPotentialRentBasis,
  prefix = '',
): RentRollSummary {
  const units = unitsValue === undefined ? [] : readArray(unitsValue, `${prefix}units`);
  const leasesGiven = leasesValue !== undefined;
  const leaseList = leasesGiven ? readArray(leasesValue, `${prefix}leases`) : [];

  const unitIndex = new Map<string, number>();
  const parsedUnits = units.map((value, index) => {
    const unit = readRecord(value, `${prefix}units.${index}`);
    const id = readNonEmptyString(unit.id, `${prefix}units.${index}.id`);
    if (unitIndex.has(id)) {
      throw ValidationError.field(
        `${prefix}units.${index}.id`,
        'a unit id not used by another unit',
        `${prefix}units.${index}.id: duplicate id ${JSON.stringify(id)}`,
      );
    }
    unitIndex.set(id, index);
    const market = readNonNegativeMoney(unit.marketRent, `${prefix}units.${index}.marketRent`);
    const status = unit.status ?? 'vacant';
    if (!UNIT_STATUSES.includes(status)) {
      throw ValidationError.field(
        `${prefix}units.${index}.status`,
        "one of 'occupied', 'vacant', 'notice', 'offline'",
        `${prefix}units.${index}.status: expected one of 'occupied', 'vacant', 'notice', 'offline', got ${describe(status)}`,
      );
    }
    return { market, status, leases: [] as Lease[] };
  });

  leaseList.forEach((value, index) => {
    const lease = readRecord(value, `${prefix}leases.${index}`);
    const unitId = readNonEmptyString(lease.unitId, `${prefix}leases.${index}.unitId`);
    const unitAt = unitIndex.get(unitId);
    if (unitAt === undefined) {
      throw ValidationError.field(
        `${prefix}leases.${index}.unitId`,
        'the id of one of the units',
        `${prefix}leases.${index}.unitId: no unit has id ${JSON.stringify(unitId)}`,
      );
    }
    const rent = readNonNegativeMoney(lease.monthlyRent, `${prefix}leases.${index}.monthlyRent`);
    const start = readDate(lease.startDate, `${prefix}leases.${index}.startDate`);
    const end =
      lease.endDate === undefined || lease.endDate === null
        ? null
        : readDate(lease.endDate, `${prefix}leases.${index}.endDate`);
    if (end !== null && end < start) {
      throw ValidationError.field(
        `${prefix}leases.${index}.endDate`,
        'a date on or after startDate',
        `${prefix}leases.${index}.endDate: ${end} is before startDate ${start}`,
      );
    }
    const status = lease.status ?? 'active';
    if (!LEASE_STATUSES.includes(status)) {
      throw ValidationError.field(
        `${prefix}leases.${index}.status`,
        "one of 'draft', 'active', 'ended', 'terminated'",
        `${prefix}leases.${index}.status: expected one of 'draft', 'active', 'ended', 'terminated', got ${describe(status)}`,
      );
    }
    if (status === 'draft') return;
    parsedUnits[unitAt]?.leases.push({ rent, start, end });
  });

  const bounds: { first: string; last: string }[] = [];
  for (let month = from; month <= to; month++) bounds.push(monthBounds(month));

  let gpr = 0n;
  let occupied = 0;
  let available = 0;
  for (const unit of parsedUnits) {
    if (unit.status === 'offline') continue;
    const occupiedByStatus = !leasesGiven && (unit.status === 'occupied' || unit.status === 'notice');
    for (const { first, last } of bounds) {
      available++;
      let covering: Lease | null = null;
      for (const lease of unit.leases) {
        if (lease.start <= last && (lease.end === null || lease.end >= first)) {
          if (covering === null || lease.start >= covering.start) covering = lease;
        }
      }
      if (covering !== null || occupiedByStatus) occupied++;
      gpr += basis === 'market' || covering === null ? unit.market : covering.rent;
    }
  }
  return { grossPotentialRent: gpr, occupiedUnitMonths: occupied, availableUnitMonths: available };
}
