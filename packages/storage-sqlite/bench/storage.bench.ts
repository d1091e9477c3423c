/**
 * `npm run bench:storage -- --size 10m`: the storage benchmark, every SQL adapter side by side in one run.
 * SQLite always runs; PostgreSQL joins when `packages/storage-postgres/bench/postgres-driver.ts` exists and its
 * `createBenchDriver()` returns a driver (it may return `null` when no server is available).
 *
 * Options: `--size N` (k/m suffixes; default 1m), `--unit N` rows per unit of work (50k), `--chunk N` rows per
 * insertMany (10k), `--runs N` timed runs per query (7), `--services N` rows imported through the engine's services
 * (200k; 0 skips), `--only sqlite,postgres`, `--skip-raw`, `--dir PATH` (where database files go), `--json`
 * (print the results as JSON too).
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  formatStorageBench,
  parseBenchArgs,
  runStorageBench,
  type StorageBenchDriver,
} from '../../storage-sql/bench/storage-bench.js';
import { sqliteBenchDriver } from './sqlite-driver.js';

/** Loads another adapter's driver module, when it exists: it exports `createBenchDriver(options)`. */
async function optionalDriver(relative: string, dir: string | null): Promise<StorageBenchDriver | null> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const module = (await import(url.href)) as {
    createBenchDriver?: (options: { dir: string | null }) => Promise<StorageBenchDriver | null>;
  };
  return module.createBenchDriver ? module.createBenchDriver({ dir }) : null;
}

const options = parseBenchArgs(process.argv.slice(2));
const wanted = (name: string) => options.only === null || options.only.includes(name);
const drivers: StorageBenchDriver[] = [];
if (wanted('sqlite')) drivers.push(sqliteBenchDriver(options.dir));
if (wanted('postgres')) {
  const postgres = await optionalDriver('../../storage-postgres/bench/postgres-driver.ts', options.dir);
  if (postgres) drivers.push(postgres);
  else process.stderr.write('[postgres] no benchmark driver available: column left out\n');
}

const { plan, results } = await runStorageBench(drivers, options);
process.stdout.write(
  `\nFreehold storage benchmark — ${plan.rows.toLocaleString('en-US')} transactions, Node ${process.version}\n\n`,
);
process.stdout.write(`${formatStorageBench(plan, results)}\n`);
if (options.json) process.stdout.write(`\n${JSON.stringify({ plan, results }, null, 2)}\n`);
