/**
 * Value schemas shared by every entity: money, rates, dates, instants, ids, currencies, JSON payloads,
 * plus the small helpers the entity files use to derive their create and update schemas.
 *
 * Every value schema reports what it expects in words (`params.expected`), which the zod→ValidationError
 * bridge in `../validation.ts` turns into `ValidationIssue.expected`.
 * @module
 */
import { z } from 'zod';
import { isDateString } from '../dates.js';
import { currencyMinorDigits, isDecimalString } from '../money.js';

/** Largest magnitude, in minor units, that storage can hold exactly as an integer (2^53 − 1). */
const MAX_MINOR_UNITS = 9_007_199_254_740_991n;

/** Which money amounts a money schema accepts. */
export type MoneySign = 'any' | 'nonNegative' | 'positive';

/**
 * A money schema: input a decimal string, output the same amount written with exactly the currency's minor
 * digits (`"1500"` → `"1500.00"`, `"-0"` → `"0.00"`), so every adapter stores and returns identical strings.
 */
export type MoneySchemaType = z.ZodType<string, string>;

function expectedMoney(minorDigits: number, sign: MoneySign): string {
  const base =
    minorDigits === 0
      ? 'a decimal string with no decimals'
      : `a decimal string with at most ${minorDigits} decimals`;
  if (sign === 'nonNegative') return `${base}, not negative`;
  if (sign === 'positive') return `${base}, greater than zero`;
  return base;
}

/** Canonical text of a valid decimal string with exactly `minorDigits` decimals; `-0.00` becomes `0.00`. */
function canonicalMoney(value: string, minorDigits: number): string {
  const negative = value.startsWith('-');
  const unsigned = negative ? value.slice(1) : value;
  const [whole = '0', fraction = ''] = unsigned.split('.');
  const padded = fraction.padEnd(minorDigits, '0');
  const text = minorDigits === 0 ? whole : `${whole}.${padded}`;
  const isZero = /^[0.]*$/.test(text);
  return negative && !isZero ? `-${text}` : text;
}

function minorUnitsOf(value: string): bigint {
  const unsigned = value.startsWith('-') ? value.slice(1) : value;
  return BigInt(unsigned.replace('.', ''));
}

const moneyCache = new Map<string, MoneySchemaType>();

/**
 * Money schema for a currency with `minorDigits` decimals (USD: 2, JPY: 0, KWD: 3). More decimals than that
 * is a validation failure, never a rounding. The output is canonical: exactly `minorDigits` decimals.
 * Amounts are limited to ±(2^53 − 1) minor units so every storage adapter can keep them as integers.
 * @param minorDigits decimals allowed (0–4)
 * @param sign `'any'` (default; e.g. a signed transaction amount), `'nonNegative'` or `'positive'`
 */
export function moneySchema(minorDigits = 2, sign: MoneySign = 'any'): MoneySchemaType {
  if (!Number.isInteger(minorDigits) || minorDigits < 0 || minorDigits > 4) {
    throw new RangeError(`moneySchema: minorDigits must be an integer 0–4, got ${minorDigits}`);
  }
  const cacheKey = `${minorDigits}:${sign}`;
  const cached = moneyCache.get(cacheKey);
  if (cached) return cached;
  const expected = expectedMoney(minorDigits, sign);
  const schema = z
    .custom<string>(
      (value) => {
        if (typeof value !== 'string' || !isDecimalString(value)) return false;
        const dot = value.indexOf('.');
        return dot < 0 || value.length - dot - 1 <= minorDigits;
      },
      { params: { expected }, message: `expected ${expected}` },
    )
    .refine(
      (value) => {
        // Only judges well-formed amounts; a malformed one already failed the check above.
        if (typeof value !== 'string' || !isDecimalString(value) || sign === 'any') return true;
        const units = minorUnitsOf(canonicalMoney(value, minorDigits));
        const negative = value.startsWith('-') && units !== 0n;
        return sign === 'nonNegative' ? !negative : !negative && units > 0n;
      },
      { params: { expected }, message: `expected ${expected}` },
    )
    .refine(
      (value) => {
        if (typeof value !== 'string' || !isDecimalString(value)) return true;
        return minorUnitsOf(canonicalMoney(value, minorDigits)) <= MAX_MINOR_UNITS;
      },
      {
        params: { expected: `an amount of at most ${MAX_MINOR_UNITS} minor units in magnitude` },
        message: `is too large: at most ${MAX_MINOR_UNITS} minor units in magnitude`,
      },
    )
    .transform((value) => canonicalMoney(value, minorDigits));
  moneyCache.set(cacheKey, schema);
  return schema;
}

/** The money schemas an entity needs, for one currency. Entity schema factories take this. */
export interface MoneySchemas {
  /** Minor-unit digits these schemas enforce. */
  readonly minorDigits: number;
  /** Any sign (transaction amounts, budgets, escalation steps). */
  readonly signed: MoneySchemaType;
  /** Zero or more (prices, rents, deposits, fees). */
  readonly nonNegative: MoneySchemaType;
  /** Strictly more than zero (loan amounts). */
  readonly positive: MoneySchemaType;
}

/** The money schemas for a currency code (`'USD'`, `'JPY'`…) or a number of minor digits. */
export function moneySchemasFor(currencyOrMinorDigits: string | number = 2): MoneySchemas {
  const minorDigits =
    typeof currencyOrMinorDigits === 'number'
      ? currencyOrMinorDigits
      : currencyMinorDigits(currencyOrMinorDigits);
  return {
    minorDigits,
    signed: moneySchema(minorDigits, 'any'),
    nonNegative: moneySchema(minorDigits, 'nonNegative'),
    positive: moneySchema(minorDigits, 'positive'),
  };
}

/** Money schemas for a two-decimal currency such as USD: the ones behind the exported entity schemas. */
export const DEFAULT_MONEY_SCHEMAS: MoneySchemas = moneySchemasFor(2);

/** A signed money amount: a decimal string with at most 2 decimals, output with exactly 2 (`"-12.5"` → `"-12.50"`). */
export const MoneySchema: MoneySchemaType = DEFAULT_MONEY_SCHEMAS.signed;

/** A money amount that is zero or more: a decimal string with at most 2 decimals. */
export const NonNegativeMoneySchema: MoneySchemaType = DEFAULT_MONEY_SCHEMAS.nonNegative;

/** A money amount greater than zero: a decimal string with at most 2 decimals. */
export const PositiveMoneySchema: MoneySchemaType = DEFAULT_MONEY_SCHEMAS.positive;

/** Bounds of a rate schema. */
export interface RateBounds {
  /** Lower bound. */
  readonly min?: number;
  /** When true the lower bound itself is not allowed. */
  readonly minExclusive?: boolean;
  /** Upper bound. */
  readonly max?: number;
  /** When true the upper bound itself is not allowed. */
  readonly maxExclusive?: boolean;
}

/** A rate schema: input a finite number or a decimal string, output a number. */
export type RateSchemaType = z.ZodType<number, number | string>;

function describeRateBounds(bounds: RateBounds): string {
  const parts: string[] = [];
  if (bounds.min !== undefined)
    parts.push(`${bounds.minExclusive ? 'greater than' : 'at least'} ${bounds.min}`);
  if (bounds.max !== undefined) parts.push(`${bounds.maxExclusive ? 'less than' : 'at most'} ${bounds.max}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

function toRateNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && isDecimalString(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * A decimal fraction (0.065 is 6.5 %) given as a finite number or a decimal string, within `bounds`;
 * the output is always a number, so every adapter stores and returns the same value.
 * @param bounds optional inclusive or exclusive limits
 * @param what how the value is described in errors (default "a decimal fraction (number or decimal string)")
 */
export function rateSchema(
  bounds: RateBounds = {},
  what = 'a decimal fraction (number or decimal string)',
): RateSchemaType {
  const expected = `${what}${describeRateBounds(bounds)}`;
  return z
    .custom<number | string>(
      (value) => {
        const n = toRateNumber(value);
        if (n === undefined) return false;
        if (bounds.min !== undefined && (bounds.minExclusive ? n <= bounds.min : n < bounds.min))
          return false;
        if (bounds.max !== undefined && (bounds.maxExclusive ? n >= bounds.max : n > bounds.max))
          return false;
        return true;
      },
      { params: { expected }, message: `expected ${expected}` },
    )
    .transform((value) => {
      const n = toRateNumber(value) as number;
      return n === 0 ? 0 : n; // −0 is written 0, as JSON and every store write it
    });
}

/** Any finite decimal fraction, number or decimal string (a growth rate may be negative). Output: a number. */
export const RateSchema: RateSchemaType = rateSchema();

/** An annual interest rate as a decimal fraction, greater than −1 (−100 %). Output: a number. */
export const InterestRateSchema: RateSchemaType = rateSchema({ min: -1, minExclusive: true });

/** A fraction from 0 to 1 inclusive (vacancy rate, loan-to-value, a percentage of rent). Output: a number. */
export const FractionSchema: RateSchemaType = rateSchema({ min: 0, max: 1 });

/** A non-negative decimal fraction, possibly above 1 (a cap, a fee rate). Output: a number. */
export const NonNegativeRateSchema: RateSchemaType = rateSchema({ min: 0 });

/** A calendar date `YYYY-MM-DD` that exists (rejects `2025-02-30`). */
export const DateSchema = z.custom<string>((value) => isDateString(value), {
  params: { expected: 'a calendar date YYYY-MM-DD' },
  message: 'expected a calendar date YYYY-MM-DD',
});

const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

function canonicalInstant(value: string): string | undefined {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return undefined;
  const canonical = `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${(match[5] ?? '').padEnd(3, '0')}Z`;
  const time = Date.parse(canonical);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString() === canonical ? canonical : undefined;
}

/**
 * An instant: ISO-8601 in UTC ending in `Z`, with 0–3 fraction digits (`2026-01-31T12:00:00Z`).
 * The output always has milliseconds (`2026-01-31T12:00:00.000Z`), as `Date.prototype.toISOString` writes it.
 */
export const InstantSchema = z
  .custom<string>((value) => typeof value === 'string' && canonicalInstant(value) !== undefined, {
    params: { expected: 'an ISO-8601 UTC instant such as 2026-01-31T12:00:00.000Z' },
    message: 'expected an ISO-8601 UTC instant such as 2026-01-31T12:00:00.000Z',
  })
  .transform((value) => canonicalInstant(value) as string);

/** Text never holds NUL characters (PostgreSQL cannot store them; no real text needs them). */
const hasNoNul = (text: string) => !text.includes('\u0000');
const NO_NUL_MESSAGE = 'must not contain NUL characters';

/** An entity id: a non-empty string of at most 256 characters without surrounding whitespace (UUIDv7 by default). */
export const IdSchema = z.custom<string>(
  (value) =>
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 256 &&
    value.trim() === value &&
    !value.includes('\u0000'),
  {
    params: { expected: 'a non-empty id string (at most 256 characters, no surrounding spaces)' },
    message: 'expected a non-empty id string',
  },
);

/** An ISO-4217 currency code: three upper-case letters (`USD`). */
export const CurrencySchema = z.custom<string>(
  (value) => typeof value === 'string' && /^[A-Z]{3}$/.test(value),
  {
    params: { expected: 'an ISO-4217 currency code of three upper-case letters such as USD' },
    message: 'expected a currency code such as USD',
  },
);

/** An ISO-3166 alpha-2 country code: two upper-case letters (`US`). */
export const CountryCodeSchema = z.custom<string>(
  (value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value),
  {
    params: { expected: 'an ISO-3166 country code of two upper-case letters such as US' },
    message: 'expected a country code such as US',
  },
);

/** A record's version: an integer ≥ 1 (1 on create, +1 on every update). */
export const VersionSchema = z.int().min(1);

/** Any JSON value: what may appear in free-form payloads (alert details, audit before/after, results). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object: string keys, JSON values. */
export type JsonObject = { [key: string]: JsonValue };

function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as Record<string, unknown>).every((item) => isJsonValue(item, depth + 1));
  }
  return false;
}

/**
 * A plain JSON object (strings, finite numbers, booleans, null, arrays, plain objects; at most 64 levels deep),
 * so that it survives every storage adapter and the NDJSON snapshot unchanged.
 */
export const JsonObjectSchema = z.custom<JsonObject>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value, 0),
  {
    params: { expected: 'a plain JSON object (strings, finite numbers, booleans, null, arrays, objects)' },
    message: 'expected a plain JSON object',
  },
);

/** A required short text: trimmed, 1–`max` characters. */
export function textSchema(max = 200) {
  return z.string().trim().min(1).max(max).refine(hasNoNul, NO_NUL_MESSAGE);
}

/** An optional text: trimmed, at most `max` characters; an empty string becomes `null`. Defaults to `null`. */
export function optionalTextSchema(max = 2000) {
  return z
    .string()
    .trim()
    .max(max)
    .refine(hasNoNul, NO_NUL_MESSAGE)
    .transform((text) => (text === '' ? null : text))
    .nullable()
    .default(null);
}

/** Wraps a schema so that it accepts `null` and defaults to `null` when omitted. */
export function nullableDefault<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

/** The fields every stored record carries. */
export const recordFields = {
  /** Stable id (UUIDv7 from the injected id generator unless given). */
  id: IdSchema,
  /** 1 on create, +1 on every update; a stale version is a ConflictError. */
  version: VersionSchema,
  /** Instant of creation (injected clock). */
  createdAt: InstantSchema,
  /** Instant of the last update (injected clock). */
  updatedAt: InstantSchema,
} as const;

/** `archivedAt`: the instant a record was archived, `null` while it is live. */
export const ArchivedAtSchema = InstantSchema.nullable();

/** A zod schema with its `.default()`/`.prefault()` wrapper removed (patches never apply defaults). */
export type Unwrapped<T> =
  T extends z.ZodDefault<infer Inner> ? Inner : T extends z.ZodPrefault<infer Inner> ? Inner : T;

/** The shape of a patch: every field optional, with defaults removed so that an omitted field stays unchanged. */
export type PatchShape<S extends z.ZodRawShape> = {
  -readonly [K in keyof S]: z.ZodOptional<Unwrapped<S[K]>>;
};

/**
 * Turns a create shape into a patch shape: each field becomes optional and loses its default (a default in
 * a patch would overwrite the stored value with the default whenever the field is omitted).
 */
export function patchShape<S extends z.ZodRawShape>(shape: S): PatchShape<S> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const inner = (
      schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault ? schema.unwrap() : schema
    ) as z.ZodType;
    out[key] = inner.optional();
  }
  return out as PatchShape<S>;
}

/** A copy of `shape` without `keys` (used to leave immutable fields out of update schemas). */
export function omitKeys<S extends z.ZodRawShape, K extends keyof S>(
  shape: S,
  keys: readonly K[],
): Omit<S, K> {
  const out: Record<string, unknown> = { ...shape };
  for (const key of keys) delete out[key as string];
  return out as Omit<S, K>;
}

/** Adds a custom issue at `path` with a stated expectation; used by the entities' cross-field checks. */
export function addFieldIssue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  expected: string,
  message: string,
  input?: unknown,
): void {
  ctx.addIssue({ code: 'custom', path, message, params: { expected }, input });
}
