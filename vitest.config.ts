import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { quotaProbe, reloadRoundTrip } from './packages/storage-indexeddb/test/support/browser-commands.js';
import { BROWSER_PROFILE } from './packages/storage-indexeddb/test/support/browser-profile.js';
import { CHROMIUM_LAUNCH } from './packages/storage-indexeddb/test/support/chromium.js';

// Packages resolve to their TypeScript sources through the `source` export condition. Never list 'import' here:
// vitest passes server conditions on to Node, and CommonJS dependencies (pg → pg-pool) would then require ESM.
const serverConditions = ['source', 'node', 'module', 'development|production'];
const browserConditions = ['source', 'module', 'browser', 'development|production'];

/** A vitest project for one package under `packages/` (or `examples/`). */
function pkg(name: string, extra: { testTimeout?: number; dir?: string } = {}) {
  return {
    extends: true as const,
    test: {
      name,
      root: `${extra.dir ?? 'packages'}/${name}`,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: extra.testTimeout ?? 30_000,
    },
  };
}

/** The IndexedDB adapter: its Node tests (fake-indexeddb, a real Chromium driven from Node) and its browser tests. */
const storageIndexedDb = [
  {
    extends: true as const,
    test: {
      name: 'storage-indexeddb',
      root: 'packages/storage-indexeddb',
      include: ['test/**/*.test.ts'],
      exclude: ['test/**/*.browser.test.ts'],
      testTimeout: 120_000,
    },
  },
  {
    extends: true as const,
    optimizeDeps: { include: ['idb', 'zod', 'decimal.js', 'fast-check', '@fast-check/vitest'] },
    test: {
      name: 'storage-indexeddb-browser',
      root: 'packages/storage-indexeddb',
      include: ['test/**/*.browser.test.ts'],
      testTimeout: 120_000,
      // An on-disk profile, as a user's browser has (quota and persistence behave as they do for users); one per
      // run, removed by the global setup's teardown. A persistent context needs the files to run one at a time.
      fileParallelism: false,
      globalSetup: ['test/support/browser-profile.ts'],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: CHROMIUM_LAUNCH, persistentContext: BROWSER_PROFILE }),
        instances: [{ browser: 'chromium' as const }],
        api: { host: '127.0.0.1' },
        commands: { reloadRoundTrip, quotaProbe },
        screenshotFailures: false,
      },
    },
  },
];

/** One vitest config; one project per package. Tests import packages through their `source` export condition. */
export default defineConfig({
  resolve: { conditions: browserConditions },
  ssr: { resolve: { conditions: serverConditions } },
  test: {
    projects: [
      pkg('engine'),
      pkg('storage-sql'),
      pkg('storage-sqlite', { testTimeout: 120_000 }),
      pkg('storage-postgres', { testTimeout: 120_000 }),
      pkg('cli', { dir: 'examples', testTimeout: 120_000 }),
      ...storageIndexedDb,
    ],
    passWithNoTests: true,
  },
});
