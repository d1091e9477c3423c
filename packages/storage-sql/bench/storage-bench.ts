/**
 * The storage benchmark shared by the SQL adapters: the same deterministic data and the same measurements for
 * every adapter, side by side in one run. Each adapter contributes a {@link StorageBenchDriver} (SQLite in
 * `packages/storage-sqlite/bench/sqlite-driver.ts`; PostgreSQL adds `packages/storage-postgres/bench/
 * postgres-driver.ts` exporting `createBenchDriver`, which the entry point loads when the file exists).
 *
 * Measured per adapter:
 * - import rows/s through the SDK (units of work of `--unit` rows, `insertMany` calls of `--chunk` rows, monthly
 *   rollups maintained) against the adapter's raw baseline (SQLite: one prepared INSERT per row inside one
 *   transaction; PostgreSQL: COPY or multi-row INSERTs of 1,000 rows);
 * - dashboard latency through the port against a raw `SELECT sum(amount_minor) FROM transactions` full scan. The
 *   dashboard's reads: the trailing 12 months ending mid-month (so partial months are exercised) as the portfolio
 *   series by month × category (`byProperty: false`) plus the per-property lines over the period
 *   (`byMonth: false`), and the whole history by month × kind (`byProperty: false`). For comparison, the
 *   per-property × month rows the dashboard read before the portfolio rollups;
 * - the rollup consistency check, and peak memory (max `process.memoryUsage().rss`).
 * @module
 */
import { performance } from 'node:perf_hooks';
import {
  createFreehold,
  ENTITY_SCHEMAS,
  type Repository,
  systemClock,
  type Transaction,
  type TransactionImportRow,
  uuidV7Ids,
} from '@freehold/engine';
import type { RollupCheck } from '../src/index.js';
import {
  type BenchPlan,
  benchPortfolio,
  benchProperties,
  benchTransactions,
  lastDateOf,
  planFor,
} from './bench-data.js';

/** A repository the benchmark can also ask to check its rollups. */
export type BenchRepository = Repository & { checkRollups?: () => Promise<RollupCheck> };

/** One adapter's part of the benchmark. */
export interface StorageBenchDriver {
  /** Column title (`sqlite`, `postgres`). */
  readonly name: string;
  /**
   * A fresh, empty repository: `'sdk'` for the main run (the one {@link StorageBenchDriver.fullScanSum} and
   * {@link StorageBenchDriver.databaseBytes} look at), `'services'` for the services-import run.
   */
  openRepository(purpose: 'sdk' | 'services'): Promise<BenchRepository>;
  /**
   * The raw baseline: writes every chunk of `transactions` into a fresh database of the same schema, bypassing
   * the SDK, as fast as the driver allows. Returns the seconds spent writing (row building included).
   */
  rawImport(transactions: Iterable<Transaction[]>): Promise<number>;
  /** A raw `SELECT sum(amount_minor) FROM transactions` over the SDK run's database (`repo`'s storage). */
  fullScanSum(repo: BenchRepository): Promise<string>;
  /** Size of the SDK run's database on disk, in bytes, when known. */
  databaseBytes?(): Promise<number | null>;
  /** Removes everything the driver created. */
  cleanup(): Promise<void>;
}

/** Options of {@link runStorageBench}. */
export interface StorageBenchOptions {
  /** Transactions to generate (rounded to the plan's shape). */
  readonly size: number;
  /** Rows per unit of work of the SDK import (default 50,000). */
  readonly unitRows?: number;
  /** Rows per `insertMany` call (default 10,000). */
  readonly chunkRows?: number;
  /** Timed repetitions of each dashboard query (default 7; the median is reported). */
  readonly runs?: number;
  /** Skip the raw baseline (its rate is then not reported). */
  readonly skipRaw?: boolean;
  /**
   * Transactions imported through the engine's services (`session.transactions.import`: validation,
   * de-duplication, one audit entry per batch) into a second, fresh repository (default: the smaller of `size`
   * and 200,000; 0 skips it).
   */
  readonly servicesRows?: number;
  /** Progress lines go here (default: stderr). */
  readonly log?: (line: string) => void;
}

/** Latency figures of one query, in milliseconds. */
export interface Latency {
  /** Median of the timed runs (wall clock). */
  readonly medianMs: number;
  /** Fastest run (wall clock). */
  readonly minMs: number;
  /**
   * Median CPU time of this process per run (user + system): on a busy machine, where wall time includes waiting
   * for a core, the better measure of the work done (a server's time is not included).
   */
  readonly medianCpuMs: number;
  /** Rows returned. */
  readonly rows: number;
}

/** One adapter's results. */
export interface StorageBenchResult {
  /** Adapter name. */
  readonly name: string;
  /** Transactions written. */
  readonly rows: number;
  /** SDK import rate. */
  readonly importRowsPerSecond: number;
  /** Raw baseline rate (`null` when skipped). */
  readonly rawRowsPerSecond: number | null;
  /** Import rate through the engine's services, and how many rows it imported (`null` when skipped). */
  readonly services: { readonly rows: number; readonly rowsPerSecond: number } | null;
  /** Trailing 12 months: the portfolio series by month × category. */
  readonly trailingSeries: Latency;
  /** Trailing 12 months: per-property totals over the period, by category. */
  readonly trailingLines: Latency;
  /** Trailing 12 months to mid-month: everything the dashboard reads (series, then lines). */
  readonly trailingDashboard: Latency;
  /** Trailing 12 months to a month's end (whole months only): series, then lines. */
  readonly trailingDashboardMonthEnd: Latency;
  /** Whole history: the portfolio series by month × kind. */
  readonly historyByMonth: Latency;
  /** Trailing 12 months per property × month × category (the dashboard's read before portfolio rollups). */
  readonly trailingPerPropertyMonth: Latency;
  /** The raw full-scan sum. */
  readonly fullScan: Latency;
  /** Sum of the full scan, and whether it equals the sum of the whole-history totals. */
  readonly fullScanAgrees: boolean;
  /** Rollup consistency check: ok, and its duration. */
  readonly rollupCheck: { readonly ok: boolean; readonly seconds: number } | null;
  /** Peak resident memory of the process during this adapter's run, in MiB. */
  readonly peakRssMiB: number;
  /** Database size in MiB, when known. */
  readonly databaseMiB: number | null;
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function latency(runs: number, query: () => Promise<number>): Promise<Latency> {
  let rows = await query(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    const { value, ms } = await timed(query);
    const used = process.cpuUsage(start);
    rows = value;
    times.push(ms);
    cpu.push((used.user + used.system) / 1000);
    sampleRss();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { medianMs: median(times), minMs: Math.min(...times), medianCpuMs: median(cpu), rows };
}

/** First day of the month `months` before the month of `date`. */
function monthsBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Sum of money strings with 2 decimals, exactly (as integer cents). */
function sumCents(amounts: Iterable<string>): bigint {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount.replace('.', ''));
  return total;
}

/** Runs the benchmark for one driver. */
async function runDriver(driver: StorageBenchDriver, plan: BenchPlan, options: StorageBenchOptions) {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const unitRows = options.unitRows ?? 50_000;
  const chunkRows = Math.min(options.chunkRows ?? 10_000, unitRows);
  const runs = options.runs ?? 7;
  peakRss = 0;
  sampleRss();
  const portfolio = benchPortfolio();
  const properties = benchProperties(plan, portfolio);
  const sample = benchTransactions(plan, portfolio, properties, 1).next().value?.[0];
  ENTITY_SCHEMAS.transaction.record.parse(sample); // the generated records are valid records

  const repo = await driver.openRepository('sdk');
  await repo.transaction(async (tx) => {
    await tx.insert('portfolio', portfolio);
    await tx.insertMany('property', properties);
  });

  log(`[${driver.name}] importing ${plan.rows.toLocaleString('en-US')} transactions through the SDK…`);
  let written = 0;
  let importMs = 0;
  let lastReport = performance.now();
  for (const unit of benchTransactions(plan, portfolio, properties, unitRows)) {
    const { ms } = await timed(() =>
      repo.transaction(async (tx) => {
        for (let start = 0; start < unit.length; start += chunkRows) {
          await tx.insertMany('transaction', unit.slice(start, start + chunkRows));
        }
      }),
    );
    importMs += ms;
    written += unit.length;
    sampleRss();
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      log(
        `[${driver.name}]   ${written.toLocaleString('en-US')} rows, ${Math.round((written / importMs) * 1000).toLocaleString('en-US')} rows/s`,
      );
    }
  }
  const importRowsPerSecond = (written / importMs) * 1000;

  log(`[${driver.name}] dashboard queries…`);
  const asOf = `${lastDateOf(plan).slice(0, 8)}15`; // mid-month: the partial month is read too
  const trailing = { portfolioId: portfolio.id, from: monthsBefore(asOf, 11), to: asOf };
  const history = { portfolioId: portfolio.id, from: `${plan.firstYear}-01-01`, to: lastDateOf(plan) };
  const series = () => repo.monthlyTotals({ ...trailing, byProperty: false });
  const lines = () => repo.monthlyTotals({ ...trailing, byMonth: false });
  const trailingSeries = await latency(runs, async () => (await series()).length);
  const trailingLines = await latency(runs, async () => (await lines()).length);
  const trailingDashboard = await latency(runs, async () => (await series()).length + (await lines()).length);
  const monthEnd = {
    portfolioId: portfolio.id,
    from: monthsBefore(lastDateOf(plan), 11),
    to: lastDateOf(plan),
  };
  const trailingDashboardMonthEnd = await latency(
    runs,
    async () =>
      (await repo.monthlyTotals({ ...monthEnd, byProperty: false })).length +
      (await repo.monthlyTotals({ ...monthEnd, byMonth: false })).length,
  );
  let historyTotal = 0n;
  const historyByMonth = await latency(runs, async () => {
    const rows = await repo.monthlyTotals({ ...history, byProperty: false, granularity: 'kind' });
    historyTotal = sumCents(rows.map((row) => row.total));
    return rows.length;
  });
  const trailingPerPropertyMonth = await latency(
    runs,
    async () => (await repo.monthlyTotals(trailing)).length,
  );
  let scanTotal = '';
  const fullScan = await latency(Math.max(3, Math.ceil(runs / 2)), async () => {
    scanTotal = await driver.fullScanSum(repo);
    return 1;
  });

  let rollupCheck: StorageBenchResult['rollupCheck'] = null;
  if (repo.checkRollups) {
    log(`[${driver.name}] rollup consistency check…`);
    const { value, ms } = await timed(() => (repo.checkRollups as () => Promise<RollupCheck>)());
    rollupCheck = { ok: value.ok, seconds: ms / 1000 };
  }
  const databaseBytes = driver.databaseBytes ? await driver.databaseBytes() : null;
  await repo.close();

  const servicesRows = Math.min(options.servicesRows ?? 200_000, plan.rows);
  let services: StorageBenchResult['services'] = null;
  if (servicesRows > 0) {
    log(
      `[${driver.name}] importing ${servicesRows.toLocaleString('en-US')} transactions through the services…`,
    );
    services = await importThroughServices(driver, plan, servicesRows, unitRows);
    sampleRss();
  }

  let rawRowsPerSecond: number | null = null;
  if (!options.skipRaw) {
    log(`[${driver.name}] raw baseline…`);
    const seconds = await driver.rawImport(benchTransactions(plan, portfolio, properties, unitRows));
    rawRowsPerSecond = plan.rows / seconds;
    sampleRss();
  }
  await driver.cleanup();
  return {
    name: driver.name,
    rows: written,
    importRowsPerSecond,
    rawRowsPerSecond,
    services,
    trailingSeries,
    trailingLines,
    trailingDashboard,
    trailingDashboardMonthEnd,
    historyByMonth,
    trailingPerPropertyMonth,
    fullScan,
    fullScanAgrees: scanTotal !== '' && BigInt(scanTotal) === historyTotal,
    rollupCheck,
    peakRssMiB: peakRss / 1_048_576,
    databaseMiB: databaseBytes === null ? null : databaseBytes / 1_048_576,
  } satisfies StorageBenchResult;
}

/**
 * Imports the first `rows` transactions of the plan through the SDK's services into a fresh repository: a local
 * owner, a portfolio and its properties created through the session, then `transactions.import` per unit of
 * `unitRows` rows (each one validated, de-duplicated, written in one unit of work with one audit entry).
 */
async function importThroughServices(
  driver: StorageBenchDriver,
  plan: BenchPlan,
  rows: number,
  unitRows: number,
): Promise<{ rows: number; rowsPerSecond: number }> {
  const repo = await driver.openRepository('services');
  try {
    const sdk = createFreehold({ storage: repo, clock: systemClock, ids: uuidV7Ids({ clock: systemClock }) });
    const session = sdk.as((await sdk.ensureLocalOwner()).id);
    const portfolio = await session.portfolios.create({ name: 'Benchmark portfolio' });
    const template = benchPortfolio();
    const propertyIds = new Map<string, string>();
    for (const property of benchProperties(plan, template)) {
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, archivedAt: _a, ...input } = property;
      const created = await session.properties.create({ ...input, portfolioId: portfolio.id });
      propertyIds.set(property.id, created.id);
    }
    let imported = 0;
    let ms = 0;
    for (const unit of benchTransactions(plan, template, benchProperties(plan, template), unitRows)) {
      const batch = unit.slice(0, rows - imported).map(
        (t): TransactionImportRow => ({
          propertyId: propertyIds.get(t.propertyId) ?? t.propertyId,
          date: t.date,
          amount: t.amount,
          category: t.category,
          payee: t.payee,
          externalId: t.externalId,
        }),
      );
      const { value, ms: spent } = await timed(() =>
        session.transactions.import(portfolio.id, batch, { source: 'import', sourceRef: 'benchmark' }),
      );
      ms += spent;
      imported += value.inserted;
      if (imported >= rows) break;
    }
    return { rows: imported, rowsPerSecond: (imported / ms) * 1000 };
  } finally {
    await repo.close();
  }
}

/** Runs the benchmark for every driver, one after the other, and returns their results. */
export async function runStorageBench(
  drivers: readonly StorageBenchDriver[],
  options: StorageBenchOptions,
): Promise<{ plan: BenchPlan; results: StorageBenchResult[] }> {
  const plan = planFor(options.size);
  const results: StorageBenchResult[] = [];
  for (const driver of drivers) results.push(await runDriver(driver, plan, options));
  return { plan, results };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (l: Latency) =>
  `${l.medianMs.toFixed(1)} ms (min ${l.minMs.toFixed(1)}; CPU ${l.medianCpuMs.toFixed(1)} ms; ${int(l.rows)} rows)`;

/** The results as a Markdown table, one column per adapter. */
export function formatStorageBench(plan: BenchPlan, results: readonly StorageBenchResult[]): string {
  const rows: [string, (r: StorageBenchResult) => string][] = [
    ['transactions', (r) => int(r.rows)],
    [
      'import through the repository (insertMany, units of work)',
      (r) => `${int(r.importRowsPerSecond)} rows/s`,
    ],
    ['raw baseline', (r) => (r.rawRowsPerSecond === null ? 'skipped' : `${int(r.rawRowsPerSecond)} rows/s`)],
    [
      'repository / raw',
      (r) =>
        r.rawRowsPerSecond === null ? '–' : `${(r.importRowsPerSecond / r.rawRowsPerSecond).toFixed(2)}×`,
    ],
    [
      'import through the services (validated, de-duplicated, audited)',
      (r) =>
        r.services === null
          ? 'skipped'
          : `${int(r.services.rowsPerSecond)} rows/s (${int(r.services.rows)} rows into a fresh database)`,
    ],
    [
      'dashboard, trailing 12 months to mid-month: portfolio series (month × category)',
      (r) => ms(r.trailingSeries),
    ],
    [
      'dashboard, trailing 12 months to mid-month: per-property lines (period × category)',
      (r) => ms(r.trailingLines),
    ],
    ['**dashboard, trailing 12 months to mid-month: both reads**', (r) => ms(r.trailingDashboard)],
    ['**dashboard, trailing 12 months to a month end: both reads**', (r) => ms(r.trailingDashboardMonthEnd)],
    ['**dashboard, whole history by month (kind)**', (r) => ms(r.historyByMonth)],
    ['raw full scan: sum(amount_minor)', (r) => ms(r.fullScan)],
    [
      'full scan / dashboard trailing 12 months (mid-month; month end)',
      (r) =>
        `${(r.fullScan.medianMs / r.trailingDashboard.medianMs).toFixed(1)}×; ${(r.fullScan.medianMs / r.trailingDashboardMonthEnd.medianMs).toFixed(1)}×`,
    ],
    [
      'full scan / dashboard whole history',
      (r) => `${(r.fullScan.medianMs / r.historyByMonth.medianMs).toFixed(1)}×`,
    ],
    [
      'for comparison: trailing 12 months per property × month × category',
      (r) => ms(r.trailingPerPropertyMonth),
    ],
    ['full-scan sum = sum of history totals', (r) => (r.fullScanAgrees ? 'yes' : 'NO')],
    [
      'rollup consistency check',
      (r) =>
        r.rollupCheck
          ? `${r.rollupCheck.ok ? 'ok' : 'MISMATCH'} (${r.rollupCheck.seconds.toFixed(1)} s)`
          : '–',
    ],
    ['peak RSS', (r) => `${int(r.peakRssMiB)} MiB`],
    ['database size', (r) => (r.databaseMiB === null ? '–' : `${int(r.databaseMiB)} MiB`)],
  ];
  const header = `| ${plan.properties} properties × ${plan.years} years × ${plan.perYear}/year | ${results
    .map((r) => r.name)
    .join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  return [
    header,
    rule,
    ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`),
  ].join('\n');
}

/**
 * Parses `--size 10m` (k/m suffixes), `--unit`, `--chunk`, `--runs`, `--services N`, `--only a,b`, `--skip-raw`,
 * `--dir PATH`, `--json`.
 */
export function parseBenchArgs(argv: readonly string[]): StorageBenchOptions & {
  only: string[] | null;
  json: boolean;
  dir: string | null;
} {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = (text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
    if (!match) throw new Error(`not a count: ${text}`);
    const scale = { '': 1, k: 1_000, m: 1_000_000 }[(match[2] ?? '').toLowerCase()] ?? 1;
    return Math.round(Number(match[1]) * scale);
  };
  return {
    size: count(value('--size'), 1_000_000),
    unitRows: count(value('--unit'), 50_000),
    chunkRows: count(value('--chunk'), 10_000),
    runs: count(value('--runs'), 7),
    skipRaw: argv.includes('--skip-raw'),
    servicesRows: count(value('--services'), 200_000),
    only: value('--only')?.split(',') ?? null,
    json: argv.includes('--json'),
    dir: value('--dir') ?? null,
  };
}
