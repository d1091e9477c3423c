/**
 * How Freehold's tests and benchmark launch Chromium: Debian's `/usr/bin/chromium`, never a downloaded browser,
 * headless, and kept off the (closed) network by the background-networking flags.
 */

/** Path of the Chromium binary (override with `FREEHOLD_CHROMIUM`). */
export const CHROMIUM_PATH = process.env.FREEHOLD_CHROMIUM ?? '/usr/bin/chromium';

/** Launch options for Playwright's `chromium.launch` / `launchPersistentContext` and vitest's provider. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
