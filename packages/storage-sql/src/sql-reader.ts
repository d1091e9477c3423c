/**
 * The reads of the SQL repository — `get`, `list` and the pushed-down queries — over one kysely executor: the
 * database, or a unit of work's transaction (which then sees its own writes).
 * @module
 */
import {
  type Alert,
  type AuditEntry,
  type AuditQuery,
  checkListQuery,
  daysInMonth,
  decodeCursor,
  encodeCursor,
  type FilterValue,
  isDateString,
  type Lease,
  type LeasesEndingQuery,
  type ListQuery,
  type Loan,
  type LoanEvent,
  type LoanEventKind,
  type LoanEventsQuery,
  type MonthlyTotal,
  type MonthlyTotalsQuery,
  type OpenAlertsQuery,
  type Page,
  pageSize,
  type RecordOf,
  type RecordType,
  type RepositoryReader,
  ValidationError,
} from '@freehold/engine';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { digitsOfCurrency, formatMinorUnits, rowToAudit, rowToRecord, toSafeNumber } from './mappers.js';
import { monthExpression, type SqlDialectAdapter } from './sql-dialect-adapter.js';
import { translateDriverError } from './sql-errors.js';
import {
  AUDIT_TABLE,
  CATEGORY_ROLLUP_TABLE,
  type CoreDatabase,
  type FieldColumn,
  KIND_ROLLUP_TABLE,
  LOAN_EVENTS_TABLE,
  PORTFOLIO_DAILY_TABLE,
  PORTFOLIO_MONTHLY_TABLE,
  type RecordTableSpec,
  recordTableOf,
  YEARLY_ROLLUP_TABLE,
} from './sql-schema.js';

/** The table spec of `type`; anything that is not a record type is a `ValidationError` naming `type`. */
export function specOf(type: unknown): RecordTableSpec {
  const spec = recordTableOf(type);
  if (!spec) {
    throw ValidationError.field(
      'type',
      'a record type such as property or transaction',
      `unknown type ${String(type)}`,
    );
  }
  return spec;
}

type Builder = ExpressionBuilder<CoreDatabase, string>;

/** A condition that never holds. */
const NOTHING = sql<SqlBool>`1 = 0`;

/** Whether `value` can equal a value stored in `column` (the port compares with `===`). */
function comparable(column: FieldColumn, value: FilterValue): boolean {
  return column.kind === 'integer'
    ? typeof value === 'number' && Number.isFinite(value)
    : typeof value === 'string';
}

/**
 * The SQL condition of one equality filter: `null` matches a null column, an array any of its members, and a
 * value of another type than the column's never matches (as `===` would not).
 */
function filterCondition(
  eb: Builder,
  ref: string,
  column: FieldColumn,
  wanted: FilterValue | readonly FilterValue[],
): Expression<SqlBool> {
  const values: readonly FilterValue[] = Array.isArray(wanted) ? wanted : [wanted as FilterValue];
  const matchable = [...new Set(values.filter((value) => value !== null && comparable(column, value)))];
  const parts: Expression<SqlBool>[] = [];
  if (matchable.length === 1) parts.push(eb(ref, '=', matchable[0]));
  else if (matchable.length > 1) parts.push(eb(ref, 'in', matchable));
  if (values.includes(null)) parts.push(eb(ref, 'is', null));
  if (parts.length === 0) return NOTHING;
  return parts.length === 1 ? (parts[0] as Expression<SqlBool>) : eb.or(parts);
}

/** Order of the port's sort keys: code-unit string comparison, element by element. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Sorts `items` by `keyOf` unless they already are in that order (the usual case: SQL sorted them). */
function ensureOrder<T>(items: T[], keyOf: (item: T) => string[]): T[] {
  for (let i = 1; i < items.length; i++) {
    if (compareKeys(keyOf(items[i - 1] as T), keyOf(items[i] as T)) > 0) {
      return items.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    }
  }
  return items;
}

/** Port order within one property: month, kind, category (code-unit string order). */
function compareWithinProperty(a: MonthlyTotal, b: MonthlyTotal): number {
  if (a.month !== b.month) return (a.month ?? '') < (b.month ?? '') ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const x = a.category ?? '';
  const y = b.category ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Puts totals in the port's order (property, month, kind, category) in about linear time: bucket by property,
 * order the buckets' ids, and sort a bucket only when it is not already in order (rows usually arrive in month
 * order per property).
 */
function inPortOrder(totals: readonly MonthlyTotal[]): MonthlyTotal[] {
  const byProperty = new Map<string, MonthlyTotal[]>();
  for (const total of totals) {
    const propertyId = total.propertyId ?? '';
    const bucket = byProperty.get(propertyId);
    if (bucket) bucket.push(total);
    else byProperty.set(propertyId, [total]);
  }
  const ordered: MonthlyTotal[] = [];
  for (const propertyId of [...byProperty.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bucket = byProperty.get(propertyId) as MonthlyTotal[];
    for (let i = 1; i < bucket.length; i++) {
      if (compareWithinProperty(bucket[i - 1] as MonthlyTotal, bucket[i] as MonthlyTotal) > 0) {
        bucket.sort(compareWithinProperty);
        break;
      }
    }
    for (const total of bucket) ordered.push(total);
  }
  return ordered;
}

/** `YYYY-MM` of the month after `month`. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` of the month before `month`. */
function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${month.slice(0, 4)}-${String(m - 1).padStart(2, '0')}`;
}

/** Last day of the month of `date`. */
function endOfMonth(date: string): string {
  return `${date.slice(0, 8)}${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;
}

/**
 * How `monthlyTotals` splits `[from, to]`: whole months come from the rollups, partial months at either end are
 * aggregated from the raw transactions (through the `(portfolio_id, date)` index).
 */
export interface TotalsPlan {
  /** Whole months `[first, last]` read from the rollup table, if any. */
  readonly months: { readonly first: string; readonly last: string } | null;
  /** Date ranges `[from, to]` within one month each, aggregated from the transactions. */
  readonly partial: readonly { readonly from: string; readonly to: string }[];
}

/** Splits a valid date range into rollup months and raw partial months. */
export function planTotals(from: string, to: string): TotalsPlan {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const fromWhole = from.endsWith('-01');
  const toWhole = to === endOfMonth(to);
  if (fromMonth === toMonth) {
    return fromWhole && toWhole
      ? { months: { first: fromMonth, last: toMonth }, partial: [] }
      : { months: null, partial: [{ from, to }] };
  }
  const partial: { from: string; to: string }[] = [];
  const first = fromWhole ? fromMonth : nextMonth(fromMonth);
  const last = toWhole ? toMonth : previousMonth(toMonth);
  if (!fromWhole) partial.push({ from, to: endOfMonth(from) });
  if (!toWhole) partial.push({ from: `${toMonth}-01`, to });
  return { months: first <= last ? { first, last } : null, partial };
}

/** A select over any core table with loosely typed rows. */
type AnySelect = SelectQueryBuilder<CoreDatabase, string, Record<string, unknown>>;

/** A grouping column of a totals query. */
type RollupColumn = 'property_id' | 'month' | 'kind' | 'category';

/** Which columns a totals query groups by (kind always). */
interface TotalsGrouping {
  readonly property: boolean;
  readonly month: boolean;
  readonly category: boolean;
}

/**
 * Where one part of a totals query reads — a rollup table (with its key columns) or the raw transactions — over
 * which range, and whether its sums are added or (a year's complement) subtracted.
 */
interface TotalsSource {
  readonly table: string;
  /** The table's grouping key below the portfolio, or `null` for raw transactions. */
  readonly keys: readonly (RollupColumn | 'date' | 'year')[] | null;
  /** The month of a row (needed only when months are kept). */
  readonly month?: RawBuilder<string> | ReturnType<typeof sql.ref>;
  /** Inclusive bounds on `year` (`YYYY`), `month` (`YYYY-MM`) or `date` (`YYYY-MM-DD`). */
  readonly range: { readonly column: 'year' | 'month' | 'date'; readonly from: string; readonly to: string };
  /** 1: the rows' sums count; −1: they are taken away (months of a year outside the range). */
  readonly sign: 1 | -1;
}

const CATEGORY_ROLLUP_KEYS = ['month', 'property_id', 'kind', 'category'] as const;
const KIND_ROLLUP_KEYS = ['month', 'property_id', 'kind'] as const;
const PORTFOLIO_MONTHLY_KEYS = ['month', 'kind', 'category'] as const;
const PORTFOLIO_DAILY_KEYS = ['date', 'kind', 'category'] as const;
const YEARLY_ROLLUP_KEYS = ['year', 'property_id', 'kind', 'category'] as const;

/** `YYYY-MM` of year `year` and month `month` (1–12). */
function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * The whole months `first`..`last` (`YYYY-MM`) as yearly and monthly pieces read with the fewest rollup rows: per
 * calendar year, its months as they are, or — when that reads fewer rows — the year's row minus the months outside
 * the span (a trailing twelve months ending in November: this year, minus December). Adjacent pieces of the same
 * kind and sign are joined into one range.
 */
export function planWholeMonths(
  first: string,
  last: string,
): { years: { from: string; to: string }[]; months: { from: string; to: string; sign: 1 | -1 }[] } {
  const years: { from: string; to: string }[] = [];
  const months: { from: string; to: string; sign: 1 | -1 }[] = [];
  const addYear = (year: number) => {
    const key = String(year).padStart(4, '0');
    const previous = years[years.length - 1];
    if (previous && Number(previous.to) === year - 1) previous.to = key;
    else years.push({ from: key, to: key });
  };
  const addMonths = (year: number, a: number, b: number, sign: 1 | -1) => {
    if (a > b) return;
    months.push({ from: monthKey(year, a), to: monthKey(year, b), sign });
  };
  const firstYear = Number(first.slice(0, 4));
  const lastYear = Number(last.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const a = year === firstYear ? Number(first.slice(5, 7)) : 1;
    const b = year === lastYear ? Number(last.slice(5, 7)) : 12;
    const inside = b - a + 1;
    if (inside === 12) addYear(year);
    else if (1 + (12 - inside) < inside) {
      addYear(year);
      addMonths(year, 1, a - 1, -1);
      addMonths(year, b + 1, 12, -1);
    } else addMonths(year, a, b, 1);
  }
  return { years, months };
}

/** Columns every record query returns. */
interface RecordRowShape {
  data: unknown;
  currency: unknown;
}

/** The reads of the port over `executor`. */
export class SqlReader implements RepositoryReader {
  /** The executor reads go through: the database or a unit of work's transaction. */
  protected readonly executor: Kysely<CoreDatabase>;
  /** The dialect (for error translation). */
  protected readonly dialect: SqlDialectAdapter;
  readonly #check: () => void;

  /**
   * Creates the reader over `executor`; `check` runs before every read and throws when reads are no longer
   * allowed (a closed repository, a finished unit of work).
   */
  constructor(executor: Kysely<CoreDatabase>, dialect: SqlDialectAdapter, check: () => void = () => {}) {
    this.executor = executor;
    this.dialect = dialect;
    this.#check = check;
  }

  /** Throws when reads are no longer allowed. */
  protected checkReadable(): void {
    this.#check();
  }

  /** Runs the read `op` after the check, translating driver errors. */
  protected async guard<T>(what: string, op: () => Promise<T>): Promise<T> {
    this.checkReadable();
    try {
      return await op();
    } catch (error) {
      throw translateDriverError(this.dialect, error, what);
    }
  }

  /**
   * Runs `work` with an executor bound to one connection: the unit of work's transaction as it is, or one
   * connection checked out of the database's pool for the duration.
   */
  protected async onOneConnection<T>(work: (executor: Kysely<CoreDatabase>) => Promise<T>): Promise<T> {
    if (this.executor.isTransaction) return work(this.executor);
    return this.executor.connection().execute(work);
  }

  /** Selects `data` (and the portfolio's currency for portfolio-scoped types) from `spec`'s table as `t`. */
  protected records(spec: RecordTableSpec) {
    const base = this.executor.selectFrom(`${spec.table} as t`);
    return spec.portfolioScoped
      ? base
          .leftJoin('portfolios as p', 'p.id', 't.portfolio_id')
          .select(['t.data as data', 'p.currency as currency'])
      : base.select(['t.data as data', sql<null>`null`.as('currency')]);
  }

  /** See {@link RepositoryReader.get}. */
  async get<K extends RecordType>(type: K, id: string): Promise<RecordOf<K> | null> {
    return this.guard('get', async () => {
      const spec = specOf(type);
      const row = (await this.records(spec).where('t.id', '=', id).executeTakeFirst()) as
        | RecordRowShape
        | undefined;
      return row === undefined ? null : (rowToRecord(type, row.data, row.currency) as RecordOf<K>);
    });
  }

  /** See {@link RepositoryReader.list}. */
  async list<K extends RecordType>(type: K, query: ListQuery<K> = {}): Promise<Page<RecordOf<K>>> {
    return this.guard('list', async () => {
      const spec = specOf(type);
      const { where, size } = checkListQuery(type, query);
      const scope = `list:${type}`;
      const after = query.cursor == null ? undefined : decodeCursor(query.cursor, scope, spec.dated ? 2 : 1);
      let select = this.records(spec);
      for (const [field, wanted] of where) {
        const column = spec.columns.find((c) => c.field === field) as FieldColumn;
        select = select.where((eb) => filterCondition(eb as Builder, `t.${column.column}`, column, wanted));
      }
      const { dateFrom, dateTo } = query;
      if (dateFrom !== undefined) select = select.where('t.date', '>=', dateFrom);
      if (dateTo !== undefined) select = select.where('t.date', '<=', dateTo);
      if (after) {
        select = spec.dated
          ? select.where((eb) =>
              eb.and([
                eb('t.date', '>=', after[0] as string),
                eb.or([eb('t.date', '>', after[0] as string), eb('t.id', '>', after[1] as string)]),
              ]),
            )
          : select.where('t.id', '>', after[0] as string);
      }
      if (spec.dated) select = select.select(['t.date as sort_date']).orderBy('t.date');
      const rows = (await select
        .select(['t.id as sort_id'])
        .orderBy('t.id')
        .limit(size + 1)
        .execute()) as (RecordRowShape & {
        sort_id: string;
        sort_date?: string;
      })[];
      const page = rows.slice(0, size);
      const items = page.map((row) => rowToRecord(type, row.data, row.currency) as RecordOf<K>);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > size && last
          ? encodeCursor(scope, spec.dated ? [String(last.sort_date), last.sort_id] : [last.sort_id])
          : null;
      return { items, nextCursor };
    });
  }

  /** See {@link RepositoryReader.monthlyTotals}. */
  async monthlyTotals(query: MonthlyTotalsQuery): Promise<MonthlyTotal[]> {
    return this.guard('monthlyTotals', async () => {
      const granularity = query.granularity ?? 'category';
      if (granularity !== 'category' && granularity !== 'kind') {
        throw ValidationError.field('granularity', 'category or kind');
      }
      for (const bound of ['from', 'to'] as const) {
        if (!isDateString(query[bound])) throw ValidationError.field(bound, 'a calendar date YYYY-MM-DD');
      }
      for (const flag of ['byProperty', 'byMonth'] as const) {
        if (query[flag] !== undefined && typeof query[flag] !== 'boolean') {
          throw ValidationError.field(flag, 'true or false');
        }
      }
      const { portfolioId, from, to, propertyIds } = query;
      if (from > to || (propertyIds !== undefined && propertyIds.length === 0)) return [];
      const want: TotalsGrouping = {
        property: query.byProperty ?? true,
        month: query.byMonth ?? true,
        category: granularity === 'category',
      };
      const plan = planTotals(from, to);
      const properties = propertyIds ? [...new Set(propertyIds)] : undefined;
      // The whole portfolio merged is read from the portfolio rollups (months, and days for partial months);
      // anything per property, or for a subset of properties, from the property rollups and the raw rows.
      const portfolioLevel = !want.property && properties === undefined;
      const sources: TotalsSource[] = [];
      if (plan.months) {
        const monthly = portfolioLevel
          ? { table: PORTFOLIO_MONTHLY_TABLE, keys: PORTFOLIO_MONTHLY_KEYS }
          : want.category
            ? { table: CATEGORY_ROLLUP_TABLE, keys: CATEGORY_ROLLUP_KEYS }
            : { table: KIND_ROLLUP_TABLE, keys: KIND_ROLLUP_KEYS };
        const { first, last } = plan.months;
        const month = sql.ref('month');
        if (want.month || portfolioLevel) {
          sources.push({ ...monthly, month, range: { column: 'month', from: first, to: last }, sign: 1 });
        } else {
          // Per property, months merged: whole years from the yearly rollup, the rest month by month.
          const pieces = planWholeMonths(first, last);
          for (const range of pieces.years) {
            sources.push({
              table: YEARLY_ROLLUP_TABLE,
              keys: YEARLY_ROLLUP_KEYS,
              range: { column: 'year', ...range },
              sign: 1,
            });
          }
          for (const { sign, ...range } of pieces.months) {
            sources.push({ ...monthly, month, range: { column: 'month', ...range }, sign });
          }
        }
      }
      for (const range of plan.partial) {
        sources.push({
          ...(portfolioLevel
            ? { table: PORTFOLIO_DAILY_TABLE, keys: PORTFOLIO_DAILY_KEYS }
            : { table: 'transactions', keys: null }),
          month: monthExpression(this.dialect, 'date'),
          range: { column: 'date', from: range.from, to: range.to },
          sign: 1,
        });
      }
      // Parts cover disjoint date ranges (or take a year's outside months away), so their groups overlap only when
      // months are merged: then one outer GROUP BY adds them up and drops the groups left empty.
      const merge = !want.month && (sources.length > 1 || sources.some((source) => source.sign < 0));
      const parts = sources.map((source) => this.#totalsPart(portfolioId, properties, source, want, !merge));
      const [first, ...rest] = parts;
      if (!first) return [];
      // One statement (one consistent snapshot); no ORDER BY: the rows are put in the port's order below, cheaper
      // than a sort in SQL (the rollup's primary key is month-major, the port's order property-major).
      let union = first;
      for (const part of rest) union = union.unionAll(part);
      const statement = merge
        ? (this.executor
            .selectFrom(union.as('u'))
            .select([
              sql.ref('u.propertyId').as('propertyId'),
              sql<null>`null`.as('month'),
              sql.ref('u.kind').as('kind'),
              sql.ref('u.category').as('category'),
              sql<string>`cast(sum(${sql.ref('u.total')}) as text)`.as('total'),
              sql<number>`cast(sum(${sql.ref('u.count')}) as double precision)`.as('count'),
            ])
            .groupBy([sql.ref('u.propertyId'), sql.ref('u.kind'), sql.ref('u.category')])
            .having(sql<SqlBool>`sum(${sql.ref('u.count')}) <> 0`) as unknown as AnySelect)
        : union;
      const totalsQuery = statement.compile();
      const currencyQuery = this.executor
        .selectFrom('portfolios')
        .select('currency')
        .where('id', '=', portfolioId)
        .compile();
      // Both statements on one connection (a pool checks out one, not two): compiled here, run there.
      const [rows, currency] = await this.onOneConnection(async (executor) => {
        const found = (await executor.executeQuery(currencyQuery)).rows[0];
        return [(await executor.executeQuery(totalsQuery)).rows, found] as const;
      });
      const digits = digitsOfCurrency(currency?.currency);
      const totals = rows as unknown as MonthlyTotal[];
      for (const total of totals) {
        total.total = formatMinorUnits(total.total, digits);
        total.count = toSafeNumber(total.count);
      }
      return inPortOrder(totals);
    });
  }

  /**
   * One part of a totals query: `source`'s rows of the portfolio in its range, shaped as `MonthlyTotal`s of the
   * `want`ed grouping, sums negated for a subtracted source. Rows of a rollup whose key is exactly that grouping are
   * selected as they are; everything else is summed with `GROUP BY`. With `final`, `total` comes back as text and
   * `count` as a double (converted by the caller); otherwise as numbers for an outer query to add up.
   */
  #totalsPart(
    portfolioId: string,
    properties: readonly string[] | undefined,
    source: TotalsSource,
    want: TotalsGrouping,
    final: boolean,
  ): AnySelect {
    const raw = source.keys === null;
    const grouped: RollupColumn[] = [
      ...(want.property ? (['property_id'] as const) : []),
      ...(want.month ? (['month'] as const) : []),
      'kind',
      ...(want.category ? (['category'] as const) : []),
    ];
    const exact =
      source.sign > 0 &&
      source.keys !== null &&
      source.keys.length === grouped.length &&
      grouped.every((key) => source.keys?.includes(key));
    const sumOf = raw ? 'amount_minor' : 'total_minor';
    const signed = (expression: RawBuilder<unknown> | ReturnType<typeof sql.ref>) =>
      source.sign < 0 ? sql`-(${expression})` : expression;
    const total = signed(exact ? sql.ref(sumOf) : sql`sum(${sql.ref(sumOf)})`);
    const count = signed(
      raw ? sql`count(*)` : exact ? sql.ref('tx_count') : sql`sum(${sql.ref('tx_count')})`,
    );
    const month = source.month ?? sql<null>`null`;
    const columnOf = (key: RollupColumn): RawBuilder<unknown> | ReturnType<typeof sql.ref> =>
      key === 'month' ? month : sql.ref(key);
    let part = this.executor
      .selectFrom(source.table)
      .select([
        (want.property ? sql.ref('property_id') : sql<null>`null`).as('propertyId'),
        (want.month ? month : sql<null>`null`).as('month'),
        sql.ref('kind').as('kind'),
        (want.category ? sql.ref('category') : sql<null>`null`).as('category'),
        (final ? sql<string>`cast(${total} as text)` : total).as('total'),
        (final ? sql<number>`cast(${count} as double precision)` : count).as('count'),
      ])
      .where('portfolio_id', '=', portfolioId)
      .where(source.range.column, '>=', source.range.from)
      .where(source.range.column, '<=', source.range.to);
    if (properties) part = part.where('property_id', 'in', properties);
    if (!exact) part = part.groupBy(grouped.map(columnOf));
    return part as unknown as AnySelect;
  }

  /** See {@link RepositoryReader.openAlerts}. */
  async openAlerts(query: OpenAlertsQuery): Promise<Alert[]> {
    return this.guard('openAlerts', async () => {
      const { limit } = query;
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
        throw ValidationError.field('limit', 'a whole number of alerts, 0 or more');
      }
      if (limit === 0 || (query.priorities !== undefined && query.priorities.length === 0)) return [];
      let select = this.records(specOf('alert'))
        .select(['t.priority_rank as rank', 't.raised_at as raised_at', 't.id as id'])
        .where('t.portfolio_id', '=', query.portfolioId)
        .where('t.status', '=', 'open');
      if (query.propertyId !== undefined) select = select.where('t.property_id', '=', query.propertyId);
      if (query.priorities !== undefined) select = select.where('t.priority', 'in', [...query.priorities]);
      select = select.orderBy('t.priority_rank').orderBy('t.raised_at').orderBy('t.id');
      if (limit !== undefined) select = select.limit(limit);
      const rows = (await select.execute()) as (RecordRowShape & {
        rank: unknown;
        raised_at: unknown;
        id: unknown;
      })[];
      const ordered = ensureOrder(rows, (row) => [
        String(toSafeNumber(row.rank)),
        String(row.raised_at),
        String(row.id),
      ]);
      return ordered.map((row) => rowToRecord('alert', row.data, row.currency) as Alert);
    });
  }

  /** See {@link RepositoryReader.leasesEndingBetween}. */
  async leasesEndingBetween(query: LeasesEndingQuery): Promise<Lease[]> {
    return this.guard('leasesEndingBetween', async () => {
      const statuses = [...new Set(query.statuses ?? ['active'])];
      if (statuses.length === 0) return [];
      const rows = (await this.records(specOf('lease'))
        .select(['t.end_date as end_date', 't.id as id'])
        .where('t.portfolio_id', '=', query.portfolioId)
        .where('t.end_date', '>=', query.from)
        .where('t.end_date', '<=', query.to)
        .where('t.status', 'in', statuses)
        .orderBy('t.end_date')
        .orderBy('t.id')
        .execute()) as (RecordRowShape & { end_date: unknown; id: unknown })[];
      return ensureOrder(rows, (row) => [String(row.end_date), String(row.id)]).map(
        (row) => rowToRecord('lease', row.data, row.currency) as Lease,
      );
    });
  }

  /** See {@link RepositoryReader.loanEventsBetween}. */
  async loanEventsBetween(query: LoanEventsQuery): Promise<LoanEvent[]> {
    return this.guard('loanEventsBetween', async () => {
      if (query.kinds !== undefined && query.kinds.length === 0) return [];
      let select = this.executor
        .selectFrom(`${LOAN_EVENTS_TABLE} as e`)
        .innerJoin('loans as t', 't.id', 'e.loan_id')
        .leftJoin('portfolios as p', 'p.id', 't.portfolio_id')
        .select([
          'e.date as date',
          'e.kind as kind',
          'e.loan_id as loan_id',
          't.data as data',
          'p.currency as currency',
        ])
        .where('e.portfolio_id', '=', query.portfolioId)
        .where('e.date', '>=', query.from)
        .where('e.date', '<=', query.to)
        .where('t.archived_at', 'is', null);
      if (query.kinds !== undefined) select = select.where('e.kind', 'in', [...query.kinds]);
      const rows = await select.orderBy('e.date').orderBy('e.kind').orderBy('e.loan_id').execute();
      return ensureOrder(rows, (row) => [String(row.date), String(row.kind), String(row.loan_id)]).map(
        (row) => ({
          loan: rowToRecord('loan', row.data, row.currency) as Loan,
          kind: row.kind as LoanEventKind,
          date: String(row.date),
        }),
      );
    });
  }

  /** See {@link RepositoryReader.listAudit}. */
  async listAudit(query: AuditQuery = {}): Promise<Page<AuditEntry>> {
    return this.guard('listAudit', async () => {
      const size = pageSize(query.limit);
      const scope = 'audit';
      const after = query.cursor == null ? undefined : decodeCursor(query.cursor, scope, 2);
      let select = this.executor.selectFrom(AUDIT_TABLE).select(['data', 'at', 'id']);
      if (query.portfolioId === null) select = select.where('portfolio_id', 'is', null);
      else if (query.portfolioId !== undefined) select = select.where('portfolio_id', '=', query.portfolioId);
      if (query.entityType !== undefined) select = select.where('entity_type', '=', query.entityType);
      if (query.entityId !== undefined) select = select.where('entity_id', '=', query.entityId);
      if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
      if (after) {
        select = select.where((eb) =>
          eb.and([
            eb('at', '>=', after[0] as string),
            eb.or([eb('at', '>', after[0] as string), eb('id', '>', after[1] as string)]),
          ]),
        );
      }
      const rows = await select
        .orderBy('at')
        .orderBy('id')
        .limit(size + 1)
        .execute();
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => rowToAudit(row.data)),
        nextCursor:
          rows.length > size && last ? encodeCursor(scope, [String(last.at), String(last.id)]) : null,
      };
    });
  }
}
