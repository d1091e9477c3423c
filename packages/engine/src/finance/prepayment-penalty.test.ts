import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  type PrepaymentPenaltyInput,
  prepaymentPenalty,
  type StepDownPenalty,
  type YieldMaintenancePenalty,
} from './prepayment-penalty.js';

function fields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('prepaymentPenalty: documented examples', () => {
  it('prepaymentPenalty @example', () => {
    expect(
      prepaymentPenalty({
        kind: 'step_down',
        balance: '1000000.00',
        schedule: [5, 4, 3, 2, 1],
        monthsElapsed: 30,
      }),
    ).toBe('30000.00');
    expect(
      prepaymentPenalty({
        kind: 'step_down',
        balance: '1000000.00',
        schedule: [5, 4, 3, 2, 1],
        monthsElapsed: 60,
      }),
    ).toBe('0.00');
    expect(
      prepaymentPenalty({
        kind: 'yield_maintenance',
        balance: '1000000.00',
        noteRate: '0.06',
        treasuryRate: '0.04',
        remainingMonths: 60,
      }),
    ).toBe('90498.45');
  });

  it('StepDownPenalty, YieldMaintenancePenalty and PrepaymentPenaltyInput @examples', () => {
    const fiveFourThreeTwoOne: StepDownPenalty = {
      kind: 'step_down',
      balance: '1000000.00',
      schedule: [5, 4, 3, 2, 1],
      monthsElapsed: 30,
    };
    const ym: YieldMaintenancePenalty = {
      kind: 'yield_maintenance',
      balance: '1000000.00',
      noteRate: '0.06',
      treasuryRate: '0.04',
      remainingMonths: 60,
    };
    const input: PrepaymentPenaltyInput = {
      kind: 'step_down',
      balance: '250000.00',
      schedule: [3, 2, 1],
      monthsElapsed: 0,
    };
    expect(prepaymentPenalty(fiveFourThreeTwoOne)).toBe('30000.00');
    expect(prepaymentPenalty(ym)).toBe('90498.45');
    expect(prepaymentPenalty(input)).toBe('7500.00');
  });
});

describe('prepaymentPenalty: step-down', () => {
  const base: StepDownPenalty = {
    kind: 'step_down',
    balance: '123456.78',
    schedule: [5, 4, 3, 2, 1],
    monthsElapsed: 0,
  };

  it('steps down on each loan anniversary', () => {
    const at = (monthsElapsed: number) => prepaymentPenalty({ ...base, monthsElapsed });
    expect(at(0)).toBe('6172.84'); // 6172.839 → half-up
    expect(at(11)).toBe('6172.84');
    expect(at(12)).toBe('4938.27');
    expect(at(59)).toBe('1234.57');
    expect(at(60)).toBe('0.00');
  });

  it('accepts decimal-string percentages and rounds half-up', () => {
    expect(prepaymentPenalty({ ...base, balance: '100.10', schedule: ['2.5'] })).toBe('2.50'); // 2.5025
    expect(prepaymentPenalty({ ...base, balance: '0.10', schedule: ['5'] })).toBe('0.01'); // 0.005 exactly
  });

  it('rejects malformed input naming the field', () => {
    expect(fields(() => prepaymentPenalty({ ...base, balance: '-1.00' }))).toEqual(['balance']);
    expect(fields(() => prepaymentPenalty({ ...base, balance: '1.001' }))).toEqual(['balance']);
    expect(fields(() => prepaymentPenalty({ ...base, monthsElapsed: -1 }))).toEqual(['monthsElapsed']);
    expect(fields(() => prepaymentPenalty({ ...base, monthsElapsed: 1.5 }))).toEqual(['monthsElapsed']);
    expect(fields(() => prepaymentPenalty({ ...base, schedule: [5, -1] }))).toEqual(['schedule.1']);
    expect(fields(() => prepaymentPenalty({ ...base, schedule: ['x'] }))).toEqual(['schedule.0']);
    expect(
      fields(() => prepaymentPenalty({ ...base, kind: 'lockout' } as unknown as StepDownPenalty)),
    ).toEqual(['kind']);
  });
});

describe('prepaymentPenalty: yield maintenance', () => {
  const base: YieldMaintenancePenalty = {
    kind: 'yield_maintenance',
    balance: '2500000.00',
    noteRate: 0.055,
    treasuryRate: 0.0425,
    remainingMonths: 84,
  };

  it('is the PV at the Treasury yield of the monthly rate differential', () => {
    const D = DecimalJs.clone({ precision: 60 });
    const t = new D('0.0425').div(12);
    let pv = new D(0);
    for (let k = 1; k <= 84; k++) pv = pv.plus(new D(2500000).times('0.0125').div(12).div(t.plus(1).pow(k)));
    expect(prepaymentPenalty(base)).toBe(pv.toFixed(2, DecimalJs.ROUND_HALF_UP));
  });

  it('is undiscounted at a zero Treasury yield, and 0.00 when the Treasury yield is at or above the note rate', () => {
    expect(prepaymentPenalty({ ...base, treasuryRate: 0 })).toBe('962500.00'); // 2.5e6 × 0.055 / 12 × 84
    expect(prepaymentPenalty({ ...base, treasuryRate: 0.055 })).toBe('0.00');
    expect(prepaymentPenalty({ ...base, treasuryRate: 0.07 })).toBe('0.00');
    expect(prepaymentPenalty({ ...base, remainingMonths: 0 })).toBe('0.00');
  });

  it('never goes below zero and grows with the remaining term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 150_000 }),
        fc.integer({ min: 0, max: 150_000 }),
        fc.integer({ min: 0, max: 359 }),
        (balanceCents, note, treasury, months) => {
          const input = {
            ...base,
            balance: new DecimalJs(balanceCents).div(100).toFixed(2),
            noteRate: note / 1_000_000,
            treasuryRate: treasury / 1_000_000,
            remainingMonths: months,
          };
          const now = new DecimalJs(prepaymentPenalty(input));
          const later = new DecimalJs(prepaymentPenalty({ ...input, remainingMonths: months + 1 }));
          expect(now.gte(0)).toBe(true);
          expect(later.gte(now)).toBe(true);
        },
      ),
    );
  });

  it('rejects malformed input naming the fields', () => {
    expect(fields(() => prepaymentPenalty({ ...base, noteRate: -1, treasuryRate: Number.NaN }))).toEqual([
      'noteRate',
      'treasuryRate',
    ]);
    expect(fields(() => prepaymentPenalty({ ...base, remainingMonths: -3 }))).toEqual(['remainingMonths']);
    expect(fields(() => prepaymentPenalty(null as unknown as YieldMaintenancePenalty))).toEqual(['']);
  });
});
