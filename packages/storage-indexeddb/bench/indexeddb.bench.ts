/**
 * IndexedDB benchmark, driven from Node: serves `bench.html` from a Vite dev server on 127.0.0.1, launches
 * Debian's Chromium (`/usr/bin/chromium`, playwright-core, on-disk temporary profile), imports
 * properties × years × transactions-per-year through the adapter, and times the dashboard — `monthlyTotals` over
 * the trailing 12 months and the whole history — against a naive full cursor scan in the same run.
 *
 *   npm run bench:indexeddb                       # 100,000 transactions (10 properties × 10 years × 1,000)
 *   npm run bench:indexeddb -- --size 1000000     # the 1M: 100 properties × 10 years × 1,000
 *   options: --size N (total; properties = N / (years × per-year)), --years 10, --per-year 1000,
 *            --chunk 10000 (transactions per unit of work), --runs 5, --json
 *
 * Targets (issue 5): dashboard ≤ 500 ms, and at least 10× faster than the full scan.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.js';
import { startPageServer } from '../test/support/page-server.js';
import type { BenchApi, BenchOptions, BenchResult } from './bench-page.js';

const DASHBOARD_TARGET_MS = 500;
const SPEEDUP_TARGET = 10;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    years: { type: 'string', default: '10' },
    'per-year': { type: 'string', default: '1000' },
    chunk: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});

function positive(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got ${text}`);
  return value;
}

const years = positive('years', values.years);
const perYear = positive('per-year', values['per-year']);
const size = positive('size', values.size);
const options: BenchOptions = {
  properties: Math.max(1, Math.round(size / (years * perYear))),
  years,
  perYear,
  lastYear: 2024,
  chunk: positive('chunk', values.chunk),
  runs: positive('runs', values.runs),
};

async function main(): Promise<void> {
  const server = await startPageServer();
  const profile = await mkdtemp(join(tmpdir(), 'freehold-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, CHROMIUM_LAUNCH);
  let result: BenchResult;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${server.origin}/bench/bench.html`);
    await page.waitForFunction(() => 'freeholdBench' in globalThis);
    console.error(
      `importing ${options.properties} properties × ${options.years} years × ${options.perYear} transactions ` +
        `(${(options.properties * options.years * options.perYear).toLocaleString('en-US')}) in units of ` +
        `${options.chunk.toLocaleString('en-US')}…`,
    );
    result = await page.evaluate(
      (opts) => (globalThis as unknown as { freeholdBench: BenchApi }).freeholdBench.run(opts),
      options,
    );
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  if (values.json) {
    console.log(JSON.stringify({ options, ...result }, null, 2));
  } else {
    report(result);
  }
  const failed = result.dashboards.some(
    (d) =>
      d.medianMs > DASHBOARD_TARGET_MS ||
      d.sameAnswer === false ||
      (d.scanMs !== null && d.scanMs / d.medianMs < SPEEDUP_TARGET),
  );
  if (failed) process.exitCode = 1;
}

function report(result: BenchResult): void {
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  console.log(`\nFreehold IndexedDB benchmark — ${result.userAgent}`);
  console.log(
    `import: ${result.transactions.toLocaleString('en-US')} transactions in ${(result.importMs / 1000).toFixed(1)} s ` +
      `= ${result.importPerSecond.toLocaleString('en-US')} transactions/s (units of work of ${options.chunk})`,
  );
  const labelOf = (d: BenchResult['dashboards'][number]) => `${d.label} (${d.from}…${d.to})`;
  const width = Math.max(46, ...result.dashboards.map((d) => labelOf(d).length + 2));
  console.log(
    `\n${'dashboard (monthlyTotals)'.padEnd(width)}granularity  rows     median    full scan   speed-up  same`,
  );
  for (const d of result.dashboards) {
    const scan = d.scanMs === null ? '—' : ms(d.scanMs);
    const speedUp = d.scanMs === null ? '—' : `${(d.scanMs / d.medianMs).toFixed(0)}×`;
    console.log(
      `${labelOf(d).padEnd(width)}${d.granularity.padEnd(13)}${String(d.rows).padStart(6)}  ${ms(d.medianMs).padStart(9)}  ` +
        `${scan.padStart(10)}  ${speedUp.padStart(8)}  ${d.sameAnswer === null ? '—' : d.sameAnswer ? 'yes' : 'NO'}`,
    );
  }
  console.log(
    `\ntargets: dashboard ≤ ${DASHBOARD_TARGET_MS} ms and ≥ ${SPEEDUP_TARGET}× faster than the full scan ` +
      `(runs: ${options.runs} after a warm-up; full scan: 1 run)`,
  );
}

await main();
