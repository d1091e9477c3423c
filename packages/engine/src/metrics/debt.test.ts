import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { debtServiceCoverageRatio, loanToValue, pitia } from './debt.js';

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

describe('debtServiceCoverageRatio', () => {
  it('is annual NOI / annual debt service by default', () => {
    expect(debtServiceCoverageRatio({ netOperatingIncome: '52244.50', debtService: '36407.16' })).toEqual({
      value: 5224450 / 3640716,
      convention: 'noi_to_debt_service',
    });
    expect(debtServiceCoverageRatio({ netOperatingIncome: '-100.00', debtService: '400.00' }).value).toBe(
      -0.25,
    );
  });

  it('is monthly rent / PITIA for residential lenders', () => {
    const monthlyPitia = pitia({ principalAndInterest: '3033.93', taxes: '500.00', insurance: '200.00' });
    expect(
      debtServiceCoverageRatio({ convention: 'rent_to_pitia', monthlyRent: '6145.83', monthlyPitia }),
    ).toEqual({
      value: 614583 / 373393,
      convention: 'rent_to_pitia',
    });
  });

  it('is null without debt', () => {
    expect(debtServiceCoverageRatio({ netOperatingIncome: '1.00', debtService: '0.00' }).value).toBeNull();
    expect(
      debtServiceCoverageRatio({ convention: 'rent_to_pitia', monthlyRent: '1.00', monthlyPitia: '0.00' })
        .value,
    ).toBeNull();
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(
      () => debtServiceCoverageRatio({ netOperatingIncome: '1.00', debtService: '-1.00' }),
      'debtService',
    );
    expectInvalid(
      () => debtServiceCoverageRatio({ convention: 'rent_to_pitia', monthlyRent: '1.00' } as never),
      'monthlyPitia',
    );
    expectInvalid(
      () =>
        debtServiceCoverageRatio({
          convention: 'rent_to_pitia',
          netOperatingIncome: '1.00',
          debtService: '1.00',
        } as never),
      'monthlyRent',
    );
    expectInvalid(
      () =>
        debtServiceCoverageRatio({ convention: 'dscr', netOperatingIncome: '1', debtService: '1' } as never),
      'convention',
    );
  });

  it('does not change when NOI and debt service are multiplied by k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 2, max: 100_000 }),
        (noi, debt, k) => {
          const m = (cents: number, factor: number) => fromMinorUnits(BigInt(cents) * BigInt(factor));
          expect(
            debtServiceCoverageRatio({ netOperatingIncome: m(noi, k), debtService: m(debt, k) }),
          ).toEqual(debtServiceCoverageRatio({ netOperatingIncome: m(noi, 1), debtService: m(debt, 1) }));
          expect(
            debtServiceCoverageRatio({
              convention: 'rent_to_pitia',
              monthlyRent: m(noi, k),
              monthlyPitia: m(debt, k),
            }),
          ).toEqual(
            debtServiceCoverageRatio({
              convention: 'rent_to_pitia',
              monthlyRent: m(noi, 1),
              monthlyPitia: m(debt, 1),
            }),
          );
        },
      ),
    );
  });
});

describe('pitia', () => {
  it('sums the monthly housing payment', () => {
    expect(pitia({ principalAndInterest: '3033.93' })).toBe('3033.93');
    expect(
      pitia({
        principalAndInterest: '1000.00',
        taxes: '250.50',
        insurance: '99.99',
        associationDues: '45.00',
      }),
    ).toBe('1395.49');
  });

  it('rejects negative parts naming the field', () => {
    expectInvalid(() => pitia({ principalAndInterest: '1.00', insurance: '-1.00' }), 'insurance');
    expectInvalid(() => pitia({} as never), 'principalAndInterest');
  });
});

describe('loanToValue', () => {
  it('is Σ balances / value', () => {
    expect(loanToValue({ loanBalances: ['470376.52'], value: '680000.00' })).toBe(47037652 / 68000000);
    expect(loanToValue({ loanBalances: ['400000.00', '100000.00'], value: '625000.00' })).toBe(0.8);
    expect(loanToValue({ loanBalances: [], value: '625000.00' })).toBe(0);
    expect(loanToValue({ loanBalances: ['1.00'], value: '0.00' })).toBeNull();
  });

  it('rejects invalid input naming the field', () => {
    expectInvalid(() => loanToValue({ loanBalances: ['-1.00'], value: '1.00' }), 'loanBalances.0');
    expectInvalid(() => loanToValue({ loanBalances: [], value: '-1.00' }), 'value');
  });
});

describe('inputs', () => {
  it('are never mutated', () => {
    const params = Object.freeze({
      loanBalances: Object.freeze(['400000.00', '100000.00']),
      value: '625000.00',
    });
    const copy = structuredClone(params);
    loanToValue(params);
    expect(params).toEqual(copy);
  });
});
