/**
 * Node-side commands of the browser test project (vitest browser mode runs them with Playwright's page and
 * context): a page reload round trip through a plain page of the same origin.
 */
import type {} from '@vitest/browser-playwright'; // its `page` and `context` on the command context
import type { BrowserCommand } from 'vitest/node';
import type { PersistenceApi, PersistenceSnapshot, QuotaProbe } from '../pages/persistence-page.js';

/** What {@link reloadRoundTrip} saw before and after the reload. */
export interface ReloadRoundTrip {
  /** Read back right after writing. */
  readonly written: PersistenceSnapshot;
  /** Read after reloading the page (a new document, new JavaScript realm, same profile). */
  readonly reloaded: PersistenceSnapshot;
}

const PAGE = '/test/pages/persistence.html';

/** Opens the persistence page in a new tab of the test's browser context, writes, reloads and reads. */
export const reloadRoundTrip: BrowserCommand<[name: string]> = async (ctx, name) => {
  const origin = new URL(ctx.page.url()).origin;
  const page = await ctx.context.newPage();
  try {
    await page.goto(`${origin}${PAGE}`);
    await page.waitForFunction(() => 'freeholdPersistence' in globalThis);
    const written = await page.evaluate(
      (db) =>
        (globalThis as unknown as { freeholdPersistence: PersistenceApi }).freeholdPersistence.write(db),
      name,
    );
    await page.reload();
    await page.waitForFunction(() => 'freeholdPersistence' in globalThis);
    const reloaded = await page.evaluate(
      (db) => (globalThis as unknown as { freeholdPersistence: PersistenceApi }).freeholdPersistence.read(db),
      name,
    );
    return { written, reloaded } satisfies ReloadRoundTrip;
  } finally {
    await page.close();
  }
};

/**
 * Runs the persistence page's quota probe under a quota of (current usage + 256 kB), set through the DevTools
 * protocol. The page is opened on `localhost` rather than `127.0.0.1`: a separate origin, because Chromium caches
 * an origin's free space while its IndexedDB is in use, so an override would not reach an origin the other tests
 * already use.
 */
export const quotaProbe: BrowserCommand<[name: string]> = async (ctx, name) => {
  const url = new URL(ctx.page.url());
  const origin = `${url.protocol}//localhost:${url.port}`;
  const page = await ctx.context.newPage();
  const session = await ctx.context.newCDPSession(page);
  try {
    await page.goto(`${origin}${PAGE}`);
    await page.waitForFunction(() => 'freeholdPersistence' in globalThis);
    const { usage } = (await session.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 256 * 1024 });
    const probe: QuotaProbe = await page.evaluate(
      (db) =>
        (globalThis as unknown as { freeholdPersistence: PersistenceApi }).freeholdPersistence.quotaProbe(db),
      name,
    );
    await session.send('Storage.overrideQuotaForOrigin', { origin });
    await page.evaluate(
      (db) =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase(db);
          req.onsuccess = () => resolve();
          req.onerror = () => resolve();
        }),
      name,
    );
    return probe;
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** See {@link quotaProbe}. */
    quotaProbe(name: string): Promise<QuotaProbe>;
    /** See {@link reloadRoundTrip}. */
    reloadRoundTrip(name: string): Promise<ReloadRoundTrip>;
  }
}
