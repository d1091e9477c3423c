/**
 * The registry of entity schemas: for each entity type key, its record, create and update schemas, for the
 * default two-decimal currency ({@link ENTITY_SCHEMAS}) or for any currency ({@link entitySchemasFor}).
 * @module
 */
import type { z } from 'zod';
import { type Alert, AlertCreateSchema, AlertSchema, AlertUpdateSchema } from './alert.js';
import {
  type AuditEntry,
  AuditEntryCreateSchema,
  AuditEntrySchema,
  AuditEntryUpdateSchema,
} from './audit.js';
import { type Budget, createBudgetSchemas } from './budget.js';
import { type Category, CategoryCreateSchema, CategorySchema, CategoryUpdateSchema } from './category.js';
import { type Contact, ContactCreateSchema, ContactSchema, ContactUpdateSchema } from './contact.js';
import { createDealSchemas, type Deal } from './deal.js';
import { createDealAnalysisSchemas, type DealAnalysis } from './deal-analysis.js';
import {
  type DocumentRecord,
  DocumentRecordCreateSchema,
  DocumentRecordSchema,
  DocumentRecordUpdateSchema,
} from './document.js';
import type { EntityType } from './entity-types.js';
import { createLeaseSchemas, type Lease } from './lease.js';
import { createLoanSchemas, type Loan } from './loan.js';
import {
  type Portfolio,
  PortfolioCreateSchema,
  PortfolioSchema,
  PortfolioUpdateSchema,
} from './portfolio.js';
import { createPropertySchemas, type Property } from './property.js';
import { createRecurringChargeSchemas, type RecurringCharge } from './recurring-charge.js';
import { createScenarioSchemas, type Scenario } from './scenario.js';
import { type Task, TaskCreateSchema, TaskSchema, TaskUpdateSchema } from './task.js';
import { createTransactionSchemas, type Transaction } from './transaction.js';
import { createUnitSchemas, type Unit } from './unit.js';
import {
  type RoleAssignment,
  RoleAssignmentCreateSchema,
  RoleAssignmentSchema,
  RoleAssignmentUpdateSchema,
  type User,
  UserCreateSchema,
  UserSchema,
  UserUpdateSchema,
} from './user.js';
import { createValuationSchemas, type Valuation } from './valuation.js';
import { DEFAULT_MONEY_SCHEMAS, type MoneySchemas, moneySchemasFor } from './values.js';

/** Each entity type key → its stored record type. */
export interface EntityMap {
  portfolio: Portfolio;
  property: Property;
  valuation: Valuation;
  unit: Unit;
  contact: Contact;
  lease: Lease;
  loan: Loan;
  transaction: Transaction;
  category: Category;
  recurringCharge: RecurringCharge;
  budget: Budget;
  alert: Alert;
  task: Task;
  deal: Deal;
  dealAnalysis: DealAnalysis;
  scenario: Scenario;
  document: DocumentRecord;
  user: User;
  roleAssignment: RoleAssignment;
  auditEntry: AuditEntry;
}

/** Builds the full schema registry with the given money schemas (see {@link entitySchemasFor}). */
export function createEntitySchemas(money: MoneySchemas = DEFAULT_MONEY_SCHEMAS): EntitySchemas {
  return {
    portfolio: { record: PortfolioSchema, create: PortfolioCreateSchema, update: PortfolioUpdateSchema },
    property: createPropertySchemas(money),
    valuation: createValuationSchemas(money),
    unit: createUnitSchemas(money),
    contact: { record: ContactSchema, create: ContactCreateSchema, update: ContactUpdateSchema },
    lease: createLeaseSchemas(money),
    loan: createLoanSchemas(money),
    transaction: createTransactionSchemas(money),
    category: { record: CategorySchema, create: CategoryCreateSchema, update: CategoryUpdateSchema },
    recurringCharge: createRecurringChargeSchemas(money),
    budget: createBudgetSchemas(money),
    alert: { record: AlertSchema, create: AlertCreateSchema, update: AlertUpdateSchema },
    task: { record: TaskSchema, create: TaskCreateSchema, update: TaskUpdateSchema },
    deal: createDealSchemas(money),
    dealAnalysis: createDealAnalysisSchemas(money),
    scenario: createScenarioSchemas(money),
    document: {
      record: DocumentRecordSchema,
      create: DocumentRecordCreateSchema,
      update: DocumentRecordUpdateSchema,
    },
    user: { record: UserSchema, create: UserCreateSchema, update: UserUpdateSchema },
    roleAssignment: {
      record: RoleAssignmentSchema,
      create: RoleAssignmentCreateSchema,
      update: RoleAssignmentUpdateSchema,
    },
    auditEntry: { record: AuditEntrySchema, create: AuditEntryCreateSchema, update: AuditEntryUpdateSchema },
  } satisfies { [K in EntityType]: EntitySchemaSet };
}

/** The three schemas of one entity type. */
export interface EntitySchemaSet {
  /** A stored record (what adapters return; validate rows read back from storage with it). */
  readonly record: z.ZodType;
  /** What a caller passes to create one (defaults applied, `id` optional). */
  readonly create: z.ZodType;
  /** A partial patch of its mutable fields (`z.never()` for the append-only audit log). */
  readonly update: z.ZodType;
}

/** The schema registry's type: entity type key → `{ record, create, update }`. */
export interface EntitySchemas {
  portfolio: {
    record: typeof PortfolioSchema;
    create: typeof PortfolioCreateSchema;
    update: typeof PortfolioUpdateSchema;
  };
  property: ReturnType<typeof createPropertySchemas>;
  valuation: ReturnType<typeof createValuationSchemas>;
  unit: ReturnType<typeof createUnitSchemas>;
  contact: {
    record: typeof ContactSchema;
    create: typeof ContactCreateSchema;
    update: typeof ContactUpdateSchema;
  };
  lease: ReturnType<typeof createLeaseSchemas>;
  loan: ReturnType<typeof createLoanSchemas>;
  transaction: ReturnType<typeof createTransactionSchemas>;
  category: {
    record: typeof CategorySchema;
    create: typeof CategoryCreateSchema;
    update: typeof CategoryUpdateSchema;
  };
  recurringCharge: ReturnType<typeof createRecurringChargeSchemas>;
  budget: ReturnType<typeof createBudgetSchemas>;
  alert: { record: typeof AlertSchema; create: typeof AlertCreateSchema; update: typeof AlertUpdateSchema };
  task: { record: typeof TaskSchema; create: typeof TaskCreateSchema; update: typeof TaskUpdateSchema };
  deal: ReturnType<typeof createDealSchemas>;
  dealAnalysis: ReturnType<typeof createDealAnalysisSchemas>;
  scenario: ReturnType<typeof createScenarioSchemas>;
  document: {
    record: typeof DocumentRecordSchema;
    create: typeof DocumentRecordCreateSchema;
    update: typeof DocumentRecordUpdateSchema;
  };
  user: { record: typeof UserSchema; create: typeof UserCreateSchema; update: typeof UserUpdateSchema };
  roleAssignment: {
    record: typeof RoleAssignmentSchema;
    create: typeof RoleAssignmentCreateSchema;
    update: typeof RoleAssignmentUpdateSchema;
  };
  auditEntry: {
    record: typeof AuditEntrySchema;
    create: typeof AuditEntryCreateSchema;
    update: typeof AuditEntryUpdateSchema;
  };
}

/**
 * Each entity type key → `{ record, create, update }` schemas, with money of at most 2 decimals (USD and most
 * currencies). For a portfolio in another currency use {@link entitySchemasFor}.
 */
export const ENTITY_SCHEMAS: EntitySchemas = createEntitySchemas(DEFAULT_MONEY_SCHEMAS);

const registries = new Map<number, EntitySchemas>([[2, ENTITY_SCHEMAS]]);

/**
 * The schema registry for a portfolio's currency (`'JPY'` → money with no decimals, `'KWD'` → 3), or for a
 * number of minor digits. Built once per digit count and cached. Types are the same as {@link ENTITY_SCHEMAS}.
 */
export function entitySchemasFor(currencyOrMinorDigits: string | number): EntitySchemas {
  const money = moneySchemasFor(currencyOrMinorDigits);
  const cached = registries.get(money.minorDigits);
  if (cached) return cached;
  const built = createEntitySchemas(money);
  registries.set(money.minorDigits, built);
  return built;
}

/** The stored record type of entity type `K` (same as `EntityMap[K]`). */
export type EntityRecord<K extends EntityType> = EntityMap[K];

/** What a caller passes to create an entity of type `K` (the create schema's input). */
export type EntityCreateInput<K extends EntityType> = z.input<EntitySchemas[K]['create']>;

/** A parsed create input of type `K`: defaults applied, values canonical. */
export type EntityCreateParsed<K extends EntityType> = z.output<EntitySchemas[K]['create']>;

/** What a caller passes to update an entity of type `K` (the update schema's input). */
export type EntityUpdateInput<K extends EntityType> = z.input<EntitySchemas[K]['update']>;

/** A parsed patch of type `K`: only the fields given, values canonical. */
export type EntityUpdateParsed<K extends EntityType> = z.output<EntitySchemas[K]['update']>;
