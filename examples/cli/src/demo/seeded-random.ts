/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo needs. Same seed, same sequence,
 * on every platform: only 32-bit integer arithmetic. Money is drawn as whole cents, never as floats.
 * @module
 */
import { Decimal } from '@freehold/engine';

/** Draws from one seeded sequence. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element of a non-empty list, with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** An amount between `min` and `max` (decimal strings, whole cents), as an exact Decimal. */
  money(min: string, max: string): Decimal;
  /** A new generator seeded from this one (independent streams for independent parts). */
  fork(): SeededRandom;
}

/** mulberry32: a 32-bit state, period 2^32; good enough for demo data, not for cryptography. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for `seed` (any integer; the same seed always gives the same draws). */
export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const random: SeededRandom = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick: empty list');
      return item;
    },
    weighted(items) {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = next() * total;
      for (const [item, weight] of items) {
        draw -= weight;
        if (draw < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new RangeError('weighted: empty list');
      return last[0];
    },
    money(min, max) {
      const low = new Decimal(min).times(100).toNumber();
      const high = new Decimal(max).times(100).toNumber();
      return new Decimal(random.int(low, high)).dividedBy(100);
    },
    fork() {
      return seededRandom(Math.floor(next() * 4294967296));
    },
  };
  return random;
}
