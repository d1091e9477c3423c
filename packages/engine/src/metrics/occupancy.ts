/**
 * Occupancy: physical (units let) and economic (rent collected).
 * @module
 */
import { ValidationError } from '../errors.js';
import { ratio } from './cents.js';
import { readInteger, readMoney, readNonNegativeMoney, readRecord } from './metric-input.js';

/**
 * Parameters of {@link physicalOccupancy}: unit counts at a date, or unit-months over a period.
 *
 * @example
 * ```ts
 * const params = { occupiedUnits: 46, totalUnits: 48 };
 * physicalOccupancy(params);
 * // => 0.9583333333333334
 * ```
 */
export interface PhysicalOccupancyParams {
  /** Occupied units (or unit-months), a whole number from 0 to `totalUnits`. */
  readonly occupiedUnits: number;
  /** Rentable units (or unit-months), a whole number ≥ 0; leave offline units out. */
  readonly totalUnits: number;
}

/**
 * Physical occupancy = occupied units / total rentable units (or occupied unit-months / rentable
 * unit-months for a period average); `null` when there are no units.
 *
 * @example
 * ```ts
 * physicalOccupancy({ occupiedUnits: 3, totalUnits: 4 });
 * // => 0.75
 * physicalOccupancy({ occupiedUnits: 0, totalUnits: 0 });
 * // => null
 * ```
 */
export function physicalOccupancy(params: PhysicalOccupancyParams): number | null {
  const input = readRecord(params, '');
  const occupied = readInteger(input.occupiedUnits, 'occupiedUnits', 0);
  const total = readInteger(input.totalUnits, 'totalUnits', 0);
  if (occupied > total) {
    throw ValidationError.field(
      'occupiedUnits',
      'at most totalUnits',
      `occupiedUnits: ${occupied} exceeds totalUnits ${total}`,
    );
  }
  return ratio(BigInt(occupied), BigInt(total));
}

/**
 * Parameters of {@link economicOccupancy}. Both amounts cover the same period.
 *
 * @example
 * ```ts
 * const params = { rentCollected: '57000.00', grossPotentialRent: '60000.00' };
 * economicOccupancy(params);
 * // => 0.95
 * ```
 */
export interface EconomicOccupancyParams {
  /** Rent actually collected. */
  readonly rentCollected: string;
  /** Gross potential rent, non-negative. */
  readonly grossPotentialRent: string;
}

/**
 * Economic occupancy = rent collected / gross potential rent: the share of potential rent that was
 * actually received (vacancy, concessions and bad debt all lower it). `null` when GPR is zero.
 *
 * @example
 * ```ts
 * economicOccupancy({ rentCollected: '68800.00', grossPotentialRent: '73500.00' });
 * // => 0.9360544217687075
 * ```
 */
export function economicOccupancy(params: EconomicOccupancyParams): number | null {
  const input = readRecord(params, '');
  const collected = readMoney(input.rentCollected, 'rentCollected');
  const gpr = readNonNegativeMoney(input.grossPotentialRent, 'grossPotentialRent');
  return ratio(collected, gpr);
}
