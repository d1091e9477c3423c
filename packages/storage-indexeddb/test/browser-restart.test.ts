/**
 * Data survive a browser restart: Chromium with a persistent profile loads the persistence page, writes through
 * the adapter, quits; a second Chromium on the same profile reads everything back. Runs in Node, driving Debian's
 * Chromium through playwright-core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PersistenceApi, PersistenceSnapshot } from './pages/persistence-page.js';
import { CHROMIUM_LAUNCH } from './support/chromium.js';
import { type PageServer, startPageServer } from './support/page-server.js';

let server: PageServer;
let profile: string;

beforeAll(async () => {
  server = await startPageServer();
  profile = await mkdtemp(join(tmpdir(), 'freehold-profile-'));
});

afterAll(async () => {
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Launches Chromium on the profile, runs `step` on the persistence page, and quits the browser. */
async function inBrowser(step: 'write' | 'read', name: string): Promise<PersistenceSnapshot> {
  const context = await chromium.launchPersistentContext(profile, CHROMIUM_LAUNCH);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.origin}/test/pages/persistence.html`);
    await page.waitForFunction(() => 'freeholdPersistence' in globalThis);
    return await page.evaluate(
      ([which, db]) => {
        const api = (globalThis as unknown as { freeholdPersistence: PersistenceApi }).freeholdPersistence;
        return which === 'write' ? api.write(db) : api.read(db);
      },
      [step, name] as const,
    );
  } finally {
    await context.close();
  }
}

test('data written before a browser restart are read back after it, with the same profile', async () => {
  const written = await inBrowser('write', 'freehold-restart');
  expect(written.transactions).toHaveLength(40);
  expect(written.totals.length).toBeGreaterThan(0);
  const afterRestart = await inBrowser('read', 'freehold-restart');
  expect(afterRestart).toEqual(written);
});
