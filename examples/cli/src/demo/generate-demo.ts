/**
 * `generateDemoPlan({ seed, asOf })`: the whole demo portfolio as create inputs — pure and deterministic (the
 * same seed and as-of date give the same plan, byte for byte). Nothing is typed in that can be computed: rents
 * follow leases and their escalations, mortgage payments follow `amortize()`, management fees follow the rent
 * collected, budgets and distributions follow the actuals.
 * @module
 */
import { type DateString, isDateString, ValidationError } from '@freehold/engine';
import { firstDayOf, monthIndexOf } from './demo-calendar.js';
import { CATALOG } from './demo-catalog.js';
import { DemoLedger } from './demo-ledger.js';
import type { DemoPlan } from './demo-plan.js';
import { planBusinessContacts, TenantDirectory } from './plan-contacts.js';
import {
  planBudgets,
  planDeals,
  planDistributions,
  planRecurringCharges,
  planTasks,
} from './plan-portfolio-extras.js';
import { type DemoWindow, planProperty } from './plan-property.js';
import { seededRandom } from './seeded-random.js';

/** Months of transaction history before the as-of month. */
export const DEMO_HISTORY_MONTHS = 60;

/** Options of {@link generateDemoPlan}. */
export interface DemoOptions {
  /** Seed of the pseudo-random draws (an integer 0 – 4,294,967,295). */
  readonly seed: number;
  /** The as-of date: history ends here, leases and tasks are current as of it. */
  readonly asOf: DateString;
}

/** Builds the demo portfolio plan for `seed` and `asOf`. Pure: no clock, no I/O. */
export function generateDemoPlan(options: DemoOptions): DemoPlan {
  const { seed, asOf } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw ValidationError.field('seed', 'an integer from 0 to 4294967295');
  }
  if (!isDateString(asOf)) throw ValidationError.field('asOf', 'a calendar date YYYY-MM-DD');
  const random = seededRandom(seed);
  const asOfMonth = monthIndexOf(asOf);
  const window: DemoWindow = { asOf, asOfMonth, historyStartMonth: asOfMonth - DEMO_HISTORY_MONTHS };
  const historyStart = firstDayOf(window.historyStartMonth);
  const ledger = new DemoLedger(historyStart, asOf);
  const tenants = new TenantDirectory(random.fork());
  let leaseCount = 0;
  const nextLeaseKey = () => `lease:${++leaseCount}`;

  const properties = CATALOG.map((catalog) =>
    planProperty({ catalog, random: random.fork(), window, ledger, tenants, nextLeaseKey }),
  );
  planDistributions(ledger, properties, window);

  return {
    seed,
    asOf,
    historyStart,
    portfolio: { name: 'Demo Portfolio', currency: 'USD' },
    contacts: [...planBusinessContacts(), ...tenants.contacts],
    properties: properties.map((facts) => facts.property),
    valuations: properties.flatMap((facts) => facts.valuations),
    units: properties.flatMap((facts) => facts.units),
    leases: properties.flatMap((facts) => facts.leases),
    loans: properties.flatMap((facts) => facts.loans),
    transactions: ledger.planned(),
    recurringCharges: planRecurringCharges(properties, window),
    budgets: planBudgets(ledger, properties, window),
    tasks: planTasks(properties, window),
    deals: planDeals(window),
  };
}
