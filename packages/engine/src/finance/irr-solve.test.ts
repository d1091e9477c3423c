import { describe, expect, test } from 'vitest';
import { irr } from './irr.js';
import { isOnlyRoot, PeriodicFlows } from './irr-solve.js';
import { createEvaluation } from './root-halley.js';

describe('PeriodicFlows', () => {
  test('evaluates the NPV and its derivatives in s = ln(1 + r), up to a positive factor', () => {
    const values = [-100, 30, 40, 50];
    const flows = new PeriodicFlows().reset(values, 0, 3);
    const out = createEvaluation();
    for (const s of [-0.5, -0.01, 0, 0.2, 3]) {
      flows.evaluate(s, out);
      const h = values.reduce((sum, v, i) => sum + v * Math.exp(-i * s), 0);
      const h1 = values.reduce((sum, v, i) => sum - i * v * Math.exp(-i * s), 0);
      const h2 = values.reduce((sum, v, i) => sum + i * i * v * Math.exp(-i * s), 0);
      const factor = (out[0] as number) / h;
      expect(factor).toBeGreaterThan(0);
      expect((out[1] as number) / factor).toBeCloseTo(h1, 9);
      expect((out[2] as number) / factor).toBeCloseTo(h2, 9);
    }
  });

  test('stays finite far from zero (no overflow in either direction)', () => {
    const flows = new PeriodicFlows().reset([-1, ...Array.from({ length: 400 }, () => 1)], 0, 400);
    const out = createEvaluation();
    for (const s of [-800, 800]) {
      flows.evaluate(s, out);
      expect(Number.isFinite(out[0] as number) && Number.isFinite(out[1] as number)).toBe(true);
    }
  });
});

describe('isOnlyRoot', () => {
  test('proves the one root of flows with mid-stream outflows unique', () => {
    const capex = [-1000, 120, 120, -300, 120, 120, 120, 1200];
    const rate = irr(capex) as number;
    expect(isOnlyRoot(capex, 0, 7, Math.log1p(rate))).toBe(true);
  });

  test('refuses at each of two roots, and away from any root', () => {
    const twoRoots = [-100, 230, -132];
    expect(isOnlyRoot(twoRoots, 0, 2, Math.log1p(0.1))).toBe(false);
    expect(isOnlyRoot(twoRoots, 0, 2, Math.log1p(0.2))).toBe(false);
    const capex = [-1000, 120, 120, -300, 120, 120, 120, 1200];
    expect(isOnlyRoot(capex, 0, 7, Math.log1p(0.2))).toBe(false);
  });
});
