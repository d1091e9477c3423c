/**
 * Loads a {@link DemoPlan} through the services, as any app would: one create call per record (validated,
 * authorised, audited), demo keys replaced by the ids the services assign, and every transaction in one bulk
 * `transactions.import` (one unit of work, one audit entry).
 * @module
 */
import type { FreeholdSession, Portfolio } from '@freehold/engine';
import type { Progress } from '../output/progress.js';
import type { DemoKey, DemoPlan } from './demo-plan.js';

/** How many records of each kind the demo loaded. */
export interface DemoCounts {
  /** Properties. */
  readonly properties: number;
  /** Units. */
  readonly units: number;
  /** Leases, renewals and ended ones included. */
  readonly leases: number;
  /** Loans. */
  readonly loans: number;
  /** Contacts: lenders, vendors, tenants. */
  readonly contacts: number;
  /** Valuations. */
  readonly valuations: number;
  /** Transactions. */
  readonly transactions: number;
  /** Recurring charges. */
  readonly recurringCharges: number;
  /** Budget lines. */
  readonly budgets: number;
  /** Tasks, finished ones included. */
  readonly tasks: number;
  /** Deals in the pipeline. */
  readonly deals: number;
}

/** Counts of a plan's records. */
export function demoCounts(plan: DemoPlan): DemoCounts {
  return {
    properties: plan.properties.length,
    units: plan.units.length,
    leases: plan.leases.length,
    loans: plan.loans.length,
    contacts: plan.contacts.length,
    valuations: plan.valuations.length,
    transactions: plan.transactions.length,
    recurringCharges: plan.recurringCharges.length,
    budgets: plan.budgets.length,
    tasks: plan.tasks.length,
    deals: plan.deals.length,
  };
}

/** Service calls {@link loadDemoPlan} makes (for a progress bar). */
export function demoLoadSteps(plan: DemoPlan): number {
  const counts = demoCounts(plan);
  return Object.values(counts).reduce((sum, count) => sum + count, 0) - counts.transactions + 2;
}

/** Creates the demo portfolio through `session` (acting as its owner-to-be); returns the portfolio. */
export async function loadDemoPlan(
  session: FreeholdSession,
  plan: DemoPlan,
  progress: Progress,
): Promise<Portfolio> {
  const portfolio = await session.portfolios.create(plan.portfolio);
  progress.advance();
  const portfolioId = portfolio.id;
  const ids = new Map<DemoKey, string>();
  const id = (key: DemoKey): string => {
    const found = ids.get(key);
    if (found === undefined) throw new Error(`demo plan refers to ${key} before creating it`);
    return found;
  };
  const optional = (key: DemoKey | null): string | null => (key === null ? null : id(key));
  const created = (key: DemoKey, record: { id: string }) => {
    ids.set(key, record.id);
    progress.advance();
  };

  for (const contact of plan.contacts) {
    created(contact.key, await session.contacts.create({ ...contact.input, portfolioId }));
  }
  for (const property of plan.properties) {
    created(property.key, await session.properties.create({ ...property.input, portfolioId }));
  }
  for (const valuation of plan.valuations) {
    const propertyId = id(valuation.refs.propertyId);
    created(valuation.key, await session.valuations.create({ ...valuation.input, portfolioId, propertyId }));
  }
  for (const unit of plan.units) {
    const propertyId = id(unit.refs.propertyId);
    created(unit.key, await session.units.create({ ...unit.input, portfolioId, propertyId }));
  }
  for (const lease of plan.leases) {
    const { refs } = lease;
    const record = await session.leases.create({
      ...lease.input,
      portfolioId,
      propertyId: id(refs.propertyId),
      unitId: id(refs.unitId),
      tenantIds: refs.tenantIds.map(id),
      previousLeaseId: optional(refs.previousLeaseId),
    });
    created(lease.key, record);
  }
  for (const loan of plan.loans) {
    const record = await session.loans.create({
      ...loan.input,
      portfolioId,
      propertyId: id(loan.refs.propertyId),
      lenderContactId: optional(loan.refs.lenderContactId),
    });
    created(loan.key, record);
  }
  await session.transactions.import(
    portfolioId,
    plan.transactions.map((transaction) => ({
      ...transaction.input,
      propertyId: id(transaction.refs.propertyId),
      unitId: optional(transaction.refs.unitId),
      leaseId: optional(transaction.refs.leaseId),
      loanId: optional(transaction.refs.loanId),
    })),
    { source: 'import', sourceRef: `freehold demo --seed ${plan.seed} --as-of ${plan.asOf}` },
  );
  progress.advance();
  for (const charge of plan.recurringCharges) {
    const { refs } = charge;
    const record = await session.recurringCharges.create({
      ...charge.input,
      portfolioId,
      propertyId: id(refs.propertyId),
      unitId: optional(refs.unitId),
      leaseId: optional(refs.leaseId),
      loanId: optional(refs.loanId),
    });
    created(charge.key, record);
  }
  for (const budget of plan.budgets) {
    const propertyId = id(budget.refs.propertyId);
    created(budget.key, await session.budgets.create({ ...budget.input, portfolioId, propertyId }));
  }
  for (const task of plan.tasks) {
    const record = await session.tasks.create({
      ...task.input,
      portfolioId,
      propertyId: optional(task.refs.propertyId),
      unitId: optional(task.refs.unitId),
    });
    created(task.key, record);
  }
  for (const deal of plan.deals) {
    created(deal.key, await session.deals.create({ ...deal.input, portfolioId }));
  }
  return portfolio;
}
