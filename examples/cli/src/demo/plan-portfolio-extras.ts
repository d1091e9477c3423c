/**
 * What the demo derives once every property's history exists: owner distributions from each year's actual cash
 * flow, budgets from the previous year's actuals, recurring charges matching the transactions, open tasks that
 * follow from the portfolio's state at as-of, and the acquisition pipeline.
 * @module
 */
import { addDays, addMonths, type DateString, Decimal, defaultCategory, formatMoney } from '@freehold/engine';
import { calendarMonthOf, dateIn, type MonthIndex, yearOf } from './demo-calendar.js';
import { PIPELINE } from './demo-catalog.js';
import type { DemoLedger } from './demo-ledger.js';
import type { PlannedBudget, PlannedDeal, PlannedRecurringCharge, PlannedTask } from './demo-plan.js';
import { leaseEndDate, rentInMonth } from './plan-leases.js';
import type { DemoWindow, PropertyFacts } from './plan-property.js';

const money = (amount: Decimal) => formatMoney(amount, 2);

const kindOf = (category: string) => defaultCategory(category)?.kind;

/** Kinds that make up cash flow after capital expenditure. */
const CASH_KINDS = new Set([
  'income',
  'operating_expense',
  'debt_service_interest',
  'debt_service_principal',
  'capital_expenditure',
]);

/** Exact totals per property, year and category of the ledger's kept transactions, in one pass. */
function yearlyTotals(ledger: DemoLedger): Map<string, Map<string, Decimal>> {
  const totals = new Map<string, Map<string, Decimal>>();
  for (const { entry, amount } of ledger.entries()) {
    const key = `${entry.property}|${entry.date.slice(0, 4)}`;
    let byCategory = totals.get(key);
    if (!byCategory) {
      byCategory = new Map();
      totals.set(key, byCategory);
    }
    byCategory.set(entry.category, (byCategory.get(entry.category) ?? new Decimal(0)).plus(amount));
  }
  return totals;
}

/**
 * Each January, owners take 60 % of the previous year's positive cash flow (after debt service and capex),
 * rounded down to the hundred.
 */
export function planDistributions(
  ledger: DemoLedger,
  properties: readonly PropertyFacts[],
  window: DemoWindow,
): void {
  const firstYear = yearOf(window.historyStartMonth);
  const totals = yearlyTotals(ledger);
  for (const facts of properties) {
    for (let year = firstYear; year < yearOf(window.asOfMonth); year++) {
      const date = dateIn(((year + 1) * 12) as MonthIndex, 20);
      if (date > window.asOf) continue;
      let cash = new Decimal(0);
      for (const [category, total] of totals.get(`${facts.key}|${year}`) ?? []) {
        if (CASH_KINDS.has(kindOf(category) ?? '')) cash = cash.plus(total);
      }
      const amount = cash.times(0.6).dividedBy(100).floor().times(100);
      if (amount.lessThan(1000)) continue;
      ledger.add({
        date,
        amount: amount.negated(),
        category: 'owner_distribution',
        property: facts.key,
        payee: 'Owner',
        memo: `Distribution of ${year} cash flow`,
      });
    }
  }
}

/**
 * Budgets for the as-of year and the one before: every income and operating-expense category of a year the
 * property was held in full, at last year's actual plus 3 %, rounded to the hundred.
 */
export function planBudgets(
  ledger: DemoLedger,
  properties: readonly PropertyFacts[],
  window: DemoWindow,
): PlannedBudget[] {
  const budgets: PlannedBudget[] = [];
  const asOfYear = yearOf(window.asOfMonth);
  const totals = yearlyTotals(ledger);
  for (const facts of properties) {
    for (const year of [asOfYear - 1, asOfYear]) {
      const base = year - 1;
      if (base * 12 < Math.max(window.historyStartMonth, facts.purchaseMonth + 1)) continue;
      const byCategory = [...(totals.get(`${facts.key}|${base}`) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [category, total] of byCategory) {
        const kind = kindOf(category);
        if (kind !== 'income' && kind !== 'operating_expense') continue;
        const amount = total.times(1.03).dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(100);
        if (amount.abs().lessThan(100)) continue;
        budgets.push({
          key: `budget:${facts.catalog.key}:${year}:${category}`,
          refs: { propertyId: facts.key },
          input: { year, month: null, category, amount: money(amount), notes: `${base} actual + 3%` },
        });
      }
    }
  }
  return budgets;
}

/** The next date on or after `after`+1 day that falls on `day` of one of `months` (calendar months 1–12). */
function nextOccurrence(
  after: DateString,
  months: readonly number[],
  day: number,
  fromMonth: MonthIndex,
): DateString {
  for (let month = fromMonth; month < fromMonth + 24; month++) {
    if (!months.includes(calendarMonthOf(month))) continue;
    const date = dateIn(month, day);
    if (date > after) return date;
  }
  throw new RangeError('no occurrence within two years');
}

/** Recurring charges: rent of every active lease, insurance, tax instalments, HOA dues, rental licences. */
export function planRecurringCharges(
  properties: readonly PropertyFacts[],
  window: DemoWindow,
): PlannedRecurringCharge[] {
  const { asOf, asOfMonth } = window;
  const charges: PlannedRecurringCharge[] = [];
  const everyMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  for (const facts of properties) {
    const { catalog, key } = facts;
    const refs = { propertyId: key, unitId: null, leaseId: null, loanId: null };
    for (const unit of facts.unitFacts) {
      const lease = unit.history.leases[unit.history.leases.length - 1];
      if (!lease) continue;
      const end = leaseEndDate(lease);
      if (end !== null && end < asOf) continue;
      const nextDue = nextOccurrence(asOf, everyMonth, lease.dueDay, asOfMonth);
      if (end !== null && nextDue > end) continue;
      charges.push({
        key: `recurring:rent:${lease.key}`,
        refs: { ...refs, unitId: unit.key, leaseId: lease.key },
        input: {
          description: `Rent, ${unit.label}`,
          category: 'rent',
          amount: money(rentInMonth(lease, asOfMonth + 1)),
          rrule: `FREQ=MONTHLY;BYMONTHDAY=${lease.dueDay}`,
          nextDueDate: nextDue,
        },
      });
    }
    const insuranceMonth = calendarMonthOf(asOfMonth + catalog.insuranceRenewalInMonths);
    const renewal = dateIn(asOfMonth + catalog.insuranceRenewalInMonths, facts.policyDay);
    charges.push({
      key: `recurring:insurance:${catalog.key}`,
      refs,
      input: {
        description: 'Property insurance premium',
        category: 'insurance',
        amount: money(new Decimal(catalog.annualInsurance).negated()),
        rrule: `FREQ=YEARLY;BYMONTH=${insuranceMonth};BYMONTHDAY=${facts.policyDay}`,
        nextDueDate: renewal,
        renewalKind: 'insurance',
        renewalDate: renewal,
      },
    });
    const taxDue = nextOccurrence(asOf, catalog.taxMonths, facts.taxDay, asOfMonth);
    charges.push({
      key: `recurring:tax:${catalog.key}`,
      refs,
      input: {
        description: 'Property tax instalment',
        category: 'taxes',
        amount: money(new Decimal(catalog.annualTax).dividedBy(2).negated()),
        rrule: `FREQ=YEARLY;BYMONTH=${[...catalog.taxMonths].sort((a, b) => a - b).join(',')};BYMONTHDAY=${facts.taxDay}`,
        nextDueDate: taxDue,
        renewalKind: 'tax',
        renewalDate: taxDue,
      },
    });
    if (catalog.hoa) {
      charges.push({
        key: `recurring:hoa:${catalog.key}`,
        refs,
        input: {
          description: 'HOA dues',
          category: 'hoa_fees',
          amount: money(new Decimal(catalog.hoa).negated()),
          rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
          nextDueDate: dateIn(asOfMonth + 1, 1),
        },
      });
    }
    if (catalog.licence) {
      const due = dateIn(asOfMonth + catalog.licence.renewalInMonths, facts.policyDay);
      charges.push({
        key: `recurring:licence:${catalog.key}`,
        refs,
        input: {
          description: 'Rental licence',
          category: 'other_expense',
          amount: money(new Decimal(catalog.licence.amount).negated()),
          rrule: `FREQ=YEARLY;BYMONTH=${calendarMonthOf(asOfMonth + catalog.licence.renewalInMonths)};BYMONTHDAY=${facts.policyDay}`,
          nextDueDate: due,
          renewalKind: 'licence',
          renewalDate: due,
        },
      });
    }
  }
  return charges;
}

/** An instant on `date` in the afternoon (UTC), for task completions and deal stage changes. */
function afternoonOf(date: DateString): string {
  return `${date}T16:30:00.000Z`;
}

/** Open (and a few finished) tasks that follow from the portfolio's state at as-of. */
export function planTasks(properties: readonly PropertyFacts[], window: DemoWindow): PlannedTask[] {
  const { asOf, asOfMonth } = window;
  const tasks: PlannedTask[] = [];
  const byKey = new Map(properties.map((facts) => [facts.catalog.key, facts]));
  const add = (propertyKey: string, unitLabel: string | null, input: PlannedTask['input']) => {
    const facts = byKey.get(propertyKey);
    if (!facts) return;
    const unit =
      unitLabel === null ? undefined : facts.unitFacts.find((candidate) => candidate.label === unitLabel);
    tasks.push({
      key: `task:${tasks.length + 1}`,
      refs: { propertyId: facts.key, unitId: unit?.key ?? null },
      input,
    });
  };
  for (const facts of properties) {
    for (const unit of facts.unitFacts) {
      const lease = unit.history.leases[unit.history.leases.length - 1];
      const end = lease ? leaseEndDate(lease) : null;
      const tenant = lease ? unit.tenantNames[lease.tenantIndex] : undefined;
      if (unit.history.condition === 'ending_soon' && end) {
        add(facts.catalog.key, unit.label, {
          title: `Re-let ${facts.catalog.name}: ${tenant ?? 'tenant'} moves out ${end}`,
          description: 'Tenant gave notice. Schedule the move-out inspection, list the unit and show it.',
          dueDate: addDays(end, -30) > asOf ? addDays(end, -30) : addDays(asOf, 7),
          priority: 'high',
          category: 'leasing',
        });
      }
      if (unit.history.condition === 'vacant') {
        add(facts.catalog.key, unit.label, {
          title: `Turn and list ${facts.catalog.name} ${unit.label}`,
          description:
            'Vacant since the last tenant moved out: finish the make-ready, photograph and list it.',
          dueDate: addDays(asOf, 10),
          status: facts.catalog.key === 'raleigh' ? 'in_progress' : 'open',
          priority: 'high',
          category: 'leasing',
        });
      }
      if (unit.history.condition === 'unpaid_rent') {
        add(facts.catalog.key, unit.label, {
          title: `Collect unpaid rent, ${facts.catalog.name} unit ${unit.label}`,
          description: `${tenant ?? 'The tenant'} has not paid this month's rent. Call, then send the late notice.`,
          dueDate: addDays(asOf, 3),
          priority: 'high',
          category: 'financial',
        });
      }
    }
  }
  add('oldetowne', 'B', {
    title: 'Replace water heater, unit B',
    description: 'Tank is 14 years old and weeping at the base. Get two quotes.',
    dueDate: addDays(asOf, -6),
    priority: 'medium',
    category: 'maintenance',
  });
  add('camelback', null, {
    title: 'Annual fire and life-safety inspection',
    dueDate: addDays(asOf, 21),
    priority: 'medium',
    category: 'inspection',
  });
  const camelback = byKey.get('camelback');
  if (camelback?.loanStartDate && camelback.catalog.loan?.balloonMonth) {
    const balloon = addMonths(camelback.loanStartDate, camelback.catalog.loan.balloonMonth);
    add('camelback', null, {
      title: `Refinance before the balloon payment due ${balloon}`,
      description: 'Request term sheets from three lenders; order an appraisal.',
      dueDate: addDays(asOf, 60),
      priority: 'high',
      category: 'financial',
    });
  }
  const lohi = byKey.get('lohi');
  const reset = lohi?.catalog.loan?.rateResets?.find(
    (candidate) => lohi.loanStartDate !== null && addMonths(lohi.loanStartDate, candidate.period) > asOf,
  );
  if (lohi?.loanStartDate && reset) {
    add('lohi', null, {
      title: `ARM resets on ${addMonths(lohi.loanStartDate, reset.period)}: compare refinance options`,
      dueDate: addDays(asOf, 20),
      priority: 'medium',
      category: 'financial',
    });
  }
  add('germantown', null, {
    title: 'Shop the insurance renewal',
    description: 'Premium rose 6% last year. Ask two other carriers for quotes.',
    dueDate: addDays(asOf, 14),
    priority: 'low',
    category: 'financial',
  });
  add('lawrenceville', null, {
    title: 'Renew the rental licence',
    dueDate: addDays(asOf, 25),
    priority: 'medium',
    category: 'legal',
  });
  add('fountainsquare', null, {
    title: 'Burst pipe: emergency repair and drywall',
    dueDate: dateIn(asOfMonth - 5, 12),
    status: 'done',
    completedAt: afternoonOf(dateIn(asOfMonth - 5, 11)),
    priority: 'critical',
    category: 'maintenance',
  });
  add('westport', null, {
    title: 'Repave the parking lot',
    dueDate: dateIn(asOfMonth - 15, 30),
    status: 'done',
    completedAt: afternoonOf(dateIn(asOfMonth - 15, 24)),
    priority: 'medium',
    category: 'maintenance',
  });
  return tasks;
}

/** The acquisition pipeline, each deal with its stage history. */
export function planDeals(window: DemoWindow): PlannedDeal[] {
  return PIPELINE.map((deal, index) => {
    const history = deal.stages.map(([stage, daysAgo]) => ({
      stage,
      at: afternoonOf(addDays(window.asOf, -daysAgo)),
      note: null,
    }));
    const stage = deal.stages[deal.stages.length - 1]?.[0] ?? 'lead';
    return {
      key: `deal:${index + 1}`,
      refs: {},
      input: {
        name: deal.name,
        address: {
          line1: deal.line1,
          city: deal.city,
          region: deal.region,
          postalCode: deal.postalCode,
          country: 'US',
        },
        propertyType: deal.propertyType,
        unitCount: deal.unitCount,
        askingPrice: deal.askingPrice,
        stage,
        stageHistory: history,
        notes: deal.notes,
      },
    };
  });
}
