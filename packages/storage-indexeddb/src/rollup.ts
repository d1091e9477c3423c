/**
 * The monthly rollup of transactions, kept in two stores and updated in the same IndexedDB transaction as every
 * transaction write:
 * - **year buckets** (`transactionYear`): one record per portfolio × property × calendar year, one line per
 *   month × kind × category — whole months of a dashboard read one record per property and year;
 * - **month buckets** (`transactionMonth`): one record per portfolio × property × month, one line per
 *   day × kind × category — the partial months at either end of a date range.
 *
 * A line holds the exact sum of the amounts (integer thousandths, see `ROLLUP_SCALE`), their count, and how many
 * amounts have more than 0, 1 and 2 significant decimals (so that reading a total in a currency with fewer minor
 * digits fails exactly as summing the transactions would). Reading an IndexedDB record costs far more than the
 * bytes in it, and a string costs more than a number: a bucket therefore stores its kind × category pairs once
 * and its lines as a flat array of numbers.
 * @internal
 * @module
 */
import { isDateString, ValidationError } from '@freehold/engine';
import { addUnits, amountUnits, negateUnits, ROLLUP_SCALE, type Units } from './mappers.js';

/** Store of year buckets (lines per month). */
export const YEAR_ROLLUP_STORE = 'transactionYear';
/** Store of month buckets (lines per day). */
export const MONTH_ROLLUP_STORE = 'transactionMonth';
/** Index of both rollup stores over `[portfolioId, period]`. */
export const PORTFOLIO_PERIOD_INDEX = 'portfolioPeriod';

/** Numbers per line in {@link RollupBucket.cells}: `[slot, pair, units, count, over0, over1, over2]`. */
export const CELLS_PER_LINE = 7;

/** A stored rollup bucket. */
export interface RollupBucket {
  /** The portfolio. */
  portfolioId: string;
  /** The property. */
  propertyId: string;
  /** `YYYY` in the year store (slots are months 1–12), `YYYY-MM` in the month store (slots are days 1–31). */
  period: string;
  /** Kinds of the bucket's kind × category pairs, ordered by kind then category. */
  kinds: string[];
  /** Categories of the pairs, parallel to `kinds`. */
  categories: string[];
  /**
   * The lines, {@link CELLS_PER_LINE} numbers each — slot, pair index, units (a bigint only beyond 2^53), count,
   * amounts with more than 0 / 1 / 2 decimals — ordered by slot, then pair.
   */
  cells: Units[];
}

/** The key of a bucket: `[portfolioId, propertyId, period]`. */
export type BucketKey = [portfolioId: string, propertyId: string, period: string];

/** The fields of a transaction the rollup reads. */
export interface RollupSource {
  readonly id: string;
  readonly portfolioId: string;
  readonly propertyId: string;
  readonly date: string;
  readonly kind: string;
  readonly category: string;
  readonly amount: string;
}

/** One decoded line. */
interface Line {
  slot: number;
  kind: string;
  category: string;
  units: Units;
  count: number;
  over0: number;
  over1: number;
  over2: number;
}

/** How a store cuts dates into buckets (periods) and lines (slots). */
interface Granularity {
  readonly store: string;
  readonly period: (date: string) => string;
  readonly slot: (date: string) => number;
}

const GRANULARITIES: readonly Granularity[] = [
  { store: YEAR_ROLLUP_STORE, period: (date) => date.slice(0, 4), slot: (date) => Number(date.slice(5, 7)) },
  {
    store: MONTH_ROLLUP_STORE,
    period: (date) => date.slice(0, 7),
    slot: (date) => Number(date.slice(8, 10)),
  },
];

const lineId = (slot: number, kind: string, category: string) => `${slot}\u0000${kind}\u0000${category}`;

/** The lines of a stored bucket, by slot × kind × category. */
function decode(bucket: RollupBucket | undefined): Map<string, Line> {
  const lines = new Map<string, Line>();
  if (!bucket) return lines;
  const { cells, kinds, categories } = bucket;
  for (let at = 0; at < cells.length; at += CELLS_PER_LINE) {
    const pair = cells[at + 1] as number;
    const line: Line = {
      slot: cells[at] as number,
      kind: kinds[pair] ?? '',
      category: categories[pair] ?? '',
      units: cells[at + 2] as Units,
      count: cells[at + 3] as number,
      over0: cells[at + 4] as number,
      over1: cells[at + 5] as number,
      over2: cells[at + 6] as number,
    };
    lines.set(lineId(line.slot, line.kind, line.category), line);
  }
  return lines;
}

const compareStrings = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/** A bucket holding `lines` (none with a count of 0), or `null` when there are none. */
function encode(key: BucketKey, lines: Iterable<Line>): RollupBucket | null {
  const kept = [...lines].filter((line) => line.count > 0);
  if (kept.length === 0) return null;
  const pairs = [...new Map(kept.map((line) => [`${line.kind}\u0000${line.category}`, line])).values()]
    .map((line) => [line.kind, line.category] as const)
    .sort((a, b) => compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]));
  const pairIndex = new Map(pairs.map(([kind, category], i) => [`${kind}\u0000${category}`, i]));
  const indexed = kept
    .map((line) => ({ line, pair: pairIndex.get(`${line.kind}\u0000${line.category}`) ?? 0 }))
    .sort((a, b) => a.line.slot - b.line.slot || a.pair - b.pair);
  const cells: Units[] = [];
  for (const { line, pair } of indexed) {
    cells.push(line.slot, pair, line.units, line.count, line.over0, line.over1, line.over2);
  }
  return {
    portfolioId: key[0],
    propertyId: key[1],
    period: key[2],
    kinds: pairs.map(([kind]) => kind),
    categories: pairs.map(([, category]) => category),
    cells,
  };
}

/** One bucket a {@link RollupDelta} changes. */
export interface BucketChange {
  /** Its store. */
  readonly store: string;
  /** Its key. */
  readonly key: BucketKey;
  /** Its new content given the stored one, or `null` when it ends up empty (the bucket is then deleted). */
  merge(stored: RollupBucket | undefined): RollupBucket | null;
}

/**
 * Changes to the rollup collected from transaction writes (+1 for an insert, -1 for a delete, both for an
 * update), applied to the stores in one batch.
 */
export class RollupDelta {
  readonly #buckets = new Map<string, { store: string; key: BucketKey; lines: Map<string, Line> }>();

  /**
   * Adds (`sign` 1) or removes (`sign` -1) one transaction. Its amount and date are checked: an amount that is not
   * a plain decimal with at most 3 decimals, or a date that is not a calendar date, is a `ValidationError`.
   */
  add(tx: RollupSource, sign: 1 | -1): void {
    const { units, decimals } = amountUnits(tx.amount, tx.id);
    const date = tx.date;
    if (!isDateString(date)) {
      throw ValidationError.field(
        'date',
        'a calendar date YYYY-MM-DD',
        `transaction ${tx.id}: date ${JSON.stringify(date)} is not a calendar date`,
      );
    }
    const signed = sign === 1 ? units : negateUnits(units);
    for (const { store, period, slot } of GRANULARITIES) {
      const key: BucketKey = [tx.portfolioId, tx.propertyId, period(date)];
      const id = `${store}\u0000${key.join('\u0000')}`;
      let bucket = this.#buckets.get(id);
      if (!bucket) {
        bucket = { store, key, lines: new Map() };
        this.#buckets.set(id, bucket);
      }
      const at = slot(date);
      const change = lineId(at, tx.kind, tx.category);
      const line = bucket.lines.get(change);
      const delta = {
        units: signed,
        count: sign,
        over0: decimals > 0 ? sign : 0,
        over1: decimals > 1 ? sign : 0,
        over2: decimals > 2 ? sign : 0,
      };
      bucket.lines.set(
        change,
        line ? addLine(line, delta) : { slot: at, kind: tx.kind, category: tx.category, ...delta },
      );
    }
  }

  /** True when nothing was added. */
  get isEmpty(): boolean {
    return this.#buckets.size === 0;
  }

  /** Every bucket this delta changes. */
  changes(): BucketChange[] {
    return [...this.#buckets.values()].map(({ store, key, lines: delta }) => ({
      store,
      key,
      merge(stored) {
        const lines = decode(stored);
        for (const [id, change] of delta) {
          const line = lines.get(id);
          lines.set(id, line ? addLine(line, change) : change);
        }
        return encode(key, lines.values());
      },
    }));
  }
}

function addLine(line: Line, change: Pick<Line, 'units' | 'count' | 'over0' | 'over1' | 'over2'>): Line {
  return {
    ...line,
    units: addUnits(line.units, change.units),
    count: line.count + change.count,
    over0: line.over0 + change.over0,
    over1: line.over1 + change.over1,
    over2: line.over2 + change.over2,
  };
}

/** Receives one line of a bucket: slot (month or day), pair index, exact sum, count, amounts finer than allowed. */
export type LineVisitor = (slot: number, pair: number, units: Units, count: number, finer: number) => void;

/**
 * Calls `visit` with each line of `bucket` whose slot lies in `[from, to]`, in slot then pair order (kind, then
 * category); `finer` counts the line's amounts with more decimals than `digits`.
 */
export function forEachLine(
  bucket: RollupBucket,
  from: number,
  to: number,
  digits: number,
  visit: LineVisitor,
): void {
  const { cells } = bucket;
  const overAt = digits >= ROLLUP_SCALE ? -1 : 4 + Math.max(0, digits);
  for (let at = 0; at < cells.length; at += CELLS_PER_LINE) {
    const slot = cells[at] as number;
    if (slot < from || slot > to) continue;
    const finer = overAt < 0 ? 0 : (cells[at + overAt] as number);
    visit(slot, cells[at + 1] as number, cells[at + 2] as Units, cells[at + 3] as number, finer);
  }
}
