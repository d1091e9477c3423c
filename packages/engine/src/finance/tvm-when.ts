/**
 * When level payments fall within each period (numpy-financial's `when`, Excel's `type`).
 * @module
 */
import { ValidationError } from '../errors.js';

/**
 * When each level payment is made: `'end'` of the period (an ordinary annuity, Excel type 0, the default)
 * or `'begin'` (an annuity due, Excel type 1).
 */
export type PaymentTiming = 'end' | 'begin';

/** 0 for `'end'`, 1 for `'begin'`: the `when` factor of numpy-financial's equations. */
export function timingFactor(when: unknown): 0 | 1 {
  if (when === 'end') return 0;
  if (when === 'begin') return 1;
  throw ValidationError.field(
    'when',
    "'end' or 'begin'",
    `when: expected 'end' or 'begin', got ${typeof when === 'string' ? JSON.stringify(when) : String(when)}`,
  );
}
