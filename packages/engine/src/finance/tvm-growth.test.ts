import fc from 'fast-check';
import { expect, test } from 'vitest';
import { growthMinusOne } from './tvm-growth.js';

test('property: growthMinusOne(e^x, x) agrees with expm1(x) to a few ulps', () => {
  fc.assert(
    fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
      const want = Math.expm1(x);
      const got = growthMinusOne(Math.exp(x), x);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(want));
    }),
  );
});
