import { describe, expect, test } from 'vitest';
import { scanRoots } from './irr-scan.js';

const rates = (values: number[]): number[] => scanRoots(values, 0, values.length - 1).map(Math.expm1);

describe('scanRoots', () => {
  test('finds every real root, ascending', () => {
    // (1+r)³-scaled NPV −(y − 1.1)(y − 1.2)(y − 1.5) has roots 10 %, 20 %, 50 %.
    const [a, b, c] = [1.1, 1.2, 1.5];
    const values = [-1, a + b + c, -(a * b + a * c + b * c), a * b * c];
    const found = rates(values);
    expect(found).toHaveLength(3);
    [0.1, 0.2, 0.5].forEach((want, i) => {
      expect(found[i]).toBeCloseTo(want, 12);
    });
  });

  test('finds a close pair of roots that no grid sign change shows', () => {
    // Roots at 5 % and 5.0001 %.
    const [a, b] = [1.05, 1.050001];
    const found = rates([-1, a + b, -a * b]);
    expect(found).toHaveLength(2);
    expect(found[0]).toBeCloseTo(0.05, 9);
    expect(found[1]).toBeCloseTo(0.050001, 9);
  });

  test('none when the NPV never reaches zero', () => {
    expect(rates([-1, 1, -1])).toEqual([]);
  });
});
