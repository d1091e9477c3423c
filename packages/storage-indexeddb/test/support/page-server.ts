/**
 * A Vite dev server on 127.0.0.1 (a free port) serving this package's pages with `@freehold/engine` resolved to
 * its sources, for Playwright-driven Chromium runs from Node (the restart test, the benchmark).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/** A running page server. */
export interface PageServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Stops the server and removes its cache. */
  close(): Promise<void>;
}

/** The package directory (the server's root: pages are under `/test/pages/` and `/bench/`). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the server; dependencies are pre-bundled before it answers, so no page reloads mid-test. */
export async function startPageServer(): Promise<PageServer> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'freehold-vite-'));
  const server = await createServer({
    root: PACKAGE_ROOT,
    configFile: false,
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    resolve: { conditions: ['source', 'module', 'browser', 'import', 'default'] },
    optimizeDeps: { include: ['idb', 'zod', 'decimal.js'], noDiscovery: true },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('the page server did not start');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    async close() {
      await server.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
