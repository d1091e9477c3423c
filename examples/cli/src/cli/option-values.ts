/**
 * Reading typed values out of options: calendar dates, seeds, currency codes. A malformed value is a usage
 * error naming the option.
 * @module
 */
import { type DateString, isDateString, systemClock } from '@freehold/engine';
import { UsageError } from './cli-errors.js';
import type { ParsedOptions } from './command-line.js';

/** The `YYYY-MM-DD` value of option `name`, or undefined when absent. */
export function dateOption(options: ParsedOptions, name: string, command: string): DateString | undefined {
  const value = options.string(name);
  if (value === undefined) return undefined;
  if (!isDateString(value)) {
    throw new UsageError(`--${name} must be a calendar date YYYY-MM-DD, not "${value}"`, command);
  }
  return value;
}

/** The integer value (0 to 4,294,967,295) of option `name`, or `fallback` when absent. */
export function seedOption(options: ParsedOptions, name: string, fallback: number, command: string): number {
  const value = options.string(name);
  if (value === undefined) return fallback;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) {
    throw new UsageError(`--${name} must be an integer from 0 to 4294967295, not "${value}"`, command);
  }
  return Number(value);
}

/**
 * Today's calendar date in the machine's time zone, from the engine's system clock. The one place the CLI
 * reads the clock: the default `--as-of` of the commands that look at "now".
 */
export function systemToday(): DateString {
  const now = new Date(systemClock.now());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
