/**
 * RFC 5545 recurrence rules (the `RRULE` value) as used by recurring charges.
 * @module
 */
import { z } from 'zod';

/** Recurrence frequencies a recurring charge may use (sub-daily ones make no sense for money). */
export const RRULE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;

const WEEKDAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const LIST_CHECKS: Record<string, (item: string) => boolean> = {
  BYMONTH: (item) => inRange(item, 1, 12, false),
  BYMONTHDAY: (item) => inRange(item, 1, 31, true),
  BYYEARDAY: (item) => inRange(item, 1, 366, true),
  BYWEEKNO: (item) => inRange(item, 1, 53, true),
  BYSETPOS: (item) => inRange(item, 1, 366, true),
  BYDAY: (item) => new RegExp(`^(?:[+-]?(?:[1-9]|[1-4]\\d|5[0-3]))?${WEEKDAY}$`).test(item),
};

function inRange(item: string, min: number, max: number, signed: boolean): boolean {
  if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(item)) return false;
  const n = Math.abs(Number(item));
  return n >= min && n <= max;
}

/**
 * Why `value` is not an acceptable RRULE, or undefined when it is. Accepted: `FREQ=` first, then `;`-separated
 * `KEY=VALUE` parts among FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYDAY,
 * BYSETPOS, WKST; each at most once; COUNT and UNTIL not both.
 */
export function rruleProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > 500) return 'is longer than 500 characters';
  if (!value.startsWith('FREQ=')) return 'must start with FREQ=';
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq) : part;
    const val = eq > 0 ? part.slice(eq + 1) : '';
    if (eq <= 0 || val === '') return `has a malformed part ${JSON.stringify(part)} (expected KEY=VALUE)`;
    if (seen.has(key)) return `repeats ${key}`;
    seen.add(key);
    switch (key) {
      case 'FREQ':
        if (!(RRULE_FREQUENCIES as readonly string[]).includes(val)) {
          return `has FREQ=${val}; expected one of ${RRULE_FREQUENCIES.join(', ')}`;
        }
        break;
      case 'INTERVAL':
      case 'COUNT':
        if (!/^[1-9]\d{0,4}$/.test(val)) return `has ${key}=${val}; expected a positive integer`;
        break;
      case 'UNTIL':
        if (!/^\d{8}(?:T\d{6}Z?)?$/.test(val))
          return `has UNTIL=${val}; expected YYYYMMDD or YYYYMMDDTHHMMSSZ`;
        break;
      case 'WKST':
        if (!new RegExp(`^${WEEKDAY}$`).test(val)) return `has WKST=${val}; expected a weekday such as MO`;
        break;
      default: {
        const check = LIST_CHECKS[key];
        if (!check) return `has an unsupported part ${key}`;
        if (!val.split(',').every(check)) return `has an invalid ${key}=${val}`;
      }
    }
  }
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'must not have both COUNT and UNTIL';
  return undefined;
}

/**
 * An RFC 5545 recurrence rule without the `RRULE:` prefix, starting with `FREQ=` and a frequency of
 * DAILY, WEEKLY, MONTHLY or YEARLY (`FREQ=MONTHLY;BYMONTHDAY=1`, `FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15`).
 */
export const RRuleSchema = z.custom<string>((value) => rruleProblem(value) === undefined, {
  params: {
    expected: 'an RFC 5545 RRULE such as FREQ=MONTHLY;BYMONTHDAY=1 (FREQ DAILY, WEEKLY, MONTHLY or YEARLY)',
  },
  error: (issue) => `RRULE ${rruleProblem(issue.input) ?? 'is invalid'}`,
});
