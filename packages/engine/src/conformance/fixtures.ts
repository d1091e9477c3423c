/**
 * Fixture factories of the conformance kit: small typed builders of valid records, checked against the entity
 * record schemas, with deterministic UUID-shaped ids. Adapter authors may use them in their own tests.
 * @module
 */
import { DEFAULT_CATEGORIES } from '../domain/categories.js';
import type { InstantString } from '../domain/dates.js';
import {
  type AlertCreate,
  ARCHIVABLE_ENTITY_TYPES,
  type AuditEntry,
  type AuditEntryCreate,
  AuditEntrySchema,
  type BudgetCreate,
  type CategoryCreate,
  type ContactCreate,
  type DealAnalysisCreate,
  type DealCreate,
  type DocumentRecordCreate,
  type EntitySchemaSet,
  entitySchemasFor,
  type LeaseCreate,
  type LoanCreate,
  type PortfolioCreate,
  type PropertyCreate,
  type RecurringChargeCreate,
  type RoleAssignmentCreate,
  type ScenarioCreate,
  type TaskCreate,
  type TransactionCreate,
  type UnitCreate,
  type UserCreate,
  type ValuationCreate,
} from '../domain/entities/index.js';
import type { RecordOf, RecordType } from '../ports/repository.js';

/** Record fields that are not part of a create input; a fixture may set them to build a specific stored state. */
export interface FixtureRecordMeta {
  /** Version (default 1). */
  version?: number;
  /** Creation instant (default the factory's `now`). */
  createdAt?: InstantString;
  /** Last update instant (default the factory's `now`). */
  updatedAt?: InstantString;
  /** Archive instant, on archivable types (default `null`). */
  archivedAt?: InstantString | null;
  /** Erasure instant, on contacts and users (default `null`). */
  erasedAt?: InstantString | null;
}

/** Overrides of a fixture: any create-input field of the entity plus the record meta fields. */
export type FixtureOverrides<C> = Partial<C> & FixtureRecordMeta;

/** A parent a child fixture hangs from: a portfolio-owned record. */
export interface PortfolioOwned {
  /** Owning portfolio. */
  portfolioId: string;
}

/** Something with an id, such as a portfolio. */
export interface Identified {
  /** Identifier. */
  id: string;
}

/** A property-level parent: its id and portfolio. */
export type PropertyParent = Identified & PortfolioOwned;

/** A unit-level parent: its id, property and portfolio. */
export type UnitParent = Identified & PortfolioOwned & { propertyId: string };

/** Options of {@link createFixtureFactory}. */
export interface FixtureFactoryOptions {
  /** Instant used for `createdAt`/`updatedAt` and other instants (default `2025-01-01T00:00:00.000Z`). */
  now?: InstantString;
  /** Offset of the id sequence, so two factories never produce the same ids (default 0). */
  idOffset?: number;
}

/**
 * Builds valid records of every entity type. Each builder takes its parent and overrides, parses the result with
 * the entity's create schema (defaults applied, money canonical for the portfolio's currency) and then with its
 * record schema, so a fixture is always a record that the services could have written.
 */
export interface FixtureFactory {
  /** The next deterministic id: UUIDv7-shaped lower-case hex, unique per factory, not in creation order. */
  id(): string;
  /** Instant used for record timestamps. */
  readonly now: InstantString;
  /** A portfolio (USD unless `currency` is given; the factory remembers its currency for child records). */
  portfolio(overrides?: FixtureOverrides<PortfolioCreate>): RecordOf<'portfolio'>;
  /** A property of `portfolio`. */
  property(portfolio: Identified, overrides?: FixtureOverrides<PropertyCreate>): RecordOf<'property'>;
  /** A valuation of `property`. */
  valuation(property: PropertyParent, overrides?: FixtureOverrides<ValuationCreate>): RecordOf<'valuation'>;
  /** A unit of `property`. */
  unit(property: PropertyParent, overrides?: FixtureOverrides<UnitCreate>): RecordOf<'unit'>;
  /** A contact of `portfolio`. */
  contact(portfolio: Identified, overrides?: FixtureOverrides<ContactCreate>): RecordOf<'contact'>;
  /** A lease of `unit` (active, one tenant id, a one-year term from 2024-01-01 unless overridden). */
  lease(unit: UnitParent, overrides?: FixtureOverrides<LeaseCreate>): RecordOf<'lease'>;
  /** A loan secured by `property` (fixed, 30 years from 2020-01-15 unless overridden). */
  loan(property: PropertyParent, overrides?: FixtureOverrides<LoanCreate>): RecordOf<'loan'>;
  /** A transaction of `property`; `kind` defaults to the built-in category's kind. */
  transaction(
    property: PropertyParent,
    overrides?: FixtureOverrides<TransactionCreate>,
  ): RecordOf<'transaction'>;
  /** A user-defined category of `portfolio` with a fresh key. */
  category(portfolio: Identified, overrides?: FixtureOverrides<CategoryCreate>): RecordOf<'category'>;
  /** A recurring charge of `property`. */
  recurringCharge(
    property: PropertyParent,
    overrides?: FixtureOverrides<RecurringChargeCreate>,
  ): RecordOf<'recurringCharge'>;
  /** A budget line of `property`. */
  budget(property: PropertyParent, overrides?: FixtureOverrides<BudgetCreate>): RecordOf<'budget'>;
  /** An open alert of `portfolio` with a fresh dedupe key. */
  alert(portfolio: Identified, overrides?: FixtureOverrides<AlertCreate>): RecordOf<'alert'>;
  /** A task of `portfolio`. */
  task(portfolio: Identified, overrides?: FixtureOverrides<TaskCreate>): RecordOf<'task'>;
  /** A deal of `portfolio`. */
  deal(portfolio: Identified, overrides?: FixtureOverrides<DealCreate>): RecordOf<'deal'>;
  /** An analysis of `deal`. */
  dealAnalysis(
    deal: PropertyParent,
    overrides?: FixtureOverrides<DealAnalysisCreate>,
  ): RecordOf<'dealAnalysis'>;
  /** A scenario of `property`. */
  scenario(property: PropertyParent, overrides?: FixtureOverrides<ScenarioCreate>): RecordOf<'scenario'>;
  /** A document record of `portfolio`. */
  document(portfolio: Identified, overrides?: FixtureOverrides<DocumentRecordCreate>): RecordOf<'document'>;
  /** A user with a fresh e-mail address. */
  user(overrides?: FixtureOverrides<UserCreate>): RecordOf<'user'>;
  /** A role of `user` in `portfolio` (viewer unless overridden). */
  roleAssignment(
    portfolio: Identified,
    user: Identified,
    overrides?: FixtureOverrides<RoleAssignmentCreate>,
  ): RecordOf<'roleAssignment'>;
  /** An audit entry (a `create` of a property by a fresh actor unless overridden). */
  auditEntry(overrides?: Partial<AuditEntryCreate>): AuditEntry;
  /**
   * The next version of `record` as the services would write it: `patch` applied, `version` + 1, `updatedAt`
   * one second later; validated with the record schema.
   */
  next<K extends RecordType>(type: K, record: RecordOf<K>, patch?: Partial<RecordOf<K>>): RecordOf<K>;
  /**
   * `record` with `patch` applied and nothing else changed (same version), validated with the record schema: for
   * stored states no create input can express, such as an erased user (`email: null`).
   */
  with<K extends RecordType>(type: K, record: RecordOf<K>, patch: Partial<RecordOf<K>>): RecordOf<K>;
}

const META_KEYS = ['version', 'createdAt', 'updatedAt', 'archivedAt', 'erasedAt'] as const;
const ARCHIVABLE: readonly string[] = ARCHIVABLE_ENTITY_TYPES;
const ERASABLE: readonly string[] = ['contact', 'user'];
const DEFAULT_NOW = '2025-01-01T00:00:00.000Z';

function hex(value: number, width: number): string {
  return (value >>> 0).toString(16).padStart(width, '0').slice(-width);
}

/** UUIDv7-shaped id from a sequence number: a scrambled prefix (so id order ≠ creation order), then `n` itself. */
function sequenceId(n: number): string {
  const scrambled = Math.imul(n + 1, 0x9e3779b1) >>> 0;
  return `${hex(scrambled, 8)}-${hex(n >>> 16, 4)}-7${hex(n, 3)}-8${hex(n >>> 12, 3)}-${hex(n, 12)}`;
}

function kindOfCategory(key: unknown): string {
  return DEFAULT_CATEGORIES.find((category) => category.key === key)?.kind ?? 'operating_expense';
}

/**
 * Creates a {@link FixtureFactory}. Factories are cheap and deterministic: create one per test.
 * @example
 * const f = createFixtureFactory();
 * const portfolio = f.portfolio();
 * const property = f.property(portfolio);
 * const rent = f.transaction(property, { date: '2024-03-01', amount: '1500.00' });
 */
export function createFixtureFactory(options: FixtureFactoryOptions = {}): FixtureFactory {
  const now = options.now ?? DEFAULT_NOW;
  let sequence = options.idOffset ?? 0;
  const currencies = new Map<string, string>();

  const nextId = (): string => sequenceId(sequence++);
  const serial = (): number => sequence;

  function schemaSet(type: RecordType | 'auditEntry', portfolioId: unknown): EntitySchemaSet {
    const currency = typeof portfolioId === 'string' ? (currencies.get(portfolioId) ?? 'USD') : 'USD';
    return entitySchemasFor(currency)[type];
  }

  function build<K extends RecordType>(type: K, base: object, overrides: object | undefined): RecordOf<K> {
    const input: Record<string, unknown> = { ...base, ...overrides };
    const meta: Record<string, unknown> = {};
    for (const key of META_KEYS) {
      if (key in input) {
        meta[key] = input[key];
        delete input[key];
      }
    }
    const schemas = schemaSet(type, type === 'portfolio' ? undefined : input.portfolioId);
    const parsed = schemas.create.parse(input) as Record<string, unknown>;
    const record: Record<string, unknown> = {
      ...parsed,
      id: typeof parsed.id === 'string' ? parsed.id : nextId(),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (ARCHIVABLE.includes(type)) record.archivedAt = null;
    if (ERASABLE.includes(type)) record.erasedAt = null;
    if (type === 'transaction' && record.kind === undefined) record.kind = kindOfCategory(record.category);
    Object.assign(record, meta);
    // The record schema is the source of truth: what it accepts is a valid record of type K.
    return schemas.record.parse(record) as RecordOf<K>;
  }

  function validate<K extends RecordType>(type: K, candidate: RecordOf<K>): RecordOf<K> {
    const portfolioId =
      type === 'portfolio' ? candidate.id : (candidate as Partial<PortfolioOwned>).portfolioId;
    return schemaSet(type, portfolioId).record.parse(candidate) as RecordOf<K>;
  }

  const factory: FixtureFactory = {
    id: nextId,
    now,
    portfolio(overrides) {
      const record = build('portfolio', { name: `Portfolio ${serial()}` }, overrides);
      currencies.set(record.id, record.currency);
      return record;
    },
    property(portfolio, overrides) {
      return build(
        'property',
        {
          portfolioId: portfolio.id,
          name: `${serial()} Elm Street`,
          address: {
            line1: `${serial()} Elm Street`,
            city: 'Springfield',
            region: 'IL',
            postalCode: '62701',
          },
          propertyType: 'single_family',
          purchaseDate: '2020-01-15',
          purchasePrice: '250000',
        },
        overrides,
      );
    },
    valuation(property, overrides) {
      return build(
        'valuation',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          date: '2024-06-30',
          value: '300000',
          source: 'appraisal',
        },
        overrides,
      );
    },
    unit(property, overrides) {
      return build(
        'unit',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          label: `U${serial()}`,
          marketRent: '1500',
        },
        overrides,
      );
    },
    contact(portfolio, overrides) {
      return build(
        'contact',
        {
          portfolioId: portfolio.id,
          kind: 'tenant',
          name: `Tenant ${serial()}`,
          email: `t${serial()}@example.com`,
        },
        overrides,
      );
    },
    lease(unit, overrides) {
      return build(
        'lease',
        {
          portfolioId: unit.portfolioId,
          propertyId: unit.propertyId,
          unitId: unit.id,
          tenantIds: [nextId()],
          startDate: '2024-01-01',
          endDate: '2024-12-31',
          rent: '1500',
          deposit: '1500',
        },
        overrides,
      );
    },
    loan(property, overrides) {
      return build(
        'loan',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          kind: 'fixed',
          originalAmount: '200000',
          startDate: '2020-01-15',
          annualRate: 0.05,
          termMonths: 360,
        },
        overrides,
      );
    },
    transaction(property, overrides) {
      return build(
        'transaction',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          date: '2024-01-15',
          amount: '1500',
          category: 'rent',
        },
        overrides,
      );
    },
    category(portfolio, overrides) {
      const n = serial();
      return build(
        'category',
        { portfolioId: portfolio.id, key: `custom_${n}`, name: `Custom ${n}`, kind: 'operating_expense' },
        overrides,
      );
    },
    recurringCharge(property, overrides) {
      return build(
        'recurringCharge',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          category: 'insurance',
          amount: '-120',
          rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
          nextDueDate: '2024-02-01',
        },
        overrides,
      );
    },
    budget(property, overrides) {
      return build(
        'budget',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          year: 2024,
          category: 'repairs',
          amount: '-1200',
        },
        overrides,
      );
    },
    alert(portfolio, overrides) {
      const n = serial();
      return build(
        'alert',
        {
          portfolioId: portfolio.id,
          type: 'lease_expiring',
          dedupeKey: `fixture-${n}`,
          raisedAt: now,
          priority: 'medium',
          message: `Fixture alert ${n}`,
        },
        overrides,
      );
    },
    task(portfolio, overrides) {
      return build('task', { portfolioId: portfolio.id, title: `Task ${serial()}` }, overrides);
    },
    deal(portfolio, overrides) {
      return build(
        'deal',
        {
          portfolioId: portfolio.id,
          name: `Deal ${serial()}`,
          address: { line1: '9 Oak Lane', city: 'Springfield', region: 'IL', postalCode: '62702' },
          askingPrice: '350000',
        },
        overrides,
      );
    },
    dealAnalysis(deal, overrides) {
      return build(
        'dealAnalysis',
        {
          portfolioId: deal.portfolioId,
          dealId: deal.id,
          analysisDate: '2024-05-01',
          inputs: { purchase: { price: '350000' }, rents: { grossMonthlyRent: '2800' } },
        },
        overrides,
      );
    },
    scenario(property, overrides) {
      return build(
        'scenario',
        {
          portfolioId: property.portfolioId,
          propertyId: property.id,
          name: `Scenario ${serial()}`,
          assumptions: { years: 5 },
          seed: 42,
        },
        overrides,
      );
    },
    document(portfolio, overrides) {
      const n = serial();
      return build(
        'document',
        { portfolioId: portfolio.id, kind: 'receipt', title: `Receipt ${n}`, blobKey: `blobs/${n}` },
        overrides,
      );
    },
    user(overrides) {
      const n = serial();
      return build('user', { email: `user${n}@example.com`, name: `User ${n}` }, overrides);
    },
    roleAssignment(portfolio, user, overrides) {
      return build(
        'roleAssignment',
        { portfolioId: portfolio.id, userId: user.id, role: 'viewer' },
        overrides,
      );
    },
    auditEntry(overrides) {
      const input: Record<string, unknown> = {
        at: now,
        actorId: nextId(),
        action: 'create',
        entityType: 'property',
        entityId: nextId(),
        ...overrides,
      };
      if (typeof input.id !== 'string') input.id = nextId();
      return AuditEntrySchema.parse(input);
    },
    next(type, record, patch) {
      const updatedAt = new Date(Date.parse(record.updatedAt) + 1000).toISOString();
      return validate(type, { ...record, ...patch, version: record.version + 1, updatedAt });
    },
    with(type, record, patch) {
      return validate(type, { ...record, ...patch });
    },
  };
  return factory;
}
