/**
 * The core SQL schema shared by every SQL dialect: one table per record type (the record as JSON in `data`, plus
 * real, indexed columns for `id`, `version` and every filter field), typed columns for everything aggregated on
 * `transactions`, the monthly rollup tables, materialised loan events, the audit log and a metadata table.
 * @module
 */
import { FILTER_FIELDS, type RecordType, UNIQUE_KEYS } from '@freehold/engine';
import { type CreateTableBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { SqlDialectAdapter } from './sql-dialect-adapter.js';

/**
 * The database type the core queries through. Tables and columns are chosen at run time from the record type,
 * so the core uses a loose table → column map; rows are checked by the mappers instead.
 */
export type CoreDatabase = Record<string, Record<string, unknown>>;

/** A record field copied into a real column. */
export interface FieldColumn {
  /** Field name in the record (`portfolioId`). */
  readonly field: string;
  /** Column name (`portfolio_id`). */
  readonly column: string;
  /** Column type: `text` (strings, instants), `date` (calendar dates) or `integer`. */
  readonly kind: 'text' | 'integer' | 'date';
}

/** How one record type is stored. */
export interface RecordTableSpec {
  /** The record type. */
  readonly type: RecordType;
  /** Table name. */
  readonly table: string;
  /** Field columns: every filter field of the type, plus the fields the pushed-down queries read. */
  readonly columns: readonly FieldColumn[];
  /** True for dated types (`date` column; lists ordered by date, then id). */
  readonly dated: boolean;
  /** True when records carry `portfolioId` (reads join the portfolio for its currency). */
  readonly portfolioScoped: boolean;
}

/** Name of the audit log table. */
export const AUDIT_TABLE = 'audit_entries';
/** Name of the materialised loan events table (filled from `loanEvents(loan)` whenever a loan is written). */
export const LOAN_EVENTS_TABLE = 'loan_events';
/** Monthly rollup: portfolio × month × property × kind × category → sum of minor units, count. */
export const CATEGORY_ROLLUP_TABLE = 'monthly_category_totals';
/** Monthly rollup: portfolio × month × property × kind → sum of minor units, count. */
export const KIND_ROLLUP_TABLE = 'monthly_kind_totals';
/** Portfolio rollup (schema version 2): portfolio × month × kind × category → sum of minor units, count. */
export const PORTFOLIO_MONTHLY_TABLE = 'portfolio_monthly_totals';
/**
 * Portfolio rollup by day (schema version 2): portfolio × date × kind × category → sum, count. Serves the partial
 * months at the ends of a range, so portfolio totals never read raw transactions.
 */
export const PORTFOLIO_DAILY_TABLE = 'portfolio_daily_totals';
/**
 * Yearly rollup per property (schema version 2): portfolio × year × property × kind × category → sum, count. Lets
 * a per-property total over many months read a year's row minus a few months instead of every month.
 */
export const YEARLY_ROLLUP_TABLE = 'yearly_category_totals';
/** Key/value metadata (`schema_version`). */
export const META_TABLE = 'freehold_meta';

const TABLE_NAMES: { readonly [K in RecordType]: string } = {
  portfolio: 'portfolios',
  property: 'properties',
  valuation: 'valuations',
  unit: 'units',
  contact: 'contacts',
  lease: 'leases',
  loan: 'loans',
  transaction: 'transactions',
  category: 'categories',
  recurringCharge: 'recurring_charges',
  budget: 'budgets',
  alert: 'alerts',
  task: 'tasks',
  deal: 'deals',
  dealAnalysis: 'deal_analyses',
  scenario: 'scenarios',
  document: 'documents',
  user: 'users',
  roleAssignment: 'role_assignments',
};

/** Fields besides the filter fields that get a column, per type. */
const EXTRA_FIELDS: { readonly [K in RecordType]?: readonly string[] } = {
  portfolio: ['currency'],
  valuation: ['date'],
  transaction: ['date'],
  alert: ['raisedAt'],
  lease: ['endDate'],
};

/** Fields stored as integers; every other field column is text. */
const INTEGER_FIELDS: ReadonlySet<string> = new Set(['year']);

/** Calendar-date fields (`YYYY-MM-DD`), stored in the dialect's date type. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['date', 'endDate']);

/** Fields naming a parent record: indexed on their own, so children are found without the portfolio. */
const PARENT_FIELDS: ReadonlySet<string> = new Set([
  'propertyId',
  'unitId',
  'leaseId',
  'loanId',
  'dealId',
  'userId',
  'groupId',
]);

/** `portfolioId` → `portfolio_id`. */
export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function buildSpec<K extends RecordType>(type: K): RecordTableSpec {
  const filterFields: readonly string[] = FILTER_FIELDS[type];
  const fields = [...filterFields, ...(EXTRA_FIELDS[type] ?? [])];
  return {
    type,
    table: TABLE_NAMES[type],
    columns: fields.map((field) => ({
      field,
      column: columnOf(field),
      kind: INTEGER_FIELDS.has(field) ? 'integer' : DATE_FIELDS.has(field) ? 'date' : 'text',
    })),
    dated: fields.includes('date'),
    portfolioScoped: filterFields.includes('portfolioId'),
  };
}

/** Every record type's table spec. */
export const RECORD_TABLES: { readonly [K in RecordType]: RecordTableSpec } = Object.fromEntries(
  (Object.keys(TABLE_NAMES) as RecordType[]).map((type) => [type, buildSpec(type)]),
) as { readonly [K in RecordType]: RecordTableSpec };

/** The spec of `type`, or undefined for anything that is not a record type. */
export function recordTableOf(type: unknown): RecordTableSpec | undefined {
  return typeof type === 'string' && Object.hasOwn(RECORD_TABLES, type)
    ? RECORD_TABLES[type as RecordType]
    : undefined;
}

/** An index of the core schema. */
export interface CoreIndex {
  /** Index name (unique per schema). */
  readonly name: string;
  /** Table. */
  readonly table: string;
  /** Columns, in order. */
  readonly columns: readonly string[];
  /** A unique index. */
  readonly unique?: boolean;
  /** A partial index: `column IS NOT NULL` or `column = 'value'`. */
  readonly where?:
    | { readonly column: string; readonly notNull: true }
    | { readonly column: string; readonly equals: string };
}

function index(table: string, columns: readonly string[], extra: Partial<CoreIndex> = {}): CoreIndex {
  const suffix = extra.unique ? 'key' : 'idx';
  const partial = extra.where ? `_${'equals' in extra.where ? extra.where.equals : 'set'}` : '';
  return { name: `${table}_${columns.join('_')}${partial}_${suffix}`, table, columns, ...extra };
}

/**
 * The transactions table's indexes, chosen for the port's queries and for import speed at 10M rows: the id is
 * left out of the date indexes (SQLite appends the rowid anyway, and ties on a date are sorted in the few rows
 * they concern), low-cardinality filters get narrow `(column, date)` indexes, and link columns partial indexes
 * (most transactions have no unit, lease, loan or group).
 */
function transactionIndexes(): CoreIndex[] {
  const t = 'transactions';
  return [
    index(t, ['portfolio_id', 'date']),
    index(t, ['property_id', 'date']),
    index(t, ['category', 'date']),
    index(t, ['kind', 'date']),
    ...['unit_id', 'lease_id', 'loan_id', 'group_id'].map((column) =>
      index(t, [column, 'date'], { where: { column, notNull: true } }),
    ),
  ];
}

/** Every secondary index of the record tables (unique keys included). */
export function recordIndexes(): CoreIndex[] {
  const indexes: CoreIndex[] = [];
  for (const spec of Object.values(RECORD_TABLES)) {
    const uniqueKeys: readonly (readonly string[])[] =
      (UNIQUE_KEYS as { readonly [K in RecordType]?: readonly (readonly string[])[] })[spec.type] ?? [];
    const unique = uniqueKeys.map((key) => key.map(columnOf));
    for (const columns of unique) indexes.push(index(spec.table, columns, { unique: true }));
    if (spec.type === 'transaction') {
      indexes.push(...transactionIndexes());
      continue;
    }
    const order = spec.dated ? ['date', 'id'] : ['id'];
    if (spec.portfolioScoped) indexes.push(index(spec.table, ['portfolio_id', ...order]));
    for (const { field, column } of spec.columns) {
      if (field === 'portfolioId' || !FILTER_FIELDS[spec.type].some((f: string) => f === field)) continue;
      const columns =
        PARENT_FIELDS.has(field) || !spec.portfolioScoped
          ? [column, ...order]
          : ['portfolio_id', column, ...order];
      const coveredByUnique = unique.some((key) => columns.slice(0, key.length).join() === key.join());
      if (!coveredByUnique) indexes.push(index(spec.table, columns));
    }
  }
  indexes.push(index('leases', ['portfolio_id', 'end_date', 'id']));
  indexes.push(
    index('alerts', ['portfolio_id', 'priority_rank', 'raised_at', 'id'], {
      where: { column: 'status', equals: 'open' },
    }),
  );
  return indexes;
}

/** Creates one index of {@link recordIndexes}. */
export async function createCoreIndex(db: Kysely<CoreDatabase>, spec: CoreIndex): Promise<void> {
  let builder = db.schema
    .createIndex(spec.name)
    .on(spec.table)
    .columns([...spec.columns]);
  if (spec.unique) builder = builder.unique();
  const where = spec.where;
  if (where) {
    builder = builder.where(
      'notNull' in where
        ? sql<SqlBool>`${sql.ref(where.column)} is not null`
        : sql<SqlBool>`${sql.ref(where.column)} = ${sql.lit(where.equals)}`,
    );
  }
  await builder.execute();
}

/**
 * Creates the version-1 core schema: every table and index. Dialect migrations call it from their first
 * migration (`0001-initial`); later migrations change the schema with their own steps.
 */
export async function createCoreSchema(
  db: Kysely<CoreDatabase>,
  dialect: Pick<SqlDialectAdapter, 'types' | 'clusteredTableSuffix'>,
): Promise<void> {
  const { text, integer, bigint, json } = dialect.types;
  const date = dialect.types.date ?? text;
  const clustered = dialect.clusteredTableSuffix;

  await db.schema
    .createTable(META_TABLE)
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();

  for (const spec of Object.values(RECORD_TABLES)) {
    let table = db.schema
      .createTable(spec.table)
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('version', integer, (c) => c.notNull())
      .addColumn('data', json, (c) => c.notNull());
    for (const column of spec.columns) {
      table = table.addColumn(
        column.column,
        column.kind === 'integer' ? integer : column.kind === 'date' ? date : text,
      );
    }
    if (spec.type === 'transaction') table = table.addColumn('amount_minor', bigint, (c) => c.notNull());
    if (spec.type === 'alert') table = table.addColumn('priority_rank', integer, (c) => c.notNull());
    await table.execute();
  }

  await db.schema
    .createTable(AUDIT_TABLE)
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('portfolio_id', text)
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('entity_id', text)
    .addColumn('actor_id', text, (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .execute();

  let loanEvents = db.schema
    .createTable(LOAN_EVENTS_TABLE)
    .addColumn('loan_id', text, (c) => c.notNull())
    .addColumn('date', date, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('portfolio_id', text, (c) => c.notNull())
    .addPrimaryKeyConstraint(`${LOAN_EVENTS_TABLE}_pkey`, ['loan_id', 'date', 'kind']);
  if (clustered) loanEvents = loanEvents.modifyEnd(sql.raw(clustered));
  await loanEvents.execute();

  for (const [name, keys] of [
    [CATEGORY_ROLLUP_TABLE, ['portfolio_id', 'month', 'property_id', 'kind', 'category']],
    [KIND_ROLLUP_TABLE, ['portfolio_id', 'month', 'property_id', 'kind']],
  ] as const) {
    let rollup: CreateTableBuilder<string, string> = db.schema.createTable(name);
    for (const key of keys) rollup = rollup.addColumn(key, text, (c) => c.notNull());
    rollup = rollup
      .addColumn('total_minor', bigint, (c) => c.notNull())
      .addColumn('tx_count', bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pkey`, [...keys]);
    if (clustered) rollup = rollup.modifyEnd(sql.raw(clustered));
    await rollup.execute();
  }

  const indexes: CoreIndex[] = [
    ...recordIndexes(),
    index(AUDIT_TABLE, ['at', 'id']),
    index(AUDIT_TABLE, ['portfolio_id', 'at', 'id']),
    index(AUDIT_TABLE, ['entity_type', 'at', 'id']),
    index(AUDIT_TABLE, ['entity_id', 'at', 'id']),
    index(AUDIT_TABLE, ['actor_id', 'at', 'id']),
    index(LOAN_EVENTS_TABLE, ['portfolio_id', 'date', 'kind', 'loan_id']),
    index(CATEGORY_ROLLUP_TABLE, ['portfolio_id', 'property_id', 'month']),
    index(KIND_ROLLUP_TABLE, ['portfolio_id', 'property_id', 'month']),
  ];
  for (const spec of indexes) await createCoreIndex(db, spec);
}

/**
 * Schema version 2 of the core: the summary rollups — per portfolio ({@link PORTFOLIO_MONTHLY_TABLE},
 * {@link PORTFOLIO_DAILY_TABLE}) and per property and year ({@link YEARLY_ROLLUP_TABLE}) — as empty tables. The
 * rollups module's `addSummaryRollups` creates them and fills them from the stored transactions.
 */
export async function createSummaryRollups(
  db: Kysely<CoreDatabase>,
  dialect: Pick<SqlDialectAdapter, 'types' | 'clusteredTableSuffix'>,
): Promise<void> {
  const { text, bigint } = dialect.types;
  const date = dialect.types.date ?? text;
  for (const [name, keys] of [
    [PORTFOLIO_MONTHLY_TABLE, ['portfolio_id', 'month', 'kind', 'category']],
    [PORTFOLIO_DAILY_TABLE, ['portfolio_id', 'date', 'kind', 'category']],
    [YEARLY_ROLLUP_TABLE, ['portfolio_id', 'year', 'property_id', 'kind', 'category']],
  ] as const) {
    let rollup: CreateTableBuilder<string, string> = db.schema.createTable(name);
    for (const key of keys) rollup = rollup.addColumn(key, key === 'date' ? date : text, (c) => c.notNull());
    rollup = rollup
      .addColumn('total_minor', bigint, (c) => c.notNull())
      .addColumn('tx_count', bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pkey`, [...keys]);
    if (dialect.clusteredTableSuffix) rollup = rollup.modifyEnd(sql.raw(dialect.clusteredTableSuffix));
    await rollup.execute();
  }
}

/** Drops the tables of {@link createSummaryRollups} (the `down` of the migration that adds them). */
export async function dropSummaryRollups(db: Kysely<CoreDatabase>): Promise<void> {
  for (const table of [PORTFOLIO_MONTHLY_TABLE, PORTFOLIO_DAILY_TABLE, YEARLY_ROLLUP_TABLE]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

/** Drops every table of the core schema (the `down` of the first migration). */
export async function dropCoreSchema(db: Kysely<CoreDatabase>): Promise<void> {
  const tables = [
    ...Object.values(RECORD_TABLES).map((spec) => spec.table),
    AUDIT_TABLE,
    LOAN_EVENTS_TABLE,
    CATEGORY_ROLLUP_TABLE,
    KIND_ROLLUP_TABLE,
    META_TABLE,
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}
