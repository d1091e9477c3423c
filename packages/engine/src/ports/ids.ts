/**
 * Identifier generation as an injected dependency.
 * @module
 */
import type { Clock } from './clock.js';

/** Produces new, unique, string ids (UUIDv7 by default: time-ordered, so ids sort roughly by creation). */
export interface IdGenerator {
  /** A new id, never returned before by this generator. */
  next(): string;
}

/** A source of random bytes: fills `bytes` and returns it. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

/** Random bytes from the platform's Web Crypto (`globalThis.crypto`), present in Node ≥ 20, Deno, Bun and browsers. */
export const webCryptoRandomBytes: RandomBytes = (bytes) =>
  (
    globalThis as unknown as { crypto: { getRandomValues(b: Uint8Array): Uint8Array } }
  ).crypto.getRandomValues(bytes);

/**
 * A deterministic random source (xorshift-based) for tests and reproducible demos: the same seed gives the same bytes.
 */
export function seededRandomBytes(seed: number): RandomBytes {
  let state = seed >>> 0 || 0x9e3779b9;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * RFC 9562 UUIDv7 ids: 48-bit Unix milliseconds from `clock`, then random bits; within one millisecond a counter keeps
 * them strictly increasing, so ids from one generator sort in creation order.
 */
export function uuidV7Ids(options: { clock: Clock; random?: RandomBytes }): IdGenerator {
  const random = options.random ?? webCryptoRandomBytes;
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);
  return {
    next() {
      let ms = Date.parse(options.clock.now());
      random(bytes);
      if (ms <= lastMs) {
        ms = lastMs;
        counter = (counter + 1) & 0xfff;
        if (counter === 0) ms = lastMs + 1;
      } else {
        counter = ((bytes[6] ?? 0) << 4) & 0x7ff;
      }
      lastMs = ms;
      bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
      bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
      bytes[2] = (ms >>> 24) & 0xff;
      bytes[3] = (ms >>> 16) & 0xff;
      bytes[4] = (ms >>> 8) & 0xff;
      bytes[5] = ms & 0xff;
      bytes[6] = 0x70 | ((counter >>> 8) & 0x0f);
      bytes[7] = counter & 0xff;
      bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
      let out = '';
      for (let i = 0; i < 16; i++) {
        out += HEX[bytes[i] ?? 0];
        if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
      }
      return out;
    },
  };
}
