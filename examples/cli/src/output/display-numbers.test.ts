import { describe, expect, it } from 'vitest';
import {
  displayCount,
  displayMoney,
  displayMultiple,
  displayPercent,
  displayWholeMoney,
  MISSING,
} from './display-numbers.js';

describe('displayMoney', () => {
  it('groups thousands from the exact decimal string', () => {
    expect(displayMoney('1234567.89')).toBe('1,234,567.89');
    expect(displayMoney('-1234.5')).toBe('-1,234.50');
    expect(displayMoney('999.99')).toBe('999.99');
    expect(displayMoney('90071992547409.91')).toBe('90,071,992,547,409.91');
  });
  it('never shows a negative zero and pads to the minor digits', () => {
    expect(displayMoney('-0.00')).toBe('0.00');
    expect(displayMoney('12', 2)).toBe('12.00');
    expect(displayMoney('12', 0)).toBe('12');
  });
  it('shows a dash for a missing amount', () => {
    expect(displayMoney(null)).toBe(MISSING);
  });
});

describe('displayWholeMoney', () => {
  it('rounds half-up on the cents, with carries', () => {
    expect(displayWholeMoney('1234.49')).toBe('1,234');
    expect(displayWholeMoney('1234.50')).toBe('1,235');
    expect(displayWholeMoney('999999.5')).toBe('1,000,000');
    expect(displayWholeMoney('-884.20')).toBe('-884');
    expect(displayWholeMoney('-0.40')).toBe('0');
  });
});

describe('ratios', () => {
  it('formats percentages, multiples and counts', () => {
    expect(displayPercent(0.04423)).toBe('4.4%');
    expect(displayPercent(0.04423, 2)).toBe('4.42%');
    expect(displayPercent(null)).toBe(MISSING);
    expect(displayMultiple(1.3456)).toBe('1.35x');
    expect(displayMultiple(null)).toBe(MISSING);
    expect(displayCount(5780)).toBe('5,780');
  });
});
