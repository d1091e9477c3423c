import { describe, expect, test } from 'vitest';
import { bracketNear } from './root-bracket.js';

describe('bracketNear', () => {
  test('the sign change nearest to the start, on either side', () => {
    const f = (s: number): number => (s - 0.2) * (s + 3);
    expect(bracketNear(f, 0, f(0), -40, 40)).toMatchObject({
      lo: expect.any(Number),
      hi: expect.any(Number),
    });
    const right = bracketNear(f, 0, f(0), -40, 40);
    expect(right?.lo).toBeLessThanOrEqual(0.2);
    expect(right?.hi).toBeGreaterThanOrEqual(0.2);
    const left = bracketNear(f, -2.5, f(-2.5), -40, 40);
    expect(left?.lo).toBeLessThanOrEqual(-3);
    expect(left?.hi).toBeGreaterThanOrEqual(-3);
  });

  test('brackets have opposite signs at their ends', () => {
    const f = (s: number): number => Math.exp(s) - 5;
    const bracket = bracketNear(f, 0, f(0), -40, 40);
    expect(bracket).not.toBeNull();
    expect(Math.sign(bracket?.fLo ?? 0)).toBe(-Math.sign(bracket?.fHi ?? 0));
  });

  test('null when the function keeps its sign over the whole range', () => {
    const f = (s: number): number => 1 + s * s;
    expect(bracketNear(f, 0, f(0), -40, 40)).toBeNull();
  });
});
