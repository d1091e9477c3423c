import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { brentRoot } from './root-brent.js';

describe('brentRoot', () => {
  test('finds roots of smooth and of nasty functions to the requested tolerance', () => {
    const cubic = (x: number): number => x ** 3 - 2 * x - 5;
    expect(brentRoot(cubic, 2, 3, cubic(2), cubic(3), 0)).toBeCloseTo(2.0945514815423265, 15);
    const step = (x: number): number => (x < Math.PI ? -1 : 1);
    expect(brentRoot(step, 0, 10, -1, 1, 1e-12)).toBeCloseTo(Math.PI, 11);
  });

  test('returns an end that is already a root, and NaN when out of iterations', () => {
    expect(brentRoot(Math.sin, 0, 1, 0, Math.sin(1), 0)).toBe(0);
    const slow = (x: number): number => x - 1 / 3;
    expect(brentRoot(slow, 0, 1, slow(0), slow(1), 0, 1)).toBeNaN();
  });

  test('only the sign matters: a positively scaled function has the same root', () => {
    const f = (x: number): number => (x - 0.3) * Math.exp(50 * x);
    expect(brentRoot(f, -1, 1, f(-1), f(1), 0)).toBeCloseTo(0.3, 15);
  });

  test('property: the root of a line through any bracket', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (lo, width, at) => {
          const root = lo + width * at;
          const f = (x: number): number => x - root;
          const found = brentRoot(f, lo, lo + width, f(lo), f(lo + width), 0);
          expect(Math.abs(found - root)).toBeLessThanOrEqual(
            4 * Number.EPSILON * Math.max(1, Math.abs(root)),
          );
        },
      ),
    );
  });
});
