/**
 * Malformed input to any time-value function is a ValidationError that names the argument.
 */
import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors.js';
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
} from './time-value.js';

const DATES = ['2024-01-01', '2024-07-01', '2025-01-01'];
const VALUES = [-100, 10, 110];

/** Runs `call` and returns the ValidationError it throws (failing the test otherwise). */
function validationError(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, but the call returned');
}

type Case = readonly [description: string, call: () => unknown, field: string];

const badWhen = 'middle' as unknown as PaymentTiming;
const notAnArray = 'values' as unknown as number[];

const cases: Case[] = [
  // pmt(rate, nper, pv, fv, when)
  ['pmt: NaN rate', () => pmt(Number.NaN, 12, 1000), 'rate'],
  ['pmt: rate of -100 %', () => pmt(-1, 12, 1000), 'rate'],
  ['pmt: rate below -100 %', () => pmt(-1.5, 12, 1000), 'rate'],
  ['pmt: Infinity nper', () => pmt(0.01, Number.POSITIVE_INFINITY, 1000), 'nper'],
  ['pmt: zero nper', () => pmt(0.01, 0, 1000), 'nper'],
  ['pmt: negative nper', () => pmt(0.01, -12, 1000), 'nper'],
  ['pmt: NaN pv', () => pmt(0.01, 12, Number.NaN), 'pv'],
  ['pmt: -Infinity fv', () => pmt(0.01, 12, 1000, Number.NEGATIVE_INFINITY), 'fv'],
  ['pmt: bad when', () => pmt(0.01, 12, 1000, 0, badWhen), 'when'],
  ['pmt: a string rate', () => pmt('0.01' as unknown as number, 12, 1000), 'rate'],
  // ipmt/ppmt(rate, per, nper, pv, fv, when)
  ['ipmt: NaN per', () => ipmt(0.01, Number.NaN, 12, 1000), 'per'],
  ['ipmt: Infinity rate', () => ipmt(Number.POSITIVE_INFINITY, 1, 12, 1000), 'rate'],
  ['ipmt: zero nper', () => ipmt(0.01, 1, 0, 1000), 'nper'],
  ['ipmt: NaN fv', () => ipmt(0.01, 1, 12, 1000, Number.NaN), 'fv'],
  ['ipmt: bad when', () => ipmt(0.01, 1, 12, 1000, 0, badWhen), 'when'],
  ['ppmt: Infinity per', () => ppmt(0.01, Number.POSITIVE_INFINITY, 12, 1000), 'per'],
  ['ppmt: NaN pv', () => ppmt(0.01, 1, 12, Number.NaN), 'pv'],
  // fv(rate, nper, pmt, pv, when)
  ['fv: NaN pmt', () => fv(0.01, 12, Number.NaN, 0), 'pmt'],
  ['fv: Infinity pv', () => fv(0.01, 12, -10, Number.POSITIVE_INFINITY), 'pv'],
  ['fv: negative nper', () => fv(0.01, -1, -10, 0), 'nper'],
  ['fv: rate below -100 %', () => fv(-2, 12, -10, 0), 'rate'],
  ['fv: bad when', () => fv(0.01, 12, -10, 0, badWhen), 'when'],
  // pv(rate, nper, pmt, fv, when)
  ['pv: NaN rate', () => pv(Number.NaN, 12, -10), 'rate'],
  ['pv: NaN nper', () => pv(0.01, Number.NaN, -10), 'nper'],
  ['pv: Infinity fv', () => pv(0.01, 12, -10, Number.POSITIVE_INFINITY), 'fv'],
  // nper(rate, pmt, pv, fv, when)
  ['nper: NaN pmt', () => nper(0.01, Number.NaN, 1000), 'pmt'],
  ['nper: rate of -100 %', () => nper(-1, -10, 1000), 'rate'],
  ['nper: bad when', () => nper(0.01, -10, 1000, 0, badWhen), 'when'],
  // rate(nper, pmt, pv, fv, when, guess, tol, maxIter)
  ['rate: zero nper', () => rate(0, -10, 100), 'nper'],
  ['rate: NaN pmt', () => rate(12, Number.NaN, 100), 'pmt'],
  ['rate: guess of -100 %', () => rate(12, -10, 100, 0, 'end', -1), 'guess'],
  ['rate: zero tol', () => rate(12, -10, 100, 0, 'end', 0.1, 0), 'tol'],
  ['rate: fractional maxIter', () => rate(12, -10, 100, 0, 'end', 0.1, 1e-12, 2.5), 'maxIter'],
  ['rate: bad when', () => rate(12, -10, 100, 0, badWhen), 'when'],
  // npv(rate, values)
  ['npv: empty values', () => npv(0.1, []), 'values'],
  ['npv: not an array', () => npv(0.1, notAnArray), 'values'],
  ['npv: NaN in values', () => npv(0.1, [-100, 10, Number.NaN]), 'values.2'],
  ['npv: Infinity in values', () => npv(0.1, [Number.POSITIVE_INFINITY]), 'values.0'],
  ['npv: a DataView', () => npv(0.1, new DataView(new ArrayBuffer(8)) as unknown as number[]), 'values'],
  ['npv: rate below -100 %', () => npv(-1.01, VALUES), 'rate'],
  ['npv: NaN rate', () => npv(Number.NaN, VALUES), 'rate'],
  // irr(values), irrRoots(values)
  ['irr: empty values', () => irr([]), 'values'],
  ['irr: NaN in values', () => irr([-100, Number.NaN, 110]), 'values.1'],
  ['irr: -Infinity in values', () => irr([Number.NEGATIVE_INFINITY, 1]), 'values.0'],
  ['irr: not an array', () => irr(notAnArray), 'values'],
  ['irr: a DataView', () => irr(new DataView(new ArrayBuffer(8)) as unknown as number[]), 'values'],
  ['irrRoots: empty values', () => irrRoots([]), 'values'],
  ['irrRoots: Infinity in values', () => irrRoots([-1, Number.POSITIVE_INFINITY]), 'values.1'],
  // mirr(values, financeRate, reinvestRate)
  ['mirr: empty values', () => mirr([], 0.1, 0.1), 'values'],
  ['mirr: NaN in values', () => mirr([-1, Number.NaN], 0.1, 0.1), 'values.1'],
  ['mirr: NaN finance rate', () => mirr(VALUES, Number.NaN, 0.1), 'financeRate'],
  ['mirr: reinvest rate below -100 %', () => mirr(VALUES, 0.1, -3), 'reinvestRate'],
  // xnpv(rate, values, dates)
  ['xnpv: empty values', () => xnpv(0.1, [], []), 'values'],
  ['xnpv: NaN rate', () => xnpv(Number.NaN, VALUES, DATES), 'rate'],
  ['xnpv: mismatched lengths', () => xnpv(0.1, VALUES, DATES.slice(0, 2)), 'dates'],
  ['xnpv: impossible date', () => xnpv(0.1, VALUES, ['2025-01-01', '2025-02-30', '2025-03-01']), 'dates.1'],
  ['xnpv: malformed date', () => xnpv(0.1, VALUES, ['2025-01-01', '2025-2-3', '2025-03-01']), 'dates.1'],
  [
    'xnpv: a date with a time',
    () => xnpv(0.1, VALUES, ['2025-01-01T00:00:00Z', '2025-02-03', '2025-03-01']),
    'dates.0',
  ],
  ['xnpv: dates not an array', () => xnpv(0.1, VALUES, '2025-01-01' as unknown as string[]), 'dates'],
  // xirr(values, dates, guess)
  ['xirr: empty values', () => xirr([], []), 'values'],
  ['xirr: Infinity in values', () => xirr([-1, Number.POSITIVE_INFINITY, 1], DATES), 'values.1'],
  ['xirr: mismatched lengths', () => xirr(VALUES, [...DATES, '2025-06-01']), 'dates'],
  ['xirr: impossible date', () => xirr(VALUES, ['2024-01-01', '2024-07-01', '2023-02-29']), 'dates.2'],
  ['xirr: NaN guess', () => xirr(VALUES, DATES, Number.NaN), 'guess'],
  ['xirr: guess of -100 %', () => xirr(VALUES, DATES, -1), 'guess'],
];

describe('invalid input', () => {
  test.for(cases)('%s', ([, call, field]) => {
    const error = validationError(call);
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([field]);
    expect(error.message).toContain(field);
    expect(error.issues[0]?.expected.length).toBeGreaterThan(0);
  });

  test('typed arrays of numbers are accepted', () => {
    expect(irr(Float64Array.of(-100, 110) as unknown as number[])).toBeCloseTo(0.1, 14);
    expect(npv(0.1, Float64Array.of(-100, 110) as unknown as number[])).toBeCloseTo(0, 12);
  });

  test('well-typed input that merely has no answer is not an error', () => {
    expect(irr([1, 2, 3])).toBeNull();
    expect(npv(-1, VALUES)).toBeNull();
    expect(ipmt(0.01, 0, 12, 1000)).toBeNull();
    expect(mirr([1, 2, 3], 0.1, 0.1)).toBeNull();
    expect(rate(12, 400, 10_000, 5_000)).toBeNull();
    expect(xirr([1, 2, 3], DATES)).toBeNull();
  });
});
