/**
 * fast-check arbitraries for Freehold's values: money, dates, instants, rates, ids, texts, JSON payloads.
 * Every value is canonical — exactly what the entity schemas output — so generated records survive a parse,
 * a storage round trip or a snapshot unchanged.
 * @module
 */
import fc from 'fast-check';
import { type DateString, fromEpochDay, type InstantString, toEpochDay } from '../domain/dates.js';
import type { JsonObject, JsonValue } from '../domain/entities/index.js';
import type { MoneyString } from '../domain/money.js';
import { matching } from './string-patterns.js';

/** Bounds and currency of {@link arbMoney}. */
export interface MoneyArbOptions {
  /** Smallest amount, a decimal string or number in major units (default `-1000000`). */
  readonly min?: MoneyString | number;
  /** Largest amount (default `1000000`). */
  readonly max?: MoneyString | number;
  /** Decimals of the currency: 2 for USD (default), 0 for JPY, 3 for KWD. */
  readonly minorDigits?: number;
}

/** Integer minor units of a decimal amount; more decimals than `minorDigits` is a RangeError. */
export function toMinor(amount: MoneyString | number, minorDigits: number): bigint {
  const text = typeof amount === 'number' ? String(amount) : amount;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  const fraction = (match?.[3] ?? '').replace(/0+$/, '');
  if (!match || fraction.length > minorDigits) {
    throw new RangeError(`not an amount with at most ${minorDigits} decimals: ${text}`);
  }
  const units = BigInt((match[2] ?? '0') + fraction.padEnd(minorDigits, '0'));
  return match[1] === '-' ? -units : units;
}

/** The canonical money string of integer minor units (`-1250n`, 2 → `"-12.50"`; never `"-0.00"`). */
export function fromMinor(units: bigint, minorDigits: number): MoneyString {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(minorDigits + 1, '0');
  const whole = digits.slice(0, digits.length - minorDigits);
  const text = minorDigits === 0 ? whole : `${whole}.${digits.slice(digits.length - minorDigits)}`;
  return negative ? `-${text}` : text;
}

/**
 * Money amounts within `[min, max]` as canonical decimal strings with exactly `minorDigits` decimals
 * (`"-12.50"`, `"0.00"`; `"1500"` for JPY), drawn as integer minor units so every cent is reachable.
 */
export function arbMoney(options: MoneyArbOptions = {}): fc.Arbitrary<MoneyString> {
  const digits = options.minorDigits ?? 2;
  const min = toMinor(options.min ?? '-1000000', digits);
  const max = toMinor(options.max ?? '1000000', digits);
  return fc.bigInt({ min, max }).map((units) => fromMinor(units, digits));
}

/** Bounds of {@link arbDate}. */
export interface DateArbOptions {
  /** First date (default `1990-01-01`). */
  readonly from?: DateString;
  /** Last date (default `2060-12-31`). */
  readonly to?: DateString;
}

/** Calendar dates `YYYY-MM-DD` within `[from, to]` (every day reachable, leap days included). */
export function arbDate(options: DateArbOptions = {}): fc.Arbitrary<DateString> {
  const min = toEpochDay(options.from ?? '1990-01-01', 'from');
  const max = toEpochDay(options.to ?? '2060-12-31', 'to');
  return fc.integer({ min, max }).map(fromEpochDay);
}

/** Bounds of {@link arbInstant}. */
export interface InstantArbOptions {
  /** Earliest instant (default `2000-01-01T00:00:00.000Z`). */
  readonly from?: InstantString;
  /** Latest instant (default `2040-12-31T23:59:59.999Z`). */
  readonly to?: InstantString;
}

/** ISO-8601 UTC instants with milliseconds (`2026-01-31T12:00:00.000Z`), as the entity schemas output them. */
export function arbInstant(options: InstantArbOptions = {}): fc.Arbitrary<InstantString> {
  const min = Date.parse(options.from ?? '2000-01-01T00:00:00.000Z');
  const max = Date.parse(options.to ?? '2040-12-31T23:59:59.999Z');
  return fc.integer({ min, max }).map((ms) => new Date(ms).toISOString());
}

/** Bounds and precision of {@link arbRate}. */
export interface RateArbOptions {
  /** Smallest rate (default 0). */
  readonly min?: number;
  /** Largest rate (default 0.15, i.e. 15 %). */
  readonly max?: number;
  /** Decimals of the fraction (default 4: 0.0650). */
  readonly decimals?: number;
}

/**
 * Rates as decimal fractions (0.065 is 6.5 %), numbers with at most `decimals` decimals within `[min, max]`
 * (each the nearest double to a short decimal, so it prints and parses back unchanged).
 */
export function arbRate(options: RateArbOptions = {}): fc.Arbitrary<number> {
  const scale = 10 ** (options.decimals ?? 4);
  const min = Math.ceil((options.min ?? 0) * scale);
  const max = Math.floor((options.max ?? 0.15) * scale);
  return fc.integer({ min, max }).map((n) => (n === 0 ? 0 : n / scale));
}

/** Entity ids: lower-case UUIDv7 strings, as the default id generator makes them. */
export function arbId(): fc.Arbitrary<string> {
  return fc.uuid({ version: 7 });
}

/**
 * Short human texts of printable Unicode (accents, CJK, emoji; no control characters): trimmed, non-empty,
 * at most `max` UTF-16 code units — what a required text field stores.
 */
export function arbText(max = 60): fc.Arbitrary<string> {
  let arbitrary = texts.get(max);
  if (!arbitrary) {
    const graphemes = Math.max(1, Math.min(16, Math.floor(max / 3)));
    arbitrary = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: graphemes })
      .map((text) => text.trim())
      .filter((text) => text.length > 0 && text.length <= max);
    texts.set(max, arbitrary);
  }
  return arbitrary;
}

/** {@link arbText} arbitraries by maximum length, built once (arbitraries built inside `chain` are costly). */
const texts = new Map<number, fc.Arbitrary<string>>();

/** An optional text field as stored: `null` or a trimmed, non-empty text of at most `max` code units. */
export function arbOptionalText(max = 200): fc.Arbitrary<string | null> {
  return fc.option(arbText(max), { nil: null });
}

/** Email addresses the entity schemas accept (`ab3.x@example9.org`): lower-case ASCII. */
export function arbEmail(): fc.Arbitrary<string> {
  const word = matching(/^[a-z][a-z0-9]{0,9}$/);
  return fc
    .tuple(word, fc.option(word, { nil: null }), word, fc.constantFrom('com', 'org', 'net', 'io', 'example'))
    .map(([local, extra, domain, tld]) => `${local}${extra ? `.${extra}` : ''}@${domain}.${tld}`);
}

const JSON_KEY = matching(/^[a-z][a-zA-Z0-9_]{0,11}$/);
const JSON_SCALAR: fc.Arbitrary<JsonValue> = fc.oneof(
  arbText(40),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  // Short decimals, never -0: they serialise and parse back to the same number on every adapter.
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => (n === 0 ? 0 : n / 100)),
  fc.boolean(),
  fc.constant(null),
);

/**
 * Plain JSON objects (free-form payloads: alert details, audit before/after, results) up to three levels deep,
 * with identifier-like keys and values that survive JSON, JSONB and IndexedDB unchanged.
 */
export function arbJsonObject(): fc.Arbitrary<JsonObject> {
  const leafObject = fc.dictionary(JSON_KEY, JSON_SCALAR, { maxKeys: 4, noNullPrototype: true });
  const value: fc.Arbitrary<JsonValue> = fc.oneof(
    { arbitrary: JSON_SCALAR, weight: 4 },
    { arbitrary: fc.array(JSON_SCALAR, { maxLength: 4 }), weight: 1 },
    { arbitrary: leafObject, weight: 1 },
  );
  return fc.dictionary(JSON_KEY, value, { maxKeys: 5, noNullPrototype: true });
}

/** Dates from `minDays` to `maxDays` calendar days after `date` (default 0 to 3650). */
export function arbDateAfter(date: DateString, maxDays = 3650, minDays = 0): fc.Arbitrary<DateString> {
  return fc.integer({ min: minDays, max: maxDays }).map((days) => fromEpochDay(toEpochDay(date) + days));
}
