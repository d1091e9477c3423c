/**
 * Deterministic benchmark data: one portfolio, N properties × 10 years × up to 1,000 transactions a year (1,000
 * properties at 10M rows), generated in date order across the properties (a portfolio ledger exported
 * chronologically), with time-ordered (UUIDv7-shaped) ids as the engine's id generator would assign them during
 * an import. Same size → same rows, byte for byte.
 * @module
 */
import {
  type CategoryKind,
  ENTITY_SCHEMAS,
  type Portfolio,
  type Property,
  type Transaction,
} from '@freehold/engine';

/** The shape of a run. */
export interface BenchPlan {
  /** Transactions in total (`properties × years × perYear`). */
  readonly rows: number;
  /** Properties. */
  readonly properties: number;
  /** Years of history. */
  readonly years: number;
  /** Transactions per property per year. */
  readonly perYear: number;
  /** First year of history. */
  readonly firstYear: number;
}

/** The plan for about `size` transactions: 10 years, 1,000 a year per property, `size / 10,000` properties. */
export function planFor(size: number): BenchPlan {
  const years = 10;
  const properties = Math.max(1, Math.round(size / 10_000));
  const perYear = Math.max(1, Math.min(1000, Math.round(size / (properties * years))));
  return { rows: properties * years * perYear, properties, years, perYear, firstYear: 2015 };
}

/** Category mix: key, kind, weight (per mille), sign and typical amount range in dollars. */
const MIX: readonly {
  key: string;
  kind: CategoryKind;
  weight: number;
  sign: 1 | -1;
  min: number;
  max: number;
}[] = [
  { key: 'rent', kind: 'income', weight: 400, sign: 1, min: 900, max: 3200 },
  { key: 'late_fees', kind: 'income', weight: 30, sign: 1, min: 25, max: 150 },
  { key: 'other_income', kind: 'income', weight: 20, sign: 1, min: 10, max: 400 },
  { key: 'repairs', kind: 'operating_expense', weight: 150, sign: -1, min: 40, max: 2500 },
  { key: 'utilities', kind: 'operating_expense', weight: 100, sign: -1, min: 30, max: 600 },
  { key: 'insurance', kind: 'operating_expense', weight: 50, sign: -1, min: 80, max: 400 },
  { key: 'taxes', kind: 'operating_expense', weight: 50, sign: -1, min: 200, max: 3000 },
  { key: 'management_fees', kind: 'operating_expense', weight: 80, sign: -1, min: 60, max: 300 },
  { key: 'mortgage_interest', kind: 'debt_service_interest', weight: 55, sign: -1, min: 300, max: 1500 },
  { key: 'mortgage_principal', kind: 'debt_service_principal', weight: 55, sign: -1, min: 200, max: 900 },
  { key: 'capital_improvements', kind: 'capital_expenditure', weight: 10, sign: -1, min: 500, max: 15000 },
];

/** Mulberry32: a small seeded PRNG (benchmarks are reproducible; nothing here is security-relevant). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BASE_MS = Date.UTC(2025, 0, 1);

/** A UUIDv7-shaped id for sequence number `n`: time-ordered, like ids assigned one after another. */
export function sequentialId(n: number): string {
  const ms = BASE_MS + Math.floor(n / 4096);
  const time = ms.toString(16).padStart(12, '0');
  const counter = (n % 4096).toString(16).padStart(3, '0');
  const tail = n.toString(16).padStart(12, '0').slice(-12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter}-8000-${tail}`;
}

const NOW = '2025-01-01T00:00:00.000Z';

/** The portfolio of the run (defaults from the create schema, checked with the record schema). */
export function benchPortfolio(): Portfolio {
  const created = ENTITY_SCHEMAS.portfolio.create.parse({ name: 'Benchmark portfolio' });
  return ENTITY_SCHEMAS.portfolio.record.parse({
    ...created,
    id: sequentialId(0),
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
    archivedAt: null,
  });
}

/** The properties of the run (ids 1…N), checked with the record schema. */
export function benchProperties(plan: BenchPlan, portfolio: Portfolio): Property[] {
  return Array.from({ length: plan.properties }, (_, i) => {
    const created = ENTITY_SCHEMAS.property.create.parse({
      portfolioId: portfolio.id,
      name: `${i + 1} Benchmark Street`,
      address: { line1: `${i + 1} Benchmark Street`, city: 'Springfield', region: 'IL', postalCode: '62701' },
      propertyType: 'single_family',
      purchaseDate: `${plan.firstYear}-01-01`,
      purchasePrice: '250000',
    });
    return ENTITY_SCHEMAS.property.record.parse({
      ...created,
      id: sequentialId(1 + i),
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
      archivedAt: null,
    });
  });
}

function cents(random: () => number, min: number, max: number, sign: 1 | -1): string {
  const units = Math.round((min + random() * (max - min)) * 100);
  const text = String(units).padStart(3, '0');
  return `${sign < 0 ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** `YYYY-MM-DD` of day `dayOfYear` (0–364) of `year` (February has 28 days here: no leap days generated). */
function dateOf(year: number, dayOfYear: number): string {
  let month = 0;
  while ((DAYS_BEFORE_MONTH[month + 1] ?? 365) <= dayOfYear) month++;
  const day = dayOfYear - (DAYS_BEFORE_MONTH[month] ?? 0) + 1;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The transactions of the run in chunks of `chunkSize`, in date order (each day, every property in turn).
 * Deterministic.
 */
export function* benchTransactions(
  plan: BenchPlan,
  portfolio: Portfolio,
  properties: readonly Property[],
  chunkSize: number,
): Generator<Transaction[]> {
  const random = mulberry32(0x5eed);
  const cumulative: number[] = [];
  let sum = 0;
  for (const entry of MIX) {
    sum += entry.weight;
    cumulative.push(sum);
  }
  let n = 1 + plan.properties;
  let chunk: Transaction[] = [];
  for (let y = 0; y < plan.years; y++) {
    const year = plan.firstYear + y;
    for (let i = 0; i < plan.perYear; i++) {
      const date = dateOf(year, Math.floor((i * 365) / plan.perYear));
      for (const [p, property] of properties.entries()) {
        const pick = random() * sum;
        const mix = MIX[cumulative.findIndex((limit) => pick < limit)] ?? (MIX[0] as (typeof MIX)[number]);
        chunk.push({
          id: sequentialId(n++),
          version: 1,
          createdAt: NOW,
          updatedAt: NOW,
          portfolioId: portfolio.id,
          propertyId: property.id,
          unitId: null,
          leaseId: null,
          loanId: null,
          date,
          amount: cents(random, mix.min, mix.max, mix.sign),
          category: mix.key,
          payee: mix.sign > 0 ? 'Tenant' : 'Vendor',
          memo: null,
          groupId: null,
          reconciled: false,
          kind: mix.kind,
          source: 'import',
          sourceRef: 'benchmark',
          externalId: `p${p}-y${year}-${i}`,
        });
        if (chunk.length === chunkSize) {
          yield chunk;
          chunk = [];
        }
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The last date of the run's history (the dashboard's "as of"). */
export function lastDateOf(plan: BenchPlan): string {
  return `${plan.firstYear + plan.years - 1}-12-31`;
}

/** Columns of the transactions table in the order the raw baselines bind them (see {@link rawTransactionValues}). */
export const RAW_TRANSACTION_COLUMNS = [
  'id',
  'version',
  'data',
  'portfolio_id',
  'property_id',
  'unit_id',
  'lease_id',
  'loan_id',
  'category',
  'kind',
  'source',
  'external_id',
  'group_id',
  'date',
  'amount_minor',
] as const;

/** A transaction's column values in {@link RAW_TRANSACTION_COLUMNS} order, money as plain integer cents. */
export function rawTransactionValues(t: Transaction): unknown[] {
  return [
    t.id,
    t.version,
    JSON.stringify(t),
    t.portfolioId,
    t.propertyId,
    t.unitId,
    t.leaseId,
    t.loanId,
    t.category,
    t.kind,
    t.source,
    t.externalId,
    t.groupId,
    t.date,
    Number(t.amount.replace('.', '')),
  ];
}
