/**
 * Every case of the shared finance conformance vectors (a copy of ../shared/conformance/finance-vectors.json)
 * against the time-value functions, called positionally in numpy-financial's order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  fv,
  ipmt,
  irr,
  irrRoots,
  mirr,
  nper,
  npv,
  type PaymentTiming,
  pmt,
  ppmt,
  pv,
  rate,
  xirr,
  xnpv,
} from '../src/finance/time-value.js';

type Expected = number | 'Infinity' | '-Infinity' | null;

interface FinanceVector {
  readonly id: string;
  readonly fn:
    | 'pmt'
    | 'ipmt'
    | 'ppmt'
    | 'fv'
    | 'pv'
    | 'nper'
    | 'rate'
    | 'npv'
    | 'irr'
    | 'mirr'
    | 'xnpv'
    | 'xirr';
  readonly args: Readonly<Record<string, unknown>>;
  /** numpy-financial's float64 result (or the value Excel publishes, for `excel-doc` sources). */
  readonly expected: Expected;
  /** The exact value of the same definition (60-digit arithmetic), where known. */
  readonly expected_hp?: Expected;
  /** Absolute tolerance for values published rounded (Excel documentation). */
  readonly tol_abs?: number;
  readonly note: string;
  readonly source: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/finance-vectors.json', import.meta.url), 'utf8'),
) as FinanceVector[];

function num(args: FinanceVector['args'], name: string): number {
  const value = args[name];
  if (typeof value !== 'number') throw new Error(`fixture argument ${name} is not a number`);
  return value;
}

function list(args: FinanceVector['args'], name: string): number[] {
  const value = args[name];
  if (!Array.isArray(value)) throw new Error(`fixture argument ${name} is not an array`);
  return value as number[];
}

function dateList(args: FinanceVector['args'], name: string): string[] {
  const value = args[name];
  if (!Array.isArray(value)) throw new Error(`fixture argument ${name} is not an array`);
  return value as string[];
}

function timing(args: FinanceVector['args']): PaymentTiming {
  const value = args.when;
  if (value !== 'end' && value !== 'begin') throw new Error(`fixture argument when is ${String(value)}`);
  return value;
}

/** Calls the function a vector names, with its arguments in numpy-financial's positional order. */
function run(vector: FinanceVector): number | null {
  const a = vector.args;
  switch (vector.fn) {
    case 'pmt':
      return pmt(num(a, 'rate'), num(a, 'nper'), num(a, 'pv'), num(a, 'fv'), timing(a));
    case 'ipmt':
      return ipmt(num(a, 'rate'), num(a, 'per'), num(a, 'nper'), num(a, 'pv'), num(a, 'fv'), timing(a));
    case 'ppmt':
      return ppmt(num(a, 'rate'), num(a, 'per'), num(a, 'nper'), num(a, 'pv'), num(a, 'fv'), timing(a));
    case 'fv':
      return fv(num(a, 'rate'), num(a, 'nper'), num(a, 'pmt'), num(a, 'pv'), timing(a));
    case 'pv':
      return pv(num(a, 'rate'), num(a, 'nper'), num(a, 'pmt'), num(a, 'fv'), timing(a));
    case 'nper':
      return nper(num(a, 'rate'), num(a, 'pmt'), num(a, 'pv'), num(a, 'fv'), timing(a));
    case 'rate':
      return rate(num(a, 'nper'), num(a, 'pmt'), num(a, 'pv'), num(a, 'fv'), timing(a));
    case 'npv':
      return npv(num(a, 'rate'), list(a, 'values'));
    case 'irr':
      // numpy-financial's irr takes no guess; Excel's optional guess (one case) does not change the root.
      return irr(list(a, 'values'));
    case 'mirr':
      return mirr(list(a, 'values'), num(a, 'finance_rate'), num(a, 'reinvest_rate'));
    case 'xnpv':
      return xnpv(num(a, 'rate'), list(a, 'values'), dateList(a, 'dates'));
    case 'xirr':
      return xirr(list(a, 'values'), dateList(a, 'dates'), num(a, 'guess'));
  }
}

function decode(value: Expected): number | null {
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}

/** 1e-9 relative, or 1e-9 absolute where the value is near zero. */
function close(got: number, want: number): boolean {
  const error = Math.abs(got - want);
  return error <= 1e-9 * Math.abs(want) || error <= 1e-9;
}

describe('finance conformance vectors', () => {
  test('the fixture holds every function, and the copy is complete', () => {
    expect(vectors.length).toBe(241);
    expect(new Set(vectors.map((vector) => vector.fn))).toEqual(
      new Set(['pmt', 'ipmt', 'ppmt', 'fv', 'pv', 'nper', 'rate', 'npv', 'irr', 'mirr', 'xnpv', 'xirr']),
    );
  });

  test.for(vectors.map((vector) => [`${vector.id} (${vector.source})`, vector] as const))(
    '%s',
    ([, vector]) => {
      const got = run(vector);
      const expected = decode(vector.expected);
      if (expected === null) {
        expect(got, vector.note).toBeNull();
        return;
      }
      expect(got, vector.note).not.toBeNull();
      const value = got as number;
      expect(Number.isNaN(value)).toBe(false);
      if (vector.tol_abs !== undefined) {
        // Published rounded (Excel documentation): within the rounding.
        expect(Math.abs(value - expected), `${value} vs published ${expected}`).toBeLessThanOrEqual(
          vector.tol_abs,
        );
        return;
      }
      if (!Number.isFinite(expected)) {
        expect(value).toBe(expected);
        return;
      }
      // The exact value where known (numpy-financial's rate stops early), else numpy-financial's.
      const exact = decode(vector.expected_hp ?? vector.expected) as number;
      expect(close(value, exact), `${value} vs exact ${exact}`).toBe(true);
      if (vector.fn !== 'rate') {
        // Apart from rate, numpy-financial's own float result agrees too.
        expect(close(value, expected), `${value} vs numpy-financial ${expected}`).toBe(true);
      }
    },
  );

  test('irr is one of irrRoots on every irr vector, and irrRoots is empty exactly when irr is null', () => {
    for (const vector of vectors.filter((candidate) => candidate.fn === 'irr')) {
      const values = list(vector.args, 'values');
      const chosen = irr(values);
      const roots = irrRoots(values);
      if (chosen === null) expect(roots, vector.id).toEqual([]);
      else expect(roots, vector.id).toContain(chosen);
    }
  });
});
