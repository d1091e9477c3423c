/**
 * The demo portfolio as data: every record as the create input the services take, with references between
 * records written as demo keys (`property:austin`, `lease:12`) that the loader replaces by the ids the services
 * assign. Pure data, built by `generateDemoPlan`.
 * @module
 */
import type {
  BudgetCreate,
  ContactCreate,
  DateString,
  DealCreate,
  LeaseCreate,
  LoanCreate,
  PropertyCreate,
  RecurringChargeCreate,
  TaskCreate,
  TransactionCreate,
  UnitCreate,
  ValuationCreate,
} from '@freehold/engine';

/** A demo key: names a planned record until the services give it an id. */
export type DemoKey = string;

/** References of a planned record: required ones name a key, optional ones a key or null. */
export type PlanRefs<Required extends string, Optional extends string = never> = {
  readonly [F in Required]: DemoKey;
} & { readonly [F in Optional]: DemoKey | null };

/** A planned record: its create input without `portfolioId` and the id fields, and the keys those ids come from. */
export interface Planned<Input, Required extends string = never, Optional extends string = never> {
  /** This record's key (referred to by others). */
  readonly key: DemoKey;
  /** Keys of the records its id fields point at. */
  readonly refs: PlanRefs<Required, Optional>;
  /** The create input, minus `portfolioId` and the id fields. */
  readonly input: Omit<Input, Required | Optional | 'portfolioId'>;
}

/** A planned contact (tenant, lender, vendor…). */
export type PlannedContact = Planned<ContactCreate>;
/** A planned property. */
export type PlannedProperty = Planned<PropertyCreate>;
/** A planned valuation. */
export type PlannedValuation = Planned<ValuationCreate, 'propertyId'>;
/** A planned unit. */
export type PlannedUnit = Planned<UnitCreate, 'propertyId'>;
/** A planned lease; `tenantIds` lists contact keys. */
export interface PlannedLease {
  /** This lease's key. */
  readonly key: DemoKey;
  /** Keys of the property, unit, renewed lease and tenants. */
  readonly refs: PlanRefs<'propertyId' | 'unitId', 'previousLeaseId'> & {
    readonly tenantIds: readonly DemoKey[];
  };
  /** The create input without the id fields. */
  readonly input: Omit<
    LeaseCreate,
    'portfolioId' | 'propertyId' | 'unitId' | 'previousLeaseId' | 'tenantIds'
  >;
}
/** A planned loan. */
export type PlannedLoan = Planned<LoanCreate, 'propertyId', 'lenderContactId'>;
/** A planned transaction (loaded in bulk through the import service). */
export type PlannedTransaction = Planned<TransactionCreate, 'propertyId', 'unitId' | 'leaseId' | 'loanId'>;
/** A planned recurring charge. */
export type PlannedRecurringCharge = Planned<
  RecurringChargeCreate,
  'propertyId',
  'unitId' | 'leaseId' | 'loanId'
>;
/** A planned budget line. */
export type PlannedBudget = Planned<BudgetCreate, 'propertyId'>;
/** A planned task (property and unit optional). */
export type PlannedTask = Planned<TaskCreate, never, 'propertyId' | 'unitId'>;
/** A planned deal. */
export type PlannedDeal = Planned<DealCreate>;

/** The whole demo portfolio, in the order it is loaded. */
export interface DemoPlan {
  /** The seed it was generated from. */
  readonly seed: number;
  /** The as-of date: the last day of history. */
  readonly asOf: DateString;
  /** First day of the transaction history. */
  readonly historyStart: DateString;
  /** The portfolio. */
  readonly portfolio: { readonly name: string; readonly currency: string };
  /** Contacts: lenders, vendors, then tenants. */
  readonly contacts: readonly PlannedContact[];
  /** Properties. */
  readonly properties: readonly PlannedProperty[];
  /** Valuation history. */
  readonly valuations: readonly PlannedValuation[];
  /** Units. */
  readonly units: readonly PlannedUnit[];
  /** Leases, each after the lease it renews. */
  readonly leases: readonly PlannedLease[];
  /** Loans. */
  readonly loans: readonly PlannedLoan[];
  /** Transactions, in date order. */
  readonly transactions: readonly PlannedTransaction[];
  /** Recurring charges. */
  readonly recurringCharges: readonly PlannedRecurringCharge[];
  /** Budgets. */
  readonly budgets: readonly PlannedBudget[];
  /** Tasks. */
  readonly tasks: readonly PlannedTask[];
  /** Deals in the pipeline. */
  readonly deals: readonly PlannedDeal[];
}
