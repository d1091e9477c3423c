/**
 * The in-browser half of the IndexedDB benchmark (the Node driver is `indexeddb.bench.ts`): imports a generated
 * portfolio through the adapter, then times the dashboard query — `monthlyTotals` over the trailing 12 months
 * and over the whole history, per property and for the portfolio as a whole (`byProperty: false`) — against the
 * same dashboard computed by a naive cursor scan of every stored transaction, and checks that both give the same
 * answer.
 */
import type { MonthlyTotal, MonthlyTotalsQuery, RecordOf, Transaction } from '@freehold/engine';
import {
  createIndexedDbRepository,
  deleteIndexedDbDatabase,
  type IndexedDbRepository,
} from '../src/index.js';

/** What to generate and measure. */
export interface BenchOptions {
  /** Properties in the portfolio. */
  readonly properties: number;
  /** Years of history, ending with `lastYear`. */
  readonly years: number;
  /** Transactions per property per year. */
  readonly perYear: number;
  /** Last year of history. */
  readonly lastYear: number;
  /** Transactions per unit of work during the import. */
  readonly chunk: number;
  /** Timed runs of each `monthlyTotals` dashboard (after one warm-up). */
  readonly runs: number;
}

/** One timed dashboard. */
export interface DashboardFigure {
  /** What was asked. */
  readonly label: string;
  /** The query's date range. */
  readonly from: string;
  readonly to: string;
  /** Granularity. */
  readonly granularity: 'category' | 'kind';
  /** One row per property (`false`: the portfolio's own series). */
  readonly byProperty: boolean;
  /** One row per month (`false`: the whole range merged). */
  readonly byMonth: boolean;
  /** Rows returned. */
  readonly rows: number;
  /** Median wall time of `monthlyTotals` (ms). */
  readonly medianMs: number;
  /** Every timed run (ms). */
  readonly runsMs: number[];
  /** Wall time of the naive full cursor scan giving the same rows (ms), when measured. */
  readonly scanMs: number | null;
  /** Whether the scan's rows equal `monthlyTotals`' rows exactly. */
  readonly sameAnswer: boolean | null;
}

/** Everything the benchmark measured. */
export interface BenchResult {
  readonly transactions: number;
  readonly importMs: number;
  readonly importPerSecond: number;
  readonly dashboards: DashboardFigure[];
  readonly userAgent: string;
}

const CATEGORIES = [
  { category: 'rent', kind: 'income', weight: 40, min: 900, max: 2400 },
  { category: 'late_fees', kind: 'income', weight: 3, min: 25, max: 100 },
  { category: 'repairs', kind: 'operating_expense', weight: 12, min: -900, max: -40 },
  { category: 'utilities', kind: 'operating_expense', weight: 10, min: -300, max: -40 },
  { category: 'insurance', kind: 'operating_expense', weight: 4, min: -200, max: -80 },
  { category: 'taxes', kind: 'operating_expense', weight: 4, min: -600, max: -200 },
  { category: 'management_fees', kind: 'operating_expense', weight: 8, min: -200, max: -80 },
  { category: 'mortgage_interest', kind: 'debt_service_interest', weight: 8, min: -1200, max: -600 },
  { category: 'mortgage_principal', kind: 'debt_service_principal', weight: 8, min: -600, max: -300 },
  { category: 'capital_improvements', kind: 'capital_expenditure', weight: 3, min: -9000, max: -500 },
] as const;
const TOTAL_WEIGHT = CATEGORIES.reduce((sum, c) => sum + c.weight, 0);
const AT = '2025-01-01T00:00:00.000Z';

/** A small deterministic PRNG (mulberry32): the same data on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0190${prefix.toString(16).padStart(4, '0')}-0000-7000-8000-${hex}`;
}

/** The category a point in `[0, TOTAL_WEIGHT)` falls on, by weight. */
function pickCategory(point: number): (typeof CATEGORIES)[number] {
  let rest = point;
  for (const spec of CATEGORIES) {
    rest -= spec.weight;
    if (rest < 0) return spec;
  }
  return CATEGORIES[0];
}

/** The transactions of one property in one year, sorted by date. */
function yearOfTransactions(
  portfolioId: string,
  propertyId: string,
  propertyIndex: number,
  year: number,
  count: number,
  startId: number,
): Transaction[] {
  const random = prng(propertyIndex * 100_003 + year);
  const rows: Transaction[] = [];
  for (let i = 0; i < count; i++) {
    const spec = pickCategory(random() * TOTAL_WEIGHT);
    const month = 1 + Math.floor((i * 12) / count);
    const day = 1 + Math.floor(random() * 28);
    const cents = Math.round((spec.min + random() * (spec.max - spec.min)) * 100);
    const abs = Math.abs(cents);
    rows.push({
      id: uuid(1, startId + i),
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      portfolioId,
      propertyId,
      unitId: null,
      leaseId: null,
      loanId: null,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      amount: `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
      category: spec.category,
      kind: spec.kind,
      payee: null,
      memo: null,
      groupId: null,
      reconciled: false,
      source: 'import',
      sourceRef: 'bench',
      externalId: `bench-${startId + i}`,
    } as Transaction);
  }
  return rows;
}

/** The dashboard computed the naive way: one cursor over every stored transaction. */
function scanDashboard(name: string, query: MonthlyTotalsQuery): Promise<MonthlyTotal[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const groups = new Map<string, MonthlyTotal & { units: bigint }>();
      const req = db.transaction('transaction', 'readonly').objectStore('transaction').openCursor();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (cursor) {
          const tx = cursor.value as Transaction;
          if (tx.portfolioId === query.portfolioId && tx.date >= query.from && tx.date <= query.to) {
            const propertyId = query.byProperty === false ? null : tx.propertyId;
            const month = query.byMonth === false ? null : tx.date.slice(0, 7);
            const category = query.granularity === 'kind' ? null : tx.category;
            const key = `${propertyId ?? ''} ${month ?? ''} ${tx.kind} ${category ?? ''}`;
            let group = groups.get(key);
            if (!group) {
              group = {
                propertyId,
                month,
                kind: tx.kind,
                category,
                total: '',
                count: 0,
                units: 0n,
              };
              groups.set(key, group);
            }
            const [whole = '0', fraction = ''] = tx.amount.replace('-', '').split('.');
            const units = BigInt(whole + fraction.padEnd(2, '0'));
            group.units += tx.amount.startsWith('-') ? -units : units;
            group.count += 1;
          }
          cursor.continue();
          return;
        }
        db.close();
        const rows = [...groups.values()].map(({ units, ...row }) => {
          const negative = units < 0n;
          const text = (negative ? -units : units).toString().padStart(3, '0');
          return { ...row, total: `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}` };
        });
        rows.sort((a, b) => {
          const x = [a.propertyId ?? '', a.month ?? '', a.kind, a.category ?? ''];
          const y = [b.propertyId ?? '', b.month ?? '', b.kind, b.category ?? ''];
          for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return (x[i] ?? '') < (y[i] ?? '') ? -1 : 1;
          return 0;
        });
        resolve(rows);
      };
    };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function importPortfolio(repo: IndexedDbRepository, options: BenchOptions, portfolioId: string) {
  const portfolio = {
    id: portfolioId,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    archivedAt: null,
    name: 'Benchmark portfolio',
    currency: 'USD',
    fiscalYearStartMonth: 1,
    settings: {},
  } as RecordOf<'portfolio'>;
  const properties = Array.from(
    { length: options.properties },
    (_, i) =>
      ({
        id: uuid(2, i),
        version: 1,
        createdAt: AT,
        updatedAt: AT,
        archivedAt: null,
        portfolioId,
        name: `Property ${i + 1}`,
        status: 'active',
      }) as unknown as RecordOf<'property'>,
  );
  await repo.transaction(async (tx) => {
    await tx.insert('portfolio', portfolio);
    await tx.insertMany('property', properties);
  });
  let pending: Transaction[] = [];
  let written = 0;
  let importMs = 0;
  const flush = async () => {
    const batch = pending;
    pending = [];
    const started = performance.now();
    await repo.transaction((tx) => tx.insertMany('transaction', batch));
    importMs += performance.now() - started;
    written += batch.length;
  };
  const firstYear = options.lastYear - options.years + 1;
  for (const [p, property] of properties.entries()) {
    for (let year = firstYear; year <= options.lastYear; year++) {
      const startId = (p * options.years + (year - firstYear)) * options.perYear;
      pending.push(...yearOfTransactions(portfolioId, property.id, p, year, options.perYear, startId));
      if (pending.length >= options.chunk) await flush();
    }
  }
  if (pending.length > 0) await flush();
  return { written, importMs };
}

async function run(options: BenchOptions): Promise<BenchResult> {
  const name = 'freehold-bench';
  await deleteIndexedDbDatabase({ name });
  const portfolioId = uuid(3, 1);
  let repo = await createIndexedDbRepository({ name });
  const { written, importMs } = await importPortfolio(repo, options, portfolioId);
  // Reopen, so the dashboards read from storage rather than from anything the import left warm in this connection.
  await repo.close();
  repo = await createIndexedDbRepository({ name });
  const last = options.lastYear;
  const first = last - options.years + 1;
  const dashboards: {
    label: string;
    from: string;
    to: string;
    granularity: 'category' | 'kind';
    byProperty?: boolean;
    byMonth?: boolean;
    scan: boolean;
  }[] = [
    {
      label: 'trailing 12 months',
      from: `${last}-01-01`,
      to: `${last}-12-31`,
      granularity: 'category',
      scan: true,
    },
    {
      label: 'trailing 12 months',
      from: `${last}-01-01`,
      to: `${last}-12-31`,
      granularity: 'kind',
      scan: false,
    },
    {
      label: 'trailing 12 months, mid-month',
      from: `${last - 1}-12-16`,
      to: `${last}-12-15`,
      granularity: 'category',
      scan: true,
    },
    {
      label: 'whole history',
      from: `${first}-01-01`,
      to: `${last}-12-31`,
      granularity: 'category',
      scan: true,
    },
    { label: 'whole history', from: `${first}-01-01`, to: `${last}-12-31`, granularity: 'kind', scan: false },
    {
      label: 'portfolio, trailing 12 months',
      from: `${last}-01-01`,
      to: `${last}-12-31`,
      granularity: 'category',
      byProperty: false,
      scan: true,
    },
    {
      label: 'portfolio, trailing 12 months, mid-month',
      from: `${last - 1}-12-16`,
      to: `${last}-12-15`,
      granularity: 'category',
      byProperty: false,
      scan: true,
    },
    {
      label: 'portfolio, whole history',
      from: `${first}-01-01`,
      to: `${last}-12-31`,
      granularity: 'kind',
      byProperty: false,
      scan: false,
    },
    {
      label: 'portfolio, whole history, months merged',
      from: `${first}-01-01`,
      to: `${last}-12-31`,
      granularity: 'kind',
      byProperty: false,
      byMonth: false,
      scan: true,
    },
  ];
  const figures: DashboardFigure[] = [];
  for (const dashboard of dashboards) {
    const byProperty = dashboard.byProperty ?? true;
    const byMonth = dashboard.byMonth ?? true;
    const query: MonthlyTotalsQuery = {
      portfolioId,
      from: dashboard.from,
      to: dashboard.to,
      granularity: dashboard.granularity,
      byProperty,
      byMonth,
    };
    const rows = await repo.monthlyTotals(query); // warm-up
    const runsMs: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      await repo.monthlyTotals(query);
      runsMs.push(performance.now() - started);
    }
    let scanMs: number | null = null;
    let sameAnswer: boolean | null = null;
    if (dashboard.scan) {
      const started = performance.now();
      const scanned = await scanDashboard(name, query);
      scanMs = performance.now() - started;
      sameAnswer = JSON.stringify(scanned) === JSON.stringify(rows);
    }
    figures.push({
      ...dashboard,
      byProperty,
      byMonth,
      rows: rows.length,
      medianMs: median(runsMs),
      runsMs,
      scanMs,
      sameAnswer,
    });
  }
  await repo.close();
  await deleteIndexedDbDatabase({ name });
  return {
    transactions: written,
    importMs,
    importPerSecond: Math.round((written / importMs) * 1000),
    dashboards: figures,
    userAgent: navigator.userAgent,
  };
}

/** The page's API, on `window.freeholdBench`. */
export interface BenchApi {
  /** Runs the benchmark. */
  run(options: BenchOptions): Promise<BenchResult>;
}

(globalThis as unknown as { freeholdBench: BenchApi }).freeholdBench = { run };
