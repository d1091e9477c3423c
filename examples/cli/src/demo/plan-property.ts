/**
 * One demo property end to end: the property, its units and lease histories, its loan, and every transaction
 * of its five years — rent as tenants paid it (mostly on time, a few late with a late fee, a few missed),
 * deposits, turnovers, each operating expense category with its own rhythm and seasonality, capital projects,
 * acquisition flows for recent purchases, and the mortgage split from the amortization schedule.
 * @module
 */
import { addDays, type DateString, Decimal, formatMoney } from '@freehold/engine';
import { calendarMonthOf, dateIn, firstDayOf, type MonthIndex, monthLabel, yearOf } from './demo-calendar.js';
import type { CatalogProperty } from './demo-catalog.js';
import type { DemoLedger } from './demo-ledger.js';
import type {
  PlannedLease,
  PlannedLoan,
  PlannedProperty,
  PlannedUnit,
  PlannedValuation,
} from './demo-plan.js';
import { lenderKey, lenderName, type TenantDirectory, vendorName } from './plan-contacts.js';
import {
  type LeaseSpan,
  leaseEndDate,
  leaseStartDate,
  planUnitHistory,
  rentInMonth,
  type UnitHistory,
} from './plan-leases.js';
import { planLoan, planLoanPayments } from './plan-loans.js';
import type { SeededRandom } from './seeded-random.js';

/** Where the history sits: the as-of date and month, and the first month of history. */
export interface DemoWindow {
  /** The as-of date. */
  readonly asOf: DateString;
  /** Its month. */
  readonly asOfMonth: MonthIndex;
  /** The first month of history (60 months before the as-of month). */
  readonly historyStartMonth: MonthIndex;
}

/** A unit as planned, with its history (later steps read it for rent charges and tasks). */
export interface UnitFacts {
  /** Demo key. */
  readonly key: string;
  /** Label. */
  readonly label: string;
  /** Lease history. */
  readonly history: UnitHistory;
  /** Tenant names by tenant index. */
  readonly tenantNames: readonly string[];
}

/** Everything planned for one property. */
export interface PropertyFacts {
  /** The catalog entry. */
  readonly catalog: CatalogProperty;
  /** Demo key of the property. */
  readonly key: string;
  /** Purchase month. */
  readonly purchaseMonth: MonthIndex;
  /** Purchase date. */
  readonly purchaseDate: DateString;
  /** Day of the month the insurance renews and taxes are due. */
  readonly policyDay: number;
  /** Day of the month property tax instalments are paid. */
  readonly taxDay: number;
  /** Demo key of the loan, when any. */
  readonly loanKey: string | null;
  /** Loan funding date, when any. */
  readonly loanStartDate: DateString | null;
  /** The property record. */
  readonly property: PlannedProperty;
  /** Its valuations. */
  readonly valuations: readonly PlannedValuation[];
  /** Its units. */
  readonly units: readonly PlannedUnit[];
  /** Unit histories. */
  readonly unitFacts: readonly UnitFacts[];
  /** Its leases. */
  readonly leases: readonly PlannedLease[];
  /** Its loan. */
  readonly loans: readonly PlannedLoan[];
}

/** Monthly seasonality of owner-paid utilities (heating in winter, cooling in summer), January first. */
const UTILITY_SEASON = [1.35, 1.3, 1.1, 0.9, 0.85, 1.05, 1.25, 1.25, 1.0, 0.85, 0.95, 1.25];

/** Yearly growth of market rents. */
const RENT_GROWTH = 0.035;
/** Yearly growth of taxes, HOA dues and service contracts. */
const COST_GROWTH = 1.03;
/** Yearly growth of insurance premiums. */
const PREMIUM_GROWTH = 1.06;

/** Price level of `month`'s year relative to the as-of year. */
function priceLevel(growth: number, month: MonthIndex, asOfMonth: MonthIndex): number {
  return growth ** (yearOf(month) - yearOf(asOfMonth));
}

function poisson(random: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let product = random.next();
  let count = 0;
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

const money = (amount: Decimal) => formatMoney(amount, 2);

/** Plans one catalog property and writes its transactions into `ledger`. */
export function planProperty(options: {
  readonly catalog: CatalogProperty;
  readonly random: SeededRandom;
  readonly window: DemoWindow;
  readonly ledger: DemoLedger;
  readonly tenants: TenantDirectory;
  readonly nextLeaseKey: () => string;
}): PropertyFacts {
  const { catalog, random, window, ledger, tenants } = options;
  const { asOf, asOfMonth, historyStartMonth } = window;
  const key = `property:${catalog.key}`;
  const purchaseMonth = asOfMonth - catalog.purchasedMonthsAgo;
  const purchaseDate = dateIn(purchaseMonth, random.int(1, 28));
  const policyDay = random.int(1, 28);
  const taxDay = random.int(10, 25);
  const managed = catalog.managementRate !== undefined;
  const firstMonth = Math.max(historyStartMonth, purchaseMonth);
  const single = catalog.units.length === 1;

  // ── units and lease histories ──────────────────────────────────────────────────────────────────────────
  const units: PlannedUnit[] = [];
  const unitFacts: UnitFacts[] = [];
  const leases: PlannedLease[] = [];
  const rentCollected = new Map<MonthIndex, Decimal>();
  for (const unit of catalog.units) {
    const unitKey = `unit:${catalog.key}:${unit.label}`;
    const history = planUnitHistory({
      random,
      property: catalog,
      unit,
      asOfMonth,
      historyStartMonth,
      purchaseMonth,
      rentGrowth: RENT_GROWTH,
      nextKey: options.nextLeaseKey,
    });
    const tenantKeys: string[] = [];
    const tenantNames: string[] = [];
    for (let i = 0; i < history.tenantCount; i++) {
      const tenant = unit.commercial ? tenants.business(catalog.city) : tenants.person(catalog.city);
      tenantKeys.push(tenant.key);
      tenantNames.push(tenant.name);
    }
    const last = history.leases[history.leases.length - 1];
    const lastEnd = last ? leaseEndDate(last) : null;
    const occupied = last !== undefined && (lastEnd === null || lastEnd >= asOf);
    const status = !occupied ? 'vacant' : history.condition === 'ending_soon' ? 'notice' : 'occupied';
    units.push({
      key: unitKey,
      refs: { propertyId: key },
      input: {
        label: unit.label,
        bedrooms: unit.bedrooms,
        bathrooms: unit.bathrooms,
        sqft: unit.sqft,
        marketRent: unit.marketRent,
        status,
        notes: unit.commercial ? 'Commercial space' : null,
      },
    });
    unitFacts.push({ key: unitKey, label: unit.label, history, tenantNames });

    let previous: LeaseSpan | undefined;
    history.leases.forEach((lease, index) => {
      const next = history.leases[index + 1];
      const endDate = leaseEndDate(lease);
      const active = endDate === null || endDate >= asOf;
      const tenantKey = tenantKeys[lease.tenantIndex] ?? '';
      const tenantName = tenantNames[lease.tenantIndex] ?? '';
      let notes: string | null = null;
      if (active && history.condition === 'ending_soon') notes = 'Tenant gave notice: not renewing.';
      if (lease.end === null) notes = 'Month-to-month since the last term ended.';
      leases.push({
        key: lease.key,
        refs: {
          propertyId: key,
          unitId: unitKey,
          previousLeaseId: lease.renewal && previous ? previous.key : null,
          tenantIds: [tenantKey],
        },
        input: {
          startDate: leaseStartDate(lease),
          endDate,
          rent: money(lease.rent),
          rentDueDay: lease.dueDay,
          graceDays: lease.graceDays,
          lateFee: money(lease.lateFee),
          deposit: money(lease.deposit),
          escalations: lease.escalations.map((escalation) =>
            escalation.kind === 'percent'
              ? {
                  effectiveDate: firstDayOf(escalation.effectiveMonth),
                  kind: 'percent',
                  value: escalation.value,
                }
              : {
                  effectiveDate: firstDayOf(escalation.effectiveMonth),
                  kind: 'fixed_amount',
                  value: money(escalation.value),
                },
          ),
          status: active ? 'active' : 'ended',
          notes,
        },
      });
      planRent({
        ledger,
        random,
        lease,
        asOf,
        unitKey,
        propertyKey: key,
        unitLabel: unit.label,
        tenantName,
        unpaidLast: active && history.condition === 'unpaid_rent',
        firstMonth: historyStartMonth,
        collected: rentCollected,
      });
      if (!lease.renewal) {
        // a new tenant moves in: listing, applications, deposit, leasing commission
        const moveIn = leaseStartDate(lease);
        const residential = unit.commercial !== true;
        ledger.add({
          date: addDays(moveIn, -random.int(3, 10)),
          amount: lease.deposit,
          category: 'security_deposit',
          property: key,
          unit: unitKey,
          lease: lease.key,
          payee: tenantName,
          memo: `Security deposit, ${unit.label}`,
        });
        if (residential && !managed) {
          ledger.add({
            date: addDays(moveIn, -random.int(20, 35)),
            amount: random.money('35.00', '180.00').negated(),
            category: 'advertising',
            property: key,
            unit: unitKey,
            payee: 'Rental listing sites',
            memo: `Listing for ${unit.label}`,
          });
        }
        if (residential) {
          ledger.add({
            date: addDays(moveIn, -random.int(14, 25)),
            amount: new Decimal(random.pick([35, 40, 45, 50])).times(random.int(1, 3)),
            category: 'other_income',
            property: key,
            unit: unitKey,
            memo: `Application fees, ${unit.label}`,
          });
        }
        if (managed || !residential) {
          const commission = residential ? lease.rent.times(0.5) : lease.rent.times(12).times(0.06);
          ledger.add({
            date: moveIn,
            amount: commission.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).negated(),
            category: 'commissions',
            property: key,
            unit: unitKey,
            lease: lease.key,
            payee: residential ? vendorName('manager') : 'Commercial leasing broker',
            memo: residential ? `Leasing fee, ${unit.label}` : `Leasing commission, ${unit.label}`,
          });
        }
      }
      const movedOut = endDate !== null && endDate < asOf && (next === undefined || !next.renewal);
      if (movedOut && lease.end !== null) {
        planTurnover({
          ledger,
          random,
          lease,
          endDate,
          propertyKey: key,
          unitKey,
          unitLabel: unit.label,
          tenantName,
          commercial: unit.commercial === true,
        });
      }
      previous = lease;
    });

    if (single) {
      // the owner carries the utilities of an empty house
      for (let month = Math.max(firstMonth, purchaseMonth + 1); month <= asOfMonth; month++) {
        const let_ = history.leases.some(
          (lease) => lease.start <= month && (lease.end === null || lease.end >= month),
        );
        if (let_) continue;
        ledger.add({
          date: dateIn(month, random.int(18, 26)),
          amount: random.money('95.00', '185.00').negated(),
          category: 'utilities',
          property: key,
          unit: unitKey,
          payee: 'City utilities',
          memo: 'Utilities while vacant',
        });
      }
    }
  }

  // ── recurring operating costs and other income, month by month ───────────────────────────────────────────
  const insuranceMonth = calendarMonthOf(asOfMonth + catalog.insuranceRenewalInMonths);
  const lastRenewal = asOfMonth + catalog.insuranceRenewalInMonths - 12;
  const licenceMonth = catalog.licence ? calendarMonthOf(asOfMonth + catalog.licence.renewalInMonths) : 0;
  const unitCount = catalog.units.length;
  for (let month = firstMonth; month <= asOfMonth; month++) {
    const calendarMonth = calendarMonthOf(month);
    const costLevel = priceLevel(COST_GROWTH, month, asOfMonth);
    const at = (day: number) => dateIn(month, day);
    const add = (day: number, amount: Decimal, category: string, payee: string | null, memo: string | null) =>
      ledger.add({ date: at(day), amount, category, property: key, payee, memo });

    if (catalog.taxMonths.includes(calendarMonth)) {
      add(
        taxDay,
        new Decimal(catalog.annualTax).dividedBy(2).times(costLevel).negated(),
        'taxes',
        `${catalog.city} County Treasurer`,
        `Property tax instalment ${yearOf(month)}`,
      );
    }
    if (calendarMonth === insuranceMonth) {
      const years = (month - lastRenewal) / 12;
      const premium = new Decimal(catalog.annualInsurance).times(PREMIUM_GROWTH ** years);
      add(policyDay, premium.negated(), 'insurance', vendorName('insurer'), 'Annual policy premium');
    }
    if (catalog.hoa) {
      add(
        1,
        new Decimal(catalog.hoa).times(costLevel).negated(),
        'hoa_fees',
        'Homeowners association',
        'Monthly dues',
      );
    }
    if (catalog.managementRate !== undefined) {
      const base = rentCollected.get(month - 1);
      if (base) {
        add(
          10,
          base.times(catalog.managementRate).negated(),
          'management_fees',
          vendorName('manager'),
          `Management fee on ${monthLabel(month - 1)} rent`,
        );
      }
    }
    if (catalog.utilities) {
      const season = UTILITY_SEASON[calendarMonth - 1] ?? 1;
      let amount = new Decimal(catalog.utilities)
        .times(season)
        .times(costLevel)
        .times(random.int(92, 108) / 100);
      let memo = 'Water, sewer and common-area electric';
      if (catalog.key === 'westport' && month === asOfMonth - 1) {
        amount = amount.times(2.6);
        memo = 'Water bill: main leak under the parking lot (repaired)';
      }
      add(random.int(18, 24), amount.negated(), 'utilities', 'City utilities', memo);
    }
    if (catalog.cleaning) {
      add(
        5,
        new Decimal(catalog.cleaning).times(costLevel).negated(),
        'cleaning_maintenance',
        vendorName(calendarMonth >= 4 && calendarMonth <= 10 ? 'landscaping' : 'cleaning'),
        'Common areas and grounds',
      );
    }
    if (unitCount >= 4 && calendarMonth % 3 === 1) {
      add(
        random.int(3, 26),
        random.money('85.00', '160.00').negated(),
        'other_expense',
        vendorName('pest'),
        'Quarterly pest control',
      );
    }
    if (catalog.otherIncome) {
      add(
        28,
        new Decimal(catalog.otherIncome.amount).times(costLevel).times(random.int(90, 110) / 100),
        'other_income',
        null,
        catalog.otherIncome.memo,
      );
    }
    if (catalog.licence && calendarMonth === licenceMonth) {
      add(
        policyDay,
        new Decimal(catalog.licence.amount).times(costLevel).negated(),
        'other_expense',
        `City of ${catalog.city}`,
        'Rental licence renewal',
      );
    }
    if (calendarMonth === 4) {
      add(
        random.int(5, 25),
        random.money('275.00', '650.00').negated(),
        'legal_professional',
        vendorName('cpa'),
        'Tax preparation: Schedule E',
      );
    }
    if (!managed && random.chance(0.45)) {
      add(
        random.int(1, 28),
        random.money('18.00', '85.00').negated(),
        'auto_travel',
        null,
        'Mileage: property visit',
      );
    }
    if (random.chance(unitCount >= 4 ? 0.5 : 0.1)) {
      add(
        random.int(1, 28),
        random.money('25.00', '180.00').negated(),
        'supplies',
        'Home improvement store',
        'Supplies',
      );
    }
    const season =
      calendarMonth >= 3 && calendarMonth <= 7
        ? 1.3
        : calendarMonth === 12 || calendarMonth <= 2
          ? 1.15
          : 0.8;
    const repairs = poisson(random, (0.22 + 0.11 * unitCount) * season);
    for (let i = 0; i < repairs; i++) {
      const size = random.weighted([
        ['small', 70],
        ['medium', 25],
        ['large', 5],
      ] as const);
      const amount =
        size === 'small'
          ? random.money('85.00', '450.00')
          : size === 'medium'
            ? random.money('450.00', '1500.00')
            : random.money('1500.00', '3800.00');
      const vendor = random.pick(['plumbing', 'hvac', 'handyman', 'handyman'] as const);
      const what =
        vendor === 'plumbing'
          ? 'Plumbing repair'
          : vendor === 'hvac'
            ? 'HVAC service call'
            : 'General repairs';
      add(random.int(1, 28), amount.negated(), 'repairs', vendorName(vendor), what);
    }
  }

  // ── one-off events ───────────────────────────────────────────────────────────────────────────────────────
  for (const project of catalog.capex ?? []) {
    ledger.add({
      date: dateIn(asOfMonth - project.monthsAgo, random.int(5, 25)),
      amount: new Decimal(project.amount).negated(),
      category: 'capital_improvements',
      property: key,
      payee: vendorName(project.vendor),
      memo: project.memo,
    });
  }
  if (catalog.key === 'fountainsquare') {
    ledger.add({
      date: dateIn(asOfMonth - 5, 9),
      amount: new Decimal('-14860.00'),
      category: 'repairs',
      property: key,
      payee: vendorName('plumbing'),
      memo: 'Burst pipe: emergency plumbing, water extraction and drywall',
    });
    ledger.add({
      date: dateIn(asOfMonth - 33, 16),
      amount: new Decimal('-1850.00'),
      category: 'legal_professional',
      property: key,
      payee: vendorName('legal'),
      memo: 'Small-claims filing for unpaid rent and damages',
    });
  }
  if (catalog.key === 'brickell') {
    ledger.add({
      date: dateIn(asOfMonth - 14, 1),
      amount: new Decimal('-4200.00'),
      category: 'hoa_fees',
      property: key,
      payee: 'Homeowners association',
      memo: 'Special assessment: building waterproofing',
    });
  }

  // ── financing and acquisition ────────────────────────────────────────────────────────────────────────────
  const loans: PlannedLoan[] = [];
  let loanKey: string | null = null;
  let loanStartDate: DateString | null = null;
  if (catalog.loan) {
    const loan = catalog.loan;
    loanKey = `loan:${catalog.key}`;
    loanStartDate =
      loan.startMonthsAgo === catalog.purchasedMonthsAgo
        ? purchaseDate
        : firstDayOf(asOfMonth - loan.startMonthsAgo);
    loans.push(
      planLoan({
        key: loanKey,
        propertyKey: key,
        lenderKey: lenderKey(loan.lender),
        loan,
        startDate: loanStartDate,
      }),
    );
    planLoanPayments({
      ledger,
      loan,
      loanKey,
      propertyKey: key,
      lenderName: lenderName(loan.lender),
      startDate: loanStartDate,
      asOf,
    });
  }
  if (ledger.covers(purchaseDate)) {
    const price = new Decimal(catalog.purchasePrice);
    const costs = new Decimal(catalog.closingCosts);
    const loanAmount = new Decimal(catalog.loan?.amount ?? '0');
    const earlyCapex = (catalog.capex ?? [])
      .filter((project) => project.monthsAgo >= catalog.purchasedMonthsAgo - 6)
      .reduce((sum, project) => sum.plus(project.amount), new Decimal(0));
    const common = { date: purchaseDate, property: key };
    ledger.add({
      ...common,
      amount: price.negated(),
      category: 'purchase_price',
      payee: 'Seller',
      memo: `Purchase of ${catalog.line1}`,
    });
    ledger.add({
      ...common,
      amount: costs.negated(),
      category: 'closing_costs',
      payee: 'Title company',
      memo: 'Closing costs',
    });
    if (loanKey && catalog.loan) {
      ledger.add({
        ...common,
        amount: loanAmount,
        category: 'loan_proceeds',
        loan: loanKey,
        payee: lenderName(catalog.loan.lender),
        memo: 'Loan funding at closing',
      });
    }
    ledger.add({
      ...common,
      amount: price.plus(costs).minus(loanAmount).plus(earlyCapex),
      category: 'owner_contribution',
      payee: 'Owner',
      memo: 'Down payment, closing costs and renovation budget',
    });
  }

  // ── valuations ───────────────────────────────────────────────────────────────────────────────────────────
  const valuations: PlannedValuation[] = [];
  const price = new Decimal(catalog.purchasePrice);
  if (purchaseMonth >= historyStartMonth) {
    valuations.push({
      key: `valuation:${catalog.key}:purchase`,
      refs: { propertyId: key },
      input: {
        date: purchaseDate,
        value: catalog.purchasePrice,
        source: 'purchase',
        notes: 'Contract price',
      },
    });
  }
  let currentValue = catalog.purchasePrice;
  for (let yearsBack = 4; yearsBack >= 0; yearsBack--) {
    const month = asOfMonth - 1 - 12 * yearsBack;
    if (month < purchaseMonth + 6) continue;
    const grown = price
      .times((1 + catalog.appreciation) ** ((month - purchaseMonth) / 12))
      .times(random.int(97, 103) / 100);
    const value = grown.dividedBy(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(1000);
    currentValue = money(value);
    const source = yearsBack === 0 && unitCount > 1 ? 'broker_opinion' : 'automated';
    valuations.push({
      key: `valuation:${catalog.key}:${yearsBack}`,
      refs: { propertyId: key },
      input: {
        date: dateIn(month, 28),
        value: currentValue,
        source,
        notes: source === 'automated' ? 'Automated valuation model' : 'Broker opinion of value',
      },
    });
  }

  const property: PlannedProperty = {
    key,
    refs: {},
    input: {
      name: catalog.name,
      address: {
        line1: catalog.line1,
        city: catalog.city,
        region: catalog.region,
        postalCode: catalog.postalCode,
        country: 'US',
      },
      location: { lat: catalog.lat, lng: catalog.lng },
      propertyType: catalog.propertyType,
      purchaseDate,
      purchasePrice: catalog.purchasePrice,
      closingCosts: catalog.closingCosts,
      landValue: catalog.landValue,
      currentValue,
      yearBuilt: catalog.yearBuilt,
      notes: managed ? `Managed by ${vendorName('manager')}` : 'Self-managed',
    },
  };
  return {
    catalog,
    key,
    purchaseMonth,
    purchaseDate,
    policyDay,
    taxDay,
    loanKey,
    loanStartDate,
    property,
    valuations,
    units,
    unitFacts,
    leases,
    loans,
  };
}

/** Rent payments of one lease within the history, and the monthly rent collected (for management fees). */
function planRent(options: {
  readonly ledger: DemoLedger;
  readonly random: SeededRandom;
  readonly lease: LeaseSpan;
  readonly asOf: DateString;
  readonly unitKey: string;
  readonly propertyKey: string;
  readonly unitLabel: string;
  readonly tenantName: string;
  readonly unpaidLast: boolean;
  readonly firstMonth: MonthIndex;
  readonly collected: Map<MonthIndex, Decimal>;
}): void {
  const { ledger, random, lease, asOf } = options;
  const last = lease.end ?? Number.POSITIVE_INFINITY;
  const dueDates: { month: MonthIndex; due: DateString }[] = [];
  for (let month = Math.max(lease.start, options.firstMonth); month <= last; month++) {
    const due = dateIn(month, lease.dueDay);
    if (due > asOf) break;
    dueDates.push({ month, due });
  }
  dueDates.forEach(({ month, due }, index) => {
    if (options.unpaidLast && index === dueDates.length - 1) return; // this month's rent is still outstanding
    const rent = rentInMonth(lease, month);
    const roll = random.next();
    if (roll < 0.006) return; // missed: never paid (credit loss)
    const late = roll < 0.031;
    const paid = addDays(
      due,
      late
        ? lease.graceDays + random.int(1, 12)
        : random.weighted([
            [0, 50],
            [1, 20],
            [2, 15],
            [3, 10],
            [4, 5],
          ]),
    );
    if (paid > asOf) return; // not paid yet
    const common = {
      date: paid,
      property: options.propertyKey,
      unit: options.unitKey,
      lease: lease.key,
      payee: options.tenantName,
    };
    if (
      ledger.add({
        ...common,
        amount: rent,
        category: 'rent',
        memo: `Rent ${monthLabel(month)}, ${options.unitLabel}`,
      })
    ) {
      options.collected.set(month, (options.collected.get(month) ?? new Decimal(0)).plus(rent));
    }
    if (late && lease.lateFee.greaterThan(0)) {
      ledger.add({
        ...common,
        amount: lease.lateFee,
        category: 'late_fees',
        memo: `Late fee ${monthLabel(month)}`,
      });
    }
  });
}

/** A tenant moves out: deposit back, cleaning, touch-up repairs, sometimes a new appliance. */
function planTurnover(options: {
  readonly ledger: DemoLedger;
  readonly random: SeededRandom;
  readonly lease: LeaseSpan;
  readonly endDate: DateString;
  readonly propertyKey: string;
  readonly unitKey: string;
  readonly unitLabel: string;
  readonly tenantName: string;
  readonly commercial: boolean;
}): void {
  const { ledger, random, lease, endDate, propertyKey, unitKey, unitLabel } = options;
  const common = { property: propertyKey, unit: unitKey };
  ledger.add({
    ...common,
    date: addDays(endDate, random.int(7, 21)),
    amount: lease.deposit.negated(),
    category: 'security_deposit',
    lease: lease.key,
    payee: options.tenantName,
    memo: `Deposit returned, ${unitLabel}`,
  });
  if (options.commercial) return;
  ledger.add({
    ...common,
    date: addDays(endDate, random.int(2, 6)),
    amount: random.money('175.00', '450.00').negated(),
    category: 'cleaning_maintenance',
    payee: vendorName('cleaning'),
    memo: `Move-out cleaning, ${unitLabel}`,
  });
  if (random.chance(0.5)) {
    ledger.add({
      ...common,
      date: addDays(endDate, random.int(3, 12)),
      amount: random.money('250.00', '1200.00').negated(),
      category: 'repairs',
      payee: vendorName('handyman'),
      memo: `Paint and patch after move-out, ${unitLabel}`,
    });
  }
  if (random.chance(0.15)) {
    ledger.add({
      ...common,
      date: addDays(endDate, random.int(3, 14)),
      amount: random.money('650.00', '1850.00').negated(),
      category: 'capital_improvements',
      payee: 'Appliance outlet',
      memo: `New ${random.pick(['refrigerator', 'range', 'dishwasher', 'washer and dryer'])}, ${unitLabel}`,
    });
  }
}
