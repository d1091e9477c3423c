/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic is on the proleptic Gregorian calendar in
 * UTC, so results never depend on the machine's time zone.
 * @module
 */
import { ValidationError } from '../errors.js';

/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;

/** An instant, ISO-8601 in UTC (`2026-01-31T12:00:00.000Z`). */
export type InstantString = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds since the epoch of a calendar date at 00:00 UTC (years 0–99 included, unlike `Date.UTC`). */
function utcMillis(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`). */
export function isDateString(value: unknown): value is DateString {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a `YYYY-MM-DD` date into its parts; a {@link ValidationError} naming `field` otherwise. */
export function parseDate(value: unknown, field = 'date'): { year: number; month: number; day: number } {
  if (!isDateString(value)) {
    throw ValidationError.field(
      field,
      'a calendar date YYYY-MM-DD',
      `${field}: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return {
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(5, 7)),
    day: Number(value.slice(8, 10)),
  };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (the epoch day number). */
export function toEpochDay(date: DateString, field = 'date'): number {
  const { year, month, day } = parseDate(date, field);
  return utcMillis(year, month, day) / MS_PER_DAY;
}

/** The `YYYY-MM-DD` date of an epoch day number. */
export function fromEpochDay(epochDay: number): DateString {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999)
    throw ValidationError.field('date', 'a date between 0000-01-01 and 9999-12-31');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateString, to: DateString): number {
  return toEpochDay(to, 'to') - toEpochDay(from, 'from');
}

/** Adds `days` calendar days. */
export function addDays(date: DateString, days: number): DateString {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Adds `months` calendar months, clamping to the month's last day (2024-01-31 + 1 month → 2024-02-29). */
export function addMonths(date: DateString, months: number): DateString {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The `YYYY-MM` month a date falls in. */
export function monthOf(date: DateString): string {
  parseDate(date);
  return date.slice(0, 7);
}

/** The date part (`YYYY-MM-DD`, UTC) of an ISO instant. */
export function dateOfInstant(instant: InstantString): DateString {
  return new Date(instant).toISOString().slice(0, 10);
}
