import { describe, expect, test } from 'vitest';
import { createEvaluation, halleyRoot, type ScaledFunction } from './root-halley.js';

/** f(s) = e^s − c, with its derivatives. */
function exponential(c: number, calls: { count: number }): ScaledFunction {
  return {
    evaluate(s, out) {
      calls.count++;
      const e = Math.exp(s);
      out[0] = e - c;
      out[1] = e;
      out[2] = e;
    },
  };
}

describe('halleyRoot', () => {
  test('converges in a few steps from a bracket or a known sign at −∞', () => {
    const calls = { count: 0 };
    const fn = exponential(3, calls);
    const out = createEvaluation();
    fn.evaluate(0, out);
    const s = halleyRoot(
      fn,
      0,
      out[0] as number,
      out[1] as number,
      out[2] as number,
      -Infinity,
      Infinity,
      -1,
      out,
    );
    expect(s).toBeCloseTo(Math.log(3), 15);
    expect(calls.count).toBeLessThan(8);
  });

  test('reaches a far root by doubling its steps', () => {
    const fn = exponential(Math.exp(-30), { count: 0 });
    const out = createEvaluation();
    fn.evaluate(0, out);
    const s = halleyRoot(
      fn,
      0,
      out[0] as number,
      out[1] as number,
      out[2] as number,
      -Infinity,
      Infinity,
      -1,
      out,
    );
    expect(s).toBeCloseTo(-30, 12);
  });

  test('without a bracket it gives up (NaN) when there is no root', () => {
    const fn: ScaledFunction = {
      evaluate(s, out) {
        out[0] = 1 + s * s;
        out[1] = 2 * s;
        out[2] = 2;
      },
    };
    const out = createEvaluation();
    fn.evaluate(1, out);
    const s = halleyRoot(
      fn,
      1,
      out[0] as number,
      out[1] as number,
      out[2] as number,
      -Infinity,
      Infinity,
      0,
      out,
      50,
    );
    expect(s).toBeNaN();
  });
});
