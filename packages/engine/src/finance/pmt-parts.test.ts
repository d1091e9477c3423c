import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pmt } from './pmt.js';
import { ipmt, ppmt } from './pmt-parts.js';

const timing = fc.constantFrom('end' as const, 'begin' as const);

const loan = fc.record({
  rate: fc.double({ min: -0.01, max: 0.05, noNaN: true }),
  nper: fc.integer({ min: 1, max: 480 }),
  pv: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fv: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  when: timing,
});

describe('ipmt and ppmt', () => {
  test('the first month of a loan', () => {
    expect(ipmt(0.1 / 12, 1, 24, 2000)).toBeCloseTo(-16.666666666666668, 12);
    expect(ppmt(0.1 / 12, 1, 60, 55_000)).toBeCloseTo(-710.254125786425, 9);
    expect(ppmt(0.1 / 12, 1, 60, 55_000, 0, 'begin')).toBeCloseTo(-1158.9297115237273, 9);
  });

  test('paying in advance, period 1 carries no interest', () => {
    expect(ipmt(0.05 / 12, 1, 360, 300_000, 0, 'begin')).toBe(0);
    expect(ppmt(0.05 / 12, 1, 360, 300_000, 0, 'begin')).toBe(pmt(0.05 / 12, 360, 300_000, 0, 'begin'));
  });

  test('null outside periods 1 … nper', () => {
    for (const per of [0, 0.5, -1, 361, 1e9]) {
      expect(ipmt(0.05 / 12, per, 360, 300_000)).toBeNull();
      expect(ppmt(0.05 / 12, per, 360, 300_000)).toBeNull();
    }
    expect(ipmt(0.05 / 12, 360, 360, 300_000)).not.toBeNull();
  });

  test('property: ipmt + ppmt = pmt in every period', () => {
    fc.assert(
      fc.property(loan, fc.double({ min: 0, max: 1, noNaN: true }), ({ rate, nper, pv, fv, when }, at) => {
        const per = 1 + Math.floor(at * (nper - 1));
        const interest = ipmt(rate, per, nper, pv, fv, when) as number;
        const principal = ppmt(rate, per, nper, pv, fv, when) as number;
        const payment = pmt(rate, nper, pv, fv, when);
        expect(Math.abs(interest + principal - payment)).toBeLessThanOrEqual(1e-9 * (Math.abs(payment) + 1));
      }),
    );
  });

  test('property: the principal parts repay pv net of the balloon, −(pv + fv), with payments in arrears', () => {
    fc.assert(
      fc.property(loan, ({ rate, nper, pv, fv }) => {
        let principal = 0;
        let size = 0;
        for (let per = 1; per <= nper; per++) {
          const part = ppmt(rate, per, nper, pv, fv) as number;
          principal += part;
          size += Math.abs(part) + Math.abs(ipmt(rate, per, nper, pv, fv) as number);
        }
        // Each period's balance is pv·(1+r)^per less the payments: rounding scales with the growth.
        const growth = Math.max(1, (1 + rate) ** nper);
        expect(Math.abs(principal + pv + fv)).toBeLessThanOrEqual(
          1e-9 * (size + (Math.abs(pv) + Math.abs(fv)) * growth) + 1e-9,
        );
      }),
      { numRuns: 50 },
    );
  });
});
