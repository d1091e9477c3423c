/**
 * Rollups of transactions — per property: portfolio × month × property × kind × category and the coarser
 * portfolio × month × property × kind; per portfolio: portfolio × month × kind × category and portfolio × date ×
 * kind × category — maintained in the same database transaction as every transaction write, checked against the
 * raw rows by {@link checkRollups} and rebuilt from them by {@link rebuildRollups}.
 * @module
 */
import {
  type Expression,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { toBigInt, toSafeNumber } from './mappers.js';
import { monthExpression, type SqlDialectAdapter } from './sql-dialect-adapter.js';
import {
  CATEGORY_ROLLUP_TABLE,
  type CoreDatabase,
  createSummaryRollups,
  KIND_ROLLUP_TABLE,
  PORTFOLIO_DAILY_TABLE,
  PORTFOLIO_MONTHLY_TABLE,
  YEARLY_ROLLUP_TABLE,
} from './sql-schema.js';

/** The columns of a transaction row that the rollups aggregate. */
export interface RollupSource {
  /** Portfolio id. */
  readonly portfolio_id: unknown;
  /** Property id. */
  readonly property_id: unknown;
  /** `YYYY-MM-DD`. */
  readonly date: unknown;
  /** Category kind. */
  readonly kind: unknown;
  /** Category key. */
  readonly category: unknown;
  /** Signed amount in minor units. */
  readonly amount_minor: unknown;
}

/** One rollup row's change: the sum is kept as a number while it is exact, then as a bigint. */
interface Delta {
  readonly key: readonly string[];
  small: number;
  big: bigint;
  count: number;
}

/**
 * A key column of a rollup table: `year` (`YYYY`), `month` (`YYYY-MM`) and `date` are derived from the transaction's
 * date.
 */
type RollupKey = 'portfolio_id' | 'year' | 'month' | 'date' | 'property_id' | 'kind' | 'category';

/** A rollup table and its key columns, in primary-key order. */
interface RollupTable {
  readonly table: string;
  readonly keys: readonly RollupKey[];
}

/** The per-property rollups (schema version 1). */
const PROPERTY_ROLLUPS: readonly RollupTable[] = [
  { table: CATEGORY_ROLLUP_TABLE, keys: ['portfolio_id', 'month', 'property_id', 'kind', 'category'] },
  { table: KIND_ROLLUP_TABLE, keys: ['portfolio_id', 'month', 'property_id', 'kind'] },
];

/** The summary rollups (schema version 2): per portfolio by month and by day, per property by year. */
const SUMMARY_ROLLUPS: readonly RollupTable[] = [
  { table: PORTFOLIO_MONTHLY_TABLE, keys: ['portfolio_id', 'month', 'kind', 'category'] },
  { table: PORTFOLIO_DAILY_TABLE, keys: ['portfolio_id', 'date', 'kind', 'category'] },
  { table: YEARLY_ROLLUP_TABLE, keys: ['portfolio_id', 'year', 'property_id', 'kind', 'category'] },
];

/** Every rollup table, each maintained with every transaction write (in this order in {@link RollupDeltas}). */
const ROLLUPS: readonly RollupTable[] = [...PROPERTY_ROLLUPS, ...SUMMARY_ROLLUPS];

/** Names of every rollup table (each has `portfolio_id`, `total_minor` and `tx_count` columns). */
export const ROLLUP_TABLES: readonly string[] = ROLLUPS.map((rollup) => rollup.table);

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

/**
 * Accumulates the rollup changes of transaction writes (a unit of work defers them until it reads or commits,
 * so a bulk import touches each rollup row once), then applies them with multi-row upserts (`ON CONFLICT … DO
 * UPDATE SET total_minor = total_minor + excluded.total_minor`) in key order, so that concurrent writers lock
 * rows in the same order.
 */
export class RollupDeltas {
  /** One map of group id → change per table of {@link ROLLUPS}, in the same order. */
  readonly #tables: Map<string, Delta>[] = ROLLUPS.map(() => new Map());

  /** Adds (`sign` 1) or removes (`sign` −1) one transaction row. */
  add(row: RollupSource, sign: 1 | -1): void {
    this.addParts(
      row.portfolio_id,
      row.property_id,
      row.date,
      row.kind,
      row.category,
      row.amount_minor,
      sign,
    );
  }

  /** {@link RollupDeltas.add} with the columns given one by one (the bulk path reads them from value arrays). */
  addParts(
    portfolioId: unknown,
    propertyId: unknown,
    date: unknown,
    kind: unknown,
    category: unknown,
    amountMinor: unknown,
    sign: 1 | -1,
  ): void {
    const portfolio = text(portfolioId);
    const day = text(date).slice(0, 10);
    const month = day.slice(0, 7);
    const property = text(propertyId);
    const kindText = text(kind);
    const categoryText = text(category);
    const amount =
      typeof amountMinor === 'number' && Number.isSafeInteger(amountMinor)
        ? amountMinor
        : toBigInt(amountMinor);
    const signed = sign === 1 ? amount : -amount;
    const [category_, kind_, portfolioMonth, portfolioDay, yearly] = this.#tables as [
      Map<string, Delta>,
      Map<string, Delta>,
      Map<string, Delta>,
      Map<string, Delta>,
      Map<string, Delta>,
    ];
    const kindId = `${portfolio}\u0000${month}\u0000${property}\u0000${kindText}`;
    bump(kind_, kindId, () => [portfolio, month, property, kindText], signed, sign);
    bump(
      category_,
      `${kindId}\u0000${categoryText}`,
      () => [portfolio, month, property, kindText, categoryText],
      signed,
      sign,
    );
    const tail = `${kindText}\u0000${categoryText}`;
    bump(
      portfolioMonth,
      `${portfolio}\u0000${month}\u0000${tail}`,
      () => [portfolio, month, kindText, categoryText],
      signed,
      sign,
    );
    bump(
      portfolioDay,
      `${portfolio}\u0000${day}\u0000${tail}`,
      () => [portfolio, day, kindText, categoryText],
      signed,
      sign,
    );
    const year = day.slice(0, 4);
    bump(
      yearly,
      `${portfolio}\u0000${year}\u0000${property}\u0000${tail}`,
      () => [portfolio, year, property, kindText, categoryText],
      signed,
      sign,
    );
  }

  /** True when nothing was added. */
  get isEmpty(): boolean {
    return this.#tables.every((table) => table.size === 0);
  }

  /** Adds every change of `other` to this accumulator (`other` is left as it is). */
  merge(other: RollupDeltas): void {
    this.#tables.forEach((target, index) => {
      for (const [id, delta] of other.#tables[index] as Map<string, Delta>) {
        const mine = target.get(id);
        if (!mine) {
          target.set(id, { key: delta.key, small: delta.small, big: delta.big, count: delta.count });
          continue;
        }
        mine.big += delta.big;
        if (Math.abs(mine.small) + Math.abs(delta.small) <= Number.MAX_SAFE_INTEGER)
          mine.small += delta.small;
        else {
          mine.big += BigInt(mine.small) + BigInt(delta.small);
          mine.small = 0;
        }
        mine.count += delta.count;
      }
    });
  }

  /** Writes the accumulated changes through `executor` (inside the unit of work) and clears them. */
  async apply(executor: Kysely<CoreDatabase>, dialect: SqlDialectAdapter): Promise<void> {
    for (const [index, { table, keys }] of ROLLUPS.entries()) {
      const deltas = this.#tables[index] as Map<string, Delta>;
      await applyDeltas(executor, dialect, table, keys, deltas);
      deltas.clear();
    }
  }
}

/** Adds `amount` (and `sign` to the count) to the change of group `id`, created with `key()` when new. */
function bump(
  map: Map<string, Delta>,
  id: string,
  key: () => string[],
  amount: number | bigint,
  sign: 1 | -1,
): void {
  let delta = map.get(id);
  if (!delta) {
    delta = { key: key(), small: 0, big: 0n, count: 0 };
    map.set(id, delta);
  }
  if (typeof amount === 'number' && Math.abs(delta.small) + Math.abs(amount) <= Number.MAX_SAFE_INTEGER) {
    delta.small += amount;
  } else {
    delta.big += BigInt(amount) + BigInt(delta.small);
    delta.small = 0;
  }
  delta.count += sign;
}

async function applyDeltas(
  executor: Kysely<CoreDatabase>,
  dialect: SqlDialectAdapter,
  table: string,
  keys: readonly string[],
  deltas: ReadonlyMap<string, Delta>,
): Promise<void> {
  const ordered = [...deltas.entries()]
    .map(([id, delta]) => ({
      id,
      key: delta.key,
      total: delta.big + BigInt(delta.small),
      count: delta.count,
    }))
    .filter((delta) => delta.count !== 0 || delta.total !== 0n)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const perStatement = Math.max(1, Math.floor(dialect.maxBindParameters / (keys.length + 2)));
  for (let start = 0; start < ordered.length; start += perStatement) {
    const rows = ordered.slice(start, start + perStatement).map((delta) => {
      const row: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        row[key] = delta.key[i];
      });
      row.total_minor = delta.total;
      row.tx_count = delta.count;
      return row;
    });
    await executor
      .insertInto(table)
      .values(rows)
      .onConflict((oc) =>
        oc.columns([...keys]).doUpdateSet((eb) => ({
          total_minor: eb(eb.ref(`${table}.total_minor`), '+', eb.ref('excluded.total_minor')),
          tx_count: eb(eb.ref(`${table}.tx_count`), '+', eb.ref('excluded.tx_count')),
        })),
      )
      .execute();
  }
  // A group whose last transaction left is removed, so the rollup holds exactly the non-empty groups.
  for (const delta of ordered) {
    if (delta.count >= 0) continue;
    let query = executor.deleteFrom(table).where('tx_count', '=', 0);
    keys.forEach((key, i) => {
      query = query.where(key, '=', delta.key[i]);
    });
    await query.execute();
  }
}

/** Options of {@link checkRollups} and {@link rebuildRollups}. */
export interface RollupScope {
  /** Only this portfolio (default: every portfolio). */
  portfolioId?: string;
  /** The dialect, for its month expression (default: dates as text, `substr(date, 1, 7)`). */
  dialect?: Pick<SqlDialectAdapter, 'monthOf'>;
}

/** A rollup row that disagrees with the transactions it summarises. */
export interface RollupMismatch {
  /** The rollup table. */
  table: string;
  /** The group: the table's key columns (portfolio, month or date, property, kind, category) and values. */
  key: Record<string, string>;
  /** Sum and count computed from the transactions (`null` when no transaction is in the group). */
  expected: { total: bigint; count: number } | null;
  /** Sum and count the rollup holds (`null` when it has no row for the group). */
  actual: { total: bigint; count: number } | null;
}

/** Result of {@link checkRollups}. */
export interface RollupCheck {
  /** True when every rollup table agrees exactly with the transactions. */
  ok: boolean;
  /** The first mismatches found (at most `limit` per table). */
  mismatches: RollupMismatch[];
}

/** The transactions grouped the way `table` groups them. */
function groupedTransactions(
  executor: Kysely<CoreDatabase>,
  keys: readonly string[],
  scope: RollupScope,
): SelectQueryBuilder<CoreDatabase, 'transactions', Record<string, unknown>> {
  const month = monthExpression(scope.dialect, 'date');
  const derived: Record<string, RawBuilder<string>> = {
    month,
    year: sql<string>`substr(${month}, ${sql.lit(1)}, ${sql.lit(4)})`,
  };
  const columns = keys.map((key) => (derived[key] ?? sql.ref(key)).as(key));
  const groups = keys.map((key) => derived[key] ?? sql.ref(key));
  let query = executor
    .selectFrom('transactions')
    .select(columns)
    .select((eb) => [eb.fn.sum('amount_minor').as('total_minor'), eb.fn.countAll().as('tx_count')])
    .groupBy(groups);
  if (scope.portfolioId !== undefined) query = query.where('portfolio_id', '=', scope.portfolioId);
  return query as SelectQueryBuilder<CoreDatabase, 'transactions', Record<string, unknown>>;
}

/**
 * Verifies every rollup table against the raw transactions (a full outer join of the grouped transactions and
 * the rollup rows; any difference in sum or count, or a group on one side only, is a mismatch).
 */
export async function checkRollups(
  executor: Kysely<CoreDatabase>,
  scope: RollupScope = {},
  limit = 100,
): Promise<RollupCheck> {
  const mismatches: RollupMismatch[] = [];
  for (const { table, keys } of ROLLUPS) {
    const raw = groupedTransactions(executor, keys, scope).as('r');
    let query = executor
      .selectFrom(raw)
      .fullJoin(`${table} as u`, (join) => {
        let on = join;
        for (const key of keys) on = on.onRef(`r.${key}`, '=', `u.${key}`);
        return on;
      })
      .select(keys.flatMap((key) => [sql.ref(`r.${key}`).as(`r_${key}`), sql.ref(`u.${key}`).as(`u_${key}`)]))
      .select([
        'r.total_minor as r_total',
        'r.tx_count as r_count',
        'u.total_minor as u_total',
        'u.tx_count as u_count',
      ])
      .where(
        (eb) =>
          eb.or([
            eb(eb.ref('r.total_minor'), 'is distinct from', eb.ref('u.total_minor')),
            eb(eb.ref('r.tx_count'), 'is distinct from', eb.ref('u.tx_count')),
          ]) as Expression<SqlBool>,
      )
      .limit(limit);
    if (scope.portfolioId !== undefined) {
      const portfolioId = scope.portfolioId;
      query = query.where((eb) =>
        eb.or([eb('r.portfolio_id', '=', portfolioId), eb('u.portfolio_id', '=', portfolioId)]),
      );
    }
    for (const row of await query.execute()) {
      const key: Record<string, string> = {};
      for (const column of keys) key[column] = String(row[`r_${column}`] ?? row[`u_${column}`]);
      mismatches.push({
        table,
        key,
        expected:
          row.r_total == null ? null : { total: toBigInt(row.r_total), count: toSafeNumber(row.r_count) },
        actual:
          row.u_total == null ? null : { total: toBigInt(row.u_total), count: toSafeNumber(row.u_count) },
      });
    }
  }
  return { ok: mismatches.length === 0, mismatches };
}

/**
 * Recomputes every rollup table (or one portfolio's rows) from the raw transactions. Run it inside a unit of
 * work (or a transaction) so that readers never see the tables half rebuilt.
 */
export async function rebuildRollups(executor: Kysely<CoreDatabase>, scope: RollupScope = {}): Promise<void> {
  await rebuildTables(executor, ROLLUPS, scope);
}

/**
 * The core's schema version 2 step: creates the summary rollup tables (per portfolio by month and by day, per
 * property by year) and fills them from the transactions already stored. Dialect migrations call it; run it inside
 * the migration's transaction.
 */
export async function addSummaryRollups(
  executor: Kysely<CoreDatabase>,
  dialect: Pick<SqlDialectAdapter, 'types' | 'clusteredTableSuffix' | 'monthOf'>,
): Promise<void> {
  await createSummaryRollups(executor, dialect);
  await rebuildTables(executor, SUMMARY_ROLLUPS, { dialect });
}

async function rebuildTables(
  executor: Kysely<CoreDatabase>,
  tables: readonly RollupTable[],
  scope: RollupScope,
): Promise<void> {
  for (const { table, keys } of tables) {
    let remove = executor.deleteFrom(table);
    if (scope.portfolioId !== undefined) remove = remove.where('portfolio_id', '=', scope.portfolioId);
    await remove.execute();
    await executor
      .insertInto(table)
      .columns([...keys, 'total_minor', 'tx_count'])
      .expression(groupedTransactions(executor, keys, scope))
      .execute();
  }
}
