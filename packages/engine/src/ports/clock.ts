/**
 * Time as an injected dependency: the engine never reads the clock itself.
 * @module
 */

/** A source of the current instant. Inject {@link systemClock} in apps and a {@link fixedClock} in tests. */
export interface Clock {
  /** The current instant as an ISO-8601 UTC string (`2026-01-31T12:00:00.000Z`). */
  now(): string;
}

/** The one place Freehold reads the machine's clock. */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
};

/** A clock frozen at `instant` (or advanced by hand with `advance`), for tests and reproducible runs. */
export function fixedClock(
  instant: string,
): Clock & { advance(ms: number): void; set(instant: string): void } {
  let current = new Date(instant).getTime();
  if (Number.isNaN(current)) throw new TypeError(`fixedClock: not an ISO instant: ${instant}`);
  return {
    now: () => new Date(current).toISOString(),
    advance(ms: number) {
      current += ms;
    },
    set(next: string) {
      current = new Date(next).getTime();
    },
  };
}
