/**
 * `monthlyTotals` over the rollup: whole months from the year buckets (one record per property and year), the
 * partial months at either end of the range from the month buckets (one record per property and month). The
 * transactions themselves are read only when a bound is not a calendar date (the port then compares dates as
 * strings).
 *
 * Per property and month (the default), rows come out in the port's order without a sort: properties in order,
 * each property's buckets in period order, a bucket's lines in slot, kind, category order. Merged across
 * properties (`byProperty: false`) or months (`byMonth: false`), each line is added straight into the sum of its
 * merged row — a bucket resolves its kind × category pairs to their sums once — and only the merged rows are
 * sorted.
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

/** Which columns of a `MonthlyTotal` tell its rows apart; the others are merged (`null`). */
interface Grouping {
  /** One row per property (else `propertyId` `null`). */
  readonly byProperty: boolean;
  /** One row per calendar month (else `month` `null`). */
  readonly byMonth: boolean;
  /** Categories merged per kind (`category` `null`). */
  readonly byKind: boolean;
}

/** Checks a query; `undefined` when it cannot match anything. */
function checkQuery(query: MonthlyTotalsQuery) {
  const granularity = query.granularity ?? 'category';
  if (granularity !== 'category' && granularity !== 'kind') {
    throw ValidationError.field('granularity', 'category or kind');
  }
  const byProperty = query.byProperty ?? true;
  if (typeof byProperty !== 'boolean') throw ValidationError.field('byProperty', 'true or false');
  const byMonth = query.byMonth ?? true;
  if (typeof byMonth !== 'boolean') throw ValidationError.field('byMonth', 'true or false');
  const { portfolioId, from, to } = query;
  if (typeof portfolioId !== 'string') throw ValidationError.field('portfolioId', 'a portfolio id');
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw ValidationError.field(typeof from !== 'string' ? 'from' : 'to', 'a date YYYY-MM-DD');
  }
  const properties = query.propertyIds === undefined ? undefined : [...new Set(query.propertyIds)].sort();
  const plan = planMonths(from, to);
  const empty =
    properties?.length === 0 || (plan.months === null && plan.partial.length === 0 && plan.raw === null);
  const grouping: Grouping = { byProperty, byMonth, byKind: granularity === 'kind' };
  return empty ? undefined : { portfolioId, properties, plan, grouping };
}

/** Exact monthly totals of a portfolio's transactions, in the port's order (see the module notes). */
export async function monthlyTotals(
  tx: IDBTransaction,
  env: ReadEnvironment,
  query: MonthlyTotalsQuery,
): Promise<MonthlyTotal[]> {
  const checked = checkQuery(query);
  if (!checked) return [];
  const { portfolioId, properties, plan, grouping } = checked;

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
  if (rawRead) return totalsOfTransactions(await rawRead, portfolioId, digits, grouping);
  const yearBuckets = yearOutcomes.flatMap((o) => (o.ok ? o.value : [])) as RollupBucket[];
  const monthBuckets = monthOutcomes.flatMap((o) => (o.ok ? o.value : [])) as RollupBucket[];
  if (!grouping.byProperty || !grouping.byMonth) {
    const totals = new MergedTotals(digits, grouping);
    if (months) for (const bucket of yearBuckets) totals.wholeMonths(bucket, months.first, months.last);
    for (const bucket of monthBuckets) {
      const part = partial.find(({ month }) => month === bucket.period);
      if (part) totals.partialMonth(bucket, part.first, part.last);
    }
    return totals.rows();
  }

  const perProperty = new Map<string, { years: RollupBucket[]; months: Map<string, RollupBucket> }>();
  const entryOf = (propertyId: string) => {
    let entry = perProperty.get(propertyId);
    if (!entry) {
      entry = { years: [], months: new Map() };
      perProperty.set(propertyId, entry);
    }
    return entry;
  };
  for (const bucket of yearBuckets) entryOf(bucket.propertyId).years.push(bucket);
  for (const bucket of monthBuckets) entryOf(bucket.propertyId).months.set(bucket.period, bucket);

  const rows = new RowWriter(digits, grouping.byKind);
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

/** The running sum of one merged row. */
interface Sum {
  units: Units;
  count: number;
  finer: number;
}

/** Sums keyed by kind, then category (`''` with granularity `kind`). */
type PairSums = Map<string, Map<string, Sum>>;

/** Plain string order (JavaScript `<`, never locale order). */
const compareText = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/** The entries of `map` in plain string order of their keys. */
const sortedEntries = <T>(map: ReadonlyMap<string, T>): [string, T][] =>
  [...map].sort(([a], [b]) => compareText(a, b));

/**
 * Bucket lines summed straight into rows merged across properties and/or months: sums keyed by property, month,
 * kind and category, where a merged column has the single key `''`. A bucket resolves its lines' sums through the
 * maps once per kind × category pair when its months are merged, once per line otherwise.
 */
class MergedTotals {
  /** Property (or `''`) → month (or `''`) → kind → category (or `''`) → sum. */
  readonly #sums = new Map<string, Map<string, PairSums>>();

  constructor(
    readonly digits: number,
    readonly grouping: Grouping,
  ) {}

  /** The whole months of a year bucket that fall within `[first, last]` (`YYYY-MM`). */
  wholeMonths(bucket: RollupBucket, first: string, last: string): void {
    const year = bucket.period;
    const fromMonth = year === first.slice(0, 4) ? Number(first.slice(5, 7)) : 1;
    const toMonth = year === last.slice(0, 4) ? Number(last.slice(5, 7)) : 12;
    const months = this.#monthsOf(bucket);
    if (!this.grouping.byMonth) {
      this.#addLines(bucket, fromMonth, toMonth, this.#pairsOf(months, ''));
      return;
    }
    const { kinds, categories } = bucket;
    let slotPairs: PairSums | undefined;
    let slotOf = 0;
    forEachLine(bucket, fromMonth, toMonth, this.digits, (slot, pair, units, count, finer) => {
      if (slotOf !== slot || !slotPairs) {
        slotPairs = this.#pairsOf(months, `${year}-${MONTH_NUMBERS[slot]}`);
        slotOf = slot;
      }
      addTo(this.#sumOf(slotPairs, kinds[pair] ?? '', categories[pair] ?? ''), units, count, finer);
    });
  }

  /** Days `first`–`last` of a month bucket. */
  partialMonth(bucket: RollupBucket, first: number, last: number): void {
    const months = this.#monthsOf(bucket);
    this.#addLines(bucket, first, last, this.#pairsOf(months, this.grouping.byMonth ? bucket.period : ''));
  }

  /** The merged rows, in the port's order. */
  rows(): MonthlyTotal[] {
    const { byProperty, byMonth, byKind } = this.grouping;
    const rows: MonthlyTotal[] = [];
    for (const [propertyKey, months] of sortedEntries(this.#sums)) {
      const propertyId = byProperty ? propertyKey : null;
      for (const [monthKey, kinds] of sortedEntries(months)) {
        const month = byMonth ? monthKey : null;
        for (const [kind, categories] of sortedEntries(kinds)) {
          for (const [categoryKey, { units, count, finer }] of sortedEntries(categories)) {
            const category = byKind ? null : categoryKey;
            const total = finer > 0 ? null : formatUnits(units, this.digits);
            if (total === null) {
              const what =
                `totals of ${propertyId === null ? 'the properties' : `property ${propertyId}`} ` +
                `${month === null ? 'over the range' : `in ${month}`} (${kind}${category === null ? '' : ` ${category}`})`;
              throw finerError(what, this.digits);
            }
            rows.push({ propertyId, month, kind: kind as MonthlyTotal['kind'], category, total, count });
          }
        }
      }
    }
    return rows;
  }

  /** Adds the lines of `bucket` with slots in `[from, to]` to `pairs`, resolving each pair's sum once. */
  #addLines(bucket: RollupBucket, from: number, to: number, pairs: PairSums): void {
    const { kinds, categories } = bucket;
    const sums: (Sum | undefined)[] = [];
    forEachLine(bucket, from, to, this.digits, (_slot, pair, units, count, finer) => {
      let sum = sums[pair];
      if (!sum) {
        sum = this.#sumOf(pairs, kinds[pair] ?? '', categories[pair] ?? '');
        sums[pair] = sum;
      }
      addTo(sum, units, count, finer);
    });
  }

  #monthsOf(bucket: RollupBucket): Map<string, PairSums> {
    const key = this.grouping.byProperty ? bucket.propertyId : '';
    let months = this.#sums.get(key);
    if (!months) {
      months = new Map();
      this.#sums.set(key, months);
    }
    return months;
  }

  #pairsOf(months: Map<string, PairSums>, month: string): PairSums {
    let pairs = months.get(month);
    if (!pairs) {
      pairs = new Map();
      months.set(month, pairs);
    }
    return pairs;
  }

  #sumOf(pairs: PairSums, kind: string, category: string): Sum {
    let categories = pairs.get(kind);
    if (!categories) {
      categories = new Map();
      pairs.set(kind, categories);
    }
    const key = this.grouping.byKind ? '' : category;
    let sum = categories.get(key);
    if (!sum) {
      sum = { units: 0, count: 0, finer: 0 };
      categories.set(key, sum);
    }
    return sum;
  }
}

/** Adds one line to a running sum. */
function addTo(sum: Sum, units: Units, count: number, finer: number): void {
  sum.units = addUnits(sum.units, units);
  sum.count += count;
  sum.finer += finer;
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
  { byProperty, byMonth, byKind }: Grouping,
): MonthlyTotal[] {
  const groups = new Map<
    string,
    { key: [string | null, string | null, string, string | null]; units: Units; count: number }
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
    const key: [string | null, string | null, string, string | null] = [
      byProperty ? String(stored.propertyId) : null,
      byMonth ? String(stored.date).slice(0, 7) : null,
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
      if (total === null) {
        const what = `totals of ${propertyId === null ? 'the properties' : `property ${propertyId}`} ${month === null ? 'over the range' : `in ${month}`}`;
        throw finerError(what, digits);
      }
      return { propertyId, month, kind: kind as MonthlyTotal['kind'], category, total, count };
    })
    .sort(compareTotals);
}

/**
 * Orders totals by property, month, kind, category (plain string order, as every adapter does). A merged column is
 * `null` in every row, so `null` never meets a string.
 */
function compareTotals(a: MonthlyTotal, b: MonthlyTotal): number {
  return (
    compareText(a.propertyId ?? '', b.propertyId ?? '') ||
    compareText(a.month ?? '', b.month ?? '') ||
    compareText(a.kind, b.kind) ||
    compareText(a.category ?? '', b.category ?? '')
  );
}
