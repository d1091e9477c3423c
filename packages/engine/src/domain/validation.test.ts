import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isFreeholdError, ValidationError } from '../errors.js';
import { LeaseCreateSchema } from './entities/lease.js';
import { MoneySchema } from './entities/values.js';
import { parseWith, safeParseWith, toValidationIssues } from './validation.js';

function caught(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseWith', () => {
  it('returns the typed, parsed value', () => {
    const schema = z.object({ amount: MoneySchema });
    expect(parseWith(schema, { amount: '5' })).toEqual({ amount: '5.00' });
  });

  it('names nested failing fields as dotted paths, with an optional prefix', () => {
    const schema = z.object({ leases: z.array(z.object({ rent: MoneySchema })) });
    const error = caught(() =>
      parseWith(schema, { leases: [{ rent: '1.00' }, { rent: '1.001' }] }, 'rows.17'),
    );
    expect(isFreeholdError(error, 'VALIDATION')).toBe(true);
    expect(error.issues).toEqual([
      {
        path: 'rows.17.leases.1.rent',
        expected: 'a decimal string with at most 2 decimals',
        message: 'rows.17.leases.1.rent: expected a decimal string with at most 2 decimals, got "1.001"',
      },
    ]);
    expect(error.cause).toBeInstanceOf(z.ZodError);
    expect(caught(() => parseWith(schema, { leases: [{ rent: 1 }] }, ['rows', 3])).fields).toEqual([
      'rows.3.leases.0.rent',
    ]);
  });

  it('turns zod issues into readable expectations', () => {
    const schema = z.strictObject({
      status: z.enum(['active', 'sold', 'archived']),
      count: z.int().min(1),
      ratio: z.number().gt(0).lt(1),
      name: z.string().min(1).max(3),
      tags: z.array(z.string()).min(1),
      flag: z.boolean(),
      email: z.email(),
      literal: z.literal('x'),
      either: z.union([z.string(), z.number()]),
    });
    const error = caught(() =>
      parseWith(schema, {
        status: 'gone',
        count: 0,
        ratio: 1,
        name: 'long',
        tags: [],
        flag: 'yes',
        email: 'no',
        literal: 'y',
        either: null,
        extra: 1,
      }),
    );
    const expected = Object.fromEntries(error.issues.map((i) => [i.path, i.expected]));
    expect(expected).toEqual({
      status: 'one of: active, sold, archived',
      count: 'a number at least 1',
      ratio: 'a number less than 1',
      name: 'a string of at most 3 characters',
      tags: 'a non-empty list',
      flag: 'true or false',
      email: 'an email address',
      literal: 'exactly x',
      either: 'a string or a finite number',
      extra: 'no such field',
    });
  });

  it('says "required" for a missing field', () => {
    const error = caught(() => parseWith(z.object({ name: z.string() }), {}));
    expect(error.issues[0]).toEqual({
      path: 'name',
      expected: 'a string',
      message: 'name: required, expected a string',
    });
  });

  it('names the input as a whole with an empty path', () => {
    const error = caught(() => parseWith(MoneySchema, 'x'));
    expect(error.issues[0]?.path).toBe('');
    expect(error.issues[0]?.message).toMatch(/^input: expected/);
  });

  it('reports cross-field checks with their own message', () => {
    const error = caught(() =>
      parseWith(LeaseCreateSchema, {
        portfolioId: 'p',
        propertyId: 'x',
        unitId: 'u',
        tenantIds: ['t'],
        startDate: '2025-01-01',
        endDate: '2024-12-31',
        rent: '1',
      }),
    );
    expect(error.issues).toEqual([
      {
        path: 'endDate',
        expected: 'a date on or after startDate, or null (month-to-month)',
        message: 'endDate: must be on or after startDate (2025-01-01)',
      },
    ]);
  });

  it('truncates long inputs in messages', () => {
    const error = caught(() => parseWith(z.object({ n: z.number() }), { n: 'x'.repeat(100) }));
    expect(error.issues[0]?.message.length).toBeLessThan(80);
  });
});

describe('safeParseWith', () => {
  it('returns ok with the value or the error', () => {
    expect(safeParseWith(MoneySchema, '1')).toEqual({ ok: true, value: '1.00' });
    const result = safeParseWith(MoneySchema, '1.001', 'amount');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields).toEqual(['amount']);
  });
});

describe('toValidationIssues', () => {
  it('flattens record-key issues', () => {
    const result = z.record(z.string().regex(/^[a-z]+$/), z.number()).safeParse({ A: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      const issues = toValidationIssues(result.error.issues, 'weights');
      expect(issues[0]?.path).toBe('weights.A');
    }
  });
});
