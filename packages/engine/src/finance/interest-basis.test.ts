import { describe, expect, it } from 'vitest';
import { Decimal } from '../domain/money.js';
import {
  actualDaysRatio,
  basisYearDays,
  type ExactRate,
  exactRate,
  INTEREST_BASES,
  isInterestBasis,
  monthlyRatio,
} from './interest-basis.js';

describe('interest bases', () => {
  it('documented @examples of the helpers', () => {
    expect(isInterestBasis('actual/360')).toBe(true);
    expect(isInterestBasis('30E/360')).toBe(false);
    expect(basisYearDays('actual/365')).toBe(365);
    const rate: ExactRate = { num: 791n, den: 10000n };
    expect(exactRate(new Decimal('0.0791'))).toEqual(rate);
    expect(monthlyRatio(exactRate(new Decimal('0.065')))).toMatchObject({ numBig: 13n, denBig: 2400n });
    expect(actualDaysRatio(exactRate(new Decimal('0.065')), 31, 365)).toMatchObject({
      numBig: 403n,
      denBig: 73_000n,
    });
  });

  it('lists the bases, default first, and recognises them', () => {
    expect(INTEREST_BASES).toEqual(['30/360', 'actual/360', 'actual/365']);
    expect(INTEREST_BASES.every(isInterestBasis)).toBe(true);
    expect(isInterestBasis('30E/360')).toBe(false);
    expect(basisYearDays('actual/360')).toBe(360);
    expect(basisYearDays('actual/365')).toBe(365);
  });

  it('turns decimal rates into exact fractions', () => {
    expect(exactRate(new Decimal('0.0791'))).toEqual({ num: 791n, den: 10_000n });
    expect(exactRate(new Decimal(0.065))).toEqual({ num: 65n, den: 1000n });
    expect(exactRate(new Decimal('-0.5'))).toEqual({ num: -5n, den: 10n });
    expect(exactRate(new Decimal('3'))).toEqual({ num: 3n, den: 1n });
    expect(exactRate(new Decimal(1e-7))).toEqual({ num: 1n, den: 10_000_000n });
  });

  it('reduces the monthly and daily factors', () => {
    const rate = exactRate(new Decimal('0.065'));
    expect(monthlyRatio(rate)).toMatchObject({ numBig: 13n, denBig: 2400n });
    expect(actualDaysRatio(rate, 30, 360)).toMatchObject({ numBig: 13n, denBig: 2400n });
    expect(actualDaysRatio(rate, 31, 365)).toMatchObject({ numBig: 403n, denBig: 73_000n });
  });
});
