/**
 * The model-based test: random sequences of operations applied to the adapter under test and to a fresh memory
 * reference, every read result and every error code compared.
 * @module
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CategoryKind } from '../../domain/categories.js';
import type { Priority } from '../../domain/entities/index.js';
import { createMemoryRepository } from '../../memory/index.js';
import type {
  ListQuery,
  RecordOf,
  Repository,
  RepositoryReader,
  UnitOfWork,
} from '../../ports/repository.js';
import { arbDate, arbMoney } from '../../testing/values.js';
import { errorCodeOf, putMany, seed, walkPages } from '../expectations.js';
import { createFixtureFactory, type FixtureFactory } from '../fixtures.js';
import type { ConformanceRegistrar } from '../harness.js';
import type { ResolvedConformanceOptions } from '../options.js';

/** The entity types the model writes. */
type ModelType = 'transaction' | 'alert' | 'category';

const SLOTS = 5;
const AUDIT_SLOTS = 6;
const TX_CATEGORIES: readonly { key: string; kind: CategoryKind }[] = [
  { key: 'rent', kind: 'income' },
  { key: 'repairs', kind: 'operating_expense' },
  { key: 'mortgage_interest', kind: 'debt_service_interest' },
  { key: 'pool_service', kind: 'operating_expense' },
];
const EXTERNAL_IDS: readonly (string | null)[] = [null, null, 'E1', 'E2'];
const CATEGORY_KEYS = ['k_a', 'k_b', 'k_c'] as const;
const CATEGORY_KINDS: readonly CategoryKind[] = ['income', 'operating_expense', 'capital_expenditure'];
const PRIORITIES: readonly Priority[] = ['low', 'medium', 'high', 'critical'];
const ALERT_STATUSES = ['open', 'open', 'snoozed', 'resolved'] as const;
const DATE_RANGE = { from: '2024-01-01', to: '2024-04-30' };

/** A record to insert, as plain data (turned into a valid record when the run starts). */
type EntitySpec =
  | {
      type: 'transaction';
      slot: number;
      property: number;
      date: string;
      amount: string;
      category: number;
      external: number;
    }
  | {
      type: 'alert';
      slot: number;
      portfolio: number;
      property: number | null;
      priority: number;
      status: number;
      raisedSecond: number;
    }
  | { type: 'category'; slot: number; key: number; kind: number };

/** An audit entry to append (a repeated slot is a duplicate id). */
interface AuditSpec {
  slot: number;
  actor: number;
  portfolio: number | null;
  second: number;
}

/** One write; versions of updates and deletes are taken from the reference, skewed to make some stale. */
type WriteSpec =
  | { w: 'insert'; entity: EntitySpec }
  | { w: 'insertMany'; entities: EntitySpec[] }
  | {
      w: 'update';
      type: ModelType;
      slot: number;
      existing: boolean;
      skew: number;
      variant: number;
      amount: string;
      date: string;
    }
  | { w: 'delete'; type: ModelType; slot: number; existing: boolean; skew: number }
  | { w: 'audit'; entry: AuditSpec };

/** One read; the results of both repositories must be equal. */
type ReadSpec =
  | { r: 'get'; type: ModelType; slot: number }
  | { r: 'list'; type: ModelType; limit: number; filter: number }
  | {
      r: 'totals';
      granularity: 'category' | 'kind';
      from: string;
      to: string;
      properties: number;
      byProperty: boolean | undefined;
      byMonth: boolean | undefined;
    }
  | {
      r: 'alerts';
      portfolio: number;
      property: number | null;
      priorities: number[] | null;
      limit: number | null;
    }
  | { r: 'audit'; limit: number; filter: number };

/** One step of a run. A batch is one unit of work; `throwAt` makes its callback throw before that step. */
type Operation =
  | { op: 'write'; write: WriteSpec }
  | { op: 'batch'; steps: ({ write: WriteSpec } | { read: ReadSpec })[]; throwAt: number | null }
  | { op: 'read'; read: ReadSpec };

const modelTypeArb = fc.constantFrom<ModelType>('transaction', 'alert', 'category');
const slotArb = fc.integer({ min: 0, max: SLOTS - 1 });

function entityArb(type: ModelType): fc.Arbitrary<EntitySpec> {
  switch (type) {
    case 'transaction':
      return fc.record({
        type: fc.constant('transaction' as const),
        slot: slotArb,
        property: fc.integer({ min: 0, max: 2 }),
        date: arbDate(DATE_RANGE),
        amount: fc.oneof(
          arbMoney({ min: '-5000', max: '5000' }),
          fc.constantFrom('0.01', '-0.01', '12345678901.23'),
        ),
        category: fc.integer({ min: 0, max: TX_CATEGORIES.length - 1 }),
        external: fc.integer({ min: 0, max: EXTERNAL_IDS.length - 1 }),
      });
    case 'alert':
      return fc.record({
        type: fc.constant('alert' as const),
        slot: slotArb,
        portfolio: fc.integer({ min: 0, max: 1 }),
        property: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
        priority: fc.integer({ min: 0, max: PRIORITIES.length - 1 }),
        status: fc.integer({ min: 0, max: ALERT_STATUSES.length - 1 }),
        raisedSecond: fc.integer({ min: 0, max: 3 }),
      });
    case 'category':
      return fc.record({
        type: fc.constant('category' as const),
        slot: slotArb,
        key: fc.integer({ min: 0, max: CATEGORY_KEYS.length - 1 }),
        kind: fc.integer({ min: 0, max: CATEGORY_KINDS.length - 1 }),
      });
  }
}

const skewArb = fc.constantFrom(0, 0, 0, -1, 1);
/** Mostly aim updates and deletes at records that exist (in the reference), sometimes at any id of the pool. */
const existingArb = fc.constantFrom(true, true, true, true, false);

const writeArb: fc.Arbitrary<WriteSpec> = fc.oneof(
  { weight: 4, arbitrary: modelTypeArb.chain(entityArb).map((entity) => ({ w: 'insert' as const, entity })) },
  {
    weight: 1,
    arbitrary: modelTypeArb
      .chain((type) => fc.array(entityArb(type), { minLength: 0, maxLength: 4 }))
      .map((entities) => ({ w: 'insertMany' as const, entities })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      w: fc.constant('update' as const),
      type: modelTypeArb,
      slot: slotArb,
      existing: existingArb,
      skew: skewArb,
      variant: fc.nat({ max: 11 }),
      amount: arbMoney({ min: '-5000', max: '5000' }),
      date: arbDate(DATE_RANGE),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      w: fc.constant('delete' as const),
      type: modelTypeArb,
      slot: slotArb,
      existing: existingArb,
      skew: skewArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      w: fc.constant('audit' as const),
      entry: fc.record({
        slot: fc.integer({ min: 0, max: AUDIT_SLOTS - 1 }),
        actor: fc.integer({ min: 0, max: 1 }),
        portfolio: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
        second: fc.integer({ min: 0, max: 5 }),
      }),
    }),
  },
);

/** `byProperty` / `byMonth` of a totals read: the default (omitted), or either value. */
const mergeOptionArb = fc.constantFrom(undefined, true, false);

const readArb: fc.Arbitrary<ReadSpec> = fc.oneof(
  fc.record({ r: fc.constant('get' as const), type: modelTypeArb, slot: slotArb }),
  fc.record({
    r: fc.constant('list' as const),
    type: modelTypeArb,
    limit: fc.integer({ min: 1, max: 5 }),
    filter: fc.nat({ max: 5 }),
  }),
  fc.record({
    r: fc.constant('totals' as const),
    granularity: fc.constantFrom('category' as const, 'kind' as const),
    from: arbDate(DATE_RANGE),
    to: arbDate(DATE_RANGE),
    properties: fc.nat({ max: 3 }),
    byProperty: mergeOptionArb,
    byMonth: mergeOptionArb,
  }),
  fc.record({
    r: fc.constant('alerts' as const),
    portfolio: fc.integer({ min: 0, max: 1 }),
    property: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
    priorities: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), {
      nil: null,
    }),
    limit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  }),
  fc.record({
    r: fc.constant('audit' as const),
    limit: fc.integer({ min: 1, max: 4 }),
    filter: fc.nat({ max: 3 }),
  }),
);

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: writeArb.map((write) => ({ op: 'write' as const, write })) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: writeArb.map((write) => ({ write })) },
          readArb.map((read) => ({ read })),
        ),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .chain((steps) =>
        fc.record({
          op: fc.constant('batch' as const),
          steps: fc.constant(steps),
          throwAt: fc.option(fc.integer({ min: 0, max: steps.length }), { nil: null, freq: 3 }),
        }),
      ),
  },
  { weight: 4, arbitrary: readArb.map((read) => ({ op: 'read' as const, read })) },
);

/** Thrown by a batch half-way, to check that nothing of it is kept. */
class ModelAbort extends Error {}

/** The fixed records every run starts from, and the id pools the operations draw from. */
interface ModelWorld {
  readonly f: FixtureFactory;
  readonly portfolios: readonly [RecordOf<'portfolio'>, RecordOf<'portfolio'>];
  /** Two properties of the first portfolio, then one of the second. */
  readonly properties: readonly [RecordOf<'property'>, RecordOf<'property'>, RecordOf<'property'>];
  readonly actors: readonly [string, string];
  readonly ids: Readonly<Record<ModelType | 'audit', readonly string[]>>;
}

function createModelWorld(): ModelWorld {
  const f = createFixtureFactory();
  const p = f.portfolio();
  const q = f.portfolio();
  const properties = [f.property(p), f.property(p), f.property(q)] as const;
  const pool = (n: number) => Array.from({ length: n }, () => f.id());
  return {
    f,
    portfolios: [p, q],
    properties,
    actors: [f.id(), f.id()],
    ids: { transaction: pool(SLOTS), alert: pool(SLOTS), category: pool(SLOTS), audit: pool(AUDIT_SLOTS) },
  };
}

async function seedModelWorld(repo: Repository, m: ModelWorld): Promise<void> {
  await seed(repo, putMany('portfolio', [...m.portfolios]), putMany('property', [...m.properties]));
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('model: empty choice');
  return item;
}

function idOf(m: ModelWorld, type: ModelType | 'audit', slot: number): string {
  return pick(m.ids[type], slot);
}

function propertyOf(m: ModelWorld, portfolio: number, property: number): RecordOf<'property'> {
  return portfolio === 0 ? pick(m.properties.slice(0, 2), property) : m.properties[2];
}

function buildTransaction(m: ModelWorld, spec: Extract<EntitySpec, { type: 'transaction' }>) {
  const category = pick(TX_CATEGORIES, spec.category);
  const externalId = pick(EXTERNAL_IDS, spec.external);
  return m.f.transaction(pick(m.properties, spec.property), {
    id: idOf(m, 'transaction', spec.slot),
    date: spec.date,
    amount: spec.amount,
    category: category.key,
    kind: category.kind,
    source: externalId === null ? 'manual' : 'import',
    externalId,
  });
}

function alertStatusFields(status: (typeof ALERT_STATUSES)[number], now: string) {
  if (status === 'snoozed') return { status, snoozedUntil: '2030-01-01', resolvedAt: null, resolution: null };
  if (status === 'resolved')
    return { status, snoozedUntil: null, resolvedAt: now, resolution: 'manual' as const };
  return { status, snoozedUntil: null, resolvedAt: null, resolution: null };
}

function buildAlert(m: ModelWorld, spec: Extract<EntitySpec, { type: 'alert' }>) {
  const portfolio = pick(m.portfolios, spec.portfolio);
  return m.f.alert(portfolio, {
    id: idOf(m, 'alert', spec.slot),
    dedupeKey: `model-${spec.slot}`,
    message: `Model alert ${spec.slot}`,
    propertyId: spec.property === null ? null : propertyOf(m, spec.portfolio, spec.property).id,
    priority: pick(PRIORITIES, spec.priority),
    raisedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, spec.raisedSecond)).toISOString(),
    ...alertStatusFields(pick(ALERT_STATUSES, spec.status), m.f.now),
  });
}

function buildCategory(m: ModelWorld, spec: Extract<EntitySpec, { type: 'category' }>) {
  return m.f.category(m.portfolios[0], {
    id: idOf(m, 'category', spec.slot),
    key: pick(CATEGORY_KEYS, spec.key),
    name: `Model category ${spec.slot}`,
    kind: pick(CATEGORY_KINDS, spec.kind),
  });
}

function buildAudit(m: ModelWorld, spec: AuditSpec) {
  return m.f.auditEntry({
    id: idOf(m, 'audit', spec.slot),
    actorId: pick(m.actors, spec.actor),
    portfolioId: spec.portfolio === null ? null : pick(m.portfolios, spec.portfolio).id,
    at: new Date(Date.UTC(2024, 0, 1, 0, 0, spec.second)).toISOString(),
  });
}

/** A write made concrete: the same call is made on both repositories. */
type PlannedWrite = (tx: UnitOfWork) => Promise<void>;

function insertOf(m: ModelWorld, spec: EntitySpec): PlannedWrite {
  switch (spec.type) {
    case 'transaction': {
      const record = buildTransaction(m, spec);
      return (tx) => tx.insert('transaction', record);
    }
    case 'alert': {
      const record = buildAlert(m, spec);
      return (tx) => tx.insert('alert', record);
    }
    case 'category': {
      const record = buildCategory(m, spec);
      return (tx) => tx.insert('category', record);
    }
  }
}

function insertManyOf(m: ModelWorld, specs: readonly EntitySpec[]): PlannedWrite {
  const first = specs[0];
  if (!first) return (tx) => tx.insertMany('transaction', []);
  switch (first.type) {
    case 'transaction': {
      const records = specs.flatMap((s) => (s.type === 'transaction' ? [buildTransaction(m, s)] : []));
      return (tx) => tx.insertMany('transaction', records);
    }
    case 'alert': {
      const records = specs.flatMap((s) => (s.type === 'alert' ? [buildAlert(m, s)] : []));
      return (tx) => tx.insertMany('alert', records);
    }
    case 'category': {
      const records = specs.flatMap((s) => (s.type === 'category' ? [buildCategory(m, s)] : []));
      return (tx) => tx.insertMany('category', records);
    }
  }
}

/** The id an update or delete aims at: the `slot`-th record that exists in the reference, or a pool id. */
async function targetId(
  m: ModelWorld,
  reference: RepositoryReader,
  spec: { type: ModelType; slot: number; existing: boolean },
): Promise<string> {
  if (spec.existing) {
    const page = await reference.list(spec.type, { limit: 1000 });
    const pool = new Set(m.ids[spec.type]);
    const present = page.items.map((record) => record.id).filter((id) => pool.has(id));
    if (present.length > 0) return pick(present, spec.slot);
  }
  return idOf(m, spec.type, spec.slot);
}

/** Plans an update from the reference's current state (a fresh record when there is none: NotFound). */
async function updateOf(
  m: ModelWorld,
  reference: RepositoryReader,
  spec: Extract<WriteSpec, { w: 'update' }>,
): Promise<PlannedWrite> {
  const { f } = m;
  const id = await targetId(m, reference, spec);
  const v = spec.variant;
  switch (spec.type) {
    case 'transaction': {
      const current =
        (await reference.get('transaction', id)) ??
        buildTransaction(m, {
          type: 'transaction',
          slot: spec.slot,
          property: 0,
          date: spec.date,
          amount: '1',
          category: 0,
          external: 0,
        });
      const category = pick(TX_CATEGORIES, v);
      const externalId = pick(EXTERNAL_IDS, v);
      const patch =
        v % 4 === 0
          ? { amount: spec.amount }
          : v % 4 === 1
            ? { date: spec.date }
            : v % 4 === 2
              ? { category: category.key, kind: category.kind }
              : { externalId, source: externalId === null ? current.source : ('import' as const) };
      const expected = current.version + spec.skew;
      const record = { ...f.next('transaction', current, patch), version: expected + 1 };
      return (tx) => tx.update('transaction', record, expected);
    }
    case 'alert': {
      const current =
        (await reference.get('alert', id)) ??
        buildAlert(m, {
          type: 'alert',
          slot: spec.slot,
          portfolio: 0,
          property: null,
          priority: 0,
          status: 0,
          raisedSecond: 0,
        });
      const patch =
        v % 3 === 0
          ? { priority: pick(PRIORITIES, v) }
          : v % 3 === 1
            ? alertStatusFields(pick(ALERT_STATUSES, v), f.now)
            : { message: `Updated ${v}` };
      const expected = current.version + spec.skew;
      const record = { ...f.next('alert', current, patch), version: expected + 1 };
      return (tx) => tx.update('alert', record, expected);
    }
    case 'category': {
      const current =
        (await reference.get('category', id)) ??
        buildCategory(m, { type: 'category', slot: spec.slot, key: 0, kind: 0 });
      const patch = v % 2 === 0 ? { key: pick(CATEGORY_KEYS, v) } : { name: `Renamed ${v}` };
      const expected = current.version + spec.skew;
      const record = { ...f.next('category', current, patch), version: expected + 1 };
      return (tx) => tx.update('category', record, expected);
    }
  }
}

async function deleteOf(
  m: ModelWorld,
  reference: RepositoryReader,
  spec: Extract<WriteSpec, { w: 'delete' }>,
): Promise<PlannedWrite> {
  const id = await targetId(m, reference, spec);
  const current = await reference.get(spec.type, id);
  const expected = (current?.version ?? 1) + spec.skew;
  return (tx) => tx.delete(spec.type, id, expected);
}

async function planWrite(m: ModelWorld, reference: RepositoryReader, spec: WriteSpec): Promise<PlannedWrite> {
  switch (spec.w) {
    case 'insert':
      return insertOf(m, spec.entity);
    case 'insertMany':
      return insertManyOf(m, spec.entities);
    case 'update':
      return updateOf(m, reference, spec);
    case 'delete':
      return deleteOf(m, reference, spec);
    case 'audit': {
      const entry = buildAudit(m, spec.entry);
      return (tx) => tx.appendAudit(entry);
    }
  }
}

function listQueryOf(m: ModelWorld, type: ModelType, filter: number): ListQuery<ModelType> {
  const [p, q] = m.portfolios;
  const [a] = m.properties;
  switch (type) {
    case 'transaction': {
      const queries: ListQuery<'transaction'>[] = [
        {},
        { where: { portfolioId: p.id } },
        { where: { propertyId: a.id, kind: 'income' } },
        { dateFrom: '2024-02-01', dateTo: '2024-03-15' },
        { where: { externalId: null } },
        { where: { category: ['rent', 'repairs'] }, dateFrom: '2024-01-15' },
      ];
      return pick(queries, filter);
    }
    case 'alert': {
      const queries: ListQuery<'alert'>[] = [
        {},
        { where: { status: 'open' } },
        { where: { priority: ['critical', 'low'] } },
        { where: { propertyId: null } },
        { where: { portfolioId: q.id, status: ['open', 'snoozed'] } },
      ];
      return pick(queries, filter);
    }
    case 'category': {
      const queries: ListQuery<'category'>[] = [{}, { where: { key: 'k_a' } }, { where: { kind: 'income' } }];
      return pick(queries, filter);
    }
  }
}

/** A read's result in a comparable shape: pages keep their items and whether they were last, not the cursor. */
async function performRead(m: ModelWorld, reader: RepositoryReader, spec: ReadSpec): Promise<unknown> {
  switch (spec.r) {
    case 'get':
      return reader.get(spec.type, idOf(m, spec.type, spec.slot));
    case 'list': {
      const query = listQueryOf(m, spec.type, spec.filter);
      const pages = await walkPages(
        (cursor) => reader.list(spec.type, { ...query, limit: spec.limit, cursor }),
        500,
      );
      return pages.map((page) => ({ items: page.items, last: page.nextCursor === null }));
    }
    case 'totals': {
      const [a, b, c] = m.properties;
      const propertyIds = [undefined, [a.id], [a.id, b.id], [b.id, c.id]][spec.properties % 4];
      const rows = await reader.monthlyTotals({
        portfolioId: m.portfolios[0].id,
        from: spec.from,
        to: spec.to,
        granularity: spec.granularity,
        ...(propertyIds ? { propertyIds } : {}),
        ...(spec.byProperty === undefined ? {} : { byProperty: spec.byProperty }),
        ...(spec.byMonth === undefined ? {} : { byMonth: spec.byMonth }),
      });
      return rows;
    }
    case 'alerts': {
      const portfolio = pick(m.portfolios, spec.portfolio);
      return reader.openAlerts({
        portfolioId: portfolio.id,
        ...(spec.property === null ? {} : { propertyId: propertyOf(m, spec.portfolio, spec.property).id }),
        ...(spec.priorities === null ? {} : { priorities: spec.priorities.map((i) => pick(PRIORITIES, i)) }),
        ...(spec.limit === null ? {} : { limit: spec.limit }),
      });
    }
    case 'audit': {
      const queries = [
        {},
        { portfolioId: m.portfolios[0].id },
        { portfolioId: null },
        { actorId: m.actors[0] },
      ];
      const query = pick(queries, spec.filter);
      const pages = await walkPages(
        (cursor) => reader.listAudit({ ...query, limit: spec.limit, cursor }),
        500,
      );
      return pages.map((page) => ({ items: page.items, last: page.nextCursor === null }));
    }
  }
}

/** How a call ended, comparable across repositories: a value, or an error code. */
type Settled = { ok: true; value: unknown } | { ok: false; code: string };

async function settle(run: () => Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ModelAbort) return { ok: false, code: 'ABORTED BY THE MODEL' };
    return { ok: false, code: errorCodeOf(error) ?? `not a Freehold error: ${String(error)}` };
  }
}

/** Runs one operation on `repo`; a batch returns what its reads saw plus how the unit of work ended. */
async function runOperation(
  m: ModelWorld,
  repo: Repository,
  operation: Operation,
  planned: readonly (PlannedWrite | ReadSpec)[],
): Promise<unknown> {
  if (operation.op === 'read') return settle(() => performRead(m, repo, operation.read));
  const reads: Settled[] = [];
  const outcome = await settle(() =>
    repo.transaction(async (tx) => {
      for (const [index, step] of planned.entries()) {
        if (operation.op === 'batch' && operation.throwAt === index)
          throw new ModelAbort(`abort before ${index}`);
        if (typeof step === 'function') await step(tx);
        else reads.push(await settle(() => performRead(m, tx, step)));
      }
      if (operation.op === 'batch' && operation.throwAt === planned.length)
        throw new ModelAbort('abort at the end');
    }),
  );
  return { reads, outcome };
}

async function finalState(m: ModelWorld, repo: Repository): Promise<unknown> {
  const state: Record<string, unknown> = {};
  for (const type of ['transaction', 'alert', 'category'] as const) {
    state[type] = await performRead(m, repo, { r: 'list', type, limit: 1000, filter: 0 });
  }
  for (const granularity of ['category', 'kind'] as const) {
    for (const byProperty of [true, false]) {
      for (const byMonth of [true, false]) {
        state[`totals-${granularity}-${byProperty}-${byMonth}`] = await performRead(m, repo, {
          r: 'totals',
          granularity,
          from: DATE_RANGE.from,
          to: DATE_RANGE.to,
          properties: 0,
          byProperty,
          byMonth,
        });
      }
    }
  }
  state.alerts0 = await performRead(m, repo, {
    r: 'alerts',
    portfolio: 0,
    property: null,
    priorities: null,
    limit: null,
  });
  state.alerts1 = await performRead(m, repo, {
    r: 'alerts',
    portfolio: 1,
    property: null,
    priorities: null,
    limit: null,
  });
  state.audit = await performRead(m, repo, { r: 'audit', limit: 1000, filter: 0 });
  return state;
}

async function runModel(
  options: ResolvedConformanceOptions,
  operations: readonly Operation[],
): Promise<void> {
  const m = createModelWorld();
  const reference = createMemoryRepository();
  const subject = await options.setup();
  try {
    await seedModelWorld(reference, m);
    await seedModelWorld(subject, m);
    for (const [step, operation] of operations.entries()) {
      const steps: readonly ({ write: WriteSpec } | { read: ReadSpec })[] =
        operation.op === 'batch'
          ? operation.steps
          : operation.op === 'write'
            ? [{ write: operation.write }]
            : [];
      const planned: (PlannedWrite | ReadSpec)[] = [];
      for (const s of steps) planned.push('write' in s ? await planWrite(m, reference, s.write) : s.read);
      const expected = await runOperation(m, reference, operation, planned);
      const actual = await runOperation(m, subject, operation, planned);
      expect(actual, `step ${step}: ${JSON.stringify(operation)}`).toEqual(expected);
    }
    expect(await finalState(m, subject), 'final state').toEqual(await finalState(m, reference));
  } finally {
    await reference.close();
    if (options.teardown) await options.teardown(subject);
    else await subject.close();
  }
}

/** Registers `model.random-operations`. */
export function modelTests(t: ConformanceRegistrar, options: ResolvedConformanceOptions): void {
  t.test(
    'model.random-operations',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(operationArb, { minLength: 8, maxLength: 40, size: 'medium' }),
          async (operations) => {
            await runModel(options, operations);
          },
        ),
        { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }) },
      );
    },
    120_000,
  );
}
