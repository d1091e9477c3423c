import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { economicOccupancy, physicalOccupancy } from './occupancy.js';

function expectInvalid(run: () => unknown, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  expect((caught as ValidationError).fields).toContain(field);
}

describe('physicalOccupancy', () => {
  it('is occupied / total units', () => {
    expect(physicalOccupancy({ occupiedUnits: 46, totalUnits: 48 })).toBe(46 / 48);
    expect(physicalOccupancy({ occupiedUnits: 4, totalUnits: 4 })).toBe(1);
    expect(physicalOccupancy({ occupiedUnits: 0, totalUnits: 4 })).toBe(0);
    expect(physicalOccupancy({ occupiedUnits: 0, totalUnits: 0 })).toBeNull();
  });

  it('rejects impossible counts naming the field', () => {
    expectInvalid(() => physicalOccupancy({ occupiedUnits: 5, totalUnits: 4 }), 'occupiedUnits');
    expectInvalid(() => physicalOccupancy({ occupiedUnits: 1.5, totalUnits: 4 }), 'occupiedUnits');
    expectInvalid(() => physicalOccupancy({ occupiedUnits: 1, totalUnits: -4 }), 'totalUnits');
    expectInvalid(
      () => physicalOccupancy({ occupiedUnits: 1, totalUnits: Number.POSITIVE_INFINITY }),
      'totalUnits',
    );
  });
});

describe('economicOccupancy', () => {
  it('is rent collected / GPR', () => {
    expect(economicOccupancy({ rentCollected: '69000.00', grossPotentialRent: '73750.00' })).toBe(
      6900000 / 7375000,
    );
    expect(economicOccupancy({ rentCollected: '1.00', grossPotentialRent: '0.00' })).toBeNull();
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () => economicOccupancy({ rentCollected: '1.00', grossPotentialRent: '-1.00' }),
      'grossPotentialRent',
    );
    expectInvalid(
      () => economicOccupancy({ rentCollected: null, grossPotentialRent: '1.00' } as never),
      'rentCollected',
    );
  });

  it('does not change when both amounts are multiplied by k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 2, max: 100_000 }),
        (collected, gpr, k) => {
          const m = (cents: number, factor: number) => fromMinorUnits(BigInt(cents) * BigInt(factor));
          expect(economicOccupancy({ rentCollected: m(collected, k), grossPotentialRent: m(gpr, k) })).toBe(
            economicOccupancy({ rentCollected: m(collected, 1), grossPotentialRent: m(gpr, 1) }),
          );
        },
      ),
    );
  });
});
