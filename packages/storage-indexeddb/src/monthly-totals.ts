/**
 * `monthlyTotals` over the rollup: whole months from the year buckets (one record per property and year), the
 * partial months at either end of the range from the month buckets (one record per property and month). The
 * transactions themselves are read only when a bound is not a calendar date (the port then compares dates as
 * strings). Rows come out in the port's order without a sort: properties in order, each property's buckets in
 * period order, a bucket's lines in slot, kind, category order.
 * @internal
 * @module
 */
import {
  currencyMinorDigits,
  isDateString,
  type MonthlyTotal,
  type MonthlyTotalsQuery,
  StorageError,
  ValidationError,
} from '@freehold/engine';
import {
  addUnits,
  amountUnits,
  finerError,
  formatUnits,
  lastDayOfMonth,
  nextMonth,
  previousMonth,
  type Units,
} from './mappers.js';
import type { StoredRow } from './paging.js';
import type { ReadEnvironment } from './reads.js';
import { firstFailure, request, settleAll } from './requests.js';
import {
  forEachLine,
  MONTH_ROLLUP_STORE,
  PORTFOLIO_PERIOD_INDEX,
  type RollupBucket,
  YEAR_ROLLUP_STORE,
} from './rollup.js';

/** The stores `monthlyTotals` reads. */
export const MONTHLY_TOTALS_STORES = ['portfolio', 'transaction', YEAR_ROLLUP_STORE, MONTH_ROLLUP_STORE];

/** How `monthlyTotals` reads a date range. */
export interface MonthPlan {
  /** Whole calendar months (`YYYY-MM`, inclusive), read from the year buckets; or null. */
  readonly months: { readonly first: string; readonly last: string } | null;
  /** Partial months at either end (days `first`–`last` of `month`), read from the month buckets, in date order. */
  readonly partial: readonly { readonly month: string; readonly first: number; readonly last: number }[];
  /**
   * Bounds that are not both calendar dates: the transactions are summed directly, compared as strings exactly as
   * the port's reference adapter does.
   */
  readonly raw: readonly [string, string] | null;
}

/** Splits `[from, to]` into whole calendar months and the partial months at either end. */
export function planMonths(from: string, to: string): MonthPlan {
  if (from > to) return { months: null, partial: [], raw: null };
  if (!isDateString(from) || !isDateString(to)) return { months: null, partial: [], raw: [from, to] };
  const first = from.slice(0, 7);
  const last = to.slice(0, 7);
  const fromDay = Number(from.slice(8, 10));
  const toDay = Number(to.slice(8, 10));
  const headPartial = fromDay !== 1;
  const tailPartial = to !== lastDayOfMonth(last);
  if (first === last) {
    return headPartial || tailPartial
      ? { months: null, partial: [{ month: first, first: fromDay, last: toDay }], raw: null }
      : { months: { first, last }, partial: [], raw: null };
  }
  const partial: { month: string; first: number; last: number }[] = [];
  if (headPartial) partial.push({ month: first, first: fromDay, last: 31 });
  if (tailPartial) partial.push({ month: last, first: 1, last: toDay });
  const firstWhole = headPartial ? nextMonth(first) : first;
  const lastWhole = tailPartial ? previousMonth(last) : last;
  return {
    months: firstWhole <= lastWhole ? { first: firstWhole, last: lastWhole } : null,
    partial,
    raw: null,
  };
}

/** Checks a query; `undefined` when it cannot match anything. */
function checkQuery(query: MonthlyTotalsQuery) {
  const granularity = query.granularity ?? 'category';
  if (granularity !== 'category' && granularity !== 'kind') {
    throw ValidationError.field('granularity', 'category or kind');
  }
  const { portfolioId, from, to } = query;
  if (typeof portfolioId !== 'string') throw ValidationError.field('portfolioId', 'a portfolio id');
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw ValidationError.field(typeof from !== 'string' ? 'from' : 'to', 'a date YYYY-MM-DD');
  }
  const properties = query.propertyIds === undefined ? undefined : [...new Set(query.propertyIds)].sort();
  const plan = planMonths(from, to);
  const empty =
    properties?.length === 0 || (plan.months === null && plan.partial.length === 0 && plan.raw === null);
  return empty ? undefined : { portfolioId, properties, plan, byKind: granularity === 'kind' };
}

/** Exact monthly totals of a portfolio's transactions, in the port's order (see the module notes). */
export async function monthlyTotals(
  tx: IDBTransaction,
  env: ReadEnvironment,
  query: MonthlyTotalsQuery,
): Promise<MonthlyTotal[]> {
  const checked = checkQuery(query);
  if (!checked) return [];
  const { portfolioId, properties, plan, byKind } = checked;

  // Every read is issued at once (IndexedDB pipelines them), then awaited together.
  const bucketsOf = (store: string, firstPeriod: string, lastPeriod: string): IDBRequest<unknown[]>[] => {
    const source = tx.objectStore(store);
    if (!properties) {
      const range = env.keyRange.bound([portfolioId, firstPeriod], [portfolioId, lastPeriod]);
      return [source.index(PORTFOLIO_PERIOD_INDEX).getAll(range)];
    }
    return properties.map((propertyId) =>
      source.getAll(
        env.keyRange.bound([portfolioId, propertyId, firstPeriod], [portfolioId, propertyId, lastPeriod]),
      ),
    );
  };
  const { months, partial, raw } = plan;
  const yearReads = months
    ? bucketsOf(YEAR_ROLLUP_STORE, months.first.slice(0, 4), months.last.slice(0, 4))
    : [];
  const monthReads = partial.flatMap(({ month }) => bucketsOf(MONTH_ROLLUP_STORE, month, month));
  const portfolioRead = request(tx.objectStore('portfolio').get(portfolioId));
  const rawRead = raw ? scanTransactions(tx, env, portfolioId, properties, raw) : undefined;
  const [yearOutcomes, monthOutcomes] = await Promise.all([settleAll(yearReads), settleAll(monthReads)]);
  const failure = firstFailure(yearOutcomes) ?? firstFailure(monthOutcomes);
  if (failure) throw failure.error;
  const portfolio = (await portfolioRead) as { currency?: unknown } | undefined;
  const digits = portfolio ? currencyMinorDigits(String(portfolio.currency)) : 2;
  if (rawRead) return totalsOfTransactions(await rawRead, portfolioId, digits, byKind);

  const perProperty = new Map<string, { years: RollupBucket[]; months: Map<string, RollupBucket> }>();
  const entryOf = (propertyId: string) => {
    let entry = perProperty.get(propertyId);
    if (!entry) {
      entry = { years: [], months: new Map() };
      perProperty.set(propertyId, entry);
    }
    return entry;
  };
  for (const bucket of yearOutcomes.flatMap((o) => (o.ok ? o.value : [])) as RollupBucket[]) {
    entryOf(bucket.propertyId).years.push(bucket);
  }
  for (const bucket of monthOutcomes.flatMap((o) => (o.ok ? o.value : [])) as RollupBucket[]) {
    entryOf(bucket.propertyId).months.set(bucket.period, bucket);
  }

  const rows = new RowWriter(digits, byKind);
  for (const propertyId of [...perProperty.keys()].sort()) {
    const entry = perProperty.get(propertyId);
    if (!entry) continue;
    // A head partial month, then the whole months, then a tail partial month.
    for (const part of partial) {
      if (!months || part.month < months.first) {
        rows.partialMonth(propertyId, entry.months.get(part.month), part.first, part.last);
      }
    }
    if (!months) continue;
    for (const bucket of entry.years) rows.wholeMonths(propertyId, bucket, months.first, months.last);
    for (const part of partial) {
      if (part.month > months.last)
        rows.partialMonth(propertyId, entry.months.get(part.month), part.first, part.last);
    }
  }
  return rows.finish();
}

/** `'01'`…`'12'`, by month number. */
const MONTH_NUMBERS = Array.from({ length: 13 }, (_, m) => String(m).padStart(2, '0'));

/** A row being summed. */
interface PendingRow {
  propertyId: string;
  month: string;
  kind: string;
  category: string | null;
  units: Units;
  count: number;
  finer: number;
}

/**
 * Turns bucket lines into `MonthlyTotal` rows, in the order they are given: with granularity `kind` it merges
 * consecutive lines of one property, month and kind (a bucket's lines of one kind are adjacent).
 */
class RowWriter {
  readonly #rows: MonthlyTotal[] = [];
  #pending: PendingRow | null = null;

  constructor(
    readonly digits: number,
    readonly byKind: boolean,
  ) {}

  /** The whole months of a year bucket that fall within `[first, last]` (`YYYY-MM`). */
  wholeMonths(propertyId: string, bucket: RollupBucket, first: string, last: string): void {
    const year = bucket.period;
    const fromMonth = year === first.slice(0, 4) ? Number(first.slice(5, 7)) : 1;
    const toMonth = year === last.slice(0, 4) ? Number(last.slice(5, 7)) : 12;
    const names = MONTH_NUMBERS.map((month) => `${year}-${month}`);
    const { kinds, categories } = bucket;
    forEachLine(bucket, fromMonth, toMonth, this.digits, (slot, pair, units, count, finer) => {
      this.#add(
        propertyId,
        names[slot] ?? '',
        kinds[pair] ?? '',
        categories[pair] ?? '',
        units,
        count,
        finer,
      );
    });
  }

  /** Days `first`–`last` of a month bucket, summed per kind × category. */
  partialMonth(propertyId: string, bucket: RollupBucket | undefined, first: number, last: number): void {
    if (!bucket) return;
    const sums = bucket.kinds.map(() => ({ units: 0 as Units, count: 0, finer: 0 }));
    forEachLine(bucket, first, last, this.digits, (_slot, pair, units, count, finer) => {
      const sum = sums[pair];
      if (!sum) return;
      sum.units = addUnits(sum.units, units);
      sum.count += count;
      sum.finer += finer;
    });
    sums.forEach((sum, pair) => {
      if (sum.count === 0) return;
      const kind = bucket.kinds[pair] ?? '';
      this.#add(
        propertyId,
        bucket.period,
        kind,
        bucket.categories[pair] ?? '',
        sum.units,
        sum.count,
        sum.finer,
      );
    });
  }

  /** Every row written. */
  finish(): MonthlyTotal[] {
    this.#flush();
    return this.#rows;
  }

  #add(
    propertyId: string,
    month: string,
    kind: string,
    category: string,
    units: Units,
    count: number,
    finer: number,
  ) {
    if (!this.byKind) {
      this.#push({ propertyId, month, kind, category, units, count, finer });
      return;
    }
    const pending = this.#pending;
    if (pending?.month === month && pending.kind === kind && pending.propertyId === propertyId) {
      pending.units = addUnits(pending.units, units);
      pending.count += count;
      pending.finer += finer;
      return;
    }
    this.#flush();
    this.#pending = { propertyId, month, kind, category: null, units, count, finer };
  }

  #flush() {
    if (this.#pending) this.#push(this.#pending);
    this.#pending = null;
  }

  #push({ propertyId, month, kind, category, units, count, finer }: PendingRow) {
    const total = finer > 0 ? null : formatUnits(units, this.digits);
    if (total === null) {
      const what = `totals of property ${propertyId} in ${month} (${kind}${category === null ? '' : ` ${category}`})`;
      throw finerError(what, this.digits);
    }
    this.#rows.push({ propertyId, month, kind: kind as MonthlyTotal['kind'], category, total, count });
  }
}

/** The transactions of `portfolioId` (and `properties`) dated within `[start, end]`, through an index range. */
async function scanTransactions(
  tx: IDBTransaction,
  env: ReadEnvironment,
  portfolioId: string,
  properties: readonly string[] | undefined,
  [start, end]: readonly [string, string],
): Promise<StoredRow[]> {
  const indexes = env.catalogue.get('transaction')?.filterIndexes;
  const byPortfolio = indexes?.get('portfolioId');
  const byProperty = indexes?.get('propertyId');
  if (!byPortfolio || !byProperty) {
    throw new StorageError('the transaction store lacks its portfolio and property indexes');
  }
  const store = tx.objectStore('transaction');
  const reads = properties
    ? properties.map((propertyId) =>
        store.index(byProperty).getAll(env.keyRange.bound([propertyId, start], [propertyId, end, []])),
      )
    : [store.index(byPortfolio).getAll(env.keyRange.bound([portfolioId, start], [portfolioId, end, []]))];
  const outcomes = await settleAll(reads);
  const failure = firstFailure(outcomes);
  if (failure) throw failure.error;
  return outcomes.flatMap((outcome) => (outcome.ok ? (outcome.value as StoredRow[]) : []));
}

/** Monthly totals summed from the transactions themselves (bounds that are not calendar dates). */
function totalsOfTransactions(
  transactions: readonly StoredRow[],
  portfolioId: string,
  digits: number,
  byKind: boolean,
): MonthlyTotal[] {
  const groups = new Map<
    string,
    { key: [string, string, string, string | null]; units: Units; count: number }
  >();
  for (const stored of transactions) {
    if (stored.portfolioId !== portfolioId) continue;
    let parsed: { units: Units; decimals: number };
    try {
      parsed = amountUnits(stored.amount, stored.id);
    } catch (error) {
      throw new StorageError(
        `transaction ${stored.id}: stored amount ${String(stored.amount)} is not a money amount`,
        {
          cause: error,
        },
      );
    }
    if (parsed.decimals > digits) {
      throw new StorageError(
        `transaction ${stored.id}: stored amount ${String(stored.amount)} is not a money amount with ${digits} decimals`,
      );
    }
    const key: [string, string, string, string | null] = [
      String(stored.propertyId),
      String(stored.date).slice(0, 7),
      String(stored.kind),
      byKind ? null : String(stored.category),
    ];
    const id = key.join('\u0000');
    const group = groups.get(id);
    if (group) {
      group.units = addUnits(group.units, parsed.units);
      group.count += 1;
    } else {
      groups.set(id, { key, units: parsed.units, count: 1 });
    }
  }
  return [...groups.values()]
    .map(({ key: [propertyId, month, kind, category], units, count }) => {
      const total = formatUnits(units, digits);
      if (total === null) throw finerError(`totals of property ${propertyId} in ${month}`, digits);
      return { propertyId, month, kind: kind as MonthlyTotal['kind'], category, total, count };
    })
    .sort(compareTotals);
}

/** Orders totals by property, month, kind, category (plain string order, as every adapter does). */
function compareTotals(a: MonthlyTotal, b: MonthlyTotal): number {
  if (a.propertyId !== b.propertyId) return a.propertyId < b.propertyId ? -1 : 1;
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const x = a.category ?? '';
  const y = b.category ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}
