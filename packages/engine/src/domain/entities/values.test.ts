import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { Decimal, fromMinorUnits, isDecimalString, toMinorUnits } from '../money.js';
import { parseWith, safeParseWith } from '../validation.js';
import {
  CountryCodeSchema,
  CurrencySchema,
  DateSchema,
  FractionSchema,
  IdSchema,
  InstantSchema,
  InterestRateSchema,
  JsonObjectSchema,
  MoneySchema,
  moneySchema,
  moneySchemasFor,
  NonNegativeMoneySchema,
  PositiveMoneySchema,
  RateSchema,
} from './values.js';

function failure(schema: Parameters<typeof safeParseWith>[0], input: unknown): ValidationError {
  const result = safeParseWith(schema, input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error;
}

/** A valid two-decimal money string: optional minus, integer part without leading zeros, 0–2 decimals. */
const moneyString = (maxDecimals = 2) =>
  fc
    .tuple(
      fc.boolean(),
      fc.bigInt({ min: 0n, max: 90_071_992_547_408n }),
      fc.integer({ min: 0, max: maxDecimals }),
      fc.nat({ max: 99 }),
    )
    .map(([negative, whole, decimals, fraction]) => {
      const frac = String(fraction).padStart(2, '0').slice(0, decimals);
      return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${frac}` : ''}`;
    });

describe('MoneySchema', () => {
  it('accepts decimal strings with at most 2 decimals and writes them with exactly 2', () => {
    expect(parseWith(MoneySchema, '1500')).toBe('1500.00');
    expect(parseWith(MoneySchema, '-12.5')).toBe('-12.50');
    expect(parseWith(MoneySchema, '0.07')).toBe('0.07');
    expect(parseWith(MoneySchema, '-0')).toBe('0.00');
    expect(parseWith(MoneySchema, '-0.00')).toBe('0.00');
  });

  it('rejects 3 decimals, numbers, exponents and junk with the expectation in words', () => {
    for (const bad of ['1.234', 1500, '1e3', '+1', ' 1', '1.', '.5', '01', '1,000.00', '', null]) {
      const error = failure(MoneySchema, bad);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues[0]?.expected).toBe('a decimal string with at most 2 decimals');
    }
  });

  it('rejects amounts beyond 2^53 − 1 minor units (what storage keeps exactly)', () => {
    expect(parseWith(MoneySchema, '90071992547409.91')).toBe('90071992547409.91');
    const error = failure(MoneySchema, '90071992547409.92');
    expect(error.issues[0]?.message).toMatch(/too large/);
  });

  it('non-negative and positive variants', () => {
    expect(parseWith(NonNegativeMoneySchema, '0')).toBe('0.00');
    expect(parseWith(NonNegativeMoneySchema, '-0.00')).toBe('0.00');
    expect(failure(NonNegativeMoneySchema, '-1').issues[0]?.expected).toBe(
      'a decimal string with at most 2 decimals, not negative',
    );
    expect(failure(PositiveMoneySchema, '0.00').issues[0]?.expected).toMatch(/greater than zero/);
    expect(parseWith(PositiveMoneySchema, '0.01')).toBe('0.01');
  });

  it('follows the currency: JPY has no decimals, KWD three', () => {
    const jpy = moneySchemasFor('JPY');
    expect(parseWith(jpy.signed, '1500')).toBe('1500');
    expect(failure(jpy.signed, '1500.5').issues[0]?.expected).toBe('a decimal string with no decimals');
    const kwd = moneySchemasFor('KWD');
    expect(parseWith(kwd.signed, '1.5')).toBe('1.500');
    expect(parseWith(kwd.signed, '1.234')).toBe('1.234');
    expect(safeParseWith(kwd.signed, '1.2345').ok).toBe(false);
    expect(moneySchema(3)).toBe(kwd.signed);
    expect(() => moneySchema(7)).toThrow(RangeError);
  });

  it('property: every valid money string round-trips (value kept, canonical form stable, minor units exact)', () => {
    fc.assert(
      fc.property(moneyString(), (text) => {
        const out = parseWith(MoneySchema, text);
        expect(out).toMatch(/^-?\d+\.\d{2}$/);
        expect(new Decimal(out).eq(new Decimal(text))).toBe(true);
        expect(parseWith(MoneySchema, out)).toBe(out);
        expect(fromMinorUnits(toMinorUnits(out))).toBe(out);
      }),
    );
  });

  it('property: canonical money strings come back identical', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -9_007_199_254_740_991n, max: 9_007_199_254_740_991n }), (units) => {
        const text = fromMinorUnits(units);
        expect(parseWith(MoneySchema, text)).toBe(text);
      }),
    );
  });

  it('property: any decimal string with more than 2 decimals is rejected, never rounded', () => {
    fc.assert(
      fc.property(moneyString(0), fc.stringMatching(/^\d{3,12}$/), (whole, fraction) => {
        const result = safeParseWith(MoneySchema, `${whole}.${fraction}`);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('property: strings that are not plain decimals are rejected', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !isDecimalString(s)),
        (text) => {
          expect(safeParseWith(MoneySchema, text).ok).toBe(false);
        },
      ),
    );
  });
});

describe('rates', () => {
  it('accept numbers and decimal strings and output numbers', () => {
    expect(parseWith(RateSchema, '0.065')).toBe(0.065);
    expect(parseWith(RateSchema, -0.02)).toBe(-0.02);
    expect(parseWith(InterestRateSchema, '0')).toBe(0);
    expect(parseWith(FractionSchema, 1)).toBe(1);
  });

  it('reject non-finite numbers, exponents, and interest rates at or below −100 %', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1e-3', 'abc', null, '0.5%']) {
      expect(safeParseWith(RateSchema, bad).ok).toBe(false);
    }
    const error = failure(InterestRateSchema, -1);
    expect(error.issues[0]?.expected).toBe('a decimal fraction (number or decimal string) greater than -1');
    expect(safeParseWith(InterestRateSchema, '-1.5').ok).toBe(false);
    expect(safeParseWith(FractionSchema, 1.01).ok).toBe(false);
  });

  it('property: every finite rate above −1 is accepted as given', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1e6, noNaN: true, minExcluded: true }), (rate) => {
        const expected = rate === 0 ? 0 : rate; // −0 comes back as 0
        expect(parseWith(InterestRateSchema, rate)).toBe(expected);
        expect(parseWith(InterestRateSchema, String(rate).includes('e') ? rate : String(rate))).toBe(
          expected,
        );
      }),
    );
  });

  it('property: every rate at or below −1 is rejected', () => {
    fc.assert(
      fc.property(fc.double({ max: -1, noNaN: true, noDefaultInfinity: true }), (rate) => {
        expect(safeParseWith(InterestRateSchema, rate).ok).toBe(false);
      }),
    );
  });
});

describe('DateSchema', () => {
  it('accepts real calendar dates and rejects impossible ones', () => {
    expect(parseWith(DateSchema, '2024-02-29')).toBe('2024-02-29');
    for (const bad of [
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      '2025-1-01',
      '2025-01-01T00:00:00Z',
      20250101,
    ]) {
      expect(failure(DateSchema, bad).issues[0]?.expected).toBe('a calendar date YYYY-MM-DD');
    }
  });

  it('property: every day of the Gregorian calendar is accepted', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString().slice(0, 10);
          expect(parseWith(DateSchema, text)).toBe(text);
        },
      ),
    );
  });
});

describe('InstantSchema', () => {
  it('accepts UTC instants ending in Z and writes milliseconds', () => {
    expect(parseWith(InstantSchema, '2026-01-31T12:00:00Z')).toBe('2026-01-31T12:00:00.000Z');
    expect(parseWith(InstantSchema, '2026-01-31T12:00:00.5Z')).toBe('2026-01-31T12:00:00.500Z');
    expect(parseWith(InstantSchema, '2026-01-31T12:00:00.123Z')).toBe('2026-01-31T12:00:00.123Z');
  });

  it('rejects offsets, impossible times and dates, extra precision', () => {
    for (const bad of [
      '2026-01-31T12:00:00+01:00',
      '2026-01-31T12:00:00',
      '2026-02-30T12:00:00Z',
      '2026-01-31T24:00:00Z',
      '2026-01-31T12:00:00.1234Z',
      '2026-01-31',
      1_700_000_000_000,
    ]) {
      expect(safeParseWith(InstantSchema, bad).ok).toBe(false);
    }
  });

  it('property: Date.prototype.toISOString output round-trips', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString();
          expect(parseWith(InstantSchema, text)).toBe(text);
        },
      ),
    );
  });
});

describe('ids, currencies, countries, JSON', () => {
  it('IdSchema: a non-empty string without surrounding spaces', () => {
    expect(parseWith(IdSchema, '0190f3c2-7b1e-7c3a-9d2e-1f2a3b4c5d6e')).toMatch(/^0190/);
    for (const bad of ['', ' x', 'x ', 'x'.repeat(257), 12])
      expect(safeParseWith(IdSchema, bad).ok).toBe(false);
  });

  it('CurrencySchema and CountryCodeSchema: upper-case ISO codes', () => {
    expect(parseWith(CurrencySchema, 'EUR')).toBe('EUR');
    for (const bad of ['usd', 'US', 'USDX', 1]) expect(safeParseWith(CurrencySchema, bad).ok).toBe(false);
    expect(parseWith(CountryCodeSchema, 'GB')).toBe('GB');
    expect(safeParseWith(CountryCodeSchema, 'gb').ok).toBe(false);
  });

  it('JsonObjectSchema: plain JSON objects only', () => {
    const value = { a: 1, b: [true, null, 'x', { c: -2.5 }] };
    expect(parseWith(JsonObjectSchema, value)).toEqual(value);
    for (const bad of [
      [],
      'x',
      null,
      { a: undefined },
      { a: Number.NaN },
      { d: new Date(0) },
      { m: new Map() },
    ]) {
      expect(safeParseWith(JsonObjectSchema, bad).ok).toBe(false);
    }
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 70; i++) {
      const next: Record<string, unknown> = {};
      node.n = next;
      node = next;
    }
    expect(safeParseWith(JsonObjectSchema, deep).ok).toBe(false);
  });
});
